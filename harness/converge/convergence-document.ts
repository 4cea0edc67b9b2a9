import type { ConvergenceMatrix } from './build-matrix.js';
import type { EnvironmentRun } from './run-environment.js';

export const CONVERGENCE_SCHEMA = 'goverity/convergence@1';

/** What `goverity converge` writes as convergence.json, and what the HTML page is rendered from. */
export interface ConvergenceDocument {
  schema: typeof CONVERGENCE_SCHEMA;
  runId: string;
  startedAt: string;
  finishedAt: string;
  host: { cores: number; engine: string; node: string };
  selection: { env: string | null; concurrency: number; quotaCpus: number };
  /** Environments selected but not run here, each with the one-line reason (QEMU not installed). */
  skipped: { env: string; reason: string }[];
  /** Wall time of the whole run, image checks included. */
  totalMs: number;
  environments: EnvironmentRun[];
  matrix: ConvergenceMatrix;
}
