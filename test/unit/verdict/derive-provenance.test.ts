import { describe, expect, it } from 'vitest';
import { deriveProvenance } from '../../../engine/verdict/derive-provenance.js';
import { asdfShimSnapshot, loadSnapshot, scoopShimSnapshot, variant, withContainer, withIdentity } from '../snapshot-builders.js';

describe('deriveProvenance', () => {
  it.each([
    ['linux-debian-golang-go', 'distro', true],
    ['linux-debian-no-cc', 'distro', true],
    ['linux-gccgo', 'gccgo', true],
    ['linux-debian-copy-usr-local', 'official', true],
    ['linux-wrapper-version-lie', 'wrapper', true],
    ['linux-no-go', 'unknown', true],
    ['darwin-homebrew', 'homebrew', false],
    ['darwin-pkg-installer', 'official', false],
    ['darwin-wrong-arch', 'official', false],
    ['windows-msi', 'official', false],
    ['windows-stale-c-go', 'official', false],
    ['windows-goroot-missing', 'official', false],
    ['windows-bat-shim', 'wrapper', false],
  ] as const)('%s: %s (container %s)', (name, kind, containerized) => {
    expect(deriveProvenance(loadSnapshot(name))).toEqual({ kind, manager: null, container: containerized });
  });

  it('names the version manager a shim belongs to', () => {
    expect(deriveProvenance(asdfShimSnapshot({ resolves: true }))).toEqual({ kind: 'version-manager', manager: 'asdf', container: true });
    expect(deriveProvenance(asdfShimSnapshot({ resolves: false }))).toEqual({ kind: 'version-manager', manager: 'asdf', container: true });
    expect(deriveProvenance(scoopShimSnapshot())).toEqual({ kind: 'version-manager', manager: 'scoop', container: false });
  });

  it('recognises an Intel Homebrew keg through /usr/local/opt/go/libexec', () => {
    const s = variant(loadSnapshot('darwin-pkg-installer'), (d) => {
      d.goroot = { ...d.goroot!, path: '/usr/local/opt/go/libexec', realpath: '/usr/local/Cellar/go/1.22.5/libexec' };
      d.candidates[0]!.realpath = '/usr/local/Cellar/go/1.22.5/libexec/bin/go';
    });
    expect(deriveProvenance(s).kind).toBe('homebrew');
  });

  it('recognises a toolchain bundled with an IDE (GoLand SDK on Windows)', () => {
    const sdk = 'C:\\Users\\dev\\AppData\\Local\\Programs\\GoLand\\go1.22.5';
    const s = variant(loadSnapshot('windows-msi'), (d) => {
      d.candidates[0]!.realpath = `${sdk}\\bin\\go.exe`;
      d.goroot = { ...d.goroot!, path: sdk, realpath: sdk };
    });
    expect(deriveProvenance(s).kind).toBe('ide-bundled');
  });

  it('is unknown for an untrimmed build without a release VERSION file', () => {
    let s = withIdentity(loadSnapshot('linux-debian-copy-usr-local'), 0, {
      go: { version: 'go1.22.12', path: 'cmd/go', mainModule: null, buildSettings: { '-compiler': 'gc' } },
    });
    s = variant(s, (d) => {
      d.goroot = { ...d.goroot!, versionFile: null };
    });
    expect(deriveProvenance(s).kind).toBe('unknown');
  });

  it('calls nothing a wrapper when no real cmd/go stands behind it (a stub script, a Go program installed as go)', () => {
    const stub = variant(loadSnapshot('linux-wrapper-version-lie'), (d) => {
      d.candidates = d.candidates.slice(0, 1);
      d.goEnv = null;
      d.goroot = {
        path: '/usr/local',
        exists: true,
        realpath: '/usr/local',
        versionFile: null,
        parts: {},
        binary: d.candidates[0]!.identity,
        binaryPath: '/usr/local/bin/go',
      };
    });
    expect(deriveProvenance(stub).kind).toBe('unknown');
    const program = { version: 'go1.22.12', path: 'example.com/fakego', mainModule: 'example.com/fakego', buildSettings: { '-compiler': 'gc' } };
    const named = variant(withIdentity(loadSnapshot('linux-debian-copy-usr-local'), 0, { go: program }), (d) => {
      d.goEnv = null;
      d.goroot = {
        path: '/usr/local',
        exists: true,
        realpath: '/usr/local',
        versionFile: null,
        parts: {},
        binary: d.candidates[0]!.identity,
        binaryPath: '/usr/local/bin/go',
      };
    });
    expect(deriveProvenance(named).kind).toBe('unknown');
  });

  it('takes the container flag from the facts alone', () => {
    expect(deriveProvenance(withContainer(loadSnapshot('darwin-homebrew'), true, ['/.dockerenv exists'])).container).toBe(true);
  });
});
