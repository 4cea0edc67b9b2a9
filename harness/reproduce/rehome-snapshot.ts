import type { FactSnapshot } from '../../engine/facts/fact-snapshot.js';

export interface Rehomed {
  facts: FactSnapshot;
  /** What was moved, for the scenario's notes; empty when nothing was. */
  notes: string[];
}

/**
 * The snapshot with its user's home (a real one, or the placeholder redaction left) moved to the home the
 * reproduction runs with, in every string: paths, PATH, go env output, scripts. Windows names ignore case, and
 * `go env -json` output spells each backslash twice, so both spellings are moved.
 */
export function rehomeSnapshot(facts: FactSnapshot, home: string, user: string): Rehomed {
  const windows = facts.platform.os === 'windows';
  const notes: string[] = [];
  const pairs: [string, string][] = [];
  const fromHome = windows ? (facts.env.USERPROFILE ?? findKey(facts.env, 'USERPROFILE')) : facts.env.HOME;
  if (fromHome && fromHome !== home && fromHome.length > 1) {
    pairs.push([fromHome, home]);
    if (windows) pairs.push([fromHome.replace(/\\/g, '\\\\'), home.replace(/\\/g, '\\\\')]);
    notes.push(`the user's home ${fromHome} is ${home} here`);
  }
  for (const placeholder of windows ? ['%USERNAME%', '$USER'] : ['$USER']) if (JSON.stringify(facts).includes(placeholder)) pairs.push([placeholder, user]);
  if (pairs.length === 0) return { facts, notes };
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A home is replaced only where it ends a path part: /home/al must not turn /home/alice into /root/ice.
  const res = pairs.map(([from, to]) => [new RegExp(`${escapeRegExp(from)}(?![A-Za-z0-9_.-])`, windows ? 'gi' : 'g'), to] as const);
  const move = (s: string): string => res.reduce((acc, [re, to]) => acc.replace(re, () => to), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return move(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { facts: walk(facts) as FactSnapshot, notes };
}

function findKey(env: Record<string, string>, name: string): string | undefined {
  const k = Object.keys(env).find((x) => x.toUpperCase() === name);
  return k === undefined ? undefined : env[k];
}
