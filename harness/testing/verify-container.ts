import type { StartedTestContainer } from 'testcontainers';
import { collectFacts } from '../../engine/probes/collect-facts.js';
import { buildReport, type Report } from '../../engine/report/build-report.js';
import { DockerTransport } from '../../engine/transport/docker-transport.js';
import { dockerRuntime } from '../providers/docker-runtime.js';

export interface VerifyContainerOptions {
  /** A project directory in the container, judged as `verify --project DIR` does. */
  project?: string;
  /** Also compare the user's login shell, as `verify --shell` does. */
  shell?: boolean;
  /** Also ask go to resolve a module through GOPROXY (needs a network; off by default). */
  online?: boolean;
}

/** `goverity verify` of a running testcontainers container (any image): the goverity/report@1 of the Go inside. The container is left running. */
export async function verifyContainer(container: StartedTestContainer, options: VerifyContainerOptions = {}): Promise<Report> {
  await using transport = await DockerTransport.fromContainer(await dockerRuntime(), container.getId());
  const facts = await collectFacts(transport, {
    online: options.online ?? false,
    ...(options.project !== undefined ? { project: options.project } : {}),
    ...(options.shell ? { shell: true } : {}),
  });
  return buildReport(facts);
}
