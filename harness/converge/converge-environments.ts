import type { ConvergeEnvironment } from './converge-environment.js';

/** Every environment `goverity converge` compares, one matrix column each, in column order. */
export const CONVERGE_ENVIRONMENTS: ConvergeEnvironment[] = [
  { id: 'go-1.19', image: 'go-1.19', label: 'linux/amd64 · Debian go1.19', os: 'linux', arch: 'amd64', goMinor: 19, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'go-1.21', image: 'go-1.21', label: 'linux/amd64 · Debian go1.21', os: 'linux', arch: 'amd64', goMinor: 21, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'go-1.22', image: 'go-1.22', label: 'linux/amd64 · Debian go1.22', os: 'linux', arch: 'amd64', goMinor: 22, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'go-1.23', image: 'go-1.23', label: 'linux/amd64 · Debian go1.23', os: 'linux', arch: 'amd64', goMinor: 23, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'go-1.24', image: 'go-1.24', label: 'linux/amd64 · Debian go1.24', os: 'linux', arch: 'amd64', goMinor: 24, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'go-1.26', image: 'go-1.26', label: 'linux/amd64 · Debian go1.26', os: 'linux', arch: 'amd64', goMinor: 26, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'go-1.27', image: 'go-1.27', label: 'linux/amd64 · Debian go1.27', os: 'linux', arch: 'amd64', goMinor: 27, compiler: 'gc', build: 'native', runner: 'direct', host: 'container' },
  { id: 'gccgo', image: 'gccgo', label: 'linux/amd64 · gccgo-12', os: 'linux', arch: 'amd64', goMinor: null, compiler: 'gccgo', build: 'native', runner: 'direct', host: 'container' },
  {
    id: 'go-multi', image: 'go-multi', label: 'linux/amd64 · Debian go1.21 + go1.22', os: 'linux', arch: 'amd64', goMinor: 22, compiler: 'gc', build: 'native', runner: 'direct', host: 'container',
    toolchainSwitch: { from: '/usr/lib/go-1.21/bin/go', toGoroot: '/usr/lib/go-1.22' },
  },
  { id: 'arm64-qemu', image: 'qemu-arm64', label: 'linux/arm64 · emulated by qemu-user · cross-built by go1.27', os: 'linux', arch: 'arm64', goMinor: 27, compiler: 'gc', build: 'cross', runner: 'qemu-aarch64', host: 'container' },
  { id: 'windows-go-1.24', image: 'wine-go-1.24', label: 'windows/amd64 · Wine 10 · go1.24 go.exe', os: 'windows', arch: 'amd64', goMinor: 24, compiler: 'gc', build: 'native', runner: 'wine', host: 'container' },
  // The VM tier: an image's layers booted as a QEMU VM with 4 virtual CPUs, more than this 2-core host has, so a
  // 1-CPU quota can bring GOMAXPROCS below NumCPU (Go's cgroup-aware default never goes under 2). Opt-in: --env 'vm-*'.
  { id: 'vm-go-1.24', image: 'go-1.24', label: 'linux/amd64 · QEMU VM, 4 vCPUs · Debian go1.24', os: 'linux', arch: 'amd64', goMinor: 24, compiler: 'gc', build: 'image', runner: 'direct', host: 'vm' },
  { id: 'vm-go-1.27', image: 'go-1.27', label: 'linux/amd64 · QEMU VM, 4 vCPUs · Debian go1.27', os: 'linux', arch: 'amd64', goMinor: 27, compiler: 'gc', build: 'image', runner: 'direct', host: 'vm' },
];

/** What runs with no --env: everything but the VM tier, which is slow and needs QEMU. */
export const DEFAULT_CONVERGE_ENVIRONMENTS = CONVERGE_ENVIRONMENTS.filter((e) => e.host !== 'vm');
