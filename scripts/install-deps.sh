#!/usr/bin/env bash
# Installs the Debian packages journeymap needs beyond the Rust toolchain:
# - the libraries the editor window loads at run time (X11/Wayland, xkbcommon, GL/EGL);
# - git, which the tests use for the git integration;
# - Xvfb, xdotool and imagemagick for the real-window tests (tests/real_window.rs:
#   the binary in a virtual X display, typed into, screenshots on failure), and
#   xclip, with which they put a spreadsheet's rows on the clipboard;
# - zenity, which the native file dialogs fall back to without an xdg portal;
# - poppler-utils (pdftotext, pdfinfo) and qpdf (a PDF's metadata and bookmarks), with
#   which the tests read exported PDFs;
# - chromium, headless, in which the tests open a published HTML page;
# - dbus, at-spi2-core and python3-pyatspi: the accessibility bus a screen reader
#   reads, on which the tests read the editor as Orca would.
# Building needs none of them. Safe to run again; uses sudo when not root.
set -euo pipefail
packages=(
    git
    libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon0 libxkbcommon-x11-0
    libwayland-client0 libwayland-egl1
    libgl1 libegl1 libgl1-mesa-dri
    xvfb xauth xdotool xclip imagemagick zenity poppler-utils qpdf chromium
    dbus at-spi2-core python3-pyatspi
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
