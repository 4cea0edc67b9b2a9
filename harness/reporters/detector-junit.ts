import type { DetectorResult, DetectorRun } from '../detectors/detector-result.js';
import { escapeMarkup as text, escapeMarkupAttribute as attr } from './escape-markup.js';
import { junitSuite, junitSeconds } from './junit-suite.js';
import { totalMs } from './phase-stats.js';

function testcase(r: DetectorResult): string {
  const open = `    <testcase classname="${attr(`detector ${r.detector}`)}" name="${attr(r.id)}" time="${junitSeconds(totalMs(r.timings))}"`;
  const said = r.answer
    ? `reported ${r.answer.verdict}${r.answer.authentic === undefined ? '' : `, authentic ${r.answer.authentic}`}${r.answer.codes.length ? `, codes ${r.answer.codes.join(', ')}` : ''}`
    : 'no answer';
  const body = [`${said} on ${r.provider}`, ...r.why, ...(r.stderrTail.length ? ['stderr:', ...r.stderrTail] : [])].join('\n');
  if (r.outcome === 'correct') return `${open}/>`;
  const tag =
    r.outcome === 'error'
      ? `<error message="${attr(r.why.join('; '))}" type="harness">`
      : `<failure message="${attr(r.why.join('; '))}" type="${r.answer ? 'verdict' : 'no-answer'}">`;
  return `${open}>\n      ${tag}${text(body)}${r.outcome === 'error' ? '</error>' : '</failure>'}\n      <system-out>${text(r.title)}</system-out>\n    </testcase>`;
}

/** A testsuite per detector, a testcase per scenario (classname "detector NAME", name = scenario id). */
export function detectorSuites(runs: DetectorRun[], startedAt: string): string[] {
  return runs.map((d) => {
    const count = (o: DetectorResult['outcome']) => d.results.filter((r) => r.outcome === o).length;
    const time = d.results.reduce((t, r) => t + totalMs(r.timings), 0);
    return junitSuite({
      name: `detector ${d.name}`,
      tests: d.results.length,
      failures: count('wrong'),
      errors: count('error'),
      timeMs: time,
      timestamp: startedAt,
      properties: [
        ['spec', d.spec],
        ['accuracy', d.score.accuracy.toFixed(4)],
        ['falseAlarms', `${d.score.falseAlarms.count}/${d.score.falseAlarms.of}`],
        ['misses', `${d.score.misses.count}/${d.score.misses.of}`],
      ],
      cases: d.results.map(testcase),
    });
  });
}
