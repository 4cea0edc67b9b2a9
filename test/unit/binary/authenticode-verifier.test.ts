import { describe, expect, it } from 'vitest';
import { identifyBinary } from '../../../engine/binary/identify-binary.js';
import { buildPe } from './synthetic-binaries.js';
import { makeIdentity, signPe } from './synthetic-signatures.js';

const root = makeIdentity('Test Code Signing Root', { ca: true });
const publisher = makeIdentity('Example Publisher', { issuer: root });
const tsa = makeIdentity('Test Timestamp Authority');

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 0x01;
  return out;
}

describe('Authenticode', () => {
  it('has no signature without a certificate table', () => {
    expect(identifyBinary(buildPe()).signature).toEqual({ kind: 'none', valid: null, signer: null, reasons: [] });
  });

  it('verifies the image hash, the signer and the chain of a signed PE32+', () => {
    const id = identifyBinary(signPe(buildPe(), { signer: publisher, chain: [root.cert] }));
    expect(id.problems).toEqual([]);
    expect(id.go?.version).toBe('go1.22.12');
    expect(id.signature).toEqual({
      kind: 'authenticode',
      valid: true,
      signer: 'Example Publisher',
      chain: ['Example Publisher', 'Test Code Signing Root'],
      chainComplete: true,
      timestamp: null,
      digestAlgorithm: 'sha256',
      reasons: [],
    });
  });

  it('verifies a signed PE32 too', () => {
    expect(identifyBinary(signPe(buildPe({ bits: 32, buildInfoSection: '.data' }), { signer: publisher })).signature).toMatchObject({
      kind: 'authenticode',
      valid: true,
    });
  });

  it('reads the time of an RFC 3161 timestamp', () => {
    const sig = identifyBinary(signPe(buildPe(), { signer: publisher, timestamp: { tsa, when: new Date('2025-03-04T05:06:07Z') } })).signature!;
    expect(sig).toMatchObject({ valid: true, timestamp: '2025-03-04T05:06:07.000Z' });
  });

  it('calls it invalid when a byte of .text changed after signing', () => {
    const signed = signPe(buildPe(), { signer: publisher });
    const sig = identifyBinary(flip(signed, 0x400)).signature!;
    expect(sig).toMatchObject({
      kind: 'authenticode',
      valid: false,
      signer: 'Example Publisher',
      reasons: ['the image hash (sha256) does not match the signed one: the file changed after signing'],
    });
  });

  it('ignores the CheckSum field, as the spec says (tools rewrite it after signing)', () => {
    const signed = signPe(buildPe(), { signer: publisher });
    const checksumAt = new DataView(signed.buffer).getUint32(0x3c, true) + 24 + 64;
    expect(identifyBinary(flip(signed, checksumAt)).signature!.valid).toBe(true);
  });

  it('calls it invalid when bytes were appended after the signature', () => {
    const signed = signPe(buildPe(), { signer: publisher });
    const sig = identifyBinary(Buffer.concat([signed, Buffer.from('payload')])).signature!;
    expect(sig.valid).toBe(false);
  });

  it("calls it invalid when the signature was made by another key than the certificate's", () => {
    const impostor = { ...publisher, key: makeIdentity('someone else').key };
    const sig = identifyBinary(signPe(buildPe(), { signer: impostor })).signature!;
    expect(sig).toMatchObject({ valid: false, reasons: ["the signature of Example Publisher does not verify with its certificate's key"] });
  });

  it('calls a certificate table pointing past the end of the file invalid, and the file truncated', () => {
    const signed = signPe(buildPe(), { signer: publisher });
    const id = identifyBinary(signed.subarray(0, signed.length - 40));
    expect(id.problems).toContain('truncated');
    expect(id.signature).toMatchObject({ kind: 'authenticode', valid: false });
    expect(id.signature!.reasons[0]).toMatch(/^the certificate table \(\d+ bytes at \d+\) runs past the end of the file$/);
  });

  it('calls garbage in the certificate table not a valid Authenticode signature, without throwing', () => {
    const signed = signPe(buildPe(), { signer: publisher });
    const table = new DataView(signed.buffer).getUint32(new DataView(signed.buffer).getUint32(0x3c, true) + 24 + 112 + 32, true);
    const garbled = signed.slice();
    garbled.fill(0x41, table + 8, table + 40);
    const sig = identifyBinary(garbled).signature!;
    expect(sig.valid).toBe(false);
    expect(sig.reasons[0]).toMatch(/^not a valid Authenticode signature \(/);
  });
});
