import { DockerProvider } from './docker-provider.js';
import type { ProviderFactory } from './provider-factory.js';
import { WineProvider } from './wine-provider.js';
import { VagrantProvider } from './vagrant-provider.js';
import { VmProvider } from './vm-provider.js';
import { vmToolsMissing } from '../vm/vm-tools.js';

/** Every provider `goverity run --provider` knows, in the order results are compared (the first is the reference). */
export const ALL_PROVIDERS: ProviderFactory[] = [
  {
    name: 'docker',
    summary: 'a fresh container per scenario (network none)',
    unavailable: async () => null,
    create: (c) => new DockerProvider(c.docker, c.runId, c.repoRoot, c.onBuildLine),
  },
  {
    name: 'vagrant',
    summary: "Vagrant's docker provider: `vagrant up` of the scenario image, verified through the container it reports",
    unavailable: () => VagrantProvider.unavailable(),
    create: (c) => new VagrantProvider(c.docker, c.runId, c.repoRoot, c.onBuildLine),
  },
  {
    name: 'wine',
    summary: 'Windows scenarios: Windows Go under Wine in a fresh container (network none)',
    unavailable: async () => null,
    create: (c) => new WineProvider(c.docker, c.runId, c.repoRoot, c.onBuildLine),
  },
  {
    name: 'vm',
    summary: 'a Linux VM per scenario: QEMU (software emulation), direct kernel boot, SSH over restricted user-mode networking (slow tier)',
    unavailable: () => vmToolsMissing(),
    create: (c) => new VmProvider(c.docker, c.runId, c.repoRoot, c.onBuildLine),
  },
];

/** What `--provider` means when not given: every scenario on the provider native to its platform. */
export const DEFAULT_PROVIDERS = ['docker', 'wine'];
