import { spawn } from 'node:child_process';
import os from 'node:os';
import { CappedBuffer } from './capped-buffer.js';

/** What one remote command gave back, as bytes; the caps and the deadline are enforced client-side. */
export interface SshRunResult {
  exitCode: number | null;
  stdout: Buffer;
  stderr: Buffer;
  /** The client was killed at the deadline. */
  timedOut: boolean;
  /** A stream passed maxBytes and the client was killed. */
  truncated: boolean;
  durationMs: number;
}

export interface SshRunLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Runs one shell command line on the target (optionally feeding stdin); never throws for the command's own failure. */
export type SshRunner = (command: string, limits: SshRunLimits, stdin?: Buffer) => Promise<SshRunResult>;

/**
 * Runs `file args... COMMAND` as a child of this process, capturing at most maxBytes of each stream and
 * killing the client past the deadline or the cap. For ssh, the remote side is bounded on its own
 * (timeout(1) there); killing the client closes the channel, so a flooding command dies of SIGPIPE.
 */
export function spawnRunner(file: string, args: readonly string[]): SshRunner {
  return (command, limits, stdin) =>
    new Promise((resolve) => {
      const started = performance.now();
      const child = spawn(file, command ? [...args, command] : [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out = new CappedBuffer(limits.maxBytes);
      const err = new CappedBuffer(limits.maxBytes);
      let timedOut = false;
      let truncated = false;
      let spawnError: Error | null = null;
      // Our pipe ends go too: whatever still writes into them (the remote side, a grandchild) gets SIGPIPE.
      const stopClient = () => {
        child.kill('SIGKILL');
        child.stdout.destroy();
        child.stderr.destroy();
      };
      const take = (sink: CappedBuffer) => (c: Buffer) => {
        sink.push(c);
        if (sink.full && !truncated) {
          truncated = true;
          stopClient();
        }
      };
      child.stdout.on('data', take(out));
      child.stderr.on('data', take(err));
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin ?? Buffer.alloc(0));
      const timer = setTimeout(() => {
        timedOut = true;
        stopClient();
      }, limits.timeoutMs);
      child.on('error', (e) => {
        spawnError = e;
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const stderr = err.bytes();
        resolve({
          // Killed by a signal reads as a shell would report it (KILL → 137).
          exitCode: spawnError || timedOut || truncated ? null : (code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : null)),
          stdout: out.bytes(),
          stderr: spawnError ? Buffer.from(`${file}: ${(spawnError as Error).message}\n`) : stderr,
          timedOut,
          truncated,
          durationMs: Math.round(performance.now() - started),
        });
      });
    });
}
