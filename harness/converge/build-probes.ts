import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { DockerTransport } from '../../engine/transport/docker-transport.js';
import type { Transport } from '../../engine/transport/transport.js';
import type { ConvergeEnvironment } from './converge-environment.js';
import { probePrograms } from './load-probe-sources.js';
import { failedObservation } from './probe-output.js';

const MB = 1 << 20;
const BUILD_ENV = { GOTOOLCHAIN: 'local', GOPROXY: 'off', GOFLAGS: null };

export interface BuiltProbes {
  /** The directory on the environment's transport that holds one executable per probe program. */
  binDir: string;
}

/**
 * Builds every probe program with `go build -o bin ./...` in `dir` (the probe module, already copied to `t`): with
 * the environment's own go, or cross-built, or, for a VM, by the same image's go in a container, then copied in.
 */
export async function buildProbes(
  env: ConvergeEnvironment,
  t: Transport,
  dir: string,
  o: { docker: Dockerode; tag: string; labels: Record<string, string>; sources: Record<string, string> },
): Promise<BuiltProbes> {
  const sep = env.os === 'windows' ? '\\' : '/';
  if (env.build !== 'image') {
    const cross: Record<string, string> = env.build === 'cross' ? { GOOS: env.os, GOARCH: env.arch } : {};
    const r = await t.exec(['go', 'build', '-o', 'bin', './...'], { cwd: dir, env: { ...BUILD_ENV, ...cross }, timeoutMs: 300_000, maxBytes: MB });
    if (r.exitCode !== 0) throw new Error(`probe build failed: ${failedObservation(r, 'go build').detail}`);
    return { binDir: `${dir}${sep}bin` };
  }
  if (!t.upload) throw new Error(`${t.target} cannot receive files, so probes built elsewhere cannot run there`);
  await using builder = await DockerTransport.fromImage(o.docker, o.tag, o.labels);
  const src = await builder.makeTempDir({ ...o.sources, 'go.mod': await readGoMod(t, dir), 'bin/.keep': '' });
  const r = await builder.exec(['go', 'build', '-o', 'bin', './...'], { cwd: src, env: BUILD_ENV, timeoutMs: 300_000, maxBytes: MB });
  if (r.exitCode !== 0) throw new Error(`probe build (in a container of ${o.tag}) failed: ${failedObservation(r, 'go build').detail}`);
  const host = await mkdtemp(path.join(os.tmpdir(), 'goverity-probes-'));
  try {
    const files = [];
    for (const program of probePrograms(o.sources)) {
      const f = await builder.readFile(`${src}/bin/${program}`, 256 * MB);
      if (!f || f.size > f.bytes.length) throw new Error(`the built ${program} could not be read back from the container`);
      await writeFile(path.join(host, program), f.bytes);
      files.push({ name: program, hostPath: path.join(host, program), mode: 0o755 });
    }
    return { binDir: await t.upload(files) };
  } finally {
    await rm(host, { recursive: true, force: true });
  }
}

/** The go.mod runEnvironment wrote next to the sources: its go line sets the probes' GODEBUG defaults. */
async function readGoMod(t: Transport, dir: string): Promise<string> {
  const f = await t.readFile(`${dir}/go.mod`, 4096);
  if (!f) throw new Error(`${dir}/go.mod is missing on ${t.target}`);
  return Buffer.from(f.bytes).toString('utf8');
}
