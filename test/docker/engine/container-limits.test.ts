// The caps a verification container gets are the kernel's, not a label: read back from the container's own cgroup.
import path from 'node:path';
import Dockerode from 'dockerode';
import { expect, it } from 'vitest';
import { ImageBuilder } from '../../../harness/images/image-builder.js';
import { CONTAINER_LIMITS } from '../../../engine/transport/docker-lifecycle.js';
import { DockerTransport } from '../../../engine/transport/docker-transport.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

it('a docker-image target runs under 1024 processes and 4 GiB', async () => {
  const docker = new Dockerode();
  const image = await new ImageBuilder({ docker, repoRoot, onProgress: () => undefined }).ensure('base-bookworm');
  await using t = await DockerTransport.fromImage(docker, image, { 'goverity.test': 'container-limits' });
  // cgroup v2 names the files at the root; v1 (this Debian 12 host's Docker) in one directory per controller.
  const read = async (v2: string, v1: string) =>
    (await t.exec(['sh', '-c', `cat /sys/fs/cgroup/${v2} 2>/dev/null || cat /sys/fs/cgroup/${v1}`], { timeoutMs: 10_000, maxBytes: 4096 })).stdout.trim();
  expect({ pids: await read('pids.max', 'pids/pids.max'), memory: await read('memory.max', 'memory/memory.limit_in_bytes') }).toEqual({
    pids: String(CONTAINER_LIMITS.PidsLimit),
    memory: String(CONTAINER_LIMITS.Memory),
  });
});
