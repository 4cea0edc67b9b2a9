import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Header } from 'tar';
import { isHelperExecError } from './helper-exec-error.js';
import { goArch } from './go-arch.js';
import { shellJoin, shellQuote } from './shell-quote.js';
import { spawnRunner, type SshRunner, type SshRunResult } from './ssh-runner.js';
import { packFiles } from './tar-files.js';
import { listDirByLs, writableByTest } from './posix-file-queries.js';
import { TargetError } from './target-error.js';
import type { ExecOptions, ExecResult, FileBytes, FileStat, Platform, TargetOS, Transport, UploadFile } from './transport.js';

export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
  /** Private key file; the target's sshd must accept it. */
  identityFile: string;
}

/** stderr of a cwd the target could not enter: the same "could not start" a local spawn reports. */
const CHDIR_MARK = 'goverity-ssh: cannot enter directory ';
const SMALL = { timeoutMs: 20_000, maxBytes: 1 << 20 };

/**
 * A machine driven over SSH (a VM: 127.0.0.1 and a forwarded port). Every command is one shell line run
 * by the user's login shell, the argv quoted word by word, bounded by `timeout -s KILL` on the target and
 * by a client-side deadline and byte caps here. One multiplexed connection carries every command.
 */
export class SshTransport implements Transport {
  readonly isContainer = false;
  readonly leaveAsFound = false;
  readonly target: string;
  readonly #run: SshRunner;
  readonly #tempDirs = new Set<string>();
  readonly #controlDir: string | null;
  readonly #endpoint: SshEndpoint | null;
  #env?: Promise<Record<string, string>>;

  /**
   * `runner` replaces ssh (unit tests run the command lines in a local shell). `controlDir` (made and removed
   * here) holds the control socket and known_hosts; by default a fresh one in the system temp dir.
   */
  constructor(endpoint: SshEndpoint, target: string, runner?: SshRunner, controlDir?: string) {
    this.target = target;
    if (runner) {
      this.#run = runner;
      this.#controlDir = null;
      this.#endpoint = null;
    } else {
      // A unix socket path must stay short (108 bytes): a long controlDir falls back to the system temp dir.
      if (controlDir && controlDir.length < 90) {
        mkdirSync(controlDir, { recursive: true, mode: 0o700 });
        this.#controlDir = controlDir;
      } else {
        this.#controlDir = mkdtempSync(path.join(os.tmpdir(), 'goverity-ssh-'));
      }
      this.#endpoint = endpoint;
      this.#run = spawnRunner('ssh', sshArgs(endpoint, this.#controlDir));
    }
  }

  async platform(): Promise<Platform> {
    const r = await this.exec(['uname', '-s', '-m'], SMALL);
    const [kernel = '', machine = ''] = r.stdout.trim().split(/\s+/);
    const osName = (['linux', 'darwin', 'freebsd'] as const).find((o) => o === kernel.toLowerCase()) ?? ('unknown' as TargetOS);
    return { os: osName, arch: goArch(machine || 'unknown') };
  }

  environment(): Promise<Record<string, string>> {
    this.#env ??= this.exec(['env', '-0'], SMALL).then((r) => parseEnv0(r.exitCode === 0 ? r.stdout : ''));
    return this.#env;
  }

  async exec(argv: string[], options: ExecOptions): Promise<ExecResult> {
    if (argv.length === 0) throw new Error('exec: empty argv');
    const r = await this.#runChecked(remoteCommand(argv, options), { timeoutMs: options.timeoutMs + 5_000, maxBytes: options.maxBytes });
    const stdout = r.stdout.toString('utf8');
    let stderr = r.stderr.toString('utf8');
    const elapsed = r.durationMs;
    // timeout(1) -s KILL kills its whole group, itself included: the shell reports 137, ssh 255 (exit by signal).
    const timedOut = r.timedOut || ((r.exitCode === 137 || r.exitCode === 255) && !r.truncated && elapsed >= options.timeoutMs - 50);
    let spawnError: string | null = null;
    if ((r.exitCode === 126 || r.exitCode === 127) && !stdout && isHelperExecError(stderr, argv[0]!)) spawnError = stderr.trim();
    if (r.exitCode === 126 && stderr.startsWith(CHDIR_MARK)) spawnError = stderr.trim();
    if (spawnError) stderr = '';
    return { argv, exitCode: r.exitCode, stdout, stderr, timedOut, truncated: r.truncated, spawnError, durationMs: elapsed };
  }

  async lstat(p: string): Promise<FileStat | null> {
    // %f: raw mode in hex; the link's own target follows on the next lines when it is one.
    const r = await this.#runChecked(`stat -c '%f %s' -- ${shellQuote(p)} && { readlink -- ${shellQuote(p)} || true; }`, SMALL);
    return r.exitCode === 0 ? parseLstat(p, r.stdout.toString('utf8')) : null;
  }

  async readFile(p: string, maxBytes: number): Promise<FileBytes | null> {
    const q = shellQuote(p);
    const r = await this.#runChecked(`stat -L -c '%F/%s' -- ${q} && head -c ${Math.max(0, Math.floor(maxBytes))} -- ${q}`, {
      timeoutMs: 30_000,
      maxBytes: maxBytes + 4096,
    });
    if (r.exitCode !== 0) return null;
    const nl = r.stdout.indexOf(10);
    const [kind = '', size = ''] = r.stdout.subarray(0, nl).toString('utf8').split('/');
    if (nl < 0 || !kind.startsWith('regular')) return null;
    const bytes = r.stdout.subarray(nl + 1, nl + 1 + maxBytes);
    return { bytes: new Uint8Array(bytes), size: Number(size) };
  }

  readDir(p: string): Promise<string[] | null> {
    return listDirByLs((argv, o) => this.exec(argv, o), p);
  }

  writable(p: string): Promise<boolean | null> {
    return writableByTest((argv, o) => this.exec(argv, o), p);
  }

  async makeTempDir(files: Record<string, string>): Promise<string> {
    return this.#untarIntoTemp(packFiles(files));
  }

  async upload(files: UploadFile[]): Promise<string> {
    const blocks: Buffer[] = [];
    for (const f of files) {
      if (f.name.includes('/')) throw new Error(`upload: ${f.name} must be a plain file name`);
      const body = await readFile(f.hostPath);
      const header = Buffer.alloc(512);
      new Header({ path: f.name, mode: f.mode, size: body.length, type: 'File', mtime: new Date(0) }).encode(header, 0);
      blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
    blocks.push(Buffer.alloc(1024));
    return this.#untarIntoTemp(Buffer.concat(blocks));
  }

  async removeTree(p: string): Promise<void> {
    this.#tempDirs.delete(p);
    await this.#run(`rm -rf -- ${shellQuote(p)}`, SMALL).catch(() => undefined);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    for (const dir of [...this.#tempDirs]) await this.removeTree(dir);
    if (this.#controlDir && this.#endpoint) {
      // Stops the background master connection, then drops its socket directory.
      await spawnRunner('ssh', sshArgs(this.#endpoint, this.#controlDir, ['-O', 'exit']))('', { timeoutMs: 5_000, maxBytes: 4096 }).catch(() => undefined);
      rmSync(this.#controlDir, { recursive: true, force: true });
    }
  }

  /** One command (mktemp, then tar reading stdin) makes the directory and fills it. */
  async #untarIntoTemp(archive: Buffer): Promise<string> {
    const r = await this.#runChecked(
      'd=$(mktemp -d /tmp/goverity-XXXXXXXX) && tar -x --no-same-owner -C "$d" && printf %s "$d"',
      { timeoutMs: 120_000, maxBytes: 4096 },
      archive,
    );
    const dir = r.stdout.toString('utf8').trim();
    if (r.exitCode !== 0 || !dir.startsWith('/tmp/goverity-'))
      throw new TargetError(`${this.target}: could not make a temporary directory: ${r.stderr.toString('utf8').trim()}`);
    this.#tempDirs.add(dir);
    return dir;
  }

  /** ssh's own failure (exit 255 with its complaint) means the target is gone: that is not a command's result. */
  async #runChecked(command: string, limits: { timeoutMs: number; maxBytes: number }, stdin?: Buffer): Promise<SshRunResult> {
    const r = await this.#run(command, limits, stdin);
    if (r.exitCode === 255 && isSshClientError(r.stderr.toString('utf8')))
      throw new TargetError(`${this.target}: ssh failed: ${r.stderr.toString('utf8').trim().split('\n')[0]}`);
    return r;
  }
}

/** ssh's options: no config files, the run's key only, a private known_hosts, one multiplexed connection. */
export function sshArgs(e: SshEndpoint, controlDir: string, extra: readonly string[] = []): string[] {
  return [
    '-F',
    'none',
    '-T',
    '-p',
    String(e.port),
    '-i',
    e.identityFile,
    '-l',
    e.user,
    '-o',
    'BatchMode=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    `UserKnownHostsFile=${path.join(controlDir, 'known_hosts')}`,
    '-o',
    'LogLevel=ERROR',
    '-o',
    'ConnectTimeout=10',
    '-o',
    'ServerAliveInterval=15',
    '-o',
    'ControlMaster=auto',
    '-o',
    `ControlPath=${path.join(controlDir, 'cm')}`,
    '-o',
    'ControlPersist=120',
    ...extra,
    e.host,
  ];
}

/** The shell line for one exec: enter cwd, then timeout(1) → env(1) with the overrides → the argv, each word quoted. */
export function remoteCommand(argv: readonly string[], options: ExecOptions): string {
  const envArgs: string[] = [];
  for (const [k, v] of Object.entries(options.env ?? {})) envArgs.push(...(v === null ? ['-u', k] : []));
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== null) envArgs.push(`${k}=${v}`);
  const seconds = Math.max(1, Math.ceil(options.timeoutMs / 1000));
  const run = ['timeout', '-s', 'KILL', String(seconds), ...(envArgs.length ? ['env', ...envArgs] : []), ...argv];
  const enter = options.cwd ? `cd ${shellQuote(options.cwd)} 2>/dev/null || { printf '%s\\n' ${shellQuote(CHDIR_MARK + options.cwd)} >&2; exit 126; }; ` : '';
  return `${enter}exec ${shellJoin(run)}`;
}

export function parseEnv0(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split('\0')) {
    const i = entry.indexOf('=');
    if (i > 0) out[entry.slice(0, i)] = entry.slice(i + 1);
  }
  return out;
}

/** `stat -c '%f %s'` then, for a symlink, readlink's line. */
export function parseLstat(p: string, out: string): FileStat | null {
  const nl = out.indexOf('\n');
  const [hex = '', size = ''] = (nl < 0 ? out : out.slice(0, nl)).trim().split(' ');
  const raw = parseInt(hex, 16);
  if (!Number.isFinite(raw)) return null;
  const fmt = raw & 0o170000;
  const type = fmt === 0o040000 ? 'dir' : fmt === 0o120000 ? 'symlink' : fmt === 0o100000 ? 'file' : 'other';
  const linkTarget = type === 'symlink' && nl >= 0 ? out.slice(nl + 1).replace(/\n$/, '') : null;
  return { path: p, type, mode: raw & 0o777, size: Number(size), linkTarget };
}

function isSshClientError(stderr: string): boolean {
  return /^(ssh: |kex_exchange_identification|Connection (closed|reset|refused|timed out)|mux_client|Control socket|ControlSocket|.*Permission denied \(publickey)/m.test(
    stderr,
  );
}
