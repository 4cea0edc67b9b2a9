// Command runtimeinfo reports what the runtime and the build info say about how this program was built.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"goverity.dev/converge-probe/internal/line"
)

func main() {
	l := line.New("runtimeinfo")
	l.Set("runtime.GOOS/GOARCH", runtime.GOOS+"/"+runtime.GOARCH, "")
	l.Set("runtime.Compiler", runtime.Compiler, "")
	l.Set("runtime.Version", runtime.Version(), "")
	l.Set("runtime.GOROOT", runtime.GOROOT(), "GOROOT env: "+os.Getenv("GOROOT"))
	info, ok := debug.ReadBuildInfo()
	if !ok {
		l.Set("debug.ReadBuildInfo", "unavailable", "")
		l.Set("build CGO_ENABLED", "unrecorded", "no build info")
		l.Print()
		return
	}
	l.Set("debug.ReadBuildInfo", "available", "main "+info.Main.Path+", built by "+info.GoVersion)
	cgo := "unrecorded"
	var all []string
	for _, s := range info.Settings {
		all = append(all, s.Key+"="+s.Value)
		if s.Key == "CGO_ENABLED" {
			cgo = s.Value
		}
	}
	l.Set("build CGO_ENABLED", cgo, strings.Join(all, " "))
	l.Print()
}
