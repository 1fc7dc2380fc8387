#!/bin/sh
# Installs Trygghetsråd for the current user only (no root): the program folder in
# ~/.local/opt/trygghetsrad, the command in ~/.local/bin, a menu entry and icons.
# Run from the unpacked tarball:   sh install.sh        Remove again with:   sh uninstall.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${TRYGGHETSRAD_PREFIX:-$HOME/.local/opt/trygghetsrad}
bindir=$HOME/.local/bin

if [ ! -x "$here/trygghetsrad/trygghetsrad" ]; then
    echo "Hittar inte programmet: kör install.sh från den uppackade mappen." >&2
    exit 1
fi
rm -rf "$prefix"
mkdir -p "$(dirname "$prefix")" "$bindir" "$data/applications"
cp -R "$here/trygghetsrad" "$prefix"
ln -sf "$prefix/trygghetsrad" "$bindir/trygghetsrad"
icons="$prefix/_internal/trygghetsrad/resources/icons"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$icons/trygghetsrad-$size.png" "$data/icons/hicolor/${size}x${size}/apps/trygghetsrad.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$icons/trygghetsrad.svg" "$data/icons/hicolor/scalable/apps/trygghetsrad.svg"
sed "s|^Exec=.*|Exec=\"$prefix/trygghetsrad\"|" "$here/trygghetsrad.desktop" \
    > "$data/applications/trygghetsrad.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Trygghetsråd är installerat i $prefix och finns i programmenyn."
case ":$PATH:" in *":$bindir:"*) ;; *) echo "Lägg till $bindir i PATH för att starta det med kommandot trygghetsrad." ;; esac
