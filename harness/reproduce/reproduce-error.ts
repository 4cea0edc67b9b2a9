/** Bad input to `goverity reproduce`: the message is one line that says how to fix it. */
export class ReproduceError extends Error {
  override readonly name = 'ReproduceError';
}
