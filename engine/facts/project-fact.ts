import type { BinaryIdentity } from '../binary/binary-identity.js';
import type { CommandFact, EnvFileFact } from './fact-snapshot.js';

/** Where a toolchain that go would switch to can be had without the network. */
export interface ToolchainSourceFact {
  /** The toolchain name go looks for, e.g. go1.23.4. */
  name: string;
  /** The first executable `name` on PATH (Exec looks there first), with what its bytes say it is. */
  onPath: { path: string; realpath: string | null; identity: BinaryIdentity | null } | null;
  /** $GOMODCACHE/golang.org/toolchain@v0.0.1-<name>.<GOOS>-<GOARCH> and its bin/go (present: the file is there); null without a GOMODCACHE. */
  moduleCache: { dir: string; binaryPath: string; present: boolean; identity: BinaryIdentity | null } | null;
  /** With --online only: `go list -m golang.org/toolchain@…` asked of GOPROXY (null when not asked). */
  proxy: CommandFact | null;
}

/** What `goverity verify --project DIR` collected about the toolchain `go build ./...` in DIR would use. */
export interface ProjectFact {
  /** The directory as the target spells it. */
  dir: string;
  /** DIR is a directory on the target. */
  exists: boolean;
  /** `go env -json GOMOD GOWORK …` in DIR by the local toolchain (GOTOOLCHAIN=local: go env GOMOD never switches, select.go). */
  envCommand: CommandFact | null;
  env: Record<string, string> | null;
  /** The go.work and go.mod go env named (content capped at 64 KiB), and vendor/modules.txt beside the go.mod. */
  workFile: EnvFileFact | null;
  modFile: EnvFileFact | null;
  vendorModules: EnvFileFact | null;
  /** `go version` in DIR as the user's go runs it: toolchain selection happens here (GOPROXY=off unless --online). */
  version: CommandFact | null;
  /** `go list -deps ./...` in DIR: module loading as go build does it, with GOPROXY=off and never -mod=mod. */
  load: CommandFact | null;
  /** The toolchain the go.work/go.mod selects, when it is not the local one. */
  toolchain: ToolchainSourceFact | null;
}
