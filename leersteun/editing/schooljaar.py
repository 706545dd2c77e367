"""The school year (1 September - 31 August): the class of every pupil, confirmed each year,
the yearly rollover, and the transitions that the end of a year brings (seed 003).

The rollover is one change of the folder (`wijziging.py`): every case is read, given its class
and checked first, with every problem named by case and by the row of the class list; only
then is every file written, or none. Nothing else in a case changes but its class, the school
year it was confirmed for and one history line. The clock is never read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leersteun.core import datums
from leersteun.core.errors import Fout
from leersteun.editing.bewerk import VOLGORDE_IN, zet, zet_op_plaats
from leersteun.editing.trajectory import Wie, geschiedenis
from leersteun.editing.wijziging import Commit, Wijziging
from leersteun.files.schijf import toon
from leersteun.reading.folder import Dossiermap
from leersteun.reading.klaslijst import geen_klas
from leersteun.reading.snel import Gelezen
from leersteun.rules.checks import Context
from leersteun.rules.deadlines import eindgesprek_gehouden  # noqa: F401 - one derivation, also asked here by `schooljaar`
from leersteun.rules.model import Dossier, schooljaar_van
from leersteun.rules.weigering import Geweigerd

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


def vorig_schooljaar(schooljaar: str) -> str:
    begin = int(schooljaar[:4]) - 1
    return f"{begin}-{begin + 1}"


def volgend_schooljaar(schooljaar: str) -> str:
    begin = int(schooljaar[:4]) + 1
    return f"{begin}-{begin + 1}"


# ---------------------------------------------------------------------------- when


KLASLIJSTEN_VANAF = 5  # May: the schools know next year's classes, the overview lists the transitions


def moment(schooljaar: str, vandaag: dt.date) -> str:
    """'nu' (the current school year), 'komend' (the next one, from May), 'vroeg' (a later
    one, or the next one before May) or 'voorbij'."""
    huidig = schooljaar_van(vandaag)
    if schooljaar < huidig:
        return "voorbij"
    if schooljaar == huidig:
        return "nu"
    if schooljaar == volgend_schooljaar(huidig) and KLASLIJSTEN_VANAF <= vandaag.month <= 8:
        return "komend"
    return "vroeg"


def voorbij(schooljaar: str, vandaag: dt.date) -> Fout:
    huidig = schooljaar_van(vandaag)
    return Fout(
        f"Het schooljaar {schooljaar} is voorbij: nu loopt {huidig}. Een overgang naar een voorbij schooljaar zou de klassen "
        f"van nu overschrijven met die van toen. Er is niets gewijzigd; bedoel je 'leersteun schooljaar {huidig}' of "
        f"'leersteun schooljaar {volgend_schooljaar(huidig)}'?"
    )


def te_vroeg(schooljaar: str, vandaag: dt.date) -> str:
    """Why a rollover to this year now is probably a mistake (the question asked first)."""
    huidig = schooljaar_van(vandaag)
    return (
        f"Het is {datums.kort(vandaag)}: het schooljaar {huidig} loopt nog tot 31 augustus {huidig[5:]}, en {schooljaar} begint pas "
        f"op {datums.kort(begin_van(schooljaar))}. Met de klassen van {schooljaar} noemt elke mail aan de coördinatie tot dan "
        "een klas die de leerling nog niet heeft."
    )


def namen_van(dossier: Dossier) -> list[str]:
    """The pupil's names as a class list may write them (a class must be none of them)."""
    return [dossier.leerling.voornaam, dossier.leerling.naam, dossier.leerling.volledige_naam, f"{dossier.leerling.naam} {dossier.leerling.voornaam}"]


# ---------------------------------------------------------------------------- the rollover


@dataclass
class KlasRegel:
    """One running case in the rollover: its class now and in the new year."""

    id: str
    leerling: str
    school: str
    oud: str
    nieuw: str
    bevestigd_voor: str | None  # the school year the old class was confirmed for
    plek: str | None  # the row of the class list ('klassen.csv:3'); None when typed
    klasleerkracht: list[str] = field(default_factory=list)  # names in the case, probably last year's

    @property
    def veranderd(self) -> bool:
        return self.oud != self.nieuw


@dataclass
class Rollover:
    """A rollover read, checked and ready to write (`uitvoeren`)."""

    schooljaar: str
    wijziging: Wijziging
    regels: list[KlasRegel] = field(default_factory=list)  # every case whose file changes
    al_zo: list[KlasRegel] = field(default_factory=list)  # already so for this year: nothing written
    na: dict[str, Dossier] = field(default_factory=dict)  # the cases as they will be

    @property
    def veranderd(self) -> list[KlasRegel]:
        return [r for r in self.regels if r.veranderd]

    @property
    def bevestigd(self) -> list[KlasRegel]:
        return [r for r in self.regels if not r.veranderd]

    @property
    def mensen(self) -> list[KlasRegel]:
        """Cases whose class changes and whose klasleerkracht is probably last year's."""
        return [r for r in self.veranderd if r.klasleerkracht]


def bereid_voor(map_: Dossiermap, ctx: Context, wie: Wie, schooljaar: str, klassen: dict[str, tuple[str, str | None]], lopend: list[Gelezen]) -> Rollover:
    """Read, change and check every running case that gets a class (`klassen`: id ->
    (class, row of the class list or None)); nothing is written. Refuses with `Fout` naming
    every case (and row) that cannot take its class."""
    from leersteun.reading.dossiers import lees_dossier

    rollover = Rollover(schooljaar, Wijziging(map_, f"schooljaar {schooljaar}"))
    problemen: list[str] = []
    for g in sorted(lopend, key=lambda g: g.id):
        if g.dossier is None:
            continue
        rollover.na[g.id] = g.dossier
        if g.id not in klassen:
            continue
        klas, plek = klassen[g.id]
        waar = f"{g.id} ({plek})" if plek else g.id
        if g.dossier.leerling.klas == klas.strip() and g.dossier.leerling.klas_schooljaar == schooljaar:
            d = g.dossier  # already so (a re-run): nothing to read again or to write
            rollover.al_zo.append(KlasRegel(g.id, d.leerling.volledige_naam, d.school.naam, d.leerling.klas, d.leerling.klas, schooljaar, plek))
            continue
        gelezen = lees_dossier(g.pad, ctx)
        if gelezen.dossier is None or gelezen.fouten:  # changed since the folder was read
            fouten = gelezen.fouten or gelezen.bevindingen
            problemen.append(f"{waar}: het dossier is ongeldig{f' ({fouten[0].als_tekst()})' if fouten else ''}; verbeter het eerst")
            continue
        d = gelezen.dossier
        regel = KlasRegel(g.id, d.leerling.volledige_naam, d.school.naam, d.leerling.klas, klas.strip(), d.leerling.klas_schooljaar, plek)
        probleem = _kan_niet(gelezen, klas, ctx.vandaag)
        if probleem:
            problemen.append(f"{waar}: {probleem}")
            continue
        if d.leerling.klas == regel.nieuw and d.leerling.klas_schooljaar == schooljaar:
            rollover.al_zo.append(regel)
            continue
        try:
            rollover.wijziging.bewerk(gelezen, ctx, lambda data, dd, klas=regel.nieuw: zet_klas(data, dd, wie, klas, schooljaar))
        except Fout as e:
            problemen.append(f"{waar}: {e.boodschap}")
            continue
        if regel.veranderd:
            regel.klasleerkracht = [b.naam for b in d.betrokkene("klasleerkracht")]
        rollover.regels.append(regel)
        assert gelezen.dossier is not None
        rollover.na[g.id] = gelezen.dossier
    if problemen:
        lijst = "\n".join(f"  {p}" for p in problemen)
        raise Fout(
            f"Er is niets gewijzigd: {'dit dossier kan' if len(problemen) == 1 else 'deze dossiers kunnen'} de klas van {schooljaar} "
            f"niet krijgen:\n{lijst}\nVerbeter dat en voer de opdracht opnieuw uit."
        )
    return rollover


def _kan_niet(gelezen: Gelezen, klas: str, vandaag: dt.date) -> str | None:
    """Why this case cannot take this class now (before any edit), or None."""
    d = gelezen.dossier
    assert d is not None and gelezen.bestand is not None
    waarom = geen_klas(klas, namen_van(d))
    if waarom or not klas.strip():
        return f"'{klas}' is geen klas: {waarom or 'ze is leeg'}"
    for i, g in enumerate(d.geschiedenis):
        if g.datum > vandaag:
            regel, _ = gelezen.bestand.positie(("geschiedenis", i, "datum"))
            return (
                f"de geschiedenis heeft een regel van {datums.kort(g.datum)}, na vandaag ({datums.kort(vandaag)}): een tikfout? "
                f"Verbeter die datum eerst ({toon(gelezen.pad)}:{regel})"
            )
    return None


def uitvoeren(rollover: Rollover, commit: Commit | None) -> str | None:
    """Write every changed case or none (and commit them as one, when asked); git's line."""
    if commit is not None:
        commit.bestanden = rollover.wijziging.paden
    rollover.wijziging.commit = commit
    return rollover.wijziging.uitvoeren()
