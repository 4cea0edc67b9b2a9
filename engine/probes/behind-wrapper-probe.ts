import type { GoCandidate } from '../facts/fact-snapshot.js';
import { runCommand, succeeded } from './go-commands.js';
import type { ProbeContext } from './probe-context.js';

/**
 * When the go on PATH carries no Go build info (a wrapper script or program), the go binary of the GOROOT it reports
 * is asked `go env -json` directly, in the same directory with the same environment: whatever differs from the
 * wrapper's answer is what the wrapper changes. Returns the settings (null when it did not answer), or undefined
 * when there is no wrapper to compare.
 */
export async function probeBehindWrapper(
  ctx: ProbeContext,
  first: GoCandidate,
  goroot: string | undefined,
  cwd: string,
  env: Record<string, string>,
  parse: (text: string) => Record<string, string> | null,
): Promise<{ binary: string; goEnv: Record<string, string> | null } | undefined> {
  const id = first.identity;
  if (!id || id.go || id.problems.length > 0 || !goroot) return undefined;
  const binary = ctx.paths.join(goroot, 'bin', ctx.platform.os === 'windows' ? 'go.exe' : 'go');
  if (binary === first.realpath || binary === first.path) return undefined;
  const r = await runCommand(ctx, [binary, 'env', '-json'], { cwd, env: { ...env } });
  return { binary, goEnv: succeeded(r) ? parse(r.stdout) : null };
}
