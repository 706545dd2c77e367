"""`leersteun conflict`: the questions a merge left in a case, asked and answered.

A case with questions holds both versions between git's conflict markers ("mijn versie",
"hun versie"). `Conflict` rebuilds both, lists the places where they differ as questions
(`Keuze`), a unit's places as one question (the class with its school year, the phase with
its traject), each value shown whole, and writes the chosen version. Entries one side added
are never a question: they are in both versions. When every question is answered, the history
gets one line that says what was chosen, so it agrees with the data.

Besides: a case both sides created (the same pupil: one question about the whole case; two
pupils under one id: mine gets the next free id) and a case one side removed while the other
changed it (keep it, or let it go). `zoek_conflict` finds them all in a folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leersteun.core import datums
from leersteun.core.errors import Bevinding, Fout
from leersteun.core.tekst import normaal
from leersteun.editing.diff3 import met_tekens, splits
from leersteun.editing.merge import EENHEDEN, _bestand, fouten_in, leerling_van, zet_pad
from leersteun.files.git import git, git_bytes, is_repo, ok, uit
from leersteun.files.schijf import lees_tekst, schrijf_atomisch, schrijfslot, toon
from leersteun.files.store import YamlBestand, gewoon, nieuwe_tekst, ontleed
from leersteun.reading.folder import Dossiermap
from leersteun.rules.checks import Context
from leersteun.rules.identiteit import ONTBREEKT, Item, Pad, haal, lijstnaam, sleutels, toon_pad

__all__ = ["Conflict", "Keuze", "toon_waarde", "verschillen", "zoek_conflict", "schrijf_keuze", "Conflictdossier", "Verwijderd"]


def _g(node: Any) -> Any:
    return node if node is ONTBREEKT else gewoon(node)


def verschillen(mijn: Any, hun: Any, pad: Pad = ()) -> list[Pad]:
    """Every place where two versions differ, as deep as the same shape allows; list entries
    by identity (an entry in one version only is one place)."""
    gm, gh = _g(mijn), _g(hun)
    if gm == gh:
        return []
    if isinstance(mijn, dict) and isinstance(hun, dict):
        sleutels_ = list(mijn) + [k for k in hun if k not in mijn]
        return [p for k in sleutels_ for p in verschillen(mijn.get(k, ONTBREEKT), hun.get(k, ONTBREEKT), (*pad, k))]
    if isinstance(mijn, list) and isinstance(hun, list) and any(isinstance(x, (dict, list)) for x in [*gm, *gh]):
        naam = lijstnaam(pad)
        km, kh = sleutels(naam, mijn), sleutels(naam, hun)
        in_h = dict(zip(kh, hun))
        uit = [p for k, x in zip(km, mijn) for p in verschillen(x, in_h.get(k, ONTBREEKT), (*pad, Item(k)))]
        uit += [(*pad, Item(k)) for k in kh if k not in set(km)]
        return uit or [pad]  # the same entries in another order: the list as a whole
    return [pad]


def toon_waarde(waarde: Any) -> str:
    """A value whole, as people read it; an entry or group as lines 'key: value'."""
    if waarde is ONTBREEKT:
        return "(niet in deze versie)"
    g = gewoon(waarde)
    if isinstance(g, dict):
        return "\n".join(f"{str(k).replace('_', ' ')}: {_inline(v)}" for k, v in g.items() if k != "id") or "(leeg)"
    if isinstance(g, list) and any(isinstance(x, dict) for x in g):
        return "\n".join("- " + toon_waarde(x).replace("\n", "\n  ") for x in g) or "(geen)"
    return _inline(g)


def _inline(g: Any) -> str:
    if g is None:
        return "(leeg)"
    if isinstance(g, bool):
        return "ja" if g else "nee"
    if isinstance(g, dt.date):
        return datums.kort(g)
    if isinstance(g, list):
        return ", ".join(_inline(x) for x in g) if g else "(geen)"
    if isinstance(g, dict):
        return "; ".join(f"{str(k).replace('_', ' ')}: {_inline(v)}" for k, v in g.items() if k != "id")
    return " ".join(str(g).split())


@dataclass
class Keuze:
    """One question: places chosen together, their titles and both values (whole)."""

    paden: list[Pad]
    titel: str
    mijn: list[str]
    hun: list[str]
    soort: str = "velden"  # velden | heel (the whole case)
    delen: list[str] = field(default_factory=list)  # the title of each place, for a unit


class Conflict:
    """A case file with conflict markers: both versions, the questions, and the chosen text.
    `nieuw`: both sides created this case (git had no base version)."""

    def __init__(self, pad: Path, tekst: str, getoond: str, nieuw: bool = False) -> None:
        delen = splits(tekst)
        if delen is None:
            raise Fout(f"{getoond}: dit bestand heeft geen (volledige) conflicttekens; er is niets te kiezen.")
        self.pad, self.getoond = pad, getoond
        self.mijn_tekst, self.hun_tekst = delen
        self.nieuw = nieuw
        self.gekozen: list[str] = []  # for the history line
        self.heel_gekozen: str | None = None
        kant = "mijn"
        try:
            self.mijn = _bestand(pad, self.mijn_tekst, getoond)
            kant = "hun"
            self.hun = ontleed(self.hun_tekst, getoond)
        except Fout as e:
            regel = f" (regel {e.bevindingen[0].regel} van die versie)" if e.bevindingen else ""
            raise Fout(
                f"{getoond}: {kant} versie tussen de conflicttekens is geen geldige YAML{regel}, dus leersteun kan niet per veld "
                "laten kiezen. Kies per blok met de hand in een teksteditor, verwijder de tekens en voer 'leersteun valideer' uit."
            ) from None

    @property
    def andere_leerling(self) -> bool:
        """Both created a case under this id, for two different pupils."""
        return self.nieuw and leerling_van(self.mijn.data) != leerling_van(self.hun)

    def keuzes(self) -> list[Keuze]:
        if self.heel_gekozen is not None or self.andere_leerling:
            return []
        if self.nieuw:
            return [Keuze([()], "het hele dossier: jullie maakten het allebei aan", [_samenvatting(self.mijn.data)], [_samenvatting(self.hun)], "heel")]
        paden = verschillen(self.mijn.data, self.hun)
        groepen: list[tuple[str | None, list[Pad]]] = []
        for eenheid in EENHEDEN:
            eigen = [p for p in paden if any(p[: len(q)] == q for q in eenheid.paden(self.mijn.data))]
            if eigen:
                groepen.append((eenheid.titel, eigen))
                paden = [p for p in paden if p not in eigen]
        groepen += [(None, [p]) for p in paden]
        uit = []
        for titel, groep in groepen:
            namen = [toon_pad(self.mijn.data, p, self.hun) for p in groep]
            uit.append(
                Keuze(
                    groep,
                    titel if titel and len(groep) > 1 else namen[0],
                    [toon_waarde(haal(self.mijn.data, p)) for p in groep],
                    [toon_waarde(haal(self.hun, p)) for p in groep],
                    delen=namen,
                )
            )
        return uit

    def kies(self, keuze: Keuze, kant: str) -> None:
        """Take one side for one question; the other version follows (the question is gone)."""
        if keuze.soort == "heel":
            self.heel_gekozen = kant
            return
        bron, doel = (self.hun, self.mijn.data) if kant == "hun" else (self.mijn.data, self.hun)
        anders = [toon_waarde(haal(doel, p)) for p in keuze.paden]
        for p in keuze.paden:
            zet_pad(doel, p, haal(bron, p))
        gekozen = [toon_waarde(haal(bron, p)) for p in keuze.paden]
        self.gekozen.append(f"{keuze.titel}: {_kort(gekozen)} (niet {_kort(anders)})")

    def tekst(self, door: str | None, vandaag: dt.date) -> str:
        """The file as it stands: one version when every question is answered, else both
        with markers around what is still open. The choices made so far get a line in the
        history (of both versions), so it agrees with the data."""
        if self.heel_gekozen is not None:
            return self.mijn_tekst if self.heel_gekozen == "mijn" else self.hun_tekst
        if self.gekozen:
            for data in (self.mijn.data, self.hun):
                _noteer(data, self.gekozen, door, vandaag)
            self.gekozen = []
        mijn = nieuwe_tekst(self.mijn)
        if verschillen(self.mijn.data, self.hun):
            hun = nieuwe_tekst(YamlBestand(self.pad, self.mijn.ruw, self.mijn.tekst, self.hun))
            return met_tekens(mijn, hun)
        return mijn

    def fouten(self, tekst: str, ctx: Context) -> list[Bevinding]:
        """The errors of the file as it would be written (none: it may be written)."""
        return fouten_in(tekst, self.pad, ctx, self.getoond)


def _noteer(data: Any, gekozen: list[str], door: str | None, vandaag: dt.date) -> None:
    """A line in the history saying what was chosen."""
    from leersteun.editing.bewerk import lijst, voeg_toe, zonder_leeg

    geschiedenis = data.get("geschiedenis") or []
    laatste = geschiedenis[-1] if geschiedenis else None
    if laatste is not None and isinstance(laatste.get("datum"), dt.date) and laatste["datum"] > vandaag:
        return  # a line dated later already closes the history; the choice shows in the data
    notitie = "Samenvoegconflict opgelost: " + "; ".join(gekozen) + "."
    voeg_toe(lijst(data, "geschiedenis"), zonder_leeg(datum=vandaag, fase=data.get("fase"), door=door or "leersteun", notitie=notitie[:4000]))


def _kort(waarden: list[str], breedte: int = 80) -> str:
    tekst = ", ".join(" ".join(w.split()) for w in waarden)
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


def _samenvatting(data: Any) -> str:
    g = gewoon(data)
    leerling = g.get("leerling") or {}
    school = (g.get("school") or {}).get("naam")
    delen = [
        f"{leerling.get('voornaam', '')} {leerling.get('naam', '')}".strip(),
        f"geboren {datums.kort(leerling['geboortedatum'])}" if isinstance(leerling.get("geboortedatum"), dt.date) else None,
        f"klas {leerling.get('klas')}" if leerling.get("klas") else None,
        str(school) if school else None,
        f"fase {g.get('fase')}" if g.get("fase") else None,
        f"ankerpersoon {g.get('ankerpersoon')}" if g.get("ankerpersoon") else None,
    ]
    return ", ".join(d for d in delen if d)


# ---------------------------------------------------------------------------- in a folder


@dataclass
class Conflictdossier:
    pad: Path
    conflict: Conflict
    keuzes: list[Keuze]
    mijn_door: str | None = None
    hun_door: str | None = None

    @property
    def id(self) -> str:
        return self.pad.stem

    def naam(self) -> str:
        leerling = self.conflict.mijn.data.get("leerling") or {}
        return " ".join(str(leerling.get(k) or "") for k in ("voornaam", "naam")).strip()


@dataclass
class Verwijderd:
    """A case one side removed and the other changed (git's modify/delete conflict)."""

    pad: Path
    rel: str
    door_mij: bool  # True: I removed it, they changed it
    leerling: str = ""  # the pupil's name, from the version that was changed

    @property
    def id(self) -> str:
        return Path(self.rel).stem

    def naam(self) -> str:
        return self.leerling

    def uitleg(self) -> str:
        if self.door_mij:
            return f"{self.id}: jij verwijderde dit dossier, een collega wijzigde het"
        return f"{self.id}: een collega verwijderde dit dossier, jij wijzigde het"


def _rel(map_: Dossiermap, pad: Path) -> str:
    return pad.resolve().relative_to(map_.pad.resolve()).as_posix()


def _rebase(map_: Path) -> bool:
    return ok(map_, "rev-parse", "-q", "--verify", "REBASE_HEAD")


def _stadia(map_: Path) -> dict[str, set[int]]:
    """Unmerged paths in git's index and the stages each has (1 base, 2 ours, 3 theirs)."""
    uit_: dict[str, set[int]] = {}
    for regel in git(map_, "ls-files", "-u", "-z", check=False).stdout.split("\0"):
        if "\t" in regel:
            info, rel = regel.split("\t", 1)
            uit_.setdefault(rel, set()).add(int(info.split()[2]))
    return uit_


def met_conflict(map_: Dossiermap) -> list[Path]:
    """Case files that still hold conflict markers."""
    uit_ = []
    for pad in map_.case_bestanden():
        try:
            tekst = lees_tekst(pad)
        except Fout:
            continue
        if "<<<<<<<" in tekst and splits(tekst) is not None:
            uit_.append(pad)
    return uit_


def open_conflict(map_: Dossiermap, pad: Path, stadia: dict[str, set[int]] | None = None) -> Conflictdossier:
    stadia = stadia if stadia is not None else (_stadia(map_.pad) if is_repo(map_.pad) else {})
    eigen = stadia.get(_rel(map_, pad), set())
    conflict = Conflict(pad, lees_tekst(pad), toon(pad), nieuw=bool(eigen) and 1 not in eigen and {2, 3} <= eigen)
    mijn, hun = auteurs(map_, pad)
    return Conflictdossier(pad, conflict, conflict.keuzes(), mijn, hun)


def verwijderd(map_: Dossiermap, stadia: dict[str, set[int]] | None = None) -> list[Verwijderd]:
    """Cases git could not merge because one side removed them."""
    if not is_repo(map_.pad):
        return []
    stadia = stadia if stadia is not None else _stadia(map_.pad)
    rebase = _rebase(map_.pad)
    uit_ = []
    for rel, s in sorted(stadia.items()):
        if 1 in s and len(s) == 2 and Path(rel).parts[0] == "cases":
            ontbreekt_bij_ons = 2 not in s
            stadium = 3 if ontbreekt_bij_ons else 2
            uit_.append(Verwijderd(map_.pad / rel, rel, ontbreekt_bij_ons != rebase, _naam_in(map_.pad, f":{stadium}:{rel}")))
    return uit_


def _naam_in(map_: Path, blob: str) -> str:
    """The pupil's name in a version of a case git holds (empty when it cannot be read)."""
    try:
        data = ontleed(git(map_, "show", blob).stdout, blob)
    except Fout:
        return ""
    leerling = data.get("leerling") if isinstance(data, dict) else None
    return " ".join(str(leerling.get(k) or "") for k in ("voornaam", "naam")).strip() if isinstance(leerling, dict) else ""


def zoek_conflict(map_: Dossiermap, naam: str | None) -> tuple[list[Conflictdossier | Verwijderd], list[str]]:
    """The cases with a question, and what is wrong with those leersteun cannot read; with
    `naam` (id, or part of the pupil's name) just that one."""
    stadia = _stadia(map_.pad) if is_repo(map_.pad) else {}
    alle: list[Conflictdossier | Verwijderd] = []
    onleesbaar: dict[str, str] = {}
    for pad in met_conflict(map_):
        try:
            alle.append(open_conflict(map_, pad, stadia))
        except Fout as e:
            onleesbaar[pad.stem] = e.boodschap
    alle += verwijderd(map_, stadia)
    if naam and normaal(naam) in {normaal(i) for i in onleesbaar}:
        raise Fout(next(b for i, b in onleesbaar.items() if normaal(i) == normaal(naam)))
    if not naam or not alle:
        return alle, list(onleesbaar.values())
    gezocht = normaal(naam)

    treffers = [c for c in alle if normaal(c.id) == gezocht] or [c for c in alle if gezocht in normaal(c.id) or gezocht in normaal(c.naam())]
    if not treffers:
        if map_.case_pad(naam).is_file() or any(normaal(p.stem) == gezocht for p in map_.case_bestanden()):
            raise Fout(f"{naam}: dit dossier heeft geen conflict; er is niets te kiezen.")
        lijst_ = ", ".join(c.id for c in alle) or "geen"
        raise Fout(f"Geen dossier met een conflict gevonden voor '{naam}'. Dossiers met een conflict: {lijst_}.")
    if len(treffers) > 1:
        raise Fout(f"'{naam}' past bij {len(treffers)} dossiers met een conflict ({', '.join(c.id for c in treffers)}); geef de id.")
    return treffers, []


def auteurs(map_: Dossiermap, pad: Path) -> tuple[str | None, str | None]:
    """Who made each version: the author and date of the last commit on each side that
    changed the file (mijn: this clone's side, hun: the side that came in)."""
    if not is_repo(map_.pad):
        return None, None
    rel = _rel(map_, pad)
    if _rebase(map_.pad):
        mijn_rev, hun_rev = "REBASE_HEAD", "HEAD"
    elif ok(map_.pad, "rev-parse", "-q", "--verify", "MERGE_HEAD"):
        mijn_rev, hun_rev = "HEAD", "MERGE_HEAD"
    else:
        return None, None
    basis = uit(map_.pad, "merge-base", mijn_rev, hun_rev)

    def wie(rev: str) -> str | None:
        bereik = f"{basis}..{rev}" if basis else rev
        regel = uit(map_.pad, "log", "-1", "--date=short", "--format=%an\x1f%ad", bereik, "--", rel)
        if "\x1f" not in regel:
            return None
        naam, datum = regel.split("\x1f")
        return f"{naam}, {datums.kort(dt.date.fromisoformat(datum))}"

    return wie(mijn_rev), wie(hun_rev)


def _schrijf(pad: Path, tekst: str, oud: bytes | None) -> None:
    """Write a case as its old bytes were written (BOM, line endings), if nobody changed it since."""
    nieuw = tekst.replace("\n", "\r\n") if oud is not None and b"\r\n" in oud else tekst
    with schrijfslot(pad.parent):
        huidig = pad.read_bytes() if pad.exists() else None
        if huidig != oud:
            raise Fout(f"{toon(pad)}: het bestand is intussen gewijzigd. Er is niets geschreven; voer de opdracht opnieuw uit.")
        schrijf_atomisch(pad, (b"\xef\xbb\xbf" if oud and oud.startswith(b"\xef\xbb\xbf") else b"") + nieuw.encode("utf-8"))


def _git_klaar(map_: Dossiermap, *paden: Path) -> None:
    """Mark files as merged for git (when git still lists them as unmerged)."""
    if not is_repo(map_.pad):
        return
    open_ = set(_stadia(map_.pad))
    rels = [_rel(map_, p) for p in paden]
    te_doen = [r for r in rels if r in open_ or not (map_.pad / r).exists() or not ok(map_.pad, "ls-files", "--error-unmatch", "--", r)]
    if te_doen:
        git(map_.pad, "add", "--all", "--", *te_doen)


def schrijf_keuze(map_: Dossiermap, cd: Conflictdossier, door: str | None, vandaag: dt.date, ctx: Context) -> bool:
    """Write the file as chosen so far. Returns True when it is resolved (one valid version,
    marked as merged for git); with questions still open, it keeps the markers around them.
    Refuses (writing nothing) a resolved version that would not be valid."""
    tekst = cd.conflict.tekst(door, vandaag)
    opgelost = splits(tekst) is None
    if opgelost:
        fouten = cd.conflict.fouten(tekst, ctx)
        if fouten:
            uitleg = "\n".join(f"  {b.boodschap}" for b in fouten)
            raise Fout(
                f"{toon(cd.pad)}: met deze keuzes zou het dossier ongeldig zijn; er is niets gewijzigd:\n{uitleg}\n"
                "Kies anders, of verbeter het dossier met de hand."
            )
    _schrijf(cd.pad, tekst, cd.pad.read_bytes())
    if opgelost:
        _git_klaar(map_, cd.pad)
    return opgelost


def geef_nieuw_nummer(map_: Dossiermap, cd: Conflictdossier, ctx: Context) -> str:
    """Two pupils under one id: theirs keeps it, mine is written under the next free id (git
    adds both). Returns the new id."""
    oud_id = cd.id
    bezet = {p.stem for p in map_.case_bestanden()}
    nieuw_id = volgende_vrije_id(oud_id, bezet)
    mijn = cd.conflict.mijn
    mijn.data["id"] = nieuw_id
    tekst = nieuwe_tekst(mijn)
    nieuw_pad = map_.case_pad(nieuw_id)
    fouten = fouten_in(tekst, nieuw_pad, ctx, toon(nieuw_pad))
    if fouten:
        raise Fout(
            f"{toon(nieuw_pad)}: jouw dossier zou onder het nieuwe nummer ongeldig zijn; er is niets gewijzigd:\n"
            + "\n".join(f"  {b.boodschap}" for b in fouten)
        )
    oud = cd.pad.read_bytes()
    _schrijf(nieuw_pad, tekst, None)
    _schrijf(cd.pad, cd.conflict.hun_tekst, oud)
    _git_klaar(map_, cd.pad, nieuw_pad)
    return nieuw_id


def volgende_vrije_id(id_: str, bezet: set[str]) -> str:
    """KLM-2026-003 taken: KLM-2026-004 (keeping the width of the number)."""
    deel = re.fullmatch(r"(.*?)(\d+)", id_)
    if deel is None:
        n = 2
        while f"{id_}-{n}" in bezet:
            n += 1
        return f"{id_}-{n}"
    nummer, breedte = int(deel.group(2)), len(deel.group(2))
    kleine = {b.casefold() for b in bezet}
    while f"{deel.group(1)}{nummer:0{breedte}d}".casefold() in kleine:
        nummer += 1
    return f"{deel.group(1)}{nummer:0{breedte}d}"


def kies_verwijderd(map_: Dossiermap, v: Verwijderd, houden: bool) -> None:
    """A case one side removed: keep the changed version, or let it go."""
    if houden:
        if not v.pad.exists():
            stadium = next(s for s in (2, 3) if s in _stadia(map_.pad).get(v.rel, set()))
            schrijf_atomisch(v.pad, git_bytes(map_.pad, "cat-file", "--filters", f":{stadium}:{v.rel}").stdout)
        git(map_.pad, "add", "--", v.rel)
    else:
        git(map_.pad, "rm", "--quiet", "--force", "--", v.rel)
