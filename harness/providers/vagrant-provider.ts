import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { DockerTransport } from '../../engine/transport/docker-transport.js';
import type { Transport } from '../../engine/transport/transport.js';
import type { ImageBuilder, ImageProgressEvent } from '../images/image-builder.js';
import { ErrorWithLog } from '../runner/error-with-log.js';
import type { Scenario } from '../scenarios/scenario.js';
import { ensureScenarioImage } from '../scenarios/scenario-image.js';
import { OWNER_PID_LABEL, RUN_LABEL } from './docker-provider.js';
import { findOnPath } from './find-on-path.js';
import { isProcessAlive } from './is-process-alive.js';
import type { Provider } from './provider.js';
import { runVagrant, type VagrantRun } from './run-vagrant.js';
import { sharedImageBuilder } from './shared-image-builder.js';

/** The project directory a container belongs to: teardown and sweeps find it by this even without Vagrant's state. */
export const VAGRANT_PROJECT_LABEL = 'goverity.vagrant-project';
/** Project directories are `<tmp>/goverity-vagrant-<owner pid>-<random>`, so a sweep can tell dead owners' ones. */
export const VAGRANT_PROJECT_PREFIX = 'goverity-vagrant-';
/** The committed Vagrantfile every project uses, relative to the repo root. */
export const VAGRANT_DOCKER_DIR = 'vagrant/docker';

const LOG_TAIL_LINES = 30;

export interface VagrantProviderOptions {
  /** Where project directories go (default: the OS temp dir). */
  tmpDir?: string;
  upTimeoutMs?: number;
  destroyTimeoutMs?: number;
}

interface Machine {
  dir: string;
  env: Record<string, string>;
  /** Kills a `vagrant up` still running when teardown begins (an interrupt). */
  abort: AbortController;
  up: Promise<VagrantRun> | null;
  containerId: string | null;
  removeById: (() => Promise<void>) | null;
  down: Promise<void> | null;
}

/**
 * The vagrant tier on Vagrant's docker provider: per scenario a private project (its own VAGRANT_HOME and
 * dotfile path) brings the scenario's prebuilt image up with `vagrant up --provider=docker`, and the engine
 * verifies the container Vagrant reports. Vagrant never builds the image, so `destroy` leaves it alone.
 */
export class VagrantProvider implements Provider {
  readonly name = 'vagrant';
  readonly isolation = 'container';
  readonly #builder: ImageBuilder;
  readonly #vagrantfileDir: string;
  readonly #tmpDir: string;
  readonly #upTimeoutMs: number;
  readonly #destroyTimeoutMs: number;
  readonly #live = new Set<Machine>();
  #closed = false;

  constructor(
    private readonly docker: Dockerode,
    private readonly runId: string,
    repoRoot: string,
    onBuildLine?: (e: ImageProgressEvent) => void,
    options: VagrantProviderOptions = {},
  ) {
    this.#builder = sharedImageBuilder(docker, repoRoot, onBuildLine);
    this.#vagrantfileDir = path.join(path.resolve(repoRoot), VAGRANT_DOCKER_DIR);
    this.#tmpDir = options.tmpDir ?? os.tmpdir();
    this.#upTimeoutMs = options.upTimeoutMs ?? 180_000;
    this.#destroyTimeoutMs = options.destroyTimeoutMs ?? 60_000;
  }

  /** null when the tier can run here; otherwise one line saying what to install. */
  static async unavailable(envPath: string | undefined = process.env.PATH): Promise<string | null> {
    if (!(await findOnPath('vagrant', envPath)))
      return 'vagrant is not installed: run scripts/vagrant.sh as root (Debian: apt-get install --no-install-recommends vagrant), or see https://developer.hashicorp.com/vagrant/install';
    if (!(await findOnPath('docker', envPath)))
      return "Vagrant's docker provider runs the docker CLI, which is not on PATH: apt-get install docker.io (Debian)";
    return null;
  }

  cannotHost(scenario: Scenario): string | null {
    return scenario.platform === 'linux'
      ? null
      : `Vagrant's docker provider hosts linux scenarios only; a ${scenario.platform} scenario needs the wine provider`;
  }

  prepare(scenario: Scenario): Promise<string> {
    return ensureScenarioImage(this.#builder, scenario);
  }

  async start(scenario: Scenario, image: string): Promise<Transport> {
    if (this.#closed) throw new Error('the vagrant provider is shutting down');
    const dir = await mkdtemp(path.join(this.#tmpDir, `${VAGRANT_PROJECT_PREFIX}${process.pid}-`));
    const labels = {
      [RUN_LABEL]: this.runId,
      [OWNER_PID_LABEL]: String(process.pid),
      'goverity.scenario': scenario.id,
      'goverity.target': 'vagrant',
      [VAGRANT_PROJECT_LABEL]: dir,
    };
    const m: Machine = {
      dir,
      env: {
        VAGRANT_CWD: this.#vagrantfileDir,
        VAGRANT_DOTFILE_PATH: path.join(dir, 'dot'),
        // A private home: no shared machine index or plugin state, and concurrent projects never wait on each other's locks.
        VAGRANT_HOME: path.join(dir, 'home'),
        VAGRANT_CHECKPOINT_DISABLE: '1',
        VAGRANT_NO_PLUGINS: '1',
        VAGRANT_DEFAULT_PROVIDER: 'docker',
        GOVERITY_IMAGE: image,
        GOVERITY_CONTAINER_NAME: `goverity-vagrant-${scenario.id}-${randomBytes(4).toString('hex')}`,
        GOVERITY_LABELS: JSON.stringify(labels),
      },
      abort: new AbortController(),
      up: null,
      containerId: null,
      removeById: null,
      down: null,
    };
    this.#live.add(m);
    try {
      m.up = runVagrant(['up', '--provider=docker', '--no-color'], { env: m.env, cwd: dir, timeoutMs: this.#upTimeoutMs, signal: m.abort.signal });
      const up = await m.up;
      const tail = up.lines.slice(-LOG_TAIL_LINES);
      if (up.exitCode !== 0) {
        const how = up.aborted ? 'was interrupted' : up.timedOut ? `timed out after ${Math.round(this.#upTimeoutMs / 1000)} s` : `failed (exit ${up.exitCode})`;
        throw new ErrorWithLog(`vagrant up ${how}${lastError(up.lines)}`, tail);
      }
      const idFile = path.join(dir, 'dot', 'machines', 'default', 'docker', 'id');
      const id = (await readFile(idFile, 'utf8').catch(() => '')).trim();
      if (!/^[0-9a-f]{12,64}$/.test(id)) throw new ErrorWithLog(`vagrant up succeeded but reported no container id in ${idFile}`, tail);
      m.containerId = id;
      const info = await this.docker.getContainer(id).inspect();
      if (!info.State.Running) throw new ErrorWithLog(`the container vagrant reports (${id.slice(0, 12)}) is ${info.State.Status}, not running`, tail);
      // Owned: the engine treats it like the docker tier's own container (no throwaway GOCACHE), so verdicts compare.
      const t = new DockerTransport(this.docker, id, `vagrant:${scenario.id}`, true);
      m.removeById = t[Symbol.asyncDispose].bind(t);
      t[Symbol.asyncDispose] = () => this.#teardown(m);
      if (this.#closed) throw new Error('the vagrant provider is shutting down');
      return t;
    } catch (e) {
      await this.#teardown(m).catch(() => undefined);
      throw e;
    }
  }

  /**
   * `vagrant destroy -f`, then the container by id and by project label (an `up` killed before it wrote the id),
   * then the project dir. Idempotent; a failing destroy is reported once everything is gone anyway.
   */
  #teardown(m: Machine): Promise<void> {
    m.down ??= (async () => {
      m.abort.abort();
      await m.up?.catch(() => undefined);
      let destroy: VagrantRun | null = null;
      try {
        destroy = await runVagrant(['destroy', '-f', '--no-color'], { env: m.env, cwd: m.dir, timeoutMs: this.#destroyTimeoutMs });
        await m.removeById?.();
        await this.#removeContainers([`${VAGRANT_PROJECT_LABEL}=${m.dir}`]);
      } finally {
        await rm(m.dir, { recursive: true, force: true });
        this.#live.delete(m);
      }
      if (destroy.exitCode !== 0 && !this.#closed)
        throw new ErrorWithLog(
          `vagrant destroy ${destroy.timedOut ? 'timed out' : `failed (exit ${destroy.exitCode})`}${lastError(destroy.lines)}; the container was removed by id instead`,
          destroy.lines.slice(-LOG_TAIL_LINES),
        );
    })();
    return m.down;
  }

  async #removeContainers(labels: string[]): Promise<Dockerode.ContainerInfo[]> {
    const found = await this.docker.listContainers({ all: true, filters: { label: labels } });
    await Promise.all(
      found.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true, v: true })
          .catch(() => undefined),
      ),
    );
    return found;
  }

  /** Tears down every machine still up (an interrupt): running `vagrant up`s are killed first. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#live].map((m) => this.#teardown(m)));
  }

  /** Containers and project dirs of runs whose process is gone (a crash, kill -9); live runs' ones are left alone. */
  async sweep(): Promise<number> {
    const gone = new Set<string>();
    const containers = (await this.docker.listContainers({ all: true, filters: { label: [VAGRANT_PROJECT_LABEL] } })).filter(
      (c) => !isProcessAlive(Number(c.Labels[OWNER_PID_LABEL])),
    );
    await Promise.all(
      containers.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true, v: true })
          .catch(() => undefined),
      ),
    );
    for (const c of containers) gone.add(c.Labels[VAGRANT_PROJECT_LABEL] ?? c.Id);
    const pattern = new RegExp(`^${VAGRANT_PROJECT_PREFIX}(\\d+)-`);
    for (const name of await readdir(this.#tmpDir).catch(() => [] as string[])) {
      const owner = pattern.exec(name);
      if (!owner || isProcessAlive(Number(owner[1]))) continue;
      const dir = path.join(this.#tmpDir, name);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      gone.add(dir);
    }
    return gone.size;
  }
}

/** `: <the last line that reads like Vagrant's error>`, for the one-line message. */
function lastError(lines: string[]): string {
  const line = [...lines].reverse().find((l) => /error|failed|not found|unable|no such|denied/i.test(l)) ?? lines.at(-1);
  return line ? `: ${line.trim()}` : '';
}
