"""A new team member or a new school in leersteun.yaml, added on purpose (`--nieuw-lid`,
`--nieuwe-school`): through the round trip, so only the new lines are written and every
comment stays; the whole file is checked before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.core.waarden import ROL_TEKST, BetrokkeneRol
from leersteun.editing.bewerk import Bewerking, Sessie
from leersteun.reading.folder import Dossiermap
from leersteun.rules.model import Betrokkene, Instellingen, SchoolInstelling, Teamlid


@dataclass(frozen=True)
class NieuweSchool:
    """What a school needs in leersteun.yaml: its name and gemeente, and when known the
    team's ankerpersoon for it and its CLB-medewerker (taken over by every new case)."""

    naam: str
    gemeente: str
    ankerpersoon: str | None = None
    clb: str | None = None

    def als_instelling(self) -> SchoolInstelling:
        mensen = [Betrokkene(rol=BetrokkeneRol.clb, naam=self.clb)] if self.clb else []
        return SchoolInstelling(naam=self.naam, gemeente=self.gemeente, ankerpersoon=self.ankerpersoon, betrokkenen=mensen, vrije_dagen=[], verslagen=[])


@dataclass
class Erbij:
    """The team members (name, rol) and schools a command adds to leersteun.yaml."""

    leden: list[tuple[str, str]]
    scholen: list[NieuweSchool]

    def __bool__(self) -> bool:
        return bool(self.leden or self.scholen)

    def meldingen(self) -> list[str]:
        uit = [f"Nieuw teamlid in leersteun.yaml: {naam} ({ROL_TEKST.get(rol, rol)})." for naam, rol in self.leden]
        for s in self.scholen:
            extra = [f"ankerpersoon {s.ankerpersoon}"] * bool(s.ankerpersoon) + [f"CLB-medewerker {s.clb}"] * bool(s.clb)
            uit.append(f"Nieuwe school in leersteun.yaml: {s.naam} ({s.gemeente}{', ' + ', '.join(extra) if extra else ''}).")
        return uit


def met_erbij(inst: Instellingen, erbij: Erbij) -> Instellingen:
    """The settings as they will be: for the checks and the new case before anything is
    written (a new school's contacts are taken over)."""
    from pydantic import ValidationError

    nieuw = inst.model_copy(deep=True)
    try:
        nieuw.team += [Teamlid(naam=naam, rol=rol) for naam, rol in erbij.leden]
        nieuw.scholen += [s.als_instelling() for s in erbij.scholen]
    except ValidationError as e:
        fout = e.errors()[0]
        waarde = str(fout.get("input", "")).encode("utf-8", "backslashreplace").decode("utf-8")
        raise Fout(f"'{waarde}' kan niet in leersteun.yaml: {fout['msg']}. Er is niets gewijzigd.") from None
    return nieuw


def nieuwe_inhoud(map_: Dossiermap, erbij: Erbij) -> tuple[Path, bytes, bytes]:
    """leersteun.yaml with the new team members under `team` and the new schools under
    `scholen`, checked, as bytes (only the new lines differ): (path, new, as it is now).
    Nothing is written: a command writes it together with its case (`wijziging.py`).
    Refuses with `Fout` when leersteun.yaml would not be valid."""
    from leersteun.editing.bewerk import lijst, voeg_toe, zonder_leeg
    from leersteun.files.store import lees, nieuwe_bytes
    from leersteun.rules.checks import controleer_instellingen

    bestand = lees(map_.instellingen_pad)
    for naam, rol in erbij.leden:
        voeg_toe(lijst(bestand.data, "team"), zonder_leeg(naam=naam, rol=rol))
    for s in erbij.scholen:
        mensen = [zonder_leeg(rol="clb", naam=s.clb)] if s.clb else None
        voeg_toe(lijst(bestand.data, "scholen"), zonder_leeg(naam=s.naam, gemeente=s.gemeente, ankerpersoon=s.ankerpersoon, betrokkenen=mensen))
    _, bevindingen = controleer_instellingen(bestand)
    fouten = [b for b in bevindingen if b.is_fout]
    if fouten:
        raise Fout("leersteun.yaml zou zo niet geldig zijn; er is niets gewijzigd:\n" + "\n".join(f"  {b.boodschap}" for b in fouten))
    return map_.instellingen_pad, nieuwe_bytes(bestand) or bestand.ruw, bestand.ruw


def bewaar_samen(sessie: Sessie, bewerking: Bewerking, erbij: Erbij) -> None:
    """One edit of the session's case and what it adds to leersteun.yaml, written as one
    change: both files or neither. The session then knows the new settings (no warning that
    the new ondersteuner is not in the team); `sessie.meldingen` says what happened."""
    from leersteun.editing.wijziging import Wijziging
    from leersteun.reading import dossiers

    if not erbij:
        sessie.bewaar(bewerking)
        return
    sessie.instellingen = met_erbij(sessie.instellingen, erbij)
    sessie.ctx = dossiers.context(sessie.ctx.vandaag, sessie.instellingen)
    wijziging = Wijziging(sessie.map, f"{sessie.pad.stem} en leersteun.yaml")
    meldingen = wijziging.bewerk(sessie.gelezen, sessie.ctx, bewerking)
    wijziging.zet(*nieuwe_inhoud(sessie.map, erbij))
    wijziging.uitvoeren()
    sessie.meldingen = erbij.meldingen() + meldingen
    sessie.gelezen = dossiers.lees_geldig(sessie.pad, sessie.ctx)
