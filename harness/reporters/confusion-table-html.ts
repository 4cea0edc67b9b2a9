import { ACTUAL_COLUMNS, VERDICTS, type ConfusionMatrix } from './confusion-matrix.js';
import { escapeMarkup as h, escapeMarkupAttribute as a } from './escape-markup.js';

export function verdictPill(v: string): string {
  return `<span class="v v-${a(v)}">${h(v)}</span>`;
}

/** An expected × actual verdict table; `errorLabel` names the column of results without a verdict, `actualLabel` what the columns are. */
export function confusionTableHtml(m: ConfusionMatrix, id: string, errorLabel = 'error', actualLabel = 'actual'): string {
  const head = `<tr><th class="corner">expected ↓ ${h(actualLabel)} →</th>${ACTUAL_COLUMNS.map((c) => `<th>${c === 'error' ? `<span class="v v-error">${h(errorLabel)}</span>` : verdictPill(c)}</th>`).join('')}<th class="sum">total</th></tr>`;
  const body = VERDICTS.map((v) => {
    const cells = ACTUAL_COLUMNS.map((c) => {
      const n = m[v][c];
      const cls = n === 0 ? 'zero' : c === v ? 'diag' : c === 'error' ? 'err' : 'off';
      return `<td class="${cls}" data-expected="${v}" data-actual="${c}">${n}</td>`;
    });
    const sum = ACTUAL_COLUMNS.reduce((t, c) => t + m[v][c], 0);
    return `<tr><th>${verdictPill(v)}</th>${cells.join('')}<td class="sum">${sum}</td></tr>`;
  });
  return [`<table class="confusion" id="${a(id)}">`, '<thead>', head, '</thead>', '<tbody>', ...body, '</tbody>', '</table>'].join('\n');
}
