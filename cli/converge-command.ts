import os from 'node:os';
import path from 'node:path';
import { parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { buildMatrix } from '../harness/converge/build-matrix.js';
import { convergeLabels, sweepConvergeContainers } from '../harness/converge/converge-labels.js';
import { CONVERGE_ENVIRONMENTS, DEFAULT_CONVERGE_ENVIRONMENTS } from '../harness/converge/converge-environments.js';
import type { ConvergeEnvironment } from '../harness/converge/converge-environment.js';
import { CONVERGENCE_SCHEMA, type ConvergenceDocument } from '../harness/converge/convergence-document.js';
import { loadProbeSources } from '../harness/converge/load-probe-sources.js';
import { runEnvironment, type EnvironmentRun } from '../harness/converge/run-environment.js';
import { writeConvergence } from '../harness/converge/write-convergence.js';
import { formatDuration } from '../harness/reporters/format-duration.js';
import { globMatcher } from '../harness/runner/select-scenarios.js';
import { sharedImageBuilder } from '../harness/providers/shared-image-builder.js';
import { VmProvider } from '../harness/providers/vm-provider.js';
import { vmToolsMissing } from '../harness/vm/vm-tools.js';
import { describeHost } from '../harness/runner/describe-host.js';
import { dockerRuntime } from '../harness/providers/docker-runtime.js';

/** More virtual CPUs than a 2-core host has: the room a CPU quota needs to lower Go 1.25+'s GOMAXPROCS (floor 2). */
const VM_CPUS = 4;

/** Windows and qemu environments are the slowest: started first, they overlap the quick ones instead of trailing. */
const SLOW_FIRST = (e: ConvergeEnvironment) => (e.host === 'vm' || e.runner !== 'direct' ? 0 : 1);

export async function convergeCommand(args: string[], repoRoot: string): Promise<number> {
  const o = parseOptions('converge', args, {
    env: { type: 'string' },
    results: { type: 'string', default: 'results' },
    concurrency: { type: 'string' },
  }).values;
  const concurrency = o.concurrency === undefined ? os.availableParallelism() : Number(o.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency takes a whole number ≥ 1, not "${o.concurrency}"`);
  const matched = o.env ? CONVERGE_ENVIRONMENTS.filter((e) => globMatcher(o.env!)(e.id)) : DEFAULT_CONVERGE_ENVIRONMENTS;
  if (matched.length === 0) throw new UsageError(`no environment matches "${o.env}" (ids: ${CONVERGE_ENVIRONMENTS.map((e) => e.id).join(', ')})`);
  const skipped: { env: string; reason: string }[] = [];
  const vmMissing = matched.some((e) => e.host === 'vm') ? await vmToolsMissing() : null;
  for (const e of matched.filter((x) => x.host === 'vm' && vmMissing)) {
    skipped.push({ env: e.id, reason: vmMissing! });
    process.stderr.write(`goverity: skipping ${e.id}: ${vmMissing}\n`);
  }
  const envs = matched.filter((e) => !skipped.some((x) => x.env === e.id));
  if (envs.length === 0) throw new UsageError(`nothing left to run: ${skipped.map((x) => `${x.env}: ${x.reason}`).join('; ')}`);

  const sources = await loadProbeSources(repoRoot);
  const docker = await dockerRuntime();
  const swept = await sweepConvergeContainers(docker);
  if (swept) process.stderr.write(`goverity: removed ${swept} container(s) left by interrupted converge runs\n`);
  const builder = sharedImageBuilder(docker, repoRoot);
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[:.]/g, '-')}-${process.pid}-converge`;
  const t0 = performance.now();
  await using vm = envs.some((e) => e.host === 'vm') ? new VmProvider(docker, runId, repoRoot, undefined, { cpus: VM_CPUS }) : undefined;
  const sweptVms = vm ? await vm.sweep() : 0;
  if (sweptVms) process.stderr.write(`goverity: removed ${sweptVms} VM run(s) left by interrupted runs\n`);
  const abort = new AbortController();
  const live = new Set<AsyncDisposable>();
  let teardown: Promise<unknown> | null = null;
  const onSignal = () => {
    if (teardown) process.exit(130);
    abort.abort();
    process.stderr.write('\ngoverity: interrupted; removing containers, writing no results (again to force)\n');
    teardown = Promise.allSettled([...[...live].map((t) => t[Symbol.asyncDispose]()), vm?.[Symbol.asyncDispose]()]);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const queue = [...envs].sort((a, b) => SLOW_FIRST(a) - SLOW_FIRST(b));
  const runs: EnvironmentRun[] = [];
  const width = Math.max(...envs.map((e) => e.id.length));
  const worker = async () => {
    for (let env = queue.shift(); env && !abort.signal.aborted; env = queue.shift()) {
      const tImage = performance.now();
      let run: EnvironmentRun;
      try {
        const tag = await builder.ensure(env.image);
        if (abort.signal.aborted) return;
        run = await runEnvironment(env, {
          docker,
          tag,
          labels: convergeLabels(runId, env.id),
          sources,
          signal: abort.signal,
          live,
          quotaCpus: 1,
          ...(vm ? { vm } : {}),
        });
      } catch (e) {
        if (abort.signal.aborted) return;
        run = {
          id: env.id,
          label: env.label,
          image: env.image,
          observations: {},
          timings: { startMs: 0, buildMs: 0, probeMs: 0, totalMs: 0 },
          error: `image ${env.image}: ${(e as Error).message.split('\n')[0]}`,
        };
      }
      const imageMs = run.timings.totalMs ? 0 : performance.now() - tImage;
      runs.push(run);
      const t = run.timings;
      process.stderr.write(
        `${env.id.padEnd(width)}  ${formatDuration(t.totalMs || imageMs).padStart(6)}  (start ${formatDuration(t.startMs)}, build ${formatDuration(t.buildMs)}, probes ${formatDuration(t.probeMs)})${run.error ? `  FAILED: ${run.error}` : ''}\n`,
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, envs.length) }, worker));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // An interrupted run would be half a matrix: nothing is written.
  if (teardown || abort.signal.aborted) {
    await teardown;
    return 130;
  }
  const order = new Map(envs.map((e, i) => [e.id, i]));
  runs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const matrix = buildMatrix(envs, runs);
  const host = await describeHost(docker);
  const doc: ConvergenceDocument = {
    schema: CONVERGENCE_SCHEMA,
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    host,
    selection: { env: o.env ?? null, concurrency, quotaCpus: 1 },
    skipped,
    totalMs: Math.round(performance.now() - t0),
    environments: runs,
    matrix,
  };
  const where = await writeConvergence(path.resolve(o.results!), doc);
  const c = matrix.counts;
  process.stderr.write(
    `\n${c.environments} environments × ${c.behaviours} behaviours in ${formatDuration(doc.totalMs)}: ${c.explained} known divergence(s), ${c.unexplained} unexplained, ${c.failed} failed probe(s)\n`,
  );
  for (const d of matrix.divergences.filter((x) => !x.explanation))
    process.stderr.write(`  UNEXPLAINED ${d.behaviour} on ${d.env}: ${JSON.stringify(d.value)} (most: ${JSON.stringify(d.baseline)})\n`);
  for (const f of matrix.failures) process.stderr.write(`  FAILED ${f.behaviour} on ${f.env}: ${f.state} ${f.detail}\n`);
  process.stderr.write(`${path.join(where, 'convergence.html')}\n`);
  return c.unexplained === 0 && c.failed === 0 ? 0 : 1;
}
