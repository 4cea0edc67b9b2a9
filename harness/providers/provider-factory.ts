import type Dockerode from 'dockerode';
import type { ImageProgressEvent } from '../images/image-builder.js';
import type { Provider } from './provider.js';

/** What every provider may use: the Docker engine (images are built there for every tier), the run's id, the repo. */
export interface ProviderContext {
  docker: Dockerode;
  runId: string;
  repoRoot: string;
  onBuildLine?: (e: ImageProgressEvent) => void;
}

/** A provider the run command can offer: why it can't run on this machine (with how to fix it), or a way to make one. */
export interface ProviderFactory {
  name: string;
  /** One line: what this tier needs, for --help. */
  summary: string;
  /** null when usable here; otherwise one line saying what is missing and how to install it. */
  unavailable(): Promise<string | null>;
  create(ctx: ProviderContext): Provider;
}
