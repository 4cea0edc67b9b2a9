import type { ConvergeEnvironment } from '../../../harness/converge/converge-environment.js';
import type { Observation } from '../../../harness/converge/observation.js';
import type { EnvironmentRun } from '../../../harness/converge/run-environment.js';

export const linux24: ConvergeEnvironment = {
  id: 'go-1.24',
  image: 'go-1.24',
  label: 'linux/amd64 · Debian go1.24',
  os: 'linux',
  arch: 'amd64',
  goMinor: 24,
  compiler: 'gc',
  build: 'native',
  runner: 'direct',
  host: 'container',
};
export const linux27: ConvergeEnvironment = { ...linux24, id: 'go-1.27', image: 'go-1.27', label: 'linux/amd64 · Debian go1.27', goMinor: 27 };
export const gccgo: ConvergeEnvironment = { ...linux24, id: 'gccgo', image: 'gccgo', label: 'linux/amd64 · gccgo-12', goMinor: null, compiler: 'gccgo' };
export const windows: ConvergeEnvironment = {
  ...linux24,
  id: 'windows-go-1.24',
  image: 'wine-go-1.24',
  label: 'windows/amd64 · Wine 10 · go1.24',
  os: 'windows',
  runner: 'wine',
};

const ok = (value: string, detail?: string): Observation => ({ state: 'ok', value, ...(detail ? { detail } : {}) });

/** A run as runEnvironment returns it: timings fixed, observations given. */
export function runOf(env: ConvergeEnvironment, observations: Record<string, Observation>, error: string | null = null): EnvironmentRun {
  return {
    id: env.id,
    label: env.label,
    image: `goverity/${env.image}:0123456789ab`,
    observations,
    timings: { startMs: 400, buildMs: 15_200, probeMs: 1_300, totalMs: 16_900 },
    error,
  };
}

/** Four environments answering a few rows the way the real ones do, plus one surprise and one failure. */
export function sampleRuns(): EnvironmentRun[] {
  return [
    runOf(linux24, {
      'filepath.FromSlash': ok('a/b'),
      'runtime.GOMAXPROCS --cpus 1': ok('= NumCPU', 'GOMAXPROCS 4, NumCPU 4'),
      'runtime.Version': ok('go1.24.4'),
      'exec.LookPath via cwd': ok('error: exec: "here": cannot run executable found relative to current directory'),
      'go.mod toolchain (local)': { state: 'n/a', value: 'one toolchain' },
      'signal TERM': ok('caught "terminated" = SIGTERM'),
    }),
    runOf(linux27, {
      'filepath.FromSlash': ok('a/b'),
      'runtime.GOMAXPROCS --cpus 1': ok('2 (NumCPU 4)', 'GOMAXPROCS 2, NumCPU 4'),
      'runtime.Version': ok('go1.27.0'),
      'signal TERM': ok('not delivered', 'nothing arrived within 10s'),
      'exec.LookPath via cwd': ok('error: exec: "here": cannot run executable found relative to current directory'),
    }),
    runOf(gccgo, {
      'filepath.FromSlash': ok('a/b'),
      'runtime.GOMAXPROCS --cpus 1': ok('= NumCPU'),
      'runtime.Version': ok('go1.18 gccgo (Debian 12.2.0-14) 12.2.0'),
      'exec.LookPath via cwd': ok('here'),
      'signal TERM': ok('caught "terminated" = SIGTERM'),
    }),
    runOf(windows, {
      'filepath.FromSlash': ok('a\\b', 'FromSlash("a/b")'),
      'runtime.GOMAXPROCS --cpus 1': { state: 'timeout', value: 'cut off', detail: 'the cpu program did not finish within 60 s' },
      'runtime.Version': ok('go1.24.4'),
      'exec.LookPath via cwd': ok('error: exec: "here": cannot run executable found relative to current directory'),
      'signal TERM': { state: 'unsupported', value: 'unsupported', detail: 'Windows has no SIGTERM to send' },
    }),
  ];
}

export const ENVS = [linux24, linux27, gccgo, windows];
