import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { openSync, closeSync } from 'node:fs';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import type { VmDisk } from './vm-disk.js';

/** Where one VM's files live while it runs: overlay, console log, key pair, pid files. Removed on stop. */
export interface QemuVm {
  runDir: string;
  pid: number;
  port: number;
  keyFile: string;
  consoleLog: string;
  /** Resolves when QEMU exits (for any reason). */
  exited: Promise<void>;
  /** Kills QEMU by its PID, waits for it, removes the run directory. Idempotent. */
  stop(): Promise<void>;
}

export interface QemuOptions {
  accel: 'tcg' | 'kvm';
  memoryMb: number;
  cpus: number;
}

/** The file in a run dir naming the harness process that owns it; sweep() removes dirs whose owner is gone. */
export const OWNER_FILE = 'owner.pid';
export const QEMU_PID_FILE = 'qemu.pid';

/**
 * Boots the disk under QEMU with direct kernel boot: a per-run copy-on-write overlay over the cached raw
 * disk, user-mode networking with restrict=on (the guest reaches nothing) and one host forward,
 * 127.0.0.1:PORT → guest 22. QEMU runs under `setpriv --pdeathsig KILL`, so it dies with this process even
 * on kill -9; its console goes to a file.
 */
export async function startQemuVm(disk: VmDisk, runsDir: string, options: QemuOptions): Promise<QemuVm> {
  const runDir = path.join(runsDir, `${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  await mkdir(runDir, { recursive: true });
  await writeFile(path.join(runDir, OWNER_FILE), `${process.pid}\n`);
  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit').catch(() => undefined);
    }
    await rm(runDir, { recursive: true, force: true });
  };
  try {
    const keyFile = path.join(runDir, 'id');
    const overlay = path.join(runDir, 'overlay.qcow2');
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'goverity-run', '-f', keyFile]);
    await execa('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'raw', '-b', disk.raw, overlay]);
    const pub = (await readFile(`${keyFile}.pub`, 'utf8')).trim();
    const consoleLog = path.join(runDir, 'console.log');
    // A port that was free a moment ago can be taken before QEMU binds it: one more try with another.
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const args = [
        '--pdeathsig',
        'KILL',
        '--',
        'qemu-system-x86_64',
        '-accel',
        options.accel,
        '-m',
        String(options.memoryMb),
        '-smp',
        String(options.cpus),
        '-nodefaults',
        '-display',
        'none',
        '-no-reboot',
        '-kernel',
        disk.kernel,
        '-initrd',
        disk.initrd,
        '-append',
        `root=/dev/vda rootfstype=ext4 rw console=ttyS0 panic=-1 init=/sbin/goverity-init goverity.key=${Buffer.from(pub).toString('base64')}`,
        '-drive',
        `file=${overlay},if=virtio,format=qcow2,cache=unsafe`,
        '-netdev',
        `user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:${port}-:22`,
        '-device',
        'virtio-net-pci,netdev=n0',
        '-serial',
        `file:${consoleLog}`,
        '-pidfile',
        path.join(runDir, QEMU_PID_FILE),
      ];
      const logFd = openSync(path.join(runDir, 'qemu.log'), 'a');
      // Its own process group: a terminal's Ctrl-C reaches the harness, which tears the VM down in order.
      child = spawn('setpriv', args, { stdio: ['ignore', logFd, logFd], detached: true });
      closeSync(logFd);
      const proc = child;
      const exited = once(proc, 'exit').then(
        () => undefined,
        () => undefined,
      );
      // QEMU fails at once on a taken port; past this it is booting.
      const early = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 700))]);
      if (early) {
        const log = await readFile(path.join(runDir, 'qemu.log'), 'utf8').catch(() => '');
        if (attempt === 0 && /host forwarding/i.test(log)) continue;
        throw new Error(`qemu-system-x86_64 exited at once: ${log.trim().split('\n').slice(-3).join(' | ') || `exit ${proc.exitCode ?? proc.signalCode}`}`);
      }
      return { runDir, pid: proc.pid!, port, keyFile, consoleLog, exited, stop };
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The last lines of a console log, for a boot that failed. */
export async function logTail(file: string, lines = 40): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-lines);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
