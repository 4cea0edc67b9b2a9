import { describe, expect, it } from 'vitest';
import { redactSnapshot } from '../../../engine/facts/redact-snapshot.js';
import { generateScenarioLayer } from '../../../harness/reproduce/generate-scenario-layer.js';
import { planLayout } from '../../../harness/reproduce/plan-layout.js';
import { loadSnapshot } from '../snapshot-builders.js';
import { APPLY_SCRIPT_TEXT, decodeManifest, loadHandWritten } from './reproduce-fixtures.js';

const layerOf = (facts: Parameters<typeof planLayout>[0], id = 'x') =>
  generateScenarioLayer(facts, { id, layerDir: `images/scenarios/${id}`, applyScript: APPLY_SCRIPT_TEXT });

describe('planLayout', () => {
  it("says that a snapshot taken with --online loses what the network answered, and names what it can't rebuild (the real mise)", () => {
    expect(planLayout(loadSnapshot('linux-online-proxy-refuses')).limits).toEqual([
      'the project /work/app (verify --project) is not reproduced: only the environment is',
      'the answers of GOPROXY and the checksum database (verify --online) are not reproduced: the reproduction is verified offline',
    ]);
    expect(planLayout(loadSnapshot('linux-mise-resolves')).limits).toEqual([
      "/root/.local/bin/mise is a program the snapshot can't rebuild (elf): not reproduced",
    ]);
  });

  it('keeps a Debian toolchain where the base image has it: no copy, the /usr/bin/go link replayed', () => {
    const plan = planLayout(loadSnapshot('linux-debian-golang-go'));
    expect(plan.base.image).toBe('go-1.19');
    expect(plan.ops.filter((o) => o.op === 'copytree')).toEqual([]);
    expect(plan.ops).toContainEqual({ op: 'link', path: 'usr/bin/go', target: '../lib/go-1.19/bin/go' });
    expect(plan.releases).toEqual([
      { path: '/usr/lib/go-1.19', wanted: 'go1.19.8', used: 'go1.19.8', exact: true },
      { path: '/usr/lib/go', wanted: 'go1.19.8', used: 'go1.19.8', exact: true },
    ]);
    // The fixture predates signature facts; nothing else differs.
    expect(plan.limits).toEqual([
      "code signatures are not reproduced: the snapshot's go was read by an engine that did not record signatures; the reproduction's is unsigned",
    ]);
  });

  it("keeps the base's tree for a go inside it when no GOROOT names it (go env failed: a stub in front, hostile-spawn)", () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    facts.goroot = null;
    facts.goEnv = null;
    facts.toolchains = [];
    const plan = planLayout(facts);
    expect(plan.base.image).toBe('go-1.19');
    // Before: a copy of /usr/lib/go-1.19/bin/go onto itself, then the whole tree removed as the base's own.
    expect(plan.ops.filter((o) => o.op === 'copyfile' || o.op === 'copytree')).toEqual([]);
    expect(plan.ops.filter((o) => o.op === 'remove').map((o) => (o as { path: string }).path)).not.toContain('usr/lib/go-1.19');
    expect(plan.releases).toContainEqual({ path: '/usr/lib/go-1.19', wanted: 'go1.19.8', used: 'go1.19.8', exact: true });
  });

  it("leaves gccgo's GOROOT (/usr) alone: it is no Go tree, and its missing parts say nothing to remove", () => {
    const plan = planLayout(loadSnapshot('linux-gccgo'));
    expect(plan.base.image).toBe('gccgo');
    expect(plan.ops.filter((o) => o.op === 'remove')).toEqual([]);
  });

  it('never removes a system directory, whatever the snapshot says is missing', () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    facts.candidates[0]!.hops.push({ path: '/usr/lib', type: 'missing', via: 'symlink' });
    facts.goroot = { ...facts.goroot!, path: '/etc', exists: false };
    const plan = planLayout(facts);
    expect(plan.ops.filter((o) => o.op === 'remove' && ['usr/lib', 'etc'].includes(o.path))).toEqual([]);
    expect(plan.limits).toContain('missing file /usr/lib would remove a whole system directory: left in place');
  });

  it('creates the temp dirs the environment names, except one the snapshot saw missing (tmpdir-missing)', () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    facts.env = { ...facts.env, TMPDIR: '/nonexistent', GOTMPDIR: '/var/go-tmp' };
    const dirs = (f: typeof facts) =>
      planLayout(f)
        .ops.filter((o) => o.op === 'dir')
        .map((o) => (o as { path: string }).path);
    expect(dirs(facts)).toEqual(expect.arrayContaining(['nonexistent', 'var/go-tmp']));
    facts.diagnosis = { workDir: { variable: 'TMPDIR', path: '/nonexistent', exists: false, writable: null, noexec: null, mountPoint: null } };
    expect(dirs(facts)).not.toContain('nonexistent');
    expect(dirs(facts)).toContain('var/go-tmp');
  });

  it('lists as a limit several releases reproduced by fewer (no image has both): what rests on their number is not reproduced', () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    facts.toolchains = [
      ...facts.toolchains,
      { root: '/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64', version: 'go1.27.3', source: 'GOTOOLCHAIN download' },
    ];
    expect(planLayout(facts).limits).toContain('2 releases (go1.19.8, go1.27.3) are reproduced by go1.19.8: the go-1.19 image has no more');
    expect(planLayout(loadSnapshot('linux-debian-golang-go')).limits.filter((l) => /releases \(/.test(l))).toEqual([]);
  });

  it("says it leaves a toolchain tree as released when the snapshot's differed from the checksum database's record", () => {
    const module = 'golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64';
    const record = { source: 'sumdb' as const, path: '/m/lookup', h1: 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=' };
    const withRc = (h1: string) => {
      const facts = loadSnapshot('linux-debian-golang-go');
      facts.releaseChecksum = { module, expected: [record], form: 'module', h1, files: 10 };
      return planLayout(facts).limits.filter((l) => l.includes('checksum database'));
    };
    expect(withRc('h1:ZOmGe1OnfREDMIdb1Qi4G9JSuDPBLGExZMQ4nis1RXM=')).toEqual([
      `the files of ${module} that differ from the checksum database's record are not changed in the reproduction`,
    ]);
    expect(withRc(record.h1)).toEqual([]);
  });

  it("links a directory that PATH reaches go through (setup-go's go-current → go/1.26.8/x64): no hop of the file is a link", () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    const c = facts.candidates[0]!;
    facts.candidates = [
      {
        ...c,
        path: '/opt/tc/go-current/bin/go',
        hops: [{ path: '/opt/tc/go-current/bin/go', type: 'file', via: 'path', mode: 0o755 }],
        realpath: '/opt/tc/go/1.19.8/x64/bin/go',
      },
    ];
    expect(planLayout(facts).ops).toContainEqual({ op: 'link', path: 'opt/tc/go-current', target: '/opt/tc/go/1.19.8/x64' });
    expect(planLayout(loadSnapshot('linux-debian-golang-go')).ops.filter((o) => o.op === 'link' && o.path.startsWith('opt'))).toEqual([]);
  });

  it('takes the C compiler away when the snapshot found none', () => {
    const plan = planLayout(loadSnapshot('linux-debian-no-cc'));
    expect(plan.ops).toContainEqual({ op: 'remove', path: 'usr/bin/gcc' });
  });

  it('copies a script in front of go byte for byte', () => {
    const facts = loadSnapshot('linux-wrapper-version-lie');
    const plan = planLayout(facts);
    expect(plan.ops).toContainEqual({ op: 'file', path: 'usr/local/bin/go', mode: 0o755, content: facts.candidates[0]!.scriptHead });
  });

  it('reproduces a redacted macOS Homebrew snapshot on Linux: the Cellar chain, the nearest 1.23, and says what differs', () => {
    const facts = redactSnapshot(loadHandWritten('darwin-homebrew-private-proxy'));
    const layer = layerOf(facts, 'mac');
    const { plan } = layer;
    expect(plan.base.image).toBe('go-1.23');
    expect(plan.releases[0]).toEqual({ path: '/opt/homebrew/Cellar/go/1.23.4/libexec', wanted: 'go1.23.4', used: 'go1.23.5', exact: false });
    expect(plan.ops).toContainEqual({ op: 'copytree', from: 'usr/lib/go-1.23', path: 'opt/homebrew/Cellar/go/1.23.4/libexec' });
    expect(plan.ops).toContainEqual({ op: 'link', path: 'opt/homebrew/bin/go', target: '../Cellar/go/1.23.4/bin/go' });
    expect(plan.ops).toContainEqual({ op: 'remove', path: 'usr/lib/go-1.23' });
    // $HOME of the redacted snapshot becomes the container's home, and go env -w settings move where Linux reads them.
    expect(plan.env.HOME).toBe('/root');
    expect(plan.env.GOPROXY).toBe('https://***@goproxy.corp.example,https://proxy.golang.org,direct');
    expect(plan.ops).toContainEqual({ op: 'file', path: 'root/.config/go/env', mode: 0o644, content: 'GOFLAGS=-mod=mod\n' });
    expect(plan.limits.join('\n')).toMatch(/macOS snapshot is reproduced on Linux/);
    expect(plan.limits.join('\n')).toMatch(/arm64; the reproduction runs on amd64/);
    expect(plan.limits.join('\n')).toMatch(/clang is stood in for by \/usr\/bin\/gcc/);
    expect(plan.limits.join('\n')).toMatch(/not taken in a container/);
    expect(layer.scenario.expect).toMatchObject({ verdict: ['degraded'], authentic: true, provenance: { kind: 'homebrew', manager: null } });
    expect(JSON.stringify(layer)).not.toMatch(/alice|ghp_|tok3n/);
  });

  it('reproduces a redacted Windows MSI snapshot under Wine: the profile, the registry PATH, the user env file', () => {
    const facts = redactSnapshot(loadHandWritten('windows-msi-private-proxy'));
    const layer = layerOf(facts, 'win');
    const { plan } = layer;
    expect(layer.scenario.platform).toBe('windows');
    // go1.22.5 in C:\Program Files\Go: the legacy-layout image's 1.22 is copied there, and its C:\Go removed.
    expect(plan.base.image).toBe('wine-go-1.22');
    expect(plan.ops).toContainEqual({ op: 'copytree', from: 'Go', path: 'Program Files/Go' });
    expect(plan.ops).toContainEqual({ op: 'remove', path: 'Go' });
    expect(plan.ops).toContainEqual({ op: 'setenv', scope: 'machine', name: 'PATH', value: expect.stringContaining('C:\\users\\root\\go\\bin') });
    expect(plan.ops).toContainEqual({ op: 'unsetenv', scope: 'user', name: 'PATH' });
    expect(plan.ops).toContainEqual({
      op: 'file',
      path: 'users/root/AppData/Roaming/go/env',
      mode: 0o644,
      content: 'GOPROXY=https://***@athens.corp.example,direct\nGOPRIVATE=git.corp.example/*\n',
    });
    expect(plan.limits.join('\n')).toMatch(/Windows is reproduced under Wine/);
    expect(JSON.stringify(layer)).not.toMatch(/Dana|s3cr3t|DANA-LAPTOP/i);
    // Wine's environment is the registry: nothing of it is Dockerfile text.
    expect(layer.files.Dockerfile).not.toMatch(/^ENV /m);
  });

  it('lists a program it cannot rebuild instead of dropping it silently', () => {
    const facts = loadSnapshot('linux-debian-golang-go');
    facts.candidates[0]!.realpath = '/usr/local/bin/go';
    facts.candidates[0]!.hops = [{ path: '/usr/local/bin/go', type: 'file', via: 'path', mode: 0o755, size: 1000 }];
    facts.candidates[0]!.identity = {
      ...facts.candidates[0]!.identity!,
      go: { version: 'go1.19.8', path: 'example.com/fakego', mainModule: 'example.com/fakego', buildSettings: {} },
    };
    expect(planLayout(facts).limits).toContain(
      "/usr/local/bin/go is a program the snapshot can't rebuild (elf, Go main package example.com/fakego): not reproduced",
    );
  });
});

describe('generateScenarioLayer', () => {
  it('writes a Dockerfile that only copies the manifest and runs the committed script', () => {
    const layer = layerOf(loadSnapshot('linux-goroot-other-release'));
    const instructions = layer.files.Dockerfile.split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' ')[0]);
    expect([...new Set(instructions)]).toEqual(['ARG', 'FROM', 'COPY', 'RUN', 'ENV']);
    expect(layer.files['apply-layout.sh']).toBe(APPLY_SCRIPT_TEXT);
    expect(decodeManifest(layer.files['layout.manifest']).header).toBe('goverity-layout 1 linux');
    expect(layer.scenario.expect).toMatchObject({ verdict: ['broken'], codes: expect.arrayContaining(['GOROOT_MISMATCH']) });
  });
});
