import { AddressMap } from './address-map.js';
import { ByteView } from './byte-view.js';

const PE32_MAGIC = 0x10b;
const PE32_PLUS_MAGIC = 0x20b;
const SECTION_HEADER_SIZE = 40;
const COFF_SYMBOL_SIZE = 18;
const IMPORT_DESCRIPTOR_SIZE = 20;
const MAX_IMPORTS = 4096;
const MAX_NAME = 1024;

export const IMAGE_SCN_CNT_CODE = 0x20;
export const IMAGE_SCN_CNT_INITIALIZED_DATA = 0x40;
export const IMAGE_SCN_CNT_UNINITIALIZED_DATA = 0x80;
export const IMAGE_SCN_MEM_EXECUTE = 0x20000000;
export const IMAGE_SCN_MEM_READ = 0x40000000;
export const IMAGE_SCN_MEM_WRITE = 0x80000000;

export interface PeSection {
  name: string;
  /** Relative to the image base. */
  virtualAddress: number;
  virtualSize: number;
  rawOffset: number;
  rawSize: number;
  characteristics: number;
}

export interface PeFile {
  machine: number;
  arch: string | null;
  bits: 32 | 64 | null;
  imageBase: number;
  subsystem: number | null;
  subsystemName: string | null;
  sections: PeSection[];
  imports: string[];
  /** PE\0\0 sits where the DOS header's e_lfanew points; null when that could not be read. */
  signature: boolean | null;
  /** Absolute virtual addresses (image base + RVA) to file offsets. */
  addresses: AddressMap;
  /** File offsets of the optional header's CheckSum and of the certificate table's data directory entry (both left out of the Authenticode hash). */
  checksumOffset: number | null;
  certificateEntryOffset: number | null;
  /** The certificate table (attribute certificates): its directory entry holds a file offset, not an RVA. */
  certificateTable: { offset: number; size: number } | null;
  problems: string[];
}

const SUBSYSTEMS: Record<number, string> = {
  1: 'native',
  2: 'windows-gui',
  3: 'windows-cui',
  5: 'os2-cui',
  7: 'posix-cui',
  9: 'windows-ce-gui',
  10: 'efi-application',
  11: 'efi-boot-service-driver',
  12: 'efi-runtime-driver',
  13: 'efi-rom',
  14: 'xbox',
  16: 'windows-boot-application',
};

export function peMachineToGoArch(machine: number): string | null {
  switch (machine) {
    case 0x14c:
      return '386';
    case 0x8664:
      return 'amd64';
    case 0x1c0:
    case 0x1c2:
    case 0x1c4:
      return 'arm';
    case 0xaa64:
      return 'arm64';
    case 0x5032:
      return 'riscv';
    case 0x5064:
      return 'riscv64';
    case 0x6264:
      return 'loong64';
    default:
      return null;
  }
}

export function readPe(bytes: Uint8Array, fileSize = bytes.length): PeFile {
  const problems = new Set<string>();
  const view = new ByteView(bytes);
  const pe: PeFile = {
    machine: 0,
    arch: null,
    bits: null,
    imageBase: 0,
    subsystem: null,
    subsystemName: null,
    sections: [],
    imports: [],
    signature: null,
    addresses: new AddressMap(),
    checksumOffset: null,
    certificateEntryOffset: null,
    certificateTable: null,
    problems: [],
  };
  const need = (offset: number, size: number): boolean => {
    if (view.has(offset, size)) return true;
    problems.add(!Number.isSafeInteger(offset + size) || offset + size > fileSize ? 'truncated' : 'partial-read');
    return false;
  };
  const finish = (): PeFile => {
    pe.problems = [...problems];
    return pe;
  };

  if (!need(0, 0x40)) return finish();
  const peAt = view.u32(0x3c);
  if (!need(peAt, 4)) return finish();
  pe.signature = view.u32(peAt) === 0x00004550;
  if (!pe.signature || !need(peAt, 24)) return finish();
  const coff = peAt + 4;
  pe.machine = view.u16(coff);
  pe.arch = peMachineToGoArch(pe.machine);
  const nsections = view.u16(coff + 2);
  const symbolTable = view.u32(coff + 8);
  const nsymbols = view.u32(coff + 12);
  const optSize = view.u16(coff + 16);
  const opt = coff + 20;

  let importRva = 0;
  if (optSize >= 2 && need(opt, Math.min(optSize, 2))) {
    const magic = view.u16(opt);
    if (magic === PE32_MAGIC || magic === PE32_PLUS_MAGIC) {
      const plus = magic === PE32_PLUS_MAGIC;
      pe.bits = plus ? 64 : 32;
      if (optSize >= 70 && need(opt, 70)) {
        pe.checksumOffset = opt + 64;
        pe.imageBase = plus ? view.u64(opt + 24) : view.u32(opt + 28);
        pe.subsystem = view.u16(opt + 68);
        pe.subsystemName = SUBSYSTEMS[pe.subsystem] ?? null;
      }
      const countAt = plus ? 108 : 92;
      const dirAt = countAt + 4;
      const dirCount = view.u32(opt + countAt);
      if (optSize >= dirAt + 16 && need(opt, dirAt + 16) && dirCount >= 2) {
        importRva = view.u32(opt + dirAt + 8);
      }
      // Data directory 4 is the certificate table: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#optional-header-data-directories-image-only
      const certAt = opt + dirAt + 4 * 8;
      if (optSize >= dirAt + 5 * 8 && dirCount >= 5 && need(certAt, 8)) {
        pe.certificateEntryOffset = certAt;
        const offset = view.u32(certAt);
        const size = view.u32(certAt + 4);
        if (offset !== 0 || size !== 0) {
          pe.certificateTable = { offset, size };
          if (offset + size > fileSize) problems.add('truncated');
        }
      }
    } else {
      problems.add('bad-header');
    }
  }
  if (pe.bits === null) {
    if (pe.arch === 'amd64' || pe.arch === 'arm64' || pe.arch === 'riscv64' || pe.arch === 'loong64') pe.bits = 64;
    else if (pe.arch !== null) pe.bits = 32;
  }

  const tableAt = opt + optSize;
  need(tableAt, nsections * SECTION_HEADER_SIZE);
  const stringTable = symbolTable === 0 ? null : symbolTable + nsymbols * COFF_SYMBOL_SIZE;
  for (let i = 0; i < nsections; i++) {
    const at = tableAt + i * SECTION_HEADER_SIZE;
    if (!view.has(at, SECTION_HEADER_SIZE)) break;
    let name = view.fixedString(at, 8);
    // Names longer than 8 bytes are "/<decimal offset>" into the COFF string table: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#section-table-section-headers
    const long = /^\/(\d{1,7})$/.exec(name);
    if (long && stringTable !== null && view.has(stringTable + Number(long[1]), 1)) {
      name = view.cstring(stringTable + Number(long[1]), MAX_NAME, 'latin1');
    }
    const section: PeSection = {
      name,
      virtualSize: view.u32(at + 8),
      virtualAddress: view.u32(at + 12),
      rawSize: view.u32(at + 16),
      rawOffset: view.u32(at + 20),
      characteristics: view.u32(at + 36),
    };
    pe.sections.push(section);
    if (section.rawSize > 0) {
      if (section.rawOffset + section.rawSize > fileSize) problems.add('truncated');
      const mapped = section.virtualSize > 0 ? Math.min(section.virtualSize, section.rawSize) : section.rawSize;
      pe.addresses.add(pe.imageBase + section.virtualAddress, section.rawOffset, mapped);
    }
  }

  if (importRva !== 0) {
    const rvaToOffset = (rva: number, len = 1): number | null => pe.addresses.toOffset(pe.imageBase + rva, len);
    const first = rvaToOffset(importRva, IMPORT_DESCRIPTOR_SIZE);
    if (first !== null) {
      for (let i = 0; i < MAX_IMPORTS; i++) {
        const at = first + i * IMPORT_DESCRIPTOR_SIZE;
        if (!need(at, IMPORT_DESCRIPTOR_SIZE)) break;
        let empty = true;
        for (let w = 0; w < IMPORT_DESCRIPTOR_SIZE; w += 4) if (view.u32(at + w) !== 0) empty = false;
        if (empty) break;
        const nameAt = rvaToOffset(view.u32(at + 12));
        if (nameAt !== null && need(nameAt, 1)) pe.imports.push(view.cstring(nameAt, MAX_NAME, 'latin1'));
      }
    }
  }
  return finish();
}
