import type { ProbeContext } from './probe-context.js';

/** realpath(3) done with lstat alone: resolves every component, so /bin/go and /usr/bin/go agree on a merged-/usr system. */
export async function realpath(ctx: ProbeContext, p: string): Promise<string | null> {
  const P = ctx.paths;
  const root = P.parse(P.resolve(p)).root;
  const pending = P.resolve(p).slice(root.length).split(P.sep).filter(Boolean);
  let cur = root;
  for (let links = 0; pending.length > 0; ) {
    const part = pending.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      cur = P.dirname(cur);
      continue;
    }
    const next = P.join(cur, part);
    const st = await ctx.lstat(next);
    if (!st) return null;
    if (st.type === 'symlink' && st.linkTarget !== null) {
      if (++links > 40) return null;
      const target = st.linkTarget;
      const parts = target.split(/[\\/]/).filter(Boolean);
      if (P.isAbsolute(target)) cur = P.parse(P.resolve(target)).root;
      pending.unshift(...parts);
      continue;
    }
    cur = next;
  }
  return cur;
}
