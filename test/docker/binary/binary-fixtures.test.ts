import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMachO } from '../../../engine/binary/macho-reader.js';
import { readPe } from '../../../engine/binary/pe-reader.js';
import type { InspectResult } from '../../../engine/binary/inspect-file.js';
import { sharedImageBuilder } from '../../../harness/providers/shared-image-builder.js';
import { signMachO } from '../../unit/binary/synthetic-signatures.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const LABEL = 'org.goverity.test=binary-fixtures';
let dir: string;
let tag: string;
const results = new Map<string, InspectResult>();

/** Runs argv in a fresh container of the signing-tools image with `dir` at /out; no network, removed afterwards. */
async function inContainer(argv: string[]): Promise<void> {
  const name = `goverity-binary-fixtures-${process.pid}-${Date.now()}`;
  try {
    await execa('docker', ['run', '--rm', '--network', 'none', '--name', name, '--label', LABEL, '-v', `${dir}:/out`, tag, ...argv], { timeout: 8 * 60_000 });
  } finally {
    await execa('docker', ['rm', '-f', name], { reject: false });
  }
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 0x01;
  return out;
}

async function derive(): Promise<void> {
  const file = (n: string) => path.join(dir, n);
  // Mach-O: a byte of __TEXT,__text flipped after Go's linker signed it; and the same binary cut short.
  const arm64 = new Uint8Array(await readFile(file('hello-darwin-arm64')));
  const text = readMachO(arm64).sections.find((s) => s.name === '__text')!;
  await writeFile(file('hello-darwin-arm64-tampered'), flipped(arm64, text.offset! + 100));
  await writeFile(file('hello-darwin-arm64-truncated'), arm64.subarray(0, Math.floor(arm64.length * 0.6)));
  // Developer ID style: Go's ad-hoc signature replaced by a CodeDirectory with a team ID, CMS-signed by openssl.
  const devId = await signMachO(arm64, {
    identifier: 'example.com.hello',
    teamId: 'GOVTEST123',
    adhoc: false,
    cms: async (cd) => {
      await writeFile(file('cd.bin'), cd);
      await inContainer([
        'openssl',
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-nosmimecap',
        '-in',
        '/out/cd.bin',
        '-signer',
        '/out/cert.pem',
        '-inkey',
        '/out/key.pem',
        '-outform',
        'DER',
        '-out',
        '/out/cd.p7s',
      ]);
      return new Uint8Array(await readFile(file('cd.p7s')));
    },
  });
  await writeFile(file('hello-darwin-arm64-devid'), devId);
  await writeFile(file('hello-darwin-arm64-devid-tampered'), flipped(devId, text.offset! + 100));
  // PE: a byte of .text flipped after osslsigncode signed it; and the signed file cut inside its certificate table.
  const signed = new Uint8Array(await readFile(file('hello-windows-amd64-signed.exe')));
  const peText = readPe(signed).sections.find((s) => s.name === '.text')!;
  await writeFile(file('hello-windows-amd64-tampered.exe'), flipped(signed, peText.rawOffset + 100));
  await writeFile(file('hello-windows-amd64-truncated.exe'), signed.subarray(0, signed.length - 500));
  await writeFile(file('hello-linux-amd64-truncated'), (await readFile(file('hello-linux-amd64'))).subarray(0, 1_000_000));
}

describe('goverity inspect on real cross-built, signed, tampered and truncated binaries', () => {
  beforeAll(async () => {
    tag = await sharedImageBuilder(new Dockerode(), repoRoot).ensure('signing-tools');
    dir = await mkdtemp(path.join(os.tmpdir(), 'goverity-binary-fixtures-'));
    await inContainer(['make-binary-fixtures', '/out']);
    await derive();
    const names = [
      'go-linux-amd64',
      'hello-linux-amd64',
      'hello-linux-arm64',
      'hello-darwin-arm64',
      'hello-darwin-amd64',
      'hello-windows-amd64.exe',
      'hello-windows-amd64-signed.exe',
      'hello-windows-amd64-tampered.exe',
      'hello-windows-amd64-truncated.exe',
      'hello-darwin-arm64-tampered',
      'hello-darwin-arm64-truncated',
      'hello-darwin-arm64-devid',
      'hello-darwin-arm64-devid-tampered',
      'hello-linux-amd64-truncated',
      'cert.pem',
    ];
    // The built CLI, as a user runs it.
    const r = await execa('node', [path.join(repoRoot, 'bin/goverity.js'), 'inspect', '--json', ...names.map((n) => path.join(dir, n))]);
    for (const x of JSON.parse(r.stdout) as InspectResult[]) results.set(path.basename(x.file), x);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const get = (name: string) => {
    const r = results.get(name);
    if (!r) throw new Error(`${name} was not inspected`);
    return r;
  };
  const brief = (name: string) => {
    const r = get(name);
    return { format: r.format, os: r.os, arch: r.arch, kind: r.signature.kind, valid: r.signature.valid, signer: r.signature.signer, problems: r.problems };
  };

  it('identifies each platform from its headers, with the Go build info of the Go that cross-built it', () => {
    expect(brief('hello-linux-amd64')).toEqual({ format: 'elf', os: 'linux', arch: 'amd64', kind: 'none', valid: null, signer: null, problems: [] });
    expect(brief('hello-linux-arm64')).toEqual({ format: 'elf', os: 'linux', arch: 'arm64', kind: 'none', valid: null, signer: null, problems: [] });
    expect(brief('hello-darwin-amd64')).toEqual({ format: 'macho', os: 'darwin', arch: 'amd64', kind: 'none', valid: null, signer: null, problems: [] });
    expect(brief('hello-windows-amd64.exe')).toEqual({ format: 'pe', os: 'windows', arch: 'amd64', kind: 'none', valid: null, signer: null, problems: [] });
    for (const [name, goos, goarch] of [
      ['hello-linux-arm64', 'linux', 'arm64'],
      ['hello-darwin-arm64', 'darwin', 'arm64'],
      ['hello-windows-amd64.exe', 'windows', 'amd64'],
    ] as const) {
      const go = get(name).go!;
      expect(go.version).toMatch(/^go1\.27(\.\d+)?$/);
      expect(go.path).toBe('example.com/hello');
      expect(go.buildSettings).toMatchObject({ '-trimpath': 'true', CGO_ENABLED: '0', GOOS: goos, GOARCH: goarch });
    }
    expect(get('hello-linux-amd64').linkage).toBe('static');
  });

  it("reads Debian's own cmd/go: a static ELF built the way release builds are", () => {
    const go = get('go-linux-amd64');
    expect(go.go).toMatchObject({ path: 'cmd/go', buildSettings: { '-trimpath': 'true', '-gcflags': 'cmd/...=-dwarf=false', CGO_ENABLED: '0' } });
    expect(go.signature.kind).toBe('none');
  });

  it("verifies the ad-hoc signature Go's linker gives darwin/arm64 binaries, page by page", () => {
    expect(brief('hello-darwin-arm64')).toEqual({ format: 'macho', os: 'darwin', arch: 'arm64', kind: 'adhoc', valid: true, signer: null, problems: [] });
    expect(get('hello-darwin-arm64').signature.cdHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it('turns the verdict to invalid when one byte of __TEXT changed after signing', () => {
    const r = get('hello-darwin-arm64-tampered');
    expect(r.signature).toMatchObject({ kind: 'adhoc', valid: false });
    expect(r.signature.reasons[0]).toMatch(/^1 of \d+ code page hashes \(sha256\) do not match: the bytes changed after signing/);
    expect(r.problems).toEqual([]);
  });

  it('calls a cut-short darwin binary truncated, and its signature invalid', () => {
    const r = get('hello-darwin-arm64-truncated');
    expect(r.problems).toContain('truncated');
    expect(r.signature.valid).toBe(false);
  });

  it('verifies a CMS (Developer ID style) signature made by openssl: signer, team ID, message digest of the CodeDirectory', () => {
    expect(get('hello-darwin-arm64-devid').signature).toMatchObject({
      kind: 'developer-id',
      valid: true,
      signer: 'goverity throwaway signer',
      teamId: 'GOVTEST123',
      chain: ['goverity throwaway signer'],
      chainComplete: true,
      anchor: null,
      reasons: [],
    });
    const t = get('hello-darwin-arm64-devid-tampered').signature;
    expect(t).toMatchObject({ kind: 'developer-id', valid: false, signer: 'goverity throwaway signer' });
  });

  it('verifies an Authenticode signature made by osslsigncode, as osslsigncode itself does', async () => {
    expect(brief('hello-windows-amd64-signed.exe')).toEqual({
      format: 'pe',
      os: 'windows',
      arch: 'amd64',
      kind: 'authenticode',
      valid: true,
      signer: 'goverity throwaway signer',
      problems: [],
    });
    expect(get('hello-windows-amd64-signed.exe').signature).toMatchObject({
      chain: ['goverity throwaway signer'],
      chainComplete: true,
      timestamp: null,
      digestAlgorithm: 'sha256',
    });
    expect(await readFile(path.join(dir, 'hello-windows-amd64-signed.exe.osslsigncode'), 'utf8')).toMatch(/Signature verification: ok/);
  });

  it('turns Authenticode invalid when a byte of .text changed after signing, or the file was cut short', () => {
    expect(brief('hello-windows-amd64-tampered.exe')).toMatchObject({ kind: 'authenticode', valid: false, signer: 'goverity throwaway signer' });
    expect(get('hello-windows-amd64-tampered.exe').signature.reasons).toEqual([
      'the image hash (sha256) does not match the signed one: the file changed after signing',
    ]);
    const cut = get('hello-windows-amd64-truncated.exe');
    expect(cut.problems).toContain('truncated');
    expect(cut.signature).toMatchObject({ kind: 'authenticode', valid: false });
  });

  it('calls a cut-short ELF truncated and anything else not a binary', () => {
    expect(get('hello-linux-amd64-truncated').problems).toContain('truncated');
    expect(brief('cert.pem')).toEqual({ format: 'unknown', os: null, arch: null, kind: 'none', valid: null, signer: null, problems: [] });
  });
});
