import os from 'node:os';
import type { FactSnapshot } from '../../engine/facts/fact-snapshot.js';
import { collectFacts } from '../../engine/probes/collect-facts.js';
import { buildReport } from '../../engine/report/build-report.js';
import { ImageBuildError } from '../images/image-build-error.js';
import type { Provider } from '../providers/provider.js';
import { judgeReport } from '../scenarios/judge-report.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { Transport } from '../../engine/transport/transport.js';
import type { DetectorResult } from '../detectors/detector-result.js';
import type { DetectorSpec } from '../detectors/detector-spec.js';
import { judgeDetectorAnswer } from '../detectors/judge-detector-answer.js';
import { runDetector } from '../detectors/run-detector.js';
import type { EngineMode, PhaseTimings, ScenarioResult } from './run-summary.js';
import { verifyInside } from './verify-inside.js';
import { ErrorWithLog } from './error-with-log.js';

export type Phase = 'build' | 'start' | 'verify' | 'stop';

/** One scenario on one provider, with the engine run from the harness (agentless) or copied into the target (inside). */
export interface RunJob {
  scenario: Scenario;
  provider: Provider;
  mode: EngineMode;
  /** Set for a detector's job: the detector runs in the environment instead of the engine (mode is ignored). */
  detector?: DetectorSpec;
}

export interface RunHooks {
  onScenarioStart?(id: string, provider: string): void;
  onPhase?(id: string, provider: string, phase: Phase): void;
  onScenarioDone?(result: ScenarioResult): void;
  onDetectorDone?(result: DetectorResult): void;
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
export function planJobs(
  scenarios: Scenario[],
  providers: Provider[],
  modes: EngineMode[],
): { jobs: RunJob[]; unhosted: { scenario: Scenario; reasons: string[] }[] } {
  const jobs: RunJob[] = [];
  const unhosted: { scenario: Scenario; reasons: string[] }[] = [];
  for (const scenario of scenarios) {
    const hosts = providers.filter((p) => p.cannotHost(scenario) === null);
    if (hosts.length === 0) unhosted.push({ scenario, reasons: providers.map((p) => `${p.name}: ${p.cannotHost(scenario)}`) });
    for (const provider of hosts) for (const mode of modes) jobs.push({ scenario, provider, mode });
  }
  return { jobs, unhosted };
}

type Failure = { phase: Phase; message: string; logTail: string[] };

/**
 * Builds, starts and tears down one scenario's environment around `work`, timing each phase; never throws:
 * a harness failure comes back with the phase it happened in.
 */
export async function inEnvironment<T>(
  provider: Provider,
  s: Scenario,
  label: string,
  hooks: RunHooks,
  work: (transport: Transport) => Promise<T>,
): Promise<{ value: T; error: null; timings: PhaseTimings } | { value: null; error: Failure; timings: PhaseTimings }> {
  const timings: PhaseTimings = { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 };
  let phase: Phase = 'build';
  // The first phase that threw: teardown runs after a failed verify and must not take the blame for it.
  let failed: Phase | null = null;
  const step = async <U>(p: Phase, key: keyof PhaseTimings, fn: () => Promise<U>): Promise<U> => {
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
    let value: T;
    try {
      value = await step('verify', 'verifyMs', () => work(transport));
    } finally {
      await step('stop', 'stopMs', async () => transport[Symbol.asyncDispose]());
    }
    return { value, error: null, timings };
  } catch (e) {
    const err = e as Error;
    const logTail = e instanceof ImageBuildError || e instanceof ErrorWithLog ? e.logTail : [];
    const message = (e instanceof ImageBuildError ? err.message.split('\n')[0] : err.message) ?? String(e);
    return { value: null, error: { phase: failed ?? phase, message, logTail }, timings };
  }
}

/** Provisions, verifies and tears down one scenario; never throws: harness failures become an errored result. */
export async function runScenario(provider: Provider, s: Scenario, hooks: RunHooks = {}, mode: EngineMode = 'agentless'): Promise<ScenarioResult> {
  const label = resultLabel(provider, mode);
  const base = { id: s.id, title: s.title, class: s.class, provider: label, mode, seenAt: s.seenAt, expected: s.expect };
  const done = await inEnvironment(provider, s, label, hooks, async (transport) => {
    if (mode === 'inside') return verifyInside(transport, { project: s.project, shell: s.shell, online: s.online });
    const facts = await collectFacts(transport, { project: s.project, shell: s.shell, online: s.online ?? false });
    hooks.onFacts?.(s.id, label, facts);
    return buildReport(facts);
  });
  if (done.error)
    return { ...base, report: null, pass: false, why: [`${done.error.phase} failed: ${done.error.message}`], error: done.error, timings: done.timings };
  const { pass, why } = judgeReport(s, done.value, provider.isolation);
  return { ...base, report: done.value, pass, why, error: null, timings: done.timings };
}

/** Runs one detector in a fresh environment of the scenario and judges its answer. */
export async function runDetectorJob(provider: Provider, s: Scenario, spec: DetectorSpec, hooks: RunHooks = {}): Promise<DetectorResult> {
  const label = detectorLabel(provider, spec);
  const base = { detector: spec.name, id: s.id, title: s.title, class: s.class, provider: provider.name, expected: s.expect };
  const done = await inEnvironment(provider, s, label, hooks, (transport) => runDetector(transport, spec));
  if (done.error)
    return {
      ...base,
      answer: null,
      outcome: 'error',
      why: [`${done.error.phase} failed: ${done.error.message}`],
      exitCode: null,
      stderrTail: done.error.logTail,
      timings: done.timings,
    };
  const { answer, problem, exitCode, stderrTail } = done.value;
  return { ...base, answer, ...judgeDetectorAnswer(s.expect, answer, problem), exitCode, stderrTail, timings: done.timings };
}

/** A detector job's line in the progress display: provider and detector. */
export function detectorLabel(provider: Provider, spec: DetectorSpec): string {
  return `${provider.name}: ${spec.name}`;
}

/** Runs jobs with at most `concurrency` in flight (default: the machine's cores), in the given order; the engine's results only. */
export async function runScenarios(jobs: RunJob[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  return (await runJobs(jobs, options)).results;
}

/** Runs engine and detector jobs with at most `concurrency` in flight, in the given order. */
export async function runJobs(jobs: RunJob[], options: RunOptions = {}): Promise<{ results: ScenarioResult[]; detectorResults: DetectorResult[] }> {
  const limit = Math.max(1, options.concurrency ?? os.availableParallelism());
  const results: (ScenarioResult | DetectorResult)[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !options.signal?.aborted) {
      const i = next++;
      const { scenario, provider, mode, detector } = jobs[i]!;
      if (detector) {
        const r = await runDetectorJob(provider, scenario, detector, options);
        results[i] = r;
        options.onDetectorDone?.(r);
      } else {
        const r = await runScenario(provider, scenario, options, mode);
        results[i] = r;
        options.onScenarioDone?.(r);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  const done = results.filter(Boolean);
  return { results: done.filter((r): r is ScenarioResult => !('detector' in r)), detectorResults: done.filter((r): r is DetectorResult => 'detector' in r) };
}
