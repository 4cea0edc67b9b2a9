import type { Verdict } from '../../engine/verdict/decide-verdict.js';
import type { ScenarioResult } from '../runner/run-summary.js';

export const VERDICTS: Verdict[] = ['ready', 'degraded', 'broken', 'absent'];
export type ActualColumn = Verdict | 'error';
export const ACTUAL_COLUMNS: ActualColumn[] = [...VERDICTS, 'error'];

export type ConfusionMatrix = Record<Verdict, Record<ActualColumn, number>>;

/**
 * Where one result counts: with several allowed verdicts, under the actual one when it is allowed
 * (so the diagonal holds every verdict-correct result), else under the first expected.
 */
export function confusionCell(r: ScenarioResult): { expected: Verdict; actual: ActualColumn } | null {
  const actual: ActualColumn = r.error || !r.report ? 'error' : r.report.verdict;
  const allowed = actual !== 'error' && r.expected.verdict.includes(actual);
  const expected = allowed ? actual : r.expected.verdict[0];
  return expected ? { expected, actual } : null;
}

export function confusionMatrix(results: ScenarioResult[]): ConfusionMatrix {
  const m = Object.fromEntries(VERDICTS.map((v) => [v, Object.fromEntries(ACTUAL_COLUMNS.map((c) => [c, 0]))])) as ConfusionMatrix;
  for (const r of results) {
    const cell = confusionCell(r);
    if (cell) m[cell.expected][cell.actual]++;
  }
  return m;
}
