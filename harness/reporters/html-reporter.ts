import { readFileSync } from 'node:fs';
import type { Finding } from '../../engine/checks/finding.js';
import type { RunSummary, ScenarioResult } from '../runner/run-summary.js';
import { confusionCell, confusionMatrix } from './confusion-matrix.js';
import { confusionTableHtml, verdictPill } from './confusion-table-html.js';
import { DETECTOR_STYLE, detectorSection } from './detector-html.js';
import { escapeMarkup as h, escapeMarkupAttribute as a } from './escape-markup.js';
import { formatDuration } from './format-duration.js';
import { outcomeOf, type Outcome } from './outcome-of.js';
import { PHASES, PHASE_KEY, phaseStats, totalMs } from './phase-stats.js';
import { scenarioMatrix, type MatrixRow } from './scenario-matrix.js';

// The page is also well-formed XML (void elements self-closed, no `<` or `&` in the style and script),
// so the tests can check its structure with an XML tokenizer.
/** The page's CSS, read once from report.css (next to this file; from dist/, in the package's harness/reporters). */
const STYLE = `\n${readFileSync(new URL(import.meta.url.includes('/dist/') ? '../../../harness/reporters/report.css' : './report.css', import.meta.url), 'utf8')}`;

// Opens a collapsed <details> when a badge links to it (no `<` or `&` here: see above).
const SCRIPT = `
function openTarget() {
  var el = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  if (el) { if (el.tagName === 'DETAILS') el.open = true; }
}
window.addEventListener('hashchange', openTarget);
openTarget();
`;

const BADGE: Record<Outcome, string> = { pass: '✓ PASS', fail: '✗ FAIL', error: '! ERROR' };
const DIVERGE_BADGE = '≠ DIVERGES';

/** A divergent result gets its own badge and colour: it failed because providers disagree, not (only) because of its scenario. */
function badgeOf(r: ScenarioResult): { cls: string; text: string } {
  return r.divergence ? { cls: 'diverge', text: DIVERGE_BADGE } : { cls: outcomeOf(r), text: BADGE[outcomeOf(r)] };
}

function differencesList(r: ScenarioResult): string {
  const d = r.divergence!;
  return `<span class="diff-from">≠ ${h(d.from)}</span><ul class="diff">${d.differences.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`;
}

function seenAt(links: string[]): string {
  if (links.length === 0) return '';
  const items = links.map((l) =>
    /^https?:\/\//i.test(l)
      ? `<a href="${a(l)}" rel="noreferrer noopener">${h(shorten(l.replace(/^https?:\/\//i, ''), 56))}</a>`
      : `<code>${h(shorten(l, 56))}</code>`,
  );
  return `<div class="seen">seen at: ${items.join(' ')}</div>`;
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function expectedCell(r: ScenarioResult, first: boolean): string {
  const div = r.divergence ? ' div' : '';
  const present = new Set(r.report?.findings.map((f) => f.code) ?? []);
  const codes = r.expected.codes.map((c) => {
    const missing = r.report && !present.has(c);
    return `<span class="code${missing ? ' missing' : ''}"${missing ? ' title="expected, not raised"' : ''}>${missing ? '✗ ' : ''}${h(c)}</span>`;
  });
  const verdicts = r.expected.verdict.length ? r.expected.verdict.map(verdictPill).join('<span class="or">or</span>') : '<span class="muted">—</span>';
  return `<td class="exp${first ? ' first' : ''}${div}">${verdicts}${codes.length ? `<div class="codes">${codes.join('')}</div>` : ''}</td>`;
}

function actualCell(r: ScenarioResult): string {
  if (!r.report) {
    const e = r.error;
    return `<td class="act"><span class="v v-error">error</span> <span class="muted small">in ${h(e?.phase ?? '?')}</span><div class="small">${h(shorten(e?.message ?? '', 90))}</div></td>`;
  }
  const rep = r.report;
  const auth =
    rep.authentic === null ? '' : rep.authentic ? '<span class="auth auth-yes">authentic</span>' : '<span class="auth auth-no">✗ NOT authentic</span>';
  const codes = rep.findings.map((f) => {
    const forbidden = r.expected.forbidden.includes(f.code);
    return `<span class="code sev-${a(f.severity)}${forbidden ? ' forbidden' : ''}" title="${a(`${f.severity}${forbidden ? ', forbidden' : ''}: ${f.message}`)}">${forbidden ? '⚠ ' : ''}${h(f.code)}</span>`;
  });
  const diff = r.divergence ? differencesList(r) : '';
  return `<td class="act${r.divergence ? ' div' : ''}">${verdictPill(rep.verdict)}${auth}${codes.length ? `<div class="codes">${codes.join('')}</div>` : '<div class="muted small">no findings</div>'}${diff}</td>`;
}

function matrixRow(row: MatrixRow, providers: string[], anchor: Map<ScenarioResult, string>): string {
  const results = [...row.byProvider.values()];
  const cls = results.some((r) => r.divergence) ? ' class="row-div"' : results.some((r) => outcomeOf(r) !== 'pass') ? ' class="row-fail"' : '';
  const cells = providers.map((p) => {
    const r = row.byProvider.get(p);
    if (!r) return '<td class="none first" colspan="3">not run</td>';
    const b = badgeOf(r);
    const title = r.divergence ? `differs from ${r.divergence.from}: ${r.divergence.differences.join('; ')}` : 'details';
    return `${expectedCell(r, true)}${actualCell(r)}<td class="res${r.divergence ? ' div' : ''}"><a class="badge b-${b.cls}" href="#${anchor.get(r)}" title="${a(title)}">${b.text}</a></td>`;
  });
  return `<tr${cls}><th scope="row"><div><span class="sid">${h(row.id)}</span><span class="cls">${h(row.class)}</span></div><div class="title">${h(row.title)}</div>${seenAt(row.seenAt)}</th>${cells.join('')}</tr>`;
}

function matrixTable(summary: RunSummary, anchor: Map<ScenarioResult, string>): string {
  const { providers, rows } = scenarioMatrix(summary.scenarios);
  return [
    '<table class="matrix">',
    '<thead>',
    `<tr><th rowspan="2">scenario</th>${providers.map((p) => `<th class="prov" colspan="3">${h(p)}</th>`).join('')}</tr>`,
    `<tr>${providers.map(() => '<th>expected</th><th>actual</th><th>result</th>').join('')}</tr>`,
    '</thead>',
    '<tbody>',
    ...rows.map((row) => matrixRow(row, providers, anchor)),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function confusionTable(results: ScenarioResult[]): string {
  return confusionTableHtml(confusionMatrix(results), 'confusion-table');
}

function timingSection(results: ScenarioResult[]): string {
  const stats = phaseStats(results);
  const max = Math.max(1, ...results.map((r) => totalMs(r.timings)));
  const phaseTable = [
    '<table class="phases">',
    '<thead><tr><th>phase</th><th class="num">median</th><th class="num">max</th><th class="num">runs</th></tr></thead>',
    '<tbody>',
    ...PHASES.map(
      (p) =>
        `<tr><td><span class="sw p-${p}"></span>${p}</td><td class="num">${formatDuration(stats[p].medianMs)}</td><td class="num">${formatDuration(stats[p].maxMs)}</td><td class="num">${stats[p].count}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
  ].join('\n');
  const bars = results.map((r) => {
    const segs = PHASES.map((p) => {
      const ms = r.timings[PHASE_KEY[p]];
      return ms > 0 ? `<span class="p-${p}" style="width:${((ms / max) * 100).toFixed(2)}%" title="${p} ${formatDuration(ms)}"></span>` : '';
    }).join('');
    return `<tr><td class="lbl"><span class="mono">${h(r.id)}</span> <span class="muted">${h(r.provider)}</span></td><td><div class="bar">${segs}</div></td><td class="tot">${formatDuration(totalMs(r.timings))}</td></tr>`;
  });
  return `${phaseTable}\n<table class="bars">\n<tbody>\n${bars.join('\n')}\n</tbody>\n</table>`;
}

function divergenceSection(results: ScenarioResult[], anchor: Map<ScenarioResult, string>): string {
  const div = results.filter((r) => r.divergence);
  if (div.length === 0) return '<p class="muted">None.</p>';
  return [
    '<table class="divergences">',
    '<thead><tr><th>scenario</th><th>provider</th><th>differs from</th><th>differences</th></tr></thead>',
    '<tbody>',
    ...div.map(
      (r) =>
        `<tr><td><a class="sid" href="#${anchor.get(r)}">${h(r.id)}</a></td><td>${h(r.provider)}</td><td>${h(r.divergence!.from)}</td><td><ul class="diff">${r.divergence!.differences.map((x) => `<li>${h(x)}</li>`).join('')}</ul></td></tr>`,
    ),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function skippedSection(skipped: { what: string; why: string }[]): string {
  return [
    '<section id="skipped">',
    `<h2>Skipped (${skipped.length})</h2>`,
    '<p class="note">Not run at all, so not in the matrix: providers this machine cannot offer, and scenarios no selected provider can host.</p>',
    `<ul class="skipped">${skipped.map((x) => `<li><b>${h(x.what)}</b>: ${h(x.why)}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function findingHtml(f: Finding): string {
  return [
    `<div class="finding"><div class="msg"><span class="code sev-${a(f.severity)}">${h(f.code)}</span><span class="sev s-${a(f.severity)}">${h(f.severity)}</span>${h(f.message)}</div>`,
    f.evidence.length ? `<ul class="ev">${f.evidence.map((e) => `<li><code>${h(e)}</code></li>`).join('')}</ul>` : '',
    f.fix ? `<div class="fix"><b>fix</b> ${h(f.fix)}</div>` : '',
    '</div>',
  ].join('');
}

function detailsHtml(r: ScenarioResult, id: string): string {
  const n = r.report?.findings.length ?? 0;
  const first =
    (r.divergence ? r.why.find((w) => w.startsWith('diverges from')) : undefined) ??
    r.why[0] ??
    (r.report ? `${r.report.verdict}, ${n} finding${n === 1 ? '' : 's'}` : '');
  const b = badgeOf(r);
  const parts = [
    `<details class="res o-${b.cls}" id="${id}">`,
    `<summary><span class="badge b-${b.cls}">${b.text}</span><span class="sid">${h(r.id)}</span><span class="muted">${h(r.provider)}</span><span class="first">${h(first)}</span></summary>`,
    '<div class="body">',
    `<div class="title">${h(r.title)}</div>`,
  ];
  if (r.divergence)
    parts.push(`<h4>diverges from ${h(r.divergence.from)}</h4>`, `<ul class="diff">${r.divergence.differences.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`);
  if (r.why.length) parts.push('<h4>why</h4>', `<ul class="why">${r.why.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`);
  if (r.error)
    parts.push(
      `<h4>error in ${h(r.error.phase)}</h4>`,
      r.why.includes(r.error.message) ? '' : `<div>${h(r.error.message)}</div>`,
      r.error.logTail.length ? `<pre class="log">${h(r.error.logTail.join('\n'))}</pre>` : '',
    );
  const rep = r.report;
  if (rep) {
    const go = rep.go;
    parts.push(
      '<h4>report</h4>',
      '<dl class="rep">',
      `<dt>target</dt><dd><code>${h(rep.target)}</code></dd>`,
      `<dt>verdict</dt><dd>${verdictPill(rep.verdict)} <span class="muted">expected ${h(r.expected.verdict.join(' or '))}</span></dd>`,
      `<dt>authentic</dt><dd>${rep.authentic === null ? 'n/a' : rep.authentic ? 'yes' : '<b class="auth-no">no</b>'}</dd>`,
      `<dt>provenance</dt><dd>${h(rep.provenance.kind)}${rep.provenance.manager ? ` via ${h(rep.provenance.manager)}` : ''}${rep.provenance.container ? ' (container)' : ''}</dd>`,
      go
        ? `<dt>go</dt><dd><code>${h(go.version ?? '(version unknown)')}</code> at <code>${h(go.chain.join(' → ') || go.path)}</code></dd>`
        : '<dt>go</dt><dd>none</dd>',
      go ? `<dt>GOROOT</dt><dd><code>${h(go.goroot ?? '(unknown)')}</code></dd>` : '',
      `<dt>verify took</dt><dd>${formatDuration(rep.timings.totalMs)}</dd>`,
      '</dl>',
      `<h4>findings (${rep.findings.length})</h4>`,
      rep.findings.length ? rep.findings.map(findingHtml).join('\n') : '<div class="muted">none</div>',
    );
  }
  parts.push('</div>', '</details>');
  return parts.filter(Boolean).join('\n');
}

/** One self-contained page: totals, the scenario × provider matrix, the verdict confusion matrix, timings and every report's evidence. */
export function renderHtml(summary: RunSummary): string {
  const t = summary.totals;
  const results = summary.scenarios;
  const anchor = new Map(results.map((r, i) => [r, `r${i}`] as const));
  const ok = results.every((r) => outcomeOf(r) === 'pass');
  const bad = results.filter((r) => outcomeOf(r) !== 'pass');
  const good = results.filter((r) => outcomeOf(r) === 'pass');
  const stat = (n: number, label: string, cls: string) => `<div class="stat ${cls}${n === 0 ? ' s-zero' : ''}"><b>${n}</b><span>${label}</span></div>`;
  const sel = summary.selection;
  const uncounted = results.filter((r) => !confusionCell(r)).length;
  const diverged = results.filter((r) => r.divergence).length;
  const skipped = summary.skipped ?? [];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>goverity run ${h(summary.runId)}: ${ok ? 'passed' : 'FAILED'}</title>`,
    `<style>${STYLE}${summary.detectors?.length ? DETECTOR_STYLE : ''}</style>`,
    '</head>',
    '<body>',
    `<header class="banner${ok ? ' ok' : ''}">`,
    `<h1><span class="overall">${ok ? '✓ PASSED' : '✗ FAILED'}</span> goverity run <code>${h(summary.runId)}</code></h1>`,
    '<div class="stats">',
    stat(t.passed, '✓ passed', 's-pass'),
    stat(t.failed, '✗ failed', 's-fail'),
    stat(t.errored, '! errored', 's-error'),
    stat(diverged, '≠ diverged', 's-div'),
    `<div class="stat"><b>${t.scenarios}</b><span>results</span></div>`,
    `<div class="stat"><b>${formatDuration(t.wallMs)}</b><span>wall time</span></div>`,
    '</div>',
    '<dl class="meta">',
    `<div><dt>started</dt><dd>${h(summary.startedAt)}</dd></div>`,
    `<div><dt>finished</dt><dd>${h(summary.finishedAt)}</dd></div>`,
    `<div><dt>host</dt><dd>${summary.host.cores} cores · ${h(summary.host.engine)} · node ${h(summary.host.node)}</dd></div>`,
    `<div><dt>selection</dt><dd>scenario ${h(sel.scenario ?? 'all')} · provider ${h(sel.provider)} · shard ${h(sel.shard ?? 'none')} · concurrency ${sel.concurrency}</dd></div>`,
    skipped.length ? `<div><dt>skipped</dt><dd><a href="#skipped">${skipped.length}</a></dd></div>` : '',
    '</dl>',
    '</header>',
    `<nav>${summary.detectors?.length ? '<a href="#detectors">Detectors</a>' : ''}<a href="#matrix">Matrix</a>${skipped.length ? '<a href="#skipped">Skipped</a>' : ''}<a href="#divergences">Divergences</a><a href="#verdicts">Verdicts</a><a href="#timings">Timings</a><a href="#failures">Failures</a><a href="#passed">Passed</a></nav>`,
    '<main>',
    summary.detectors?.length ? detectorSection(summary.detectors, summary.baseline) : '',
    '<section id="matrix">',
    '<h2>Scenarios × providers</h2>',
    '<p class="note">✗ in a dashed box: an expected code that was not raised. ⚠ in a red box: a forbidden code that was. ≠ on pink: the result differs from the same scenario on the first provider (what differs is listed under it). A result badge opens its evidence.</p>',
    matrixTable(summary, anchor),
    '</section>',
    skipped.length ? skippedSection(skipped) : '',
    '<section id="divergences">',
    `<h2>Divergences (${diverged})</h2>`,
    '<p class="note">The same scenario under every provider must get the same verdict, authenticity, provenance and codes (CONTAINER, which says where the engine ran, aside); a result that differs from the first provider fails.</p>',
    divergenceSection(results, anchor),
    '</section>',
    '<div class="two">',
    '<section id="verdicts">',
    '<h2>Verdicts: expected × actual</h2>',
    confusionTable(results),
    `<p class="legend">One count per scenario × provider. A scenario that allows several verdicts counts under the actual one when it is allowed, else under its first expected verdict. Errors are results without a report.${uncounted ? ` Not counted: ${uncounted} result${uncounted === 1 ? '' : 's'} without an expected verdict (scenario files that did not load).` : ''}</p>`,
    '</section>',
    '<section id="timings" style="flex: 1; min-width: 520px">',
    '<h2>Timings</h2>',
    timingSection(results),
    '</section>',
    '</div>',
    '<section id="failures">',
    `<h2>Failures (${bad.length})</h2>`,
    bad.length ? bad.map((r) => detailsHtml(r, anchor.get(r)!)).join('\n') : '<p class="muted">None.</p>',
    '</section>',
    '<section id="passed">',
    `<h2>Passed (${good.length})</h2>`,
    good.length ? good.map((r) => detailsHtml(r, anchor.get(r)!)).join('\n') : '<p class="muted">None.</p>',
    '</section>',
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .concat('')
    .join('\n');
}
