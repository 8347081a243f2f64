#!/usr/bin/env bash
# Builds a Debian package of journeymap that installs without a Rust toolchain: the
# release binary in /usr/bin, the icon (SVG and every PNG size) under
# /usr/share/icons/hicolor and the desktop entry in /usr/share/applications, laid out by
# the same scripts/install.sh a user install runs.
#
#   scripts/build-deb.sh                   # builds the release binary first
#   scripts/build-deb.sh --binary PATH     # packages an already built binary
#
# OUT (default target/debian) is where the .deb goes; DEB_COMPRESSION (default xz) is
# passed to dpkg-deb -Z. Install the result with `sudo apt install ./FILE.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2;;
        *) echo "usage: scripts/build-deb.sh [--binary PATH]" >&2; exit 2;;
    esac
done
if [ -z "$binary" ]; then
    cargo build --release --locked
    binary=target/release/journeymap
fi
out=${OUT:-target/debian}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
PREFIX="$root/usr" EXEC_PATH=/usr/bin/journeymap NO_CACHES=1 \
    bash scripts/install.sh --binary "$binary" >/dev/null
mkdir -p "$root/DEBIAN"
installed_kib=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: journeymap
Version: $version
Architecture: $arch
Maintainer: journeymap developers <journeymap@localhost>
Installed-Size: $installed_kib
Depends: libc6, libgcc-s1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon0, libxkbcommon-x11-0, libgl1, libegl1
Recommends: libgl1-mesa-dri, libwayland-client0, libwayland-egl1, zenity, git
Section: graphics
Priority: optional
Description: author customer journey maps, offline, as text files in git
 Six stages, touchpoints with channel, department, emotion and evidence, grey areas
 where the journey breaks; exports PNG, SVG, PDF posters and slides, CSV, JSON and
 Mermaid; a semantic git diff and merge driver. The same binary is the command line.
CONTROL
mkdir -p "$out"
deb="$out/journeymap_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group -Z"${DEB_COMPRESSION:-xz}" "$root" "$deb" >/dev/null
echo "built $deb"
