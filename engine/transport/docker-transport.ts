import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ExecOptions, ExecResult, FileBytes, FileStat, Platform, TargetOS, Transport, UploadFile } from './transport.js';
import { packFiles, readFirstTarEntry } from './tar-files.js';
import { packHostFiles } from './pack-host-files.js';
import { goArch } from './go-arch.js';
import { listDirByLs, writableByTest } from './posix-file-queries.js';
import { TargetError } from './target-error.js';

// Go's os.FileMode type bits, as Docker's archive stat header reports them.
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

interface Helpers {
  timeout: boolean;
  env: boolean;
}

/**
 * What a container made for verification may use: a go (or a detector) that forks endlessly or reads a flood into memory
 * stays inside it. Seen: a shell capturing an endless `go version` reached 23 GB and woke the host's OOM killer.
 */
export const CONTAINER_LIMITS = { PidsLimit: 1024, Memory: 4 * 1024 ** 3, MemorySwap: 4 * 1024 ** 3 } as const;

/**
 * A container driven agentlessly: exec with an argv (no shell needed) and the archive API for files.
 * `owned` containers were started for this verification and are removed on dispose; others are left as found.
 */
export class DockerTransport implements Transport {
  readonly isContainer = true;
  #helpers?: Promise<Helpers>;
  #env?: Promise<Record<string, string>>;
  readonly #tempDirs = new Set<string>();
  readonly #container: Dockerode.Container;

  constructor(
    private readonly docker: Dockerode,
    readonly containerId: string,
    readonly target: string,
    private readonly owned: boolean,
  ) {
    this.#container = docker.getContainer(containerId);
  }

  get leaveAsFound(): boolean {
    return !this.owned;
  }

  async platform(): Promise<Platform> {
    const info = await this.#container.inspect();
    const image = await this.docker.getImage(info.Image).inspect();
    const os = (['linux', 'windows', 'darwin', 'freebsd'] as const).find((o) => o === image.Os) ?? ('unknown' as TargetOS);
    return { os, arch: goArch(image.Architecture ?? 'unknown') };
  }

  environment(): Promise<Record<string, string>> {
    this.#env ??= (async () => {
      const r = await this.exec(['env'], { timeoutMs: 10_000, maxBytes: 1 << 20 }, false);
      const text = r.exitCode === 0 ? r.stdout : '';
      const lines = text ? text.split('\n') : ((await this.#container.inspect()).Config.Env ?? []);
      const out: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf('=');
        if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
      }
      return out;
    })();
    return this.#env;
  }

  /** Whether timeout(1) and env(1) are on the container's PATH: a few stats, not execs, since every command waits on it. */
  #probeHelpers(): Promise<Helpers> {
    this.#helpers ??= (async () => {
      const info = await this.#container.inspect();
      const pathVar = (info.Config.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5) || '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
      const onPath = async (name: string) => {
        const hits = await Promise.all(
          pathVar
            .split(':')
            .filter(Boolean)
            .map((d) => this.#stat(`${d}/${name}`)),
        );
        return hits.some((st) => st !== null && !hasBit(st.mode, MODE_DIR) && (st.mode & 0o111) !== 0);
      };
      const [timeout, env] = await Promise.all([onPath('timeout'), onPath('env')]);
      return { timeout, env };
    })();
    return this.#helpers;
  }

  async exec(argv: string[], options: ExecOptions, bounded = true): Promise<ExecResult> {
    const helpers = bounded ? await this.#probeHelpers() : { timeout: false, env: false };
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
    const exec = await this.#container.exec({
      Cmd: cmd,
      Env: set,
      WorkingDir: options.cwd,
      AttachStdout: true,
      AttachStderr: true,
      AttachStdin: false,
      Tty: false,
    });
    const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & { destroy: () => void };
    const out = new Capped(options.maxBytes);
    const err = new Capped(options.maxBytes);
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
      this.docker.modem.demuxStream(stream, stdout, stderr);
      stream.on('end', stop);
      stream.on('close', stop);
      stream.on('error', stop);
    });
    let exitCode: number | null = null;
    const info = await exec.inspect().catch(() => null);
    if (info && !info.Running) exitCode = info.ExitCode ?? null;
    const elapsed = performance.now() - started;
    if (helpers.timeout && exitCode === 137 && elapsed >= options.timeoutMs - 50) timedOut = true;
    if ((timedOut || truncated) && info?.Running) await this.#killStray(info.Pid);
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
  async #killStray(hostPid: number | undefined): Promise<void> {
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

  async #stat(path: string): Promise<{ mode: number; size: number; resolved: string | null } | null> {
    try {
      const res = (await this.#container.infoArchive({ path })) as unknown as { headers: Record<string, string>; resume?: () => void };
      res.resume?.();
      const raw = res.headers['x-docker-container-path-stat'];
      if (!raw) return null;
      const st = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { mode: number; size: number; linkTarget?: string };
      return { mode: st.mode >>> 0, size: st.size, resolved: st.linkTarget || null };
    } catch {
      return null;
    }
  }

  async lstat(path: string): Promise<FileStat | null> {
    const st = await this.#stat(path);
    if (!st) return this.#lstatViaArchive(path);
    const type = hasBit(st.mode, MODE_DIR) ? 'dir' : hasBit(st.mode, MODE_SYMLINK) ? 'symlink' : isOther(st.mode) ? 'other' : 'file';
    let linkTarget: string | null = null;
    if (type === 'symlink') linkTarget = (await this.#lstatViaArchive(path))?.linkTarget ?? null;
    return { path, type, mode: st.mode & 0o777, size: st.size, linkTarget };
  }

  /** The archive API lists a symlink as itself (its raw target); a loop makes the stat header fail, this still answers. */
  async #lstatViaArchive(path: string): Promise<FileStat | null> {
    try {
      const stream = (await this.#container.getArchive({ path })) as NodeJS.ReadableStream & { destroy: () => void };
      const head = await readFirstTarEntry(stream, 0);
      if (!head) return null;
      const type =
        head.type === 'SymbolicLink' ? 'symlink' : head.type === 'Directory' ? 'dir' : head.type === 'File' || head.type === 'OldFile' ? 'file' : 'other';
      return { path, type, mode: head.mode & 0o777, size: head.size, linkTarget: head.linkpath };
    } catch {
      return null;
    }
  }

  async readFile(path: string, maxBytes: number): Promise<FileBytes | null> {
    const st = await this.#stat(path);
    const real = st?.resolved ?? path;
    try {
      const stream = (await this.#container.getArchive({ path: real })) as NodeJS.ReadableStream & { destroy: () => void };
      const head = await readFirstTarEntry(stream, maxBytes);
      if (!head || head.type === 'Directory' || head.type === 'SymbolicLink') return null;
      return { bytes: head.bytes, size: head.size };
    } catch {
      return null;
    }
  }

  readDir(path: string): Promise<string[] | null> {
    return listDirByLs((argv, o) => this.exec(argv, o), path);
  }

  writable(path: string): Promise<boolean | null> {
    return writableByTest((argv, o) => this.exec(argv, o), path);
  }

  async makeTempDir(files: Record<string, string>): Promise<string> {
    // mktemp runs as the container's user, so that user owns the directory its builds write into.
    const r = await this.exec(['mktemp', '-d', '/tmp/goverity-XXXXXXXX'], { timeoutMs: 10_000, maxBytes: 4096 });
    let dir = r.exitCode === 0 ? r.stdout.trim() : '';
    if (!dir) {
      dir = `/tmp/goverity-${randomBytes(4).toString('hex')}`;
      await this.#container.putArchive(packFiles({ [`${dir.slice(5)}/.keep`]: '' }, 0o666), { path: '/tmp' });
    }
    this.#tempDirs.add(dir);
    if (Object.keys(files).length) await this.#container.putArchive(packFiles(files), { path: dir });
    return dir;
  }

  async upload(files: UploadFile[]): Promise<string> {
    const archive = await packHostFiles(files);
    // A temp dir like the probes' own: made by the container's user, and removed on dispose at the latest.
    const dir = await this.makeTempDir({});
    // A host read error mid-archive would leave the request waiting for the rest: it is aborted instead.
    const abort = new AbortController();
    let readError: Error | null = null;
    archive.once('error', (e: Error) => {
      readError = e;
      abort.abort();
    });
    await this.#container.putArchive(archive, { path: dir, abortSignal: abort.signal }).catch((e: Error) => {
      throw readError ?? e;
    });
    return dir;
  }

  async removeTree(path: string): Promise<void> {
    this.#tempDirs.delete(path);
    await this.exec(['rm', '-rf', path], { timeoutMs: 30_000, maxBytes: 4096 }).catch(() => undefined);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.owned) {
      // 404: already gone; 409: a removal is already under way (an interrupt's teardown racing a normal one).
      await this.#container.remove({ force: true, v: true }).catch((e: { statusCode?: number }) => {
        if (e.statusCode !== 404 && e.statusCode !== 409) throw e;
      });
      return;
    }
    for (const dir of [...this.#tempDirs]) await this.removeTree(dir);
  }

  /** Starts a fresh container from an image, with no network, for one verification. */
  static async fromImage(docker: Dockerode, image: string, labels: Record<string, string> = {}): Promise<DockerTransport> {
    try {
      await docker.getImage(image).inspect();
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404)
        throw new TargetError(`image ${image} does not exist on this Docker engine (build it, or check the name with: docker images)`);
      throw e;
    }
    // The container idles while probes run; `sleep` is preferred, a shell waiting on stdin is the fallback.
    for (const keepAlive of [{ Cmd: ['sleep', 'infinity'] }, { Cmd: ['/bin/sh'], OpenStdin: true }]) {
      const container = await docker.createContainer({
        Image: image,
        Entrypoint: [],
        ...keepAlive,
        Labels: { 'goverity.target': 'docker-image', ...labels },
        HostConfig: { NetworkMode: 'none', AutoRemove: false, ...CONTAINER_LIMITS },
      });
      const transport = new DockerTransport(docker, container.id, `docker-image:${image}`, true);
      try {
        await container.start();
        const state = (await container.inspect()).State;
        if (state.Running) return transport;
      } catch {
        // fall through to the next keep-alive command
      }
      await transport[Symbol.asyncDispose]();
    }
    throw new TargetError(`image ${image} has neither sleep nor /bin/sh to keep a container alive for verification`);
  }

  /** An existing, running container, left as it was found. */
  static async fromContainer(docker: Dockerode, nameOrId: string): Promise<DockerTransport> {
    let info: Dockerode.ContainerInspectInfo;
    try {
      info = await docker.getContainer(nameOrId).inspect();
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) throw new TargetError(`container ${nameOrId} does not exist (list running ones with: docker ps)`);
      throw e;
    }
    if (!info.State.Running) throw new TargetError(`container ${nameOrId} is not running (start it with: docker start ${nameOrId})`);
    return new DockerTransport(docker, info.Id, `docker:${nameOrId}`, false);
  }
}

function hasBit(mode: number, bit: number): boolean {
  return Math.floor(mode / bit) % 2 === 1;
}

function isOther(mode: number): boolean {
  // named pipe, socket, device, char device, irregular
  return [25, 24, 26, 21, 19].some((b) => hasBit(mode, 2 ** b));
}

class Capped {
  #chunks: Buffer[] = [];
  #size = 0;
  full = false;
  constructor(private readonly max: number) {}
  push(c: Buffer): void {
    if (this.full) return;
    const take = c.subarray(0, this.max - this.#size);
    this.#chunks.push(take);
    this.#size += take.length;
    if (this.#size >= this.max) this.full = true;
  }
  text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}

/** coreutils: `timeout: failed to run command 'X': …`, `env: 'X': …`; busybox: `timeout: can't execute 'X': …`. */
export function isHelperExecError(stderr: string, file: string): boolean {
  const line = stderr.trim();
  if (!file || line.includes('\n')) return false;
  const quoted = [`'${file}'`, `\u2018${file}\u2019`, file];
  return ['timeout: failed to run command ', 'env: ', "timeout: can't execute ", "env: can't execute "].some((p) =>
    quoted.some((q) => line.startsWith(`${p}${q}: `)),
  );
}
