import type { DetectorAnswer, DetectorResult } from '../../../harness/detectors/detector-result.js';
import { judgeDetectorAnswer } from '../../../harness/detectors/judge-detector-answer.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';
import type { Verdict } from '../../../engine/verdict/decide-verdict.js';

/** A judged detector result for a scenario of `cls` expecting `expected`; `answer` null is a hang with that reason. */
export function detectorResult(
  id: string,
  cls: Scenario['class'],
  expected: Verdict[],
  answer: DetectorAnswer | null,
  o: { authentic?: boolean | null; detector?: string; error?: string } = {},
): DetectorResult {
  const expect = { verdict: expected, codes: [], forbidden: [], ...(o.authentic !== undefined ? { authentic: o.authentic } : {}) };
  const judged = o.error ? { outcome: 'error' as const, why: [o.error] } : judgeDetectorAnswer(expect, answer, 'did not finish within 3 s and was killed');
  return {
    detector: o.detector ?? 'd',
    id,
    title: id,
    class: cls,
    provider: 'docker',
    expected: expect,
    answer: o.error ? null : answer,
    ...judged,
    exitCode: 0,
    stderrTail: [],
    timings: { buildMs: 0, startMs: 1, verifyMs: 2, stopMs: 1 },
  };
}
