import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../engine/report/build-report.js';
import { parseReport } from '../../engine/report/parse-report.js';
import type { Transport } from '../../engine/transport/transport.js';
import { explainNodeStartFailure } from './explain-node-start-failure.js';
import { ErrorWithLog } from './error-with-log.js';
import { SCRATCH_DIR_VAR } from '../../engine/transport/local-transport.js';
import { runInside } from './run-inside.js';

/** The engine bundle `npm run bundle` writes (scripts/bundle-engine.mjs), from harness/runner or dist/harness/runner alike. */
export const BUNDLED_ENGINE = fileURLToPath(
  new URL(import.meta.url.endsWith('/dist/harness/runner/verify-inside.js') ? '../../bundle/goverity.mjs' : '../../dist/bundle/goverity.mjs', import.meta.url),
);

/** Exit statuses of `verify`: 0 ready, 10 degraded, 11 broken, 12 absent. */
const VERDICT_EXITS = [0, 10, 11, 12];

export interface InsideOptions {
  /** The engine bundle to copy; BUNDLED_ENGINE by default. */
  bundle?: string;
  /** The Node binary to copy; this process's by default. */
  node?: string;
  /**
   * The bound on the whole run. The engine bounds each go command at 20 s and each build at 180 s, a few
   * dozen commands at most, mostly concurrent: 15 minutes is only reached when the engine itself hangs.
   */
  timeoutMs?: number;
  /** A project directory in the target, passed on as --project. */
  project?: string;
  /** Also compare the target's login shell (--shell); otherwise --no-shell, though the engine runs as `--target local` there. */
  shell?: boolean;
  /** Also ask GOPROXY and the checksum database (--online). */
  online?: boolean;
}

/**
 * Copies the bundled engine and this host's Node into the target and runs `verify --target local --json`
 * there, as a local process; returns its report. The copy lives in a private temp dir (not on PATH) that is
 * removed afterwards, and whatever the run started is ended, so the target is left as the agentless engine leaves it.
 */
export async function verifyInside(transport: Transport, options: InsideOptions = {}): Promise<Report> {
  // The engine run from outside gives such a target a throwaway GOCACHE; run as a local process it can't know to.
  if (transport.leaveAsFound) throw new Error(`inside mode would leave a Go build cache in ${transport.target}, which must be left as found`);
  const bundle = options.bundle ?? BUNDLED_ENGINE;
  await access(bundle).catch(() => {
    throw new Error(`the engine bundle ${bundle} is missing: run npm run build (or npm run bundle)`);
  });
  const limitMs = options.timeoutMs ?? 15 * 60_000;
  const {
    result: r,
    stopped,
    node,
  } = await runInside(transport, {
    files: [{ name: 'goverity.mjs', hostPath: bundle, mode: 0o644 }],
    argv: (dir, copiedNode) => [
      copiedNode,
      path.posix.join(dir, 'goverity.mjs'),
      'verify',
      '--target',
      'local',
      '--json',
      ...(options.project ? ['--project', options.project] : []),
      options.shell ? '--shell' : '--no-shell',
      ...(options.online ? ['--online'] : []),
    ],
    // At the limit the engine gets a SIGTERM, on which it removes its own temp dir.
    env: (dir) => ({ [SCRATCH_DIR_VAR]: dir }),
    timeoutMs: limitMs,
    // A report is a few KiB; the engine caps every output it keeps at 1 MiB.
    maxBytes: 64 << 20,
    ...(options.node ? { node: options.node } : {}),
  });
  const verdictExit = r.exitCode !== null && VERDICT_EXITS.includes(r.exitCode);
  if (!verdictExit || r.spawnError !== null) {
    const interpreterPresent = r.spawnError !== null && node.interpreter ? (await transport.readFile(node.interpreter, 1)) !== null : null;
    const cantStart = explainNodeStartFailure(r, { hostPath: node.path, interpreter: node.interpreter, interpreterPresent });
    if (cantStart) throw new Error(cantStart);
  }
  const tail = r.stderr.trim().split('\n').filter(Boolean).slice(-20);
  const last = tail.at(-1) ?? 'nothing on stderr';
  const seconds = Math.round(limitMs / 1000);
  if ((stopped || r.timedOut) && !verdictExit)
    throw new ErrorWithLog(`the bundled engine did not finish within ${seconds} s on ${transport.target}: ${last}`, tail);
  if (r.truncated) throw new ErrorWithLog(`the bundled engine printed more than 64 MiB on ${transport.target}: ${last}`, tail);
  if (!verdictExit) throw new ErrorWithLog(`the bundled engine exited with ${r.exitCode ?? 'no status'} on ${transport.target}: ${last}`, tail);
  try {
    return parseReport(r.stdout);
  } catch (e) {
    throw new ErrorWithLog(`the bundled engine exited with ${r.exitCode} on ${transport.target} but printed ${(e as Error).message}`, tail);
  }
}
