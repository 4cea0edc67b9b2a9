import type { FactSnapshot } from '../facts/fact-snapshot.js';
import { view } from './toolchain-view.js';

/** Words each manager's shim or wrapper script carries (asdf reshim.bash, goenv-rehash, mise, gvm scripts). */
const SCRIPT_MARKERS: [string, RegExp][] = [
  ['asdf', /asdf-plugin:|\basdf\b.*\bexec\b/],
  ['goenv', /\bgoenv\b/],
  ['mise', /\bmise\b|\brtx\b/],
  ['gvm', /\bgvm\b/],
  ['golang.org/dl', /golang\.org\/dl/],
  ['scoop', /\bscoop\b/i],
];

/** The version manager `go` is reached through, judged from the chain, the script and the manager roots found. */
export function versionManager(facts: FactSnapshot): string | null {
  const { go } = view(facts);
  if (!go) return null;
  const norm = (p: string) => p.replace(/\\/g, '/').toLowerCase();
  const places = [...go.hops.map((h) => h.path), go.realpath ?? '', facts.goroot?.path ?? '', facts.goroot?.realpath ?? ''].filter(Boolean).map(norm);
  for (const m of facts.managers) {
    const root = norm(m.root).replace(/\/$/, '');
    if (places.some((p) => p.startsWith(`${root}/`))) return m.name;
  }
  for (const [name, re] of SCRIPT_MARKERS) if (go.scriptHead && re.test(go.scriptHead)) return name;
  return null;
}
