export interface MappedRange {
  addr: number;
  offset: number;
  size: number;
}

export class AddressMap {
  private readonly ranges: MappedRange[] = [];

  add(addr: number, offset: number, size: number): void {
    if (![addr, offset, size].every(Number.isSafeInteger) || addr < 0 || offset < 0 || size <= 0) return;
    this.ranges.push({ addr, offset, size });
  }

  get size(): number {
    return this.ranges.length;
  }

  /** null unless one single range holds all of [addr, addr+length). */
  toOffset(addr: number, length = 1): number | null {
    if (!Number.isSafeInteger(addr) || !Number.isSafeInteger(length) || addr < 0 || length < 0) return null;
    for (const r of this.ranges) {
      if (addr >= r.addr && addr + length <= r.addr + r.size) return r.offset + (addr - r.addr);
    }
    return null;
  }
}
