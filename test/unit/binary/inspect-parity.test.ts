import { mkdtemp, readdir, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoModule } from '../../../engine/binary/binary-identity.js';
import { inspectFile } from '../../../engine/binary/inspect-file.js';

/**
 * `goverity inspect` against the real `go version -m` of this machine's Go, field by field: version, main package,
 * the mod line, every dep and => line with its sum, and every build setting. Needs a go on PATH (this machine kind
 * has the go.dev release at /usr/local/go); without one the test fails and says so.
 */
interface GoVersionM {
  version: string;
  path: string | null;
  main: GoModule | null;
  deps: GoModule[];
  settings: Record<string, string>;
}

// `go version -m` prints "FILE: VERSION" and then "\t" + each line of runtime/debug.BuildInfo.String().
function parseGoVersionM(text: string): GoVersionM {
  const [head, ...rest] = text.split('\n');
  const out: GoVersionM = { version: head!.slice(head!.lastIndexOf(': ') + 2), path: null, main: null, deps: [], settings: {} };
  let last: GoModule | null = null;
  for (const raw of rest) {
    if (!raw.startsWith('\t')) continue;
    const [word, ...elem] = raw.slice(1).split('\t');
    if (word === 'path') out.path = elem.join('\t');
    else if (word === 'mod' || word === 'dep') {
      last = { path: elem[0]!, version: elem[1]!, sum: elem[2] ?? '' };
      if (word === 'mod') out.main = last;
      else out.deps.push(last);
    } else if (word === '=>') {
      last!.replace = { path: elem[0]!, version: elem[1]!, sum: elem[2] ?? '' };
      last = null;
    } else if (word === 'build') {
      const kv = elem.join('\t');
      const eq = kv.indexOf('=');
      const value = kv.slice(eq + 1);
      // strconv.Quote's output for these values is valid JSON (printable ASCII, \" and \\ escapes).
      out.settings[kv.slice(0, eq)] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
    }
  }
  return out;
}

let goroot = '';
let work = '';
const files: string[] = [];

beforeAll(async () => {
  const env = await execa('go', ['env', 'GOROOT'], { reject: false });
  if (env.failed) throw new Error(`the inspect parity test needs Go on PATH (go env GOROOT failed: ${env.shortMessage})`);
  goroot = env.stdout.trim();
  const tools = path.join(goroot, 'pkg/tool', `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`);
  files.push(path.join(goroot, 'bin/go'), path.join(goroot, 'bin/gofmt'), ...(await readdir(tools)).sort().map((t) => path.join(tools, t)));

  // A program of ours with a main module version, a dep and a directory replacement (=> with no sum), built offline.
  work = await mkdtemp(path.join(os.tmpdir(), 'goverity-parity-'));
  await mkdir(path.join(work, 'dep'));
  await writeFile(path.join(work, 'dep/go.mod'), 'module example.com/dep\n\ngo 1.21\n');
  await writeFile(path.join(work, 'dep/dep.go'), 'package dep\n\nconst Word = "parity"\n');
  await writeFile(path.join(work, 'go.mod'), 'module example.com/parity\n\ngo 1.21\n\nrequire example.com/dep v1.2.3\n\nreplace example.com/dep => ./dep\n');
  await writeFile(path.join(work, 'main.go'), 'package main\n\nimport "example.com/dep"\n\nfunc main() { println(dep.Word) }\n');
  const built = await execa('go', ['build', '-o', 'parity', '-ldflags=-X "main.unused=a b"', '-tags', 'one,two', '.'], {
    cwd: work,
    reject: false,
    env: { GOFLAGS: '-mod=mod -buildvcs=false', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off' },
  });
  if (built.failed) throw new Error(`building the parity program failed: ${built.stderr}`);
  files.push(path.join(work, 'parity'));
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('goverity inspect matches go version -m', () => {
  it('on go, gofmt, every tool in pkg/tool and a program with a dep and a replacement, field by field', async () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    let deps = 0;
    let replaced = 0;
    for (const file of files) {
      const want = parseGoVersionM((await execa('go', ['version', '-m', file])).stdout);
      const got = await inspectFile(file);
      expect(got.go, file).not.toBeNull();
      expect({ file, version: got.go!.version, path: got.go!.path, main: got.go!.main, deps: got.go!.deps, settings: got.go!.buildSettings }).toEqual({
        file,
        version: want.version,
        path: want.path,
        main: want.main,
        deps: want.deps,
        settings: want.settings,
      });
      deps += want.deps.length;
      replaced += want.deps.filter((d) => d.replace).length;
    }
    // The comparison really covered module lines, not only the std-only toolchain binaries.
    expect(deps).toBeGreaterThanOrEqual(1);
    expect(replaced).toBeGreaterThanOrEqual(1);
    const parity = await inspectFile(path.join(work, 'parity'));
    expect(parity.go!.main).toEqual({ path: 'example.com/parity', version: '(devel)', sum: '' });
    expect(parity.go!.deps).toEqual([{ path: 'example.com/dep', version: 'v1.2.3', sum: '', replace: { path: './dep', version: '(devel)', sum: '' } }]);
    expect(parity.go!.buildSettings['-ldflags']).toBe('-X "main.unused=a b"');
    expect(parity.go!.buildSettings['-tags']).toBe('one,two');
  }, 120_000);

  it('on the third-party Go programs of this machine that record module sums, when it has any', async () => {
    const candidates = ['/usr/local/bin/terraform', '/usr/bin/kubectl', '/usr/bin/kpt', '/usr/bin/cbt'];
    const present = (await Promise.all(candidates.map(async (f) => ((await stat(f).catch(() => null))?.isFile() ? f : null)))).filter(
      (f): f is string => f !== null,
    );
    for (const file of present) {
      const want = parseGoVersionM((await execa('go', ['version', '-m', file])).stdout);
      const got = await inspectFile(file);
      expect({ file, version: got.go?.version, main: got.go?.main, deps: got.go?.deps, settings: got.go?.buildSettings }).toEqual({
        file,
        version: want.version,
        main: want.main,
        deps: want.deps,
        settings: want.settings,
      });
    }
    console.log(`inspect parity: third-party programs compared: ${present.join(', ') || 'none on this machine'}`);
  }, 120_000);
});
