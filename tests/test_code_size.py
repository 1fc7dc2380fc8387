"""Issue 18's size limits hold in the whole package, the UI included: no module over 500
lines, no function over 80 lines, none above cyclomatic complexity 25, unless a
`# size-exception:` comment names why. Complexity is measured when radon is
installed (a developer tool, not a dependency).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "code_size.py"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_the_package_keeps_the_size_limits() -> None:
    result = run("trygghetsrad")
    assert result.returncode == 0, result.stdout


def test_the_check_finds_a_long_function_and_honours_a_named_exception(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(85))
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n", encoding="utf-8")
    failed = run(str(tmp_path))
    assert failed.returncode == 1
    assert "long: 86 lines" in failed.stdout

    (tmp_path / "long.py").write_text(
        f"# size-exception: a table of values\ndef long():\n{body}\n", encoding="utf-8"
    )
    passed = run(str(tmp_path), "--all")
    assert passed.returncode == 0, passed.stdout
    assert "(exception: a table of values)" in passed.stdout


def test_the_check_finds_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "big.py").write_text("x = 1\n" * 501, encoding="utf-8")
    result = run(str(tmp_path))
    assert result.returncode == 1
    assert "big.py:1: (module): 501 lines" in result.stdout


def test_the_check_finds_a_complex_function(tmp_path: Path) -> None:
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(26))
    source = f"def branchy(x):\n{branches}\n    return -1\n"
    (tmp_path / "branchy.py").write_text(textwrap.dedent(source), encoding="utf-8")
    result = run(str(tmp_path))
    if "radon is not installed" in result.stderr:
        assert result.returncode == 0
    else:
        assert result.returncode == 1
        assert "branchy: complexity 27" in result.stdout
