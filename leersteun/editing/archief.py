"""Retention: closed cases past the retention period set in leersteun.yaml; and a case made
by mistake, removed while it was never shared with the team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import Fout
from leersteun.rules.afsluiting import afgesloten_op as _afgesloten_op
from leersteun.rules.model import Dossier, Fase

if TYPE_CHECKING:
    from leersteun.editing.wijziging import Wijziging
    from leersteun.reading.folder import Dossiermap
    from leersteun.reading.snel import Gelezen
    from leersteun.rules.checks import Context


@dataclass
class TeArchiveren:
    id: str
    pad: Path
    afgesloten_op: dt.date
    bewaren_tot: dt.date


def afgesloten_op(d: Dossier) -> dt.date | None:
    """When the case was (last) closed: the history line where it last entered fase
    afgesloten (a closing entered late counts from its own date), else its last traject's end."""
    dag = _afgesloten_op(d)
    if dag is not None:
        return dag
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
    from leersteun.reading.folder import vandaag

    inst = dossiers.instellingen(map_)
    if inst.bewaartermijn_jaren is None:
        raise Fout("Er is geen bewaartermijn: zet 'bewaartermijn_jaren: N' in leersteun.yaml (het aantal jaren na het afsluiten).")
    ctx = dossiers.context(vandaag(), inst)  # the command's one context: the rules and the period judge by the same day
    alle = dossiers.alle(map_, ctx)
    lijst = te_archiveren(((g.pad, g.dossier) for g in alle if g.dossier), inst.bewaartermijn_jaren, ctx.vandaag)
    return inst.bewaartermijn_jaren, lijst, [g for g in alle if g.fouten]


def verwijder(map_: Any, lijst: list[TeArchiveren]) -> None:
    """Delete the files, under the folder's write lock (no command writes one meanwhile)."""
    from leersteun.files.schijf import schrijfslot

    with schrijfslot(map_.cases):
        for x in lijst:
            x.pad.unlink()


# ---------------------------------------------------------------------------- a case made by mistake


@dataclass
class Verwijdering:
    """A case to remove, checked: the change (the file, and the link in the case it followed)
    and what to tell the user."""

    id: str
    leerling: str
    wijziging: Wijziging
    meldingen: list[str]
    te_committen: list[Path]


def gedeeld_in(map_: Dossiermap, pad: Path) -> str | None:
    """The newest commit that the team's repository has (a remote-tracking branch holds it)
    and that changed this file, as 'commit abc1234 van 12-11-2026 staat in origin/main'; None
    when the file never reached the team (or the folder is no git repository)."""
    from leersteun.core import datums
    from leersteun.files.git import is_repo, uit

    if not is_repo(map_.pad):
        return None
    rel = pad.relative_to(map_.pad).as_posix()
    regel = uit(map_.pad, "log", "--remotes", "-1", "--format=%h%x1f%ad%x1f%D", "--date=short", "--", rel)
    if not regel:
        return None
    commit, datum, *_ = regel.split("\x1f")
    takken = uit(map_.pad, "branch", "-r", "--contains", commit, "--format=%(refname:short)").split()
    waar = f" staat in {', '.join(takken[:3])}" if takken else " staat in de repository van het team"
    return f"commit {commit} van {datums.kort(dt.date.fromisoformat(datum))}{waar}"


def _in_git(map_: Dossiermap, pad: Path) -> bool:
    """Does git know this file (tracked, or in a commit of this clone)?"""
    from leersteun.files.git import is_repo, uit

    if not is_repo(map_.pad):
        return False
    rel = pad.relative_to(map_.pad).as_posix()
    return bool(uit(map_.pad, "ls-files", "--", rel) or uit(map_.pad, "log", "--all", "-1", "--format=%h", "--", rel))


def _gedeeld_uitleg(d: Dossier, waar: str, bewaartermijn: int | None) -> str:
    """Why a shared case stays, and the way out: close it, then retention removes it."""
    if d.fase in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning):
        sluit = f"Sluit het af: 'leersteun fase {d.id} afgesloten --reden andere --notitie \"per vergissing aangemaakt\"'. "
    elif d.fase == Fase.heropstart:
        sluit = f"Sluit het af: 'leersteun fase {d.id} afgesloten --notitie \"per vergissing heropgestart\"'. "
    else:
        sluit = "Het is al afgesloten. "
    termijn = (
        f"Na de bewaartermijn ({bewaartermijn} jaar na het afsluiten) verwijdert 'leersteun archief --verwijder' het, bij iedereen."
        if bewaartermijn is not None
        else "Na de bewaartermijn verwijdert 'leersteun archief --verwijder' het, bij iedereen; zet die termijn eerst in leersteun.yaml (bewaartermijn_jaren: N)."
    )
    return (
        f"Dossier {d.id} is al gedeeld met het team ({waar}) en wordt niet verwijderd: wat gedeeld is, staat ook bij "
        f"je collega's en in de geschiedenis van het team. Er is niets gewijzigd. {sluit}{termijn}"
    )


def verwijdering(map_: Dossiermap, gelezen: Gelezen, ctx: Context, bewaartermijn: int | None = None) -> Verwijdering:
    """Check that a case can be removed, and collect the removal: refused (`Fout`) once the
    case reached the team's repository, or while another case followed it (`nieuw
    --vanuit`). The case it followed loses its link (`volgend_dossier`) in the same change:
    every file or none."""
    from leersteun.editing.wijziging import Wijziging
    from leersteun.files.schijf import toon
    from leersteun.reading import dossiers

    d = gelezen.dossier
    assert d is not None and gelezen.bestand is not None
    waar = gedeeld_in(map_, gelezen.pad)
    if waar is not None:
        raise Fout(_gedeeld_uitleg(d, waar, bewaartermijn))
    w = Wijziging(map_, f"dossier {d.id} verwijderen")
    meldingen = [f"Dossier {d.id} ({d.leerling.volledige_naam}) is verwijderd: {toon(gelezen.pad)}."]
    te_committen = [gelezen.pad] if _in_git(map_, gelezen.pad) else []
    for ander in dossiers.alle(map_, ctx):
        a = ander.dossier
        if a is None and _verwijst_naar(ander.pad, d.id):
            raise Fout(
                f"{toon(ander.pad)} verwijst naar {d.id}, maar is niet geldig, zodat leersteun die verwijzing niet kan weghalen. "
                f"Verbeter het eerst ('leersteun valideer {toon(ander.pad)}'), en verwijder dan opnieuw. Er is niets gewijzigd."
            )
        if a is None or a.id == d.id:
            continue
        if a.vorig_dossier == d.id:
            raise Fout(
                f"Dossier {a.id} volgt op {d.id} ('nieuw --vanuit'): verwijder eerst {a.id} als ook dat een vergissing is, "
                "of laat beide staan. Er is niets gewijzigd."
            )
        if a.volgend_dossier == d.id:
            vorig = dossiers.lees_dossier(ander.pad, ctx)
            meldingen += w.bewerk(vorig, ctx, lambda data, _v, a=a: _ontkoppel(data, a.id, d.id))
            te_committen.append(ander.pad)
    w.weg(gelezen.pad, gelezen.bestand.ruw)
    if gelezen.pad in te_committen:
        meldingen.append(
            f"{d.id} stond al in een commit op deze computer, nog niet gedeeld: die commit blijft in de git-geschiedenis van "
            "deze kloon, en gaat met de verwijdering erna mee bij 'leersteun delen'."
        )
    return Verwijdering(d.id, d.leerling.volledige_naam, w, meldingen, te_committen)


def _verwijst_naar(pad: Path, dossier_id: str) -> bool:
    """Does a file that cannot be read as a case still name `dossier_id` as a linked case?"""
    import re

    from leersteun.files.schijf import MAX_GROOTTE

    try:
        with open(pad, "rb") as f:
            tekst = f.read(MAX_GROOTTE).decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(rf"^\s*(vorig|volgend)_dossier\s*:\s*['\"]?{re.escape(dossier_id)}['\"]?\s*(#.*)?$", tekst, re.M) is not None


def _ontkoppel(data: Any, vorig_id: str, weg_id: str) -> list[str]:
    """The case a removed one followed no longer points to it: as before 'nieuw --vanuit'."""
    del data["volgend_dossier"]
    return [f"Dossier {vorig_id} verwijst niet meer naar {weg_id}."]
