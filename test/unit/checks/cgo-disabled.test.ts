import { describe, expect, it } from 'vitest';
import { cgoDisabled } from '../../../engine/checks/cgo-disabled.js';
import { loadSnapshot, only, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

describe('cgo-disabled (CGO_DISABLED)', () => {
  it('notes that go turned cgo off by itself (recorded: Debian without gcc)', () => {
    const f = only(cgoDisabled(loadSnapshot('linux-debian-no-cc')), 'CGO_DISABLED');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('cgo is off: go turned it off by itself because no C compiler was found.');
    expect(f.evidence).toEqual(['go env CGO_ENABLED: 0 (not set anywhere)']);
    expect(f.fix).toBeNull();
  });

  it('notes CGO_ENABLED=0 set in the Windows environment', () => {
    const f = only(cgoDisabled(loadSnapshot('windows-msi-nocgo-explicit')), 'CGO_DISABLED');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('cgo is off (CGO_ENABLED=0 from environment).');
    expect(f.evidence).toEqual(['go env CGO_ENABLED: 0 (environment)']);
  });

  it('attributes CGO_ENABLED=0 from go env -w to the user env file', () => {
    const s = withEnvFile(withGoEnv(loadSnapshot('darwin-homebrew'), { CGO_ENABLED: '0' }), 'user', 'CGO_ENABLED=0\n');
    expect(only(cgoDisabled(s), 'CGO_DISABLED').message).toBe('cgo is off (CGO_ENABLED=0 from user env file).');
  });

  it('reads Windows variable names case-insensitively, as go does (Cgo_Enabled)', () => {
    const s = withEnv(loadSnapshot('windows-msi-nocgo-explicit'), { CGO_ENABLED: null, Cgo_Enabled: '0' });
    expect(only(cgoDisabled(s), 'CGO_DISABLED').message).toBe('cgo is off (CGO_ENABLED=0 from environment).');
  });

  it.each([
    'linux-debian-golang-go',
    'linux-gccgo',
    'linux-debian-copy-usr-local',
    'darwin-homebrew',
    'darwin-pkg-installer',
    'windows-stale-c-go',
    'linux-no-go',
  ])('stays silent where cgo is on or go is absent: %s', (name) => {
    expect(cgoDisabled(loadSnapshot(name))).toEqual([]);
  });
});
