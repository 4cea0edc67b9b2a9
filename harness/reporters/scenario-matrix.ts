import type { ScenarioResult } from '../runner/run-summary.js';

export interface MatrixRow {
  id: string;
  title: string;
  class: ScenarioResult['class'];
  seenAt: string[];
  byProvider: Map<string, ScenarioResult>;
}

/** Scenarios as rows and providers as columns, both in order of first appearance in the run. */
export function scenarioMatrix(results: ScenarioResult[]): { providers: string[]; rows: MatrixRow[] } {
  const providers: string[] = [];
  const rows = new Map<string, MatrixRow>();
  for (const r of results) {
    if (!providers.includes(r.provider)) providers.push(r.provider);
    let row = rows.get(r.id);
    if (!row) rows.set(r.id, (row = { id: r.id, title: r.title, class: r.class, seenAt: r.seenAt, byProvider: new Map() }));
    row.byProvider.set(r.provider, r);
  }
  return { providers, rows: [...rows.values()] };
}
