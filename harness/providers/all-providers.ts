import { DockerProvider } from './docker-provider.js';
import type { ProviderFactory } from './provider-factory.js';

/** Every provider `goverity run --provider` knows, in the order results are compared (the first is the reference). */
export const ALL_PROVIDERS: ProviderFactory[] = [
  { name: 'docker', summary: 'a fresh container per scenario (network none)', unavailable: async () => null, create: (c) => new DockerProvider(c.docker, c.runId, c.repoRoot, c.onBuildLine) },
];

/** What `--provider` means when not given: every scenario on the provider native to its platform. */
export const DEFAULT_PROVIDERS = ['docker', 'wine'];
