/** Keeps the first `max` bytes of a stream and says when it is full: the cut-off for a command that floods. */
export class CappedBuffer {
  #chunks: Buffer[] = [];
  #size = 0;
  full = false;
  constructor(private readonly max: number) {}
  push(c: Buffer): void {
    if (this.full) return;
    const take = c.subarray(0, this.max - this.#size);
    this.#chunks.push(take);
    this.#size += take.length;
    if (this.#size >= this.max) this.full = true;
  }
  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
  text(): string {
    return this.bytes().toString('utf8');
  }
}
