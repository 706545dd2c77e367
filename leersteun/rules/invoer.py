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
    from leersteun.core.tekst import bestaat_niet
    from leersteun.rules.model import als_datum

    t = " ".join(tekst.split()).lower()
    relatief = {"vandaag": 0, "morgen": 1, "overmorgen": 2, "gisteren": -1}
    if t in relatief:
        return vandaag + dt.timedelta(days=relatief[t])
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t)
    if m:
        t = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if iso:
        waarom = bestaat_niet(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if waarom:
            raise ValueError(f"{' '.join(tekst.split())} bestaat niet: {waarom}")
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


# Options whose value is a name (one line, at most MAX_NAAM characters); every other text
# option is free text (a tab or a line break may stay, at most MAX_TEKST characters).
NAAM_OPTIES = frozenset({"--naam", "--voornaam", "--door", "--ondersteuner", "--ankerpersoon", "--school", "--klas", "--netwerk"})


def getypte_tekst(optie: str, waarde: str) -> str | None:
    """What is wrong with text typed for `optie` (untrusted characters, too long), as a
    sentence that names the option and quotes what was typed; None when it can be used. The
    model's check on the case stays the last guard; this one says where the text stood."""
    naam = optie in NAAM_OPTIES
    from leersteun.rules.model import MAX_NAAM, MAX_TEKST

    grens = MAX_NAAM if naam else MAX_TEKST
    if waarde.isprintable() and len(waarde) <= grens:
        return None  # the common case: isprintable() is False for every character refused below
    from leersteun.core.tekst import onbetrouwbaar, teken_uitleg

    plek = onbetrouwbaar(waarde, regels=not naam)
    if plek is not None:
        teken = waarde[plek]
        if naam and teken in "\t\n":
            return f"{optie} '{_getoond(waarde)}': een naam past op één regel, zonder tabs of regeleinden; typ hem opnieuw"
        waar = f"na '{_getoond(waarde[:plek])[-30:]}'" if plek else "vooraan"
        return f"{optie} '{_getoond(waarde)}' bevat {teken_uitleg(teken)} {waar}, een onzichtbaar of ongeldig teken; typ het opnieuw zonder dat teken"
    if len(waarde) > grens:
        soort = "een naam" if naam else "deze tekst"
        return f"{optie} '{_getoond(waarde[:40])}…' is te lang: {len(waarde)} tekens, meer dan {grens} voor {soort}; hou het kort en leesbaar"
    return None


def _getoond(tekst: str) -> str:
    """Text as it may stand in a message: every control or invisible character written as
    \\uXXXX (so the message shows where it is), cut at 80 characters."""
    from leersteun.core.tekst import onbetrouwbaar

    uit = []
    for c in tekst[:80]:
        uit.append(c if onbetrouwbaar(c, regels=False) is None else f"\\u{ord(c):04x}")
    return "".join(uit) + ("…" if len(tekst) > 80 else "")
