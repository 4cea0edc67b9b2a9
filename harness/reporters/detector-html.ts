import type { BaselineComparison } from '../detectors/compare-baseline.js';
import type { DetectorResult, DetectorRun } from '../detectors/detector-result.js';
import { confusionTableHtml, verdictPill } from './confusion-table-html.js';
import { escapeMarkup as h, escapeMarkupAttribute as a } from './escape-markup.js';
import { percent } from './percent.js';

// No `<` or `&` in here: the page stays well-formed XML (see html-reporter.ts).
export const DETECTOR_STYLE = `
.dets { display: flex; gap: 20px; flex-wrap: wrap; align-items: stretch; margin-top: 8px; }
.det { flex: 1 1 400px; max-width: 640px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; background: #fff; }
.det h3 { margin: 0 0 2px; font-size: 16px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.det .desc { margin: 0 0 10px; color: var(--muted); font-size: 13px; min-height: 2.9em; }
.det .spec { font-size: 11px; color: var(--muted); }
.scores { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; }
.score { padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 76px; }
.det .confusion th, .det .confusion td { min-width: 0; padding: 4px 6px; }
.det .confusion .v { font-size: 11px; padding: 0 4px; }
.score b { display: block; font-size: 20px; line-height: 1.2; }
.score span { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .04em; }
.score.acc { border-left: 5px solid var(--pass); }
.score.bad { border-left: 5px solid var(--fail); }
.score.bad.none b { color: var(--muted); }
.score.bad.none { border-left-color: var(--line); }
.side { margin-top: 16px; font-size: 13px; }
.side th, .side td { border: 1px solid var(--line); padding: 5px 8px; }
.side thead th { background: var(--soft); font-size: 12px; }
.side thead th.dn { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--ink); text-align: center; }
.side td.ok { background: #f0fbf3; }
.side td.wrong { background: var(--fail-bg); }
.side td.noans { background: var(--err-bg); }
.side td.herr { background: var(--soft); }
.side .mark { font-weight: 700; margin-right: 4px; }
.side td.ok .mark { color: var(--pass); }
.side td.wrong .mark, .side td.noans .mark { color: var(--fail); }
.side .why { font-size: 11px; color: #a40e26; margin-top: 2px; overflow-wrap: anywhere; max-width: 360px; }
.changes td.worse { color: var(--fail); font-weight: 700; }
.changes td.better { color: var(--pass); font-weight: 700; }
.changes th, .changes td { border: 1px solid var(--line); padding: 4px 10px; font-size: 13px; }
`;

function card(d: DetectorRun): string {
  const s = d.score;
  const bad = (n: number, of: number, label: string, title: string) =>
    `<div class="score bad${n === 0 ? ' none' : ''}" title="${a(title)}"><b>${n}/${of}</b><span>${label}</span></div>`;
  return [
    `<div class="det" id="detector-${a(d.name)}">`,
    `<h3>${h(d.name)}${d.builtin ? ' <span class="cls">built in</span>' : ''}</h3>`,
    `<p class="desc">${h(d.description)}<br/><span class="spec">spec ${h(d.spec)}</span></p>`,
    '<div class="scores">',
    `<div class="score acc"><b>${percent(s.accuracy)}</b><span>${s.correct}/${s.scored} verdicts right</span></div>`,
    bad(s.falseAlarms.count, s.falseAlarms.of, 'false alarms', `genuine environments reported otherwise: ${s.falseAlarms.scenarios.join(', ') || 'none'}`),
    bad(s.misses.count, s.misses.of, 'misses', `broken or fake environments reported usable or authentic: ${s.misses.scenarios.join(', ') || 'none'}`),
    bad(s.noAnswer, s.scored, 'no answer', 'hung, flooded, crashed or printed no verdict'),
    s.errored ? `<div class="score"><b>${s.errored}</b><span>harness errors</span></div>` : '',
    '</div>',
    confusionTableHtml(s.confusion, `confusion-${d.name}`, 'no answer', 'reported'),
    '</div>',
  ].join('\n');
}

function cell(r: DetectorResult | undefined): string {
  if (!r) return '<td class="herr muted">not run</td>';
  const cls = r.outcome === 'error' ? 'herr' : r.outcome === 'correct' ? 'ok' : r.answer ? 'wrong' : 'noans';
  const mark = r.outcome === 'correct' ? '✓' : r.outcome === 'error' ? '!' : '✗';
  const said = r.answer
    ? verdictPill(r.answer.verdict) + (r.answer.authentic === false ? '<span class="auth auth-no">✗ NOT authentic</span>' : '')
    : `<span class="v v-error">${r.outcome === 'error' ? 'error' : 'no answer'}</span>`;
  const why = r.why.length ? `<div class="why">${h(r.why.join('; '))}</div>` : '';
  return `<td class="${cls}"><span class="mark">${mark}</span>${said}${why}</td>`;
}

function sideBySide(runs: DetectorRun[]): string {
  const ids: string[] = [];
  const first = new Map<string, DetectorResult>();
  for (const d of runs)
    for (const r of d.results)
      if (!first.has(r.id)) {
        ids.push(r.id);
        first.set(r.id, r);
      }
  const rows = ids.map((id) => {
    const r = first.get(id)!;
    const cells = runs.map((d) => cell(d.results.find((x) => x.id === id)));
    return `<tr><th scope="row"><span class="sid">${h(id)}</span><span class="cls">${h(r.class)}</span><div class="title">${h(r.title)}</div></th><td>${r.expected.verdict.map(verdictPill).join('<span class="or">or</span>')}</td>${cells.join('')}</tr>`;
  });
  return [
    '<table class="side">',
    `<thead><tr><th>scenario</th><th>expected</th>${runs.map((d) => `<th class="dn">${h(d.name)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

function baselineHtml(b: BaselineComparison): string {
  const changes = [...b.regressions.map((c) => ['worse', c] as const), ...b.improvements.map((c) => ['better', c] as const)];
  return [
    '<h3 id="baseline">Against the baseline</h3>',
    `<p class="note">Run <code>${h(b.runId)}</code> (${h(b.from)}): ${b.regressions.length} worse, ${b.improvements.length} better, ${b.unmatched} without a counterpart. The run fails on the worse ones alone.</p>`,
    changes.length
      ? `<table class="changes"><thead><tr><th>change</th><th>detector</th><th>scenario</th><th>before</th><th>now</th></tr></thead><tbody>${changes
          .map(
            ([k, c]) =>
              `<tr><td class="${k}">${k === 'worse' ? '✗ worse' : '✓ better'}</td><td>${h(c.detector)}</td><td class="sid">${h(c.id)}</td><td>${h(c.before)}</td><td>${h(c.after)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '',
  ].join('\n');
}

/** The detectors side by side: a score card each (accuracy, false alarms, misses, confusion matrix), then every scenario's answers. */
export function detectorSection(runs: DetectorRun[], baseline: BaselineComparison | undefined): string {
  return [
    '<section id="detectors">',
    `<h2>Detectors (${runs.length})</h2>`,
    '<p class="note">Each detector ran in a fresh environment of each scenario and was scored against its expected verdict. False alarm: a genuine environment reported as anything else, or as not authentic. Miss: a broken or fake one reported ready or degraded, or a fake one as authentic. No answer: it hung, flooded, crashed or printed no verdict (the reason is under it).</p>',
    `<div class="dets">${runs.map(card).join('\n')}</div>`,
    sideBySide(runs),
    baseline ? baselineHtml(baseline) : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
