#!/usr/bin/env bash
# Measures what packaging/README.md reports, in one run on this machine: clean build time,
# size on disk and compressed, and start-up time (--exit-after-startup on the example data)
# of the frozen program against `python -m trygghetsrad`. Needs hyperfine (apt).
#     bash packaging/measure.sh > /tmp/measurements.md
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
RUNS=${RUNS:-15}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)."
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work shares the machine)."
echo

t0=$(date +%s.%N)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level ERROR \
    --distpath "$TMP/dist" --workpath "$TMP/build" packaging/trygghetsrad.spec >/dev/null 2>&1
t1=$(date +%s.%N)
tar -C "$TMP/dist" -czf "$TMP/trygghetsrad.tar.gz" trygghetsrad
t2=$(date +%s.%N)
secs() { "$PYTHON" -c "print(f'{$2 - $1:.0f}')"; }
mib() { "$PYTHON" -c "print(f'{$1 / 1048576:.0f}')"; }
disk=$(du -sb "$TMP/dist/trygghetsrad" | cut -f1)
files=$(find "$TMP/dist/trygghetsrad" -type f | wc -l)
gz=$(stat -c %s "$TMP/trygghetsrad.tar.gz")
echo "| What | Result |"
echo "|---|---|"
echo "| Build time, \`pyinstaller --clean\` (clean, no cache) | $(secs "$t0" "$t1") s |"
echo "| Compressing it (\`tar czf\`) | $(secs "$t1" "$t2") s |"
echo "| Size on disk, \`dist/trygghetsrad/\` | $(mib "$disk") MiB in $files files |"
echo "| Compressed (tar.gz) | $(mib "$gz") MiB |"

export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state"
BIN="$TMP/dist/trygghetsrad/trygghetsrad"
"$BIN" --db "$TMP/demo.sqlite" demo >/dev/null
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$TMP/startup.json" \
    -n frozen "$BIN --db $TMP/demo.sqlite --exit-after-startup" \
    -n unfrozen "$PYTHON -m trygghetsrad --db $TMP/demo.sqlite --exit-after-startup" >/dev/null 2>&1
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$TMP/version.json" \
    -n frozen "$BIN --version" -n unfrozen "$PYTHON -m trygghetsrad --version" >/dev/null 2>&1
"$PYTHON" - "$TMP/startup.json" "$TMP/version.json" <<'PY'
import json
import sys

labels = {"frozen": "frozen build", "unfrozen": "`python -m trygghetsrad`"}
for path, what in zip(sys.argv[1:], ("`--exit-after-startup` (example data)", "`--version`")):
    for r in json.load(open(path))["results"]:
        cpu = r["user"] + r["system"]
        print(
            f"| {what}, {labels[r['command']]} | {r['mean']:.2f} s ± {r['stddev']:.2f} "
            f"(min {r['min']:.2f} s; CPU {cpu:.2f} s), {len(r['times'])} runs |"
        )
PY
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
