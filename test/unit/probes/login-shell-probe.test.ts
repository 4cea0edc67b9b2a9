import { describe, expect, it } from 'vitest';
import { parseShellOutput } from '../../../engine/probes/login-shell-probe.js';

describe('login-shell probe', () => {
  it('reads the marked block whatever the profiles printed around it, keeping only the Go settings asked for', () => {
    const out = [
      'Welcome! PATH=/fake go=/fake',
      '',
      '__goverity_shell_begin__',
      'PATH=/opt/go/bin:/usr/bin',
      'go=/opt/go/bin/go',
      'GOROOT=/opt/go',
      'GOFLAGS=',
      '__goverity_shell_end__',
      'bye',
    ].join('\n');
    expect(parseShellOutput(out)).toEqual({ path: '/opt/go/bin:/usr/bin', go: '/opt/go/bin/go', vars: { GOROOT: '/opt/go', GOFLAGS: '' } });
  });

  it('has no go when command -v found none, and nothing at all when the block never ended', () => {
    expect(parseShellOutput('\n__goverity_shell_begin__\nPATH=/usr/bin\ngo=\n__goverity_shell_end__\n')).toEqual({ path: '/usr/bin', go: null, vars: {} });
    expect(parseShellOutput('\n__goverity_shell_begin__\nPATH=/usr/bin\n')).toBeNull();
    expect(parseShellOutput('')).toBeNull();
  });
});
