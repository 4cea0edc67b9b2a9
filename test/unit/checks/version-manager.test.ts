import { describe, expect, it } from 'vitest';
import { versionManager } from '../../../engine/checks/version-manager.js';
import {
  GENUINE_FIXTURES,
  asdfShimSnapshot,
  fixtureNames,
  loadSnapshot,
  scoopShimSnapshot,
  variant,
  withManagers,
  withToolchains,
} from '../snapshot-builders.js';

describe('version-manager (which manager go is reached through)', () => {
  it('finds asdf from its root on the chain', () => {
    expect(versionManager(asdfShimSnapshot({ resolves: true }))).toBe('asdf');
    expect(versionManager(asdfShimSnapshot({ resolves: false }))).toBe('asdf');
  });

  it('never finds a manager from the words in a script: no manager root on disk, no manager', () => {
    const s = variant(asdfShimSnapshot({ resolves: false }), (d) => {
      d.managers = [];
    });
    expect(versionManager(s)).toBeNull();
  });

  it('needs a Go release installed in the manager: an empty tree named like a manager root is no manager', () => {
    const s = variant(asdfShimSnapshot({ resolves: false }), (d) => {
      d.toolchains = d.toolchains.filter((t) => t.source !== 'asdf');
    });
    expect(versionManager(s)).toBeNull();
  });

  it('finds Scoop on Windows, comparing paths case-insensitively across slash styles', () => {
    expect(versionManager(scoopShimSnapshot())).toBe('scoop');
  });

  it('finds a manager whose root holds the GOROOT (gvm sets GOROOT, PATH points into it)', () => {
    const s = withManagers(
      variant(loadSnapshot('linux-debian-copy-usr-local'), (d) => {
        d.goroot = { ...d.goroot!, path: '/root/.gvm/gos/go1.22.12', realpath: '/root/.gvm/gos/go1.22.12' };
      }),
      [{ name: 'gvm', root: '/root/.gvm/', installed: ['go1.22.12'], evidence: [] }],
    );
    expect(versionManager(withToolchains(s, [{ root: '/root/.gvm/gos/go1.22.12', version: 'go1.22.12', source: 'gvm' }]))).toBe('gvm');
  });

  it('takes no manager from golang.org/dl: its ~/sdk holds releases as they are, with no go of its own on PATH', () => {
    const s = withManagers(
      variant(loadSnapshot('linux-debian-copy-usr-local'), (d) => {
        d.goroot = { ...d.goroot!, path: '/root/sdk/go1.26.8', realpath: '/root/sdk/go1.26.8' };
      }),
      [{ name: 'golang.org/dl', root: '/root/sdk', installed: ['go1.26.8'], evidence: [] }],
    );
    expect(versionManager(withToolchains(s, [{ root: '/root/sdk/go1.26.8', version: 'go1.26.8', source: 'golang.org/dl' }]))).toBeNull();
  });

  it('does not take a root that merely shares a prefix', () => {
    const s = withManagers(loadSnapshot('linux-debian-copy-usr-local'), [{ name: 'g', root: '/usr/local/go/bi', installed: [], evidence: [] }]);
    expect(versionManager(s)).toBeNull();
  });

  it.each(fixtureNames('linux-mise-'))('finds the real mise on %s (recorded: its store, its shims, its binary)', (name) => {
    expect(versionManager(loadSnapshot(name))).toBe(name === 'linux-mise-binary-removed' ? null : 'mise');
  });

  const noManager = fixtureNames('linux-').filter((n) => !GENUINE_FIXTURES.includes(n as never) && !n.startsWith('linux-mise-'));
  it.each([...GENUINE_FIXTURES, ...noManager])('finds none on %s', (name) => {
    expect(versionManager(loadSnapshot(name))).toBeNull();
  });
});
