import { describe, expect, it } from 'vitest';
import { gorootMissing } from '../../../engine/checks/goroot-missing.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withEnv, withEnvFile, withFailedCommand, withGoroot, withGorootParts } from '../snapshot-builders.js';

describe('goroot-missing (GOROOT_MISSING)', () => {
  it('fires when the GOROOT variable names a deleted C:\\Go (Windows, go stops on every command)', () => {
    const f = only(gorootMissing(loadSnapshot('windows-goroot-missing')), 'GOROOT_MISSING');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('The GOROOT in effect (C:\\Go), from the GOROOT environment variable, does not exist.');
    expect(f.evidence).toEqual([
      'C:\\Program Files\\Go\\bin\\go.exe version: exit 2: go: cannot find GOROOT directory: C:\\Go',
      'the GOROOT environment variable: C:\\Go',
      'GOROOT C:\\Go: missing or a dangling/looping symlink',
    ]);
    // `set GOROOT=` lasts one cmd session: on Windows the variable lives in the registry's environment lists.
    expect(f.fix).toMatch(
      /^Delete GOROOT from the Windows environment variables \(System Properties → Environment Variables.*reg delete HKCU\\Environment \/v GOROOT.* go finds its own root without it\.$/,
    );
  });

  it('tells a Linux user to unset the variable', () => {
    const s = variant(loadSnapshot('windows-goroot-missing'), (d) => {
      d.platform.os = 'linux';
    });
    expect(only(gorootMissing(s), 'GOROOT_MISSING').fix).toBe('Unset GOROOT (go finds its own root) or point it at an installed toolchain.');
  });

  it('finds the Windows variable whatever its case (Goroot)', () => {
    const s = withEnv(loadSnapshot('windows-goroot-missing'), { GOROOT: null, Goroot: 'C:\\Go' });
    const f = only(gorootMissing(s), 'GOROOT_MISSING');
    expect(f.message).toBe('The GOROOT in effect (C:\\Go), from the GOROOT environment variable, does not exist.');
    expect(f.evidence).toContain('the GOROOT environment variable: C:\\Go');
  });

  it('explains a trimmed go binary copied out of its GOROOT', () => {
    const msg = "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\n";
    const s = variant(withFailedCommand(loadSnapshot('linux-debian-copy-usr-local'), 'version', msg, 2), (d) => {
      d.goEnv = null;
    });
    const f = only(gorootMissing(s), 'GOROOT_MISSING');
    expect(f.message).toBe('/usr/local/go/bin/go was copied out of its GOROOT; a trimmed go binary cannot find its GOROOT then.');
    expect(f.fix).toBe('Symlink the binary instead of copying it (ln -sf <GOROOT>/bin/go /usr/local/go/bin/go), or set GOROOT.');
  });

  it('points at the user env file when GOROOT was saved there', () => {
    let s = withEnvFile(loadSnapshot('linux-debian-copy-usr-local'), 'user', 'GOROOT=/usr/local/go-1.21\n');
    s = withFailedCommand(s, 'version', 'go: cannot find GOROOT directory: /usr/local/go-1.21\n', 2);
    s = withGoroot(s, { path: '/usr/local/go-1.21', exists: false, realpath: null, parts: {}, binary: null, versionFile: null });
    const f = only(gorootMissing(s), 'GOROOT_MISSING');
    expect(f.message).toBe('The GOROOT in effect (/usr/local/go-1.21), from GOROOT in /root/.config/go/env, does not exist.');
    expect(f.evidence).toContain('GOROOT in /root/.config/go/env: /usr/local/go-1.21');
    expect(f.fix).toBe('Remove the GOROOT line from /root/.config/go/env (go env -u GOROOT fails while it is broken).');
  });

  it('fires on a GOROOT that is a dangling symlink even before go complains', () => {
    const s = withGoroot(loadSnapshot('linux-debian-golang-go'), { exists: false, realpath: null });
    const f = only(gorootMissing(s), 'GOROOT_MISSING');
    expect(f.message).toBe("The GOROOT in effect (/usr/lib/go-1.19), from the go binary's location, does not exist.");
    expect(f.evidence).toEqual(['/usr/lib/go-1.19: does not exist', 'GOROOT /usr/lib/go-1.19: missing or a dangling/looping symlink']);
    expect(f.fix).toBe('Reinstall Go, or repair the symlink that should lead to its GOROOT.');
  });

  it('leaves a trimmed go inside a partial toolchain tree (no pkg/tool) to GOROOT_INCOMPLETE', () => {
    const msg = "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\n";
    const s = variant(
      withFailedCommand(withGorootParts(loadSnapshot('linux-debian-copy-usr-local'), { 'pkg/tool/linux_amd64/compile': false }), 'version', msg, 2),
      (d) => {
        d.goEnv = null;
      },
    );
    expect(gorootMissing(s)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'linux-goroot-other-release', 'darwin-wrong-arch'])('stays silent on %s', (name) => {
    expect(gorootMissing(loadSnapshot(name))).toEqual([]);
  });
});
