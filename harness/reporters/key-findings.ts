import type { Finding } from '../../engine/checks/finding.js';
import type { ScenarioResult } from '../runner/run-summary.js';

/** Codes a why line blames; in `expected X, got A, B` only X, since the "got" list names every finding. */
function blamed(why: string): string[] {
  const text = why.startsWith('expected ') ? why.split(', got ')[0]! : why;
  return text.split(/[^A-Za-z0-9_]+/);
}

/**
 * The findings that explain a failure: those its why lines blame, then errors and warnings; when none
 * of those exist (a verdict that came out too good), every finding, since their absence is the story.
 */
export function keyFindings(r: ScenarioResult): Finding[] {
  const findings = r.report?.findings ?? [];
  const words = new Set(r.why.flatMap(blamed));
  const named = findings.filter((f) => words.has(f.code));
  const serious = findings.filter((f) => f.severity !== 'info' && !named.includes(f));
  const key = [...named, ...serious];
  return key.length ? key : findings;
}
