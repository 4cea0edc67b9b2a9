import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import type Dockerode from 'dockerode';
import * as tar from 'tar';

/** Label on every container these tests start, so a crashed run can be cleaned up by label. */
export const TEST_CONTAINER_LABEL = 'org.goverity.test';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs `fn` against a fresh container of `image` with no network (`sleep infinity` as PID 1) and
 * always force-removes the container afterwards, which also ends anything still running in it.
 */
export async function withContainer<T>(docker: Dockerode, image: string, fn: (container: Dockerode.Container) => Promise<T>): Promise<T> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['sleep', 'infinity'],
    Labels: { [TEST_CONTAINER_LABEL]: 'images' },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    return await fn(container);
  } finally {
    await container.remove({ force: true, v: true });
  }
}

/** `docker exec` with an argv (no shell), bounded in time. On timeout the caller removes the container. */
export async function exec(
  docker: Dockerode,
  container: Dockerode.Container,
  cmd: string[],
  options: { env?: string[]; workdir?: string; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const execution = await container.exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
    ...(options.env ? { Env: options.env } : {}),
    ...(options.workdir ? { WorkingDir: options.workdir } : {}),
  });
  const stream = await execution.start({ hijack: true, stdin: false });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const out = new PassThrough().on('data', (b: Buffer) => stdout.push(b));
  const err = new PassThrough().on('data', (b: Buffer) => stderr.push(b));
  docker.modem.demuxStream(stream, out, err);
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', reject);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`exec ${JSON.stringify(cmd)} took over ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  const info = await execution.inspect();
  return {
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    exitCode: info.ExitCode ?? -1,
  };
}

/** Copies `files` (relative path → content) into the container under `dest`, which must exist. */
export async function putFiles(container: Dockerode.Container, dest: string, files: Record<string, string>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goverity-put-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
    // Pack the top-level names, not '.', so extracting does not reset the mode of `dest` itself.
    const top = [...new Set(Object.keys(files).map((name) => name.split('/')[0]!))];
    const archive = Readable.from(tar.c({ cwd: dir, portable: true }, top));
    await container.putArchive(archive, { path: dest });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
