import type { GoCandidate, OnlineCheck } from '../facts/fact-snapshot.js';
import { goArgv, runCommand } from './go-commands.js';
import type { ProbeContext } from './probe-context.js';

/** Only with --online: asks go itself to resolve a module through the GOPROXY chain and verify it with GOSUMDB. */
export async function probeOnline(ctx: ProbeContext, go: GoCandidate, tmp: string): Promise<{ proxy: OnlineCheck[]; sumdb: OnlineCheck | null }> {
  const r = await runCommand(ctx, goArgv(ctx, go.path, ['list', '-m', '-json', 'golang.org/x/mod@latest']), {
    cwd: ctx.paths.join(tmp, 'pure'),
    env: { GOFLAGS: '-mod=mod' },
  });
  const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ').slice(0, 400);
  return { proxy: [{ url: 'go list -m golang.org/x/mod@latest', ok: r.exitCode === 0, detail: r.timedOut ? 'timed out' : detail }], sumdb: null };
}
