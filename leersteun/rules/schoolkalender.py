"""The Flemish school calendar: which days are school days, per school year and per school.

The holidays are computed from the rules in force for each school year, never typed in:
the Besluit van de Vlaamse Regering of 17 April 1991 on the organisation of the school year
(basisonderwijs, art. 3; for the secundair the Besluit of 31 August 2001, art. 7, with the
same periods), as the circular on the organisation of the school year (edulex 15795) lists
them:

- herfstvakantie: the Monday of the week in which 1 November falls, one week (1 November a
  Sunday: from 2 November);
- 11 November (Wapenstilstand);
- kerstvakantie: the Monday of the week in which 25 December falls, two weeks (25 December a
  Saturday or Sunday: from the Monday after);
- krokusvakantie: the 7th Monday before Easter, one week;
- paasvakantie: the first Monday of April, two weeks (Easter in March: from the Monday after
  Easter; Easter after 15 April: from the 2nd Monday before Easter), and Paasmaandag;
- 1 May, Hemelvaartsdag and the day after, Pinkstermaandag;
- zomervakantie: 1 July to 31 August.

Saturdays and Sundays are never school days. Wallonia and Brussels (French Community) follow
another calendar since 2022-2023; that one does not apply here. A school adds its own free
days (pedagogische studiedagen, facultatieve vakantiedagen) under `scholen` in
`leersteun.yaml` (`vrije_dagen`). Pure functions; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

DAG = dt.timedelta(days=1)
WEEKEND = {5: "zaterdag", 6: "zondag"}


def pasen(jaar: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous computus of Meeus, Jones and
    Butcher): ten lines instead of an import of dateutil."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(jaar, maand, dag + 1)


def _maandag_van(datum: dt.date) -> dt.date:
    return datum - dt.timedelta(days=datum.weekday())


class Vakantie(NamedTuple):
    """A holiday period or a single free day of the school calendar (both days included)."""

    van: dt.date
    tot: dt.date
    naam: str


def _regels_1991(begin: int) -> list[Vakantie]:
    """The holidays of school year `begin`-`begin + 1` under the Besluit of 17 April 1991
    (and of 31 August 2001 for the secundair): see the module's docstring."""
    eerste_nov = dt.date(begin, 11, 1)
    herfst = dt.date(begin, 11, 2) if eerste_nov.weekday() == 6 else _maandag_van(eerste_nov)
    kerstdag = dt.date(begin, 12, 25)
    kerst = kerstdag + dt.timedelta(days=7 - kerstdag.weekday()) if kerstdag.weekday() >= 5 else _maandag_van(kerstdag)
    jaar = begin + 1
    p = pasen(jaar)
    krokus = p - dt.timedelta(days=48)  # Easter Monday minus 7 weeks: the 7th Monday before Easter
    if p.month == 3:
        paas = p + DAG  # the Monday after Easter
    elif p > dt.date(jaar, 4, 15):
        paas = p - dt.timedelta(days=13)  # the 2nd Monday before Easter
    else:
        eerste_april = dt.date(jaar, 4, 1)
        paas = eerste_april + dt.timedelta(days=(7 - eerste_april.weekday()) % 7)  # the first Monday of April
    hemelvaart = p + dt.timedelta(days=39)
    return [
        Vakantie(herfst, herfst + dt.timedelta(days=6), "herfstvakantie"),
        Vakantie(dt.date(begin, 11, 11), dt.date(begin, 11, 11), "Wapenstilstand"),
        Vakantie(kerst, kerst + dt.timedelta(days=13), "kerstvakantie"),
        Vakantie(krokus, krokus + dt.timedelta(days=6), "krokusvakantie"),
        Vakantie(paas, paas + dt.timedelta(days=13), "paasvakantie"),
        Vakantie(p + DAG, p + DAG, "Paasmaandag"),
        Vakantie(dt.date(jaar, 5, 1), dt.date(jaar, 5, 1), "Dag van de Arbeid"),
        Vakantie(hemelvaart, hemelvaart, "Hemelvaartsdag"),
        Vakantie(hemelvaart + DAG, hemelvaart + DAG, "de dag na Hemelvaartsdag"),
        Vakantie(p + dt.timedelta(days=50), p + dt.timedelta(days=50), "Pinkstermaandag"),
        Vakantie(dt.date(jaar, 7, 1), dt.date(jaar, 8, 31), "zomervakantie"),
    ]


# The rules in force, per first school year they apply to (the year of its 1 September),
# newest last. A new decision of the Flemish government on the organisation of the school
# year becomes a new entry here, from the school year it applies to; the years before keep
# their own rules.
REGELS = [(1991, _regels_1991)]


def schooljaar_begin(datum: dt.date) -> int:
    """The year of the 1 September that starts the school year `datum` falls in."""
    return datum.year if datum.month >= 9 else datum.year - 1


@lru_cache(maxsize=64)
def vakanties(begin: int) -> tuple[Vakantie, ...]:
    """The holidays and free days of school year `begin`-`begin + 1`, by date."""
    regels = next((r for vanaf, r in reversed(REGELS) if begin >= vanaf), REGELS[0][1])
    return tuple(sorted(regels(begin), key=lambda v: (v.van, v.van - v.tot)))  # a period before a free day inside it


@lru_cache(maxsize=64)
def _vrije_dagen(begin: int) -> dict[dt.date, str]:
    """Every weekday of school year `begin` that is no school day, with why."""
    uit: dict[dt.date, str] = {}
    for v in vakanties(begin):
        dag = v.van
        while dag <= v.tot:
            uit.setdefault(dag, v.naam)  # a public holiday inside a holiday period: the period
            dag += DAG
    return uit


def zomervakantie(datum: dt.date) -> dt.date:
    """The first day of the summer holiday of the school year `datum` falls in."""
    return next(v.van for v in vakanties(schooljaar_begin(datum)) if v.naam == "zomervakantie")


class Verschuiving(NamedTuple):
    """A date that is no school day, moved to a school day."""

    datum: dt.date  # the school day
    van: dt.date  # the date it would have been
    waarom: str  # why `van` is no school day: 'zaterdag', 'herfstvakantie', 'pedagogische studiedag'


class Schoolkalender:
    """The school days of the Flemish calendar, plus each school's own free days (from
    `leersteun.yaml`). `Schoolkalender()` is the calendar without a school's own days."""

    def __init__(self, eigen: dict[str, dict[dt.date, str]] | None = None):
        self._eigen = eigen or {}

    @classmethod
    def van(cls, instellingen: object | None) -> Schoolkalender:
        """The calendar of a case folder: every school's `vrije_dagen` in `leersteun.yaml`."""
        eigen: dict[str, dict[dt.date, str]] = {}
        for school in getattr(instellingen, "scholen", None) or []:
            dagen: dict[dt.date, str] = {}
            for vrij in school.vrije_dagen:
                dag = vrij.datum
                while dag <= (vrij.tot or vrij.datum):
                    dagen[dag] = vrij.omschrijving or "vrije dag van de school"
                    dag += DAG
            if dagen:
                eigen[school.naam] = dagen
        return cls(eigen)

    def vrij(self, datum: dt.date, school: str | None = None) -> str | None:
        """Why `datum` is no school day (for `school`), or None on a school day."""
        if datum.weekday() >= 5:
            return WEEKEND[datum.weekday()]
        reden = _vrije_dagen(schooljaar_begin(datum)).get(datum)
        if reden is None and school is not None and school in self._eigen:
            eigen = self._eigen[school].get(datum)
            reden = f"{eigen} ({school})" if eigen else None
        return reden

    def schooldag(self, datum: dt.date, school: str | None = None, terug: bool = False) -> Verschuiving | None:
        """None when `datum` is a school day; else the next school day (or with `terug` the last
        one before), and why `datum` is none. A whole summer is at most 70 days to skip. A
        weekend that runs into a holiday names the holiday too ('zaterdag en
        kerstvakantie'): the reason explains the whole move, not only its first day."""
        waarom = self.vrij(datum, school)
        if waarom is None:
            return None
        redenen = [waarom]
        stap = -DAG if terug else DAG
        dag = datum + stap
        while (reden := self.vrij(dag, school)) is not None:
            if reden not in redenen and reden not in WEEKEND.values():
                redenen.append(reden)
            dag += stap
        return Verschuiving(dag, datum, " en ".join([", ".join(redenen[:-1]), redenen[-1]] if len(redenen) > 2 else redenen))
