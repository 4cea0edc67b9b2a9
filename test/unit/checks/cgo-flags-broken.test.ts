import { describe, expect, it } from 'vitest';
import { cgoFlagsBroken } from '../../../engine/checks/cgo-flags-broken.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withFailedCommand } from '../snapshot-builders.js';

const base = () => loadSnapshot('linux-debian-golang-go');
const LD_FAIL = '# goverity.invalid/cgo\n/usr/bin/ld: cannot find -lgoverity_absent: No such file or directory\ncollect2: error: ld returned 1 exit status\n';

describe('cgo-flags-broken (CGO_FLAGS_BROKEN)', () => {
  it('names the CGO_LDFLAGS value the linker rejects, in its words', () => {
    const s = withFailedCommand(withEnv(base(), { CGO_LDFLAGS: '-lgoverity_absent' }), 'buildCgo', LD_FAIL);
    const f = only(cgoFlagsBroken(s), 'CGO_FLAGS_BROKEN');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'CGO_LDFLAGS="-lgoverity_absent" (environment) is passed to every cgo build and gcc rejects it: "/usr/bin/ld: cannot find -lgoverity_absent: No such file or directory".',
    );
    expect(f.fix).toMatch(/^unset CGO_LDFLAGS, or correct the flags/);
  });

  it('names an option gcc does not know, set in the user env file', () => {
    let s = withEnv(base(), {});
    s = withFailedCommand(s, 'buildCgo', "gcc: error: unrecognized command-line option '-mgoverity'\n");
    s.envFiles.user = { path: '/root/.config/go/env', content: 'CGO_CFLAGS=-O2 -mgoverity\n' };
    expect(only(cgoFlagsBroken(s), 'CGO_FLAGS_BROKEN').fix).toMatch(/^go env -u CGO_CFLAGS/);
  });

  it('stays silent when the failure does not name a set flag, or nothing is set', () => {
    expect(
      cgoFlagsBroken(withFailedCommand(withEnv(base(), { CGO_LDFLAGS: '-lm' }), 'buildCgo', 'fatal error: stdlib.h: No such file or directory\n')),
    ).toEqual([]);
    expect(cgoFlagsBroken(withFailedCommand(base(), 'buildCgo', LD_FAIL))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(cgoFlagsBroken(loadSnapshot(name))).toEqual([]);
  });
});
