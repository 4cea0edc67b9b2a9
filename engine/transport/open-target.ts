import Dockerode from 'dockerode';
import { DockerTransport } from './docker-transport.js';
import { LocalTransport } from './local-transport.js';
import { TargetError } from './target-error.js';
import type { Transport } from './transport.js';
import { WineTransport } from './wine-transport.js';

export const TARGET_SYNTAX = 'local | docker-image:IMAGE | docker:CONTAINER | wine-image:IMAGE';

/** A Docker client that has answered a ping; a clear TargetError otherwise. */
export async function connectDocker(): Promise<Dockerode> {
  const docker = new Dockerode();
  const where = process.env.DOCKER_HOST ?? '/var/run/docker.sock';
  try {
    await Promise.race([docker.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('no answer in 5 s')), 5000).unref())]);
  } catch (e) {
    throw new TargetError(`no Docker engine answers at ${where} (${(e as Error).message}): start dockerd (see scripts/docker-engine.sh) or set DOCKER_HOST`);
  }
  return docker;
}

export async function openTarget(target: string, labels: Record<string, string> = {}): Promise<Transport> {
  if (target === 'local') return new LocalTransport();
  const m = /^([a-z-]+):(.+)$/.exec(target);
  if (m?.[1] === 'docker-image') return DockerTransport.fromImage(await connectDocker(), m[2]!, labels);
  if (m?.[1] === 'docker') return DockerTransport.fromContainer(await connectDocker(), m[2]!);
  if (m?.[1] === 'wine-image') return WineTransport.fromImage(await connectDocker(), m[2]!, labels);
  if (m && ['vagrant'].includes(m[1]!)) throw new TargetError(`target kind "${m[1]}:" is not available in this version yet; use ${TARGET_SYNTAX}`);
  throw new TargetError(`unknown target "${target}": use ${TARGET_SYNTAX}`);
}
