import { MODINFO_END, MODINFO_START } from '../../../engine/binary/go-build-info.js';

const encoder = new TextEncoder();

export const GO_VERSION = 'go1.22.12';

/** The modinfo `go build` embeds for cmd/go built from a release tree with -trimpath. */
export const CMD_GO_MODINFO = [
  'path\tcmd/go',
  'dep\tgolang.org/x/mod\tv0.14.0\th1:abc=',
  'build\t-buildmode=exe',
  'build\t-compiler=gc',
  'build\t-trimpath=true',
  'build\t-ldflags="-s -w -X main.x=a b"',
  'build\tCGO_ENABLED=0',
  'build\tGOARCH=amd64',
  'build\tGOOS=linux',
  'build\tGOAMD64=v1',
  '',
].join('\n');

/** Growable byte buffer with endian-aware writes at absolute offsets. */
export class ByteWriter {
  bytes: Uint8Array;
  private view: DataView;

  constructor(
    size: number,
    readonly littleEndian = true,
  ) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  private ensure(end: number): void {
    if (end <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(end, this.bytes.length * 2));
    next.set(this.bytes);
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  u8(at: number, v: number): void {
    this.ensure(at + 1);
    this.view.setUint8(at, v);
  }
  u16(at: number, v: number): void {
    this.ensure(at + 2);
    this.view.setUint16(at, v, this.littleEndian);
  }
  u32(at: number, v: number): void {
    this.ensure(at + 4);
    this.view.setUint32(at, v >>> 0, this.littleEndian);
  }
  u64(at: number, v: number): void {
    this.ensure(at + 8);
    this.view.setBigUint64(at, BigInt(v), this.littleEndian);
  }
  word(at: number, v: number, size: 4 | 8): void {
    if (size === 8) this.u64(at, v);
    else this.u32(at, v);
  }
  put(at: number, data: Uint8Array | string): void {
    const b = typeof data === 'string' ? encoder.encode(data) : data;
    this.ensure(at + b.length);
    this.bytes.set(b, at);
  }
  /** The first `length` bytes. */
  take(length: number): Uint8Array {
    this.ensure(length);
    return this.bytes.slice(0, length);
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function uvarint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return new Uint8Array(out);
}

/** The runtime.modinfo string: the text framed by cmd/go's 16-byte sentinels. */
export function framedModinfo(text: string): Uint8Array {
  return concat(MODINFO_START, encoder.encode(text), MODINFO_END);
}

function buildInfoHeader(ptrSize: 4 | 8, flags: number): Uint8Array {
  const h = new Uint8Array(32);
  h.set([0xff, ...encoder.encode(' Go buildinf:')]);
  h[14] = ptrSize;
  h[15] = flags;
  return h;
}

/** The Go >= 1.18 blob: header with flags&2, then uvarint-prefixed version and modinfo. */
export function inlineBuildInfoBlob(version: string, modinfo: Uint8Array, ptrSize: 4 | 8 = 8): Uint8Array {
  const v = encoder.encode(version);
  const blob = concat(buildInfoHeader(ptrSize, 2), uvarint(v.length), v, uvarint(modinfo.length), modinfo);
  return concat(blob, new Uint8Array(alignUp(blob.length, 16) - blob.length));
}

/** The pre-1.18 blob: two pointers to Go string headers. */
export function pointerBuildInfoBlob(ptrSize: 4 | 8, littleEndian: boolean, versionHeaderAddr: number, modinfoHeaderAddr: number): Uint8Array {
  const w = new ByteWriter(32, littleEndian);
  w.put(0, buildInfoHeader(ptrSize, littleEndian ? 0 : 1));
  w.word(16, versionHeaderAddr, ptrSize);
  w.word(16 + ptrSize, modinfoHeaderAddr, ptrSize);
  return w.take(32);
}

export type BuildInfoKind = 'inline' | 'pointer' | 'none';

interface Chunk {
  name: string;
  type: number;
  flags: number;
  align: number;
  segment: 'text' | 'data' | 'none';
  size: number;
  link?: string;
  entSize?: number;
  fill: (w: ByteWriter, at: number) => void;
  offset?: number;
  addr?: number;
}

export interface ElfOptions {
  bits?: 32 | 64;
  littleEndian?: boolean;
  /** e_machine: 62 x86-64, 183 aarch64, 3 i386, 40 arm, 21 ppc64, 22 s390, 8 mips, 243 riscv. */
  machine?: number;
  osAbi?: number;
  interpreter?: string | null;
  needed?: string[];
  buildInfo?: BuildInfoKind;
  version?: string;
  modinfo?: string;
  goBuildId?: string | null;
  /** Put the framed modinfo string in .rodata even without a pointer blob, as gccgo does. */
  rodataModinfo?: boolean;
  /** Extra non-allocated sections, e.g. { '.go_export': bytes }. */
  extraSections?: Record<string, Uint8Array>;
  /** Extra notes as they would appear in their own SHT_NOTE section. */
  notes?: { section: string; name: string; type: number; desc: Uint8Array }[];
}

const ELF_BASE = 0x400000;
const SHF_WRITE = 1;
const SHF_ALLOC = 2;
const SHF_EXECINSTR = 4;

function elfNote(w: ByteWriter, at: number, name: string, type: number, desc: Uint8Array): void {
  const n = encoder.encode(`${name}\0`);
  w.u32(at, n.length);
  w.u32(at + 4, desc.length);
  w.u32(at + 8, type);
  w.put(at + 12, n);
  w.put(at + 12 + alignUp(n.length, 4), desc);
}

function elfNoteSize(name: string, desc: Uint8Array): number {
  return 12 + alignUp(name.length + 1, 4) + alignUp(desc.length, 4);
}

/** A minimal ELF executable laid out like the gc linker's: a text segment, then a data segment opening with .go.buildinfo. */
export function buildElf(opts: ElfOptions = {}): Uint8Array {
  const bits = opts.bits ?? 64;
  const le = opts.littleEndian ?? true;
  const ptr: 4 | 8 = bits === 64 ? 8 : 4;
  const version = opts.version ?? GO_VERSION;
  const modinfo = framedModinfo(opts.modinfo ?? CMD_GO_MODINFO);
  const buildInfo = opts.buildInfo ?? 'inline';
  const w = new ByteWriter(0x4000, le);
  const chunks: Chunk[] = [];
  const byName = (name: string): Chunk => chunks.find((c) => c.name === name)!;

  if (opts.interpreter) {
    const interp = encoder.encode(`${opts.interpreter}\0`);
    chunks.push({
      name: '.interp',
      type: 1,
      flags: SHF_ALLOC,
      align: 1,
      segment: 'text',
      size: interp.length,
      fill: (x, at) => x.put(at, interp),
    });
  }
  const goBuildId = opts.goBuildId === undefined ? 'abc/def/ghi/jkl' : opts.goBuildId;
  if (goBuildId !== null) {
    const desc = encoder.encode(goBuildId);
    chunks.push({
      name: '.note.go.buildid',
      type: 7,
      flags: SHF_ALLOC,
      align: 4,
      segment: 'text',
      size: elfNoteSize('Go', desc),
      fill: (x, at) => elfNote(x, at, 'Go', 4, desc),
    });
  }
  for (const note of opts.notes ?? []) {
    chunks.push({
      name: note.section,
      type: 7,
      flags: SHF_ALLOC,
      align: 4,
      segment: 'text',
      size: elfNoteSize(note.name, note.desc),
      fill: (x, at) => elfNote(x, at, note.name, note.type, note.desc),
    });
  }
  const needed = opts.needed ?? [];
  const dynstrOffsets: number[] = [];
  if (needed.length > 0 || opts.interpreter) {
    let table = '\0';
    for (const n of needed) {
      dynstrOffsets.push(table.length);
      table += `${n}\0`;
    }
    const bytes = encoder.encode(table);
    chunks.push({
      name: '.dynstr',
      type: 3,
      flags: SHF_ALLOC,
      align: 1,
      segment: 'text',
      size: bytes.length,
      fill: (x, at) => x.put(at, bytes),
    });
  }
  chunks.push({
    name: '.text',
    type: 1,
    flags: SHF_ALLOC | SHF_EXECINSTR,
    align: 16,
    segment: 'text',
    size: 64,
    fill: (x, at) => x.put(at, new Uint8Array(64).fill(0xcc)),
  });
  const versionBytes = encoder.encode(version);
  chunks.push({
    name: '.rodata',
    type: 1,
    flags: SHF_ALLOC,
    align: 32,
    segment: 'text',
    size: alignUp(versionBytes.length, 16) + modinfo.length + 16,
    fill: (x, at) => {
      x.put(at, versionBytes);
      if (buildInfo === 'pointer' || opts.rodataModinfo) x.put(at + alignUp(versionBytes.length, 16), modinfo);
    },
  });
  if (buildInfo !== 'none') {
    const size = buildInfo === 'inline' ? inlineBuildInfoBlob(version, modinfo, ptr).length : 32;
    chunks.push({
      name: '.go.buildinfo',
      type: 1,
      flags: SHF_ALLOC | SHF_WRITE,
      align: 16,
      segment: 'data',
      size,
      fill: (x, at) => {
        if (buildInfo === 'inline') {
          x.put(at, inlineBuildInfoBlob(version, modinfo, ptr));
        } else {
          const data = byName('.data').addr!;
          x.put(at, pointerBuildInfoBlob(ptr, le, data, data + 2 * ptr));
        }
      },
    });
  }
  if (needed.length > 0 || opts.interpreter) {
    const entries = needed.length + 3;
    chunks.push({
      name: '.dynamic',
      type: 6,
      flags: SHF_ALLOC | SHF_WRITE,
      align: ptr,
      segment: 'data',
      size: entries * 2 * ptr,
      link: '.dynstr',
      entSize: 2 * ptr,
      fill: (x, at) => {
        const dynstr = byName('.dynstr');
        let i = 0;
        const entry = (tag: number, value: number) => {
          x.word(at + i * 2 * ptr, tag, ptr);
          x.word(at + i * 2 * ptr + ptr, value, ptr);
          i++;
        };
        for (const off of dynstrOffsets) entry(1, off);
        entry(5, dynstr.addr!);
        entry(10, dynstr.size);
        entry(0, 0);
      },
    });
  }
  chunks.push({
    name: '.data',
    type: 1,
    flags: SHF_ALLOC | SHF_WRITE,
    align: 32,
    segment: 'data',
    size: 4 * ptr + 32,
    fill: (x, at) => {
      if (buildInfo !== 'pointer') return;
      const rodata = byName('.rodata').addr!;
      x.word(at, rodata, ptr);
      x.word(at + ptr, versionBytes.length, ptr);
      x.word(at + 2 * ptr, rodata + alignUp(versionBytes.length, 16), ptr);
      x.word(at + 3 * ptr, modinfo.length, ptr);
    },
  });
  for (const [name, bytes] of Object.entries(opts.extraSections ?? {})) {
    chunks.push({ name, type: 1, flags: 0, align: 1, segment: 'none', size: bytes.length, fill: (x, at) => x.put(at, bytes) });
  }

  const ehsize = bits === 64 ? 64 : 52;
  const phentsize = bits === 64 ? 56 : 32;
  const shentsize = bits === 64 ? 64 : 40;
  const hasDynamic = chunks.some((c) => c.name === '.dynamic');
  const notes = chunks.filter((c) => c.type === 7);
  const phnum = 2 + (opts.interpreter ? 1 : 0) + (hasDynamic ? 1 : 0) + notes.length;
  let at = ehsize + phnum * phentsize;
  let dataStarted = false;
  for (const c of chunks) {
    if (c.segment === 'data' && !dataStarted) {
      at = alignUp(at, 0x1000);
      dataStarted = true;
    }
    at = alignUp(at, c.align);
    c.offset = at;
    c.addr = c.segment === 'none' ? 0 : ELF_BASE + at;
    at += c.size;
  }
  let shstrtab = '\0';
  const nameIndex = new Map<string, number>();
  for (const name of [...chunks.map((c) => c.name), '.shstrtab']) {
    nameIndex.set(name, shstrtab.length);
    shstrtab += `${name}\0`;
  }
  const shstrOffset = at;
  w.put(shstrOffset, shstrtab);
  at = alignUp(shstrOffset + shstrtab.length, 8);
  const shoff = at;
  const shnum = chunks.length + 2;
  const total = shoff + shnum * shentsize;
  for (const c of chunks) c.fill(w, c.offset!);

  w.put(0, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, le ? 1 : 2, 1, opts.osAbi ?? 0]));
  w.u16(16, 2);
  w.u16(18, opts.machine ?? 62);
  w.u32(20, 1);
  const text = chunks.find((c) => c.name === '.text')!;
  w.word(24, text.addr!, ptr);
  w.word(24 + ptr, ehsize, ptr);
  w.word(24 + 2 * ptr, shoff, ptr);
  const f = 24 + 3 * ptr;
  w.u32(f, 0);
  w.u16(f + 4, ehsize);
  w.u16(f + 6, phentsize);
  w.u16(f + 8, phnum);
  w.u16(f + 10, shentsize);
  w.u16(f + 12, shnum);
  w.u16(f + 14, shnum - 1);

  let ph = ehsize;
  const phdr = (type: number, flags: number, offset: number, size: number, align: number) => {
    const vaddr = ELF_BASE + offset;
    if (bits === 64) {
      w.u32(ph, type);
      w.u32(ph + 4, flags);
      w.u64(ph + 8, offset);
      w.u64(ph + 16, vaddr);
      w.u64(ph + 24, vaddr);
      w.u64(ph + 32, size);
      w.u64(ph + 40, size);
      w.u64(ph + 48, align);
    } else {
      w.u32(ph, type);
      w.u32(ph + 4, offset);
      w.u32(ph + 8, vaddr);
      w.u32(ph + 12, vaddr);
      w.u32(ph + 16, size);
      w.u32(ph + 20, size);
      w.u32(ph + 24, flags);
      w.u32(ph + 28, align);
    }
    ph += phentsize;
  };
  const textChunks = chunks.filter((c) => c.segment === 'text');
  const dataChunks = chunks.filter((c) => c.segment === 'data');
  const lastText = textChunks.at(-1)!;
  const firstData = dataChunks[0]!;
  const lastData = dataChunks.at(-1)!;
  if (opts.interpreter) {
    const interp = byName('.interp');
    phdr(3, 4, interp.offset!, interp.size, 1);
  }
  phdr(1, 5, 0, lastText.offset! + lastText.size, 0x1000);
  phdr(1, 6, firstData.offset!, lastData.offset! + lastData.size - firstData.offset!, 0x1000);
  if (hasDynamic) {
    const dyn = byName('.dynamic');
    phdr(2, 6, dyn.offset!, dyn.size, ptr);
  }
  for (const note of notes) phdr(4, 4, note.offset!, note.size, 4);

  const shdr = (index: number, fields: [number, number, number, number, number, number, number, number, number]) => {
    const [name, type, flags, addr, offset, size, link, align, entSize] = fields;
    const s = shoff + index * shentsize;
    w.u32(s, name);
    w.u32(s + 4, type);
    w.word(s + 8, flags, ptr);
    w.word(s + 8 + ptr, addr, ptr);
    w.word(s + 8 + 2 * ptr, offset, ptr);
    w.word(s + 8 + 3 * ptr, size, ptr);
    w.u32(s + 8 + 4 * ptr, link);
    w.u32(s + 12 + 4 * ptr, 0);
    w.word(s + 16 + 4 * ptr, align, ptr);
    w.word(s + 16 + 5 * ptr, entSize, ptr);
  };
  shdr(0, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  chunks.forEach((c, i) => {
    const link = c.link ? chunks.findIndex((x) => x.name === c.link) + 1 : 0;
    shdr(i + 1, [nameIndex.get(c.name)!, c.type, c.flags, c.addr!, c.offset!, c.size, link, c.align, c.entSize ?? 0]);
  });
  shdr(shnum - 1, [nameIndex.get('.shstrtab')!, 3, 0, 0, shstrOffset, shstrtab.length, 0, 1, 0]);
  return w.take(total);
}

export const CPU_TYPE_X86_64 = 0x01000007;
export const CPU_TYPE_ARM64 = 0x0100000c;

export interface MachOOptions {
  cpuType?: number;
  version?: string;
  modinfo?: string;
  codeSignature?: boolean;
  /** Leave out __go_buildinfo (the blob then sits at the start of __DATA,__data). */
  namedSection?: boolean;
}

const MACHO_BASE = 0x100000000;

/** A thin 64-bit little-endian Mach-O executable shaped like the gc linker's output. */
export function buildMachO64(opts: MachOOptions = {}): Uint8Array {
  const w = new ByteWriter(0x4000, true);
  const modinfo = opts.modinfo ?? CMD_GO_MODINFO.replace('GOOS=linux', 'GOOS=darwin');
  const blob = inlineBuildInfoBlob(opts.version ?? GO_VERSION, framedModinfo(modinfo));
  const named = opts.namedSection ?? true;
  const dylinker = encoder.encode('/usr/lib/dyld\0');
  const dylib = encoder.encode('/usr/lib/libSystem.B.dylib\0');
  const dylinkerSize = alignUp(12 + dylinker.length, 8);
  const dylibSize = alignUp(24 + dylib.length, 8);
  const dataSects = named ? 2 : 1;
  const cmds = [72, 72 + 80 * 2, 72 + 80 * dataSects, 72, dylinkerSize, dylibSize, ...(opts.codeSignature ? [16] : [])];
  const sizeofcmds = cmds.reduce((a, b) => a + b, 0);
  const textOff = 0x1000;
  const textSize = 0x100;
  const rodataOff = textOff + textSize;
  const rodataSize = 0x40;
  const dataSegOff = 0x2000;
  const dataSize = 0x80;
  const buildInfoOff = dataSegOff;
  const dataOff = named ? alignUp(buildInfoOff + blob.length, 32) : dataSegOff;
  const dataSegSize = alignUp(dataOff + dataSize - dataSegOff, 0x1000);
  const linkeditOff = dataSegOff + dataSegSize;
  const signatureSize = 0x40;
  const total = linkeditOff + (opts.codeSignature ? signatureSize : 0x10);

  w.u32(0, 0xfeedfacf);
  w.u32(4, opts.cpuType ?? CPU_TYPE_X86_64);
  w.u32(8, 3);
  w.u32(12, 2);
  w.u32(16, cmds.length);
  w.u32(20, sizeofcmds);
  w.u32(24, 0x00200085);
  let at = 32;
  type Sect = [name: string, segment: string, offset: number, size: number, flags: number];
  const segment = (name: string, vmaddr: number, vmsize: number, fileoff: number, filesize: number, prot: number, sects: Sect[]) => {
    w.u32(at, 0x19);
    w.u32(at + 4, 72 + 80 * sects.length);
    w.put(at + 8, name);
    w.u64(at + 24, vmaddr);
    w.u64(at + 32, vmsize);
    w.u64(at + 40, fileoff);
    w.u64(at + 48, filesize);
    w.u32(at + 56, prot);
    w.u32(at + 60, prot);
    w.u32(at + 64, sects.length);
    let s = at + 72;
    for (const [sect, seg, offset, size, flags] of sects) {
      w.put(s, sect);
      w.put(s + 16, seg);
      w.u64(s + 32, MACHO_BASE + offset);
      w.u64(s + 40, size);
      w.u32(s + 48, offset);
      w.u32(s + 52, 4);
      w.u32(s + 64, flags);
      s += 80;
    }
    at += 72 + 80 * sects.length;
  };
  segment('__PAGEZERO', 0, MACHO_BASE, 0, 0, 0, []);
  segment('__TEXT', MACHO_BASE, dataSegOff, 0, dataSegOff, 5, [
    ['__text', '__TEXT', textOff, textSize, 0x80000400],
    ['__rodata', '__TEXT', rodataOff, rodataSize, 0],
  ]);
  segment('__DATA', MACHO_BASE + dataSegOff, dataSegSize, dataSegOff, dataSegSize, 3, [
    ...(named ? [['__go_buildinfo', '__DATA', buildInfoOff, blob.length, 0] as Sect] : []),
    ['__data', '__DATA', dataOff, dataSize, 0],
  ]);
  segment('__LINKEDIT', MACHO_BASE + linkeditOff, 0x1000, linkeditOff, total - linkeditOff, 1, []);
  w.u32(at, 0xe);
  w.u32(at + 4, dylinkerSize);
  w.u32(at + 8, 12);
  w.put(at + 12, dylinker);
  at += dylinkerSize;
  w.u32(at, 0xc);
  w.u32(at + 4, dylibSize);
  w.u32(at + 8, 24);
  w.u32(at + 12, 2);
  w.u32(at + 16, 0x10000);
  w.u32(at + 20, 0x10000);
  w.put(at + 24, dylib);
  at += dylibSize;
  if (opts.codeSignature) {
    w.u32(at, 0x1d);
    w.u32(at + 4, 16);
    w.u32(at + 8, linkeditOff);
    w.u32(at + 12, signatureSize);
    at += 16;
  }
  w.put(textOff, new Uint8Array(textSize).fill(0xcc));
  w.put(buildInfoOff, blob);
  return w.take(total);
}

/** A universal binary: FAT_MAGIC (or FAT_MAGIC_64) header, big-endian, slices page-aligned. */
export function buildFatMachO(slices: { cpuType: number; bytes: Uint8Array }[], fat64 = false): Uint8Array {
  const w = new ByteWriter(0x1000, false);
  const entry = fat64 ? 32 : 20;
  w.u32(0, fat64 ? 0xcafebabf : 0xcafebabe);
  w.u32(4, slices.length);
  let offset = 0x1000;
  let end = offset;
  slices.forEach((slice, i) => {
    const at = 8 + i * entry;
    w.u32(at, slice.cpuType);
    w.u32(at + 4, 0);
    if (fat64) {
      w.u64(at + 8, offset);
      w.u64(at + 16, slice.bytes.length);
      w.u32(at + 24, 12);
    } else {
      w.u32(at + 8, offset);
      w.u32(at + 12, slice.bytes.length);
      w.u32(at + 16, 12);
    }
    w.put(offset, slice.bytes);
    end = offset + slice.bytes.length;
    offset = alignUp(end, 0x1000);
  });
  return w.take(end);
}

export interface PeOptions {
  bits?: 32 | 64;
  /** IMAGE_FILE_MACHINE: 0x8664 amd64, 0x14c 386, 0xaa64 arm64. */
  machine?: number;
  version?: string;
  modinfo?: string;
  /** Name of the section holding the blob: ".go.buildinfo" (via the COFF string table) or ".data" as the gc linker does. */
  buildInfoSection?: '.go.buildinfo' | '.data';
  subsystem?: number;
}

/** A PE32+ (or PE32) executable with a real section table, an import of kernel32.dll and the Go build info blob. */
export function buildPe(opts: PeOptions = {}): Uint8Array {
  const bits = opts.bits ?? 64;
  const plus = bits === 64;
  const w = new ByteWriter(0x2000, true);
  const imageBase = 0x400000;
  const modinfo = opts.modinfo ?? CMD_GO_MODINFO.replace('GOOS=linux', 'GOOS=windows');
  const blob = inlineBuildInfoBlob(opts.version ?? GO_VERSION, framedModinfo(modinfo), plus ? 8 : 4);
  const sectionName = opts.buildInfoSection ?? '.go.buildinfo';
  const sections: { name: string; rva: number; raw: number; size: number; chars: number; data: Uint8Array }[] = [];
  const fileAlign = 0x200;
  let raw = 0x400;
  let rva = 0x1000;
  const add = (name: string, data: Uint8Array, chars: number) => {
    sections.push({ name, rva, raw, size: alignUp(data.length, fileAlign), chars, data });
    raw += alignUp(data.length, fileAlign);
    rva += alignUp(data.length, 0x1000);
  };
  add('.text', new Uint8Array(0x40).fill(0xcc), 0x60000020);
  add('.rdata', encoder.encode('rdata'), 0x40000040);
  if (sectionName === '.go.buildinfo') add('.go.buildinfo', blob, 0xc0000040);
  add('.data', sectionName === '.data' ? concat(blob, new Uint8Array(64)) : new Uint8Array(64), 0xc0000040);
  const idataRva = rva;
  const idata = new ByteWriter(0x100, true);
  idata.u32(12, idataRva + 40);
  idata.u32(16, idataRva + 60);
  idata.put(40, 'kernel32.dll\0');
  add('.idata', idata.take(0x80), 0xc0000040);

  const peAt = 0x80;
  w.put(0, 'MZ');
  w.u32(0x3c, peAt);
  w.put(0x40, 'This program cannot be run in DOS mode.');
  w.put(peAt, 'PE\0\0');
  const coff = peAt + 4;
  const optSize = plus ? 240 : 224;
  const tableAt = coff + 20 + optSize;
  let strings = '';
  const nameField = (name: string) => {
    if (name.length <= 8) return name;
    const ref = `/${4 + strings.length}`;
    strings += `${name}\0`;
    return ref;
  };
  const names = sections.map((s) => nameField(s.name));
  const symtab = raw;
  w.u16(coff, opts.machine ?? (plus ? 0x8664 : 0x14c));
  w.u16(coff + 2, sections.length);
  w.u32(coff + 8, strings ? symtab : 0);
  w.u32(coff + 12, 0);
  w.u16(coff + 16, optSize);
  w.u16(coff + 18, plus ? 0x22 : 0x102);
  const opt = coff + 20;
  w.u16(opt, plus ? 0x20b : 0x10b);
  w.u32(opt + 16, 0x1000);
  if (plus) w.u64(opt + 24, imageBase);
  else w.u32(opt + 28, imageBase);
  w.u32(opt + 32, 0x1000);
  w.u32(opt + 36, fileAlign);
  w.u32(opt + 56, rva);
  w.u32(opt + 60, 0x400);
  w.u16(opt + 68, opts.subsystem ?? 3);
  const countAt = plus ? 108 : 92;
  w.u32(opt + countAt, 16);
  w.u32(opt + countAt + 4 + 8, idataRva);
  w.u32(opt + countAt + 4 + 12, 40);
  sections.forEach((s, i) => {
    const at = tableAt + i * 40;
    w.put(at, names[i]!);
    w.u32(at + 8, s.data.length);
    w.u32(at + 12, s.rva);
    w.u32(at + 16, s.size);
    w.u32(at + 20, s.raw);
    w.u32(at + 36, s.chars);
    w.put(s.raw, s.data);
  });
  let total = raw;
  if (strings) {
    w.u32(symtab, 4 + strings.length);
    w.put(symtab + 4, strings);
    total = symtab + 4 + strings.length;
  }
  return w.take(total);
}

export function script(text: string): Uint8Array {
  return encoder.encode(text);
}
