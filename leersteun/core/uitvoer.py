"""Text for an output that cannot show every character (a Windows console or a redirected
output in the legacy code page, cp1252): what has a plain equivalent gets it (→ becomes ->,
a bar █ becomes #), anything else a '?', never a crash. On UTF-8 nothing changes."""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

VERVANGING = {
    "→": "->", "←": "<-", "↔": "<->", "›": ">", "‹": "<", "…": "...", "—": "-", "–": "-", "•": "*", "·": ".",
    "✓": "v", "✔": "v", "✗": "x", "✘": "x", "█": "#", "▓": "*", "▒": "=", "░": "-", "│": "|", "┃": "|",
    "─": "-", "━": "-", "┼": "+", "╇": "+", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
    "┬": "+", "┴": "+", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}  # fmt: skip
FOUTAFHANDELING = "leersteun"


def _vervang(fout: UnicodeError) -> tuple[str, int]:
    if not isinstance(fout, UnicodeEncodeError):
        raise fout
    stuk = fout.object[fout.start : fout.end]
    return "".join(VERVANGING.get(c, "?") for c in stuk), fout.end


codecs.register_error(FOUTAFHANDELING, _vervang)


def kan_tonen(tekst: str, stroom: TextIO | None = None) -> bool:
    """Can this output show `tekst` as it is?"""
    codering = getattr(stroom if stroom is not None else sys.stdout, "encoding", None) or "utf-8"
    try:
        tekst.encode(codering)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def vriendelijk(*stromen: TextIO) -> None:
    """Make outputs that are not UTF-8 replace what they cannot show (see VERVANGING)."""
    for stroom in stromen:
        codering = (getattr(stroom, "encoding", None) or "").lower().replace("-", "")
        if codering and codering != "utf8" and hasattr(stroom, "reconfigure"):
            try:
                stroom.reconfigure(errors=FOUTAFHANDELING)
            except (ValueError, OSError):
                pass
