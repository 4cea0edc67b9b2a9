// Command cpu reports the CPU count and the default GOMAXPROCS; the harness runs it with and without a CPU quota.
package main

import (
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
	l.Set("runtime.NumCPU"+suffix, strconv.Itoa(runtime.NumCPU()), "")
	l.Set("runtime.GOMAXPROCS"+suffix, strconv.Itoa(runtime.GOMAXPROCS(0)), "GOMAXPROCS env: "+os.Getenv("GOMAXPROCS"))
	l.Print()
}
