"""A Diplon step recorded under `diplon` (`leersteun diplon DOSSIER STAP`). Which steps are
open, with their owner, is derived in `rules.diplon`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from leersteun.core import datums
from leersteun.core.waarden import DiplonStap
from leersteun.editing.bewerk import voeg_toe_aan, zonder_leeg
from leersteun.editing.trajectory import Wie
from leersteun.rules.diplon import open_stappen
from leersteun.rules.model import Dossier, Fase
from leersteun.rules.weigering import Geweigerd

if TYPE_CHECKING:  # ruamel is loaded by the first edit, not by the commands that only read
    from ruamel.yaml.comments import CommentedMap


def markeer(data: CommentedMap, dossier: Dossier, wie: Wie, stap: DiplonStap, vandaag: dt.date) -> list[str]:
    """Record a Diplon step as done."""
    open_ = [s for s in open_stappen(dossier, vandaag) if s.stap == stap]
    if not open_:
        alle = open_stappen(dossier, vandaag)
        nog = "; ".join(f"{s.stap.value} ({s.omschrijving})" for s in alle) or "geen"
        h = dossier.laatste_heropstart
        waarom = ""
        if stap == DiplonStap.heropend and dossier.fase == Fase.heropstart and h is not None and h.uitkomst is None:
            waarom = " De school heropent het dossier in Diplon zodra de checklist beslist tot een heropstart; de checklist is nog open."
        raise Geweigerd(f"In dossier {dossier.id} staat de stap '{stap.value}' niet open.{waarom} Open stappen: {nog}.")
    s = open_[0]
    if wie.datum < s.sinds:
        raise Geweigerd(f"De stap '{stap.value}' staat open sinds {datums.kort(s.sinds)}; {datums.kort(wie.datum)} ligt daarvoor.")
    voeg_toe_aan(data, "diplon", zonder_leeg(stap=stap.value, datum=wie.datum, door=wie.door))  # in date order
    return [f"Diplon: {s.omschrijving} is gedaan ({datums.kort(wie.datum)})."]
