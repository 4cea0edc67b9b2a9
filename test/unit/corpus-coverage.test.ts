import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../engine/checks/finding-codes.js';
import { loadScenarios } from '../../harness/scenarios/load-scenarios.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// Raised only by --online probes; scenario containers run with network none, where offline is no fault.
const NOT_SCENARIO_TESTABLE: Partial<Record<FindingCode, string>> = {
  PROXY_UNREACHABLE: 'needs --online and a network',
  // The kernel decides whether a foreign binary runs (binfmt_misc + qemu-user on the host); unit tests cover it.
  BINARY_EMULATED: 'needs a qemu-user binfmt handler registered in the host kernel',
  // A check that throws is a bug, not an environment; test/unit/report/build-report.test.ts covers it.
  CHECK_FAILED: 'a bug in a check, not a state of an environment',
};

describe('the scenario corpus', async () => {
  const { scenarios, errors } = await loadScenarios(path.join(repoRoot, 'scenarios'));

  it('loads without errors and has at least 30 scenarios', () => {
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
  });

  it('has at least 10 genuine layouts that must come out ready with no error findings', () => {
    const genuine = scenarios.filter((s) => s.class === 'genuine');
    const strict = genuine.filter((s) => s.expect.verdict.length === 1 && s.expect.verdict[0] === 'ready' && s.expect.noErrors);
    expect(strict.map((s) => s.id)).toEqual(genuine.map((s) => s.id));
    expect(strict.length).toBeGreaterThanOrEqual(10);
  });

  it('expects every finding code in at least one scenario', () => {
    const expected = new Set(scenarios.flatMap((s) => s.expect.codes));
    const missing = (Object.keys(FINDING_CODES) as FindingCode[]).filter((c) => !expected.has(c) && !(c in NOT_SCENARIO_TESTABLE));
    expect(missing).toEqual([]);
  });

  it('has a layer directory for every scenario that names one, and no orphan layers', async () => {
    const layers = (await fs.readdir(path.join(repoRoot, 'images/scenarios'))).sort();
    const named = scenarios.flatMap((s) => (s.image.dockerfile ? [path.basename(s.image.dockerfile)] : [])).sort();
    expect(layers).toEqual(named);
    for (const s of scenarios.filter((x) => x.image.dockerfile))
      await expect(fs.stat(path.join(repoRoot, s.image.dockerfile!, 'Dockerfile'))).resolves.toBeTruthy();
  });

  it('labels every scenario whose layer ships a stand-in of a version manager as emulated, with the reason', async () => {
    // A layer that copies in a program named after a manager (./asdf, ./goenv) or says it is a stand-in is ours, not the real one.
    const unlabelled: string[] = [];
    for (const s of scenarios.filter((x) => x.image.dockerfile)) {
      const dir = path.join(repoRoot, s.image.dockerfile!);
      const files = await fs.readdir(dir);
      const dockerfile = await fs.readFile(path.join(dir, 'Dockerfile'), 'utf8');
      const standIn = files.some((f) => /^(asdf|goenv|gvm|g|goup|gobrew|mise)$/.test(f)) || /stand-in|emulat(ed|ion) of/i.test(dockerfile);
      if (standIn && !s.emulated) unlabelled.push(s.id);
    }
    expect(unlabelled).toEqual([]);
    for (const s of scenarios.filter((x) => x.emulated)) expect(s.emulated!.length, s.id).toBeGreaterThan(40);
  });
});
