import { describe, expect, it } from 'vitest';
import { toolchainMismatch } from '../../../engine/checks/toolchain-mismatch.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withFailedCommand, withGoroot } from '../snapshot-builders.js';

describe('toolchain-mismatch (TOOLCHAIN_MISMATCH)', () => {
  it('fires when compile inside an agreeing GOROOT is from another release (an install laid over an older one)', () => {
    const s = withCommand(loadSnapshot('linux-debian-copy-usr-local'), 'compileV', { stdout: 'compile version go1.22.11\n' });
    const f = only(toolchainMismatch(s), 'TOOLCHAIN_MISMATCH');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('compile is go1.22.11 but the go command is go1.22.12.');
    expect(f.evidence).toEqual([
      '/usr/local/go/pkg/tool/linux_amd64/compile -V=full: exit 0: compile version go1.22.11',
      'go env GOVERSION: go1.22.12',
      '/usr/local/go/VERSION: go1.22.12',
    ]);
    expect(f.fix).toBe('Remove /usr/local/go and reinstall one release cleanly (never unpack a release over another).');
  });

  it('names both tools on Windows, with Windows paths', () => {
    let s = withCommand(loadSnapshot('windows-msi'), 'compileV', { stdout: 'compile version go1.21.0\n' });
    s = withCommand(s, 'linkV', { stdout: 'link version go1.21.0\n' });
    const f = only(toolchainMismatch(s), 'TOOLCHAIN_MISMATCH');
    expect(f.message).toBe('compile is go1.21.0, link is go1.21.0 but the go command is go1.22.5.');
    expect(f.evidence[0]).toBe('C:\\Program Files\\Go\\pkg\\tool\\windows_amd64\\compile.exe -V=full: exit 0: compile version go1.21.0');
    expect(f.evidence.at(-1)).toBe('C:\\Program Files\\Go\\VERSION: go1.22.5');
  });

  it('reads compile -V=full with experiments or a build ID after the version', () => {
    const s = withCommand(loadSnapshot('darwin-homebrew'), 'linkV', { stdout: 'link version go1.23.2 X:rangefunc\n' });
    expect(only(toolchainMismatch(s), 'TOOLCHAIN_MISMATCH').message).toBe('link is go1.23.2 but the go command is go1.23.4.');
  });

  it('leaves a whole GOROOT of another release to GOROOT_MISMATCH (recorded)', () => {
    expect(toolchainMismatch(loadSnapshot('linux-goroot-other-release'))).toEqual([]);
  });

  it('stays silent when a tool cannot be run, on gccgo, and on development builds', () => {
    expect(toolchainMismatch(withFailedCommand(loadSnapshot('linux-debian-copy-usr-local'), 'compileV', 'permission denied', 126))).toEqual([]);
    expect(toolchainMismatch(loadSnapshot('linux-gccgo'))).toEqual([]);
    let dev = withCommand(loadSnapshot('linux-debian-copy-usr-local'), 'compileV', { stdout: 'compile version devel go1.24-5f9a9b4\n' });
    dev = withGoroot(dev, { versionFile: 'devel go1.24-5f9a9b4' });
    expect(toolchainMismatch(dev)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'windows-goroot-missing', 'darwin-wrong-arch'])('stays silent on %s', (name) => {
    expect(toolchainMismatch(loadSnapshot(name))).toEqual([]);
  });
});
