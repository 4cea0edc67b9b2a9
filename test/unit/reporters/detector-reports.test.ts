import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../harness/reporters/html-reporter.js';
import { renderJunit } from '../../../harness/reporters/junit-reporter.js';
import { renderMarkdown } from '../../../harness/reporters/markdown-reporter.js';
import { detectorsRun, expectGolden, sampleRun } from './sample-run.js';
import { checkXml } from './xml-well-formed.js';

const run = detectorsRun();
const md = renderMarkdown(run);
const html = renderHtml(run);
const junit = renderJunit(run);
const cells = (row: string) =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

describe('the reports of a run with detectors', () => {
  it('match test/golden/detectors-report.{md,html} and detectors-junit.xml (UPDATE_GOLDEN=1 rewrites them)', () => {
    expectGolden('detectors-report.md', md);
    expectGolden('detectors-report.html', html);
    expectGolden('detectors-junit.xml', junit);
  });

  it('put the detectors side by side in markdown: accuracy, false alarms, misses, no answer', () => {
    const section = md.slice(md.indexOf('## Detectors'), md.indexOf('### naive-checklist'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map(cells)).toEqual([
      ['`naive-checklist`', '2/6', '33%', '1/1', '0/2', '1', '1'],
      ['`which-go`', '2/6', '33%', '0/1', '1/2', '1', '1'],
      ['`goverity`', '5/6', '83%', '0/1', '1/2', '0', '1'],
    ]);
  });

  it("gives each detector's confusion matrix and its disagreements with their reasons", () => {
    const naive = md.slice(md.indexOf('### naive-checklist'), md.indexOf('### which-go'));
    expect(naive).toContain('| ready | 0 | 0 | 1 | 0 | 0 |');
    expect(naive).toContain('| broken | 0 | 0 | **1** | 0 | 1 |');
    expect(naive).toContain(
      '| `debian-golang-go` | docker | ready | broken | expected verdict ready, reported broken; expected authentic true, reported false |',
    );
    expect(naive).toMatch(
      /\| `hostile-markup` \| docker \| broken \| no answer \| no answer: did not finish within 240 s and was killed \(last on stderr: \\<script\\>/,
    );
    const which = md.slice(md.indexOf('### which-go'), md.indexOf('### goverity'));
    expect(which).toContain('| `goroot-other-release` | docker | broken | ready | expected verdict broken, reported ready |');
  });

  it('shows the baseline: worse and better, with before and after', () => {
    const b = md.slice(md.indexOf('## Against the baseline'));
    expect(b).toContain('1 worse, 1 better, 3 without a counterpart');
    expect(b).toContain('| ❌ worse | `naive-checklist` | `hostile-markup` | docker | correct: broken | no answer');
    expect(b).toContain("| ✅ better | `which-go` | `no-go` | docker | no answer (exit status 127 is not in the spec's exitCodes (0, 1)) | correct: absent |");
  });

  it('renders score cards with a confusion matrix each, and every scenario per detector, as well-formed XML', () => {
    expect(checkXml(html, { doctype: true }).problems).toEqual([]);
    expect(html).not.toContain('<script>alert(1)</script>');
    for (const name of ['naive-checklist', 'which-go', 'goverity']) expect(html).toContain(`<table class="confusion" id="confusion-${name}">`);
    expect(html).toContain('<td class="off" data-expected="ready" data-actual="broken">1</td>');
    expect(html.match(/<tr><th scope="row"><span class="sid">/g)).toHaveLength(7);
    expect(html.indexOf('<section id="detectors">')).toBeLessThan(html.indexOf('<section id="matrix">'));
  });

  it('writes a JUnit testcase per scenario × detector, failures naming the reason', () => {
    expect(checkXml(junit).problems).toEqual([]);
    expect(junit).toContain('<testsuites name="goverity run 2026-12-02T18-00-00Z-det1" tests="28"');
    expect(junit.match(/<testcase classname="detector which-go"/g)).toHaveLength(7);
    expect(junit).toContain('<testsuite name="detector naive-checklist" tests="7" failures="4" errors="1"');
    expect(junit).toMatch(
      /<testcase classname="detector which-go" name="goroot-other-release"[^>]*>\n {6}<failure message="expected verdict broken, reported ready" type="verdict">/,
    );
    expect(junit).toMatch(
      /<testcase classname="detector naive-checklist" name="hostile-markup"[^>]*>\n {6}<failure message="no answer: did not finish within 240 s/,
    );
  });

  it('leaves a run without detectors as it was', () => {
    expect(renderMarkdown(sampleRun())).not.toContain('## Detectors');
    expect(renderHtml(sampleRun())).not.toContain('id="detectors"');
    expect(renderJunit(sampleRun())).not.toContain('classname="detector ');
  });
});
