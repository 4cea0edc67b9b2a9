import type { RunSummary, ScenarioResult } from '../runner/run-summary.js';
import { stripInvalidXmlChars } from './escape-markup.js';
import { formatDuration } from './format-duration.js';
import { keyFindings } from './key-findings.js';
import { outcomeOf } from './outcome-of.js';
import { PHASES, phaseStats } from './phase-stats.js';

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

function authentic(r: ScenarioResult): string {
  if (!r.report) return '—';
  return r.report.authentic === null ? 'n/a' : r.report.authentic ? 'yes' : '**no**';
}

function row(r: ScenarioResult): string {
  const expected = (r.expected.verdict.map(md).join(' or ') || '—') + (r.expected.codes.length ? ` + ${r.expected.codes.map(code).join(', ')}` : '');
  const actual = r.report ? md(r.report.verdict) : `error (${md(r.error?.phase ?? '?')})`;
  const codes = r.report ? r.report.findings.map((f) => code(f.code)).join(', ') || 'none' : '—';
  return `| ${code(r.id)} | ${md(r.provider)} | ${expected} | ${actual} | ${authentic(r)} | ${codes} | ${BADGE[outcomeOf(r)]} |`;
}

function failure(r: ScenarioResult): string[] {
  const out = ['', `### ${md(r.id)} (${md(r.provider)}): ${outcomeOf(r) === 'error' ? `ERROR in ${md(r.error!.phase)}` : 'FAIL'}`, '', md(r.title), ''];
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

/** The run as GitHub-flavoured markdown: totals, the scenario × provider table, failures with evidence, timings. */
export function renderMarkdown(summary: RunSummary): string {
  const t = summary.totals;
  const failed = summary.scenarios.filter((r) => outcomeOf(r) !== 'pass');
  const stats = phaseStats(summary.scenarios);
  const sel = summary.selection;
  return [
    `# goverity run ${md(summary.runId)}`,
    '',
    `**${failed.length ? 'FAILED' : 'PASSED'}**: ${t.scenarios} results, ${t.passed} passed, ${t.failed} failed, ${t.errored} errored in ${formatDuration(t.wallMs)}.`,
    '',
    `- started ${md(summary.startedAt)}, finished ${md(summary.finishedAt)}`,
    `- host: ${summary.host.cores} cores, ${md(summary.host.engine)}, node ${md(summary.host.node)}`,
    `- selection: scenario ${md(sel.scenario ?? 'all')}, provider ${md(sel.provider)}, shard ${md(sel.shard ?? 'none')}, concurrency ${sel.concurrency}`,
    '',
    '| scenario | provider | expected verdict(s) | actual verdict | authentic | codes | pass |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...summary.scenarios.map(row),
    '',
    '## Failures',
    ...(failed.length ? failed.flatMap(failure) : ['', 'None.']),
    '',
    '## Timings',
    '',
    '| phase | median | max | runs |',
    '| --- | ---: | ---: | ---: |',
    ...PHASES.map((p) => `| ${p} | ${formatDuration(stats[p].medianMs)} | ${formatDuration(stats[p].maxMs)} | ${stats[p].count} |`),
    '',
  ].join('\n');
}
