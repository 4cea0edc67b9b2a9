import { describe, expect, it } from 'vitest';
import { shimUnresolved } from '../../../engine/checks/shim-unresolved.js';
import { GENUINE_FIXTURES, asdfShimSnapshot, loadSnapshot, only, variant, withCommand } from '../snapshot-builders.js';

describe('shim-unresolved (SHIM_UNRESOLVED)', () => {
  it('fires on an asdf shim with no version selected, quoting asdf and listing what is installed', () => {
    const f = only(shimUnresolved(asdfShimSnapshot({ resolves: false })), 'SHIM_UNRESOLVED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('The asdf shim at /root/.asdf/shims/go cannot resolve a Go version.');
    expect(f.evidence).toEqual([
      '/root/.asdf/shims/go version: exit 126: No version is set for command go | Consider adding one of the following versions in your config file at /root/.tool-versions | golang 1.22.12',
      'asdf root /root/.asdf: installed 1.22.12',
    ]);
    expect(f.fix).toMatch(/^asdf install golang <version>/);
  });

  it('recognises a goenv shim by the goenv root that holds it and the release installed there', () => {
    const s = variant(asdfShimSnapshot({ resolves: false }), (d) => {
      d.managers = [{ name: 'goenv', root: '/home/dev/.goenv', installed: ['1.22.12'], evidence: ['/home/dev/.goenv exists'] }];
      d.toolchains = [{ root: '/home/dev/.goenv/versions/1.22.12', version: 'go1.22.12', source: 'goenv' }];
      const path = '/home/dev/.goenv/shims/go';
      d.candidates[0] = { ...d.candidates[0]!, dir: '/home/dev/.goenv/shims', path, realpath: path, hops: [{ ...d.candidates[0]!.hops[0]!, path }] };
      d.candidates[0]!.scriptHead = '#!/usr/bin/env bash\nset -e\nexec "/home/dev/.goenv/libexec/goenv" exec "${0##*/}" "$@"\n';
      for (const k of ['version', 'versionLocal', 'envJson'] as const)
        d.commands[k]!.stderr = "goenv: version '1.21.5' is not installed (set by /work/.go-version)\n";
    });
    const f = only(shimUnresolved(s), 'SHIM_UNRESOLVED');
    expect(f.message).toBe('The goenv shim at /home/dev/.goenv/shims/go cannot resolve a Go version.');
    expect(f.evidence[1]).toBe('goenv root /home/dev/.goenv: installed 1.22.12');
    expect(f.fix).toMatch(/^goenv install <version>/);
  });

  it('stays silent on a failing script that only names a manager: with no manager tree it is a stub (GO_STUB)', () => {
    const s = variant(asdfShimSnapshot({ resolves: false }), (d) => {
      d.managers = [];
    });
    expect(shimUnresolved(s)).toEqual([]);
  });

  it('stays silent on a shim that resolves, and on one that hangs (PROBE_TIMEOUT says it)', () => {
    expect(shimUnresolved(asdfShimSnapshot({ resolves: true }))).toEqual([]);
    expect(shimUnresolved(withCommand(asdfShimSnapshot({ resolves: false }), 'version', { exitCode: null, timedOut: true }))).toEqual([]);
  });

  it("stays silent on a script that is no known manager's shim", () => {
    expect(shimUnresolved(withCommand(loadSnapshot('linux-wrapper-version-lie'), 'version', { exitCode: 1, stdout: '' }))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(shimUnresolved(loadSnapshot(name))).toEqual([]);
  });
});
