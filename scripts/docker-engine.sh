#!/usr/bin/env bash
# Ensures a Docker engine answers. Installs Debian's docker.io and debootstrap when missing and
# starts dockerd without bridge or iptables (nothing here may create networks).
# Prints "started PID" when this call started dockerd (the caller stops it by that PID), "running" otherwise.
set -euo pipefail
log() { printf 'docker-engine: %s\n' "$*" >&2; }

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "need root to install ${need[*]} (run: sudo apt-get install ${need[*]})"; exit 1; }
  log "installing ${need[*]} from Debian's archive"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

if docker info >/dev/null 2>&1; then echo running; exit 0; fi

[ "$(id -u)" = 0 ] || { log "no Docker engine answers and starting one needs root"; exit 1; }
logfile=${GOVERITY_DOCKERD_LOG:-/tmp/goverity-dockerd.log}
log "starting dockerd (log: $logfile)"
# setsid: the engine must outlive this script; its PID is handed back so the caller stops exactly it.
setsid dockerd --bridge=none --iptables=false --ip6tables=false >"$logfile" 2>&1 < /dev/null &
pid=$!
for _ in $(seq 1 120); do
  if docker info >/dev/null 2>&1; then echo "started $pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || { log "dockerd exited; last lines of $logfile:"; tail -n 20 "$logfile" >&2; exit 1; }
  sleep 0.5
done
log "dockerd did not answer within 60 s; stopping it"
kill "$pid" 2>/dev/null || true
exit 1
