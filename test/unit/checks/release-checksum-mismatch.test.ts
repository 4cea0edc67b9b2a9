import { describe, expect, it } from 'vitest';
import { releaseChecksumMismatch } from '../../../engine/checks/release-checksum-mismatch.js';
import type { ReleaseChecksumFact } from '../../../engine/facts/fact-snapshot.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { loadSnapshot, only, run, variant } from '../snapshot-builders.js';

const MOD = 'golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64';
const DIR = `/root/go/pkg/mod/${MOD}`;
const RECORD = 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=';
const OTHER = 'h1:ZOmGe1OnfREDMIdb1Qi4G9JSuDPBLGExZMQ4nis1RXM=';
const expected: ReleaseChecksumFact['expected'] = [
  { source: 'sumdb', path: `/root/go/pkg/mod/cache/download/sumdb/sum.golang.org/lookup/${MOD}`, h1: RECORD },
  { source: 'ziphash', path: '/root/go/pkg/mod/cache/download/golang.org/toolchain/@v/v0.0.1-go1.27.3.linux-amd64.ziphash', h1: RECORD },
];

function withChecksum(rc: ReleaseChecksumFact, goroot = DIR) {
  return variant(loadSnapshot('linux-debian-copy-usr-local'), (d) => {
    d.goroot = { ...d.goroot!, path: goroot };
    d.releaseChecksum = rc;
  });
}

describe('release-checksum-mismatch (RELEASE_CHECKSUM_MISMATCH)', () => {
  it('is silent, and the report proves the files, when the toolchain tree hashes to the recorded h1', () => {
    const s = withChecksum({ module: MOD, expected, form: 'module', h1: RECORD, files: 11518 });
    expect(run(releaseChecksumMismatch, s)).toEqual([]);
    expect(buildReport(s).proven!.map((p) => p.what)).toContain("its files are the release's");
  });

  it("is an error, not authentic, when the module cache's toolchain tree hashes to something else", () => {
    const s = withChecksum({ module: MOD, expected, form: 'module', h1: OTHER, files: 11518 });
    const f = only(run(releaseChecksumMismatch, s), 'RELEASE_CHECKSUM_MISMATCH');
    expect(f.severity).toBe('error');
    expect(f.message).toContain(OTHER);
    expect(f.evidence.join('\n')).toContain(`sum.golang.org/lookup/${MOD}): ${RECORD}`);
    expect(f.fix).toContain('GOTOOLCHAIN=go1.27.3 go version');
    const report = buildReport(s);
    expect([report.verdict, report.authentic]).toEqual(['broken', false]);
    expect(report.proven!.map((p) => p.what)).not.toContain("its files are the release's");
  });

  it('is an error when the cached database answer and the .ziphash disagree, whatever the tree hashes to', () => {
    const s = withChecksum({ module: MOD, expected: [expected[0]!, { ...expected[1]!, h1: OTHER }], form: 'module', h1: OTHER, files: 11518 });
    expect(only(run(releaseChecksumMismatch, s), 'RELEASE_CHECKSUM_MISMATCH').message).toMatch(/records of .* disagree/);
  });

  it("with --online, says the database's answer asked now beside the cache's, and an edited cache disagrees with it", () => {
    const now = { source: 'sumdb-online' as const, path: `https://proxy.example.test/sumdb/db.example.test/lookup/${MOD}`, h1: RECORD };
    const agreed = withChecksum({ module: MOD, expected: [...expected, now], form: 'module', h1: RECORD, files: 11518 });
    expect(run(releaseChecksumMismatch, agreed)).toEqual([]);
    expect(buildReport(agreed).proven!.find((p) => p.what === "its files are the release's")?.evidence).toMatch(
      /\(the checksum database's answer go cached; go's \.ziphash of the download; the checksum database's answer through GOPROXY, asked now\)$/,
    );
    // An attacker who rewrote the tree and both cache records alike is caught by the answer asked now.
    const forged = expected.map((e) => ({ ...e, h1: OTHER }));
    const s = withChecksum({ module: MOD, expected: [...forged, now], form: 'module', h1: OTHER, files: 11518 });
    const f = only(run(releaseChecksumMismatch, s), 'RELEASE_CHECKSUM_MISMATCH');
    expect(f.message).toMatch(/disagree: the module cache holds a hash the checksum database does not give now/);
    expect(f.evidence).toContain(`the checksum database's answer through GOPROXY, asked now (${now.path}): ${RECORD}`);
  });

  it('names the files of a release tree that differ from the recorded module tree, leaving go.env to GOROOT_GOENV_EDITED', () => {
    const base: ReleaseChecksumFact = { module: MOD, expected, form: 'release', h1: OTHER, files: 11500, copy: { path: DIR, h1: RECORD } };
    const tampered = withChecksum({ ...base, changed: ['go.env', 'pkg/tool/linux_amd64/compile'], missing: ['src/go.mod'] }, '/usr/local/go');
    const f = only(run(releaseChecksumMismatch, tampered), 'RELEASE_CHECKSUM_MISMATCH');
    expect(f.message).toBe(
      "2 files of /usr/local/go differ from go1.27.3 as Go's checksum database vouches for it: pkg/tool/linux_amd64/compile, src/go.mod (missing).",
    );
    const goEnvOnly = withChecksum({ ...base, changed: ['go.env'], missing: [] }, '/usr/local/go');
    expect(run(releaseChecksumMismatch, goEnvOnly)).toEqual([]);
    expect(buildReport(goEnvOnly).proven!.find((p) => p.what === "its files are the release's")?.evidence).toContain('go.env aside');
  });

  it('judges nothing from a release tree whose hash differs when no recorded module tree was there to compare it with', () => {
    const s = withChecksum({ module: MOD, expected, form: 'release', h1: OTHER, files: 11500 }, '/usr/local/go');
    expect(run(releaseChecksumMismatch, s)).toEqual([]);
    expect(buildReport(s).proven!.map((p) => p.what)).not.toContain("its files are the release's");
  });

  it('judges nothing when the tree could not be hashed', () => {
    const s = withChecksum({ module: MOD, expected, form: 'module', h1: null, files: 0, problem: 'hashing /x: did not finish in 90 s' });
    expect(run(releaseChecksumMismatch, s)).toEqual([]);
  });
});
