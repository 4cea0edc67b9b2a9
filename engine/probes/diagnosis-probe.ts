import type { CommandFact, DiagnosisFact, WorkDirFact } from '../facts/fact-snapshot.js';
import { goArgv, runCommand, succeeded } from './go-commands.js';
import { envGet, type ProbeContext } from './probe-context.js';
import { readEnvFile } from './environment-probes.js';

export interface DiagnosisInput {
  goPath: string;
  goEnv: Record<string, string> | null;
  /** Settles when the probe programs' builds are done: the C compiler is only asked after a cgo build failed. */
  builds: Promise<unknown> | null;
  buildCgo: () => CommandFact | undefined;
  cwd: string | null;
  env: Record<string, string>;
}

/**
 * Facts that name the cause of a failure rather than prove the toolchain: where go makes its work dir and how that
 * directory is mounted, the standard packages `go list std` sees, whether vet is there, and (only after a failed
 * cgo build) which machine the C compiler targets.
 */
export async function probeDiagnosis(ctx: ProbeContext, input: DiagnosisInput): Promise<DiagnosisFact> {
  const toolDir = input.goEnv?.GOTOOLDIR;
  const exe = ctx.platform.os === 'windows' ? '.exe' : '';
  const goWork = input.goEnv?.GOWORK || envGet(ctx, 'GOWORK');
  const [workDir, stdList, vet, ccMachine, goWorkFile] = await Promise.all([
    probeWorkDir(ctx, input.goEnv),
    // After the builds, not beside them: on a busy machine the proof must not wait for this.
    input.goEnv
      ? input.builds
          ?.catch(() => undefined)
          .then(() => runCommand(ctx, goArgv(ctx, input.goPath, ['list', 'std']), { cwd: input.cwd ?? undefined, env: { ...input.env } }))
      : undefined,
    toolDir ? ctx.lstat(ctx.paths.join(toolDir, `vet${exe}`)) : undefined,
    (async () => {
      await input.builds?.catch(() => undefined);
      const cgo = input.buildCgo();
      const cc = input.goEnv?.CC?.trim().split(/\s+/)[0];
      // Only a failed cgo build makes the compiler's own target worth asking.
      if (!cgo || succeeded(cgo) || !cc) return undefined;
      return runCommand(ctx, [cc, '-dumpmachine'], { cwd: input.cwd ?? undefined, env: { ...input.env } });
    })(),
    goWork && goWork !== 'off' ? readEnvFile(ctx, goWork) : undefined,
  ]);
  return {
    workDir,
    ...(stdList ? { stdList } : {}),
    ...(toolDir ? { vetPresent: !!vet } : {}),
    ...(ccMachine ? { ccMachine } : {}),
    ...(goWorkFile ? { goWork: goWorkFile } : {}),
  };
}

/** go's work dir goes under GOTMPDIR, else os.TempDir(): $TMPDIR on Unix (default /tmp), %TMP%/%TEMP% on Windows. */
async function probeWorkDir(ctx: ProbeContext, goEnv: Record<string, string> | null): Promise<WorkDirFact> {
  const windows = ctx.platform.os === 'windows';
  const gotmp = goEnv?.GOTMPDIR || envGet(ctx, 'GOTMPDIR');
  const candidates: [WorkDirFact['variable'], string | undefined][] = windows
    ? [
        ['GOTMPDIR', gotmp],
        ['TMP', envGet(ctx, 'TMP')],
        ['TEMP', envGet(ctx, 'TEMP')],
      ]
    : [
        ['GOTMPDIR', gotmp],
        ['TMPDIR', envGet(ctx, 'TMPDIR')],
      ];
  const [variable, path] = candidates.find(([, v]) => !!v) ?? [null, windows ? null : '/tmp'];
  if (!path) return { variable, path: '', exists: false, writable: null, noexec: null, mountPoint: null };
  const st = await ctx.lstat(path);
  const isDir = st?.type === 'dir' || (st?.type === 'symlink' && (await ctx.transport.readDir(path)) !== null);
  const [writable, mount] = await Promise.all([isDir ? ctx.transport.writable(path) : null, isDir && ctx.platform.os === 'linux' ? mountOf(ctx, path) : null]);
  return { variable, path, exists: isDir, writable, noexec: mount ? mount.noexec : null, mountPoint: mount?.mountPoint ?? null };
}

/** The mount holding a path, from /proc/self/mountinfo (the longest mount point that prefixes it). */
async function mountOf(ctx: ProbeContext, path: string): Promise<{ mountPoint: string; noexec: boolean } | null> {
  const r = await runCommand(ctx, ['cat', '/proc/self/mountinfo'], { timeoutMs: 5_000 });
  if (!succeeded(r)) return null;
  return findMount(r.stdout, path);
}

/** mountinfo fields: id parent major:minor root mountpoint options ... (man 5 proc); spaces in paths are \040. */
export function findMount(mountinfo: string, path: string): { mountPoint: string; noexec: boolean } | null {
  let best: { mountPoint: string; noexec: boolean } | null = null;
  for (const line of mountinfo.split('\n')) {
    const f = line.split(' ');
    if (f.length < 6) continue;
    const mountPoint = f[4]!.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    const inside = mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
    // Later lines mount over earlier ones at the same point.
    if (inside && (!best || mountPoint.length >= best.mountPoint.length)) best = { mountPoint, noexec: f[5]!.split(',').includes('noexec') };
  }
  return best;
}
