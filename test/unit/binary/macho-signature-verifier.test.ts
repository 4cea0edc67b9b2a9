import { describe, expect, it } from 'vitest';
import { identifyBinary } from '../../../engine/binary/identify-binary.js';
import { CPU_TYPE_ARM64, buildFatMachO, buildMachO64 } from './synthetic-binaries.js';
import { machOCms, makeIdentity, makeSignedData, signMachO } from './synthetic-signatures.js';

const root = makeIdentity('Test Root CA', { ca: true });
const intermediate = makeIdentity('Test Developer ID CA', { issuer: root, ca: true });
const developer = makeIdentity('Developer ID Application: Example Corp (TEAM123456)', { ou: 'TEAM123456', issuer: intermediate });

const unsigned = () => buildMachO64({ cpuType: CPU_TYPE_ARM64, codeSignature: true });
const adhoc = () => signMachO(unsigned(), { identifier: 'hello', adhoc: true });
const developerId = () =>
  signMachO(unsigned(), { identifier: 'hello', adhoc: false, teamId: 'TEAM123456', cms: machOCms(developer, [intermediate.cert, root.cert]) });

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 0x01;
  return out;
}

describe('Mach-O code signatures', () => {
  it('has no signature without LC_CODE_SIGNATURE', () => {
    expect(identifyBinary(buildMachO64()).signature).toEqual({ kind: 'none', valid: null, signer: null, reasons: [] });
  });

  it('verifies an ad-hoc signature page by page and reports its identifier and CDHash', async () => {
    const sig = identifyBinary(await adhoc()).signature!;
    expect(sig).toMatchObject({ kind: 'adhoc', valid: true, signer: null, identifier: 'hello', teamId: null, digestAlgorithm: 'sha256', reasons: [] });
    expect(sig.cdHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it('calls an ad-hoc signature invalid when a byte of __TEXT changed after signing', async () => {
    const sig = identifyBinary(flip(await adhoc(), 0x1010)).signature!;
    expect(sig.kind).toBe('adhoc');
    expect(sig.valid).toBe(false);
    expect(sig.reasons).toEqual(['1 of 3 code page hashes (sha256) do not match: the bytes changed after signing, first at page 1 (offset 4096)']);
  });

  it('calls a signature whose blob was zeroed (an unsigned binary claiming one) invalid', () => {
    const sig = identifyBinary(unsigned()).signature!;
    expect(sig).toMatchObject({ kind: 'adhoc', valid: false, reasons: ['not a valid code signature (no embedded-signature superblob)'] });
  });

  it("verifies a CMS signature: signer, team ID, chain to its self-signed root, not Apple's", async () => {
    const sig = identifyBinary(await developerId()).signature!;
    expect(sig).toMatchObject({
      kind: 'developer-id',
      valid: true,
      signer: 'Developer ID Application: Example Corp (TEAM123456)',
      teamId: 'TEAM123456',
      chain: ['Developer ID Application: Example Corp (TEAM123456)', 'Test Developer ID CA', 'Test Root CA'],
      chainComplete: true,
      anchor: null,
      reasons: [],
    });
  });

  it('takes the team ID from the certificate OU when the CodeDirectory has none', async () => {
    const bytes = await signMachO(unsigned(), { identifier: 'hello', adhoc: false, cms: machOCms(developer) });
    const sig = identifyBinary(bytes).signature!;
    expect(sig).toMatchObject({
      kind: 'developer-id',
      valid: true,
      teamId: 'TEAM123456',
      chain: ['Developer ID Application: Example Corp (TEAM123456)'],
      chainComplete: false,
    });
  });

  it('calls a CMS-signed binary invalid when the code changed after signing', async () => {
    const sig = identifyBinary(flip(await developerId(), 0x1000)).signature!;
    expect(sig.kind).toBe('developer-id');
    expect(sig.valid).toBe(false);
    expect(sig.reasons[0]).toMatch(/^1 of 3 code page hashes \(sha256\) do not match/);
  });

  it('calls it invalid when the CMS signs another CodeDirectory (its message digest does not match)', async () => {
    const other = (cd: Uint8Array) => makeSignedData({ signer: developer, contentType: '1.2.840.113549.1.7.1', eContent: null, digested: flip(cd, 100) });
    const sig = identifyBinary(await signMachO(unsigned(), { identifier: 'hello', adhoc: false, cms: other })).signature!;
    expect(sig).toMatchObject({ kind: 'developer-id', valid: false, reasons: ['the signed message digest does not match the sha256 of the signed content'] });
  });

  it('calls it invalid when the CMS signature was not made by the certificate it names', async () => {
    const impostor = { ...developer, key: makeIdentity('someone else').key };
    const sig = identifyBinary(await signMachO(unsigned(), { identifier: 'hello', adhoc: false, cms: machOCms(impostor) })).signature!;
    expect(sig).toMatchObject({
      kind: 'developer-id',
      valid: false,
      signer: 'Developer ID Application: Example Corp (TEAM123456)',
      reasons: ["the signature of Developer ID Application: Example Corp (TEAM123456) does not verify with its certificate's key"],
    });
  });

  it('says it cannot tell (valid null) when only part of the file was read', async () => {
    const bytes = await adhoc();
    const sig = identifyBinary(bytes.subarray(0, 0x2000), { fileSize: bytes.length }).signature!;
    expect(sig).toMatchObject({ kind: 'adhoc', valid: null, reasons: [`only the first 8192 of ${bytes.length} bytes were read`] });
  });

  it('calls a truncated signed file invalid', async () => {
    const bytes = await adhoc();
    const id = identifyBinary(bytes.subarray(0, bytes.length - 100));
    expect(id.problems).toContain('truncated');
    expect(id.signature!.valid).toBe(false);
  });

  it('checks every slice of a fat binary and names the slice that fails', async () => {
    const a = await adhoc();
    const fat = buildFatMachO([
      { cpuType: CPU_TYPE_ARM64, bytes: a },
      { cpuType: CPU_TYPE_ARM64, bytes: flip(a, 0x1010) },
    ]);
    const sig = identifyBinary(fat).signature!;
    expect(sig.kind).toBe('adhoc');
    expect(sig.valid).toBe(false);
    expect(sig.reasons).toEqual(['arm64: 1 of 3 code page hashes (sha256) do not match: the bytes changed after signing, first at page 1 (offset 4096)']);
  });
});
