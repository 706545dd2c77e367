"""A new case (aanmelding): the checks before it is made, its data, and the link from the
closed case it follows (`--vanuit`). Used by `leersteun nieuw`; no prompts here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from leersteun.editing import mensen
from leersteun.reading import dossiers
from leersteun.rules.checks import Context
from leersteun.core.errors import Fout
from leersteun.reading.folder import Dossiermap
from leersteun.rules.model import Fase, Instellingen
from leersteun.reading.snel import Gelezen
from leersteun.files.schijf import toon
from leersteun.core.waarden import Typologie


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


@dataclass
class Gemaakt:
    id: str
    pad: Path
    meldingen: list[str]
    bestanden: list[Path]


def vorig_dossier(map_: Dossiermap, vanuit: str, ctx: Context, opgegeven: dict[str, object]) -> Gelezen:
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
    for optie, waarde in opgegeven.items():
        if waarde is not None:
            raise Fout(f"{optie} komt met --vanuit uit dossier {v.id}; laat de optie weg.")
    return vorig


def controleer_typologie(inst: Instellingen, typologie: Typologie | None) -> None:
    if typologie is not None and typologie not in inst.ondersteunde_typologieen:
        raise Fout(
            f"Een Verslag onder {typologie.value} ondersteunt dit centrum niet: de aanmelding gaat naar {inst.ander_centrum} "
            "(types 4, 6 en 7 gaan naar het specifieke leersteuncentrum). Er is geen dossier gemaakt."
        )


def _geen_dubbel(map_: Dossiermap, a: Aanmelding) -> list[str]:
    """The ids of open cases of this pupil; refused unless `toch` gives a reason."""
    dubbel = dossiers.dubbels(map_, a.voornaam, a.naam, a.geboortedatum, a.school)
    if dubbel and not a.toch:
        lijst = "\n".join(f"  {d.id}  {d.leerling.volledige_naam} ({d.leerling.klas}, {d.school.naam}, fase {d.fase})" for d in dubbel)
        raise Fout(
            f"{a.voornaam} {a.naam} heeft al een dossier dat niet afgesloten is:\n{lijst}\n"
            f"Werk in dat dossier verder (zoals 'leersteun toon {dubbel[0].id}'). Is dit echt een andere leerling of een "
            "tweede aanmelding, geef dan --toch \"reden\" mee. Er is niets gemaakt."
        )
    return [d.id for d in dubbel]


def meld_aan(map_: Dossiermap, inst: Instellingen, ctx: Context, a: Aanmelding, vorig: Gelezen | None) -> Gemaakt:
    """Make the new case (and link the previous one to it); refuses with `Fout`, writing nothing."""
    from leersteun.core.waarden import ROL_TEKST

    controleer_typologie(inst, a.typologie)
    if vorig is not None and a.geboortedatum is None:
        a.geboortedatum = vorig.dossier.leerling.geboortedatum
    dubbel = _geen_dubbel(map_, a)
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
    pad = dossiers.maak_dossier(map_, data, ctx)
    meldingen = [f"Dossier {data['id']} gemaakt: {toon(pad)} (fase aanmelding)."]
    if mensen_:
        meldingen.append(f"Overgenomen van de school: {', '.join(b['naam'] + ' (' + ROL_TEKST[b['rol']] + ')' for b in mensen_)}.")
    bestanden = [pad]
    if vorig is not None:
        meldingen += _koppel(vorig, str(data["id"]), ctx)
        bestanden.append(vorig.pad)
    return Gemaakt(str(data["id"]), pad, meldingen, bestanden)


def _koppel(vorig: Gelezen, nieuw_id: str, ctx: Context) -> list[str]:
    """The previous case points to the new one (`volgend_dossier`)."""
    from leersteun.editing.bewerk import pas_toe, zet_op_plaats

    def koppel(gegevens: object, _d: object) -> list[str]:
        zet_op_plaats(gegevens, "volgend_dossier", nieuw_id)  # type: ignore[arg-type]
        return [f"Dossier {vorig.id} verwijst nu naar {nieuw_id}."]

    return pas_toe(dossiers.lees_dossier(vorig.pad, ctx), ctx, koppel)
