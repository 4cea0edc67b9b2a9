import path from 'node:path';
import Dockerode from 'dockerode';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../../engine/transport/transport.js';
import { collectDetectorRuns } from '../../../harness/detectors/collect-detector-runs.js';
import type { DetectorRun } from '../../../harness/detectors/detector-result.js';
import { loadDetectorSpec, type DetectorSpec } from '../../../harness/detectors/detector-spec.js';
import { planDetectorJobs } from '../../../harness/detectors/plan-detector-jobs.js';
import { runDetector } from '../../../harness/detectors/run-detector.js';
import { DockerProvider, RUN_LABEL } from '../../../harness/providers/docker-provider.js';
import { planJobs, runJobs } from '../../../harness/runner/run-scenarios.js';
import { loadScenarios } from '../../../harness/scenarios/load-scenarios.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const docker = new Dockerode();
const runId = `vitest-detectors-${process.pid}`;
const provider = new DockerProvider(docker, runId, repoRoot);

/**
 * Genuine distro, GOROOT of another release, a go that can't be executed, a stub script, and no Go at all: none
 * needs a first build of the standard library, which takes minutes on a busy 2-core host.
 */
const IDS = ['debian-golang-go', 'goroot-other-release', 'go-not-executable', 'stub-script', 'no-go'];

let scenarios: Scenario[] = [];
const spec = (f: string) => loadDetectorSpec(path.join(repoRoot, f));

/** Every process in the container but PID 1 (its keep-alive) and the listing's own. */
async function strayProcesses(t: Transport): Promise<string[]> {
  const list = 'for p in /proc/[0-9]*; do echo "${p#/proc/} $(tr "\\0" " " < $p/cmdline 2>/dev/null)"; done';
  const r = await t.exec(['sh', '-c', list], { timeoutMs: 10_000, maxBytes: 1 << 20 });
  expect(r.exitCode).toBe(0);
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^1 /.test(l) && !/^\d+$/.test(l) && !l.includes(list.slice(0, 20)) && !/^\d+ (timeout -s KILL|sh -c|tr )/.test(l));
}

describe('detectors scored against the corpus, in real containers', () => {
  beforeAll(async () => {
    await execa(process.execPath, ['scripts/bundle-engine.mjs'], { cwd: repoRoot });
    const loaded = await loadScenarios(path.join(repoRoot, 'scenarios'));
    scenarios = IDS.map((id) => loaded.scenarios.find((s) => s.id === id)!).filter(Boolean);
    for (const s of scenarios) await provider.prepare(s);
  });

  afterAll(async () => {
    await provider[Symbol.asyncDispose]();
    const left = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } });
    expect(left.map((c) => c.Names[0])).toEqual([]);
  });

  it('scores the naive checklist, the which-go one-liner and goverity on five scenarios', async () => {
    expect(scenarios.map((s) => s.id)).toEqual(IDS);
    const specs: DetectorSpec[] = [await spec('detectors/naive-checklist.json'), await spec('detectors/which-go.json'), await spec('detectors/goverity.json')];
    const engine = planJobs(scenarios, [provider], ['agentless']).jobs;
    const detected = planDetectorJobs(scenarios, [provider], specs);
    expect(detected.skipped).toEqual([]);
    const ran = await runJobs([...engine, ...detected.jobs], { concurrency: 2 });
    const runs = collectDetectorRuns(specs, ran.results, ran.detectorResults, repoRoot);
    const said = (d: DetectorRun) =>
      Object.fromEntries(d.results.map((r) => [r.id, r.answer ? `${r.answer.verdict}${r.answer.authentic === false ? ' (not authentic)' : ''}` : r.why[0]]));
    const [naive, which, goverity] = runs as [DetectorRun, DetectorRun, DetectorRun];
    // Debian's GOROOT is /usr/lib/go-1.19: its realpath does not end in /go, so the checklist calls it fake; and a
    // go without its execute bit is not found by `command -v`, so it calls that absent.
    expect(said(naive)).toEqual({
      'debian-golang-go': 'broken (not authentic)',
      'goroot-other-release': 'broken (not authentic)',
      'go-not-executable': 'absent',
      'stub-script': 'broken (not authentic)',
      'no-go': 'absent',
    });
    // `go version` answers for the stub and for a go whose GOROOT is another release's; which(1) skips a go it can't execute.
    expect(said(which)).toEqual({
      'debian-golang-go': 'ready',
      'goroot-other-release': 'ready',
      'go-not-executable': 'absent',
      'stub-script': 'ready',
      'no-go': 'absent',
    });
    // The built-in detector's answer is the engine's own report of the same scenario (whose verdicts the corpus
    // test judges; here a first build on a loaded host can time out, so they are not hard-coded).
    expect(goverity.results.map((r) => [r.id, r.answer?.verdict, r.answer?.authentic])).toEqual(
      ran.results.map((r) => [r.id, r.report?.verdict, r.report?.authentic]),
    );
    expect(runs.slice(0, 2).map((d) => [d.name, d.score.correct, d.score.scored, d.score.falseAlarms.count, d.score.misses.count])).toEqual([
      ['naive-checklist', 3, 5, 1, 0],
      ['which-go', 2, 5, 0, 2],
    ]);
    expect(which.score.misses.scenarios).toEqual(['goroot-other-release', 'stub-script']);
    expect(naive.score.falseAlarms.scenarios).toEqual(['debian-golang-go']);
  }, 1_500_000);

  it('scores a hanging and a flooding detector as giving no answer, with the reason, and leaves nothing behind', async () => {
    const s = scenarios.find((x) => x.id === 'debian-golang-go')!;
    const hang = await spec('test/fixtures/detectors/hang.json');
    const flood = await spec('test/fixtures/detectors/flood.json');
    {
      await using t = await provider.start(s, await provider.prepare(s));
      const h = await runDetector(t, hang);
      expect(h.answer).toBeNull();
      expect(h.problem).toBe('did not finish within 3 s and was killed');
      const f = await runDetector(t, flood);
      expect(f.answer).toBeNull();
      expect(f.problem).toBe('printed more than 64 KiB on stdout or stderr and was cut off');
      // The setsid'd sleeper and the flooding loop are gone, and so is every copied folder.
      expect(await strayProcesses(t)).toEqual([]);
      expect(((await t.readDir('/tmp')) ?? []).filter((n) => n.startsWith('goverity-'))).toEqual([]);
    }
    // Through the runner they are scored wrong, the run goes on, and their containers are removed.
    const ran = await runJobs(planDetectorJobs([s], [provider], [hang, flood]).jobs, { concurrency: 2 });
    expect(ran.detectorResults.map((r) => [r.detector, r.outcome, r.why])).toEqual([
      ['hang', 'wrong', ['no answer: did not finish within 3 s and was killed']],
      ['flood', 'wrong', ['no answer: printed more than 64 KiB on stdout or stderr and was cut off']],
    ]);
    const left = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } });
    expect(left).toEqual([]);
  });
});
