import { escapeData, escapeProperty } from '../../engine/report/render-github.js';
import type { RunSummary, ScenarioResult } from '../runner/run-summary.js';
import { outcomeOf } from './outcome-of.js';

const scenarioTitle = (r: ScenarioResult) => escapeProperty(`goverity scenario ${r.id} (${r.provider})`);

/** `goverity run --format github`: an ::error per failed or errored result, why in the message; a ::notice line for the totals. */
export function renderRunAnnotations(s: RunSummary): string {
  const lines: string[] = [];
  for (const r of s.scenarios) {
    const o = outcomeOf(r);
    if (o === 'pass') continue;
    const why = r.error ? [`${r.error.phase} failed: ${r.error.message}`, ...r.error.logTail.slice(-8)] : [`verdict ${r.report?.verdict ?? '?'}`, ...r.why];
    if (r.divergence) why.push(`differs from ${r.divergence.from}: ${r.divergence.differences.join('; ')}`);
    lines.push(`::error title=${scenarioTitle(r)}::${escapeData(why.join('\n'))}`);
  }
  const t = s.totals;
  lines.push(`::notice title=goverity run::${escapeData(`${t.passed}/${t.scenarios} passed, ${t.failed} failed, ${t.errored} errored`)}`);
  return `${lines.join('\n')}\n`;
}

const cell = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** The Markdown job summary of a run: totals, then a row per result that did not pass (all rows when every one passed). */
export function renderRunSummary(s: RunSummary): string {
  const t = s.totals;
  const ok = t.passed === t.scenarios;
  const out = [
    `### ${ok ? '✅' : '❌'} goverity run: ${t.passed}/${t.scenarios} passed`,
    '',
    `${t.failed} failed, ${t.errored} errored, ${(t.wallMs / 1000).toFixed(1)} s`,
    '',
  ];
  const shown = ok ? s.scenarios : s.scenarios.filter((r) => outcomeOf(r) !== 'pass');
  out.push('| scenario | provider | outcome | verdict | why |', '| --- | --- | --- | --- | --- |');
  for (const r of shown) {
    const why = r.error ? `${r.error.phase}: ${r.error.message}` : r.why.join('; ');
    out.push(`| ${cell(r.id)} | ${cell(r.provider)} | ${outcomeOf(r)} | ${r.report?.verdict ?? '—'} | ${cell(why)} |`);
  }
  for (const x of s.skipped ?? []) out.push('', `Skipped ${cell(x.what)}: ${cell(x.why)}`);
  return `${out.join('\n')}\n`;
}
