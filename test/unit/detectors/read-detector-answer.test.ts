import { describe, expect, it } from 'vitest';
import { readDetectorAnswer } from '../../../harness/detectors/read-detector-answer.js';
import type { ExecResult } from '../../../engine/transport/transport.js';

const run = (o: Partial<ExecResult>): ExecResult => ({
  argv: ['x'],
  exitCode: 0,
  stdout: '',
  stderr: '',
  timedOut: false,
  truncated: false,
  spawnError: null,
  durationMs: 1,
  ...o,
});
const json = { output: { json: true } as const, timeoutMs: 30_000, maxOutputBytes: 1 << 20 };
const exits = { output: { exitCodes: { '0': 'ready', '1': 'absent', '2': 'broken' } as const }, timeoutMs: 5000, maxOutputBytes: 65536 };

describe('readDetectorAnswer', () => {
  it('reads verdict, authentic and codes from JSON on stdout, whatever the exit status', () => {
    expect(readDetectorAnswer(json, run({ exitCode: 3, stdout: '{"verdict":"broken","authentic":false,"codes":["GO_STUB"]}\n' }), false)).toEqual({
      answer: { verdict: 'broken', authentic: false, codes: ['GO_STUB'] },
      problem: null,
    });
    expect(readDetectorAnswer(json, run({ stdout: '{"verdict":"ready"}' }), false).answer).toEqual({ verdict: 'ready', codes: [] });
  });

  it('maps an exit status through the spec', () => {
    expect(readDetectorAnswer(exits, run({ exitCode: 1, stdout: 'which: no go' }), false).answer).toEqual({ verdict: 'absent', codes: [] });
    expect(readDetectorAnswer(exits, run({ exitCode: 139, stderr: 'Segmentation fault\n' }), false)).toEqual({
      answer: null,
      problem: "exit status 139 is not in the spec's exitCodes (0, 1, 2) (last on stderr: Segmentation fault)",
    });
  });

  it('gives no answer, with the reason, for a hang, a flood, a failed start or output that says nothing', () => {
    expect(readDetectorAnswer(exits, run({ exitCode: null, timedOut: true, stderr: 'still thinking\n' }), true).problem).toBe(
      'did not finish within 5 s and was killed (last on stderr: still thinking)',
    );
    // Cut off mid-flood: the JSON it printed first does not count.
    expect(readDetectorAnswer(exits, run({ exitCode: 0, truncated: true, stdout: '{"verdict":"ready"}' }), false).problem).toBe(
      'printed more than 64 KiB on stdout or stderr and was cut off',
    );
    expect(readDetectorAnswer(json, run({ exitCode: 127, spawnError: 'exec: "detect": executable file not found in $PATH' }), false).problem).toBe(
      'could not be started: exec: "detect": executable file not found in $PATH',
    );
    expect(readDetectorAnswer(json, run({ stdout: 'go is fine' }), false).problem).toBe('stdout is not one JSON object (exit 0): go is fine');
    // Seen: the naive checklist captured a flooding `go version` in a shell variable until the kernel killed it.
    expect(readDetectorAnswer(json, run({ exitCode: 137 }), false).problem).toBe(
      'was killed by signal 9 (SIGKILL: out of memory, or killed from outside) before it printed a JSON object: nothing',
    );
    expect(readDetectorAnswer(json, run({ exitCode: 143, stderr: 'Terminated' }), false).problem).toBe(
      'was killed by signal 15 before it printed a JSON object: nothing (last on stderr: Terminated)',
    );
    expect(readDetectorAnswer(json, run({ stdout: '{"verdict":"fine"}' }), false).problem).toBe(
      'stdout\'s verdict is "fine", not one of ready, degraded, broken, absent',
    );
    expect(readDetectorAnswer(json, run({ stdout: '{"verdict":"ready","authentic":"yes"}' }), false).problem).toBe(
      'stdout\'s authentic is "yes", not true, false or null',
    );
    expect(readDetectorAnswer(json, run({ stdout: '[1]' }), false).problem).toBe('stdout is JSON but not an object: [1]');
  });
});
