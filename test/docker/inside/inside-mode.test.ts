import path from 'node:path';
import os from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import Dockerode from 'dockerode';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../../engine/transport/transport.js';
import { DockerProvider, RUN_LABEL } from '../../../harness/providers/docker-provider.js';
import { findDivergences } from '../../../harness/runner/find-divergences.js';
import { planJobs, runScenarios } from '../../../harness/runner/run-scenarios.js';
import type { ScenarioResult } from '../../../harness/runner/run-summary.js';
import { verifyInside } from '../../../harness/runner/verify-inside.js';
import { loadScenarios } from '../../../harness/scenarios/load-scenarios.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';
import { patchHostNode } from '../../unit/runner/patch-host-node.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const docker = new Dockerode();
const runId = `vitest-inside-${process.pid}`;
const provider = new DockerProvider(docker, runId, repoRoot);

/** Genuine (distro, official layout), broken GOROOT, fake, degraded cgo, absent, and three hostile gos. */
const IDS = [
  'debian-golang-go',
  'official-image-style',
  'goroot-other-release',
  'stub-script',
  'debian-no-cc',
  'no-go',
  'hostile-hang',
  'hostile-flood',
  'hostile-spawn',
];

let scenarios: Scenario[] = [];
let work: string;

/** Every process in the container but PID 1 (its keep-alive) and the listing's own. */
async function strayProcesses(t: Transport): Promise<string[]> {
  const list = 'for p in /proc/[0-9]*; do echo "${p#/proc/} $(tr "\\0" " " < $p/cmdline 2>/dev/null)"; done';
  // A bound for a loaded host (a load of 10 on 2 cores took this listing past 10 s): it lists, it judges nothing.
  const r = await t.exec(['sh', '-c', list], { timeoutMs: 60_000, maxBytes: 1 << 20 });
  expect(r.exitCode).toBe(0);
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^1 /.test(l) && !/^\d+$/.test(l) && !l.includes(list.slice(0, 20)) && !/^\d+ (timeout -s KILL|sh -c|tr )/.test(l));
}

async function goverityTempDirs(t: Transport): Promise<string[]> {
  return ((await t.readDir('/tmp')) ?? []).filter((n) => n.startsWith('goverity-'));
}

describe('inside mode (the bundled engine run in the container) against agentless', () => {
  beforeAll(async () => {
    await execa(process.execPath, ['scripts/bundle-engine.mjs'], { cwd: repoRoot });
    work = await mkdtemp(path.join(os.tmpdir(), 'inside-mode-'));
    const loaded = await loadScenarios(path.join(repoRoot, 'scenarios'));
    scenarios = IDS.map((id) => loaded.scenarios.find((s) => s.id === id)!).filter(Boolean);
    for (const s of scenarios) await provider.prepare(s);
  });

  afterAll(async () => {
    await provider[Symbol.asyncDispose]();
    await rm(work, { recursive: true, force: true });
    const left = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } });
    expect(left.map((c) => c.Names[0])).toEqual([]);
  });

  it('gives the same report in both modes, every scenario passing', async () => {
    expect(scenarios.map((s) => s.id)).toEqual(IDS);
    const { jobs, unhosted } = planJobs(scenarios, [provider], ['agentless', 'inside']);
    expect(unhosted).toEqual([]);
    const results = findDivergences(await runScenarios(jobs, { concurrency: 2 }));
    const byId = new Map<string, ScenarioResult[]>();
    for (const r of results) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const [id, [a, b]] of byId)
      console.log(
        `${id.padEnd(22)} verify agentless ${String(a!.timings.verifyMs).padStart(6)} ms   inside ${String(b!.timings.verifyMs).padStart(6)} ms   ${a!.report?.verdict}/${b!.report?.verdict}`,
      );
    expect(results.map((r) => r.provider)).toEqual(IDS.flatMap(() => ['docker', 'docker/inside']));
    for (const r of results) {
      expect(r.error?.message ?? null, `${r.id} on ${r.provider}`).toBeNull();
      expect(r.why, `${r.id} on ${r.provider}`).toEqual([]);
      expect(r.divergence, `${r.id} on ${r.provider}`).toBeUndefined();
    }
  });

  it('leaves no process and no temp dir when the engine inside is stopped at its limit', async () => {
    const s = scenarios.find((x) => x.id === 'hostile-hang')!;
    await using t = await provider.start(s, await provider.prepare(s));
    // Mid-way through the hanging `go version` (20 s bound): the engine is stopped, the hang is orphaned and swept.
    await expect(verifyInside(t, { timeoutMs: 5_000 })).rejects.toThrow(/did not finish within 5 s/);
    expect(await strayProcesses(t)).toEqual([]);
    expect(await goverityTempDirs(t)).toEqual([]);
  });

  it('leaves no process and no temp dir after a normal run either', async () => {
    const s = scenarios.find((x) => x.id === 'hostile-spawn')!;
    await using t = await provider.start(s, await provider.prepare(s));
    expect((await verifyInside(t)).verdict).toBe('broken');
    expect(await strayProcesses(t)).toEqual([]);
    expect(await goverityTempDirs(t)).toEqual([]);
  });

  it("says in one line which loader or library a target lacks for the host's Node", async (ctx) => {
    const noLoader = path.join(work, 'node-no-loader');
    const noLib = path.join(work, 'node-no-libstdcxx');
    if (!(await patchHostNode(noLoader, 'ld-linux', 'ld-nolnx')) || !(await patchHostNode(noLib, 'libstdc++.so.6', 'libstdX++.so.6'))) ctx.skip();
    const s = scenarios.find((x) => x.id === 'no-go')!;
    await using t = await provider.start(s, await provider.prepare(s));
    await expect(verifyInside(t, { node: noLoader })).rejects.toThrow(
      /^the target has no \/[^ ]*ld-nolnx[^ ]*, the program loader this host's Node \([^)]*\) needs[^\n]*$/,
    );
    await expect(verifyInside(t, { node: noLib })).rejects.toThrow(/^the target has no libstdX\+\+\.so\.6, which this host's Node \([^)]*\) needs[^\n]*$/);
    expect(await goverityTempDirs(t)).toEqual([]);
  });
});
