import type { ExecResult } from '../../engine/transport/transport.js';
import type { Verdict } from '../../engine/verdict/decide-verdict.js';
import type { DetectorAnswer } from './detector-result.js';
import type { DetectorSpec } from './detector-spec.js';

const VERDICTS: Verdict[] = ['ready', 'degraded', 'broken', 'absent'];

/** A detector's answer, or the one-line reason it gave none (a hang, a flood, a crash, output that says nothing). */
export function readDetectorAnswer(
  spec: Pick<DetectorSpec, 'output' | 'timeoutMs' | 'maxOutputBytes'>,
  r: ExecResult,
  stopped: boolean,
): { answer: DetectorAnswer | null; problem: string | null } {
  const none = (problem: string) => ({ answer: null, problem });
  const last = r.stderr.trim().split('\n').filter(Boolean).at(-1);
  const said = last ? ` (last on stderr: ${clip(last)})` : '';
  if (r.spawnError !== null) return none(`could not be started: ${clip(r.spawnError)}`);
  if (r.truncated) return none(`printed more than ${bytes(spec.maxOutputBytes)} on stdout or stderr and was cut off${said}`);
  if (stopped || r.timedOut) return none(`did not finish within ${Math.round(spec.timeoutMs / 1000)} s and was killed${said}`);
  if ('exitCodes' in spec.output) {
    if (r.exitCode === null) return none(`ended without an exit status (killed by a signal?)${said}`);
    const verdict = spec.output.exitCodes[String(r.exitCode)];
    if (!verdict) return none(`exit status ${r.exitCode} is not in the spec's exitCodes (${Object.keys(spec.output.exitCodes).join(', ')})${said}`);
    return { answer: { verdict, codes: [] }, problem: null };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    // A shell reports death by signal N as exit 128+N; 137 (SIGKILL) is most often the out-of-memory killer.
    const signal = r.exitCode !== null && r.exitCode > 128 && r.exitCode < 160 ? r.exitCode - 128 : null;
    if (signal !== null)
      return none(
        `was killed by signal ${signal}${signal === 9 ? ' (SIGKILL: out of memory, or killed from outside)' : ''} before it printed a JSON object: ${clip(r.stdout.trim()) || 'nothing'}${said}`,
      );
    return none(`stdout is not one JSON object (exit ${r.exitCode ?? 'none'}): ${clip(r.stdout.trim()) || 'nothing'}${said}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return none(`stdout is JSON but not an object: ${clip(r.stdout.trim())}`);
  const o = doc as Record<string, unknown>;
  if (!VERDICTS.includes(o.verdict as Verdict)) return none(`stdout's verdict is ${JSON.stringify(o.verdict) ?? 'missing'}, not one of ${VERDICTS.join(', ')}`);
  const answer: DetectorAnswer = { verdict: o.verdict as Verdict, codes: [] };
  if (o.authentic === true || o.authentic === false || o.authentic === null) answer.authentic = o.authentic;
  else if (o.authentic !== undefined) return none(`stdout's authentic is ${JSON.stringify(o.authentic)}, not true, false or null`);
  if (o.codes !== undefined) {
    if (!Array.isArray(o.codes) || !o.codes.every((c) => typeof c === 'string')) return none("stdout's codes is not an array of strings");
    answer.codes = o.codes as string[];
  }
  return { answer, problem: null };
}

function clip(s: string): string {
  const line = s.replace(/\s+/g, ' ');
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function bytes(n: number): string {
  return n % (1 << 20) === 0 ? `${n / (1 << 20)} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
