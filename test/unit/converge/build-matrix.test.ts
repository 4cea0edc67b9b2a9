import { describe, expect, it } from 'vitest';
import { baselineOf, buildMatrix } from '../../../harness/converge/build-matrix.js';
import { CONVERGE_BEHAVIOURS } from '../../../harness/converge/converge-behaviours.js';
import { ENVS, sampleRuns } from './converge-fixture.js';

const rows = ['filepath.FromSlash', 'runtime.GOMAXPROCS --cpus 1', 'runtime.Version', 'exec.LookPath via cwd', 'go.mod toolchain (local)', 'signal TERM'];
const behaviours = CONVERGE_BEHAVIOURS.filter((b) => rows.includes(b.id));
const m = buildMatrix(ENVS, sampleRuns(), behaviours);
const cell = (behaviour: string, env: string) => m.rows.find((r) => r.behaviour.id === behaviour)!.cells.find((c) => c.env === env)!;

describe('buildMatrix', () => {
  it('takes the most common value as the baseline, the leftmost on a tie', () => {
    expect(baselineOf(['a', 'b', 'b'])).toBe('b');
    expect(baselineOf(['2', '1', '1', '2'])).toBe('2');
    expect(baselineOf([])).toBeNull();
  });

  it('explains a divergence the known table covers, with its source link', () => {
    expect(cell('filepath.FromSlash', 'windows-go-1.24')).toMatchObject({
      status: 'explained',
      explanation: { link: 'https://pkg.go.dev/path/filepath#FromSlash' },
    });
    expect(cell('filepath.FromSlash', 'go-1.24').status).toBe('same');
    expect(cell('exec.LookPath via cwd', 'gccgo')).toMatchObject({ status: 'explained', explanation: { link: 'https://go.dev/doc/go1.19#os-exec-path' } });
  });

  it("explains Go 1.25's quota-aware GOMAXPROCS, and flags a divergence no known reason covers as unexplained", () => {
    expect(m.rows.find((r) => r.behaviour.id === 'runtime.GOMAXPROCS --cpus 1')!.baseline).toBe('= NumCPU');
    expect(cell('runtime.GOMAXPROCS --cpus 1', 'go-1.27')).toMatchObject({
      status: 'explained',
      explanation: { link: 'https://go.dev/doc/go1.25#container-aware-gomaxprocs' },
    });
    expect(cell('runtime.GOMAXPROCS --cpus 1', 'gccgo').status).toBe('same');
    // Windows' "unsupported" is compared like a value, and explained; a Linux SIGTERM that never arrives is news.
    expect(cell('signal TERM', 'windows-go-1.24')).toMatchObject({ status: 'explained', explanation: { link: 'https://pkg.go.dev/os/signal#hdr-Windows' } });
    expect(m.divergences.filter((d) => !d.explanation)).toEqual([
      { behaviour: 'signal TERM', env: 'go-1.27', value: 'not delivered', baseline: 'caught "terminated" = SIGTERM', explanation: null },
    ]);
  });

  it('lists a probe that gave no answer as a failure, never as a value', () => {
    expect(cell('runtime.GOMAXPROCS --cpus 1', 'windows-go-1.24').status).toBe('failed');
    expect(m.failures).toContainEqual({
      behaviour: 'runtime.GOMAXPROCS --cpus 1',
      env: 'windows-go-1.24',
      state: 'timeout',
      detail: 'the cpu program did not finish within 60 s',
    });
    // Not probed at all (the row is missing from a run) is a failure too.
    expect(cell('go.mod toolchain (local)', 'go-1.27')).toMatchObject({ status: 'failed', observation: { detail: 'not probed' } });
  });

  it('shows identity rows without comparing them, and leaves n/a out of the comparison', () => {
    const version = m.rows.find((r) => r.behaviour.id === 'runtime.Version')!;
    expect(version).toMatchObject({ status: 'shown', baseline: null });
    expect(version.cells.map((c) => c.status)).toEqual(['shown', 'shown', 'shown', 'shown']);
    expect(cell('go.mod toolchain (local)', 'go-1.24').status).toBe('n/a');
  });

  it('counts what it found, and gives each row the worst status of its cells', () => {
    expect(m.counts).toEqual({ environments: 4, behaviours: 6, explained: 4, unexplained: 1, failed: 4 });
    expect(Object.fromEntries(m.rows.map((r) => [r.behaviour.id, r.status]))).toEqual({
      'filepath.FromSlash': 'explained',
      'exec.LookPath via cwd': 'explained',
      'signal TERM': 'unexplained',
      'runtime.GOMAXPROCS --cpus 1': 'failed',
      'runtime.Version': 'shown',
      'go.mod toolchain (local)': 'failed',
    });
  });

  it('drops environments that did not run from the columns', () => {
    const two = buildMatrix(ENVS, sampleRuns().slice(0, 2), behaviours);
    expect(two.environments.map((e) => e.id)).toEqual(['go-1.24', 'go-1.27']);
  });
});
