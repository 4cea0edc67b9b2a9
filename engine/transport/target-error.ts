/** A problem with the target the user named (bad syntax, no engine, no such image): exit 2, one line on stderr. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}
