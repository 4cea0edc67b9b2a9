import { describe, expect, it } from 'vitest';
import { toolchainSwitchFailed } from '../../../engine/checks/toolchain-switch-failed.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withEnv, withEnvFile, withFailedCommand } from '../snapshot-builders.js';

describe('toolchain-switch-failed (TOOLCHAIN_SWITCH_FAILED)', () => {
  it('fires when GOTOOLCHAIN saved with go env -w names a release that cannot be downloaded offline', () => {
    let s = withEnvFile(loadSnapshot('linux-debian-copy-usr-local'), 'user', 'GOTOOLCHAIN=go1.99.0\n');
    s = withFailedCommand(s, 'version', 'go: downloading go1.99.0 (linux/amd64)\ngo: download go1.99.0 for linux/amd64: toolchain not available\n');
    const f = only(toolchainSwitchFailed(s), 'TOOLCHAIN_SWITCH_FAILED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('The toolchain GOTOOLCHAIN selects cannot be run (GOTOOLCHAIN=go1.99.0 from user env file); the local go1.22.12 works.');
    expect(f.evidence).toEqual([
      '/usr/local/go/bin/go version: exit 1: go: downloading go1.99.0 (linux/amd64) | go: download go1.99.0 for linux/amd64: toolchain not available',
      'GOTOOLCHAIN=local /usr/local/go/bin/go version: exit 0: go version go1.22.12 linux/amd64',
    ]);
    expect(f.fix).toBe('GOTOOLCHAIN=local go env -u GOTOOLCHAIN (or install the selected release where go can find it).');
  });

  it('fires on GOTOOLCHAIN=<version>+path when that go is not on a Windows PATH', () => {
    let s = withEnv(loadSnapshot('windows-msi'), { GOTOOLCHAIN: 'go1.23.0+path' });
    s = withFailedCommand(s, 'version', 'go: cannot find "go1.23.0" in PATH\n');
    const f = only(toolchainSwitchFailed(s), 'TOOLCHAIN_SWITCH_FAILED');
    expect(f.message).toBe('The toolchain GOTOOLCHAIN selects cannot be run (GOTOOLCHAIN=go1.23.0+path from environment); the local go1.22.5 works.');
    expect(f.fix).toMatch(/^Unset GOTOOLCHAIN or set it to local/);
  });

  it('fires on an invalid GOTOOLCHAIN value', () => {
    let s = withEnvFile(loadSnapshot('darwin-homebrew'), 'user', 'GOTOOLCHAIN=1.20.2\n');
    s = withFailedCommand(s, 'version', 'go: invalid GOTOOLCHAIN "1.20.2"\n');
    s = withFailedCommand(s, 'versionLocal', 'go: invalid GOTOOLCHAIN "1.20.2"\n');
    const f = only(toolchainSwitchFailed(s), 'TOOLCHAIN_SWITCH_FAILED');
    expect(f.message).toBe('The toolchain GOTOOLCHAIN selects cannot be run (GOTOOLCHAIN=1.20.2 from user env file).');
  });

  it('stays silent when go version fails for another reason, or hung', () => {
    expect(toolchainSwitchFailed(loadSnapshot('windows-goroot-missing'))).toEqual([]);
    expect(
      toolchainSwitchFailed(
        withCommand(loadSnapshot('linux-debian-copy-usr-local'), 'version', {
          exitCode: null,
          timedOut: true,
          stdout: 'go: downloading go1.99.0 (linux/amd64)\n',
        }),
      ),
    ).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'darwin-wrong-arch'])('stays silent on %s', (name) => {
    expect(toolchainSwitchFailed(loadSnapshot(name))).toEqual([]);
  });
});
