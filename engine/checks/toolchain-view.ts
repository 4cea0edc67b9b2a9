import type { BinaryIdentity } from '../binary/binary-identity.js';
import type { CommandFact, FactSnapshot, GoCandidate } from '../facts/fact-snapshot.js';
import { parseEnvFile } from '../probes/environment-probes.js';
import { succeeded } from '../probes/go-commands.js';

/** The facts most checks compare, derived once per snapshot (pure; memoized by identity). */
export interface ToolchainView {
  /** The `go` a shell would run. */
  go: GoCandidate | null;
  /** The resolved file is a gc-built cmd/go. */
  isGoCommandBinary: boolean;
  /** The go command that serves is built by gccgo, judged from its bytes alone (never from what it prints). */
  isGccgo: boolean;
  /** The resolved file is an indirection (script or other program) in front of a real toolchain. */
  isIndirection: boolean;
  /** The cmd/go binary that really serves the commands: the resolved one, or $GOROOT/bin/go behind an indirection. */
  toolchainBinary: BinaryIdentity | null;
  /** Version printed by `go version` / `GOTOOLCHAIN=local go version`. */
  printedVersion: string | null;
  printedLocalVersion: string | null;
  /** Version from Go build info of the toolchain binary. */
  builtVersion: string | null;
  goEnvVersion: string | null;
  /** Where each Go setting came from: env var, user env file, GOROOT/go.env. */
  sources: { env: Record<string, string>; userFile: Record<string, string>; gorootFile: Record<string, string> };
  /** The combined text of every go command's output, for matching Go's own error messages. */
  goOutput: string;
  goRuns: boolean;
}

const memo = new WeakMap<FactSnapshot, ToolchainView>();

/** `go version go1.22.12 linux/amd64` → go1.22.12; gccgo prints `go version go1.18 gccgo (Debian ...) ...` or `unknown`. */
export function parseGoVersionLine(text: string | undefined): string | null {
  const m = /go version (\S+)/.exec(text ?? '');
  return m?.[1] ?? null;
}

export function commandText(c: CommandFact | undefined): string {
  return c ? `${c.stdout}\n${c.stderr}\n${c.spawnError ?? ''}`.trim() : '';
}

/** `succeeded` without the type guard: a guard narrows its false branch to never, which checks don't want. */
export function ok(c: CommandFact | undefined): boolean {
  return succeeded(c);
}

export function view(facts: FactSnapshot): ToolchainView {
  const hit = memo.get(facts);
  if (hit) return hit;
  const go = facts.candidates.find((c) => c.executable) ?? null;
  const id = go?.identity ?? null;
  const isGoCommandBinary = !!id?.go && (id.go.path === 'cmd/go' || id.go.path === null);
  const c = facts.commands;
  const printedVersion = ok(c.version) ? parseGoVersionLine(c.version?.stdout) : null;
  const printedLocalVersion = ok(c.versionLocal) ? parseGoVersionLine(c.versionLocal?.stdout) : null;
  // gccgo only from the bytes (libgo linkage, .go_export, gccgo's personality): `go version` text and GOTOOLDIR's
  // spelling are the suspect's own words, and being gccgo switches off the version, GOROOT and tool comparisons.
  const resolvedGccgo = !!id?.gccgo && id.problems.length === 0;
  const gorootBin = facts.goroot?.binary ?? null;
  const isIndirection = !!go && !!id && !isGoCommandBinary && !resolvedGccgo && id.problems.length === 0 && !isForeign(facts, id);
  // Behind an indirection only a real cmd/go counts (a Go program named go, sitting in its own ../../bin, serves nothing);
  // gccgo's go command carries no build info, so its bytes (libgo) vouch for it instead.
  const gorootIsGoCommand = !!gorootBin?.go && (gorootBin.go.path === 'cmd/go' || gorootBin.go.path === null);
  const gorootIsGccgo = !!gorootBin?.gccgo && gorootBin.problems.length === 0 && !gorootBin.go?.path;
  const toolchainBinary = isGoCommandBinary ? id : isIndirection && (gorootIsGoCommand || gorootIsGccgo) ? gorootBin : null;
  const isGccgo = resolvedGccgo || (isIndirection && toolchainBinary === gorootBin && gorootIsGccgo);
  const v: ToolchainView = {
    go,
    isGoCommandBinary,
    isGccgo,
    isIndirection,
    toolchainBinary,
    printedVersion,
    printedLocalVersion,
    builtVersion: toolchainBinary?.go?.version ?? null,
    goEnvVersion: facts.goEnv?.GOVERSION || null,
    sources: {
      // Windows variable names are case-insensitive (go reads Goroot as GOROOT), so key them by their upper-case spelling there.
      env: Object.fromEntries(
        Object.entries(facts.env)
          .map(([k, x]) => [facts.platform.os === 'windows' ? k.toUpperCase() : k, x] as const)
          .filter(([k]) => /^(GO|CGO_)/.test(k)),
      ),
      userFile: parseEnvFile(facts.envFiles.user?.content),
      gorootFile: parseEnvFile(facts.envFiles.goroot?.content),
    },
    goOutput: Object.values(c).map(commandText).join('\n'),
    goRuns: ok(c.version) || ok(c.envJson),
  };
  memo.set(facts, v);
  return v;
}

/** Where a Go setting's value comes from, in go's own precedence: environment, user env file, $GOROOT/go.env. */
export function settingSource(
  facts: FactSnapshot,
  key: string,
): { value: string; source: 'environment' | 'user env file' | 'GOROOT/go.env' | 'default' } | null {
  const s = view(facts).sources;
  if (s.env[key]) return { value: s.env[key]!, source: 'environment' };
  if (s.userFile[key] !== undefined) return { value: s.userFile[key]!, source: 'user env file' };
  if (s.gorootFile[key] !== undefined) return { value: s.gorootFile[key]!, source: 'GOROOT/go.env' };
  const v = facts.goEnv?.[key];
  return v !== undefined ? { value: v, source: 'default' } : null;
}

/** `command: first lines of what it printed`, for evidence. */
export function evidenceOf(c: CommandFact | undefined, maxLines = 4): string {
  if (!c) return '(not run)';
  const argv = [...Object.entries(c.envOverrides).map(([k, v]) => (v === null ? `-u ${k}` : `${k}=${v}`)), ...c.argv].join(' ');
  const status = c.timedOut ? 'timed out' : c.truncated ? 'output cut off' : c.spawnError ? 'could not start' : `exit ${c.exitCode}`;
  const text = commandText(c).split('\n').filter(Boolean).slice(0, maxLines).join(' | ');
  return `${argv}: ${status}${text ? `: ${text.slice(0, 400)}` : ''}`;
}

/** Built for another OS or architecture than the machine (a fat Mach-O counts when it carries the machine's). */
export function isForeign(facts: FactSnapshot, id: BinaryIdentity): boolean {
  if (id.format === 'script' || id.format === 'unknown') return false;
  if (id.os && id.os !== facts.platform.os) return true;
  return !!id.arch && !id.arch.split(',').includes(facts.platform.arch);
}

/** Parts without which no build works; bin/go, VERSION and go.env are optional (the go command may live elsewhere). */
export const REQUIRED_GOROOT_PARTS = /^(src[\\/](runtime|fmt)|pkg[\\/]tool[\\/][^\\/]+[\\/](compile|link|asm)(\.exe)?|pkg[\\/]include)$/;

/**
 * go found no GOROOT (a trimmed binary with GOROOT unset: cmd/go only accepts ../.. of itself when it has pkg/tool),
 * yet the binary sits in a toolchain tree (a release VERSION or src/runtime) that lacks required parts: a partial
 * copy, not a binary copied out of its GOROOT.
 */
export function partialRootBesideGo(facts: FactSnapshot): boolean {
  const v = view(facts);
  const g = facts.goroot;
  if (!v.go?.realpath || !g?.exists || facts.goEnv || settingSource(facts, 'GOROOT')) return false;
  // With go env silent and no GOROOT setting, the GOROOT probed is the binary's own ../.. (collect-facts).
  if (!/cannot find GOROOT directory: 'go' binary is trimmed/.test(v.goOutput)) return false;
  const looksLikeRoot = /^go\d/.test(g.versionFile ?? '') || Object.entries(g.parts).some(([k, x]) => x && /^src[\\/]runtime$/.test(k));
  return looksLikeRoot && Object.entries(g.parts).some(([k, x]) => !x && REQUIRED_GOROOT_PARTS.test(k));
}
