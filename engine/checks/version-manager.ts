import type { FactSnapshot, ManagerFact } from '../facts/fact-snapshot.js';
import { view } from './toolchain-view.js';

/**
 * The version manager `go` is reached through: the chain or GOROOT lies inside the root of a manager found on disk
 * that holds at least one installed Go release (a VERSION file in its versions directory). Words in a script (a
 * comment naming asdf, `goenv exec`) change nothing: a stub can print them, it cannot conjure the manager's tree.
 */
export function versionManager(facts: FactSnapshot): string | null {
  return managerFact(facts)?.name ?? null;
}

/** The manager behind `go`, with the releases it has installed. */
export function managerFact(facts: FactSnapshot): ManagerFact | null {
  const { go } = view(facts);
  if (!go) return null;
  const norm = (p: string) => p.replace(/\\/g, '/').toLowerCase();
  const places = [...go.hops.map((h) => h.path), go.realpath ?? '', facts.goroot?.path ?? '', facts.goroot?.realpath ?? ''].filter(Boolean).map(norm);
  for (const m of facts.managers) {
    // golang.org/dl keeps unmodified releases in ~/sdk and puts no `go` of its own on PATH (its wrappers are named goX.Y.Z):
    // a go found there is the release itself (https://pkg.go.dev/golang.org/dl).
    if (m.name === 'golang.org/dl') continue;
    const root = norm(m.root).replace(/\/$/, '');
    if (!places.some((p) => p.startsWith(`${root}/`))) continue;
    if (facts.toolchains.some((t) => t.source === m.name && t.version)) return m;
  }
  return null;
}
