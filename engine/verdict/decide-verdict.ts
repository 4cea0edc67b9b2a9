import type { Finding, FindingCode } from '../checks/finding.js';

export type Verdict = 'ready' | 'degraded' | 'broken' | 'absent';

/** Codes that say the `go` found is not the toolchain it claims to be (contract: identity, not health). */
export const INAUTHENTIC_CODES: FindingCode[] = [
  'GO_STUB',
  'GO_VERSION_LIE',
  'BINARY_CORRUPT',
  'BINARY_WRONG_ARCH',
  'BUILD_OUTPUT_FORGED',
  'PACKAGE_FILES_MODIFIED',
  'RELEASE_CHECKSUM_MISMATCH',
  'SIGNATURE_UNTRUSTED',
];

/** The verdict is a pure function of the findings; docs/verdict-rules.md states the same rules. */
export function decideVerdict(findings: Finding[]): { verdict: Verdict; authentic: boolean | null } {
  if (findings.some((f) => f.code === 'GO_NOT_FOUND')) return { verdict: 'absent', authentic: null };
  // Identity, whatever the severity; but PACKAGE_FILES_MODIFIED's warning is a go rebuilt in place from its own release's sources.
  const authentic = !findings.some((f) => INAUTHENTIC_CODES.includes(f.code) && !(f.code === 'PACKAGE_FILES_MODIFIED' && f.severity !== 'error'));
  if (findings.some((f) => f.severity === 'error')) return { verdict: 'broken', authentic };
  if (findings.some((f) => f.severity === 'warning')) return { verdict: 'degraded', authentic };
  return { verdict: 'ready', authentic };
}
