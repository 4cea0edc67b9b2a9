import { describe, expect, it } from 'vitest';
import type { GoBuildInfo } from '../../../engine/binary/binary-identity.js';
import { releaseBuildDeviations } from '../../../engine/binary/release-build-deviations.js';

/** `go version -m /usr/lib/go-1.27/bin/go` in Debian's golang-1.27-go, as recorded: what make.bash writes for a release. */
const debian127: GoBuildInfo = {
  version: 'go1.27.3',
  path: 'cmd/go',
  mainModule: null,
  buildSettings: {
    '-buildmode': 'exe',
    '-compiler': 'gc',
    '-gcflags': 'cmd/...=-dwarf=false',
    '-trimpath': 'true',
    CGO_ENABLED: '0',
    GOARCH: 'amd64',
    GOOS: 'linux',
    GOAMD64: 'v1',
  },
};
/** Debian's golang-1.19-go: releases before 1.21 had no -trimpath and kept cgo on. */
const debian119: GoBuildInfo = {
  version: 'go1.19.8',
  path: 'cmd/go',
  mainModule: null,
  buildSettings: { '-compiler': 'gc', CGO_ENABLED: '1', CGO_CFLAGS: '', GOARCH: 'amd64', GOOS: 'linux', GOAMD64: 'v1' },
};
const edit = (info: GoBuildInfo, patch: Partial<GoBuildInfo>, settings: Record<string, string | null> = {}): GoBuildInfo => {
  const buildSettings = { ...info.buildSettings };
  for (const [k, v] of Object.entries(settings))
    if (v === null) delete buildSettings[k];
    else buildSettings[k] = v;
  return { ...info, ...patch, buildSettings };
};

describe('releaseBuildDeviations', () => {
  it("finds nothing in Debian's make.bash builds, old or new, strict or not", () => {
    expect(releaseBuildDeviations(debian127)).toEqual([]);
    expect(releaseBuildDeviations(debian127, { strict: true })).toEqual([]);
    expect(releaseBuildDeviations(debian119, { strict: true })).toEqual([]);
  });

  it('names a go built by `go build -trimpath cmd/go` only when strict', () => {
    const goBuild = edit(debian127, {}, { '-gcflags': null });
    expect(releaseBuildDeviations(goBuild)).toEqual([]);
    expect(releaseBuildDeviations(goBuild, { strict: true })).toEqual([
      "built without make.bash's -gcflags=cmd/...=-dwarf=false (by go build or go install, not by cmd/dist)",
    ]);
    // A program that is not part of the toolchain is never asked for the toolchain's flags.
    expect(releaseBuildDeviations(edit(goBuild, { path: 'example.com/hello' }), { strict: true })).toEqual([]);
  });

  it('names each departure: checkout, no -trimpath, development version, gccgo, experiment, tags, GOAMD64', () => {
    expect(releaseBuildDeviations(edit(debian127, {}, { '-trimpath': null, vcs: 'git', 'vcs.revision': 'f00dfacef00dface' }))).toEqual([
      'built from a git checkout (vcs.revision=f00dfacef00d), not a release archive',
      'built without -trimpath, which every release build of Go 1.21 and later has',
    ]);
    expect(releaseBuildDeviations(edit(debian127, { version: 'go1.22.7 X:boringcrypto' }))).toEqual([
      'its version "go1.22.7 X:boringcrypto" is not a release version (a development, experiment or patched build)',
    ]);
    expect(releaseBuildDeviations(edit(debian127, { version: '' }, { '-compiler': 'gccgo' }))).toEqual([
      'built by gccgo (-compiler=gccgo), not by the gc toolchain releases use',
    ]);
    expect(releaseBuildDeviations(edit(debian127, {}, { GOEXPERIMENT: 'rangefunc', '-tags': 'netgo', GOAMD64: 'v3' }))).toEqual([
      'built with GOEXPERIMENT=rangefunc',
      'built with -tags=netgo',
      'built for GOAMD64=v3 (releases target v1)',
    ]);
    expect(releaseBuildDeviations(edit(debian127, { version: 'go1.23rc1' }))).toEqual([]);
  });
});
