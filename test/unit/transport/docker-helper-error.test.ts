import { describe, expect, it } from 'vitest';
import { isHelperExecError } from '../../../engine/transport/helper-exec-error.js';

describe('isHelperExecError (docker exec behind timeout/env)', () => {
  it('recognises coreutils timeout and env failing to start the file (missing #! interpreter, no permission)', () => {
    expect(isHelperExecError("timeout: failed to run command '/usr/local/bin/go': No such file or directory\n", '/usr/local/bin/go')).toBe(true);
    expect(isHelperExecError("env: '/usr/local/bin/go': Permission denied\n", '/usr/local/bin/go')).toBe(true);
    expect(isHelperExecError('timeout: failed to run command \u2018/usr/bin/go\u2019: Permission denied', '/usr/bin/go')).toBe(true);
  });

  it('recognises busybox wording', () => {
    expect(isHelperExecError("timeout: can't execute '/usr/local/bin/go': No such file or directory", '/usr/local/bin/go')).toBe(true);
  });

  it("does not take the program's own output, or another file's, for a failure to start it", () => {
    expect(isHelperExecError('go: cannot find GOROOT directory: /usr/local/go\n', '/usr/local/bin/go')).toBe(false);
    expect(isHelperExecError("env: '/bin/zsh': No such file or directory", '/usr/local/bin/go')).toBe(false);
    expect(isHelperExecError("timeout: failed to run command '/usr/local/bin/go': No such file or directory\nmore\n", '/usr/local/bin/go')).toBe(false);
  });
});
