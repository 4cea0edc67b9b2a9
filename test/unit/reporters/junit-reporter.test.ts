import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../harness/reporters/junit-reporter.js';
import { XSS, expectGolden, sampleRun } from './sample-run.js';
import { checkXml } from './xml-well-formed.js';

const xml = renderJunit(sampleRun());
const { problems, elements } = checkXml(xml);
const unescapeXml = (s: string) =>
  s
    .replace(/&#10;/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The testcases of one suite, in document order, with what is inside each. */
function suite(name: string) {
  const start = xml.indexOf(`<testsuite name="${name}"`);
  const body = xml.slice(start, xml.indexOf('</testsuite>', start));
  const cases = [...body.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="([^"]*)"(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({
    classname: m[1],
    name: m[2],
    time: Number(m[3]),
    inner: m[5] ?? '',
  }));
  return { head: body.slice(0, body.indexOf('>') + 1), cases };
}

describe('renderJunit', () => {
  it('matches test/golden/run-junit.xml (UPDATE_GOLDEN=1 rewrites it)', () => {
    expectGolden('run-junit.xml', xml);
  });

  it('is well-formed XML even with hostile titles, evidence and control characters', () => {
    expect(problems).toEqual([]);
    expect(xml).not.toContain(XSS);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(
      elements.filter((e) => !['testsuites', 'testsuite', 'properties', 'property', 'testcase', 'failure', 'error', 'system-out'].includes(e.name)),
    ).toEqual([]);
  });

  it('has a suite per provider with its own counts', () => {
    expect(suite('docker').head).toContain('tests="7" failures="1" errors="1" skipped="0"');
    expect(suite('vagrant').head).toContain('tests="7" failures="3" errors="1" skipped="0"');
    expect(xml).toMatch(/<testsuites name="goverity run 2026-05-12T09-41-07Z-4f2c" tests="14" failures="4" errors="2" time="683.608">/);
  });

  it('has one testcase per scenario × provider, classname = provider, name = scenario id, time in seconds', () => {
    const docker = suite('docker').cases;
    expect(docker.map((c) => c.name)).toEqual([
      'debian-golang-go',
      'debian-no-cc',
      'goroot-other-release',
      'wrapper-version-lie',
      'modcache-readonly',
      'no-go',
      'hostile-markup',
    ]);
    expect(new Set(docker.map((c) => c.classname))).toEqual(new Set(['docker']));
    expect(docker[0]!.time).toBe(4.495); // 412 + 688 + 3104 + 291 ms
    expect(docker[0]!.inner).toBe('');
  });

  it('puts the why lines and the key evidence into <failure>', () => {
    const c = suite('vagrant').cases.find((x) => x.name === 'debian-no-cc')!;
    expect(c.inner).toContain(
      '<failure message="expected verdict degraded, got ready; expected CGO_TOOLCHAIN_MISSING, got none; expected CGO_DISABLED, got none" type="expectation">',
    );
    const hostile = suite('docker').cases.find((x) => x.name === 'hostile-markup')!;
    const body = unescapeXml(hostile.inner);
    expect(body).toContain(
      'forbidden GOFLAGS_OVERRIDE was raised: GOFLAGS from the environment changes every build: -ldflags=-X=main.v=<script>alert(1)</script>&x="y"]]>',
    );
    expect(body).toContain(`  · environment: GOFLAGS=-ldflags=-X=main.v=${XSS}&x="y"'z']]>[0m`);
    expect(body).toContain('GOFLAGS_OVERRIDE (warning)');
    // The title went through the same escaping: the bell and ESC are gone, the rest is intact.
    expect(body).toContain(`A go that prints markup: ${XSS} & "double" 'single' | pipe ]]> bell esc[31m`);
  });

  it('puts the phase, message and log tail of an errored result into <error>', () => {
    const c = suite('docker').cases.find((x) => x.name === 'wrapper-version-lie')!;
    expect(c.inner).toContain('<error message="build: image build failed: COPY failed: stat go: file does not exist" type="build">');
    expect(unescapeXml(c.inner)).toContain('Step 3/4 : COPY go /usr/local/bin/go\nCOPY failed: file not found');
    expect(c.inner).toContain('goverity/dev-wrapper-version-lie &lt;none&gt; failed &amp; was not tagged (exit 1) ]]&gt;');
    expect(c.inner).not.toContain('<failure');
  });
});
