import type { FactSnapshot, GoCandidate, ManagerFact } from '../facts/fact-snapshot.js';
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
  return managerHolding(facts, [...go.hops.map((h) => h.path), go.realpath ?? '', facts.goroot?.path ?? '', facts.goroot?.realpath ?? '']);
}

/**
 * A manager's shim on PATH that leads nowhere: a link named go, ahead of any go that runs, whose chain ends in a file
 * that does not exist (the manager's own program removed or moved), inside the root of a manager that still holds a Go.
 */
export function danglingShim(facts: FactSnapshot): { candidate: GoCandidate; manager: ManagerFact; missing: string } | null {
  const first = view(facts).go;
  for (const c of facts.candidates) {
    if (first && c.index >= first.index) break;
    const last = c.hops.at(-1);
    if (c.executable || c.realpath !== null || last?.type !== 'missing') continue;
    const manager = managerHolding(
      facts,
      c.hops.map((h) => h.path),
    );
    if (manager) return { candidate: c, manager, missing: last.path };
  }
  return null;
}

/** The first manager whose root holds one of these paths and that has a Go release installed. */
function managerHolding(facts: FactSnapshot, paths: string[]): ManagerFact | null {
  const norm = (p: string) => p.replace(/\\/g, '/').toLowerCase();
  const places = paths.filter(Boolean).map(norm);
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
