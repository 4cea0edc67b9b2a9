import type { GorootFact } from '../facts/fact-snapshot.js';
import type { ProbeContext } from './probe-context.js';
import { followSymlinks } from './hop-chain.js';
import { identifyFile, identifyFiles } from './identify-file.js';

/** Relative parts of a GOROOT that a working gc toolchain needs; the tool dir is named by GOOS_GOARCH. */
export function gorootParts(ctx: ProbeContext, toolDir: string | null, goroot: string): string[] {
  const exe = ctx.platform.os === 'windows' ? '.exe' : '';
  const tools = toolDir ? ctx.paths.relative(goroot, toolDir) : ctx.paths.join('pkg', 'tool', `${ctx.platform.os}_${ctx.platform.arch}`);
  return [
    ctx.paths.join('bin', `go${exe}`),
    ctx.paths.join('src', 'runtime'),
    ctx.paths.join('src', 'fmt'),
    ctx.paths.join(tools, `compile${exe}`),
    ctx.paths.join(tools, `link${exe}`),
    ctx.paths.join(tools, `asm${exe}`),
    ctx.paths.join('pkg', 'include'),
    'VERSION',
    'go.env',
  ];
}

export async function probeGoroot(ctx: ProbeContext, goroot: string, toolDir: string | null): Promise<GorootFact> {
  const root = await followSymlinks(ctx, goroot);
  const exists = root.realpath !== null && root.hops.at(-1)?.type === 'dir';
  const partNames = gorootParts(ctx, toolDir, goroot);
  const binaryPath = ctx.paths.join(goroot, partNames[0] ?? 'bin/go');
  const [present, versionFile, bin, tools] = await Promise.all([
    exists ? Promise.all(partNames.map(async (p) => [p, await existsFollowing(ctx, ctx.paths.join(goroot, p))] as const)) : [],
    exists ? readVersionFile(ctx, goroot) : null,
    exists ? identifyFile(ctx, binaryPath) : null,
    exists
      ? identifyFiles(
          ctx,
          goroot,
          partNames.filter((p) => /[\\/](compile|link|asm)(\.exe)?$/.test(p)),
        )
      : null,
  ]);
  return {
    path: goroot,
    exists,
    realpath: root.realpath,
    versionFile,
    parts: Object.fromEntries(present),
    binary: bin?.identity ?? null,
    binaryPath,
    ...(tools ? { tools } : {}),
  };
}

/** Debian's GOROOT reaches src and friends through symlinks, so existence follows them. */
async function existsFollowing(ctx: ProbeContext, p: string): Promise<boolean> {
  return (await followSymlinks(ctx, p)).realpath !== null;
}

/** The release a GOROOT says it holds: the first line of its VERSION file (the second, in newer releases, is a build time). */
export async function readVersionFile(ctx: ProbeContext, goroot: string): Promise<string | null> {
  const f = await ctx.transport.readFile(ctx.paths.join(goroot, 'VERSION'), 4096);
  return f ? (Buffer.from(f.bytes).toString('utf8').split(/\r?\n/)[0] ?? '').trim() || null : null;
}
