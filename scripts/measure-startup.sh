#!/usr/bin/env bash
# Start-up time and memory of the editor in a real window (Xvfb), release build.
#   bash scripts/measure-startup.sh            # prints the median of 10 runs, and peak RSS
# Start-up: from process start to the first frame presented, with the example journey.
# Memory: peak resident set size with a generated 10,000-touchpoint journey open.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v Xvfb >/dev/null && command -v /usr/bin/time >/dev/null || {
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq xvfb time >/dev/null
}
cargo build --release --quiet
bin=target/release/journeymap
Xvfb :77 -screen 0 1920x1080x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
export DISPLAY=:77 XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
times=()
for _ in $(seq 10); do
    ms=$(JOURNEYMAP_STARTUP_PROBE=1 "$bin" journeys/online-order-delivery-return.ron | sed -n 's/first frame presented after \([0-9.]*\) ms/\1/p')
    times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "start-up to first frame: median %.0f ms (min %.0f, max %.0f, %d runs)\n", (a[int((NR+1)/2)]+a[int(NR/2)+1])/2, a[1], a[NR], NR}'
large=$(mktemp --suffix=.ron)
"$bin" generate --touchpoints 10000 -o "$large"
JOURNEYMAP_STARTUP_PROBE=1 /usr/bin/time -v "$bin" "$large" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/peak RSS with 10,000 touchpoints: \1 kB/p'
rm -f "$large"
