import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ImageBuilder } from '../../../harness/images/image-builder.js';
import type { ImageSpec } from '../../../harness/images/image-spec.js';
import { integrityOf } from '../../../harness/images/npm-package-tarball.js';

// tagFor never talks to the engine or the registry: an npm package's tag comes from its pinned spec alone.
const builder = new ImageBuilder({ docker: {} as Dockerode, repoRoot: path.resolve(import.meta.dirname, '../../..') });
const pkg = (over: Partial<Extract<ImageSpec, { kind: 'npm-package' }>> = {}): ImageSpec[] => [
  { id: 'base-bookworm', kind: 'rootfs', suite: 'bookworm' },
  { id: 'tool-npm', kind: 'npm-package', package: '@example/tool-linux-x64', version: '1.0.0', integrity: 'sha512-AAAA', ...over },
  { id: 'tool', kind: 'dockerfile', dir: 'images/toolchains/mise', from: 'base-bookworm', stages: { MISE_PACKAGE: 'tool-npm' } },
];

describe('an npm-package image', () => {
  it('has a tag that moves with the pinned version or integrity, and moves the images that copy from it', async () => {
    const first = await builder.tagFor('tool-npm', pkg());
    expect(first).toMatch(/^goverity\/tool-npm:[0-9a-f]{12}$/);
    expect(await builder.tagFor('tool-npm', pkg())).toBe(first);
    expect(await builder.tagFor('tool-npm', pkg({ version: '1.0.1' }))).not.toBe(first);
    expect(await builder.tagFor('tool-npm', pkg({ integrity: 'sha512-BBBB' }))).not.toBe(first);
    expect(await builder.tagFor('tool', pkg({ integrity: 'sha512-BBBB' }))).not.toBe(await builder.tagFor('tool', pkg()));
  });

  it('is checked against the integrity in the form npm pins it (sha512-<base64>)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'goverity-integrity-'));
    try {
      await writeFile(path.join(dir, 'abc'), 'abc');
      // FIPS 180-2's SHA-512 test vector for "abc" (ddaf35a1…a54ca49f), in base64.
      expect(await integrityOf(path.join(dir, 'abc'))).toBe('sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
