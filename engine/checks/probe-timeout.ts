import type { Check, Finding } from './finding.js';
import { evidenceOf } from './toolchain-view.js';

/** A command that hung or flooded its output was cut off; what it was meant to show is unknown, and that is broken. */
export const probeTimeout: Check = (facts) => {
  const out: Finding[] = [];
  const cmds = Object.values(facts.commands);
  const hung = cmds.filter((c) => c.timedOut);
  const flooded = cmds.filter((c) => c.truncated && !c.timedOut);
  if (hung.length)
    out.push({
      code: 'PROBE_TIMEOUT',
      severity: 'error',
      message: `${hung.map((c) => c.argv.slice(-2).join(' ')).join(', ')} did not finish in time and was killed.`,
      evidence: hung.map((c) => evidenceOf(c, 2)),
      fix: 'Find what makes go hang (a wrapper script waiting on input, a network mount, a lock); try `go version` by hand. Raise --timeout-ms for very slow machines.',
    });
  if (flooded.length)
    out.push({
      code: 'PROBE_OUTPUT_LIMIT',
      severity: 'error',
      message: `${flooded.map((c) => c.argv.slice(-2).join(' ')).join(', ')} printed more than the output limit and was cut off.`,
      evidence: flooded.map((c) => evidenceOf(c, 1)),
      fix: 'Something in front of go floods its output; check the chain of the go on PATH.',
    });
  return out;
};
