import type { GoBuildInfo } from './binary-identity.js';

const RELEASE_VERSION = /^go(\d+)\.(\d+)(?:\.\d+)?(?:(?:rc|beta)\d+)?$/;
/** cmd/dist's toolenv for release builds (a VERSION file): https://github.com/golang/go/blob/master/src/cmd/dist/build.go */
const RELEASE_GCFLAGS = 'cmd/...=-dwarf=false';

/**
 * How a Go toolchain binary's build info departs from what Go's release process (make.bash on a release tree,
 * as both go.dev and distributions such as Debian run it) writes; [] when it matches. Build info cannot tell a
 * distribution's make.bash from go.dev's: since Go 1.21 both record the same settings.
 * `strict` also asks a toolchain binary (cmd/...) of Go >= 1.21 for make.bash's -gcflags, which `go build -trimpath cmd/go` lacks.
 */
export function releaseBuildDeviations(info: GoBuildInfo, { strict = false } = {}): string[] {
  const s = info.buildSettings;
  const out: string[] = [];
  if (s['-compiler'] === 'gccgo') out.push('built by gccgo (-compiler=gccgo), not by the gc toolchain releases use');
  const m = RELEASE_VERSION.exec(info.version);
  if (info.version && !m) out.push(`its version "${info.version}" is not a release version (a development, experiment or patched build)`);
  if (s['vcs'] !== undefined || s['vcs.revision'] !== undefined) {
    out.push(
      `built from a ${s['vcs'] ?? 'version control'} checkout${s['vcs.revision'] ? ` (vcs.revision=${s['vcs.revision'].slice(0, 12)})` : ''}, not a release archive`,
    );
  }
  if (s['GOEXPERIMENT']) out.push(`built with GOEXPERIMENT=${s['GOEXPERIMENT']}`);
  for (const flag of ['-race', '-msan', '-asan']) if (s[flag] === 'true') out.push(`built with ${flag}`);
  if (s['-tags']) out.push(`built with -tags=${s['-tags']}`);
  if (s['GOAMD64'] && s['GOAMD64'] !== 'v1') out.push(`built for GOAMD64=${s['GOAMD64']} (releases target v1)`);
  // cmd/dist builds release toolchains with -trimpath since Go 1.21 (toolenv): https://github.com/golang/go/blob/master/src/cmd/dist/build.go
  const since121 = !!m && (Number(m[1]) > 1 || Number(m[2]) >= 21);
  if (since121 && s['-compiler'] !== 'gccgo') {
    if (s['-trimpath'] !== 'true') out.push('built without -trimpath, which every release build of Go 1.21 and later has');
    else if (strict && info.path?.startsWith('cmd/') && s['-gcflags'] !== RELEASE_GCFLAGS) {
      out.push(`built without make.bash's -gcflags=${RELEASE_GCFLAGS} (by go build or go install, not by cmd/dist)`);
    }
  }
  return out;
}
