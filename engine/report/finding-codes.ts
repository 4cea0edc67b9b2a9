/** Every finding code the engine can report (docs/contract.md's table and docs/verdict-rules.md): add, never rename. */
export const FINDING_CODES = [
  'GO_NOT_FOUND',
  'GO_NOT_EXECUTABLE',
  'GO_PATH_SHADOWED',
  'GO_STUB',
  'GO_VERSION_LIE',
  'BINARY_CORRUPT',
  'BINARY_WRONG_ARCH',
  'BINARY_EMULATED',
  'GOROOT_MISSING',
  'GOROOT_INCOMPLETE',
  'GOROOT_MISMATCH',
  'TOOLCHAIN_MISMATCH',
  'TOOLCHAIN_SWITCH',
  'TOOLCHAIN_SWITCH_FAILED',
  'BUILD_FAILED',
  'SHIM',
  'SHIM_UNRESOLVED',
  'WRAPPER',
  'CGO_DISABLED',
  'CGO_TOOLCHAIN_MISSING',
  'CGO_BUILD_FAILED',
  'GOPATH_CONFLICT',
  'MODCACHE_UNWRITABLE',
  'MODULE_FETCH_DISABLED',
  'PROXY_UNREACHABLE',
  'SUMDB_DISABLED',
  'GOFLAGS_OVERRIDE',
  'GO111MODULE_OFF',
  'CONTAINER',
  'MULTIPLE_TOOLCHAINS',
  'PROBE_TIMEOUT',
  'PROBE_OUTPUT_LIMIT',
  'CHECK_FAILED',
  'SIGNATURE_INVALID',
  'SIGNATURE_ABSENT',
  'NOT_OFFICIAL_BUILD',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** The code's section in the shipped docs/finding-codes.md, relative to the package root (one `## CODE` heading each). */
export function codeDocPath(code: string): string {
  return `docs/finding-codes.md#${code.toLowerCase()}`;
}
