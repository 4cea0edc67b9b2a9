import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { execa } from 'execa';
import { OWNER_PID_LABEL, RUN_LABEL } from '../providers/docker-provider.js';
import type { VmImage } from './vm-image.js';

/** Bump when the way a disk is made from an image changes, so cached disks are rebuilt. */
export const DISK_SCHEME_VERSION = 1;
/** Free space on the root filesystem beyond the image's content: GOCACHE, builds, temp dirs. */
const HEADROOM_BYTES = 1536 * 2 ** 20;

/** A bootable disk with its kernel and initramfs (taken from the same tree), cached by the image's content hash. */
export interface VmDisk {
  dir: string;
  /** Raw ext4 image of the whole tree; only ever a read-only backing file for per-run overlays. */
  raw: string;
  kernel: string;
  initrd: string;
  /** The login the image's container runs as (its USER, resolved through the tree's /etc/passwd). */
  user: string;
}

/**
 * The VM layer's filesystem as a disk: `docker export` of a never-started container → a directory →
 * `mkfs.ext4 -d` (no loop mount, no privileges beyond reading the tree). Built in a temporary directory
 * and renamed into place, so a half-built disk is never taken for a cached one.
 */
export async function ensureVmDisk(docker: Dockerode, image: VmImage, cacheDir: string, runId: string): Promise<VmDisk> {
  const hash = image.tag.slice(image.tag.lastIndexOf(':') + 1);
  const name = image.tag.slice(image.tag.indexOf('/') + 1, image.tag.lastIndexOf(':'));
  const dir = path.join(cacheDir, 'disks', `${name}-${hash}-v${DISK_SCHEME_VERSION}`);
  const cached = await readMeta(dir);
  if (cached) return cached;

  const work = path.join(cacheDir, 'disks', `.build-${process.pid}-${randomBytes(4).toString('hex')}`);
  const tree = path.join(work, 'tree');
  await mkdir(tree, { recursive: true });
  try {
    await exportTree(docker, image.tag, tree, runId);
    const user = await loginUser(tree, image.user);
    const { stdout } = await execa('du', ['-sb', tree]);
    const bytes = Number(stdout.split(/\s/)[0]) * 1.15 + HEADROOM_BYTES;
    const size = `${Math.ceil(bytes / 2 ** 20)}M`;
    await execa('mkfs.ext4', ['-q', '-F', '-L', 'goverity-root', '-E', 'root_owner=0:0', '-d', tree, path.join(work, 'root.raw'), size]);
    for (const f of ['vmlinuz', 'initrd.img']) await execa('cp', [path.join(tree, 'boot', f), path.join(work, f)]);
    await rm(tree, { recursive: true, force: true });
    await writeFile(path.join(work, 'disk.json'), `${JSON.stringify({ image: image.tag, user, size })}\n`);
    await rename(work, dir).catch(async (e: NodeJS.ErrnoException) => {
      // Another run finished the same disk first: theirs is as good as ours.
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const meta = await readMeta(dir);
  if (!meta) throw new Error(`VM disk ${dir} is incomplete after building it`);
  return meta;
}

async function readMeta(dir: string): Promise<VmDisk | null> {
  try {
    const meta = JSON.parse(await readFile(path.join(dir, 'disk.json'), 'utf8')) as { user: string };
    return { dir, raw: path.join(dir, 'root.raw'), kernel: path.join(dir, 'vmlinuz'), initrd: path.join(dir, 'initrd.img'), user: meta.user };
  } catch {
    return null;
  }
}

/** The image's filesystem, exactly; /.dockerenv is Docker's marker, not part of the image. */
async function exportTree(docker: Dockerode, tag: string, tree: string, runId: string): Promise<void> {
  const container = await docker.createContainer({
    Image: tag,
    Entrypoint: [],
    Cmd: ['/bin/true'],
    Labels: { [RUN_LABEL]: runId, [OWNER_PID_LABEL]: String(process.pid), 'goverity.vm-export': tag },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    const stream = await container.export();
    const tar = spawn('tar', ['-x', '-C', tree, '--numeric-owner', '-p', '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    tar.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    stream.pipe(tar.stdin);
    const [code] = (await once(tar, 'close')) as [number | null];
    if (code !== 0) throw new Error(`extracting ${tag} failed: ${err.trim().split('\n').pop()}`);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
  await rm(path.join(tree, '.dockerenv'), { force: true });
}

/** Docker's USER may be a name, a uid or uid:gid; ssh needs a name. */
async function loginUser(tree: string, user: string): Promise<string> {
  const who = user.split(':')[0] ?? '';
  if (!who) return 'root';
  if (!/^\d+$/.test(who)) return who;
  const passwd = await readFile(path.join(tree, 'etc/passwd'), 'utf8').catch(() => '');
  const line = passwd.split('\n').find((l) => l.split(':')[2] === who);
  return line?.split(':')[0] ?? 'root';
}
