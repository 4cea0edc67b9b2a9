import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RUN_SCHEMA, type RunSummary } from '../runner/run-summary.js';

/** An earlier run to compare detectors with: `results/<run-id>` (or its summary.json); a one-line error says what is wrong. */
export async function loadBaseline(arg: string): Promise<RunSummary> {
  const file = arg.endsWith('.json') ? path.resolve(arg) : path.resolve(arg, 'summary.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`--baseline ${arg}: no ${file} (give a run's results directory, e.g. results/latest)`);
  }
  let s: RunSummary;
  try {
    s = JSON.parse(text) as RunSummary;
  } catch (e) {
    throw new Error(`--baseline ${arg}: ${file} is not JSON (${(e as Error).message})`);
  }
  if (s?.schema !== RUN_SCHEMA) throw new Error(`--baseline ${arg}: ${file} is not a goverity run summary (schema ${RUN_SCHEMA})`);
  if (!Array.isArray(s.detectors) || s.detectors.length === 0)
    throw new Error(`--baseline ${arg}: run ${s.runId} scored no detectors (make the baseline with goverity run --detector ...)`);
  return s;
}
