import { describe, expect, it } from 'vitest';
import { multipleToolchains } from '../../../engine/checks/multiple-toolchains.js';
import { loadSnapshot, only, withToolchains } from '../snapshot-builders.js';

describe('multiple-toolchains (MULTIPLE_TOOLCHAINS)', () => {
  it('notes two Debian releases side by side (recorded)', () => {
    const f = only(multipleToolchains(loadSnapshot('linux-goroot-other-release')), 'MULTIPLE_TOOLCHAINS');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('2 Go releases are installed: go1.21.13, go1.22.12.');
    expect(f.evidence).toEqual(['/usr/lib/go-1.21: go1.21.13 (debian)', '/usr/lib/go-1.22: go1.22.12 (debian)', '/usr/lib/go: go1.22.12 (distro)']);
    expect(f.fix).toBeNull();
  });

  it('notes the legacy C:\\Go beside the Program Files install', () => {
    const f = only(multipleToolchains(loadSnapshot('windows-stale-c-go')), 'MULTIPLE_TOOLCHAINS');
    expect(f.message).toBe('2 Go releases are installed: go1.22.5, go1.15.15.');
    expect(f.evidence).toContain('C:\\Go: go1.15.15 (msi (legacy C:\\Go))');
  });

  it('does not count one release reached by two roots, nor roots without a version', () => {
    expect(multipleToolchains(loadSnapshot('linux-debian-golang-go'))).toEqual([]);
    const s = withToolchains(loadSnapshot('darwin-homebrew'), [
      { root: '/opt/homebrew/Cellar/go/1.23.4/libexec', version: 'go1.23.4', source: 'homebrew' },
      { root: '/usr/local/go', version: null, source: 'tarball' },
    ]);
    expect(multipleToolchains(s)).toEqual([]);
  });

  it.each(['linux-no-go', 'linux-gccgo', 'darwin-homebrew', 'darwin-pkg-installer', 'windows-msi', 'windows-bat-shim'])('stays silent on %s', (name) => {
    expect(multipleToolchains(loadSnapshot(name))).toEqual([]);
  });
});
