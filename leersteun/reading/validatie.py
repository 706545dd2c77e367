"""`leersteun valideer`: collect the findings of the settings and of every case asked for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leersteun.core.errors import Bevinding, Fout
from leersteun.files.schijf import toon
from leersteun.reading.dossiers import context, lees_dossier, lees_instellingen
from leersteun.reading.folder import INSTELLINGEN, Dossiermap, dubbele_ids, is_dossiernaam, vandaag, vind_map
from leersteun.rules.checks import Context
from leersteun.rules.model import Dossier


@dataclass
class Resultaat:
    bestanden: int = 0
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def fouten(self) -> int:
        return sum(b.is_fout for b in self.bevindingen)

    @property
    def waarschuwingen(self) -> int:
        return len(self.bevindingen) - self.fouten

    def als_dict(self) -> dict:
        return {
            "bestanden": self.bestanden,
            "fouten": self.fouten,
            "waarschuwingen": self.waarschuwingen,
            "bevindingen": [b.als_dict() for b in self.bevindingen],
        }

    def samenvatting(self) -> str:
        bestanden = f"{self.bestanden} bestand{'en' if self.bestanden != 1 else ''} gecontroleerd"
        if not self.bevindingen:
            return f"{bestanden}: alles in orde."
        delen = []
        if self.fouten:
            delen.append(f"{self.fouten} fout{'en' if self.fouten != 1 else ''}")
        if self.waarschuwingen:
            delen.append(f"{self.waarschuwingen} waarschuwing{'en' if self.waarschuwingen != 1 else ''}")
        return f"{bestanden}: {' en '.join(delen)}."


def _bestanden(paden: list[Path], map_optie: Path | None) -> tuple[Dossiermap | None, list[Path]]:
    map_: Dossiermap | None
    if not paden:
        map_ = vind_map(map_optie)
        return map_, [map_.instellingen_pad, *map_.case_bestanden()]
    gevonden: list[Path] = []
    for pad in paden:
        if pad.is_dir():
            if (pad / INSTELLINGEN).is_file():
                sub = Dossiermap(pad)
                gevonden += [sub.instellingen_pad, *sub.case_bestanden()]
            else:
                gevonden += sorted(p for p in pad.iterdir() if is_dossiernaam(p.name) and p.is_file())
        elif pad.exists():
            gevonden.append(pad)
        else:
            raise Fout(f"{pad} bestaat niet.")
    try:
        map_ = vind_map(map_optie)
    except Fout:
        map_ = None
    return map_, gevonden


def valideer(paden: list[Path], map_optie: Path | None = None) -> Resultaat:
    map_, bestanden = _bestanden(paden, map_optie)
    resultaat = Resultaat(bestanden=len(bestanden))
    inst = lees_instellingen(map_)[0] if map_ is not None else None  # for the team check
    ctx = context(vandaag(), inst)
    for pad in bestanden:
        if pad.name == INSTELLINGEN:
            resultaat.bevindingen += lees_instellingen(Dossiermap(pad.parent))[1]
    gevallen = [p for p in bestanden if p.name != INSTELLINGEN]
    if not paden and map_ is not None:  # the whole folder: the fast path
        resultaat.bevindingen += _hele_map(map_, ctx)
    elif map_ is not None and len(gevallen) > 20 and all(_in_cases(p, map_) for p in gevallen):
        # many cases of the folder (a hook after a rollover): the fast path for just those
        resultaat.bevindingen += _hele_map(map_, ctx, {map_.cases / p.name for p in gevallen})
    else:
        dubbel = dubbele_ids([p for p in bestanden if p.name != INSTELLINGEN])
        for p in bestanden:
            if p.name == INSTELLINGEN:
                continue
            if p in dubbel:
                resultaat.bevindingen.append(Bevinding(toon(p), 1, 1, dubbel[p]))
            resultaat.bevindingen += lees_dossier(p, ctx).bevindingen
    return resultaat


def _in_cases(pad: Path, map_: Dossiermap) -> bool:
    try:
        return pad.resolve().parent == map_.cases.resolve() and (map_.cases / pad.name).is_file()
    except OSError:
        return False


def _hele_map(map_: Dossiermap, ctx: Context, alleen: set[Path] | None = None) -> list[Bevinding]:
    """All cases through the fast path, on every core for a large folder. A case with a
    warning is read again through the round trip, for the exact positions: in the process
    that read it, so that this slow part is shared too."""
    from leersteun.reading.snel import lees_alle
    from leersteun.rules.checks import DOSSIER_REGELS

    def bevindingen(pad: Path, dossier: Dossier) -> list[Bevinding]:
        meldingen = [m for regel in DOSSIER_REGELS for m in regel(dossier, ctx.voor(pad))]
        return _geplaatst(pad, meldingen, ctx) if meldingen else []

    uit: list[Bevinding] = []
    for g in lees_alle(map_, ctx, stap=bevindingen, alleen=alleen):
        uit += g.fouten or g.uitkomst or []
    return uit


def _geplaatst(pad: Path, meldingen: list, ctx: Context) -> list[Bevinding]:
    """A valid case's warnings at their positions, as `lees_dossier` gives them: from the
    nodes of the C parser (1 ms), or through the round trip (9 ms) where that cannot be."""
    from leersteun.files.store import Knopen

    try:
        knopen = Knopen.van(pad.read_bytes())  # the fast path took this file: a plain one
    except OSError:  # changed meanwhile: the round trip says what it is now
        knopen = None
    if knopen is None:
        return lees_dossier(pad, ctx).bevindingen
    plekken = [knopen.positie(loc) for loc, _, _ in meldingen]
    geplaatst = [plek for plek in plekken if plek is not None]
    if len(geplaatst) < len(plekken):  # at an empty value: there the parsers differ
        return lees_dossier(pad, ctx).bevindingen
    getoond = toon(pad)
    uit = [Bevinding(getoond, regel, kolom, boodschap, ernst) for (regel, kolom), (_, boodschap, ernst) in zip(geplaatst, meldingen)]
    return sorted(uit, key=lambda b: (b.regel, b.kolom))
