"""Steps no command can undo: closing a case for a reason after which it is never restarted
(seed 003: another school, the secondary school, stopping school, a typology of another
centre), directly or through a transition. Before such a step, what can be checked is checked
(lager→secundair and secundair→hoger only from the last year of the level), and the sentence to confirm is made here;
the terminal asks it (`--ja` in a script). Any other closing is asked in a terminal too (only a
heropstart starts the case again); a script needs no `--ja` for it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from leersteun.editing.trajectory import Wie
from leersteun.editing.trajectory import overgang as _overgang
from leersteun.rules.afsluiting import GEEN_HEROPSTART, REDEN_TEKST
from leersteun.rules.model import Dossier, Fase, Niveau, Reden, schooljaar_van
from leersteun.rules.overgang import laatste_jaar
from leersteun.rules.weigering import Geweigerd

if TYPE_CHECKING:  # ruamel is loaded by the first edit, not by the commands that only read
    from ruamel.yaml.comments import CommentedMap

LOPEND = (Fase.aanmelding, Fase.opstart, Fase.ondersteuning)
# the closing reason of each transition that closes
OVERGANG_REDEN = {"lager-secundair": Reden.overgang_secundair, "secundair-hoger": Reden.overgang_hoger, "andere-school": Reden.andere_school}


def bij_afsluiten(dossier: Dossier, reden: Reden | None) -> str | None:
    """The sentence to confirm before closing for `reden`, or None when the step can be undone
    (a heropstart stays possible) or will be refused anyway (the case is not running)."""
    if reden not in GEEN_HEROPSTART or dossier.fase not in LOPEND:
        return None
    d = dossier
    return (
        f"Dossier {d.id} ({d.leerling.volledige_naam}, {d.leerling.klas}) wordt afgesloten: {REDEN_TEKST[reden]}. "
        "Dat kan niet ongedaan gemaakt worden: daarna volgt "
        + (
            "geen heropstart: in het hoger onderwijs geeft het leersteuncentrum geen leersteun."
            if reden == Reden.overgang_hoger
            else "een nieuwe aanmelding, geen heropstart."
        )
    )


def bij_gewoon_afsluiten(dossier: Dossier, reden: Reden | None) -> str | None:
    """The sentence a terminal asks before any other closing (a heropstart can start the case
    again, but no command undoes the closing itself); None when this is no closing of a
    running case."""
    if reden is None or reden in GEEN_HEROPSTART or dossier.fase not in LOPEND:
        return None
    d = dossier
    return (
        f"Dossier {d.id} ({d.leerling.volledige_naam}, {d.leerling.klas}) wordt afgesloten: {REDEN_TEKST[reden]}. "
        "Daarna start het alleen opnieuw met een heropstart (na een overleg tussen school en CLB)."
    )


# per transition that needs the last year: the level it leaves, and how the sentences name it
LAATSTE_JAAR = {
    "lager-secundair": (Niveau.lager, "lager", "het 6de leerjaar", "het secundair", "bijvoorbeeld naar 1B", Reden.overgang_secundair),
    "secundair-hoger": (
        Niveau.secundair,
        "secundair",
        "het 6de of 7de jaar",
        "het hoger onderwijs",
        "bijvoorbeeld via de examencommissie",
        Reden.overgang_hoger,
    ),
}


def in_laatste_jaar(dossier: Dossier) -> bool:
    """Is the pupil in the last year of lager (a class with a 6: 6B, 6de leerjaar) or of
    secundair (a 6 or a 7: 6A, 6 ASO, 7 BSO)? The class is free text: its first digit decides."""
    cijfer = re.search(r"\d", dossier.leerling.klas)
    if dossier.leerling.niveau == Niveau.secundair:
        return cijfer is not None and cijfer.group() in ("6", "7")
    return laatste_jaar(dossier) == "lager"


def bij_overgang(dossier: Dossier, soort: str, wie: Wie, toch: str | None = None) -> str | None:
    """Check a transition before anything is asked (a refusal names the class and the way
    out); the sentence to confirm when it closes the case for good, else None."""
    d = dossier
    if soort not in LAATSTE_JAAR:
        if toch:
            raise Geweigerd("--toch hoort bij de overgangen lager-secundair en secundair-hoger, buiten het laatste jaar.")
        return bij_afsluiten(d, OVERGANG_REDEN.get(soort))
    niveau, naam, jaar_naam, naar, vroeger, reden = LAATSTE_JAAR[soort]
    if d.leerling.niveau != niveau or d.fase not in LOPEND:
        return None  # the transition itself refuses, with its own reason
    if not in_laatste_jaar(d) and not toch:
        jaar = schooljaar_van(wie.datum)
        bevestigd = f", bevestigd voor {d.leerling.klas_schooljaar}" if d.leerling.klas_schooljaar and d.leerling.klas_schooljaar != jaar else ""
        raise Geweigerd(
            f"De overgang naar {naar} gebeurt vanuit het laatste jaar van het {naam} ({jaar_naam}); "
            f"{d.leerling.voornaam} zit volgens dossier {d.id} in {d.leerling.klas}{bevestigd}. Er is niets gewijzigd. "
            f"Zit de leerling wel in {jaar_naam}, of gaat hij of zij vroeger naar {naar} ({vroeger}), "
            'geef dan de reden mee met --toch "..."; die komt in de geschiedenis.'
        )
    if in_laatste_jaar(d) and toch:
        raise Geweigerd(f"{d.leerling.voornaam} zit in {d.leerling.klas}, het laatste jaar van het {naam}: --toch is niet nodig.")
    return bij_afsluiten(d, reden)


def overgang(data: CommentedMap, dossier: Dossier, soort: str, wie: Wie, *, klas: str | None = None, toch: str | None = None, **verder: Any) -> list[str]:
    """A transition (`trajectory.overgang`) after its checks; `toch` (why lager→secundair or
    secundair→hoger happens outside the last year of the level) is written in the history."""
    bij_overgang(dossier, soort, wie, toch)
    if toch:
        _, naam, _, naar, _, afsluitreden = LAATSTE_JAAR[soort]
        reden = f"vanuit {dossier.leerling.klas}, niet het laatste jaar van het {naam}: {toch.strip().rstrip('.')}."
        notitie = f"{wie.notitie.strip()} Overgang naar {naar} {reden}" if wie.notitie else f"Afgesloten: {REDEN_TEKST[afsluitreden]}, {reden}"
        wie = Wie(wie.door, wie.datum, notitie)
    return _overgang(data, dossier, soort, wie, klas=klas, **verder)  # the closing (afronding) or the evaluation
