import { describe, expect, it } from 'vitest';
import { goexperimentInvalid } from '../../../engine/checks/goexperiment-invalid.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withFailedCommand, withoutGoEnv } from '../snapshot-builders.js';

describe('goexperiment-invalid (GOEXPERIMENT_INVALID)', () => {
  it('quotes go and names where the experiment was set', () => {
    let s = withoutGoEnv(withEnv(loadSnapshot('linux-debian-golang-go'), { GOEXPERIMENT: 'nosuch' }), 'go: unknown GOEXPERIMENT nosuch\n');
    s = withFailedCommand(s, 'version', 'go: unknown GOEXPERIMENT nosuch\n', 2);
    const f = only(goexperimentInvalid(s), 'GOEXPERIMENT_INVALID');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'GOEXPERIMENT=nosuch (environment) names an experiment this go does not have: "go: unknown GOEXPERIMENT nosuch"; every go command fails.',
    );
    expect(f.fix).toMatch(/^unset GOEXPERIMENT;/);
  });

  it('stays silent on a GOEXPERIMENT go accepts', () => {
    expect(goexperimentInvalid(withEnv(loadSnapshot('linux-debian-golang-go'), { GOEXPERIMENT: 'loopvar' }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(goexperimentInvalid(loadSnapshot(name))).toEqual([]);
  });
});
