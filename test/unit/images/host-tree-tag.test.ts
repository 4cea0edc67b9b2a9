import { mkdtemp, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageBuilder } from '../../../harness/images/image-builder.js';
import type { ImageSpec } from '../../../harness/images/image-spec.js';

// tagFor never talks to the engine: a host tree's tag is derived from its listing alone.
const builder = new ImageBuilder({ docker: {} as Dockerode, repoRoot: path.resolve(import.meta.dirname, '../../..') });
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tree(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'goverity-host-tree-'));
  dirs.push(root);
  await mkdir(path.join(root, 'bin'));
  await writeFile(path.join(root, 'VERSION'), 'go1.26.8\ntime 2026-08-28T16:20:06Z\n');
  await writeFile(path.join(root, 'bin/go'), 'not really go', { mode: 0o755 });
  const when = new Date('2026-08-28T16:20:06Z');
  await utimes(path.join(root, 'bin/go'), when, when);
  return root;
}

describe('a host-tree image tag', () => {
  it('is the same for an unchanged tree and changes when a file in it changes', async () => {
    const root = await tree();
    const specs: ImageSpec[] = [{ id: 'host-go', kind: 'host-tree', path: root }];
    const first = await builder.tagFor('host-go', specs);
    expect(first).toMatch(/^goverity\/host-go:[0-9a-f]{12}$/);
    expect(await builder.tagFor('host-go', specs)).toBe(first);
    await writeFile(path.join(root, 'bin/go'), 'another go, same length');
    expect(await builder.tagFor('host-go', specs)).not.toBe(first);
  });

  it('moves the tag of a Dockerfile image that copies from it as a stage', async () => {
    const root = await tree();
    const specs: ImageSpec[] = [
      { id: 'base-bookworm', kind: 'rootfs', suite: 'bookworm' },
      { id: 'host-go', kind: 'host-tree', path: root },
      { id: 'go-official', kind: 'dockerfile', dir: 'images/toolchains/go-official', from: 'base-bookworm', stages: { GO_RELEASE: 'host-go' } },
    ];
    const before = await builder.tagFor('go-official', specs);
    await writeFile(path.join(root, 'VERSION'), 'go1.26.9\ntime 2026-09-28T16:20:06Z\n');
    expect(await builder.tagFor('go-official', specs)).not.toBe(before);
  });
});
