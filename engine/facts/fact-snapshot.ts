import type { BinaryIdentity } from '../binary/binary-identity.js';
import type { ExecResult, FileType, Platform } from '../transport/transport.js';
import type { ProjectFact } from './project-fact.js';

export const FACTS_SCHEMA = 'goverity/facts@1';

/** One step on the way from a PATH entry to the program that really runs. */
export interface Hop {
  path: string;
  type: FileType | 'missing' | 'loop';
  /** How this hop was reached from the previous one. */
  via: 'path' | 'symlink' | 'script';
  linkTarget?: string;
  mode?: number;
  size?: number;
}

/** A file named `go` (or go.exe, go.bat... on Windows) found in a PATH directory. */
export interface GoCandidate {
  /** The PATH entry it was found in, and its position in PATH. */
  dir: string;
  index: number;
  path: string;
  /** The OS would run it (exec bits on Unix; an extension in PATHEXT on Windows). */
  executable: boolean;
  hops: Hop[];
  /** The file at the end of the symlink chain; null when the chain dangles or loops. */
  realpath: string | null;
  identity: BinaryIdentity | null;
  /** The head of a script, when the real file is one (shims and wrappers are scripts). */
  scriptHead: string | null;
  /**
   * A later go on PATH with no Go build info of its own (a shim or wrapper), asked `go env GOVERSION GOROOT`:
   * what it answered, or null when it did not answer. Absent when not asked (the first go, Go binaries).
   */
  goEnvAnswer?: { goVersion: string; goroot: string | null } | null;
}

export type CommandName = 'version' | 'versionLocal' | 'envJson' | 'gorootLocated' | 'compileV' | 'linkV' | 'buildPure' | 'runPure' | 'buildCgo' | 'runCgo';

export interface CommandFact extends ExecResult {
  /** Environment overrides it ran with (null = unset), beyond the target's own. */
  envOverrides: Record<string, string | null>;
  cwd: string | null;
}

export interface EnvFileFact {
  path: string;
  /** null when the file does not exist. */
  content: string | null;
}

export interface GorootFact {
  /** GOROOT as the go command reports it. */
  path: string;
  exists: boolean;
  realpath: string | null;
  /** First line of $GOROOT/VERSION, when present. */
  versionFile: string | null;
  /** Key parts of a toolchain tree, relative to GOROOT → present. */
  parts: Record<string, boolean>;
  /** Identity of the go binary inside this GOROOT (bin/go), when there is one. */
  binary: BinaryIdentity | null;
  binaryPath: string;
  /** The tool dir's compile, link and asm (path relative to GOROOT → identity; null when unreadable). Absent from older snapshots. */
  tools?: Record<string, BinaryIdentity | null>;
}

export interface ManagerFact {
  name: string;
  root: string;
  /** Versions the manager has installed. */
  installed: string[];
  evidence: string[];
}

export interface ToolchainFact {
  root: string;
  version: string | null;
  source: string;
}

export interface ProbeError {
  probe: string;
  message: string;
}

export interface FactSnapshot {
  schema: typeof FACTS_SCHEMA;
  target: string;
  collectedAt: string;
  platform: Platform;
  container: { detected: boolean; evidence: string[] };
  /** Go-relevant variables of the environment the user's shell has (PATH, GO*, CGO_*, CC, HOME...). */
  env: Record<string, string>;
  pathEntries: string[];
  candidates: GoCandidate[];
  commands: Partial<Record<CommandName, CommandFact>>;
  /** `go env -json`, parsed; null when it did not yield JSON. */
  goEnv: Record<string, string> | null;
  /** The GOROOT in effect (from go env, or GOROOT from the environment when go env failed). */
  goroot: GorootFact | null;
  envFiles: { user: EnvFileFact | null; goroot: EnvFileFact | null };
  /** The C compiler go env CC names, looked up on PATH. */
  cc: { name: string; path: string | null } | null;
  writable: Record<string, { path: string; writable: boolean | null }>;
  /** Who owns the resolved go binary in the system package database, if anyone. */
  packageOwner: string | null;
  /** The package database's verdict on the owner's files; absent when no package owns go (or an older engine). */
  packageVerify?: PackageVerifyFact | null;
  /** An official release's GOROOT against the checksum database's hash of its toolchain module; absent when nothing on the machine records that hash (or an older engine). */
  releaseChecksum?: ReleaseChecksumFact | null;
  /** `verify --shell` (on by default for the local target): the user's own login shell, started as a new terminal would. */
  loginShell?: LoginShellFact | null;
  managers: ManagerFact[];
  toolchains: ToolchainFact[];
  online: { proxy: OnlineCheck[]; sumdb: OnlineCheck | null } | null;
  /** `verify --project DIR` only: the toolchain and module mode go build would get in DIR. */
  project?: ProjectFact | null;
  /** Facts that name a failure's cause (work dir, std packages, vet, the C compiler's target). Absent from older snapshots. */
  diagnosis?: DiagnosisFact;
  /** go on PATH has no build info (a wrapper): `$GOROOT/bin/go env -json` asked directly, to compare with the wrapper's answer. */
  behindWrapper?: { binary: string; goEnv: Record<string, string> | null };
  /** This verification's probe programs; absent in snapshots of older engines. */
  probe?: ProbeIdentity;
  /** What `go build` wrote for each probe program, identified from its bytes before it ran; absent when not built (or an older engine). */
  artifacts?: Partial<Record<'pure' | 'cgo', BinaryIdentity | null>>;
  probeErrors: ProbeError[];
  timings: Record<string, number>;
  redactions: string[];
}

/** The package database's check of the toolchain's packages (`dpkg --verify`, `rpm -V`). */
export interface PackageVerifyFact {
  tool: 'dpkg' | 'rpm';
  /** The packages verified: the go binary's owner and those of GOROOT's runtime sources and compiler. */
  packages: string[];
  /** Files whose content differs from what the package installed (digest mismatch); configuration files excluded. */
  changed: string[];
  missing: string[];
  command: CommandFact;
  /**
   * dpkg only: changed files whose present content another installed package records for a file of the same name
   * (a genuine file of another release copied over this one), as changed path → "package:its path". Absent in older snapshots.
   */
  vouchedBy?: Record<string, string>;
}

/**
 * An official release's GOROOT hashed the way Go's checksum database hashes its toolchain module
 * (golang.org/toolchain@v0.0.1-<version>.<goos>-<goarch>, dirhash h1), beside the hashes the module cache records for it.
 */
export interface ReleaseChecksumFact {
  /** golang.org/toolchain@v0.0.1-<version>.<goos>-<goarch>, from $GOROOT/VERSION and go env GOHOSTOS/GOHOSTARCH. */
  module: string;
  /**
   * The hashes recorded for it: go's cached answer of the checksum database, go's .ziphash of the download, and with
   * --online the database's answer fetched now through GOPROXY (path: the URL asked).
   */
  expected: { source: 'sumdb' | 'ziphash' | 'sumdb-online'; path: string; h1: string }[];
  /** --online asked the database and got no record: why (the check then rests on the module cache alone). */
  lookupProblem?: string;
  /** module: GOROOT is that module's tree (a toolchain go switched to); release: a release archive's tree (api, doc, misc, test left out, go.mod named _go.mod). */
  form: 'module' | 'release';
  /** GOROOT's h1; null when it couldn't be hashed (problem says why). */
  h1: string | null;
  files: number;
  problem?: string;
  /** Release form whose h1 differs: the module cache's own tree of that module, hashed to see whether it is the recorded one. */
  copy?: { path: string; h1: string };
  /** When that copy is the recorded one: GOROOT files whose content differs from it, and its files GOROOT lacks (release names). */
  changed?: string[];
  missing?: string[];
}

/** The user's login shell (`$SHELL -l -i -c`, clean environment), what go it resolves and the Go settings it ends up with. */
export interface LoginShellFact {
  /** posix (absent in older snapshots): the login shell was started; windows-registry: the registry's environment was read. */
  kind?: 'posix' | 'windows-registry';
  /** The shell: $SHELL, else the user's passwd entry; null when neither names one. */
  shell: string | null;
  /** Its run; null when it was not started (problem says why). */
  command: CommandFact | null;
  /** PATH inside the shell, after its profiles; null when it printed nothing we asked for. */
  path: string | null;
  /** `command -v go` in the shell, with the file it resolves to and the Go version in that file's own build info. */
  go: { path: string; realpath: string | null; version: string | null } | null;
  /** The Go settings (GOROOT, GOPATH, GOBIN, GOTOOLCHAIN, GOFLAGS, GO111MODULE) set in the shell. */
  vars: Record<string, string>;
  /** Lines of the profiles it reads ($HOME's and /etc's) that set PATH or a Go setting, or start a version manager. */
  profileLines: { file: string; line: number; text: string }[];
  problem?: string;
}

/** One verification's probe programs: a fresh random nonce, in their module paths and in what they print. */
export interface ProbeIdentity {
  nonce: string;
  /** Module path of each program: what the built artifact's Go build info must name. */
  modules: Record<'pure' | 'cgo', string>;
}

export interface OnlineCheck {
  url: string;
  ok: boolean;
  detail: string;
}

/** The directory go makes its work dir in, and what it is. */
export interface WorkDirFact {
  /** The variable that chose it; null for the OS default (/tmp). */
  variable: 'GOTMPDIR' | 'TMPDIR' | 'TMP' | 'TEMP' | null;
  path: string;
  /** A directory (or a symlink to one) exists there. */
  exists: boolean;
  writable: boolean | null;
  /** Its mount carries noexec; null when the mount table could not be read. */
  noexec: boolean | null;
  mountPoint: string | null;
}

export interface DiagnosisFact {
  workDir?: WorkDirFact;
  /** `go list std`. */
  stdList?: CommandFact;
  /** `$GOTOOLDIR/vet` exists. */
  vetPresent?: boolean;
  /** `$CC -dumpmachine`, asked only after a cgo build failed. */
  ccMachine?: CommandFact;
  /** The go.work GOWORK names, when set (content null: no such file). */
  goWork?: EnvFileFact;
}
