// Command signals installs a handler for os.Interrupt and SIGTERM, says where it is ready, and reports what
// arrives: go run signals -signal INT|TERM -ready FILE -wait 10s. The harness sends the signal.
package main

import (
	"flag"
	"fmt"
	"io/ioutil"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"goverity.dev/converge-probe/internal/line"
)

func main() {
	name := flag.String("signal", "INT", "INT or TERM")
	ready := flag.String("ready", "", "file that receives this process id once the handler is installed")
	wait := flag.Duration("wait", 10*time.Second, "how long to wait for the signal")
	flag.Parse()
	l := line.New("signals")
	behaviour := "signal " + *name
	defer l.Print()

	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	if *ready != "" {
		if err := ioutil.WriteFile(*ready, []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
			l.Set(behaviour, "error: "+err.Error(), "")
			return
		}
	}
	if *name == "INT" {
		if why := raiseInterrupt(); why != "" {
			l.Set(behaviour, "unsupported", why)
			return
		}
	}
	select {
	case s := <-ch:
		what := fmt.Sprintf("caught %q", s.String())
		if s == os.Interrupt {
			what += " = os.Interrupt"
		} else if s == syscall.SIGTERM {
			what += " = SIGTERM"
		}
		l.Set(behaviour, what, "")
	case <-time.After(*wait):
		l.Set(behaviour, "not delivered", fmt.Sprintf("nothing arrived within %s", *wait))
	}
}
