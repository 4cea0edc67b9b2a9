import type { ImageSpec } from './image-spec.js';

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
  { id: 'go-1.19', kind: 'dockerfile', dir: 'images/toolchains/go-1.19', from: 'bookworm-cgo' },
  // bookworm-backports: golang-1.21-go, golang-1.22-go, golang-1.23-go (backports' golang-go → 1.23)
  { id: 'go-1.21', kind: 'dockerfile', dir: 'images/toolchains/go-1.21', from: 'bookworm-cgo' },
  { id: 'go-1.22', kind: 'dockerfile', dir: 'images/toolchains/go-1.22', from: 'bookworm-cgo' },
  { id: 'go-1.23', kind: 'dockerfile', dir: 'images/toolchains/go-1.23', from: 'bookworm-cgo' },
  // trixie: golang-go → golang-1.24-go
  { id: 'go-1.24', kind: 'dockerfile', dir: 'images/toolchains/go-1.24', from: 'bookworm-cgo' },
  // sid: golang-1.26-go, and golang-go → golang-1.27-go (sid has no 1.25)
  { id: 'go-1.26', kind: 'dockerfile', dir: 'images/toolchains/go-1.26', from: 'bookworm-cgo' },
  { id: 'go-1.27', kind: 'dockerfile', dir: 'images/toolchains/go-1.27', from: 'bookworm-cgo' },
  // bookworm: gccgo-go → gccgo-12
  { id: 'gccgo', kind: 'dockerfile', dir: 'images/toolchains/gccgo', from: 'bookworm-cgo' },
  // bookworm-backports: 1.21 and 1.22 installed side by side, /usr/bin/go → 1.22
  { id: 'go-multi', kind: 'dockerfile', dir: 'images/toolchains/go-multi', from: 'bookworm-cgo' },
];

/** Ids of the images that are complete, working Go environments. */
export const TOOLCHAIN_IMAGE_IDS: readonly string[] = [
  'go-1.19',
  'go-1.21',
  'go-1.22',
  'go-1.23',
  'go-1.24',
  'go-1.26',
  'go-1.27',
  'gccgo',
  'go-multi',
];
