import { AddressMap } from './address-map.js';
import { ByteView } from './byte-view.js';

const MH_MAGIC = 0xfeedface;
const MH_CIGAM = 0xcefaedfe;
const MH_MAGIC_64 = 0xfeedfacf;
const MH_CIGAM_64 = 0xcffaedfe;
const FAT_MAGIC = 0xcafebabe;
const FAT_CIGAM = 0xbebafeca;
const FAT_MAGIC_64 = 0xcafebabf;
const FAT_CIGAM_64 = 0xbfbafeca;
// Java class files share 0xcafebabe; their major version (>= 45) lands where nfat_arch is: https://github.com/file/file/blob/master/magic/Magdir/cafebabe
const MAX_FAT_ARCHES = 30;
const MAX_LOAD_COMMANDS = 65536;
const MAX_SECTIONS = 65536;

const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;
const LC_LOAD_DYLIB = 0xc;
const LC_LOAD_DYLINKER = 0xe;
const LC_CODE_SIGNATURE = 0x1d;
const LC_LAZY_LOAD_DYLIB = 0x20;
const LC_LOAD_WEAK_DYLIB = 0x80000018;
const LC_REEXPORT_DYLIB = 0x8000001f;
const LC_LOAD_UPWARD_DYLIB = 0x80000023;
const DYLIB_COMMANDS = new Set([LC_LOAD_DYLIB, LC_LAZY_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB, LC_LOAD_UPWARD_DYLIB]);
const S_ZEROFILL = 0x1;
const S_GB_ZEROFILL = 0xc;
const S_THREAD_LOCAL_ZEROFILL = 0x12;

export interface MachOSection {
  segment: string;
  name: string;
  addr: number;
  size: number;
  /** Absolute file offset; null for zero-fill sections, which have no bytes in the file. */
  offset: number | null;
  flags: number;
}

export interface MachOSegment {
  name: string;
  addr: number;
  memSize: number;
  /** Absolute file offset. */
  offset: number;
  fileSize: number;
  maxProt: number;
  initProt: number;
}

export interface MachOFile {
  bits: 32 | 64 | null;
  littleEndian: boolean;
  cpuType: number;
  arch: string | null;
  fileType: number;
  sections: MachOSection[];
  segments: MachOSegment[];
  dylibs: string[];
  dylinker: string | null;
  codeSigned: boolean;
  /** LC_CODE_SIGNATURE's blob, as an absolute file offset and size. */
  codeSignature: { offset: number; size: number } | null;
  /** Where this image starts in the file: 0, or a fat slice's offset. */
  base: number;
  /** This image's size: the rest of the file, or a fat slice's size. */
  size: number;
  addresses: AddressMap;
  problems: string[];
}

export interface FatArch {
  cpuType: number;
  arch: string | null;
  offset: number;
  size: number;
}

export interface FatMachOFile {
  arches: FatArch[];
  /** One per arch whose slice could be parsed, in header order. */
  slices: MachOFile[];
  problems: string[];
}

export function machOCpuToGoArch(cpuType: number): string | null {
  switch (cpuType >>> 0) {
    case 7:
      return '386';
    case 0x01000007:
      return 'amd64';
    case 12:
      return 'arm';
    case 0x0100000c:
      return 'arm64';
    case 18:
      return 'ppc';
    case 0x01000012:
      return 'ppc64';
    default:
      return null;
  }
}

export function isThinMachO(bytes: Uint8Array): boolean {
  const magic = new ByteView(bytes, false).u32(0);
  return magic === MH_MAGIC || magic === MH_CIGAM || magic === MH_MAGIC_64 || magic === MH_CIGAM_64;
}

export function isFatMachO(bytes: Uint8Array): boolean {
  const be = new ByteView(bytes, false);
  const magic = be.u32(0);
  if (magic !== FAT_MAGIC && magic !== FAT_CIGAM && magic !== FAT_MAGIC_64 && magic !== FAT_CIGAM_64) return false;
  const count = be.withEndian(magic === FAT_CIGAM || magic === FAT_CIGAM_64).u32(4);
  return count > 0 && count <= MAX_FAT_ARCHES;
}

function addRangeProblem(problems: Set<string>, view: ByteView, fileSize: number, offset: number, size: number): boolean {
  if (view.has(offset, size)) return true;
  problems.add(!Number.isSafeInteger(offset + size) || offset + size > fileSize ? 'truncated' : 'partial-read');
  return false;
}

/** Reads the thin Mach-O image that starts at base (0, or a fat slice's offset) and spans size bytes. */
export function readMachO(bytes: Uint8Array, fileSize = bytes.length, base = 0, size = fileSize - base): MachOFile {
  const problems = new Set<string>();
  const file: MachOFile = {
    bits: null,
    littleEndian: true,
    cpuType: 0,
    arch: null,
    fileType: 0,
    sections: [],
    segments: [],
    dylibs: [],
    dylinker: null,
    codeSigned: false,
    codeSignature: null,
    base,
    size,
    addresses: new AddressMap(),
    problems: [],
  };
  const finish = (): MachOFile => {
    file.problems = [...problems];
    return file;
  };
  const end = Math.min(fileSize, base + size);
  const raw = new ByteView(bytes, false);
  if (!addRangeProblem(problems, raw, fileSize, base, 4)) return finish();
  const magic = raw.u32(base);
  if (magic !== MH_MAGIC && magic !== MH_CIGAM && magic !== MH_MAGIC_64 && magic !== MH_CIGAM_64) {
    problems.add('bad-header');
    return finish();
  }
  const is64 = magic === MH_MAGIC_64 || magic === MH_CIGAM_64;
  file.bits = is64 ? 64 : 32;
  const view = raw.withEndian(magic === MH_CIGAM || magic === MH_CIGAM_64);
  file.littleEndian = view.littleEndian;
  const headerSize = is64 ? 32 : 28;
  if (!addRangeProblem(problems, view, fileSize, base, headerSize)) return finish();
  file.cpuType = view.u32(base + 4);
  file.arch = machOCpuToGoArch(file.cpuType);
  file.fileType = view.u32(base + 12);
  const ncmds = view.u32(base + 16);
  const sizeofcmds = view.u32(base + 20);
  const cmdsStart = base + headerSize;
  const cmdsEnd = cmdsStart + sizeofcmds;
  if (cmdsEnd > end) problems.add('truncated');
  else addRangeProblem(problems, view, fileSize, cmdsStart, sizeofcmds);

  let at = cmdsStart;
  const count = Math.min(ncmds, MAX_LOAD_COMMANDS);
  let sectionBudget = MAX_SECTIONS;
  for (let i = 0; i < count; i++) {
    if (at + 8 > cmdsEnd) {
      problems.add('bad-header');
      break;
    }
    if (!view.has(at, 8)) break;
    const cmd = view.u32(at);
    const cmdsize = view.u32(at + 4);
    if (cmdsize < 8 || at + cmdsize > cmdsEnd) {
      problems.add('bad-header');
      break;
    }
    if (!view.has(at, cmdsize)) break;
    if (cmd === LC_SEGMENT_64 || cmd === LC_SEGMENT) {
      const seg64 = cmd === LC_SEGMENT_64;
      const w = seg64 ? 8 : 4;
      const segHeader = seg64 ? 72 : 56;
      const sectSize = seg64 ? 80 : 68;
      if (cmdsize < segHeader) {
        problems.add('bad-header');
      } else {
        const fieldAt = at + 24;
        const segment: MachOSegment = {
          name: view.fixedString(at + 8, 16),
          addr: view.word(fieldAt, w),
          memSize: view.word(fieldAt + w, w),
          offset: base + view.word(fieldAt + 2 * w, w),
          fileSize: view.word(fieldAt + 3 * w, w),
          maxProt: view.u32(fieldAt + 4 * w),
          initProt: view.u32(fieldAt + 4 * w + 4),
        };
        const nsects = view.u32(fieldAt + 4 * w + 8);
        file.segments.push(segment);
        if (segment.fileSize > 0) {
          if (segment.offset + segment.fileSize > end) problems.add('truncated');
          file.addresses.add(segment.addr, segment.offset, Math.min(segment.fileSize, segment.memSize));
        }
        if (segHeader + nsects * sectSize > cmdsize) problems.add('bad-header');
        for (let s = 0; s < nsects && sectionBudget-- > 0; s++) {
          const sAt = at + segHeader + s * sectSize;
          if (sAt + sectSize > at + cmdsize) break;
          const flags = view.u32(sAt + 32 + 2 * w + 8 + 8);
          const type = flags & 0xff;
          const zeroFill = type === S_ZEROFILL || type === S_GB_ZEROFILL || type === S_THREAD_LOCAL_ZEROFILL;
          const section: MachOSection = {
            name: view.fixedString(sAt, 16),
            segment: view.fixedString(sAt + 16, 16),
            addr: view.word(sAt + 32, w),
            size: view.word(sAt + 32 + w, w),
            offset: zeroFill ? null : base + view.u32(sAt + 32 + 2 * w),
            flags,
          };
          file.sections.push(section);
          if (section.offset !== null && section.size > 0 && section.offset + section.size > end) {
            problems.add('truncated');
          }
        }
      }
    } else if (DYLIB_COMMANDS.has(cmd) || cmd === LC_LOAD_DYLINKER) {
      const nameOffset = view.u32(at + 8);
      if (nameOffset < 12 || nameOffset >= cmdsize) {
        problems.add('bad-header');
      } else {
        const name = view.cstring(at + nameOffset, cmdsize - nameOffset);
        if (cmd === LC_LOAD_DYLINKER) file.dylinker = name;
        else file.dylibs.push(name);
      }
    } else if (cmd === LC_CODE_SIGNATURE) {
      file.codeSigned = true;
      const dataOff = view.u32(at + 8);
      const dataSize = view.u32(at + 12);
      file.codeSignature = { offset: base + dataOff, size: dataSize };
      if (base + dataOff + dataSize > end) problems.add('truncated');
    }
    at += cmdsize;
  }
  return finish();
}

export function readFatMachO(bytes: Uint8Array, fileSize = bytes.length): FatMachOFile {
  const problems = new Set<string>();
  const fat: FatMachOFile = { arches: [], slices: [], problems: [] };
  const raw = new ByteView(bytes, false);
  const magic = raw.u32(0);
  const view = raw.withEndian(magic === FAT_CIGAM || magic === FAT_CIGAM_64);
  const is64 = magic === FAT_MAGIC_64 || magic === FAT_CIGAM_64;
  const entrySize = is64 ? 32 : 20;
  const count = Math.min(view.u32(4), MAX_FAT_ARCHES);
  addRangeProblem(problems, view, fileSize, 0, 8 + count * entrySize);
  for (let i = 0; i < count; i++) {
    const at = 8 + i * entrySize;
    if (!view.has(at, entrySize)) break;
    const cpuType = view.u32(at);
    const offset = is64 ? view.u64(at + 8) : view.u32(at + 8);
    const size = is64 ? view.u64(at + 16) : view.u32(at + 12);
    fat.arches.push({ cpuType, arch: machOCpuToGoArch(cpuType), offset, size });
    if (offset + size > fileSize) problems.add('truncated');
    const slice = readMachO(bytes, fileSize, offset, size);
    for (const p of slice.problems) problems.add(p);
    if (slice.bits !== null) {
      if (slice.cpuType !== cpuType) problems.add('bad-header');
      fat.slices.push(slice);
    }
  }
  fat.problems = [...problems];
  return fat;
}
