import type Dockerode from 'dockerode';
import { TargetError } from './target-error.js';

/**
 * What a container made for verification may use: a go (or a detector) that forks endlessly or reads a flood into memory
 * stays inside it. Seen: a shell capturing an endless `go version` reached 23 GB and woke the host's OOM killer.
 */
export const CONTAINER_LIMITS = { PidsLimit: 1024, Memory: 4 * 1024 ** 3, MemorySwap: 4 * 1024 ** 3 } as const;

/** Starts a fresh container from an image, with no network and the limits above, idling while probes run; its id. */
export async function startVerificationContainer(docker: Dockerode, image: string, labels: Record<string, string>): Promise<string> {
  try {
    await docker.getImage(image).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404)
      throw new TargetError(`image ${image} does not exist on this Docker engine (build it, or check the name with: docker images)`);
    throw e;
  }
  // `sleep` is preferred, a shell waiting on stdin is the fallback.
  for (const keepAlive of [{ Cmd: ['sleep', 'infinity'] }, { Cmd: ['/bin/sh'], OpenStdin: true }]) {
    const container = await docker.createContainer({
      Image: image,
      Entrypoint: [],
      ...keepAlive,
      Labels: { 'goverity.target': 'docker-image', ...labels },
      HostConfig: { NetworkMode: 'none', AutoRemove: false, ...CONTAINER_LIMITS },
    });
    try {
      await container.start();
      if ((await container.inspect()).State.Running) return container.id;
    } catch {
      // fall through to the next keep-alive command
    }
    await removeContainer(container);
  }
  throw new TargetError(`image ${image} has neither sleep nor /bin/sh to keep a container alive for verification`);
}

/** An existing container's id, when it exists and runs; a one-line TargetError saying how to fix it otherwise. */
export async function runningContainerId(docker: Dockerode, nameOrId: string): Promise<string> {
  let info: Dockerode.ContainerInspectInfo;
  try {
    info = await docker.getContainer(nameOrId).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) throw new TargetError(`container ${nameOrId} does not exist (list running ones with: docker ps)`);
    throw e;
  }
  if (!info.State.Running) throw new TargetError(`container ${nameOrId} is not running (start it with: docker start ${nameOrId})`);
  return info.Id;
}

/** Force-removes a container with its volumes. 404: already gone; 409: a removal is already under way (an interrupt's teardown racing a normal one). */
export async function removeContainer(container: Dockerode.Container): Promise<void> {
  await container.remove({ force: true, v: true }).catch((e: { statusCode?: number }) => {
    if (e.statusCode !== 404 && e.statusCode !== 409) throw e;
  });
}
