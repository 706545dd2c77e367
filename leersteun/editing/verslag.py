"""The Verslag of a case (seed 003): a new or changed Verslag, its typology, and the school's
decision within 60 days under ontbindende voorwaarde.

A changed Verslag (GC → IAC or OV4) follows its own procedure: the new one is recorded, the
previous one stays under `vorige_verslagen`, and the history says what changed. A Verslag
under a typology this centre does not support means: close first (`andere_typologie`), then
the other centre takes over.
"""

from __future__ import annotations

import datetime as dt

from ruamel.yaml.comments import CommentedMap

from leersteun.core import datums
from leersteun.editing.bewerk import VOLGORDE_IN, lijst, voeg_toe, zet, zet_op_plaats, zonder_leeg
from leersteun.editing.trajectory import Wie, geschiedenis
from leersteun.rules.model import Dossier, Fase, Instellingen, Typologie, VerslagSoort
from leersteun.rules.weigering import Geweigerd


def beschrijf(soort: str, datum: dt.date, typologie: str | None) -> str:
    return f"{soort}" + (f" ({typologie})" if typologie else "") + f" van {datums.kort(datum)}"


def nieuw_verslag(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    instellingen: Instellingen | None,
    soort: VerslagSoort,
    datum: dt.date,
    typologie: Typologie | None = None,
    ontbindende_voorwaarde: dt.date | None = None,
) -> list[str]:
    """Record a new Verslag; the previous one moves to `vorige_verslagen`."""
    if dossier.fase == Fase.afgesloten:
        raise Geweigerd(f"Dossier {dossier.id} is afgesloten. Met een nieuw Verslag volgt een nieuwe aanmelding: 'leersteun nieuw --vanuit {dossier.id} ...'.")
    oud = dossier.verslag
    if datum < oud.datum:
        raise Geweigerd(f"Het nieuwe Verslag ({datums.kort(datum)}) is ouder dan het huidige ({datums.kort(oud.datum)}).")
    if datum > wie.datum:
        raise Geweigerd(f"Het Verslag van {datums.kort(datum)} ligt na vandaag ({datums.kort(wie.datum)}); noteer het als het er is.")
    if instellingen is not None and typologie is not None and typologie not in instellingen.ondersteunde_typologieen:
        raise Geweigerd(
            f"Een Verslag onder {typologie.value} ondersteunt dit centrum niet; {instellingen.ander_centrum} neemt over. "
            f"Volg de procedure: sluit eerst af ('leersteun fase {dossier.id} afgesloten --reden andere_typologie'); "
            "daarna volgt een nieuwe aanmelding met het nieuwe Verslag. Er is niets gewijzigd."
        )
    if ontbindende_voorwaarde is not None and soort == VerslagSoort.GC:
        raise Geweigerd("Een inschrijving onder ontbindende voorwaarde hoort bij een IAC- of OV4-verslag, niet bij GC.")
    voeg_toe(
        lijst(data, "vorige_verslagen"),
        zonder_leeg(
            soort=oud.soort.value,
            datum=oud.datum,
            typologie=oud.typologie.value if oud.typologie else None,
            zichtbaar_in_diplon=oud.zichtbaar_in_diplon,
            ontbindende_voorwaarde=oud.ontbindende_voorwaarde,
            ontbindende_voorwaarde_beslist=oud.ontbindende_voorwaarde_beslist,
        ),
    )
    v = data["verslag"]
    zet(v, "soort", soort.value)
    zet(v, "datum", datum)
    if typologie is not None:
        zet_op_plaats(v, "typologie", typologie.value, VOLGORDE_IN["verslag"])
    elif "typologie" in v:
        zet(v, "typologie", None)
    zet_op_plaats(v, "ontbindende_voorwaarde", ontbindende_voorwaarde, VOLGORDE_IN["verslag"])
    if "ontbindende_voorwaarde_beslist" in v:
        zet(v, "ontbindende_voorwaarde_beslist", None)
    nieuw = beschrijf(soort.value, datum, typologie.value if typologie else None)
    vorig = beschrijf(oud.soort.value, oud.datum, oud.typologie.value if oud.typologie else None)
    notitie = f"Nieuw Verslag: {nieuw} (was {vorig})."
    if ontbindende_voorwaarde is not None:
        notitie += f" Ingeschreven onder ontbindende voorwaarde op {datums.kort(ontbindende_voorwaarde)}."
    geschiedenis(data, dossier.fase, Wie(wie.door, wie.datum, (wie.notitie + " " if wie.notitie else "") + notitie))
    meldingen = [f"Dossier {dossier.id}: {notitie}"]
    if ontbindende_voorwaarde is not None and soort == VerslagSoort.OV4:  # seed 003 gives the 60 days for an IAC only
        meldingen.append(f"Noteer de beslissing van de school over de inschrijving met 'leersteun verslag {dossier.id} --beslist DATUM'.")
    elif ontbindende_voorwaarde is not None:
        grens = ontbindende_voorwaarde + dt.timedelta(days=60)
        meldingen.append(
            f"De school beslist binnen 60 kalenderdagen (uiterlijk {datums.kort(grens)}) of de leerling het gemeenschappelijk "
            f"curriculum volgt; noteer het met 'leersteun verslag {dossier.id} --beslist DATUM'."
        )
    if soort != oud.soort:
        meldingen.append("Een gewijzigd Verslag volgt de juiste procedure: de school kijkt na welk Verslag de leerling heeft.")
    return meldingen


def beslist(data: CommentedMap, dossier: Dossier, wie: Wie) -> list[str]:
    """The school's decision within 60 days under ontbindende voorwaarde."""
    v = dossier.verslag
    if v.ontbindende_voorwaarde is None:
        raise Geweigerd(f"Dossier {dossier.id} heeft geen inschrijving onder ontbindende voorwaarde; er is geen beslissing van de school te noteren.")
    if v.ontbindende_voorwaarde_beslist is not None:
        raise Geweigerd(f"De beslissing van de school is al genoteerd op {datums.kort(v.ontbindende_voorwaarde_beslist)}.")
    if wie.datum < v.ontbindende_voorwaarde:
        raise Geweigerd(
            f"De beslissing ({datums.kort(wie.datum)}) ligt vóór de inschrijving onder ontbindende voorwaarde ({datums.kort(v.ontbindende_voorwaarde)})."
        )
    zet_op_plaats(data["verslag"], "ontbindende_voorwaarde_beslist", wie.datum, VOLGORDE_IN["verslag"])
    geschiedenis(
        data, dossier.fase, Wie(wie.door, wie.datum, "Beslissing van de school over de ontbindende voorwaarde" + (f": {wie.notitie}" if wie.notitie else "."))
    )
    dagen = (wie.datum - v.ontbindende_voorwaarde).days
    te_laat = " (na de 60 dagen)" if dagen > 60 else ""
    return [f"Dossier {dossier.id}: de beslissing van de school is genoteerd, {dagen} dagen na de inschrijving{te_laat}."]
