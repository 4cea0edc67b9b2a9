import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BinaryIdentity } from '../../../engine/binary/binary-identity.js';
import { identifyBinary } from '../../../engine/binary/identify-binary.js';
import { readMachO } from '../../../engine/binary/macho-reader.js';
import { readPe } from '../../../engine/binary/pe-reader.js';
import { CPU_TYPE_ARM64, buildFatMachO, buildMachO64, buildPe } from './synthetic-binaries.js';
import { machOCms, makeIdentity, signMachO, signPe } from './synthetic-signatures.js';

const KINDS = ['none', 'adhoc', 'developer-id', 'authenticode'];
const seeds: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const root = makeIdentity('Fuzz Root', { ca: true });
  const leaf = makeIdentity('Fuzz Signer', { ou: 'FUZZTEAM01', issuer: root });
  const base = buildMachO64({ cpuType: CPU_TYPE_ARM64, codeSignature: true });
  seeds.adhoc = await signMachO(base, { identifier: 'fuzz', adhoc: true });
  seeds.developerId = await signMachO(base, { identifier: 'fuzz', adhoc: false, teamId: 'FUZZTEAM01', cms: machOCms(leaf, [root.cert]), reserve: 3000 });
  seeds.fat = buildFatMachO([{ cpuType: CPU_TYPE_ARM64, bytes: seeds.adhoc }]);
  seeds.authenticode = signPe(buildPe(), { signer: leaf, chain: [root.cert], timestamp: { tsa: root, when: new Date('2025-01-02T03:04:05Z') } });
  seeds.authenticode32 = signPe(buildPe({ bits: 32, buildInfoSection: '.data' }), { signer: leaf });
});

function checkShape(id: BinaryIdentity): void {
  expect(id.problems).not.toContain('internal-error');
  const s = id.signature;
  if (!s) return;
  expect(KINDS).toContain(s.kind);
  expect([true, false, null]).toContain(s.valid);
  for (const r of s.reasons) {
    expect(typeof r).toBe('string');
    expect(r).not.toMatch(/\n|undefined|NaN/);
  }
  if (s.kind === 'none') expect(s.valid).toBeNull();
}

/** Byte writes aimed anywhere, or at the signature itself (superblob, CodeDirectory, CMS, certificate table). */
const mutation = (length: number, hotStart: number) =>
  fc.record({
    writes: fc.array(fc.record({ at: fc.oneof(fc.nat(length - 1), fc.integer({ min: hotStart, max: length - 1 })), value: fc.nat(255) }), {
      minLength: 1,
      maxLength: 12,
    }),
    cut: fc.option(fc.nat(length), { freq: 4 }),
    claimedSize: fc.option(fc.oneof(fc.nat(length * 2), fc.constant(2 ** 40)), { freq: 3 }),
  });

function signatureStart(name: string, bytes: Uint8Array): number {
  if (name.startsWith('authenticode')) return readPe(bytes).certificateTable!.offset;
  const slice = name === 'fat' ? 0x1000 : 0;
  return readMachO(bytes, bytes.length, slice, bytes.length - slice).codeSignature!.offset;
}

describe('signature parsers under mutation (fast-check)', () => {
  it.each(['adhoc', 'developerId', 'fat', 'authenticode', 'authenticode32'])(
    '%s: never throws, never trips an internal error, always answers a well-formed signature',
    (name) => {
      const seed = seeds[name]!;
      fc.assert(
        fc.property(mutation(seed.length, signatureStart(name, seed)), ({ writes, cut, claimedSize }) => {
          let bytes = seed.slice();
          for (const w of writes) bytes[w.at] = w.value;
          if (cut !== null) bytes = bytes.subarray(0, cut);
          checkShape(identifyBinary(bytes, claimedSize === null ? {} : { fileSize: claimedSize }));
        }),
        { seed: 0x5eed, numRuns: 400 },
      );
    },
  );

  it.each(['adhoc', 'developerId'])('%s: flipping any byte the code hashes cover never leaves the signature valid', (name) => {
    const seed = seeds[name]!;
    const covered = signatureStart(name, seed);
    fc.assert(
      fc.property(fc.nat(covered - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bytes = seed.slice();
        bytes[at] = bytes[at]! ^ xor;
        expect(identifyBinary(bytes).signature?.valid).not.toBe(true);
      }),
      { seed: 0x5eed, numRuns: 300 },
    );
  });

  it('authenticode: flipping any byte the image hash covers (all but CheckSum) never leaves the signature valid', () => {
    const seed = seeds.authenticode!;
    const pe = readPe(seed);
    const table = pe.certificateTable!.offset;
    const checksum = pe.checksumOffset!;
    fc.assert(
      fc.property(
        fc.nat(table - 1).filter((at) => at < checksum || at >= checksum + 4),
        fc.integer({ min: 1, max: 255 }),
        (at, xor) => {
          const bytes = seed.slice();
          bytes[at] = bytes[at]! ^ xor;
          expect(identifyBinary(bytes).signature?.valid).not.toBe(true);
        },
      ),
      { seed: 0x5eed, numRuns: 300 },
    );
  });

  it('the unmutated seeds are valid (so the properties above test something)', () => {
    for (const [name, bytes] of Object.entries(seeds)) expect(identifyBinary(bytes).signature?.valid, name).toBe(true);
  });
});
