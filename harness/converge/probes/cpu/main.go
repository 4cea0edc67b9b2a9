// Command cpu reports the CPU count and the default GOMAXPROCS; the harness runs it with and without a CPU quota.
// GOMAXPROCS is printed relative to NumCPU, so hosts with different core counts compare.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"

	"goverity.dev/converge-probe/internal/line"
)

func main() {
	l := line.New("cpu")
	suffix := ""
	if len(os.Args) > 1 {
		suffix = " " + os.Args[1]
	}
	n, p := runtime.NumCPU(), runtime.GOMAXPROCS(0)
	l.Set("runtime.NumCPU"+suffix, strconv.Itoa(n), "")
	value := "= NumCPU"
	if p != n {
		value = fmt.Sprintf("%d (NumCPU %d)", p, n)
	}
	l.Set("runtime.GOMAXPROCS"+suffix, value, fmt.Sprintf("GOMAXPROCS %d, NumCPU %d, GOMAXPROCS env %q", p, n, os.Getenv("GOMAXPROCS")))
	l.Print()
}
