#!/bin/bash
# Applies a layout manifest written by `goverity reproduce` (harness/reproduce/encode-manifest.ts).
# Every field after the operation name is base64: nothing from a snapshot is ever parsed by a shell,
# only decoded into a variable and passed quoted as one argument.
# Usage: apply-layout.sh MANIFEST
set -euo pipefail
shopt -s inherit_errexit
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
manifest=$1
user_name=goverity

die() { printf 'apply-layout: %s\n' "$1" >&2; exit 1; }
# "-" is the empty string (base64 of "" would be an empty field, which read can't tell from a missing one).
dec() {
  case "$1" in
    -) ;;
    '') die "missing field at line $line_no" ;;
    *) printf '%s' "$1" | base64 -d ;;
  esac
}

read -r magic version platform < "$manifest" || die 'empty manifest'
[ "$magic" = goverity-layout ] && [ "$version" = 1 ] || die 'not a goverity-layout 1 manifest'
case "$platform" in
  linux) root= ;;
  wine) root="${WINEPREFIX:-/root/.wine}/drive_c"; [ -d "$root" ] || die "no Wine drive_c at $root" ;;
  *) die "unknown platform $platform" ;;
esac
real_root=$(readlink -f -- "${root:-/}")
root_prefix="${real_root%/}/"

# A relative path under the root, with no "..", no empty part, no newline; its real location stays under the root.
target() {
  local rel
  rel=$(dec "$1")
  case "$rel" in '' | /* | *$'\n'* | *$'\r'*) die "bad path in manifest" ;; esac
  case "/$rel/" in */../* | */./* | *//*) die "bad path in manifest" ;; esac
  case "/$rel/" in /proc/* | /sys/* | /dev/*) die "refusing to touch /$rel" ;; esac
  local full="$root/$rel" parent
  parent=$(readlink -m -- "$(dirname -- "$full")")
  case "$parent/" in "$root_prefix"*) ;; *) die "path escapes the layout: $rel" ;; esac
  printf '%s' "$full"
}
# For operations that act through the last name too (chmod, truncate, chown, mkdir of a directory that is a link,
# a copy's source, the tree a build runs): where the whole path really leads stays under the root.
resolved() {
  local full real
  full=$(target "$1")
  real=$(readlink -m -- "$full")
  case "$real/" in "$root_prefix"*) ;; *) die "path leads out of the layout: $(dec "$1")" ;; esac
  printf '%s' "$full"
}
mode() { [[ "$1" =~ ^[0-7]{3,4}$ ]] || die "bad mode $1"; printf '%s' "$1"; }
number() { [[ "$1" =~ ^[0-9]+$ ]] || die "bad number $1"; printf '%s' "$1"; }
var_name() { local n; n=$(dec "$1"); [[ "$n" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "bad variable name"; printf '%s' "$n"; }
wine_reg() {
  export WINEDEBUG=-all XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xdg-reproduce}"
  mkdir -m 700 -p "$XDG_RUNTIME_DIR"
  wine reg "$@" >/dev/null
}
reg_key() {
  case "$1" in
    machine) printf '%s' 'HKLM\System\CurrentControlSet\Control\Session Manager\Environment' ;;
    user) printf '%s' 'HKCU\Environment' ;;
    *) die "bad scope $1" ;;
  esac
}

wine_used=0
line_no=1
while read -r op a b c d; do
  line_no=$((line_no + 1))
  # Every value is checked into a variable first: a failed check stops the build (set -e), never runs on with "".
  case "$op" in
    remove) p=$(target "$a"); rm -rf -- "$p" ;;
    dir) p=$(resolved "$a"); m=$(mode "$b"); mkdir -p -- "$p"; chmod "$m" -- "$p" ;;
    file)
      p=$(target "$a"); m=$(mode "$b"); [ -n "$c" ] || die "missing field at line $line_no"; rm -rf -- "$p"; mkdir -p -- "$(dirname -- "$p")"
      dec "$c" > "$p"; chmod "$m" -- "$p" ;;
    link)
      p=$(target "$a"); to=$(dec "$b")
      case "$to" in '' | *$'\n'*) die "bad link target" ;; esac
      rm -rf -- "$p"; mkdir -p -- "$(dirname -- "$p")"; ln -s -- "$to" "$p" ;;
    copytree)
      s=$(resolved "$a"); p=$(target "$b"); [ -d "$s" ] || die "no tree to copy at line $line_no"
      rm -rf -- "$p"; mkdir -p -- "$(dirname -- "$p")"; cp -rL -- "$s" "$p" ;;
    copyfile)
      s=$(resolved "$a"); p=$(target "$b"); m=$(mode "$c"); [ -f "$s" ] || die "no file to copy at line $line_no"
      rm -rf -- "$p"; mkdir -p -- "$(dirname -- "$p")"; cp -L -- "$s" "$p"; chmod "$m" -- "$p" ;;
    buildgo)
      # cmd/go built from a tree's own sources by that tree's go: for a foreign GOARCH, or without release flags.
      t=$(resolved "$a"); p=$(target "$b"); arch=$(dec "$c")
      [[ "$arch" =~ ^[a-z0-9]+$ ]] || die "bad GOARCH"
      case "$d" in release) flags=-trimpath ;; plain) flags= ;; *) die "bad build flags" ;; esac
      rm -rf -- "$p.goverity-new"; mkdir -p -- "$(dirname -- "$p")"
      (cd "$t/src/cmd/go" && GOARCH="$arch" GOFLAGS="$flags" GOTOOLCHAIN=local GOPROXY=off GOCACHE=/tmp/goverity-reproduce-cache "$t/bin/go" build -o "$p.goverity-new" . && mv -fT -- "$p.goverity-new" "$p")
      rm -rf /tmp/goverity-reproduce-cache ;;
    truncate) p=$(resolved "$a"); n=$(number "$b"); truncate -s "$n" -- "$p" ;;
    chmod) p=$(resolved "$a"); m=$(mode "$b"); chmod "$m" -- "$p" ;;
    adduser) id -u "$user_name" >/dev/null 2>&1 || useradd -m -u 1000 "$user_name" ;;
    own) p=$(resolved "$a"); chown -R "$user_name:" -- "$p" ;;
    # REG_SZ, not REG_EXPAND_SZ: a snapshot's values are already expanded, and a literal %X% in one must stay so.
    setenv) k=$(reg_key "$a"); n=$(var_name "$b"); v=$(dec "$c"); wine_reg add "$k" /v "$n" /t REG_SZ /d "$v" /f; wine_used=1 ;;
    unsetenv) k=$(reg_key "$a"); n=$(var_name "$b"); wine_reg delete "$k" /v "$n" /f || true; wine_used=1 ;;
    '') ;;
    *) die "unknown operation at line $line_no" ;;
  esac
done < <(tail -n +2 -- "$manifest")

# The registry is written back when wineserver exits: wait for it, or the layer misses the change.
if [ "$wine_used" = 1 ]; then wineserver -w; rm -rf /tmp/xdg-reproduce; fi
