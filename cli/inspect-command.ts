import { parseOptions } from './parse-options.js';
import type { BinaryFormat, BinarySignature, GoModule } from '../engine/binary/binary-identity.js';
import { inspectFile, type InspectResult } from '../engine/binary/inspect-file.js';
import { UsageError } from './usage-error.js';

/** `goverity inspect FILE... [--json]`: what each file is, what built it, and whether its signature holds; never runs it. */
export async function inspectCommand(args: string[]): Promise<number> {
  const parsed = parseOptions('inspect', args, { json: { type: 'boolean', default: false } }, true);
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('usage: goverity inspect FILE... [--json]');
  const results: InspectResult[] = [];
  for (const file of files) results.push(await inspectFile(file));
  if (parsed.values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(results.map(renderInspect).join('\n'));
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}

const FORMAT_NAMES: Record<BinaryFormat, string> = { elf: 'ELF', macho: 'Mach-O', pe: 'PE', script: 'script', unknown: 'not a valid ELF, Mach-O or PE file' };

function describeSignature(s: BinarySignature): string {
  if (s.kind === 'none') return 'none';
  const verdict = s.valid === true ? 'valid' : s.valid === false ? 'INVALID' : 'not checked';
  const kind = s.kind === 'adhoc' ? 'ad-hoc' : s.kind === 'developer-id' ? 'Developer ID' : 'Authenticode';
  const details = [
    s.signer ? `signer ${s.signer}` : '',
    s.teamId ? `team ${s.teamId}` : '',
    s.identifier ? `identifier ${s.identifier}` : '',
    s.cdHash ? `CDHash ${s.cdHash}` : '',
    s.chain && s.chain.length > 1
      ? `chain ${s.chain.join(' <- ')}${s.anchor ? ` (${s.anchor})` : s.chainComplete ? ' (self-signed root, not a known one)' : ' (incomplete)'}`
      : '',
    s.chain?.length === 1 && s.chainComplete ? 'self-signed certificate' : '',
    s.timestamp ? `timestamped ${s.timestamp}` : s.kind === 'authenticode' || s.kind === 'developer-id' ? 'no timestamp' : '',
  ].filter(Boolean);
  return `${kind}, ${verdict}${details.length ? ` (${details.join('; ')})` : ''}`;
}

function moduleLines(word: string, m: GoModule): string[] {
  const line = `  ${word}\t${m.path}\t${m.version}${m.replace ? '' : `\t${m.sum}`}`.trimEnd();
  return m.replace ? [line, `  =>\t${m.replace.path}\t${m.replace.version}\t${m.replace.sum}`.trimEnd()] : [line];
}

export function renderInspect(r: InspectResult): string {
  const lines: string[] = [];
  if (r.error) return `${r.file}: cannot read: ${r.error}\n`;
  const what = [FORMAT_NAMES[r.format]];
  if (r.os || r.arch) what.push(`${r.os ?? '?'}/${r.arch ?? '?'}`);
  if (r.bits) what.push(`${r.bits}-bit`);
  if (r.linkage) what.push(r.linkage);
  if (r.interpreter && r.format === 'script') what.push(`#!${r.interpreter}`);
  lines.push(`${r.file}: ${what.join(', ')}`);
  if (r.go) {
    const settings = Object.entries(r.go.buildSettings)
      .filter(([k]) => k !== 'DefaultGODEBUG')
      .map(([k, v]) => (v === 'true' && k.startsWith('-') ? k : `${k}=${v}`));
    lines.push(
      `  go: ${r.go.version || '(version unreadable)'}${r.gccgo ? ' (gccgo)' : ''}, ${r.go.path ?? '?'}${r.go.mainModule ? ` in ${r.go.mainModule}` : ''}`,
    );
    // The module lines as `go version -m` prints them (mod, dep, => with version and sum).
    if (r.go.main) lines.push(...moduleLines('mod', r.go.main));
    for (const dep of r.go.deps) lines.push(...moduleLines('dep', dep));
    if (settings.length) lines.push(`  build: ${settings.join(' ')}`);
  } else if (r.format !== 'script' && r.format !== 'unknown') {
    lines.push('  go: no Go build info');
  }
  if (r.format !== 'script' && r.format !== 'unknown') lines.push(`  signature: ${describeSignature(r.signature)}`);
  for (const reason of r.signature.reasons) lines.push(`    ${reason}`);
  if (r.problems.length) lines.push(`  problems: ${r.problems.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
