"""Terminal tables at 80, 100 and 120 columns: names, e-mail addresses and schools whole,
text wrapped between words, a link folded only when nothing else fits."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

from leersteun.outputs.agenda import Agendapunt
from leersteun.outputs.kolommen import NAAM, TEKST, VAST, verdeel
from leersteun.outputs.weergave import agenda_weergave, klassen_tabel_rijen
from leersteun.rules.deadlines import Deadline, Soort

D = dt.date
BREEDTES = [80, 100, 120]


def getekend(renderable, breedte: int) -> list[str]:
    uit = io.StringIO()
    Console(file=uit, width=breedte, color_system=None, highlight=False).print(renderable)
    regels = uit.getvalue().splitlines()
    assert all(len(r.rstrip()) <= breedte for r in regels)
    return regels


def heel(regels: list[str], tekst: str) -> bool:
    return any(tekst in r for r in regels)


def test_verdeel_keeps_names_whole_and_folds_a_link_before_it_breaks_a_name() -> None:
    kolommen = [["datum", "09-11-2026"], ["wie", "Sofie Lambrechts"], ["wat", "Lees https://www.sprint-voorlezen.example.be/handleiding eerst"]]
    soorten = [VAST, NAAM, TEKST]
    assert verdeel(kolommen, soorten, None) == [10, 16, 62]
    assert verdeel(kolommen, soorten, 100) == [10, 16, 62]  # all on one line
    assert verdeel(kolommen, soorten, 60) == [10, 16, 28]  # the link folds, the name stays whole
    assert verdeel(kolommen, soorten, 40) == [10, 12, 12]  # only then the name wraps between words
    assert verdeel(kolommen, soorten, 40, namen_breken=False) is None
    assert verdeel(kolommen, soorten, 20) is None
    assert verdeel([["a", "x"], ["b", "y"]], [VAST, VAST], 10, tussen=2) == [1, 1]


def punten() -> list[Agendapunt]:
    soort = next(iter(Soort))
    wat = [
        "Overdracht van Tom Vermeulen naar Sofie Lambrechts (verschoven van 04-11-2026: herfstvakantie)",
        "Evaluatie van maatregel bij D1: Voorleessoftware (https://www.sprint-voorlezen.example.be/handleiding) op de laptop.",
        "Gepland: observatie",
    ]
    return [
        Agendapunt(
            Deadline(D(2026, 11, 9 + i), f"RGN-2024-00{i}", soort, f"k{i}", w, "Sofie Lambrechts"), "Anna-Sofie Vandenbroucke", "Anna-Sofie V.", "School"
        )
        for i, w in enumerate(wat)
    ]


@pytest.mark.parametrize("breedte", BREEDTES)
def test_agenda_never_cuts_a_name(breedte: int) -> None:
    regels = getekend(agenda_weergave(punten(), D(2026, 12, 7)), breedte)
    assert sum("Sofie Lambrechts" in r for r in regels) >= 3  # every row's ondersteuner, whole
    if breedte >= 100:
        assert sum("Anna-Sofie Vandenbroucke" in r for r in regels) == 3
    else:  # a long name wraps between its words, never inside one
        assert sum("Anna-Sofie" in r for r in regels) == sum("Vandenbroucke" in r for r in regels) == 3
    assert all(heel(regels, w) for w in ("ondersteuner", "verlopen", "herfstvakantie)", "09-11-2026", "woensdag", "Voorleessoftware"))
    # the link is the one thing that may be folded over lines, and no character of it is lost
    assert "(https://www.sprint-voorlezen.example.be/handleiding)" in "".join(r.split("│")[3].strip() for r in regels if r.count("│") == 4)


@pytest.mark.parametrize("breedte", BREEDTES)
def test_schooljaar_table_never_cuts_a_school(breedte: int) -> None:
    rijen = [
        ["VCT-2025-008", "Jules Dubois", "Sint-Victorinstituut", "1B", "2026-2027"],
        ["JZF-2026-001", "Nora Van den Broeck", "Vrije Basisschool Sint-Jozef", "K2 De Egeltjes", "2026-2027"],
        ["RGN-2024-005", "Olivia Jacobs", "GO! Basisschool De Regenboog", "4C", "–"],
    ]
    regels = getekend(klassen_tabel_rijen(rijen, breedte), breedte)
    for woord in ("Sint-Victorinstituut", "VCT-2025-008", "JZF-2026-001", "2026-2027", "Sint-Jozef", "Regenboog"):
        assert heel(regels, woord), woord
    if breedte >= 100:
        assert heel(regels, "Nora Van den Broeck") and heel(regels, "Vrije Basisschool Sint-Jozef")
    # too narrow for every column: the school goes, the ids and names stay whole
    smal = getekend(klassen_tabel_rijen(rijen, 50), 50)
    assert heel(smal, "VCT-2025-008") and not heel(smal, "Sint-Victor")


@pytest.mark.parametrize("breedte", BREEDTES)
def test_toon_never_cuts_an_e_mail_address(voorbeeld: Path, run, monkeypatch, breedte: int) -> None:
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("contact: zorg@klimop.example.be", "contact: griet.smets-vandenbroucke@basisschooldeklimop-geel.example.be")
    tekst = tekst.replace("notitie: mama", "notitie: mama; bellen na 16 uur, overdag moeilijk bereikbaar")
    pad.write_text(tekst, encoding="utf-8")
    monkeypatch.setenv("LEERSTEUN_BREEDTE", str(breedte))
    regels = run("toon", "lotte").stdout.splitlines()
    assert all(len(r.rstrip()) <= breedte for r in regels)
    for woord in ("griet.smets-vandenbroucke@basisschooldeklimop-geel.example.be", "Katrien Hendrix", "Joris Van Aken", "0472 11 22 33", "zorgcoördinator"):
        assert heel(regels, woord), woord
