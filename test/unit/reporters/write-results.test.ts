import { mkdir, mkdtemp, readFile, readdir, readlink, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, writeResults } from '../../../harness/reporters/write-results.js';
import { sampleRun } from './sample-run.js';
import { checkXml } from './xml-well-formed.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'goverity-results-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const RUN_ID = '2026-05-12T09-41-07Z-4f2c';

describe('writeResults', () => {
  it('writes the four files into <dir>/<runId>/ and points latest at it', async () => {
    const summary = sampleRun();
    const final = await writeResults(dir, summary);
    expect(final).toBe(path.join(dir, RUN_ID));
    expect((await readdir(final)).sort()).toEqual(['junit.xml', 'report.html', 'report.md', 'summary.json']);
    expect(JSON.parse(await readFile(path.join(final, 'summary.json'), 'utf8'))).toEqual(summary);
    expect(checkXml(await readFile(path.join(final, 'junit.xml'), 'utf8')).problems).toEqual([]);
    expect(checkXml(await readFile(path.join(final, 'report.html'), 'utf8'), { doctype: true }).problems).toEqual([]);
    expect(await readFile(path.join(final, 'report.md'), 'utf8')).toMatch(/^# goverity run 2026-05-12T09-41-07Z-4f2c\n/);
    expect(await readlink(path.join(dir, 'latest'))).toBe(RUN_ID);
    expect(JSON.parse(await readFile(path.join(dir, 'latest', 'summary.json'), 'utf8')).runId).toBe(RUN_ID);
    expect((await readdir(dir)).sort()).toEqual([RUN_ID, 'latest']);
  });

  it('moves latest to the newer run', async () => {
    await writeResults(dir, sampleRun());
    await writeResults(dir, { ...sampleRun(), runId: 'second-run' });
    expect(await readlink(path.join(dir, 'latest'))).toBe('second-run');
    expect((await readdir(dir)).sort()).toEqual([RUN_ID, 'latest', 'second-run']);
  });

  it('leaves no <runId> directory (and no temp) when it dies half-way', async () => {
    const written: string[] = [];
    const crash = writeResults(dir, sampleRun(), {
      afterFile: (name) => {
        written.push(name);
        if (name === 'junit.xml') throw new Error('disk full');
      },
    });
    await expect(crash).rejects.toThrow('disk full');
    expect(written).toEqual(['summary.json', 'junit.xml']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the previous latest when a later write fails', async () => {
    await writeResults(dir, sampleRun());
    await expect(writeResults(dir, { ...sampleRun(), runId: 'doomed' }, { afterFile: () => Promise.reject(new Error('killed')) })).rejects.toThrow('killed');
    expect((await readdir(dir)).sort()).toEqual([RUN_ID, 'latest']);
    expect(await readlink(path.join(dir, 'latest'))).toBe(RUN_ID);
  });

  it('removes temp entries of crashed runs older than an hour, keeps younger ones', async () => {
    const old = path.join(dir, '.crashed-run.tmp-4242');
    const young = path.join(dir, '.running-run.tmp-4343');
    await mkdir(old);
    await writeFile(path.join(old, 'summary.json'), '{"half":');
    await mkdir(young);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await writeResults(dir, sampleRun());
    expect((await readdir(dir)).sort()).toEqual(['.running-run.tmp-4343', RUN_ID, 'latest']);
  });

  it('removeStaleTemps touches only .<name>.tmp-<pid> entries', async () => {
    await mkdir(path.join(dir, '.a.tmp-1'));
    await mkdir(path.join(dir, 'a.tmp-1'));
    await mkdir(path.join(dir, '.a.tmp-x'));
    expect(await removeStaleTemps(dir, Date.now() + 1000)).toEqual(['.a.tmp-1']);
    expect((await readdir(dir)).sort()).toEqual(['.a.tmp-x', 'a.tmp-1']);
  });

  it('refuses to overwrite an existing run and leaves it as it was', async () => {
    await writeResults(dir, sampleRun());
    await writeFile(path.join(dir, RUN_ID, 'summary.json'), 'original');
    await expect(writeResults(dir, sampleRun())).rejects.toThrow('already exists');
    expect(await readFile(path.join(dir, RUN_ID, 'summary.json'), 'utf8')).toBe('original');
    expect((await readdir(dir)).sort()).toEqual([RUN_ID, 'latest']);
  });

  it.each(['../escape', 'a/b', '.hidden', 'latest', ''])('refuses run id %j', async (runId) => {
    await expect(writeResults(dir, { ...sampleRun(), runId })).rejects.toThrow('cannot name a results directory');
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes latest.txt instead of a symlink on Windows', async () => {
    await writeResults(dir, sampleRun(), { platform: 'win32' });
    expect(await readFile(path.join(dir, 'latest.txt'), 'utf8')).toBe(`${RUN_ID}\n`);
    expect((await readdir(dir)).sort()).toEqual([RUN_ID, 'latest.txt']);
  });

  it('falls back to latest.txt when latest is a real directory', async () => {
    await mkdir(path.join(dir, 'latest'));
    await writeFile(path.join(dir, 'latest', 'keep'), 'x');
    await writeResults(dir, sampleRun());
    expect(await readFile(path.join(dir, 'latest.txt'), 'utf8')).toBe(`${RUN_ID}\n`);
    expect((await readdir(dir)).sort()).toEqual([RUN_ID, 'latest', 'latest.txt']);
  });
});
