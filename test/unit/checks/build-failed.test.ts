import { describe, expect, it } from 'vitest';
import { buildFailed } from '../../../engine/checks/build-failed.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withFailedCommand } from '../snapshot-builders.js';

describe('build-failed (BUILD_FAILED)', () => {
  it('fires when the hello-world build fails (recorded: GOROOT of another release)', () => {
    const f = only(buildFailed(loadSnapshot('linux-goroot-other-release')), 'BUILD_FAILED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('Building a hello-world program failed.');
    expect(f.evidence).toHaveLength(1);
    expect(f.evidence[0]).toMatch(
      /^\/usr\/bin\/go build -o \/tmp\/goverity-F1v0nUW8\/pure\.bin \.: exit 1: # internal\/goarch \| compile: version "go1\.21\.13" does not match go tool version "go1\.22\.12"/,
    );
    expect(f.fix).toBe('The other findings name the cause and its fix; reinstall Go only when none does (the toolchain itself is damaged).');
  });

  it('fires when the build was never attempted because go did not answer (recorded: wrong-arch Mac)', () => {
    const f = only(buildFailed(loadSnapshot('darwin-wrong-arch')), 'BUILD_FAILED');
    expect(f.message).toBe('go could not be asked to build a program.');
    expect(f.evidence[0]).toBe('build not attempted: go version did not answer');
  });

  it('says the temp dir, not go, stopped the build when the probes could not make one', () => {
    const s = withCommand(withCommand(loadSnapshot('linux-debian-golang-go'), 'buildPure', null), 'runPure', null);
    s.probeErrors = [{ probe: 'tempdir', message: "ENOENT: no such file or directory, mkdtemp '/nonexistent/goverity-XXXXXX'" }];
    const f = only(buildFailed(s), 'BUILD_FAILED');
    expect(f.evidence).toEqual([
      "build not attempted: no temporary directory for the probe programs (ENOENT: no such file or directory, mkdtemp '/nonexistent/goverity-XXXXXX')",
    ]);
  });

  it('fires when the built program runs but does not print what it should', () => {
    const s = withCommand(loadSnapshot('darwin-homebrew'), 'runPure', { stdout: 'hello\n' });
    const f = only(buildFailed(s), 'BUILD_FAILED');
    expect(f.message).toBe('The built program did not run correctly.');
    expect(f.evidence[1]).toMatch(/pure\.bin: exit 0: hello$/);
  });

  it('fires when the built program crashes', () => {
    const s = withFailedCommand(loadSnapshot('windows-msi'), 'runPure', 'Exception 0xc0000005 0x0 0x0 0x7ff6\n', -1073741819);
    const f = only(buildFailed(s), 'BUILD_FAILED');
    expect(f.message).toBe('The built program did not run correctly.');
    expect(f.evidence[1]).toContain('C:\\Users\\dev\\AppData\\Local\\Temp\\goverity-2871404533\\pure.bin.exe: exit -1073741819: Exception 0xc0000005');
  });

  it('fires when the build hangs and was killed', () => {
    const s = withCommand(loadSnapshot('linux-debian-golang-go'), 'buildPure', { exitCode: null, timedOut: true });
    expect(only(buildFailed(s), 'BUILD_FAILED').evidence[0]).toContain(': timed out');
  });

  it('stays silent when nothing answers to go (that is GO_NOT_FOUND)', () => {
    expect(buildFailed(loadSnapshot('linux-no-go'))).toEqual([]);
  });

  it.each(GENUINE_FIXTURES)('stays silent on genuine %s', (name) => {
    expect(buildFailed(loadSnapshot(name))).toEqual([]);
  });
});
