import type { FindingCode } from '../../engine/checks/finding-codes.js';
import type { Severity } from '../../engine/checks/finding.js';
import type { Report } from '../../engine/report/build-report.js';
import type { Verdict } from '../../engine/verdict/decide-verdict.js';
import { judgeReport } from '../scenarios/judge-report.js';
import type { Scenario } from '../scenarios/scenario.js';

/** What a matcher gives expect.extend (vitest's and jest's shape); messages name the verdict and the codes. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

const isReport = (x: unknown): x is Report =>
  !!x && typeof x === 'object' && typeof (x as Report).verdict === 'string' && Array.isArray((x as Report).findings);

const notAReport = (x: unknown): MatcherResult => ({
  pass: false,
  message: () => `expected a goverity report (what verify() returns), got ${x === null ? 'null' : typeof x}`,
});

const codesOf = (r: Report) => r.findings.map((f) => `${f.code} (${f.severity})`).join(', ') || 'no findings';

/** vitest matchers for goverity reports: `expect.extend(goverityMatchers)`. */
export const goverityMatchers = {
  toHaveVerdict(received: unknown, verdict: Verdict): MatcherResult {
    if (!isReport(received)) return notAReport(received);
    const pass = received.verdict === verdict;
    return {
      pass,
      message: () =>
        pass
          ? `expected a verdict other than ${verdict}; findings: ${codesOf(received)}`
          : `expected verdict ${verdict}, got ${received.verdict}; findings: ${codesOf(received)}`,
      actual: received.verdict,
      expected: verdict,
    };
  },

  toHaveFinding(received: unknown, code: FindingCode, severity?: Severity): MatcherResult {
    if (!isReport(received)) return notAReport(received);
    const found = received.findings.find((f) => f.code === code);
    const pass = !!found && (severity === undefined || found.severity === severity);
    const want = severity ? `${code} (${severity})` : code;
    return {
      pass,
      message: () =>
        pass
          ? `expected no ${want}, but it was raised: ${found!.message}`
          : `expected ${want}, got ${codesOf(received)}${found ? `: ${code} is ${found.severity}` : ''} (verdict ${received.verdict})`,
      actual: received.findings.map((f) => f.code),
      expected: code,
    };
  },

  /** The scenario's whole expectation, judged as `goverity run` judges it: verdict, authenticity, provenance, codes. */
  toMatchScenario(received: unknown, scenario: Scenario | { scenario: Scenario }): MatcherResult {
    if (!isReport(received)) return notAReport(received);
    const s = 'expect' in scenario ? scenario : scenario.scenario;
    const { pass, why } = judgeReport(s, received);
    return {
      pass,
      message: () =>
        pass ? `expected the report not to match scenario ${s.id}, but it does (verdict ${received.verdict})` : `scenario ${s.id}: ${why.join('; ')}`,
    };
  },
};

/** The matchers' types, for `declare module 'vitest' { interface Matchers<T> extends GoverityMatchers<T> {} }`. */
export interface GoverityMatchers<R = unknown> {
  toHaveVerdict(verdict: Verdict): R;
  toHaveFinding(code: FindingCode, severity?: Severity): R;
  toMatchScenario(scenario: Scenario | { scenario: Scenario }): R;
}
