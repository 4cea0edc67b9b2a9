import path from 'node:path';
import Dockerode from 'dockerode';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImageBuilder } from '../../../harness/images/image-builder.js';
import { loadScenarios } from '../../../harness/scenarios/load-scenarios.js';
import { ensureScenarioImage } from '../../../harness/scenarios/scenario-image.js';
import { judgeReport } from '../../../harness/scenarios/judge-report.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';
import type { Report } from '../../../engine/report/build-report.js';
import { TARGET_SYNTAX } from '../../../engine/transport/target-syntax.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// One scenario per verdict: what this file proves is the CLI contract (exit status, JSON only on stdout); the corpus test judges every scenario.
const ENGINE_SCENARIOS = ['debian-golang-go', 'debian-no-cc', 'goroot-other-release', 'no-go'];
const EXIT: Record<string, number> = { ready: 0, degraded: 10, broken: 11, absent: 12 };

const { scenarios } = await loadScenarios(path.join(repoRoot, 'scenarios'));
const selected = ENGINE_SCENARIOS.map((id) => scenarios.find((s) => s.id === id)!);
const docker = new Dockerode();
const tags = new Map<string, string>();

/** The real CLI, as a user runs it: the built bin, a docker-image target, JSON out. */
async function verify(image: string) {
  const r = await execa('node', [path.join(repoRoot, 'bin/goverity.js'), 'verify', '--target', `docker-image:${image}`, '--json'], { reject: false });
  return { exitCode: r.exitCode, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

describe('goverity verify --json on real containers', () => {
  beforeAll(async () => {
    const builder = new ImageBuilder({ docker, repoRoot, onProgress: () => undefined });
    for (const s of selected) tags.set(s.id, await ensureScenarioImage(builder, s));
  });

  it.each(selected.map((s) => [s.id, s] as [string, Scenario]))('%s', async (_id, s) => {
    // This scenario's image only: other runs on the same engine come and go meanwhile.
    const mine = { all: true, filters: { label: ['goverity.target=docker-image'], ancestor: [tags.get(s.id)!] } };
    const before = await docker.listContainers(mine);
    const { exitCode, report, stderr } = await verify(tags.get(s.id)!);
    const judged = judgeReport(s, report);
    expect(judged.why, `${stderr}\n${JSON.stringify(report.findings, null, 1)}`).toEqual([]);
    expect(report.schema).toBe('goverity/report@1');
    expect(exitCode).toBe(EXIT[report.verdict]);
    const after = await docker.listContainers(mine);
    expect(after.length).toBe(before.length);
  });

  it('an unknown target kind is a one-line usage error with exit 2', async () => {
    const r = await execa('node', [path.join(repoRoot, 'bin/goverity.js'), 'verify', '--target', 'ssh:somewhere'], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe(`goverity: unknown target "ssh:somewhere": use ${TARGET_SYNTAX}`);
  });

  it('a missing image is a one-line usage error with exit 2', async () => {
    const r = await execa('node', [path.join(repoRoot, 'bin/goverity.js'), 'verify', '--target', 'docker-image:goverity/does-not-exist:1'], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/does not exist/);
  });
});
