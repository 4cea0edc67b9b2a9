import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../../engine/transport/fake-transport.js';
import { ImageBuildError } from '../../../harness/images/image-build-error.js';
import type { Provider } from '../../../harness/providers/provider.js';
import { runScenarios as runJobs, type RunJob } from '../../../harness/runner/run-scenarios.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';

const scenario = (id: string, verdict: Scenario['expect']['verdict']): Scenario => ({
  id,
  title: id,
  class: 'absent',
  breaks: '-',
  platform: 'linux',
  seenAt: [],
  file: `${id}.json`,
  image: { from: 'base-bookworm' },
  expect: { verdict, codes: verdict[0] === 'absent' ? ['GO_NOT_FOUND'] : [], forbidden: [] },
});

/** Builds fail for ids starting with "bad-"; every other scenario is an empty machine with no go. */
function fakeProvider(): Provider & { started: FakeTransport[] } {
  const started: FakeTransport[] = [];
  return {
    name: 'fake',
    isolation: 'container',
    cannotHost: (s) => (s.platform === 'linux' ? null : 'linux only'),
    started,
    async prepare(s) {
      if (s.id.startsWith('bad-'))
        throw new ImageBuildError(`scenario-${s.id}`, 'The command /bin/sh -c false returned a non-zero code: 1', ['Step 2/2 : RUN false', 'exit 1']);
      return `tag-${s.id}`;
    },
    async start() {
      const t = new FakeTransport({ '/usr/bin/ls': { type: 'file', mode: 0o755 } });
      started.push(t);
      return t;
    },
    async sweep() {
      return 0;
    },
    async [Symbol.asyncDispose]() {},
  };
}

const runScenarios = (provider: Provider, scenarios: Scenario[], o: Parameters<typeof runJobs>[1]) =>
  runJobs(
    scenarios.map((scenario): RunJob => ({ scenario, provider, mode: 'agentless' })),
    o,
  );

describe('runScenarios', () => {
  it('reports a scenario whose image fails to build as errored, with the log tail, and runs the rest', async () => {
    const provider = fakeProvider();
    const results = await runScenarios(provider, [scenario('bad-layer', ['broken']), scenario('empty', ['absent'])], { concurrency: 1 });
    const [bad, empty] = results;
    expect(bad!.pass).toBe(false);
    expect(bad!.error).toEqual({
      phase: 'build',
      message: 'image scenario-bad-layer: The command /bin/sh -c false returned a non-zero code: 1',
      logTail: ['Step 2/2 : RUN false', 'exit 1'],
    });
    expect(bad!.report).toBeNull();
    expect(empty!.pass).toBe(true);
    expect(empty!.report!.verdict).toBe('absent');
    expect(empty!.report!.findings.map((f) => f.code)).toEqual(['GO_NOT_FOUND']);
  });

  it("tears down every environment it started, and judges with the scenario's expectations", async () => {
    const provider = fakeProvider();
    const results = await runScenarios(provider, [scenario('a', ['absent']), scenario('b', ['ready']), scenario('c', ['absent'])], { concurrency: 2 });
    expect(provider.started.map((t) => t.disposed)).toEqual([true, true, true]);
    expect(results.map((r) => [r.id, r.pass, r.why])).toEqual([
      ['a', true, []],
      ['b', false, ['expected verdict ready, got absent']],
      ['c', true, []],
    ]);
  });

  it('starts nothing new once aborted', async () => {
    const provider = fakeProvider();
    const abort = new AbortController();
    abort.abort();
    expect(await runScenarios(provider, [scenario('a', ['absent'])], { signal: abort.signal })).toEqual([]);
    expect(provider.started).toEqual([]);
  });
});

describe('planJobs', () => {
  it('puts each scenario on every provider that can host it, once per mode, and lists the ones none can host with each reason', async () => {
    const { planJobs } = await import('../../../harness/runner/run-scenarios.js');
    const linux = scenario('a', ['absent']);
    const windows = { ...scenario('w', ['ready']), platform: 'windows' as const };
    const { jobs, unhosted } = planJobs([linux, windows], [fakeProvider()], ['agentless', 'inside']);
    expect(jobs.map((j) => [j.scenario.id, j.provider.name, j.mode])).toEqual([
      ['a', 'fake', 'agentless'],
      ['a', 'fake', 'inside'],
    ]);
    expect(unhosted.map((u) => [u.scenario.id, u.reasons])).toEqual([['w', ['fake: linux only']]]);
  });
});

describe('runScenario', () => {
  it('blames the verify phase when verify fails, though teardown ran after it', async () => {
    const { runScenario } = await import('../../../harness/runner/run-scenarios.js');
    const provider = fakeProvider();
    provider.start = async () => {
      const t = new FakeTransport({});
      t.platform = async () => {
        throw new Error('ssh failed');
      };
      return t;
    };
    const r = await runScenario(provider, scenario('a', ['absent']));
    expect(r.error).toEqual({ phase: 'verify', message: 'ssh failed', logTail: [] });
  });
});
