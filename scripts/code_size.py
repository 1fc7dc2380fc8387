"""The size limits of issue 18: no module over 500 lines, no function over 80 lines, no
function above cyclomatic complexity 25.

    python scripts/code_size.py [PATH ...] [--exclude trygghetsrad/ui] [--all]

Reads the Python files under each PATH (default: trygghetsrad) and lists every module,
function and method over a limit. A limit may be passed on purpose: a comment
``# size-exception: <reason>`` on the line of the ``def``/``class`` or just above it (for a
module: anywhere in its first 30 lines) names the exception and its reason; such places are
listed as exceptions and do not fail the check. Exits 1 when an unexplained place is over a
limit. Lengths come from the syntax tree (``def`` line to last line, decorators and
docstring included); complexity from radon when it is installed (it is a developer tool,
not a dependency), otherwise that part is skipped with a note.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MODULE_LINES = 500
FUNCTION_LINES = 80
COMPLEXITY = 25
MARKER = "# size-exception:"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    name: str
    what: str
    reason: str | None


def _reason(lines: list[str], line: int) -> str | None:
    """The reason given at 1-based ``line`` or in the comment lines just above it (a reason
    may go on over the comment lines that follow its marker)."""
    index = line - 1
    if index < len(lines) and MARKER in lines[index]:
        return lines[index].split(MARKER, 1)[1].strip() or "?"
    first = index
    while first > 0 and lines[first - 1].strip().startswith(("#", "@")):
        first -= 1
    block = [text.strip() for text in lines[first:index]]
    for n, text in enumerate(block):
        if MARKER in text:
            rest = [t.lstrip("# ") for t in block[n + 1 :] if t.startswith("#")]
            return " ".join([text.split(MARKER, 1)[1].strip(), *rest]).strip() or "?"
    return None


def _functions(tree: ast.AST) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    def walk(
        node: ast.AST, prefix: str
    ) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield prefix + child.name, child
                yield from walk(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, prefix + child.name + ".")
            else:
                yield from walk(child, prefix)

    yield from walk(tree, "")


def _complexities(source: str) -> Iterator[tuple[str, int, int]] | None:
    try:
        from radon.complexity import cc_visit
    except ImportError:
        return None

    # radon's blocks are the functions and methods (closures count in their function) and
    # the classes; a class's figure is not a function's, so only functions are measured.
    return (
        (block.fullname, block.lineno, block.complexity)
        for block in cc_visit(source)
        if hasattr(block, "is_method")
    )


def check_file(path: Path) -> tuple[list[Finding], bool]:
    """The places in ``path`` over a limit; the flag says whether complexity was measured."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    findings: list[Finding] = []
    if len(lines) > MODULE_LINES:
        head = "\n".join(lines[:30])
        reason = head.split(MARKER, 1)[1].splitlines()[0].strip() if MARKER in head else None
        findings.append(Finding(path, 1, "(module)", f"{len(lines)} lines", reason))
    tree = ast.parse(source, str(path))
    for name, node in _functions(tree):
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        length = (node.end_lineno or node.lineno) - first + 1
        if length > FUNCTION_LINES:
            reason = _reason(lines, node.lineno)
            findings.append(Finding(path, node.lineno, name, f"{length} lines", reason))
    measured = _complexities(source)
    if measured is not None:
        for name, line, complexity in measured:
            if complexity > COMPLEXITY:
                reason = _reason(lines, line)
                findings.append(Finding(path, line, name, f"complexity {complexity}", reason))
    return findings, measured is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["trygghetsrad"])
    parser.add_argument("--exclude", action="append", default=[], help="a path to leave out")
    parser.add_argument("--all", action="store_true", help="list the named exceptions too")
    args = parser.parse_args(argv)
    excluded = [Path(p).resolve() for p in args.exclude]
    files = sorted(
        file
        for root in args.paths
        for file in (Path(root).rglob("*.py") if Path(root).is_dir() else [Path(root)])
        if not any(file.resolve().is_relative_to(e) for e in excluded)
    )
    findings: list[Finding] = []
    complexity_measured = True
    for file in files:
        found, measured = check_file(file)
        findings.extend(found)
        complexity_measured &= measured
    failing = [f for f in findings if f.reason is None]
    for f in findings:
        if f.reason is None or args.all:
            note = f"  (exception: {f.reason})" if f.reason else ""
            print(f"{f.path}:{f.line}: {f.name}: {f.what}{note}")
    counts = {what: sum(1 for f in failing if what in f.what) for what in ("lines", "complexity")}
    modules = sum(1 for f in failing if f.name == "(module)")
    print(
        f"{len(files)} files: {modules} modules over {MODULE_LINES} lines, "
        f"{counts['lines'] - modules} functions over {FUNCTION_LINES} lines, "
        f"{counts['complexity']} functions above complexity {COMPLEXITY}; "
        f"{len(findings) - len(failing)} named exceptions"
    )
    if not complexity_measured:
        print("complexity not measured: radon is not installed", file=sys.stderr)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
