import type { Verdict } from '../../engine/verdict/decide-verdict.js';
import type { ConfusionMatrix } from '../reporters/confusion-matrix.js';
import type { PhaseTimings } from '../runner/run-summary.js';
import type { Scenario } from '../scenarios/scenario.js';

/** What a detector said about one environment. `authentic` is undefined when it did not say. */
export interface DetectorAnswer {
  verdict: Verdict;
  authentic?: boolean | null;
  codes: string[];
}

/**
 * correct: the verdict is one the scenario allows. wrong: another verdict, or no usable answer (it hung,
 * flooded, crashed, printed no verdict), with the reason. error: the harness could not run it (a failed image
 * build): not the detector's fault, so not scored.
 */
export type DetectorOutcome = 'correct' | 'wrong' | 'error';

/** One scenario × provider × detector. */
export interface DetectorResult {
  detector: string;
  id: string;
  title: string;
  class: Scenario['class'];
  provider: string;
  expected: Scenario['expect'];
  /** null: no usable answer (`why` says what happened instead). */
  answer: DetectorAnswer | null;
  outcome: DetectorOutcome;
  why: string[];
  /** How the detector ran: its exit status (null when killed or never started) and its stderr's last lines. */
  exitCode: number | null;
  stderrTail: string[];
  timings: PhaseTimings;
}

export interface DetectorScore {
  /** Results with an answer or a failure to answer (harness errors left out). */
  scored: number;
  correct: number;
  /** correct / scored, 0 when nothing was scored. */
  accuracy: number;
  /** Scored results without a usable answer (a hang, a flood, a crash, no verdict). */
  noAnswer: number;
  errored: number;
  /** Genuine environments reported as anything but what they are (or as not authentic). */
  falseAlarms: { count: number; of: number; scenarios: string[] };
  /** Broken or fake environments reported usable (ready or degraded), or a fake reported authentic. */
  misses: { count: number; of: number; scenarios: string[] };
  /** expected × reported verdict; a missing answer counts under `error`. */
  confusion: ConfusionMatrix;
  disagreements: { id: string; provider: string; expected: Verdict[]; reported: Verdict | null; why: string }[];
}

/** One detector's whole run: what it is, every result, and its score. */
export interface DetectorRun {
  name: string;
  description: string;
  /** The spec file, relative to the repository when inside it. */
  spec: string;
  builtin: 'goverity' | null;
  results: DetectorResult[];
  score: DetectorScore;
}
