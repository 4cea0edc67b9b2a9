import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../engine/report/build-report.js';
import { parseReport } from '../../engine/report/parse-report.js';
import type { ExecResult, Transport } from '../../engine/transport/transport.js';
import { describeHostNode } from './describe-host-node.js';
import { explainNodeStartFailure } from './explain-node-start-failure.js';
import { ErrorWithLog } from './run-scenarios.js';
import { SCRATCH_DIR_VAR } from '../../engine/transport/local-transport.js';
import { INSIDE_RUN_VAR, sweepInsideRun } from './sweep-inside-run.js';

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
}

/**
 * Copies the bundled engine and this host's Node into the target and runs `verify --target local --json`
 * there, as a local process; returns its report. The copy lives in a private temp dir (not on PATH) that is
 * removed afterwards, and whatever the run started is ended, so the target is left as the agentless engine leaves it.
 */
export async function verifyInside(transport: Transport, options: InsideOptions = {}): Promise<Report> {
  if (!transport.upload) throw new Error(`this provider's transport can't host a bundled engine (target ${transport.target} has no upload)`);
  // The engine run from outside gives such a target a throwaway GOCACHE; run as a local process it can't know to.
  if (transport.leaveAsFound) throw new Error(`inside mode would leave a Go build cache in ${transport.target}, which must be left as found`);
  const bundle = options.bundle ?? BUNDLED_ENGINE;
  await access(bundle).catch(() => {
    throw new Error(`the engine bundle ${bundle} is missing: run npm run build (or npm run bundle)`);
  });
  const node = await describeHostNode(options.node);
  const platform = await transport.platform();
  // The copy's path, the sweep (/proc) and the engine's signals are Unix ones.
  if (platform.os === 'windows') throw new Error(`inside mode runs on Unix-like targets, not ${transport.target} (windows)`);
  if (platform.os !== node.os || platform.arch !== node.arch)
    throw new Error(`the target is ${platform.os}/${platform.arch} and this host's Node is ${node.os}/${node.arch}: inside mode runs a copy of it, so both must match`);

  const dir = await transport.upload([
    { name: 'node', hostPath: node.path, mode: 0o755 },
    { name: 'goverity.mjs', hostPath: bundle, mode: 0o644 },
  ]);
  try {
    const copiedNode = path.posix.join(dir, 'node');
    const run = randomBytes(8).toString('hex');
    const limitMs = options.timeoutMs ?? 15 * 60_000;
    // At the limit the engine gets a SIGTERM, on which it removes its own temp dir; the transport's hard bound comes later.
    let stopped = false;
    const deadline = setTimeout(() => {
      stopped = true;
      void sweepInsideRun(transport, copiedNode, run, 'SIGTERM').catch(() => null);
    }, limitMs);
    let r: ExecResult;
    try {
      r = await transport.exec([copiedNode, path.posix.join(dir, 'goverity.mjs'), 'verify', '--target', 'local', '--json', ...(options.project ? ['--project', options.project] : [])], {
        timeoutMs: limitMs + 30_000,
        // A report is a few KiB; the engine caps every output it keeps at 1 MiB.
        maxBytes: 64 << 20,
        env: { [INSIDE_RUN_VAR]: run, [SCRATCH_DIR_VAR]: dir },
      });
    } finally {
      clearTimeout(deadline);
      // Nothing is left when the engine exits on its own; this ends what a stopped or cut-off engine orphaned.
      await sweepInsideRun(transport, copiedNode, run, 'SIGKILL').catch(() => null);
    }
    const verdictExit = r.exitCode !== null && VERDICT_EXITS.includes(r.exitCode);
    if (!verdictExit || r.spawnError !== null) {
      const interpreterPresent = r.spawnError !== null && node.interpreter ? (await transport.readFile(node.interpreter, 1)) !== null : null;
      const cantStart = explainNodeStartFailure(r, { hostPath: node.path, interpreter: node.interpreter, interpreterPresent });
      if (cantStart) throw new Error(cantStart);
    }
    const tail = r.stderr.trim().split('\n').filter(Boolean).slice(-20);
    const last = tail.at(-1) ?? 'nothing on stderr';
    const seconds = Math.round(limitMs / 1000);
    if ((stopped || r.timedOut) && !verdictExit) throw new ErrorWithLog(`the bundled engine did not finish within ${seconds} s on ${transport.target}: ${last}`, tail);
    if (r.truncated) throw new ErrorWithLog(`the bundled engine printed more than 64 MiB on ${transport.target}: ${last}`, tail);
    if (!verdictExit)
      throw new ErrorWithLog(`the bundled engine exited with ${r.exitCode ?? 'no status'} on ${transport.target}: ${last}`, tail);
    try {
      return parseReport(r.stdout);
    } catch (e) {
      throw new ErrorWithLog(`the bundled engine exited with ${r.exitCode} on ${transport.target} but printed ${(e as Error).message}`, tail);
    }
  } finally {
    await transport.removeTree(dir);
  }
}
