import type { Finding } from '../checks/finding.js';
import type { Report } from './build-report.js';
import { codeDocPath } from './code-doc-path.js';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping (actions/toolkit, packages/core/src/command.ts): data escapes %, CR, LF; properties also : and ,. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error`/`::warning`/`::notice` line per finding, with its evidence, fix and documentation in the message. */
export function renderGithubAnnotations(r: Report): string {
  const lines = r.findings.map((f) => {
    const body = [f.message, ...f.evidence.map((e) => `  · ${e}`), ...(f.fix ? [`fix: ${f.fix}`] : []), `docs: ${codeDocPath(f.code)}`].join('\n');
    return `::${COMMAND[f.severity]} title=${escapeProperty(`goverity ${f.code}`)}::${escapeData(body)}`;
  });
  const verdict = `goverity ${r.target}: ${r.verdict}${r.authentic === false ? ', NOT authentic' : r.authentic ? ', authentic' : ''}`;
  return `${[...lines, verdict].join('\n')}\n`;
}

const mdCell = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const ICON: Record<Report['verdict'], string> = { ready: '✅', degraded: '⚠️', broken: '❌', absent: '❔' };

/** The Markdown job summary ($GITHUB_STEP_SUMMARY): verdict, the go found, what was proven, and the findings. */
export function renderGithubSummary(r: Report): string {
  const out = [`### ${ICON[r.verdict]} goverity: ${r.verdict}${r.authentic === false ? ', not authentic' : r.authentic ? ', authentic' : ''}`, ''];
  out.push('| | |', '| --- | --- |', `| target | \`${mdCell(r.target)}\` |`);
  if (r.go)
    out.push(`| go | ${mdCell(r.go.version ?? '(version unknown)')} at \`${mdCell(r.go.path)}\` |`, `| GOROOT | \`${mdCell(r.go.goroot ?? '(unknown)')}\` |`);
  out.push(`| source | ${r.provenance.kind}${r.provenance.manager ? ` via ${r.provenance.manager}` : ''}${r.provenance.container ? ' (container)' : ''} |`, '');
  if (r.proven?.length) out.push('**Proven**', '', ...r.proven.map((p) => `- ✓ ${p.what}: ${mdCell(p.evidence)}`), '');
  if (r.findings.length) {
    out.push('| severity | code | finding | fix |', '| --- | --- | --- | --- |');
    for (const f of r.findings) out.push(`| ${f.severity} | [${f.code}](${codeDocPath(f.code)}) | ${mdCell(f.message)} | ${mdCell(f.fix ?? '')} |`);
    out.push('');
    const withEvidence = r.findings.filter((f) => f.evidence.length);
    if (withEvidence.length) {
      out.push('<details><summary>Evidence</summary>', '');
      for (const f of withEvidence) out.push(`**${f.code}**`, '', '```', ...f.evidence, '```', '');
      out.push('</details>', '');
    }
  } else out.push('No findings.', '');
  return out.join('\n');
}
