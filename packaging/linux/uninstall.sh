#!/bin/sh
# Removes what install.sh installed. The database and backups in the user data folder
# (~/.local/share/Trygghetsrad) are left alone.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${TRYGGHETSRAD_PREFIX:-$HOME/.local/opt/trygghetsrad}
rm -rf "$prefix"
rm -f "$HOME/.local/bin/trygghetsrad" "$data/applications/trygghetsrad.desktop"
rm -f "$data"/icons/hicolor/*/apps/trygghetsrad.png "$data/icons/hicolor/scalable/apps/trygghetsrad.svg"
echo "Trygghetsråd är avinstallerat. Databasen i $data/Trygghetsrad finns kvar."
