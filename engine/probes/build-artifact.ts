import type { BinaryIdentity } from '../binary/binary-identity.js';
import type { Platform } from '../transport/transport.js';

/** The platform go builds for: go env GOOS/GOARCH where go answered, else the machine's. */
export function buildTarget(goEnv: Record<string, string> | null | undefined, machine: Platform): Platform {
  return { os: (goEnv?.GOOS || machine.os) as Platform['os'], arch: goEnv?.GOARCH || machine.arch };
}

const NATIVE_FORMAT: Record<string, BinaryIdentity['format']> = { windows: 'pe', darwin: 'macho' };

/**
 * Why the file `go build` wrote is not what a Go toolchain builds from the probe program: an executable for the platform go
 * builds for (GOOS/GOARCH) whose Go build info names the probe's module (a fresh nonce each run). Empty when it is one. gccgo writes
 * no build info; its output is vouched for by its bytes instead (libgo linkage), and only when go is gccgo itself.
 * Pure: the probe calls it to decide whether to run the artifact, the BUILD_OUTPUT_FORGED check to report it.
 */
export function artifactProblems(
  id: BinaryIdentity | null,
  expect: { platform: Platform; modulePath: string; goVersion?: string | null; gccgo?: boolean; gopathModeDir?: string | null },
): string[] {
  if (!id) return ['it could not be read'];
  const native = NATIVE_FORMAT[expect.platform.os] ?? 'elf';
  if (id.format !== native)
    return [
      `it is ${id.format === 'script' ? `a script${id.interpreter ? ` (#!${id.interpreter})` : ''}` : `a ${id.format} file`}, not a native ${native} executable`,
    ];
  const out: string[] = [];
  if (id.problems.length > 0) out.push(`its headers are damaged: ${id.problems.join(', ')}`);
  if ((id.os && id.os !== expect.platform.os) || (id.arch && !id.arch.split(',').includes(expect.platform.arch)))
    out.push(`it is built for ${id.os ?? '?'}/${id.arch ?? '?'}, not ${expect.platform.os}/${expect.platform.arch}, which go builds for`);
  if (!id.go) {
    if (!(expect.gccgo && id.gccgo)) out.push('it carries no Go build info: no Go toolchain linked it');
    return out;
  }
  const module = id.go.mainModule ?? id.go.path;
  // GO111MODULE=off builds in GOPATH mode, which ignores go.mod: the main package is named after its directory.
  const gopathPath = expect.gopathModeDir ? gopathModeImportPath(expect.gopathModeDir) : null;
  if (module !== expect.modulePath && module !== gopathPath && !(expect.gccgo && id.gccgo && module === null))
    out.push(`its Go build info names ${module ?? 'no module'}, not this verification's probe module ${expect.modulePath}`);
  // runtime.Version() carries " X:exp" when GOEXPERIMENT is set; go env GOVERSION does not.
  const built = id.go.version.split(' ')[0] ?? '';
  if (expect.goVersion && /^go\d/.test(expect.goVersion) && built && built !== expect.goVersion)
    out.push(`its Go build info says it was built by ${built}, but go env GOVERSION is ${expect.goVersion}`);
  return out;
}

/**
 * The import path GOPATH mode gives a package outside GOPATH: "_" joined with its directory, slashed, with characters
 * invalid in import paths made "_" (cmd/go's dirToImportPath: https://github.com/golang/go/blob/master/src/cmd/go/internal/load/pkg.go).
 */
export function gopathModeImportPath(dir: string): string {
  const slashed = dir.replace(/\\/g, '/').replace(/[!"#$%&'()*,:;<=>?[\]^{|}`\uFFFD\s]/g, '_');
  return `_${slashed.startsWith('/') ? '' : '/'}${slashed}`.replace(/\/+/g, '/').replace(/\/$/, '');
}
