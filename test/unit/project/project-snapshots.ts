/** Project facts (verify --project DIR) on top of a recorded snapshot, for the PROJECT_* check tests. */
import type { CommandFact, FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import type { ProjectFact, ToolchainSourceFact } from '../../../engine/facts/project-fact.js';
import { loadSnapshot, variant, withEnv } from '../snapshot-builders.js';

export const DIR = '/work/app';

export function goCommand(
  args: string[],
  result: { exitCode?: number; stdout?: string; stderr?: string; timedOut?: boolean },
  env: Record<string, string | null> = {},
): CommandFact {
  return {
    argv: ['/usr/local/go/bin/go', ...args],
    exitCode: result.exitCode ?? 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    timedOut: result.timedOut ?? false,
    truncated: false,
    spawnError: null,
    durationMs: 5,
    envOverrides: env,
    cwd: DIR,
  };
}

export interface ProjectOptions {
  goMod?: string | null;
  goWork?: string | null;
  env?: Record<string, string>;
  version?: { exitCode?: number; stdout?: string; stderr?: string };
  load?: { exitCode?: number; stdout?: string; stderr?: string; timedOut?: boolean };
  vendorModules?: string | null;
  toolchain?: ToolchainSourceFact | null;
}

/**
 * linux-debian-copy-usr-local (go1.22.12, GOTOOLCHAIN=auto from $GOROOT/go.env) with a project in /work/app whose
 * go env, files and go commands are given; by default a go.mod at go 1.21 that loads.
 */
export function projectSnapshot(o: ProjectOptions = {}, base: FactSnapshot = loadSnapshot('linux-debian-copy-usr-local')): FactSnapshot {
  const goMod = o.goMod === undefined ? 'module example.com/app\n\ngo 1.21\n' : o.goMod;
  const env: Record<string, string> = {
    GOMOD: goMod === null ? '/dev/null' : `${DIR}/go.mod`,
    GOWORK: o.goWork ? `${DIR}/go.work` : '',
    GOFLAGS: '',
    GO111MODULE: '',
    GOVERSION: 'go1.22.12',
    GOMODCACHE: '/root/go/pkg/mod',
    GOPATH: '/root/go',
    GOOS: 'linux',
    GOARCH: 'amd64',
    GOPROXY: 'https://proxy.example/mod,direct',
    GOTOOLCHAIN: 'auto',
    ...o.env,
  };
  const project: ProjectFact = {
    dir: DIR,
    exists: true,
    envCommand: goCommand(['env', '-json'], { stdout: JSON.stringify(env) }, { GOTOOLCHAIN: 'local' }),
    env,
    workFile: o.goWork ? { path: `${DIR}/go.work`, content: o.goWork } : null,
    modFile: goMod === null ? null : { path: `${DIR}/go.mod`, content: goMod },
    vendorModules: goMod === null ? null : { path: `${DIR}/vendor/modules.txt`, content: o.vendorModules ?? null },
    version: goCommand(['version'], { stdout: 'go version go1.22.12 linux/amd64\n', ...o.version }, { GOPROXY: 'off', GODEBUG: 'toolchaintrace=1' }),
    load: goCommand(['list', '-deps', '-f', '{{with .Error}}{{.}}{{end}}', './...'], { ...o.load }, { GOPROXY: 'off' }),
    toolchain: o.toolchain ?? null,
  };
  return variant(base, (d) => {
    d.project = project;
  });
}

/** The same with GOTOOLCHAIN set in the process environment (the user's shell or CI). */
export function projectSnapshotWithGotoolchain(value: string, o: ProjectOptions = {}): FactSnapshot {
  return projectSnapshot({ ...o, env: { GOTOOLCHAIN: value, ...o.env } }, withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GOTOOLCHAIN: value }));
}
