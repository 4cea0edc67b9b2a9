import { execa } from 'execa';
import path from 'node:path';

/**
 * Brings up a Docker engine for the docker tier when none answers (installing Debian's docker.io if needed),
 * and stops it afterwards, by PID, only if this run started it. The vagrant tier's Vagrant is installed too,
 * unless GOVERITY_SKIP_VAGRANT=1 says to skip that tier.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const script = path.resolve(import.meta.dirname, '../../scripts/docker-engine.sh');
  const r = await execa('bash', [script], { stderr: 'inherit', reject: false });
  if (r.exitCode !== 0) throw new Error(`the docker tier needs a Docker engine and ${script} could not provide one`);
  const started = /^started (\d+)$/m.exec(r.stdout);
  if (process.env.GOVERITY_SKIP_VAGRANT !== '1') {
    const v = await execa('bash', [path.resolve(import.meta.dirname, '../../scripts/vagrant.sh')], { stderr: 'inherit', reject: false });
    // Not fatal here: the vagrant test itself fails with the install hint, and every other tier still runs.
    if (v.exitCode !== 0) console.warn('goverity: scripts/vagrant.sh could not provide vagrant; the vagrant tier will fail (GOVERITY_SKIP_VAGRANT=1 skips it)');
  }
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
