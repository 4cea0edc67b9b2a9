import { describe, expect, it } from 'vitest';
import { shellProfileFailed } from '../../../engine/checks/shell-profile-failed.js';
import { only, run } from '../snapshot-builders.js';
import { withLoginShell } from './login-shell-fixtures.js';

describe('shell-profile-failed (SHELL_PROFILE_FAILED)', () => {
  it('is silent when the shell got through its profiles', () => {
    expect(run(shellProfileFailed, withLoginShell({}))).toEqual([]);
  });

  it('reports a profile that hangs, with the way to find the line', () => {
    const f = only(run(shellProfileFailed, withLoginShell({ path: null, go: null }, { timedOut: true, exitCode: null })), 'SHELL_PROFILE_FAILED');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Your login shell (/bin/bash -l -i) did not finish in time and was killed: a new terminal runs the same profiles, so which go it gets was not learnt.',
    );
    expect(f.fix).toContain('/bin/bash -x -l -i -c true');
  });

  it("reports a profile that exits, quoting the shell's complaint but not bash's no-terminal notices", () => {
    const f = only(
      run(
        shellProfileFailed,
        withLoginShell(
          { path: null, go: null },
          { exitCode: 1, stderr: 'bash: no job control in this shell\n/root/.profile: line 7: asdf: command not found\n' },
        ),
      ),
      'SHELL_PROFILE_FAILED',
    );
    expect(f.message).toContain('ended (exit 1) before its profiles were done');
    expect(f.evidence).toEqual(['/bin/bash -l -i -c …: exit 1', '/root/.profile: line 7: asdf: command not found']);
  });
});
