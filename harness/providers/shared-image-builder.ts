import path from 'node:path';
import type Dockerode from 'dockerode';
import { ImageBuilder, type ImageProgressEvent } from '../images/image-builder.js';

const builders = new WeakMap<Dockerode, Map<string, ImageBuilder>>();

/** One ImageBuilder per engine and repo, so every provider of a run shares its memo and no image is built twice at once. */
export function sharedImageBuilder(docker: Dockerode, repoRoot: string, onProgress?: (e: ImageProgressEvent) => void): ImageBuilder {
  let byRepo = builders.get(docker);
  if (!byRepo) builders.set(docker, (byRepo = new Map()));
  const key = path.resolve(repoRoot);
  let builder = byRepo.get(key);
  if (!builder) byRepo.set(key, (builder = new ImageBuilder({ docker, repoRoot: key, onProgress })));
  return builder;
}
