import { mkdtemp, mkdir, rm, symlink, writeFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote } from '../../../engine/transport/shell-quote.js';
import { spawnRunner } from '../../../engine/transport/ssh-runner.js';
import { parseEnv0, parseLstat, remoteCommand, SshTransport } from '../../../engine/transport/ssh-transport.js';

// The command lines SshTransport would send over ssh, run by a local sh instead: same quoting, same parsing.
const localShell = spawnRunner('sh', ['-c']);
const endpoint = { host: '127.0.0.1', port: 22, user: 'nobody', identityFile: '/dev/null' };
const t = new SshTransport(endpoint, 'ssh:test', localShell);
const small = { timeoutMs: 10_000, maxBytes: 1 << 20 };
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'goverity ssh test '));
  await writeFile(path.join(dir, 'file'), 'hello world');
  await symlink("target with 'quotes' and spaces", path.join(dir, 'link'));
  await mkdir(path.join(dir, 'sub dir'));
});
afterAll(async () => {
  await t[Symbol.asyncDispose]();
  await rm(dir, { recursive: true, force: true });
});

describe('shell quoting', () => {
  it('passes every argv word through a shell unchanged', async () => {
    const words = ['plain', 'two words', "it's", '"double"', '$HOME', '`id`', 'a\\b', '*', 'new\nline', '', '-n', "'"];
    const r = await t.exec(['printf', '%s\\0', ...words], small);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
  });

  it('leaves safe words bare and quotes the rest', () => {
    expect(shellQuote('/usr/lib/go-1.22/bin/go')).toBe('/usr/lib/go-1.22/bin/go');
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    expect(shellQuote('')).toBe("''");
  });

  it('builds cd, timeout(1) and env(1) with -u for unset variables', () => {
    const cmd = remoteCommand(['go', 'env', 'GOROOT'], { env: { GOROOT: null, GOENV: 'off' }, cwd: '/tmp/x y', timeoutMs: 2500, maxBytes: 1 });
    expect(cmd).toContain("cd '/tmp/x y'");
    expect(cmd).toContain('exec timeout -s KILL 3 env -u GOROOT GOENV=off go env GOROOT');
  });
});

describe('exec', () => {
  it('sets and unsets variables on top of the target environment', async () => {
    process.env.GOVERITY_SSH_TEST_B = 'present';
    const r = await t.exec(['sh', '-c', 'printf "%s|%s" "${GOVERITY_SSH_TEST_A-unset}" "${GOVERITY_SSH_TEST_B-unset}"'], {
      ...small,
      env: { GOVERITY_SSH_TEST_A: "x 'y'", GOVERITY_SSH_TEST_B: null },
    });
    expect(r.stdout).toBe("x 'y'|unset");
  });

  it('runs in cwd; a cwd that does not exist is a failure to start', async () => {
    expect((await t.exec(['pwd'], { ...small, cwd: path.join(dir, 'sub dir') })).stdout.trim()).toBe(path.join(dir, 'sub dir'));
    const r = await t.exec(['pwd'], { ...small, cwd: path.join(dir, 'missing') });
    expect(r.spawnError).toMatch(/cannot enter directory/);
  });

  it('reports a program that cannot be started as a spawn error', async () => {
    const r = await t.exec(['/nonexistent/go', 'version'], small);
    expect(r.exitCode).toBe(127);
    expect(r.spawnError).toMatch(/nonexistent\/go/);
    expect(r.stderr).toBe('');
  });

  it('kills a command at its deadline', async () => {
    const r = await t.exec(['sleep', '30'], { timeoutMs: 1000, maxBytes: 4096 });
    expect(r.timedOut).toBe(true);
    expect(r.durationMs).toBeLessThan(8000);
  });

  it('cuts off a flood at maxBytes', async () => {
    const r = await t.exec(['yes'], { timeoutMs: 10_000, maxBytes: 10_000 });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(10_000);
  });

  it('reads the environment NUL-separated', async () => {
    process.env.GOVERITY_SSH_TEST_NL = 'a\nb';
    expect((await t.environment()).GOVERITY_SSH_TEST_NL).toBe('a\nb');
    expect(parseEnv0('A=1\0B=x=y\0')).toEqual({ A: '1', B: 'x=y' });
  });
});

describe('files', () => {
  it('lstat tells files, dirs and symlinks (with their raw target) apart', async () => {
    expect(await t.lstat(path.join(dir, 'file'))).toMatchObject({ type: 'file', size: 11 });
    expect(await t.lstat(path.join(dir, 'sub dir'))).toMatchObject({ type: 'dir' });
    expect(await t.lstat(path.join(dir, 'link'))).toMatchObject({ type: 'symlink', linkTarget: "target with 'quotes' and spaces" });
    expect(await t.lstat(path.join(dir, 'missing'))).toBeNull();
    expect(parseLstat('/x', '81ed 42\n')).toEqual({ path: '/x', type: 'file', mode: 0o755, size: 42, linkTarget: null });
  });

  it('readFile caps the bytes and reports the real size; directories and missing files are null', async () => {
    const f = await t.readFile(path.join(dir, 'file'), 5);
    expect(Buffer.from(f!.bytes).toString()).toBe('hello');
    expect(f!.size).toBe(11);
    expect(await t.readFile(path.join(dir, 'sub dir'), 5)).toBeNull();
    expect(await t.readFile(path.join(dir, 'missing'), 5)).toBeNull();
  });

  it('readDir and writable', async () => {
    expect(await t.readDir(dir)).toEqual(['file', 'link', 'sub dir']);
    expect(await t.readDir(path.join(dir, 'missing'))).toBeNull();
    expect(await t.writable(dir)).toBe(true);
  });

  it('makeTempDir and upload fill a fresh directory in one command; dispose removes them', async () => {
    const tmp = await t.makeTempDir({ 'main.go': 'package main\n', 'sub/go.mod': 'module x\n' });
    expect(await t.readFile(`${tmp}/sub/go.mod`, 100)).toMatchObject({ size: 9 });
    const up = await t.upload([{ name: 'tool', hostPath: path.join(dir, 'file'), mode: 0o755 }]);
    expect((await stat(`${up}/tool`)).mode & 0o777).toBe(0o755);
    const other = new SshTransport(endpoint, 'ssh:test', localShell);
    const mine = await other.makeTempDir({});
    await other[Symbol.asyncDispose]();
    expect(await t.lstat(mine)).toBeNull();
  });
});
