import { describe, expect, it } from 'vitest';
import { binaryWrongArch } from '../../../engine/checks/binary-wrong-arch.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withIdentity } from '../snapshot-builders.js';

describe('binary-wrong-arch (BINARY_WRONG_ARCH)', () => {
  it('fires on an amd64 Mach-O go on an Apple Silicon Mac that cannot run it (recorded macOS layout)', () => {
    const f = only(binaryWrongArch(loadSnapshot('darwin-wrong-arch')), 'BINARY_WRONG_ARCH');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go is a macho binary for darwin/amd64; this machine is darwin/arm64.');
    expect(f.evidence).toEqual([
      '/usr/local/go/bin/go: macho, darwin/amd64, built by go1.22.5',
      '/usr/local/go/bin/go version: could not start: spawn Unknown system error -86',
    ]);
    expect(f.fix).toBe('Install the darwin-arm64 release of Go instead.');
  });

  it('fires on an arm64 ELF go on a linux/amd64 machine that refuses to run it', () => {
    const refused = withCommand(withIdentity(loadSnapshot('linux-debian-copy-usr-local'), 0, { arch: 'arm64' }), 'version', {
      exitCode: 126,
      stdout: '',
      stderr: '',
      spawnError: 'exec /usr/local/go/bin/go: exec format error',
      timedOut: false,
      truncated: false,
    });
    const f = only(binaryWrongArch(refused), 'BINARY_WRONG_ARCH');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go is a elf binary for linux/arm64; this machine is linux/amd64.');
    expect(f.fix).toBe('Install the linux-amd64 release of Go instead.');
  });

  it('says BINARY_EMULATED (info), not BINARY_WRONG_ARCH, when the OS runs the foreign binary anyway (Rosetta, qemu-user)', () => {
    const s = withIdentity(loadSnapshot('linux-debian-copy-usr-local'), 0, { arch: 'arm64' });
    const f = only(binaryWrongArch(s), 'BINARY_EMULATED');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('for linux/arm64; this machine is linux/amd64, and runs under emulation');
    expect(binaryWrongArch(s).map((x) => x.code)).not.toContain('BINARY_WRONG_ARCH');
  });

  it('fires on a binary for another OS on the same architecture (a Linux go.exe copied onto Windows)', () => {
    const s = withIdentity(loadSnapshot('windows-msi'), 0, { format: 'elf', os: 'linux' });
    const f = only(binaryWrongArch(s), 'BINARY_WRONG_ARCH');
    expect(f.message).toContain('for linux/amd64; this machine is windows/amd64');
    expect(f.fix).toBe('Install the windows-amd64 release of Go instead.');
  });

  it("stays silent on a universal (fat) Mach-O that carries the machine's slice", () => {
    const s = withIdentity(loadSnapshot('darwin-homebrew'), 0, { arch: 'amd64,arm64' });
    expect(binaryWrongArch(s)).toEqual([]);
  });

  it('stays silent on scripts and unknown files, which have no architecture', () => {
    expect(binaryWrongArch(loadSnapshot('linux-wrapper-version-lie'))).toEqual([]);
    expect(binaryWrongArch(loadSnapshot('windows-bat-shim'))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(binaryWrongArch(loadSnapshot(name))).toEqual([]);
  });
});
