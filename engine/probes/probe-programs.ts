import { randomBytes } from 'node:crypto';
import type { ProbeIdentity } from '../facts/fact-snapshot.js';

/** The programs a verification builds and runs; `go 1.16` in go.mod so no Go ≥1.16 ever needs a toolchain switch for them. */
export const PURE_MARKER = 'goverity-pure-ok';
export const CGO_MARKER = 'goverity-cgo-ok';

export type ProbeProgram = 'pure' | 'cgo';

/** A fresh random nonce per verification: a `go` cannot answer the build with an artifact made in advance, nor with a script echoing a constant. */
export function newProbeIdentity(nonce = randomBytes(8).toString('hex')): ProbeIdentity {
  return { nonce, modules: { pure: `goverity.invalid/pure${nonce}`, cgo: `goverity.invalid/cgo${nonce}` } };
}

/** The line a run of the program must print first: its marker and this verification's nonce. */
export function expectedMarker(program: ProbeProgram, probe: ProbeIdentity | undefined): string {
  const marker = program === 'pure' ? PURE_MARKER : CGO_MARKER;
  return probe ? `${marker} ${probe.nonce}` : marker;
}

/** The source files of the probe programs for one verification. */
export function probeFiles(probe: ProbeIdentity): Record<string, string> {
  return {
    'pure/go.mod': `module ${probe.modules.pure}\n\ngo 1.16\n`,
    'pure/main.go': `package main

import (
	"fmt"
	"runtime"
)

func main() { fmt.Println("${PURE_MARKER}", "${probe.nonce}", runtime.Version(), runtime.GOOS, runtime.GOARCH) }
`,
    'cgo/go.mod': `module ${probe.modules.cgo}\n\ngo 1.16\n`,
    'cgo/main.go': `package main

// static int goverity_add(int a, int b) { return a + b; }
import "C"

import "fmt"

func main() { fmt.Println("${CGO_MARKER}", "${probe.nonce}", int(C.goverity_add(20, 22))) }
`,
  };
}
