import type { FactSnapshot } from '../facts/fact-snapshot.js';
import type { FindingCode, SeverityOf } from './finding-codes.js';

export type { FindingCode, Severity } from './finding-codes.js';

/** A finding of code C, with one of the severities engine/checks/finding-codes.ts allows for C. */
export interface FindingOf<C extends FindingCode> {
  code: C;
  severity: SeverityOf<C>;
  message: string;
  /** What was run or read, and what it showed: `source: what it showed`. */
  evidence: string[];
  fix: string | null;
}

/** Any finding: a code from the table, and a severity that code may have. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** A check is a pure function of the snapshot. */
export type Check = (facts: FactSnapshot) => Finding[];
