import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

import type Dockerode from 'dockerode';
import { execa } from 'execa';
import * as tar from 'tar';

import { IMAGE_CATALOG } from './image-catalog.js';
import { ImageBuildError } from './image-build-error.js';
import type { DockerfileImageSpec, HostTreeImageSpec, ImageSpec, NpmPackageImageSpec, RootfsImageSpec } from './image-spec.js';
import { fetchNpmPackage } from './npm-package-tarball.js';

/** Bump when the way tags are derived changes, so every image is rebuilt under the new scheme. */
export const TAG_SCHEME_VERSION = 1;
/** The script that turns a Debian suite into an image (`build.sh TAG SUITE`), relative to the repo root. */
export const ROOTFS_BUILD_SCRIPT = 'images/base/build.sh';
/** How many lines of a failed build's output an {@link ImageBuildError} carries. */
export const LOG_TAIL_LINES = 40;
/** Labels put on every image built from a Dockerfile (rootfs imports carry none). */
export const IMAGE_ID_LABEL = 'org.goverity.image-id';
export const INPUTS_HASH_LABEL = 'org.goverity.inputs-sha256';

/** A docker repository path component: lowercase alphanumerics joined by `.`, `_`, `__` or dashes. */
const IMAGE_ID_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export interface ImageProgressEvent {
  imageId: string;
  line: string;
}

export interface ImageBuildRecord {
  imageId: string;
  tag: string;
  kind: ImageSpec['kind'];
  durationMs: number;
}

export interface ImageBuilderOptions {
  docker: Dockerode;
  /** Absolute path of the repository root; spec `dir`s and the rootfs build script resolve against it. */
  repoRoot: string;
  /** Every line a build prints, as it prints it. Silent when nothing is built. */
  onProgress?: (e: ImageProgressEvent) => void;
  /** A build starts, succeeds or fails (not called for images that already exist). */
  onBuild?: (e: { imageId: string; tag: string; phase: 'start' | 'done' | 'failed'; durationMs?: number }) => void;
}

/** `goverity/<id>:<first 12 hex digits of the inputs hash>`. */
export function imageTag(id: string, inputsHash: string): string {
  return `${imageRepository(id)}:${inputsHash.slice(0, 12)}`;
}

/** `goverity/<id>`: the repository every tag of one catalog image lives in. */
export function imageRepository(id: string): string {
  return `goverity/${id}`;
}

export function findSpec(id: string, specs: readonly ImageSpec[] = IMAGE_CATALOG): ImageSpec {
  const matches = specs.filter((s) => s.id === id);
  if (matches.length === 0) throw new Error(`no image "${id}" in the catalog`);
  if (matches.length > 1) throw new Error(`image "${id}" is defined ${matches.length} times in the catalog`);
  return matches[0]!;
}

/**
 * Builds catalog images on demand, each under a tag derived from everything that goes into it, so an
 * unchanged image is never rebuilt and a changed one can never be mistaken for its old build.
 *
 * The inputs hash (sha256) covers: the tag scheme version, the spec as canonical JSON, and
 * - for a Dockerfile image: every entry of the context dir (sorted relative paths, type, executable
 *   bit, contents or link target) and the parent's tag (which covers the parent's inputs in turn);
 * - for a rootfs image: the content of `images/base/build.sh` (the suite is in the spec).
 * The apt mirror (debootstrap's default or GOVERITY_APT_MIRROR) is deliberately not an input.
 */
export class ImageBuilder {
  /** Every build this builder actually ran (existing tags are not builds). */
  readonly builds: ImageBuildRecord[] = [];

  readonly #docker: Dockerode;
  readonly #repoRoot: string;
  readonly #onProgress: ((e: ImageProgressEvent) => void) | undefined;
  readonly #onBuild: ImageBuilderOptions['onBuild'];
  /** ensure() results by tag: concurrent and repeated calls share one check / build. */
  readonly #ensured = new Map<string, Promise<string>>();

  constructor(options: ImageBuilderOptions) {
    this.#docker = options.docker;
    this.#repoRoot = path.resolve(options.repoRoot);
    this.#onProgress = options.onProgress;
    this.#onBuild = options.onBuild;
  }

  get buildCount(): number {
    return this.builds.length;
  }

  /** The tag `id` has for the current inputs, without building anything. */
  async tagFor(id: string, specs: readonly ImageSpec[] = IMAGE_CATALOG): Promise<string> {
    return (await this.#inputsHash(id, specs, [])).tag;
  }

  /** Makes sure the image exists (building its parents first) and returns its tag. */
  async ensure(id: string, specs: readonly ImageSpec[] = IMAGE_CATALOG): Promise<string> {
    const spec = findSpec(id, specs);
    const { tag, hash } = await this.#inputsHash(id, specs, []);
    let pending = this.#ensured.get(tag);
    if (pending === undefined) {
      pending = this.#ensureTag(spec, tag, hash, specs);
      this.#ensured.set(tag, pending);
      // A failure is shared by the calls already waiting, but the next ensure() tries again.
      pending.catch(() => {
        if (this.#ensured.get(tag) === pending) this.#ensured.delete(tag);
      });
    }
    return pending;
  }

  /**
   * Ensures several images with at most `concurrency` top-level builds at a time (shared parents are
   * built once). Every image is attempted; returns id → tag, or throws the failure (an
   * AggregateError of all failures when more than one failed).
   */
  async ensureAll(ids: readonly string[], concurrency = 2, specs: readonly ImageSpec[] = IMAGE_CATALOG): Promise<Map<string, string>> {
    const tags = new Map<string, string>();
    const failures: unknown[] = [];
    const queue = [...new Set(ids)];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          tags.set(id, await this.ensure(id, specs));
        } catch (error) {
          failures.push(error);
        }
      }
    };
    const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, queue.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      throw new AggregateError(failures, `${failures.length} images failed to build: ${describeFailures(failures)}`);
    }
    return new Map(ids.map((id) => [id, tags.get(id)!]));
  }

  /** True when the daemon has an image with this tag. */
  async exists(tag: string): Promise<boolean> {
    try {
      await this.#docker.getImage(tag).inspect();
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return false;
      throw error;
    }
  }

  async #ensureTag(spec: ImageSpec, tag: string, hash: string, specs: readonly ImageSpec[]): Promise<string> {
    if (await this.exists(tag)) return tag;
    // The parent's tag is already part of this tag; it only has to exist when we really build.
    const parentTag = spec.kind === 'dockerfile' ? await this.ensure(spec.from, specs) : undefined;
    const stageTags = spec.kind === 'dockerfile' ? await this.#ensureStages(spec, specs) : {};
    const started = Date.now();
    this.#onBuild?.({ imageId: spec.id, tag, phase: 'start' });
    try {
      if (spec.kind === 'dockerfile') await this.#buildDockerfile(spec, tag, hash, parentTag!, stageTags);
      else if (spec.kind === 'host-tree') await this.#importHostTree(spec, tag);
      else if (spec.kind === 'npm-package') await this.#importNpmPackage(spec, tag);
      else await this.#buildRootfs(spec, tag);
      if (!(await this.exists(tag))) {
        throw new ImageBuildError(spec.id, `the build reported success but ${tag} does not exist`, []);
      }
    } catch (error) {
      this.#onBuild?.({ imageId: spec.id, tag, phase: 'failed', durationMs: Date.now() - started });
      throw error;
    }
    const durationMs = Date.now() - started;
    this.builds.push({ imageId: spec.id, tag, kind: spec.kind, durationMs });
    this.#onBuild?.({ imageId: spec.id, tag, phase: 'done', durationMs });
    return tag;
  }

  /** The tags of the images a multi-stage build copies from, by build argument name. */
  async #ensureStages(spec: DockerfileImageSpec, specs: readonly ImageSpec[]): Promise<Record<string, string>> {
    const entries = Object.entries(spec.stages ?? {});
    const tags = await Promise.all(entries.map(([, id]) => this.ensure(id, specs)));
    return Object.fromEntries(entries.map(([arg], i) => [arg, tags[i]!]));
  }

  async #buildDockerfile(spec: DockerfileImageSpec, tag: string, hash: string, parentTag: string, stageTags: Record<string, string>): Promise<void> {
    const log = new BuildLog(spec.id, this.#onProgress);
    const context = this.#resolve(spec.dir);
    const hostArgs = await readHostGoEnv(spec);
    let stream: NodeJS.ReadableStream;
    try {
      const pack = tar.c({ cwd: context, portable: true }, ['.']);
      stream = await this.#docker.buildImage(Readable.from(pack), {
        t: tag,
        networkmode: spec.network ?? 'host',
        buildargs: { ...spec.buildArgs, ...hostArgs, ...stageTags, BASE: parentTag },
        labels: { [IMAGE_ID_LABEL]: spec.id, [INPUTS_HASH_LABEL]: hash },
        rm: true,
        forcerm: true,
      });
    } catch (error) {
      throw new ImageBuildError(spec.id, `docker build did not start: ${errorMessage(error)}`, log.tail(), {
        cause: error,
      });
    }
    let buildError: string | undefined;
    await new Promise<void>((resolve, reject) => {
      this.#docker.modem.followProgress(
        stream,
        (error: Error | null) => {
          log.flush();
          if (error) reject(new ImageBuildError(spec.id, `docker build failed: ${error.message}`, log.tail(), { cause: error }));
          else resolve();
        },
        (event: BuildEvent) => {
          if (typeof event.stream === 'string') log.write(event.stream);
          else if (typeof event.status === 'string') log.write(`${event.status}\n`);
          const message = event.errorDetail?.message ?? event.error;
          if (message !== undefined) {
            buildError ??= message;
            log.write(`${message}\n`);
          }
        },
      );
    });
    if (buildError !== undefined) throw new ImageBuildError(spec.id, buildError, log.tail());
  }

  /** `tar -C PATH -c . | docker import - TAG`, owners kept as numbers (a release tree is root's). */
  async #importHostTree(spec: HostTreeImageSpec, tag: string): Promise<void> {
    const pack = tar.c({ cwd: spec.path, portable: false, noMtime: false }, ['.']);
    await this.#importTar(spec.id, tag, () => Readable.from(pack), `importing ${spec.path}`);
  }

  /** `npm pack NAME@VERSION`, its integrity checked, then the gzipped tarball itself into `docker import`. */
  async #importNpmPackage(spec: NpmPackageImageSpec, tag: string): Promise<void> {
    await using tarball = await fetchNpmPackage(spec);
    await this.#importTar(spec.id, tag, () => createReadStream(tarball.file), `importing ${spec.package}@${spec.version}`);
  }

  async #importTar(imageId: string, tag: string, open: () => NodeJS.ReadableStream, what: string): Promise<void> {
    const log = new BuildLog(imageId, this.#onProgress);
    const [repo, version] = tag.split(':') as [string, string];
    try {
      const stream = await this.#docker.importImage(open(), { repo, tag: version });
      await new Promise<void>((resolve, reject) => {
        this.#docker.modem.followProgress(
          stream,
          (error: Error | null) => (error ? reject(error) : resolve()),
          (event: BuildEvent) => {
            if (typeof event.status === 'string') log.write(`${event.status}\n`);
          },
        );
      });
    } catch (error) {
      log.flush();
      throw new ImageBuildError(imageId, `${what} failed: ${errorMessage(error)}`, log.tail(), { cause: error });
    }
    log.flush();
  }

  async #buildRootfs(spec: RootfsImageSpec, tag: string): Promise<void> {
    const log = new BuildLog(spec.id, this.#onProgress);
    const subprocess = execa('bash', [this.#resolve(ROOTFS_BUILD_SCRIPT), tag, spec.suite], {
      cwd: this.#repoRoot,
      stdin: 'ignore',
      buffer: false,
      reject: false,
    });
    const drain = (readable: Readable | null): Promise<void> =>
      readable === null
        ? Promise.resolve()
        : (async () => {
            for await (const line of createInterface({ input: readable, crlfDelay: Infinity })) log.line(line);
          })();
    const [result] = await Promise.all([subprocess, drain(subprocess.stderr), drain(subprocess.stdout)]);
    log.flush();
    if (result.failed) {
      const why = result.exitCode !== undefined ? `exited with code ${result.exitCode}` : result.shortMessage;
      throw new ImageBuildError(spec.id, `${ROOTFS_BUILD_SCRIPT} ${tag} ${spec.suite} ${why}`, log.tail());
    }
  }

  async #inputsHash(id: string, specs: readonly ImageSpec[], chain: readonly string[]): Promise<{ tag: string; hash: string }> {
    if (chain.includes(id)) throw new Error(`image parents form a cycle: ${[...chain, id].join(' → ')}`);
    if (!IMAGE_ID_PATTERN.test(id)) throw new Error(`image id "${id}" is not a valid docker repository name`);
    const spec = findSpec(id, specs);
    const h = createHash('sha256');
    frame(h, 'scheme', String(TAG_SCHEME_VERSION));
    frame(h, 'spec', canonicalJson(spec));
    if (spec.kind === 'rootfs') {
      frame(h, 'build.sh', await readFile(this.#resolve(ROOTFS_BUILD_SCRIPT)));
      frame(h, 'suite', spec.suite);
    } else if (spec.kind === 'host-tree') {
      await hashTree(h, spec.path, { contents: false });
    } else if (spec.kind === 'npm-package') {
      // The spec pins the integrity, so it alone names the bytes.
    } else {
      frame(h, 'parent', (await this.#inputsHash(spec.from, specs, [...chain, id])).tag);
      for (const [arg, stage] of Object.entries(spec.stages ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
        frame(h, `stage ${arg}`, (await this.#inputsHash(stage, specs, [...chain, id])).tag);
      await hashTree(h, this.#resolve(spec.dir));
    }
    const hash = h.digest('hex');
    return { tag: imageTag(id, hash), hash };
  }

  #resolve(relative: string): string {
    return path.resolve(this.#repoRoot, relative);
  }
}

interface BuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: unknown;
}

/** Splits build output into lines, forwards each to onProgress and keeps the last few for errors. */
class BuildLog {
  readonly #lines: string[] = [];
  #partial = '';

  constructor(
    private readonly imageId: string,
    private readonly onProgress: ((e: ImageProgressEvent) => void) | undefined,
  ) {}

  write(chunk: string): void {
    const parts = (this.#partial + chunk).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const part of parts) this.line(part);
  }

  line(raw: string): void {
    // The classic builder colours a RUN step's stderr with SGR escapes; keep the text only.
    const line = raw.replace(/\r$/, '').replace(/\x1b\[[0-9;]*m/g, '');
    this.#lines.push(line);
    if (this.#lines.length > LOG_TAIL_LINES) this.#lines.shift();
    this.onProgress?.({ imageId: this.imageId, line });
  }

  flush(): void {
    if (this.#partial !== '') {
      const rest = this.#partial;
      this.#partial = '';
      this.line(rest);
    }
  }

  tail(): string[] {
    return [...this.#lines];
  }
}

/** Length-prefixed so that no two different input sequences hash alike. */
function frame(h: Hash, label: string, value: string | Buffer): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  h.update(`${label}\0${bytes.length}\0`);
  h.update(bytes);
}

/**
 * Every entry's relative path, type, executable bit and contents or link target. `contents: false` (a host tree of
 * hundreds of MB, hashed on every tag lookup) frames each file's size and mtime instead of its bytes.
 */
async function hashTree(h: Hash, root: string, { contents = true } = {}): Promise<void> {
  const rootStat = await lstat(root).catch((error: unknown) => {
    throw new Error(`image context ${root} is not readable: ${errorMessage(error)}`);
  });
  if (!rootStat.isDirectory()) throw new Error(`image context ${root} is not a directory`);
  const entries: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      entries.push(child);
      if (entry.isDirectory()) await walk(child);
    }
  };
  await walk('');
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const relative of entries) {
    const full = path.join(root, relative);
    const stat = await lstat(full);
    const exec = (stat.mode & 0o111) !== 0 ? 'x' : '-';
    if (stat.isSymbolicLink()) frame(h, `link ${relative}`, await readlink(full));
    else if (stat.isDirectory()) frame(h, `dir ${relative}`, '');
    else if (stat.isFile()) frame(h, `file ${exec} ${relative}`, contents ? await readFile(full) : `${stat.size} ${stat.mtimeMs}`);
    else throw new Error(`image context ${root} contains ${relative}, which is neither file, directory nor symlink`);
  }
}

/** JSON with object keys sorted at every level, so equal specs hash alike whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The spec's `hostGoEnv` variables as the host's `go env` prints them (one line each, in order). */
async function readHostGoEnv(spec: DockerfileImageSpec): Promise<Record<string, string>> {
  const names = spec.hostGoEnv ?? [];
  if (names.length === 0) return {};
  const result = await execa('go', ['env', ...names], { reject: false, stdin: 'ignore' });
  if (result.failed) {
    throw new ImageBuildError(
      spec.id,
      `it needs the host's go env ${names.join(' ')}, but go env failed (${result.shortMessage}): install Go on this host`,
      [],
    );
  }
  const values = result.stdout.split('\n');
  return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeFailures(failures: readonly unknown[]): string {
  return failures.map((f) => (f instanceof ImageBuildError ? f.imageId : errorMessage(f).split('\n')[0])).join(', ');
}
