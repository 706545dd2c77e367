"""Every dated obligation of a case: `deadlines(dossier, vandaag)`, a pure function.

Deadlines are computed, never stored (voorbeeld-dossier.yaml):
- agreed evaluation moments (`evaluatie_op`) of the running traject;
- interventie light ends at most 2 months after its start, medium at most 3 months;
- every traject that runs four months (regulier, nieuw) is evaluated after 4 months with the
  four questions of seed 000; only an evaluation with the four answers marks it done;
- planned meetings (`volgende` of a recorded overleg) and an open handover between
  ondersteuners after a heropstart;
- running support gets an evaluation at the end of the school year, for the next year;
- under ontbindende voorwaarde the school decides within 60 calendar days;
- goal end dates and measure evaluation moments.

A moment counts as done when an evaluation was recorded from two weeks before it on
(evaluations are often held a little early). Done deadlines are not listed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from leersteun.rules.model import Dossier, Fase, OverlegSoort, Vorm
from leersteun.core.waarden import OVERLEG_TEKST

MARGE = dt.timedelta(days=14)
MAANDEN = {Vorm.light: 2, Vorm.medium: 3}  # an interventie light or medium ends within this
VIER_MAANDEN = 4
ONTBINDENDE_DAGEN = 60


class Soort(StrEnum):
    evaluatie = "evaluatie"
    einde_light = "einde_light"
    einde_medium = "einde_medium"
    vier_maanden = "vier_maanden"
    overleg = "overleg"
    overdracht = "overdracht"
    einde_schooljaar = "einde_schooljaar"
    ontbindende_voorwaarde = "ontbindende_voorwaarde"
    doel_einde = "doel_einde"
    maatregel_evaluatie = "maatregel_evaluatie"


class Staat(StrEnum):
    verlopen = "verlopen"
    deze_week = "deze week"
    komend = "komend"


class Deadline(NamedTuple):
    """One open obligation; ordered by its fields in order. A NamedTuple rather than a frozen
    dataclass: made and sorted five times as fast, and a folder has five per case."""

    datum: dt.date
    dossier_id: str
    soort: Soort
    sleutel: str  # stable within the case: the basis of a calendar UID
    omschrijving: str
    ondersteuner: str | None = None

    def staat(self, vandaag: dt.date) -> Staat:
        if self.datum < vandaag:
            return Staat.verlopen
        if self.datum.isocalendar()[:2] == vandaag.isocalendar()[:2]:
            return Staat.deze_week
        return Staat.komend


def _compact(datum: dt.date) -> str:
    """20260901: a date in a key (strftime takes ten times as long)."""
    return datum.isoformat().replace("-", "")


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """The same day `maanden` later; the last day of the month when it does not exist."""
    maand = datum.month - 1 + maanden
    jaar, maand = datum.year + maand // 12, maand % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def einde_schooljaar(vandaag: dt.date) -> dt.date:
    """30 June of the school year (1 September - 31 August) that `vandaag` falls in."""
    return dt.date(vandaag.year if vandaag.month <= 8 else vandaag.year + 1, 6, 30)


def _gedaan(moment: dt.date, evaluatiedata: list[dt.date]) -> bool:
    return any(d >= moment - MARGE for d in evaluatiedata)


def deadlines(dossier: Dossier, vandaag: dt.date) -> list[Deadline]:
    """The open deadlines of one case, sorted by date."""
    uit: list[Deadline] = []
    d = dossier

    def voeg(datum: dt.date, soort: Soort, sleutel: str, omschrijving: str) -> None:
        uit.append(Deadline(datum, d.id, soort, sleutel, omschrijving, d.ondersteuner))

    v = d.verslag
    if v.ontbindende_voorwaarde and d.fase != Fase.afgesloten and v.ontbindende_voorwaarde_beslist is None:
        voeg(
            v.ontbindende_voorwaarde + dt.timedelta(days=ONTBINDENDE_DAGEN),
            Soort.ontbindende_voorwaarde,
            "verslag",
            f"Beslissing van de school over het curriculum ({ONTBINDENDE_DAGEN} dagen na inschrijving onder ontbindende voorwaarde)",
        )

    if d.fase != Fase.afgesloten:
        for i, o in enumerate(d.overleggen):
            if o.volgende is None:
                continue
            later = [x.datum for x in d.overleggen[i + 1 :] if x.soort == o.soort]
            if o.soort == OverlegSoort.evaluatiegesprek:
                later += [e.datum for e in d.evaluaties if e.datum > o.datum]
            if not _gedaan(o.volgende, later):
                voeg(o.volgende, Soort.overleg, f"overleg.{o.soort.value}.{o.datum.isoformat()}", f"Gepland: {OVERLEG_TEKST[o.soort.value]}")
        overdracht = open_overdracht(d)
        if overdracht is not None:
            datum, van, naar = overdracht
            voeg(datum, Soort.overdracht, f"overdracht.{datum.isoformat()}", f"Overdracht van {van} naar {naar}")

    if d.fase not in (Fase.opstart, Fase.ondersteuning):
        return sorted(uit)

    evaluaties = [e.datum for e in d.evaluaties]
    lopend = d.lopend_traject
    if lopend is not None:
        sinds = [e for e in evaluaties if e >= lopend.start]
        traject = f"t{_compact(lopend.start)}"  # the keys of this traject's deadlines
        for moment in lopend.evaluatie_op:
            if not _gedaan(moment, sinds):
                voeg(moment, Soort.evaluatie, f"{traject}.e{_compact(moment)}", "Afgesproken evaluatiemoment")
        einde = uiterlijk_einde(d)
        if einde is not None:
            soort = Soort.einde_light if lopend.vorm == Vorm.light else Soort.einde_medium
            tekst = f"Interventie {lopend.vorm.value} loopt af (hoogstens {MAANDEN[lopend.vorm]} maanden)"
            voeg(einde, soort, f"{traject}.einde", tekst)
        else:  # regulier and nieuw run long enough for the evaluation after four months
            moment = vier_maanden_moment(d)
            met_antwoorden = [e.datum for e in d.evaluaties if e.datum >= lopend.start and e.vier_vragen and e.vier_vragen.volledig]
            if moment is not None and not _gedaan(moment, met_antwoorden):
                voeg(moment, Soort.vier_maanden, f"{traject}.vier_maanden", "Evaluatie na 4 maanden, met de vier vragen ('leersteun evaluatie')")
        if lopend.vorm in (Vorm.regulier, Vorm.nieuw) and d.fase == Fase.ondersteuning:
            juni = einde_schooljaar(vandaag)
            if lopend.start < juni and not any(dt.date(juni.year, 5, 1) <= e <= dt.date(juni.year, 8, 31) for e in evaluaties):
                voeg(juni, Soort.einde_schooljaar, f"schooljaar.{juni.year}", "Evaluatie op het einde van het schooljaar, met het oog op volgend schooljaar")

    for doel in d.doelen:
        doel_evaluaties = [e.datum for e in doel.evaluaties]
        if doel.einde and not _gedaan(doel.einde, doel_evaluaties):
            voeg(doel.einde, Soort.doel_einde, f"doel.{doel.id}", f"Einde van doel {doel.id}: evalueer of het bereikt is")
        for j, maatregel in enumerate(doel.maatregelen):
            if maatregel.evaluatie_op and not _gedaan(maatregel.evaluatie_op, doel_evaluaties):
                voeg(
                    maatregel.evaluatie_op,
                    Soort.maatregel_evaluatie,
                    f"doel.{doel.id}.m{_kenmerk(maatregel.wat)}",
                    f"Evaluatie van maatregel bij {doel.id}: {maatregel.wat}",
                )
    return sorted(uit)


def uiterlijk_einde(dossier: Dossier) -> dt.date | None:
    """The latest end of the running traject, where its form sets one (light, medium)."""
    lopend = dossier.lopend_traject
    if lopend is None or lopend.vorm not in MAANDEN:
        return None
    return plus_maanden(lopend.start, MAANDEN[lopend.vorm])


def _kenmerk(tekst: str) -> str:
    """A short, stable identity of a text (a measure), never its position in a list."""
    import hashlib

    return hashlib.blake2b(" ".join(tekst.split()).casefold().encode("utf-8"), digest_size=4).hexdigest()


def vier_maanden_moment(dossier: Dossier) -> dt.date | None:
    """When the running traject is evaluated with the four questions (regulier and nieuw)."""
    lopend = dossier.lopend_traject
    if lopend is None or lopend.vorm in MAANDEN:
        return None
    return plus_maanden(lopend.start, VIER_MAANDEN)


def open_overdracht(dossier: Dossier) -> tuple[dt.date, str, str] | None:
    """(since, from, to) when a heropstart assigned a new ondersteuner and no handover
    meeting (overleg overdracht) was recorded since."""
    h = dossier.laatste_heropstart
    if h is None or h.toewijzing is None or not h.toewijzing.overdracht_van:
        return None
    t = h.toewijzing
    if any(o.soort == OverlegSoort.overdracht and o.datum >= t.datum for o in dossier.overleggen):
        return None
    return t.datum, t.overdracht_van, t.ondersteuner
