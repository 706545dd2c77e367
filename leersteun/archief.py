"""Retention: closed cases past the retention period set in leersteun.yaml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from leersteun.model import Dossier, Fase


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
