import type { PackageVerifyFact } from '../facts/fact-snapshot.js';
import { runCommand } from './go-commands.js';
import type { ProbeContext } from './probe-context.js';
import { realpath } from './realpath.js';

/**
 * Asks the package database whether the toolchain's files are still the ones it installed: `dpkg --verify` or `rpm -V`
 * on the packages that own the go binary, GOROOT's runtime sources and its compiler (one command, bounded like any).
 */
export async function probePackageVerify(ctx: ProbeContext, owner: string, files: string[]): Promise<PackageVerifyFact | null> {
  const [tool, first] = owner.split(/:(.*)/s) as [string, string];
  if (tool !== 'dpkg' && tool !== 'rpm') return null;
  // Debian reaches src through symlinks: the database knows the real paths.
  const real = (await Promise.all(files.map((f) => realpath(ctx, f)))).filter((f): f is string => !!f);
  const owners = tool === 'dpkg' ? await runCommand(ctx, ['dpkg-query', '-S', ...real]) : await runCommand(ctx, ['rpm', '-qf', '--qf', '%{NAME}\\n', ...real]);
  const packages = new Set([first]);
  for (const line of owners.stdout.split('\n')) {
    const names = tool === 'dpkg' ? /^(.+?): \//.exec(line)?.[1]?.split(', ') : /^[\w.+-]+$/.test(line.trim()) ? [line.trim()] : [];
    for (const n of names ?? []) packages.add(n.trim());
  }
  const argv = tool === 'dpkg' ? ['dpkg', '--verify', ...packages] : ['rpm', '-V', ...packages];
  const command = await runCommand(ctx, argv);
  if (command.spawnError || command.timedOut || command.truncated) return { tool, packages: [...packages], changed: [], missing: [], command };
  const parsed = parseVerifyOutput(command.stdout);
  const vouchedBy = tool === 'dpkg' && parsed.changed.length > 0 ? await vouchingPackages(ctx, parsed.changed) : {};
  return { tool, packages: [...packages], ...parsed, command, ...(Object.keys(vouchedBy).length ? { vouchedBy } : {}) };
}

/**
 * Which installed package records, for a file of the same name, the digest a changed file has now: an install unpacked
 * over another leaves genuine files of another release (tool-skew), which are no tampering. dpkg keeps every package's
 * MD5s in /var/lib/dpkg/info/<package>.md5sums (https://man7.org/linux/man-pages/man5/deb-md5sums.5.html).
 */
async function vouchingPackages(ctx: ProbeContext, changed: string[]): Promise<Record<string, string>> {
  const files = changed.slice(0, 20);
  const sums = await runCommand(ctx, ['md5sum', '--', ...files]);
  const digestOf = new Map<string, string>();
  for (const line of sums.stdout.split('\n')) {
    const m = /^([0-9a-f]{32}) [ *](\/.*)$/.exec(line.trimEnd());
    if (m) digestOf.set(m[2]!, m[1]!);
  }
  if (digestOf.size === 0) return {};
  const patterns = [...new Set(digestOf.values())].flatMap((d) => ['-e', `${d}  `]);
  const found = await runCommand(ctx, ['sh', '-c', 'exec grep -H -F "$@" /var/lib/dpkg/info/*.md5sums', 'sh', ...patterns]);
  const vouched: Record<string, string> = {};
  for (const line of found.stdout.split('\n')) {
    const m = /^\/var\/lib\/dpkg\/info\/([^/]+?)\.md5sums:([0-9a-f]{32}) {2}(.+)$/.exec(line.trimEnd());
    if (!m) continue;
    const [, pkg, digest, rel] = m as unknown as [string, string, string, string];
    const path = `/${rel}`;
    for (const [file, d] of digestOf)
      if (d === digest && file !== path && basename(file) === basename(path)) vouched[file] ??= `${pkg.replace(/:\w+$/, '')}:${path}`;
  }
  return vouched;
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * dpkg --verify and rpm -V print one line per deviating file: nine attribute columns ('5' third: the digest differs,
 * or "missing"), a type letter ('c' for a configuration file, which the admin may edit), then the path.
 * https://man7.org/linux/man-pages/man1/dpkg.1.html (--verify-format rpm), https://rpm.org/docs/4.18.x/man/rpm.8
 */
export function parseVerifyOutput(text: string): { changed: string[]; missing: string[] } {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S{9}|missing)\s+(?:([cdglr])\s+)?(\/.*)$/.exec(line.trimEnd());
    if (!m || m[2] === 'c') continue;
    if (m[1] === 'missing') missing.push(m[3]!);
    else if (m[1]![2] === '5') changed.push(m[3]!);
  }
  return { changed, missing };
}
