"""The Diplon steps of the procedure (seed 003) as tasks with an owner.

- the CirCQel filled in at the start of support (ondersteuner);
- inzage in the CirCQel given to teachers and parents (school);
- each evaluation entered in the CirCQel (ondersteuner);
- the closing entered in Diplon (ondersteuner);
- the dossier reopened in Diplon once the checklist decided on a heropstart (school).

A step becomes open when its phase starts and is done when the case records it under
`diplon` (`leersteun diplon DOSSIER STAP`) on or after that day. Computed, never stored;
the edit that records a step is `editing.diplon`.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from leersteun.core import datums
from leersteun.core.waarden import DiplonStap
from leersteun.rules.afsluiting import LAAT_GENOTEERD, afgesloten_op
from leersteun.rules.model import Dossier, Fase, Uitkomst
from leersteun.rules.stand import beslist_op

WIE = {
    DiplonStap.circqel: "ondersteuner",
    DiplonStap.inzage: "school",
    DiplonStap.evaluatie: "ondersteuner",
    DiplonStap.afsluiting: "ondersteuner",
    DiplonStap.heropend: "school",
}


STAP_TEKST = {
    DiplonStap.circqel: "CirCQel invullen in Diplon",
    DiplonStap.inzage: "inzage in de CirCQel geven aan leerkrachten en ouders",
    DiplonStap.evaluatie: "de evaluatie van {datum} in de CirCQel zetten",
    DiplonStap.afsluiting: "het afsluiten ingeven in Diplon",
    DiplonStap.heropend: "het dossier heropenen in Diplon",
}


AFSLUITING_TOT = dt.timedelta(days=365)  # an older closing no longer asks for this step


class OpenStap(NamedTuple):  # made for every case of the weekly overview: a tuple is made fast
    stap: DiplonStap
    wie: str  # ondersteuner | school
    sinds: dt.date
    omschrijving: str


def steun_start(dossier: Dossier) -> dt.date | None:
    """The day the current support started: opstart entered, or ondersteuning entered from a
    phase other than opstart (after a heropstart with light or medium)."""
    start = None
    vorige = None
    for g in dossier.geschiedenis:
        if (g.notitie or "").startswith(LAAT_GENOTEERD):
            continue  # says a step entered late, placed at its own date: no step of its own
        if g.fase == Fase.opstart and vorige != Fase.opstart:
            start = g.datum
        elif g.fase == Fase.ondersteuning and vorige not in (Fase.opstart, Fase.ondersteuning):
            start = g.datum
        vorige = g.fase
    return start


def _gedaan(dossier: Dossier, stap: DiplonStap, sinds: dt.date) -> bool:
    return any(x.stap == stap and x.datum >= sinds for x in dossier.diplon)


def open_stappen(dossier: Dossier, vandaag: dt.date) -> list[OpenStap]:
    d = dossier
    uit: list[OpenStap] = []

    def voeg(stap: DiplonStap, sinds: dt.date, **waarden: str) -> None:
        if not _gedaan(d, stap, sinds):
            uit.append(OpenStap(stap, WIE[stap], sinds, STAP_TEKST[stap].format(**waarden)))

    start = steun_start(d)
    if d.fase in (Fase.opstart, Fase.ondersteuning) and start is not None:
        voeg(DiplonStap.circqel, start)
        voeg(DiplonStap.inzage, start)
        evaluaties = [e.datum for e in d.evaluaties if e.datum >= start]
        if evaluaties:
            laatste = max(evaluaties)
            voeg(DiplonStap.evaluatie, laatste, datum=datums.kort(laatste))
    if d.fase == Fase.afgesloten:
        dag = afgesloten_op(d)
        if dag is not None and vandaag - dag <= AFSLUITING_TOT:
            voeg(DiplonStap.afsluiting, dag)
    h = d.laatste_heropstart
    beslist = beslist_op(h) if h is not None else None
    if h is not None and beslist is not None and d.fase != Fase.afgesloten and h.uitkomst == Uitkomst.heropstart:
        voeg(DiplonStap.heropend, beslist)  # seed 003: the school reopens when the heropstart is decided
    return sorted(uit, key=lambda s: (s.sinds, s.stap))  # a StrEnum orders as its text


def wacht_op_verslag(dossier: Dossier) -> dt.date | None:
    """An aanmelding whose Verslag is not yet visible in Diplon: waiting since when, the day
    the case came into aanmelding. Later lines in the same phase (a class confirmed by the
    school-year rollover, a person added) do not reset the wait."""
    if dossier.fase != Fase.aanmelding or dossier.verslag.zichtbaar_in_diplon:
        return None
    sinds = None
    for g in reversed(dossier.geschiedenis):
        if g.fase == Fase.aanmelding:
            sinds = g.datum
        elif sinds is not None:
            break  # the line before this run of aanmelding lines
    return sinds
