import { describe, expect, it } from 'vitest';
import { confusionCell, confusionMatrix } from '../../../harness/reporters/confusion-matrix.js';
import { sampleRun } from './sample-run.js';

const find = (id: string, provider: string) => sampleRun().scenarios.find((r) => r.id === id && r.provider === provider)!;

describe('confusionMatrix', () => {
  it('counts the sample run, one count per scenario × provider', () => {
    expect(confusionMatrix(sampleRun().scenarios)).toEqual({
      ready: { ready: 2, degraded: 0, broken: 0, absent: 0, error: 0 },
      degraded: { ready: 2, degraded: 1, broken: 0, absent: 0, error: 0 },
      broken: { ready: 0, degraded: 1, broken: 4, absent: 0, error: 2 },
      absent: { ready: 0, degraded: 0, broken: 0, absent: 2, error: 0 },
    });
  });

  it('puts an allowed second verdict on the diagonal', () => {
    // modcache-readonly allows degraded or broken; docker said broken.
    expect(confusionCell(find('modcache-readonly', 'docker'))).toEqual({ expected: 'broken', actual: 'broken' });
  });

  it('puts a disallowed verdict under the first expected one', () => {
    expect(confusionCell(find('modcache-readonly', 'vagrant'))).toEqual({ expected: 'degraded', actual: 'ready' });
  });

  it('counts a result without a report as error, even when the scenario passed nothing', () => {
    expect(confusionCell(find('wrapper-version-lie', 'docker'))).toEqual({ expected: 'broken', actual: 'error' });
    expect(confusionCell(find('goroot-other-release', 'vagrant'))).toEqual({ expected: 'broken', actual: 'error' });
  });
});
