import type { BaselineComparison } from '../detectors/compare-baseline.js';
import type { DetectorRun } from '../detectors/detector-result.js';
import { ACTUAL_COLUMNS, VERDICTS } from './confusion-matrix.js';
import { percent } from './percent.js';

type Md = (s: string) => string;

/** One row per detector: verdicts right, accuracy, false alarms, misses, no answer, errored (also the README's table). */
export function detectorScoreTable(runs: DetectorRun[], code: Md): string[] {
  return [
    '| detector | verdicts right | accuracy | false alarms (genuine) | misses (broken or fake) | no answer | errored |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map((d) => {
      const s = d.score;
      return `| ${code(d.name)} | ${s.correct}/${s.scored} | ${percent(s.accuracy)} | ${s.falseAlarms.count}/${s.falseAlarms.of} | ${s.misses.count}/${s.misses.of} | ${s.noAnswer} | ${s.errored} |`;
    }),
  ];
}

/** The detectors' scores side by side, then each one's confusion matrix and disagreements; markdown lines. */
export function detectorMarkdown(runs: DetectorRun[], baseline: BaselineComparison | undefined, md: Md, code: Md): string[] {
  const out = ['', '## Detectors', '', ...detectorScoreTable(runs, code)];
  for (const d of runs) {
    const m = d.score.confusion;
    out.push(
      '',
      `### ${md(d.name)}`,
      '',
      `${d.description ? `${md(d.description)} ` : ''}Spec: ${code(d.spec)}.`,
      '',
      `| expected ↓ reported → | ${ACTUAL_COLUMNS.map((c) => (c === 'error' ? 'no answer' : c)).join(' | ')} |`,
      `| --- |${ACTUAL_COLUMNS.map(() => ' ---: |').join('')}`,
      ...VERDICTS.map((v) => `| ${v} | ${ACTUAL_COLUMNS.map((c) => (c === v && m[v][c] ? `**${m[v][c]}**` : String(m[v][c]))).join(' | ')} |`),
      '',
    );
    const dis = d.score.disagreements;
    if (dis.length === 0) out.push('No disagreement with the corpus.');
    else
      out.push(
        '| scenario | provider | expected | reported | why |',
        '| --- | --- | --- | --- | --- |',
        ...dis.map(
          (x) => `| ${code(x.id)} | ${md(x.provider)} | ${x.expected.map(md).join(' or ')} | ${x.reported ? md(x.reported) : 'no answer'} | ${md(x.why)} |`,
        ),
      );
  }
  if (baseline) {
    out.push(
      '',
      `## Against the baseline ${md(baseline.runId)}`,
      '',
      `${baseline.regressions.length} worse, ${baseline.improvements.length} better, ${baseline.unmatched} without a counterpart (${code(baseline.from)}).`,
    );
    const changes = [...baseline.regressions.map((c) => ['worse', c] as const), ...baseline.improvements.map((c) => ['better', c] as const)];
    if (changes.length)
      out.push(
        '',
        '| change | detector | scenario | provider | before | now |',
        '| --- | --- | --- | --- | --- | --- |',
        ...changes.map(
          ([k, c]) =>
            `| ${k === 'worse' ? '❌ worse' : '✅ better'} | ${code(c.detector)} | ${code(c.id)} | ${md(c.provider)} | ${md(c.before)} | ${md(c.after)} |`,
        ),
      );
  }
  return out;
}
