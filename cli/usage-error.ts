/** Wrong words on the command line: one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
