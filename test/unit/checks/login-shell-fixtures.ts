import type { CommandFact, FactSnapshot, LoginShellFact } from '../../../engine/facts/fact-snapshot.js';
import { loadSnapshot, variant } from '../snapshot-builders.js';

/** Debian's go 1.19 at /usr/bin/go (this process), with a login shell whose facts the test gives. */
export function withLoginShell(patch: Partial<LoginShellFact>, command: Partial<CommandFact> = {}): FactSnapshot {
  return variant(loadSnapshot('linux-debian-golang-go'), (d) => {
    const run: CommandFact = {
      argv: ['env', '-i', 'HOME=/root', '/bin/bash', '-l', '-i', '-c', '…'],
      exitCode: 0,
      stdout: '',
      stderr: 'bash: cannot set terminal process group (-1): Inappropriate ioctl for device\nbash: no job control in this shell\n',
      timedOut: false,
      truncated: false,
      spawnError: null,
      durationMs: 40,
      envOverrides: {},
      cwd: null,
      ...command,
    } as CommandFact;
    d.loginShell = {
      shell: '/bin/bash',
      command: run,
      path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      go: { path: '/usr/bin/go', realpath: '/usr/lib/go-1.19/bin/go', version: 'go1.19.8' },
      vars: {},
      profileLines: [],
      ...patch,
    };
  });
}
