"""The code keeps one style (issue 30): `ruff check` and `ruff format --check` with the rules of
pyproject.toml, on the package, the tests and the benchmarks. Run `ruff format` and
`ruff check --fix` (from .venv/bin) before committing. And the types hold: `mypy` on the
package, with the settings of pyproject.toml ([tool.mypy])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAPPEN = ["leersteun", "tests", "benchmarks"]


@pytest.mark.parametrize("opdracht", [["check", "--output-format", "concise"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_finds_nothing(opdracht: list[str]) -> None:
    uit = subprocess.run([sys.executable, "-m", "ruff", *opdracht, *MAPPEN], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_mypy_finds_nothing() -> None:
    uit = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=300)  # the files: [tool.mypy]
    assert uit.returncode == 0, uit.stdout + uit.stderr
