import path from 'node:path';
import type { ScenarioResult } from '../runner/run-summary.js';
import type { DetectorResult, DetectorRun } from './detector-result.js';
import type { DetectorSpec } from './detector-spec.js';
import { engineAsDetector } from './engine-as-detector.js';
import { scoreDetector } from './score-detector.js';

/**
 * Every detector's results and score, in the order they were asked for. The built-in goverity detector is scored
 * on the engine's results, once per scenario (its first provider and mode, as a command detector runs once).
 */
export function collectDetectorRuns(specs: DetectorSpec[], engine: ScenarioResult[], detected: DetectorResult[], repoRoot: string): DetectorRun[] {
  return specs.map((spec) => {
    let results: DetectorResult[];
    if (spec.builtin) {
      const seen = new Set<string>();
      results = engine.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => engineAsDetector(spec.name, r));
    } else results = detected.filter((r) => r.detector === spec.name);
    const rel = path.relative(repoRoot, spec.file);
    return {
      name: spec.name,
      description: spec.description,
      spec: rel.startsWith('..') || path.isAbsolute(rel) ? spec.file : rel,
      builtin: spec.builtin,
      results,
      score: scoreDetector(results),
    };
  });
}
