"""One spelling for people and schools: what someone typed, matched against the team and the
schools of leersteun.yaml without regard to capitals, accents, spaces and punctuation ('els
maes' is Els Maes, 'sint jozef' is Vrije Basisschool Sint-Jozef), and by the part of a name
people say ('klimop' is Basisschool De Klimop, 'pieter' is Pieter Dewulf) when only one fits.

Pure functions on the settings: the commands decide what to do with several matches (a
numbered choice on a terminal) and with none (a refusal naming the nearest, or a new team
member or school the user asked for, added by `editing/instellingen.py`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from leersteun.core.tekst import normaal
from leersteun.rules.model import Instellingen

_GEEN_LETTER = re.compile(r"[\W_]+")
MIN_BEGIN = 3  # a typed word this long may be the start of a word of a school's name ('klim')


def sleutel(tekst: str) -> str:
    """A name as compared: lower case, no accents, words of letters and digits only
    ('GO! Basisschool De Regenboog' is 'go basisschool de regenboog')."""
    return " ".join(_GEEN_LETTER.sub(" ", normaal(tekst)).split())


def dezelfde(a: str | None, b: str | None) -> bool:
    """Do two spellings name the same person or school ('els  Maës' and 'Els Maes')?"""
    return a is not None and b is not None and _vast(sleutel(a)) == _vast(sleutel(b)) != ""


def _vast(s: str) -> str:
    return s.replace(" ", "")


def _past_deels(woorden: list[str], naam: list[str], begin: bool) -> bool:
    """The typed words stand in the name one after the other, each as a whole word or (with
    `begin`, from three letters) as the start of one; or, typed without spaces, as whole words
    of it."""
    getypt = "".join(woorden)
    for i in range(len(naam)):
        stuk = naam[i : i + len(woorden)]
        if len(stuk) == len(woorden) and all(n == w or (begin and len(w) >= MIN_BEGIN and n.startswith(w)) for w, n in zip(woorden, stuk)):
            return True
        samen = ""
        for n in naam[i:]:
            samen += n
            if samen == getypt and len(getypt) >= MIN_BEGIN:
                return True
            if len(samen) >= len(getypt):
                break
    return False


def als_in(namen: Iterable[str]) -> Callable[[str], str]:
    """A name in the spelling of `namen` when it is one of them otherwise written ('els maes'
    written by an older version is Els Maes), else as it is."""
    vast = {_vast(sleutel(n)): n for n in namen}
    return lambda naam: vast.get(_vast(sleutel(naam)), naam)


@dataclass(frozen=True)
class Gezocht:
    """What a typed name is: `gevonden` (the one spelling), else the `kandidaten` (several
    fit), else the `gelijkend` names (nothing fits; the nearest, for 'bedoel je ...?')."""

    getypt: str
    gevonden: str | None = None
    kandidaten: list[str] = field(default_factory=list)
    gelijkend: list[str] = field(default_factory=list)


def zoek(getypt: str, namen: Iterable[str], begin: bool = False) -> Gezocht:
    """Match what was typed against `namen`: the same name written otherwise first, then a
    part of one name: whole words ('pieter', 'maes'), with `begin` also the start of a word
    ('klim'; for schools: for people 'jan' must not become An Janssens)."""
    alle = list(dict.fromkeys(namen))
    gezocht = sleutel(getypt)
    if not gezocht:
        return Gezocht(getypt)
    sleutels = {n: sleutel(n) for n in alle}
    gelijk = [n for n in alle if _vast(sleutels[n]) == _vast(gezocht)]
    if len(gelijk) == 1:
        return Gezocht(getypt, gevonden=gelijk[0])
    if gelijk:
        return Gezocht(getypt, kandidaten=gelijk)
    woorden = gezocht.split()
    deels = [n for n in alle if _past_deels(woorden, sleutels[n].split(), begin)]
    if len(deels) == 1:
        return Gezocht(getypt, gevonden=deels[0])
    if deels:
        return Gezocht(getypt, kandidaten=deels)
    return Gezocht(getypt, gelijkend=gelijkend(gezocht, sleutels))


def gelijkend(gezocht: str, sleutels: dict[str, str], aantal: int = 3) -> list[str]:
    """The names nearest to a typed one (a typo: 'Els Maas', 'klimpo'), best first: compared
    whole and with every run of as many words."""
    lengte = len(gezocht.split())
    scores: dict[str, float] = {}
    for naam, s in sleutels.items():
        woorden = s.split()
        stukken = [s] + [" ".join(woorden[i : i + lengte]) for i in range(max(len(woorden) - lengte + 1, 0))]
        scores[naam] = max(difflib.SequenceMatcher(None, gezocht, stuk).ratio() for stuk in stukken)
    return [n for n, score in sorted(scores.items(), key=lambda x: -x[1]) if score >= 0.7][:aantal]


def teamleden(inst: Instellingen | None) -> list[str]:
    return [lid.naam for lid in inst.team] if inst else []


def scholen(inst: Instellingen | None) -> list[str]:
    """Every school of leersteun.yaml: those with contacts (`scholen`), then those with only a
    capacity, each once, in the file's order."""
    if inst is None:
        return []
    namen = [s.naam for s in inst.scholen]
    if inst.capaciteit:
        namen += [s.naam for s in inst.capaciteit.scholen]
    return list(dict.fromkeys(namen))


def clb_medewerkers(inst: Instellingen | None) -> list[str]:
    """The CLB workers named under the schools of leersteun.yaml."""
    if inst is None:
        return []
    return list(dict.fromkeys(b.naam for s in inst.scholen for b in s.betrokkenen if b.rol == "clb"))


# ---------------------------------------------------------------------------- a pupil's name as typed

# Words that stand in lower case inside a Flemish surname (Van den Broeck, Van der Meulen, De la
# Croix, Van 't Hof). The first word of a surname is always capitalised in Flanders: 'van den
# broeck' is Van den Broeck, 'de smet' is De Smet.
TUSSENVOEGSELS = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "la", "le", "du", "des", "'t", "d'"})


def met_hoofdletters(voornaam: str, naam: str) -> tuple[str, str] | None:
    """A pupil's first name and surname typed all in lower case ('mats', 'van den broeck'),
    with the capitals of how they are written ('Mats', 'Van den Broeck'); None when either
    already has a capital (then it is written as the person typed it: 'McDonald', 'de Wit'
    as the family writes it) or nothing would change."""
    if voornaam != voornaam.lower() or naam != naam.lower():
        return None
    geschreven = (
        " ".join(_met_hoofdletter(w) for w in voornaam.split(" ")),
        " ".join(w if i and w in TUSSENVOEGSELS else _met_hoofdletter(w) for i, w in enumerate(naam.split(" "))),
    )
    return geschreven if geschreven != (voornaam, naam) else None


def _met_hoofdletter(woord: str) -> str:
    """A word with a capital at the start of each part ('marie-louise' is Marie-Louise,
    "d'hondt" is D'Hondt, 'ijsbrand' is IJsbrand: the Dutch ij is one letter)."""
    delen = []
    for deel in woord.split("-"):
        if len(deel) > 2 and deel[1] in "'’" and deel[0].isalpha():
            deel = deel[0].upper() + deel[1] + _met_hoofdletter(deel[2:])
        elif deel.startswith("ij"):
            deel = "IJ" + deel[2:]
        else:
            deel = deel[:1].upper() + deel[1:]
        delen.append(deel)
    return "-".join(delen)


# ---------------------------------------------------------------------------- messages

TEAM, SCHOOL = "teamlid", "school"
_WAAR = {TEAM: "in het team van leersteun.yaml", SCHOOL: "bij de scholen van leersteun.yaml"}


def opsomming(namen: list[str]) -> str:
    """'A', 'A' of 'B', 'A', 'B' of 'C'."""
    aanhalingen = [f"'{n}'" for n in namen]
    return aanhalingen[0] if len(aanhalingen) == 1 else ", ".join(aanhalingen[:-1]) + " of " + aanhalingen[-1]


def te_veel(soort: str, gezocht: Gezocht) -> str:
    """Several fit (in a script): name them all."""
    return f"'{gezocht.getypt}' past bij meer dan één {soort} van leersteun.yaml: {opsomming(gezocht.kandidaten)}. Typ de naam voluit. Er is niets gewijzigd."


def niet_gevonden(soort: str, gezocht: Gezocht, herkomst: str = "") -> str:
    """Nothing fits, and the nearest names: "'Els Maas' staat niet in het team van
    leersteun.yaml. Bedoel je 'Els Maes'?" (`herkomst`: where the name came from)."""
    hint = f" Bedoel je {opsomming(gezocht.gelijkend)}?" if gezocht.gelijkend else ""
    waar = f" ({herkomst})" if herkomst else ""
    return f"'{gezocht.getypt}'{waar} staat niet {_WAAR[soort]}.{hint}"


def onbekend(soort: str, gezocht: Gezocht, uitweg: str, herkomst: str = "") -> str:
    """The refusal when nothing fits: `niet_gevonden` and the way out (`uitweg`, a sentence)."""
    return f"{niet_gevonden(soort, gezocht, herkomst)} {uitweg} Er is niets gewijzigd."
