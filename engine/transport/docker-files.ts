import type Dockerode from 'dockerode';
import { readFirstTarEntry } from './tar-files.js';
import type { FileBytes, FileStat } from './transport.js';

// Go's os.FileMode type bits, as Docker's archive stat header reports them.
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

/** What Docker's archive stat header says of a path: Go's FileMode bits, the size, and where a symlink resolves. */
export interface ArchiveStat {
  mode: number;
  size: number;
  resolved: string | null;
}

/** A container's files through the archive API: no exec, so no process starts in the container to read them. */
export class ContainerFiles {
  constructor(private readonly container: Dockerode.Container) {}

  /** The archive API's stat header (HEAD), which follows symlinks; null when the path does not resolve. */
  async stat(path: string): Promise<ArchiveStat | null> {
    try {
      const res = (await this.container.infoArchive({ path })) as unknown as { headers: Record<string, string>; resume?: () => void };
      res.resume?.();
      const raw = res.headers['x-docker-container-path-stat'];
      if (!raw) return null;
      const st = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { mode: number; size: number; linkTarget?: string };
      return { mode: st.mode >>> 0, size: st.size, resolved: st.linkTarget || null };
    } catch {
      return null;
    }
  }

  /** True when the path resolves to an executable file (not a directory). */
  async isExecutableFile(path: string): Promise<boolean> {
    const st = await this.stat(path);
    return st !== null && !hasBit(st.mode, MODE_DIR) && (st.mode & 0o111) !== 0;
  }

  async lstat(path: string): Promise<FileStat | null> {
    const st = await this.stat(path);
    if (!st) return this.#lstatViaArchive(path);
    const type = hasBit(st.mode, MODE_DIR) ? 'dir' : hasBit(st.mode, MODE_SYMLINK) ? 'symlink' : isOther(st.mode) ? 'other' : 'file';
    let linkTarget: string | null = null;
    if (type === 'symlink') linkTarget = (await this.#lstatViaArchive(path))?.linkTarget ?? null;
    return { path, type, mode: st.mode & 0o777, size: st.size, linkTarget };
  }

  /** The archive API lists a symlink as itself (its raw target); a loop makes the stat header fail, this still answers. */
  async #lstatViaArchive(path: string): Promise<FileStat | null> {
    try {
      const stream = (await this.container.getArchive({ path })) as NodeJS.ReadableStream & { destroy: () => void };
      const head = await readFirstTarEntry(stream, 0);
      if (!head) return null;
      const type =
        head.type === 'SymbolicLink' ? 'symlink' : head.type === 'Directory' ? 'dir' : head.type === 'File' || head.type === 'OldFile' ? 'file' : 'other';
      return { path, type, mode: head.mode & 0o777, size: head.size, linkTarget: head.linkpath };
    } catch {
      return null;
    }
  }

  async readFile(path: string, maxBytes: number): Promise<FileBytes | null> {
    const st = await this.stat(path);
    const real = st?.resolved ?? path;
    try {
      const stream = (await this.container.getArchive({ path: real })) as NodeJS.ReadableStream & { destroy: () => void };
      const head = await readFirstTarEntry(stream, maxBytes);
      if (!head || head.type === 'Directory' || head.type === 'SymbolicLink') return null;
      return { bytes: head.bytes, size: head.size };
    } catch {
      return null;
    }
  }
}

function hasBit(mode: number, bit: number): boolean {
  return Math.floor(mode / bit) % 2 === 1;
}

function isOther(mode: number): boolean {
  // named pipe, socket, device, char device, irregular
  return [25, 24, 26, 21, 19].some((b) => hasBit(mode, 2 ** b));
}
