import { readFile, writeFile } from 'node:fs/promises';

/**
 * Writes a copy of this host's Node with every occurrence of `from` replaced by `to` (same length), to make a
 * binary that needs a loader or a library no system has; false when the host's Node has no `from` in it.
 */
export async function patchHostNode(dest: string, from: string, to: string): Promise<boolean> {
  if (from.length !== to.length) throw new Error('patchHostNode: replacement must keep the length');
  const bytes = await readFile(process.execPath);
  const needle = Buffer.from(from);
  let at = bytes.indexOf(needle);
  if (at < 0) return false;
  for (; at >= 0; at = bytes.indexOf(needle, at + needle.length)) Buffer.from(to).copy(bytes, at);
  await writeFile(dest, bytes, { mode: 0o755 });
  return true;
}
