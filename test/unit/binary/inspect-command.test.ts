import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inspectCommand, renderInspect } from '../../../cli/inspect-command.js';
import { type InspectResult, inspectFile } from '../../../engine/binary/inspect-file.js';
import { UsageError } from '../../../cli/usage-error.js';
import { CPU_TYPE_ARM64, buildElf, buildMachO64, buildPe } from './synthetic-binaries.js';
import { makeIdentity, signMachO, signPe } from './synthetic-signatures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'goverity-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('goverity inspect', () => {
  it('prints one JSON array with the contract fields for each file, and exits 0', async () => {
    const signer = makeIdentity('Example Publisher');
    const files = [
      put('go-linux', buildElf()),
      put('go-darwin', await signMachO(buildMachO64({ cpuType: CPU_TYPE_ARM64, codeSignature: true }), { identifier: 'go', adhoc: true })),
      put('go.exe', signPe(buildPe(), { signer })),
      put('notes.txt', 'just text\n'),
    ];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    let text: string;
    try {
      code = await inspectCommand(['--json', ...files]);
      text = out.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      out.mockRestore();
    }
    expect(code).toBe(0);
    const printed = JSON.parse(text) as InspectResult[];
    const brief = printed.map((r) => ({
      file: path.basename(r.file),
      format: r.format,
      os: r.os,
      arch: r.arch,
      go: r.go?.version ?? null,
      kind: r.signature.kind,
      valid: r.signature.valid,
      signer: r.signature.signer,
      problems: r.problems,
    }));
    expect(brief).toEqual([
      { file: 'go-linux', format: 'elf', os: 'linux', arch: 'amd64', go: 'go1.22.12', kind: 'none', valid: null, signer: null, problems: [] },
      { file: 'go-darwin', format: 'macho', os: 'darwin', arch: 'arm64', go: 'go1.22.12', kind: 'adhoc', valid: true, signer: null, problems: [] },
      {
        file: 'go.exe',
        format: 'pe',
        os: 'windows',
        arch: 'amd64',
        go: 'go1.22.12',
        kind: 'authenticode',
        valid: true,
        signer: 'Example Publisher',
        problems: [],
      },
      { file: 'notes.txt', format: 'unknown', os: null, arch: null, go: null, kind: 'none', valid: null, signer: null, problems: [] },
    ]);
    expect(printed[0]!.go!.buildSettings).toMatchObject({ '-trimpath': 'true', CGO_ENABLED: '0', GOOS: 'linux' });
  });

  it('says in one line why a file cannot be read, and exits 1', async () => {
    const r = await inspectFile(path.join(dir, 'missing'));
    expect(r).toMatchObject({ format: 'unknown', problems: ['unreadable'], error: 'no such file' });
    expect(renderInspect(r)).toBe(`${path.join(dir, 'missing')}: cannot read: no such file\n`);
    expect((await inspectFile(dir)).error).toBe('is a directory');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await inspectCommand([path.join(dir, 'missing')])).toBe(1);
    } finally {
      out.mockRestore();
    }
  });

  it('renders what the file is, its Go, its signature verdict and why it fails', async () => {
    const bytes = await signMachO(buildMachO64({ cpuType: CPU_TYPE_ARM64, codeSignature: true }), { identifier: 'go', adhoc: true });
    bytes[0x1010] = bytes[0x1010]! ^ 1;
    const text = renderInspect(await inspectFile(put('tampered', bytes)));
    expect(text).toMatch(
      /^.*tampered: Mach-O, darwin\/arm64, 64-bit\n {2}go: go1\.22\.12, cmd\/go\n {2}dep\tgolang\.org\/x\/mod\tv0\.14\.0\th1:abc=\n {2}build: .*-trimpath.*\n {2}signature: ad-hoc, INVALID \(identifier go; CDHash [0-9a-f]{40}\)\n {4}1 of 3 code page hashes \(sha256\) do not match: the bytes changed after signing, first at page 1 \(offset 4096\)\n$/,
    );
  });

  it('asks for at least one file', async () => {
    await expect(inspectCommand(['--json'])).rejects.toThrow(UsageError);
  });
});
