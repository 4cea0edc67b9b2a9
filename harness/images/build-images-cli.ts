/**
 * Builds (or finds) catalog images and prints their tags, with every build line prefixed by the image id.
 * Usage: tsx harness/images/build-images-cli.ts [--concurrency N] [--quiet] [ID...]   (default: every toolchain image)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Docker from 'dockerode';

import { ImageBuilder } from './image-builder.js';
import { TOOLCHAIN_IMAGE_IDS } from './image-catalog.js';

const args = process.argv.slice(2);
let concurrency = 2;
let quiet = false;
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--concurrency') concurrency = Number(args[++i]);
  else if (arg === '--quiet') quiet = true;
  else ids.push(arg);
}

const started = Date.now();
const elapsed = (): string => `${Math.round((Date.now() - started) / 1000)}s`.padStart(5);
const builder = new ImageBuilder({
  docker: new Docker(),
  repoRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  onProgress: quiet ? undefined : (e) => process.stderr.write(`${elapsed()} ${e.imageId} | ${e.line}\n`),
  onBuild: (e) =>
    process.stderr.write(`${elapsed()} ${e.imageId} == ${e.phase} ${e.tag}${e.durationMs === undefined ? '' : ` (${(e.durationMs / 1000).toFixed(1)} s)`}\n`),
});

try {
  const tags = await builder.ensureAll(ids.length > 0 ? ids : TOOLCHAIN_IMAGE_IDS, concurrency);
  for (const [id, tag] of tags) process.stdout.write(`${id}\t${tag}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  for (const b of builder.builds) process.stderr.write(`built ${b.imageId} in ${(b.durationMs / 1000).toFixed(1)} s\n`);
}
