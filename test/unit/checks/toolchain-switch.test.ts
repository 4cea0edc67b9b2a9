import { describe, expect, it } from 'vitest';
import { toolchainSwitch } from '../../../engine/checks/toolchain-switch.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

const switched = () => {
  let s = withCommand(loadSnapshot('linux-debian-copy-usr-local'), 'version', { stdout: 'go version go1.23.4 linux/amd64\n' });
  s = withGoEnv(s, { GOVERSION: 'go1.23.4', GOROOT: '/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64', GOTOOLCHAIN: 'go1.23.4' });
  return s;
};

describe('toolchain-switch (TOOLCHAIN_SWITCH)', () => {
  it('notes GOTOOLCHAIN from the environment running another Go than the local one', () => {
    const f = only(toolchainSwitch(withEnv(switched(), { GOTOOLCHAIN: 'go1.23.4' })), 'TOOLCHAIN_SWITCH');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('go runs go1.23.4 instead of the local go1.22.12 (GOTOOLCHAIN=go1.23.4 from environment).');
    expect(f.evidence).toEqual([
      '/usr/local/go/bin/go version: exit 0: go version go1.23.4 linux/amd64',
      'GOTOOLCHAIN=local /usr/local/go/bin/go version: exit 0: go version go1.22.12 linux/amd64',
      'go env GOROOT: /root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64',
    ]);
    expect(f.fix).toBe('If unintended: unset GOTOOLCHAIN');
  });

  it('suggests go env -u when the pin was saved with go env -w', () => {
    const f = only(toolchainSwitch(withEnvFile(switched(), 'user', 'GOTOOLCHAIN=go1.23.4\n')), 'TOOLCHAIN_SWITCH');
    expect(f.message).toContain('(GOTOOLCHAIN=go1.23.4 from user env file)');
    expect(f.fix).toBe('If unintended: go env -u GOTOOLCHAIN');
  });

  it('has no fix to suggest when go.mod selected the toolchain (GOTOOLCHAIN=auto from go.env)', () => {
    const s = withGoEnv(switched(), { GOTOOLCHAIN: 'auto' });
    const f = only(toolchainSwitch(s), 'TOOLCHAIN_SWITCH');
    expect(f.message).toContain('(GOTOOLCHAIN=auto from GOROOT/go.env)');
    expect(f.fix).toBeNull();
  });

  it('stays silent when one of the two versions is unknown (a command failed)', () => {
    expect(toolchainSwitch(withCommand(switched(), 'versionLocal', { exitCode: 1 }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'linux-wrapper-version-lie', 'windows-bat-shim-version-lie'])('stays silent on %s', (name) => {
    expect(toolchainSwitch(loadSnapshot(name))).toEqual([]);
  });
});
