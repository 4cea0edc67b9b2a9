import { identifyBinary } from '../binary/identify-binary.js';
import type { BinaryIdentity } from '../binary/binary-identity.js';
import type { ProbeContext } from './probe-context.js';

export interface FileIdentity {
  identity: BinaryIdentity | null;
  scriptHead: string | null;
}

const SCRIPT_HEAD_BYTES = 4096;

/** Reads a file (bounded) and identifies it from its bytes; never runs it. Once per path per verification. */
export function identifyFile(ctx: ProbeContext, path: string): Promise<FileIdentity> {
  let hit = ctx.identified.get(path) as Promise<FileIdentity> | undefined;
  if (!hit) ctx.identified.set(path, (hit = readAndIdentify(ctx, path)));
  return hit;
}

/** Identities of files under a root (relative path → identity; null when absent or unreadable), read concurrently. */
export async function identifyFiles(ctx: ProbeContext, root: string, relative: string[]): Promise<Record<string, BinaryIdentity | null>> {
  const ids = await Promise.all(relative.map(async (r) => [r, (await identifyFile(ctx, ctx.paths.join(root, r))).identity] as const));
  return Object.fromEntries(ids);
}

async function readAndIdentify(ctx: ProbeContext, path: string): Promise<FileIdentity> {
  const file = await ctx.transport.readFile(path, ctx.limits.maxBinaryBytes);
  if (!file) return { identity: null, scriptHead: null };
  const identity = identifyBinary(file.bytes, { fileSize: file.size });
  const isText = identity.format === 'script' || (identity.format === 'unknown' && looksLikeText(file.bytes));
  const scriptHead = isText ? Buffer.from(file.bytes.subarray(0, SCRIPT_HEAD_BYTES)).toString('utf8') : null;
  return { identity, scriptHead };
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
}
