import type { DetectorResult, DetectorRun } from './detector-result.js';

/** How a result stands, best first: a right verdict, a wrong one, no answer at all. Harness errors don't rank. */
const RANK = { correct: 0, wrong: 1, 'no answer': 2 } as const;
type Standing = keyof typeof RANK;

export interface OutcomeChange {
  detector: string;
  id: string;
  provider: string;
  before: string;
  after: string;
}

export interface BaselineComparison {
  /** The earlier run's directory and id. */
  from: string;
  runId: string;
  /** Results now worse than in the baseline: the run fails on these alone. */
  regressions: OutcomeChange[];
  improvements: OutcomeChange[];
  /** Detector × scenario pairs with nothing to compare to (new scenarios or detectors, harness errors on either side). */
  unmatched: number;
}

function standing(r: DetectorResult): Standing | null {
  if (r.outcome === 'error') return null;
  return r.outcome === 'correct' ? 'correct' : r.answer ? 'wrong' : 'no answer';
}

function describe(r: DetectorResult): string {
  const s = standing(r);
  return s === 'no answer' ? `no answer (${r.why[0]?.replace(/^no answer: /, '') ?? '?'})` : `${s}: ${r.answer?.verdict}`;
}

/**
 * Compares each detector's results with the same detector's on the same scenario and provider in a baseline run.
 * A result is worse when it went from correct to wrong or no answer, or from wrong to no answer; a changed wrong
 * verdict is neither better nor worse.
 */
export function compareBaseline(current: DetectorRun[], baseline: DetectorRun[], from: string, runId: string): BaselineComparison {
  const key = (d: string, r: DetectorResult) => `${d}\u0000${r.id}\u0000${r.provider}`;
  const before = new Map<string, DetectorResult>();
  for (const d of baseline) for (const r of d.results) before.set(key(d.name, r), r);
  const regressions: OutcomeChange[] = [];
  const improvements: OutcomeChange[] = [];
  let unmatched = 0;
  for (const d of current)
    for (const r of d.results) {
      const b = before.get(key(d.name, r));
      const now = standing(r);
      const then = b ? standing(b) : null;
      if (!b || now === null || then === null) {
        unmatched++;
        continue;
      }
      const change = { detector: d.name, id: r.id, provider: r.provider, before: describe(b), after: describe(r) };
      if (RANK[now] > RANK[then]) regressions.push(change);
      else if (RANK[now] < RANK[then]) improvements.push(change);
    }
  return { from, runId, regressions, improvements, unmatched };
}
