import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { ReproduceError } from '../../../harness/reproduce/reproduce-error.js';
import { reproduceSnapshot } from '../../../harness/reproduce/reproduce-snapshot.js';
import { validateSnapshot } from '../../../harness/reproduce/validate-snapshot.js';
import { parseScenario } from '../../../harness/scenarios/load-scenarios.js';
import { fixtureNames, loadSnapshot } from '../snapshot-builders.js';
import { HAND_WRITTEN_DIR, REPO_ROOT } from './reproduce-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'goverity-reproduce-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const write = async (name: string, value: unknown) => {
  const f = path.join(dir, name);
  await fs.writeFile(f, typeof value === 'string' ? value : JSON.stringify(value));
  return f;
};

describe('validateSnapshot', () => {
  it('accepts every recorded and hand-written snapshot', async () => {
    for (const n of fixtureNames()) expect(validateSnapshot(JSON.stringify(loadSnapshot(n)), n).schema).toBe('goverity/facts@1');
    for (const f of await fs.readdir(HAND_WRITTEN_DIR))
      expect(validateSnapshot(await fs.readFile(path.join(HAND_WRITTEN_DIR, f), 'utf8'), f).schema).toBe('goverity/facts@1');
  });

  it('says in one line what is wrong and how to get a good one', () => {
    const broken = { ...loadSnapshot('linux-no-go'), pathEntries: ['/bin', 7] };
    const cases: [string, RegExp][] = [
      ['{', /^s\.json: not JSON \(.*\): make one with goverity snapshot$/],
      [
        '{"schema":"goverity/report@1"}',
        /^s\.json: not a goverity snapshot \(schema "goverity\/report@1", want "goverity\/facts@1"\): make one with goverity snapshot$/,
      ],
      [JSON.stringify(broken), /^s\.json: not a valid goverity snapshot: snapshot\.pathEntries\[1\] must be string: make one with goverity snapshot$/],
      [
        JSON.stringify({ ...loadSnapshot('linux-no-go'), commands: { rm: loadSnapshot('linux-debian-golang-go').commands.version } }),
        /commands\.rm is not one of version/,
      ],
    ];
    for (const [text, message] of cases) {
      const e = (() => {
        try {
          validateSnapshot(text, 's.json');
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(ReproduceError);
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('reproduceSnapshot', () => {
  it('writes a scenario the corpus loader accepts, and its layer, under the root it is given', async () => {
    const file = await write('snap.json', loadSnapshot('linux-goroot-other-release'));
    const { scenarioFile, layerDir } = await reproduceSnapshot({ snapshotFile: file, id: 'from-user', repoRoot: REPO_ROOT, root: dir });
    expect(scenarioFile).toBe(path.join(dir, 'scenarios', 'from-user.json'));
    const s = parseScenario(scenarioFile, await fs.readFile(scenarioFile, 'utf8'));
    expect(s).toMatchObject({
      id: 'from-user',
      platform: 'linux',
      image: { from: 'go-multi', dockerfile: 'images/scenarios/from-user', network: 'none' },
      expect: { verdict: ['broken'] },
    });
    expect((await fs.readdir(layerDir)).sort()).toEqual(['Dockerfile', 'apply-layout.sh', 'layout.manifest']);
    expect((await fs.stat(path.join(layerDir, 'apply-layout.sh'))).mode & 0o111).not.toBe(0);
  });

  it('refuses an id that exists, and leaves nothing half-written', async () => {
    const file = await write('snap.json', loadSnapshot('linux-no-go'));
    await reproduceSnapshot({ snapshotFile: file, id: 'taken', repoRoot: REPO_ROOT, root: dir });
    const before = await fs.readFile(path.join(dir, 'scenarios', 'taken.json'), 'utf8');
    await fs.rm(path.join(dir, 'images', 'scenarios', 'taken'), { recursive: true });
    await expect(reproduceSnapshot({ snapshotFile: file, id: 'taken', repoRoot: REPO_ROOT, root: dir })).rejects.toThrow(
      /taken\.json exists already: pick another --id/,
    );
    expect(await fs.readFile(path.join(dir, 'scenarios', 'taken.json'), 'utf8')).toBe(before);
    expect(await fs.readdir(path.join(dir, 'images', 'scenarios'))).toEqual([]);
    expect((await fs.readdir(path.join(dir, 'scenarios'))).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('writes nothing for a bad snapshot', async () => {
    const file = await write('bad.json', '{"schema":"goverity/facts@1"}');
    await expect(reproduceSnapshot({ snapshotFile: file, id: 'bad', repoRoot: REPO_ROOT, root: dir })).rejects.toThrow(ReproduceError);
    expect(await fs.readdir(dir)).toEqual(['bad.json']);
  });
});

describe('goverity reproduce', () => {
  it('exits 2 with one line when the snapshot is not one', async () => {
    const file = await write('report.json', '{"schema":"goverity/report@1"}');
    const lines: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => {
      lines.push(s);
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await main(['reproduce', file, '--id', 'r', '--root', dir])).toBe(2);
    } finally {
      process.stderr.write = orig;
    }
    expect(lines.join('')).toBe(
      `goverity: ${file}: not a goverity snapshot (schema "goverity/report@1", want "goverity/facts@1"): make one with goverity snapshot\n`,
    );
  });
});
