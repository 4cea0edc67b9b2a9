import { execa } from 'execa';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Other Node releases users run; the machines here have 20. */
export const OTHER_NODE_MAJORS = [22, 24] as const;

/**
 * A Node binary of that major release, from the npm registry's per-platform package (what the `node` package's own
 * installer fetches), kept under .cache/node/<major> and reused.
 */
export async function nodeBinary(major: number): Promise<string> {
  const prefix = path.join(ROOT, '.cache', 'node', String(major));
  const pkg = `node-${process.platform}-${process.arch}`;
  const bin = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(bin)) await execa('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, `${pkg}@${major}`]);
  return bin;
}
