/**
 * A plain description of one image the harness can build. Specs are data only: the builder
 * derives the image's tag from the spec, its inputs and its parent's tag (see image-builder.ts).
 */
export type ImageSpec = RootfsImageSpec | DockerfileImageSpec | HostTreeImageSpec | NpmPackageImageSpec;

/** A Debian root filesystem made by `images/base/build.sh TAG SUITE` (debootstrap minbase → docker import). */
export interface RootfsImageSpec {
  id: string;
  kind: 'rootfs';
  /** A Debian suite debootstrap knows, e.g. `bookworm`. */
  suite: string;
}

/**
 * A directory of this host imported whole as an image's filesystem (a tar stream into `docker import`), for
 * Dockerfile images to copy from as a stage: how the machine's own Go release gets into images unchanged.
 */
export interface HostTreeImageSpec {
  id: string;
  kind: 'host-tree';
  /** An absolute path on the host, e.g. `/usr/local/go`. */
  path: string;
}

/**
 * One version of a package from the npm registry, fetched by npm's own client (`npm pack`) and imported whole as an
 * image (its files under `/package`, as the tarball holds them), for Dockerfile images to copy from as a stage: how a
 * tool that npm publishes (mise's binary) gets into images. The registry is the host's npm configuration, never
 * written here; the pinned integrity is compared with the tarball's own sha512 before anything is imported.
 */
export interface NpmPackageImageSpec {
  id: string;
  kind: 'npm-package';
  /** The package's name, e.g. `@jdxcode/mise-linux-x64`. */
  package: string;
  /** An exact version. */
  version: string;
  /** The registry's `dist.integrity` for that version (`sha512-<base64>`), as a lockfile pins it. */
  integrity: string;
}

/** A Dockerfile built on top of another catalog image. The Dockerfile starts `ARG BASE` / `FROM ${BASE}`. */
export interface DockerfileImageSpec {
  id: string;
  kind: 'dockerfile';
  /** The build context directory, relative to the repository root (an absolute path is accepted too). */
  dir: string;
  /** The parent image's id; its tag is passed to the build as the `BASE` build argument. */
  from: string;
  buildArgs?: Record<string, string>;
  /** Other catalog images a multi-stage build copies from: build argument name → image id (its tag is the argument). */
  stages?: Record<string, string>;
  /** The build's network: the host's by default (apt reaches the archive); `none` for a layer made from untrusted input. */
  network?: 'host' | 'none';
  /**
   * `go env` variables read from the host's go when the build starts and passed as build arguments of the same
   * name (GOPROXY, GOSUMDB: a host build reaches the module proxy the host uses). Not part of the tag, like the
   * apt mirror: they say where modules come from, and go verifies what it fetches.
   */
  hostGoEnv?: string[];
}
