import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import { type ExecHelpers, execInContainer } from './docker-exec.js';
import { ContainerFiles } from './docker-files.js';
import { removeContainer, runningContainerId, startVerificationContainer } from './docker-lifecycle.js';
import { goArch } from './go-arch.js';
import { packHostFiles } from './pack-host-files.js';
import { listDirByLs, writableByTest } from './posix-file-queries.js';
import { packFiles } from './tar-files.js';
import type { ExecOptions, ExecResult, FileBytes, FileStat, Platform, TargetOS, Transport, UploadFile } from './transport.js';

export { CONTAINER_LIMITS } from './docker-lifecycle.js';

/**
 * A container driven agentlessly: exec with an argv (no shell needed, docker-exec.ts) and the archive API for files
 * (docker-files.ts). `owned` containers were started for this verification (docker-lifecycle.ts) and are removed on
 * dispose; others are left as found.
 */
export class DockerTransport implements Transport {
  readonly isContainer = true;
  #helpers?: Promise<ExecHelpers>;
  #env?: Promise<Record<string, string>>;
  readonly #tempDirs = new Set<string>();
  readonly #container: Dockerode.Container;
  readonly #files: ContainerFiles;

  constructor(
    private readonly docker: Dockerode,
    readonly containerId: string,
    readonly target: string,
    private readonly owned: boolean,
  ) {
    this.#container = docker.getContainer(containerId);
    this.#files = new ContainerFiles(this.#container);
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
  #probeHelpers(): Promise<ExecHelpers> {
    this.#helpers ??= (async () => {
      const info = await this.#container.inspect();
      const pathVar = (info.Config.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5) || '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
      const dirs = pathVar.split(':').filter(Boolean);
      const onPath = async (name: string) => (await Promise.all(dirs.map((d) => this.#files.isExecutableFile(`${d}/${name}`)))).some(Boolean);
      const [timeout, env] = await Promise.all([onPath('timeout'), onPath('env')]);
      return { timeout, env };
    })();
    return this.#helpers;
  }

  async exec(argv: string[], options: ExecOptions, bounded = true): Promise<ExecResult> {
    const helpers = bounded ? await this.#probeHelpers() : { timeout: false, env: false };
    return execInContainer(this.docker, this.#container, argv, options, helpers);
  }

  lstat(path: string): Promise<FileStat | null> {
    return this.#files.lstat(path);
  }

  readFile(path: string, maxBytes: number): Promise<FileBytes | null> {
    return this.#files.readFile(path, maxBytes);
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
    if (this.owned) return removeContainer(this.#container);
    for (const dir of [...this.#tempDirs]) await this.removeTree(dir);
  }

  /** Starts a fresh container from an image, with no network, for one verification. */
  static async fromImage(docker: Dockerode, image: string, labels: Record<string, string> = {}): Promise<DockerTransport> {
    return new DockerTransport(docker, await startVerificationContainer(docker, image, labels), `docker-image:${image}`, true);
  }

  /** An existing, running container, left as it was found. */
  static async fromContainer(docker: Dockerode, nameOrId: string): Promise<DockerTransport> {
    return new DockerTransport(docker, await runningContainerId(docker, nameOrId), `docker:${nameOrId}`, false);
  }
}
