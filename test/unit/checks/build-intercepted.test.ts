import { describe, expect, it } from 'vitest';
import { buildIntercepted } from '../../../engine/checks/build-intercepted.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withEnvFile, withFailedCommand } from '../snapshot-builders.js';

const base = () => loadSnapshot('linux-debian-golang-go');

describe('build-intercepted (BUILD_INTERCEPTED)', () => {
  it('is an error quoting go when the -toolexec program breaks every build', () => {
    let s = withEnv(base(), { GOFLAGS: '-toolexec=/opt/tx' });
    s = withFailedCommand(s, 'buildPure', 'go: error obtaining buildID for go tool compile: fork/exec /opt/tx: no such file or directory\n');
    const f = only(buildIntercepted(s), 'BUILD_INTERCEPTED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'GOFLAGS (environment) runs every compiler, assembler and linker call through /opt/tx (-toolexec), and builds fail: "go: error obtaining buildID for go tool compile: fork/exec /opt/tx: no such file or directory".',
    );
    expect(f.fix).toMatch(/^unset GOFLAGS \(or drop -toolexec from it\)/);
  });

  it('warns about an -overlay from the user env file even when builds work', () => {
    const f = only(buildIntercepted(withEnvFile(base(), 'user', 'GOFLAGS=-overlay=/etc/o.json\n')), 'BUILD_INTERCEPTED');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('replaces source files as /etc/o.json lists them (-overlay)');
    expect(f.fix).toMatch(/^go env -u GOFLAGS/);
  });

  it('stays silent on other GOFLAGS', () => {
    expect(buildIntercepted(withEnv(base(), { GOFLAGS: '-mod=vendor -trimpath' }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(buildIntercepted(loadSnapshot(name))).toEqual([]);
  });
});
