import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../../engine/transport/fake-transport.js';
import { ImageBuildError } from '../../../harness/images/image-build-error.js';
import type { Provider } from '../../../harness/providers/provider.js';
import { runScenarios } from '../../../harness/runner/run-scenarios.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';

const scenario = (id: string, verdict: Scenario['expect']['verdict']): Scenario => ({
  id, title: id, class: 'absent', breaks: '-', seenAt: [], file: `${id}.json`, image: { from: 'base-bookworm' },
  expect: { verdict, codes: verdict[0] === 'absent' ? ['GO_NOT_FOUND'] : [], forbidden: [] },
});

/** Builds fail for ids starting with "bad-"; every other scenario is an empty machine with no go. */
function fakeProvider(): Provider & { started: FakeTransport[] } {
  const started: FakeTransport[] = [];
  return {
    name: 'fake',
    started,
    async prepare(s) {
      if (s.id.startsWith('bad-')) throw new ImageBuildError(`scenario-${s.id}`, 'The command /bin/sh -c false returned a non-zero code: 1', ['Step 2/2 : RUN false', 'exit 1']);
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

describe('runScenarios', () => {
  it('reports a scenario whose image fails to build as errored, with the log tail, and runs the rest', async () => {
    const provider = fakeProvider();
    const results = await runScenarios(provider, [scenario('bad-layer', ['broken']), scenario('empty', ['absent'])], { concurrency: 1 });
    const [bad, empty] = results;
    expect(bad!.pass).toBe(false);
    expect(bad!.error).toEqual({ phase: 'build', message: 'image scenario-bad-layer: The command /bin/sh -c false returned a non-zero code: 1', logTail: ['Step 2/2 : RUN false', 'exit 1'] });
    expect(bad!.report).toBeNull();
    expect(empty!.pass).toBe(true);
    expect(empty!.report!.verdict).toBe('absent');
    expect(empty!.report!.findings.map((f) => f.code)).toEqual(['GO_NOT_FOUND']);
  });

  it('tears down every environment it started, and judges with the scenario\'s expectations', async () => {
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
