import { describe, expect, it } from 'vitest';
import { goNotExecutable } from '../../../engine/checks/go-not-executable.js';
import type { GoCandidate } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, addCandidate, loadSnapshot, only, variant, withCandidate, withCommand, withIdentity } from '../snapshot-builders.js';

/** A plain file named go without exec bits, e.g. a download never chmod'ed. */
function noExec(path: string, index: number): GoCandidate {
  return {
    dir: path.slice(0, path.lastIndexOf('/')),
    index,
    path,
    executable: false,
    hops: [{ path, type: 'file', via: 'path', mode: 0o644, size: 11705424 }],
    realpath: path,
    identity: null,
    scriptHead: null,
  };
}

describe('go-not-executable (GO_NOT_EXECUTABLE)', () => {
  it('warns about a go without exec bits that the shell skips in favour of a later one', () => {
    const s = addCandidate(loadSnapshot('linux-debian-golang-go'), noExec('/usr/local/bin/go', 1));
    const f = only(goNotExecutable(s), 'GO_NOT_EXECUTABLE');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('/usr/local/bin/go has no execute permission, so the shell skips it and runs /usr/bin/go instead.');
    expect(f.evidence).toEqual(['/usr/local/bin/go: mode 644']);
    expect(f.fix).toBe('chmod +x /usr/local/bin/go, or remove it from PATH.');
  });

  it('is an error when no go on PATH can be executed at all', () => {
    const s = variant(withCandidate(loadSnapshot('linux-debian-copy-usr-local'), 0, noExec('/usr/local/go/bin/go', 0)), (d) => {
      d.commands = {};
      d.goEnv = null;
    });
    const f = only(goNotExecutable(s), 'GO_NOT_EXECUTABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go is on PATH but has no execute permission.');
  });

  it('is an error when the OS refuses to start the first go (noexec mount: EACCES)', () => {
    const s = withCommand(loadSnapshot('linux-debian-copy-usr-local'), 'version', {
      exitCode: null,
      stdout: '',
      spawnError: 'spawn /usr/local/go/bin/go EACCES',
    });
    const f = only(goNotExecutable(s), 'GO_NOT_EXECUTABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/local/go/bin/go cannot be executed.');
    expect(f.evidence).toEqual(['/usr/local/go/bin/go version: could not start: spawn /usr/local/go/bin/go EACCES']);
    expect(f.fix).toBe('Check the permissions and mount options of /usr/local/go/bin/go.');
  });

  it('names the missing #! interpreter of a script', () => {
    let s = withIdentity(loadSnapshot('linux-wrapper-version-lie'), 0, { interpreter: '/opt/tools/bin/bash' });
    s = withCommand(s, 'version', { exitCode: null, stdout: '', spawnError: 'spawn /usr/local/bin/go ENOENT' });
    const f = only(goNotExecutable(s), 'GO_NOT_EXECUTABLE');
    expect(f.message).toBe('/usr/local/bin/go cannot be executed (interpreter: /opt/tools/bin/bash).');
    expect(f.fix).toBe('Install the interpreter /opt/tools/bin/bash or fix the #! line of /usr/local/bin/go.');
  });

  it('leaves an exec format error to BINARY_CORRUPT', () => {
    const s = withCommand(loadSnapshot('linux-debian-copy-usr-local'), 'version', {
      exitCode: null,
      stdout: '',
      spawnError: 'spawn /usr/local/go/bin/go ENOEXEC',
    });
    expect(goNotExecutable(s)).toEqual([]);
  });

  it('leaves a foreign-architecture binary the kernel refuses to BINARY_WRONG_ARCH (macOS: EBADARCH, "Unknown system error -86")', () => {
    expect(goNotExecutable(loadSnapshot('darwin-wrong-arch'))).toEqual([]);
  });

  it('ignores a dangling symlink and a non-executable go later on PATH than the one that runs', () => {
    const dangling: GoCandidate = {
      ...noExec('/usr/local/bin/go', 1),
      realpath: null,
      hops: [
        { path: '/usr/local/bin/go', type: 'symlink', via: 'path', linkTarget: '/opt/go/bin/go' },
        { path: '/opt/go/bin/go', type: 'missing', via: 'symlink' },
      ],
    };
    expect(goNotExecutable(addCandidate(loadSnapshot('linux-debian-copy-usr-local'), dangling))).toEqual([]);
    expect(goNotExecutable(addCandidate(loadSnapshot('linux-debian-copy-usr-local'), noExec('/usr/bin/go', 4)))).toEqual([]);
  });

  it('reports a file once when merged /usr puts it on PATH twice (/usr/bin/go and /bin/go)', () => {
    const link = (path: string, index: number): GoCandidate => ({
      ...noExec(path, index),
      hops: [
        { path, type: 'symlink', via: 'path', linkTarget: '/usr/lib/go-1.22/bin/go' },
        { path: '/usr/lib/go-1.22/bin/go', type: 'file', via: 'symlink', mode: 0o644, size: 1 },
      ],
      realpath: '/usr/lib/go-1.22/bin/go',
    });
    const s = variant(loadSnapshot('linux-no-go'), (d) => {
      d.candidates = [link('/usr/bin/go', 3), link('/bin/go', 5)];
    });
    const f = only(goNotExecutable(s), 'GO_NOT_EXECUTABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('/usr/bin/go (also /bin/go) is on PATH but has no execute permission.');
    expect(f.evidence).toEqual(['/usr/bin/go → /usr/lib/go-1.22/bin/go: mode 644', '/bin/go → /usr/lib/go-1.22/bin/go: mode 644']);
    expect(f.fix).toBe('chmod +x /usr/lib/go-1.22/bin/go, or remove it from PATH.');
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'windows-goroot-missing'])('stays silent on %s', (name) => {
    expect(goNotExecutable(loadSnapshot(name))).toEqual([]);
  });
});
