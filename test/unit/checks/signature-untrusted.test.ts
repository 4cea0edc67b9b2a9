import { describe, expect, it } from 'vitest';
import type { BinarySignature } from '../../../engine/binary/binary-identity.js';
import { signatureUntrusted } from '../../../engine/checks/signature-untrusted.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withSignature } from '../snapshot-builders.js';

const selfSigned: BinarySignature = {
  kind: 'authenticode',
  valid: true,
  signer: 'Example Go Publisher',
  chain: ['Example Go Publisher'],
  chainComplete: true,
  anchor: null,
  reasons: [],
};
const appleRooted: BinarySignature = {
  kind: 'developer-id',
  valid: true,
  signer: 'Developer ID Application: Google LLC (EQHXZ8M8AV)',
  chain: ['Developer ID Application: Google LLC (EQHXZ8M8AV)', 'Developer ID Certification Authority', 'Apple Root CA'],
  chainComplete: true,
  anchor: 'Apple Root CA',
  reasons: [],
};

const signed = withSignature;

describe('signature-untrusted (SIGNATURE_UNTRUSTED)', () => {
  it('fires on a release go.exe re-signed with a home-made certificate (valid over the bytes, self-signed); not authentic', () => {
    const s = signed('windows-msi', selfSigned);
    const f = only(signatureUntrusted(s), 'SIGNATURE_UNTRUSTED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      "C:\\Program Files\\Go\\bin\\go.exe claims a Go release (go1.22.5) but is signed by Example Go Publisher, a self-signed certificate that vouches only for itself: go.dev's Windows releases are not signed that way.",
    );
    expect(f.evidence[1]).toBe('chain: Example Go Publisher (ends at a self-signed certificate); pinned root: none reached');
    expect(buildReport(s)).toMatchObject({ verdict: 'broken', authentic: false });
  });

  it('fires on a macOS Developer ID chain that does not reach the pinned Apple Root CA', () => {
    const fake = { ...appleRooted, chain: ['Developer ID Application: Google LLC (EQHXZ8M8AV)', 'Fake Apple Root CA'], anchor: null };
    const f = only(signatureUntrusted(signed('darwin-pkg-installer', fake)), 'SIGNATURE_UNTRUSTED');
    expect(f.message).toContain('a chain that does not reach the Apple Root CA');
  });

  it('stays silent on a Developer ID chain to the Apple Root CA, and on a non-release build someone signed themselves', () => {
    expect(signatureUntrusted(signed('darwin-pkg-installer', appleRooted))).toEqual([]);
    const dev = variant(signed('windows-msi', selfSigned), (d) => {
      d.candidates[0]!.identity!.go!.buildSettings['-trimpath'] = 'false';
      d.goroot!.binary!.go!.buildSettings['-trimpath'] = 'false';
    });
    expect(signatureUntrusted(dev)).toEqual([]);
  });

  it('stays silent on a signature that does not hold (SIGNATURE_INVALID says it) and on unsigned binaries', () => {
    expect(signatureUntrusted(signed('windows-msi', { ...selfSigned, valid: false }))).toEqual([]);
    expect(signatureUntrusted(signed('windows-msi', { kind: 'none', valid: null, signer: null, reasons: [] }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(signatureUntrusted(loadSnapshot(name))).toEqual([]);
  });
});
