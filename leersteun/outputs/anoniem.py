"""--anoniem: every name of every pupil of the folder, and of the people around them, out of
free text, in every form a person writes it: NOAH, Noah's, Nóah, the second half of a double
surname, a whole name with its particles ("Joris Van Aken", "van Aken", "Vanaken"), a name
glued into one word ("LottePeeters", "lottepeeters" or "lpeeters" of a user name), with the
ending Dutch gives it ("Lottes moeder", "Lotteke", "Noahtje") or split by an invisible character. Pupils become their initials ("N.", "L.P."), the people around them their role
("(ouders)"). E-mail addresses, phone numbers, national register numbers and bank account
numbers in free text go too, whoever's they are; dates stay.

Matching is per word, without regard to capitals or accents. A name part is replaced wherever
it stands as a word, also where it is an ordinary word too ("Roos", "Ben"): a word too many
rather than a name too few. Dutch name particles (van, de, te, ...) are never replaced on their
own, so "de klas" and "te voet" stay; before or inside a name they go with it only where that
person's name has them ("Van Aken", "Joris Van Aken"; "de klas van Lotte" keeps its "van").
Words glued together count as a name only when all their parts are one person's
("LottePeeters"): "bent" is not Ben glued to the "t" of "van 't Hof".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from leersteun.core.tekst import normaal
from leersteun.rules.model import Dossier, Instellingen

PARTIKELS = {
    "van", "de", "den", "der", "vande", "vanden", "vander", "ter", "ten", "te", "het", "t", "d", "s", "in", "op",
    "aan", "bij", "uit", "tot", "toe", "voor", "onder", "over", "la", "le", "du", "des", "di", "da", "del", "della",
    "dos", "das", "do", "el", "al", "von", "vom", "zu", "zum", "zur",
}  # fmt: skip
# Characters that show nothing (a soft hyphen, zero-width spaces and joiners, a BOM): inside a
# word they do not end it, so 'Lot\u00adte' is the one word Lotte. (A case refuses them at the
# door; this is for any other text.)
_ONZICHTBAAR = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ZONDER_ONZICHTBAAR = {ord(c): None for c in _ONZICHTBAAR}
_WOORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_ONZICHTBAAR}])*")
_TUSSEN_NAAM = re.compile(r"[\s\-\u2010\u2011'\u2019]+")  # what may stand between the parts of one name ("Van 't Hof")
_CIJFER = re.compile(r"\d")
_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")  # from the start of a run: linear in a long word
# A date is never a number to remove, even beside one: 01-12-2026 0472 11 22 33.
_DATUM = re.compile(r"(?<!\d)(?:\d{1,2}([-/.])\d{1,2}\1\d{4}|\d{4}-\d{2}-\d{2})(?!\d)")
# a phone number: 9 to 15 digits, from 0 or +, in groups (0472 11 22 33, +32 14/12.34.56, 0032 (0)472...)
_TELEFOON = re.compile(r"(?<![\w+])(?<!\d[ ./-])(?:\+|0)\d(?:[ ./-]?(?:\(0\) ?)?\d){7,14}(?!\w)")
_TIJDEN = re.compile(r"(?:(?:[01]\d|2[0-3])[.:][0-5]\d[ -]*)+")  # 08.30-09.15 10.30-11.15
# a national register number: 15.03.14-123.45 or 15031412345
_RIJKSREGISTER = re.compile(r"(?<![\w.+-])\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}\.?\d{2}(?![\w-])")
_IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?: ?[\dA-Z]{4}){2,7}(?: ?[\dA-Z]{1,3})?(?!\w)")
# what Dutch glues to a name: the genitive 's' and the diminutive (with its plural and genitive), longest first
_VERBUIGINGEN = ("etjes", "tjes", "skes", "ekes", "etje", "tje", "ske", "eke", "kes", "jes", "ke", "je", "s")
EMAIL = "(e-mailadres)"
TELEFOON = "(telefoonnummer)"
RIJKSREGISTER = "(rijksregisternummer)"
REKENING = "(rekeningnummer)"


def kern(woord: str) -> str:
    """A word without accents, capitals and invisible characters: 'Nóah' and 'NOAH' both give
    'noah'."""
    return normaal(woord.translate(_ZONDER_ONZICHTBAAR))


def delen(naam: str) -> list[str]:
    """The parts of a name that identify someone: 'Van den Broeck' -> ['Broeck'],
    'Goossens-Michiels' -> ['Goossens', 'Michiels']."""
    return [w for w in _WOORD.findall(naam) if len(kern(w)) > 1 and kern(w) not in PARTIKELS]


def stukken(naam: str) -> list[tuple[str, str, str]]:
    """Every way one word of a text can be (part of) this name, as (kern, its initials, the
    part it ends with): its parts, and each part with the particles before it glued on ('Van
    den Broeck' -> broeck B., denbroeck D.B., vandenbroeck V.D.B.)."""
    woorden = [(w, kern(w)) for w in _WOORD.findall(naam)]
    uit = []
    for i, (w, k) in enumerate(woorden):
        if k in PARTIKELS or len(k) < 2:
            continue
        uit.append((k, f"{w[0].upper()}.", k))
        begin = i
        while begin > 0 and woorden[begin - 1][1] in PARTIKELS:
            begin -= 1
            run = woorden[begin : i + 1]
            uit.append(("".join(x for _, x in run), "".join(f"{x[0].upper()}." for x, _ in run), k))
    return uit


def initialen(voornaam: str, naam: str) -> str:
    return "".join(f"{x[0].upper()}." for x in [voornaam, *naam.split()] if x and x[0].isalpha())


def _nummers(tekst: str) -> str:
    """Phone, national register and account numbers out of a text that holds no date."""
    tekst = _IBAN.sub(REKENING, tekst)
    tekst = _RIJKSREGISTER.sub(RIJKSREGISTER, tekst)
    return _TELEFOON.sub(_telefoon, tekst)


def _telefoon(m: re.Match[str]) -> str:
    nummer = m.group()
    groepen = [g for g in re.split(r"[ ./-]+", nummer.replace("(", "").replace(")", "")) if g]
    if sum(c.isdigit() for c in nummer) < 9 or any(len(g) < 2 for g in groepen[2:]) or _TIJDEN.fullmatch(nummer):
        return nummer  # short numbers, digits one by one (a score list: 0 1 1 0 2 1 0 1 1) and times stay
    return TELEFOON


class Anonimiseerder:
    """Collects the names of a folder, then removes them from any text."""

    def __init__(self, team: Iterable[str] = ()) -> None:
        self.vervanging: dict[str, str] = {}  # a name part -> what replaces it (of the first person who has it)
        # every person who has a name part, with what replaces that part for them
        self._wie: dict[str, list[tuple[int, str]]] = {}
        self._personen = 0
        self._langste = 0
        # the team's own names stay readable in notes ("overdracht van Els Maes")
        self.team = {kern(deel) for naam in team for deel in delen(naam)}
        self._woorden: dict[str, tuple[str, tuple[tuple[str, ...], frozenset[int]] | None]] = {}
        self._mensen: dict[str, frozenset[int]] = {}
        self._letters: dict[int, str] = {}  # the first letters of each person's name parts

    def namen(self, d: Dossier) -> list[tuple[str, str, int]]:
        """The name parts of one case, each with what replaces it and which of the case's
        people it is (0: the pupil); in order, the pupil's first."""
        uit = self.leerling(d.leerling.voornaam, d.leerling.naam)
        personen = [(b.naam, b.rol.value) for b in d.betrokkenen]
        if d.clb_medewerker:
            personen.append((d.clb_medewerker, "clb"))
        for nummer, (naam, rol) in enumerate(personen, 1):
            uit += [(k, f"({rol})", nummer) for k, _, deel in stukken(naam) if deel not in self.team]
        return uit

    @staticmethod
    def leerling(voornaam: str, naam: str) -> list[tuple[str, str, int]]:
        """The name parts of one pupil, for `voeg`: a case's pupil, or one the register of
        Verslagen names (`leersteun.yaml`), whose name may stand in any note."""
        return [(k, letters, 0) for n in (voornaam, naam) for k, letters, _ in stukken(n)]

    def instellingen(self, instellingen: Instellingen | None) -> Anonimiseerder:
        """Add the people that `leersteun.yaml` names: the pupils of the register of Verslagen
        per school, and each school's standing contacts (a zorgcoördinator, a CLB-medewerker),
        who may stand in any note before a case names them."""
        for school in instellingen.scholen if instellingen is not None else ():
            for v in school.verslagen:
                self.voeg(self.leerling(v.voornaam, v.naam))
            for b in school.betrokkenen:
                self.voeg([(k, f"({b.rol.value})", 0) for k, _, deel in stukken(b.naam) if deel not in self.team])
        return self

    def voeg(self, namen: Iterable[tuple[str, str, int]]) -> None:
        """Add the name parts of one case (`namen`); a part already known keeps what replaces
        it when it stands alone."""
        hoogste = -1
        for sleutel, vervanging, persoon in namen:
            self.vervanging.setdefault(sleutel, vervanging)
            self._wie.setdefault(sleutel, []).append((self._personen + persoon, vervanging))
            self._letters[self._personen + persoon] = self._letters.get(self._personen + persoon, "") + sleutel[0]
            self._langste = max(self._langste, len(sleutel))
            hoogste = max(hoogste, persoon)
        self._personen += hoogste + 1
        self._woorden.clear()
        self._mensen.clear()

    def dossier(self, d: Dossier) -> None:
        self.voeg(self.namen(d))

    def dossiers(self, alle: Iterable[Dossier]) -> Anonimiseerder:
        for d in alle:
            self.dossier(d)
        return self

    def woord(self, woord: str) -> str | None:
        """What replaces one word on its own: a name part, or a word that is nothing but one
        person's name parts glued together ('LottePeeters', 'vanaken'); None for any other word."""
        gevonden = self._woord(woord)[1]
        return None if gevonden is None else self._vervang(*gevonden)

    def _woord(self, woord: str) -> tuple[str, tuple[tuple[str, ...], frozenset[int]] | None]:
        """A word's kern, and the name parts it is made of with the people who have them all
        (None: no name); cached, as many texts share their words."""
        gevonden = self._woorden.get(woord)
        if gevonden is None:
            k = kern(woord)
            wie = self._wie.get(k)
            gevonden = self._woorden[woord] = (
                k,
                ((k,), self._hun(k)) if wie else self._gelijmd(k) or self._kameel(woord) or self._met_initiaal(k) or self._verbogen(k),
            )
        return gevonden

    def _verbogen(self, k: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
        """A name with the ending Dutch gives it: the genitive without apostrophe ('Lottes
        moeder', 'Noahs schrift') and the Flemish diminutive ('Lotteke', 'Finneke', 'Noahtje',
        'Stanneke', 'Lenaatje' with the letter it doubles), the name part before it 3 letters at
        least."""
        for einde in _VERBUIGINGEN:
            if not k.endswith(einde):
                continue
            rest = k[: -len(einde)]
            for deel in (rest, rest[:-1]) if len(rest) >= 4 and rest[-1] == rest[-2] else (rest,):
                if len(deel) >= 3 and deel in self._wie:
                    return (deel,), self._hun(deel)
        return None

    def _gelijmd(self, k: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
        """A word cut into two or more name parts of one person, in as few pieces as
        possible; None when it cannot be cut so. Its time grows with the word's length times
        that of the longest name part, not more."""
        if len(k) < 4:  # two parts are 4 letters at least
            return None
        # from each place that a cut reaches: the fewest pieces to it, and the people they share
        beste: dict[int, tuple[tuple[str, ...], frozenset[int]]] = {0: ((), frozenset())}
        for begin in range(len(k)):
            if begin not in beste:
                continue
            stukken_, wie = beste[begin]
            for eind in range(begin + 2, min(len(k), begin + self._langste) + 1):
                stuk = k[begin:eind]
                if stuk not in self._wie:
                    continue
                samen = self._hun(stuk)
                samen = samen & wie if stukken_ else samen
                if samen and (eind not in beste or len(beste[eind][0]) > len(stukken_) + 1):
                    beste[eind] = ((*stukken_, stuk), samen)
        return beste.get(len(k))

    def _met_initiaal(self, k: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
        """A user name of an initial and a name ('lpeeters', 'peetersl'): the rest a name part
        of 4 letters at least, the initial that of a part of the same person ('stom' stays,
        also beside a Tom Smets)."""
        if len(k) < 5:
            return None
        for letter, rest in ((k[0], k[1:]), (k[-1], k[:-1])):
            if len(rest) >= 4 and rest in self._wie:
                hun = frozenset(p for p in self._hun(rest) if letter in self._letters[p])
                if hun:
                    return (rest,), hun
        return None

    def _hun(self, sleutel: str) -> frozenset[int]:
        """The people who have this name part."""
        hun = self._mensen.get(sleutel)
        if hun is None:
            hun = self._mensen[sleutel] = frozenset(p for p, _ in self._wie[sleutel])
        return hun

    def _kameel(self, woord: str) -> tuple[tuple[str, ...], frozenset[int]] | None:
        """A word written as names with a capital each ('LotteNoah', 'JanKen'): names, also of
        several people; the person of the first replaces it all when they share none."""
        grenzen = [0] + [i for i in range(1, len(woord)) if woord[i].isupper() and not woord[i - 1].isupper()] + [len(woord)]
        stukken_ = [kern(woord[a:b]) for a, b in pairwise(grenzen)]
        if len(stukken_) < 2 or "".join(stukken_) != kern(woord) or not all(s in self._wie for s in stukken_):
            return None
        return tuple(stukken_), frozenset([min(self._hun(stukken_[0]))])

    def _vervang(self, delen_: tuple[str, ...], wie: frozenset[int]) -> str:
        """What replaces a name made of these parts: that of the first person who has them all."""
        persoon = min(wie)
        return _samen(next((v for p, v in self._wie[d] if p == persoon), self.vervanging[d]) for d in delen_)

    def tekst(self, tekst: str) -> str:
        if not tekst:
            return tekst
        if "@" in tekst:
            tekst = _EMAIL.sub(EMAIL, tekst)
        if _CIJFER.search(tekst):
            stukjes, plek = [], 0
            for m in _DATUM.finditer(tekst):  # dates stay as they are; numbers go only between them
                stukjes += [_nummers(tekst[plek : m.start()]), m.group()]
                plek = m.end()
            tekst = "".join(stukjes) + _nummers(tekst[plek:])
        if not self.vervanging:
            return tekst
        uit: list[str] = []
        plek = 0
        woorden = list(_WOORD.finditer(tekst))
        i = 0
        while i < len(woorden):
            w = woorden[i].group()
            k, naam = self._woorden.get(w) or self._woord(w)
            if naam is None and k not in PARTIKELS:
                i += 1  # the common case: an ordinary word
                continue
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
        A name is one person's name parts with only spaces, hyphens or apostrophes between
        them; particles belong to it where that person's name has them before a part
        ("Joris Van Aken", "van Aken"): "de klas van Lotte" keeps its "van"."""
        gevonden: list[str] = []
        wie: frozenset[int] = frozenset()
        laatste = None
        j = i
        while j < len(woorden):
            if j > i and not _TUSSEN_NAAM.fullmatch(tekst[woorden[j - 1].end() : woorden[j].start()]):
                break
            stap = self._stuk_vanaf(tekst, woorden, j)
            if stap is None:
                break
            tot, delen_, hun = stap
            samen = hun & wie if gevonden else hun
            if not samen:
                break  # another person's name begins here
            gevonden += delen_
            wie, laatste, j = samen, tot, tot + 1
        if laatste is None:
            return i, None
        return laatste, self._vervang(tuple(gevonden), wie)

    def _stuk_vanaf(self, tekst: str, woorden: list[re.Match[str]], j: int) -> tuple[int, tuple[str, ...], frozenset[int]] | None:
        """The name part at word j (its last word, its parts, its people): a name word, or
        particles with the part after them as one person's name has them ('Van Aken')."""
        sleutel, naam = self._woord(woorden[j].group())
        if sleutel not in PARTIKELS:
            return None if naam is None else (j, *naam)
        for tot in range(j + 1, min(j + 4, len(woorden))):
            if not _TUSSEN_NAAM.fullmatch(tekst[woorden[tot - 1].end() : woorden[tot].start()]):
                return None
            k = self._woord(woorden[tot].group())[0]
            sleutel += k
            if sleutel in self._wie:
                return tot, (sleutel,), self._hun(sleutel)
            if k not in PARTIKELS:
                return None
        return None


def _samen(vervangingen: Iterable[str]) -> str:
    """One replacement for one name: initials together ('L.P.'), a role once."""
    uit = ""
    for v in vervangingen:
        if not uit or (uit.endswith(".") and v.endswith(".")):
            uit += v
        elif not uit.endswith(v):
            uit += " " + v
    return uit
