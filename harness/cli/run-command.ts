import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connectDocker } from '../../engine/transport/open-target.js';
import { DockerProvider } from '../providers/docker-provider.js';
import { createConsoleReporter } from '../reporters/console-reporter.js';
import { writeResults } from '../reporters/write-results.js';
import { loadScenarios } from '../scenarios/load-scenarios.js';
import { runScenarios } from '../runner/run-scenarios.js';
import { RUN_SCHEMA, totalsOf, type RunSummary, type ScenarioResult } from '../runner/run-summary.js';
import { parseShard, selectScenarios, type Shard } from '../runner/select-scenarios.js';
import { UsageError } from '../../engine/cli/usage-error.js';

const PROVIDERS = ['docker'];

export async function runCommand(args: string[], repoRoot: string): Promise<number> {
  let o;
  try {
    o = parseArgs({
      args,
      options: {
        scenario: { type: 'string' },
        provider: { type: 'string', default: 'docker' },
        concurrency: { type: 'string' },
        shard: { type: 'string' },
        results: { type: 'string', default: 'results' },
        scenarios: { type: 'string', default: path.join(repoRoot, 'scenarios') },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (try: goverity --help)`);
  }
  if (!PROVIDERS.includes(o.provider!)) throw new UsageError(`--provider ${o.provider} is not available; available: ${PROVIDERS.join(', ')}`);
  const concurrency = o.concurrency === undefined ? os.availableParallelism() : Number(o.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency takes a whole number ≥ 1, not "${o.concurrency}"`);
  let shard: Shard | null = null;
  if (o.shard !== undefined) {
    const s = parseShard(o.shard);
    if (typeof s === 'string') throw new UsageError(s);
    shard = s;
  }

  const { scenarios: all, errors } = await loadScenarios(path.resolve(o.scenarios!));
  for (const e of errors) process.stderr.write(`goverity: skipping ${e.message}\n`);
  const selected = selectScenarios(all, o.scenario ?? null, shard);
  if (selected.length === 0)
    throw new UsageError(`no scenario in ${o.scenarios}${o.scenario ? ` matches "${o.scenario}"` : ''}${shard ? ` for shard ${o.shard}` : ''} (ids are the file names in that folder)`);

  const docker = await connectDocker();
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const reporter = createConsoleReporter({ tty: !!process.stderr.isTTY, write: (s) => process.stderr.write(s), total: selected.length });
  await using provider = new DockerProvider(docker, runId, repoRoot, (e) => reporter.onBuildLine(e.imageId, e.line));
  const swept = await provider.sweep();
  if (swept) process.stderr.write(`goverity: removed ${swept} container(s) left by interrupted runs\n`);

  const abort = new AbortController();
  let teardown: Promise<void> | null = null;
  const onSignal = () => {
    if (teardown) process.exit(130);
    abort.abort();
    process.stderr.write('\ngoverity: interrupted; removing containers, writing no results (again to force)\n');
    teardown = Promise.resolve(provider[Symbol.asyncDispose]());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const t0 = performance.now();
  let results: ScenarioResult[];
  try {
    results = await runScenarios(provider, selected, { concurrency, signal: abort.signal, ...reporter });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // Results of an interrupted run would be half a run: nothing is written.
  if (teardown) {
    await teardown;
    return 130;
  }
  for (const e of errors)
    results.push({
      id: path.basename(e.file, '.json'), title: e.message, class: 'broken', provider: provider.name, seenAt: [], expected: { verdict: [], codes: [], forbidden: [] },
      report: null, pass: false, why: [e.message], error: { phase: 'load', message: e.message, logTail: [] }, timings: { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 },
    });
  const version = await docker.version().catch(() => null);
  const summary: RunSummary = {
    schema: RUN_SCHEMA,
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    host: { cores: os.availableParallelism(), engine: version ? `docker ${version.Version}` : 'docker', node: process.version },
    selection: { scenario: o.scenario ?? null, provider: provider.name, shard: o.shard ?? null, concurrency },
    scenarios: results,
    totals: totalsOf(results, Math.round(performance.now() - t0)),
  };
  const where = await writeResults(path.resolve(o.results!), summary);
  reporter.finish(summary, where);
  return summary.totals.passed === summary.totals.scenarios ? 0 : 1;
}
