"""Retention: closed cases past the retention period set in leersteun.yaml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leersteun.rules.model import Dossier, Fase


@dataclass
class TeArchiveren:
    id: str
    pad: Path
    afgesloten_op: dt.date
    bewaren_tot: dt.date


def afgesloten_op(d: Dossier) -> dt.date | None:
    """When the case was (last) closed: its last history entry in fase afgesloten."""
    datums = [g.datum for g in d.geschiedenis if g.fase == Fase.afgesloten]
    if datums:
        return max(datums)
    eindes = [t.einde for t in d.trajecten if t.einde]
    return max(eindes) if eindes else None


def plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def te_archiveren(gevallen: Iterable[tuple[Path, Dossier]], jaren: int, vandaag: dt.date) -> list[TeArchiveren]:
    uit = []
    for pad, d in gevallen:
        if d.fase != Fase.afgesloten:
            continue
        gesloten = afgesloten_op(d)
        if gesloten is None:
            continue
        tot = plus_jaren(gesloten, jaren)
        if tot < vandaag:
            uit.append(TeArchiveren(d.id, pad, gesloten, tot))
    return sorted(uit, key=lambda x: (x.afgesloten_op, x.id))


def te_archiveren_in(map_: Any) -> tuple[int, list[TeArchiveren], list[Any]]:
    """The retention period of the folder, its closed cases past it, and the files that could
    not be read (refused without a period in leersteun.yaml)."""
    from leersteun.reading import dossiers
    from leersteun.core.errors import Fout
    from leersteun.reading.folder import vandaag

    inst = dossiers.instellingen(map_)
    if inst.bewaartermijn_jaren is None:
        raise Fout("Er is geen bewaartermijn: zet 'bewaartermijn_jaren: N' in leersteun.yaml (het aantal jaren na het afsluiten).")
    alle = dossiers.alle(map_)
    lijst = te_archiveren(((g.pad, g.dossier) for g in alle if g.dossier), inst.bewaartermijn_jaren, vandaag())
    return inst.bewaartermijn_jaren, lijst, [g for g in alle if g.fouten]


def verwijder(map_: Any, lijst: list[TeArchiveren]) -> None:
    """Delete the files, under the folder's write lock (no command writes one meanwhile)."""
    from leersteun.files.schijf import schrijfslot

    with schrijfslot(map_.cases):
        for x in lijst:
            x.pad.unlink()
