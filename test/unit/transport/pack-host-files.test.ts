import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packHostFiles } from '../../../engine/transport/pack-host-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pack-host-files-'));
  await writeFile(path.join(dir, 'a.bin'), Buffer.alloc(1500, 7));
  await writeFile(path.join(dir, 'empty'), '');
  await writeFile(path.join(dir, 'b.mjs'), 'console.log(1)\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function unpack(stream: NodeJS.ReadableStream): Promise<{ path: string; mode: number; body: Buffer }[]> {
  const out: { path: string; mode: number; body: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (e: ReadEntry) => {
        const chunks: Buffer[] = [];
        e.on('data', (c: Buffer) => chunks.push(c));
        e.on('end', () => out.push({ path: e.path, mode: e.mode ?? 0, body: Buffer.concat(chunks) }));
      },
    });
    parser.on('end', resolve);
    parser.on('error', reject);
    stream.on('error', reject);
    stream.pipe(parser as unknown as NodeJS.WritableStream);
  });
  return out;
}

describe('packHostFiles', () => {
  it('streams each file under its own name and mode, content intact (empty files and odd sizes too)', async () => {
    const entries = await unpack(
      await packHostFiles([
        { name: 'node', hostPath: path.join(dir, 'a.bin'), mode: 0o755 },
        { name: 'empty', hostPath: path.join(dir, 'empty'), mode: 0o600 },
        { name: 'goverity.mjs', hostPath: path.join(dir, 'b.mjs'), mode: 0o644 },
      ]),
    );
    expect(entries.map((e) => [e.path, e.mode.toString(8), e.body.length])).toEqual([
      ['node', '755', 1500],
      ['empty', '600', 0],
      ['goverity.mjs', '644', 15],
    ]);
    expect(entries[0]!.body.every((b) => b === 7)).toBe(true);
    expect(entries[2]!.body.toString()).toBe('console.log(1)\n');
  });

  it("refuses names with a path in them, and files it can't read, before streaming anything", async () => {
    await expect(packHostFiles([{ name: '../x', hostPath: path.join(dir, 'a.bin'), mode: 0o644 }])).rejects.toThrow('"../x" is not a plain file name');
    await expect(packHostFiles([{ name: 'x', hostPath: path.join(dir, 'missing'), mode: 0o644 }])).rejects.toThrow(/can't read .*missing/);
    await expect(packHostFiles([{ name: 'x', hostPath: dir, mode: 0o644 }])).rejects.toThrow('is not a regular file');
  });
});
