"""Copy the Debian copyright file of every system library PyInstaller bundled.

    python packaging/system_licences.py build/pyinstaller/trygghetsrad/COLLECT-00.toc OUT_DIR

Reads the COLLECT table of contents (destination, source, kind) PyInstaller wrote, keeps the
binaries that came from the system (not from the virtual environment or the Python install),
asks dpkg which package each belongs to and copies /usr/share/doc/PACKAGE/copyright to
OUT_DIR/PACKAGE.txt. Does nothing where dpkg is missing (a non-Debian build machine).
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path


def system_binaries(toc_path: Path) -> list[Path]:
    (entries,) = ast.literal_eval(toc_path.read_text(encoding="utf-8"))
    prefixes = (sys.prefix, sys.base_prefix, os.path.realpath(sys.base_prefix))
    found = []
    for _dest, src, kind in entries:
        if kind != "BINARY" or not src or src.startswith(prefixes):
            continue
        found.append(Path(src))
    return found


def owning_packages(paths: list[Path]) -> dict[Path, str]:
    """Map each path to the Debian package that owns it (one dpkg call: it is slow to start)."""
    variants: dict[str, Path] = {}
    for path in paths:
        for candidate in (str(path), os.path.realpath(path)):
            for variant in (candidate, candidate.removeprefix("/usr"), "/usr" + candidate):
                variants.setdefault(variant, path)
    result = subprocess.run(["dpkg", "-S", *variants], capture_output=True, text=True)
    owners: dict[Path, str] = {}
    for line in result.stdout.splitlines():
        package, _, owned = line.partition(": ")
        if owned in variants and "," not in package:
            owners.setdefault(variants[owned], package.split(":", 1)[0])
    return owners


def main(argv: list[str]) -> int:
    toc, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    if shutil.which("dpkg") is None:
        print("system_licences: no dpkg, nothing copied")
        return 0
    packages = set()
    binaries = system_binaries(toc)
    owners = owning_packages(binaries)
    for binary in binaries:
        package = owners.get(binary)
        if package is None:
            print(f"system_licences: no package owns {binary}", file=sys.stderr)
            continue
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            shutil.copyfile(copyright_file, out / f"{package}.txt")
            packages.add(package)
    print(f"system_licences: {len(packages)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
