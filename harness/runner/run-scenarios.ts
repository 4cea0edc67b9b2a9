import os from 'node:os';
import type { FactSnapshot } from '../../engine/facts/fact-snapshot.js';
import { collectFacts } from '../../engine/probes/collect-facts.js';
import { buildReport } from '../../engine/report/build-report.js';
import { ImageBuildError } from '../images/image-build-error.js';
import type { Provider } from '../providers/provider.js';
import { judgeReport } from '../scenarios/judge-report.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { EngineMode, PhaseTimings, ScenarioResult } from './run-summary.js';
import { verifyInside } from './verify-inside.js';

export type Phase = 'build' | 'start' | 'verify' | 'stop';

/** One scenario on one provider, with the engine run from the harness (agentless) or copied into the target (inside). */
export interface RunJob {
  scenario: Scenario;
  provider: Provider;
  mode: EngineMode;
}

export interface RunHooks {
  onScenarioStart?(id: string, provider: string): void;
  onPhase?(id: string, provider: string, phase: Phase): void;
  onScenarioDone?(result: ScenarioResult): void;
  /** Agentless runs only: the snapshot the report was built from (the corpus round trip reproduces it). */
  onFacts?(id: string, provider: string, facts: FactSnapshot): void;
}

export interface RunOptions extends RunHooks {
  concurrency?: number;
  /** Set once an interrupt arrives: no new scenario starts; running ones finish their teardown. */
  signal?: AbortSignal;
}

/** The result's column: the provider's name, with `/inside` when the engine ran inside the target. */
export function resultLabel(provider: Provider, mode: EngineMode): string {
  return mode === 'inside' ? `${provider.name}/inside` : provider.name;
}

/** Every scenario on every provider that can host it, in scenario order; the scenarios none can host, with each provider's reason. */
export function planJobs(scenarios: Scenario[], providers: Provider[], modes: EngineMode[]): { jobs: RunJob[]; unhosted: { scenario: Scenario; reasons: string[] }[] } {
  const jobs: RunJob[] = [];
  const unhosted: { scenario: Scenario; reasons: string[] }[] = [];
  for (const scenario of scenarios) {
    const hosts = providers.filter((p) => p.cannotHost(scenario) === null);
    if (hosts.length === 0) unhosted.push({ scenario, reasons: providers.map((p) => `${p.name}: ${p.cannotHost(scenario)}`) });
    for (const provider of hosts) for (const mode of modes) jobs.push({ scenario, provider, mode });
  }
  return { jobs, unhosted };
}

/** Provisions, verifies and tears down one scenario; never throws: harness failures become an errored result. */
export async function runScenario(provider: Provider, s: Scenario, hooks: RunHooks = {}, mode: EngineMode = 'agentless'): Promise<ScenarioResult> {
  const timings: PhaseTimings = { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 };
  const label = resultLabel(provider, mode);
  const base = { id: s.id, title: s.title, class: s.class, provider: label, mode, seenAt: s.seenAt, expected: s.expect };
  let phase: Phase = 'build';
  // The first phase that threw: teardown runs after a failed verify and must not take the blame for it.
  let failed: Phase | null = null;
  const step = async <T>(p: Phase, key: keyof PhaseTimings, fn: () => Promise<T>): Promise<T> => {
    phase = p;
    hooks.onPhase?.(s.id, label, p);
    const t0 = performance.now();
    try {
      return await fn();
    } catch (e) {
      failed ??= p;
      throw e;
    } finally {
      timings[key] += Math.round(performance.now() - t0);
    }
  };
  hooks.onScenarioStart?.(s.id, label);
  try {
    const prepared = await step('build', 'buildMs', () => provider.prepare(s));
    const transport = await step('start', 'startMs', () => provider.start(s, prepared));
    let report;
    try {
      report = await step('verify', 'verifyMs', async () => {
        if (mode === 'inside') return verifyInside(transport, { project: s.project });
        const facts = await collectFacts(transport, { project: s.project });
        hooks.onFacts?.(s.id, label, facts);
        return buildReport(facts);
      });
    } finally {
      await step('stop', 'stopMs', async () => transport[Symbol.asyncDispose]());
    }
    const { pass, why } = judgeReport(s, report, provider.isolation);
    return { ...base, report, pass, why, error: null, timings };
  } catch (e) {
    const err = e as Error;
    const logTail = e instanceof ImageBuildError || e instanceof ErrorWithLog ? e.logTail : [];
    const message = (e instanceof ImageBuildError ? err.message.split('\n')[0] : err.message) ?? String(e);
    phase = failed ?? phase;
    return { ...base, report: null, pass: false, why: [`${phase} failed: ${message}`], error: { phase, message, logTail }, timings };
  }
}

/** A harness failure that carries the tail of a log worth showing (a VM's console, a build). */
export class ErrorWithLog extends Error {
  constructor(message: string, readonly logTail: string[]) {
    super(message);
  }
}

/** Runs jobs with at most `concurrency` in flight (default: the machine's cores), in the given order. */
export async function runScenarios(jobs: RunJob[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  const limit = Math.max(1, options.concurrency ?? os.availableParallelism());
  const results: ScenarioResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !options.signal?.aborted) {
      const i = next++;
      const { scenario, provider, mode } = jobs[i]!;
      const r = await runScenario(provider, scenario, options, mode);
      results[i] = r;
      options.onScenarioDone?.(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results.filter(Boolean);
}
