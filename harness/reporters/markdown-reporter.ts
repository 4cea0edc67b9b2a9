import type { RunSummary, ScenarioResult } from '../runner/run-summary.js';
import { stripInvalidXmlChars } from './escape-markup.js';
import { detectorMarkdown } from './detector-markdown.js';
import { formatDuration } from './format-duration.js';
import { keyFindings } from './key-findings.js';
import { outcomeOf } from './outcome-of.js';
import { PHASES, phaseStats } from './phase-stats.js';
import { scenarioMatrix } from './scenario-matrix.js';

/** Inline text: one line, markdown punctuation backslash-escaped (`|` would end the table cell). */
function md(s: string): string {
  return stripInvalidXmlChars(s)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*[\]<>|&]/g, '\\$&');
}

function code(s: string): string {
  return /^[A-Za-z0-9_.:/-]+$/.test(s) ? `\`${s}\`` : md(s);
}

function fenced(lines: string[]): string[] {
  const body = lines.map(stripInvalidXmlChars);
  const longest = Math.max(0, ...body.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}text`, ...body, fence];
}

const BADGE = { pass: '✅ pass', fail: '❌ FAIL', error: '⚠️ ERROR' } as const;
const DIVERGES = '≠ DIVERGES';

function badge(r: ScenarioResult): string {
  return r.divergence ? DIVERGES : BADGE[outcomeOf(r)];
}

/** One cell of the scenario × provider table: the outcome and what was said, or why there is nothing to say. */
function matrixCell(r: ScenarioResult | undefined): string {
  if (!r) return '—';
  if (!r.report) return `${BADGE.error} in ${md(r.error?.phase ?? '?')}`;
  return `${badge(r)} ${md(r.report.verdict)}${r.divergence ? ` (vs ${md(r.divergence.from)})` : ''}`;
}

function matrix(results: ScenarioResult[]): string[] {
  const { providers, rows } = scenarioMatrix(results);
  return [
    `| scenario | ${providers.map(md).join(' | ')} |`,
    `| --- |${providers.map(() => ' --- |').join('')}`,
    ...rows.map((row) => `| ${code(row.id)} | ${providers.map((p) => matrixCell(row.byProvider.get(p))).join(' | ')} |`),
  ];
}

function divergences(results: ScenarioResult[]): string[] {
  const div = results.filter((r) => r.divergence);
  if (div.length === 0) return ['', 'None.'];
  return [
    '',
    '| scenario | provider | differs from | differences |',
    '| --- | --- | --- | --- |',
    ...div.map((r) => `| ${code(r.id)} | ${md(r.provider)} | ${md(r.divergence!.from)} | ${r.divergence!.differences.map(md).join('; ')} |`),
  ];
}

function authentic(r: ScenarioResult): string {
  if (!r.report) return '—';
  return r.report.authentic === null ? 'n/a' : r.report.authentic ? 'yes' : '**no**';
}

function row(r: ScenarioResult): string {
  const expected = (r.expected.verdict.map(md).join(' or ') || '—') + (r.expected.codes.length ? ` + ${r.expected.codes.map(code).join(', ')}` : '');
  const actual = r.report ? md(r.report.verdict) : `error (${md(r.error?.phase ?? '?')})`;
  const codes = r.report ? r.report.findings.map((f) => code(f.code)).join(', ') || 'none' : '—';
  return `| ${code(r.id)} | ${md(r.provider)} | ${expected} | ${actual} | ${authentic(r)} | ${codes} | ${badge(r)} |`;
}

function failure(r: ScenarioResult): string[] {
  const head = outcomeOf(r) === 'error' ? `ERROR in ${md(r.error!.phase)}` : r.divergence ? `DIVERGES from ${md(r.divergence.from)}` : 'FAIL';
  const out = ['', `### ${md(r.id)} (${md(r.provider)}): ${head}`, '', md(r.title), ''];
  for (const w of r.why) out.push(`- ${md(w)}`);
  if (r.error) {
    if (!r.why.includes(r.error.message)) out.push('', md(r.error.message));
    out.push('', ...fenced(r.error.logTail.length ? r.error.logTail : ['(no log)']));
  }
  const findings = keyFindings(r);
  if (r.report) {
    out.push('', `Actual: ${md(r.report.verdict)}, authentic ${authentic(r)}, target ${code(r.report.target)}.`);
    if (findings.length) out.push('', 'Evidence:', '');
    for (const f of findings) {
      out.push(`- ${code(f.code)} (${f.severity}): ${md(f.message)}`);
      for (const e of f.evidence) out.push(`  - ${md(e)}`);
      if (f.fix) out.push(`  - fix: ${md(f.fix)}`);
    }
  }
  return out;
}

/** The run as GitHub-flavoured markdown: totals, the scenario × provider table, skipped, divergences, every result, failures with evidence, timings. */
export function renderMarkdown(summary: RunSummary): string {
  const t = summary.totals;
  const failed = summary.scenarios.filter((r) => outcomeOf(r) !== 'pass');
  const stats = phaseStats(summary.scenarios);
  const sel = summary.selection;
  const skipped = summary.skipped ?? [];
  const diverged = summary.scenarios.filter((r) => r.divergence).length;
  return [
    `# goverity run ${md(summary.runId)}`,
    '',
    `**${failed.length ? 'FAILED' : 'PASSED'}**: ${t.scenarios} results, ${t.passed} passed, ${t.failed} failed, ${t.errored} errored${diverged ? ` (${diverged} diverged between providers)` : ''} in ${formatDuration(t.wallMs)}${skipped.length ? `; ${skipped.length} skipped` : ''}.`,
    '',
    `- started ${md(summary.startedAt)}, finished ${md(summary.finishedAt)}`,
    `- host: ${summary.host.cores} cores, ${md(summary.host.engine)}, node ${md(summary.host.node)}`,
    `- selection: scenario ${md(sel.scenario ?? 'all')}, provider ${md(sel.provider)}, shard ${md(sel.shard ?? 'none')}, concurrency ${sel.concurrency}`,
    '',
    '## Scenarios × providers',
    '',
    ...matrix(summary.scenarios),
    ...(skipped.length ? ['', '## Skipped', '', ...skipped.map((x) => `- ${md(x.what)}: ${md(x.why)}`)] : []),
    '',
    '## Divergences',
    ...divergences(summary.scenarios),
    '',
    '## Results',
    '',
    '| scenario | provider | expected verdict(s) | actual verdict | authentic | codes | pass |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...summary.scenarios.map(row),
    '',
    '## Failures',
    ...(failed.length ? failed.flatMap(failure) : ['', 'None.']),
    ...(summary.detectors?.length ? detectorMarkdown(summary.detectors, summary.baseline, md, code) : []),
    '',
    '## Timings',
    '',
    '| phase | median | max | runs |',
    '| --- | ---: | ---: | ---: |',
    ...PHASES.map((p) => `| ${p} | ${formatDuration(stats[p].medianMs)} | ${formatDuration(stats[p].maxMs)} | ${stats[p].count} |`),
    '',
  ].join('\n');
}
