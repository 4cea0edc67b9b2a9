import { describe, expect, it } from 'vitest';
import { goStub } from '../../../engine/checks/go-stub.js';
import { GENUINE_FIXTURES, asdfShimSnapshot, loadSnapshot, only, variant, withCommand, withIdentity } from '../snapshot-builders.js';

describe('go-stub (GO_STUB)', () => {
  it('fires on a Go program that is not cmd/go (some other tool installed as go)', () => {
    const s = withIdentity(loadSnapshot('linux-debian-copy-usr-local'), 0, {
      go: { version: 'go1.22.12', path: 'github.com/acme/hello', mainModule: 'github.com/acme/hello', buildSettings: {} },
    });
    const f = only(goStub(s), 'GO_STUB');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go is a Go program (github.com/acme/hello), not the go command.');
    expect(f.evidence).toEqual(['/usr/local/go/bin/go: elf, Go build info: go1.22.12 path=github.com/acme/hello']);
    expect(f.fix).toMatch(/install a real Go toolchain/);
  });

  it('fires on a fake go script with no toolchain behind it (go env answers no JSON)', () => {
    const fake = '#!/bin/sh\necho "go version go1.22.5 linux/amd64"\n';
    const s = variant(loadSnapshot('linux-wrapper-version-lie'), (d) => {
      d.candidates = d.candidates.slice(0, 1);
      d.candidates[0]!.scriptHead = fake;
      for (const c of Object.values(d.commands)) c.stdout = 'go version go1.22.5 linux/amd64\n';
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
    const f = only(goStub(s), 'GO_STUB');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/bin/go is a script that does not act as the go command (no real toolchain answers behind it).');
    expect(f.evidence).toEqual([
      '/usr/local/bin/go: script, no Go build info',
      '/usr/local/bin/go version: exit 0: go version go1.22.5 linux/amd64',
      '/usr/local/bin/go env -json: exit 0: go version go1.22.5 linux/amd64',
    ]);
  });

  it('fires on a Windows go.bat that only echoes a version, calling it a script', () => {
    const s = variant(loadSnapshot('windows-bat-shim'), (d) => {
      d.candidates[0]!.scriptHead = '@echo off\r\necho go version go1.22.5 windows/amd64\r\n';
      for (const c of Object.values(d.commands)) c.stdout = 'go version go1.22.5 windows/amd64\r\n';
      d.goEnv = null;
    });
    const f = only(goStub(s), 'GO_STUB');
    expect(f.message).toBe('C:\\Program Files\\Go\\bin\\go.bat is a script that does not act as the go command (no real toolchain answers behind it).');
    expect(f.evidence[0]).toBe('C:\\Program Files\\Go\\bin\\go.bat: unknown, no Go build info');
  });

  it('stays silent on a wrapper with a real cmd/go behind it (recorded), and on a go.bat forwarding to go.exe', () => {
    expect(goStub(loadSnapshot('linux-wrapper-version-lie'))).toEqual([]);
    expect(goStub(loadSnapshot('windows-bat-shim'))).toEqual([]);
    expect(goStub(loadSnapshot('windows-bat-shim-version-lie'))).toEqual([]);
  });

  it('leaves a version-manager shim that cannot resolve to SHIM_UNRESOLVED', () => {
    expect(goStub(asdfShimSnapshot({ resolves: false }))).toEqual([]);
    expect(goStub(asdfShimSnapshot({ resolves: true }))).toEqual([]);
  });

  it('fires on a failing stub whose text names a manager when no such manager is on disk (words change nothing)', () => {
    const s = variant(asdfShimSnapshot({ resolves: false }), (d) => {
      d.managers = [];
      d.toolchains = [];
    });
    const f = only(goStub(s), 'GO_STUB');
    expect(f.message).toBe('/root/.asdf/shims/go is a script that does not act as the go command (no real toolchain answers behind it).');
  });

  it('fires on a script that hangs with no toolchain behind it (PROBE_TIMEOUT says it hung; this says it never acts as go)', () => {
    const s = variant(withCommand(loadSnapshot('linux-wrapper-version-lie'), 'version', { exitCode: null, stdout: '', timedOut: true }), (d) => {
      d.goEnv = null;
      d.commands.envJson = { ...d.commands.envJson!, exitCode: null, stdout: '', timedOut: true };
    });
    const f = only(goStub(s), 'GO_STUB');
    expect(f.evidence).toEqual([
      '/usr/local/bin/go: script, no Go build info',
      '/usr/local/bin/go version: timed out',
      '/usr/local/bin/go env -json: timed out',
    ]);
  });

  it('does not call a foreign or damaged binary a stub (other checks say what it is)', () => {
    expect(goStub(loadSnapshot('darwin-wrong-arch'))).toEqual([]);
    expect(goStub(withIdentity(loadSnapshot('linux-debian-copy-usr-local'), 0, { go: null, problems: ['truncated'] }))).toEqual([]);
  });

  it('leaves a script the OS would not start (missing #! interpreter) to GO_NOT_EXECUTABLE', () => {
    const s = variant(loadSnapshot('linux-wrapper-version-lie'), (d) => {
      d.candidates = d.candidates.slice(0, 1);
      d.candidates[0]!.identity = { ...d.candidates[0]!.identity!, interpreter: '/bin/zsh' };
      const failed = {
        exitCode: 127,
        stdout: '',
        stderr: "timeout: failed to run command '/usr/local/bin/go': No such file or directory\n",
        spawnError: "timeout: failed to run command '/usr/local/bin/go': No such file or directory",
      };
      for (const k of ['version', 'versionLocal', 'envJson', 'buildPure'] as const) d.commands[k] = { ...d.commands[k]!, ...failed };
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
    expect(goStub(s)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'windows-goroot-missing'])('stays silent on %s', (name) => {
    expect(goStub(loadSnapshot(name))).toEqual([]);
  });
});
