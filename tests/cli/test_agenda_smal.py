"""The agenda on a narrow terminal: columns stacked, no id, name or word cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.mark.parametrize("breedte", ["60", "80"])
def test_the_agenda_never_cuts_an_id_or_a_word(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch, breedte: str) -> None:
    monkeypatch.setenv("LEERSTEUN_BREEDTE", breedte)
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-12-07")
    uit = run("agenda", "--alles").stdout
    assert all(len(r.rstrip()) <= int(breedte) for r in uit.splitlines())
    cellen = [c.strip() for r in uit.splitlines() for c in re.split(r"[│┃]", r)]
    ids = [c for c in cellen if re.fullmatch(r"[A-Z]{3}-\d{4}-\d{3}", c)]
    assert len(ids) >= 5
    assert not any(re.fullmatch(r"[A-Z]{3}-\d{4}-?", c) for c in cellen)  # an id cut over two lines
    for woord in ("ondersteuner", "Overdracht", "Lambrechts"):
        assert woord in uit
