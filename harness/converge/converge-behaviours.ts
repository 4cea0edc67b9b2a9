/**
 * compare: expected to agree everywhere, so a differing cell is a divergence.
 * identity: names the environment (a version, a GOROOT); shown, never compared.
 */
export type BehaviourKind = 'compare' | 'identity';

export interface Behaviour {
  id: string;
  group: string;
  /** The probe program that answers it (harness/converge/probes/<program>), or `go` for the go command itself. */
  program: string;
  kind: BehaviourKind;
  /** What was asked, as a reader would write it. */
  question: string;
}

/** The matrix's rows, in order; the ids are what the probe programs print. */
export const CONVERGE_BEHAVIOURS: Behaviour[] = [
  { id: 'filepath.FromSlash', group: 'paths', program: 'paths', kind: 'compare', question: 'filepath.FromSlash("a/b")' },
  { id: 'filepath.ToSlash', group: 'paths', program: 'paths', kind: 'compare', question: 'filepath.ToSlash(`a\\b`)' },
  { id: 'filepath.Join', group: 'paths', program: 'paths', kind: 'compare', question: 'filepath.Join("a", "b", "../c")' },
  { id: 'filepath.Clean', group: 'paths', program: 'paths', kind: 'compare', question: 'filepath.Clean("/a//b/./c/..")' },
  { id: 'filepath.VolumeName', group: 'paths', program: 'paths', kind: 'compare', question: 'filepath.VolumeName(`C:\\x`)' },
  { id: 'filepath.IsAbs', group: 'paths', program: 'paths', kind: 'compare', question: 'filepath.IsAbs("/a")' },
  { id: 'os.PathSeparator', group: 'paths', program: 'paths', kind: 'compare', question: 'os.PathSeparator' },
  { id: 'os.PathListSeparator', group: 'paths', program: 'paths', kind: 'compare', question: 'os.PathListSeparator' },
  { id: 'filepath.WalkDir', group: 'paths', program: 'paths', kind: 'compare', question: 'WalkDir order over b.txt B.txt a/x.txt a.txt a-b/y.txt' },
  { id: 'exec.LookPath go', group: 'lookup', program: 'lookpath', kind: 'compare', question: 'exec.LookPath("go") on the environment\'s PATH, base name' },
  {
    id: 'exec.LookPath PATHEXT .BAT;.EXE',
    group: 'lookup',
    program: 'lookpath',
    kind: 'compare',
    question: 'exec.LookPath("tool") beside tool.bat and tool.exe, PATHEXT=.BAT;.EXE',
  },
  { id: 'exec.LookPath PATHEXT .EXE;.BAT', group: 'lookup', program: 'lookpath', kind: 'compare', question: 'the same with PATHEXT=.EXE;.BAT' },
  {
    id: 'exec.LookPath via cwd',
    group: 'lookup',
    program: 'lookpath',
    kind: 'compare',
    question: 'exec.LookPath("here") found only through the working directory',
  },
  {
    id: 'signal INT',
    group: 'signals',
    program: 'signals',
    kind: 'compare',
    question: 'SIGINT / Ctrl+C to a process with signal.Notify(os.Interrupt, SIGTERM)',
  },
  { id: 'signal TERM', group: 'signals', program: 'signals', kind: 'compare', question: 'SIGTERM to the same process' },
  { id: 'runtime.NumCPU', group: 'cpu', program: 'cpu', kind: 'identity', question: "runtime.NumCPU(), no quota (the environment's CPUs)" },
  { id: 'runtime.GOMAXPROCS', group: 'cpu', program: 'cpu', kind: 'compare', question: 'runtime.GOMAXPROCS(0) against NumCPU, no quota' },
  { id: 'runtime.NumCPU --cpus 1', group: 'cpu', program: 'cpu', kind: 'identity', question: 'runtime.NumCPU() under a 1-CPU quota' },
  {
    id: 'runtime.GOMAXPROCS --cpus 1',
    group: 'cpu',
    program: 'cpu',
    kind: 'compare',
    question: 'runtime.GOMAXPROCS(0) against NumCPU under a 1-CPU quota (docker --cpus 1; a cgroup cpu.max in a VM)',
  },
  { id: 'runtime.GOOS/GOARCH', group: 'runtime', program: 'runtimeinfo', kind: 'identity', question: 'runtime.GOOS/runtime.GOARCH' },
  { id: 'runtime.Compiler', group: 'runtime', program: 'runtimeinfo', kind: 'compare', question: 'runtime.Compiler' },
  { id: 'runtime.Version', group: 'runtime', program: 'runtimeinfo', kind: 'identity', question: 'runtime.Version()' },
  { id: 'runtime.GOROOT', group: 'runtime', program: 'runtimeinfo', kind: 'identity', question: 'runtime.GOROOT() (GOROOT unset)' },
  { id: 'debug.ReadBuildInfo', group: 'build', program: 'runtimeinfo', kind: 'compare', question: 'debug.ReadBuildInfo() ok' },
  { id: 'build CGO_ENABLED', group: 'build', program: 'runtimeinfo', kind: 'compare', question: 'CGO_ENABLED in the build info, nothing set (the default)' },
  { id: 'go version', group: 'toolchain', program: 'go', kind: 'identity', question: 'go version in an empty directory' },
  {
    id: 'go.mod toolchain (absent)',
    group: 'toolchain',
    program: 'go',
    kind: 'compare',
    question: 'go version under a go.mod whose toolchain line names go1.99.0, offline',
  },
  {
    id: 'go.mod toolchain (local)',
    group: 'toolchain',
    program: 'go',
    kind: 'compare',
    question: 'the older go, under a go.mod whose toolchain line names the newer local one',
  },
];
