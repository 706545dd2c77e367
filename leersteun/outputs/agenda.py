"""The agenda: every open deadline up to a date, with the pupil and school it belongs to.

Built like the overview (`overview.van_map`): each case becomes its points where it is read,
on every core for a large folder, and only those points travel; no case's model is kept.
The terminal shows all of them for a short agenda, and per state (verlopen, deze week,
komend) a summary and the most urgent for a long one (`weergave.agenda_weergave`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from leersteun.outputs.anoniem import Anonimiseerder, initialen
from leersteun.rules.deadlines import Deadline, deadlines
from leersteun.rules.model import Dossier, Instellingen
from leersteun.rules.schoolkalender import Schoolkalender

if TYPE_CHECKING:
    from leersteun.reading.folder import Dossiermap
    from leersteun.reading.snel import Gelezen


class Agendapunt(NamedTuple):
    deadline: Deadline
    leerling: str  # the full name, or initials and case id with --anoniem
    kort: str  # for the agenda file: 'Noah W.', or the initials
    school: str


class Agenda(NamedTuple):
    punten: list[Agendapunt]  # by date, then case and deadline
    anoniem: Anonimiseerder | None  # with --anoniem: every name of every case, for the texts
    ongeldig: list[Gelezen]  # files with errors, not in the agenda


def punten(
    d: Dossier, vandaag: dt.date, tot: dt.date, ondersteuner: str | None = None, anoniem: bool = False, kalender: Schoolkalender | None = None
) -> list[Agendapunt]:
    """One case's open deadlines up to `tot` (the overdue ones too), on school days of its
    school (`kalender`); none when `ondersteuner` (part of a name) is not this case's
    ondersteuner."""
    from leersteun.core.tekst import bevat

    if ondersteuner is not None and not bevat(d.ondersteuner, ondersteuner):
        return []
    open_ = [x for x in deadlines(d, vandaag, kalender) if x.datum <= tot]
    if not open_:
        return []
    leerling = initialen(d.leerling.voornaam, d.leerling.naam) if anoniem else d.leerling.volledige_naam
    kort = leerling if anoniem else f"{d.leerling.voornaam} {d.leerling.naam[:1]}."
    return [Agendapunt(x, leerling, kort, d.school.naam) for x in open_]


def van_map(
    map_: Dossiermap,
    instellingen: Instellingen | None,
    vandaag: dt.date,
    tot: dt.date,
    ondersteuner: str | None = None,
    anoniem: bool = False,
    voortgang: Callable[[int, int], Any] | None = None,
) -> Agenda:
    """The agenda of a whole case folder, and the files with errors (not in it)."""
    from leersteun.reading.dossiers import context
    from leersteun.reading.snel import uitkomsten

    team = tuple(instellingen.teamnamen()) if instellingen else ()
    kalender = Schoolkalender.van(instellingen)

    def stap(_pad: Any, d: Dossier) -> tuple[list[Agendapunt], list[tuple[str, str, int]]]:
        return punten(d, vandaag, tot, ondersteuner, anoniem, kalender), (Anonimiseerder(team).namen(d) if anoniem else [])

    alle: list[Agendapunt] = []
    anon = Anonimiseerder(team).instellingen(instellingen) if anoniem else None
    fout: list[Gelezen] = []
    for eigen, namen in uitkomsten(map_, context(vandaag, instellingen), stap, fout, voortgang):
        alle += eigen
        if anon is not None:
            anon.voeg(namen)  # every case's names, also those without a deadline
    return Agenda(_gesorteerd(alle), anon, fout)


def _gesorteerd(alle: list[Agendapunt]) -> list[Agendapunt]:
    return sorted(alle, key=lambda p: (p.deadline.datum, p.deadline.dossier_id, p.deadline.sleutel))
