import { describe, expect, it } from 'vitest';
import { failedObservation, parseProbeOutput } from '../../../harness/converge/probe-output.js';
import type { ExecResult } from '../../../engine/transport/transport.js';

const exec = (over: Partial<ExecResult>): ExecResult => ({
  argv: ['probe'],
  exitCode: 0,
  stdout: '',
  stderr: '',
  timedOut: false,
  truncated: false,
  spawnError: null,
  durationMs: 60_000,
  ...over,
});

describe('parseProbeOutput', () => {
  it('reads every behaviour of a probe line, with its detail', () => {
    const line = JSON.stringify({
      probe: 'paths',
      results: { 'filepath.FromSlash': { value: 'a\\b', detail: 'FromSlash("a/b")' }, 'os.PathSeparator': { value: '\\' } },
    });
    expect(parseProbeOutput(`${line}\n`)).toEqual({
      'filepath.FromSlash': { state: 'ok', value: 'a\\b', detail: 'FromSlash("a/b")' },
      'os.PathSeparator': { state: 'ok', value: '\\' },
    });
  });

  it('skips what is not a probe line: Wine chatter, CRLF, a torn line, a value that is not a string', () => {
    const out = [
      '0024:err:winediag:nodrv_CreateWindow Application tried to create a window',
      `${JSON.stringify({ probe: 'signals', results: { 'signal INT': { value: 'unsupported', detail: 'GenerateConsoleCtrlEvent failed' } } })}\r`,
      '{"probe":"cpu","results":{"runtime.NumCPU":{"val',
      JSON.stringify({ probe: 'cpu', results: { 'runtime.NumCPU': { value: 2 } } }),
      JSON.stringify({ probe: 'cpu', results: null }),
    ].join('\n');
    expect(parseProbeOutput(out)).toEqual({ 'signal INT': { state: 'unsupported', value: 'unsupported', detail: 'GenerateConsoleCtrlEvent failed' } });
  });
});

describe('failedObservation', () => {
  it('says why a probe answered nothing: cut off, flooded, not started, or its last stderr lines', () => {
    expect(failedObservation(exec({ timedOut: true, exitCode: null }), 'the cpu program')).toEqual({
      state: 'timeout',
      value: 'cut off',
      detail: 'the cpu program did not finish within 60 s',
    });
    expect(failedObservation(exec({ truncated: true }), 'the paths program')).toEqual({
      state: 'error',
      value: 'cut off',
      detail: 'the paths program printed more than the output limit',
    });
    expect(failedObservation(exec({ spawnError: 'ENOENT', exitCode: null }), 'go build').detail).toBe('go build: ENOENT');
    expect(failedObservation(exec({ exitCode: 2, stderr: 'a\nb\nc\nd\n' }), 'go build').detail).toBe('go build: b | c | d');
    expect(failedObservation(exec({ exitCode: 139 }), 'x').detail).toBe('x: exit status 139');
  });
});
