"""The closing of a case as facts: why and when it was closed, and whether it may be restarted
(seed 003). Read from the case, never stored."""

from __future__ import annotations

import datetime as dt

from leersteun.rules.model import Beslissing, Dossier, Fase, Reden

REDEN_TEKST = {
    Reden.doelen_bereikt: "de doelen zijn bereikt",
    Reden.opname: "opname (geen schoolse doelen)",
    Reden.geen_leersteun_gewenst: "ouders of leerling wensen geen leersteun meer",
    Reden.andere_school: "de leerling verandert van school",
    Reden.stopt_met_school: "de leerling stopt met school",
    Reden.overgang_secundair: "overgang naar het secundair",
    Reden.overgang_hoger: "overgang naar het hoger onderwijs",
    Reden.andere_typologie: "nieuw Verslag onder een typologie die het centrum niet ondersteunt",
    Reden.andere: "andere reden",
}


# Seed 003, secundair→hoger onderwijs: the student asks the institution's contact point for care.
SIHO = (
    "Wil de student in het hoger onderwijs ondersteuning, dan neemt hij of zij zelf contact op met het aanspreekpunt "
    "zorg van de instelling; dat staat op de website van het Steunpunt Inclusief Hoger Onderwijs (SIHO)."
)


# Closing reasons after which the case is never restarted (seed 003): what follows is a new
# aanmelding, a new case linked to this one. Per reason: why, and the way forward.
GEEN_HEROPSTART = {
    Reden.andere_school: (
        "de leerling veranderde van school",
        "De nieuwe school doet een nieuwe aanmelding in Diplon; maak dan een nieuw dossier met 'leersteun nieuw --vanuit {id}'.",
    ),
    Reden.overgang_secundair: (
        "de leerling ging naar het secundair en het Verslag verviel aan het einde van het lager",
        "Is verdere leersteun nodig, dan maakt het CLB een nieuw Verslag en doet de secundaire school een nieuwe "
        "aanmelding; maak dan een nieuw dossier met 'leersteun nieuw --vanuit {id}'.",
    ),
    Reden.overgang_hoger: (
        "de leerling ging naar het hoger onderwijs, waar het leersteuncentrum geen leersteun geeft",
        SIHO,
    ),
    Reden.andere_typologie: (
        "er kwam een Verslag onder een typologie die dit centrum niet ondersteunt",
        "Het specifieke leersteuncentrum neemt over; met een nieuw Verslag onder een typologie van dit centrum volgt een "
        "nieuwe aanmelding: 'leersteun nieuw --vanuit {id}'.",
    ),
}


def afsluitreden(dossier: Dossier) -> Reden | None:
    """Why a closed case was closed (its last closing evaluation)."""
    if dossier.fase != Fase.afgesloten:
        return None
    for e in reversed(dossier.evaluaties):
        if e.beslissing == Beslissing.afsluiten:
            return e.reden
    return None


def kan_heropstarten(dossier: Dossier, zelfde_school: bool = False) -> str | None:
    """None when a heropstart is possible; else the reason and the way forward. Seed 003: a
    closed support "kan steeds opnieuw geactiveerd worden"; after `stopt_met_school` only when
    the pupil returns to the same school and level (`zelfde_school`), else a new aanmelding."""
    reden = afsluitreden(dossier)
    if reden in GEEN_HEROPSTART:
        waarom, verder = GEEN_HEROPSTART[reden]
        return f"Dossier {dossier.id} kan niet heropgestart worden: {waarom}. {verder.format(id=dossier.id)}"
    if reden == Reden.stopt_met_school and not zelfde_school:
        d = dossier
        return (
            f"Dossier {d.id} werd afgesloten omdat de leerling stopte met school. Komt {d.leerling.voornaam} terug naar "
            f"dezelfde school ({d.school.naam}, {d.leerling.niveau.value}), dan kan een heropstart: 'leersteun heropstart {d.id} "
            f"--zelfde-school'. Naar een nieuwe school of een ander niveau: die school doet een nieuwe aanmelding, maak dan een "
            f"nieuw dossier met 'leersteun nieuw --vanuit {d.id}'."
        )
    return None


def afgesloten_op(dossier: Dossier) -> dt.date | None:
    """The day the case was (last) closed."""
    return fase_sinds([(g.datum, g.fase.value, g.notitie) for g in dossier.geschiedenis], Fase.afgesloten.value)


# A fact entered after later lines of the history goes to its place by date. When it changes
# the phase, a line at the end (dated the day it was entered, in the new phase) says so and
# starts with these words; it is no new step of its own, so `fase_sinds` passes over it.
LAAT_GENOTEERD = "Laat genoteerd:"


def fase_sinds(regels: list[tuple[dt.date, str, str | None]], fase: str) -> dt.date | None:
    """The day the history (datum, fase, notitie per line) last entered `fase`: the first
    line of its last run in that phase, a 'Laat genoteerd' line not counted as a step."""
    stappen = [(datum, f) for datum, f, notitie in regels if not (notitie or "").startswith(LAAT_GENOTEERD)]
    sinds = None
    for i, (datum, f) in enumerate(stappen):
        if f == fase and (i == 0 or stappen[i - 1][1] != fase):
            sinds = datum
    if sinds is None:  # only 'Laat genoteerd' lines in this phase (written by hand)
        sinds = max((datum for datum, f, _ in regels if f == fase), default=None)
    return sinds
