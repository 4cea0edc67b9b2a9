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
  return cellOf(r.expected.verdict, r.error || !r.report ? 'error' : r.report.verdict);
}

/** The same placement for any verdict against the allowed ones (a detector's answer, `error` when it gave none). */
export function cellOf(allowedVerdicts: Verdict[], actual: ActualColumn): { expected: Verdict; actual: ActualColumn } | null {
  const allowed = actual !== 'error' && allowedVerdicts.includes(actual);
  const expected = allowed ? actual : allowedVerdicts[0];
  return expected ? { expected, actual } : null;
}

export function confusionMatrix(results: ScenarioResult[]): ConfusionMatrix {
  return tallyCells(results.map(confusionCell));
}

export function tallyCells(cells: ({ expected: Verdict; actual: ActualColumn } | null)[]): ConfusionMatrix {
  const m = Object.fromEntries(VERDICTS.map((v) => [v, Object.fromEntries(ACTUAL_COLUMNS.map((c) => [c, 0]))])) as ConfusionMatrix;
  for (const cell of cells) if (cell) m[cell.expected][cell.actual]++;
  return m;
}
