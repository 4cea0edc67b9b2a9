import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ExecResult, Transport, UploadFile } from '../../engine/transport/transport.js';
import { describeHostNode, type HostNode } from './describe-host-node.js';
import { INSIDE_RUN_VAR, sweepInsideRun } from './sweep-inside-run.js';

export interface InsideRun {
  /** Copied next to this host's Node into a fresh private directory (not on PATH). */
  files: UploadFile[];
  /** The command to run there, given that directory and the copied Node. */
  argv: (dir: string, node: string) => string[];
  /** Extra environment (the run's mark is added). */
  env?: (dir: string) => Record<string, string>;
  /** At the limit the run gets a SIGTERM (to clean up after itself); the transport's hard bound comes graceMs later. */
  timeoutMs: number;
  /** 30 s by default. */
  graceMs?: number;
  /** Cap on stdout and stderr, each. */
  maxBytes: number;
  /** The Node binary to copy (it also sweeps the run's processes); this process's by default. */
  node?: string;
  /** Run in the copied directory instead of the target's default working directory. */
  cwdInDir?: boolean;
}

export interface InsideOutcome {
  result: ExecResult;
  /** The limit passed and the run was sent a SIGTERM. */
  stopped: boolean;
  node: HostNode;
}

/**
 * Copies files and this host's Node into a private temp dir on the target, runs a command there bounded in time
 * and bytes, then ends every process the run started (each carries the run's mark in its environment, so one that
 * left the process group is found too) and removes the directory: the target is left as it was found.
 */
export async function runInside(transport: Transport, run: InsideRun): Promise<InsideOutcome> {
  if (!transport.upload) throw new Error(`this provider's transport can't host a bundled engine or a detector (target ${transport.target} has no upload)`);
  const node = await describeHostNode(run.node);
  const platform = await transport.platform();
  // The copy's path, the sweep (/proc) and the signals are Unix ones.
  if (platform.os === 'windows') throw new Error(`inside runs are for Unix-like targets, not ${transport.target} (windows)`);
  if (platform.os !== node.os || platform.arch !== node.arch)
    throw new Error(
      `the target is ${platform.os}/${platform.arch} and this host's Node is ${node.os}/${node.arch}: an inside run copies it, so both must match`,
    );

  const dir = await transport.upload([{ name: 'node', hostPath: node.path, mode: 0o755 }, ...run.files]);
  try {
    const copiedNode = path.posix.join(dir, 'node');
    const mark = randomBytes(8).toString('hex');
    let stopped = false;
    const deadline = setTimeout(() => {
      stopped = true;
      void sweepInsideRun(transport, copiedNode, mark, 'SIGTERM').catch(() => null);
    }, run.timeoutMs);
    let result: ExecResult;
    try {
      result = await transport.exec(run.argv(dir, copiedNode), {
        timeoutMs: run.timeoutMs + (run.graceMs ?? 30_000),
        maxBytes: run.maxBytes,
        env: { ...run.env?.(dir), [INSIDE_RUN_VAR]: mark },
        ...(run.cwdInDir ? { cwd: dir } : {}),
      });
    } finally {
      clearTimeout(deadline);
      // Nothing is left when the command exits on its own; this ends what a stopped or cut-off one orphaned.
      await sweepInsideRun(transport, copiedNode, mark, 'SIGKILL').catch(() => null);
    }
    return { result, stopped, node };
  } finally {
    await transport.removeTree(dir);
  }
}
