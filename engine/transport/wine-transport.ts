import path from 'node:path';
import type Dockerode from 'dockerode';
import { DockerTransport } from './docker-transport.js';
import { parseWindowsEnv } from './parse-windows-env.js';
import { TargetError } from './target-error.js';
import type { ExecOptions, ExecResult, FileBytes, FileStat, Platform, Transport } from './transport.js';
import { wineBatch } from './wine-batch.js';
import { WineDrives } from './wine-drives.js';

/** Writes the batch file, runs it under Wine's cmd, removes it; the status is the batch's (the program's). */
const RUN_BATCH = 'printf "%s" "$2" > "$1" || exit 125; wine cmd /d /c "$3"; rc=$?; rm -f "$1"; exit $rc';

/** cmd's "not recognized" (Windows) / "Can't recognize" (Wine) status 9009, as the 8 bits a Unix exit status keeps. */
const NOT_FOUND_STATUS = 9009 & 0xff;
const NOT_FOUND_MESSAGE = /(is not recognized|can't recognize) .*(internal or external command)/i;

interface WineSetup {
  prefix: string;
  drives: WineDrives;
  /** A private Unix directory for batch files; also Wine's XDG_RUNTIME_DIR (it must be 0700). */
  scratch: string;
  wineEnv: Record<string, string>;
  /** Variables this process was started with that the registry doesn't give (PROCESS_ENV_FILE); empty on a real prefix. */
  processEnv: Record<string, string>;
}

/**
 * Wine starts every program with the registry's environment, so it has no process that was started before the registry
 * changed (an IDE left open, a service with its own PATH). An image stands one in by naming, in this Linux variable, a file
 * of NAME=VALUE lines that every command of the target gets as its environment: an emulation, for scenarios only.
 */
export const PROCESS_ENV_FILE = 'GOVERITY_WINE_PROCESS_ENV';

/**
 * A Linux target (a container) presented as the Windows that Wine runs in it: Windows paths, the Windows
 * environment as cmd sees it, and Windows programs run through `wine cmd` with a batch file that applies the
 * environment overrides and working directory. Files are reached through the Linux transport it wraps.
 */
export class WineTransport implements Transport {
  readonly isContainer: boolean;
  #setup?: Promise<WineSetup>;
  #env?: Promise<Record<string, string>>;
  #batches = 0;
  /** Directory listings for case-insensitive lookups (Windows names ignore case; the Unix tree does not). */
  readonly #listings = new Map<string, Promise<string[] | null>>();

  constructor(
    readonly inner: Transport,
    readonly target: string,
  ) {
    this.isContainer = inner.isContainer;
  }

  get leaveAsFound(): boolean {
    return this.inner.leaveAsFound;
  }

  async platform(): Promise<Platform> {
    return { os: 'windows', arch: (await this.inner.platform()).arch };
  }

  #ready(): Promise<WineSetup> {
    this.#setup ??= (async () => {
      const linuxEnv = await this.inner.environment();
      const prefix = linuxEnv.WINEPREFIX || path.posix.join(linuxEnv.HOME || '/root', '.wine');
      const [scratch, drives] = await Promise.all([this.inner.makeTempDir({}), this.#readDrives(prefix)]);
      const wineEnv = { WINEPREFIX: prefix, WINEDEBUG: '-all', XDG_RUNTIME_DIR: scratch };
      // wineserver exits 3 s after its last client, and a cold start costs seconds per command (8.4 s against 0.5 s,
      // measured in wine-go-1.24): keep it up for 30 s of idleness; it goes by itself after that (https://gitlab.winehq.org/wine/wine/-/wikis/Man-Pages/wineserver).
      await this.inner
        .exec(['sh', '-c', 'wineserver -p30 </dev/null >/dev/null 2>&1'], { env: wineEnv, timeoutMs: 30_000, maxBytes: 4096 })
        .catch(() => undefined);
      const file = linuxEnv[PROCESS_ENV_FILE] ? await this.inner.readFile(linuxEnv[PROCESS_ENV_FILE], 64 << 10) : null;
      const processEnv = Object.fromEntries(
        (file ? new TextDecoder().decode(file.bytes) : '')
          .split(/\r?\n/)
          .map((l) => /^([A-Za-z_][\w()]*)=(.*)$/.exec(l))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => [m[1]!, m[2]!]),
      );
      return { prefix, drives, scratch, wineEnv, processEnv };
    })();
    return this.#setup;
  }

  async #readDrives(prefix: string): Promise<WineDrives> {
    const dir = path.posix.join(prefix, 'dosdevices');
    const names = (await this.inner.readDir(dir)) ?? [];
    const links: Record<string, string> = {};
    await Promise.all(
      names
        .filter((n) => /^[a-z]:$/i.test(n))
        .map(async (n) => {
          const st = await this.inner.lstat(path.posix.join(dir, n));
          if (st?.linkTarget) links[n] = st.linkTarget;
        }),
    );
    return Object.keys(links).length ? WineDrives.fromDosdevices(prefix, links) : WineDrives.defaults(prefix);
  }

  /** The environment a Windows user's cmd starts with: the registry's variables over what Wine passes on. */
  environment(): Promise<Record<string, string>> {
    this.#env ??= (async () => {
      const r = await this.exec(['cmd.exe', '/d', '/c', 'set'], { timeoutMs: 60_000, maxBytes: 1 << 20 });
      if (r.exitCode !== 0) {
        const why = r.timedOut ? 'timed out' : r.spawnError || r.stderr.trim().split('\n')[0] || `exit status ${r.exitCode}`;
        throw new TargetError(`Wine did not run cmd in ${this.target} (${why}): the image needs wine on PATH and a prefix (wineboot --init)`);
      }
      return parseWindowsEnv(r.stdout);
    })();
    return this.#env;
  }

  async exec(argv: string[], options: ExecOptions): Promise<ExecResult> {
    const { drives, scratch, wineEnv, processEnv } = await this.#ready();
    const batch = path.posix.join(scratch, `run-${++this.#batches}.bat`);
    const script = wineBatch(argv, { ...processEnv, ...options.env }, options.cwd);
    const r = await this.inner.exec(['sh', '-c', RUN_BATCH, 'sh', batch, script, drives.toWindows(batch) ?? batch], {
      env: wineEnv,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
    });
    const notFound = r.exitCode === NOT_FOUND_STATUS && NOT_FOUND_MESSAGE.test(r.stderr);
    return {
      ...r,
      argv,
      stderr: notFound ? '' : r.stderr,
      spawnError: r.spawnError ?? (notFound ? r.stderr.trim() : null),
    };
  }

  /** The Unix path behind a Windows path, matched without regard to case when the exact spelling is not there. */
  async #resolve(windowsPath: string): Promise<string | null> {
    const { drives } = await this.#ready();
    const exact = drives.toUnix(windowsPath);
    if (exact === null || (await this.inner.lstat(exact))) return exact;
    return (await this.#matchCase(drives, windowsPath)) ?? exact;
  }

  async #matchCase(drives: WineDrives, windowsPath: string): Promise<string | null> {
    const root = drives.toUnix(windowsPath.slice(0, windowsPath.indexOf(':') + 1));
    const exact = drives.toUnix(windowsPath);
    if (root === null || exact === null) return null;
    let cur = root;
    for (const part of path.posix.relative(root, exact).split('/').filter(Boolean)) {
      const names = await this.#list(cur);
      const hit = names?.find((n) => n === part) ?? names?.find((n) => n.toLowerCase() === part.toLowerCase());
      if (!hit) return null;
      cur = path.posix.join(cur, hit);
    }
    return cur;
  }

  #list(dir: string): Promise<string[] | null> {
    let hit = this.#listings.get(dir);
    if (!hit) this.#listings.set(dir, (hit = this.inner.readDir(dir)));
    return hit;
  }

  /** Wine follows Unix symlinks like hard paths, so Windows sees what they lead to (a dangling one: nothing). */
  async lstat(windowsPath: string): Promise<FileStat | null> {
    let cur = await this.#resolve(windowsPath);
    for (let hops = 0; cur !== null && hops <= 40; hops++) {
      const st = await this.inner.lstat(cur);
      if (!st) return null;
      if (st.type !== 'symlink' || st.linkTarget === null) return { ...st, path: windowsPath, linkTarget: null };
      cur = path.posix.resolve(path.posix.dirname(cur), st.linkTarget);
    }
    return null;
  }

  async readFile(windowsPath: string, maxBytes: number): Promise<FileBytes | null> {
    const unix = await this.#resolve(windowsPath);
    return unix === null ? null : this.inner.readFile(unix, maxBytes);
  }

  async readDir(windowsPath: string): Promise<string[] | null> {
    const unix = await this.#resolve(windowsPath);
    return unix === null ? null : this.inner.readDir(unix);
  }

  async writable(windowsPath: string): Promise<boolean | null> {
    const unix = await this.#resolve(windowsPath);
    return unix === null ? null : this.inner.writable(unix);
  }

  /** A private directory on the Unix side, which Windows sees through its drive (Z:\tmp\... in a container). */
  async makeTempDir(files: Record<string, string>): Promise<string> {
    const { drives } = await this.#ready();
    const dir = await this.inner.makeTempDir(files);
    const windows = drives.toWindows(dir);
    if (windows === null) {
      await this.inner.removeTree(dir);
      throw new Error(`${dir} is on no Wine drive`);
    }
    return windows;
  }

  async removeTree(windowsPath: string): Promise<void> {
    const { drives } = await this.#ready();
    const unix = drives.toUnix(windowsPath);
    if (unix !== null) await this.inner.removeTree(unix);
  }

  /** Ends the prefix's wineserver (and with it every Windows process still running), then the Linux side. */
  async [Symbol.asyncDispose](): Promise<void> {
    try {
      const setup = await this.#setup?.catch(() => undefined);
      if (setup && !this.leaveAsFound)
        await this.inner.exec(['wineserver', '-k'], { env: setup.wineEnv, timeoutMs: 10_000, maxBytes: 4096 }).catch(() => undefined);
      if (setup) await this.inner.removeTree(setup.scratch).catch(() => undefined);
    } finally {
      await this.inner[Symbol.asyncDispose]();
    }
  }

  /** A fresh container from a Wine image (network none), verified as the Windows inside it, always removed. */
  static async fromImage(docker: Dockerode, image: string, labels: Record<string, string> = {}): Promise<WineTransport> {
    const inner = await DockerTransport.fromImage(docker, image, { 'goverity.target': 'wine-image', ...labels });
    return new WineTransport(inner, `wine-image:${image}`);
  }
}
