import type { Check, Finding } from './finding.js';
import { evidenceOf, isForeign, view } from './toolchain-view.js';

export const goNotExecutable: Check = (facts) => {
  const out: Finding[] = [];
  const first = view(facts).go;
  const skipped = facts.candidates.filter((c) => !c.executable && (!first || c.index <= first.index) && c.realpath !== null);
  // One finding per file: merged /usr (/bin → /usr/bin) puts the same go on PATH twice.
  const byFile = new Map<string, typeof skipped>();
  for (const c of skipped) byFile.set(c.realpath!, [...(byFile.get(c.realpath!) ?? []), c]);
  for (const [c, ...same] of byFile.values()) {
    if (!c) continue;
    const name = `${c.path}${same.length ? ` (also ${same.map((x) => x.path).join(', ')})` : ''}`;
    out.push({
      code: 'GO_NOT_EXECUTABLE',
      severity: first ? 'warning' : 'error',
      message: first
        ? `${name} has no execute permission, so the shell skips it and runs ${first.path} instead.`
        : `${name} is on PATH but has no execute permission.`,
      evidence: [c, ...same].map(
        (x) => `${x.path}${x.realpath !== x.path ? ` → ${x.realpath}` : ''}: mode ${(x.hops.at(-1)?.mode ?? 0).toString(8).padStart(3, '0')}`,
      ),
      fix: `chmod +x ${c.realpath ?? c.path}, or remove it from PATH.`,
    });
  }
  const v = facts.commands.version;
  const id = first?.identity;
  // The OS itself refused to start the file (no permission, noexec mount, missing #! interpreter); ENOEXEC is a binary problem,
  // and so is a foreign binary (macOS refuses it with EBADARCH, which Node reports as "Unknown system error -86").
  if (first && v?.spawnError && !/exec format error|ENOEXEC/i.test(v.spawnError) && !(id && isForeign(facts, id))) {
    const interp = id?.format === 'script' ? ` (interpreter: ${id.interpreter ?? 'none'})` : '';
    out.push({
      code: 'GO_NOT_EXECUTABLE',
      severity: 'error',
      message: `${first.path} cannot be executed${interp}.`,
      evidence: [evidenceOf(v)],
      fix:
        id?.format === 'script'
          ? `Install the interpreter ${id.interpreter ?? ''} or fix the #! line of ${first.realpath ?? first.path}.`
          : `Check the permissions and mount options of ${first.realpath ?? first.path}.`,
    });
  }
  return out;
};
