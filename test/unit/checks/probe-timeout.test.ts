import { describe, expect, it } from 'vitest';
import { probeTimeout } from '../../../engine/checks/probe-timeout.js';
import { fixtureNames, loadSnapshot, only, withCommand } from '../snapshot-builders.js';

describe('probe-timeout (PROBE_TIMEOUT, PROBE_OUTPUT_LIMIT)', () => {
  it('reports a go version that hung and was killed', () => {
    const s = withCommand(loadSnapshot('linux-debian-golang-go'), 'version', { exitCode: null, stdout: '', timedOut: true, durationMs: 20000 });
    const f = only(probeTimeout(s), 'PROBE_TIMEOUT');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('go version did not finish in time and was killed.');
    expect(f.evidence).toEqual(['/usr/bin/go version: timed out']);
    expect(f.fix).toMatch(/--timeout-ms/);
  });

  it('reports a command that flooded its output, separately from one that hung', () => {
    let s = withCommand(loadSnapshot('windows-bat-shim'), 'version', { truncated: true, stdout: 'y\ny\ny\n' });
    s = withCommand(s, 'envJson', { exitCode: null, timedOut: true });
    const findings = probeTimeout(s);
    const flood = only(findings, 'PROBE_OUTPUT_LIMIT');
    expect(flood.severity).toBe('error');
    expect(flood.message).toBe('go.bat version printed more than the output limit and was cut off.');
    expect(flood.evidence).toEqual(['cmd.exe /d /c C:\\Program Files\\Go\\bin\\go.bat version: output cut off: y']);
    expect(only(findings, 'PROBE_TIMEOUT').message).toBe('go.bat env did not finish in time and was killed.');
  });

  it.each(fixtureNames())('stays silent on %s', (name) => {
    expect(probeTimeout(loadSnapshot(name))).toEqual([]);
  });
});
