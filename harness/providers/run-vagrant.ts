import { execa } from 'execa';
import { killProcessTree } from '../../engine/transport/kill-process-tree.js';

export interface VagrantRun {
  exitCode: number | null;
  /** stdout and stderr interleaved, one entry a line. */
  lines: string[];
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

export interface VagrantRunOptions {
  /** VAGRANT_* and the Vagrantfile's inputs; the caller's own VAGRANT_* variables are not inherited. */
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Runs `vagrant ARGS` in its own process group, so a timeout or an abort kills it with the docker
 * commands it spawned, and a terminal's Ctrl-C reaches the harness (which tears down) rather than Vagrant.
 */
export async function runVagrant(args: string[], o: VagrantRunOptions): Promise<VagrantRun> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VAGRANT_')) env[k] = v;
  Object.assign(env, o.env);
  const started = performance.now();
  let timedOut = false;
  let aborted = false;
  if (o.signal?.aborted) return { exitCode: null, lines: [], timedOut, aborted: true, durationMs: 0 };
  const child = execa('vagrant', args, {
    env,
    extendEnv: false,
    cwd: o.cwd,
    reject: false,
    stdin: 'ignore',
    all: true,
    detached: true,
    encoding: 'utf8',
    maxBuffer: 4 << 20,
  });
  const kill = () => {
    if (child.pid) killProcessTree(child.pid);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, o.timeoutMs);
  const onAbort = () => {
    aborted = true;
    kill();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const r = await child;
  clearTimeout(timer);
  o.signal?.removeEventListener('abort', onAbort);
  const all = typeof r.all === 'string' ? r.all : '';
  const lines = all
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean);
  if (r.failed && r.exitCode === undefined && !timedOut && !aborted) lines.push(r.shortMessage ?? 'vagrant could not be started');
  return { exitCode: r.exitCode ?? null, lines, timedOut, aborted, durationMs: Math.round(performance.now() - started) };
}
