import type { GoCandidate } from '../facts/fact-snapshot.js';
import { goArgv, runCommand, succeeded } from './go-commands.js';
import type { ProbeContext } from './probe-context.js';

/** At most this many later shims are asked; PATH rarely holds more than two or three go. */
const MAX_ASKED = 4;

/**
 * A later `go` on PATH that carries no Go build info of its own (a version manager's shim, a wrapper script or
 * program) only says which toolchain it runs when asked: `go env GOVERSION GOROOT`, bounded, in the probe's temp
 * directory with the same throwaway state as the first go's probes. The answer goes on the candidate; a go that
 * does not answer gets `goEnvAnswer: null`. Go binaries are never run: their build info already names them.
 */
export async function probeLaterGo(ctx: ProbeContext, candidates: GoCandidate[], first: GoCandidate, cwd: string, env: Record<string, string>): Promise<void> {
  const asked = candidates
    .filter((c) => c !== first && c.executable && c.realpath && c.realpath !== first.realpath && isUnnamedProgram(ctx, c))
    .slice(0, MAX_ASKED);
  await Promise.all(
    asked.map(async (c) => {
      const r = await runCommand(ctx, goArgv(ctx, c.path, ['env', 'GOVERSION', 'GOROOT']), { cwd, env: { ...env } });
      const [goVersion, goroot] = r.stdout.split(/\r?\n/).map((l) => l.trim());
      c.goEnvAnswer = succeeded(r) && goVersion && /^go\d/.test(goVersion) ? { goVersion, goroot: goroot || null } : null;
    }),
  );
}

/** A script, or a native program for this machine with no Go build info (a shim executable): its version is unknown until asked. */
function isUnnamedProgram(ctx: ProbeContext, c: GoCandidate): boolean {
  const id = c.identity;
  if (!id || id.go || id.problems.length > 0) return false;
  if (id.format === 'script') return true;
  return id.format !== 'unknown' && id.os === ctx.platform.os && !!id.arch && id.arch.split(',').includes(ctx.platform.arch);
}
