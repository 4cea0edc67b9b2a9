import type { FactSnapshot } from '../facts/fact-snapshot.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** What was run or read, and what it showed: `source: what it showed`. */
  evidence: string[];
  fix: string | null;
}

/** A check is a pure function of the snapshot. */
export type Check = (facts: FactSnapshot) => Finding[];
