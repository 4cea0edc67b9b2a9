/**
 * Go toolchain version arithmetic as cmd/go does it (1.21, 1.21rc1, 1.21.0 are three different versions;
 * 1.21 < 1.21rc1 < 1.21.0). Semantics of src/internal/gover/gover.go and src/cmd/go/internal/gover/toolchain.go,
 * https://go.dev/doc/toolchain#version
 */
export interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  kind: string;
  pre: string;
}

const INVALID: GoVersion = { major: '', minor: '', patch: '', kind: '', pre: '' };

function cutInt(x: string): [string, string] | null {
  const m = /^[0-9]+/.exec(x);
  // No digits, or an unnecessary leading zero: gover.cutInt refuses both.
  if (!m || (m[0].length > 1 && m[0][0] === '0')) return null;
  return [m[0], x.slice(m[0].length)];
}

/** Parses "1.21.3", "1.21rc2", "1.22" (a language version), "1"; an invalid version has an empty major. */
export function parseGoVersion(x: string): GoVersion {
  const major = cutInt(x);
  if (!major) return INVALID;
  let rest = major[1];
  if (rest === '') return { ...INVALID, major: major[0], minor: '0', patch: '0' };
  if (rest[0] !== '.') return INVALID;
  const minor = cutInt(rest.slice(1));
  if (!minor) return INVALID;
  rest = minor[1];
  // Before 1.21 "1.N" meant the release 1.N.0; from 1.21 on it is the language version, below 1.N.0 and 1.Nrc1.
  if (rest === '') return { ...INVALID, major: major[0], minor: minor[0], patch: compareInt(minor[0], '21') < 0 ? '0' : '' };
  if (rest[0] === '.') {
    const patch = cutInt(rest.slice(1));
    if (patch?.[1] !== '') return INVALID;
    return { ...INVALID, major: major[0], minor: minor[0], patch: patch[0] };
  }
  const kind = /^[a-z]+/.exec(rest);
  if (!kind) return INVALID;
  rest = rest.slice(kind[0].length);
  if (rest === '') return { ...INVALID, major: major[0], minor: minor[0], kind: kind[0] };
  const pre = cutInt(rest);
  if (pre?.[1] !== '') return INVALID;
  return { major: major[0], minor: minor[0], patch: '', kind: kind[0], pre: pre[0] };
}

function compareInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

export function isValidGoVersion(x: string): boolean {
  return parseGoVersion(x).major !== '';
}

/** -1, 0 or 1; an invalid version sorts below every valid one. "" < alpha < beta < rc, as gover.Compare. */
export function compareGoVersions(x: string, y: string): number {
  const a = parseGoVersion(x);
  const b = parseGoVersion(y);
  return (
    compareInt(a.major, b.major) ||
    compareInt(a.minor, b.minor) ||
    compareInt(a.patch, b.patch) ||
    (a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1) ||
    compareInt(a.pre, b.pre)
  );
}

/** A language version such as 1.22 (no patch, no prerelease). */
export function isLanguageVersion(x: string): boolean {
  const v = parseGoVersion(x);
  return v.major !== '' && v.patch === '' && v.kind === '' && v.pre === '';
}

/** "go1.22.3" → "1.22.3", "go1.22.3-custom" → "1.22.3"; "" for anything that is not a toolchain name (gover.FromToolchain). */
export function versionOfToolchain(name: string): string {
  if (/[\\/]/.test(name) || !name.startsWith('go')) return '';
  const v = name.slice(2).split(/[ \t-]/)[0]!;
  return isValidGoVersion(v) ? v : '';
}

/** The value of a `go` or `toolchain` line of a go.mod or go.work, as cmd/go's gover.GoModLookup reads it (first match, comments stripped). */
export function goModLine(content: string, key: 'go' | 'toolchain'): string {
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith(key)) continue;
    const rest = line.slice(key.length);
    if (rest === '' || (rest[0] !== ' ' && rest[0] !== '\t')) continue;
    return rest.split('//')[0]!.trim();
  }
  return '';
}
