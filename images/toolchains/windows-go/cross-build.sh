#!/bin/sh
# Usage: cross-build.sh GOROOT OUT — a Windows GOROOT cross-built (GOOS=windows) from a Debian Go's own sources.
set -eux
goroot=$1
out=$2
export GOOS=windows GOARCH=amd64 CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS= GOENV=off GOCACHE=/tmp/gocache
mkdir -p "$out/bin" "$out/pkg/tool/windows_amd64"
# -trimpath as release builds are made: go.exe then finds its GOROOT from its own location, as an installed one does.
"$goroot/bin/go" build -trimpath -o "$out/bin/" cmd/go cmd/gofmt
"$goroot/bin/go" build -trimpath -o "$out/pkg/tool/windows_amd64/" cmd/compile cmd/link cmd/asm cmd/cgo cmd/vet cmd/buildid cmd/pack
# Debian's GOROOT reaches these through symlinks; a Windows install holds real copies.
cp -rL "$goroot/src" "$out/src"
cp -rL "$goroot/pkg/include" "$out/pkg/include"
cp -L "$goroot/VERSION" "$goroot/go.env" "$out/"
if [ -e "$goroot/lib" ]; then cp -rL "$goroot/lib" "$out/lib"; fi
rm -rf /tmp/gocache
