"""Deadlines as an iCalendar file (RFC 5545), made with the maintained `icalendar` library.

Each open deadline is an all-day VEVENT. Its UID says what the deadline is (case, kind, and
the identity of the traject, moment, goal or measure), never a position in a list: removing
one evaluation moment leaves the others' UIDs alone. Deadlines that are done are not in the
file, so a calendar subscribed to the file drops them at its next refresh.

SEQUENCE, DTSTAMP and LAST-MODIFIED change when, and only when, an event's content changes:
each event carries a hash of its content (X-LEERSTEUN-INHOUD), and the file being replaced
says what each event was. An unchanged event keeps its three values; a changed or new one
gets the moment of this export, and a SEQUENCE larger than before (the seconds since 2020,
at least one more than the previous file's), so a client that imports again (Outlook)
takes the newer version, also after a second change on the same day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from leersteun.rules.deadlines import Deadline

BEGIN = dt.date(2020, 1, 1)


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-") or "leersteun"


def uid(deadline: Deadline, netwerk: str) -> str:
    return f"{deadline.dossier_id}.{deadline.soort}.{deadline.sleutel}@{_slug(netwerk)}.leersteun"


MAX_VORIGE = 200_000_000  # bytes: the previous agenda file of a large network is tens of MB


class Vorige(NamedTuple):
    inhoud: str
    sequence: int
    stempel: dt.datetime


def vorige_versies(pad: Path | None) -> dict[str, Vorige]:
    """What each event of an earlier agenda file was (by UID): its content hash, SEQUENCE and
    DTSTAMP. Nothing when there is no such file or it is not one of ours (an event without a
    hash counts as changed): it only decides whether a value may stay."""
    if pad is None:
        return {}
    try:
        if not stat.S_ISREG(os.stat(pad).st_mode):
            return {}
        with open(pad, "rb") as f:
            tekst = f.read(MAX_VORIGE).decode("utf-8", errors="replace")
    except OSError:
        return {}
    uit: dict[str, Vorige] = {}
    velden: dict[str, str] = {}
    for regel in tekst.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").splitlines():
        naam, _, waarde = regel.partition(":")
        naam = naam.split(";", 1)[0].upper()
        if naam == "BEGIN" and waarde == "VEVENT":
            velden = {}
        elif naam in ("UID", "SEQUENCE", "DTSTAMP", "X-LEERSTEUN-INHOUD"):
            velden[naam] = waarde
        elif naam == "END" and waarde == "VEVENT" and {"UID", "SEQUENCE", "DTSTAMP", "X-LEERSTEUN-INHOUD"} <= set(velden):
            try:
                stempel = dt.datetime.strptime(velden["DTSTAMP"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
                uit[velden["UID"]] = Vorige(velden["X-LEERSTEUN-INHOUD"], int(velden["SEQUENCE"]), stempel)
            except ValueError:
                continue
    return uit


def _inhoud(velden: dict[str, Any]) -> str:
    """A short hash of what an event says (its date, texts and categories)."""
    return hashlib.sha256(json.dumps(velden, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def agenda_ics(punten: Iterable[Any], netwerk: str, vandaag: dt.date, anon: Any = None, vorige: Path | None = None, nu: dt.datetime | None = None) -> str:
    """The deadlines (agenda.Agendapunt) as an iCalendar file; `anon` replaces names in texts.
    `vorige`: the file this one replaces (see the module's text); `nu`: the moment of this
    export (now, on `vandaag`)."""
    from icalendar import Calendar, Event

    if nu is None:
        nu = dt.datetime.combine(vandaag, dt.datetime.now(dt.UTC).time(), tzinfo=dt.UTC)
    nu = nu.astimezone(dt.UTC).replace(microsecond=0)
    eerder = vorige_versies(vorige)
    volgnummer = int((nu - dt.datetime.combine(BEGIN, dt.time(), tzinfo=dt.UTC)).total_seconds())
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
        velden = {
            "dtstart": deadline.datum,
            "dtend": deadline.datum + dt.timedelta(days=1),
            "summary": f"{wat} ({deadline.dossier_id}, {punt.kort})",
            "description": f"Dossier {deadline.dossier_id}, {punt.school}.{wie}",
            "categories": ["leersteun", str(deadline.soort)],
            "transp": "TRANSPARENT",
        }
        sleutel = uid(deadline, netwerk)
        inhoud = _inhoud(velden)
        oud = eerder.get(sleutel)
        if oud is not None and oud.inhoud == inhoud:
            sequence, stempel = oud.sequence, oud.stempel
        else:
            sequence, stempel = max(volgnummer, oud.sequence + 1 if oud else 0), nu
        gebeurtenis = Event()
        gebeurtenis.add("uid", sleutel)
        gebeurtenis.add("dtstamp", stempel)
        gebeurtenis.add("last-modified", stempel)
        gebeurtenis.add("sequence", sequence)
        for naam, waarde in velden.items():
            gebeurtenis.add(naam, waarde)
        gebeurtenis.add("x-leersteun-inhoud", inhoud)
        kalender.add_component(gebeurtenis)
    return kalender.to_ical().decode("utf-8")
