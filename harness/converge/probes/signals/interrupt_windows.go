//go:build windows
// +build windows

package main

import "syscall"

// raiseInterrupt sends Ctrl+C to this console's process group, as a console's Ctrl+C would: Windows has no kill(1).
// The harness cannot reach a Wine console from outside, so the probe raises it on its own console.
func raiseInterrupt() string {
	gen := syscall.NewLazyDLL("kernel32.dll").NewProc("GenerateConsoleCtrlEvent")
	if err := gen.Find(); err != nil {
		return "GenerateConsoleCtrlEvent missing: " + err.Error()
	}
	// CTRL_C_EVENT (0) to process group 0: every process attached to this console.
	if r, _, err := gen.Call(0, 0); r == 0 {
		return "GenerateConsoleCtrlEvent failed: " + err.Error()
	}
	return ""
}
