"""The checklist in the terminal: question 4 asked as seed 000 asks it, kept as the contract has it."""

from __future__ import annotations

import io
import sys

import pytest
from rich.console import Console

from leersteun.rules import checklist as cl
from leersteun.terminal import checklist_ui


@pytest.mark.parametrize(
    "invoer,bestand",
    [
        # 1 ja: the needs lie within the network's task -> the contract's 'nee' (no other partner fits better)
        ("1\n\n\n", {"antwoord": "nee", "partner": None, "andere_partners": []}),
        ("1\n3\nSchool en CGGZ spraken af.\n", {"antwoord": "nee", "partner": None, "toelichting": "School en CGGZ spraken af.", "andere_partners": ["CGGZ"]}),
        # 3 nee: betrek beter een andere partner -> 'ja', the first partner named fits best
        ("3\nCGGZ, 1\n\n", {"antwoord": "ja", "partner": "CGGZ", "andere_partners": ["CGGZ", "PBD"]}),
        ("2\n2\n\n", {"antwoord": "deels", "partner": "CLB", "andere_partners": ["CLB"]}),
    ],
)
def test_question_4_is_asked_as_seed_000_and_answered_in_the_contracts_words(monkeypatch: pytest.MonkeyPatch, invoer: str, bestand: dict) -> None:
    """Seed 000: "Liggen de noden voldoende binnen de opdracht van het ondersteuningsnetwerk of
    betrekken we beter een andere partner? (PBD, CLB, CGGZ…)", numbered 1 ja, 2 deels, 3 nee
    like every other question, then the central question "Zijn er andere partners die tegemoet
    kunnen komen aan de vraag?". What is stored is the contract's `andere_partner`, turned round."""
    uit = io.StringIO()
    console = Console(file=uit, width=200)
    monkeypatch.setattr(sys, "stdin", io.StringIO(invoer))
    assert checklist_ui.vraag_antwoord(console, cl.VRAAG["andere_partner"]) == bestand
    getoond = uit.getvalue()
    for tekst in (
        "1. ja",
        "de noden horen bij leersteun",
        "3. nee",
        "betrek beter een andere partner",
        "Antwoord [1-3]",
        "Zijn er andere partners die tegemoet kunnen komen aan de vraag?",
    ):
        assert tekst in getoond, getoond
    assert list(bestand) == [k for k in ("antwoord", "partner", "toelichting", "andere_partners") if k in bestand]  # the contract's order, the added key last


def test_the_summary_shows_the_seed_answer(voorbeeld) -> None:
    """Lotte's file says `andere_partner: nee`: under the seed's question that is 'ja'."""
    import datetime as dt

    from leersteun.reading.dossiers import lees_dossier
    from leersteun.rules.checks import Context

    lotte = lees_dossier(voorbeeld / "cases" / "KLM-2024-017.yaml", Context(vandaag=dt.date(2026, 11, 24))).dossier
    uit = io.StringIO()
    Console(file=uit, width=200).print(checklist_ui.samenvatting(lotte))
    regel = next(r for r in uit.getvalue().splitlines() if r.startswith(cl.VRAAG["andere_partner"].kort))
    assert "ja · Zijn er andere partners die tegemoet kunnen komen aan de vraag? geen" in regel, regel
