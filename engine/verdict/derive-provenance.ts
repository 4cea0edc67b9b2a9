import type { FactSnapshot } from '../facts/fact-snapshot.js';
import { view } from '../checks/toolchain-view.js';
import { danglingShim, versionManager } from '../checks/version-manager.js';

export type ProvenanceKind = 'official' | 'distro' | 'homebrew' | 'gccgo' | 'version-manager' | 'ide-bundled' | 'wrapper' | 'unknown';

export interface Provenance {
  kind: ProvenanceKind;
  manager: string | null;
  container: boolean;
}

/** Where the toolchain came from: the package database's word first, then build facts, then known layouts. */
export function deriveProvenance(facts: FactSnapshot): Provenance {
  const v = view(facts);
  const container = facts.container.detected;
  if (!v.go) {
    // A manager's shim whose program is gone still says where go was meant to come from.
    const dangling = danglingShim(facts);
    return dangling ? { kind: 'version-manager', manager: dangling.manager.name, container } : { kind: 'unknown', manager: null, container };
  }
  const manager = versionManager(facts);
  const places = [v.go.realpath, facts.goroot?.realpath, facts.goroot?.path].filter((p): p is string => !!p).map((p) => p.replace(/\\/g, '/'));
  const kind: ProvenanceKind = v.isGccgo
    ? 'gccgo'
    : manager
      ? 'version-manager'
      : v.isIndirection && v.toolchainBinary
        ? 'wrapper'
        : facts.packageOwner
          ? 'distro'
          : places.some((p) => p.includes('/Cellar/go/') || p.includes('/opt/go/libexec'))
            ? 'homebrew'
            : places.some((p) => /JetBrains|GoLand|\.vscode/i.test(p))
              ? 'ide-bundled'
              : v.toolchainBinary?.go?.buildSettings['-trimpath'] === 'true' || /^go\d/.test(facts.goroot?.versionFile ?? '')
                ? 'official'
                : 'unknown';
  return { kind, manager, container };
}
