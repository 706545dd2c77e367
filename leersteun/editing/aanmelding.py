"""A new case (aanmelding): the checks before it is made, its data, and the link from the
closed case it follows (`--vanuit`). Used by `leersteun nieuw`; no prompts here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from leersteun.core import datums
from leersteun.core.errors import Fout
from leersteun.core.waarden import Typologie
from leersteun.editing import mensen
from leersteun.editing.instellingen import Erbij, met_erbij, nieuwe_inhoud
from leersteun.files.schijf import toon
from leersteun.reading import dossiers
from leersteun.reading.folder import Dossiermap
from leersteun.reading.snel import Geldig
from leersteun.rules.checks import Context
from leersteun.rules.model import Dossier, Fase, Instellingen
from leersteun.rules.namen import dezelfde, met_hoofdletters

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap


@dataclass
class Aanmelding:
    """What the user gave or answered for a new case."""

    voornaam: str
    naam: str
    klas: str
    niveau: str
    school: str
    verslag: str
    verslagdatum: dt.date
    door: str
    gemeente: str | None = None
    geboortedatum: dt.date | None = None
    typologie: Typologie | None = None
    diplon: bool = False
    ontbindende_voorwaarde: dt.date | None = None
    leervraag: str | None = None
    vraag_van: list[str] = field(default_factory=list)
    al_geprobeerd: list[str] = field(default_factory=list)
    ankerpersoon: str | None = None
    clb: str | None = None
    dossier_id: str | None = None
    notitie: str | None = None
    toch: str | None = None
    erbij: Erbij = field(default_factory=lambda: Erbij([], []))  # a new school or team member for leersteun.yaml


@dataclass
class Gemaakt:
    id: str
    pad: Path
    meldingen: list[str]
    bestanden: list[Path]


def vorig_dossier(map_: Dossiermap, vanuit: str, ctx: Context, opgegeven: dict[str, object]) -> Geldig:
    """The closed case a new one follows; `opgegeven` are the pupil's options, which come
    from that case instead."""
    vorig = dossiers.open_dossier(map_, vanuit, ctx)
    v = vorig.dossier
    assert v is not None
    if v.fase != Fase.afgesloten:
        raise Fout(
            f"Dossier {v.id} loopt nog (fase {v.fase}). Sluit het eerst af, zoals met 'leersteun overgang {v.id} andere-school' "
            f"of 'leersteun overgang {v.id} lager-secundair'; daarna volgt de nieuwe aanmelding."
        )
    if v.volgend_dossier:
        raise Fout(f"Na dossier {v.id} volgde al dossier {v.volgend_dossier}.")
    from leersteun.rules.afsluiting import SIHO, afsluitreden
    from leersteun.rules.model import Reden

    if afsluitreden(v) == Reden.overgang_hoger:  # seed 003: the student asks the institution, not a leersteuncentrum
        raise Fout(f"Dossier {v.id} werd afgesloten bij de overgang naar het hoger onderwijs; daar volgt geen aanmelding. {SIHO}")
    for optie, waarde in opgegeven.items():
        if waarde is not None:
            raise Fout(f"{optie} komt met --vanuit uit dossier {v.id}; laat de optie weg.")
    return vorig


def controleer_typologie(inst: Instellingen, typologie: Typologie | None) -> None:
    """Seed 003: the typologies of another centre go there; which ones this centre supports is
    what leersteun.yaml says (`typologieen`), named in the refusal."""
    if typologie is not None and typologie not in inst.ondersteunde_typologieen:
        ondersteund = ", ".join(t.value for t in inst.ondersteunde_typologieen) or "geen"
        raise Fout(
            f"Een Verslag onder {typologie.value} ondersteunt dit centrum niet: de aanmelding gaat naar {inst.ander_centrum}. "
            f"Dit centrum ondersteunt (typologieen in leersteun.yaml): {ondersteund}. Er is geen dossier gemaakt."
        )


def controleer_verslag_secundair(a: Aanmelding, vorig: Geldig | None) -> None:
    """Seed 003: the Verslag of the lager "vervalt aan het einde van het lager onderwijs"; a
    secondary aanmelding after a case in the lager needs the new Verslag (a later date)."""
    if vorig is None or a.niveau != "secundair":
        return
    v = vorig.dossier
    assert v is not None
    if v.leerling.niveau != "lager":
        return
    lager = [v.verslag.datum] + [x.datum for x in v.vorige_verslagen]
    if a.verslagdatum <= max(lager):
        raise Fout(
            f"Het Verslag van {datums.kort(a.verslagdatum)} is er een van het lager onderwijs (dossier {v.id} heeft er een van "
            f"{datums.kort(max(lager))}); het vervalt aan het einde van het lager. Voor het secundair maakt het CLB een nieuw "
            "Verslag: geef de datum daarvan met --verslagdatum. Er is geen dossier gemaakt."
        )


def meldingen_bij_aanmelding(a: Aanmelding, vandaag: dt.date | None = None) -> list[str]:
    """What a new aanmelding says besides: a Verslag dated after today (what `valideer` warns
    about), an OV4 without its enrolment under ontbindende voorwaarde (seed 003), a support
    question not (also) of the teacher (seed 001)."""
    from leersteun.editing.trajectory import vraag_van_leerkracht

    uit = []
    if vandaag is not None and a.verslagdatum > vandaag:
        uit.append(
            f"Let op: het Verslag is gedateerd na vandaag ({datums.kort(a.verslagdatum)}), maar het CLB dateert een Verslag als "
            "het klaar is. Een tikfout? Verbeter de datum in het dossier, bij 'verslag: datum:'."
        )
    if a.verslag == "OV4" and a.ontbindende_voorwaarde is None:
        uit.append(
            "Let op: bij een OV4-Verslag wordt een leerling onder ontbindende voorwaarde ingeschreven (de procedure). Geef de "
            "datum van die inschrijving met --ontbindende-voorwaarde DATUM (of noteer ze met 'leersteun verslag')."
        )
    return uit + vraag_van_leerkracht(a.vraag_van)


def _beschrijf(d: Dossier) -> str:
    ll = d.leerling
    geboren = f", {datums.kort(ll.geboortedatum)}" if ll.geboortedatum else ""
    return f"  {d.id}  {ll.volledige_naam}{geboren} ({ll.klas}, {d.school.naam}, fase {d.fase})"


def _geen_dubbel(map_: Dossiermap, ctx: Context, a: Aanmelding) -> tuple[list[str], list[str]]:
    """The ids of the open cases of this pupil (names compared without capitals, accents,
    spaces; birth dates across all schools), refused unless `toch` gives a reason; and a
    warning for an open case of the same name at another school when a birth date is missing."""
    gevonden = dossiers.dubbels(map_, ctx, a.voornaam, a.naam, a.geboortedatum, a.school)
    dubbel = [d for d, zeker in gevonden if zeker]
    misschien = [d for d, zeker in gevonden if not zeker]
    if dubbel and not a.toch:
        andere = [d for d in dubbel if not dezelfde(d.school.naam, a.school)]
        verder = (
            f"Veranderde de leerling van school, sluit dan eerst af ('leersteun overgang {andere[0].id} andere-school') en maak het "
            f"nieuwe dossier met --vanuit {andere[0].id}. "
            if andere
            else f"Werk in dat dossier verder (zoals 'leersteun toon {dubbel[0].id}'). "
        )
        raise Fout(
            f"{a.voornaam} {a.naam} heeft al een dossier dat niet afgesloten is:\n" + "\n".join(map(_beschrijf, dubbel)) + "\n"
            f'{verder}Is dit echt een andere leerling of een tweede aanmelding, geef dan --toch "reden" mee. Er is niets gemaakt.'
        )
    waarschuwing = []
    if misschien:
        waarschuwing.append(
            "Let op: een leerling met dezelfde naam heeft een lopend dossier op een andere school:\n" + "\n".join(map(_beschrijf, misschien)) + "\n"
            "Zonder geboortedatum kan leersteun niet zeggen of het dezelfde leerling is; kijk het na, en vul de geboortedatum aan."
        )
    return [d.id for d in dubbel], waarschuwing


def _controleer_tekst(a: Aanmelding) -> None:
    """What the user typed for the pupil: refused at once, with the option it came from, when
    it holds a character that cannot be trusted (a soft hyphen would make a second Lotte
    Peeters that a search for 'lotte' never finds)."""
    from pydantic import TypeAdapter, ValidationError

    from leersteun.rules.model import Klas, Naam

    for optie, waarde, soort in (("--voornaam", a.voornaam, Naam), ("--naam", a.naam, Naam), ("--klas", a.klas, Klas)):
        try:
            TypeAdapter(soort).validate_python(waarde)
        except ValidationError as e:
            raise Fout(f"{optie}: {e.errors()[0]['msg']}. Er is niets gemaakt.") from None


def meld_aan(map_: Dossiermap, inst: Instellingen, ctx: Context, a: Aanmelding, vorig: Geldig | None) -> Gemaakt:
    """Make the new case (and link the previous one to it); refuses with `Fout`, writing nothing."""
    from leersteun.core.waarden import ROL_TEKST

    _controleer_tekst(a)
    geschreven = met_hoofdletters(a.voornaam, a.naam)  # 'mats claes' typed all in lower case is Mats Claes
    if geschreven:
        a.voornaam, a.naam = geschreven
    controleer_typologie(inst, a.typologie)
    controleer_verslag_secundair(a, vorig)
    if a.erbij:  # a new school's contacts are taken over; the new team member is in the team
        inst = met_erbij(inst, a.erbij)
        ctx = dossiers.context(ctx.vandaag, inst)
    if vorig is not None and a.geboortedatum is None:
        a.geboortedatum = vorig.dossier.leerling.geboortedatum
    dubbel, waarschuwing = _geen_dubbel(map_, ctx, a)
    mensen_, anker_school, clb_school, gemeente_school = mensen.van_school(inst, a.school)
    notitie = a.notitie
    if a.toch:
        notitie = f"{notitie or 'Aanmelding via Diplon.'} Ook gemaakt naast {', '.join(dubbel) or 'geen'}: {a.toch}"
    if vorig is not None:
        notitie = notitie or f"Nieuwe aanmelding na {vorig.id}."
    leervraag = (("vraag", a.leervraag), ("van", list(a.vraag_van)), ("al_geprobeerd", list(a.al_geprobeerd)))
    data = dossiers.nieuw_dossier_data(
        case_id=a.dossier_id or dossiers.volgende_id(map_, a.school, ctx.vandaag.year),
        voornaam=a.voornaam, naam=a.naam, klas=a.klas, niveau=a.niveau, school=a.school,
        gemeente=a.gemeente or gemeente_school, geboortedatum=a.geboortedatum,
        verslag_soort=a.verslag, verslag_datum=a.verslagdatum, zichtbaar_in_diplon=a.diplon,
        ontbindende_voorwaarde=a.ontbindende_voorwaarde, typologie=a.typologie.value if a.typologie else None,
        ankerpersoon=a.ankerpersoon or anker_school or (a.door if a.door in inst.teamnamen() else None),
        clb_medewerker=a.clb or clb_school, door=a.door, vandaag=ctx.vandaag, notitie=notitie, betrokkenen=mensen_,
        leervraag={k: v for k, v in leervraag if v} if a.leervraag else None,
        vorig_dossier=vorig.id if vorig is not None else None,
    )  # fmt: skip
    koppeling: list[str] = []
    if vorig is None and not a.erbij:
        pad = dossiers.maak_dossier(map_, data, ctx)
    else:
        pad, koppeling = _maak_met_koppeling(map_, data, ctx, vorig, a.erbij)
    meldingen = (
        waarschuwing + a.erbij.meldingen() + [f"Dossier {data['id']} gemaakt: {toon(pad)} (fase aanmelding)."] + meldingen_bij_aanmelding(a, ctx.vandaag)
    )
    if geschreven:
        meldingen.insert(meldingen.index(f"Dossier {data['id']} gemaakt: {toon(pad)} (fase aanmelding).") + 1, f"Naam geschreven als: {a.voornaam} {a.naam}.")
    if mensen_:
        meldingen.append(f"Overgenomen van de school: {', '.join(b['naam'] + ' (' + ROL_TEKST[b['rol']] + ')' for b in mensen_)}.")
    meldingen += koppeling
    ook = ([vorig.pad] if vorig is not None else []) + ([map_.instellingen_pad] if a.erbij else [])
    return Gemaakt(str(data["id"]), pad, meldingen, [pad] + ook)


def _maak_met_koppeling(map_: Dossiermap, data: dict, ctx: Context, vorig: Geldig | None, erbij: Erbij) -> tuple[Path, list[str]]:
    """The new case and the link to it in the previous one (`volgend_dossier`), and what is
    new in leersteun.yaml (a school, a team member), written as one change (`wijziging.py`):
    all or none, also when leersteun is killed in between, so a link never points one way
    only and a new school is never in leersteun.yaml without its case (or the reverse)."""
    from leersteun.editing.bewerk import zet_op_plaats
    from leersteun.editing.wijziging import Wijziging

    nieuw_id = str(data["id"])
    pad, ruw = dossiers.nieuw_dossier(map_, data, ctx)
    wijziging = Wijziging(map_, f"nieuw dossier {nieuw_id}" + (f" na {vorig.id}" if vorig is not None else " en leersteun.yaml"))
    wijziging.zet(pad, ruw, None)
    if erbij:
        wijziging.zet(*nieuwe_inhoud(map_, erbij))
    if vorig is None:
        wijziging.uitvoeren()
        return pad, []

    def koppel(gegevens: CommentedMap, _d: Dossier) -> list[str]:
        zet_op_plaats(gegevens, "volgend_dossier", nieuw_id)
        return [f"Dossier {vorig.id} verwijst nu naar {nieuw_id}."]

    try:
        meldingen = wijziging.bewerk(dossiers.lees_dossier(vorig.pad, ctx), ctx, koppel)
    except Fout as e:
        raise Fout(f"Dossier {vorig.id} kan niet naar {nieuw_id} verwijzen: {e.boodschap}\nEr is niets gemaakt.") from None
    wijziging.uitvoeren()
    return pad, meldingen
