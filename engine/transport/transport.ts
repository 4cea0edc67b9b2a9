export type TargetOS = 'linux' | 'darwin' | 'windows' | 'freebsd' | 'unknown';

export interface Platform {
  os: TargetOS;
  /** GOARCH spelling: amd64, arm64, 386, arm, ... */
  arch: string;
}

export interface ExecOptions {
  /** Overrides on top of the target's own environment; `null` unsets the variable. */
  env?: Record<string, string | null>;
  cwd?: string;
  timeoutMs: number;
  /** Cap on stdout and stderr, each; the process is killed once a stream passes it. */
  maxBytes: number;
}

export interface ExecResult {
  argv: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** An output stream passed maxBytes and the process was cut off. */
  truncated: boolean;
  /** The process could not be started at all (ENOENT, EACCES, ENOEXEC), as the OS said it. */
  spawnError: string | null;
  durationMs: number;
}

export type FileType = 'file' | 'dir' | 'symlink' | 'other';

export interface FileStat {
  path: string;
  type: FileType;
  /** Permission bits (0o777 part). */
  mode: number;
  size: number;
  /** For a symlink: its own target, exactly as stored (one hop, not resolved). */
  linkTarget: string | null;
}

export interface FileBytes {
  bytes: Uint8Array;
  /** The size on disk; larger than bytes.length when the read was capped. */
  size: number;
}

/**
 * Everything the probes may do to a target. Implementations bound every call in time and bytes,
 * and leave nothing running or written behind once disposed.
 */
export interface Transport extends AsyncDisposable {
  readonly target: string;
  /** The target is a container (the transport knows it by construction). */
  readonly isContainer: boolean;
  /** The target must be left exactly as found (someone else's container): builds get a throwaway GOCACHE. */
  readonly leaveAsFound: boolean;
  platform(): Promise<Platform>;
  /** The environment a user's shell on the target starts with. */
  environment(): Promise<Record<string, string>>;
  exec(argv: string[], options: ExecOptions): Promise<ExecResult>;
  lstat(path: string): Promise<FileStat | null>;
  readFile(path: string, maxBytes: number): Promise<FileBytes | null>;
  readDir(path: string): Promise<string[] | null>;
  /** Whether the target's user may write there; null when the target can't tell. */
  writable(path: string): Promise<boolean | null>;
  /** A fresh private directory holding these files (relative path → content); removed on dispose at the latest. */
  makeTempDir(files: Record<string, string>): Promise<string>;
  removeTree(path: string): Promise<void>;
  /**
   * Copies host files (binaries too) into a fresh private directory on the target and returns it;
   * removed on dispose at the latest. Only transports that can host a bundled engine ("inside" mode) have it.
   */
  upload?(files: UploadFile[]): Promise<string>;
}

export interface UploadFile {
  /** File name inside the directory upload() makes (no slashes). */
  name: string;
  hostPath: string;
  mode: number;
}
