"""Column widths for tables in the terminal: no word cut, short cells whole, the widest
column giving way first. Used by the overview (`formats.als_tabel`) and the lists and the
agenda (`weergave`)."""

from __future__ import annotations

from collections.abc import Iterable

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
