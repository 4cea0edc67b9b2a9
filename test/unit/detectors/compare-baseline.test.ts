import { describe, expect, it } from 'vitest';
import { compareBaseline } from '../../../harness/detectors/compare-baseline.js';
import type { DetectorResult, DetectorRun } from '../../../harness/detectors/detector-result.js';
import { scoreDetector } from '../../../harness/detectors/score-detector.js';
import { detectorResult as r } from './detector-results.js';

const run = (name: string, results: DetectorResult[]): DetectorRun => ({
  name,
  description: '',
  spec: `detectors/${name}.json`,
  builtin: null,
  results,
  score: scoreDetector(results),
});
const ready = { verdict: 'ready' as const, codes: [] };
const broken = { verdict: 'broken' as const, codes: [] };
const absent = { verdict: 'absent' as const, codes: [] };

describe('compareBaseline', () => {
  const before = run('mine', [
    r('a', 'genuine', ['ready'], ready),
    r('b', 'broken', ['broken'], broken),
    r('c', 'broken', ['broken'], ready),
    r('d', 'fake', ['broken'], ready),
    r('e', 'broken', ['broken'], absent),
    r('f', 'genuine', ['ready'], ready),
  ]);
  const after = run('mine', [
    r('a', 'genuine', ['ready'], broken), // correct → wrong: worse
    r('b', 'broken', ['broken'], null), // correct → no answer: worse
    r('c', 'broken', ['broken'], broken), // wrong → correct: better
    r('d', 'fake', ['broken'], absent), // wrong → another wrong: neither
    r('e', 'broken', ['broken'], null), // wrong → no answer: worse
    r('f', 'genuine', ['ready'], null, { error: 'start failed: engine gone' }), // harness error: nothing to compare
    r('new', 'genuine', ['ready'], ready), // not in the baseline
  ]);

  it('fails only on results that got worse, and lists the better ones', () => {
    const c = compareBaseline([after], [before], 'results/old', 'old');
    expect(c.regressions.map((x) => [x.id, x.before, x.after])).toEqual([
      ['a', 'correct: ready', 'wrong: broken'],
      ['b', 'correct: broken', 'no answer (did not finish within 3 s and was killed)'],
      ['e', 'wrong: absent', 'no answer (did not finish within 3 s and was killed)'],
    ]);
    expect(c.improvements.map((x) => [x.id, x.before, x.after])).toEqual([['c', 'wrong: ready', 'correct: broken']]);
    expect(c.unmatched).toBe(2);
  });

  it('compares a detector only with the same detector', () => {
    const c = compareBaseline(
      [
        run(
          'other',
          after.results.map((x) => ({ ...x, detector: 'other' })),
        ),
      ],
      [before],
      'results/old',
      'old',
    );
    expect([c.regressions, c.improvements, c.unmatched]).toEqual([[], [], 7]);
  });
});
