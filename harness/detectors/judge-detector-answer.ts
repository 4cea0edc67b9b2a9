import type { Scenario } from '../scenarios/scenario.js';
import type { DetectorAnswer, DetectorOutcome } from './detector-result.js';

/** correct when the verdict is one the scenario allows; every reason names what was expected and what was said. */
export function judgeDetectorAnswer(
  expect: Scenario['expect'],
  answer: DetectorAnswer | null,
  problem: string | null,
): { outcome: DetectorOutcome; why: string[] } {
  if (!answer) return { outcome: 'wrong', why: [`no answer: ${problem ?? 'nothing said'}`] };
  const why: string[] = [];
  if (!expect.verdict.includes(answer.verdict)) why.push(`expected verdict ${expect.verdict.join(' or ')}, reported ${answer.verdict}`);
  const outcome: DetectorOutcome = why.length ? 'wrong' : 'correct';
  // authentic is scored apart from the verdict (false alarms, misses), so a wrong one is noted, not made an error.
  if (answer.authentic !== undefined && expect.authentic !== undefined && answer.authentic !== expect.authentic)
    why.push(`expected authentic ${expect.authentic}, reported ${answer.authentic}`);
  return { outcome, why };
}
