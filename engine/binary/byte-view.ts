const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Bounds-checked reads over a byte buffer; a read that does not fit yields 0 or "" instead of throwing. */
export class ByteView {
  readonly bytes: Uint8Array;
  readonly littleEndian: boolean;
  private readonly data: DataView;

  constructor(bytes: Uint8Array, littleEndian = true) {
    this.bytes = bytes;
    this.littleEndian = littleEndian;
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  withEndian(littleEndian: boolean): ByteView {
    return littleEndian === this.littleEndian ? this : new ByteView(this.bytes, littleEndian);
  }

  has(offset: number, size: number): boolean {
    return Number.isSafeInteger(offset) && Number.isSafeInteger(size) && offset >= 0 && size >= 0 && offset + size <= this.bytes.length;
  }

  u8(offset: number): number {
    return this.has(offset, 1) ? this.data.getUint8(offset) : 0;
  }

  u16(offset: number): number {
    return this.has(offset, 2) ? this.data.getUint16(offset, this.littleEndian) : 0;
  }

  u32(offset: number): number {
    return this.has(offset, 4) ? this.data.getUint32(offset, this.littleEndian) : 0;
  }

  /** As a JS number: exact below 2^53, approximate above (such values never fit a real file anyway). */
  u64(offset: number): number {
    if (!this.has(offset, 8)) return 0;
    const lo = this.data.getUint32(offset + (this.littleEndian ? 0 : 4), this.littleEndian);
    const hi = this.data.getUint32(offset + (this.littleEndian ? 4 : 0), this.littleEndian);
    return hi * 0x1_0000_0000 + lo;
  }

  word(offset: number, size: 4 | 8): number {
    return size === 8 ? this.u64(offset) : this.u32(offset);
  }

  /** Clamped to the buffer, and sharing its memory. */
  slice(offset: number, size: number): Uint8Array {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size <= 0) {
      return new Uint8Array(0);
    }
    const start = Math.min(offset, this.bytes.length);
    return this.bytes.subarray(start, Math.min(this.bytes.length, start + size));
  }

  cstring(offset: number, maxLength = 4096, encoding: 'latin1' | 'utf-8' = 'utf-8'): string {
    const window = this.slice(offset, maxLength);
    const end = window.indexOf(0);
    const raw = end < 0 ? window : window.subarray(0, end);
    return (encoding === 'latin1' ? latin1 : utf8).decode(raw);
  }

  fixedString(offset: number, width: number): string {
    return this.cstring(offset, width, 'latin1');
  }

  indexOf(pattern: Uint8Array, from = 0, to = this.bytes.length): number {
    const start = Math.max(0, Math.min(from, this.bytes.length));
    const end = Math.max(start, Math.min(to, this.bytes.length));
    if (pattern.length === 0 || end - start < pattern.length) return -1;
    const hay = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, end - start);
    const at = hay.indexOf(pattern);
    return at < 0 ? -1 : start + at;
  }
}
