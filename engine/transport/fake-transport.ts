import path from 'node:path';
import type { ExecOptions, ExecResult, FileBytes, FileStat, Platform, Transport } from './transport.js';

export type FakeEntry = { type: 'file'; content?: string | Uint8Array; mode?: number } | { type: 'dir'; mode?: number } | { type: 'symlink'; target: string };

/** What a faked command printed, and the files it wrote (a fake `go build` writes its output file). */
export type FakeAnswer = Partial<ExecResult> & { writes?: Record<string, FakeEntry> };

/** Answers a command; `text` reads a file of the fake tree as the command would (its go.mod, say). */
export type FakeExec = (argv: string[], options: ExecOptions, text: (path: string) => string | null) => FakeAnswer | undefined;

/**
 * An in-memory target for unit tests of probes and the runner: a file tree, an environment, and a
 * function that answers commands (unanswered ones fail to start, like a missing program).
 */
export class FakeTransport implements Transport {
  readonly target: string;
  readonly isContainer = false;
  readonly leaveAsFound = false;
  readonly execs: string[][] = [];
  disposed = false;
  readonly #files: Map<string, FakeEntry>;

  constructor(
    files: Record<string, FakeEntry>,
    private readonly env: Record<string, string> = { PATH: '/usr/bin:/bin' },
    private readonly onExec: FakeExec = () => undefined,
    private readonly plat: Platform = { os: 'linux', arch: 'amd64' },
    target = 'fake',
  ) {
    this.target = target;
    this.#files = new Map(Object.entries(files));
    for (const p of [...this.#files.keys()])
      for (let d = path.posix.dirname(p); d !== '/' && !this.#files.has(d); d = path.posix.dirname(d)) this.#files.set(d, { type: 'dir' });
  }

  async platform(): Promise<Platform> {
    return this.plat;
  }

  async environment(): Promise<Record<string, string>> {
    return { ...this.env };
  }

  async exec(argv: string[], options: ExecOptions): Promise<ExecResult> {
    this.execs.push(argv);
    const text = (p: string) => {
      const e = this.#files.get(p);
      return e?.type === 'file' ? Buffer.from(e.content ?? '').toString('utf8') : null;
    };
    const answer = this.onExec(argv, options, text);
    const base: ExecResult = {
      argv,
      exitCode: 127,
      stdout: '',
      stderr: '',
      timedOut: false,
      truncated: false,
      spawnError: `spawn ${argv[0]} ENOENT`,
      durationMs: 1,
    };
    if (!answer) return base;
    const { writes, ...result } = answer;
    for (const [p, entry] of Object.entries(writes ?? {})) this.#files.set(p, entry);
    return { ...base, exitCode: 0, spawnError: null, ...result, argv };
  }

  /** Like the kernel: directories on the way are followed through symlinks, the last component is not. */
  #throughParents(p: string): string {
    const parts = p.split('/').filter(Boolean);
    let cur = '/';
    for (let hops = 0; parts.length > 1; ) {
      const next = path.posix.join(cur, parts.shift()!);
      const e = this.#files.get(next);
      if (e?.type === 'symlink' && hops++ < 40) {
        parts.unshift(...path.posix.resolve(cur, e.target).split('/').filter(Boolean));
        cur = '/';
        continue;
      }
      cur = next;
    }
    return parts.length ? path.posix.join(cur, parts[0]!) : cur;
  }

  async lstat(p: string): Promise<FileStat | null> {
    p = this.#throughParents(p);
    const e = this.#files.get(p);
    if (!e) return null;
    if (e.type === 'symlink') return { path: p, type: 'symlink', mode: 0o777, size: e.target.length, linkTarget: e.target };
    const size = e.type === 'file' ? (typeof e.content === 'string' ? Buffer.byteLength(e.content) : (e.content?.length ?? 0)) : 4096;
    return { path: p, type: e.type, mode: e.mode ?? (e.type === 'dir' ? 0o755 : 0o644), size, linkTarget: null };
  }

  async readFile(p: string, maxBytes: number): Promise<FileBytes | null> {
    let cur = p;
    for (let i = 0; i < 40; i++) {
      const e = this.#files.get(cur);
      if (!e || e.type === 'dir') return null;
      if (e.type === 'symlink') {
        cur = path.posix.resolve(path.posix.dirname(cur), e.target);
        continue;
      }
      const bytes = typeof e.content === 'string' ? Buffer.from(e.content) : Buffer.from(e.content ?? new Uint8Array());
      return { bytes: bytes.subarray(0, maxBytes), size: bytes.length };
    }
    return null;
  }

  async readDir(p: string): Promise<string[] | null> {
    if (this.#files.get(p)?.type !== 'dir') return null;
    const prefix = p === '/' ? '/' : `${p}/`;
    return [...this.#files.keys()]
      .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  async writable(p: string): Promise<boolean | null> {
    const e = this.#files.get(p);
    return e ? ((e.type === 'dir' ? (e.mode ?? 0o755) : 0o644) & 0o200) !== 0 : null;
  }

  async makeTempDir(files: Record<string, string>): Promise<string> {
    const dir = '/tmp/goverity-fake';
    for (const [rel, content] of Object.entries(files)) this.#files.set(path.posix.join(dir, rel), { type: 'file', content });
    return dir;
  }

  async removeTree(p: string): Promise<void> {
    for (const k of [...this.#files.keys()]) if (k === p || k.startsWith(`${p}/`)) this.#files.delete(k);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.disposed = true;
  }
}
