import { setTimeout as sleep } from 'node:timers/promises';
import type { Transport } from '../../engine/transport/transport.js';
import type { ConvergeEnvironment } from './converge-environment.js';
import type { Observation } from './observation.js';
import { failedObservation, parseProbeOutput } from './probe-output.js';

const SMALL = 1 << 16;

/**
 * One signal to the signals program. Linux: the program writes its pid to a ready file once its handler is in
 * place, and the harness sends the signal with kill, as a terminal's Ctrl+C or `docker stop` would. Windows has no
 * kill and a Wine console can't be reached from outside: the program raises Ctrl+C on its own console, and SIGTERM
 * has no sender at all (https://pkg.go.dev/os/signal#hdr-Windows).
 */
export async function probeSignal(
  t: Transport,
  env: ConvergeEnvironment,
  argv: (args: string[]) => string[],
  dir: string,
  sig: 'INT' | 'TERM',
): Promise<Observation> {
  const id = `signal ${sig}`;
  if (env.os === 'windows') {
    if (sig === 'TERM')
      return {
        state: 'unsupported',
        value: 'unsupported',
        detail: 'Windows has no SIGTERM to send; Go maps console close, logoff and shutdown events to it, which no harness can raise here',
      };
    const r = await t.exec(argv(['-signal', sig, '-wait', '3s']), { timeoutMs: 30_000, maxBytes: SMALL });
    return parseProbeOutput(r.stdout)[id] ?? failedObservation(r, 'the Ctrl+C probe');
  }
  const ready = `${dir}/ready-${sig}`;
  let finished = false;
  const pending = t.exec(argv(['-signal', sig, '-ready', ready, '-wait', '10s']), { timeoutMs: 20_000, maxBytes: SMALL }).finally(() => {
    finished = true;
  });
  const deadline = performance.now() + 10_000;
  let sent = false;
  while (!finished && performance.now() < deadline) {
    const f = await t.readFile(ready, 64);
    const pid = f ? Buffer.from(f.bytes).toString('utf8').trim() : '';
    if (/^\d+$/.test(pid)) {
      // kill is the shell's builtin: a debootstrap minbase has no procps.
      await t.exec(['sh', '-c', 'kill -s "$1" "$2"', 'sh', sig, pid], { timeoutMs: 5_000, maxBytes: 4096 });
      sent = true;
      break;
    }
    await sleep(50);
  }
  const r = await pending;
  const got = parseProbeOutput(r.stdout)[id];
  if (got) return sent ? got : { ...got, detail: `${got.detail ?? ''} (the program never said it was ready)`.trim() };
  return failedObservation(r, 'the signals program');
}
