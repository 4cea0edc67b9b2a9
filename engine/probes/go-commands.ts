import type { CommandFact } from '../facts/fact-snapshot.js';
import type { ProbeContext } from './probe-context.js';

/** How to invoke a `go` found on PATH: Windows batch files need cmd.exe. */
export function goArgv(ctx: ProbeContext, goPath: string, args: string[]): string[] {
  if (ctx.platform.os === 'windows' && /\.(bat|cmd)$/i.test(goPath)) return ['cmd.exe', '/d', '/c', goPath, ...args];
  return [goPath, ...args];
}

export async function runCommand(
  ctx: ProbeContext,
  argv: string[],
  opts: { env?: Record<string, string | null>; cwd?: string; timeoutMs?: number } = {},
): Promise<CommandFact> {
  const envOverrides = opts.env ?? {};
  const r = await ctx.transport.exec(argv, {
    env: envOverrides,
    cwd: opts.cwd,
    timeoutMs: opts.timeoutMs ?? ctx.limits.commandTimeoutMs,
    maxBytes: ctx.limits.maxOutputBytes,
  });
  return { ...r, envOverrides, cwd: opts.cwd ?? null };
}

export function succeeded(c: CommandFact | undefined): c is CommandFact {
  return !!c && c.exitCode === 0 && !c.timedOut && !c.truncated && !c.spawnError;
}
