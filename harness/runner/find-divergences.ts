import type { ScenarioResult } from './run-summary.js';

/** Evidence that says where the engine ran, not what the Go is: it may differ between providers. */
const WHERE_CODES = new Set(['CONTAINER']);

function facets(r: ScenarioResult): Record<string, string> {
  const rep = r.report!;
  return {
    verdict: rep.verdict,
    authentic: String(rep.authentic),
    provenance: `${rep.provenance.kind}${rep.provenance.manager ? `/${rep.provenance.manager}` : ''}`,
    codes: [...new Set(rep.findings.map((f) => f.code).filter((c) => !WHERE_CODES.has(c)))].sort().join(','),
  };
}

function describe(ref: Record<string, string>, mine: Record<string, string>): string[] {
  const out: string[] = [];
  for (const k of ['verdict', 'authentic', 'provenance'] as const) if (ref[k] !== mine[k]) out.push(`${k} ${mine[k]} vs ${ref[k]}`);
  const a = new Set(mine.codes!.split(',').filter(Boolean));
  const b = new Set(ref.codes!.split(',').filter(Boolean));
  const only = [...a].filter((c) => !b.has(c));
  const missing = [...b].filter((c) => !a.has(c));
  if (only.length) out.push(`codes only here: ${only.join(', ')}`);
  if (missing.length) out.push(`codes missing here: ${missing.join(', ')}`);
  return out;
}

/**
 * Convergence: every result of a scenario must say what its first provider said (verdict, authentic,
 * provenance, codes). A result that differs fails, naming each difference; results are not reordered.
 */
export function findDivergences(results: ScenarioResult[]): ScenarioResult[] {
  const first = new Map<string, ScenarioResult>();
  return results.map((r) => {
    if (!r.report) return r;
    const ref = first.get(r.id);
    if (!ref) {
      first.set(r.id, r);
      return r;
    }
    const differences = describe(facets(ref), facets(r));
    if (differences.length === 0) return r;
    return { ...r, pass: false, why: [...r.why, `diverges from ${ref.provider}: ${differences.join('; ')}`], divergence: { from: ref.provider, differences } };
  });
}
