// Package line prints a probe's one JSON line: {"probe": NAME, "results": {BEHAVIOUR: {"value", "detail"}}}.
// The probes stay within Go 1.16's language and library (no generics, no any) so every toolchain in the
// matrix, gccgo-12 included, builds them unchanged.
package line

import (
	"encoding/json"
	"fmt"
	"os"
)

// Result is one behaviour's answer: the compared value and what a reader needs to make sense of it.
type Result struct {
	Value  string `json:"value"`
	Detail string `json:"detail,omitempty"`
}

// Line collects a probe's results and prints them as one line.
type Line struct {
	probe   string
	results map[string]Result
}

func New(probe string) *Line { return &Line{probe: probe, results: map[string]Result{}} }

func (l *Line) Set(behaviour, value, detail string) { l.results[behaviour] = Result{value, detail} }

// Print writes the line to stdout; the harness reads only lines that start with {.
func (l *Line) Print() {
	b, err := json.Marshal(map[string]interface{}{"probe": l.probe, "results": l.results})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(b))
}
