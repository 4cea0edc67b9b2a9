import { describe, expect, it } from 'vitest';
import { notOfficialBuild } from '../../../engine/checks/not-official-build.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant } from '../snapshot-builders.js';

function withSettings(name: string, edit: (settings: Record<string, string>, d: ReturnType<typeof loadSnapshot>) => void) {
  return variant(loadSnapshot(name), (d) => {
    edit(d.candidates[0]!.identity!.go!.buildSettings, d);
    if (d.goroot?.binary?.go) d.goroot.binary.go = structuredClone(d.candidates[0]!.identity!.go!);
  });
}

describe('not-official-build (NOT_OFFICIAL_BUILD)', () => {
  it('fires (info) for a go built from a VCS checkout without -trimpath, saying why', () => {
    const s = withSettings('linux-debian-no-cc', (b) => {
      delete b['-trimpath'];
      Object.assign(b, { vcs: 'git', 'vcs.revision': '0123456789abcdef0123', 'vcs.modified': 'false' });
    });
    const f = only(notOfficialBuild(s), 'NOT_OFFICIAL_BUILD');
    expect(f.severity).toBe('info');
    expect(f.message).toBe(
      '/usr/lib/go-1.22/bin/go (go1.22.12) was not built the way Go releases are: built from a git checkout (vcs.revision=0123456789ab), not a release archive; built without -trimpath, which every release build of Go 1.21 and later has.',
    );
    expect(f.evidence[0]).toMatch(/^\/usr\/lib\/go-1.22\/bin\/go: Go build info go1.22.12 cmd\/go: .*vcs=git/);
  });

  it('fires for a development version, an experiment and a raised GOAMD64', () => {
    const s = variant(
      withSettings('linux-debian-copy-usr-local', (b) => Object.assign(b, { GOEXPERIMENT: 'boringcrypto', GOAMD64: 'v3' })),
      (d) => {
        d.candidates[0]!.identity!.go!.version = 'devel go1.24-abcdef Tue Jan 1 00:00:00 2025 +0000';
      },
    );
    const f = only(notOfficialBuild(s), 'NOT_OFFICIAL_BUILD');
    expect(f.message).toContain('its version "devel go1.24-abcdef Tue Jan 1 00:00:00 2025 +0000" is not a release version');
    expect(f.message).toContain('built with GOEXPERIMENT=boringcrypto');
    expect(f.message).toContain('built for GOAMD64=v3 (releases target v1)');
  });

  it('stays silent on Debian and go.dev builds alike: since Go 1.21 both record the release settings', () => {
    for (const name of GENUINE_FIXTURES) expect(notOfficialBuild(loadSnapshot(name)), name).toEqual([]);
  });

  it("fires for a go command rebuilt with go build -trimpath: a release's cmd/go also carries make.bash's -gcflags", () => {
    const s = withSettings('linux-debian-no-cc', (b) => {
      delete b['-gcflags'];
    });
    const f = only(notOfficialBuild(s), 'NOT_OFFICIAL_BUILD');
    expect(f.message).toBe(
      "/usr/lib/go-1.22/bin/go (go1.22.12) was not built the way Go releases are: built without make.bash's -gcflags=cmd/...=-dwarf=false (by go build or go install, not by cmd/dist).",
    );
  });

  it('does not ask -trimpath of releases older than Go 1.21 (they were built without it)', () => {
    expect(notOfficialBuild(loadSnapshot('linux-debian-golang-go'))).toEqual([]);
  });
});
