import { describe, expect, it } from 'vitest';
import { goPathShadowed } from '../../../engine/checks/go-path-shadowed.js';
import type { GoCandidate } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, addCandidate, loadSnapshot, only } from '../snapshot-builders.js';

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
    expect(f.fix).toBe('To use C:\\Program Files\\Go\\bin\\go.exe, put C:\\Program Files\\Go\\bin before C:\\Go\\bin on PATH (or uninstall the go in C:\\Go\\bin); to keep C:\\Go\\bin\\go.exe, remove C:\\Program Files\\Go\\bin from PATH.');
  });

  it('fires when Debian\'s go1.19 shadows a go1.22 tarball later on PATH', () => {
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
    const script: GoCandidate = { ...loadSnapshot('linux-wrapper-version-lie').candidates[0]!, index: 6, dir: '/opt/bin', path: '/opt/bin/go', realpath: '/opt/bin/go' };
    expect(goPathShadowed(addCandidate(loadSnapshot('linux-debian-golang-go'), script))).toEqual([]);
    const stale = { ...copiedGo(), index: 6, executable: false };
    expect(goPathShadowed(addCandidate(loadSnapshot('linux-debian-golang-go'), stale))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES.filter((n) => n !== 'windows-stale-c-go'), 'linux-no-go'])('stays silent on %s', (name) => {
    expect(goPathShadowed(loadSnapshot(name))).toEqual([]);
  });
});
