import { describe, expect, it } from 'vitest';
import type { Finding, FindingCode, Severity } from '../../../engine/checks/finding.js';
import { INAUTHENTIC_CODES, decideVerdict } from '../../../engine/verdict/decide-verdict.js';

/** Any code with any severity: the verdict rules hold whatever the table allows. */
const f = (code: FindingCode, severity: Severity): Finding => ({ code, severity, message: `${code} happened`, evidence: ['test'], fix: null }) as Finding;

describe('decideVerdict', () => {
  it('absent: GO_NOT_FOUND wins over everything, and authenticity is unknown', () => {
    expect(decideVerdict([f('GO_NOT_FOUND', 'error')])).toEqual({ verdict: 'absent', authentic: null });
    expect(decideVerdict([f('CONTAINER', 'info'), f('GO_NOT_FOUND', 'error'), f('GO_STUB', 'error'), f('MODCACHE_UNWRITABLE', 'warning')])).toEqual({
      verdict: 'absent',
      authentic: null,
    });
  });

  it('broken: any error, for a genuine toolchain (authentic) — a wrong GOROOT is still the real go', () => {
    expect(decideVerdict([f('GOROOT_MISMATCH', 'error'), f('BUILD_FAILED', 'error'), f('MULTIPLE_TOOLCHAINS', 'info')])).toEqual({
      verdict: 'broken',
      authentic: true,
    });
  });

  it.each(INAUTHENTIC_CODES)('broken and not authentic with %s', (code) => {
    expect(decideVerdict([f(code, 'error'), f('WRAPPER', 'info')])).toEqual({ verdict: 'broken', authentic: false });
  });

  it('lists exactly the identity codes of the rules as inauthentic', () => {
    expect([...INAUTHENTIC_CODES].sort()).toEqual([
      'BINARY_CORRUPT',
      'BINARY_WRONG_ARCH',
      'BUILD_OUTPUT_FORGED',
      'GO_STUB',
      'GO_VERSION_LIE',
      'PACKAGE_FILES_MODIFIED',
      'RELEASE_CHECKSUM_MISMATCH',
      'SIGNATURE_UNTRUSTED',
    ]);
  });

  it('identity decides authenticity whatever the severity attached to the code', () => {
    expect(decideVerdict([f('GO_VERSION_LIE', 'warning')])).toEqual({ verdict: 'degraded', authentic: false });
    expect(decideVerdict([f('GO_STUB', 'info')])).toEqual({ verdict: 'ready', authentic: false });
  });

  it('degraded: warnings but no error', () => {
    expect(decideVerdict([f('CGO_TOOLCHAIN_MISSING', 'warning'), f('CGO_DISABLED', 'info')])).toEqual({ verdict: 'degraded', authentic: true });
  });

  it('ready: only info findings, or none', () => {
    expect(decideVerdict([f('WRAPPER', 'info'), f('CONTAINER', 'info'), f('SUMDB_DISABLED', 'info')])).toEqual({ verdict: 'ready', authentic: true });
    expect(decideVerdict([])).toEqual({ verdict: 'ready', authentic: true });
  });

  it('does not depend on the order of findings', () => {
    const findings = [f('WRAPPER', 'info'), f('GO_PATH_SHADOWED', 'warning'), f('BUILD_FAILED', 'error'), f('GO_VERSION_LIE', 'error')];
    expect(decideVerdict([...findings].reverse())).toEqual(decideVerdict(findings));
  });
});
