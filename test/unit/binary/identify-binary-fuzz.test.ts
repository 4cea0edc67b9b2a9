import { describe, expect, it } from 'vitest';
import type { BinaryIdentity } from '../../../engine/binary/binary-identity.js';
import { identifyBinary } from '../../../engine/binary/identify-binary.js';
import { CPU_TYPE_ARM64, CPU_TYPE_X86_64, buildElf, buildFatMachO, buildMachO64, buildPe, script } from './synthetic-binaries.js';

/** mulberry32: small, seedable, good enough to drive mutations reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds: [string, Uint8Array][] = [
  ['elf64', buildElf({ interpreter: '/lib64/ld-linux-x86-64.so.2', needed: ['libgo.so.21', 'libc.so.6'] })],
  ['elf64-pointer', buildElf({ buildInfo: 'pointer' })],
  ['elf32-be-pointer', buildElf({ bits: 32, littleEndian: false, machine: 8, buildInfo: 'pointer' })],
  ['elf64-be', buildElf({ littleEndian: false, machine: 22 })],
  ['macho', buildMachO64({ codeSignature: true })],
  [
    'fat',
    buildFatMachO([
      { cpuType: CPU_TYPE_X86_64, bytes: buildMachO64() },
      { cpuType: CPU_TYPE_ARM64, bytes: buildMachO64({ cpuType: CPU_TYPE_ARM64 }) },
    ]),
  ],
  ['fat64', buildFatMachO([{ cpuType: CPU_TYPE_ARM64, bytes: buildMachO64({ cpuType: CPU_TYPE_ARM64 }) }], true)],
  ['pe32+', buildPe()],
  ['pe32', buildPe({ bits: 32, buildInfoSection: '.data' })],
  ['script', script('#!/usr/bin/env bash\necho hi\n')],
];

const FORMATS = ['elf', 'macho', 'pe', 'script', 'unknown'];
const ITERATIONS = 3000;

function mutate(base: Uint8Array, rand: () => number): { bytes: Uint8Array; fileSize?: number } {
  const int = (n: number) => Math.floor(rand() * n);
  let bytes = base.slice();
  const view = () => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const steps = 1 + int(4);
  for (let s = 0; s < steps; s++) {
    if (bytes.length === 0) break;
    // Headers and tables sit near the start, so aim most writes there.
    const hot = () => (rand() < 0.7 ? int(Math.min(bytes.length, 512)) : int(bytes.length));
    switch (int(6)) {
      case 0:
        for (let i = 1 + int(16); i > 0; i--) bytes[hot()] = int(256);
        break;
      case 1: {
        const at = hot();
        const value = [0, 0xffffffff, 0x7fffffff, 1 << int(32), int(2 ** 32)][int(5)]!;
        if (at + 4 <= bytes.length) view().setUint32(at, value >>> 0, rand() < 0.5);
        break;
      }
      case 2: {
        const at = hot();
        if (at + 8 <= bytes.length) view().setBigUint64(at, [0n, 2n ** 64n - 1n, BigInt(int(2 ** 32)) << 16n][int(3)]!, rand() < 0.5);
        break;
      }
      case 3:
        bytes = bytes.slice(0, int(bytes.length + 1));
        break;
      case 4: {
        const from = int(bytes.length);
        const to = int(bytes.length);
        const len = int(Math.min(64, bytes.length - Math.max(from, to)));
        bytes.copyWithin(to, from, from + len);
        break;
      }
      default: {
        const at = hot();
        bytes[at] = bytes[at]! ^ (1 << int(8));
      }
    }
  }
  const roll = rand();
  const fileSize = roll < 0.4 ? undefined : roll < 0.7 ? bytes.length + int(base.length + 1) : int(2 ** 40);
  return fileSize === undefined ? { bytes } : { bytes, fileSize };
}

function checkShape(id: BinaryIdentity): void {
  expect(FORMATS).toContain(id.format);
  expect([32, 64, null]).toContain(id.bits);
  expect([null, 'static', 'dynamic']).toContain(id.linkage);
  expect(Array.isArray(id.needed)).toBe(true);
  expect(Array.isArray(id.problems)).toBe(true);
  expect(id.problems).not.toContain('internal-error');
  expect(typeof id.gccgo).toBe('boolean');
  if (id.go) expect(typeof id.go.version).toBe('string');
}

describe('identifyBinary under random corruption', () => {
  it(`never throws nor trips an internal error over ${ITERATIONS} mutated and truncated binaries`, () => {
    const rand = prng(0x60_7e_71_7f);
    const formats = new Set<string>();
    for (let i = 0; i < ITERATIONS; i++) {
      const [name, base] = seeds[i % seeds.length]!;
      const { bytes, fileSize } = mutate(base, rand);
      let id: BinaryIdentity;
      try {
        id = identifyBinary(bytes, fileSize === undefined ? undefined : { fileSize });
      } catch (error) {
        throw new Error(`iteration ${i} (${name}, ${bytes.length} bytes) threw: ${String(error)}`);
      }
      checkShape(id);
      formats.add(id.format);
    }
    expect([...formats].sort()).toEqual([...FORMATS].sort());
  });

  it('survives random bytes behind every magic it dispatches on', () => {
    const rand = prng(42);
    const magics = [
      [0x7f, 0x45, 0x4c, 0x46, 2, 1],
      [0x7f, 0x45, 0x4c, 0x46, 1, 2],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xfe, 0xed, 0xfa, 0xce],
      [0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2],
      [0xca, 0xfe, 0xba, 0xbf, 0, 0, 0, 1],
      [0x4d, 0x5a],
      [0x23, 0x21],
    ];
    for (let i = 0; i < 2000; i++) {
      const magic = magics[i % magics.length]!;
      const bytes = new Uint8Array(Math.floor(rand() * 600));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
      bytes.set(magic.slice(0, bytes.length));
      if (magic[0] === 0x4d && bytes.length >= 0x40) new DataView(bytes.buffer).setUint32(0x3c, Math.floor(rand() * 700), true);
      checkShape(identifyBinary(bytes, rand() < 0.5 ? undefined : { fileSize: Math.floor(rand() * 2000) }));
    }
  });
});
