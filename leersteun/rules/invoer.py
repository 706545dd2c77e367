"""Dates and a typology as a teacher types them, on the command line and in prompts.

Files for machines (YAML, csv, json, ics) keep ISO (`2025-12-31`); what a person types may
also be `31-12-2025`, `31/12/2025`, `31.12.2025`, `vandaag`, `morgen` or `gisteren`. A
typology is `basisaanbod` or a type, also as its number alone (`7` is type 7).
"""

from __future__ import annotations

import datetime as dt
import re

from leersteun.core.waarden import Typologie

VORMEN = "31-12-2025, 31/12/2025, 2025-12-31, vandaag of morgen"


def datum(tekst: str, vandaag: dt.date) -> dt.date:
    """A date as a person writes it; ValueError with a Dutch message when it is none."""
    from leersteun.rules.model import als_datum

    t = " ".join(tekst.split()).lower()
    relatief = {"vandaag": 0, "morgen": 1, "overmorgen": 2, "gisteren": -1}
    if t in relatief:
        return vandaag + dt.timedelta(days=relatief[t])
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t)
    if m:
        t = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    try:
        return als_datum(t)
    except ValueError:  # pydantic's error, told in Dutch
        raise ValueError(f"'{tekst}' is geen datum; schrijf ze als {VORMEN}") from None


def typologie(tekst: str) -> Typologie:
    """A typology as a person writes it: 'basisaanbod', 'type 7', 'Type7' or just '7' (the
    type's number, never an item of a list); ValueError with a Dutch message when it is none."""
    from leersteun.core.tekst import keuze

    kern = keuze(tekst).replace("-", "")
    if kern in ("basisaanbod", "basis"):
        return Typologie.basisaanbod
    nummer = kern.removeprefix("type")
    for t in Typologie:
        if t.value == f"type {nummer}":
            return t
    nummers = [t.value.split()[1] for t in Typologie if t != Typologie.basisaanbod]
    raise ValueError(f"'{tekst}' is geen typologie; typ basisaanbod of het nummer van het type: {', '.join(nummers[:-1])} of {nummers[-1]}")
