import type { Transport } from '../../engine/transport/transport.js';
import { runInside } from '../runner/run-inside.js';
import type { DetectorAnswer } from './detector-result.js';
import type { DetectorSpec } from './detector-spec.js';
import { readDetectorAnswer } from './read-detector-answer.js';

export interface DetectorRunOutput {
  answer: DetectorAnswer | null;
  problem: string | null;
  exitCode: number | null;
  stderrTail: string[];
}

/**
 * Copies a detector's files into the target and runs its command there the way inside mode runs the engine:
 * bounded in time (a TERM at the spec's limit, a KILL 5 s later), in bytes, and with every process it started
 * ended afterwards. A detector that hangs or floods gets no answer, with the reason.
 */
export async function runDetector(transport: Transport, spec: DetectorSpec, node?: string): Promise<DetectorRunOutput> {
  if (spec.builtin) throw new Error(`${spec.name} is goverity's own engine: the runner runs it, not runDetector`);
  const { result, stopped } = await runInside(transport, {
    files: spec.files.map((f) => ({ name: f.name, hostPath: f.hostPath, mode: 0o755 })),
    argv: () => spec.command,
    cwdInDir: true,
    timeoutMs: spec.timeoutMs,
    graceMs: 5_000,
    maxBytes: spec.maxOutputBytes,
    ...(node ? { node } : {}),
  });
  const { answer, problem } = readDetectorAnswer(spec, result, stopped);
  return { answer, problem, exitCode: result.exitCode, stderrTail: result.stderr.trim().split('\n').filter(Boolean).slice(-10) };
}
