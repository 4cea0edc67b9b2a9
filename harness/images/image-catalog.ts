import type { ImageSpec } from './image-spec.js';

/** One recipe for every Debian Go toolchain; the build args pick the suite and the versions. */
const DEBIAN_GO = 'images/toolchains/debian-go';
/** One recipe for every Windows Go image; the build args say which releases go where. */
const WINDOWS_GO = 'images/toolchains/windows-go';
const WINDOWS_GO_STAGES = { GO122: 'go-1.22', GO124: 'go-1.24' };

/**
 * Every image the harness builds, as plain data. One debootstrap rootfs (bookworm) is the root of
 * everything; `bookworm-cgo` adds gcc + libc6-dev once; each toolchain image adds one real Debian Go
 * package on top. Newer Go releases come from trixie / sid, but only the Go packages themselves (they
 * are static binaries with no library dependencies), so no second rootfs is needed.
 *
 * Toolchain ids are `go-1.N` (the Go minor the image's `go version` must print), `go-multi`
 * (1.21 and 1.22 side by side, `/usr/bin/go` → 1.22) and `gccgo`.
 */
export const IMAGE_CATALOG: ImageSpec[] = [
  { id: 'base-bookworm', kind: 'rootfs', suite: 'bookworm' },
  { id: 'bookworm-cgo', kind: 'dockerfile', dir: 'images/toolchains/bookworm-cgo', from: 'base-bookworm' },
  // bookworm: golang-go → golang-1.19-go
  {
    id: 'go-1.19',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'bookworm', GO_VERSIONS: '1.19', DEFAULT: '1.19', GOLANG_GO: '1' },
  },
  // bookworm-backports: golang-1.21-go, golang-1.22-go, golang-1.23-go (backports' golang-go → 1.23)
  {
    id: 'go-1.21',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'bookworm-backports', GO_VERSIONS: '1.21', DEFAULT: '1.21', GOLANG_GO: '0' },
  },
  {
    id: 'go-1.22',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'bookworm-backports', GO_VERSIONS: '1.22', DEFAULT: '1.22', GOLANG_GO: '0' },
  },
  {
    id: 'go-1.23',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'bookworm-backports', GO_VERSIONS: '1.23', DEFAULT: '1.23', GOLANG_GO: '1' },
  },
  // trixie: golang-go → golang-1.24-go
  {
    id: 'go-1.24',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'trixie', GO_VERSIONS: '1.24', DEFAULT: '1.24', GOLANG_GO: '1' },
  },
  // sid: golang-1.26-go, and golang-go → golang-1.27-go (sid has no 1.25)
  {
    id: 'go-1.26',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'sid', GO_VERSIONS: '1.26', DEFAULT: '1.26', GOLANG_GO: '0' },
  },
  {
    id: 'go-1.27',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'sid', GO_VERSIONS: '1.27', DEFAULT: '1.27', GOLANG_GO: '1' },
  },
  // bookworm: gccgo-go → gccgo-12
  { id: 'gccgo', kind: 'dockerfile', dir: 'images/toolchains/gccgo', from: 'bookworm-cgo' },
  // bookworm-backports: 1.21 and 1.22 installed side by side, /usr/bin/go → 1.22
  {
    id: 'go-multi',
    kind: 'dockerfile',
    dir: DEBIAN_GO,
    from: 'bookworm-cgo',
    buildArgs: { SUITE: 'bookworm-backports', GO_VERSIONS: '1.21 1.22', DEFAULT: '1.22', GOLANG_GO: '0' },
  },
  // go-1.27 plus bookworm's qemu-user-static: linux/arm64 programs cross-built by Debian's Go, run emulated
  { id: 'qemu-arm64', kind: 'dockerfile', dir: 'images/toolchains/qemu-user', from: 'go-1.27' },
  // Windows under Wine 10 (trixie; bookworm's Wine 8 lacks what Go ≥ 1.21 needs): a baked prefix, no Go
  { id: 'base-trixie', kind: 'rootfs', suite: 'trixie' },
  { id: 'wine', kind: 'dockerfile', dir: 'images/toolchains/wine', from: 'base-trixie' },
  // go.exe and its tools cross-built from go-1.24 / go-1.22's own sources, laid out as Windows installers do
  {
    id: 'wine-go-1.24',
    kind: 'dockerfile',
    dir: WINDOWS_GO,
    from: 'wine',
    stages: WINDOWS_GO_STAGES,
    buildArgs: { LAYOUT: '1.24=Program Files/Go', MACHINE_PATH: 'C:\\Program Files\\Go\\bin', USER_PATH: '%USERPROFILE%\\go\\bin' },
  },
  {
    id: 'wine-go-1.22',
    kind: 'dockerfile',
    dir: WINDOWS_GO,
    from: 'wine',
    stages: WINDOWS_GO_STAGES,
    buildArgs: { LAYOUT: '1.22=Go', MACHINE_PATH: 'C:\\Go\\bin', USER_PATH: '%USERPROFILE%\\go\\bin' },
  },
  // an MSI install of 1.24 over a legacy C:\Go 1.22 that was never removed (only the MSI's dir on PATH)
  {
    id: 'wine-go-multi',
    kind: 'dockerfile',
    dir: WINDOWS_GO,
    from: 'wine',
    stages: WINDOWS_GO_STAGES,
    buildArgs: { LAYOUT: '1.24=Program Files/Go|1.22=Go', MACHINE_PATH: 'C:\\Program Files\\Go\\bin', USER_PATH: '%USERPROFILE%\\go\\bin' },
  },
  // This machine's own go.dev release (/usr/local/go, an official build), imported unchanged as a stage to copy from
  { id: 'go-release-host', kind: 'host-tree', path: '/usr/local/go' },
  // This host's trust store, for build stages that fetch from the module proxy the host's go reaches
  { id: 'host-certs', kind: 'host-tree', path: '/etc/ssl/certs' },
  // that release laid out as the go.dev tarball unpacks, over bookworm-cgo
  { id: 'go-official', kind: 'dockerfile', dir: 'images/toolchains/go-official', from: 'bookworm-cgo', stages: { GO_RELEASE: 'go-release-host' } },
  // go-official plus go1.27.3 fetched through GOTOOLCHAIN into the module cache, and golang.org/dl's wrapper of the host's release
  {
    id: 'go-official-cache',
    kind: 'dockerfile',
    dir: 'images/toolchains/go-official-cache',
    from: 'go-official',
    stages: { HOST_CERTS: 'host-certs' },
    hostGoEnv: ['GOPROXY', 'GOSUMDB'],
    buildArgs: { TOOLCHAIN: 'go1.27.3', DL_WRAPPER: 'go1.26.8', DL_VERSION: 'v0.0.0-20260901195035-4393e4265563' },
  },
  // mise's Linux binary as npm publishes it (the package @jdxcode/mise installs this one on linux-x64), fetched by npm pack
  {
    id: 'mise-npm',
    kind: 'npm-package',
    package: '@jdxcode/mise-linux-x64',
    version: '2026.9.15',
    integrity: 'sha512-ButPFGyztN0Rk/HOHvHuf+W80CkvQRAjbDWHvhGJc3PnL3e2KhCYZIOyjx8wPkhr9VJa/7sJZXpxtt5JLjsfaQ==',
  },
  // the real mise managing go-official's release: its store, `mise use -g`, `mise reshim`, the shims first on PATH
  { id: 'mise', kind: 'dockerfile', dir: 'images/toolchains/mise', from: 'go-official', stages: { MISE_PACKAGE: 'mise-npm' } },
  // go-official-cache plus curl, a module proxy in a directory (/srv/goproxy, for GOPROXY=file://) of what the proxy served go here,
  // and a project (/work/app) asking for the go1.27.3 the user's own module cache no longer holds
  {
    id: 'go-official-mirror',
    kind: 'dockerfile',
    dir: 'images/toolchains/go-official-mirror',
    from: 'go-official-cache',
    stages: { HOST_CERTS: 'host-certs' },
    hostGoEnv: ['GOPROXY', 'GOSUMDB'],
    buildArgs: { RELEASE: 'go1.26.8' },
  },
  // go-1.27 plus osslsigncode and openssl: binary-identity fixtures cross-built and signed at test time (test/docker/binary)
  { id: 'signing-tools', kind: 'dockerfile', dir: 'images/fixtures/signing-tools', from: 'go-1.27' },
];

/** Ids of the Windows images (run under Wine): complete, working Windows Go environments. */
export const WINDOWS_TOOLCHAIN_IMAGE_IDS: readonly string[] = ['wine-go-1.24', 'wine-go-1.22', 'wine-go-multi'];

/** Ids of the images that are complete, working Go environments. */
export const TOOLCHAIN_IMAGE_IDS: readonly string[] = ['go-1.19', 'go-1.21', 'go-1.22', 'go-1.23', 'go-1.24', 'go-1.26', 'go-1.27', 'gccgo', 'go-multi'];

/** Ids of the images whose Go is a go.dev release build (this host's /usr/local/go, and what GOTOOLCHAIN fetched). */
export const OFFICIAL_TOOLCHAIN_IMAGE_IDS: readonly string[] = ['go-official', 'go-official-cache'];
