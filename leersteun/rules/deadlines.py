"""Every dated obligation of a case: `deadlines(dossier, vandaag, kalender)`, a pure function.

Deadlines are computed, never stored (voorbeeld-dossier.yaml):
- agreed evaluation moments (`evaluatie_op`) of the running traject;
- interventie light ends at most 2 months after its start, medium at most 3 months;
- every traject that runs four months (regulier, nieuw) is evaluated after 4 months with the
  four questions of seed 000; only an evaluation with the four answers marks it done;
- planned meetings (`volgende` of a recorded overleg) and an open handover between
  ondersteuners after a heropstart;
- running support (any vorm still running then) gets an evaluatiegesprek at the end of the
  school year, for the next year (seed 003);
- under ontbindende voorwaarde the school decides within 60 calendar days;
- goal end dates and measure evaluation moments; a blijvende maatregel is reviewed again and
  again (seed 004), every `evaluatie_elke_weken` weeks or, when no interval is given, at the end
  of every trimester: the last school day before the kerst-, paas- and zomervakantie, the
  moments a school reviews its pupils (rapport, klassenraad). It stops at the goal's end.

An agreed moment is done by an evaluation held from two weeks before it on (evaluations are
often held a little early); each evaluation does one moment, and never a moment it planned
itself (`volgende` of the evaluation). Done deadlines are not listed.

No deadline falls on a day without school (`schoolkalender`: weekends, public holidays, the
holidays of the Flemish calendar, the school's own free days): it moves to the next school day
and its text says so. Two move back to the last school day before instead: the evaluation at
the end of the school year (the summer holiday follows) and the 60 calendar days of the
ontbindende voorwaarde (a legal term: later is too late).
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from leersteun.core import datums
from leersteun.core.waarden import OVERLEG_TEKST
from leersteun.rules.model import Dossier, Evaluatie, Fase, Maatregel, OverlegSoort, Periode, VerslagSoort, Vorm
from leersteun.rules.schoolkalender import DAG, Schoolkalender, schooljaar_begin, vakanties

MARGE = dt.timedelta(days=14)
MAANDEN = {Vorm.light: 2, Vorm.medium: 3}  # an interventie light or medium ends within this
VIER_MAANDEN = 4
ONTBINDENDE_DAGEN = 60
TRIMESTER_EINDE = ("kerstvakantie", "paasvakantie", "zomervakantie")  # a trimester ends before these


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
    omschrijving: str  # says so when the deadline moved to a school day
    ondersteuner: str | None = None
    verschoven_van: dt.date | None = None  # the date it would have been, when that is no school day

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


def afgevinkt(momenten: list[dt.date], evaluaties: list[Evaluatie]) -> set[dt.date]:
    """The agreed moments that evaluations did. Each evaluation does at most one moment: the
    earliest open one it may count for (held from MARGE before the moment on), never one it
    planned itself. So an evaluation that plans the next moment within two weeks does not
    make that moment disappear, and two agreed moments need two evaluations."""
    open_ = sorted(evaluaties, key=lambda e: e.datum)
    gedaan: set[dt.date] = set()
    for moment in sorted(set(momenten)):
        for i, e in enumerate(open_):
            if e.datum >= moment - MARGE and moment not in e.volgende:
                gedaan.add(moment)
                del open_[i]
                break
    return gedaan


def eindgesprek_gehouden(dossier: Dossier, schooljaar_dat_eindigt: str) -> bool:
    """Seed 003: running supports have an evaluatiegesprek at the end of the school year.
    Counted: an evaluation or a recorded evaluatiegesprek from 1 May to 31 August of that year
    (the agenda, the weekly overview and `schooljaar` all ask this)."""
    einde = int(schooljaar_dat_eindigt[5:])
    van, tot = dt.date(einde, 5, 1), dt.date(einde, 8, 31)
    return any(van <= e.datum <= tot for e in dossier.evaluaties) or any(
        o.soort == OverlegSoort.evaluatiegesprek and van <= o.datum <= tot for o in dossier.overleggen
    )


def eindgesprek_open(dossier: Dossier, juni: dt.date) -> bool:
    """Does the running support still need its evaluatiegesprek at the end of the school year
    that ends on `juni` (30 June)? Support in fase ondersteuning that started before then and
    still runs then (a light or medium that ends earlier does not), without an evaluation or
    evaluatiegesprek from 1 May on. The agenda and `schooljaar` both ask this."""
    lopend = dossier.lopend_traject
    if dossier.fase != Fase.ondersteuning or lopend is None or lopend.start >= juni:
        return False
    einde = uiterlijk_einde(dossier)
    if einde is not None and einde < juni:
        return False
    return not eindgesprek_gehouden(dossier, f"{juni.year - 1}-{juni.year}")


TERUG = (Soort.einde_schooljaar, Soort.ontbindende_voorwaarde)  # to the last school day before
# the maximum length of a light or medium (seed 000 "hoogstens") never moves past the summer
# holiday: a light of 7 May that would end in it ends on its last school day, not on 1 September
NIET_NA_DE_ZOMER = (Soort.einde_light, Soort.einde_medium)
_STANDAARD = Schoolkalender()


def op_schooldag(datum: dt.date, soort: Soort, omschrijving: str, kalender: Schoolkalender, school: str | None) -> tuple[dt.date, str, dt.date | None]:
    """(the school day, the text, the original date when it moved) of a deadline."""
    terug = soort in TERUG
    verschuiving = kalender.schooldag(datum, school, terug=terug)
    if verschuiving is None:
        return datum, omschrijving, None
    if soort in NIET_NA_DE_ZOMER and schooljaar_begin(verschuiving.datum) != schooljaar_begin(datum):
        terug, verschuiving = True, kalender.schooldag(datum, school, terug=True)
        assert verschuiving is not None
    wat = "vervroegd" if terug else "verschoven"
    return verschuiving.datum, f"{omschrijving} ({wat} van {datums.kort(datum)}: {verschuiving.waarom})", datum


def deadlines(dossier: Dossier, vandaag: dt.date, kalender: Schoolkalender | None = None) -> list[Deadline]:
    """The open deadlines of one case, sorted by date, each on a school day of its school
    (`kalender`: the school calendar with the schools' own free days of leersteun.yaml;
    without it, the Flemish calendar alone)."""
    uit: list[Deadline] = []
    d = dossier
    kalender = kalender or _STANDAARD
    school = d.school.naam

    def voeg(datum: dt.date, soort: Soort, sleutel: str, omschrijving: str) -> None:
        dag, tekst, van = op_schooldag(datum, soort, omschrijving, kalender, school)
        uit.append(Deadline(dag, d.id, soort, sleutel, tekst, d.ondersteuner, van))

    v = d.verslag
    # seed 003 gives the 60 days (curriculum or IAC) for an IAC only: an OV4 enrolment has no term there
    if v.ontbindende_voorwaarde and v.soort == VerslagSoort.IAC and d.fase != Fase.afgesloten and v.ontbindende_voorwaarde_beslist is None:
        voeg(
            v.ontbindende_voorwaarde + dt.timedelta(days=ONTBINDENDE_DAGEN),
            Soort.ontbindende_voorwaarde,
            "verslag",
            f"Beslissing van de school: gemeenschappelijk curriculum of IAC ({ONTBINDENDE_DAGEN} dagen na inschrijving onder ontbindende voorwaarde)",
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

    lopend = d.lopend_traject
    if lopend is not None:
        traject = f"t{_compact(lopend.start)}"  # the keys of this traject's deadlines
        gedaan = afgevinkt(lopend.evaluatie_op, [e for e in d.evaluaties if e.datum >= lopend.start])
        for gepland in lopend.evaluatie_op:
            if gepland not in gedaan:
                voeg(gepland, Soort.evaluatie, f"{traject}.e{_compact(gepland)}", "Afgesproken evaluatiemoment")
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
        juni = einde_schooljaar(vandaag)
        if eindgesprek_open(d, juni):
            voeg(juni, Soort.einde_schooljaar, f"schooljaar.{juni.year}", "Evaluatiegesprek op het einde van het schooljaar, met het oog op volgend schooljaar")

    for doel in d.doelen:
        doel_evaluaties = [e.datum for e in doel.evaluaties]
        if doel.einde and not _gedaan(doel.einde, doel_evaluaties):
            voeg(doel.einde, Soort.doel_einde, f"doel.{doel.id}", f"Einde van doel {doel.id}: evalueer of het bereikt is")
        basis = doel.start or (lopend.start if lopend is not None else vandaag)
        for maatregel in doel.maatregelen:
            moment = volgende_herbekijking(maatregel, doel_evaluaties, basis=basis, einde=doel.einde, kalender=kalender, school=school)
            if moment is None:
                continue
            trimester = moment != maatregel.evaluatie_op and not maatregel.evaluatie_elke_weken
            voeg(
                moment,
                Soort.maatregel_evaluatie,
                f"doel.{doel.id}.m{_kenmerk(maatregel.wat)}",
                f"Evaluatie van maatregel bij {doel.id}: {maatregel.wat}" + (" (blijvend: elk trimester)" if trimester else ""),
            )
    return sorted(uit)


def trimestereinden(begin: int, kalender: Schoolkalender | None = None, school: str | None = None) -> list[dt.date]:
    """The ends of the three trimesters of school year `begin`: the last school day (of
    `school`) before the kerst-, paas- and zomervakantie."""
    kalender = kalender or _STANDAARD
    uit = []
    for v in vakanties(begin):
        if v.naam in TRIMESTER_EINDE:
            verschuiving = kalender.schooldag(v.van - DAG, school, terug=True)
            uit.append(verschuiving.datum if verschuiving else v.van - DAG)
    return uit


def volgende_trimestereinde(na: dt.date, kalender: Schoolkalender | None = None, school: str | None = None) -> dt.date:
    """The first end of a trimester that a review on `na` does not do (it does those from MARGE
    before them on), so a measure agreed two weeks before the holiday is first reviewed a
    trimester later."""
    begin = schooljaar_begin(na)
    return next(e for jaar in (begin, begin + 1) for e in trimestereinden(jaar, kalender, school) if e - MARGE > na)


def volgende_herbekijking(
    maatregel: Maatregel,
    doel_evaluaties: list[dt.date],
    *,
    basis: dt.date | None = None,
    einde: dt.date | None = None,
    kalender: Schoolkalender | None = None,
    school: str | None = None,
) -> dt.date | None:
    """When a measure is reviewed next: its `evaluatie_op` until an evaluation of its goal did it.
    A blijvende maatregel is reviewed again and again (seed 004: "ook de langdurige of blijvende
    maatregelen worden op regelmatige basis geëvalueerd"): with `evaluatie_elke_weken` the first
    of evaluatie_op (or `basis`, the goal's start), + n weeks, + 2n weeks, … after the last goal
    evaluation; without it, the end of the first trimester after the last goal evaluation (or
    `basis`). Never after `einde`, the goal's end: then the goal's own evaluation follows."""
    moment = maatregel.evaluatie_op
    if moment is not None and not _gedaan(moment, doel_evaluaties):
        return moment
    if maatregel.periode != Periode.blijvend:
        return None
    laatste = max([*doel_evaluaties, *([basis] if basis else [])], default=None)
    anker = moment or basis
    if maatregel.evaluatie_elke_weken and anker is not None:
        stap = dt.timedelta(weeks=maatregel.evaluatie_elke_weken)
        volgend = anker
        while laatste is not None and volgend - MARGE <= laatste:
            volgend += stap
    elif laatste is not None:
        volgend = volgende_trimestereinde(laatste, kalender, school)
    else:
        return None
    return None if einde is not None and volgend > einde else volgend


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
    t = h.toewijzing if h is not None else None
    if t is None or not t.overdracht_van:
        return None
    if any(o.soort == OverlegSoort.overdracht and o.datum >= t.datum for o in dossier.overleggen):
        return None
    return t.datum, t.overdracht_van, t.ondersteuner
