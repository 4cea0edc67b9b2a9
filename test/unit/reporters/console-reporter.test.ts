import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from '../../../harness/reporters/console-reporter.js';
import { sampleRun } from './sample-run.js';

function capture(tty: boolean, total = 14) {
  let out = '';
  let clock = 0;
  const reporter = createConsoleReporter({ tty, total, write: (s) => (out += s), columns: 80, now: () => clock, redrawMs: 100 });
  return { reporter, out: () => out, reset: () => (out = ''), tick: (ms: number) => (clock += ms) };
}

const run = sampleRun();
const result = (id: string, provider: string) => run.scenarios.find((r) => r.id === id && r.provider === provider)!;

describe('console reporter, plain (not a TTY)', () => {
  it('prints one line per finished result and nothing while scenarios run', () => {
    const c = capture(false);
    c.reporter.onScenarioStart('debian-golang-go', 'docker');
    c.reporter.onPhase('debian-golang-go', 'docker', 'verify');
    c.reporter.onBuildLine('go-1.19', 'Step 1/3 : FROM base');
    expect(c.out()).toBe('');
    c.reporter.onScenarioDone(result('debian-golang-go', 'docker'));
    c.reporter.onScenarioDone(result('debian-no-cc', 'vagrant'));
    expect(c.out()).toBe('PASS debian-golang-go (docker) ready 4.5s\n' + 'FAIL debian-no-cc (vagrant) ready 1m 58s: expected verdict degraded, got ready\n');
  });

  it('prints a build failure with its log tail, control characters removed', () => {
    const c = capture(false);
    c.reporter.onScenarioDone(result('wrapper-version-lie', 'docker'));
    const lines = c.out().split('\n');
    expect(lines[0]).toBe('ERROR wrapper-version-lie (docker) build failed after 6.1s: image build failed: COPY failed: stat go: file does not exist');
    expect(lines[1]).toBe('    | Step 1/4 : ARG BASE');
    expect(lines).toContain('    | COPY failed: file not found in build context or excluded by .dockerignore: stat go: file does not exist');
    expect(c.out()).not.toContain('\x1b');
  });

  it('keeps hostile why lines on one line without escape sequences', () => {
    const c = capture(false);
    const r = { ...result('hostile-markup', 'docker'), why: ['bad\x1b[2J\nnews\u0007'] };
    c.reporter.onScenarioDone(r);
    expect(c.out()).toBe('FAIL hostile-markup (docker) degraded 16.4s: bad news\n');
  });

  it('finishes with the totals and where the results are', () => {
    const c = capture(false);
    c.reporter.finish(run, 'results/2026-05-12T09-41-07Z-4f2c');
    expect(c.out()).toBe(
      'FAILED 14 results: 8 passed, 4 failed, 2 errored in 11m 24s\n' +
        'results: results/2026-05-12T09-41-07Z-4f2c (report.html, report.md, junit.xml, summary.json)\n',
    );
  });
});

describe('console reporter, live (TTY)', () => {
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');

  it('draws a status block with the running scenarios and their phase, and redraws it in place', () => {
    const c = capture(true);
    c.reporter.onScenarioStart('debian-golang-go', 'docker');
    expect(visible(c.out())).toBe('0/14 done  0 passed  0 failed  0 errored  1 running\n  queued debian-golang-go (docker) 0ms\n');
    c.reset();
    c.tick(1500);
    c.reporter.onPhase('debian-golang-go', 'docker', 'verify');
    // Up two lines (the block drawn before), erase below, draw again.
    expect(c.out().startsWith('\r\x1b[2A\x1b[J')).toBe(true);
    expect(visible(c.out())).toContain('  verify debian-golang-go (docker) 1.5s\n');
  });

  it('prints a finished result above the block and drops it from the running list', () => {
    const c = capture(true);
    c.reporter.onScenarioStart('debian-golang-go', 'docker');
    c.reporter.onScenarioStart('no-go', 'docker');
    c.reset();
    c.reporter.onScenarioDone(result('debian-golang-go', 'docker'));
    const text = visible(c.out());
    expect(c.out().startsWith('\r\x1b[3A\x1b[J')).toBe(true);
    expect(c.out()).toContain('\x1b[32mPASS\x1b[0m debian-golang-go (docker) ready 4.5s\n');
    expect(text).toContain('1/14 done  1 passed  0 failed  0 errored  1 running\n');
    expect(text).toContain('queued no-go (docker)');
    expect(text).not.toContain('queued debian-golang-go');
  });

  it('shows the last build line, cut to the terminal and stripped of its own escapes, at most every redrawMs', () => {
    const c = capture(true);
    c.reporter.onScenarioStart('no-go', 'docker');
    c.reset();
    c.reporter.onBuildLine('base-bookworm', 'I: Retrieving Packages');
    expect(c.out()).toBe(''); // drawn 0 ms ago
    c.tick(100);
    // A progress line: what follows the last carriage return is what a terminal would show.
    c.reporter.onBuildLine('base-bookworm', `\x1b[1mI: Validating 10%\rI: Validating 100% ${'x'.repeat(200)}\x1b[0m`);
    const last = visible(c.out()).trimEnd().split('\n').pop()!;
    expect(last.startsWith('  build base-bookworm: I: Validating 100% xxx')).toBe(true);
    expect(last).toHaveLength(79);
    expect(last.endsWith('…')).toBe(true);
  });

  it('clears the block before the final totals', () => {
    const c = capture(true);
    c.reporter.onScenarioStart('no-go', 'docker');
    c.reset();
    c.reporter.finish(run);
    expect(c.out().startsWith('\r\x1b[2A\x1b[J')).toBe(true);
    expect(visible(c.out())).toBe('FAILED 14 results: 8 passed, 4 failed, 2 errored in 11m 24s\n');
  });
});
