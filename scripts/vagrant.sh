#!/usr/bin/env bash
# Ensures `vagrant` is on PATH for the vagrant tier (docker provider): installs Debian's package when
# missing (its docker provider is built in, so recommends such as vagrant-libvirt are left out).
# Prints "vagrant X.Y.Z" on stdout; fast and silent when vagrant is already there.
set -euo pipefail
log() { printf 'vagrant: %s\n' "$*" >&2; }

if ! command -v vagrant >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    log "not installed, and installing it needs root: sudo apt-get install --no-install-recommends vagrant (Debian), or see https://developer.hashicorp.com/vagrant/install"
    exit 1
  fi
  command -v apt-get >/dev/null 2>&1 || { log "not installed and this is not a Debian-like system: see https://developer.hashicorp.com/vagrant/install"; exit 1; }
  log "installing Debian's vagrant"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (a concurrent install) holds the lock for a while: wait for it instead of failing.
  apt=(apt-get -o DPkg::Lock::Timeout=300 -y -qq)
  if ! apt-cache policy vagrant 2>/dev/null | grep -q 'Candidate: [0-9]'; then "${apt[@]}" update >&2; fi
  "${apt[@]}" install --no-install-recommends vagrant >&2 || { "${apt[@]}" update >&2 && "${apt[@]}" install --no-install-recommends vagrant >&2; }
fi

# `vagrant --version` wants a writable VAGRANT_HOME; a throwaway one keeps this side-effect free.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
VAGRANT_HOME=$home VAGRANT_CHECKPOINT_DISABLE=1 VAGRANT_NO_PLUGINS=1 vagrant --version
