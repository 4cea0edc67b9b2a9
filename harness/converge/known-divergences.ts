import type { ConvergeEnvironment } from './converge-environment.js';

/** A divergence understood and sourced: when it applies, and what the environment is then expected to show. */
export interface KnownDivergence {
  behaviour: string;
  applies: (env: ConvergeEnvironment) => boolean;
  /** The value the environment shows because of it (a cell with another value stays unexplained). */
  holds: (value: string) => boolean;
  explanation: string;
  link: string;
}

const windows = (e: ConvergeEnvironment) => e.os === 'windows';
const is =
  (...values: string[]) =>
  (v: string) =>
    values.includes(v);
const FILEPATH = 'https://pkg.go.dev/path/filepath';
/** GOMAXPROCS under a 1-CPU quota, as printed by the cpu probe ("P (NumCPU N)"), is the cgroup-aware default. */
function quotaLowered(value: string): boolean {
  const m = /^(\d+) \(NumCPU (\d+)\)$/.exec(value);
  // The runtime takes min(NumCPU, max(ceil(limit), 2)): runtime.adjustCgroupGOMAXPROCS, go.dev/issue/73193.
  return !!m && Number(m[1]) === Math.min(Number(m[2]), 2);
}
/** Go 1.25 made the default GOMAXPROCS follow the cgroup CPU limit on Linux. */
const quotaAware = (e: ConvergeEnvironment) => e.os === 'linux' && e.compiler === 'gc' && (e.goMinor ?? 0) >= 25;

/** Every divergence the matrix may show and why; a divergent cell that matches none is flagged as unexplained. */
export const KNOWN_DIVERGENCES: KnownDivergence[] = [
  {
    behaviour: 'filepath.FromSlash',
    applies: windows,
    holds: is('a\\b'),
    explanation: 'filepath uses the OS separator: \\ on Windows, so every / becomes \\.',
    link: `${FILEPATH}#FromSlash`,
  },
  {
    behaviour: 'filepath.ToSlash',
    applies: windows,
    holds: is('a/b'),
    explanation: 'ToSlash replaces the OS separator; on Unix \\ is an ordinary file-name character and stays.',
    link: `${FILEPATH}#ToSlash`,
  },
  {
    behaviour: 'filepath.Join',
    applies: windows,
    holds: is('a\\c'),
    explanation: 'Join cleans and joins with the OS separator (\\ on Windows).',
    link: `${FILEPATH}#Join`,
  },
  {
    behaviour: 'filepath.Clean',
    applies: windows,
    holds: is('\\a\\b'),
    explanation: 'Clean rewrites every separator to the OS one: \\a\\b on Windows.',
    link: `${FILEPATH}#Clean`,
  },
  {
    behaviour: 'filepath.VolumeName',
    applies: windows,
    holds: is('C:'),
    explanation: 'Only Windows paths have volume names (drive letters, UNC shares); elsewhere it is "".',
    link: `${FILEPATH}#VolumeName`,
  },
  {
    behaviour: 'filepath.IsAbs',
    applies: windows,
    holds: is('false'),
    explanation: 'On Windows a path needs a volume to be absolute: /a is rooted on the current drive, not absolute.',
    link: `${FILEPATH}#IsAbs`,
  },
  {
    behaviour: 'os.PathSeparator',
    applies: windows,
    holds: is('\\'),
    explanation: 'The OS path separator: \\ on Windows.',
    link: 'https://pkg.go.dev/os#PathSeparator',
  },
  {
    behaviour: 'os.PathListSeparator',
    applies: windows,
    holds: is(';'),
    explanation: 'PATH-style lists are ;-separated on Windows (drive letters use :).',
    link: 'https://pkg.go.dev/os#PathListSeparator',
  },
  {
    behaviour: 'filepath.WalkDir',
    applies: windows,
    holds: is('a a\\x.txt a-b a-b\\y.txt a.txt b.txt'),
    explanation: 'Windows names ignore case, so B.txt reopened b.txt (one file, not two), and WalkDir joins with \\; the lexical order is the same.',
    link: `${FILEPATH}#WalkDir`,
  },
  {
    behaviour: 'exec.LookPath go',
    applies: windows,
    holds: is('go.exe'),
    explanation: 'On Windows LookPath tries each PATHEXT extension, so "go" finds go.exe.',
    link: 'https://pkg.go.dev/os/exec#LookPath',
  },
  {
    behaviour: 'exec.LookPath PATHEXT .BAT;.EXE',
    applies: windows,
    holds: is('tool.bat'),
    explanation:
      'On Windows LookPath tries the PATHEXT extensions in order and never an extensionless file: .BAT first finds tool.bat. Elsewhere PATHEXT means nothing.',
    link: 'https://pkg.go.dev/os/exec#LookPath',
  },
  {
    behaviour: 'exec.LookPath PATHEXT .EXE;.BAT',
    applies: windows,
    holds: is('tool.exe'),
    explanation: 'On Windows LookPath tries the PATHEXT extensions in order: .EXE first finds tool.exe. Elsewhere PATHEXT means nothing.',
    link: 'https://pkg.go.dev/os/exec#LookPath',
  },
  {
    behaviour: 'exec.LookPath via cwd',
    applies: (e) => e.compiler === 'gccgo',
    holds: is('here'),
    explanation: "gccgo-12 ships Go 1.18's library: a program found through the working directory is returned. Go 1.19 refuses it with exec.ErrDot.",
    link: 'https://go.dev/doc/go1.19#os-exec-path',
  },
  {
    behaviour: 'signal INT',
    applies: windows,
    holds: is('unsupported'),
    explanation: 'Under Wine with no console attached (docker exec, no TTY) GenerateConsoleCtrlEvent is refused, so Ctrl+C cannot be raised.',
    link: 'https://learn.microsoft.com/en-us/windows/console/generateconsolectrlevent',
  },
  {
    behaviour: 'signal TERM',
    applies: windows,
    holds: is('unsupported'),
    explanation: 'Windows has no SIGTERM to send; Go raises it only for console close, logoff and shutdown events.',
    link: 'https://pkg.go.dev/os/signal#hdr-Windows',
  },
  {
    behaviour: 'runtime.GOMAXPROCS --cpus 1',
    applies: quotaAware,
    holds: quotaLowered,
    explanation:
      'Go 1.25: on Linux the default GOMAXPROCS follows the cgroup CPU limit, rounded up and never below 2, for modules whose go line is 1.25 or later; a 1-CPU quota gives min(NumCPU, 2).',
    link: 'https://go.dev/doc/go1.25#container-aware-gomaxprocs',
  },
  {
    behaviour: 'runtime.GOMAXPROCS --cpus 1',
    applies: (e) => !quotaAware(e),
    holds: is('= NumCPU'),
    explanation: 'Before Go 1.25 (and off Linux, and in gccgo) GOMAXPROCS is NumCPU and ignores a CPU quota.',
    link: 'https://go.dev/doc/go1.25#container-aware-gomaxprocs',
  },
  {
    behaviour: 'runtime.Compiler',
    applies: (e) => e.compiler === 'gccgo',
    holds: is('gccgo'),
    explanation: "gccgo is a different compiler and runtime (GCC's), and says so.",
    link: 'https://pkg.go.dev/runtime#Compiler',
  },
  {
    behaviour: 'build CGO_ENABLED',
    applies: (e) => e.build === 'cross',
    holds: is('0'),
    explanation: "cgo is off by default when cross-compiling (GOOS/GOARCH differ from the host's).",
    link: 'https://pkg.go.dev/cmd/cgo',
  },
  {
    behaviour: 'build CGO_ENABLED',
    applies: windows,
    holds: is('0'),
    explanation: 'Since Go 1.20 cgo is off by default when no C compiler is found (the Windows image has none).',
    link: 'https://go.dev/doc/go1.20#cgo',
  },
  {
    behaviour: 'go.mod toolchain (absent)',
    applies: (e) => e.compiler === 'gccgo' || (e.goMinor ?? 0) < 21,
    holds: is('ignored'),
    explanation: "Toolchain selection arrived in Go 1.21: an older go command (and gccgo-12's, from Go 1.18) ignores the toolchain line and runs itself.",
    link: 'https://go.dev/doc/go1.21#tools',
  },
  {
    behaviour: 'go.mod toolchain (local)',
    applies: (e) => !!e.toolchainSwitch,
    holds: is('switched'),
    explanation: 'GOTOOLCHAIN=auto runs the go.mod toolchain when it is newer, taking a goX.Y.Z program on PATH before any download.',
    link: 'https://go.dev/doc/toolchain#select',
  },
];
/** The first known divergence that explains this environment showing this value. */
export function explainDivergence(
  behaviour: string,
  env: ConvergeEnvironment,
  value: string,
  known: readonly KnownDivergence[] = KNOWN_DIVERGENCES,
): KnownDivergence | null {
  return known.find((k) => k.behaviour === behaviour && k.applies(env) && k.holds(value)) ?? null;
}
