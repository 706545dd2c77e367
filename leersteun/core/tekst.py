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
