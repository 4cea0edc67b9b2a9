#!/bin/sh
# Renders a report.html with headless Chromium to a PNG, to look at the page's design.
# usage: harness/reporters/screenshot-report.sh [REPORT_HTML] [OUT_PNG] [WIDTH,HEIGHT]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
html=${1:-$here/test/golden/run-report.html}
out=${2:-/tmp/goverity-report.png}
size=${3:-1400,1800}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium is not installed: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi
html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --screenshot="$out" --window-size="$size" \
  "file://$html" >/dev/null 2>&1
echo "$out"
