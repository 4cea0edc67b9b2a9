import type { Finding, Severity } from '../checks/finding.js';
import type { Report } from './build-report.js';
import { codeDocPath } from './code-doc-path.js';

export interface RenderOptions {
  color: boolean;
  /** Every line of evidence, whole (by default 4 lines per finding, each cut at 200 characters). */
  verbose?: boolean;
  /** Where docs/ is (the package root): each finding then names its section of docs/finding-codes.md. */
  docRoot?: string;
}

const VERDICT_COLOR: Record<string, number> = { ready: 32, degraded: 33, broken: 31, absent: 35 };
const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };
const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The short human report: verdict first, then findings grouped by severity, each with evidence and fix. */
export function renderText(r: Report, { color, verbose = false, docRoot }: RenderOptions): string {
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
  if (r.proven?.length) {
    lines.push('', bold(`proven (${r.proven.length})`));
    for (const p of r.proven) lines.push(`  ${c(32, '✓')} ${p.what}: ${verbose || p.evidence.length <= 160 ? p.evidence : `${p.evidence.slice(0, 157)}...`}`);
  }
  for (const sev of ORDER) {
    const group = r.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    lines.push('', c(SEVERITY_COLOR[sev], bold(`${sev === 'info' ? 'notes' : `${sev}s`} (${group.length})`)));
    for (const f of group) lines.push(...renderFinding(f, c, verbose, docRoot));
  }
  if (r.findings.length === 0) lines.push('', 'no findings');
  lines.push('', `took ${(r.timings.totalMs / 1000).toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

function renderFinding(f: Finding, c: (code: number, s: string) => string, verbose: boolean, docRoot: string | undefined): string[] {
  const out = [`  ${c(SEVERITY_COLOR[f.severity], f.code)}  ${f.message}`];
  const shown = verbose ? f.evidence : f.evidence.slice(0, 4);
  for (const e of shown) out.push(`      · ${verbose || e.length <= 200 ? e.replace(/\n/g, '\n        ') : `${e.slice(0, 197)}...`}`);
  if (!verbose && (f.evidence.length > shown.length || shown.some((e) => e.length > 200))) out.push('      (evidence cut: -v shows it whole)');
  if (f.fix) out.push(`      fix: ${f.fix}`);
  if (docRoot) out.push(`      docs: ${docRoot.replace(/\/+$/, '')}/${codeDocPath(f.code)}`);
  return out;
}
