import type { Scenario } from '../scenarios/scenario.js';

export interface Shard {
  index: number;
  count: number;
}

/** "K/N" with 1 ≤ K ≤ N; null and a reason otherwise. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return `--shard takes K/N (e.g. 1/3), not "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: K must be between 1 and N`;
  return { index, count };
}

/** Shell-style globs (* and ?), comma-separated alternatives, matched against scenario ids. */
export function globMatcher(glob: string): (id: string) => boolean {
  const res = glob
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)
    .map(
      (g) =>
        new RegExp(
          `^${g
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        ),
    );
  return (id) => res.some((re) => re.test(id));
}

/** The scenarios this run owns: glob first, then a stable round-robin over sorted ids, so shards never overlap. */
export function selectScenarios(all: Scenario[], glob: string | null, shard: Shard | null): Scenario[] {
  const matched = [...all].sort((a, b) => a.id.localeCompare(b.id)).filter((s) => (glob ? globMatcher(glob)(s.id) : true));
  return shard ? matched.filter((_, i) => i % shard.count === shard.index - 1) : matched;
}
