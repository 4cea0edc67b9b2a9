import { describe, expect, it } from 'vitest';
import { goPathShadowed } from '../../../engine/checks/go-path-shadowed.js';
import type { GoCandidate } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, addCandidate, asdfShimSnapshot, loadSnapshot, only } from '../snapshot-builders.js';

const copiedGo = (): GoCandidate => loadSnapshot('linux-debian-copy-usr-local').candidates[0]!;

describe('go-path-shadowed (GO_PATH_SHADOWED)', () => {
  it('fires when an old C:\\Go comes before the current MSI install on a Windows PATH', () => {
    const f = only(goPathShadowed(loadSnapshot('windows-stale-c-go')), 'GO_PATH_SHADOWED');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('C:\\Go\\bin\\go.exe (go1.15.15) shadows C:\\Program Files\\Go\\bin\\go.exe (go1.22.5) later on PATH.');
    expect(f.evidence).toEqual([
      'PATH[0] C:\\Go\\bin\\go.exe → C:\\Go\\bin\\go.exe: go1.15.15',
      'PATH[8] C:\\Program Files\\Go\\bin\\go.exe → C:\\Program Files\\Go\\bin\\go.exe: go1.22.5',
    ]);
    expect(f.fix).toBe(
      'To use C:\\Program Files\\Go\\bin\\go.exe, put C:\\Program Files\\Go\\bin before C:\\Go\\bin on PATH (or uninstall the go in C:\\Go\\bin); to keep C:\\Go\\bin\\go.exe, remove C:\\Program Files\\Go\\bin from PATH.',
    );
  });

  it("fires when Debian's go1.19 shadows a go1.22 tarball later on PATH", () => {
    const s = addCandidate(loadSnapshot('linux-debian-golang-go'), { ...copiedGo(), index: 6, dir: '/usr/local/go/bin' });
    const f = only(goPathShadowed(s), 'GO_PATH_SHADOWED');
    expect(f.message).toBe('/usr/bin/go (go1.19.8) shadows /usr/local/go/bin/go (go1.22.12) later on PATH.');
  });

  it('stays silent on the same toolchain reached twice (/usr/bin/go and /bin/go on merged /usr)', () => {
    expect(goPathShadowed(loadSnapshot('linux-debian-golang-go'))).toEqual([]);
  });

  it('stays silent on a wrapper in front of the same release (Unix script, Windows go.bat beside go.exe)', () => {
    expect(goPathShadowed(loadSnapshot('linux-wrapper-version-lie'))).toEqual([]);
    expect(goPathShadowed(loadSnapshot('windows-bat-shim'))).toEqual([]);
    expect(goPathShadowed(loadSnapshot('windows-bat-shim-version-lie'))).toEqual([]);
  });

  it('ignores later files that are not Go toolchains or cannot run', () => {
    const script: GoCandidate = {
      ...loadSnapshot('linux-wrapper-version-lie').candidates[0]!,
      index: 6,
      dir: '/opt/bin',
      path: '/opt/bin/go',
      realpath: '/opt/bin/go',
    };
    expect(goPathShadowed(addCandidate(loadSnapshot('linux-debian-golang-go'), script))).toEqual([]);
    const stale = { ...copiedGo(), index: 6, executable: false };
    expect(goPathShadowed(addCandidate(loadSnapshot('linux-debian-golang-go'), stale))).toEqual([]);
  });

  describe('a later shim of another version manager (asdf first, goenv second)', () => {
    const goenvShim = (goEnvAnswer: GoCandidate['goEnvAnswer']): GoCandidate => {
      const asdf = asdfShimSnapshot({ resolves: true }).candidates[0]!;
      const p = '/root/.goenv/shims/go';
      return {
        ...asdf,
        dir: '/root/.goenv/shims',
        index: 2,
        path: p,
        realpath: p,
        hops: [{ ...asdf.hops[0]!, path: p }],
        scriptHead: '#!/usr/bin/env bash\nset -e\n...\nexport GOENV_ROOT="/root/.goenv"\nexec "/root/.goenv/libexec/goenv" exec "$program" "$@"\n',
        goEnvAnswer,
      };
    };

    it('fires when the later shim answers go env GOVERSION with another release', () => {
      const s = addCandidate(asdfShimSnapshot({ resolves: true }), goenvShim({ goVersion: 'go1.21.13', goroot: '/root/.goenv/versions/1.21.13' }));
      const f = only(goPathShadowed(s), 'GO_PATH_SHADOWED');
      expect(f.message).toBe('/root/.asdf/shims/go (go1.22.12) shadows /root/.goenv/shims/go (go1.21.13) later on PATH.');
      expect(f.evidence).toEqual([
        'PATH[0] /root/.asdf/shims/go → /root/.asdf/shims/go: go1.22.12',
        'PATH[2] /root/.goenv/shims/go → /root/.goenv/shims/go: go1.21.13 (go env GOVERSION; GOROOT /root/.goenv/versions/1.21.13)',
      ]);
    });

    it('stays silent when it selects the same release, or did not answer', () => {
      expect(
        goPathShadowed(addCandidate(asdfShimSnapshot({ resolves: true }), goenvShim({ goVersion: 'go1.22.12', goroot: '/root/.goenv/versions/1.22.12' }))),
      ).toEqual([]);
      expect(goPathShadowed(addCandidate(asdfShimSnapshot({ resolves: true }), goenvShim(null)))).toEqual([]);
      expect(goPathShadowed(addCandidate(asdfShimSnapshot({ resolves: true }), goenvShim(undefined)))).toEqual([]);
    });
  });

  it.each([...GENUINE_FIXTURES.filter((n) => n !== 'windows-stale-c-go'), 'linux-no-go'])('stays silent on %s', (name) => {
    expect(goPathShadowed(loadSnapshot(name))).toEqual([]);
  });
});
