/**
 * Fact snapshots for unit tests: the recorded (Linux) and hand-written (macOS, Windows) fixtures, and
 * immutable variants of them. Every builder returns a deep copy; the snapshot passed in is never touched,
 * so one loaded fixture can seed many variants (and the engine's per-snapshot memo never sees a mutation).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Check, Finding } from '../../engine/checks/finding.js';
import type { BinaryIdentity, BinarySignature } from '../../engine/binary/binary-identity.js';
import type {
  CommandFact,
  CommandName,
  EnvFileFact,
  FactSnapshot,
  GoCandidate,
  GorootFact,
  ManagerFact,
  ToolchainFact,
} from '../../engine/facts/fact-snapshot.js';

export const SNAPSHOT_DIR = path.resolve(import.meta.dirname, '../fixtures/snapshots');

/** Every fixture's name (file name without .json), sorted; optionally only those starting with a prefix. */
export function fixtureNames(prefix = ''): string[] {
  return readdirSync(SNAPSHOT_DIR)
    .filter((f) => f.endsWith('.json') && f.startsWith(prefix))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

const cache = new Map<string, string>();

/** A fresh copy of a fixture: `loadSnapshot('linux-gccgo')` (a trailing .json is accepted). */
export function loadSnapshot(name: string): FactSnapshot {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(SNAPSHOT_DIR, file), 'utf8');
    cache.set(file, text);
  }
  return JSON.parse(text) as FactSnapshot;
}

/** Fixtures of genuine, working toolchains (verdict ready or degraded only for capabilities, never an error). */
export const GENUINE_FIXTURES = [
  'linux-debian-golang-go',
  'linux-gccgo',
  'linux-debian-copy-usr-local',
  'linux-debian-no-cc',
  'darwin-homebrew',
  'darwin-pkg-installer',
  'windows-msi',
  'windows-msi-nocgo-explicit',
  'windows-stale-c-go',
  'windows-bat-shim',
] as const;

/** The genuine fixtures that are fully ready (no warning either). */
export const READY_FIXTURES = [
  'linux-debian-golang-go',
  'linux-gccgo',
  'linux-debian-copy-usr-local',
  'darwin-homebrew',
  'darwin-pkg-installer',
  'windows-msi-nocgo-explicit',
  'windows-bat-shim',
] as const;

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Deep clone, then let `edit` change the copy in place; returns the copy. */
export function variant(s: FactSnapshot, edit: (draft: FactSnapshot) => void): FactSnapshot {
  const draft = clone(s);
  edit(draft);
  return draft;
}

/**
 * Replaces fields of one recorded command (creating it from a neutral successful run when absent);
 * `null` removes the command, as when the probe never ran it.
 */
export function withCommand(s: FactSnapshot, name: CommandName, patch: Partial<CommandFact> | null): FactSnapshot {
  return variant(s, (d) => {
    if (patch === null) {
      delete d.commands[name];
      return;
    }
    const base: CommandFact = d.commands[name] ?? {
      argv: [d.candidates.find((c) => c.executable)?.path ?? 'go', name],
      exitCode: 0,
      stdout: '',
      stderr: '',
      timedOut: false,
      truncated: false,
      spawnError: null,
      durationMs: 1,
      envOverrides: {},
      cwd: null,
    };
    d.commands[name] = { ...base, ...patch };
  });
}

/** A failed run of a command: exit code, stderr, and no stdout unless given. */
export function withFailedCommand(s: FactSnapshot, name: CommandName, stderr: string, exitCode = 1, stdout = ''): FactSnapshot {
  return withCommand(s, name, { exitCode, stderr, stdout, spawnError: null, timedOut: false, truncated: false });
}

/** Sets (or, with null, removes) variables of the user's environment, as the probes recorded it. */
export function withEnv(s: FactSnapshot, vars: Record<string, string | null>): FactSnapshot {
  return variant(s, (d) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === null) delete d.env[k];
      else d.env[k] = v;
    }
  });
}

/**
 * Sets (or removes) keys of `go env -json`; the recorded envJson output is rewritten to match, so
 * evidence and message matching see the same values the checks do.
 */
export function withGoEnv(s: FactSnapshot, vars: Record<string, string | null>): FactSnapshot {
  return variant(s, (d) => {
    const env = { ...(d.goEnv ?? {}) };
    for (const [k, v] of Object.entries(vars)) {
      if (v === null) delete env[k];
      else env[k] = v;
    }
    d.goEnv = Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const cmd = d.commands.envJson;
    if (cmd && cmd.exitCode === 0) cmd.stdout = `${JSON.stringify(d.goEnv, null, '\t')}\n`;
  });
}

/** go env -json did not answer: no parsed env, and the command failed with this stderr. */
export function withoutGoEnv(s: FactSnapshot, stderr = 'go: something went wrong\n'): FactSnapshot {
  const d = withFailedCommand(s, 'envJson', stderr, 2);
  d.goEnv = null;
  return d;
}

/** Patches the candidate at position `i` of `candidates` (not its PATH index). */
export function withCandidate(s: FactSnapshot, i: number, patch: Partial<GoCandidate>): FactSnapshot {
  return variant(s, (d) => {
    const c = d.candidates[i];
    if (!c) throw new Error(`no candidate ${i} in ${s.target}`);
    d.candidates[i] = { ...c, ...patch };
  });
}

/** Patches the identity of candidate `i` (its Go build info with `go`, merged one level deep). */
export function withIdentity(s: FactSnapshot, i: number, patch: Partial<BinaryIdentity>): FactSnapshot {
  return variant(s, (d) => {
    const c = d.candidates[i];
    if (!c?.identity) throw new Error(`candidate ${i} of ${s.target} has no identity`);
    c.identity = { ...c.identity, ...patch };
  });
}

/** Adds a candidate; position in `candidates` follows its PATH index, as the path probe orders them. */
export function addCandidate(s: FactSnapshot, candidate: GoCandidate): FactSnapshot {
  return variant(s, (d) => {
    d.candidates.push(clone(candidate));
    d.candidates.sort((a, b) => a.index - b.index);
  });
}

export function withGoroot(s: FactSnapshot, patch: Partial<GorootFact> | null): FactSnapshot {
  return variant(s, (d) => {
    if (patch === null) d.goroot = null;
    else if (!d.goroot) throw new Error(`${s.target} has no goroot fact`);
    else d.goroot = { ...d.goroot, ...patch };
  });
}

/** Marks GOROOT parts present or missing (keys as the probe spells them, e.g. `src/runtime` or `src\\runtime`). */
export function withGorootParts(s: FactSnapshot, parts: Record<string, boolean>): FactSnapshot {
  return variant(s, (d) => {
    if (!d.goroot) throw new Error(`${s.target} has no goroot fact`);
    d.goroot.parts = { ...d.goroot.parts, ...parts };
  });
}

/** Sets the content of the user env file (`go env -w`) or of `$GOROOT/go.env`; null: the file does not exist. */
export function withEnvFile(s: FactSnapshot, which: 'user' | 'goroot', content: string | null): FactSnapshot {
  return variant(s, (d) => {
    const current: EnvFileFact | null = d.envFiles[which];
    const fallback = which === 'user' ? (d.goEnv?.GOENV ?? 'go/env') : `${d.goroot?.path ?? 'GOROOT'}/go.env`;
    d.envFiles[which] = { path: current?.path ?? fallback, content };
  });
}

export function withCc(s: FactSnapshot, cc: { name: string; path: string | null } | null): FactSnapshot {
  return variant(s, (d) => {
    d.cc = cc;
  });
}

export function withWritable(s: FactSnapshot, key: string, writable: boolean | null, p?: string): FactSnapshot {
  return variant(s, (d) => {
    d.writable[key] = { path: p ?? d.writable[key]?.path ?? '/nonexistent', writable };
  });
}

export function withManagers(s: FactSnapshot, managers: ManagerFact[]): FactSnapshot {
  return variant(s, (d) => {
    d.managers = clone(managers);
  });
}

export function withToolchains(s: FactSnapshot, toolchains: ToolchainFact[]): FactSnapshot {
  return variant(s, (d) => {
    d.toolchains = clone(toolchains);
  });
}

export function withContainer(s: FactSnapshot, detected: boolean, evidence: string[] = []): FactSnapshot {
  return variant(s, (d) => {
    d.container = { detected, evidence };
  });
}

/** The `go version` line a real go prints for a version on the snapshot's platform. */
export function versionLine(s: FactSnapshot, version: string): string {
  return `go version ${version} ${s.platform.os}/${s.platform.arch}\n`;
}

/** Runs one check on a snapshot, failing loudly if it throws (buildReport would hide that as CHECK_FAILED). */
export function run(check: Check, s: FactSnapshot): Finding[] {
  return check(s);
}

/** The single finding with this code; fails the test when there is none or more than one. */
export function only(findings: Finding[], code: string): Finding {
  const hits = findings.filter((f) => f.code === code);
  if (hits.length !== 1) throw new Error(`expected exactly one ${code}, got ${hits.length}: ${JSON.stringify(findings.map((f) => f.code))}`);
  return hits[0]!;
}

const ASDF_SHIM_HEAD = '#!/usr/bin/env bash\n# asdf-plugin: golang 1.22.12\nexec /root/.asdf/bin/asdf exec "go" "$@" # asdf_allow: \' asdf \'\n';

/**
 * An asdf-managed Go 1.22.12 reached through asdf's shim script (asdf reshim.bash format), derived from the
 * recorded Debian Go 1.22 container. With `resolves: false` the shim has no version selected and fails
 * like asdf does ("No version is set for command go", exit 126), so go env never answers.
 */
export function asdfShimSnapshot({ resolves }: { resolves: boolean }): FactSnapshot {
  return variant(loadSnapshot('linux-wrapper-version-lie'), (d) => {
    const shim = '/root/.asdf/shims/go';
    const goroot = '/root/.asdf/installs/golang/1.22.12/go';
    const real = d.candidates.find((c) => c.identity?.go)!;
    d.env.PATH = `/root/.asdf/shims:/root/.asdf/bin:${d.env.PATH}`;
    d.pathEntries = ['/root/.asdf/shims', '/root/.asdf/bin', ...d.pathEntries];
    d.candidates = [
      {
        dir: '/root/.asdf/shims',
        index: 0,
        path: shim,
        executable: true,
        hops: [{ path: shim, type: 'file', via: 'path', mode: 0o755, size: ASDF_SHIM_HEAD.length }],
        realpath: shim,
        identity: {
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
        },
        scriptHead: ASDF_SHIM_HEAD,
      },
      ...d.candidates.filter((c) => c.identity?.go).map((c) => ({ ...c, index: c.index + 2 })),
    ];
    d.managers = [{ name: 'asdf', root: '/root/.asdf', installed: ['1.22.12'], evidence: ['/root/.asdf exists'] }];
    d.toolchains = [...d.toolchains, { root: goroot, version: 'go1.22.12', source: 'asdf' }];
    d.packageOwner = null;
    for (const c of Object.values(d.commands)) if (c.argv[0] === '/usr/local/bin/go') c.argv[0] = shim;
    if (resolves) {
      for (const k of ['version', 'versionLocal'] as const) d.commands[k]!.stdout = 'go version go1.22.12 linux/amd64\n';
      const env = { ...d.goEnv!, GOROOT: goroot, GOTOOLDIR: `${goroot}/pkg/tool/linux_amd64`, GOPATH: '/root/.asdf/installs/golang/1.22.12/packages' };
      d.goEnv = env;
      d.commands.envJson!.stdout = `${JSON.stringify(env, null, '\t')}\n`;
      d.commands.gorootLocated!.stdout = `${goroot}\n`;
      d.goroot = { ...d.goroot!, path: goroot, realpath: goroot, binary: real.identity, binaryPath: `${goroot}/bin/go` };
      d.envFiles.goroot = { path: `${goroot}/go.env`, content: d.envFiles.goroot?.content ?? null };
      return;
    }
    const err = 'No version is set for command go\nConsider adding one of the following versions in your config file at /root/.tool-versions\ngolang 1.22.12\n';
    for (const k of ['version', 'versionLocal', 'envJson', 'gorootLocated', 'buildPure'] as const) {
      d.commands[k] = { ...d.commands[k]!, exitCode: 126, stdout: '', stderr: err };
    }
    for (const k of ['runPure', 'buildCgo', 'runCgo', 'compileV', 'linkV'] as const) delete d.commands[k];
    d.goEnv = null;
    // Without go env the GOROOT probed is the shim's own ../..: /root, which is no toolchain.
    d.goroot = { path: '/root', exists: true, realpath: '/root', versionFile: null, parts: {}, binary: null, binaryPath: '/root/bin/go' };
    d.envFiles.goroot = { path: '/root/go.env', content: null };
    d.cc = { name: 'gcc', path: '/usr/bin/gcc' };
    d.writable = {};
  });
}

/**
 * Go 1.22.5 installed with Scoop on Windows: PATH runs Scoop's shim program (shims\go.exe, a small
 * non-Go executable that reads go.shim and starts the real go.exe), and GOROOT is apps\go\current.
 */
export function scoopShimSnapshot(): FactSnapshot {
  return variant(loadSnapshot('windows-msi-nocgo-explicit'), (d) => {
    const root = 'C:\\Users\\dev\\scoop';
    const shim = `${root}\\shims\\go.exe`;
    const goroot = `${root}\\apps\\go\\current`;
    const real = d.candidates[0]!;
    d.env.SCOOP = 'c:/users/dev/scoop';
    d.env.Path = `${root}\\shims;${d.env.Path}`.replace('C:\\Program Files\\Go\\bin;', '');
    d.pathEntries = d.env.Path.split(';');
    d.candidates = [
      {
        dir: `${root}\\shims`,
        index: 0,
        path: shim,
        executable: true,
        hops: [{ path: shim, type: 'file', via: 'path', mode: 0o666, size: 125440 }],
        realpath: shim,
        identity: { ...real.identity!, go: null, needed: ['kernel32.dll', 'shlwapi.dll'] },
        scriptHead: null,
      },
    ];
    d.managers = [{ name: 'scoop', root: 'c:/users/dev/scoop', installed: ['1.22.5', 'current'], evidence: ['c:/users/dev/scoop exists'] }];
    d.toolchains = [{ root: `${root}\\apps\\go\\1.22.5`, version: 'go1.22.5', source: 'scoop' }];
    const swap = (x: string) => x.split('C:\\Program Files\\Go\\bin\\go.exe').join(shim).split('C:\\Program Files\\Go').join(goroot);
    for (const c of Object.values(d.commands)) c.argv = c.argv.map(swap);
    d.goEnv = Object.fromEntries(Object.entries(d.goEnv!).map(([k, v]) => [k, swap(v)]));
    d.commands.envJson!.stdout = `${JSON.stringify(d.goEnv, null, '\t')}\n`;
    d.commands.gorootLocated!.stdout = `${goroot}\n`;
    d.goroot = { ...d.goroot!, path: goroot, realpath: `${root}\\apps\\go\\1.22.5`, binaryPath: `${goroot}\\bin\\go.exe` };
    d.envFiles.goroot = { path: `${goroot}\\go.env`, content: d.envFiles.goroot!.content };
  });
}

/**
 * A snapshot from an engine that reads signatures: the go binary's and GOROOT's go carry `sig`, and the build
 * info make.bash writes for a release (the hand-written fixtures leave out its -gcflags).
 */
export function withSignature(name: string, sig: BinarySignature, gcflags: string | null = 'cmd/...=-dwarf=false'): FactSnapshot {
  return variant(loadSnapshot(name), (d) => {
    for (const id of [d.candidates[0]!.identity!, d.goroot?.binary]) {
      if (!id) continue;
      id.signature = sig;
      if (id.go && gcflags) id.go.buildSettings['-gcflags'] = gcflags;
      else if (id.go) delete id.go.buildSettings['-gcflags'];
    }
  });
}
