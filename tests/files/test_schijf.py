"""Bytes on disk: atomic writes, reading with a limit, and that reading cases needs no ruamel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from leersteun.files import schijf


def test_new_file_is_never_overwritten(tmp_path: Path) -> None:
    pad = tmp_path / "a.yaml"
    schijf.schrijf_atomisch(pad, b"a: 1\n", nieuw=True)
    with pytest.raises(FileExistsError):
        schijf.schrijf_atomisch(pad, b"a: 2\n", nieuw=True)
    assert pad.read_bytes() == b"a: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_the_commands_that_only_read_a_valid_folder_load_no_ruamel(voorbeeld: Path) -> None:
    """ruamel (13 ms) is for the round trip: a valid folder is read, and an overview written,
    without it."""
    code = (
        "import sys\nfrom leersteun.cli import main\n"
        "for opdracht in (['overzicht', '--formaat', 'csv', '--uit', 'out/o.csv'], ['lijst'], ['agenda']):\n"
        "    sys.argv = ['leersteun', *opdracht]\n"
        "    try:\n        main()\n    except SystemExit as e:\n        assert e.code == 0, (opdracht, e.code)\n"
        "print(sorted(m for m in sys.modules if m.startswith('ruamel')))"
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=voorbeeld, capture_output=True, text=True, check=True).stdout
    assert uit.strip().splitlines()[-1] == "[]"
