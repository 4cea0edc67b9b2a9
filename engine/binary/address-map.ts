/** A file-backed span of the virtual address space: [addr, addr+size) is stored at [offset, offset+size) of the file. */
export interface MappedRange {
  addr: number;
  offset: number;
  size: number;
}

/** Translates virtual addresses to file offsets through the sections or segments of one image. */
export class AddressMap {
  private readonly ranges: MappedRange[] = [];

  add(addr: number, offset: number, size: number): void {
    if (![addr, offset, size].every(Number.isSafeInteger) || addr < 0 || offset < 0 || size <= 0) return;
    this.ranges.push({ addr, offset, size });
  }

  get size(): number {
    return this.ranges.length;
  }

  /** File offset of [addr, addr+length), or null when no single range holds all of it. */
  toOffset(addr: number, length = 1): number | null {
    if (!Number.isSafeInteger(addr) || !Number.isSafeInteger(length) || addr < 0 || length < 0) return null;
    for (const r of this.ranges) {
      if (addr >= r.addr && addr + length <= r.addr + r.size) return r.offset + (addr - r.addr);
    }
    return null;
  }
}
