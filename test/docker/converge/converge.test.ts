import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convergeCommand } from '../../../cli/converge-command.js';
import { CONVERGE_LABEL } from '../../../harness/converge/converge-labels.js';
import type { ConvergenceDocument } from '../../../harness/converge/convergence-document.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// One of each kind: before and after Go 1.25's quota-aware GOMAXPROCS, Windows under Wine, arm64 under qemu-user, gccgo.
const ENVS = ['go-1.24', 'go-1.27', 'windows-go-1.24', 'arm64-qemu', 'gccgo'];
const results = mkdtempSync(path.join(os.tmpdir(), 'goverity-converge-test-'));
let doc: ConvergenceDocument;
let exitCode: number;

const value = (env: string, behaviour: string) => {
  const run = doc.environments.find((e) => e.id === env);
  if (!run) throw new Error(`${env} did not run`);
  const o = run.observations[behaviour]!;
  return o.state === 'ok' || o.state === 'unsupported' ? o.value : `${o.state}: ${o.detail}`;
};

describe('goverity converge on real environments: the known facts hold', () => {
  beforeAll(async () => {
    exitCode = await convergeCommand(['--env', ENVS.join(','), '--results', results, '--concurrency', '2'], repoRoot);
    doc = JSON.parse(readFileSync(path.join(results, 'latest', 'convergence.json'), 'utf8')) as ConvergenceDocument;
  });
  afterAll(() => rmSync(results, { recursive: true, force: true }));

  it('runs every environment, with no failed probe and no unexplained divergence, and leaves no container', async () => {
    const lines = [
      ...doc.matrix.failures.map((f) => `FAILED ${f.behaviour} on ${f.env}: ${f.detail}`),
      ...doc.matrix.divergences.filter((d) => !d.explanation).map((d) => `UNEXPLAINED ${d.behaviour} on ${d.env}: ${d.value}`),
    ];
    expect(lines).toEqual([]);
    expect(doc.environments.map((e) => `${e.id}: ${e.error ?? 'ran'}`).sort()).toEqual(ENVS.map((id) => `${id}: ran`).sort());
    expect(exitCode).toBe(0);
    expect(readFileSync(path.join(results, 'latest', 'convergence.html'), 'utf8')).toContain('<h1>Go behaviour across environments</h1>');
    const left = await new Dockerode().listContainers({ all: true, filters: { label: [`${CONVERGE_LABEL}`, `goverity.run=${doc.runId}`] } });
    expect(left).toEqual([]);
  });

  it('Windows spells paths its own way: FromSlash("a/b") is a\\b, lists split on ;, C: is a volume', () => {
    expect(value('windows-go-1.24', 'filepath.FromSlash')).toBe('a\\b');
    expect(value('windows-go-1.24', 'filepath.Join')).toBe('a\\c');
    expect(value('windows-go-1.24', 'os.PathListSeparator')).toBe(';');
    expect(value('windows-go-1.24', 'filepath.VolumeName')).toBe('C:');
    expect(value('windows-go-1.24', 'filepath.IsAbs')).toBe('false');
    for (const env of ['go-1.24', 'go-1.27', 'arm64-qemu', 'gccgo']) {
      expect(value(env, 'filepath.FromSlash')).toBe('a/b');
      expect(value(env, 'os.PathListSeparator')).toBe(':');
      expect(value(env, 'filepath.VolumeName')).toBe('');
    }
  });

  it('Windows LookPath follows PATHEXT order and never takes an extensionless file; Linux ignores PATHEXT', () => {
    expect(value('windows-go-1.24', 'exec.LookPath go')).toBe('go.exe');
    expect(value('windows-go-1.24', 'exec.LookPath PATHEXT .BAT;.EXE')).toBe('tool.bat');
    expect(value('windows-go-1.24', 'exec.LookPath PATHEXT .EXE;.BAT')).toBe('tool.exe');
    expect(value('go-1.24', 'exec.LookPath PATHEXT .BAT;.EXE')).toBe('tool');
    expect(value('go-1.24', 'exec.LookPath PATHEXT .EXE;.BAT')).toBe('tool');
  });

  it("refuses a program found through the working directory since Go 1.19 (exec.ErrDot); gccgo-12, on Go 1.18's library, returns it", () => {
    expect(value('go-1.24', 'exec.LookPath via cwd')).toMatch(/cannot run executable found relative to current directory/);
    expect(value('windows-go-1.24', 'exec.LookPath via cwd')).toMatch(/cannot run executable found relative to current directory/);
    expect(value('gccgo', 'exec.LookPath via cwd')).toBe('here');
  });

  it('GOMAXPROCS under a 1-CPU quota is min(NumCPU, 2) on Go 1.25+ (floor 2) and NumCPU on Go 1.24 and gccgo; NumCPU ignores the quota', () => {
    const cores = doc.host.cores;
    const lowered = cores > 2 ? `2 (NumCPU ${cores})` : '= NumCPU';
    expect(value('go-1.27', 'runtime.GOMAXPROCS')).toBe('= NumCPU');
    expect(value('go-1.27', 'runtime.GOMAXPROCS --cpus 1')).toBe(lowered);
    expect(value('arm64-qemu', 'runtime.GOMAXPROCS --cpus 1')).toBe(lowered);
    expect(value('go-1.24', 'runtime.GOMAXPROCS --cpus 1')).toBe('= NumCPU');
    expect(value('gccgo', 'runtime.GOMAXPROCS --cpus 1')).toBe('= NumCPU');
    for (const env of ENVS) expect(value(env, 'runtime.NumCPU --cpus 1')).toBe(String(cores));
  });

  it('Linux delivers SIGINT as os.Interrupt and SIGTERM to a handler, under qemu-user too; Windows has no SIGTERM sender', () => {
    for (const env of ['go-1.24', 'go-1.27', 'arm64-qemu', 'gccgo']) {
      expect(value(env, 'signal INT')).toBe('caught "interrupt" = os.Interrupt');
      expect(value(env, 'signal TERM')).toBe('caught "terminated" = SIGTERM');
    }
    expect(value('windows-go-1.24', 'signal TERM')).toBe('unsupported');
  });

  it('the arm64 column really is arm64, cross-built, so without cgo; the gccgo column says gccgo', () => {
    expect(value('arm64-qemu', 'runtime.GOOS/GOARCH')).toBe('linux/arm64');
    expect(value('arm64-qemu', 'build CGO_ENABLED')).toBe('0');
    expect(value('go-1.24', 'build CGO_ENABLED')).toBe('1');
    expect(value('windows-go-1.24', 'build CGO_ENABLED')).toBe('0');
    expect(value('gccgo', 'runtime.Compiler')).toBe('gccgo');
  });

  it('a go.mod naming an absent newer toolchain makes Go 1.21+ try to switch (and fail offline); gccgo-12 ignores it', () => {
    expect(value('go-1.24', 'go.mod toolchain (absent)')).toBe('switch failed');
    expect(value('go-1.27', 'go.mod toolchain (absent)')).toBe('switch failed');
    expect(value('windows-go-1.24', 'go.mod toolchain (absent)')).toBe('switch failed');
    expect(value('gccgo', 'go.mod toolchain (absent)')).toBe('ignored');
  });
});
