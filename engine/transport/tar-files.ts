import { Header, Parser, type ReadEntry } from 'tar';

/** An in-memory tar of regular files (relative path → content), for Docker's putArchive. */
export function packFiles(files: Record<string, string>, mode = 0o644): Buffer {
  const blocks: Buffer[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const body = Buffer.from(content, 'utf8');
    const header = Buffer.alloc(512);
    new Header({ path: rel, mode, size: body.length, type: 'File', mtime: new Date(0), uid: 0, gid: 0 }).encode(header, 0);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export interface TarHead {
  type: string;
  path: string;
  linkpath: string | null;
  size: number;
  mode: number;
  /** The first entry's content, up to the cap. */
  bytes: Uint8Array;
}

/** Reads the first entry of a tar stream, keeping at most maxBytes of its content, then stops reading. */
export function readFirstTarEntry(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxBytes: number): Promise<TarHead | null> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (v: TarHead | null) => {
      if (done) return;
      done = true;
      stream.destroy?.();
      resolve(v);
    };
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        if (done) return entry.resume();
        const chunks: Buffer[] = [];
        let got = 0;
        const head = { type: String(entry.type), path: entry.path, linkpath: entry.linkpath ?? null, size: entry.size ?? 0, mode: entry.mode ?? 0 };
        if (head.type !== 'File' && head.type !== 'OldFile' && head.type !== 'ContiguousFile') {
          entry.resume();
          return finish({ ...head, bytes: new Uint8Array() });
        }
        entry.on('data', (c: Buffer) => {
          if (done) return;
          const take = c.subarray(0, Math.max(0, maxBytes - got));
          chunks.push(take);
          got += take.length;
          if (got >= maxBytes) finish({ ...head, bytes: Buffer.concat(chunks) });
        });
        entry.on('end', () => finish({ ...head, bytes: Buffer.concat(chunks) }));
      },
    });
    parser.on('end', () => finish(null));
    parser.on('error', (e: Error) => (done ? undefined : reject(e)));
    stream.on('error', (e: Error) => (done ? undefined : reject(e)));
    stream.pipe(parser as unknown as NodeJS.WritableStream);
  });
}
