import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../engine/report/build-report.js';
import { goverityMatchers } from '../../../harness/testing/goverity-matchers.js';
import { loadScenarioSource } from '../../../harness/testing/scenario-container.js';
import { loadSnapshot } from '../snapshot-builders.js';

const { toHaveVerdict, toHaveFinding, toMatchScenario } = goverityMatchers;
const otherRelease = buildReport(loadSnapshot('linux-goroot-other-release'));
const debian = buildReport(loadSnapshot('linux-debian-golang-go'));

describe('goverity matchers', () => {
  it('toHaveVerdict passes on the verdict and fails naming both verdicts and the codes', () => {
    expect(debian.verdict).toBe('ready');
    expect(toHaveVerdict(debian, 'ready').pass).toBe(true);
    const miss = toHaveVerdict(otherRelease, 'ready');
    expect(miss.pass).toBe(false);
    expect(miss.message()).toMatch(/^expected verdict ready, got broken; findings: .*GOROOT_MISMATCH \(error\)/);
  });

  it('toHaveFinding checks the code and, when given, its severity', () => {
    expect(toHaveFinding(otherRelease, 'GOROOT_MISMATCH').pass).toBe(true);
    expect(toHaveFinding(otherRelease, 'GOROOT_MISMATCH', 'error').pass).toBe(true);
    const wrongSeverity = toHaveFinding(otherRelease, 'GOROOT_MISMATCH', 'warning');
    expect(wrongSeverity.pass).toBe(false);
    expect(wrongSeverity.message()).toContain('GOROOT_MISMATCH is error');
    expect(toHaveFinding(debian, 'GO_STUB').message()).toMatch(/^expected GO_STUB, got /);
  });

  it('toMatchScenario judges as goverity run does, and says why not', async () => {
    const scenario = await loadScenarioSource('goroot-other-release');
    expect(toMatchScenario(otherRelease, scenario).pass).toBe(true);
    const miss = toMatchScenario(debian, { scenario });
    expect(miss.pass).toBe(false);
    expect(miss.message()).toMatch(/^scenario goroot-other-release: expected verdict broken, got ready/);
  });

  it('refuses what is not a report', () => {
    expect(toHaveVerdict({ verdict: 'ready' }, 'ready')).toMatchObject({ pass: false });
    expect(toHaveFinding(null, 'GO_STUB').message()).toBe('expected a goverity report (what verify() returns), got null');
  });
});

describe('loadScenarioSource', () => {
  it('gives one clear line for an unknown id, a bad id and a missing file', async () => {
    await expect(loadScenarioSource('no-such-scenario')).rejects.toThrow(
      /^no scenario "no-such-scenario" in goverity's corpus: the ids are the file names in /,
    );
    await expect(loadScenarioSource('../etc/passwd')).rejects.toThrow(/is not a scenario id/);
    await expect(loadScenarioSource({ file: '/nonexistent/mine.json' })).rejects.toThrow('cannot read scenario file /nonexistent/mine.json: ENOENT');
  });

  it("resolves a user's scenario image.dockerfile against its root", async () => {
    const file = path.resolve('scenarios/stub-script.json');
    const s = await loadScenarioSource({ file, root: '/home/me/project' });
    expect(s.image.dockerfile).toBe('/home/me/project/images/scenarios/stub-script');
    expect(s.expect.verdict).toEqual(['broken']);
  });
});
