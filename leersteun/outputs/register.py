"""The register of Verslagen per school (seed 001: "per school een overzicht … van de aanwezige
gemotiveerde verslagen en verslagen", "waar en door wie" ze bewaard worden): the pupils that
a school's `verslagen` in `leersteun.yaml` names and that have no aanmelding yet, with who
keeps the document where, as a section of the weekly overview.

A pupil has an aanmelding when a case that is not closed names them at that school (first
name and name, capitals and accents aside); then the line leaves the section by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from leersteun.core import datums
from leersteun.core.tekst import normaal
from leersteun.outputs.anoniem import Anonimiseerder, initialen, stukken
from leersteun.rules.model import Instellingen, VerslagOpSchool

NOG_NAVRAGEN = "nog navragen"


@dataclass
class VerslagRij:
    school: str
    leerling: str
    klas: str
    verslag: str
    bewaard_door: str
    bewaard_waar: str


def verslag_tekst(v: VerslagOpSchool) -> str:
    """'GC, type 9, 12-06-2025' ('gemotiveerd verslag' is a GC): what is known of it."""
    delen = [x for x in (v.soort.value if v.soort else None, v.typologie.value if v.typologie else None) if x]
    if v.datum:
        delen.append(datums.kort(v.datum))
    return ", ".join(delen) or "Verslag"


def verslagen_zonder_aanmelding(
    instellingen: Instellingen | None, aangemeld: set[tuple[str, frozenset[str]]], anon: Anonimiseerder | None = None
) -> list[VerslagRij]:
    """The register's pupils without an aanmelding, by school and name. `aangemeld`: (school,
    the name parts of the pupil: `anoniem.stukken`) of each case that is not closed, so a
    pupil is matched by name whatever the overview shows. In an anonymous overview (`anon`:
    every name of the folder and of the register) the pupils here show their initials, and a
    name typed where the document is kept is replaced too."""
    if instellingen is None:
        return []
    uit = []
    for school in instellingen.scholen:
        for v in school.verslagen:
            delen = frozenset(k for n in (v.voornaam, v.naam) for k, _, _ in stukken(n))
            if (normaal(school.naam), delen) in aangemeld:
                continue
            naam = initialen(v.voornaam, v.naam) if anon is not None else f"{v.voornaam} {v.naam}"
            door, waar = ((anon.tekst if anon is not None else str)(x) if x else NOG_NAVRAGEN for x in (v.bewaard_door, v.bewaard_waar))
            uit.append(VerslagRij(school.naam, naam, v.klas or "", verslag_tekst(v), door, waar))
    return sorted(uit, key=lambda r: (r.school, normaal(r.leerling)))
