import type { RunSummary, ScenarioResult } from '../runner/run-summary.js';
import { escapeMarkup as text, escapeMarkupAttribute as attr } from './escape-markup.js';
import { detectorSuites } from './detector-junit.js';
import { junitSuite } from './junit-suite.js';
import { keyFindings } from './key-findings.js';
import { outcomeOf } from './outcome-of.js';
import { totalMs } from './phase-stats.js';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function failureBody(r: ScenarioResult): string {
  const lines = [...r.why];
  if (r.report) {
    lines.push('', `actual: ${r.report.verdict}, authentic ${r.report.authentic}, codes ${r.report.findings.map((f) => f.code).join(', ') || 'none'}`);
    for (const f of keyFindings(r)) {
      lines.push(`${f.code} (${f.severity}): ${f.message}`);
      for (const e of f.evidence) lines.push(`  · ${e}`);
      if (f.fix) lines.push(`  fix: ${f.fix}`);
    }
  }
  return lines.join('\n');
}

function testcase(r: ScenarioResult): string {
  const open = `    <testcase classname="${attr(r.provider)}" name="${attr(r.id)}" time="${seconds(totalMs(r.timings))}"`;
  const outcome = outcomeOf(r);
  if (outcome === 'pass') return `${open}/>`;
  const body =
    outcome === 'error'
      ? `      <error message="${attr(`${r.error!.phase}: ${r.error!.message}`)}" type="${attr(r.error!.phase)}">${text(r.error!.logTail.join('\n'))}</error>`
      : r.divergence
        ? `      <failure message="${attr(`diverges from ${r.divergence.from}: ${r.divergence.differences.join('; ')}`)}" type="divergence">${text(failureBody(r))}</failure>`
        : `      <failure message="${attr(r.why.join('; ') || 'failed')}" type="expectation">${text(failureBody(r))}</failure>`;
  return `${open}>\n${body}\n      <system-out>${text(r.title)}</system-out>\n    </testcase>`;
}

/** JUnit XML: a testsuite per provider, a testcase per scenario × provider (classname = provider, name = scenario id). */
export function renderJunit(summary: RunSummary): string {
  const providers = [...new Set(summary.scenarios.map((r) => r.provider))];
  const suites = providers.map((provider) => {
    const cases = summary.scenarios.filter((r) => r.provider === provider);
    const count = (o: string) => cases.filter((r) => outcomeOf(r) === o).length;
    const time = cases.reduce((t, r) => t + totalMs(r.timings), 0);
    return junitSuite({
      name: provider,
      tests: cases.length,
      failures: count('fail'),
      errors: count('error'),
      timeMs: time,
      timestamp: summary.startedAt,
      properties: [
        ['runId', summary.runId],
        ['engine', summary.host.engine],
        ['node', summary.host.node],
        ['cores', summary.host.cores],
      ],
      cases: cases.map(testcase),
    });
  });
  const t = summary.totals;
  // Detectors add a suite each; the root's counts stay the engine's unless there are detector cases to add.
  const detected = (summary.detectors ?? []).flatMap((d) => d.results);
  const tests = summary.scenarios.length + detected.length;
  const failures = t.failed + detected.filter((r) => r.outcome === 'wrong').length;
  const errors = t.errored + detected.filter((r) => r.outcome === 'error').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="goverity run ${attr(summary.runId)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(t.wallMs)}">`,
    ...suites,
    ...detectorSuites(summary.detectors ?? [], summary.startedAt),
    '</testsuites>',
    '',
  ].join('\n');
}
