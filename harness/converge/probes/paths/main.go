// Command paths reports how path/filepath and os spell paths here, and the order WalkDir visits a small tree.
package main

import (
	"io/fs"
	"io/ioutil"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"goverity.dev/converge-probe/internal/line"
)

func main() {
	l := line.New("paths")
	l.Set("filepath.FromSlash", filepath.FromSlash("a/b"), `FromSlash("a/b")`)
	l.Set("filepath.ToSlash", filepath.ToSlash(`a\b`), `ToSlash("a\\b")`)
	l.Set("filepath.Join", filepath.Join("a", "b", "../c"), `Join("a", "b", "../c")`)
	l.Set("filepath.Clean", filepath.Clean("/a//b/./c/.."), `Clean("/a//b/./c/..")`)
	l.Set("filepath.VolumeName", filepath.VolumeName(`C:\x`), `VolumeName("C:\\x")`)
	l.Set("filepath.IsAbs", strconv.FormatBool(filepath.IsAbs("/a")), `IsAbs("/a")`)
	l.Set("os.PathSeparator", string(os.PathSeparator), "")
	l.Set("os.PathListSeparator", string(os.PathListSeparator), "")
	walk(l)
	l.Print()
}

// walk lays out a small tree, b.txt before B.txt, and lists what WalkDir visits, in order, with its separators.
func walk(l *line.Line) {
	const created = "created b.txt B.txt a/x.txt a.txt a-b/y.txt"
	root, err := ioutil.TempDir("", "converge-walk")
	if err != nil {
		l.Set("filepath.WalkDir", "error: "+err.Error(), created)
		return
	}
	defer os.RemoveAll(root)
	for _, name := range []string{"b.txt", "B.txt", "a/x.txt", "a.txt", "a-b/y.txt"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
			_ = ioutil.WriteFile(p, []byte(name), 0o644)
		}
	}
	var seen []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root {
			rel, _ := filepath.Rel(root, p)
			seen = append(seen, rel)
		}
		return nil
	})
	if err != nil {
		l.Set("filepath.WalkDir", "error: "+err.Error(), created)
		return
	}
	l.Set("filepath.WalkDir", strings.Join(seen, " "), created)
}
