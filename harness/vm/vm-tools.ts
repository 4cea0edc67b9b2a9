import { access, constants } from 'node:fs/promises';
import path from 'node:path';

/** Host programs the VM tier runs, with the Debian package that brings each. */
const TOOLS: [program: string, pkg: string][] = [
  ['qemu-system-x86_64', 'qemu-system-x86'],
  ['qemu-img', 'qemu-utils'],
  ['mkfs.ext4', 'e2fsprogs'],
  ['ssh', 'openssh-client'],
  ['ssh-keygen', 'openssh-client'],
  ['setpriv', 'util-linux'],
];

/** null when every tool is on PATH; otherwise one line naming what is missing and how to install it. */
export async function vmToolsMissing(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  // mkfs.ext4 lives in /usr/sbin, which a non-root PATH may lack.
  for (const extra of ['/usr/sbin', '/sbin']) if (!dirs.includes(extra)) dirs.push(extra);
  const found = async (p: string) =>
    (
      await Promise.all(
        dirs.map((d) =>
          access(path.join(d, p), constants.X_OK).then(
            () => true,
            () => false,
          ),
        ),
      )
    ).some(Boolean);
  const missing: [string, string][] = [];
  for (const [program, pkg] of TOOLS) if (!(await found(program))) missing.push([program, pkg]);
  if (missing.length === 0) return null;
  const pkgs = [...new Set(missing.map(([, p]) => p))];
  return `${missing.map(([p]) => p).join(', ')} not found: install with \`sudo apt-get install --no-install-recommends ${pkgs.join(' ')}\` (or: sudo scripts/vm-tools.sh)`;
}
