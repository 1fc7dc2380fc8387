"""The migration graph read from the version files themselves, without importing Alembic.

Start-up uses this to tell "current", "needs migration" and "made by a newer version"
apart cheaply; Alembic is only imported when a migration is actually due.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"


@dataclass(frozen=True)
class Revision:
    revision: str
    down_revisions: tuple[str, ...]


def _literal(node: ast.expr) -> tuple[str, ...]:
    value = ast.literal_eval(node)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


_HEADER = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)


def _read_fast(text: str) -> Revision | None:
    """The two assignments from their own lines, without parsing the whole module."""
    found: dict[str, tuple[str, ...]] = {}
    for match in _HEADER.finditer(text):
        try:
            found.setdefault(match.group(1), _literal(ast.parse(match.group(2), mode="eval").body))
        except (SyntaxError, ValueError):
            return None  # e.g. a value spanning lines: parse the module instead
    if "revision" not in found:
        return None
    return Revision(found["revision"][0], found.get("down_revision", ()))


def _read(path: Path) -> Revision | None:
    text = path.read_text(encoding="utf-8")
    fast = _read_fast(text)
    if fast is not None:
        return fast
    tree = ast.parse(text)
    found: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in {"revision", "down_revision"}:
                    assert node.value is not None
                    found[target.id] = _literal(node.value)
    if "revision" not in found:
        return None
    return Revision(found["revision"][0], found.get("down_revision", ()))


def all_revisions(versions_dir: Path = VERSIONS_DIR) -> dict[str, Revision]:
    return _all_revisions(versions_dir)  # one cache entry whether or not the default is passed


@cache
def _all_revisions(versions_dir: Path) -> dict[str, Revision]:
    revisions = {}
    for path in sorted(versions_dir.glob("*.py")):
        rev = _read(path)
        if rev is not None:
            revisions[rev.revision] = rev
    return revisions


def heads(versions_dir: Path = VERSIONS_DIR) -> frozenset[str]:
    revisions = all_revisions(versions_dir)
    referenced = {down for rev in revisions.values() for down in rev.down_revisions}
    return frozenset(set(revisions) - referenced)
