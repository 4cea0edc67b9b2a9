import { describe, expect, it } from 'vitest';
import { collectDetectorRuns } from '../../../harness/detectors/collect-detector-runs.js';
import type { DetectorSpec } from '../../../harness/detectors/detector-spec.js';
import { planDetectorJobs } from '../../../harness/detectors/plan-detector-jobs.js';
import type { Provider } from '../../../harness/providers/provider.js';
import type { ScenarioResult } from '../../../harness/runner/run-summary.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';

const scenario = (id: string, platform: Scenario['platform'] = 'linux'): Scenario => ({
  id,
  title: id,
  class: 'genuine',
  breaks: '',
  platform,
  seenAt: [],
  image: { from: 'go-1.22' },
  expect: { verdict: ['ready'], authentic: true, codes: [], forbidden: [] },
  file: `${id}.json`,
});
const provider = (name: string, hosts: Scenario['platform']): Provider =>
  ({ name, isolation: 'container', cannotHost: (s: Scenario) => (s.platform === hosts ? null : `not ${s.platform}`) }) as unknown as Provider;
const spec = (name: string, builtin: 'goverity' | null = null): DetectorSpec => ({
  name,
  description: '',
  file: `/repo/detectors/${name}.json`,
  builtin,
  command: builtin ? [] : ['sh', 'x.sh'],
  files: [],
  output: { json: true },
  timeoutMs: 1000,
  maxOutputBytes: 1024,
});

describe('planDetectorJobs', () => {
  it('runs each command detector once per Linux scenario, on the first provider that hosts it, and skips Windows ones with why', () => {
    const docker = provider('docker', 'linux');
    const vagrant = provider('vagrant', 'linux');
    const { jobs, skipped } = planDetectorJobs(
      [scenario('a'), scenario('win-b', 'windows')],
      [docker, vagrant, provider('wine', 'windows')],
      [spec('mine'), spec('goverity', 'goverity')],
    );
    expect(jobs.map((j) => [j.scenario.id, j.provider.name, j.detector?.name])).toEqual([['a', 'docker', 'mine']]);
    expect(skipped).toEqual([
      { what: 'scenario win-b for mine', why: "a detector runs as a process in the target, and a windows scenario under Wine can't host one" },
    ]);
  });
});

describe('collectDetectorRuns', () => {
  it("scores the built-in goverity on the engine's first result per scenario, as a command detector runs once", () => {
    const engine = (id: string, provider: string, verdict: 'ready' | 'broken'): ScenarioResult => ({
      id,
      title: id,
      class: 'genuine',
      provider,
      seenAt: [],
      expected: { verdict: ['ready'], authentic: true, codes: [], forbidden: [] },
      report: {
        schema: 'goverity/report@1',
        target: 't',
        verdict,
        authentic: true,
        provenance: { kind: 'official', manager: null, container: true },
        go: null,
        findings: [],
        timings: { totalMs: 1 },
      },
      pass: verdict === 'ready',
      why: [],
      error: null,
      timings: { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 },
    });
    const [g] = collectDetectorRuns(
      [spec('goverity', 'goverity')],
      [engine('a', 'docker', 'ready'), engine('a', 'docker/inside', 'broken'), engine('b', 'docker', 'broken')],
      [],
      '/repo',
    );
    expect(g!.spec).toBe('detectors/goverity.json');
    expect(g!.results.map((r) => [r.id, r.provider, r.outcome])).toEqual([
      ['a', 'docker', 'correct'],
      ['b', 'docker', 'wrong'],
    ]);
    expect(g!.score.falseAlarms).toEqual({ count: 1, of: 2, scenarios: ['b'] });
  });
});
