import type { ProbeContext } from './probe-context.js';
import { envGet } from './probe-context.js';

export interface PathHit {
  dir: string;
  index: number;
  path: string;
  executable: boolean;
}

export function pathEntries(ctx: Pick<ProbeContext, 'env' | 'platform'>): string[] {
  const sep = ctx.platform.os === 'windows' ? ';' : ':';
  // An empty Unix PATH element means the current directory; Windows ignores empty ones.
  return (envGet(ctx, 'PATH') ?? '')
    .split(sep)
    .map((d) => (d === '' && ctx.platform.os !== 'windows' ? '.' : d))
    .filter(Boolean);
}

/** Windows tries each PATHEXT extension, in order, inside each PATH directory (cmd.exe and PowerShell alike). */
function namesFor(ctx: ProbeContext, name: string): string[] {
  if (ctx.platform.os !== 'windows') return [name];
  const exts = (envGet(ctx, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  return exts.map((e) => name + e.toLowerCase());
}

/**
 * Every file on PATH that answers to `name`, in lookup order. `executable` follows execvp: on Unix a
 * file without exec bits is skipped by the shell; on Windows any PATHEXT match runs.
 */
export async function findOnPath(ctx: ProbeContext, name: string): Promise<PathHit[]> {
  const dirs = pathEntries(ctx);
  const probes = dirs.flatMap((dir, index) => namesFor(ctx, name).map((n) => ({ dir, index, path: ctx.paths.join(dir, n) })));
  const stats = await Promise.all(probes.map(async (p) => ({ p, st: await resolveStat(ctx, p.path) })));
  const hits: PathHit[] = [];
  const seen = new Set<string>();
  for (const { p, st } of stats) {
    if (!st || st.type === 'dir') continue;
    if (seen.has(p.path)) continue;
    seen.add(p.path);
    hits.push({ ...p, executable: ctx.platform.os === 'windows' ? true : (st.mode & 0o111) !== 0 });
  }
  return hits;
}

/** The first executable hit, as a shell would pick it. */
export async function which(ctx: ProbeContext, name: string): Promise<string | null> {
  if (ctx.paths.isAbsolute(name)) {
    const st = await resolveStat(ctx, name);
    return st && st.type !== 'dir' ? name : null;
  }
  return (await findOnPath(ctx, name)).find((h) => h.executable)?.path ?? null;
}

/** stat(2): follows symlinks; a dangling link counts as a hit with no exec bits (the shell reports it missing). */
async function resolveStat(ctx: ProbeContext, p: string) {
  const st = await ctx.lstat(p);
  if (st?.type !== 'symlink') return st;
  let cur = p;
  let cst = st;
  for (let i = 0; i < 40 && cst.type === 'symlink' && cst.linkTarget !== null; i++) {
    cur = ctx.paths.resolve(ctx.paths.dirname(cur), cst.linkTarget);
    const next = await ctx.lstat(cur);
    if (!next) return { ...st, type: 'file' as const, mode: 0 };
    cst = next;
  }
  return cst.type === 'symlink' ? { ...st, type: 'file' as const, mode: 0 } : cst;
}
