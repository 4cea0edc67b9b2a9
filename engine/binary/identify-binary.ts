import { verifyAuthenticode } from './authenticode-verifier.js';
import type { BinaryFormat, BinaryIdentity, BinarySignature, GoBuildInfo } from './binary-identity.js';
import { PF_W, PF_X, PT_LOAD, SHT_NOBITS, readElf } from './elf-reader.js';
import { type FileRegion, readGoBuildInfo } from './go-build-info.js';
import { type MachOFile, isFatMachO, isThinMachO, readFatMachO, readMachO } from './macho-reader.js';
import { verifyMachOSignature } from './macho-signature-verifier.js';
import {
  IMAGE_SCN_CNT_CODE,
  IMAGE_SCN_CNT_INITIALIZED_DATA,
  IMAGE_SCN_CNT_UNINITIALIZED_DATA,
  IMAGE_SCN_MEM_EXECUTE,
  IMAGE_SCN_MEM_READ,
  IMAGE_SCN_MEM_WRITE,
  readPe,
} from './pe-reader.js';
import { isShebang, readShebang } from './shebang-reader.js';

const ELF_GO_BUILD_ID_NOTE = 4;
const CPU_ARCH_ABI64 = 0x01000000;
const GCCGO_LIBGO = /^libgo\.so(\.|$)/;
const ELF_GOOS = new Set(['linux', 'android', 'dragonfly', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos']);

function blank(format: BinaryFormat): BinaryIdentity {
  return {
    format,
    os: null,
    arch: null,
    bits: null,
    interpreter: null,
    linkage: null,
    needed: [],
    go: null,
    gccgo: false,
    problems: [],
  };
}

/** Never throws; bytes may be a capped prefix of the file, whose real size is then opts.fileSize. */
export function identifyBinary(bytes: Uint8Array, opts: { fileSize?: number } = {}): BinaryIdentity {
  try {
    const given = opts.fileSize;
    const fileSize = given !== undefined && Number.isSafeInteger(given) && given > bytes.length ? given : bytes.length;
    return identify(bytes, fileSize);
  } catch {
    return { ...blank('unknown'), problems: ['internal-error'] };
  }
}

function identify(bytes: Uint8Array, fileSize: number): BinaryIdentity {
  if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return identifyElf(bytes, fileSize);
  if (isThinMachO(bytes)) return identifyMachO(bytes, fileSize);
  if (isFatMachO(bytes)) return identifyFatMachO(bytes, fileSize);
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return identifyPe(bytes, fileSize);
  if (isShebang(bytes)) {
    const shebang = readShebang(bytes, fileSize);
    return { ...blank('script'), interpreter: shebang.interpreter, problems: shebang.problems };
  }
  return blank('unknown');
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function identifyElf(bytes: Uint8Array, fileSize: number): BinaryIdentity {
  const elf = readElf(bytes, fileSize);
  const id: BinaryIdentity = { ...blank('elf'), problems: elf.problems };
  if (elf.bits === null) return id;
  // ELF has no embedded signature format that Go or any Linux distribution uses.
  id.signature = { kind: 'none', valid: null, signer: null, reasons: [] };
  id.bits = elf.bits;
  id.arch = elf.arch;
  id.interpreter = elf.interpreter;
  id.needed = elf.needed;
  if (elf.segmentsRead) id.linkage = elf.interpreter !== null || elf.hasDynamic ? 'dynamic' : 'static';

  const regions: FileRegion[] = [];
  const buildInfo = elf.sections.find((s) => s.name === '.go.buildinfo' && s.type !== SHT_NOBITS);
  if (buildInfo) regions.push({ offset: buildInfo.offset, size: buildInfo.size });
  const data = elf.segments.find((p) => p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W);
  if (data) regions.push({ offset: data.offset, size: data.fileSize });
  const go = readGoBuildInfo({ bytes, fileSize, regions, addresses: elf.addresses });
  id.go = go.info;
  id.problems = unique([...elf.problems, ...go.problems]);

  const goNote = elf.notes.find((n) => n.name === 'Go' && n.type === ELF_GO_BUILD_ID_NOTE);
  if (goNote) id.goBuildId = new TextDecoder('latin1').decode(goNote.desc);
  id.gccgo =
    elf.needed.some((n) => GCCGO_LIBGO.test(n)) || elf.sections.some((s) => s.name === '.go_export') || elf.importsGccgoPersonality || builtWithGccgo(go.info);

  const goos = go.info?.buildSettings['GOOS'];
  if (elf.os !== null) id.os = elf.os === 'solaris' && goos === 'illumos' ? 'illumos' : elf.os;
  // Go marks dragonfly (and linux) binaries with neither OS/ABI nor a note: https://github.com/golang/go/blob/master/src/cmd/link/internal/ld/elf.go
  else if (elf.osAbi === 0) id.os = goos !== undefined && ELF_GOOS.has(goos) ? goos : 'linux';
  return id;
}

function builtWithGccgo(info: GoBuildInfo | null): boolean {
  return info?.buildSettings['-compiler'] === 'gccgo';
}

function machORegions(file: MachOFile): FileRegion[] {
  const regions: FileRegion[] = [];
  const section = file.sections.find((s) => s.name === '__go_buildinfo' && s.offset !== null);
  if (section?.offset != null) regions.push({ offset: section.offset, size: section.size });
  const readWrite = 3;
  const data = file.segments.find((s) => s.addr !== 0 && s.fileSize !== 0 && s.initProt === readWrite && s.maxProt === readWrite);
  if (data) regions.push({ offset: data.offset, size: data.fileSize });
  return regions;
}

function identifyMachO(bytes: Uint8Array, fileSize: number): BinaryIdentity {
  const file = readMachO(bytes, fileSize);
  const id: BinaryIdentity = { ...blank('macho'), problems: file.problems };
  if (file.bits === null) return id;
  id.os = 'darwin';
  id.arch = file.arch;
  id.bits = file.bits;
  id.interpreter = file.dylinker;
  id.needed = file.dylibs;
  id.codeSigned = file.codeSigned;
  id.signature = verifyMachOSignature(bytes, fileSize, file);
  const go = readGoBuildInfo({ bytes, fileSize, regions: machORegions(file), addresses: file.addresses });
  id.go = go.info;
  id.gccgo = builtWithGccgo(go.info);
  id.problems = unique([...file.problems, ...go.problems]);
  return id;
}

function identifyFatMachO(bytes: Uint8Array, fileSize: number): BinaryIdentity {
  const fat = readFatMachO(bytes, fileSize);
  const id: BinaryIdentity = { ...blank('macho'), os: 'darwin', problems: fat.problems };
  const arches = fat.arches.map((a) => a.arch).filter((a): a is string => a !== null);
  id.arch = arches.length > 0 ? arches.join(',') : null;
  const bits = new Set(fat.arches.map((a): 32 | 64 => (a.cpuType & CPU_ARCH_ABI64 ? 64 : 32)));
  id.bits = bits.size === 1 ? [...bits][0]! : null;
  id.needed = unique(fat.slices.flatMap((s) => s.dylibs));
  id.interpreter = fat.slices.find((s) => s.dylinker !== null)?.dylinker ?? null;
  if (fat.slices.length > 0) {
    id.codeSigned = fat.slices.every((s) => s.codeSigned);
    id.signature = fatSignature(fat.slices.map((s) => ({ arch: s.arch ?? '?', sig: verifyMachOSignature(bytes, fileSize, s) })));
  }
  const problems = [...fat.problems];
  for (const slice of fat.slices) {
    const go = readGoBuildInfo({ bytes, fileSize, regions: machORegions(slice), addresses: slice.addresses });
    problems.push(...go.problems);
    if (go.info) {
      id.go = go.info;
      id.gccgo = builtWithGccgo(go.info);
      break;
    }
  }
  id.problems = unique(problems);
  return id;
}

/** A fat file's signature: the first slice's, valid only when every slice's is, with each slice's reasons named by arch. */
function fatSignature(slices: { arch: string; sig: BinarySignature }[]): BinarySignature {
  const first = slices[0]!.sig;
  const valids = slices.map((s) => s.sig.valid);
  const valid = valids.includes(false) ? false : valids.includes(null) ? null : true;
  const kinds = new Set(slices.map((s) => s.sig.kind));
  const reasons = slices.flatMap((s) => s.sig.reasons.map((r) => `${s.arch}: ${r}`));
  if (kinds.size > 1) reasons.push(`the slices are signed differently: ${slices.map((s) => `${s.arch} ${s.sig.kind}`).join(', ')}`);
  return { ...first, valid: first.kind === 'none' ? null : valid, reasons };
}

function identifyPe(bytes: Uint8Array, fileSize: number): BinaryIdentity {
  const pe = readPe(bytes, fileSize);
  if (pe.signature === false) return blank('unknown');
  const id: BinaryIdentity = { ...blank('pe'), problems: pe.problems };
  if (pe.signature === null) return id;
  id.os = 'windows';
  id.arch = pe.arch;
  id.bits = pe.bits;
  id.needed = pe.imports;
  if (pe.subsystemName !== null) id.subsystem = pe.subsystemName;
  id.signature = verifyAuthenticode(bytes, fileSize, pe);
  const regions: FileRegion[] = [];
  const named = pe.sections.find((s) => s.name === '.go.buildinfo');
  if (named) regions.push({ offset: named.rawOffset, size: named.rawSize });
  const kinds =
    IMAGE_SCN_CNT_CODE | IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_CNT_UNINITIALIZED_DATA | IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_WRITE;
  const wanted = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_WRITE;
  // The PE linker folds .go.buildinfo into the start of .data: https://github.com/golang/go/blob/master/src/debug/buildinfo/buildinfo.go
  const data = pe.sections.find((s) => (s.characteristics & kinds) >>> 0 === wanted >>> 0);
  if (data) regions.push({ offset: data.rawOffset, size: data.rawSize });
  const go = readGoBuildInfo({ bytes, fileSize, regions, addresses: pe.addresses });
  id.go = go.info;
  id.gccgo = builtWithGccgo(go.info);
  id.problems = unique([...pe.problems, ...go.problems]);
  return id;
}
