"""Column widths for tables in the terminal: no word cut, short cells whole, the widest
column giving way first. Used by the overview (`formats.als_tabel`), the lists, the agenda,
one case (`weergave`) and the school year's table; `OpMaat` makes a table at the width it is
printed at."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

HEEL = 18  # characters: a cell this short (a name, a date, an id) is not wrapped when it can be helped


def breedtes(vloer: list[int], natuurlijk: list[int], breedte: int | None) -> list[int] | None:
    """Column widths for a table of `breedte` characters (columns 3 apart) in which no word
    is cut: from the width each column would take on one line, the widest column gives up a
    character until the table fits, none below its floor (its longest word, or all of a short
    cell); each its one-line width where all fits. Given widths also spare rich measuring
    every cell (seconds for thousands of rows). None where not even the floors fit: rich
    then cuts a word, the last resort."""
    gegeven = [max(n, m) for n, m in zip(natuurlijk, vloer)]
    if breedte is None:
        return gegeven
    ruimte = breedte - 3 * (len(vloer) - 1)
    if sum(vloer) > ruimte:
        return None
    for _ in range(sum(gegeven) - ruimte):
        j = max((j for j in range(len(gegeven)) if gegeven[j] > vloer[j]), key=lambda j: gegeven[j])
        gegeven[j] -= 1
    return gegeven


def langste_woord(teksten: Iterable[str]) -> int:
    """The widest word of `teksten`, in terminal cells: a column's floor when words may not
    be cut."""
    from rich.cells import cell_len

    return max((cell_len(w) for t in teksten for w in t.split()), default=0)


def op_een_regel(teksten: Iterable[str]) -> int:
    """The widest of `teksten` on one line, in terminal cells."""
    from rich.cells import cell_len

    return max((cell_len(t) for t in teksten), default=0)


VAST, NAAM, TEKST = "vast", "naam", "tekst"  # kinds of column for `verdeel`
PLOOI = 12  # characters: a free text's floor when even its longest word does not fit (a link)


def verdeel(kolommen: list[list[str]], soorten: list[str], breedte: int | None, tussen: int = 3, namen_breken: bool = True) -> list[int] | None:
    """Widths for a table of `breedte` characters whose columns (each a list of its cells,
    the header included) are `vast` (a date, a state, an id, a role: always whole), `naam` (a
    name, a contact: whole where it can be, else wrapped between words) or `tekst` (wrapped
    between words). First every name whole and no word cut; where that does not fit, a word
    longer than PLOOI in a text (a link) is folded over lines; only then names wrap between
    words (not with `namen_breken` False). None where even that does not fit (rich's last
    resort, or another layout). `tussen`: the characters between two columns."""
    natuurlijk = [op_een_regel(k) for k in kolommen]
    woord = [langste_woord(k) for k in kolommen]
    pogingen = [
        [n if s != TEKST else w for n, w, s in zip(natuurlijk, woord, soorten)],
        [n if s != TEKST else min(w, PLOOI) for n, w, s in zip(natuurlijk, woord, soorten)],
        [n if s == VAST else min(w, PLOOI) if s == TEKST else w for n, w, s in zip(natuurlijk, woord, soorten)],
    ]
    for vloer in pogingen if namen_breken else pogingen[:2]:
        gegeven = breedtes(vloer, natuurlijk, None if breedte is None else breedte + (3 - tussen) * (len(kolommen) - 1))
        if gegeven is not None:
            return gegeven
    return None


class OpMaat:
    """A renderable made when it is printed, at the width it gets there (the terminal's, or
    what a container leaves): `maak(breedte)` gives the table for that width."""

    def __init__(self, maak: Callable[[int], Any]) -> None:
        self.maak = maak

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.maak(options.max_width)


def of_rich(gegeven: list[int] | None, aantal: int) -> list[int | None]:
    """The widths `verdeel` gave, or None for each of `aantal` columns: rich decides (the last
    resort)."""
    return list(gegeven) if gegeven is not None else [None] * aantal
