import type { ExecOptions, ExecResult } from './transport.js';

type Exec = (argv: string[], options: ExecOptions) => Promise<ExecResult>;

/** A directory's entries, sorted, by `ls -1A` on a POSIX target; null when it can't be listed. */
export async function listDirByLs(exec: Exec, dir: string): Promise<string[] | null> {
  const r = await exec(['ls', '-1A', dir], { timeoutMs: 10_000, maxBytes: 1 << 20 });
  if (r.exitCode !== 0) return null;
  return r.stdout.split('\n').filter(Boolean).sort();
}

/** Whether the target's user may write there, by `test -w`; null when test itself failed (exit other than 0 or 1). */
export async function writableByTest(exec: Exec, p: string): Promise<boolean | null> {
  const r = await exec(['test', '-w', p], { timeoutMs: 10_000, maxBytes: 4096 });
  return r.exitCode === 0 ? true : r.exitCode === 1 ? false : null;
}
