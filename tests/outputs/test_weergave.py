"""`leersteun toon`: every fact of a case that a support worker needs, in its section, at 80,
100 and 120 columns; an empty field shows nothing."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console
from ruamel.yaml import YAML

from leersteun.outputs.weergave import toon_dossier
from leersteun.reading.dossiers import lees_dossier
from leersteun.rules.checks import Context

ROOT = Path(__file__).resolve().parents[2]
VANDAAG = dt.date(2026, 11, 24)


def getekend(renderable, breedte: int) -> str:
    uit = io.StringIO()
    Console(file=uit, width=breedte, color_system=None, highlight=False).print(renderable)
    regels = [r.rstrip() for r in uit.getvalue().splitlines()]
    assert all(len(r) <= breedte for r in regels)
    return "\n".join(regels)


def sectie(tekst: str, kop: str) -> str:
    """The lines under `kop` up to the next heading, joined as one text (a wrapped line read
    whole): a fact is checked in the section it belongs to."""
    delen = tekst.split(f"\n{kop}\n", 1)
    assert len(delen) == 2, kop
    deel = delen[1].split("\n\n", 1)[0]
    return " ".join(" ".join(r.replace("│", " ").replace("┃", " ").split()) for r in deel.splitlines())


def alles_ingevuld(tmp_path: Path) -> Path:
    """The example case of Lotte with every field of issue 27 filled in (as the commands
    write them), edited in a copy."""
    yaml = YAML()
    data = yaml.load((ROOT / "cases" / "KLM-2024-017.yaml").read_text(encoding="utf-8"))
    data["leervraag"]["al_geprobeerd"] = [
        "Instructie herhalen aan de instructietafel",
        {"wat": "Planningsschema op papier", "gelukt": "nee", "waarom": "ze verloor het blad"},
    ]
    data["beeldvorming"] = {
        "datum": dt.date(2024, 10, 8),
        "reden": "Schrijftaken blijven liggen sinds september.",
        "zorgen": "Lotte haakt af bij elke langere opdracht.",
        "observaties": ["Start pas na drie herhalingen."],
        "domeinen": {"cognitief": {"stimulerend": ["leest vlot"], "belemmerend": ["plannen"]}},
        "interesses": ["tekenen", "paarden"],
        "ondersteunende_figuren": ["haar grote broer"],
    }
    traject = data["trajecten"][0]
    traject["duur"] = "tot de krokusvakantie"
    traject["notitie"] = "Afgesproken in het opstartgesprek."
    doel = data["doelen"][0]
    doel["leerplandoel"] = "Nederlands 4.3: een tekst plannen"
    maatregel = doel["maatregelen"][0]
    maatregel.update({"periode": "blijvend", "waar": "in de klas", "evaluatie_elke_weken": 6})
    doel["evaluaties"][0]["beoogde_effecten"] = "Lotte start zonder hulp."
    tussen = {
        "datum": dt.date(2024, 12, 16),
        "beslissing": "verderzetten",
        "met": ["klasleerkracht", "ankerpersoon", "clb"],
        "afgesproken_met": ["zorgcoordinator", "ankerpersoon"],
        "herorientering": "buitengewoon_onderwijs",
        "clb_uitnodiging": "Samen bekijken of type 9 beter past.",
        "volgende": [dt.date(2025, 1, 20)],
        "notitie": "Ouders twijfelen nog.",
    }
    data["evaluaties"].insert(0, tussen)
    data["evaluaties"][1].update({"reden": "overgang_secundair", "verdere_leersteun": True})
    heropstart = data["heropstarts"][0]
    heropstart["analyse_met"] = "ondersteuner"
    heropstart["analyse_reden"] = "Els Maes kent Lotte al."
    heropstart["ingevuld_door"] = "Karen Claes"
    heropstart["beslist"] = dt.date(2026, 10, 7)
    # question 4 as the file keeps it ('ja' = another partner fits better); shown as seed 000 asks it
    checklist = heropstart["checklist"]
    checklist.pop("binnen_opdracht", None)
    checklist["andere_partner"] = {"antwoord": "ja", "partner": "CGGZ", "toelichting": "Ook de thuissituatie speelt."}
    pad = tmp_path / "KLM-2024-017.yaml"
    with pad.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return pad


@pytest.mark.parametrize("breedte", [80, 100, 120])
def test_toon_shows_every_recorded_fact_in_its_section(tmp_path: Path, breedte: int) -> None:
    gelezen = lees_dossier(alles_ingevuld(tmp_path), Context(vandaag=VANDAAG))
    assert gelezen.dossier is not None and not gelezen.bevindingen, [b.als_tekst() for b in gelezen.bevindingen]
    tekst = getekend(toon_dossier(gelezen.dossier, VANDAAG), breedte)

    leervraag = sectie(tekst, "Hulp- of leervraag")
    assert "Planningsschema op papier: lukte niet (ze verloor het blad)" in leervraag

    beeld = sectie(tekst, "Beeldvorming")
    for feit in ("08-10-2024", "Schrijftaken blijven liggen", "Lotte haakt af bij elke langere opdracht.", "Start pas na drie herhalingen.",
                 "cognitief lukt goed: leest vlot moeilijk: plannen", "tekenen paarden", "haar grote broer"):  # fmt: skip
        assert feit in beeld, feit

    trajecten = sectie(tekst, "Trajecten")
    assert "regulier vanaf 15-10-2024: Afgesproken in het opstartgesprek." in trajecten
    if breedte >= 100:  # its own column beside the frequency
        assert "frequentie duur intensiteit" in trajecten
        assert _kolom(tekst, "Trajecten", 3) == "wekelijks" and _kolom(tekst, "Trajecten", 4) == "tot de krokusvakantie"
    else:  # in the frequency's cell, whole words
        assert _kolom(tekst, "Trajecten", 3) == "wekelijks, duur: tot de krokusvakantie"

    doelen = sectie(tekst, "Doelen")
    assert "leerplandoel: Nederlands 4.3: een tekst plannen" in doelen
    assert "(klasleerkracht; waar: in de klas; om de 6 weken opnieuw bekeken)" in doelen
    assert "bereikt ja; beoogde effecten: Lotte start zonder hulp." in doelen

    evaluaties = sectie(tekst, "Evaluaties")
    tussen, slot = evaluaties.split("10-02-2025 afsluiten (overgang secundair)")
    assert "met: klasleerkracht, ankerpersoon, CLB-medewerker" in tussen
    assert "afgesproken met: zorgcoördinator, ankerpersoon" in tussen
    assert "heroriëntering naar: het buitengewoon onderwijs" in tussen
    assert "CLB uitgenodigd: Samen bekijken of type 9 beter past." in tussen
    assert "volgende evaluatie: 20-01-2025" in tussen and "notitie: Ouders twijfelen nog." in tussen
    assert "verdere leersteun in het secundair: nodig" in slot and "secundair" not in tussen

    heropstart = sectie(tekst, "Heropstarts")
    assert "uitkomst: heropstart (beslist op 07-10-2026)" in heropstart
    assert "analyse met: de ondersteuner; anders dan voorgesteld, omdat: Els Maes kent Lotte al." in heropstart
    assert "checklist ingevuld door Karen Claes" in heropstart
    assert "binnen de opdracht van leersteun: nee (Ook de thuissituatie speelt)" in heropstart
    assert "andere partners die tegemoet kunnen komen aan de vraag: CGGZ" in heropstart


def _kolom(tekst: str, kop: str, i: int) -> str:
    """Column `i` of the table under `kop`, its cells read top to bottom."""
    deel = tekst.split(f"\n{kop}\n", 1)[1].split("\n\n", 1)[0]
    return " ".join(" ".join(r.split("│")[i].split()) for r in deel.splitlines() if r.count("│") >= i).strip()


def test_toon_shows_nothing_for_what_is_not_recorded(voorbeeld: Path) -> None:
    """A case without the new fields: no empty labels, no beeldvorming, no duur column."""
    gelezen = lees_dossier(voorbeeld / "cases" / "RGN-2024-005.yaml", Context(vandaag=VANDAAG))
    assert gelezen.dossier is not None
    d = gelezen.dossier
    assert d.beeldvorming is None and not any(t.duur for t in d.trajecten)
    tekst = getekend(toon_dossier(d, VANDAAG), 120)
    for leeg in ("Beeldvorming", "duur", "leerplandoel", "afgesproken met", "heroriëntering", "CLB uitgenodigd", "beslist op", ": –", "vier vragen: \n"):
        assert leeg not in tekst, leeg


@pytest.mark.parametrize(
    "vraag_4, getoond",
    [
        ({"andere_partner": {"antwoord": "nee", "partner": None}}, ["binnen de opdracht van leersteun: ja", "vraag: geen"]),
        ({"binnen_opdracht": {"antwoord": "deels", "andere_partners": ["CLB", "CGGZ"]}}, ["binnen de opdracht van leersteun: deels", "vraag: CLB, CGGZ"]),
        ({"andere_partner": {"antwoord": None, "toelichting": "nog bespreken"}}, []),
        ({}, []),
    ],
)
def test_question_4_is_shown_as_the_seed_asks_it_from_either_wording(vraag_4: dict, getoond: list[str]) -> None:
    """The file's `andere_partner` ('ja' = another partner fits better) and an answers file's
    `binnen_opdracht` ('ja' = within the task of leersteun) read the same way on the screen."""
    from leersteun.outputs.weergave import _vraag_4
    from leersteun.rules.model import Checklist

    regels = _vraag_4(Checklist.model_validate(vraag_4))
    assert len(regels) == len(getoond) and all(r.endswith(g) or r.startswith(g) for r, g in zip(regels, getoond))
