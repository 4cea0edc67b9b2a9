import type { Verdict } from '../engine/verdict/decide-verdict.js';

/** `--fail-on`: the least severe finding that fails the run. */
export type FailOn = 'error' | 'warning' | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** goverity's exit statuses: verify's for each verdict, and 2 for a usage or target error (any command). */
export const EXIT = { ready: 0, degraded: 10, broken: 11, absent: 12, usage: 2 } as const;

const STATUS: Record<Verdict, number> = EXIT;

/** verify's exit status: the verdict's, unless --fail-on lets it pass (degraded under error; anything under never). */
export function verifyExitStatus(verdict: Verdict, failOn: FailOn = 'warning'): number {
  if (failOn === 'never') return 0;
  if (failOn === 'error' && verdict === 'degraded') return 0;
  return STATUS[verdict];
}
