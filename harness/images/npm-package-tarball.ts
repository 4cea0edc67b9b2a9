import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { execa } from 'execa';

import { ImageBuildError } from './image-build-error.js';
import type { NpmPackageImageSpec } from './image-spec.js';

/** A fetched package tarball; disposing of it removes its temporary directory. */
export interface NpmPackageTarball extends AsyncDisposable {
  file: string;
}

/**
 * `npm pack NAME@VERSION` into a temporary directory (npm's own client, the host's registry and trust settings, no
 * install scripts), then the tarball's sha512 compared with the pinned integrity: a registry that serves other bytes
 * under the same version fails the build instead of entering an image.
 */
export async function fetchNpmPackage(spec: NpmPackageImageSpec): Promise<NpmPackageTarball> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goverity-npm-pack-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const name = `${spec.package}@${spec.version}`;
    const packed = await execa('npm', ['pack', name, '--pack-destination', dir, '--ignore-scripts', '--silent'], { reject: false, stdin: 'ignore' });
    if (packed.failed) {
      const said = `${packed.stderr}`.trim().split('\n').slice(-3).join(' | ');
      throw new ImageBuildError(spec.id, `npm pack ${name} failed (${(packed.shortMessage ?? '').split('\n')[0]}): ${said}`, `${packed.stderr}`.split('\n'));
    }
    const files = (await readdir(dir)).filter((f) => f.endsWith('.tgz'));
    if (files.length !== 1) throw new ImageBuildError(spec.id, `npm pack ${name} left ${files.length} tarballs, expected 1`, []);
    const file = path.join(dir, files[0]!);
    const actual = await integrityOf(file);
    if (actual !== spec.integrity) {
      throw new ImageBuildError(spec.id, `npm served ${name} with integrity ${actual}, but the catalog pins ${spec.integrity}`, []);
    }
    return { file, [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `sha512-<base64>`, the form of npm's `dist.integrity`. */
export async function integrityOf(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}
