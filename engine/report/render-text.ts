import type { Finding, Severity } from '../checks/finding.js';
import type { Report } from './build-report.js';

export interface RenderOptions {
  color: boolean;
}

const VERDICT_COLOR: Record<string, number> = { ready: 32, degraded: 33, broken: 31, absent: 35 };
const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };
const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The short human report: verdict first, then findings grouped by severity, each with evidence and fix. */
export function renderText(r: Report, { color }: RenderOptions): string {
  const c = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const auth = r.authentic === null ? '' : r.authentic ? ', authentic' : `, ${c(31, 'NOT authentic')}`;
  lines.push(`${bold('goverity')} ${r.target}: ${bold(c(VERDICT_COLOR[r.verdict] ?? 0, r.verdict.toUpperCase()))}${auth}`);
  if (r.go) {
    lines.push(`  go       ${r.go.version ?? '(version unknown)'} at ${r.go.path}${r.go.resolved && r.go.resolved !== r.go.path ? ` → ${r.go.resolved}` : ''}`);
    lines.push(`  GOROOT   ${r.go.goroot ?? '(unknown)'}`);
    if (r.go.chain.length > 1) lines.push(`  chain    ${r.go.chain.join(' → ')}`);
  }
  lines.push(`  source   ${r.provenance.kind}${r.provenance.manager ? ` via ${r.provenance.manager}` : ''}${r.provenance.container ? ' (container)' : ''}`);
  for (const sev of ORDER) {
    const group = r.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    lines.push('', c(SEVERITY_COLOR[sev], bold(`${sev === 'info' ? 'notes' : `${sev}s`} (${group.length})`)));
    for (const f of group) lines.push(...renderFinding(f, c));
  }
  if (r.findings.length === 0) lines.push('', 'no findings');
  lines.push('', `took ${(r.timings.totalMs / 1000).toFixed(1)} s`);
  return lines.join('\n') + '\n';
}

function renderFinding(f: Finding, c: (code: number, s: string) => string): string[] {
  const out = [`  ${c(SEVERITY_COLOR[f.severity], f.code)}  ${f.message}`];
  for (const e of f.evidence.slice(0, 4)) out.push(`      · ${e.length > 200 ? `${e.slice(0, 197)}...` : e}`);
  if (f.fix) out.push(`      fix: ${f.fix}`);
  return out;
}
