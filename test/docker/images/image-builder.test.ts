import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ImageBuildError } from '../../../harness/images/image-build-error.js';
import { ImageBuilder, LOG_TAIL_LINES, type ImageProgressEvent } from '../../../harness/images/image-builder.js';
import { IMAGE_CATALOG, TOOLCHAIN_IMAGE_IDS } from '../../../harness/images/image-catalog.js';
import type { ImageSpec } from '../../../harness/images/image-spec.js';
import { exec, putFiles, withContainer, type ExecResult } from './docker-exec.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const docker = new Docker();
const MINUTE = 60_000;

/** Live progress of cold builds: every build line, prefixed with the image id. Silent when nothing is built. */
function printProgress(e: ImageProgressEvent): void {
  process.stderr.write(`[image ${e.imageId}] ${e.line}\n`);
}

const builder = new ImageBuilder({
  docker,
  repoRoot,
  onProgress: printProgress,
  onBuild: (e) =>
    process.stderr.write(`[image ${e.imageId}] == ${e.phase} ${e.tag}${e.durationMs === undefined ? '' : ` in ${(e.durationMs / 1000).toFixed(1)} s`}\n`),
});

const HELLO_GO = `package main

import (
\t"fmt"
\t"runtime"
)

func main() { fmt.Println("hello from", runtime.Version()) }
`;

const CGO_GO = `package main

/*
#include <stdio.h>
static int add(int a, int b) { return a + b; }
*/
import "C"

import "fmt"

func main() { fmt.Println("cgo says", int(C.add(2, 3))) }
`;

/** What one toolchain image really prints; logged at the end as the catalog's evidence. */
interface ToolchainReport {
  id: string;
  tag: string;
  goVersion: string;
  goroot: string;
  usrBinGo: string;
  gorootEntries: string;
  helloOutput: string;
  cgoOutput: string;
}
const reports: ToolchainReport[] = [];

function ok(result: ExecResult, what: string): string {
  expect(result.exitCode, `${what} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout.trim();
}

/** `go-1.22` → 22, `go-multi` → 22 (its /usr/bin/go), `gccgo` → undefined. */
function expectedMinor(id: string): number | undefined {
  if (id === 'go-multi') return 22;
  const m = /^go-1\.(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

describe('toolchain images', () => {
  let tags = new Map<string, string>();

  beforeAll(async () => {
    tags = await builder.ensureAll(TOOLCHAIN_IMAGE_IDS, 2);
  }, 60 * MINUTE);

  afterAll(() => {
    if (reports.length === 0) return;
    const lines = reports
      .sort((a, b) => TOOLCHAIN_IMAGE_IDS.indexOf(a.id) - TOOLCHAIN_IMAGE_IDS.indexOf(b.id))
      .map((r) => {
        const links = r.gorootEntries
          .split('\n')
          .filter((l) => l.includes(' -> '))
          .map((l) => l.replace(/^.* (\S+ -> \S+)$/, '$1'));
        return [
          `${r.id.padEnd(9)} ${r.tag.padEnd(34)} ${r.goVersion.padEnd(36)} GOROOT=${r.goroot.padEnd(16)} /usr/bin/go -> ${r.usrBinGo}`,
          `${''.padEnd(9)} hello: ${r.helloOutput} | cgo: ${r.cgoOutput}${links.length > 0 && r.goroot !== '/usr' ? ` | GOROOT symlinks: ${links.join(', ')}` : ''}`,
        ].join('\n');
      });
    console.log(`toolchain images:\n${lines.join('\n')}\nbuilt this run: ${JSON.stringify(builder.builds)}`);
  });

  it('builds (or finds) every toolchain image under a content-hash tag', () => {
    expect([...tags.keys()]).toEqual([...TOOLCHAIN_IMAGE_IDS]);
    for (const [id, tag] of tags) expect(tag).toMatch(new RegExp(`^goverity/${id.replace(/\./g, '\\.')}:[0-9a-f]{12}$`));
  });

  for (const id of TOOLCHAIN_IMAGE_IDS) {
    it(`${id}: go version, GOROOT, and real pure-Go and cgo builds, offline`, { timeout: 10 * MINUTE }, async () => {
      const tag = tags.get(id);
      expect(tag, `${id} was not built`).toBeDefined();
      const image = await docker.getImage(tag!).inspect();
      expect(image.Config.Env ?? [], 'a toolchain image must not set GOROOT').not.toContainEqual(expect.stringMatching(/^GOROOT=/));

      await withContainer(docker, tag!, async (c) => {
        const run = (cmd: string[], env?: string[]) => exec(docker, c, cmd, { env, workdir: '/tmp/src', timeoutMs: 5 * MINUTE });
        await putFiles(c, '/tmp', { 'src/hello.go': HELLO_GO, 'src/cgo.go': CGO_GO });

        // coreutils the engine relies on
        ok(await run(['ls', '/usr/bin/timeout', '/usr/bin/test', '/usr/bin/env', '/usr/bin/rm', '/usr/bin/mktemp']), 'coreutils');

        const goVersion = ok(await run(['go', 'version']), 'go version');
        const goroot = ok(await run(['go', 'env', 'GOROOT']), 'go env GOROOT');
        const gorootNoEnv = ok(await run(['env', '-u', 'GOROOT', 'GOENV=off', 'go', 'env', 'GOROOT']), 'go env GOROOT (clean)');
        expect(gorootNoEnv).toBe(goroot);
        const usrBinGo = ok(await run(['readlink', '/usr/bin/go']), 'readlink /usr/bin/go');
        const gorootEntries = ok(await run(['ls', '-l', goroot]), 'ls GOROOT');
        expect(ok(await run(['go', 'env', 'CGO_ENABLED']), 'go env CGO_ENABLED')).toBe('1');

        ok(await run(['go', 'build', '-o', '/tmp/hello', 'hello.go']), 'go build hello.go');
        const helloOutput = ok(await run(['/tmp/hello']), 'run hello');
        ok(await run(['go', 'build', '-o', '/tmp/cgo', 'cgo.go']), 'go build cgo.go');
        const cgoOutput = ok(await run(['/tmp/cgo']), 'run cgo');
        expect(cgoOutput).toBe('cgo says 5');
        // the cgo binary really links the C library
        expect(ok(await run(['ldd', '/tmp/cgo']), 'ldd cgo')).toMatch(/libc\.so\.6/);

        const minor = expectedMinor(id);
        if (minor === undefined) {
          // gccgo's go command has no Go release of its own: it prints "unknown" and GOROOT is /usr.
          expect(goVersion).toMatch(/gccgo|unknown/);
          expect(goroot).toBe('/usr');
          expect(usrBinGo).toBe('go-12');
          // runtime.Version() in a gccgo-12 binary is "unknown" too (seen on bookworm's gccgo-12 12.2.0).
          expect(helloOutput).toMatch(/^hello from (unknown|.*gccgo.*)$/);
          expect(ok(await run(['ldd', '/tmp/hello']), 'ldd hello')).toMatch(/libgo\.so/);
        } else {
          const m = /^go version go1\.(\d+)(?:\.(\d+))? linux\/amd64$/.exec(goVersion);
          expect(m, goVersion).not.toBeNull();
          expect(Number(m![1])).toBe(minor);
          const release = goVersion.split(' ')[2]!;
          // Debian's layout: GOROOT /usr/lib/go-1.N, reached through /usr/bin/go, and src/api/misc/test
          // are symlinks into /usr/share/go-1.N.
          expect(goroot).toBe(`/usr/lib/go-1.${minor}`);
          expect(usrBinGo).toBe(`../lib/go-1.${minor}/bin/go`);
          expect(ok(await run(['readlink', `${goroot}/src`]), 'readlink src')).toBe(`../../share/go-1.${minor}/src`);
          expect(ok(await run(['cat', `${goroot}/VERSION`]), 'VERSION').split('\n')[0]).toBe(release);
          expect(ok(await run(['readlink', '/usr/lib/go']), 'readlink /usr/lib/go')).toBe(`go-1.${minor}`);
          expect(helloOutput).toBe(`hello from ${release}`);
        }

        if (id === 'go-multi') {
          const other = ok(await run(['/usr/lib/go-1.21/bin/go', 'version']), 'go 1.21 version');
          expect(other).toMatch(/^go version go1\.21\.\d+ linux\/amd64$/);
          // What scenarios build on: GOROOT pointing at the other installed release breaks every build.
          const mismatch = await run(['go', 'build', '-o', '/tmp/hello2', 'hello.go'], ['GOROOT=/usr/lib/go-1.21']);
          expect(mismatch.exitCode).not.toBe(0);
          expect(mismatch.stderr).toMatch(/version "go1\.21\.\d+" does not match go tool version "go1\.22\.\d+"/);
        }

        reports.push({ id, tag: tag!, goVersion, goroot, usrBinGo, gorootEntries, helloOutput, cgoOutput });
      });
    });
  }

  it('a second ensure of every image is a no-op: no build, no output, same tags', { timeout: 2 * MINUTE }, async () => {
    const lines: ImageProgressEvent[] = [];
    const again = new ImageBuilder({ docker, repoRoot, onProgress: (e) => lines.push(e) });
    const tagsAgain = await again.ensureAll([...TOOLCHAIN_IMAGE_IDS, 'base-bookworm', 'bookworm-cgo'], 4);
    expect(again.buildCount).toBe(0);
    expect(lines).toEqual([]);
    for (const [id, tag] of tags) expect(tagsAgain.get(id)).toBe(tag);
  });
});

describe('ImageBuilder with throwaway specs', () => {
  const tempDirs: string[] = [];
  const tempTags: string[] = [];

  async function contextDir(dockerfile: string, extra: Record<string, string> = {}): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'goverity-image-test-'));
    tempDirs.push(dir);
    await writeFile(path.join(dir, 'Dockerfile'), dockerfile);
    for (const [name, content] of Object.entries(extra)) await writeFile(path.join(dir, name), content);
    return dir;
  }

  afterAll(async () => {
    for (const tag of tempTags)
      await docker
        .getImage(tag)
        .remove({ force: true })
        .catch(() => undefined);
    for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
  });

  it('tags follow the inputs: context content, exec bit, build args and parent all change the tag', { timeout: MINUTE }, async () => {
    const dir = await contextDir('ARG BASE\nFROM ${BASE}\nRUN true\n', { 'a.sh': 'echo a\n' });
    const specs = (suite: string, buildArgs?: Record<string, string>): ImageSpec[] => [
      { id: 'test-root', kind: 'rootfs', suite },
      { id: 'test-child', kind: 'dockerfile', dir, from: 'test-root', ...(buildArgs ? { buildArgs } : {}) },
    ];
    const b = new ImageBuilder({ docker, repoRoot });
    const first = await b.tagFor('test-child', specs('bookworm'));
    expect(first).toMatch(/^goverity\/test-child:[0-9a-f]{12}$/);
    expect(await b.tagFor('test-child', specs('bookworm'))).toBe(first);
    expect(await b.tagFor('test-child', specs('trixie'))).not.toBe(first);
    expect(await b.tagFor('test-child', specs('bookworm', { X: '1' }))).not.toBe(first);
    await writeFile(path.join(dir, 'a.sh'), 'echo b\n');
    const changed = await b.tagFor('test-child', specs('bookworm'));
    expect(changed).not.toBe(first);
    await chmod(path.join(dir, 'a.sh'), 0o755);
    expect(await b.tagFor('test-child', specs('bookworm'))).not.toBe(changed);
    // The real catalog's tags are stable across builder instances.
    for (const spec of IMAGE_CATALOG) {
      expect(await new ImageBuilder({ docker, repoRoot }).tagFor(spec.id)).toBe(await b.tagFor(spec.id));
    }
  });

  it('concurrent ensure() calls for one image share a single build', { timeout: 20 * MINUTE }, async () => {
    const nonce = `${Date.now()}-${process.pid}`;
    const dir = await contextDir(`ARG BASE\nFROM \${BASE}\nRUN echo goverity-shared-build ${nonce} > /shared-build\n`);
    const specs: ImageSpec[] = [...IMAGE_CATALOG, { id: 'test-shared', kind: 'dockerfile', dir, from: 'base-bookworm' }];
    const lines: ImageProgressEvent[] = [];
    const b = new ImageBuilder({ docker, repoRoot, onProgress: (e) => lines.push(e) });
    const [t1, t2, t3] = await Promise.all([b.ensure('test-shared', specs), b.ensure('test-shared', specs), b.ensure('test-shared', specs)]);
    tempTags.push(t1);
    expect(t2).toBe(t1);
    expect(t3).toBe(t1);
    expect(b.builds.map((r) => r.imageId)).toEqual(['test-shared']);
    expect(lines.some((e) => e.imageId === 'test-shared' && /Successfully tagged/.test(e.line))).toBe(true);
    expect(await b.ensure('test-shared', specs)).toBe(t1);
    expect(b.buildCount).toBe(1);
  });

  it("builds a spec with network 'none' with no interface but lo, and a default spec on the host's network", { timeout: 5 * MINUTE }, async () => {
    const nonce = `${Date.now()}-${process.pid}`;
    const interfaces = async (network: 'none' | undefined) => {
      // /proc/net/dev lists the build container's interfaces: lo alone when it has no network. Each build gets its
      // own RUN text: Docker's build cache ignores the network mode and would hand the second the first's layer.
      const dir = await contextDir(
        `ARG BASE\nFROM \${BASE}\nRUN echo ${nonce}-${network ?? 'host'} && tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort > /interfaces\n`,
      );
      const spec: ImageSpec = { id: `test-net-${network ?? 'host'}`, kind: 'dockerfile', dir, from: 'base-bookworm', ...(network ? { network } : {}) };
      const tag = await new ImageBuilder({ docker, repoRoot }).ensure(spec.id, [...IMAGE_CATALOG, spec]);
      tempTags.push(tag);
      return withContainer(docker, tag, async (c) => ok(await exec(docker, c, ['cat', '/interfaces']), 'interfaces').split('\n'));
    };
    expect(await interfaces('none')).toEqual(['lo']);
    expect((await interfaces(undefined)).filter((i) => i !== 'lo').length).toBeGreaterThan(0);
  });

  it('a failing RUN yields ImageBuildError with the tail of the log, and leaves no tag and no container', { timeout: 20 * MINUTE }, async () => {
    const dir = await contextDir(
      [
        'ARG BASE',
        'FROM ${BASE}',
        // The classic builder forwards a step's stdout and stderr as two streams with no order between
        // them, so the marker that must be in the tail goes to stdout, after the noise.
        'RUN for i in $(seq 1 100); do echo goverity-noise-$i; done; echo goverity-on-stderr >&2; echo goverity-about-to-fail; exit 7',
        '',
      ].join('\n'),
    );
    const specs: ImageSpec[] = [...IMAGE_CATALOG, { id: 'test-failing', kind: 'dockerfile', dir, from: 'base-bookworm' }];
    const lines: ImageProgressEvent[] = [];
    const b = new ImageBuilder({ docker, repoRoot, onProgress: (e) => lines.push(e) });
    const tag = await b.tagFor('test-failing', specs);

    const error = await b.ensure('test-failing', specs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageBuildError);
    const buildError = error as ImageBuildError;
    expect(buildError.imageId).toBe('test-failing');
    expect(buildError.logTail.length).toBeGreaterThan(0);
    expect(buildError.logTail.length).toBeLessThanOrEqual(LOG_TAIL_LINES);
    expect(buildError.logTail).toContain('goverity-about-to-fail');
    expect(buildError.logTail).toContain('goverity-noise-100');
    expect(buildError.logTail).not.toContain('goverity-noise-1'); // only the tail is kept
    expect(buildError.logTail.at(-1)).toMatch(/returned a non-zero code: 7/);
    expect(buildError.message).toMatch(/returned a non-zero code: 7/);
    // every line was streamed live, not just the tail
    expect(lines.filter((e) => /^goverity-noise-\d+$/.test(e.line))).toHaveLength(100);
    expect(lines.map((e) => e.line)).toContain('goverity-on-stderr');

    expect(await b.exists(tag)).toBe(false);
    expect(b.buildCount).toBe(0);
    const leftovers = await docker.listContainers({ all: true });
    expect(leftovers.filter((c) => c.Command.includes('goverity-about-to-fail'))).toEqual([]);

    // A failure is not memoized: the next ensure() tries again (and fails again).
    await expect(b.ensure('test-failing', specs)).rejects.toBeInstanceOf(ImageBuildError);
  });

  it('imports an npm package fetched by npm pack, and refuses one whose bytes are not the pinned integrity', { timeout: 5 * MINUTE }, async () => {
    // is-number@7.0.0: a 3 kB package the npm registry serves; its dist.integrity as the registry lists it.
    const pinned = 'sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==';
    const spec = (integrity: string): ImageSpec[] => [{ id: 'test-npm-package', kind: 'npm-package', package: 'is-number', version: '7.0.0', integrity }];
    const b = new ImageBuilder({ docker, repoRoot });

    const wrong = 'sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';
    const error = await b.ensure('test-npm-package', spec(wrong)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageBuildError);
    expect((error as ImageBuildError).message).toBe(
      `image test-npm-package: npm served is-number@7.0.0 with integrity ${pinned}, but the catalog pins ${wrong}`,
    );
    expect(await b.exists(await b.tagFor('test-npm-package', spec(wrong)))).toBe(false);

    const tag = await b.ensure('test-npm-package', spec(pinned));
    tempTags.push(tag);
    // An imported tarball has no command: a container needs one, and reads the files npm packed under /package.
    const container = await docker.createContainer({ Image: tag, Cmd: ['/nothing'], HostConfig: { NetworkMode: 'none' } });
    try {
      const archive = (await container.getArchive({ path: '/package/package.json' })) as NodeJS.ReadableStream;
      const chunks: Buffer[] = [];
      for await (const c of archive) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString('utf8')).toMatch(/"version": "7\.0\.0"/);
    } finally {
      await container.remove({ force: true });
    }
  });

  it('a failing rootfs build yields ImageBuildError with build.sh output', { timeout: 5 * MINUTE }, async () => {
    const specs: ImageSpec[] = [{ id: 'test-no-such-suite', kind: 'rootfs', suite: 'no-such-suite' }];
    const b = new ImageBuilder({ docker, repoRoot });
    const error = await b.ensure('test-no-such-suite', specs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageBuildError);
    expect((error as ImageBuildError).imageId).toBe('test-no-such-suite');
    expect((error as ImageBuildError).logTail.join('\n')).toMatch(/no-such-suite/);
    expect(await b.exists(await b.tagFor('test-no-such-suite', specs))).toBe(false);
  });
});
