// The unit tier again on Node 22 and 24 (the npm registry's builds): the package promises node >= 20.5, not only the 20 here.
import { execa } from 'execa';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinary, OTHER_NODE_MAJORS } from './node-binary.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe.each(OTHER_NODE_MAJORS)('Node %i', (major) => {
  it('passes the unit tier', async () => {
    const node = await nodeBinary(major);
    expect((await execa(node, ['--version'])).stdout).toMatch(new RegExp(`^v${major}\\.`));
    const dir = await mkdtemp(path.join(tmpdir(), 'goverity-unit-node-'));
    try {
      const out = path.join(dir, 'unit.json');
      const r = await execa(node, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', '--reporter=json', `--outputFile=${out}`], {
        cwd: ROOT,
        reject: false,
        env: { CI: 'true' },
      });
      const results = JSON.parse(await readFile(out, 'utf8')) as {
        numFailedTests: number;
        numPassedTests: number;
        testResults: { name: string; status: string; assertionResults: { status: string; fullName: string }[] }[];
      };
      const failed = results.testResults.flatMap((f) =>
        f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${path.relative(ROOT, f.name)}: ${a.fullName}`),
      );
      const brokenFiles = results.testResults.filter((f) => f.status !== 'passed').map((f) => path.relative(ROOT, f.name));
      expect({ failed, brokenFiles }).toEqual({ failed: [], brokenFiles: [] });
      expect(results.numPassedTests).toBeGreaterThan(1000);
      expect(r.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
