import { describe, expect, it } from 'vitest';
import { identifyBinary } from '../../../engine/binary/identify-binary.js';
import { CMD_GO_MODINFO, CPU_TYPE_ARM64, CPU_TYPE_X86_64, GO_VERSION, buildElf, buildFatMachO, buildMachO64, buildPe, script } from './synthetic-binaries.js';

const encoder = new TextEncoder();
const MAGIC = new Uint8Array([0xff, ...encoder.encode(' Go buildinf:')]);

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(needle);
}

function expectCmdGo(id: ReturnType<typeof identifyBinary>, goos: string): void {
  expect(id.go).not.toBeNull();
  expect(id.go!.version).toBe(GO_VERSION);
  expect(id.go!.path).toBe('cmd/go');
  expect(id.go!.mainModule).toBeNull();
  expect(id.go!.buildSettings['-trimpath']).toBe('true');
  expect(id.go!.buildSettings['CGO_ENABLED']).toBe('0');
  expect(id.go!.buildSettings['-compiler']).toBe('gc');
  expect(id.go!.buildSettings['-ldflags']).toBe('-s -w -X main.x=a b');
  expect(id.go!.buildSettings['GOOS']).toBe(goos);
}

describe('identifyBinary: ELF', () => {
  it('reads a static little-endian ELF64 gc binary with an inline (Go >= 1.18) build info blob', () => {
    const id = identifyBinary(buildElf());
    expect(id).toMatchObject({
      format: 'elf',
      os: 'linux',
      arch: 'amd64',
      bits: 64,
      interpreter: null,
      linkage: 'static',
      needed: [],
      gccgo: false,
      problems: [],
      goBuildId: 'abc/def/ghi/jkl',
    });
    expectCmdGo(id, 'linux');
  });

  it('reads PT_INTERP and DT_NEEDED, and calls a binary needing libgo.so.21 gccgo', () => {
    const id = identifyBinary(buildElf({ interpreter: '/lib64/ld-linux-x86-64.so.2', needed: ['libgo.so.21', 'libc.so.6'] }));
    expect(id.linkage).toBe('dynamic');
    expect(id.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(id.needed).toEqual(['libgo.so.21', 'libc.so.6']);
    expect(id.gccgo).toBe(true);
    expect(id.problems).toEqual([]);
  });

  it('does not call a dynamic gc binary gccgo', () => {
    const id = identifyBinary(buildElf({ interpreter: '/lib64/ld-linux-x86-64.so.2', needed: ['libc.so.6'] }));
    expect(id.linkage).toBe('dynamic');
    expect(id.gccgo).toBe(false);
  });

  it('finds a gccgo binary by its .go_export section and reads its bare, sentinel-framed modinfo', () => {
    const modinfo = CMD_GO_MODINFO.replace('-compiler=gc', '-compiler=gccgo');
    const goExport = encoder.encode('v3;\npackage main\n');
    const id = identifyBinary(buildElf({ buildInfo: 'none', rodataModinfo: true, modinfo, goBuildId: null, extraSections: { '.go_export': goExport } }));
    expect(id.gccgo).toBe(true);
    expect(id.go).toEqual(expect.objectContaining({ version: '', path: 'cmd/go' }));
    expect(id.go!.buildSettings['-compiler']).toBe('gccgo');
    expect(id.goBuildId).toBeUndefined();
    expect(id.problems).toEqual([]);
  });

  it('returns go: null for an ELF without Go build info', () => {
    const id = identifyBinary(buildElf({ buildInfo: 'none', goBuildId: null }));
    expect(id.format).toBe('elf');
    expect(id.go).toBeNull();
    expect(id.gccgo).toBe(false);
    expect(id.problems).toEqual([]);
  });

  it('follows the pre-1.18 pointer blob through the segment address map (ELF64 LE)', () => {
    const id = identifyBinary(buildElf({ buildInfo: 'pointer' }));
    expect(id.problems).toEqual([]);
    expectCmdGo(id, 'linux');
  });

  it('follows a big-endian 4-byte pointer blob in an ELF32 MSB mips binary', () => {
    const id = identifyBinary(buildElf({ bits: 32, littleEndian: false, machine: 8, buildInfo: 'pointer' }));
    expect(id).toMatchObject({ format: 'elf', arch: 'mips', bits: 32, os: 'linux', problems: [] });
    expectCmdGo(id, 'linux');
  });

  it('reads a big-endian ELF64 (s390x) with an inline blob', () => {
    const id = identifyBinary(buildElf({ littleEndian: false, machine: 22 }));
    expect(id).toMatchObject({ format: 'elf', arch: 's390x', bits: 64, problems: [] });
    expectCmdGo(id, 'linux');
  });

  it('reports a foreign architecture from e_machine', () => {
    const id = identifyBinary(buildElf({ machine: 183 }));
    expect(id).toMatchObject({ format: 'elf', os: 'linux', arch: 'arm64', bits: 64, problems: [] });
  });

  it.each([
    [{ bits: 32 as const, machine: 3 }, '386', 32],
    [{ bits: 32 as const, machine: 40 }, 'arm', 32],
    [{ machine: 21 }, 'ppc64le', 64],
    [{ machine: 21, littleEndian: false }, 'ppc64', 64],
    [{ machine: 8 }, 'mips64le', 64],
    [{ machine: 8, littleEndian: false }, 'mips64', 64],
    [{ bits: 32 as const, machine: 8 }, 'mipsle', 32],
    [{ machine: 243 }, 'riscv64', 64],
    [{ machine: 258 }, 'loong64', 64],
    [{ machine: 0x1234 }, null, 64],
  ])('maps e_machine %j to %s', (opts, arch, bits) => {
    const id = identifyBinary(buildElf(opts));
    expect(id.arch).toBe(arch);
    expect(id.bits).toBe(bits);
    expect(id.go?.version).toBe(GO_VERSION);
  });

  it('takes the OS from OS/ABI, notes, interpreter, else the build settings, else linux', () => {
    expect(identifyBinary(buildElf({ osAbi: 9 })).os).toBe('freebsd');
    expect(identifyBinary(buildElf({ osAbi: 12 })).os).toBe('openbsd');
    const openbsdNote = { section: '.note.openbsd.ident', name: 'OpenBSD', type: 1, desc: new Uint8Array(4) };
    expect(identifyBinary(buildElf({ notes: [openbsdNote] })).os).toBe('openbsd');
    const netbsdNote = { section: '.note.netbsd.ident', name: 'NetBSD', type: 1, desc: new Uint8Array(4) };
    expect(identifyBinary(buildElf({ notes: [netbsdNote] })).os).toBe('netbsd');
    const gnuAbiTag = { section: '.note.ABI-tag', name: 'GNU', type: 1, desc: new Uint8Array(16) };
    expect(identifyBinary(buildElf({ notes: [gnuAbiTag] })).os).toBe('linux');
    expect(identifyBinary(buildElf({ interpreter: '/libexec/ld-elf.so.1' })).os).toBe('freebsd');
    expect(identifyBinary(buildElf({ interpreter: '/system/bin/linker64', machine: 183 })).os).toBe('android');
    expect(identifyBinary(buildElf({ interpreter: '/lib/amd64/ld.so.1' })).os).toBe('solaris');
    const dragonfly = CMD_GO_MODINFO.replace('GOOS=linux', 'GOOS=dragonfly');
    expect(identifyBinary(buildElf({ modinfo: dragonfly })).os).toBe('dragonfly');
    const windows = CMD_GO_MODINFO.replace('GOOS=linux', 'GOOS=windows');
    expect(identifyBinary(buildElf({ modinfo: windows })).os).toBe('linux');
    expect(identifyBinary(buildElf({ buildInfo: 'none' })).os).toBe('linux');
    expect(identifyBinary(buildElf({ osAbi: 97 })).os).toBeNull();
  });

  it('calls an ELF cut in half "truncated" when the cut is the whole file', () => {
    const full = buildElf({ interpreter: '/lib64/ld-linux-x86-64.so.2', needed: ['libc.so.6'] });
    const half = full.slice(0, full.length >> 1);
    const id = identifyBinary(half);
    expect(id.format).toBe('elf');
    expect(id.arch).toBe('amd64');
    expect(id.problems).toContain('truncated');
    expect(identifyBinary(half, { fileSize: half.length }).problems).toContain('truncated');
  });

  it('calls the same half "partial-read", not "truncated", when fileSize says the file is whole', () => {
    const full = buildElf();
    const half = full.slice(0, full.length >> 1);
    const id = identifyBinary(half, { fileSize: full.length });
    expect(id).toMatchObject({ format: 'elf', os: 'linux', arch: 'amd64', bits: 64 });
    expect(id.problems).toContain('partial-read');
    expect(id.problems).not.toContain('truncated');
  });

  it('detects section headers pointing past the end and still finds the blob through the data segment', () => {
    const full = buildElf();
    const shoff = Number(new DataView(full.buffer).getBigUint64(40, true));
    const cut = full.slice(0, shoff + 10);
    const id = identifyBinary(cut, { fileSize: cut.length });
    expect(id.problems).toContain('truncated');
    expect(id.go?.version).toBe(GO_VERSION);
    expect(id.go?.path).toBe('cmd/go');
  });

  it('detects an e_shoff beyond the file', () => {
    const bytes = buildElf();
    new DataView(bytes.buffer).setBigUint64(40, 0xffff_0000n, true);
    expect(identifyBinary(bytes).problems).toContain('truncated');
  });

  it('flags a bad ELF class as bad-header', () => {
    const bytes = buildElf();
    bytes[4] = 7;
    const id = identifyBinary(bytes);
    expect(id.format).toBe('elf');
    expect(id.bits).toBeNull();
    expect(id.problems).toEqual(['bad-header']);
  });

  it('flags pointers that map to nothing as buildinfo-unreadable, keeping what the bare modinfo gives', () => {
    const bytes = buildElf({ buildInfo: 'pointer' });
    const at = indexOf(bytes, MAGIC);
    new DataView(bytes.buffer).setBigUint64(at + 16, 0xdead_beefn, true);
    new DataView(bytes.buffer).setBigUint64(at + 24, 0xdead_beefn, true);
    const id = identifyBinary(bytes);
    expect(id.problems).toContain('buildinfo-unreadable');
    expect(id.go?.version).toBe('');
    expect(id.go?.path).toBe('cmd/go');
  });

  it('reports a 4-byte ELF magic alone as a truncated ELF', () => {
    const id = identifyBinary(new Uint8Array([0x7f, 0x45, 0x4c, 0x46]));
    expect(id.format).toBe('elf');
    expect(id.problems).toEqual(['truncated']);
  });
});

describe('identifyBinary: Mach-O', () => {
  it('reads a thin 64-bit Mach-O with __DATA,__go_buildinfo, dyld, libSystem and a code signature', () => {
    const id = identifyBinary(buildMachO64({ codeSignature: true }));
    expect(id).toMatchObject({
      format: 'macho',
      os: 'darwin',
      arch: 'amd64',
      bits: 64,
      interpreter: '/usr/lib/dyld',
      linkage: null,
      needed: ['/usr/lib/libSystem.B.dylib'],
      gccgo: false,
      codeSigned: true,
      problems: [],
    });
    expectCmdGo(id, 'darwin');
  });

  it('falls back to the first read-write segment when there is no __go_buildinfo section', () => {
    const id = identifyBinary(buildMachO64({ cpuType: CPU_TYPE_ARM64, namedSection: false }));
    expect(id).toMatchObject({ arch: 'arm64', codeSigned: false, problems: [] });
    expectCmdGo(id, 'darwin');
  });

  it.each([false, true])('reads a fat Mach-O (fat64: %s) and joins its arches', (fat64) => {
    const bytes = buildFatMachO(
      [
        { cpuType: CPU_TYPE_X86_64, bytes: buildMachO64({ codeSignature: true }) },
        { cpuType: CPU_TYPE_ARM64, bytes: buildMachO64({ cpuType: CPU_TYPE_ARM64, codeSignature: true }) },
      ],
      fat64,
    );
    const id = identifyBinary(bytes);
    expect(id).toMatchObject({ format: 'macho', os: 'darwin', arch: 'amd64,arm64', bits: 64, codeSigned: true, problems: [] });
    expect(id.needed).toEqual(['/usr/lib/libSystem.B.dylib']);
    expectCmdGo(id, 'darwin');
  });

  it('reads a little-endian (FAT_CIGAM) fat header', () => {
    const bytes = buildFatMachO([{ cpuType: CPU_TYPE_ARM64, bytes: buildMachO64({ cpuType: CPU_TYPE_ARM64 }) }]);
    const view = new DataView(bytes.buffer);
    for (let at = 0; at < 8 + 20; at += 4) view.setUint32(at, view.getUint32(at, false), true);
    const id = identifyBinary(bytes);
    expect(id).toMatchObject({ format: 'macho', arch: 'arm64', problems: [] });
  });

  it('flags a fat file whose last slice is cut off', () => {
    const bytes = buildFatMachO([
      { cpuType: CPU_TYPE_X86_64, bytes: buildMachO64() },
      { cpuType: CPU_TYPE_ARM64, bytes: buildMachO64({ cpuType: CPU_TYPE_ARM64 }) },
    ]);
    const id = identifyBinary(bytes.slice(0, bytes.length - 100));
    expect(id.arch).toBe('amd64,arm64');
    expect(id.problems).toContain('truncated');
  });

  it('flags a thin Mach-O whose load commands run past the file', () => {
    const bytes = buildMachO64().slice(0, 100);
    const id = identifyBinary(bytes);
    expect(id).toMatchObject({ format: 'macho', arch: 'amd64' });
    expect(id.problems).toContain('truncated');
  });

  it('leaves a Java class file (same 0xcafebabe magic) unknown', () => {
    const bytes = new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x34, 0x00, 0x10]);
    expect(identifyBinary(bytes)).toMatchObject({ format: 'unknown', problems: [] });
  });
});

describe('identifyBinary: PE', () => {
  it('reads a PE32+ with a long-named .go.buildinfo section from the COFF string table', () => {
    const id = identifyBinary(buildPe());
    expect(id).toMatchObject({
      format: 'pe',
      os: 'windows',
      arch: 'amd64',
      bits: 64,
      interpreter: null,
      linkage: null,
      needed: ['kernel32.dll'],
      subsystem: 'windows-cui',
      gccgo: false,
      problems: [],
    });
    expectCmdGo(id, 'windows');
  });

  it('finds the blob at the start of .data, where the gc linker puts it, in a PE32', () => {
    const id = identifyBinary(buildPe({ bits: 32, buildInfoSection: '.data', subsystem: 2 }));
    expect(id).toMatchObject({ format: 'pe', arch: '386', bits: 32, subsystem: 'windows-gui', problems: [] });
    expectCmdGo(id, 'windows');
  });

  it('maps the arm64 machine', () => {
    expect(identifyBinary(buildPe({ machine: 0xaa64 })).arch).toBe('arm64');
  });

  it('leaves an MZ executable without a PE signature unknown', () => {
    const bytes = buildPe();
    bytes[0x80] = 0x4e;
    expect(identifyBinary(bytes)).toMatchObject({ format: 'unknown', problems: [] });
  });

  it('flags a PE cut in half', () => {
    const bytes = buildPe();
    const id = identifyBinary(bytes.slice(0, bytes.length >> 1));
    expect(id).toMatchObject({ format: 'pe', arch: 'amd64' });
    expect(id.problems).toContain('truncated');
  });

  it('flags an e_lfanew past the end of the file', () => {
    const bytes = buildPe().slice(0, 0x40);
    expect(identifyBinary(bytes)).toMatchObject({ format: 'pe', problems: ['truncated'] });
  });
});

describe('identifyBinary: scripts and unknown input', () => {
  it('parses a shebang', () => {
    expect(identifyBinary(script('#!/usr/bin/env bash\nexec go "$@"\n'))).toEqual({
      format: 'script',
      os: null,
      arch: null,
      bits: null,
      interpreter: '/usr/bin/env bash',
      linkage: null,
      needed: [],
      go: null,
      gccgo: false,
      problems: [],
    });
    expect(identifyBinary(script('#! /bin/sh -e\r\n')).interpreter).toBe('/bin/sh -e');
    expect(identifyBinary(script('#!/bin/sh')).interpreter).toBe('/bin/sh');
  });

  it('flags an empty shebang', () => {
    expect(identifyBinary(script('#!\n'))).toMatchObject({ format: 'script', interpreter: null, problems: ['bad-header'] });
  });

  it('says partial-read when the shebang line runs past a capped read', () => {
    expect(identifyBinary(script('#!/usr/bin/en'), { fileSize: 100 }).problems).toEqual(['partial-read']);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['text', script('hello, world\n')],
    ['three bytes of ELF magic', new Uint8Array([0x7f, 0x45, 0x4c])],
    ['gzip', new Uint8Array([0x1f, 0x8b, 0x08, 0x00])],
  ])('calls %s unknown', (_label, bytes) => {
    expect(identifyBinary(bytes)).toMatchObject({ format: 'unknown', os: null, arch: null, go: null, problems: [] });
  });

  it('ignores a nonsensical fileSize', () => {
    const bytes = buildElf();
    expect(identifyBinary(bytes, { fileSize: -1 }).problems).toEqual([]);
    expect(identifyBinary(bytes, { fileSize: Number.NaN }).problems).toEqual([]);
    expect(identifyBinary(bytes, { fileSize: 10 }).problems).toEqual([]);
  });
});
