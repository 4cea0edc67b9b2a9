import { describe, expect, it } from 'vitest';
import { shellGoDiffers } from '../../../engine/checks/shell-go-differs.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { loadSnapshot, only, run } from '../snapshot-builders.js';
import { withLoginShell } from './login-shell-fixtures.js';

describe('shell-go-differs (SHELL_GO_DIFFERS)', () => {
  it('is silent when the login shell resolves the same file, by whatever link', () => {
    expect(run(shellGoDiffers, withLoginShell({}))).toEqual([]);
    expect(run(shellGoDiffers, withLoginShell({ go: { path: '/usr/lib/go-1.19/bin/go', realpath: '/usr/lib/go-1.19/bin/go', version: 'go1.19.8' } }))).toEqual(
      [],
    );
  });

  it('names the go the shell runs, its version from its own bytes, and the profile line that puts it first', () => {
    const s = withLoginShell({
      path: '/opt/go1.21/bin:/usr/local/bin:/usr/bin:/bin',
      go: { path: '/opt/go1.21/bin/go', realpath: '/opt/go1.21/bin/go', version: 'go1.21.13' },
      profileLines: [
        { file: '/root/.profile', line: 9, text: 'mesg n 2> /dev/null || true' },
        { file: '/etc/profile.d/golang.sh', line: 2, text: 'export PATH=/opt/go1.21/bin:$PATH' },
      ],
    });
    const f = only(run(shellGoDiffers, s), 'SHELL_GO_DIFFERS');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Your login shell (/bin/bash -l -i) runs /opt/go1.21/bin/go (go1.21.13), but this process runs /usr/bin/go (go1.19.8): a new terminal and what launched goverity (an IDE, a CI job, a service) use different Go.',
    );
    expect(f.evidence).toContain('/etc/profile.d/golang.sh:2: export PATH=/opt/go1.21/bin:$PATH');
    expect(f.fix).toContain('edit /etc/profile.d/golang.sh:2');
    expect(buildReport(s).verdict).toBe('degraded');
  });

  it('says so when the login shell finds no go at all, with the PATH lines the profiles set', () => {
    const s = withLoginShell({ go: null, profileLines: [{ file: '/root/.bashrc', line: 3, text: 'PATH=/usr/bin:/bin' }] });
    const f = only(run(shellGoDiffers, s), 'SHELL_GO_DIFFERS');
    expect(f.message).toMatch(/runs no go at all, but this process runs \/usr\/bin\/go/);
    expect(f.evidence).toContain('~/.bashrc:3: PATH=/usr/bin:/bin');
  });

  it('judges nothing without --shell, nor when the shell printed nothing (SHELL_PROFILE_FAILED says that)', () => {
    expect(run(shellGoDiffers, loadSnapshot('linux-debian-golang-go'))).toEqual([]);
    expect(run(shellGoDiffers, withLoginShell({ path: null, go: null }, { timedOut: true, exitCode: null }))).toEqual([]);
  });
});
