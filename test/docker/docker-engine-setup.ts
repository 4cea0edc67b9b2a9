import { execa } from 'execa';
import path from 'node:path';

/**
 * Brings up a Docker engine for the docker tier when none answers (installing Debian's docker.io if needed),
 * and stops it afterwards, by PID, only if this run started it.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const script = path.resolve(import.meta.dirname, '../../scripts/docker-engine.sh');
  const r = await execa('bash', [script], { stderr: 'inherit', reject: false });
  if (r.exitCode !== 0) throw new Error(`the docker tier needs a Docker engine and ${script} could not provide one`);
  const started = /^started (\d+)$/m.exec(r.stdout);
  return async () => {
    if (!started) return;
    const pid = Number(started[1]);
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
  };
}
