import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from '../../../harness/reporters/console-reporter.js';
import { renderHtml } from '../../../harness/reporters/html-reporter.js';
import { renderJunit } from '../../../harness/reporters/junit-reporter.js';
import { renderMarkdown } from '../../../harness/reporters/markdown-reporter.js';
import { expectGolden, sampleRun, twoProvidersRun } from './sample-run.js';
import { checkXml } from './xml-well-formed.js';

// A real docker + vagrant run of five scenarios in which vagrant's goroot-other-release lost MULTIPLE_TOOLCHAINS:
// it still meets its scenario, so only the convergence rule fails it.
const run = twoProvidersRun();
const md = renderMarkdown(run);
const html = renderHtml(run);
const xml = renderJunit(run);
const cells = (row: string) =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe('reports of a run on two providers with one divergence', () => {
  it('match their golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
    expectGolden('two-providers-report.md', md);
    expectGolden('two-providers-report.html', html);
    expectGolden('two-providers-junit.xml', xml);
  });

  it('markdown: a scenario × provider table with the divergent cell marked and the provider it differs from', () => {
    const table = section(md, '## Scenarios × providers', '## Skipped')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(table[0]).toBe('| scenario | docker | vagrant |');
    expect(table.slice(2).map(cells)).toEqual([
      ['`debian-golang-go`', '✅ pass ready', '✅ pass ready'],
      ['`debian-no-cc`', '✅ pass degraded', '✅ pass degraded'],
      ['`goroot-other-release`', '✅ pass broken', '≠ DIVERGES broken (vs docker)'],
      ['`no-go`', '✅ pass absent', '✅ pass absent'],
      ['`wrapper-version-lie`', '✅ pass broken', '✅ pass broken'],
    ]);
    expect(md).toContain('**FAILED**: 10 results, 9 passed, 1 failed, 0 errored (1 diverged between providers) in 1m 14s; 2 skipped.');
  });

  it('markdown: a Divergences section naming each difference, skipped providers and scenarios with why, and the failure under its own heading', () => {
    expect(section(md, '## Divergences', '## Results')).toContain(
      '| `goroot-other-release` | vagrant | docker | codes missing here: MULTIPLE\\_TOOLCHAINS |'.replace('\\_', '_'),
    );
    const skipped = section(md, '## Skipped', '## Divergences');
    expect(skipped).toContain('- provider wine: wine is not installed');
    expect(skipped).toContain('- scenario win-msi: docker: a windows scenario needs the wine provider; vagrant:');
    expect(md).toContain('### goroot-other-release (vagrant): DIVERGES from docker');
    expect(md).toContain('- diverges from docker: codes missing here: MULTIPLE_TOOLCHAINS');
  });

  it('html: the divergent result has its own badge, pink cells with the differences, a row marker and a Divergences table', () => {
    expect(checkXml(html, { doctype: true }).problems).toEqual([]);
    const matrix = section(html, '<table class="matrix">', '</table>');
    expect(matrix.match(/class="badge b-diverge"/g)).toHaveLength(1);
    expect(matrix.match(/class="badge b-pass"/g)).toHaveLength(9);
    expect(matrix.match(/<tr class="row-div">/g)).toHaveLength(1);
    expect(matrix).toContain('<span class="diff-from">≠ docker</span><ul class="diff"><li>codes missing here: MULTIPLE_TOOLCHAINS</li></ul></td>');
    expect(matrix).toMatch(
      /<td class="res div"><a class="badge b-diverge" href="#r5" title="differs from docker: codes missing here: MULTIPLE_TOOLCHAINS">≠ DIVERGES<\/a><\/td>/,
    );
    expect(html).toContain('<b>1</b><span>≠ diverged</span>');
    const divergences = section(html, '<section id="divergences">', '</section>');
    expect(divergences).toContain('<h2>Divergences (1)</h2>');
    expect(divergences).toContain('<td><a class="sid" href="#r5">goroot-other-release</a></td><td>vagrant</td><td>docker</td>');
    expect(html).toContain('<details class="res o-diverge" id="r5">');
  });

  it('html: skipped providers and scenarios get their own section, linked from the banner', () => {
    const skipped = section(html, '<section id="skipped">', '</section>');
    expect(skipped).toContain('<h2>Skipped (2)</h2>');
    expect(skipped).toContain('<li><b>provider wine</b>: wine is not installed');
    expect(html).toContain('<div><dt>skipped</dt><dd><a href="#skipped">2</a></dd></div>');
  });

  it('junit: the divergence is a failure of type divergence that names the reference provider and the difference', () => {
    expect(checkXml(xml).problems).toEqual([]);
    expect(xml).toContain('<failure message="diverges from docker: codes missing here: MULTIPLE_TOOLCHAINS" type="divergence">');
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });

  it('console: the result line and the final summary name the divergence and the skipped', () => {
    let out = '';
    const c = createConsoleReporter({ tty: false, total: 10, write: (s) => (out += s), columns: 200 });
    c.onScenarioDone(run.scenarios.find((r) => r.divergence)!);
    c.finish(run);
    expect(out.split('\n')).toEqual([
      'DIVERGES goroot-other-release (vagrant) broken 8.2s: differs from docker: codes missing here: MULTIPLE_TOOLCHAINS',
      'FAILED 10 results: 9 passed, 1 failed, 0 errored in 1m 14s',
      '1 diverged between providers: goroot-other-release (vagrant ≠ docker)',
      'skipped provider wine: wine is not installed: apt-get install wine (Debian)',
      expect.stringMatching(/^skipped scenario win-msi: docker: a windows scenario needs the wine provider; vagrant: /),
      '',
    ]);
  });

  it('a run without divergences says so in both reports', () => {
    expect(section(renderMarkdown(sampleRun()), '## Divergences', '## Results')).toContain('## Divergences\n\nNone.\n');
    expect(renderHtml(sampleRun())).toContain('<h2>Divergences (0)</h2>');
  });
});
