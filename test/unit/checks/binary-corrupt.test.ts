import { describe, expect, it } from 'vitest';
import { binaryCorrupt } from '../../../engine/checks/binary-corrupt.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withIdentity } from '../snapshot-builders.js';

const copied = () => loadSnapshot('linux-debian-copy-usr-local');

describe('binary-corrupt (BINARY_CORRUPT)', () => {
  it('fires when the header tables point past the end of the file', () => {
    const s = withIdentity(copied(), 0, { problems: ['truncated'] });
    const f = only(binaryCorrupt(s), 'BINARY_CORRUPT');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go is not a valid executable (truncated).');
    expect(f.evidence[0]).toBe('/usr/local/go/bin/go: elf, 11705424 bytes, truncated');
    expect(f.fix).toMatch(/^Reinstall Go/);
  });

  it('fires when the kernel refuses a binary with ENOEXEC though its header parsed', () => {
    const s = withCommand(copied(), 'version', { exitCode: 126, stdout: '', stderr: '', spawnError: 'spawn /usr/local/go/bin/go ENOEXEC' });
    const f = only(binaryCorrupt(s), 'BINARY_CORRUPT');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go is not a valid executable.');
    expect(f.evidence[1]).toBe('/usr/local/go/bin/go version: could not start: spawn /usr/local/go/bin/go ENOEXEC');
  });

  it('fires when go version dies of a fatal signal without a word (SIGSEGV: exit 139)', () => {
    const s = withCommand(copied(), 'version', { exitCode: 139, stdout: '', stderr: '' });
    const f = only(binaryCorrupt(s), 'BINARY_CORRUPT');
    expect(f.severity).toBe('error');
    expect(f.evidence[1]).toBe('/usr/local/go/bin/go version: exit 139');
  });

  it('fires on a truncated Windows go.exe, naming the backslash path', () => {
    const s = withIdentity(loadSnapshot('windows-msi'), 0, { problems: ['truncated', 'buildinfo-unreadable'] });
    const f = only(binaryCorrupt(s), 'BINARY_CORRUPT');
    expect(f.message).toBe('C:\\Program Files\\Go\\bin\\go.exe is not a valid executable (truncated).');
    expect(f.evidence[0]).toBe('C:\\Program Files\\Go\\bin\\go.exe: pe, 14437888 bytes, truncated');
  });

  it('stays silent when only the build info could not be decoded (old or stripped binaries)', () => {
    expect(binaryCorrupt(withIdentity(copied(), 0, { problems: ['buildinfo-unreadable'] }))).toEqual([]);
  });

  it('stays silent on a script the kernel cannot start (that is GO_NOT_EXECUTABLE)', () => {
    let s = withCommand(loadSnapshot('linux-wrapper-version-lie'), 'version', { exitCode: null, stdout: '', spawnError: 'spawn /usr/local/bin/go ENOEXEC' });
    expect(binaryCorrupt(s)).toEqual([]);
    s = withCommand(loadSnapshot('linux-wrapper-version-lie'), 'version', { exitCode: 139, stdout: '' });
    expect(binaryCorrupt(s)).toEqual([]);
  });

  it('stays silent when go version exits non-zero in the ordinary way, or was killed by our timeout', () => {
    expect(binaryCorrupt(withCommand(copied(), 'version', { exitCode: 2, stdout: '', stderr: 'go: cannot find GOROOT directory: /nope\n' }))).toEqual([]);
    expect(binaryCorrupt(withCommand(copied(), 'version', { exitCode: 137, stdout: '', timedOut: true }))).toEqual([]);
  });

  it('stays silent when nothing answers to go', () => {
    expect(binaryCorrupt(loadSnapshot('linux-no-go'))).toEqual([]);
  });

  it.each(GENUINE_FIXTURES)('stays silent on genuine %s', (name) => {
    expect(binaryCorrupt(loadSnapshot(name))).toEqual([]);
  });
});
