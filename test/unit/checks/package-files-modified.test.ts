import { describe, expect, it } from 'vitest';
import { packageFilesModified } from '../../../engine/checks/package-files-modified.js';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import { parseVerifyOutput } from '../../../engine/probes/package-verify-probe.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant } from '../snapshot-builders.js';

const DPKG_OUT = '??5??????   /usr/share/go-1.19/src/fmt/print.go\n??5?????? c /etc/golang.conf\nmissing     /usr/share/doc/golang-1.19-go/copyright\n';

function verified(stdout: string, tool: 'dpkg' | 'rpm' = 'dpkg'): FactSnapshot {
  return variant(loadSnapshot('linux-debian-golang-go'), (d) => {
    const command = {
      ...d.commands.version!,
      argv: tool === 'dpkg' ? ['dpkg', '--verify', 'golang-1.19-go', 'golang-1.19-src'] : ['rpm', '-V', 'golang', 'golang-src'],
      stdout,
      stderr: '',
      exitCode: stdout ? 1 : 0,
      envOverrides: {},
    };
    d.packageVerify = { tool, packages: command.argv.slice(2), ...parseVerifyOutput(stdout), command };
  });
}

describe('package-files-modified (PACKAGE_FILES_MODIFIED)', () => {
  it('parses dpkg --verify and rpm -V: digest changes count, configuration files and missing files do not', () => {
    expect(parseVerifyOutput(DPKG_OUT)).toEqual({ changed: ['/usr/share/go-1.19/src/fmt/print.go'], missing: ['/usr/share/doc/golang-1.19-go/copyright'] });
    expect(parseVerifyOutput('S.5....T.    /usr/lib/golang/bin/go\n.M.......    /usr/lib/golang/src\nmissing   d /usr/share/doc/golang\n')).toEqual({
      changed: ['/usr/lib/golang/bin/go'],
      missing: ['/usr/share/doc/golang'],
    });
    expect(parseVerifyOutput('')).toEqual({ changed: [], missing: [] });
  });

  it("leaves an edited $GOROOT/go.env to GOROOT_GOENV_EDITED: settings, not the toolchain's code", () => {
    expect(packageFilesModified(verified('??5??????   /usr/lib/go-1.19/go.env\n'))).toEqual([]);
    const both = only(
      packageFilesModified(verified('??5??????   /usr/lib/go-1.19/go.env\n??5??????   /usr/share/go-1.19/src/fmt/print.go\n')),
      'PACKAGE_FILES_MODIFIED',
    );
    expect(both.message).toContain('1 file of golang-1.19-go, golang-1.19-src no longer matches what dpkg installed: /usr/share/go-1.19/src/fmt/print.go.');
  });

  it('fires on a Debian toolchain file whose content changed, naming the packages and the reinstall; not authentic', () => {
    const s = verified(DPKG_OUT);
    const f = only(packageFilesModified(s), 'PACKAGE_FILES_MODIFIED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('1 file of golang-1.19-go, golang-1.19-src no longer matches what dpkg installed: /usr/share/go-1.19/src/fmt/print.go.');
    expect(f.evidence[0]).toMatch(/^dpkg --verify golang-1\.19-go golang-1\.19-src: exit 1: \?\?5\?\?\?\?\?\? {3}\/usr\/share\/go-1\.19\/src\/fmt\/print\.go/);
    expect(f.evidence[1]).toBe('missing: /usr/share/doc/golang-1.19-go/copyright');
    expect(f.fix).toBe('Find out who changed them, then restore the packages: apt-get install --reinstall golang-1.19-go golang-1.19-src');
    expect(buildReport(s)).toMatchObject({ verdict: 'broken', authentic: false });
  });

  it("leaves a file another installed package vouches for (the same name, the digest it recorded) to TOOLCHAIN_MISMATCH: another release's genuine tool", () => {
    const compile = '/usr/lib/go-1.19/pkg/tool/linux_amd64/compile';
    const s = variant(verified(`??5??????   ${compile}\n`), (d) => {
      d.packageVerify!.vouchedBy = { [compile]: 'golang-1.18-go:/usr/lib/go-1.18/pkg/tool/linux_amd64/compile' };
    });
    expect(packageFilesModified(s)).toEqual([]);
    expect(only(packageFilesModified(verified(`??5??????   ${compile}\n`)), 'PACKAGE_FILES_MODIFIED').message).toContain(compile);
  });

  it('warns, authentic, when the one change is the go binary rebuilt in place by a plain go build of its own release', () => {
    const gobin = '/usr/lib/go-1.19/bin/go';
    // Go 1.22: from 1.21 on a release's cmd/go has -trimpath and make.bash's -gcflags, which a plain go build lacks.
    const rebuilt = (settings: Record<string, string>, version = 'go1.22.12') =>
      variant(verified(`??5??????   ${gobin}\n`), (d) => {
        d.goroot = { ...d.goroot!, binaryPath: gobin, versionFile: 'go1.22.12' };
        d.goroot.binary = { ...d.goroot.binary!, go: { version, path: 'cmd/go', mainModule: null, buildSettings: settings } };
      });
    const plain = rebuilt({ '-buildmode': 'exe', '-compiler': 'gc', CGO_ENABLED: '1', GOARCH: 'amd64', GOOS: 'linux' });
    const f = only(packageFilesModified(plain), 'PACKAGE_FILES_MODIFIED');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(
      /^\/usr\/lib\/go-1\.19\/bin\/go is not the go dpkg installed with golang-1\.19-go: its build info is a local build of cmd\/go go1\.22\.12/,
    );
    expect(buildReport(plain).authentic).toBe(true);
    // Of another release than its GOROOT, or built with a release's own flags to pass for the package's file: tampered.
    const other = rebuilt({ '-buildmode': 'exe', '-compiler': 'gc', CGO_ENABLED: '1', GOARCH: 'amd64', GOOS: 'linux' }, 'go1.22.11');
    expect(only(packageFilesModified(other), 'PACKAGE_FILES_MODIFIED').severity).toBe('error');
    expect(buildReport(other).authentic).toBe(false);
    const releaseLike = variant(plain, (d) => {
      d.goroot!.versionFile = 'go1.22.12';
      d.goroot!.binary!.go = {
        version: 'go1.22.12',
        path: 'cmd/go',
        mainModule: null,
        buildSettings: {
          '-buildmode': 'exe',
          '-compiler': 'gc',
          '-gcflags': 'cmd/...=-dwarf=false',
          '-trimpath': 'true',
          CGO_ENABLED: '0',
          GOARCH: 'amd64',
          GOOS: 'linux',
          GOAMD64: 'v1',
        },
      };
    });
    expect(only(packageFilesModified(releaseLike), 'PACKAGE_FILES_MODIFIED').severity).toBe('error');
  });

  it("fires on rpm -V with dnf's fix", () => {
    const f = only(packageFilesModified(verified('S.5....T.    /usr/lib/golang/bin/go\n', 'rpm')), 'PACKAGE_FILES_MODIFIED');
    expect(f.fix).toBe('Find out who changed them, then restore the packages: dnf reinstall golang golang-src');
  });

  it('stays silent when the database finds nothing changed, or only a configuration file or a missing doc', () => {
    expect(packageFilesModified(verified(''))).toEqual([]);
    expect(packageFilesModified(verified('??5?????? c /etc/golang.conf\nmissing     /usr/share/doc/x\n'))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(packageFilesModified(loadSnapshot(name))).toEqual([]);
  });
});
