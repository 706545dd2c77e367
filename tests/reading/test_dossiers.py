"""Finding one case by id or name: a case whose file is broken is named as broken, with its
position, never as 'not found'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leersteun.core.errors import Fout, OngeldigBestand
from leersteun.reading.dossiers import kaarten, zoek
from leersteun.reading.folder import vind_map
from leersteun.rules.checks import Context

NOAH = "cases/KLM-2025-003.yaml"

CTX = Context(vandaag=dt.date(2026, 11, 24))


def breek(voorbeeld: Path) -> None:
    pad = voorbeeld / NOAH
    pad.write_text(pad.read_text(encoding="utf-8").replace("datum: 2025-05-20", "datum: 2025-05-32"), encoding="utf-8")


@pytest.mark.parametrize("naam", ["noah", "Wouters", "wouters noah", "NOAH W"])
def test_a_broken_file_of_the_pupil_looked_for_is_named_with_its_findings(voorbeeld: Path, naam: str) -> None:
    breek(voorbeeld)
    with pytest.raises(OngeldigBestand) as e:
        zoek(kaarten(vind_map(voorbeeld), CTX), naam)
    assert e.value.pad == NOAH and e.value.gezocht == naam
    assert [(b.regel, b.kolom) for b in e.value.bevindingen] == [(14, 10)]


def test_no_match_names_the_files_it_could_not_search(voorbeeld: Path) -> None:
    breek(voorbeeld)
    with pytest.raises(Fout) as e:
        zoek(kaarten(vind_map(voorbeeld), CTX), "zoë")
    assert not isinstance(e.value, OngeldigBestand)
    assert f"Niet doorzocht, want ongeldig: {NOAH}" in e.value.boodschap


def test_the_command_says_the_file_is_broken_and_how_to_fix_it(voorbeeld: Path, run) -> None:
    breek(voorbeeld)
    result = run("toon", "noah")
    assert result.exit_code == 1
    assert f"{NOAH}:14:10: '2025-05-32' is geen bestaande datum" in result.stderr
    assert f"Fout: 'noah' is {NOAH}, maar dat bestand is niet geldig" in result.stderr
    assert f"leersteun valideer {NOAH}" in result.stderr and "Geen dossier gevonden" not in result.stderr


# ---------------------------------------------------------------------------- ids that differ only in capitals
#
# NTFS (Windows) and APFS (macOS) see KLM-2024-017.yaml and klm-2024-017.yaml as one file; git
# and Linux see two. An id is never trusted to name a file by its capitals.

NIEUW = ["nieuw", "--voornaam", "Mats", "--naam", "Claes", "--klas", "2B", "--niveau", "lager", "--geboortedatum", "11-02-2019",
         "--school", "klimop", "--verslag", "GC", "--verslagdatum", "15-10-2026", "--typologie", "basisaanbod", "--niet-in-diplon",
         "--leervraag", "Beurt afwachten.", "--vraag-van", "leerkracht", "--al-geprobeerd", "Beurtkaartje"]  # fmt: skip


def test_an_id_typed_in_other_capitals_opens_the_file_as_the_folder_lists_it(voorbeeld: Path) -> None:
    """Never `cases/klm-2024-017.yaml` built from what was typed: on Windows and macOS that
    path opens KLM-2024-017.yaml, whose id would then differ from its name."""
    from leersteun.reading.dossiers import bestand_van_id, context_zonder_fout, open_dossier

    map_ = vind_map(voorbeeld)
    assert bestand_van_id(map_, "klm-2024-017") == voorbeeld / "cases" / "KLM-2024-017.yaml"
    assert bestand_van_id(map_, "KLM-2024-017") == voorbeeld / "cases" / "KLM-2024-017.yaml"
    assert bestand_van_id(map_, "KLM-2024-999") is None
    gevonden = open_dossier(map_, "klm-2024-017", context_zonder_fout(map_))
    assert gevonden.pad.name == "KLM-2024-017.yaml" and not gevonden.fouten


@pytest.mark.parametrize(
    ("eigen_id", "melding"),
    [
        ("klm-2024-017", "cases/KLM-2024-017.yaml bestaat al (alleen de hoofdletters verschillen: Windows en macOS zien dat als één bestand)"),
        ("KLM-2024-017", "cases/KLM-2024-017.yaml bestaat al; kies een andere id met --id."),
        ("Klm-2025-003", "cases/KLM-2025-003.yaml bestaat al (alleen de hoofdletters"),
        ("con", "'con' kan geen bestandsnaam zijn op Windows"),
        ("LPT1.oud", "'LPT1.oud' kan geen bestandsnaam zijn op Windows"),
    ],
)
def test_nieuw_refuses_an_id_whose_file_would_be_an_existing_one_on_windows_or_macos(voorbeeld: Path, run, eigen_id: str, melding: str) -> None:
    voor = sorted(p.name for p in (voorbeeld / "cases").iterdir())
    result = run(*NIEUW, "--id", eigen_id)
    assert result.exit_code == 1 and melding in result.stderr, result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (voorbeeld / "cases").iterdir()) == voor


def test_a_yml_file_and_a_file_in_other_capitals_count_for_the_next_number(voorbeeld: Path) -> None:
    from leersteun.reading.dossiers import id_botst, volgende_id

    map_ = vind_map(voorbeeld)
    assert volgende_id(map_, "Basisschool De Klimop", 2027) == "KLM-2027-001"
    (voorbeeld / "cases" / "klm-2027-004.yml").write_text("id: klm-2027-004\n", encoding="utf-8")
    assert volgende_id(map_, "Basisschool De Klimop", 2027) == "KLM-2027-005"
    assert id_botst(map_, "KLM-2027-004") is not None and id_botst(map_, "KLM-2027-005") is None


def test_an_id_in_the_file_that_differs_only_in_capitals_is_an_error_that_says_so(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("id: KLM-2024-017", "id: klm-2024-017", 1), encoding="utf-8")
    result = run("valideer", "cases/KLM-2024-017.yaml")
    assert result.exit_code == 1
    assert "cases/KLM-2024-017.yaml:8:5: id 'klm-2024-017' moet gelijk zijn aan de bestandsnaam 'KLM-2024-017' (ook in hoofdletters" in result.output
