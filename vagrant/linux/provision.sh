#!/usr/bin/env bash
# Runs in the guest as root (Vagrant's shell provisioner): puts the asked-for Go in place and a Node ≥ 20 for
# the bundled engine, then verifies the machine as the vagrant user's login shell sees it and checks the verdict.
set -euo pipefail
go_kind=${GOVERITY_GO:-distro}
go_version=${GOVERITY_GO_VERSION:-1.23.4}
node_version=${GOVERITY_NODE_VERSION:-22.12.0}
engine=/opt/goverity/goverity.mjs
export DEBIAN_FRONTEND=noninteractive
log() { printf 'goverity-vm: %s\n' "$*"; }

case $(uname -m) in
  x86_64) go_arch=amd64 node_arch=x64 ;;
  aarch64) go_arch=arm64 node_arch=arm64 ;;
  *) log "unsupported architecture $(uname -m)"; exit 1 ;;
esac
install -d -m 0755 /opt/goverity
install -m 0644 /tmp/goverity.mjs "$engine"
apt-get update -qq
apt-get install -y -qq --no-install-recommends ca-certificates curl xz-utils >/dev/null

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v node >/dev/null 2>&1 || [ "$(node_major)" -lt 20 ]; then
  candidate=$(apt-cache policy nodejs | sed -n 's/ *Candidate: \([0-9]*\).*/\1/p')
  if [ "${candidate:-0}" -ge 20 ] 2>/dev/null; then
    apt-get install -y -qq --no-install-recommends nodejs >/dev/null
  else
    # This release's nodejs is too old for the engine: the official build, checked against its published sums.
    tmp=$(mktemp -d)
    file=node-v$node_version-linux-$node_arch.tar.xz
    curl -fsSLo "$tmp/$file" "https://nodejs.org/dist/v$node_version/$file"
    curl -fsSLo "$tmp/SHASUMS256.txt" "https://nodejs.org/dist/v$node_version/SHASUMS256.txt"
    (cd "$tmp" && grep " $file\$" SHASUMS256.txt | sha256sum -c --quiet -)
    rm -rf /opt/goverity/node && mkdir -p /opt/goverity/node
    tar -xJf "$tmp/$file" -C /opt/goverity/node --strip-components=1
    ln -sf /opt/goverity/node/bin/node /usr/local/bin/node
    rm -rf "$tmp"
  fi
fi
log "node $(node --version)"

default_expect=ready
case $go_kind in
  distro)
    # gcc is only a Recommends of golang-go; boxes that skip recommends would be (rightly) degraded without it.
    apt-get install -y -qq golang-go gcc libc6-dev >/dev/null ;;
  official)
    file=go$go_version.linux-$go_arch.tar.gz
    sum=${GOVERITY_GO_SHA256:-}
    if [ -z "$sum" ]; then
      sum=$(curl -fsSL 'https://go.dev/dl/?mode=json&include=all' | node -e '
        let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
          const f = JSON.parse(s).flatMap((r) => r.files).find((x) => x.filename === process.argv[1]);
          if (!f) process.exit(1); console.log(f.sha256); });' "$file" 2>/dev/null) || { log "no checksum for $file from go.dev's download list (offline, or no such GOVERITY_GO_VERSION?); GOVERITY_GO_SHA256 pins one"; exit 1; }
    fi
    tmp=$(mktemp -d)
    curl -fsSLo "$tmp/$file" "https://go.dev/dl/$file"
    echo "$sum  $tmp/$file" | sha256sum -c --quiet -
    rm -rf /usr/local/go && tar -xzf "$tmp/$file" -C /usr/local
    echo 'export PATH=$PATH:/usr/local/go/bin' >/etc/profile.d/go.sh
    # cgo needs a C compiler, as Go's install guide leaves to the user; without it the verdict is degraded.
    apt-get install -y -qq --no-install-recommends gcc libc6-dev >/dev/null
    rm -rf "$tmp" ;;
  existing) default_expect=any ;;
  none) default_expect=absent ;;
  *) log "GOVERITY_GO must be distro, official, existing or none, not $go_kind"; exit 1 ;;
esac
expect=${GOVERITY_EXPECT:-$default_expect}

# The user's view: a login shell of the box's user, so /etc/profile.d and ~/.profile apply.
set +e
sudo -u vagrant -i -- node "$engine" verify
code=$?
set -e
case $code in 0) got=ready ;; 10) got=degraded ;; 11) got=broken ;; 12) got=absent ;; *) got="error (exit $code)" ;; esac
if [ "$expect" = any ] || [[ ",$expect," == *",$got,"* ]]; then
  log "verdict $got (expected: $expect)"
else
  log "verdict $got, expected $expect"
  exit 1
fi
