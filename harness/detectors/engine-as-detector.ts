import type { ScenarioResult } from '../runner/run-summary.js';
import type { DetectorResult } from './detector-result.js';
import { judgeDetectorAnswer } from './judge-detector-answer.js';

/** goverity's own engine scored as a detector: its report's verdict, authenticity and codes are its answer. */
export function engineAsDetector(name: string, r: ScenarioResult): DetectorResult {
  const base = { detector: name, id: r.id, title: r.title, class: r.class, provider: r.provider, expected: r.expected, exitCode: null, timings: r.timings };
  if (!r.report) return { ...base, answer: null, outcome: 'error', why: r.why, stderrTail: r.error?.logTail ?? [] };
  const answer = { verdict: r.report.verdict, authentic: r.report.authentic, codes: r.report.findings.map((f) => f.code) };
  return { ...base, answer, ...judgeDetectorAnswer(r.expected, answer, null), stderrTail: [] };
}
