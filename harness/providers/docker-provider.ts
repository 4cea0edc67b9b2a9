import type Dockerode from 'dockerode';
import { DockerTransport } from '../../engine/transport/docker-transport.js';
import type { Transport } from '../../engine/transport/transport.js';
import type { ImageBuilder, ImageProgressEvent } from '../images/image-builder.js';
import type { Scenario } from '../scenarios/scenario.js';
import { ensureScenarioImage } from '../scenarios/scenario-image.js';
import { isProcessAlive } from './is-process-alive.js';
import type { Provider } from './provider.js';
import { sharedImageBuilder } from './shared-image-builder.js';

export const RUN_LABEL = 'goverity.run';
export const OWNER_PID_LABEL = 'goverity.pid';

/** Scenario containers from content-hashed images, network none, labelled with the run and the owning process. */
export class DockerProvider implements Provider {
  readonly name = 'docker';
  readonly isolation = 'container';
  readonly #builder: ImageBuilder;
  readonly #live = new Set<DockerTransport>();

  constructor(
    private readonly docker: Dockerode,
    private readonly runId: string,
    repoRoot: string,
    onBuildLine?: (e: ImageProgressEvent) => void,
  ) {
    this.#builder = sharedImageBuilder(docker, repoRoot, onBuildLine);
  }

  cannotHost(scenario: Scenario): string | null {
    return scenario.platform === 'linux' ? null : `a ${scenario.platform} scenario needs the wine provider`;
  }

  prepare(scenario: Scenario): Promise<string> {
    return ensureScenarioImage(this.#builder, scenario);
  }

  async start(scenario: Scenario, image: string): Promise<Transport> {
    const t = await DockerTransport.fromImage(this.docker, image, {
      [RUN_LABEL]: this.runId,
      [OWNER_PID_LABEL]: String(process.pid),
      'goverity.scenario': scenario.id,
    });
    this.#live.add(t);
    const dispose = t[Symbol.asyncDispose].bind(t);
    t[Symbol.asyncDispose] = async () => {
      this.#live.delete(t);
      await dispose();
    };
    return t;
  }

  /** Removes every container this provider started that is still there (removal is idempotent). */
  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.allSettled([...this.#live].map((t) => t[Symbol.asyncDispose]()));
  }

  /** Containers of runs whose process is gone (a crash, kill -9); live runs' containers are left alone. */
  async sweep(): Promise<number> {
    const stale = (await this.docker.listContainers({ all: true, filters: { label: [RUN_LABEL] } })).filter(
      (c) => !isProcessAlive(Number(c.Labels[OWNER_PID_LABEL])),
    );
    await Promise.all(
      stale.map((c) =>
        this.docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    return stale.length;
  }
}
