import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { DockerProvider, OWNER_PID_LABEL, RUN_LABEL } from '../../../harness/providers/docker-provider.js';
import { VAGRANT_PROJECT_LABEL, VAGRANT_PROJECT_PREFIX, VagrantProvider } from '../../../harness/providers/vagrant-provider.js';
import { findDivergences } from '../../../harness/runner/find-divergences.js';
import { planJobs, runScenarios } from '../../../harness/runner/run-scenarios.js';
import { loadScenarios } from '../../../harness/scenarios/load-scenarios.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// One of each class: genuine, degraded, broken, fake, absent.
const IDS = ['debian-golang-go', 'debian-no-cc', 'goroot-other-release', 'wrapper-version-lie', 'no-go'];
const missing = await VagrantProvider.unavailable();
const docker = new Dockerode();
const runId = `vitest-vagrant-${process.pid}`;
// Project dirs go here, so "nothing left behind" is exact and other runs' projects don't count.
const tmpDir = missing ? '' : mkdtempSync(path.join(os.tmpdir(), 'goverity-vagrant-test-'));

const leftContainers = async () =>
  (await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } })).map(
    (c) => `${c.Names[0]} (${c.Labels[VAGRANT_PROJECT_LABEL] ?? 'docker'})`,
  );
const leftProjects = () => readdirSync(tmpDir);

describe('the vagrant tier (Vagrant docker provider)', () => {
  if (missing) {
    // A tier that silently passes without its tool proves nothing: it fails unless skipping is asked for.
    it('needs vagrant', (ctx) => {
      if (process.env.GOVERITY_SKIP_VAGRANT === '1') ctx.skip(`GOVERITY_SKIP_VAGRANT=1: ${missing}`);
      throw new Error(`${missing} (or set GOVERITY_SKIP_VAGRANT=1 to skip the vagrant tier)`);
    });
    return;
  }

  afterAll(async () => {
    rmSync(tmpDir, { recursive: true, force: true });
  });

  it('gives the same verdicts and codes as the docker tier on five scenarios, and leaves nothing behind', async () => {
    const { scenarios } = await loadScenarios(path.join(repoRoot, 'scenarios'));
    const selected = IDS.map((id) => scenarios.find((s) => s.id === id)!);
    expect(selected.every(Boolean)).toBe(true);
    const dockerProvider = new DockerProvider(docker, runId, repoRoot);
    const vagrant = new VagrantProvider(docker, runId, repoRoot, undefined, { tmpDir });
    const { jobs, unhosted } = planJobs(selected, [dockerProvider, vagrant], ['agentless']);
    expect(unhosted).toEqual([]);
    expect(jobs).toHaveLength(10);
    const results = findDivergences(await runScenarios(jobs, { concurrency: 2 }));
    await Promise.all([dockerProvider[Symbol.asyncDispose](), vagrant[Symbol.asyncDispose]()]);

    const lines = results.map(
      (r) =>
        `${r.id} ${r.provider}: ${r.error ? `error in ${r.error.phase}: ${r.error.message} ${r.error.logTail.join(' / ')}` : r.report!.verdict} ${r.why.join('; ')}`,
    );
    expect(
      results.filter((r) => !r.pass),
      lines.join('\n'),
    ).toEqual([]);
    expect(results.filter((r) => r.divergence)).toEqual([]);
    expect(results.map((r) => `${r.id}/${r.provider}`)).toEqual(IDS.flatMap((id) => [`${id}/docker`, `${id}/vagrant`]));
    for (const r of results.filter((x) => x.provider === 'vagrant')) expect(r.report!.target).toBe(`vagrant:${r.id}`);

    expect(await leftContainers()).toEqual([]);
    expect(leftProjects()).toEqual([]);
  });

  it('tears down a machine whose `vagrant up` is still running when the provider is disposed (an interrupt)', async () => {
    const { scenarios } = await loadScenarios(path.join(repoRoot, 'scenarios'));
    const vagrant = new VagrantProvider(docker, runId, repoRoot, undefined, { tmpDir });
    const s = scenarios.find((x) => x.id === 'no-go')!;
    const image = await vagrant.prepare(s);
    const starting = vagrant.start(s, image);
    // Let vagrant get going (the project exists), then interrupt.
    for (let i = 0; i < 50 && leftProjects().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 700));
    await vagrant[Symbol.asyncDispose]();
    await expect(starting).rejects.toThrow(/vagrant up was interrupted|shutting down/);
    expect(await leftContainers()).toEqual([]);
    expect(leftProjects()).toEqual([]);
  });

  it('sweeps the containers and project dirs of owners that are gone, and leaves live ones', async () => {
    const { scenarios } = await loadScenarios(path.join(repoRoot, 'scenarios'));
    const vagrant = new VagrantProvider(docker, runId, repoRoot, undefined, { tmpDir });
    const image = await vagrant.prepare(scenarios.find((x) => x.id === 'no-go')!);
    const dead = 2 ** 22 + 17; // above Linux's pid_max: no such process
    const deadDir = mkdtempSync(path.join(tmpDir, `${VAGRANT_PROJECT_PREFIX}${dead}-`));
    const liveDir = mkdtempSync(path.join(tmpDir, `${VAGRANT_PROJECT_PREFIX}${process.pid}-`));
    const labels = (dir: string, pid: number) => ({ [RUN_LABEL]: runId, [OWNER_PID_LABEL]: String(pid), [VAGRANT_PROJECT_LABEL]: dir });
    const stale = await docker.createContainer({ Image: image, Cmd: ['true'], Labels: labels(deadDir, dead), HostConfig: { NetworkMode: 'none' } });
    const live = await docker.createContainer({ Image: image, Cmd: ['true'], Labels: labels(liveDir, process.pid), HostConfig: { NetworkMode: 'none' } });
    try {
      // Other runs' dead-owner leftovers on this engine (a killed run) are swept too, so at least ours.
      expect(await vagrant.sweep()).toBeGreaterThanOrEqual(1);
      expect(leftProjects()).toEqual([path.basename(liveDir)]);
      expect((await leftContainers()).length).toBe(1);
      await expect(stale.inspect()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await live.remove({ force: true }).catch(() => undefined);
      rmSync(liveDir, { recursive: true, force: true });
    }
    expect(await leftContainers()).toEqual([]);
  });
});
