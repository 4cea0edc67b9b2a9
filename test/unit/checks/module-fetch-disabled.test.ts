import { describe, expect, it } from 'vitest';
import { moduleFetchDisabled } from '../../../engine/checks/module-fetch-disabled.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

const withProxy = (name: string, value: string) => withGoEnv(withEnv(loadSnapshot(name), { GOPROXY: value }), { GOPROXY: value });

describe('module-fetch-disabled (MODULE_FETCH_DISABLED)', () => {
  it('fires on GOPROXY=off', () => {
    const f = only(moduleFetchDisabled(withProxy('linux-debian-copy-usr-local', 'off')), 'MODULE_FETCH_DISABLED');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^Module downloads are turned off \(GOPROXY=off\)/);
    expect(f.evidence).toEqual(['GOPROXY=off (environment)']);
    expect(f.fix).toMatch(/^Unset GOPROXY/);
  });

  it('fires on a GOPROXY list with no entry (",")', () => {
    const f = only(moduleFetchDisabled(withProxy('windows-msi', ',')), 'MODULE_FETCH_DISABLED');
    expect(f.message).toBe('GOPROXY="," has no usable entry.');
  });

  it('tells a setting saved with go env -w to be removed with go env -u', () => {
    const s = withGoEnv(withEnvFile(loadSnapshot('darwin-homebrew'), 'user', 'GOPROXY=off\n'), { GOPROXY: 'off' });
    const f = only(moduleFetchDisabled(s), 'MODULE_FETCH_DISABLED');
    expect(f.evidence).toEqual(['GOPROXY=off (user env file)']);
    expect(f.fix).toBe('go env -u GOPROXY');
  });

  it.each(['direct', 'https://goproxy.corp.example|https://proxy.golang.org,direct', ''])('stays silent on a usable GOPROXY: "%s"', (value) => {
    expect(moduleFetchDisabled(withProxy('linux-debian-golang-go', value))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'windows-goroot-missing'])('stays silent on %s', (name) => {
    expect(moduleFetchDisabled(loadSnapshot(name))).toEqual([]);
  });
});
