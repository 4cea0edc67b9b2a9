import type { Check } from './finding.js';
import { evidenceOf, view } from './toolchain-view.js';

/** A truncated or mangled executable: the header says so, or the kernel refuses or crashes it silently. */
export const binaryCorrupt: Check = (facts) => {
  const go = view(facts).go;
  const id = go?.identity;
  if (!go || !id) return [];
  const v = facts.commands.version;
  const crashed = v && !v.timedOut && v.exitCode !== null && v.exitCode >= 128 + 4 && v.exitCode <= 128 + 11 && !v.stdout.trim();
  const refused = !!v?.spawnError && /exec format error|ENOEXEC/i.test(v.spawnError) && id.format !== 'script';
  const problems = id.problems.filter((p) => p !== 'buildinfo-unreadable');
  if (problems.length === 0 && !(id.format !== 'script' && (crashed || refused))) return [];
  return [
    {
      code: 'BINARY_CORRUPT',
      severity: 'error',
      message: `${go.realpath ?? go.path} is not a valid executable${problems.length ? ` (${problems.join(', ')})` : ''}.`,
      evidence: [`${go.realpath}: ${id.format}, ${go.hops.at(-1)?.size ?? '?'} bytes${problems.length ? `, ${problems.join(', ')}` : ''}`, evidenceOf(v)],
      fix: 'Reinstall Go: the file was cut short or damaged (an interrupted download or copy).',
    },
  ];
};
