import type { PhaseTimings, ScenarioResult } from '../runner/run-summary.js';

export const PHASES = ['build', 'start', 'verify', 'stop'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_KEY: Record<Phase, keyof PhaseTimings> = { build: 'buildMs', start: 'startMs', verify: 'verifyMs', stop: 'stopMs' };

export interface PhaseStat {
  /** How many results the phase ran for. */
  count: number;
  medianMs: number;
  maxMs: number;
}

const ORDER = ['load', ...PHASES];

/** Phases after the one that errored never ran; their 0 ms would drag the median down, so they are left out. */
export function phaseRan(r: ScenarioResult, phase: Phase): boolean {
  return !r.error || ORDER.indexOf(phase) <= ORDER.indexOf(r.error.phase);
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function phaseStats(results: ScenarioResult[]): Record<Phase, PhaseStat> {
  const out = {} as Record<Phase, PhaseStat>;
  for (const phase of PHASES) {
    const values = results.filter((r) => phaseRan(r, phase)).map((r) => r.timings[PHASE_KEY[phase]]);
    out[phase] = { count: values.length, medianMs: median(values), maxMs: values.length ? Math.max(...values) : 0 };
  }
  return out;
}

export function totalMs(t: PhaseTimings): number {
  return t.buildMs + t.startMs + t.verifyMs + t.stopMs;
}
