import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const APPLY_SCRIPT_TEXT = readFileSync(path.join(REPO_ROOT, 'images/reproduce/apply-layout.sh'), 'utf8');
export const HAND_WRITTEN_DIR = path.join(REPO_ROOT, 'test/fixtures/snapshots/reproduce');

/** The hand-written macOS and Windows snapshots made for reproduce (kept apart from the engine's fixture set). */
export function loadHandWritten(name: 'darwin-homebrew-private-proxy' | 'windows-msi-private-proxy'): FactSnapshot {
  return JSON.parse(readFileSync(path.join(HAND_WRITTEN_DIR, `${name}.json`), 'utf8')) as FactSnapshot;
}

/** Decodes a manifest line by line: the operation and its fields, base64 ones decoded. */
export function decodeManifest(text: string): { header: string; ops: { op: string; fields: string[] }[] } {
  const [header, ...lines] = text.trimEnd().split('\n');
  const numeric = new Set(['dir:1', 'file:1', 'chmod:1', 'copyfile:2', 'truncate:1', 'setenv:0', 'unsetenv:0', 'buildgo:3']);
  return {
    header: header!,
    ops: lines.map((l) => {
      const [op, ...raw] = l.split(' ');
      return { op: op!, fields: raw.map((f, i) => (numeric.has(`${op}:${i}`) ? f : f === '-' ? '' : Buffer.from(f, 'base64').toString('utf8'))) };
    }),
  };
}
