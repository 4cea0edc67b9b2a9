#!/usr/bin/env bash
# Builds the base image with no registry: a debootstrap rootfs imported as a tar stream.
# Usage: build.sh TAG [SUITE]. The mirror is debootstrap's default unless GOVERITY_APT_MIRROR names another.
set -euo pipefail
tag=${1:?usage: build.sh TAG [SUITE]}
suite=${2:-bookworm}
root=$(mktemp -d /tmp/goverity-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase "$suite" "$root" ${GOVERITY_APT_MIRROR:+"$GOVERITY_APT_MIRROR"} >&2
# apt in the image must never wait on a prompt, and keeps no caches in layers.
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$root/etc/apt/apt.conf.d/90goverity"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" --numeric-owner -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/bin/bash"]' - "$tag" >/dev/null
echo "$tag"
