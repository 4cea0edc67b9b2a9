import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { writeResults } from '../harness/reporters/write-results.js';
import { schemaProblem } from '../engine/report/schema-problem.js';
import { RUN_SCHEMA, totalsOf, type RunSummary } from '../harness/runner/run-summary.js';

/** `results merge DIR... --out DIR`: joins shards' summaries into one run; a scenario twice is an error, not a guess. */
export async function mergeCommand(args: string[]): Promise<number> {
  const parsed = parseOptions('results', args, { out: { type: 'string' } }, true);
  const dirs = parsed.positionals;
  if (dirs.length === 0 || !parsed.values.out) throw new UsageError('usage: goverity results merge DIR... --out DIR');
  const summaries = await Promise.all(dirs.map(readSummary));
  const seen = new Map<string, string>();
  for (const [i, s] of summaries.entries())
    for (const r of s.scenarios) {
      const key = `${r.id} (${r.provider})`;
      if (seen.has(key)) throw new UsageError(`${key} is in both ${seen.get(key)} and ${dirs[i]}: merge shards of one run, not overlapping runs`);
      seen.set(key, dirs[i]!);
    }
  const scenarios = summaries.flatMap((s) => s.scenarios).sort((a, b) => a.id.localeCompare(b.id) || a.provider.localeCompare(b.provider));
  const starts = summaries.map((s) => s.startedAt).sort();
  const ends = summaries.map((s) => s.finishedAt).sort();
  const merged: RunSummary = {
    schema: RUN_SCHEMA,
    runId: `merged-${starts[0]!.replace(/[:.]/g, '-')}`,
    startedAt: starts[0]!,
    finishedAt: ends.at(-1)!,
    host: summaries[0]!.host,
    selection: { ...summaries[0]!.selection, shard: summaries.map((s) => s.selection.shard ?? 'all').join('+') },
    scenarios,
    // Shards run side by side: the merged wall time is the slowest shard's.
    totals: totalsOf(scenarios, Math.max(...summaries.map((s) => s.totals.wallMs))),
  };
  const where = await writeResults(path.resolve(parsed.values.out), merged);
  process.stderr.write(`goverity: merged ${summaries.length} result sets (${merged.totals.passed}/${merged.totals.scenarios} passed) into ${where}\n`);
  return merged.totals.passed === merged.totals.scenarios ? 0 : 1;
}

/** A results dir, a run dir inside it (latest), or a summary.json itself. */
async function readSummary(where: string): Promise<RunSummary> {
  const candidates = [where, path.join(where, 'summary.json'), path.join(where, 'latest', 'summary.json')];
  for (const c of candidates) {
    const st = await fs.stat(c).catch(() => null);
    if (!st?.isFile()) continue;
    const s = JSON.parse(await fs.readFile(c, 'utf8')) as RunSummary;
    if (s.schema !== RUN_SCHEMA) throw new UsageError(`${c} is not a goverity run summary (schema ${String(s.schema)})`);
    const problem = schemaProblem('run', s);
    if (problem) throw new UsageError(`${c} is not a valid goverity/run@1 summary: ${problem} (give the summary.json a goverity run wrote)`);
    return s;
  }
  throw new UsageError(`no summary.json in ${where} (give a results directory or a run directory)`);
}
