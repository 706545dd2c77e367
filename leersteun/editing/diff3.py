"""Lines of text merged three ways, and git's conflict markers.

`drieweg` is the classic diff3 merge (as in GNU diff3 and bzr's merge3): the regions where
both sides kept the base, where one side changed it, where both made the same change, and
where they made different changes (a conflict). leersteun uses it for what is not a case's
data: the layout and comments of the other side after a merge by field, and files that are
no case (leersteun.yaml, a template).

`met_tekens` writes two versions of a file as one, with markers around the lines that
differ; `splits` gives the two versions back (git's own markers and its diff3 style too).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from leersteun.core.tekst import CONFLICTTEKEN

MIJN = "<<<<<<< mijn versie"
BASIS = "||||||| basis"
MIDDEN = "======="
HUN = ">>>>>>> hun versie"
_TEKEN = re.compile(CONFLICTTEKEN, re.M)


def regels(tekst: str) -> list[str]:
    """A text as lines with their endings; the last line gets one when it has none."""
    uit = tekst.splitlines(keepends=True)
    if uit and not uit[-1].endswith(("\n", "\r")):
        uit[-1] += "\n"
    return uit


def _gelijk(o: list[str], x: list[str]) -> list[tuple[int, int, int]]:
    return [(m.a, m.b, m.size) for m in difflib.SequenceMatcher(None, o, x, autojunk=False).get_matching_blocks()]


def _synchroon(o: list[str], a: list[str], b: list[str]) -> list[tuple[int, int, int, int, int, int]]:
    """The stretches of the base that both sides kept, as (o1, o2, a1, a2, b1, b2)."""
    am, bm = _gelijk(o, a), _gelijk(o, b)
    ia = ib = 0
    uit = []
    while ia < len(am) and ib < len(bm):
        abasis, a_pos, alen = am[ia]
        bbasis, b_pos, blen = bm[ib]
        begin, einde = max(abasis, bbasis), min(abasis + alen, bbasis + blen)
        if begin < einde:
            uit.append((begin, einde, a_pos + begin - abasis, a_pos + einde - abasis, b_pos + begin - bbasis, b_pos + einde - bbasis))
        if abasis + alen < bbasis + blen:
            ia += 1
        else:
            ib += 1
    uit.append((len(o), len(o), len(a), len(a), len(b), len(b)))
    return uit


@dataclass(frozen=True)
class Stuk:
    """One region of a three-way merge: 'gelijk' (nobody changed it), 'a' or 'b' (one side
    changed it), 'beide' (the same change), 'conflict' (different changes)."""

    soort: str
    basis: list[str]
    a: list[str]
    b: list[str]


def drieweg(o: list[str], a: list[str], b: list[str]) -> list[Stuk]:
    stukken: list[Stuk] = []
    io = ia = ib = 0
    for o1, o2, a1, a2, b1, b2 in _synchroon(o, a, b):
        if a1 > ia or b1 > ib or o1 > io:
            ba, bb, bo = a[ia:a1], b[ib:b1], o[io:o1]
            if ba == bb:
                soort = "beide" if ba != bo else "gelijk"
            elif ba == bo:
                soort = "b"
            elif bb == bo:
                soort = "a"
            else:
                soort = "conflict"
            stukken.append(Stuk(soort, bo, ba, bb))
        if o2 > o1:
            stukken.append(Stuk("gelijk", o[o1:o2], a[a1:a2], b[b1:b2]))
        io, ia, ib = o2, a2, b2
    return stukken


def samen(o: str, a: str, b: str, bij_conflict: str | None = None) -> tuple[str, bool]:
    """The three-way merge of three texts: (text, clean). A conflict is written with markers,
    or as side `bij_conflict` ('a' or 'b', or 'a+opmerkingen': a with b's own comment lines)
    when given (then the result counts as not clean)."""
    uit: list[str] = []
    schoon = True
    for stuk in drieweg(regels(o), regels(a), regels(b)):
        if stuk.soort in ("gelijk", "a", "beide"):
            uit += stuk.a
        elif stuk.soort == "b":
            uit += stuk.b
        else:
            schoon = False
            if bij_conflict == "a+opmerkingen":
                uit += _met_opmerkingen_van_b(stuk.a, stuk.b)
            elif bij_conflict == "a":
                uit += stuk.a
            elif bij_conflict == "b":
                uit += stuk.b
            else:
                uit += [MIJN + "\n", *stuk.a, BASIS + "\n", *stuk.basis, MIDDEN + "\n", *stuk.b, HUN + "\n"]
    return "".join(uit), schoon


def _is_opmerking(regel: str) -> bool:
    kern = regel.strip()
    return not kern or kern.startswith("#")


def _met_opmerkingen_van_b(a: list[str], b: list[str]) -> list[str]:
    """A conflicting region as side a has it, with the comment lines (and blank lines) that
    only side b has, where b has them: two people who each typed a comment at one spot keep
    both."""
    uit: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        uit += a[i1:i2]
        if tag not in ("insert", "replace"):
            continue
        if all(_is_opmerking(r) for r in b[j1:j2]):
            uit += b[j1:j2]
        else:  # b changed a line here too (which a decides): its comment lines beside it stay
            uit += [r for r in b[j1:j2] if r.strip().startswith("#") and r not in a]
    return uit


def met_tekens(mijn: str, hun: str) -> str:
    """Both versions in one file, git's markers around the lines where they differ."""
    m, h = regels(mijn), regels(hun)
    uit: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, m, h, autojunk=False).get_opcodes():
        if tag == "equal":
            uit.extend(m[i1:i2])
        else:
            uit += [MIJN + "\n", *m[i1:i2], MIDDEN + "\n", *h[j1:j2], HUN + "\n"]
    return "".join(uit)


def heeft_tekens(tekst: str) -> bool:
    return _TEKEN.search(tekst) is not None


def splits(tekst: str) -> tuple[str, str] | None:
    """The two versions in a file with conflict markers (None without markers, or with markers
    that do not pair up). Accepts git's own markers too (`<<<<<<< HEAD`), and its diff3 style
    (the base part is dropped)."""
    if not heeft_tekens(tekst):
        return None
    mijn: list[str] = []
    hun: list[str] = []
    deel = "beide"
    for regel in tekst.splitlines(keepends=True):
        if regel.startswith("<<<<<<<") and deel == "beide":
            deel = "mijn"
        elif regel.startswith("|||||||") and deel == "mijn":
            deel = "basis"
        elif regel.rstrip("\r\n") == MIDDEN and deel in ("mijn", "basis"):
            deel = "hun"
        elif regel.startswith(">>>>>>>") and deel == "hun":
            deel = "beide"
        elif deel == "beide":
            mijn.append(regel)
            hun.append(regel)
        elif deel == "mijn":
            mijn.append(regel)
        elif deel == "hun":
            hun.append(regel)
    if deel != "beide":
        return None
    return "".join(mijn), "".join(hun)
