import type { Check, Finding } from './finding.js';
import type { CommandFact } from '../facts/fact-snapshot.js';
import { evidenceOf } from './toolchain-view.js';

/** `go version`, `go build`, `compile -V=full`: the program's own name plus its subcommand, not temp paths. */
function describe(c: CommandFact): string {
  const argv = c.argv[0] === 'cmd.exe' ? c.argv.slice(3) : c.argv;
  const name = (argv[0] ?? '').split(/[\\/]/).pop() ?? '';
  const sub = argv.slice(1).find((a) => !a.includes('/') && !a.includes('\\')) ?? '';
  return `${name}${sub ? ` ${sub}` : ''}`;
}

/** A command that hung or flooded its output was cut off; what it was meant to show is unknown, and that is broken. */
export const probeTimeout: Check = (facts) => {
  const out: Finding[] = [];
  // The project's go version and go env too (its go list has PROJECT_LOAD_FAILED, which says when it was cut off).
  const project = [facts.project?.version, facts.project?.envCommand].filter((c): c is CommandFact => !!c);
  const cmds = [...Object.values(facts.commands), ...project];
  const hung = cmds.filter((c) => c.timedOut);
  const flooded = cmds.filter((c) => c.truncated && !c.timedOut);
  if (hung.length)
    out.push({
      code: 'PROBE_TIMEOUT',
      severity: 'error',
      message: `${[...new Set(hung.map(describe))].join(', ')} did not finish in time and ${hung.length > 1 ? 'were' : 'was'} killed.`,
      evidence: hung.map((c) => evidenceOf(c, 2)),
      fix: 'Find what makes go hang (a wrapper script waiting on input, a network mount, a lock); try `go version` by hand. Raise --timeout-ms for very slow machines.',
    });
  if (flooded.length)
    out.push({
      code: 'PROBE_OUTPUT_LIMIT',
      severity: 'error',
      message: `${[...new Set(flooded.map(describe))].join(', ')} printed more than the output limit and ${flooded.length > 1 ? 'were' : 'was'} cut off.`,
      evidence: flooded.map((c) => evidenceOf(c, 1)),
      fix: 'Something in front of go floods its output; check the chain of the go on PATH.',
    });
  return out;
};
