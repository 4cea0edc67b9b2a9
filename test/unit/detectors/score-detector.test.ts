import { describe, expect, it } from 'vitest';
import { scoreDetector } from '../../../harness/detectors/score-detector.js';
import { detectorResult as r } from './detector-results.js';

describe('scoreDetector', () => {
  const results = [
    r('genuine-ok', 'genuine', ['ready'], { verdict: 'ready', authentic: true, codes: [] }, { authentic: true }),
    // The seed article's mistake: a genuine Debian layout called fake for its GOROOT's spelling.
    r('genuine-called-fake', 'genuine', ['ready'], { verdict: 'broken', authentic: false, codes: ['GOROOT_MISMATCH'] }, { authentic: true }),
    r('genuine-right-verdict-not-authentic', 'genuine', ['ready'], { verdict: 'ready', authentic: false, codes: [] }, { authentic: true }),
    r('stub-believed', 'fake', ['broken'], { verdict: 'ready', codes: [] }, { authentic: false }),
    r('stub-caught', 'fake', ['broken'], { verdict: 'broken', authentic: false, codes: [] }, { authentic: false }),
    r('broken-hang', 'broken', ['broken'], null),
    r('degraded-called-ready', 'degraded', ['degraded'], { verdict: 'ready', codes: [] }),
    r('image-failed', 'broken', ['broken'], null, { error: 'build failed: no space left' }),
  ];
  const s = scoreDetector(results);

  it('counts verdict accuracy over the scored results, harness errors left out', () => {
    expect([s.correct, s.scored, s.errored, s.noAnswer]).toEqual([3, 7, 1, 1]);
    expect(s.accuracy).toBeCloseTo(3 / 7);
  });

  it('names the false alarms on genuine environments and the misses on broken or fake ones', () => {
    expect(s.falseAlarms).toEqual({ count: 2, of: 3, scenarios: ['genuine-called-fake', 'genuine-right-verdict-not-authentic'] });
    expect(s.misses).toEqual({ count: 1, of: 3, scenarios: ['stub-believed'] });
  });

  it('fills the confusion matrix expected × reported, a missing answer under error', () => {
    expect(s.confusion.ready).toEqual({ ready: 2, degraded: 0, broken: 1, absent: 0, error: 0 });
    expect(s.confusion.broken).toEqual({ ready: 1, degraded: 0, broken: 1, absent: 0, error: 1 });
    expect(s.confusion.degraded).toEqual({ ready: 1, degraded: 0, broken: 0, absent: 0, error: 0 });
  });

  it('lists every disagreement with its reason', () => {
    expect(s.disagreements.map((d) => [d.id, d.reported, d.why])).toEqual([
      ['genuine-called-fake', 'broken', 'expected verdict ready, reported broken; expected authentic true, reported false'],
      ['genuine-right-verdict-not-authentic', 'ready', 'expected authentic true, reported false'],
      ['stub-believed', 'ready', 'expected verdict broken, reported ready'],
      ['broken-hang', null, 'no answer: did not finish within 3 s and was killed'],
      ['degraded-called-ready', 'ready', 'expected verdict degraded, reported ready'],
    ]);
  });

  it('scores nothing as 0 %, not NaN', () => {
    expect(scoreDetector([]).accuracy).toBe(0);
  });
});
