import { describe, expect, it } from 'vitest';
import { gopathConflict } from '../../../engine/checks/gopath-conflict.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withGoEnv } from '../snapshot-builders.js';

describe('gopath-conflict (GOPATH_CONFLICT)', () => {
  it('fires when GOPATH is GOROOT', () => {
    const f = only(gopathConflict(withGoEnv(loadSnapshot('linux-debian-golang-go'), { GOPATH: '/usr/lib/go-1.19/' })), 'GOPATH_CONFLICT');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('GOPATH (/usr/lib/go-1.19/) is GOROOT or inside it; go ignores it there and installs could overwrite the toolchain.');
    expect(f.evidence).toEqual(['go env GOPATH: /usr/lib/go-1.19/', 'go env GOROOT: /usr/lib/go-1.19']);
    expect(f.fix).toBe('Unset GOPATH (default: ~/go) or set it outside /usr/lib/go-1.19.');
  });

  it('fires on one entry of a GOPATH list that lies inside GOROOT', () => {
    const f = only(
      gopathConflict(withGoEnv(loadSnapshot('darwin-homebrew'), { GOPATH: '/Users/dev/go:/opt/homebrew/Cellar/go/1.23.4/libexec/work' })),
      'GOPATH_CONFLICT',
    );
    expect(f.message).toMatch(/^GOPATH \(\/opt\/homebrew\/Cellar\/go\/1\.23\.4\/libexec\/work\) is GOROOT/);
  });

  it('compares Windows paths case-insensitively, across slash styles, and splits GOPATH on semicolons', () => {
    const s = withGoEnv(loadSnapshot('windows-msi'), { GOPATH: 'C:\\Users\\dev\\go;c:/program files/go/gopath' });
    const f = only(gopathConflict(s), 'GOPATH_CONFLICT');
    expect(f.message).toMatch(/^GOPATH \(c:\/program files\/go\/gopath\) is GOROOT or inside it/);
    expect(f.fix).toBe('Unset GOPATH (default: ~/go) or set it outside C:\\Program Files\\Go.');
  });

  it('stays silent on a GOPATH that only shares a prefix with GOROOT', () => {
    expect(gopathConflict(withGoEnv(loadSnapshot('linux-debian-copy-usr-local'), { GOPATH: '/usr/local/gopath' }))).toEqual([]);
    expect(gopathConflict(withGoEnv(loadSnapshot('windows-stale-c-go'), { GOPATH: 'C:\\Gopath' }))).toEqual([]);
  });

  it('stays silent on the Windows container layout GOPATH=C:\\go with GOROOT in Program Files', () => {
    expect(gopathConflict(withGoEnv(loadSnapshot('windows-msi'), { GOPATH: 'C:\\go' }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'windows-goroot-missing'])('stays silent on %s', (name) => {
    expect(gopathConflict(loadSnapshot(name))).toEqual([]);
  });
});
