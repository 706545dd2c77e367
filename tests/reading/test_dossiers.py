"""Finding one case by id or name: a case whose file is broken is named as broken, with its
position, never as 'not found'."""

from __future__ import annotations

from pathlib import Path

import pytest

from leersteun.core.errors import Fout, OngeldigBestand
from leersteun.reading.dossiers import kaarten, zoek
from leersteun.reading.folder import vind_map

NOAH = "cases/KLM-2025-003.yaml"


def breek(voorbeeld: Path) -> None:
    pad = voorbeeld / NOAH
    pad.write_text(pad.read_text(encoding="utf-8").replace("datum: 2025-05-20", "datum: 2025-05-32"), encoding="utf-8")


@pytest.mark.parametrize("naam", ["noah", "Wouters", "wouters noah", "NOAH W"])
def test_a_broken_file_of_the_pupil_looked_for_is_named_with_its_findings(voorbeeld: Path, naam: str) -> None:
    breek(voorbeeld)
    with pytest.raises(OngeldigBestand) as e:
        zoek(kaarten(vind_map(voorbeeld)), naam)
    assert e.value.pad == NOAH and e.value.gezocht == naam
    assert [(b.regel, b.kolom) for b in e.value.bevindingen] == [(14, 10)]


def test_no_match_names_the_files_it_could_not_search(voorbeeld: Path) -> None:
    breek(voorbeeld)
    with pytest.raises(Fout) as e:
        zoek(kaarten(vind_map(voorbeeld)), "zoë")
    assert not isinstance(e.value, OngeldigBestand)
    assert f"Niet doorzocht, want ongeldig: {NOAH}" in e.value.boodschap


def test_the_command_says_the_file_is_broken_and_how_to_fix_it(voorbeeld: Path, run) -> None:
    breek(voorbeeld)
    result = run("toon", "noah")
    assert result.exit_code == 1
    assert f"{NOAH}:14:10: '2025-05-32' is geen bestaande datum" in result.stderr
    assert f"Fout: 'noah' is {NOAH}, maar dat bestand is niet geldig" in result.stderr
    assert f"leersteun valideer {NOAH}" in result.stderr and "Geen dossier gevonden" not in result.stderr
