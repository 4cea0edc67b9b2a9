import os from 'node:os';
import { collectFacts } from '../../engine/probes/collect-facts.js';
import { buildReport } from '../../engine/report/build-report.js';
import { ImageBuildError } from '../images/image-build-error.js';
import type { Provider } from '../providers/provider.js';
import { judgeReport } from '../scenarios/judge-report.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { PhaseTimings, ScenarioResult } from './run-summary.js';

export type Phase = 'build' | 'start' | 'verify' | 'stop';

export interface RunHooks {
  onScenarioStart?(id: string, provider: string): void;
  onPhase?(id: string, provider: string, phase: Phase): void;
  onScenarioDone?(result: ScenarioResult): void;
}

export interface RunOptions extends RunHooks {
  concurrency?: number;
  /** Set once an interrupt arrives: no new scenario starts; running ones finish their teardown. */
  signal?: AbortSignal;
}

/** Provisions, verifies and tears down one scenario; never throws: harness failures become an errored result. */
export async function runScenario(provider: Provider, s: Scenario, hooks: RunHooks = {}): Promise<ScenarioResult> {
  const timings: PhaseTimings = { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 };
  const base = { id: s.id, title: s.title, class: s.class, provider: provider.name, seenAt: s.seenAt, expected: s.expect };
  let phase: Phase = 'build';
  const step = async <T>(p: Phase, key: keyof PhaseTimings, fn: () => Promise<T>): Promise<T> => {
    phase = p;
    hooks.onPhase?.(s.id, provider.name, p);
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[key] += Math.round(performance.now() - t0);
    }
  };
  hooks.onScenarioStart?.(s.id, provider.name);
  try {
    const prepared = await step('build', 'buildMs', () => provider.prepare(s));
    const transport = await step('start', 'startMs', () => provider.start(s, prepared));
    let report;
    try {
      report = await step('verify', 'verifyMs', async () => buildReport(await collectFacts(transport)));
    } finally {
      await step('stop', 'stopMs', async () => transport[Symbol.asyncDispose]());
    }
    const { pass, why } = judgeReport(s, report);
    return { ...base, report, pass, why, error: null, timings };
  } catch (e) {
    const err = e as Error;
    const logTail = e instanceof ImageBuildError ? e.logTail : [];
    const message = (e instanceof ImageBuildError ? err.message.split('\n')[0] : err.message) ?? String(e);
    return { ...base, report: null, pass: false, why: [`${phase} failed: ${message}`], error: { phase, message, logTail }, timings };
  }
}

/** Runs scenarios with at most `concurrency` in flight (default: the machine's cores), in the given order. */
export async function runScenarios(provider: Provider, scenarios: Scenario[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  const limit = Math.max(1, options.concurrency ?? os.availableParallelism());
  const results: ScenarioResult[] = new Array(scenarios.length);
  let next = 0;
  const worker = async () => {
    while (next < scenarios.length && !options.signal?.aborted) {
      const i = next++;
      const r = await runScenario(provider, scenarios[i]!, options);
      results[i] = r;
      options.onScenarioDone?.(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, scenarios.length) }, worker));
  return results.filter(Boolean);
}
