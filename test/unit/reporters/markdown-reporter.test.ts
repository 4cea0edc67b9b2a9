import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../harness/reporters/markdown-reporter.js';
import { XSS, expectGolden, sampleRun } from './sample-run.js';

const md = renderMarkdown(sampleRun());
const lines = md.split('\n');
/** Table cells split the way GFM does: on pipes not preceded by a backslash. */
const cells = (row: string) =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

describe('renderMarkdown', () => {
  it('matches test/golden/run-report.md (UPDATE_GOLDEN=1 rewrites it)', () => {
    expectGolden('run-report.md', md);
  });

  it('starts with the totals and the host', () => {
    expect(lines[0]).toBe('# goverity run 2026-05-12T09-41-07Z-4f2c');
    expect(md).toContain('**FAILED**: 14 results, 8 passed, 4 failed, 2 errored in 11m 24s.');
    expect(md).toContain('- host: 2 cores, docker 20.10.24+dfsg1; vagrant 2.3.4 (libvirt), node v20.19.2');
  });

  it('has a 7-column row per scenario × provider, with `|` escaped inside cells', () => {
    const results = md.slice(md.indexOf('## Results'), md.indexOf('## Failures')).split('\n');
    const rows = results.filter((l) => l.startsWith('| `') || l.startsWith('| hostile'));
    expect(rows).toHaveLength(14);
    for (const r of rows) expect(cells(r)).toHaveLength(7);
    expect(cells(rows.find((r) => r.includes('modcache-readonly') && r.includes('vagrant'))!)).toEqual([
      '`modcache-readonly`',
      'vagrant',
      'degraded or broken + `MODCACHE_UNWRITABLE`',
      'ready',
      'yes',
      'none',
      '❌ FAIL',
    ]);
    expect(cells(rows.find((r) => r.includes('wrapper-version-lie') && r.includes('docker'))!)).toEqual([
      '`wrapper-version-lie`',
      'docker',
      'broken + `GO_VERSION_LIE`, `WRAPPER`',
      'error (build)',
      '—',
      '—',
      '⚠️ ERROR',
    ]);
  });

  it('escapes markup and pipes from the summary', () => {
    expect(md).not.toContain(XSS);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\& "double" \'single\' \\| pipe \\]\\]\\> bell esc\\[31m');
    expect(md).toContain('  - go env GOFLAGS: -ldflags=-X=main.v=\\<b\\>bold\\</b\\> \\| a\\|b');
    expect(md).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('lists every failure with its why lines and evidence, and errors with their log tail', () => {
    const failures = md.slice(md.indexOf('## Failures'), md.indexOf('## Timings'));
    expect([...failures.matchAll(/^### (.*)$/gm)].map((m) => m[1])).toEqual([
      'debian-golang-go (vagrant): FAIL',
      'debian-no-cc (vagrant): FAIL',
      'goroot-other-release (vagrant): ERROR in start',
      'wrapper-version-lie (docker): ERROR in build',
      'modcache-readonly (vagrant): FAIL',
      'hostile-markup (docker): FAIL',
    ]);
    expect(failures).toContain('- expected CONTAINER, got none');
    expect(failures).toContain('```text\nStep 1/4 : ARG BASE\n');
    expect(failures).toContain('- `GOFLAGS_OVERRIDE` (warning): GOFLAGS from the environment changes every build');
  });

  it('ends with per-phase medians', () => {
    expect(md.slice(md.indexOf('## Timings'))).toContain('| verify | 4.6s | 9.2s | 12 |');
  });
});
