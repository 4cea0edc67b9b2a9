import { BASE_IMAGE_LAYOUTS, type BaseImageLayout } from './base-image-layouts.js';

/** `go1.22.12` → [1, 22, 12]; null for anything else (gccgo's `unknown`, a devel build). */
export function parseRelease(v: string | null | undefined): [number, number, number] | null {
  const m = /^go(\d+)\.(\d+)(?:\.(\d+))?/.exec(v ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

const distance = (a: [number, number, number], b: [number, number, number]): number =>
  Math.abs((a[0] - b[0]) * 1000 + (a[1] - b[1])) * 1000 + Math.abs(a[2] - b[2]);

/** The tree of `layout` whose release is nearest `version` (same minor first, then the closest minor). */
export function nearestTree(layout: BaseImageLayout, version: string | null): BaseImageLayout['trees'][number] | null {
  const want = parseRelease(version);
  if (layout.trees.length === 0) return null;
  if (!want) return layout.trees.at(-1)!;
  return [...layout.trees].sort((x, y) => distance(parseRelease(x.version)!, want) - distance(parseRelease(y.version)!, want))[0]!;
}

/**
 * The catalog image to build on: the one whose releases come nearest the ones the snapshot holds (a second
 * release side by side counts too), gccgo's for gccgo, a bare one when there is no Go to reproduce.
 */
export function chooseBaseImage(platform: 'linux' | 'wine', versions: string[], opts: { gccgo: boolean; cc: boolean }): BaseImageLayout {
  const pool = BASE_IMAGE_LAYOUTS.filter((l) => l.platform === platform);
  if (platform === 'linux' && opts.gccgo) return pool.find((l) => l.gccgo)!;
  const wanted = versions.map(parseRelease).filter((v): v is [number, number, number] => v !== null);
  const withTrees = pool.filter((l) => l.trees.length > 0 && !l.gccgo);
  if (wanted.length === 0) {
    const bare = pool.filter((l) => l.trees.length === 0 && !l.gccgo);
    return bare.find((l) => l.cc.length > 0 === opts.cc) ?? bare[0] ?? withTrees[0]!;
  }
  const cost = (l: BaseImageLayout): number => {
    const releases = l.trees.map((t) => parseRelease(t.version)!);
    const miss = wanted.reduce((sum, w) => sum + Math.min(...releases.map((r) => distance(r, w))), 0);
    // An extra tree nobody asked for is removed again: cheap, but a closer fit wins ties.
    return miss * 10 + (l.trees.length - new Set(wanted.map((w) => `${w[0]}.${w[1]}`)).size > 0 ? 1 : 0);
  };
  return [...withTrees].sort((a, b) => cost(a) - cost(b))[0]!;
}
