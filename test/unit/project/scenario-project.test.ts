import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../harness/scenarios/load-scenarios.js';

const scenario = (extra: Record<string, unknown>) =>
  JSON.stringify({ id: 'p', title: 't', class: 'broken', breaks: 'b', image: { from: 'go-1.22' }, expect: { verdict: ['broken'], codes: [] }, ...extra });

describe("a scenario's project directory", () => {
  it('is read when absolute, and absent when not given', () => {
    expect(parseScenario('/s/p.json', scenario({ project: '/work/app' })).project).toBe('/work/app');
    expect(parseScenario('/s/p.json', scenario({})).project).toBeUndefined();
  });

  it('is refused, naming the field, when relative or not a string', () => {
    expect(() => parseScenario('/s/p.json', scenario({ project: 'work/app' }))).toThrow(/project.*must be an absolute path inside the image/);
    expect(() => parseScenario('/s/p.json', scenario({ project: 3 }))).toThrow(/project: must be string/);
  });
});
