/**
 * ok: the probe answered; unsupported: the environment cannot do it (recorded, compared like a value);
 * n/a: the question does not apply here (not compared); error / timeout: the probe failed (always flagged).
 */
export type ObservationState = 'ok' | 'unsupported' | 'n/a' | 'error' | 'timeout';

export interface Observation {
  state: ObservationState;
  value: string;
  detail?: string;
}
