"""The code keeps one style (issue 30): `ruff check` and `ruff format --check` with the rules of
pyproject.toml, on the package, the tests and the benchmarks. Run `ruff format` and
`ruff check --fix` (from .venv/bin) before committing."""

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
