import type { Transport } from '../../engine/transport/transport.js';
import type { Scenario } from '../scenarios/scenario.js';

/**
 * Where a scenario's environment is provisioned. Each phase is timed separately by the runner.
 * Disposing the provider tears down every environment it started that is still up (an interrupt).
 */
export interface Provider extends AsyncDisposable {
  readonly name: string;
  /** What the provider makes: a container shows the engine CONTAINER evidence, a VM does not. */
  readonly isolation: 'container' | 'vm';
  /** Why this provider can't host the scenario (one line), or null when it can. */
  cannotHost(scenario: Scenario): string | null;
  /** Builds (or finds cached) whatever the scenario needs; returns a handle for start(). */
  prepare(scenario: Scenario): Promise<string>;
  /** A running environment; disposing it removes everything that was started. */
  start(scenario: Scenario, prepared: string): Promise<Transport>;
  /** Removes what earlier, interrupted runs left behind. */
  sweep(): Promise<number>;
}
