#!/bin/sh
# Installs what Trygghetsråd needs on Debian/Ubuntu and nothing more: the system libraries
# Qt needs (only those missing), a virtual environment in .venv and the package itself.
#   sh scripts/bootstrap.sh          for running the app
#   sh scripts/bootstrap.sh --test   also the test tools
set -eu
cd "$(dirname "$0")/.."

QT_LIBS="libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0"
WINDOW_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1"
TEST_TOOLS="poppler-utils"

if [ "${1:-}" = "--test" ]; then
    wanted="$QT_LIBS $TEST_TOOLS"
    extra="[test]"
else
    wanted="$QT_LIBS $WINDOW_LIBS"
    extra=""
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Trygghetsråd behöver Python 3.11 eller senare (python3-paketet)." >&2
    exit 1
fi
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || wanted="$wanted python3-venv"

missing=""
for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $pkg"
    fi
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installerar systempaket:$missing"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".$extra"
