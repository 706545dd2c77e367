"""The school year (1 September - 31 August): the class of every pupil, confirmed each year,
the yearly rollover, and the transitions that the end of a year brings (seed 003).

Pure functions on cases and dates; the clock is never read here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leersteun.editing.bewerk import VOLGORDE_IN, zet, zet_op_plaats
from leersteun.core.errors import Fout
from leersteun.rules.model import Dossier, Fase, Niveau, schooljaar_van
from leersteun.editing.trajectory import Geweigerd, Wie, geschiedenis

if TYPE_CHECKING:  # ruamel is loaded by the first edit, not by the commands that only read
    from ruamel.yaml.comments import CommentedMap


def begin_van(schooljaar: str) -> dt.date:
    return dt.date(int(schooljaar[:4]), 9, 1)


def lees_schooljaar(tekst: str) -> str:
    m = re.fullmatch(r"\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*", tekst or "")
    if m:
        begin = int(m.group(1))
        einde = int(m.group(2)) if len(m.group(2)) == 4 else begin // 100 * 100 + int(m.group(2))
        if einde == begin + 1 and 1990 <= begin <= 2100:
            return f"{begin}-{einde}"
    raise Fout(f"'{tekst}' is geen schooljaar; schrijf het als 2027-2028 (van 1 september tot 31 augustus).")


def klas_bevestigd(dossier: Dossier, vandaag: dt.date) -> bool:
    """Was the pupil's class confirmed in the current school year?"""
    return dossier.leerling.klas_schooljaar == schooljaar_van(vandaag)


def klas_waarschuwing(dossier: Dossier, vandaag: dt.date) -> str | None:
    if klas_bevestigd(dossier, vandaag):
        return None
    jaar = schooljaar_van(vandaag)
    sinds = dossier.leerling.klas_schooljaar
    waar = f"het laatst bevestigd in {sinds}" if sinds else "nog nooit bevestigd"
    return (
        f"De klas van {dossier.id} ({dossier.leerling.klas}) is {waar}, niet in dit schooljaar ({jaar}). "
        "De mail aan de coördinatie moet de klas van nu noemen."
    )


def laatste_jaar(dossier: Dossier) -> str | None:
    """'lager' for a pupil in the 6th grade, 'kleuter' for K3; else None. The class is free
    text (6B, 6de leerjaar, K3, 3KA, 3de kleuter): its first digit decides."""
    cijfer = re.search(r"\d", dossier.leerling.klas)
    if cijfer is None:
        return None
    if dossier.leerling.niveau == Niveau.lager and cijfer.group() == "6":
        return "lager"
    if dossier.leerling.niveau == Niveau.kleuter and cijfer.group() == "3":
        return "kleuter"
    return None


def overgang_uitleg(soort: str, dossier: Dossier) -> str:
    if soort == "lager":
        return (
            "Verlaat het lager: het Verslag vervalt. Evalueer; is verdere leersteun nodig, dan contact met het CLB voor een "
            f"nieuw Verslag en een nieuwe aanmelding door de secundaire school. Sluit af met 'leersteun overgang {dossier.id} lager-secundair'."
        )
    return (
        "Gaat naar het lager: de leersteun loopt verder na een evaluatie. Noteer de overgang met "
        f"'leersteun overgang {dossier.id} kleuter-lager --klas 1A'."
    )


def zet_klas(data: CommentedMap, dossier: Dossier, wie: Wie, klas: str, schooljaar: str) -> list[str]:
    """Set (or confirm) the pupil's class for a school year, with a line in the history."""
    klas = klas.strip()
    if not klas:
        raise Geweigerd("Geef een klas, zoals 6B.")
    leerling = data["leerling"]
    oud = dossier.leerling.klas
    if oud == klas and dossier.leerling.klas_schooljaar == schooljaar:
        return []
    zet(leerling, "klas", klas)
    zet_op_plaats(leerling, "klas_schooljaar", schooljaar, VOLGORDE_IN["leerling"])
    if oud == klas:
        notitie = f"klas {klas} bevestigd, schooljaar {schooljaar}"
    else:
        notitie = f"klas {oud} → {klas}, schooljaar {schooljaar}"
    geschiedenis(data, dossier.fase, Wie(wie.door, wie.datum, notitie[0].upper() + notitie[1:] + "."))
    return [f"{dossier.id}: {notitie}."]


def lees_klassen(tekst: str, bron: str) -> dict[str, str]:
    """A class file as a school administration exports it: `id;klas` or `id,klas`, with or
    without a header row. Returns {id: klas}; a bad line is refused with its line number."""
    regels = [r for r in tekst.splitlines() if r.strip()]
    if not regels:
        raise Fout(f"{bron} is leeg; verwacht per regel 'id;klas', zoals KLM-2024-017;6B.")
    scheiding = ";" if regels[0].count(";") >= regels[0].count(",") and ";" in regels[0] else ","
    uit: dict[str, str] = {}
    lezer = csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=scheiding)
    for nummer, rij in enumerate(lezer, start=1):
        cellen = [c.strip() for c in rij]
        if not any(cellen):
            continue
        if nummer == 1 and len(cellen) >= 2 and cellen[0].lower() in ("id", "dossier", "dossier-id", "dossier_id") :
            continue
        if len(cellen) < 2 or not cellen[0] or not cellen[1]:
            raise Fout(f"{bron}:{nummer}:1: verwacht 'id{scheiding}klas', zoals KLM-2024-017{scheiding}6B.")
        if cellen[0] in uit and uit[cellen[0]] != cellen[1]:
            raise Fout(f"{bron}:{nummer}:1: {cellen[0]} staat twee keer in het bestand, met een andere klas.")
        uit[cellen[0]] = cellen[1]
    return uit


@dataclass
class Rollover:
    """What a new school year asks, case by case."""

    schooljaar: str
    gewijzigd: list[str] = field(default_factory=list)  # messages of the classes set
    geen_klas: list[Dossier] = field(default_factory=list)
    overgangen: list[tuple[Dossier, str]] = field(default_factory=list)  # (case, 'lager' | 'kleuter')
    zonder_eindgesprek: list[Dossier] = field(default_factory=list)
    onbekend: list[str] = field(default_factory=list)  # ids in the class file that are no case


def lopend(dossiers: list[Dossier]) -> list[Dossier]:
    return sorted((d for d in dossiers if d.fase != Fase.afgesloten), key=lambda d: d.id)


def eindgesprek_gehouden(dossier: Dossier, schooljaar_dat_eindigt: str) -> bool:
    """Seed 003: running supports have an evaluatiegesprek at the end of the school year.
    Counted: an evaluation or an evaluatiegesprek from 1 May to 31 August of that year."""
    einde = int(schooljaar_dat_eindigt[5:])
    van, tot = dt.date(einde, 5, 1), dt.date(einde, 8, 31)
    return any(van <= e.datum <= tot for e in dossier.evaluaties) or any(
        o.soort == "evaluatiegesprek" and van <= o.datum <= tot for o in dossier.overleggen
    )


def vorig_schooljaar(schooljaar: str) -> str:
    begin = int(schooljaar[:4]) - 1
    return f"{begin}-{begin + 1}"


def komende_overgangen(dossiers: list[Dossier], vandaag: dt.date) -> list[tuple[Dossier, str]]:
    """From May on: the pupils in their last year of lager or kleuter (running cases)."""
    if vandaag.month not in (5, 6, 7, 8):
        return []
    return [(d, soort) for d in lopend(dossiers) if (soort := laatste_jaar(d))]


def klassen_uit_bestand(tekst: str, getoond: str, alle: list, lopend: list) -> tuple[dict[str, str], list[str]]:
    """The classes of a school's CSV, checked against the folder; and the ids in it whose case
    is closed (they are left as they are)."""
    gegeven = lees_klassen(tekst, getoond)
    onbekend = sorted(set(gegeven) - {g.id for g in alle})
    if onbekend:
        raise Fout(f"{getoond} noemt dossiers die niet bestaan: {', '.join(onbekend)}. Verbeter het bestand; er is niets gewijzigd.")
    return gegeven, sorted(i for i in gegeven if i not in {g.id for g in lopend})


def zet_klassen(lopend: list, ctx: Any, wie: Wie, nieuw_jaar: str, klas_van: Callable[[Dossier], str | None]) -> Iterator[tuple[Path, str]]:
    """Give each running case its class of the new school year (`klas_van(dossier)`: the class,
    or None to leave it); each case is checked and saved on its own, and said as it is done."""
    from leersteun.editing.bewerk import pas_toe
    from leersteun.reading.dossiers import lees_dossier

    for g in lopend:
        klas = klas_van(g.dossier)
        if not klas:
            continue
        for regel in pas_toe(lees_dossier(g.pad, ctx), ctx, lambda data, dd, klas=klas: zet_klas(data, dd, wie, klas, nieuw_jaar)):
            yield g.pad, regel
