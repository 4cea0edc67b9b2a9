import type Dockerode from 'dockerode';
import { LocalTransport } from './local-transport.js';
import { TARGET_SYNTAX } from './target-syntax.js';
import { TargetError } from './target-error.js';
import type { Transport } from './transport.js';

/** A Docker client that has answered a ping; a clear TargetError otherwise. */
export async function connectDocker(): Promise<Dockerode> {
  // Loaded on demand: dockerode's tree (ssh2, gRPC, protobufjs) costs most of a cold start that a local verify never needs.
  const { default: Docker } = await import('dockerode');
  const docker = new Docker();
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
  if (m?.[1] === 'docker-image') return (await import('./docker-transport.js')).DockerTransport.fromImage(await connectDocker(), m[2]!, labels);
  if (m?.[1] === 'docker') return (await import('./docker-transport.js')).DockerTransport.fromContainer(await connectDocker(), m[2]!);
  if (m?.[1] === 'wine-image') return (await import('./wine-transport.js')).WineTransport.fromImage(await connectDocker(), m[2]!, labels);
  if (m && ['vagrant'].includes(m[1]!)) throw new TargetError(`target kind "${m[1]}:" is not available in this version yet; use ${TARGET_SYNTAX}`);
  throw new TargetError(`unknown target "${target}": use ${TARGET_SYNTAX}`);
}
