import { escapeMarkup as esc, escapeMarkupAttribute as attr } from '../reporters/escape-markup.js';
import { formatDuration } from '../reporters/format-duration.js';
import type { MatrixCell } from './build-matrix.js';
import type { ConvergenceDocument } from './convergence-document.js';

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
header{padding:16px 24px;background:#1d2329;color:#fff}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:0;color:#c9d1d9}
main{padding:16px 24px}
.tally{display:flex;gap:12px;margin:0 0 16px;flex-wrap:wrap}
.tally span{padding:6px 12px;border-radius:6px;background:#fff;border:1px solid #d0d7de;font-weight:600}
.tally .bad{background:#ffebe9;border-color:#cf222e;color:#a40e26}
.tally .warn{background:#fff8c5;border-color:#bf8700;color:#6f4a00}
.tally .good{background:#dafbe1;border-color:#1a7f37;color:#116329}
table{border-collapse:collapse;background:#fff;margin:0 0 24px}
th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:#eef1f4;font-size:12px;position:sticky;top:0}
thead th.env{min-width:84px;max-width:120px}
th.b{min-width:190px;max-width:230px;font-weight:600;background:#fafbfc}
th.b small{display:block;font-weight:400;color:#57606a}
td code,th code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-word;white-space:pre-wrap}
tr.group th{background:#1d2329;color:#fff;font-size:12px;text-transform:uppercase;letter-spacing:.05em}
td.same{color:#1d2329}
td.shown{color:#57606a;background:#fafbfc}
td.na{color:#8c959f;background:#f6f8fa;font-style:italic}
td.explained{background:#fff8c5}
td.unexplained{background:#ffebe9;outline:2px solid #cf222e;outline-offset:-2px;font-weight:700}
td.failed{background:repeating-linear-gradient(45deg,#ffebe9,#ffebe9 6px,#fff 6px,#fff 12px);color:#a40e26;font-weight:700}
sup a{color:#6f4a00;font-weight:700;text-decoration:none}
td.unexplained sup{color:#a40e26}
.legend span{display:inline-block;padding:2px 8px;margin-right:8px;border:1px solid #d0d7de;font-size:12px}
ol.notes li{margin:0 0 6px}
.skipped{margin:0 0 12px;color:#57606a}
.alarm{border:2px solid #cf222e;background:#ffebe9;padding:8px 16px;margin:0 0 16px}
.alarm h2{color:#a40e26}
h2{font-size:16px;margin:16px 0 8px}
td.num{text-align:right;font-variant-numeric:tabular-nums}
`;

function cellClass(c: MatrixCell): string {
  return c.status === 'n/a' ? 'na' : c.status;
}

/** The page: the matrix with divergences highlighted and footnoted, the unexplained ones and failures called out, then per-environment times. */
export function renderConvergenceHtml(doc: ConvergenceDocument): string {
  const m = doc.matrix;
  const notes: { text: string; link: string }[] = [];
  const noteOf = (e: { text: string; link: string }) => {
    let i = notes.findIndex((n) => n.text === e.text && n.link === e.link);
    if (i < 0) i = notes.push(e) - 1;
    return i + 1;
  };
  const envLabel = new Map(m.environments.map((e) => [e.id, e.label]));
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    `<title>goverity converge ${esc(doc.runId)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  );
  out.push('<header>', '<h1>Go behaviour across environments</h1>');
  out.push(
    `<p>run ${esc(doc.runId)} · ${m.counts.environments} environments × ${m.counts.behaviours} behaviours · ${esc(formatDuration(doc.totalMs))} on ${doc.host.cores} cores · ${esc(doc.host.engine)}</p>`,
    '</header>',
    '<main>',
  );
  const c = m.counts;
  out.push('<div class="tally">');
  out.push(`<span class="${c.unexplained ? 'bad' : 'good'}">${c.unexplained} unexplained divergence${c.unexplained === 1 ? '' : 's'}</span>`);
  out.push(`<span class="${c.failed ? 'bad' : 'good'}">${c.failed} failed probe${c.failed === 1 ? '' : 's'}</span>`);
  out.push(`<span class="warn">${c.explained} known divergence${c.explained === 1 ? '' : 's'}</span>`, '</div>');
  for (const s of doc.skipped) out.push(`<p class="skipped">not run: <b>${esc(s.env)}</b>: ${esc(s.reason)}</p>`);

  if (c.unexplained || c.failed) {
    out.push('<section class="alarm">', '<h2>Needs a look</h2>', '<ul>');
    for (const d of m.divergences.filter((x) => !x.explanation))
      out.push(
        `<li><b>${esc(d.behaviour)}</b> on <b>${esc(d.env)}</b>: <code>${esc(d.value)}</code> where most show <code>${esc(d.baseline)}</code> — no known explanation</li>`,
      );
    for (const f of m.failures) out.push(`<li><b>${esc(f.behaviour)}</b> on <b>${esc(f.env)}</b>: ${esc(f.state)} — ${esc(f.detail)}</li>`);
    out.push('</ul>', '</section>');
  }

  out.push(
    '<p class="legend"><span>same as most</span><span style="background:#fff8c5">known divergence</span><span style="background:#ffebe9;outline:2px solid #cf222e">unexplained</span><span style="background:#fafbfc;color:#57606a">identity (not compared)</span><span style="background:#f6f8fa;font-style:italic">not applicable</span></p>',
  );
  out.push('<table>', '<thead>', '<tr><th class="b">behaviour</th>');
  for (const e of m.environments)
    out.push(`<th class="env" title="${attr(e.label)}"><code>${esc(e.id)}</code><br/>${esc(e.label.split(' · ').slice(1).join(' · '))}</th>`);
  out.push('</tr>', '</thead>', '<tbody>');
  let group = '';
  for (const row of m.rows) {
    if (row.behaviour.group !== group) {
      group = row.behaviour.group;
      out.push(`<tr class="group"><th colspan="${m.environments.length + 1}">${esc(group)}</th></tr>`);
    }
    out.push(`<tr><th class="b"><code>${esc(row.behaviour.id)}</code><small>${esc(row.behaviour.question)}</small></th>`);
    for (const cell of row.cells) {
      const o = cell.observation;
      const tip = [envLabel.get(cell.env) ?? cell.env, o.detail ?? ''].filter(Boolean).join('\n');
      const note = cell.explanation
        ? `<sup><a href="#n${noteOf(cell.explanation)}">${noteOf(cell.explanation)}</a></sup>`
        : cell.status === 'unexplained'
          ? '<sup>?</sup>'
          : '';
      out.push(`<td class="${cellClass(cell)}" title="${attr(tip)}"><code>${esc(o.value === '' ? '""' : o.value)}</code>${note}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody>', '</table>');

  if (notes.length) {
    out.push('<h2>Known divergences</h2>', '<ol class="notes">');
    for (const [i, n] of notes.entries()) out.push(`<li id="n${i + 1}">${esc(n.text)} <a href="${attr(n.link)}">${esc(n.link)}</a></li>`);
    out.push('</ol>');
  }

  out.push(
    '<h2>Time per environment</h2>',
    '<table>',
    '<thead><tr><th>environment</th><th>image</th><th>start</th><th>build</th><th>probes</th><th>total</th><th>problem</th></tr></thead>',
    '<tbody>',
  );
  for (const r of doc.environments) {
    const t = r.timings;
    out.push(
      `<tr><th><code>${esc(r.id)}</code></th><td><code>${esc(r.image)}</code></td><td class="num">${esc(formatDuration(t.startMs))}</td><td class="num">${esc(formatDuration(t.buildMs))}</td><td class="num">${esc(formatDuration(t.probeMs))}</td><td class="num">${esc(formatDuration(t.totalMs))}</td><td>${esc(r.error ?? '')}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
