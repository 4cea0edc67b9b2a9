import { describe, expect, it } from 'vitest';
import { targetPlatformForeign } from '../../../engine/checks/target-platform-foreign.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withEnv, withGoEnv } from '../snapshot-builders.js';

const base = () => loadSnapshot('linux-debian-golang-go');
const execFormat = { exitCode: null as unknown as number, stdout: '', stderr: '', spawnError: 'exec format error' };

describe('target-platform-foreign (TARGET_PLATFORM_FOREIGN)', () => {
  it('names GOARCH from the environment when the built program cannot run', () => {
    const s = withCommand(withGoEnv(withEnv(base(), { GOARCH: 'arm64' }), { GOARCH: 'arm64' }), 'runPure', execFormat);
    const f = only(targetPlatformForeign(s), 'TARGET_PLATFORM_FOREIGN');
    expect(f.severity).toBe('error');
    expect(f.message).toBe("GOARCH=arm64 is set in your environment: binaries you build won't run here (linux/amd64), and go run and go test fail.");
    expect(f.fix).toBe('unset GOARCH; set it per command when you mean to cross-compile (e.g. GOARCH=arm64 go build).');
  });

  it('names GOAMD64 when the program says the CPU is below its level', () => {
    let s = withEnv(base(), { GOAMD64: 'v4' });
    s = withCommand(withGoEnv(s, { GOAMD64: 'v4' }), 'runPure', {
      exitCode: 1,
      stdout: '',
      stderr: 'This program can only be run on AMD64 processors with v4 microarchitecture support.\n',
    });
    expect(only(targetPlatformForeign(s), 'TARGET_PLATFORM_FOREIGN').message).toMatch(/^GOAMD64=v4 is set in your environment: .*a CPU below amd64 v4/);
  });

  it('stays silent when a foreign GOARCH still runs (386 on amd64), or GOAMD64=v2 runs', () => {
    expect(targetPlatformForeign(withGoEnv(withEnv(base(), { GOARCH: '386' }), { GOARCH: '386' }))).toEqual([]);
    expect(targetPlatformForeign(withGoEnv(withEnv(base(), { GOAMD64: 'v2' }), { GOAMD64: 'v2' }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(targetPlatformForeign(loadSnapshot(name))).toEqual([]);
  });
});
