import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../engine/report/build-report.js';
import { loadSnapshot, withFailedCommand } from '../snapshot-builders.js';

const proven = (s: Parameters<typeof buildReport>[0]) => (buildReport(s).proven ?? []).map((p) => p.what);

describe('the proven list', () => {
  it('lists the four proofs of a ready toolchain, each with its evidence', () => {
    const r = buildReport(loadSnapshot('linux-debian-golang-go'));
    expect(r.verdict).toBe('ready');
    expect(r.proven).toEqual([
      { what: 'go answers', evidence: '/usr/bin/go version: go version go1.19.8 linux/amd64' },
      { what: 'it is consistent', evidence: 'build info go1.19.8 = go env GOVERSION go1.19.8 = $GOROOT/VERSION go1.19.8 = compile -V go1.19.8' },
      { what: 'it built and ran a program', evidence: 'go build, then the program printed: goverity-pure-ok go1.19.8 linux amd64' },
      { what: 'cgo works', evidence: 'built with gcc and ran: goverity-cgo-ok 42' },
    ]);
  });

  it('leaves out what a finding contradicts or no command did', () => {
    expect(proven(loadSnapshot('linux-debian-no-cc'))).toEqual(['go answers', 'it is consistent', 'it built and ran a program']);
    expect(proven(loadSnapshot('linux-goroot-other-release'))).toEqual(['go answers']);
    expect(proven(withFailedCommand(loadSnapshot('linux-debian-golang-go'), 'runPure', 'signal: killed'))).not.toContain('it built and ran a program');
    expect(proven(loadSnapshot('linux-no-go'))).toEqual([]);
  });

  it('never quotes a lying go as proof: a wrapper printing another version gets no answers or consistency line', () => {
    const r = buildReport(loadSnapshot('linux-wrapper-version-lie'));
    expect(r.findings.map((f) => f.code)).toContain('GO_VERSION_LIE');
    expect(proven(loadSnapshot('linux-wrapper-version-lie'))).not.toContain('go answers');
    expect(proven(loadSnapshot('linux-wrapper-version-lie'))).not.toContain('it is consistent');
  });
});
