import type { ScenarioResult } from '../runner/run-summary.js';

export type Outcome = 'pass' | 'fail' | 'error';

/** Same partition as `totalsOf`: an error wins over pass/fail. */
export function outcomeOf(r: ScenarioResult): Outcome {
  return r.error ? 'error' : r.pass ? 'pass' : 'fail';
}
