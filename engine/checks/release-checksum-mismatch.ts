import type { Check, Finding } from './finding.js';
import { releaseChecksumProblem } from './release-checksum-problem.js';

/** An official release whose files are not the ones Go's checksum database vouches for: tampered. */
export const releaseChecksumMismatch: Check = (facts) => {
  const p = releaseChecksumProblem(facts);
  const out: Finding[] = p ? [{ code: 'RELEASE_CHECKSUM_MISMATCH', severity: 'error', ...p }] : [];
  return out;
};
