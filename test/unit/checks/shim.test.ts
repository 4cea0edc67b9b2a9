import { describe, expect, it } from 'vitest';
import { shim } from '../../../engine/checks/shim.js';
import { deriveProvenance } from '../../../engine/verdict/derive-provenance.js';
import { GENUINE_FIXTURES, asdfShimSnapshot, loadSnapshot, only, scoopShimSnapshot as scoopShim, variant, withManagers } from '../snapshot-builders.js';

describe('shim (SHIM)', () => {
  it('notes a go reached through a working asdf shim, with the whole chain', () => {
    const f = only(shim(asdfShimSnapshot({ resolves: true })), 'SHIM');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('go is reached through asdf, which selects go1.22.12.');
    expect(f.evidence).toEqual([
      'chain: /root/.asdf/shims/go → /root/.asdf/installs/golang/1.22.12/go/bin/go',
      'go env GOROOT: /root/.asdf/installs/golang/1.22.12/go',
    ]);
    expect(f.fix).toBeNull();
  });

  it('recognises a Scoop shim on Windows (shims\\go.exe, a non-Go program) by the Scoop root, whatever its case and slashes', () => {
    const s = scoopShim();
    const f = only(shim(s), 'SHIM');
    expect(f.message).toBe('go is reached through scoop, which selects go1.22.5.');
    expect(f.evidence).toEqual([
      'chain: C:\\Users\\dev\\scoop\\shims\\go.exe → C:\\Users\\dev\\scoop\\apps\\go\\current\\bin\\go.exe',
      'go env GOROOT: C:\\Users\\dev\\scoop\\apps\\go\\current',
    ]);
  });

  it('stays silent while the shim cannot run go (SHIM_UNRESOLVED says it)', () => {
    expect(shim(asdfShimSnapshot({ resolves: false }))).toEqual([]);
  });

  it('stays silent for a manager that puts the release itself on PATH (gvm: GOROOT/bin first, no shim), which provenance still names', () => {
    const gvmRoot = '/root/.gvm/gos/go1.22.12';
    const s = withManagers(
      variant(loadSnapshot('linux-debian-copy-usr-local'), (d) => {
        const c = d.candidates[0]!;
        Object.assign(c, { dir: `${gvmRoot}/bin`, path: `${gvmRoot}/bin/go`, realpath: `${gvmRoot}/bin/go` });
        c.hops = c.hops.map((h) => ({ ...h, path: `${gvmRoot}/bin/go` }));
        d.goEnv = { ...d.goEnv!, GOROOT: gvmRoot };
        d.goroot = { ...d.goroot!, path: gvmRoot, realpath: gvmRoot, binaryPath: `${gvmRoot}/bin/go` };
      }),
      [{ name: 'gvm', root: '/root/.gvm', installed: ['go1.22.12'], evidence: [] }],
    );
    s.toolchains = [{ root: gvmRoot, version: 'go1.22.12', source: 'gvm' }];
    expect(shim(s)).toEqual([]);
    expect(deriveProvenance(s)).toMatchObject({ kind: 'version-manager', manager: 'gvm' });
  });

  it('stays silent when the manager root holds no Go release (words and directory names alone make no shim)', () => {
    const s = variant(asdfShimSnapshot({ resolves: true }), (d) => {
      d.toolchains = [];
    });
    expect(shim(s)).toEqual([]);
  });

  it('stays silent when the shim answers but no real cmd/go is behind it', () => {
    const s = variant(asdfShimSnapshot({ resolves: true }), (d) => {
      d.goroot = { ...d.goroot!, binary: null };
    });
    expect(shim(s)).toEqual([]);
  });

  it('stays silent when a manager is installed but go does not come from it', () => {
    const s = withManagers(loadSnapshot('linux-debian-golang-go'), [{ name: 'goenv', root: '/root/.goenv', installed: ['1.21.0'], evidence: [] }]);
    expect(shim(s)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'linux-wrapper-version-lie'])('stays silent on %s', (name) => {
    expect(shim(loadSnapshot(name))).toEqual([]);
  });
});
