"""The pupil's class and school year as facts: was the class confirmed this school year, is
this the last year of the lager or the kleuter, and what that transition asks. The edits
(rollover, new class) are `editing.schooljaar`."""

from __future__ import annotations

import datetime as dt
import re

from leersteun.rules.model import Dossier, Niveau, schooljaar_van


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
        f"De klas van {dossier.id} ({dossier.leerling.klas}) is {waar}, niet in dit schooljaar ({jaar}). De mail aan de coördinatie moet de klas van nu noemen."
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
    return f"Gaat naar het lager: de leersteun loopt verder na een evaluatie. Noteer de overgang met 'leersteun overgang {dossier.id} kleuter-lager --klas 1A'."
