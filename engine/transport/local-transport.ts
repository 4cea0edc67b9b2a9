import { constants as fsc, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { ExecOptions, ExecResult, FileBytes, FileStat, Platform, TargetOS, Transport, UploadFile } from './transport.js';
import { killProcessTree } from './kill-process-tree.js';
import { goArch } from './go-arch.js';

/**
 * Where the engine makes its temp dirs when set (else the OS temp dir). Inside mode points it into the dir it uploaded
 * the engine to, so removing that one dir after a stopped run removes whatever the engine could not. Not GO-prefixed,
 * so the environment probe ignores it.
 */
export const SCRATCH_DIR_VAR = '_GOVERITY_SCRATCH';

/** This machine, seen as the user's own shell sees it. */
export class LocalTransport implements Transport {
  readonly target = 'local';
  readonly isContainer = false;
  readonly leaveAsFound = false;
  readonly #tempDirs = new Set<string>();

  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  async platform(): Promise<Platform> {
    const osName: TargetOS =
      (['linux', 'darwin', 'windows', 'freebsd'] as const).find((o) => o === (process.platform === 'win32' ? 'windows' : process.platform)) ?? 'unknown';
    return { os: osName, arch: goArch(process.arch) };
  }

  async environment(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.env)) if (v !== undefined) out[k] = v;
    return out;
  }

  async exec(argv: string[], options: ExecOptions): Promise<ExecResult> {
    const env: Record<string, string> = await this.environment();
    for (const [k, v] of Object.entries(options.env ?? {})) {
      // Windows variable names are case-insensitive: an override of GOROOT must replace a user's "Goroot".
      if (process.platform === 'win32') for (const key of Object.keys(env)) if (key.toUpperCase() === k.toUpperCase()) delete env[key];
      if (v === null) delete env[k];
      else env[k] = v;
    }
    const started = performance.now();
    const [file, ...args] = argv;
    if (!file) throw new Error('exec: empty argv');
    // Own process group, so a timeout or flood kills everything the command spawned (go runs compile, link, cc...).
    const child = execa(file, args, {
      env,
      extendEnv: false,
      cwd: options.cwd,
      reject: false,
      stdin: 'ignore',
      detached: process.platform !== 'win32',
      windowsHide: true,
      maxBuffer: options.maxBytes,
      encoding: 'utf8',
      stripFinalNewline: false,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killProcessTree(child.pid);
    }, options.timeoutMs);
    // Done when the process exits, as docker exec sees it: children it left in the background holding stdout or
    // stderr would keep the pipes (and this call) open until the timeout. Output already written stays readable.
    let lingering: NodeJS.Timeout | undefined;
    child.once('exit', () => {
      lingering = setTimeout(() => child.pid && killProcessTree(child.pid), 100);
    });
    const r = await child;
    clearTimeout(timer);
    clearTimeout(lingering);
    const truncated = Boolean(r.isMaxBuffer);
    if ((truncated || timedOut) && child.pid) killProcessTree(child.pid);
    const spawnError = r.failed && r.exitCode === undefined && !r.signal && !timedOut && !truncated ? (r.originalMessage ?? r.shortMessage) : null;
    return {
      argv,
      exitCode: r.exitCode ?? null,
      stdout: typeof r.stdout === 'string' ? r.stdout : '',
      stderr: typeof r.stderr === 'string' ? r.stderr : '',
      timedOut,
      truncated,
      spawnError: spawnError ?? null,
      durationMs: Math.round(performance.now() - started),
    };
  }

  async lstat(p: string): Promise<FileStat | null> {
    try {
      const st = await fs.lstat(p);
      const type = st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
      return { path: p, type, mode: st.mode & 0o777, size: st.size, linkTarget: type === 'symlink' ? await fs.readlink(p) : null };
    } catch {
      return null;
    }
  }

  async readFile(p: string, maxBytes: number): Promise<FileBytes | null> {
    let fh: fs.FileHandle | undefined;
    try {
      fh = await fs.open(p, 'r');
      const { size } = await fh.stat();
      const buf = Buffer.alloc(Math.min(size, maxBytes));
      let off = 0;
      while (off < buf.length) {
        const { bytesRead } = await fh.read(buf, off, buf.length - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return { bytes: buf.subarray(0, off), size };
    } catch {
      return null;
    } finally {
      await fh?.close();
    }
  }

  async readDir(p: string): Promise<string[] | null> {
    try {
      return (await fs.readdir(p)).sort();
    } catch {
      return null;
    }
  }

  async writable(p: string): Promise<boolean | null> {
    try {
      await fs.access(p, fsc.W_OK);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : false;
    }
  }

  async makeTempDir(files: Record<string, string>): Promise<string> {
    const dir = await fs.mkdtemp(path.join(process.env[SCRATCH_DIR_VAR] || os.tmpdir(), 'goverity-'));
    this.#tempDirs.add(dir);
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(dir, rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
    }
    return dir;
  }

  async upload(files: UploadFile[]): Promise<string> {
    for (const f of files)
      if (!f.name || f.name.includes(path.sep) || f.name.includes('/') || f.name === '.' || f.name === '..')
        throw new Error(`upload: "${f.name}" is not a plain file name`);
    const dir = await this.makeTempDir({});
    for (const f of files) {
      await fs.copyFile(f.hostPath, path.join(dir, f.name));
      await fs.chmod(path.join(dir, f.name), f.mode);
    }
    return dir;
  }

  async removeTree(p: string): Promise<void> {
    // Go's module cache makes files read-only; chmod first so rm can't fail halfway.
    await fs.rm(p, { recursive: true, force: true, maxRetries: 2 }).catch(async () => {
      await makeWritable(p);
      await fs.rm(p, { recursive: true, force: true });
    });
    this.#tempDirs.delete(p);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    for (const dir of [...this.#tempDirs]) await this.removeTree(dir).catch(() => undefined);
  }
}

async function makeWritable(p: string): Promise<void> {
  const st = await fs.lstat(p).catch(() => null);
  if (!st || st.isSymbolicLink()) return;
  await fs.chmod(p, st.mode | 0o700).catch(() => undefined);
  if (st.isDirectory()) for (const e of await fs.readdir(p)) await makeWritable(path.join(p, e));
}
