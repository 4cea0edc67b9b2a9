import type { Report } from '../../engine/report/build-report.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { BaselineComparison } from '../detectors/compare-baseline.js';
import type { DetectorRun } from '../detectors/detector-result.js';

export const RUN_SCHEMA = 'goverity/run@1';

export interface PhaseTimings {
  buildMs: number;
  startMs: number;
  verifyMs: number;
  stopMs: number;
}

/** agentless: the harness runs the engine against the target through a transport; inside: a bundled engine runs in the target. */
export type EngineMode = 'agentless' | 'inside';

/** One scenario × provider outcome; `error` is set when the harness could not produce a report (build failed...). */
export interface ScenarioResult {
  id: string;
  title: string;
  class: Scenario['class'];
  /** The column it counts under: the provider's name, with `/inside` for inside mode. */
  provider: string;
  mode?: EngineMode;
  seenAt: string[];
  expected: Scenario['expect'];
  report: Report | null;
  pass: boolean;
  why: string[];
  error: { phase: 'load' | 'build' | 'start' | 'verify' | 'stop'; message: string; logTail: string[] } | null;
  timings: PhaseTimings;
  /** Set when this result disagrees with the same scenario on the first provider that ran it. */
  divergence?: { from: string; differences: string[] };
}

export interface RunTotals {
  scenarios: number;
  passed: number;
  failed: number;
  errored: number;
  wallMs: number;
}

export interface RunSummary {
  schema: typeof RUN_SCHEMA;
  runId: string;
  startedAt: string;
  finishedAt: string;
  host: { cores: number; engine: string; node: string };
  selection: { scenario: string | null; provider: string; shard: string | null; concurrency: number; mode?: string };
  /** Providers asked for but unavailable on this machine, and scenarios no selected provider could host, each with why. */
  skipped?: { what: string; why: string }[];
  scenarios: ScenarioResult[];
  totals: RunTotals;
  /** Set when the run scored detectors (`--detector`): each one's results, score and confusion matrix. */
  detectors?: DetectorRun[];
  /** Set with `--baseline`: each detector's results compared with the same detector's in an earlier run. */
  baseline?: BaselineComparison;
}

export function totalsOf(results: ScenarioResult[], wallMs: number): RunTotals {
  return {
    scenarios: results.length,
    passed: results.filter((r) => r.pass).length,
    failed: results.filter((r) => !r.pass && !r.error).length,
    errored: results.filter((r) => !!r.error).length,
    wallMs,
  };
}
