import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONVERGENCE_SCHEMA, type ConvergenceDocument } from '../../../harness/converge/convergence-document.js';
import { writeConvergence } from '../../../harness/converge/write-convergence.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'write-convergence-'));
const doc = {
  schema: CONVERGENCE_SCHEMA,
  runId: '2026-11-24T12-00-00-000Z-1-converge',
  skipped: [],
  environments: [],
  matrix: { environments: [], rows: [], divergences: [], failures: [], counts: { environments: 0, behaviours: 0, explained: 0, unexplained: 0, failed: 0 } },
  host: { cores: 2, engine: 'docker', node: 'v20' },
  selection: { env: null, concurrency: 1, quotaCpus: 1 },
  startedAt: '',
  finishedAt: '',
  totalMs: 0,
} as ConvergenceDocument;

describe('writeConvergence', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the JSON and the page into the run directory, points latest at it, and writes a run id once', async () => {
    const where = await writeConvergence(dir, doc);
    expect(readdirSync(where).sort()).toEqual(['convergence.html', 'convergence.json']);
    expect(JSON.parse(readFileSync(path.join(dir, 'latest', 'convergence.json'), 'utf8')).runId).toBe(doc.runId);
    await expect(writeConvergence(dir, doc)).rejects.toThrow(/already exists/);
    await expect(writeConvergence(dir, { ...doc, runId: '../escape' })).rejects.toThrow(/cannot name a results directory/);
    expect(readdirSync(dir).sort()).toEqual([doc.runId, 'latest']);
  });
});
