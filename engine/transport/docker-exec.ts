import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { CappedBuffer } from './capped-buffer.js';
import { isHelperExecError } from './helper-exec-error.js';
import type { ExecOptions, ExecResult } from './transport.js';

/** Whether timeout(1) and env(1) are on the container's PATH: they bound a command in time and unset variables. */
export interface ExecHelpers {
  timeout: boolean;
  env: boolean;
}

/**
 * One command in a running container through the exec API, with an argv (no shell needed): bounded in time by
 * timeout(1) inside the container (and a host timer past it), and in size by a cap on each stream.
 */
export async function execInContainer(
  docker: Dockerode,
  container: Dockerode.Container,
  argv: string[],
  options: ExecOptions,
  helpers: ExecHelpers,
): Promise<ExecResult> {
  const set: string[] = [];
  const unset: string[] = [];
  for (const [k, v] of Object.entries(options.env ?? {})) (v === null ? unset : set).push(v === null ? k : `${k}=${v}`);
  let cmd = argv;
  // Go treats an empty GOROOT/GOENV like an unset one, so "" is the fallback where env(1) is missing.
  if (unset.length) cmd = helpers.env ? ['env', ...unset.flatMap((k) => ['-u', k]), ...cmd] : cmd;
  if (unset.length && !helpers.env) set.push(...unset.map((k) => `${k}=`));
  // Stopping the exec client does not stop the process inside; timeout(1) kills its whole group in the container.
  if (helpers.timeout) cmd = ['timeout', '-s', 'KILL', String(Math.max(1, Math.ceil(options.timeoutMs / 1000))), ...cmd];

  const started = performance.now();
  const exec = await container.exec({
    Cmd: cmd,
    Env: set,
    WorkingDir: options.cwd,
    AttachStdout: true,
    AttachStderr: true,
    AttachStdin: false,
    Tty: false,
  });
  const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & { destroy: () => void };
  const out = new CappedBuffer(options.maxBytes);
  const err = new CappedBuffer(options.maxBytes);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  let timedOut = false;
  let truncated = false;
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve();
    };
    // A grace period past the in-container timeout: it only fires when timeout(1) is missing or stuck.
    const timer = setTimeout(
      () => {
        timedOut = true;
        stream.destroy();
        stop();
      },
      options.timeoutMs + (helpers.timeout ? 5_000 : 0),
    );
    const watch = setInterval(() => {
      if (out.full || err.full) {
        truncated = true;
        stream.destroy();
        stop();
      }
    }, 20);
    docker.modem.demuxStream(stream, stdout, stderr);
    stream.on('end', stop);
    stream.on('close', stop);
    stream.on('error', stop);
  });
  let exitCode: number | null = null;
  const info = await exec.inspect().catch(() => null);
  if (info && !info.Running) exitCode = info.ExitCode ?? null;
  const elapsed = performance.now() - started;
  if (helpers.timeout && exitCode === 137 && elapsed >= options.timeoutMs - 50) timedOut = true;
  if ((timedOut || truncated) && info?.Running) killStray(info.Pid);
  const stdoutText = out.text();
  const runtimeError = /OCI runtime exec failed|exec failed:|executable file not found/.exec(stdoutText + err.text());
  // Behind timeout(1)/env(1), a file the kernel will not start (a missing #! interpreter, no permission) is their
  // one-line complaint naming it, exit 126/127: the same spawn failure a local run reports.
  const helperError = (exitCode === 126 || exitCode === 127) && !stdoutText && cmd !== argv && isHelperExecError(err.text(), argv[0] ?? '');
  return {
    argv,
    exitCode,
    stdout: runtimeError ? '' : stdoutText,
    stderr: helperError ? '' : err.text(),
    timedOut,
    truncated,
    spawnError: (runtimeError || helperError) && (exitCode === 126 || exitCode === 127) ? (stdoutText + err.text()).trim() : null,
    durationMs: Math.round(elapsed),
  };
}

/**
 * Cuts off a command at once (a flood must not keep both cores busy until timeout(1) fires). timeout(1) leads
 * its own process group, so the group dies whole; only reachable when the engine runs on this host.
 */
function killStray(hostPid: number | undefined): void {
  if (!hostPid) return;
  for (const target of [-hostPid, hostPid]) {
    try {
      process.kill(target, 'SIGKILL');
      return;
    } catch {
      // not a group leader, or not ours to reach (remote engine): timeout(1) still bounds it in time
    }
  }
}
