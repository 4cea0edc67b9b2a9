import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFacts } from '../../../engine/probes/collect-facts.js';
import { buildReport, REPORT_SCHEMA, type Report } from '../../../engine/report/build-report.js';
import { FakeTransport, type FakeEntry } from '../../../engine/transport/fake-transport.js';
import { LocalTransport } from '../../../engine/transport/local-transport.js';
import type { ExecOptions, ExecResult, Platform, UploadFile } from '../../../engine/transport/transport.js';
import { describeHostNode } from '../../../harness/runner/describe-host-node.js';
import { ErrorWithLog } from '../../../harness/runner/error-with-log.js';
import { INSIDE_RUN_VAR } from '../../../harness/runner/sweep-inside-run.js';
import { SCRATCH_DIR_VAR } from '../../../engine/transport/local-transport.js';
import { BUNDLED_ENGINE, verifyInside } from '../../../harness/runner/verify-inside.js';
import { patchHostNode } from './patch-host-node.js';

const report: Report = {
  schema: REPORT_SCHEMA,
  target: 'local',
  verdict: 'broken',
  authentic: false,
  provenance: { kind: 'unknown', manager: null, container: true },
  go: null,
  findings: [{ code: 'GO_STUB', severity: 'error', message: 'stub', evidence: [], fix: null }],
  timings: { totalMs: 5 },
};

/** A fake target that can take uploads: the engine's run answers with `engine`, the sweep with "0". */
class UploadableFake extends FakeTransport {
  readonly uploads: UploadFile[][] = [];
  readonly removed: string[] = [];
  readonly runs: { argv: string[]; options: ExecOptions }[] = [];
  constructor(engine: Partial<ExecResult>, files: Record<string, FakeEntry> = {}, plat?: Platform) {
    super(
      files,
      { PATH: '/usr/bin:/bin' },
      (argv, options) => {
        if (argv[1] === '-e') return { stdout: '0' };
        this.runs.push({ argv, options });
        return engine;
      },
      plat,
    );
  }
  async upload(files: UploadFile[]): Promise<string> {
    this.uploads.push(files);
    return '/tmp/goverity-up';
  }
  override async removeTree(p: string): Promise<void> {
    this.removed.push(p);
  }
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'verify-inside-test-'));
  // The bundle is what inside mode copies; building it takes a fraction of a second.
  await execa(process.execPath, ['scripts/bundle-engine.mjs'], { cwd: fileURLToPath(new URL('../../..', import.meta.url)) });
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('verifyInside, on a fake target', () => {
  it('copies node and the bundle, runs verify --target local --json there, and returns the report', async () => {
    const t = new UploadableFake({ exitCode: 11, stdout: JSON.stringify(report) });
    expect(await verifyInside(t)).toEqual(report);
    expect(t.uploads[0]!.map((f) => [f.name, f.mode.toString(8)])).toEqual([
      ['node', '755'],
      ['goverity.mjs', '644'],
    ]);
    expect(t.uploads[0]![0]!.hostPath).toBe(process.execPath);
    expect(t.uploads[0]![1]!.hostPath).toBe(BUNDLED_ENGINE);
    expect(t.runs[0]!.argv).toEqual(['/tmp/goverity-up/node', '/tmp/goverity-up/goverity.mjs', 'verify', '--target', 'local', '--json', '--no-shell']);
    // Generous: the engine's own bounds are 20 s per command and 180 s per build.
    expect(t.runs[0]!.options.timeoutMs).toBeGreaterThanOrEqual(10 * 60_000);
    // Its temp dirs go inside the uploaded dir, so removing that dir removes whatever a stopped engine left.
    expect(t.runs[0]!.options.env).toEqual({ [INSIDE_RUN_VAR]: expect.stringMatching(/^[0-9a-f]{16}$/), [SCRATCH_DIR_VAR]: '/tmp/goverity-up' });
    expect(t.execs.some((a) => a[0] === '/tmp/goverity-up/node' && a[1] === '-e')).toBe(true);
    expect(t.removed).toEqual(['/tmp/goverity-up']);
  });

  it("refuses a transport that can't upload, one that must be left as found, and another OS or architecture", async () => {
    await expect(verifyInside(new FakeTransport({}))).rejects.toThrow("this provider's transport can't host a bundled engine");
    const kept = Object.assign(new UploadableFake({}), { leaveAsFound: true });
    await expect(verifyInside(kept)).rejects.toThrow('must be left as found');
    const host = await describeHostNode();
    const other = new UploadableFake({}, {}, { os: host.os, arch: host.arch === 'arm64' ? 'amd64' : 'arm64' });
    await expect(verifyInside(other)).rejects.toThrow(/and this host's Node is .*both must match/);
    expect(other.uploads).toEqual([]);
    await expect(verifyInside(new UploadableFake({}), { bundle: path.join(work, 'none.mjs') })).rejects.toThrow(/none\.mjs is missing: run npm run build/);
  });

  it("turns the engine's failures into errors with stderr's tail, and always removes the copy", async () => {
    const crash = new UploadableFake({ exitCode: 2, stderr: 'line 1\ngoverity: no space left on device\n' });
    const e = await verifyInside(crash).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErrorWithLog);
    expect((e as ErrorWithLog).message).toBe('the bundled engine exited with 2 on fake: goverity: no space left on device');
    expect((e as ErrorWithLog).logTail).toEqual(['line 1', 'goverity: no space left on device']);
    expect(crash.removed).toEqual(['/tmp/goverity-up']);
    await expect(verifyInside(new UploadableFake({ exitCode: 0, stdout: '{"schema":"x"}' }))).rejects.toThrow(
      'exited with 0 on fake but printed not a goverity/report@1: schema is "x"',
    );
    await expect(verifyInside(new UploadableFake({ exitCode: 137, timedOut: true }))).rejects.toThrow('did not finish within 900 s');
    await expect(verifyInside(new UploadableFake({ exitCode: null, truncated: true }))).rejects.toThrow('printed more than 64 MiB');
  });

  it('names the missing program loader rather than a "No such file" for a file that is there', async () => {
    const host = await describeHostNode();
    if (!host.interpreter) return;
    const t = new UploadableFake({ exitCode: 127, spawnError: "timeout: failed to run command '/tmp/goverity-up/node': No such file or directory" });
    await expect(verifyInside(t)).rejects.toThrow(`the target has no ${host.interpreter}, the program loader this host's Node (${process.execPath}) needs`);
  });
});

describe('verifyInside, on this machine (LocalTransport)', () => {
  /** Remembers the directory upload() made, to check it is gone afterwards. */
  class Watched extends LocalTransport {
    dirs: string[] = [];
    override async upload(files: UploadFile[]): Promise<string> {
      const d = await super.upload(files);
      this.dirs.push(d);
      return d;
    }
  }

  it('gives the same report as the engine run in process, and removes its copy', async () => {
    // A PATH of our own: the host's own Go (if any) would make this a slow, load-dependent build test, not a unit test.
    const bin = path.join(work, 'stub-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'go'), '#!/bin/sh\necho go version go1.22.5 linux/amd64\n', { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}:/usr/bin:/bin` };
    await using t = new Watched(env);
    const inside = await verifyInside(t);
    const direct = buildReport(await collectFacts(new LocalTransport(env)));
    expect(direct.verdict).toBe('broken');
    expect(direct.findings.map((f) => f.code)).toContain('GO_STUB');
    expect(inside.verdict).toBe(direct.verdict);
    expect(inside.findings.map((f) => f.code)).toEqual(direct.findings.map((f) => f.code));
    await expect(stat(t.dirs[0]!)).rejects.toThrow(/ENOENT/);
  }, 120_000);

  it('names the program loader a copied Node needs when the target lacks it', async (ctx) => {
    const node = path.join(work, 'node-no-loader');
    if (!(await patchHostNode(node, 'ld-linux', 'ld-nolnx'))) ctx.skip();
    await using t = new LocalTransport();
    await expect(verifyInside(t, { node })).rejects.toThrow(/^the target has no \/lib.*ld-nolnx[^ ]*, the program loader this host's Node/);
  }, 60_000);

  it('names the shared library a copied Node needs when the target lacks it', async (ctx) => {
    const node = path.join(work, 'node-no-libstdcxx');
    if (!(await patchHostNode(node, 'libstdc++.so.6', 'libstdX++.so.6'))) ctx.skip();
    await using t = new LocalTransport();
    await expect(verifyInside(t, { node })).rejects.toThrow("the target has no libstdX++.so.6, which this host's Node");
  }, 60_000);
});
