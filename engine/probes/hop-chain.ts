import type { Hop } from '../facts/fact-snapshot.js';
import type { ProbeContext } from './probe-context.js';
import { realpath } from './realpath.js';

const MAX_HOPS = 40; // Linux's own limit on nested symlinks (MAXSYMLINKS)

/** Follows a path's symlinks one hop at a time, keeping each hop's raw target, to the real file. */
export async function followSymlinks(ctx: ProbeContext, start: string): Promise<{ hops: Hop[]; realpath: string | null }> {
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let cur = start;
  let via: Hop['via'] = 'path';
  for (let i = 0; i <= MAX_HOPS; i++) {
    if (seen.has(cur)) {
      hops.push({ path: cur, type: 'loop', via });
      return { hops, realpath: null };
    }
    seen.add(cur);
    const st = await ctx.lstat(cur);
    if (!st) {
      hops.push({ path: cur, type: 'missing', via });
      return { hops, realpath: null };
    }
    const hop: Hop = { path: cur, type: st.type, via, mode: st.mode, size: st.size };
    if (st.type !== 'symlink' || st.linkTarget === null) {
      hops.push(hop);
      return { hops, realpath: await realpath(ctx, cur) };
    }
    hops.push({ ...hop, linkTarget: st.linkTarget });
    cur = ctx.paths.resolve(ctx.paths.dirname(cur), st.linkTarget);
    via = 'symlink';
  }
  hops.push({ path: cur, type: 'loop', via });
  return { hops, realpath: null };
}
