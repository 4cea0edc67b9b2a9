/** A finding's weight; the verdict follows from it (docs/verdict-rules.md). */
export type Severity = 'error' | 'warning' | 'info';

/** Where the docs explain a code: the contract's table, how the identity comparisons work, the binary facts. */
const DOCS = {
  codes: 'docs/contract.md#finding-codes-the-minimum-vocabulary-add-more-never-rename',
  comparisons: 'docs/verdict-rules.md#the-comparisons-behind-the-findings',
  binary: 'docs/binary-identity.md#in-the-engine',
} as const;

/** What the table says of one code. */
export interface FindingCodeInfo {
  /** Every severity a check may give it; docs/verdict-rules.md's Severities table lists the code under each. */
  severities: readonly Severity[];
  /** The row of docs/contract.md's code table, word for word. */
  meaning: string;
  /** The docs section that explains how it is decided; the section names the code. */
  doc: string;
}

/**
 * Every finding code, the one vocabulary of checks, scenarios and docs: adding a code is one entry here, plus its row in
 * docs/contract.md and docs/verdict-rules.md (test/unit/checks/finding-codes.test.ts compares them). Never rename one.
 */
export const FINDING_CODES = {
  GO_NOT_FOUND: { severities: ['error'], doc: DOCS.codes, meaning: 'no `go` resolvable on PATH' },
  GO_NOT_EXECUTABLE: {
    severities: ['error', 'warning'],
    doc: DOCS.codes,
    meaning: 'a `go` on PATH that cannot be executed (permissions, mount, missing interpreter)',
  },
  GO_PATH_SHADOWED: { severities: ['warning'], doc: DOCS.comparisons, meaning: 'more than one `go` on PATH and they are different toolchains; the first wins' },
  GO_STUB: { severities: ['error'], doc: DOCS.comparisons, meaning: 'the `go` found is not a Go toolchain (no Go build info, cannot act as the go command)' },
  GO_VERSION_LIE: {
    severities: ['error'],
    doc: DOCS.comparisons,
    meaning: 'the version `go version` prints differs from the version built into the binary or its GOROOT',
  },
  BINARY_CORRUPT: { severities: ['error'], doc: DOCS.comparisons, meaning: 'the binary is truncated or not a valid executable' },
  BINARY_WRONG_ARCH: { severities: ['error'], doc: DOCS.comparisons, meaning: 'the binary is for another OS or architecture than the machine' },
  BINARY_EMULATED: {
    severities: ['info'],
    doc: DOCS.codes,
    meaning: 'the binary is for another architecture but the OS runs it under emulation, e.g. Rosetta 2 (info)',
  },
  GOROOT_MISSING: { severities: ['error'], doc: DOCS.comparisons, meaning: 'the GOROOT in effect does not exist (unset target, dangling symlink)' },
  GOROOT_INCOMPLETE: {
    severities: ['error'],
    doc: DOCS.comparisons,
    meaning: 'GOROOT lacks parts the toolchain needs (src/runtime, pkg/tool/OS_ARCH/compile)',
  },
  GOROOT_MISMATCH: { severities: ['error'], doc: DOCS.comparisons, meaning: 'the GOROOT in effect belongs to another toolchain or version than the binary' },
  TOOLCHAIN_MISMATCH: { severities: ['error'], doc: DOCS.comparisons, meaning: 'compile/link/other tools report a different version than the go command' },
  TOOLCHAIN_SWITCH: {
    severities: ['info'],
    doc: DOCS.comparisons,
    meaning: 'GOTOOLCHAIN or go.mod selects a toolchain other than the local one (info when it works)',
  },
  TOOLCHAIN_SWITCH_FAILED: {
    severities: ['error'],
    doc: DOCS.comparisons,
    meaning: 'the selected toolchain cannot be obtained (offline, missing from the module cache)',
  },
  BUILD_FAILED: { severities: ['error'], doc: DOCS.codes, meaning: 'building and running a minimal program fails' },
  SHIM: { severities: ['info'], doc: DOCS.codes, meaning: '`go` is reached through a version-manager shim (info)' },
  SHIM_UNRESOLVED: { severities: ['error'], doc: DOCS.codes, meaning: 'the shim cannot resolve a version or a target' },
  WRAPPER: {
    severities: ['warning', 'info'],
    doc: DOCS.codes,
    meaning: '`go` is a script or program wrapping another go binary (info unless it alters behaviour)',
  },
  CGO_DISABLED: { severities: ['info'], doc: DOCS.codes, meaning: 'CGO_ENABLED=0 in effect (info)' },
  CGO_TOOLCHAIN_MISSING: { severities: ['warning'], doc: DOCS.comparisons, meaning: 'cgo is enabled but the C compiler in `go env CC` is missing' },
  CGO_BUILD_FAILED: { severities: ['warning'], doc: DOCS.codes, meaning: 'a C compiler exists but a cgo build fails (headers, libc, linker)' },
  GOPATH_CONFLICT: { severities: ['warning'], doc: DOCS.codes, meaning: 'GOPATH equals or lies inside GOROOT' },
  MODCACHE_UNWRITABLE: { severities: ['warning'], doc: DOCS.codes, meaning: 'GOMODCACHE or GOPATH cannot be written' },
  MODULE_FETCH_DISABLED: { severities: ['warning'], doc: DOCS.codes, meaning: 'GOPROXY=off or a GOPROXY list with no usable entry: modules cannot be fetched' },
  PROXY_UNREACHABLE: { severities: ['warning'], doc: DOCS.codes, meaning: 'with `--online`: the module proxy chain in GOPROXY cannot be reached' },
  SUMDB_DISABLED: {
    severities: ['warning', 'info'],
    doc: DOCS.codes,
    meaning: 'checksum database verification is turned off (GOSUMDB=off, GONOSUMDB/GOFLAGS/GOINSECURE wide open)',
  },
  GOFLAGS_OVERRIDE: { severities: ['warning', 'info'], doc: DOCS.codes, meaning: 'GOFLAGS (environment or go.env) changes build behaviour' },
  GO111MODULE_OFF: { severities: ['warning'], doc: DOCS.codes, meaning: 'module mode turned off' },
  CONTAINER: { severities: ['info'], doc: DOCS.codes, meaning: 'the target is a container (info)' },
  MULTIPLE_TOOLCHAINS: { severities: ['info'], doc: DOCS.codes, meaning: 'more than one toolchain is installed (info)' },
  PROBE_TIMEOUT: { severities: ['error'], doc: DOCS.codes, meaning: 'a probe command did not finish in time (the report says which)' },
  PROBE_OUTPUT_LIMIT: { severities: ['error'], doc: DOCS.codes, meaning: 'a probe command flooded its output and was cut off (the report says which)' },
  CHECK_FAILED: { severities: ['error'], doc: DOCS.codes, meaning: 'a check threw on these facts: a bug to report with `goverity snapshot` output' },
  SIGNATURE_INVALID: {
    severities: ['error'],
    doc: DOCS.binary,
    meaning: "a toolchain binary's macOS code signature or Windows Authenticode does not match its bytes",
  },
  SIGNATURE_ABSENT: {
    severities: ['warning', 'info'],
    doc: DOCS.binary,
    meaning: 'the go binary names no signer (info on Linux and for non-release builds; warning for a macOS or Windows release build)',
  },
  NOT_OFFICIAL_BUILD: { severities: ['info'], doc: DOCS.binary, meaning: "the go binary's build info departs from a Go release build's (info)" },
  PROJECT_TOOLCHAIN_REFUSED: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning:
      '(added, `--project`) the go.mod/go.work requires a newer Go than the toolchain GOTOOLCHAIN lets run there (`local`, a pinned release without `+auto`, `toolchain default`): go refuses to build',
  },
  PROJECT_TOOLCHAIN_UNAVAILABLE: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning: '(added, `--project`) the go.mod/go.work selects a toolchain that is neither on PATH nor in the module cache: offline go cannot switch',
  },
  PROJECT_TOOLCHAIN_SWITCH: {
    severities: ['info'],
    doc: DOCS.codes,
    meaning: '(added, `--project`) in the project go runs another toolchain than the local one, and it works (info)',
  },
  PROJECT_VENDOR_INCONSISTENT: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning: '(added, `--project`) vendor mode (`-mod=vendor`, or a vendor directory) without a vendor/modules.txt that matches go.mod',
  },
  PROJECT_GOSUM_MISSING: { severities: ['error'], doc: DOCS.codes, meaning: "(added, `--project`) go.sum does not cover the project's requirements" },
  PROJECT_MODULES_NOT_CACHED: {
    severities: ['error', 'warning'],
    doc: DOCS.codes,
    meaning: '(added, `--project`) required modules are not in the module cache: the first build downloads them (fails offline)',
  },
  PROJECT_LOAD_FAILED: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning: "(added, `--project`) go cannot load the project's packages for another reason (go's message quoted)",
  },
  PROJECT_GOPATH_MODE: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: '(added, `--project`) go builds the project in GOPATH mode (GO111MODULE=off, or `auto` with no go.mod)',
  },
  GOCACHE_UNUSABLE: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning: 'go has no usable build cache: GOCACHE=off or relative, HOME unset with no GOCACHE/XDG_CACHE_HOME, or a cache directory it cannot write',
  },
  TEMPDIR_UNUSABLE: {
    severities: ['error', 'warning'],
    doc: DOCS.codes,
    meaning:
      'the directory go makes its work dir in (GOTMPDIR, else TMPDIR) is missing or unwritable (error), or mounted noexec (warning: go run and go test fail)',
  },
  TARGET_PLATFORM_FOREIGN: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning: "GOOS/GOARCH/GOAMD64 set by the user to a platform this machine can't run: builds work, the programs don't",
  },
  GOEXPERIMENT_INVALID: { severities: ['error'], doc: DOCS.codes, meaning: 'GOEXPERIMENT names an experiment this go does not know; every go command fails' },
  GOWORK_UNUSABLE: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning: "GOWORK (environment or env file) names a go.work go can't use: it needs a newer Go, is missing or malformed",
  },
  BUILD_INTERCEPTED: {
    severities: ['error', 'warning'],
    doc: DOCS.codes,
    meaning: 'GOFLAGS carries -toolexec or -overlay: every build runs through another program or reads other files',
  },
  CGO_FLAGS_BROKEN: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: 'a CGO_CFLAGS/CGO_CPPFLAGS/CGO_CXXFLAGS/CGO_LDFLAGS value the C compiler or linker rejects',
  },
  CC_WRONG_TARGET: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: 'the C compiler in CC targets another architecture than GOARCH (its own `-dumpmachine`), with cgo on',
  },
  GOROOT_STRIPPED: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: 'standard packages (`go list std` against the packages every release has) or the vet tool removed from GOROOT',
  },
  PATH_RELATIVE: { severities: ['warning'], doc: DOCS.codes, meaning: '`.`, an empty element or a relative directory on PATH' },
  GOROOT_GOENV_EDITED: { severities: ['info'], doc: DOCS.codes, meaning: '`$GOROOT/go.env` differs from the one Go releases ship (info)' },
  BUILD_OUTPUT_FORGED: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning:
      "`go build` of the probe program (a fresh nonce in its module path each run) wrote something no Go toolchain writes: a script, a program without Go build info, another module's or another Go version's binary; it is never run (error, not authentic)",
  },
  PACKAGE_FILES_MODIFIED: {
    severities: ['error', 'warning'],
    doc: DOCS.codes,
    meaning:
      "`dpkg --verify` / `rpm -V` reports files of the packages that own go, GOROOT's runtime sources or the compiler whose content changed since installation (error, not authentic; a warning, authentic, when the one change is the go binary rebuilt in place by a plain go build of its own release)",
  },
  SHELL_GO_DIFFERS: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: "(added, `--shell`) the user's login shell, started as a new terminal would, runs another go than this process finds, or none",
  },
  SHELL_ENV_DIFFERS: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: "(added, `--shell`) the user's login shell ends up with other GOROOT, GOPATH, GOBIN, GOTOOLCHAIN, GOFLAGS or GO111MODULE than this process",
  },
  SHELL_PROFILE_FAILED: {
    severities: ['warning'],
    doc: DOCS.codes,
    meaning: "(added, `--shell`) the user's login shell hung or ended before its profiles were done",
  },
  RELEASE_CHECKSUM_MISMATCH: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning:
      "an official release's GOROOT does not hash to what Go's checksum database gives its toolchain module (golang.org/toolchain@v0.0.1-<version>.<goos>-<goarch>, as the module cache records it), or those records disagree (error, not authentic)",
  },
  SIGNATURE_UNTRUSTED: {
    severities: ['error'],
    doc: DOCS.codes,
    meaning:
      'a macOS or Windows go whose build info claims a release carries a signature that holds over its bytes but whose signer vouches only for itself (a self-signed certificate) or, for a Developer ID, whose chain does not reach the pinned Apple Root CA (error, not authentic)',
  },
} as const satisfies Record<string, FindingCodeInfo>;

/** A code from FINDING_CODES: checks can emit no other. */
export type FindingCode = keyof typeof FINDING_CODES;

/** The severities FINDING_CODES allows for code C. */
export type SeverityOf<C extends FindingCode> = (typeof FINDING_CODES)[C]['severities'][number];

export function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(FINDING_CODES, code);
}
