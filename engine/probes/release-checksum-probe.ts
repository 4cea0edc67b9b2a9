import { createHash } from 'node:crypto';
import type { ReleaseChecksumFact } from '../facts/fact-snapshot.js';
import { toolchainModuleVersion } from '../project/select-toolchain.js';
import { succeeded } from './go-commands.js';
import type { ProbeContext } from './probe-context.js';
import { realpath } from './realpath.js';
import { fetchOnTarget, sumdbLookupUrls, sumdbName } from './sumdb-lookup.js';

/** Top-level directories of a release archive that its toolchain module leaves out (cmd/distpack: modArch.Remove). */
const NOT_IN_MODULE = new Set(['api', 'doc', 'misc', 'test']);

/** Toolchain modules exist from go1.21.0 on (https://go.dev/doc/toolchain#download). */
const FIRST_MODULE_MINOR = 21;

/** The files of a GOROOT run through sha256sum, `./`-relative; bounded like any command, but hashing ~250 MB takes a while. */
const HASH_TIMEOUT_MS = 90_000;
const HASH_MAX_BYTES = 8 << 20;

/**
 * Checks an official release's GOROOT against the hash Go's checksum database gives its toolchain module,
 * golang.org/toolchain@v0.0.1-<version>.<goos>-<goarch> (what `go` itself downloads when GOTOOLCHAIN switches).
 * Offline from what the module cache already records, go's cached answer of the checksum database
 * ($GOMODCACHE/cache/download/sumdb/<db>/lookup/…) and its .ziphash; with --online also from the database's answer now,
 * through GOPROXY. Linux and macOS (sha256sum or shasum).
 */
export async function probeReleaseChecksum(
  ctx: ProbeContext,
  goroot: string,
  versionFile: string | null,
  goEnv: Record<string, string> | null,
): Promise<ReleaseChecksumFact | null> {
  const modcache = goEnv?.GOMODCACHE;
  const goos = goEnv?.GOHOSTOS;
  const goarch = goEnv?.GOHOSTARCH;
  if (ctx.platform.os === 'windows' || !modcache || !goos || !goarch) return null;
  const version = releaseVersion(versionFile ?? '');
  if (!version) return null;
  const modVersion = toolchainModuleVersion(version, goos, goarch);
  const module = `golang.org/toolchain@${modVersion}`;
  const j = ctx.paths.join;
  const db = sumdbName(goEnv.GOSUMDB ?? '');
  const sources: { source: 'sumdb' | 'ziphash'; path: string }[] = [
    ...(db ? [{ source: 'sumdb' as const, path: j(modcache, 'cache', 'download', 'sumdb', db, 'lookup', 'golang.org', `toolchain@${modVersion}`) }] : []),
    { source: 'ziphash', path: j(modcache, 'cache', 'download', 'golang.org', 'toolchain', '@v', `${modVersion}.ziphash`) },
  ];
  const expected: ReleaseChecksumFact['expected'] = [];
  for (const s of sources) {
    const f = await ctx.transport.readFile(s.path, 64 << 10);
    const h1 = f ? recordedHash(new TextDecoder().decode(f.bytes), s.source, modVersion) : null;
    if (h1) expected.push({ ...s, h1 });
  }
  // --online: the database's answer now, through GOPROXY as go would ask, fetched by curl or wget rather than by the go judged.
  let lookupProblem: string | undefined;
  if (ctx.online) {
    const asked = await askDatabase(ctx, goEnv, modVersion);
    if ('h1' in asked) expected.push({ source: 'sumdb-online', path: asked.url, h1: asked.h1 });
    else lookupProblem = asked.problem;
  }
  if (expected.length === 0) return null;

  const moduleDir = j(modcache, 'golang.org', `toolchain@${modVersion}`);
  const [realRoot, realModule] = await Promise.all([realpath(ctx, goroot), realpath(ctx, moduleDir)]);
  const form = realRoot && realRoot === realModule ? 'module' : 'release';
  const here = await hashTree(ctx, goroot);
  if ('problem' in here) return { module, expected, form, h1: null, files: 0, problem: here.problem };
  const h1 = h1Of(here.files, module, form);
  const fact: ReleaseChecksumFact = { module, expected, form, h1, files: here.files.size, ...(lookupProblem ? { lookupProblem } : {}) };
  // A release tree differs from the module by its go.env alone when an admin pinned a setting there: which files differ
  // can only be told beside the module's own tree, and only once that tree is shown to be the one the record names.
  if (form === 'release' && realModule && !expected.some((e) => e.h1 === h1)) {
    const copy = await hashTree(ctx, realModule);
    if (!('problem' in copy)) {
      fact.copy = { path: realModule, h1: h1Of(copy.files, module, 'module') };
      if (expected.some((e) => e.h1 === fact.copy!.h1)) Object.assign(fact, compareWithModule(here.files, copy.files));
    }
  }
  return fact;
}

/** The zip's h1 from the first place go would ask that answers with a record of the module, or why none did. */
async function askDatabase(ctx: ProbeContext, goEnv: Record<string, string>, modVersion: string): Promise<{ url: string; h1: string } | { problem: string }> {
  const urls = sumdbLookupUrls(goEnv, 'golang.org/toolchain', modVersion);
  if (urls.length === 0) return { problem: 'GOSUMDB, GONOSUMDB, GOPRIVATE or GOPROXY leave the checksum database out' };
  const problems: string[] = [];
  for (const url of urls) {
    const r = await fetchOnTarget(ctx, url);
    if ('problem' in r) {
      problems.push(r.problem);
      if (r.problem.startsWith('neither')) break;
      continue;
    }
    const h1 = recordedHash(r.text, 'sumdb', modVersion);
    if (h1) return { url, h1 };
    problems.push(`${url}: no record of golang.org/toolchain ${modVersion} in the answer`);
  }
  return { problem: problems.join('; ') };
}

/** `go1.27.3` (or `go1.27rc1`) from $GOROOT/VERSION's first line, when the release has a toolchain module. */
export function releaseVersion(text: string): string | null {
  const first = text.split('\n')[0]?.trim() ?? '';
  const m = /^go1\.(\d+)(?:\.\d+|rc\d+)?$/.exec(first);
  return m && Number(m[1]) >= FIRST_MODULE_MINOR ? first : null;
}

/** The zip's h1 from a cached checksum-database answer (`golang.org/toolchain <version> h1:…` lines) or a .ziphash. */
export function recordedHash(text: string, source: 'sumdb' | 'ziphash', modVersion: string): string | null {
  if (source === 'ziphash') return /^h1:[A-Za-z0-9+/]{43}=$/.exec(text.trim())?.[0] ?? null;
  const esc = modVersion.replace(/[.]/g, '\\.');
  return new RegExp(`^golang\\.org/toolchain ${esc} (h1:[A-Za-z0-9+/]{43}=)$`, 'm').exec(text)?.[1] ?? null;
}

async function hashTree(ctx: ProbeContext, dir: string): Promise<{ files: Map<string, string> } | { problem: string }> {
  const script =
    'cd "$1" || exit 1; if command -v sha256sum >/dev/null 2>&1; then h=sha256sum; else h="shasum -a 256"; fi; find . -type f -print0 | xargs -0 $h';
  const r = await ctx.transport.exec(['sh', '-c', script, 'sh', dir], { env: {}, timeoutMs: HASH_TIMEOUT_MS, maxBytes: HASH_MAX_BYTES });
  if (!succeeded({ ...r, envOverrides: {}, cwd: null })) {
    const why =
      r.spawnError ??
      (r.timedOut
        ? `did not finish in ${HASH_TIMEOUT_MS / 1000} s`
        : r.truncated
          ? 'printed too much'
          : r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`);
    return { problem: `hashing ${dir}: ${why}` };
  }
  return { files: parseSha256Lines(r.stdout) };
}

/** sha256sum / shasum lines, `<hex>  ./path`, as path → hex; names sha256sum had to escape (a leading `\`) are kept escaped. */
export function parseSha256Lines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\\?([0-9a-f]{64}) [ *]\.\/(.+)$/.exec(line);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

/** A release archive's path as its toolchain module names it, or null when the module leaves it out (RenameGoMod: go.mod → _go.mod). */
function moduleName(rel: string, form: 'module' | 'release'): string | null {
  if (form === 'module') return rel;
  if (NOT_IN_MODULE.has(rel.split('/')[0]!)) return null;
  return rel === 'go.mod' || rel.endsWith('/go.mod') ? `${rel.slice(0, -'go.mod'.length)}_go.mod` : rel;
}

/**
 * golang.org/x/mod/sumdb/dirhash Hash1: SHA-256 over the sorted lines "<sha256 hex>  <module@version/file>\n", base64.
 * https://pkg.go.dev/golang.org/x/mod/sumdb/dirhash#Hash1
 */
export function h1Of(files: Map<string, string>, module: string, form: 'module' | 'release'): string {
  const lines: string[] = [];
  for (const [rel, hex] of files) {
    // Switching to a downloaded toolchain, go writes a go.mod beside each _go.mod, with the same content, to use the tree as GOROOT.
    if (form === 'module' && (rel === 'go.mod' || rel.endsWith('/go.mod')) && files.get(`${rel.slice(0, -'go.mod'.length)}_go.mod`) === hex) continue;
    const name = moduleName(rel, form);
    if (name !== null) lines.push(`${hex}  ${module}/${name}\n`);
  }
  lines.sort((a, b) => {
    const x = a.slice(66);
    const y = b.slice(66);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return `h1:${createHash('sha256').update(lines.join('')).digest('base64')}`;
}

/** Files of the module's tree whose content GOROOT doesn't have, by the release archive's names. */
function compareWithModule(release: Map<string, string>, module: Map<string, string>): { changed: string[]; missing: string[] } {
  const byModuleName = new Map<string, string>();
  for (const [rel, hex] of release) {
    const name = moduleName(rel, 'release');
    if (name !== null) byModuleName.set(name, hex);
  }
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [name, hex] of module) {
    const here = byModuleName.get(name);
    const releaseName = name.endsWith('_go.mod') ? `${name.slice(0, -'_go.mod'.length)}go.mod` : name;
    if (here === undefined) missing.push(releaseName);
    else if (here !== hex) changed.push(releaseName);
  }
  return { changed: changed.sort(), missing: missing.sort() };
}
