import { describe, expect, it } from 'vitest';
import { LocalTransport } from '../../../engine/transport/local-transport.js';

describe.skipIf(process.platform === 'win32')('LocalTransport.exec', () => {
  it('is done when the process exits, though children it left in the background hold its output open', async () => {
    await using t = new LocalTransport();
    const r = await t.exec(['sh', '-c', 'echo out; sleep 29.417 & echo err >&2; exit 3'], { timeoutMs: 8_000, maxBytes: 4096 });
    expect(r).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false, spawnError: null });
    expect(r.durationMs).toBeLessThan(5_000);
    // The leftover sleep was ended with its group: nothing of the command is still running.
    const ps = await t.exec(['sh', '-c', 'for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline 2>/dev/null; echo; done'], {
      timeoutMs: 5_000,
      maxBytes: 1 << 20,
    });
    // An odd duration, so another process's sleep on this host can't match.
    expect(ps.stdout.split('\n').filter((l) => l.trim() === 'sleep 29.417')).toEqual([]);
  });

  it('still times out a process that does not exit', async () => {
    await using t = new LocalTransport();
    const r = await t.exec(['sleep', '30'], { timeoutMs: 300, maxBytes: 4096 });
    expect(r.timedOut).toBe(true);
  });
});
