import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOptions } from './parse-options.js';
import { ALL_PROVIDERS, DEFAULT_PROVIDERS } from '../harness/providers/all-providers.js';
import type { Provider } from '../harness/providers/provider.js';
import { createConsoleReporter } from '../harness/reporters/console-reporter.js';
import { renderRunAnnotations, renderRunSummary } from '../harness/reporters/github-run-reporter.js';
import { useColor } from '../engine/report/use-color.js';
import { writeResults } from '../harness/reporters/write-results.js';
import { loadScenarios } from '../harness/scenarios/load-scenarios.js';
import { findDivergences } from '../harness/runner/find-divergences.js';
import { planJobs, runJobs } from '../harness/runner/run-scenarios.js';
import { collectDetectorRuns } from '../harness/detectors/collect-detector-runs.js';
import { compareBaseline } from '../harness/detectors/compare-baseline.js';
import type { DetectorResult } from '../harness/detectors/detector-result.js';
import { DetectorSpecError, loadDetectorSpec, resolveDetectorSpec, type DetectorSpec } from '../harness/detectors/detector-spec.js';
import { loadBaseline } from '../harness/detectors/load-baseline.js';
import { planDetectorJobs } from '../harness/detectors/plan-detector-jobs.js';
import { RUN_SCHEMA, totalsOf, type EngineMode, type RunSummary, type ScenarioResult } from '../harness/runner/run-summary.js';
import { parseShard, selectScenarios, type Shard } from '../harness/runner/select-scenarios.js';
import { UsageError } from './usage-error.js';
import { describeHost } from '../harness/runner/describe-host.js';
import { dockerRuntime } from '../harness/providers/docker-runtime.js';

const MODES: Record<string, EngineMode[]> = { agentless: ['agentless'], inside: ['inside'], both: ['agentless', 'inside'] };

export async function runCommand(args: string[], repoRoot: string): Promise<number> {
  const o = parseOptions('run', args, {
    scenario: { type: 'string' },
    provider: { type: 'string' },
    mode: { type: 'string', default: 'agentless' },
    concurrency: { type: 'string' },
    shard: { type: 'string' },
    results: { type: 'string', default: 'results' },
    scenarios: { type: 'string', default: path.join(repoRoot, 'scenarios') },
    format: { type: 'string', default: 'text' },
    detector: { type: 'string', multiple: true },
    baseline: { type: 'string' },
  }).values;
  if (o.format !== 'text' && o.format !== 'github') throw new UsageError(`--format takes text or github, not "${o.format}"`);
  const known = ALL_PROVIDERS.map((p) => p.name);
  const asked =
    o.provider === undefined
      ? DEFAULT_PROVIDERS.filter((n) => known.includes(n))
      : o.provider === 'all'
        ? known
        : o.provider
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
  for (const n of asked) if (!known.includes(n)) throw new UsageError(`unknown provider "${n}": use a comma-separated list of ${known.join(', ')}, or all`);
  if (asked.length === 0) throw new UsageError(`--provider needs at least one of ${known.join(', ')}`);
  const modes = MODES[o.mode!];
  if (!modes) throw new UsageError(`--mode takes agentless, inside or both, not "${o.mode}"`);
  const concurrency = o.concurrency === undefined ? os.availableParallelism() : Number(o.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency takes a whole number ≥ 1, not "${o.concurrency}"`);
  let shard: Shard | null = null;
  if (o.shard !== undefined) {
    const s = parseShard(o.shard);
    if (typeof s === 'string') throw new UsageError(s);
    shard = s;
  }

  const detectors = await loadDetectors(o.detector ?? [], repoRoot);
  if (o.baseline !== undefined && detectors.length === 0) throw new UsageError('--baseline compares detectors: give at least one --detector');
  const baseline =
    o.baseline === undefined
      ? null
      : await loadBaseline(o.baseline).catch((e: Error) => {
          throw new UsageError(e.message);
        });
  // With detectors, goverity's engine runs only when asked for as one (--detector goverity).
  const engineRuns = detectors.length === 0 || detectors.some((d) => d.builtin);

  const { scenarios: all, errors } = await loadScenarios(path.resolve(o.scenarios!));
  for (const e of errors) process.stderr.write(`goverity: skipping ${e.message}\n`);
  const selected = selectScenarios(all, o.scenario ?? null, shard);
  if (selected.length === 0)
    throw new UsageError(
      `no scenario in ${o.scenarios}${o.scenario ? ` matches "${o.scenario}"` : ''}${shard ? ` for shard ${o.shard}` : ''} (ids are the file names in that folder)`,
    );

  const docker = await dockerRuntime();
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const skipped: { what: string; why: string }[] = [];
  const factories = [];
  for (const f of ALL_PROVIDERS.filter((p) => asked.includes(p.name))) {
    const why = await f.unavailable();
    if (why === null) factories.push(f);
    else {
      skipped.push({ what: `provider ${f.name}`, why });
      process.stderr.write(`goverity: skipping the ${f.name} tier: ${why}\n`);
    }
  }
  if (factories.length === 0) throw new UsageError(`no provider can run here: ${skipped.map((x) => `${x.what}: ${x.why}`).join('; ')}`);
  let reporter: ReturnType<typeof createConsoleReporter> | null = null;
  const ctx = { docker, runId, repoRoot, onBuildLine: (e: { imageId: string; line: string }) => reporter?.onBuildLine(e.imageId, e.line) };
  const opened: Provider[] = factories.map((f) => f.create(ctx));
  await using _teardown = { [Symbol.asyncDispose]: () => Promise.allSettled(opened.map((p) => p[Symbol.asyncDispose]())).then(() => undefined) };
  const planned = planJobs(selected, opened, modes);
  const engineJobs = engineRuns ? planned.jobs : [];
  const unhosted = engineRuns ? planned.unhosted : [];
  const detectorPlan = planDetectorJobs(selected, opened, detectors);
  skipped.push(...detectorPlan.skipped);
  // Scenario by scenario, so a scenario's image is built once and its jobs run close together.
  const jobs = selected.flatMap((s) => [...engineJobs, ...detectorPlan.jobs].filter((j) => j.scenario === s));
  for (const u of unhosted) skipped.push({ what: `scenario ${u.scenario.id}`, why: u.reasons.join('; ') });
  if (unhosted.length)
    process.stderr.write(
      `goverity: ${unhosted.length} scenario(s) no selected provider can host, skipped: ${unhosted.map((u) => u.scenario.id).join(', ')} (${unhosted[0]!.reasons[0]})\n`,
    );
  if (jobs.length === 0) throw new UsageError(`no selected scenario can run on ${opened.map((p) => p.name).join(', ')} (try --provider all)`);
  reporter = createConsoleReporter({ tty: !!process.stderr.isTTY, color: useColor(process.stderr), write: (s) => process.stderr.write(s), total: jobs.length });
  for (const p of opened) {
    const swept = await p.sweep();
    if (swept) process.stderr.write(`goverity: ${p.name}: removed ${swept} environment(s) left by interrupted runs\n`);
  }

  const abort = new AbortController();
  let teardown: Promise<void> | null = null;
  const onSignal = () => {
    if (teardown) process.exit(130);
    abort.abort();
    process.stderr.write('\ngoverity: interrupted; removing containers and machines, writing no results (again to force)\n');
    teardown = _teardown[Symbol.asyncDispose]();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const t0 = performance.now();
  let results: ScenarioResult[];
  let detectorResults: DetectorResult[];
  try {
    const ran = await runJobs(jobs, { concurrency, signal: abort.signal, ...reporter });
    results = findDivergences(ran.results);
    detectorResults = ran.detectorResults;
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
      id: path.basename(e.file, '.json'),
      title: e.message,
      class: 'broken',
      provider: opened[0]!.name,
      seenAt: [],
      expected: { verdict: [], codes: [], forbidden: [] },
      report: null,
      pass: false,
      why: [e.message],
      error: { phase: 'load', message: e.message, logTail: [] },
      timings: { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 },
    });
  const host = await describeHost(docker);
  const summary: RunSummary = {
    schema: RUN_SCHEMA,
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    host,
    selection: { scenario: o.scenario ?? null, provider: opened.map((p) => p.name).join(','), shard: o.shard ?? null, concurrency, mode: o.mode! },
    ...(skipped.length ? { skipped } : {}),
    scenarios: results,
    totals: totalsOf(results, Math.round(performance.now() - t0)),
  };
  if (detectors.length) {
    summary.detectors = collectDetectorRuns(detectors, results, detectorResults, repoRoot);
    if (baseline) summary.baseline = compareBaseline(summary.detectors, baseline.detectors!, o.baseline!, baseline.runId);
  }
  const where = await writeResults(path.resolve(o.results!), summary);
  reporter.finish(summary, where);
  if (o.format === 'github') {
    process.stdout.write(renderRunAnnotations(summary));
    // The job summary file the runner provides (docs.github.com: "Adding a job summary"); absent outside Actions.
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderRunSummary(summary));
  }
  const detectorsOk = detectorResults.every((r) => r.outcome !== 'error') && (summary.baseline?.regressions.length ?? 0) === 0;
  return summary.totals.passed === summary.totals.scenarios && detectorsOk ? 0 : 1;
}

/** Each --detector's spec, loaded and checked; a bad one or a name given twice is a usage error. */
async function loadDetectors(args: string[], repoRoot: string): Promise<DetectorSpec[]> {
  const specs: DetectorSpec[] = [];
  for (const arg of args) {
    let spec: DetectorSpec;
    try {
      spec = await loadDetectorSpec(await resolveDetectorSpec(arg, repoRoot));
    } catch (e) {
      if (e instanceof DetectorSpecError) throw new UsageError(e.message);
      throw e;
    }
    if (specs.some((d) => d.name === spec.name))
      throw new UsageError(`--detector ${arg}: a detector named ${spec.name} is already selected (names must differ: they label the scores)`);
    specs.push(spec);
  }
  return specs;
}
