#!/usr/bin/env bash
# Installs journeymap for this user: the binary, the icon (SVG and every PNG size) and
# the desktop entry, so the desktop's application menu lists it with its icon.
#
#   scripts/install.sh                 # builds a release binary (cargo install --path .)
#   scripts/install.sh --binary PATH   # installs an already built binary instead
#
# PREFIX (default ~/.local) says where: PREFIX/bin, PREFIX/share/icons/hicolor,
# PREFIX/share/applications. Safe to run again. Uninstall by removing those files.
# For a package (scripts/build-deb.sh): EXEC_PATH is the binary's path once installed
# (default PREFIX/bin/journeymap), and NO_CACHES=1 leaves the desktop's caches alone.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-$HOME/.local}
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2;;
        *) echo "usage: scripts/install.sh [--binary PATH]" >&2; exit 2;;
    esac
done
if [ -z "$binary" ]; then
    cargo install --locked --path . --root "$prefix"
else
    install -Dm755 "$binary" "$prefix/bin/journeymap"
fi
icons=$prefix/share/icons/hicolor
install -Dm644 assets/icon/journeymap.svg "$icons/scalable/apps/journeymap.svg"
for png in assets/icon/journeymap-*.png; do
    size=${png##*-}; size=${size%.png}
    install -Dm644 "$png" "$icons/${size}x${size}/apps/journeymap.png"
done
# The entry runs the binary installed here, whatever the PATH.
exec_path=${EXEC_PATH:-$prefix/bin/journeymap}
mkdir -p "$prefix/share/applications"
sed "s|^Exec=journeymap|Exec=$exec_path|" assets/journeymap.desktop \
    > "$prefix/share/applications/journeymap.desktop"
chmod 644 "$prefix/share/applications/journeymap.desktop"
if [ -z "${NO_CACHES:-}" ]; then
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
fi
echo "installed journeymap in $prefix ($("$prefix/bin/journeymap" --version))"
