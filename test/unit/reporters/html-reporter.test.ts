import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../harness/reporters/html-reporter.js';
import { XSS, expectGolden, sampleRun } from './sample-run.js';
import { checkXml } from './xml-well-formed.js';

const html = renderHtml(sampleRun());
const { problems, elements } = checkXml(html, { doctype: true });

describe('renderHtml', () => {
  it('matches test/golden/run-report.html (UPDATE_GOLDEN=1 rewrites it)', () => {
    expectGolden('run-report.html', html);
  });

  it('keeps its structure whatever the summary holds: balanced, one script, no injected elements or handlers', () => {
    expect(problems).toEqual([]);
    expect(elements.filter((e) => e.name === 'script')).toHaveLength(1);
    const used = new Set(elements.map((e) => e.name));
    const ours =
      'html head meta title style body header h1 h2 h4 span code div b dl dt dd nav a main section p table thead tbody tr th td details summary ul li pre script';
    expect([...used].filter((n) => !ours.split(' ').includes(n))).toEqual([]);
    expect(elements.flatMap((e) => Object.keys(e.attrs)).filter((a) => /^on/i.test(a))).toEqual([]);
    expect(html).not.toContain(XSS);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;double&quot; &#39;single&#39; | pipe ]]&gt; bell esc[31m');
    expect(html).toContain('&lt;/details&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('is self-contained: nothing loaded from elsewhere, links only to http(s) pages and its own anchors', () => {
    expect(elements.filter((e) => 'src' in e.attrs || e.name === 'link' || e.name === 'iframe')).toEqual([]);
    expect(html).not.toMatch(/@import|url\(/);
    const hrefs = elements.filter((e) => 'href' in e.attrs).map((e) => e.attrs.href!);
    for (const h of hrefs) expect(h).toMatch(/^(#[\w-]+|https?:\/\/)/);
    expect(hrefs).toContain('https://example.com/report?a=1&amp;b=&quot;2&quot;&lt;x&gt;');
    expect(html).toContain('<code>javascript:alert(1)</code>');
    // Every badge's anchor names a <details> on the page.
    const ids = new Set(elements.filter((e) => e.name === 'details').map((e) => e.attrs.id));
    expect(ids.size).toBe(14);
    for (const h of hrefs.filter((x) => /^#r\d+$/.test(x))) expect(ids.has(h.slice(1))).toBe(true);
  });

  it('shows the totals, wall time and host in the banner', () => {
    const banner = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(banner).toContain('✗ FAILED');
    expect(banner).toContain('<b>8</b><span>✓ passed</span>');
    expect(banner).toContain('<b>4</b><span>✗ failed</span>');
    expect(banner).toContain('<b>2</b><span>! errored</span>');
    expect(banner).toContain('<b>11m 24s</b><span>wall time</span>');
    expect(banner).toContain('2 cores · docker 20.10.24+dfsg1; vagrant 2.3.4 (libvirt) · node v20.19.2');
  });

  it('fills the confusion matrix as the rules say', () => {
    const cell = (expected: string, actual: string) => Number(new RegExp(`data-expected="${expected}" data-actual="${actual}">(\\d+)<`).exec(html)![1]);
    expect(cell('ready', 'ready')).toBe(2);
    expect(cell('degraded', 'ready')).toBe(2);
    expect(cell('degraded', 'degraded')).toBe(1);
    expect(cell('broken', 'broken')).toBe(4);
    expect(cell('broken', 'degraded')).toBe(1);
    expect(cell('broken', 'error')).toBe(2);
    expect(cell('absent', 'absent')).toBe(2);
    expect(cell('ready', 'error')).toBe(0);
    const all = [...html.matchAll(/data-actual="[a-z]+">(\d+)</g)].reduce((t, m) => t + Number(m[1]), 0);
    expect(all).toBe(14);
  });

  it('has a matrix row per scenario with a column group per provider', () => {
    const matrix = html.slice(html.indexOf('<table class="matrix">'), html.indexOf('</table>', html.indexOf('<table class="matrix">')));
    expect([...matrix.matchAll(/<th class="prov" colspan="3">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['docker', 'vagrant']);
    expect([...matrix.matchAll(/<span class="sid">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual([
      'debian-golang-go',
      'debian-no-cc',
      'goroot-other-release',
      'wrapper-version-lie',
      'modcache-readonly',
      'no-go',
      'hostile-markup',
    ]);
    expect(matrix.match(/class="badge b-pass"/g)).toHaveLength(8);
    expect(matrix.match(/class="badge b-fail"/g)).toHaveLength(4);
    expect(matrix.match(/class="badge b-error"/g)).toHaveLength(2);
    // A required code that was not raised is marked, not just omitted.
    expect(matrix).toContain('<span class="code missing" title="expected, not raised">✗ CONTAINER</span>');
    expect(matrix).toContain('<a href="https://github.com/golang/go/issues/27161" rel="noreferrer noopener">github.com/golang/go/issues/27161</a>');
  });

  it("puts every failure's why, error and findings in a <details>", () => {
    const failures = html.slice(html.indexOf('<section id="failures">'), html.indexOf('<section id="passed">'));
    expect(failures.match(/<details /g)).toHaveLength(6);
    expect(failures).toContain('<li>expected verdict degraded or broken, got ready</li>');
    expect(failures).toContain('<h4>error in start</h4>');
    expect(failures).toContain('<pre class="log">==&gt; default: Waiting for machine to boot.');
    expect(failures).toContain('<span class="code sev-warning">GOFLAGS_OVERRIDE</span><span class="sev s-warning">warning</span>');
    expect(failures).toContain('<div class="fix"><b>fix</b> Unset GOFLAGS');
  });

  it('has per-phase median and max, and a bar per result', () => {
    expect(html).toMatch(/<td><span class="sw p-verify"><\/span>verify<\/td><td class="num">4\.6s<\/td><td class="num">9\.2s<\/td><td class="num">12<\/td>/);
    expect(html.match(/<div class="bar">/g)).toHaveLength(14);
    // Bars share one scale: the longest run fills its bar, its 600 s start timeout 98% of it.
    expect(html).toContain('<span class="p-start" style="width:98.03%" title="start 10m 00s"></span>');
  });
});

describe('renderHtml on a run with a scenario file that did not load', () => {
  it('shows it as an error without an expected verdict and says the confusion matrix leaves it out', () => {
    const run = sampleRun();
    run.scenarios.push({
      id: 'broken-json',
      title: 'scenarios/broken-json.json: Unexpected token } in JSON',
      class: 'broken',
      provider: 'docker',
      seenAt: [],
      expected: { verdict: [], codes: [], forbidden: [] },
      report: null,
      pass: false,
      why: ['Unexpected token } in JSON'],
      error: { phase: 'load', message: 'Unexpected token } in JSON', logTail: [] },
      timings: { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 },
    });
    const page = renderHtml(run);
    expect(checkXml(page, { doctype: true }).problems).toEqual([]);
    expect(page).toContain('Not counted: 1 result without an expected verdict');
    expect(page).toContain(
      '<td class="exp first"><span class="muted">—</span></td><td class="act"><span class="v v-error">error</span> <span class="muted small">in load</span>',
    );
  });
});
