import { describe, expect, it } from 'vitest';
import { sshdSetEnv } from '../../../harness/vm/sshd-set-env.js';

describe('sshdSetEnv', () => {
  it('puts every variable on one SetEnv line (sshd honours only the first), quoted for argv_split', () => {
    expect(sshdSetEnv(['PATH=/usr/local/go/bin:/usr/bin', "GOROOT='/usr/lib/go-1.22'", 'X=a "b" \\c'])).toBe(
      `SetEnv "PATH=/usr/local/go/bin:/usr/bin" "GOROOT='/usr/lib/go-1.22'" "X=a \\"b\\" \\\\c"`,
    );
  });

  it('is empty when there is nothing to set, and skips entries sshd could not carry', () => {
    expect(sshdSetEnv([])).toBe('');
    expect(sshdSetEnv(['=x', 'A=line\nbreak'])).toBe('');
  });
});
