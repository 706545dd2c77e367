"""An output in a legacy code page (a Windows console, or a redirected output in cp1252):
every command of the example folder prints readable Dutch, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from leersteun.core.uitvoer import VERVANGING, kan_tonen


@pytest.mark.parametrize("args", [["overzicht"], ["lijst"], ["toon", "KLM-2024-017"], ["agenda", "--weken", "8"], ["geschiedenis", "noah"]])
def test_every_command_survives_an_output_in_cp1252(voorbeeld: Path, args: list[str]) -> None:
    omgeving = {**os.environ, "PYTHONIOENCODING": "cp1252", "LEERSTEUN_VANDAAG": "2026-11-23", "COLUMNS": "80"}
    uit = subprocess.run([sys.executable, "-m", "leersteun", *args], cwd=voorbeeld, env=omgeving, capture_output=True, timeout=60)
    tekst = (uit.stdout + uit.stderr).decode("cp1252")
    assert uit.returncode == 0, tekst
    assert "onverwachte fout" not in tekst and "Traceback" not in tekst
    if args == ["overzicht"]:
        assert "# lopend, | richtcapaciteit" in tekst  # bars drawn with signs the code page has
    if args[0] == "toon":
        assert "zorgcoördinator" in tekst  # the code page has ö: it stays


def test_signs_a_code_page_lacks_get_a_plain_equivalent() -> None:
    assert "klas 3A → 3B".encode("cp1252", "leersteun") == b"klas 3A -> 3B"
    assert "Zoë ✓ 漢".encode("cp1252", "leersteun") == "Zoë v ?".encode("cp1252")
    assert all(len(v) <= 3 for v in VERVANGING.values())
    assert kan_tonen("█") is kan_tonen("█", sys.stdout)
