import { describe, expect, it } from 'vitest';
import { wrapper } from '../../../engine/checks/wrapper.js';
import { GENUINE_FIXTURES, asdfShimSnapshot, loadSnapshot, only, scoopShimSnapshot, variant, withGoroot } from '../snapshot-builders.js';

describe('wrapper (WRAPPER)', () => {
  it('notes a script in front of the real go (recorded), quoting its first lines', () => {
    const f = only(wrapper(loadSnapshot('linux-wrapper-version-lie')), 'WRAPPER');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('/usr/local/bin/go is a script in front of the real go at /usr/lib/go-1.22/bin/go.');
    expect(f.evidence).toEqual([
      'chain: /usr/local/bin/go → /usr/lib/go-1.22/bin/go',
      '/usr/local/bin/go: #!/bin/sh | if [ "$1" = version ]; then echo "go version go1.99.0 linux/amd64"; exit 0; fi | exec /usr/lib/go-1.22/bin/go "$@" | ',
    ]);
    expect(f.fix).toBeNull();
  });

  it('notes a Windows go.bat that PATHEXT runs before go.exe, calling it a script and keeping CR out of the evidence', () => {
    const f = only(wrapper(loadSnapshot('windows-bat-shim')), 'WRAPPER');
    expect(f.message).toBe('C:\\Program Files\\Go\\bin\\go.bat is a script in front of the real go at C:\\Program Files\\Go\\bin\\go.exe.');
    expect(f.evidence[0]).toBe('chain: C:\\Program Files\\Go\\bin\\go.bat → C:\\Program Files\\Go\\bin\\go.exe');
    expect(f.evidence[1]).toBe(
      'C:\\Program Files\\Go\\bin\\go.bat: @echo off | rem Installed by the team dev-setup: runs the go.exe next to this script. | setlocal | "%~dp0go.exe" %*',
    );
  });

  it('is a warning when the wrapper changes what go uses: its go env differs from the real go asked directly', () => {
    const s = variant(loadSnapshot('linux-wrapper-version-lie'), (d) => {
      d.behindWrapper = { binary: '/usr/lib/go-1.22/bin/go', goEnv: { ...d.goEnv! } };
      d.goEnv = { ...d.goEnv!, GOFLAGS: '-toolexec=/opt/spy', GOPROXY: 'https://mirror.invalid' };
    });
    const f = only(wrapper(s), 'WRAPPER');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('/usr/local/bin/go is a script in front of the real go at /usr/lib/go-1.22/bin/go, and it changes what go uses: GOFLAGS, GOPROXY.');
    expect(f.evidence).toContain('go env GOFLAGS: "-toolexec=/opt/spy" through /usr/local/bin/go, "" from /usr/lib/go-1.22/bin/go itself');
    expect(f.fix).toMatch(/^Set GOFLAGS, GOPROXY where you can see it/);
  });

  it('stays info when the real go asked directly reports the same settings', () => {
    const s = variant(loadSnapshot('linux-wrapper-version-lie'), (d) => {
      d.behindWrapper = { binary: '/usr/lib/go-1.22/bin/go', goEnv: { ...d.goEnv! } };
    });
    expect(only(wrapper(s), 'WRAPPER').severity).toBe('info');
  });

  it('stays info when only GOGCCFLAGS differs by its per-run work dir (seen under Wine: go-build<random> in -ffile-prefix-map)', () => {
    const flags = (n: string) => `-m64 -ffile-prefix-map=C:\\users\\root\\AppData\\Local\\Temp\\go-build${n}=/tmp/go-build -gno-record-gcc-switches`;
    const s = variant(loadSnapshot('windows-bat-shim'), (d) => {
      d.behindWrapper = { binary: 'C:\\Program Files\\Go\\bin\\go.exe', goEnv: { ...d.goEnv!, GOGCCFLAGS: flags('4262316011') } };
      d.goEnv = { ...d.goEnv!, GOGCCFLAGS: flags('1170733554') };
    });
    expect(only(wrapper(s), 'WRAPPER').severity).toBe('info');
  });

  it('leaves version-manager shims to SHIM', () => {
    expect(wrapper(asdfShimSnapshot({ resolves: true }))).toEqual([]);
    expect(wrapper(scoopShimSnapshot())).toEqual([]);
  });

  it('stays silent when no real go answers behind the script (that is GO_STUB)', () => {
    expect(wrapper(withGoroot(loadSnapshot('linux-wrapper-version-lie'), { binary: null }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES.filter((n) => n !== 'windows-bat-shim'), 'linux-no-go'])('stays silent on %s', (name) => {
    expect(wrapper(loadSnapshot(name))).toEqual([]);
  });
});
