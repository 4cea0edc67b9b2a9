import { describe, expect, it } from 'vitest';
import { shellEnvDiffers } from '../../../engine/checks/shell-env-differs.js';
import { only, run, variant } from '../snapshot-builders.js';
import { withLoginShell } from './login-shell-fixtures.js';

describe('shell-env-differs (SHELL_ENV_DIFFERS)', () => {
  it('is silent when the shell and this process agree on every Go setting', () => {
    expect(run(shellEnvDiffers, withLoginShell({}))).toEqual([]);
    const both = variant(withLoginShell({ vars: { GOPATH: '/root/go' } }), (d) => void (d.env.GOPATH = '/root/go'));
    expect(run(shellEnvDiffers, both)).toEqual([]);
  });

  it('names each differing setting on both sides and the profile line that sets it', () => {
    const s = withLoginShell({
      vars: { GOROOT: '/usr/lib/go-1.18', GOTOOLCHAIN: 'local' },
      profileLines: [
        { file: '/root/.profile', line: 4, text: 'export GOROOT=/usr/lib/go-1.18' },
        { file: '/root/.profile', line: 5, text: 'export GOTOOLCHAIN=local' },
      ],
    });
    const f = only(run(shellEnvDiffers, s), 'SHELL_ENV_DIFFERS');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Your login shell (/bin/bash -l -i) sets GOROOT=/usr/lib/go-1.18, GOTOOLCHAIN=local; this process has GOROOT=unset, GOTOOLCHAIN=unset: go behaves differently in a new terminal.',
    );
    expect(f.evidence).toEqual(['~/.profile:4: export GOROOT=/usr/lib/go-1.18', '~/.profile:5: export GOTOOLCHAIN=local']);
    expect(f.fix).toMatch(/^Edit ~\/\.profile:4/);
  });

  it('says which setting it could not find a line for, and how to trace it', () => {
    const s = variant(withLoginShell({}), (d) => void (d.env.GOFLAGS = '-mod=vendor'));
    const f = only(run(shellEnvDiffers, s), 'SHELL_ENV_DIFFERS');
    expect(f.message).toContain('sets GOFLAGS=unset; this process has GOFLAGS=-mod=vendor');
    expect(f.fix).toContain('bash -x -l -i -c true 2>&1 | grep GOFLAGS');
  });
});
