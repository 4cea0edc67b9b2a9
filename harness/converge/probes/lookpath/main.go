// Command lookpath reports what exec.LookPath finds: the real go on PATH, a name that exists as tool, tool.bat
// and tool.exe under two PATHEXT orders, and a program reachable only through an empty PATH entry (the cwd).
package main

import (
	"io/ioutil"
	"os"
	"os/exec"
	"path/filepath"

	"goverity.dev/converge-probe/internal/line"
)

func main() {
	l := line.New("lookpath")
	if p, err := exec.LookPath("go"); err != nil {
		l.Set("exec.LookPath go", "error: "+err.Error(), "PATH="+os.Getenv("PATH"))
	} else {
		l.Set("exec.LookPath go", filepath.Base(p), p)
	}
	dir, err := ioutil.TempDir("", "converge-lookpath")
	if err != nil {
		l.Set("exec.LookPath PATHEXT .BAT;.EXE", "error: "+err.Error(), "")
		l.Print()
		return
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"tool", "tool.bat", "tool.exe"} {
		_ = ioutil.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755)
	}
	// exec.LookPath reads PATH and PATHEXT from the environment on every call.
	os.Setenv("PATH", dir)
	for _, order := range []string{".BAT;.EXE", ".EXE;.BAT"} {
		os.Setenv("PATHEXT", order)
		l.Set("exec.LookPath PATHEXT "+order, found(exec.LookPath("tool")), "tool, tool.bat, tool.exe in the only PATH dir")
	}

	// Go 1.19: a program found through "." or an empty PATH entry is refused with exec.ErrDot.
	cwd, err := ioutil.TempDir("", "converge-cwd")
	if err == nil {
		defer os.RemoveAll(cwd)
		_ = ioutil.WriteFile(filepath.Join(cwd, "here.exe"), []byte("#!/bin/sh\n"), 0o755)
		_ = ioutil.WriteFile(filepath.Join(cwd, "here"), []byte("#!/bin/sh\n"), 0o755)
		if err = os.Chdir(cwd); err == nil {
			os.Setenv("PATH", string(os.PathListSeparator)+dir)
			os.Setenv("PATHEXT", ".EXE")
			l.Set("exec.LookPath via cwd", found(exec.LookPath("here")), "here (and here.exe) only in the working directory; PATH starts with an empty entry")
		}
	}
	if err != nil {
		l.Set("exec.LookPath via cwd", "error: "+err.Error(), "")
	}
	l.Print()
}

func found(p string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return filepath.Base(p)
}
