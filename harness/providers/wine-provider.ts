import type Dockerode from 'dockerode';
import type { Transport } from '../../engine/transport/transport.js';
import { WineTransport } from '../../engine/transport/wine-transport.js';
import type { ImageProgressEvent } from '../images/image-builder.js';
import type { Scenario } from '../scenarios/scenario.js';
import { DockerProvider } from './docker-provider.js';
import type { Provider } from './provider.js';

/**
 * Windows scenarios under Wine: the docker provider's containers (same images, labels and sweep), each presented
 * to the engine as the Windows inside it.
 */
export class WineProvider implements Provider {
  readonly name = 'wine';
  readonly isolation = 'container';
  readonly #containers: DockerProvider;

  constructor(docker: Dockerode, runId: string, repoRoot: string, onBuildLine?: (e: ImageProgressEvent) => void) {
    this.#containers = new DockerProvider(docker, runId, repoRoot, onBuildLine);
  }

  cannotHost(scenario: Scenario): string | null {
    return scenario.platform === 'windows' ? null : `a ${scenario.platform} scenario is not a Windows environment`;
  }

  prepare(scenario: Scenario): Promise<string> {
    return this.#containers.prepare(scenario);
  }

  async start(scenario: Scenario, image: string): Promise<Transport> {
    return new WineTransport(await this.#containers.start(scenario, image), `wine-image:${image}`);
  }

  sweep(): Promise<number> {
    return this.#containers.sweep();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#containers[Symbol.asyncDispose]();
  }
}
