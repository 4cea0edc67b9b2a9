import type { ExecResult } from '../../engine/transport/transport.js';
import type { Observation } from './observation.js';

/**
 * Every behaviour in the probes' JSON lines ({"probe", "results": {behaviour: {value, detail}}}); anything else on
 * stdout (Wine's chatter, a torn line) is skipped, and its behaviours are then reported as missing.
 */
export function parseProbeOutput(stdout: string): Record<string, Observation> {
  const out: Record<string, Observation> = {};
  for (const line of stdout.split(/\r?\n/)) {
    if (!line.startsWith('{')) continue;
    let j: unknown;
    try {
      j = JSON.parse(line);
    } catch {
      continue;
    }
    const results = (j as { results?: unknown }).results;
    if (typeof results !== 'object' || results === null) continue;
    for (const [behaviour, r] of Object.entries(results as Record<string, { value?: unknown; detail?: unknown }>)) {
      if (typeof r?.value !== 'string') continue;
      out[behaviour] = {
        state: r.value === 'unsupported' ? 'unsupported' : 'ok',
        value: r.value,
        ...(typeof r.detail === 'string' && r.detail ? { detail: r.detail } : {}),
      };
    }
  }
  return out;
}

/** What a probe exec that answered nothing is recorded as: cut off, or failed with its last stderr lines. */
export function failedObservation(r: ExecResult, what: string): Observation {
  if (r.timedOut) return { state: 'timeout', value: 'cut off', detail: `${what} did not finish within ${Math.round(r.durationMs / 1000)} s` };
  if (r.truncated) return { state: 'error', value: 'cut off', detail: `${what} printed more than the output limit` };
  const why = r.spawnError ?? (r.stderr.trim().split('\n').slice(-3).join(' | ') || `exit status ${r.exitCode}`);
  return { state: 'error', value: 'no answer', detail: `${what}: ${why}` };
}
