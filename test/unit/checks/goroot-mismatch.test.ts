import { describe, expect, it } from 'vitest';
import { gorootMismatch } from '../../../engine/checks/goroot-mismatch.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withEnv, withEnvFile, withFailedCommand, withGoroot } from '../snapshot-builders.js';

describe('goroot-mismatch (GOROOT_MISMATCH)', () => {
  it('fires when GOROOT holds another release (recorded: GOROOT=/usr/lib/go-1.21 with go 1.22)', () => {
    const f = only(gorootMismatch(loadSnapshot('linux-goroot-other-release')), 'GOROOT_MISMATCH');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('GOROOT /usr/lib/go-1.21 holds go1.21.13, but the go command is go1.22.12.');
    expect(f.evidence.slice(0, 3)).toEqual([
      '/usr/lib/go-1.21/VERSION: go1.21.13',
      'go env GOVERSION: go1.22.12; build info of /usr/lib/go-1.22/bin/go: go1.22.12',
      'GOROOT set by environment: /usr/lib/go-1.21',
    ]);
    expect(f.evidence[3]).toContain('compile: version "go1.21.13" does not match go tool version "go1.22.12"');
    expect(f.fix).toMatch(/^Unset GOROOT/);
  });

  it('tells a Windows user to delete the variable from the environment lists, not a shell profile', () => {
    const s = variant(loadSnapshot('linux-goroot-other-release'), (d) => {
      d.platform.os = 'windows';
    });
    const f = only(gorootMismatch(s), 'GOROOT_MISMATCH');
    expect(f.fix).toMatch(/^Delete GOROOT from the Windows environment variables .* The go command finds its own root\.$/);
    expect(f.fix).not.toMatch(/shell profile/);
  });

  it('tells a GOROOT saved with go env -w to be removed with go env -u', () => {
    const s = withEnvFile(withEnv(loadSnapshot('linux-goroot-other-release'), { GOROOT: null }), 'user', 'GOROOT=/usr/lib/go-1.21\n');
    const f = only(gorootMismatch(s), 'GOROOT_MISMATCH');
    expect(f.evidence).toContain('GOROOT set by user env file: /usr/lib/go-1.21');
    expect(f.fix).toBe('Run `go env -u GOROOT`.');
  });

  it('fires on go\'s own "does not match go tool version" when GOROOT has no VERSION file', () => {
    const s = withGoroot(loadSnapshot('linux-goroot-other-release'), { versionFile: null, binary: null });
    const f = only(gorootMismatch(s), 'GOROOT_MISMATCH');
    expect(f.message).toBe('GOROOT /usr/lib/go-1.21 holds go1.21.13, but the go command is go1.22.12.');
    expect(f.evidence[0]).toBe('/usr/lib/go-1.21/VERSION: (absent)');
  });

  it('fires on a Windows GOROOT variable pointing at an older install, spelling the VERSION path the Windows way', () => {
    const s = variant(withEnv(loadSnapshot('windows-msi'), { GOROOT: 'C:\\Program Files\\Go' }), (d) => {
      d.goroot!.versionFile = 'go1.21.13';
    });
    const f = only(gorootMismatch(s), 'GOROOT_MISMATCH');
    expect(f.message).toBe('GOROOT C:\\Program Files\\Go holds go1.21.13, but the go command is go1.22.5.');
    expect(f.evidence[0]).toBe('C:\\Program Files\\Go\\VERSION: go1.21.13');
    expect(f.evidence[2]).toBe('GOROOT set by environment: C:\\Program Files\\Go');
  });

  it('stays silent on development builds, whose VERSION is not a release', () => {
    const s = withGoroot(loadSnapshot('linux-debian-copy-usr-local'), { versionFile: 'devel go1.24-5f9a9b4 Tue Nov 5 2024' });
    expect(gorootMismatch(s)).toEqual([]);
  });

  it('stays silent when GOROOT does not exist (GOROOT_MISSING) and on gccgo', () => {
    expect(gorootMismatch(loadSnapshot('windows-goroot-missing'))).toEqual([]);
    expect(gorootMismatch(loadSnapshot('linux-gccgo'))).toEqual([]);
  });

  it('leaves compile skew inside a GOROOT of the right release to TOOLCHAIN_MISMATCH (tool-skew)', () => {
    const out = '# internal/goarch\ncompile: version "go1.21.13" does not match go tool version "go1.22.12"\n';
    const s = withFailedCommand(loadSnapshot('linux-debian-copy-usr-local'), 'buildPure', out, 1);
    expect(gorootMismatch(s)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'linux-wrapper-version-lie'])('stays silent on %s', (name) => {
    expect(gorootMismatch(loadSnapshot(name))).toEqual([]);
  });
});
