import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../engine/checks/finding.js';
import { REPORT_SCHEMA, buildReport } from '../../../engine/report/build-report.js';
import { renderText } from '../../../engine/report/render-text.js';
import { judgeReport } from '../../../harness/scenarios/judge-report.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';
import { asdfShimSnapshot, fixtureNames, loadSnapshot, variant } from '../snapshot-builders.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const GOLDEN_DIR = path.join(REPO, 'test/golden');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** Every fixture's full report, as `goverity verify --json` would print it for those facts. */
const EXPECTED = {
  'darwin-homebrew': { verdict: 'ready', authentic: true, kind: 'homebrew', manager: null, codes: [] },
  'darwin-pkg-installer': { verdict: 'ready', authentic: true, kind: 'official', manager: null, codes: [] },
  'darwin-wrong-arch': { verdict: 'broken', authentic: false, kind: 'official', manager: null, codes: ['BINARY_WRONG_ARCH', 'BUILD_FAILED'] },
  'linux-debian-copy-usr-local': { verdict: 'ready', authentic: true, kind: 'official', manager: null, codes: ['CONTAINER'] },
  'linux-debian-golang-go': { verdict: 'ready', authentic: true, kind: 'distro', manager: null, codes: ['CONTAINER'] },
  'linux-debian-no-cc': { verdict: 'degraded', authentic: true, kind: 'distro', manager: null, codes: ['CGO_DISABLED', 'CGO_TOOLCHAIN_MISSING', 'CONTAINER'] },
  'linux-gccgo': { verdict: 'ready', authentic: true, kind: 'gccgo', manager: null, codes: ['CONTAINER'] },
  'linux-goroot-other-release': {
    verdict: 'broken',
    authentic: true,
    kind: 'distro',
    manager: null,
    codes: ['BUILD_FAILED', 'CONTAINER', 'GOROOT_MISMATCH', 'MULTIPLE_TOOLCHAINS'],
  },
  'linux-mise-binary-removed': { verdict: 'broken', authentic: true, kind: 'version-manager', manager: 'mise', codes: ['CONTAINER', 'SHIM_UNRESOLVED'] },
  'linux-mise-project-version-missing': {
    verdict: 'broken',
    authentic: true,
    kind: 'version-manager',
    manager: 'mise',
    codes: ['CONTAINER', 'SHIM', 'SHIM_UNRESOLVED', 'SIGNATURE_ABSENT'],
  },
  'linux-mise-resolves': { verdict: 'ready', authentic: true, kind: 'version-manager', manager: 'mise', codes: ['CONTAINER', 'SHIM', 'SIGNATURE_ABSENT'] },
  'linux-no-go': { verdict: 'absent', authentic: null, kind: 'unknown', manager: null, codes: ['CONTAINER', 'GO_NOT_FOUND'] },
  'linux-official-usr-local': { verdict: 'ready', authentic: true, kind: 'official', manager: null, codes: ['CONTAINER', 'SIGNATURE_ABSENT'] },
  'linux-online-proxy-mirror-answers': {
    verdict: 'ready',
    authentic: true,
    kind: 'official',
    manager: null,
    codes: ['CONTAINER', 'PROJECT_TOOLCHAIN_SWITCH', 'SIGNATURE_ABSENT'],
  },
  'linux-online-proxy-refuses': {
    verdict: 'broken',
    authentic: true,
    kind: 'official',
    manager: null,
    codes: ['CONTAINER', 'PROJECT_TOOLCHAIN_UNAVAILABLE', 'PROXY_UNREACHABLE', 'SIGNATURE_ABSENT'],
  },
  'linux-wrapper-version-lie': { verdict: 'broken', authentic: false, kind: 'wrapper', manager: null, codes: ['CONTAINER', 'GO_VERSION_LIE', 'WRAPPER'] },
  'windows-bat-shim': { verdict: 'ready', authentic: true, kind: 'wrapper', manager: null, codes: ['CGO_DISABLED', 'WRAPPER'] },
  'windows-bat-shim-version-lie': { verdict: 'broken', authentic: false, kind: 'wrapper', manager: null, codes: ['CGO_DISABLED', 'GO_VERSION_LIE', 'WRAPPER'] },
  'windows-goroot-missing': { verdict: 'broken', authentic: true, kind: 'official', manager: null, codes: ['BUILD_FAILED', 'GOROOT_MISSING'] },
  'windows-msi': { verdict: 'degraded', authentic: true, kind: 'official', manager: null, codes: ['CGO_DISABLED', 'CGO_TOOLCHAIN_MISSING'] },
  'windows-msi-nocgo-explicit': { verdict: 'ready', authentic: true, kind: 'official', manager: null, codes: ['CGO_DISABLED'] },
  'windows-stale-c-go': { verdict: 'degraded', authentic: true, kind: 'official', manager: null, codes: ['GO_PATH_SHADOWED', 'MULTIPLE_TOOLCHAINS'] },
} as const;

describe('buildReport on every fixture', () => {
  it('covers every fixture in test/fixtures/snapshots', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtureNames());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, want) => {
    const s = loadSnapshot(name);
    const r = buildReport(s);
    expect(r.schema).toBe(REPORT_SCHEMA);
    expect(r.target).toBe(s.target);
    expect({
      verdict: r.verdict,
      authentic: r.authentic,
      kind: r.provenance.kind,
      manager: r.provenance.manager,
      codes: r.findings.map((f) => f.code).sort(),
    }).toEqual(want);
    expect(r.provenance.container).toBe(name.startsWith('linux-'));
    expect(r.timings.totalMs).toBe(s.timings.totalMs);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("the report's go section", () => {
  it('follows a Homebrew chain to the Cellar binary', () => {
    expect(buildReport(loadSnapshot('darwin-homebrew')).go).toEqual({
      path: '/opt/homebrew/bin/go',
      resolved: '/opt/homebrew/Cellar/go/1.23.4/libexec/bin/go',
      version: 'go1.23.4',
      goroot: '/opt/homebrew/Cellar/go/1.23.4/libexec',
      chain: ['/opt/homebrew/bin/go', '/opt/homebrew/Cellar/go/1.23.4/bin/go', '/opt/homebrew/Cellar/go/1.23.4/libexec/bin/go'],
    });
  });

  it("ends a wrapper's chain at the real go behind it (Windows go.bat)", () => {
    expect(buildReport(loadSnapshot('windows-bat-shim')).go).toEqual({
      path: 'C:\\Program Files\\Go\\bin\\go.bat',
      resolved: 'C:\\Program Files\\Go\\bin\\go.bat',
      version: 'go1.22.5',
      goroot: 'C:\\Program Files\\Go',
      chain: ['C:\\Program Files\\Go\\bin\\go.bat', 'C:\\Program Files\\Go\\bin\\go.exe'],
    });
  });

  it('reports the printed version, even when it is a lie (the findings say so)', () => {
    expect(buildReport(loadSnapshot('linux-wrapper-version-lie')).go?.version).toBe('go1.99.0');
  });

  it('falls back to the build info and the GOROOT claimed when go answers nothing', () => {
    const r = buildReport(loadSnapshot('windows-goroot-missing'));
    expect(r.go).toMatchObject({ path: 'C:\\Program Files\\Go\\bin\\go.exe', version: 'go1.22.5', goroot: 'C:\\Go' });
  });

  it('names no GOROOT for a shim that cannot run go (the directory above a script is no GOROOT)', () => {
    expect(buildReport(asdfShimSnapshot({ resolves: false })).go).toMatchObject({ path: '/root/.asdf/shims/go', version: null, goroot: null });
  });

  it('has no go section when go is absent', () => {
    expect(buildReport(loadSnapshot('linux-no-go')).go).toBeNull();
  });
});

describe('buildReport robustness', () => {
  it('turns a check that throws into a CHECK_FAILED error (a crash proves nothing, so the verdict is broken) and still decides', () => {
    const boom: Check = () => {
      throw new Error('cannot read properties of null');
    };
    const r = buildReport(loadSnapshot('darwin-homebrew'), [boom]);
    expect(r.verdict).toBe('broken');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'CHECK_FAILED', severity: 'error', message: 'A check failed on these facts: cannot read properties of null' });
    expect(r.findings[0]!.evidence[0]).toMatch(/^Error: cannot read properties of null/);
  });

  it('gives totalMs 0 when the snapshot recorded none', () => {
    const s = variant(loadSnapshot('darwin-homebrew'), (d) => {
      d.timings = {};
    });
    expect(buildReport(s).timings).toEqual({ totalMs: 0 });
  });
});

describe("recorded Linux fixtures agree with their scenarios' expectations", () => {
  const recorded = fixtureNames('linux-')
    .map((n) => [n, n.slice('linux-'.length)] as const)
    .filter(([, id]) => existsSync(path.join(REPO, 'scenarios', `${id}.json`)));

  it.each(recorded)('%s judged against scenarios/%s.json', (name, id) => {
    const scenario = JSON.parse(readFileSync(path.join(REPO, 'scenarios', `${id}.json`), 'utf8')) as Scenario;
    expect(judgeReport(scenario, buildReport(loadSnapshot(name))).why).toEqual([]);
  });
});

describe('renderText golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(['darwin-homebrew', 'windows-msi', 'linux-goroot-other-release'])('%s', (name) => {
    // The snapshot's timings are recorded, so the "took" line is fixed too.
    const text = renderText(buildReport(loadSnapshot(name)), { color: false });
    const file = path.join(GOLDEN_DIR, `${name}.txt`);
    if (UPDATE_GOLDEN) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run --project unit`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('colours the verdict only when asked', () => {
    const r = buildReport(loadSnapshot('windows-msi'));
    expect(renderText(r, { color: true })).toContain('\x1b[33mDEGRADED\x1b[0m');
    expect(renderText(r, { color: false })).toContain('goverity local: DEGRADED, authentic');
  });
});
