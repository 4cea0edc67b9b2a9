/** What a catalog image already holds, in the snapshot's own spelling of paths (C:\ for the Wine images). */
export interface BaseImageLayout {
  image: string;
  platform: 'linux' | 'wine';
  /** Complete Go trees, the release each one is (its VERSION, its bin/go), and whether that bin/go is a -trimpath build. */
  trees: { path: string; version: string; trimpath: boolean }[];
  /** Symlinks to those trees and their binaries (Debian's /usr/bin/go, /usr/lib/go). */
  links: string[];
  /** Other files that are part of a toolchain the image has (gccgo's driver). */
  files: string[];
  /** The C compiler's names on PATH (the first is the one to stand in for others); [] when the image has none. */
  cc: string[];
  gccgo: boolean;
}

/** bookworm-cgo's gcc-12 under every name Debian gives it (go env CC is x86_64-linux-gnu-gcc in Debian's newer Go). */
const GCC = ['/usr/bin/gcc', '/usr/bin/cc', '/usr/bin/gcc-12', '/usr/bin/x86_64-linux-gnu-gcc', '/usr/bin/x86_64-linux-gnu-gcc-12'];

// Debian builds cmd/go with -trimpath from 1.21 on (checked with `go version -m`); 1.19's is a plain build.
const debian = (minor: string, version: string): BaseImageLayout => ({
  image: `go-${minor}`,
  platform: 'linux',
  trees: [{ path: `/usr/lib/go-${minor}`, version, trimpath: minor !== '1.19' }],
  links: ['/usr/bin/go', '/usr/bin/gofmt', '/usr/lib/go'],
  files: [],
  cc: GCC,
  gccgo: false,
});

/**
 * The releases each toolchain image really is (images/README.md; the mirror behind the builds is frozen), and where
 * they live. reproduce picks among these: a snapshot's release maps to the nearest one.
 */
export const BASE_IMAGE_LAYOUTS: readonly BaseImageLayout[] = [
  debian('1.19', 'go1.19.8'),
  debian('1.21', 'go1.21.13'),
  debian('1.22', 'go1.22.12'),
  debian('1.23', 'go1.23.5'),
  debian('1.24', 'go1.24.4'),
  debian('1.26', 'go1.26.10'),
  debian('1.27', 'go1.27.3'),
  {
    image: 'go-multi',
    platform: 'linux',
    trees: [
      { path: '/usr/lib/go-1.21', version: 'go1.21.13', trimpath: true },
      { path: '/usr/lib/go-1.22', version: 'go1.22.12', trimpath: true },
    ],
    links: ['/usr/bin/go', '/usr/bin/gofmt', '/usr/lib/go'],
    files: [],
    cc: GCC,
    gccgo: false,
  },
  { image: 'gccgo', platform: 'linux', trees: [], links: ['/usr/bin/go', '/usr/bin/go-12'], files: ['/usr/bin/x86_64-linux-gnu-go-12'], cc: GCC, gccgo: true },
  { image: 'bookworm-cgo', platform: 'linux', trees: [], links: [], files: [], cc: GCC, gccgo: false },
  { image: 'base-bookworm', platform: 'linux', trees: [], links: [], files: [], cc: [], gccgo: false },
  {
    image: 'wine-go-1.24',
    platform: 'wine',
    trees: [{ path: 'C:\\Program Files\\Go', version: 'go1.24.4', trimpath: true }],
    links: [],
    files: [],
    cc: [],
    gccgo: false,
  },
  { image: 'wine-go-1.22', platform: 'wine', trees: [{ path: 'C:\\Go', version: 'go1.22.12', trimpath: true }], links: [], files: [], cc: [], gccgo: false },
  {
    image: 'wine-go-multi',
    platform: 'wine',
    trees: [
      { path: 'C:\\Program Files\\Go', version: 'go1.24.4', trimpath: true },
      { path: 'C:\\Go', version: 'go1.22.12', trimpath: true },
    ],
    links: [],
    files: [],
    cc: [],
    gccgo: false,
  },
  { image: 'wine', platform: 'wine', trees: [], links: [], files: [], cc: [], gccgo: false },
];
