"""--anoniem: every name of every pupil of the folder, and of the people around them, out of
free text, in every form a person writes it: NOAH, Noah's, Nóah, the second half of a double
surname. Pupils become their initial ("N."), the people around them their role ("(ouders)").

Matching is per word, without regard to capitals or accents; Dutch name particles (van, de,
den, ...) are never replaced on their own, so "de klas" stays "de klas".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from leersteun.rules.model import Dossier
from leersteun.core.tekst import normaal

PARTIKELS = {
    "van", "de", "den", "der", "vande", "vanden", "vander", "ter", "ten", "het", "la", "le", "du", "des", "di", "da",
    "el", "al", "op", "in", "t", "d", "s",
}  # fmt: skip
_WOORD = re.compile(r"[^\W\d_]+")


def kern(woord: str) -> str:
    """A word without accents and capitals: 'Nóah' and 'NOAH' both give 'noah'."""
    return normaal(woord)


def delen(naam: str) -> list[str]:
    """The parts of a name that identify someone: 'Van den Broeck' -> ['Broeck'],
    'Goossens-Michiels' -> ['Goossens', 'Michiels']."""
    return [w for w in _WOORD.findall(naam) if len(w) > 1 and kern(w) not in PARTIKELS]


def initialen(voornaam: str, naam: str) -> str:
    return "".join(f"{x[0].upper()}." for x in [voornaam, *naam.split()] if x and x[0].isalpha())


class Anonimiseerder:
    """Collects the names of a folder, then removes them from any text."""

    def __init__(self, team: Iterable[str] = ()) -> None:
        self.vervanging: dict[str, str] = {}
        # the team's own names stay readable in notes ("overdracht van Els Maes")
        self.team = {kern(deel) for naam in team for deel in delen(naam)}

    def namen(self, d: Dossier) -> list[tuple[str, str]]:
        """The name parts of one case, each with what replaces it, in order: the pupil's first."""
        paren = [(kern(deel), f"{deel[0].upper()}.") for deel in delen(d.leerling.voornaam) + delen(d.leerling.naam)]
        personen = [(b.naam, b.rol.value) for b in d.betrokkenen]
        if d.clb_medewerker:
            personen.append((d.clb_medewerker, "clb"))
        for naam, rol in personen:
            paren += [(kern(deel), f"({rol})") for deel in delen(naam) if kern(deel) not in self.team]
        return paren

    def voeg(self, paren: Iterable[tuple[str, str]]) -> None:
        """Add name parts; a part already known keeps what replaces it."""
        for sleutel, vervanging in paren:
            self.vervanging.setdefault(sleutel, vervanging)

    def dossier(self, d: Dossier) -> None:
        self.voeg(self.namen(d))

    def dossiers(self, alle: Iterable[Dossier]) -> Anonimiseerder:
        for d in alle:
            self.dossier(d)
        return self

    def tekst(self, tekst: str) -> str:
        if not tekst or not self.vervanging:
            return tekst
        return _WOORD.sub(lambda m: self.vervanging.get(kern(m.group()), m.group()), tekst)
