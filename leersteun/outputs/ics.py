"""Deadlines as an iCalendar file (RFC 5545), made with the maintained `icalendar` library.

Each open deadline is an all-day VEVENT. Its UID says what the deadline is (case, kind, and
the identity of the traject, moment, goal or measure), never a position in a list: removing
one evaluation moment leaves the others' UIDs alone. Deadlines that are done are not in the
file, so a calendar subscribed to the file drops them at its next refresh. SEQUENCE grows
with every export day and LAST-MODIFIED is the export day, so a client that re-imports
takes the newer version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from leersteun.rules.deadlines import Deadline

BEGIN = dt.date(2020, 1, 1)


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-") or "leersteun"


def uid(deadline: Deadline, netwerk: str) -> str:
    return f"{deadline.dossier_id}.{deadline.soort}.{deadline.sleutel}@{_slug(netwerk)}.leersteun"


def agenda_ics(punten: Iterable[Any], netwerk: str, vandaag: dt.date, anon: Any = None) -> str:
    """The deadlines (agenda.Agendapunt) as an iCalendar file; `anon` replaces names in texts."""
    from icalendar import Calendar, Event

    stempel = dt.datetime(vandaag.year, vandaag.month, vandaag.day, tzinfo=dt.timezone.utc)
    kalender = Calendar()
    kalender.add("prodid", "-//leersteun//agenda//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", f"Leersteun: {netwerk}")
    for punt in punten:
        deadline = punt.deadline
        wie = f" Ondersteuner: {deadline.ondersteuner}." if deadline.ondersteuner else ""
        wat = anon.tekst(deadline.omschrijving) if anon else deadline.omschrijving
        gebeurtenis = Event()
        gebeurtenis.add("uid", uid(deadline, netwerk))
        gebeurtenis.add("dtstamp", stempel)
        gebeurtenis.add("last-modified", stempel)
        gebeurtenis.add("sequence", (vandaag - BEGIN).days)
        gebeurtenis.add("dtstart", deadline.datum)
        gebeurtenis.add("dtend", deadline.datum + dt.timedelta(days=1))
        gebeurtenis.add("summary", f"{wat} ({deadline.dossier_id}, {punt.kort})")
        gebeurtenis.add("description", f"Dossier {deadline.dossier_id}, {punt.school}.{wie}")
        gebeurtenis.add("categories", ["leersteun", str(deadline.soort)])
        gebeurtenis.add("transp", "TRANSPARENT")
        kalender.add_component(gebeurtenis)
    return kalender.to_ical().decode("utf-8")
