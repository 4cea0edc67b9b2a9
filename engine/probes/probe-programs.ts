/** The programs a verification builds and runs; `go 1.16` in go.mod so no Go ≥1.16 ever needs a toolchain switch for them. */
export const PURE_MARKER = 'goverity-pure-ok';
export const CGO_MARKER = 'goverity-cgo-ok';

export const PROBE_FILES: Record<string, string> = {
  'pure/go.mod': 'module goverity.invalid/pure\n\ngo 1.16\n',
  'pure/main.go': `package main

import (
	"fmt"
	"runtime"
)

func main() { fmt.Println("${PURE_MARKER}", runtime.Version(), runtime.GOOS, runtime.GOARCH) }
`,
  'cgo/go.mod': 'module goverity.invalid/cgo\n\ngo 1.16\n',
  'cgo/main.go': `package main

// static int goverity_add(int a, int b) { return a + b; }
import "C"

import "fmt"

func main() { fmt.Println("${CGO_MARKER}", int(C.goverity_add(20, 22))) }
`,
};
