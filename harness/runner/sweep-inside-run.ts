import type { Transport } from '../../engine/transport/transport.js';

/**
 * Set on the bundled engine's process and so inherited by everything it starts: go runs in its own process
 * group (the engine kills it whole on timeout), beyond the reach of a kill aimed at the engine itself.
 * Not GO-prefixed, so the engine's environment probe ignores it.
 */
export const INSIDE_RUN_VAR = '_GOVERITY_INSIDE_RUN';

// Signals every process whose environment carries the run's mark, until a pass finds none; prints how many.
const SWEEP = `
const fs = require('fs');
const mark = Buffer.from('\\0${INSIDE_RUN_VAR}=' + process.argv[1] + '\\0');
const signal = process.argv[2];
let killed = 0;
for (let pass = 0; pass < 5; pass++) {
  let found = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
    let env;
    try { env = Buffer.concat([Buffer.from([0]), fs.readFileSync('/proc/' + pid + '/environ')]); } catch { continue; }
    if (!env.includes(mark)) continue;
    try { process.kill(Number(pid), signal); found++; } catch {}
  }
  killed += found;
  // A TERM is a request: one pass, then the engine gets to clean up after itself.
  if (!found || signal !== 'SIGKILL') break;
}
process.stdout.write(String(killed));
`;

/**
 * Signals every process of an inside run on the target (SIGTERM: the engine removes its temp dir and exits;
 * SIGKILL: whatever is left), using the copied node, since a target need not have ps or a shell.
 * Returns how many processes it signalled, or null when the target could not be swept (no /proc).
 */
export async function sweepInsideRun(transport: Transport, node: string, run: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<number | null> {
  const r = await transport.exec([node, '-e', SWEEP, run, signal], { timeoutMs: 30_000, maxBytes: 4096 });
  const n = Number(r.stdout.trim());
  return r.exitCode === 0 && r.stdout.trim() !== '' && Number.isInteger(n) ? n : null;
}
