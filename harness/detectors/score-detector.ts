import type { Verdict } from '../../engine/verdict/decide-verdict.js';
import { cellOf, tallyCells } from '../reporters/confusion-matrix.js';
import type { DetectorResult, DetectorScore } from './detector-result.js';

const USABLE: Verdict[] = ['ready', 'degraded'];

/** A broken or fake environment reported usable, or a fake one vouched for as authentic. */
export function isMiss(r: DetectorResult): boolean {
  if (r.outcome === 'error' || !r.answer || (r.class !== 'broken' && r.class !== 'fake')) return false;
  const saysUsable = USABLE.includes(r.answer.verdict) && !r.expected.verdict.includes(r.answer.verdict);
  return saysUsable || (r.expected.authentic === false && r.answer.authentic === true);
}

/** A genuine environment reported as something it is not (another verdict, no answer, or not authentic). */
export function isFalseAlarm(r: DetectorResult): boolean {
  if (r.outcome === 'error' || r.class !== 'genuine') return false;
  return r.outcome === 'wrong' || (r.expected.authentic === true && r.answer?.authentic === false);
}

/** Accuracy, false alarms, misses, the confusion matrix and every disagreement of one detector's results. */
export function scoreDetector(results: DetectorResult[]): DetectorScore {
  const scored = results.filter((r) => r.outcome !== 'error');
  const correct = scored.filter((r) => r.outcome === 'correct').length;
  const genuine = scored.filter((r) => r.class === 'genuine');
  const suspect = scored.filter((r) => r.class === 'broken' || r.class === 'fake');
  const alarms = genuine.filter(isFalseAlarm);
  const misses = suspect.filter(isMiss);
  return {
    scored: scored.length,
    correct,
    accuracy: scored.length ? correct / scored.length : 0,
    noAnswer: scored.filter((r) => !r.answer).length,
    errored: results.length - scored.length,
    falseAlarms: { count: alarms.length, of: genuine.length, scenarios: alarms.map((r) => r.id) },
    misses: { count: misses.length, of: suspect.length, scenarios: misses.map((r) => r.id) },
    confusion: tallyCells(scored.map((r) => cellOf(r.expected.verdict, r.answer?.verdict ?? 'error'))),
    disagreements: scored
      .filter((r) => r.outcome === 'wrong' || isFalseAlarm(r) || isMiss(r))
      .map((r) => ({ id: r.id, provider: r.provider, expected: r.expected.verdict, reported: r.answer?.verdict ?? null, why: r.why.join('; ') })),
  };
}
