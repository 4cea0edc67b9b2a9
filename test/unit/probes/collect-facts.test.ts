import { describe, expect, it } from 'vitest';
import { collectFacts } from '../../../engine/probes/collect-facts.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { type FakeEntry, FakeTransport, type FakeExec } from '../../../engine/transport/fake-transport.js';
import type { ExecOptions, ExecResult } from '../../../engine/transport/transport.js';
import { buildElf } from '../binary/synthetic-binaries.js';

const GOROOT = '/usr/lib/go-1.22';
const goEnv = {
  GOROOT,
  GOVERSION: 'go1.22.12',
  GOTOOLDIR: `${GOROOT}/pkg/tool/linux_amd64`,
  CGO_ENABLED: '1',
  CC: 'gcc',
  GOPATH: '/root/go',
  GOMODCACHE: '/root/go/pkg/mod',
  GOENV: '/root/.config/go/env',
  GOCACHE: '/root/.cache/go-build',
};

/** A Debian-like machine: /usr/bin/go → ../lib/go-1.22/bin/go, a real-looking cmd/go ELF, and a go that answers like go1.22.12. */
function debianLike(overrides: { onExec?: FakeExec; first?: FakeExec; files?: Record<string, FakeEntry>; Transport?: typeof FakeTransport } = {}) {
  const elf = buildElf({ version: 'go1.22.12' });
  const tool = (name: string) => ({
    [`${GOROOT}/pkg/tool/linux_amd64/${name}`]: { type: 'file' as const, mode: 0o755, content: buildElf({ version: 'go1.22.12' }) },
  });
  /** Like go build: an ELF whose build info names the module in the probe's go.mod (its nonce included). */
  const built = (argv: string[], opts: { cwd?: string }, text: (p: string) => string | null) => {
    const module = /^module (\S+)/.exec(text(`${opts.cwd}/go.mod`) ?? '')?.[1] ?? 'none';
    const modinfo = `path\t${module}\nmod\t${module}\t(devel)\t\nbuild\t-compiler=gc\nbuild\tGOARCH=amd64\nbuild\tGOOS=linux\n`;
    return {
      stdout: '',
      writes: { [argv[argv.indexOf('-o') + 1]!]: { type: 'file' as const, mode: 0o755, content: buildElf({ version: 'go1.22.12', modinfo }) } },
    };
  };
  const answer: FakeExec = (argv, opts, text) => {
    const early = overrides.first?.(argv, opts, text);
    if (early) return early;
    const a = argv.join(' ');
    if (a.endsWith('bin/go version')) return { stdout: `go version ${opts.env?.GOTOOLCHAIN === 'local' ? 'go1.22.12' : 'go1.22.12'} linux/amd64\n` };
    if (a.endsWith('go env -json')) return { stdout: JSON.stringify(goEnv) };
    if (a.endsWith('go env GOROOT')) return { stdout: `${GOROOT}\n` };
    if (a.includes('compile -V=full')) return { stdout: 'compile version go1.22.12\n' };
    if (a.includes('link -V=full')) return { stdout: 'link version go1.22.12\n' };
    if (a.includes('go build -o')) return built(argv, opts, text);
    const nonce = () => /goverity\.invalid\/pure([0-9a-f]{16})/.exec(text('/tmp/goverity-fake/pure/go.mod') ?? '')?.[1];
    if (a.endsWith('pure.bin')) return { stdout: `goverity-pure-ok ${nonce()} go1.22.12 linux amd64\n` };
    if (a.endsWith('cgo.bin')) return { stdout: `goverity-cgo-ok ${nonce()} 42\n` };
    if (argv[0] === 'dpkg-query') return { stdout: `golang-1.22-go: ${GOROOT}/bin/go\n` };
    return undefined;
  };
  return new (overrides.Transport ?? FakeTransport)(
    {
      ...overrides.files,
      '/usr/bin/go': { type: 'symlink', target: '../lib/go-1.22/bin/go' },
      [`${GOROOT}/bin/go`]: { type: 'file', mode: 0o755, content: elf },
      [`${GOROOT}/VERSION`]: { type: 'file', content: 'go1.22.12\ntime 2025-02-04T20:00:00Z\n' },
      [`${GOROOT}/src`]: { type: 'symlink', target: '../../share/go-1.22/src' },
      '/usr/share/go-1.22/src/runtime/proc.go': { type: 'file', content: 'package runtime' },
      '/usr/share/go-1.22/src/fmt/print.go': { type: 'file', content: 'package fmt' },
      [`${GOROOT}/pkg/include/textflag.h`]: { type: 'file', content: '' },
      ...tool('compile'),
      ...tool('link'),
      ...tool('asm'),
      ...tool('vet'),
      '/usr/bin/gcc': { type: 'file', mode: 0o755, content: '\x7fELF' },
      '/root/go': { type: 'dir' },
    },
    { PATH: '/usr/local/bin:/usr/bin', HOME: '/root' },
    overrides.onExec ?? answer,
  );
}

describe('collectFacts through a transport', () => {
  it("follows each symlink hop, identifies the binary from its bytes, and resolves Debian's symlinked src", async () => {
    const facts = await collectFacts(debianLike());
    const go = facts.candidates[0]!;
    expect(go.hops.map((h) => [h.path, h.type, h.linkTarget ?? null])).toEqual([
      ['/usr/bin/go', 'symlink', '../lib/go-1.22/bin/go'],
      [`${GOROOT}/bin/go`, 'file', null],
    ]);
    expect(go.identity?.go?.version).toBe('go1.22.12');
    expect(facts.goroot?.parts['src/runtime']).toBe(true);
    expect(facts.goroot?.versionFile).toBe('go1.22.12');
    expect(facts.packageOwner).toBe('dpkg:golang-1.22-go');
  });

  it('runs go version with and without GOTOOLCHAIN=local, and asks for the located GOROOT with GOROOT unset and GOENV=off', async () => {
    const facts = await collectFacts(debianLike());
    expect(facts.commands.versionLocal?.envOverrides).toEqual({ GOTOOLCHAIN: 'local' });
    expect(facts.commands.gorootLocated?.envOverrides).toEqual({ GOROOT: null, GOENV: 'off' });
    expect(facts.commands.version?.cwd).toBe('/tmp/goverity-fake');
    expect(facts.commands.compileV?.argv).toEqual([`${GOROOT}/pkg/tool/linux_amd64/compile`, '-V=full']);
    expect(buildReport(facts).verdict).toBe('ready');
  });

  it('builds the cgo program only where go env says cgo is on', async () => {
    const t = debianLike();
    await collectFacts(t);
    expect(t.execs.filter((a) => a.includes('build')).map((a) => a.at(-3))).toEqual(['-o', '-o']);
    const noCgo = debianLike({
      onExec: (argv, opts, text) =>
        argv.join(' ').endsWith('go env -json') ? { stdout: JSON.stringify({ ...goEnv, CGO_ENABLED: '0' }) } : debianLikeAnswer(argv, opts, text),
    });
    const facts = await collectFacts(noCgo);
    expect(facts.commands.buildCgo).toBeUndefined();
    expect(facts.commands.buildPure).toBeDefined();
  });

  it('spends no build budget on a go whose version hung, and removes its temp dir', async () => {
    const t = debianLike({ onExec: (argv) => (argv.join(' ').endsWith('bin/go version') ? { exitCode: null, timedOut: true } : undefined) });
    const facts = await collectFacts(t);
    expect(facts.commands.version?.timedOut).toBe(true);
    expect(facts.commands.buildPure).toBeUndefined();
    expect(await t.readDir('/tmp/goverity-fake')).toBeNull();
    expect(buildReport(facts).findings.map((f) => f.code)).toEqual(expect.arrayContaining(['PROBE_TIMEOUT', 'BUILD_FAILED']));
  });

  it("asks dpkg's database which package, if any, recorded the content a changed file has now (another release's genuine tool)", async () => {
    const compile = `${GOROOT}/pkg/tool/linux_amd64/compile`;
    const print = '/usr/share/go-1.22/src/fmt/print.go';
    const t = debianLike({
      onExec: (argv, opts, text) => {
        if (argv[0] === 'dpkg-query') return { stdout: `golang-1.22-go: ${GOROOT}/bin/go\n` };
        if (argv[0] === 'dpkg') return { stdout: `??5??????   ${compile}\n??5??????   ${print}\n`, exitCode: 1 };
        if (argv[0] === 'md5sum') return { stdout: `0123456789abcdef0123456789abcdef  ${compile}\nffffffffffffffffffffffffffffffff  ${print}\n` };
        if (argv[0] === 'sh' && argv[2]?.includes('md5sums'))
          return {
            stdout: [
              '/var/lib/dpkg/info/golang-1.21-go:amd64.md5sums:0123456789abcdef0123456789abcdef  usr/lib/go-1.21/pkg/tool/linux_amd64/compile',
              // The same digest under another name vouches for nothing: a fake copied over compile keeps its own name.
              '/var/lib/dpkg/info/other.md5sums:ffffffffffffffffffffffffffffffff  usr/bin/print.go.bak',
            ].join('\n'),
          };
        return debianLikeAnswer(argv, opts, text);
      },
    });
    const facts = await collectFacts(t);
    expect(facts.packageVerify?.changed).toEqual([compile, print]);
    expect(facts.packageVerify?.vouchedBy).toEqual({ [compile]: 'golang-1.21-go:/usr/lib/go-1.21/pkg/tool/linux_amd64/compile' });
    expect(buildReport(facts).findings.find((f) => f.code === 'PACKAGE_FILES_MODIFIED')?.message).toBe(
      '1 file of golang-1.22-go no longer matches what dpkg installed: /usr/share/go-1.22/src/fmt/print.go.',
    );
  });

  it('gives the probe programs a fresh nonce every run and identifies what go build wrote before running it', async () => {
    const [a, b] = [await collectFacts(debianLike()), await collectFacts(debianLike())];
    expect(a.probe?.nonce).toMatch(/^[0-9a-f]{16}$/);
    expect(a.probe?.nonce).not.toBe(b.probe?.nonce);
    expect(a.probe?.modules.pure).toBe(`goverity.invalid/pure${a.probe!.nonce}`);
    expect(a.artifacts?.pure?.go?.mainModule).toBe(a.probe!.modules.pure);
    expect(a.commands.runPure?.stdout).toContain(`goverity-pure-ok ${a.probe!.nonce}`);
  });

  it('never runs a script that go build wrote, and calls that toolchain not authentic', async () => {
    const script = '#!/bin/sh\necho goverity-pure-ok\n';
    const t = debianLike({
      onExec: (argv, opts, text) =>
        argv.join(' ').includes('go build -o')
          ? { stdout: '', writes: { [argv[argv.indexOf('-o') + 1]!]: { type: 'file', mode: 0o755, content: script } } }
          : debianLikeAnswer(argv, opts, text),
    });
    const facts = await collectFacts(t);
    expect(facts.artifacts?.pure?.format).toBe('script');
    expect(facts.commands.runPure).toBeUndefined();
    expect(t.execs.some((a) => a[0]!.endsWith('pure.bin'))).toBe(false);
    const r = buildReport(facts);
    expect(r.authentic).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('BUILD_OUTPUT_FORGED');
    expect(r.findings.map((f) => f.code)).not.toContain('BUILD_FAILED');
  });

  it('online, loads the project only after go version there has fetched the toolchain it selects (no race with the download)', async () => {
    const cached = '/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64/bin/go';
    /** go version in the project takes a while: it is downloading go1.27.3 through GOPROXY. */
    class SlowDownload extends FakeTransport {
      override async exec(argv: string[], options: ExecOptions): Promise<ExecResult> {
        if (options.cwd === '/work/app' && argv.at(-1) === 'version') await new Promise((r) => setTimeout(r, 50));
        return super.exec(argv, options);
      }
    }
    const first: FakeExec = (argv, opts, text) => {
      if (opts.cwd !== '/work/app') return undefined;
      const a = argv.join(' ');
      if (a.endsWith('go version')) return { stdout: 'go version go1.27.3 linux/amd64\n', writes: { [cached]: { type: 'file', mode: 0o755, content: 'go' } } };
      if (a.includes(' list ')) {
        return text(cached) !== null
          ? { exitCode: 0, stdout: '', spawnError: null }
          : { exitCode: 1, stderr: 'go: download go1.27.3 for linux/amd64: toolchain not available\n', spawnError: null };
      }
      return undefined;
    };
    const files = { '/work/app/go.mod': { type: 'file' as const, content: 'module example.com/app\n\ngo 1.22\n\ntoolchain go1.27.3\n' } };
    const online = await collectFacts(debianLike({ first, files, Transport: SlowDownload }), { project: '/work/app', online: true });
    expect([online.project?.version?.stdout.trim(), online.project?.load?.exitCode, online.project?.load?.stderr]).toEqual([
      'go version go1.27.3 linux/amd64',
      0,
      '',
    ]);
    // Offline nothing is downloaded, so go list does not wait: it sees the module cache as it was.
    const offline = await collectFacts(debianLike({ first, files, Transport: SlowDownload }), { project: '/work/app' });
    expect(offline.project?.load?.exitCode).toBe(1);
  });

  it('finds no go on an empty PATH and runs no go command', async () => {
    const t = new FakeTransport({}, { PATH: '/usr/bin' });
    const facts = await collectFacts(t);
    expect(facts.candidates).toEqual([]);
    expect(Object.keys(facts.commands)).toEqual([]);
    expect(buildReport(facts).verdict).toBe('absent');
  });
});

const debianLikeAnswer: FakeExec = (argv, opts) => {
  const a = argv.join(' ');
  if (a.endsWith('bin/go version')) return { stdout: 'go version go1.22.12 linux/amd64\n' };
  if (a.endsWith('go env -json')) return { stdout: JSON.stringify(goEnv) };
  if (a.includes('go build -o')) return { stdout: '' };
  if (a.endsWith('pure.bin')) return { stdout: 'goverity-pure-ok\n' };
  if (a.includes('-V=full')) return { stdout: `${argv[0]!.split('/').pop()} version go1.22.12\n` };
  return opts ? undefined : undefined;
};
