import type { ProbeContext } from './probe-context.js';
import { runCommand } from './go-commands.js';

/** Which system package installed a file, asked of dpkg or rpm: the distro's own word, not a path guess. */
export async function probePackageOwner(ctx: ProbeContext, file: string): Promise<string | null> {
  if (ctx.platform.os !== 'linux') return null;
  const dpkg = await runCommand(ctx, ['dpkg-query', '-S', file]);
  if (dpkg.exitCode === 0) return `dpkg:${dpkg.stdout.split(':')[0]?.trim()}`;
  if (!dpkg.spawnError && dpkg.exitCode !== 127) return null;
  const rpm = await runCommand(ctx, ['rpm', '-qf', file]);
  return rpm.exitCode === 0 ? `rpm:${rpm.stdout.trim().split('\n')[0]}` : null;
}
