/** How a probe binary gets built and run in one environment. */
export interface ConvergeEnvironment {
  /** Column id in the matrix and the `--env` glob's subject. */
  id: string;
  /** Catalog image id (harness/images/image-catalog.ts). */
  image: string;
  /** What a reader sees as the column's heading: the platform and how it is reached. */
  label: string;
  os: 'linux' | 'windows';
  arch: 'amd64' | 'arm64';
  /** Go minor release of the toolchain that builds the probe (gccgo: null, it implements no release). */
  goMinor: number | null;
  compiler: 'gc' | 'gccgo';
  /**
   * native: the environment's own go builds the probes; cross: a Linux go builds them for this GOOS/GOARCH;
   * image: the same image's go builds them in a container, and they run in the VM (a std compile under software
   * emulation would take minutes).
   */
  build: 'native' | 'cross' | 'image';
  /** Where it runs: a container (under Wine for Windows), or a VM of the same image (the VM tier, opt-in: slow). */
  host: 'container' | 'vm';
  /** How the probe binary is started: directly, under qemu-user, or under Wine's cmd. */
  runner: 'direct' | 'qemu-aarch64' | 'wine';
  /**
   * The go.mod toolchain probe: the older go to run (a path) and the newer local toolchain its go.mod names
   * (a GOROOT whose VERSION gives the name). Absent where the environment has only one toolchain.
   */
  toolchainSwitch?: { from: string; toGoroot: string };
}
