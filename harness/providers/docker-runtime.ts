import type Dockerode from 'dockerode';
import { PACKAGE_ROOT } from '../../engine/package-root.js';
import { TargetError } from '../../engine/transport/target-error.js';
import { DockerProvider } from './docker-provider.js';

let runtime: Promise<Dockerode> | undefined;

/**
 * The Docker engine testcontainers finds (DOCKER_HOST, the Docker context, Podman and Colima sockets,
 * ~/.testcontainers.properties), as a dockerode client for what testcontainers has no API for: offline builds with
 * host networking and the archive API the engine's transport reads files through. Found once per process; what
 * `goverity run`, `converge` and goverity/testing use. A clear TargetError when there is none.
 */
export function dockerRuntime(): Promise<Dockerode> {
  runtime ??= connect().catch((e: unknown) => {
    runtime = undefined;
    throw e;
  });
  return runtime;
}

async function connect(): Promise<Dockerode> {
  // Ryuk, testcontainers' reaper, is an image pulled from a registry that offline hosts lack: goverity removes its containers
  // itself (stop, `await using`, and the sweep below). Set TESTCONTAINERS_RYUK_DISABLED=false to keep Ryuk.
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const { getContainerRuntimeClient } = await import('testcontainers');
  let docker: Dockerode;
  try {
    docker = (await getContainerRuntimeClient()).container.dockerode;
  } catch (first) {
    if (process.env.TESTCONTAINERS_HOST_OVERRIDE !== undefined) throw noEngine(first);
    // Inside a container testcontainers takes the host from the `bridge` network's gateway and fails when dockerd runs with
    // --bridge=none (container-runtime/utils/resolve-host.js). The host only reaches published ports, and goverity's
    // containers publish none: name it and ask again.
    process.env.TESTCONTAINERS_HOST_OVERRIDE = 'localhost';
    try {
      docker = (await getContainerRuntimeClient()).container.dockerode;
    } catch (e) {
      delete process.env.TESTCONTAINERS_HOST_OVERRIDE;
      throw noEngine(e);
    }
  }
  // A test that timed out or a worker that was killed never stops its container: the owner label finds it once its process is gone.
  await new DockerProvider(docker, 'testing', PACKAGE_ROOT).sweep();
  return docker;
}

function noEngine(e: unknown): TargetError {
  return new TargetError(
    `no Docker engine answers (testcontainers looked at DOCKER_HOST, the Docker context, ~/.testcontainers.properties and the usual sockets: ${(e as Error).message}): start dockerd (see scripts/docker-engine.sh) or set DOCKER_HOST`,
  );
}
