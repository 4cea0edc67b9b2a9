import type Dockerode from 'dockerode';
import type { VmProvider } from '../providers/vm-provider.js';
import { CONVERGE_BEHAVIOURS } from './converge-behaviours.js';
import type { ConvergeEnvironment } from './converge-environment.js';
import { buildProbes } from './build-probes.js';
import { probePrograms } from './load-probe-sources.js';
import { openEnvironment } from './open-environment.js';
import type { Observation } from './observation.js';
import { failedObservation, parseProbeOutput } from './probe-output.js';
import { probeSignal } from './signal-probe.js';
import { probeToolchain } from './toolchain-probe.js';

export interface EnvironmentTimings {
  /** Container (and Wine prefix) up, sources copied in. */
  startMs: number;
  buildMs: number;
  probeMs: number;
  totalMs: number;
}

export interface EnvironmentRun {
  id: string;
  label: string;
  /** The image the environment ran from. */
  image: string;
  observations: Record<string, Observation>;
  timings: EnvironmentTimings;
  /** Why the environment produced no observations at all (start or build failed); null when it ran. */
  error: string | null;
}

export interface RunEnvironmentOptions {
  docker: Dockerode;
  /** The environment's image tag (already built). */
  tag: string;
  labels: Record<string, string>;
  /** The probe module: relative path → content (harness/converge/probes). */
  sources: Record<string, string>;
  signal?: AbortSignal;
  /** Live targets, so an interrupt can remove their containers while a probe is still running. */
  live?: Set<AsyncDisposable>;
  /** The CPU quota of the second cpu run, in CPUs (docker --cpus). */
  quotaCpus: number;
  /** The VM tier, for environments hosted in a VM. */
  vm?: VmProvider;
}

const MB = 1 << 20;
export const QUOTA_SUFFIX = '--cpus 1';

/**
 * Starts the environment (a container with network none, or a VM), builds every probe program once with the environment's own
 * go (or cross-builds them), runs each, then puts the CPU quota on the same container and runs the cpu program
 * again. The container or VM is removed whatever happens.
 */
export async function runEnvironment(env: ConvergeEnvironment, o: RunEnvironmentOptions): Promise<EnvironmentRun> {
  const t0 = performance.now();
  const timings: EnvironmentTimings = { startMs: 0, buildMs: 0, probeMs: 0, totalMs: 0 };
  const obs: Record<string, Observation> = {};
  let error: string | null = null;
  const fill = (ids: string[], x: Observation) => {
    for (const id of ids) obs[id] ??= x;
  };
  const expect = (group: string) => CONVERGE_BEHAVIOURS.filter((b) => b.program === group).map((b) => b.id);
  try {
    await using opened = await openEnvironment(env, o);
    const t = opened.transport;
    o.live?.add(opened);
    try {
      const sep = env.os === 'windows' ? '\\' : '/';
      const dir = await t.makeTempDir({ ...o.sources, 'go.mod': probeGoMod(env), 'bin/.keep': '' });
      timings.startMs = performance.now() - t0;
      checkAbort(o.signal);

      const tb = performance.now();
      const { binDir } = await buildProbes(env, t, dir, o);
      timings.buildMs = performance.now() - tb;
      checkAbort(o.signal);

      const tp = performance.now();
      const argv = (program: string) => (args: string[]) => {
        const exe = `${binDir}${sep}${program}${env.os === 'windows' ? '.exe' : ''}`;
        return env.runner === 'qemu-aarch64' ? ['qemu-aarch64-static', exe, ...args] : [exe, ...args];
      };
      for (const program of probePrograms(o.sources).filter((p) => p !== 'signals')) {
        const r = await t.exec(argv(program)([]), { timeoutMs: 60_000, maxBytes: MB });
        Object.assign(obs, parseProbeOutput(r.stdout));
        fill(expect(program), failedObservation(r, `the ${program} program`));
        checkAbort(o.signal);
      }
      obs['signal INT'] = await probeSignal(t, env, argv('signals'), dir, 'INT');
      obs['signal TERM'] = await probeSignal(t, env, argv('signals'), dir, 'TERM');
      checkAbort(o.signal);
      Object.assign(obs, await probeToolchain(t, env));
      checkAbort(o.signal);

      const quota = await t.exec(await opened.underQuota(o.quotaCpus, argv('cpu')([QUOTA_SUFFIX])), { timeoutMs: 60_000, maxBytes: MB });
      Object.assign(obs, parseProbeOutput(quota.stdout));
      fill(
        CONVERGE_BEHAVIOURS.filter((b) => b.id.endsWith(QUOTA_SUFFIX)).map((b) => b.id),
        failedObservation(quota, 'the cpu program under the quota'),
      );
      timings.probeMs = performance.now() - tp;
    } finally {
      o.live?.delete(opened);
    }
  } catch (e) {
    if (o.signal?.aborted) throw e;
    error = (e as Error).message.split('\n')[0]!;
  }
  fill(
    CONVERGE_BEHAVIOURS.map((b) => b.id),
    { state: 'error', value: 'no answer', detail: error ?? 'no probe printed it' },
  );
  timings.totalMs = performance.now() - t0;
  for (const k of Object.keys(timings) as (keyof EnvironmentTimings)[]) timings[k] = Math.round(timings[k]);
  return { id: env.id, label: env.label, image: o.tag, observations: obs, timings, error };
}

/**
 * The probe module's go.mod at the building toolchain's own language version, as `go mod init` writes it. The go
 * line picks the default GODEBUGs: under `go 1.18` a Go 1.25+ binary keeps containermaxprocs=0 and ignores a quota.
 */
export function probeGoMod(env: ConvergeEnvironment): string {
  // gccgo-12 implements Go 1.18.
  const minor = env.compiler === 'gccgo' ? 18 : (env.goMinor ?? 18);
  return `module goverity.dev/converge-probe\n\ngo 1.${minor}\n`;
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('interrupted');
}
