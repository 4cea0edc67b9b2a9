import { CONVERGE_BEHAVIOURS, type Behaviour } from './converge-behaviours.js';
import type { ConvergeEnvironment } from './converge-environment.js';
import { explainDivergence, KNOWN_DIVERGENCES, type KnownDivergence } from './known-divergences.js';
import type { Observation } from './observation.js';
import type { EnvironmentRun } from './run-environment.js';

/**
 * same: agrees with the row's baseline; explained / unexplained: differs from it, with or without a known reason;
 * failed: the probe gave no answer (error, timeout); n/a: the question does not apply; shown: an identity row's cell.
 */
export type CellStatus = 'same' | 'explained' | 'unexplained' | 'failed' | 'n/a' | 'shown';

export interface MatrixCell {
  env: string;
  observation: Observation;
  status: CellStatus;
  explanation?: { text: string; link: string };
}

export interface MatrixRow {
  behaviour: Behaviour;
  /** The value most environments show (ties: the leftmost); null for identity rows and rows nobody answered. */
  baseline: string | null;
  cells: MatrixCell[];
  status: 'converges' | 'explained' | 'unexplained' | 'failed' | 'shown';
}

export interface Divergence {
  behaviour: string;
  env: string;
  value: string;
  baseline: string;
  explanation: { text: string; link: string } | null;
}

export interface ConvergenceMatrix {
  environments: { id: string; label: string }[];
  rows: MatrixRow[];
  divergences: Divergence[];
  failures: { behaviour: string; env: string; state: string; detail: string }[];
  counts: { environments: number; behaviours: number; explained: number; unexplained: number; failed: number };
}

const COMPARABLE = new Set(['ok', 'unsupported']);

/** The most frequent value; on a tie the one seen first (the leftmost column), so the result is stable. */
export function baselineOf(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/** Behaviour × environment, each differing cell classified against the known-divergence table. */
export function buildMatrix(
  envs: readonly ConvergeEnvironment[],
  runs: readonly EnvironmentRun[],
  behaviours: readonly Behaviour[] = CONVERGE_BEHAVIOURS,
  known: readonly KnownDivergence[] = KNOWN_DIVERGENCES,
): ConvergenceMatrix {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const columns = envs.filter((e) => byId.has(e.id));
  const divergences: Divergence[] = [];
  const failures: ConvergenceMatrix['failures'] = [];
  const rows = behaviours.map((behaviour): MatrixRow => {
    const obs = columns.map((e) => byId.get(e.id)!.observations[behaviour.id] ?? { state: 'error' as const, value: 'no answer', detail: 'not probed' });
    const comparable = obs.filter((o) => COMPARABLE.has(o.state)).map((o) => o.value);
    const baseline = behaviour.kind === 'compare' ? baselineOf(comparable) : null;
    const cells = columns.map((env, i): MatrixCell => {
      const o = obs[i]!;
      if (o.state === 'error' || o.state === 'timeout') {
        failures.push({ behaviour: behaviour.id, env: env.id, state: o.state, detail: o.detail ?? '' });
        return { env: env.id, observation: o, status: 'failed' };
      }
      if (o.state === 'n/a') return { env: env.id, observation: o, status: 'n/a' };
      if (behaviour.kind === 'identity') return { env: env.id, observation: o, status: 'shown' };
      if (o.value === baseline) return { env: env.id, observation: o, status: 'same' };
      const k = explainDivergence(behaviour.id, env, o.value, known);
      const explanation = k ? { text: k.explanation, link: k.link } : undefined;
      divergences.push({ behaviour: behaviour.id, env: env.id, value: o.value, baseline: baseline!, explanation: explanation ?? null });
      return { env: env.id, observation: o, status: k ? 'explained' : 'unexplained', ...(explanation ? { explanation } : {}) };
    });
    const has = (s: CellStatus) => cells.some((c) => c.status === s);
    const status = has('failed')
      ? 'failed'
      : has('unexplained')
        ? 'unexplained'
        : has('explained')
          ? 'explained'
          : behaviour.kind === 'identity'
            ? 'shown'
            : 'converges';
    return { behaviour, baseline, cells, status };
  });
  return {
    environments: columns.map((e) => ({ id: e.id, label: e.label })),
    rows,
    divergences,
    failures,
    counts: {
      environments: columns.length,
      behaviours: behaviours.length,
      explained: divergences.filter((d) => d.explanation).length,
      unexplained: divergences.filter((d) => !d.explanation).length,
      failed: failures.length,
    },
  };
}
