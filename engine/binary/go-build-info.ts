import type { AddressMap } from './address-map.js';
import type { GoBuildInfo, GoModule } from './binary-identity.js';
import { ByteView } from './byte-view.js';

export const BUILD_INFO_MAGIC = new Uint8Array([0xff, ...new TextEncoder().encode(' Go buildinf:')]);
const BUILD_INFO_ALIGN = 16;
const BUILD_INFO_HEADER_SIZE = 32;
const FLAG_BIG_ENDIAN = 1;
const FLAG_INLINE_STRINGS = 2;
const MAX_CANDIDATES = 4096;
const MAX_STRING = 16 << 20;
const MAX_VERSION = 1024;
// cmd/go/internal/modload's infoStart/infoEnd frame the modinfo string: https://github.com/golang/go/blob/master/src/cmd/go/internal/modload/build.go
export const MODINFO_START = hex('3077af0c9274080241e1c107e6d618e6');
export const MODINFO_END = hex('f932433186182072008242104116d8f2');
const SENTINEL = 16;
const MAX_MODINFO = 1 << 20;
const MAX_MODINFO_CANDIDATES = 16;

const utf8 = new TextDecoder('utf-8');

export interface FileRegion {
  offset: number;
  size: number;
}

export interface BuildInfoSource {
  bytes: Uint8Array;
  /** The real size on disk; larger than bytes.length when the read was capped. */
  fileSize?: number;
  /** Where the blob should be, best first: the .go.buildinfo / __go_buildinfo section, else the first writable data region. */
  regions: FileRegion[];
  /** Virtual address to file offset, for the pointer form written before Go 1.18. */
  addresses: AddressMap;
}

export interface GoBuildInfoResult {
  info: GoBuildInfo | null;
  problems: string[];
}

interface Decoded {
  version: string | null;
  modinfo: Uint8Array | null;
  /** A string's bytes lie in the file but past the bytes supplied. */
  beyondRead: boolean;
}

function hex(s: string): Uint8Array {
  return new Uint8Array(s.match(/../g)!.map((b) => parseInt(b, 16)));
}

// Past what Go reads, falls back to a bare sentinel-framed modinfo, as gccgo embeds it: https://github.com/golang/go/blob/master/src/debug/buildinfo/buildinfo.go
export function readGoBuildInfo(source: BuildInfoSource): GoBuildInfoResult {
  const view = new ByteView(source.bytes);
  const fileSize = Math.max(source.fileSize ?? source.bytes.length, source.bytes.length);
  const problems = new Set<string>();

  let blobAt: number | null = null;
  for (const region of source.regions) {
    if (region.offset >= view.length) {
      if (region.offset < fileSize) problems.add('partial-read');
      continue;
    }
    blobAt = findBlob(view, region.offset, Math.min(region.offset + region.size, view.length), false);
    if (blobAt !== null) break;
    if (region.offset + region.size > view.length && region.offset + region.size <= fileSize) problems.add('partial-read');
  }
  blobAt ??= findBlob(view, 0, view.length, true);

  if (blobAt !== null) {
    problems.delete('partial-read');
    const decoded = decodeBlob(view, blobAt, source.addresses);
    if (decoded.beyondRead) problems.add(view.length < fileSize ? 'partial-read' : 'truncated');
    if (decoded.version === null || decoded.modinfo === null) problems.add('buildinfo-unreadable');
    let modinfo = decoded.modinfo ? stripSentinels(decoded.modinfo) : '';
    if (decoded.modinfo === null) modinfo = findFramedModinfo(view) ?? '';
    return { info: parseModinfo(decoded.version ?? '', modinfo), problems: [...problems] };
  }

  const bare = findFramedModinfo(view);
  return { info: bare === null ? null : parseModinfo('', bare), problems: [...problems] };
}

// Alignment counts from the start of the region searched, as Go's does: https://github.com/golang/go/blob/master/src/debug/buildinfo/buildinfo.go
function findBlob(view: ByteView, start: number, end: number, strict: boolean): number | null {
  let from = start;
  for (let n = 0; n < MAX_CANDIDATES; n++) {
    const at = view.indexOf(BUILD_INFO_MAGIC, from, end);
    if (at < 0 || end - at < BUILD_INFO_HEADER_SIZE) return null;
    if ((at - start) % BUILD_INFO_ALIGN === 0 && plausibleHeader(view, at, strict)) return at;
    from = at + 1;
  }
  return null;
}

function plausibleHeader(view: ByteView, at: number, strict: boolean): boolean {
  if (!strict) return true;
  const ptrSize = view.u8(at + 14);
  const flags = view.u8(at + 15);
  if (flags > 3) return false;
  if (flags & FLAG_INLINE_STRINGS) {
    const version = readUvarintString(view, at + BUILD_INFO_HEADER_SIZE);
    return isVarString(version) && version.bytes.length > 0 && version.bytes.length <= MAX_VERSION && printable(version.bytes);
  }
  return ptrSize === 4 || ptrSize === 8;
}

function printable(bytes: Uint8Array): boolean {
  return bytes.every((b) => b >= 0x20 && b < 0x7f);
}

function decodeBlob(view: ByteView, at: number, addresses: AddressMap): Decoded {
  const ptrSize = view.u8(at + 14);
  const flags = view.u8(at + 15);
  if (flags & FLAG_INLINE_STRINGS) {
    const version = readUvarintString(view, at + BUILD_INFO_HEADER_SIZE);
    const modinfo = isVarString(version) ? readUvarintString(view, version.next) : null;
    return {
      version: isVarString(version) && version.bytes.length > 0 ? utf8.decode(version.bytes) : null,
      modinfo: isVarString(modinfo) ? modinfo.bytes : null,
      beyondRead: version === 'short' || modinfo === 'short',
    };
  }
  if (ptrSize !== 4 && ptrSize !== 8) return { version: null, modinfo: null, beyondRead: false };
  const ptrs = view.withEndian((flags & FLAG_BIG_ENDIAN) === 0);
  const state = { beyondRead: false };
  const version = readGoString(ptrs, addresses, ptrSize, ptrs.word(at + 16, ptrSize), state);
  const modinfo = readGoString(ptrs, addresses, ptrSize, ptrs.word(at + 16 + ptrSize, ptrSize), state);
  return {
    version: version && version.length > 0 ? utf8.decode(version) : null,
    modinfo,
    beyondRead: state.beyondRead,
  };
}

interface VarString {
  bytes: Uint8Array;
  next: number;
}

function isVarString(r: VarString | 'short' | null): r is VarString {
  return typeof r === 'object' && r !== null;
}

/** "short" when the string runs past the bytes supplied. */
function readUvarintString(view: ByteView, at: number): VarString | 'short' | null {
  let value = 0;
  let scale = 1;
  let n = 0;
  for (;;) {
    if (n >= 10) return null;
    if (!view.has(at + n, 1)) return 'short';
    const b = view.u8(at + n);
    value += (b & 0x7f) * scale;
    scale *= 128;
    n++;
    if (b < 0x80) break;
  }
  const start = at + n;
  if (value > MAX_STRING) return null;
  if (!view.has(start, value)) return 'short';
  return { bytes: view.slice(start, value), next: start + value };
}

function readGoString(view: ByteView, addresses: AddressMap, ptrSize: 4 | 8, addr: number, state: { beyondRead: boolean }): Uint8Array | null {
  const headerAt = addresses.toOffset(addr, 2 * ptrSize);
  if (headerAt === null) return null;
  if (!view.has(headerAt, 2 * ptrSize)) {
    state.beyondRead = true;
    return null;
  }
  const dataAddr = view.word(headerAt, ptrSize);
  const length = view.word(headerAt + ptrSize, ptrSize);
  if (length === 0) return new Uint8Array(0);
  if (length > MAX_STRING) return null;
  const dataAt = addresses.toOffset(dataAddr, length);
  if (dataAt === null) return null;
  if (!view.has(dataAt, length)) {
    state.beyondRead = true;
    return null;
  }
  return view.slice(dataAt, length);
}

// Go keeps the modinfo only when it is framed: https://github.com/golang/go/blob/master/src/debug/buildinfo/buildinfo.go
function stripSentinels(mod: Uint8Array): string {
  if (mod.length >= 2 * SENTINEL + 1 && mod[mod.length - SENTINEL - 1] === 0x0a) {
    return utf8.decode(mod.subarray(SENTINEL, mod.length - SENTINEL));
  }
  return '';
}

function findFramedModinfo(view: ByteView): string | null {
  let from = 0;
  for (let n = 0; n < MAX_MODINFO_CANDIDATES; n++) {
    const start = view.indexOf(MODINFO_START, from);
    if (start < 0) return null;
    const body = start + SENTINEL;
    const end = view.indexOf(MODINFO_END, body, body + MAX_MODINFO);
    if (end > body && view.u8(end - 1) === 0x0a) {
      const text = utf8.decode(view.slice(body, end - body));
      if (/^(path|mod|go|build|dep)\t/.test(text)) return text;
    }
    from = start + 1;
  }
  return null;
}

/** The subset of runtime/debug.ParseBuildInfo a verifier needs: https://github.com/golang/go/blob/master/src/runtime/debug/mod.go */
// The module lines as runtime/debug.ParseBuildInfo reads them: https://github.com/golang/go/blob/master/src/runtime/debug/mod.go
export function parseModinfo(version: string, modinfo: string): GoBuildInfo {
  const info: GoBuildInfo = { version, path: null, mainModule: null, buildSettings: {} };
  let last: GoModule | null = null;
  for (const line of modinfo.split('\n')) {
    if (line.startsWith('path\t')) {
      info.path = line.slice(5);
    } else if (line.startsWith('mod\t') || line.startsWith('dep\t')) {
      last = moduleLine(line.slice(4).split('\t'));
      if (last && line.startsWith('mod\t')) {
        info.main = last;
        if (last.path) info.mainModule = last.path;
      } else if (last) {
        (info.deps ??= []).push(last);
      }
    } else if (line.startsWith('=>\t')) {
      const elem = line.slice(3).split('\t');
      if (last && elem.length === 3) last.replace = { path: elem[0]!, version: elem[1]!, sum: elem[2]! };
      last = null;
    } else if (line.startsWith('go\t')) {
      if (!info.version) info.version = line.slice(3);
    } else if (line.startsWith('build\t')) {
      const setting = parseBuildSetting(line.slice(6));
      if (setting) info.buildSettings[setting[0]] = setting[1];
    }
  }
  return info;
}

function moduleLine(elem: string[]): GoModule | null {
  if (elem.length !== 2 && elem.length !== 3) return null;
  return { path: elem[0]!, version: elem[1]!, sum: elem[2] ?? '' };
}

function parseBuildSetting(kv: string): [string, string] | null {
  let key: string;
  let rawValue: string;
  const first = kv[0];
  if (first === undefined || first === '=') return null;
  if (first === '"' || first === '`') {
    const rawKey = quotedPrefix(kv);
    const unquoted = rawKey === null ? null : goUnquote(rawKey);
    if (rawKey === null || unquoted === null || kv[rawKey.length] !== '=') return null;
    key = unquoted;
    rawValue = kv.slice(rawKey.length + 1);
  } else {
    const eq = kv.indexOf('=');
    if (eq < 0) return null;
    key = kv.slice(0, eq);
    rawValue = kv.slice(eq + 1);
  }
  if (rawValue.startsWith('"') || rawValue.startsWith('`')) {
    const value = goUnquote(rawValue);
    return value === null ? null : [key, value];
  }
  return [key, rawValue];
}

function quotedPrefix(s: string): string | null {
  const quote = s[0];
  for (let i = 1; i < s.length; i++) {
    if (quote === '"' && s[i] === '\\') i++;
    else if (s[i] === quote) return s.slice(0, i + 1);
  }
  return null;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  '"': 34,
};

/** strconv.Unquote for "..." and `...`; null when malformed: https://pkg.go.dev/strconv#Unquote */
export function goUnquote(s: string): string | null {
  if (s.length < 2) return null;
  if (s[0] === '`') {
    if (!s.endsWith('`') || s.slice(1, -1).includes('`')) return null;
    return s.slice(1, -1).replaceAll('\r', '');
  }
  if (s[0] !== '"' || !s.endsWith('"')) return null;
  const body = s.slice(1, -1);
  const out: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === '"' || c === '\n') return null;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out.push(...encoder.encode(ch));
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return null;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out.push(simple);
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const h = body.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(h)) return null;
      const v = parseInt(h, 16);
      if (e === 'x') out.push(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return null;
      else out.push(...encoder.encode(String.fromCodePoint(v)));
      i += 2 + digits;
    } else if (e >= '0' && e <= '7') {
      const o = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) return null;
      out.push(parseInt(o, 8));
      i += 4;
    } else {
      return null;
    }
  }
  return utf8.decode(new Uint8Array(out));
}
