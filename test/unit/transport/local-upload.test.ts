import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../../engine/transport/local-transport.js';

let src: string;
beforeAll(async () => {
  src = await mkdtemp(path.join(os.tmpdir(), 'local-upload-'));
  await writeFile(path.join(src, 'tool'), '#!/bin/sh\necho hi\n');
});
afterAll(() => rm(src, { recursive: true, force: true }));

describe('LocalTransport.upload', () => {
  it('copies files into a fresh private dir with their modes; dispose removes it', async () => {
    const t = new LocalTransport();
    const dir = await t.upload([{ name: 'run-me', hostPath: path.join(src, 'tool'), mode: 0o755 }]);
    expect(path.basename(dir)).toMatch(/^goverity-/);
    expect(await readFile(path.join(dir, 'run-me'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    expect((await stat(path.join(dir, 'run-me'))).mode & 0o777).toBe(0o755);
    const r = await t.exec([path.join(dir, 'run-me')], { timeoutMs: 5000, maxBytes: 4096 });
    expect(r.stdout).toBe('hi\n');
    await t[Symbol.asyncDispose]();
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a name with a path in it', async () => {
    await using t = new LocalTransport();
    await expect(t.upload([{ name: 'a/b', hostPath: path.join(src, 'tool'), mode: 0o755 }])).rejects.toThrow('not a plain file name');
  });
});
