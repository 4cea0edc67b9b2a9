#!/usr/bin/env bash
# Ensures the host programs the VM tier needs (QEMU, qemu-img, mkfs.ext4, ssh, setpriv): installs the
# Debian packages when any is missing. No daemon is started and no network is created: VMs run as plain
# QEMU processes with user-mode networking. Prints the QEMU version; fast and silent when all is there.
set -euo pipefail
log() { printf 'vm-tools: %s\n' "$*" >&2; }
PATH=$PATH:/usr/sbin:/sbin

need=()
for pair in qemu-system-x86_64:qemu-system-x86 qemu-img:qemu-utils mkfs.ext4:e2fsprogs ssh:openssh-client ssh-keygen:openssh-client setpriv:util-linux; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
  if [ "$(id -u)" != 0 ]; then log "missing ${need[*]}; installing needs root: sudo apt-get install --no-install-recommends ${need[*]}"; exit 1; fi
  command -v apt-get >/dev/null 2>&1 || { log "missing ${need[*]} and this is not a Debian-like system"; exit 1; }
  log "installing ${need[*]} from Debian's archive"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (a concurrent install) may hold the lock for a while: wait for it instead of failing.
  apt=(apt-get -o DPkg::Lock::Timeout=300 -y -qq)
  "${apt[@]}" install --no-install-recommends "${need[@]}" >&2 || { "${apt[@]}" update >&2 && "${apt[@]}" install --no-install-recommends "${need[@]}" >&2; }
fi
qemu-system-x86_64 --version | head -n 1
