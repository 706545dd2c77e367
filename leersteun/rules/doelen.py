"""Goals as facts and texts (seed 004, bijlagen 4 and 5): the HGW-hulpzinnen, the criteria of
a passende maatregel, and finding a goal by its id. The edits are `editing.goals`."""

from __future__ import annotations

from leersteun.rules.model import Dossier
from leersteun.rules.weigering import Geweigerd

ONDERWIJSBEHOEFTEN_STAM = "De leerling heeft"


ONDERWIJSBEHOEFTEN = [
    "instructie nodig die …", "opdrachten of taken nodig die …", "leeractiviteiten of materialen nodig die …",
    "een leeromgeving nodig die …", "spel nodig dat …", "feedback nodig die …", "klasgenoten nodig die …",
    "een leerkracht nodig die …", "ouders nodig die …", "een attitude nodig die …",
    "hulp of ondersteuning nodig bij …", "inzichten nodig in …", "overige nodig …",
]  # fmt: skip


HULPZINNEN_SLOT = "… om het doel te behalen"  # bijlage 4: every sentence, of the pupil and of the teacher, ends so


ONDERSTEUNINGSBEHOEFTEN_STAM = "Als leraar heb ik nood aan"


ONDERSTEUNINGSBEHOEFTEN = [
    "kennis van …", "vaardigheden die …", "inzichten in …", "een attitude die …", "ondersteuning tijdens …",
    "materialen waarmee …", "collega's die …", "een zorgcoördinator die …", "een directie die …",
    "'meer handen in de klas' in de vorm van …", "een ondersteuner die …", "een CLB-medewerker die …",
]  # fmt: skip


# Bijlage 5: the seven criteria of a passende maatregel (Meirsschaut, Monsecour en Wilssens, 2013).
PASSENDE_MAATREGEL = (
    "is maatwerk",
    "is SMART",
    "heeft waar mogelijk ook voor andere leerlingen een positieve impact",
    "komt tot stand in overleg met alle betrokkenen",
    "wordt goed gemotiveerd en herhaaldelijk gecommuniceerd",
    "is gebaseerd op de expertise en observaties van de leerkracht(en), de ondersteuner en eventuele andere betrokken hulpverleners",
    "is ingebed in de zorgvisie van de school",
)


# The same seven in a few words, for the one-line reminder.
PASSENDE_MAATREGEL_KORT = (
    "maatwerk",
    "SMART",
    "waar mogelijk ook goed voor andere leerlingen",
    "in overleg met alle betrokkenen",
    "goed gemotiveerd en herhaaldelijk gecommuniceerd",
    "gebaseerd op de expertise en observaties van leerkracht, ondersteuner en hulpverleners",
    "ingebed in de zorgvisie van de school",
)


def passende_maatregel_herinnering() -> str:
    """Bijlage 5 in one sentence: the reminder after a measure added without the dialogue
    (the dialogue shows the criteria as a checklist before)."""
    return f"Een passende maatregel (bijlage 5) is: {'; '.join(PASSENDE_MAATREGEL_KORT)}."


def doel_index(d: Dossier, doel_id: str) -> int:
    for i, doel in enumerate(d.doelen):
        if doel.id.lower() == doel_id.lower():
            return i
    bestaande = ", ".join(x.id for x in d.doelen) or "geen"
    raise Geweigerd(f"Dossier {d.id} heeft geen doel '{doel_id}' (wel: {bestaande}).")
