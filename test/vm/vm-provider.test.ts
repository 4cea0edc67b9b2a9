import { readdir } from 'node:fs/promises';
import path from 'node:path';
import Dockerode from 'dockerode';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { DockerProvider } from '../../harness/providers/docker-provider.js';
import { VmProvider } from '../../harness/providers/vm-provider.js';
import { findDivergences } from '../../harness/runner/find-divergences.js';
import { runScenario } from '../../harness/runner/run-scenarios.js';
import type { ScenarioResult } from '../../harness/runner/run-summary.js';
import { loadScenarios } from '../../harness/scenarios/load-scenarios.js';
import { vmToolsMissing } from '../../harness/vm/vm-tools.js';

// The slow tier: each scenario boots a VM under software emulation (~25 s) and verifies in it (~30 s).
const repoRoot = path.resolve(import.meta.dirname, '../..');
const cacheDir = process.env.GOVERITY_VM_CACHE ?? path.join(repoRoot, '.cache', 'vm');
const SCENARIOS = ['debian-golang-go', 'goroot-env-missing'];
const missing = await vmToolsMissing();
if (missing) console.warn(`vm tier skipped: ${missing}`);

describe.skipIf(missing !== null)('VmProvider', () => {
  const docker = new Dockerode();
  const runId = `vitest-vm-${process.pid}`;
  const vm = new VmProvider(docker, runId, repoRoot, undefined, { cacheDir });
  const containers = new DockerProvider(docker, runId, repoRoot);

  afterAll(async () => {
    await vm[Symbol.asyncDispose]();
    await containers[Symbol.asyncDispose]();
  });

  it('judges linux scenarios in a VM as in a container, agentless and with the engine inside, with no divergence, and leaves nothing behind', async () => {
    const { scenarios } = await loadScenarios(path.join(repoRoot, 'scenarios'));
    const picked = SCENARIOS.map((id) => scenarios.find((s) => s.id === id)!);
    const results: ScenarioResult[] = [];
    for (const s of picked) {
      results.push(await runScenario(containers, s));
      results.push(await runScenario(vm, s));
      results.push(await runScenario(vm, s, {}, 'inside'));
    }
    const judged = findDivergences(results);
    const summary = judged.map((r) => ({
      id: r.id,
      provider: r.provider,
      pass: r.pass,
      why: r.why,
      verdict: r.report?.verdict,
      error: r.error?.message ?? null,
      timings: r.timings,
    }));
    console.log(JSON.stringify(summary, null, 1));
    expect(judged.filter((r) => !r.pass).map((r) => `${r.id}@${r.provider}: ${r.why.join('; ')} ${r.error?.logTail.slice(-5).join(' | ') ?? ''}`)).toEqual([]);
    expect(judged.map((r) => `${r.id}@${r.provider}:${r.report?.verdict}`)).toEqual(
      SCENARIOS.flatMap((id, i) => ['docker', 'vm', 'vm/inside'].map((p) => `${id}@${p}:${['ready', 'broken'][i]}`)),
    );

    // Nothing left: no QEMU on our cache dir, no run directory (overlay, console, keys), no export container.
    const qemu = await execa('pgrep', ['-af', 'qemu-system'], { reject: false });
    expect(qemu.stdout.split('\n').filter((l) => l.includes(cacheDir))).toEqual([]);
    expect(await readdir(path.join(cacheDir, 'runs')).catch(() => [])).toEqual([]);
    expect(await docker.listContainers({ all: true, filters: { label: [`goverity.run=${runId}`] } })).toEqual([]);
  });

  it('bounds a VM that never boots, with the console tail in the result', async () => {
    const { scenarios } = await loadScenarios(path.join(repoRoot, 'scenarios'));
    const s = scenarios.find((x) => x.id === 'debian-golang-go')!;
    // Same disk, but a boot timeout too short for any kernel: the failure must carry the console's tail.
    const impatient = new VmProvider(docker, runId, repoRoot, undefined, { cacheDir, bootTimeoutMs: 3_000 });
    const r = await runScenario(impatient, s);
    await impatient[Symbol.asyncDispose]();
    expect(r.pass).toBe(false);
    expect(r.error?.phase).toBe('start');
    expect(r.error?.message).toMatch(/did not answer SSH within 3 s/);
    expect(r.error?.logTail.length).toBeGreaterThan(0);
    expect(await readdir(path.join(cacheDir, 'runs')).catch(() => [])).toEqual([]);
  });
});
