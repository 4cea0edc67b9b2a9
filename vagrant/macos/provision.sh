#!/bin/bash
# Runs in the macOS guest as the box's user (sudo for installs): puts the asked-for Go in place and a Node ≥ 20
# for the bundled engine, then verifies the machine as a login shell sees it and checks the verdict.
set -euo pipefail
go_kind=${GOVERITY_GO:-official}
go_version=${GOVERITY_GO_VERSION:-1.23.4}
node_version=${GOVERITY_NODE_VERSION:-22.12.0}
engine=$HOME/.goverity/goverity.mjs
log() { printf 'goverity-vm: %s\n' "$*"; }

case $(uname -m) in
  x86_64) go_arch=amd64 ;;
  arm64) go_arch=arm64 ;;
  *) log "unsupported architecture $(uname -m)"; exit 1 ;;
esac
mkdir -p "$HOME/.goverity"
cp /tmp/goverity.mjs "$engine"
# A login shell: /etc/paths and /etc/paths.d (where the Go and Node installers put their bin dirs), and the user's profile.
login() { /bin/bash -lc "$1"; }

node_major() { login 'node -p "process.versions.node.split(\".\")[0]"' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 20 ]; then
  # The official installer (universal: Intel and Apple silicon), checked against its published sums.
  tmp=$(mktemp -d)
  file=node-v$node_version.pkg
  curl -fsSLo "$tmp/$file" "https://nodejs.org/dist/v$node_version/$file"
  curl -fsSLo "$tmp/SHASUMS256.txt" "https://nodejs.org/dist/v$node_version/SHASUMS256.txt"
  (cd "$tmp" && grep " $file\$" SHASUMS256.txt | shasum -a 256 -c -s -)
  sudo installer -pkg "$tmp/$file" -target / >/dev/null
  rm -rf "$tmp"
fi
node_bin=$(login 'command -v node')
log "node $("$node_bin" --version)"

# cgo needs the Command Line Tools' clang: without them a working Go is rightly degraded (CGO_TOOLCHAIN_MISSING).
if xcode-select -p >/dev/null 2>&1; then default_expect=ready; else default_expect=degraded; fi
case $go_kind in
  official)
    file=go$go_version.darwin-$go_arch.pkg
    sum=${GOVERITY_GO_SHA256:-}
    if [ -z "$sum" ]; then
      sum=$(curl -fsSL 'https://go.dev/dl/?mode=json&include=all' | "$node_bin" -e '
        let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
          const f = JSON.parse(s).flatMap((r) => r.files).find((x) => x.filename === process.argv[1]);
          if (!f) process.exit(1); console.log(f.sha256); });' "$file" 2>/dev/null) || { log "no checksum for $file from go.dev's download list (offline, or no such GOVERITY_GO_VERSION?); GOVERITY_GO_SHA256 pins one"; exit 1; }
    fi
    tmp=$(mktemp -d)
    curl -fsSLo "$tmp/$file" "https://go.dev/dl/$file"
    echo "$sum  $tmp/$file" | shasum -a 256 -c -s -
    sudo installer -pkg "$tmp/$file" -target / >/dev/null
    rm -rf "$tmp" ;;
  brew)
    login 'command -v brew' >/dev/null || { log "GOVERITY_GO=brew needs Homebrew in the box"; exit 1; }
    login 'brew install go' ;;
  existing) default_expect=any ;;
  none) default_expect=absent ;;
  *) log "GOVERITY_GO must be official, brew, existing or none, not $go_kind"; exit 1 ;;
esac
expect=${GOVERITY_EXPECT:-$default_expect}

set +e
login "node '$engine' verify"
code=$?
set -e
case $code in 0) got=ready ;; 10) got=degraded ;; 11) got=broken ;; 12) got=absent ;; *) got="error (exit $code)" ;; esac
if [ "$expect" = any ] || [[ ",$expect," == *",$got,"* ]]; then
  log "verdict $got (expected: $expect)"
else
  log "verdict $got, expected $expect"
  exit 1
fi
