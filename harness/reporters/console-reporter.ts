import type { DetectorResult } from '../detectors/detector-result.js';
import type { RunSummary, ScenarioResult } from '../runner/run-summary.js';
import { formatDuration } from './format-duration.js';
import { outcomeOf } from './outcome-of.js';
import type { Phase } from './phase-stats.js';
import { totalMs } from './phase-stats.js';

export interface ConsoleReporterOptions {
  tty: boolean;
  /** Color the tags (default: tty); a caller passes useColor() so NO_COLOR, FORCE_COLOR and TERM=dumb hold. */
  color?: boolean;
  write: (s: string) => void;
  /** How many scenario × provider results the run will produce. */
  total: number;
  /** Terminal width (default: stderr's); lines of the live block are cut to it so the redraw's line count stays exact. */
  columns?: number;
  now?: () => number;
  /** Build lines arriving faster than this only redraw once per interval. */
  redrawMs?: number;
}

export interface ConsoleReporter {
  onScenarioStart(id: string, provider: string): void;
  onPhase(id: string, provider: string, phase: Phase): void;
  onBuildLine(imageId: string, line: string): void;
  onScenarioDone(result: ScenarioResult): void;
  onDetectorDone(result: DetectorResult): void;
  finish(summary: RunSummary, resultsPath?: string): void;
}

const ESC = '\x1b[';
const color = (code: number, s: string) => `${ESC}${code}m${s}${ESC}0m`;
const LOG_TAIL_LINES = 8;

/**
 * One line without escape sequences or control characters: build output carries its own, and they
 * would wreck the redraw. A carriage return redraws a progress line, so only the text after the last one counts.
 */
function plain(s: string): string {
  return s
    .replace(/\r\n/g, '\n')
    .replace(/\r+$/, '')
    .split('\r')
    .pop()!
    .replace(/\n+/g, ' ')
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07]*(\x07|\x1b\\)/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/\t/g, ' ')
    .trim();
}

function cut(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, Math.max(0, width - 1))}…` : s;
}

function resultLine(r: ScenarioResult, paint: boolean): string[] {
  const o = outcomeOf(r);
  const took = formatDuration(totalMs(r.timings));
  const tag = (s: string, code: number) => (paint ? color(code, s) : s);
  if (o === 'pass') return [`${tag('PASS', 32)} ${r.id} (${r.provider}) ${r.report?.verdict ?? '?'} ${took}`];
  if (r.divergence)
    return [
      `${tag('DIVERGES', 35)} ${r.id} (${r.provider}) ${r.report?.verdict ?? '?'} ${took}: differs from ${r.divergence.from}: ${plain(r.divergence.differences.join('; '))}`,
    ];
  if (o === 'fail') return [`${tag('FAIL', 31)} ${r.id} (${r.provider}) ${r.report?.verdict ?? '?'} ${took}: ${plain(r.why[0] ?? 'failed')}`];
  const e = r.error!;
  const lines = [`${tag('ERROR', 33)} ${r.id} (${r.provider}) ${e.phase} failed after ${took}: ${plain(e.message)}`];
  for (const l of e.logTail.slice(-LOG_TAIL_LINES)) lines.push(`    | ${plain(l)}`);
  return lines;
}

function detectorLine(r: DetectorResult, tty: boolean): string[] {
  const tag = (s: string, code: number) => (tty ? color(code, s) : s);
  const head = `${r.id} (${r.provider}: ${r.detector}) ${r.answer?.verdict ?? 'no answer'} ${formatDuration(totalMs(r.timings))}`;
  if (r.outcome === 'correct') return [`${tag('RIGHT', 32)} ${head}`];
  if (r.outcome === 'wrong') return [`${tag('WRONG', 31)} ${head}: ${plain(r.why[0] ?? '')}`];
  return [`${tag('ERROR', 33)} ${head}: ${plain(r.why[0] ?? '')}`, ...r.stderrTail.slice(-LOG_TAIL_LINES).map((l) => `    | ${plain(l)}`)];
}

/**
 * Progress on the console. On a TTY a status block (running scenarios and their phase, counts, the
 * last build line) is redrawn in place under the permanent per-result lines; otherwise one line per
 * finished result, with the log tail of errors.
 */
export function createConsoleReporter(opts: ConsoleReporterOptions): ConsoleReporter {
  const { tty, write, total } = opts;
  const paint = opts.color ?? tty;
  const columns = Math.max(20, opts.columns ?? (process.stderr.columns || 100));
  const now = opts.now ?? Date.now;
  const redrawMs = opts.redrawMs ?? 100;
  const running = new Map<string, { id: string; provider: string; phase: Phase | 'queued'; since: number }>();
  const counts = { pass: 0, fail: 0, error: 0 };
  let detected = 0;
  let lastBuild: string | null = null;
  let drawnLines = 0;
  let lastDraw = -Infinity;
  const key = (id: string, provider: string) => `${id}\u0000${provider}`;

  function block(): string[] {
    const done = counts.pass + counts.fail + counts.error + detected;
    const t = now();
    const c = (code: number, x: string) => (paint ? color(code, x) : x);
    const lines = [
      `${c(1, `${done}/${total}`)} done  ${c(32, `${counts.pass} passed`)}  ${c(31, `${counts.fail} failed`)}  ${c(33, `${counts.error} errored`)}  ${running.size} running`,
    ];
    for (const r of running.values()) lines.push(cut(`  ${r.phase.padEnd(6)} ${r.id} (${r.provider}) ${formatDuration(t - r.since)}`, columns - 1));
    if (lastBuild !== null) lines.push(c(2, cut(`  build ${lastBuild}`, columns - 1)));
    return lines;
  }

  function clear(): string {
    // Up to the first line of the block, then erase to the end of the screen.
    const s = drawnLines > 0 ? `\r${ESC}${drawnLines}A${ESC}J` : '';
    drawnLines = 0;
    return s;
  }

  function redraw(above: string[] = []): void {
    const lines = block();
    write(clear() + above.map((l) => `${l}\n`).join('') + lines.map((l) => `${l}\n`).join(''));
    drawnLines = lines.length;
    lastDraw = now();
  }

  return {
    onScenarioStart(id, provider) {
      running.set(key(id, provider), { id, provider, phase: 'queued', since: now() });
      if (tty) redraw();
    },
    onPhase(id, provider, phase) {
      const r = running.get(key(id, provider));
      if (r) r.phase = phase;
      else running.set(key(id, provider), { id, provider, phase, since: now() });
      if (tty) redraw();
    },
    onBuildLine(imageId, line) {
      const text = plain(line);
      if (!text) return;
      lastBuild = `${imageId}: ${text}`;
      if (tty && now() - lastDraw >= redrawMs) redraw();
    },
    onScenarioDone(result) {
      running.delete(key(result.id, result.provider));
      counts[outcomeOf(result)]++;
      const lines = resultLine(result, paint);
      if (tty) redraw(lines);
      else write(lines.map((l) => `${l}\n`).join(''));
    },
    onDetectorDone(result) {
      running.delete(key(result.id, `${result.provider}: ${result.detector}`));
      detected++;
      const lines = detectorLine(result, tty);
      if (tty) redraw(lines);
      else write(lines.map((l) => `${l}\n`).join(''));
    },
    finish(summary, resultsPath) {
      const t = summary.totals;
      const ok = t.passed === t.scenarios;
      const head = `${t.scenarios} results: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored in ${formatDuration(t.wallMs)}`;
      const lines = [paint ? color(ok ? 32 : 31, `${color(1, ok ? 'PASSED' : 'FAILED')} ${head}`) : `${ok ? 'PASSED' : 'FAILED'} ${head}`];
      const diverged = summary.scenarios.filter((r) => r.divergence);
      if (diverged.length)
        lines.push(`${diverged.length} diverged between providers: ${diverged.map((r) => `${r.id} (${r.provider} ≠ ${r.divergence!.from})`).join(', ')}`);
      for (const d of summary.detectors ?? [])
        lines.push(
          `detector ${d.name}: ${d.score.correct}/${d.score.scored} verdicts right (${(d.score.accuracy * 100).toFixed(0)}%), ${d.score.falseAlarms.count}/${d.score.falseAlarms.of} false alarms, ${d.score.misses.count}/${d.score.misses.of} misses, ${d.score.noAnswer} without an answer${d.score.errored ? `, ${d.score.errored} errored` : ''}`,
        );
      const b = summary.baseline;
      if (b)
        lines.push(
          `against ${b.runId}: ${b.regressions.length} worse${b.regressions.length ? ` (${b.regressions.map((x) => `${x.id} ${x.detector}: ${x.before} → ${x.after}`).join(', ')})` : ''}, ${b.improvements.length} better`,
        );
      for (const x of summary.skipped ?? []) lines.push(`skipped ${plain(x.what)}: ${plain(x.why)}`);
      if (resultsPath) lines.push(`results: ${resultsPath} (report.html, report.md, junit.xml, summary.json)`);
      write((tty ? clear() : '') + lines.map((l) => `${l}\n`).join(''));
      running.clear();
    },
  };
}
