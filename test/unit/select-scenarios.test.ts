import { describe, expect, it } from 'vitest';
import { globMatcher, parseShard, selectScenarios } from '../../harness/runner/select-scenarios.js';
import type { Scenario } from '../../harness/scenarios/scenario.js';

const ids = ['debian-golang-go', 'goroot-dangling-symlink', 'goroot-other-release', 'no-go', 'stub-script', 'wrapper-version-lie', 'asdf-resolves'];
const scenarios = ids.map((id) => ({ id }) as Scenario);

describe('scenario selection', () => {
  it('matches shell-style globs and comma-separated alternatives against ids', () => {
    const m = globMatcher('goroot-*,no-go');
    expect(ids.filter(m)).toEqual(['goroot-dangling-symlink', 'goroot-other-release', 'no-go']);
    expect(ids.filter(globMatcher('*-go'))).toEqual(['debian-golang-go', 'no-go']);
    expect(ids.filter(globMatcher('no-g?'))).toEqual(['no-go']);
  });

  it('treats regex characters in a glob literally', () => {
    expect(globMatcher('debian.golang-go')('debian-golang-go')).toBe(false);
  });

  it('splits into shards that cover every scenario exactly once', () => {
    const shards = [1, 2, 3].map((k) => selectScenarios(scenarios, null, { index: k, count: 3 }).map((s) => s.id));
    expect(shards.flat().sort()).toEqual([...ids].sort());
    expect(new Set(shards.flat()).size).toBe(ids.length);
    expect(shards[0]).toEqual(['asdf-resolves', 'goroot-other-release', 'wrapper-version-lie']);
  });

  it('applies the glob before sharding, so shards of a selection stay disjoint', () => {
    const a = selectScenarios(scenarios, 'goroot-*', { index: 1, count: 2 }).map((s) => s.id);
    const b = selectScenarios(scenarios, 'goroot-*', { index: 2, count: 2 }).map((s) => s.id);
    expect([a, b]).toEqual([['goroot-dangling-symlink'], ['goroot-other-release']]);
  });

  it('rejects malformed shards with a reason', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('0/3')).toBe('--shard 0/3: K must be between 1 and N');
    expect(parseShard('4/3')).toBe('--shard 4/3: K must be between 1 and N');
    expect(parseShard('two')).toBe('--shard takes K/N (e.g. 1/3), not "two"');
  });
});
