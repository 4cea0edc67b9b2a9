#!/bin/sh
# The checklist people paste from blog posts (the seed article of this project), scored as a detector:
# go on PATH, `go version` answers with a version, GOROOT's realpath ends in /go, a hello world builds and runs.
# It trusts what go says about itself and judges paths by their spelling: the corpus shows where that goes wrong.
codes=""
say() { printf '{"verdict":"%s","authentic":%s,"codes":[%s]}\n' "$1" "$2" "$codes"; exit 0; }
flag() { codes="${codes:+$codes,}\"$1\""; }

command -v go >/dev/null 2>&1 || { flag GO_NOT_FOUND; say absent null; }

v=$(go version 2>&1)
echo "$v" | grep -q '^go version go[0-9]' || { flag GO_STUB; say broken false; }

authentic=true
goroot=$(go env GOROOT 2>/dev/null)
real=$(realpath "$goroot" 2>/dev/null)
case "$real" in
  */go) ;;
  *) flag GOROOT_MISMATCH; authentic=false ;;
esac

printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, world") }\n' > hello.go
out=$(go run hello.go 2>&1)
[ "$out" = "hello, world" ] || { flag BUILD_FAILED; say broken "$authentic"; }

[ "$authentic" = true ] || say broken false
say ready true
