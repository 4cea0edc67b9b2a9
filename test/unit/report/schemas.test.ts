import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../engine/report/build-report.js';
import { schemaProblem } from '../../../engine/report/schema-problem.js';
import { fixtureNames, loadSnapshot, variant } from '../snapshot-builders.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const json = (f: string) => JSON.parse(readFileSync(path.join(REPO, f), 'utf8')) as Record<string, unknown>;

describe('the published JSON Schemas (schemas/)', () => {
  it('admit every recorded snapshot and the report built from it', () => {
    for (const n of fixtureNames()) {
      expect(schemaProblem('snapshot', loadSnapshot(n)), n).toBeNull();
      expect(schemaProblem('report', JSON.parse(JSON.stringify(buildReport(loadSnapshot(n))))), n).toBeNull();
    }
  });

  it('admit every corpus scenario and recorded run summary', () => {
    for (const f of readdirSync(path.join(REPO, 'scenarios'))) expect(schemaProblem('scenario', json(`scenarios/${f}`)), f).toBeNull();
    for (const f of ['sample-run.json', 'two-providers-run.json']) expect(schemaProblem('run', json(`test/fixtures/runs/${f}`)), f).toBeNull();
  });

  it('name the field that breaks them', () => {
    const report = JSON.parse(JSON.stringify(buildReport(loadSnapshot('linux-debian-golang-go')))) as Record<string, unknown>;
    expect(schemaProblem('report', { ...report, verdict: 'fine' })).toBe('verdict "fine" is not one of ready, degraded, broken, absent');
    expect(schemaProblem('report', { ...report, proven: [{ what: 'x' }] })).toBe('proven[0].evidence is missing');
    expect(
      schemaProblem(
        'snapshot',
        variant(loadSnapshot('linux-no-go'), (s) => ((s.platform as { os: string }).os = 'plan9')),
        'snapshot',
      ),
    ).toBe('snapshot.platform.os "plan9" is not one of linux, darwin, windows, freebsd, unknown');
    const run = json('test/fixtures/runs/sample-run.json');
    expect(schemaProblem('run', { ...run, totals: { scenarios: 1 } })).toBe('totals.passed is missing');
    expect(schemaProblem('run', { ...run, scenarios: [{ ...(run.scenarios as object[])[0], report: { schema: 'goverity/report@1' } }] })).toMatch(
      /^scenarios\[0\]\.report\.target is missing$/,
    );
    expect(schemaProblem('scenario', { ...json('scenarios/goroot-dangling-symlink.json'), class: 'odd' })).toBe(
      'class "odd" is not one of genuine, degraded, broken, fake, absent',
    );
  });
});
