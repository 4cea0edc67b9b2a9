import { describe, expect, it } from 'vitest';
import { go111moduleOff } from '../../../engine/checks/go111module-off.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

describe('go111module-off (GO111MODULE_OFF)', () => {
  it('fires on GO111MODULE=off in the environment', () => {
    const s = withGoEnv(withEnv(loadSnapshot('linux-debian-golang-go'), { GO111MODULE: 'off' }), { GO111MODULE: 'off' });
    const f = only(go111moduleOff(s), 'GO111MODULE_OFF');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^Module mode is off \(GO111MODULE=off\)/);
    expect(f.evidence).toEqual(['GO111MODULE=off (environment)']);
    expect(f.fix).toBe('unset GO111MODULE');
  });

  it('fires on GO111MODULE=off saved with go env -w, and says how to remove it', () => {
    const s = withGoEnv(withEnvFile(loadSnapshot('darwin-pkg-installer'), 'user', 'GO111MODULE=off\n'), { GO111MODULE: 'off' });
    const f = only(go111moduleOff(s), 'GO111MODULE_OFF');
    expect(f.evidence).toEqual(['GO111MODULE=off (user env file)']);
    expect(f.fix).toBe('go env -u GO111MODULE');
  });

  it('reads a Windows variable whatever its case (go111module=off)', () => {
    const s = withGoEnv(withEnv(loadSnapshot('windows-msi'), { go111module: 'off' }), { GO111MODULE: 'off' });
    expect(only(go111moduleOff(s), 'GO111MODULE_OFF').evidence).toEqual(['GO111MODULE=off (environment)']);
  });

  it('stays silent on GO111MODULE=on or auto', () => {
    expect(go111moduleOff(withGoEnv(withEnv(loadSnapshot('linux-debian-golang-go'), { GO111MODULE: 'on' }), { GO111MODULE: 'on' }))).toEqual([]);
    expect(go111moduleOff(withGoEnv(withEnv(loadSnapshot('windows-stale-c-go'), { GO111MODULE: 'auto' }), { GO111MODULE: 'auto' }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(go111moduleOff(loadSnapshot(name))).toEqual([]);
  });
});
