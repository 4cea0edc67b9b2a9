import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../harness/reporters/format-duration.js';
import { median, phaseRan, phaseStats } from '../../../harness/reporters/phase-stats.js';
import { sampleRun } from './sample-run.js';

describe('phaseStats', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([])).toBe(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves out the phases after the one that errored', () => {
    const run = sampleRun().scenarios;
    const buildFailed = run.find((r) => r.id === 'wrapper-version-lie' && r.provider === 'docker')!;
    expect(phaseRan(buildFailed, 'build')).toBe(true);
    expect(phaseRan(buildFailed, 'verify')).toBe(false);
    const s = phaseStats(run);
    expect(s.build.count).toBe(14);
    expect(s.start.count).toBe(13);
    expect(s.verify.count).toBe(12);
    expect(s.start.maxMs).toBe(600_000);
    // verify times of the 12 results that got that far, sorted: the middle two are 4022 and 5117.
    expect(s.verify.medianMs).toBe((4022 + 5117) / 2);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [1234, '1.2s'],
    [59_949, '59.9s'],
    [683_608, '11m 24s'],
    [3_780_000, '1h 03m'],
    [-1, '?'],
  ])('%d ms → %s', (ms, s) => expect(formatDuration(ms)).toBe(s));
});
