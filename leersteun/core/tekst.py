"""Comparing text as people write it: without capitals and accents ('Nóah' is 'noah'), and for
fixed values also without regard to spaces, '-' and '_' ('Doelen bereikt' is 'doelen-bereikt').
Pure functions, no dependencies: used by the search for a case, --anoniem, the CLI's choices
and the prompts."""

from __future__ import annotations

import re
import unicodedata

# A line that git left behind in a file after a merge it could not finish.
CONFLICTTEKEN = r"^(?:<<<<<<<|=======|>>>>>>>)(?: |$)"


def normaal(tekst: str) -> str:
    """Without accents and capitals, trimmed."""
    zonder = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in zonder if not unicodedata.combining(c)).casefold().strip()


def keuze(tekst: str) -> str:
    """A fixed value as typed: normaal, with '-' as the one separator."""
    return re.sub(r"[\s_-]+", "-", normaal(tekst))


def label(code: object) -> str:
    """A fixed value as people read it: doelen_bereikt is 'doelen bereikt' (the file keeps
    the code)."""
    return str(getattr(code, "value", code)).replace("_", " ")


def bevat(veld: str | None, gezocht: str) -> bool:
    """Does a field contain what was typed ('klimop' is in 'Basisschool De Klimop')?"""
    return bool(veld) and normaal(gezocht) in normaal(veld or "")


# ---------------------------------------------------------------------------- untrusted characters

# Characters that are not text a person means: controls (\t and, in free text, \n aside), the
# invisible format characters (Unicode category Cf: the soft hyphen, zero-width characters,
# bidi controls, the byte order mark, tag characters), line and paragraph separators, lone
# surrogates and noncharacters (U+FDD0-U+FDEF and the last two code points of every plane,
# such as U+FFFF). They make a name look the same and compare different ('Lot\u00adte' is not
# 'Lotte' to a search), hide or reorder text, or break the files made from a case (xlsx).
_KANDIDAAT = re.compile("[^\x20-\x7e\u00a0-\u00ac\u00ae-\u05ff]")  # the rest is fine at a glance
_NAMEN = {
    "\u00ad": "een zacht afbreekstreepje",
    "\u200b": "een spatie zonder breedte",
    "\u200c": "een scheiding zonder breedte",
    "\u200d": "een verbinding zonder breedte",
    "\u2060": "een woordverbinding zonder breedte",
    "\ufeff": "een bytevolgordeteken (BOM)",
}
_CATEGORIE = {
    "Cc": "een stuurteken",
    "Cf": "een onzichtbaar opmaakteken",
    "Cs": "een los surrogaatteken",
    "Zl": "een regelscheiding",
    "Zp": "een alineascheiding",
}


def geen_teken(c: str) -> bool:
    """A Unicode noncharacter: U+FDD0-U+FDEF, and U+FFFE and U+FFFF of every plane."""
    o = ord(c)
    return 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE


def onbetrouwbaar(tekst: str, regels: bool = True) -> int | None:
    """The position of the first character that cannot be trusted in text (see above), or
    None. With `regels` False (a name), a tab and a line break count as well."""
    for m in _KANDIDAAT.finditer(tekst):
        c = m.group()
        if c in "\t\n":
            if regels:
                continue
            return m.start()
        if unicodedata.category(c) in _CATEGORIE or geen_teken(c):
            return m.start()
    return None


def teken_uitleg(c: str) -> str:
    """What a refused character is, for a message: 'een zacht afbreekstreepje (U+00AD)'."""
    if c in _NAMEN:
        soort = _NAMEN[c]
    elif geen_teken(c):
        soort = "een niet-teken"
    elif "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" or c in "\u200e\u200f\u061c":
        soort = "een richtingsteken"
    else:
        soort = _CATEGORIE.get(unicodedata.category(c), "een onzichtbaar teken")
    return f"{soort} (U+{ord(c):04X})"


# ---------------------------------------------------------------------------- a date that does not exist

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def bestaat_niet(jaar: int, maand: int, dag: int) -> str | None:
    """Why a date in the right form does not exist ('februari 2027 heeft 28 dagen', 'er is
    geen maand 13'), or None when it does: for the dates of a file and those typed."""
    import calendar

    if not 1 <= maand <= 12:
        return f"er is geen maand {maand}"
    dagen = calendar.monthrange(jaar, maand)[1]
    if not 1 <= dag <= dagen:
        return f"{MAANDEN[maand - 1]} {jaar} heeft {dagen} dagen"
    return None
