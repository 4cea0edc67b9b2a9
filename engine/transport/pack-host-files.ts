import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Header } from 'tar';
import type { UploadFile } from './transport.js';

/**
 * A tar stream of host files, each under its own name at the top level, read as the stream is consumed:
 * a Node binary is ~100 MB, which should not sit in memory once per concurrent upload.
 */
export async function packHostFiles(files: UploadFile[]): Promise<Readable> {
  const sizes: number[] = [];
  // Every problem that can be known up front is thrown here, before anything is made on the target.
  for (const f of files) {
    if (!f.name || f.name.includes('/') || f.name.includes('\\') || f.name === '.' || f.name === '..')
      throw new Error(`upload: "${f.name}" is not a plain file name`);
    const st = await stat(f.hostPath).catch((e: Error) => {
      throw new Error(`upload: can't read ${f.hostPath}: ${e.message}`);
    });
    if (!st.isFile()) throw new Error(`upload: ${f.hostPath} is not a regular file`);
    sizes.push(st.size);
  }
  return Readable.from(entries(files, sizes));
}

async function* entries(files: UploadFile[], sizes: number[]): AsyncGenerator<Buffer> {
  for (const [i, f] of files.entries()) {
    const size = sizes[i]!;
    const header = Buffer.alloc(512);
    new Header({ path: f.name, mode: f.mode & 0o7777, size, type: 'File', mtime: new Date(0), uid: 0, gid: 0 }).encode(header, 0);
    yield header;
    let sent = 0;
    // Reads exactly the size announced in the header: a file that grew meanwhile is cut there.
    if (size > 0) {
      for await (const chunk of createReadStream(f.hostPath, { end: size - 1 }) as AsyncIterable<Buffer>) {
        sent += chunk.length;
        yield chunk;
      }
    }
    // A file that shrank meanwhile would desynchronise every later header, so the archive fails instead.
    if (sent < size) throw new Error(`upload: ${f.hostPath} changed while it was being copied`);
    const pad = (512 - (size % 512)) % 512;
    if (pad) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(1024);
}
