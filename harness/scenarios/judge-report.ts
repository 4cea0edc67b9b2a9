import type { Report } from '../../engine/report/build-report.js';
import type { Scenario } from './scenario.js';

/** Codes that describe the machine a provider made rather than the Go on it: only a container shows CONTAINER. */
export const MACHINE_CODES: Record<'container' | 'vm', readonly string[]> = { container: [], vm: ['CONTAINER'] };

/** Scores one report against a scenario's expectations; every reason names the expected and actual result. */
export function judgeReport(s: Scenario, r: Report, isolation: 'container' | 'vm' = 'container'): { pass: boolean; why: string[] } {
  const why: string[] = [];
  const codes = new Set(r.findings.map((f) => f.code));
  if (!s.expect.verdict.includes(r.verdict)) why.push(`expected verdict ${s.expect.verdict.join(' or ')}, got ${r.verdict}`);
  if (s.expect.authentic !== undefined && s.expect.authentic !== r.authentic) why.push(`expected authentic ${s.expect.authentic}, got ${r.authentic}`);
  for (const [k, v] of Object.entries(s.expect.provenance ?? {}))
    if ((r.provenance as unknown as Record<string, unknown>)[k] !== v)
      why.push(`expected provenance.${k} ${v}, got ${(r.provenance as unknown as Record<string, unknown>)[k]}`);
  for (const c of s.expect.codes.filter((x) => !MACHINE_CODES[isolation].includes(x)))
    if (!codes.has(c)) why.push(`expected ${c}, got ${[...codes].join(', ') || 'none'}`);
  for (const c of s.expect.forbidden) if (codes.has(c)) why.push(`forbidden ${c} was raised: ${r.findings.find((f) => f.code === c)?.message}`);
  if (s.expect.noErrors) for (const f of r.findings.filter((x) => x.severity === 'error')) why.push(`no errors expected, got ${f.code}: ${f.message}`);
  return { pass: why.length === 0, why };
}
