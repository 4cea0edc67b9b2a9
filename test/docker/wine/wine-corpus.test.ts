import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_LABEL } from '../../../harness/providers/docker-provider.js';
import { WineProvider } from '../../../harness/providers/wine-provider.js';
import { runScenario } from '../../../harness/runner/run-scenarios.js';
import { loadScenarios } from '../../../harness/scenarios/load-scenarios.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const loaded = await loadScenarios(path.join(repoRoot, 'scenarios'));
const docker = new Dockerode();
const runId = `vitest-wine-${process.pid}`;
const provider = new WineProvider(docker, runId, repoRoot);
const scenarios = loaded.scenarios.filter((s) => provider.cannotHost(s) === null);

describe('the Windows scenarios, under Wine', () => {
  beforeAll(async () => {
    // Images first, two at a time (shared parents build once); each test's prepare is then a cache hit.
    const queue = [...scenarios];
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await provider.prepare(s).catch(() => undefined);
    };
    await Promise.all(Array.from({ length: Math.min(2, os.availableParallelism()) }, worker));
  });

  afterAll(async () => {
    await provider[Symbol.asyncDispose]();
    const left = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } });
    expect(left.map((c) => c.Names[0])).toEqual([]);
  });

  it('has at least 8 Windows scenarios, and the wine provider hosts no Linux one', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(scenarios.every((s) => s.platform === 'windows')).toBe(true);
  });

  describe.concurrent.each(scenarios.map((s) => [s.id, s] as [string, Scenario]))('%s', (_id, s) => {
    it(`is judged ${s.expect.verdict.join(' or ')}${s.expect.codes.length ? ` with ${s.expect.codes.join(', ')}` : ''}`, async () => {
      const result = await runScenario(provider, s);
      expect(result.error?.message ?? null).toBeNull();
      expect(result.why, JSON.stringify(result.report?.findings.map((f) => `${f.code}: ${f.message}`), null, 1)).toEqual([]);
      expect(s.expect.verdict).toContain(result.report!.verdict);
      expect(result.report!.target).toMatch(/^wine-image:/);
    });
  });
});
