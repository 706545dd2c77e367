"""The people around a case (betrokkenen) and the meetings that carry the support (seed 002, 003).

Support is the work of many people: the klasleerkracht, the zorgcoördinator, the directie,
the parents, the CLB and the ondersteuner. A case lists them, and records every meeting
(opstartgesprek, evaluatiegesprek, overleg school-CLB, overdracht, ...) as an entry that is
never rewritten. The trajectory rules (`trajectory.py`) and the deadlines use these records.
"""

from __future__ import annotations

import datetime as dt

from ruamel.yaml.comments import CommentedMap

from leersteun.core import datums
from leersteun.core.waarden import OVERLEG_TEKST, ROL_TEKST
from leersteun.editing.bewerk import voeg_toe_aan, zet, zonder_leeg
from leersteun.editing.trajectory import Wie, voeg_overleg
from leersteun.rules.model import Dossier, Instellingen, OverlegSoort
from leersteun.rules.weigering import Geweigerd


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]  # 'CLB-medewerker' keeps its capitals


def _zelfde(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def zet_betrokkene(data: CommentedMap, dossier: Dossier, rol: str, naam: str, contact: str | None = None, notitie: str | None = None) -> list[str]:
    """Add a person, or update the contact and note of the one with the same role and name."""
    for i, b in enumerate(dossier.betrokkenen):
        if b.rol == rol and _zelfde(b.naam, naam):
            item = data["betrokkenen"][i]
            if contact is None and notitie is None:
                return [f"{naam} staat al bij de betrokkenen als {ROL_TEKST[rol]}; er is niets gewijzigd."]
            for sleutel, waarde in (("contact", contact), ("notitie", notitie)):
                if waarde is not None:
                    if sleutel in item:
                        zet(item, sleutel, waarde)
                    else:
                        item[sleutel] = waarde
            return [f"{_hoofdletter(ROL_TEKST[rol])} {b.naam} bijgewerkt in dossier {dossier.id}."]
    voeg_toe_aan(data, "betrokkenen", zonder_leeg(rol=rol, naam=naam, contact=contact, notitie=notitie))
    return [f"{_hoofdletter(ROL_TEKST[rol])} {naam} toegevoegd aan dossier {dossier.id}."]


def verwijder_betrokkene(data: CommentedMap, dossier: Dossier, rol: str, naam: str) -> list[str]:
    for i, b in enumerate(dossier.betrokkenen):
        if b.rol == rol and _zelfde(b.naam, naam):
            del data["betrokkenen"][i]
            return [f"{_hoofdletter(ROL_TEKST[rol])} {b.naam} verwijderd uit dossier {dossier.id}."]
    namen = ", ".join(f"{x.naam} ({x.rol.value})" for x in dossier.betrokkenen) or "geen"
    raise Geweigerd(f"Dossier {dossier.id} heeft geen {ROL_TEKST[rol]} '{naam}'. Betrokkenen: {namen}.")


def noteer_overleg(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    soort: OverlegSoort,
    met: list[str],
    volgende: dt.date | None = None,
) -> list[str]:
    """Append a meeting (never rewritten); `volgende` plans the next one of the same kind."""
    if volgende is not None and volgende <= wie.datum:
        raise Geweigerd(f"Het volgende overleg ({datums.kort(volgende)}) moet na dit overleg ({datums.kort(wie.datum)}) liggen.")
    if soort == OverlegSoort.overdracht:
        h = dossier.laatste_heropstart
        if h is None or h.toewijzing is None or not h.toewijzing.overdracht_van:
            if not dossier.vorige_ondersteuners:
                raise Geweigerd(f"Een overdracht gebeurt tussen een vorige en een nieuwe ondersteuner; dossier {dossier.id} heeft geen vorige ondersteuner.")
    voeg_overleg(data, soort, wie.datum, met=met, notitie=wie.notitie, volgende=volgende, door=wie.door)
    meldingen = [f"{_hoofdletter(OVERLEG_TEKST[soort.value])} van {datums.kort(wie.datum)} genoteerd in dossier {dossier.id}."]
    if volgende is not None:
        meldingen.append(f"Gepland: {OVERLEG_TEKST[soort.value]} op {datums.kort(volgende)}; het staat in de agenda.")
    return meldingen


def van_school(instellingen: Instellingen | None, school: str) -> tuple[list[dict], str | None, str | None, str | None]:
    """A school's standing contacts from leersteun.yaml, for a new case of that school:
    (betrokkenen as plain data, ankerpersoon, CLB worker's name, gemeente)."""
    s = instellingen.school(school) if instellingen else None
    if s is None:
        return [], None, None, None
    mensen = [
        {k: v for k, v in (("rol", b.rol.value), ("naam", b.naam), ("contact", b.contact), ("notitie", b.notitie)) if v is not None} for b in s.betrokkenen
    ]
    clb = next((b.naam for b in s.betrokkenen if b.rol == "clb"), None)
    return mensen, s.ankerpersoon, clb, s.gemeente


def namen_van_betrokkenen(dossier: Dossier) -> list[str]:
    """Every name of a person around the case (for --anoniem)."""
    namen = [b.naam for b in dossier.betrokkenen]
    if dossier.clb_medewerker:
        namen.append(dossier.clb_medewerker)
    return namen
