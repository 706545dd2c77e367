"""--anoniem: every name of every pupil of the folder, and of the people around them, out of
free text, in every form a person writes it: NOAH, Noah's, Nóah, the second half of a double
surname, a whole name with its particles ("Joris Van Aken"), names glued into one word
("LottePeeters", "lottepeeters" of a user name) or split by an invisible character. Pupils
become their initials ("N.", "L.P."), the people around them their role ("(ouders)").
E-mail addresses and phone numbers in free text go too, whoever's they are.

Matching is per word, without regard to capitals or accents; Dutch name particles (van, de,
den, ...) are never replaced on their own, so "de klas" stays "de klas", but inside a name
("Joris Van Aken", "Van Aken") they go with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from leersteun.core.tekst import normaal
from leersteun.rules.model import Dossier

PARTIKELS = {
    "van", "de", "den", "der", "vande", "vanden", "vander", "ter", "ten", "het", "la", "le", "du", "des", "di", "da",
    "el", "al", "op", "in", "t", "d", "s",
}  # fmt: skip
# Characters that show nothing (a soft hyphen, zero-width spaces and joiners, a BOM): inside a
# word they do not end it, so 'Lot\u00adte' is the one word Lotte.
_ONZICHTBAAR = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_WOORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_ONZICHTBAAR}])*")
_TUSSEN_NAAM = re.compile(r"[\s\-\u2010\u2011]+")  # what may stand between the parts of one name
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
# a phone number: 9 to 15 digits, from 0 or +, in groups (0472 11 22 33, +32 14/12.34.56)
_TELEFOON = re.compile(r"(?<![\w+])(?:\+|0)\d(?:[ ./-]?\(?\d\)?){7,14}(?!\w)")
_DATUMS = re.compile(r"(?:(?:\d{1,2}([-/.])\d{1,2}\1\d{4}|\d{4}-\d{2}-\d{2})\s*)+")  # 01-12-2026 02-12-2026
EMAIL = "(e-mailadres)"
TELEFOON = "(telefoonnummer)"


def kern(woord: str) -> str:
    """A word without accents, capitals and invisible characters: 'Nóah' and 'NOAH' both give
    'noah'."""
    return normaal(woord.translate({ord(c): None for c in _ONZICHTBAAR}))


def delen(naam: str) -> list[str]:
    """The parts of a name that identify someone: 'Van den Broeck' -> ['Broeck'],
    'Goossens-Michiels' -> ['Goossens', 'Michiels']."""
    return [w for w in _WOORD.findall(naam) if len(kern(w)) > 1 and kern(w) not in PARTIKELS]


def initialen(voornaam: str, naam: str) -> str:
    return "".join(f"{x[0].upper()}." for x in [voornaam, *naam.split()] if x and x[0].isalpha())


def _telefoon(m: re.Match[str]) -> str:
    nummer = m.group()
    if _DATUMS.fullmatch(nummer) or sum(c.isdigit() for c in nummer) < 9:
        return nummer  # dates side by side, and short numbers, stay
    return TELEFOON


class Anonimiseerder:
    """Collects the names of a folder, then removes them from any text."""

    def __init__(self, team: Iterable[str] = ()) -> None:
        self.vervanging: dict[str, str] = {}
        # the team's own names stay readable in notes ("overdracht van Els Maes")
        self.team = {kern(deel) for naam in team for deel in delen(naam)}
        self._woorden: dict[str, str | None] = {}  # what a word becomes (many texts share their words)

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
        self._woorden.clear()

    def dossier(self, d: Dossier) -> None:
        self.voeg(self.namen(d))

    def dossiers(self, alle: Iterable[Dossier]) -> Anonimiseerder:
        for d in alle:
            self.dossier(d)
        return self

    def woord(self, woord: str) -> str | None:
        """What replaces one word: a name part, or a word that is nothing but name parts (and
        particles) glued together ('LottePeeters', 'vanaken'); None for any other word."""
        if woord not in self._woorden:
            k = kern(woord)
            self._woorden[woord] = self.vervanging.get(k) or self._gelijmd(k)
        return self._woorden[woord]

    def _gelijmd(self, k: str) -> str | None:
        """A word cut into known name parts and particles, at least one of them a name, in
        as few pieces as possible; None when it cannot be cut so."""
        if len(k) > 60:  # no name is that long
            return None
        beste: list[list[str] | None] = [[]] + [None] * len(k)  # the fewest pieces of k[:i]
        for eind in range(1, len(k) + 1):
            for begin in range(eind):
                vorig, stuk = beste[begin], k[begin:eind]
                if vorig is not None and (stuk in self.vervanging or stuk in PARTIKELS):
                    if beste[eind] is None or len(vorig) + 1 < len(beste[eind] or ()):
                        beste[eind] = [*vorig, stuk]
        namen = [self.vervanging[s] for s in beste[len(k)] or () if s in self.vervanging]
        return _samen(namen) if namen else None

    def tekst(self, tekst: str) -> str:
        if not tekst:
            return tekst
        tekst = _TELEFOON.sub(_telefoon, _EMAIL.sub(EMAIL, tekst))
        if not self.vervanging:
            return tekst
        uit: list[str] = []
        plek = 0
        woorden = list(_WOORD.finditer(tekst))
        i = 0
        while i < len(woorden):
            j, vervanging = self._naam_vanaf(tekst, woorden, i)
            if vervanging is None:
                i += 1
                continue
            uit += [tekst[plek : woorden[i].start()], vervanging]
            plek = woorden[j].end()
            if vervanging.endswith(".") and tekst[plek : plek + 1] == ".":
                plek += 1  # 'zit Lotte.' is 'zit L.', not 'zit L..'
            i = j + 1
        uit.append(tekst[plek:])
        return "".join(uit)

    def _naam_vanaf(self, tekst: str, woorden: list[re.Match[str]], i: int) -> tuple[int, str | None]:
        """The name that begins at word i, as one whole: its last word and what replaces it.
        A name is name parts with only spaces or hyphens between them, with the particles
        between them ("Joris Van Aken") and a capitalised particle before them ("Van Aken");
        a lower-case particle before a name ("de klas van Lotte") is the sentence's."""
        vervangingen: list[str] = []
        laatste = None
        j = i
        while j < len(woorden):
            w = woorden[j].group()
            if j > i and not _TUSSEN_NAAM.fullmatch(tekst[woorden[j - 1].end() : woorden[j].start()]):
                break
            vervanging = self.woord(w)
            if vervanging is not None:
                vervangingen.append(vervanging)
                laatste = j
            elif kern(w) not in PARTIKELS or (laatste is None and not w[:1].isupper()):
                break
            j += 1
        if laatste is None:
            return i, None
        return laatste, _samen(vervangingen)


def _samen(vervangingen: Iterable[str]) -> str:
    """One replacement for one name: initials together ('L.P.'), a role once."""
    uit = ""
    for v in vervangingen:
        if not uit or (uit.endswith(".") and v.endswith(".")):
            uit += v
        elif not uit.endswith(v):
            uit += " " + v
    return uit
