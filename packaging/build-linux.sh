#!/usr/bin/env bash
# Builds the Linux onedir program and its tarball from the project folder:
#     bash packaging/build-linux.sh
# Output: dist/trygghetsrad/ (the program) and dist/trygghetsrad-VERSION-linux-ARCH.tar.gz
# (program + menu entry + per-user install.sh/uninstall.sh + licences). Needs the `build`
# extra: .venv/bin/pip install -e '.[build]'.  `--no-tarball` stops after the program folder.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' trygghetsrad/__init__.py)
[ -n "$version" ] || { echo "build-linux: no __version__ in trygghetsrad/__init__.py" >&2; exit 1; }
arch=$(uname -m)
name="trygghetsrad-$version-linux-$arch"

# Qt's X11 platform plugin needs these; PyInstaller bundles only what this machine has, so
# without them the tarball would start only on desktops that happen to have them installed.
missing=""
known=$(/sbin/ldconfig -p)
for soname in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-image.so.0 libxcb-keysyms.so.1 \
    libxcb-randr.so.0 libxcb-render-util.so.0 libxcb-shape.so.0 libxcb-xfixes.so.0 \
    libxcb-xkb.so.1 libxkbcommon-x11.so.0; do
    grep -q "^[[:space:]]*$soname " <<<"$known" || missing="$missing $soname"
done
if [ -n "$missing" ]; then
    echo "build-linux: WARNING: missing on this machine, so not bundled:$missing" >&2
    echo "build-linux: install them first: sh scripts/bootstrap.sh (without --test)" >&2
fi

start=$(date +%s.%N)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/trygghetsrad.spec
end=$(date +%s.%N)
echo "build-linux: PyInstaller took $("$PYTHON" -c "print(round($end - $start, 1))") s"

program=dist/trygghetsrad
# Licences of the system libraries PyInstaller copied from this (Debian) build machine.
system_licences="$program/_internal/licenses-system-libraries"
mkdir -p "$system_licences"
"$PYTHON" packaging/system_licences.py build/pyinstaller/trygghetsrad/COLLECT-00.toc "$system_licences"
cat > "$system_licences/README.txt" <<TXT
The Linux build contains shared libraries copied from the Debian build machine (those that
are not part of every Linux system). Each file here is the Debian copyright file of the
package a bundled library came from. The licences of Trygghetsråd, Qt/PySide6 and the Python
packages are in ../trygghetsrad/resources/licenses/.
TXT

if [ "${1:-}" = "--no-tarball" ]; then
    echo "build-linux: dist/trygghetsrad/"
    exit 0
fi
rm -rf "dist/$name" "dist/$name.tar.gz"
mkdir -p "dist/$name"
cp -R "$program" "dist/$name/trygghetsrad"
cp packaging/linux/trygghetsrad.desktop packaging/linux/install.sh packaging/linux/uninstall.sh \
    LICENSE "dist/$name/"
cat > "dist/$name/LÄSMIG.txt" <<TXT
Trygghetsråd $version för Linux ($arch)

Starta utan installation:    ./trygghetsrad/trygghetsrad
Installera för dig själv:    sh install.sh     (ingen administratörsbehörighet behövs)
Avinstallera:                sh uninstall.sh   (databasen finns kvar)

Programmet är fri programvara under GNU GPL version 3 eller senare (LICENSE).
Licenser för Qt, PySide6 och övriga komponenter: trygghetsrad/_internal/trygghetsrad/resources/licenses/
TXT
tar -C dist -czf "dist/$name.tar.gz" "$name"
rm -rf "dist/$name"
echo "build-linux: dist/trygghetsrad/ and dist/$name.tar.gz"
