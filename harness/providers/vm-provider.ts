import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { SshTransport } from '../../engine/transport/ssh-transport.js';
import type { Transport } from '../../engine/transport/transport.js';
import type { ImageBuilder, ImageProgressEvent } from '../images/image-builder.js';
import { ErrorWithLog } from '../runner/error-with-log.js';
import type { Scenario } from '../scenarios/scenario.js';
import { logTail, OWNER_FILE, QEMU_PID_FILE, startQemuVm, type QemuVm } from '../vm/qemu-vm.js';
import { ensureVmDisk, type VmDisk } from '../vm/vm-disk.js';
import { ensureVmImage } from '../vm/vm-image.js';
import { isProcessAlive } from './is-process-alive.js';
import type { Provider } from './provider.js';
import { sharedImageBuilder } from './shared-image-builder.js';

export interface VmProviderOptions {
  /** Disks, kernels and per-run directories; default `<repo>/.cache/vm` or GOVERITY_VM_CACHE. */
  cacheDir?: string;
  /** How long a VM may take to answer SSH; default 180 s (software emulation on a busy host). */
  bootTimeoutMs?: number;
  /** `kvm` only where hardware virtualisation really works (nested KVM here hangs guests). */
  accel?: 'tcg' | 'kvm';
  /** Virtual CPUs (QEMU -smp); default 2. Software emulation may give a VM more CPUs than the host has. */
  cpus?: number;
}

/**
 * Each linux scenario in a real Linux VM: its image's layers plus the VM layer, as a cached ext4 disk,
 * booted by QEMU (software emulation unless told otherwise) behind a per-run copy-on-write overlay, reached
 * over SSH on a 127.0.0.1 forward of a restricted user-mode network.
 */
export class VmProvider implements Provider {
  readonly name = 'vm';
  readonly isolation = 'vm';
  readonly #builder: ImageBuilder;
  readonly #cacheDir: string;
  readonly #bootTimeoutMs: number;
  readonly #accel: 'tcg' | 'kvm';
  readonly #cpus: number;
  readonly #disks = new Map<string, VmDisk>();
  readonly #live = new Set<{ dispose: () => Promise<void> }>();

  constructor(
    private readonly docker: Dockerode,
    private readonly runId: string,
    repoRoot: string,
    onBuildLine?: (e: ImageProgressEvent) => void,
    options: VmProviderOptions = {},
  ) {
    this.#builder = sharedImageBuilder(docker, repoRoot, onBuildLine);
    this.#cacheDir = options.cacheDir ?? process.env.GOVERITY_VM_CACHE ?? path.join(repoRoot, '.cache', 'vm');
    this.#bootTimeoutMs = options.bootTimeoutMs ?? (Number(process.env.GOVERITY_VM_BOOT_TIMEOUT_MS) || 180_000);
    this.#accel = options.accel ?? (process.env.GOVERITY_VM_ACCEL === 'kvm' ? 'kvm' : 'tcg');
    this.#cpus = options.cpus ?? 2;
  }

  cannotHost(scenario: Scenario): string | null {
    return scenario.platform === 'linux' ? null : `a ${scenario.platform} scenario needs the wine provider`;
  }

  async prepare(scenario: Scenario): Promise<string> {
    const image = await ensureVmImage(this.#builder, this.docker, scenario);
    const disk = await ensureVmDisk(this.docker, image, this.#cacheDir, this.runId);
    this.#disks.set(disk.dir, disk);
    return disk.dir;
  }

  async start(scenario: Scenario, prepared: string): Promise<Transport> {
    const disk = this.#disks.get(prepared);
    if (!disk) throw new Error(`no VM disk prepared at ${prepared}`);
    const vm = await startQemuVm(disk, path.join(this.#cacheDir, 'runs'), { accel: this.#accel, memoryMb: 1536, cpus: this.#cpus });
    // The control socket sits in the run dir, so a killed run's leftovers are swept with it.
    const transport = new SshTransport(
      { host: '127.0.0.1', port: vm.port, user: disk.user, identityFile: vm.keyFile },
      `vm:${scenario.id}`,
      undefined,
      path.join(vm.runDir, 'ssh'),
    );
    const closeSsh = transport[Symbol.asyncDispose].bind(transport);
    const dispose = async () => {
      this.#live.delete(entry);
      await closeSsh().catch(() => undefined);
      await vm.stop();
    };
    const entry = { dispose };
    this.#live.add(entry);
    try {
      await this.#waitForSsh(vm, transport);
    } catch (e) {
      await dispose();
      throw e;
    }
    transport[Symbol.asyncDispose] = dispose;
    return transport;
  }

  /** Boot is done when a command answers over SSH; QEMU exiting or the deadline passing fails it with the console's tail. */
  async #waitForSsh(vm: QemuVm, transport: SshTransport): Promise<void> {
    const deadline = Date.now() + this.#bootTimeoutMs;
    let gone = false;
    void vm.exited.then(() => (gone = true));
    let last = '';
    while (Date.now() < deadline && !gone) {
      try {
        // An attempt may not outlast the boot deadline: a late answer would make the bound a suggestion.
        const r = await transport.exec(['true'], { timeoutMs: Math.max(500, Math.min(15_000, deadline - Date.now())), maxBytes: 4096 });
        if (r.exitCode === 0) return;
        last = r.stderr.trim() || `exit ${r.exitCode}`;
      } catch (e) {
        last = (e as Error).message;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const tail = await logTail(vm.consoleLog);
    if (gone) throw new ErrorWithLog('the VM stopped before SSH answered (console tail attached)', tail);
    throw new ErrorWithLog(
      `the VM did not answer SSH within ${Math.round(this.#bootTimeoutMs / 1000)} s (last: ${last.split('\n')[0]}; console tail attached)`,
      tail,
    );
  }

  /** Stops every VM still up and removes its overlay and run directory (an interrupt). */
  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.allSettled([...this.#live].map((e) => e.dispose()));
  }

  /** Run directories (and their QEMU, if somehow still alive) and export containers of harness processes that are gone. */
  async sweep(): Promise<number> {
    let removed = 0;
    const runs = path.join(this.#cacheDir, 'runs');
    for (const name of await readdir(runs).catch(() => [] as string[])) {
      const dir = path.join(runs, name);
      const owner = Number((await readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => '')).trim());
      if (isProcessAlive(owner)) continue;
      const qemu = Number((await readFile(path.join(dir, QEMU_PID_FILE), 'utf8').catch(() => '')).trim());
      // Only a QEMU whose command line names this run dir: a recycled PID belongs to someone else.
      const cmdline = isProcessAlive(qemu) ? await readFile(`/proc/${qemu}/cmdline`, 'utf8').catch(() => '') : '';
      if (cmdline.includes(dir)) {
        try {
          process.kill(qemu, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
    const stale = (await this.docker.listContainers({ all: true, filters: { label: ['goverity.vm-export'] } }).catch(() => [])).filter(
      (c) => !isProcessAlive(Number(c.Labels['goverity.pid'])),
    );
    await Promise.all(
      stale.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    return removed + stale.length;
  }
}
