import { describe, expect, it } from 'vitest';
import { cgoToolchainMissing } from '../../../engine/checks/cgo-toolchain-missing.js';
import { loadSnapshot, only, withCc, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

describe('cgo-toolchain-missing (CGO_TOOLCHAIN_MISSING)', () => {
  it('fires when go silently turned cgo off for lack of gcc (recorded Debian), with the Debian fix', () => {
    const f = only(cgoToolchainMissing(loadSnapshot('linux-debian-no-cc')), 'CGO_TOOLCHAIN_MISSING');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^No C compiler \(gcc\) is installed, so go silently builds without cgo/);
    expect(f.evidence).toEqual(['go env CC: gcc', 'go env CGO_ENABLED: 0', 'gcc: not found on PATH']);
    expect(f.fix).toMatch(/apt-get install gcc libc6-dev/);
  });

  it('fires on a fresh Windows MSI install (no gcc), with a Windows fix', () => {
    const f = only(cgoToolchainMissing(loadSnapshot('windows-msi')), 'CGO_TOOLCHAIN_MISSING');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^No C compiler \(gcc\) is installed/);
    expect(f.fix).toMatch(/MSYS2 mingw-w64 gcc/);
  });

  it('fires when cgo is forced on but CC is not on PATH, naming where CGO_ENABLED came from', () => {
    const s = withCc(withEnv(withGoEnv(loadSnapshot('linux-debian-golang-go'), { CGO_ENABLED: '1' }), { CGO_ENABLED: '1' }), { name: 'gcc', path: null });
    const f = only(cgoToolchainMissing(s), 'CGO_TOOLCHAIN_MISSING');
    expect(f.message).toBe('cgo is on but the C compiler go env CC names (gcc) is not on PATH.');
    expect(f.evidence[1]).toBe('go env CGO_ENABLED: 1 (environment)');
  });

  it('fires on a Mac without clang, suggesting the Command Line Tools', () => {
    const s = withCc(withGoEnv(loadSnapshot('darwin-pkg-installer'), { CGO_ENABLED: '0' }), { name: 'clang', path: null });
    const f = only(cgoToolchainMissing(s), 'CGO_TOOLCHAIN_MISSING');
    expect(f.message).toMatch(/No C compiler \(clang\)/);
    expect(f.fix).toBe('xcode-select --install (or set CGO_ENABLED=0 deliberately).');
  });

  it('stays silent when CGO_ENABLED=0 was set on purpose (environment or go env -w)', () => {
    expect(cgoToolchainMissing(loadSnapshot('windows-msi-nocgo-explicit'))).toEqual([]);
    expect(cgoToolchainMissing(withEnvFile(loadSnapshot('windows-msi'), 'user', 'CGO_ENABLED=0\r\n'))).toEqual([]);
  });

  it('stays silent when a Windows user spelled the variable in mixed case (Windows variables are case-insensitive)', () => {
    const s = withEnv(loadSnapshot('windows-msi'), { Cgo_Enabled: '0' });
    expect(cgoToolchainMissing(s)).toEqual([]);
  });

  it('stays silent when go env did not answer (nothing to compare)', () => {
    expect(cgoToolchainMissing(loadSnapshot('windows-goroot-missing'))).toEqual([]);
  });

  it.each([
    'linux-debian-golang-go',
    'linux-gccgo',
    'linux-debian-copy-usr-local',
    'darwin-homebrew',
    'darwin-pkg-installer',
    'windows-stale-c-go',
    'windows-bat-shim',
    'linux-no-go',
  ])('stays silent where a C compiler is found or cgo is deliberately off: %s', (name) => {
    expect(cgoToolchainMissing(loadSnapshot(name))).toEqual([]);
  });
});
