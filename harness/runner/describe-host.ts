import os from 'node:os';
import type Dockerode from 'dockerode';

export interface HostDescription {
  cores: number;
  engine: string;
  node: string;
}

/** The machine a run's figures come from, as summaries and convergence documents record it. */
export async function describeHost(docker: Dockerode): Promise<HostDescription> {
  const version = await docker.version().catch(() => null);
  return { cores: os.availableParallelism(), engine: version ? `docker ${version.Version}` : 'docker', node: process.version };
}
