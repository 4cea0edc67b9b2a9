import { AddressMap } from './address-map.js';
import { ByteView } from './byte-view.js';

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PF_X = 1;
export const PF_W = 2;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_DYNAMIC = 6;
const SHT_STRTAB = 3;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const MAX_DYNAMIC_ENTRIES = 4096;
const MAX_NOTES = 1024;
const MAX_NOTE_REGIONS = 64;
const MAX_SECTIONS = 65536;
const MAX_SEGMENTS = 65536;
const MAX_NAME = 1024;

export interface ElfSection {
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
}

export interface ElfSegment {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  fileSize: number;
  memSize: number;
  align: number;
}

export interface ElfNote {
  name: string;
  type: number;
  desc: Uint8Array;
}

export interface ElfFile {
  bits: 32 | 64 | null;
  /** The ELF header and the whole program header table were in the bytes. */
  segmentsRead: boolean;
  littleEndian: boolean;
  osAbi: number;
  type: number;
  machine: number;
  flags: number;
  arch: string | null;
  /** GOOS from OS/ABI, notes or interpreter; null when only the SYSV default applies. */
  os: string | null;
  sections: ElfSection[];
  segments: ElfSegment[];
  interpreter: string | null;
  hasDynamic: boolean;
  needed: string[];
  notes: ElfNote[];
  importsGccgoPersonality: boolean;
  addresses: AddressMap;
  problems: string[];
}

const OS_ABI: Record<number, string> = { 2: 'netbsd', 3: 'linux', 6: 'solaris', 9: 'freebsd', 12: 'openbsd' };

const NOTE_OS: Record<string, string> = {
  OpenBSD: 'openbsd',
  NetBSD: 'netbsd',
  FreeBSD: 'freebsd',
  DragonFly: 'dragonfly',
  Android: 'android',
};

// NT_GNU_ABI_TAG's first descriptor word: https://refspecs.linuxbase.org/LSB_3.2.0/LSB-Core-generic/LSB-Core-generic/noteabitag.html
const GNU_ABI_OS: Record<number, string> = { 0: 'linux', 2: 'solaris', 3: 'freebsd' };

const INTERPRETER_OS: [RegExp, string][] = [
  [/^\/system\/bin\/linker(64)?$/, 'android'],
  [/^\/libexec\/ld-elf\.so\.1$/, 'freebsd'],
  [/^\/usr\/libexec\/ld-elf\.so\.2$/, 'dragonfly'],
  [/^\/usr\/libexec\/ld\.elf_so$/, 'netbsd'],
  [/^\/usr\/libexec\/ld\.so$/, 'openbsd'],
  [/\/ld\.so\.1$/, 'solaris'],
];

export function elfMachineToGoArch(machine: number, bits: 32 | 64, littleEndian: boolean): string | null {
  switch (machine) {
    case 3:
      return '386';
    case 62:
      return 'amd64';
    case 40:
      return 'arm';
    case 183:
      return 'arm64';
    case 8:
      return bits === 64 ? (littleEndian ? 'mips64le' : 'mips64') : littleEndian ? 'mipsle' : 'mips';
    case 20:
      return 'ppc';
    case 21:
      return littleEndian ? 'ppc64le' : 'ppc64';
    case 22:
      return bits === 64 ? 's390x' : 's390';
    case 243:
      return bits === 64 ? 'riscv64' : 'riscv';
    case 258:
      return bits === 64 ? 'loong64' : 'loong32';
    case 2:
      return 'sparc';
    case 43:
      return 'sparc64';
    default:
      return null;
  }
}

function emptyElf(problems: string[]): ElfFile {
  return {
    bits: null,
    segmentsRead: false,
    littleEndian: true,
    osAbi: 0,
    type: 0,
    machine: 0,
    flags: 0,
    arch: null,
    os: null,
    sections: [],
    segments: [],
    interpreter: null,
    hasDynamic: false,
    needed: [],
    notes: [],
    importsGccgoPersonality: false,
    addresses: new AddressMap(),
    problems,
  };
}

/** False, noting "truncated" (past fileSize) or "partial-read" (past the bytes only), when the range is not in the bytes. */
function checkRange(view: ByteView, fileSize: number, offset: number, size: number, problems: Set<string>): boolean {
  if (view.has(offset, size)) return true;
  if (!Number.isSafeInteger(offset + size) || offset + size > fileSize) problems.add('truncated');
  else problems.add('partial-read');
  return false;
}

export function readElf(bytes: Uint8Array, fileSize = bytes.length): ElfFile {
  const problems = new Set<string>();
  const raw = new ByteView(bytes);
  if (!checkRange(raw, fileSize, 0, 16, problems)) return emptyElf([...problems]);
  const elfClass = raw.u8(4);
  const data = raw.u8(5);
  if ((elfClass !== 1 && elfClass !== 2) || (data !== 1 && data !== 2)) return emptyElf(['bad-header']);
  const bits = elfClass === 2 ? 64 : 32;
  const is64 = bits === 64;
  const view = raw.withEndian(data === 1);
  const elf = emptyElf([]);
  elf.bits = bits;
  elf.littleEndian = view.littleEndian;
  elf.osAbi = view.u8(7);
  const headerSize = is64 ? 64 : 52;
  if (!checkRange(view, fileSize, 0, headerSize, problems)) {
    elf.problems = [...problems];
    return elf;
  }
  const word = is64 ? 8 : 4;
  elf.type = view.u16(16);
  elf.machine = view.u16(18);
  elf.arch = elfMachineToGoArch(elf.machine, bits, elf.littleEndian);
  let at = 24 + word;
  const phoff = view.word(at, word);
  const shoff = view.word(at + word, word);
  at += 2 * word;
  elf.flags = view.u32(at);
  const phentsize = view.u16(at + 6);
  let phnum = view.u16(at + 8);
  const shentsize = view.u16(at + 10);
  let shnum = view.u16(at + 12);
  let shstrndx = view.u16(at + 14);

  const shEntry = is64 ? 64 : 40;
  const phEntry = is64 ? 56 : 32;
  if (shoff !== 0 && shentsize < shEntry) problems.add('bad-header');
  if (phnum !== 0 && phentsize < phEntry) problems.add('bad-header');

  const readSection = (off: number): { nameIndex: number; info: number; section: ElfSection } => ({
    nameIndex: view.u32(off),
    info: view.u32(off + 12 + 4 * word),
    section: {
      name: '',
      type: view.u32(off + 4),
      flags: view.word(off + 8, word),
      addr: view.word(off + 8 + word, word),
      offset: view.word(off + 8 + 2 * word, word),
      size: view.word(off + 8 + 3 * word, word),
      link: view.u32(off + 8 + 4 * word),
    },
  });

  // Extended numbering keeps the real counts in section 0: https://man7.org/linux/man-pages/man5/elf.5.html
  if (shoff !== 0 && shentsize >= shEntry && view.has(shoff, shEntry)) {
    const zero = readSection(shoff);
    if (shnum === 0) shnum = zero.section.size;
    if (shstrndx === 0xffff) shstrndx = zero.section.link;
    if (phnum === 0xffff) phnum = zero.info;
  }

  elf.segmentsRead = phnum === 0;
  if (phnum !== 0 && phentsize >= phEntry) {
    elf.segmentsRead = checkRange(view, fileSize, phoff, phnum * phentsize, problems);
    for (let i = 0; i < Math.min(phnum, MAX_SEGMENTS); i++) {
      const off = phoff + i * phentsize;
      if (!view.has(off, phEntry)) break;
      const seg: ElfSegment = is64
        ? {
            type: view.u32(off),
            flags: view.u32(off + 4),
            offset: view.u64(off + 8),
            vaddr: view.u64(off + 16),
            fileSize: view.u64(off + 32),
            memSize: view.u64(off + 40),
            align: view.u64(off + 48),
          }
        : {
            type: view.u32(off),
            offset: view.u32(off + 4),
            vaddr: view.u32(off + 8),
            fileSize: view.u32(off + 16),
            memSize: view.u32(off + 20),
            flags: view.u32(off + 24),
            align: view.u32(off + 28),
          };
      elf.segments.push(seg);
      if (seg.fileSize > 0 && seg.offset + seg.fileSize > fileSize) problems.add('truncated');
    }
  }

  if (shoff !== 0 && shnum !== 0 && shentsize >= shEntry) {
    checkRange(view, fileSize, shoff, shnum * shentsize, problems);
    const raws: ReturnType<typeof readSection>[] = [];
    const count = Math.min(shnum, MAX_SECTIONS);
    for (let i = 0; i < count; i++) {
      const off = shoff + i * shentsize;
      if (!view.has(off, shEntry)) break;
      const entry = readSection(off);
      raws.push(entry);
      const { type, offset, size } = entry.section;
      if (type !== SHT_NOBITS && size > 0 && offset + size > fileSize) problems.add('truncated');
    }
    const strtab = raws[shstrndx]?.section;
    if (shstrndx !== 0 && !strtab && raws.length === count) problems.add('bad-header');
    for (const { nameIndex, section } of raws) {
      if (strtab && nameIndex < strtab.size) {
        section.name = view.cstring(strtab.offset + nameIndex, Math.min(MAX_NAME, strtab.size - nameIndex), 'latin1');
      }
      elf.sections.push(section);
    }
  }

  for (const seg of elf.segments) {
    if (seg.type === PT_LOAD) elf.addresses.add(seg.vaddr, seg.offset, Math.min(seg.fileSize, seg.memSize));
  }
  if (elf.addresses.size === 0) {
    for (const sec of elf.sections) {
      if (sec.addr !== 0 && sec.type !== SHT_NOBITS) elf.addresses.add(sec.addr, sec.offset, sec.size);
    }
  }

  const interp = elf.segments.find((s) => s.type === PT_INTERP);
  if (interp) {
    if (checkRange(view, fileSize, interp.offset, Math.min(interp.fileSize, 1), problems)) {
      elf.interpreter = view.cstring(interp.offset, Math.min(interp.fileSize, MAX_NAME));
    }
  }

  readDynamic(view, fileSize, elf, problems);
  readNotes(view, elf);
  elf.os = elfOs(elf);
  elf.problems = [...problems];
  return elf;
}

function readDynamic(view: ByteView, fileSize: number, elf: ElfFile, problems: Set<string>): void {
  const word = elf.bits === 64 ? 8 : 4;
  const seg = elf.segments.find((s) => s.type === PT_DYNAMIC);
  const sec = elf.sections.find((s) => s.type === SHT_DYNAMIC);
  const offset = seg ? seg.offset : sec?.offset;
  const size = seg ? seg.fileSize : sec?.size;
  if (offset === undefined || size === undefined) return;
  elf.hasDynamic = true;
  if (!checkRange(view, fileSize, offset, Math.min(size, 2 * word), problems)) return;
  const neededOffsets: number[] = [];
  let strtabAddr: number | null = null;
  let strtabSize: number | null = null;
  const count = Math.min(Math.floor(size / (2 * word)), MAX_DYNAMIC_ENTRIES);
  for (let i = 0; i < count; i++) {
    const at = offset + i * 2 * word;
    if (!view.has(at, 2 * word)) break;
    const tag = view.word(at, word);
    const value = view.word(at + word, word);
    if (tag === DT_NULL) break;
    if (tag === DT_NEEDED) neededOffsets.push(value);
    else if (tag === DT_STRTAB) strtabAddr = value;
    else if (tag === DT_STRSZ) strtabSize = value;
  }
  let strOffset: number | null = strtabAddr === null ? null : elf.addresses.toOffset(strtabAddr);
  let strSize = strtabSize ?? Number.MAX_SAFE_INTEGER;
  if (strOffset === null) {
    const byLink = sec ? elf.sections[sec.link] : undefined;
    const strSec = byLink && byLink.type === SHT_STRTAB ? byLink : elf.sections.find((s) => s.name === '.dynstr');
    if (strSec) {
      strOffset = strSec.offset;
      strSize = strSec.size;
    }
  }
  if (strOffset === null) return;
  for (const nameOffset of neededOffsets) {
    if (nameOffset >= strSize) continue;
    if (!checkRange(view, fileSize, strOffset + nameOffset, 1, problems)) continue;
    elf.needed.push(view.cstring(strOffset + nameOffset, Math.min(MAX_NAME, strSize - nameOffset)));
  }
  const table = view.slice(strOffset, Math.min(strSize, view.length));
  elf.importsGccgoPersonality = new ByteView(table).indexOf(GCCGO_PERSONALITY) >= 0;
}

const GCCGO_PERSONALITY = new TextEncoder().encode('__gccgo_personality_v0\0');

function readNotes(view: ByteView, elf: ElfFile): void {
  const regions: { offset: number; size: number; align: number }[] = [];
  for (const s of elf.segments) {
    if (regions.length >= MAX_NOTE_REGIONS) break;
    if (s.type === PT_NOTE) regions.push({ offset: s.offset, size: s.fileSize, align: s.align === 8 ? 8 : 4 });
  }
  for (const s of elf.sections) {
    if (regions.length >= MAX_NOTE_REGIONS) break;
    if (s.type === SHT_NOTE && !regions.some((r) => r.offset <= s.offset && s.offset < r.offset + r.size)) {
      regions.push({ offset: s.offset, size: s.size, align: 4 });
    }
  }
  let budget = MAX_NOTES;
  for (const region of regions) {
    const end = Math.min(region.offset + region.size, view.length);
    let at = region.offset;
    while (budget-- > 0 && view.has(at, 12) && at + 12 <= end) {
      const nameSize = view.u32(at);
      const descSize = view.u32(at + 4);
      const type = view.u32(at + 8);
      const nameAt = at + 12;
      const descAt = nameAt + align(nameSize, region.align);
      const next = descAt + align(descSize, region.align);
      if (next > end || !view.has(descAt, descSize)) break;
      const name = view.cstring(nameAt, Math.min(nameSize, MAX_NAME), 'latin1');
      elf.notes.push({ name, type, desc: view.slice(descAt, descSize) });
      at = next;
    }
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function elfOs(elf: ElfFile): string | null {
  const byAbi = OS_ABI[elf.osAbi];
  if (byAbi) return byAbi;
  if (elf.osAbi !== 0) return null;
  for (const note of elf.notes) {
    const byNote = NOTE_OS[note.name];
    if (byNote) return byNote;
    if (note.name === 'GNU' && note.type === 1 && note.desc.length >= 4) {
      const word = new ByteView(note.desc, elf.littleEndian).u32(0);
      const byTag = GNU_ABI_OS[word];
      if (byTag) return byTag;
    }
  }
  if (elf.interpreter) {
    for (const [pattern, os] of INTERPRETER_OS) if (pattern.test(elf.interpreter)) return os;
  }
  return null;
}
