import { describe, expect, it } from 'vitest';
import type { BinarySignature } from '../../../engine/binary/binary-identity.js';
import { signatureInvalid } from '../../../engine/checks/signature-invalid.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withIdentity } from '../snapshot-builders.js';

const tampered: BinarySignature = {
  kind: 'authenticode',
  valid: false,
  signer: 'Google LLC',
  reasons: ['the image hash (sha256) does not match the signed one: the file changed after signing'],
};

describe('signature-invalid (SIGNATURE_INVALID)', () => {
  it('fires when the go binary carries a signature that does not match its bytes', () => {
    const f = only(signatureInvalid(withIdentity(loadSnapshot('windows-msi'), 0, { signature: tampered })), 'SIGNATURE_INVALID');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'C:\\Program Files\\Go\\bin\\go.exe carries an Authenticode code signature that does not hold: the image hash (sha256) does not match the signed one: the file changed after signing.',
    );
    expect(f.evidence).toEqual([
      'C:\\Program Files\\Go\\bin\\go.exe: pe windows/amd64, Authenticode signature by Google LLC, invalid: the image hash (sha256) does not match the signed one: the file changed after signing',
    ]);
    expect(f.fix).toMatch(/^The file changed after it was signed/);
  });

  it('fires for a tampered tool in GOTOOLDIR, naming it under GOROOT, while go itself is fine', () => {
    const s = variant(loadSnapshot('darwin-homebrew'), (d) => {
      const go = d.candidates[0]!.identity!;
      go.signature = { kind: 'adhoc', valid: true, signer: null, reasons: [] };
      d.goroot!.tools = {
        'pkg/tool/darwin_arm64/compile': {
          ...go,
          signature: {
            kind: 'adhoc',
            valid: false,
            signer: null,
            reasons: ['2 of 900 code page hashes (sha256) do not match: the bytes changed after signing, first at page 3 (offset 49152)'],
          },
        },
        'pkg/tool/darwin_arm64/link': { ...go, signature: { kind: 'adhoc', valid: true, signer: null, reasons: [] } },
      };
    });
    const f = only(signatureInvalid(s), 'SIGNATURE_INVALID');
    expect(f.message).toBe(
      '/opt/homebrew/Cellar/go/1.23.4/libexec/pkg/tool/darwin_arm64/compile carries an ad-hoc code signature that does not hold: 2 of 900 code page hashes (sha256) do not match: the bytes changed after signing, first at page 3 (offset 49152).',
    );
    expect(f.evidence).toHaveLength(1);
  });

  it('stays silent on valid, unchecked (null) and absent signatures, and on snapshots without signature facts', () => {
    const msi = loadSnapshot('windows-msi');
    expect(signatureInvalid(withIdentity(msi, 0, { signature: { ...tampered, valid: true, reasons: [] } }))).toEqual([]);
    expect(
      signatureInvalid(withIdentity(msi, 0, { signature: { ...tampered, valid: null, reasons: ['only the first 1024 of 2048 bytes were read'] } })),
    ).toEqual([]);
    expect(signatureInvalid(withIdentity(msi, 0, { signature: { kind: 'none', valid: null, signer: null, reasons: [] } }))).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(signatureInvalid(loadSnapshot(name))).toEqual([]);
  });
});
