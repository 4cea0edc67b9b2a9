import type Dockerode from 'dockerode';
import { DockerTransport } from '../../engine/transport/docker-transport.js';
import type { Transport } from '../../engine/transport/transport.js';
import { WineTransport } from '../../engine/transport/wine-transport.js';
import type { VmProvider } from '../providers/vm-provider.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { ConvergeEnvironment } from './converge-environment.js';

/** A running environment: where the probes run, and how one of them runs under a CPU quota. */
export interface OpenedEnvironment extends AsyncDisposable {
  transport: Transport;
  /** The argv that runs `argv` limited to `cpus` CPUs (a CFS bandwidth limit, as `docker run --cpus` sets). */
  underQuota(cpus: number, argv: string[]): Promise<string[]>;
}

export interface OpenEnvironmentOptions {
  docker: Dockerode;
  /** The environment's image tag (already built). */
  tag: string;
  labels: Record<string, string>;
  /** The VM tier, for environments hosted in a VM. */
  vm?: VmProvider;
}

const PERIOD_US = 100_000;
// The same cgroup v2 knob Docker's --cpus writes, set from inside the VM for this one process.
const CGROUP_QUOTA = [
  'set -e',
  '[ -e /sys/fs/cgroup/cgroup.controllers ] || mount -t cgroup2 cgroup2 /sys/fs/cgroup',
  'grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu > /sys/fs/cgroup/cgroup.subtree_control',
  'mkdir -p /sys/fs/cgroup/goverity-quota',
  `echo "$1 ${PERIOD_US}" > /sys/fs/cgroup/goverity-quota/cpu.max`,
  'echo $$ > /sys/fs/cgroup/goverity-quota/cgroup.procs',
  'shift',
  'exec "$@"',
].join('\n');

/** Starts the environment: a container (network none; under Wine for Windows) or a VM of the same image. */
export async function openEnvironment(env: ConvergeEnvironment, o: OpenEnvironmentOptions): Promise<OpenedEnvironment> {
  if (env.host === 'vm') {
    if (!o.vm) throw new Error(`${env.id} runs in a VM, and the VM tier is not available here`);
    const vm = o.vm;
    const scenario = vmScenario(env);
    const transport = await vm.start(scenario, await vm.prepare(scenario));
    return {
      transport,
      underQuota: async (cpus, argv) => ['sh', '-c', CGROUP_QUOTA, 'sh', String(Math.round(cpus * PERIOD_US)), ...argv],
      [Symbol.asyncDispose]: () => transport[Symbol.asyncDispose](),
    };
  }
  const linux = await DockerTransport.fromImage(o.docker, o.tag, o.labels);
  const transport = env.runner === 'wine' ? new WineTransport(linux, `wine-image:${o.tag}`) : linux;
  return {
    transport,
    underQuota: async (cpus, argv) => {
      // docker update sets the quota `--cpus` sets at create time; each new process reads it afresh.
      await o.docker.getContainer(linux.containerId).update({ NanoCpus: Math.round(cpus * 1e9) });
      return argv;
    },
    [Symbol.asyncDispose]: () => transport[Symbol.asyncDispose](),
  };
}

/** The VM tier builds VMs for scenarios: a converge VM is a scenario with nothing on top of its toolchain image. */
function vmScenario(env: ConvergeEnvironment): Scenario {
  return {
    id: `converge-${env.id}`,
    title: env.label,
    class: 'genuine',
    breaks: 'nothing: a convergence environment',
    platform: 'linux',
    seenAt: [],
    image: { from: env.image },
    expect: { verdict: ['ready'], codes: [], forbidden: [] },
    file: '',
  };
}
