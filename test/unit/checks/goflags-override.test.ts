import { describe, expect, it } from 'vitest';
import { goflagsOverride } from '../../../engine/checks/goflags-override.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

const withFlags = (name: string, flags: string) => withGoEnv(withEnv(loadSnapshot(name), { GOFLAGS: flags }), { GOFLAGS: flags });

describe('goflags-override (GOFLAGS_OVERRIDE)', () => {
  it('warns about flags that change what gets built (GOFLAGS=-mod=vendor)', () => {
    const f = only(goflagsOverride(withFlags('linux-debian-copy-usr-local', '-mod=vendor')), 'GOFLAGS_OVERRIDE');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('GOFLAGS="-mod=vendor" (from environment) applies to every go command and changes what gets built or fetched.');
    expect(f.evidence).toEqual(['GOFLAGS=-mod=vendor (environment)']);
    expect(f.fix).toBe('Unset GOFLAGS and pass such flags per command.');
  });

  it('warns about -tags saved with go env -w on Windows, with the go env -u fix', () => {
    const s = withGoEnv(withEnvFile(loadSnapshot('windows-msi-nocgo-explicit'), 'user', 'GOFLAGS=-tags=integration\r\n'), { GOFLAGS: '-tags=integration' });
    const f = only(goflagsOverride(s), 'GOFLAGS_OVERRIDE');
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual(['GOFLAGS=-tags=integration (user env file)']);
    expect(f.fix).toBe('go env -u GOFLAGS, and pass such flags per command.');
  });

  it.each(['-v', '-modcacherw', '-mod=readonly -trimpath', '-buildvcs=false'])('only notes harmless flags: %s', (flags) => {
    const f = only(goflagsOverride(withFlags('darwin-homebrew', flags)), 'GOFLAGS_OVERRIDE');
    expect(f.severity).toBe('info');
    expect(f.message).toBe(`GOFLAGS="${flags}" (from environment) applies to every go command.`);
    expect(f.fix).toBeNull();
  });

  it('stays silent on an empty GOFLAGS set in the environment', () => {
    expect(goflagsOverride(withFlags('linux-debian-golang-go', ' '))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(goflagsOverride(loadSnapshot(name))).toEqual([]);
  });
});
