"""Deadlines as an iCalendar file (RFC 5545) that Outlook and Thunderbird import.

Each deadline is an all-day VEVENT. Its UID is built from the case id and the deadline's
place in the case (not its date), so importing a newer file updates an event whose date
moved instead of adding a second one.
"""

from __future__ import annotations

from typing import Any

import datetime as dt
import re
from collections.abc import Iterable

from leersteun.deadlines import Deadline
from leersteun.model import Dossier


def _escape(tekst: str) -> str:
    tekst = tekst.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", "\\\\n", tekst)


def _vouw(regel: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    delen, huidig, grootte, limiet = [], "", 0, 75
    for teken in regel:
        n = len(teken.encode("utf-8"))
        if grootte + n > limiet:
            delen.append(huidig)
            huidig, grootte, limiet = "", 0, 74  # continuation lines start with a space
        huidig += teken
        grootte += n
    delen.append(huidig)
    return "\r\n ".join(delen)


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-") or "leersteun"


def kort(dossier: Dossier) -> str:
    """The pupil as 'Noah W.': enough for the ondersteuner, less than a full name."""
    return f"{dossier.leerling.voornaam} {dossier.leerling.naam[:1]}."


def agenda_ics(items: Iterable[tuple[Deadline, Dossier]], netwerk: str, vandaag: dt.date, anoniem: bool = False, anon: Any = None) -> str:
    from leersteun.overview import initialen

    domein = f"{_slug(netwerk)}.leersteun"
    stempel = f"{vandaag:%Y%m%d}T000000Z"
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//leersteun//agenda//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(f'Leersteun: {netwerk}')}",
    ]
    for deadline, dossier in items:
        wie = f" Ondersteuner: {deadline.ondersteuner}." if deadline.ondersteuner else ""
        regels += [
            "BEGIN:VEVENT",
            f"UID:{deadline.dossier_id}.{deadline.soort}.{deadline.sleutel}@{domein}",
            f"DTSTAMP:{stempel}",
            f"DTSTART;VALUE=DATE:{deadline.datum:%Y%m%d}",
            f"DTEND;VALUE=DATE:{deadline.datum + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'{anon.tekst(deadline.omschrijving) if anon else deadline.omschrijving} ({deadline.dossier_id}, {initialen(dossier) if anoniem else kort(dossier)})')}",
            f"DESCRIPTION:{_escape(f'Dossier {deadline.dossier_id}, {dossier.school.naam}.{wie}')}",
            f"CATEGORIES:{_escape('leersteun')},{_escape(str(deadline.soort))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    regels.append("END:VCALENDAR")
    return "".join(_vouw(r) + "\r\n" for r in regels)
