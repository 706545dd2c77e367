"""Merging three versions of a case file the way a person would (git's merge driver).

git calls `python -m leersteun.editing.merge %O %A %B %P` when both sides of a merge changed a case
(`.gitattributes`: `cases/*.yaml merge=leersteun`, set up by `leersteun init`). The merge
works on the round-trip data of "mijn" version (%A), so its comments and layout stay:

- entries appended to a list on either side are both kept, in date order, once;
- a field changed on one side only takes that change;
- the same field set to two values, or the phase changed on both sides, is a contradiction
  (`Tegenspraak`); so is a merge whose result would not validate.

A file with contradictions is written as both complete versions with git's conflict markers
around the lines where they differ ("mijn versie" / "hun versie"), so that every command
points to it and `leersteun conflict` can rebuild both versions, explain each difference and
write the chosen one (`Conflict`).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from leersteun.core import datums
from leersteun.core.errors import Bevinding, Fout
from leersteun.core.tekst import CONFLICTTEKEN
from leersteun.editing.bewerk import _staart, voeg_toe
from leersteun.files.store import YamlBestand, gewoon, nieuwe_tekst, ontleed
from leersteun.rules.checks import Context, controleer_dossier

MIJN = "<<<<<<< mijn versie"
MIDDEN = "======="
HUN = ">>>>>>> hun versie"
_TEKEN = re.compile(CONFLICTTEKEN, re.M)


class _Ontbreekt:
    """A key that one version does not have."""

    def __repr__(self) -> str:
        return "ONTBREEKT"


ONTBREEKT: Any = _Ontbreekt()
Pad = tuple[Any, ...]


def _g(node: Any) -> Any:
    return node if node is ONTBREEKT else gewoon(node)


# ---------------------------------------------------------------------------- three-way merge


@dataclass
class Tegenspraak:
    """One place where the two versions say different things. `pad` leads through the
    merged data (list items by index)."""

    pad: Pad
    mijn: Any
    hun: Any


def _identiteit(pad: Pad, item: Any) -> Any:
    """What makes a list item the same item on both sides: a goal by its id, a person by role
    and name; other items by their position (None)."""
    if isinstance(item, dict):
        if "id" in item:
            return ("id", str(item["id"]))
        if pad and pad[-1] == "betrokkenen":
            return ("persoon", str(item.get("rol")), str(item.get("naam")))
    return None


def _datum(item: Any) -> dt.date | None:
    waarde = item.get("datum") if isinstance(item, dict) else item
    return waarde if isinstance(waarde, dt.date) else None


def _zonder_staart(item: Any) -> Any:
    """A copy of an item from the other version, without the blank lines and comments that
    followed it there (they belong to the next section of that file, not to this one)."""
    item = copy.deepcopy(item)
    staart = _staart(item) if isinstance(item, CommentedMap) else None
    if staart is not None:
        houder, sleutel = staart
        plaats = houder.ca.items.get(sleutel)
        token = plaats[2] if plaats and len(plaats) > 2 else None
        if token is not None and isinstance(token.value, str) and "\n" in token.value:
            token.value = token.value.partition("\n")[0] + "\n"
    return item


# What a change of phase changes with it: chosen together with the phase.
FASE_GROEP = ("fase", "trajecten", "ondersteuner", "vorige_ondersteuners")


class _Samenvoeger:
    def __init__(self) -> None:
        self.tegenspraken: list[Tegenspraak] = []

    def tegen(self, pad: Pad, mijn: Any, hun: Any) -> Any:
        self.tegenspraken.append(Tegenspraak(pad, mijn, hun))
        return mijn

    def samen(self, o: Any, a: Any, b: Any, pad: Pad) -> Any:
        """The merged node (usually `a`, changed in place)."""
        go, ga, gb = _g(o), _g(a), _g(b)
        if ga == gb:
            return a
        if go == ga:
            return b
        if go == gb:
            return a
        if isinstance(a, CommentedMap) and isinstance(b, CommentedMap) and (o is ONTBREEKT or isinstance(o, dict)):
            return self.mappen(o if o is not ONTBREEKT else {}, a, b, pad)
        if isinstance(a, CommentedSeq) and isinstance(b, CommentedSeq) and (o is ONTBREEKT or isinstance(o, list)):
            return self.lijsten(o if o is not ONTBREEKT else [], a, b, pad)
        return self.tegen(pad, a, b)

    def mappen(self, o: Any, a: CommentedMap, b: CommentedMap, pad: Pad) -> CommentedMap:
        fase_tegen = not pad and _g(a.get("fase", ONTBREEKT)) != _g(b.get("fase", ONTBREEKT)) and all(
            _g(x.get("fase", ONTBREEKT)) != _g(o.get("fase", ONTBREEKT)) for x in (a, b)
        )
        for sleutel in list(a):
            if fase_tegen and sleutel in FASE_GROEP:
                # Both changed the phase: the trajectories and the ondersteuner belong to each
                # side's phase and are chosen with it, never mixed.
                if _g(a[sleutel]) != _g(b.get(sleutel, ONTBREEKT)):
                    self.tegen((sleutel,), a[sleutel], b.get(sleutel, ONTBREEKT))
                continue
            uit = self.samen(o.get(sleutel, ONTBREEKT), a[sleutel], b.get(sleutel, ONTBREEKT), (*pad, sleutel))
            if uit is ONTBREEKT:
                del a[sleutel]
            elif uit is not a[sleutel]:
                a[sleutel] = _zonder_staart(uit) if uit is b.get(sleutel) else uit
        for i, sleutel in enumerate(b):
            if sleutel in a:
                continue
            uit = self.samen(o.get(sleutel, ONTBREEKT), ONTBREEKT, b[sleutel], (*pad, sleutel))
            if uit is ONTBREEKT:
                continue
            vorige = [k for k in list(b)[:i] if k in a]
            a.insert(list(a).index(vorige[-1]) + 1 if vorige else 0, sleutel, _zonder_staart(uit))
        return a

    def lijsten(self, o: list, a: CommentedSeq, b: CommentedSeq, pad: Pad) -> Any:
        n = len(o)
        if len(a) >= n and len(b) >= n and all(
            _identiteit(pad, _g(o[i])) == _identiteit(pad, _g(a[i])) == _identiteit(pad, _g(b[i])) for i in range(n)
        ):
            return self.aangevuld(o, a, b, pad)
        if all(_identiteit(pad, x) is not None or not isinstance(x, (dict, list)) for x in _g(a) + _g(b) + _g(o)):
            return self.op_sleutel(o, a, b, pad)
        return self.tegen(pad, a, b)

    def aangevuld(self, o: list, a: CommentedSeq, b: CommentedSeq, pad: Pad) -> CommentedSeq:
        """Both sides kept the original items (perhaps changed) and appended new ones."""
        n = len(o)
        for i in range(n):
            uit = self.samen(o[i], a[i], b[i], (*pad, i))
            if uit is not a[i]:
                a[i] = _zonder_staart(uit)
        staart_a = list(a[n:])
        gezien = [_g(x) for x in staart_a]
        ids = {_identiteit(pad, g): j for j, g in enumerate(gezien) if _identiteit(pad, g) is not None}
        staart_b: list[Any] = []
        botsend: list[tuple[Any, Any]] = []  # both added an item with the same id that has no number
        for x in b[n:]:
            gx = _g(x)
            if gx in gezien:
                continue
            x = _zonder_staart(x)
            if _identiteit(pad, gx) in ids:  # both added an item with the same id, differently
                vrij = _vrije_id(str(gx["id"]), {str(y.get("id")) for y in [*a, *b] if isinstance(y, dict)})
                if vrij is None:
                    botsend.append((staart_a[ids[_identiteit(pad, gx)]], x))
                    continue
                x["id"] = vrij  # two new goals that both got D2: keep both, the other one is D3
            staart_b.append(x)
            gezien.append(_g(x))
        samen = _in_datumvolgorde(staart_a, staart_b)
        if all(x is y for x, y in zip(samen, staart_a)):  # theirs come after mine: just append
            for x in samen[len(staart_a) :]:
                voeg_toe(a, x)
        else:
            del a[n:]
            for x in samen:
                voeg_toe(a, x)
        for mijn, hun in botsend:
            self.tegenspraken.append(Tegenspraak((*pad, n + next(k for k, y in enumerate(samen) if y is mijn)), mijn, hun))
        return a

    def op_sleutel(self, o: list, a: CommentedSeq, b: CommentedSeq, pad: Pad) -> CommentedSeq:
        """Items that are known by their id or value: removed on one side, added on another."""

        def sleutel(x: Any) -> Any:
            g = _g(x)
            return _identiteit(pad, g) or ("waarde", repr(g))

        oud = {sleutel(x): x for x in o}
        in_b = {sleutel(x): x for x in b}
        in_a = {sleutel(x) for x in a}
        for i in reversed(range(len(a))):
            k = sleutel(a[i])
            if k in oud and k not in in_b:  # removed by them
                if _g(a[i]) == _g(oud[k]):
                    del a[i]
                else:
                    self.tegen((*pad, i), a[i], ONTBREEKT)
            elif k in in_b:
                uit = self.samen(oud.get(k, ONTBREEKT), a[i], in_b[k], (*pad, i))
                if uit is not a[i]:
                    a[i] = _zonder_staart(uit)
        for k, x in in_b.items():
            if k in in_a:
                continue
            if k in oud:  # removed by me
                if _g(x) != _g(oud[k]):
                    self.tegen((*pad, len(a)), ONTBREEKT, x)
                continue
            voeg_toe(a, _zonder_staart(x))
        return a


def _vrije_id(id_: str, bezet: set[str]) -> str | None:
    """The next free id in the same series (D2 taken: D3), or None for an id without a number."""
    deel = re.fullmatch(r"(.*?)(\d+)", id_)
    if deel is None:
        return None
    nummer = int(deel.group(2))
    while f"{deel.group(1)}{nummer}" in bezet:
        nummer += 1
    return f"{deel.group(1)}{nummer}"


def _in_datumvolgorde(a: list, b: list) -> list:
    """Two lists of new entries as one, each keeping its own order, by date where both have one."""
    uit, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        da, db = _datum(_g(a[i])), _datum(_g(b[j]))
        if da is not None and db is not None and db < da:
            uit.append(b[j])
            j += 1
        else:
            uit.append(a[i])
            i += 1
    return uit + a[i:] + b[j:]


# ---------------------------------------------------------------------------- paths in the data


def haal(data: Any, pad: Pad) -> Any:
    for stap in pad:
        try:
            data = data[stap]
        except (KeyError, IndexError, TypeError):
            return ONTBREEKT
    return data


def zet_pad(data: Any, pad: Pad, waarde: Any) -> None:
    ouder = haal(data, pad[:-1])
    sleutel = pad[-1]
    if waarde is ONTBREEKT:
        if isinstance(ouder, dict) and sleutel in ouder:
            del ouder[sleutel]
        elif isinstance(ouder, list) and sleutel < len(ouder):
            del ouder[sleutel]
    elif isinstance(ouder, list) and sleutel >= len(ouder):
        voeg_toe(ouder, _zonder_staart(waarde))
    else:
        ouder[sleutel] = _zonder_staart(waarde)


def verschillen(mijn: Any, hun: Any, pad: Pad = ()) -> list[Pad]:
    """Every place where two versions differ, as deep as the same shape allows."""
    gm, gh = _g(mijn), _g(hun)
    if gm == gh:
        return []
    if isinstance(mijn, dict) and isinstance(hun, dict):
        sleutels = list(mijn) + [k for k in hun if k not in mijn]
        return [p for k in sleutels for p in verschillen(mijn.get(k, ONTBREEKT), hun.get(k, ONTBREEKT), (*pad, k))]
    if (
        isinstance(mijn, list)
        and isinstance(hun, list)
        and len(mijn) == len(hun)
        and all(_identiteit(pad, x) == _identiteit(pad, y) for x, y in zip(gm, gh))
        and any(isinstance(x, (dict, list)) for x in gm)
    ):
        return [p for i in range(len(mijn)) for p in verschillen(mijn[i], hun[i], (*pad, i))]
    return [pad]


def toon_pad(data: Any, pad: Pad) -> str:
    """A place in the case as people read it: 'doel D1 › evaluaties', 'leerling › klas'."""
    delen: list[str] = []
    for i, stap in enumerate(pad):
        if isinstance(stap, int):
            item = haal(data, pad[: i + 1])
            if isinstance(item, dict) and "id" in item:
                delen[-1] = f"{_enkelvoud(delen[-1])} {item['id']}"
            elif isinstance(item, dict) and "datum" in item and isinstance(item["datum"], dt.date):
                delen[-1] = f"{_enkelvoud(delen[-1])} van {datums.kort(item['datum'])}"
            elif isinstance(item, dict) and "naam" in item:
                delen[-1] = f"{_enkelvoud(delen[-1])} {item['naam']}"
            else:
                delen[-1] = f"{delen[-1]} (nr. {stap + 1})"
        else:
            delen.append(str(stap).replace("_", " "))
    return " › ".join(delen) or "het hele dossier"


_ENKELVOUD = {
    "doelen": "doel", "evaluaties": "evaluatie", "overleggen": "overleg", "trajecten": "traject",
    "betrokkenen": "betrokkene", "maatregelen": "maatregel", "heropstarts": "heropstart",
    "geschiedenis": "gebeurtenis", "diplon": "Diplon-stap",
}  # fmt: skip


def _enkelvoud(woord: str) -> str:
    return _ENKELVOUD.get(woord, woord)


def toon_waarde(waarde: Any, breedte: int = 56) -> str:
    """A value in one line for an explanation."""
    if waarde is ONTBREEKT:
        return "(niet ingevuld)"
    g = gewoon(waarde)
    if g is None:
        return "(leeg)"
    if isinstance(g, dt.date):
        return datums.kort(g)
    if isinstance(g, bool):
        return "ja" if g else "nee"
    if isinstance(g, (dict, list)):
        tekst = _kort(g)
    else:
        tekst = str(g)
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


def _kort(g: Any) -> str:
    if isinstance(g, dict):
        return "{" + ", ".join(f"{k}: {_kort(v)}" for k, v in g.items()) + "}"
    if isinstance(g, list):
        return "[" + ", ".join(_kort(v) for v in g) + "]"
    if isinstance(g, dt.date):
        return datums.kort(g)
    return "(leeg)" if g is None else str(g)


# ---------------------------------------------------------------------------- conflict markers


def met_tekens(mijn: str, hun: str) -> str:
    """Both versions in one file, git's markers around the lines where they differ."""
    m, h = mijn.splitlines(keepends=True), hun.splitlines(keepends=True)
    m = [*m[:-1], m[-1] if m[-1].endswith("\n") else m[-1] + "\n"] if m else m
    h = [*h[:-1], h[-1] if h[-1].endswith("\n") else h[-1] + "\n"] if h else h
    uit: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, m, h, autojunk=False).get_opcodes():
        if tag == "equal":
            uit.extend(m[i1:i2])
        else:
            uit += [MIJN + "\n", *m[i1:i2], MIDDEN + "\n", *h[j1:j2], HUN + "\n"]
    return "".join(uit)


def splits(tekst: str) -> tuple[str, str] | None:
    """The two versions in a file with conflict markers (None without markers). Accepts git's
    own markers too (`<<<<<<< HEAD`), and its diff3 style (the base part is dropped)."""
    if not _TEKEN.search(tekst):
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


# ---------------------------------------------------------------------------- one merge


@dataclass
class Uitkomst:
    """The result of merging: the text to write; when it has contradictions or findings, the
    text holds both versions between conflict markers."""

    tekst: str
    tegenspraken: list[Tegenspraak] = field(default_factory=list)
    fouten: list[Bevinding] = field(default_factory=list)

    @property
    def gelukt(self) -> bool:
        return not self.tegenspraken and not self.fouten


def _bestand(pad: Path, tekst: str, getoond: str) -> YamlBestand:
    return YamlBestand(pad, tekst.encode("utf-8"), tekst, ontleed(tekst, getoond), toon_pad=getoond)


def fouten_in(tekst: str, pad: Path, ctx: Context, getoond: str) -> list[Bevinding]:
    _, bevindingen = controleer_dossier(_bestand(pad, tekst, getoond), ctx.voor(pad))
    return [b for b in bevindingen if b.is_fout]


def voeg_samen(basis: str, mijn: str, hun: str, pad: Path, ctx: Context) -> Uitkomst:
    """Merge three versions of one case file. Raises `Fout` when a version is not YAML (the
    caller falls back to git's line merge)."""
    getoond = pad.as_posix()
    if basis == mijn or mijn == hun:
        return Uitkomst(hun)
    if basis == hun:
        return Uitkomst(mijn)
    a = _bestand(pad, mijn, getoond)
    b = ontleed(hun, getoond)
    o = ontleed(basis, getoond) if basis.strip() else CommentedMap()
    if not all(isinstance(x, CommentedMap) for x in (a.data, b, o)):
        raise Fout(f"{getoond}: een van de versies is geen dossier")
    if _g(o) == _g(a.data):  # only they changed something that matters
        return Uitkomst(hun)
    if _g(o) == _g(b) or _g(a.data) == _g(b):
        return Uitkomst(mijn)
    samenvoeger = _Samenvoeger()
    samenvoeger.samen(o, a.data, b, ())
    tegenspraken = samenvoeger.tegenspraken
    if tegenspraken:
        return Uitkomst(_beide(a, tegenspraken), tegenspraken)
    tekst = nieuwe_tekst(a)
    fouten = fouten_in(tekst, pad, ctx, getoond)
    if fouten:  # each side was valid alone; let the person choose, per difference
        return Uitkomst(met_tekens(mijn, hun), [], fouten)
    return Uitkomst(tekst)


def _beide(a: YamlBestand, tegenspraken: list[Tegenspraak]) -> str:
    mijn = nieuwe_tekst(a)
    hun_data = copy.deepcopy(a.data)
    for t in tegenspraken:
        zet_pad(hun_data, t.pad, t.hun)
    hun = nieuwe_tekst(YamlBestand(a.pad, a.ruw, a.tekst, hun_data))
    return met_tekens(mijn, hun)


# ---------------------------------------------------------------------------- resolving


@dataclass
class Keuze:
    """One question for the person: places that are chosen together (the phase with its
    trajectories), with both values."""

    paden: list[Pad]
    titel: str
    mijn: list[str]
    hun: list[str]


class Conflict:
    """A case file with conflict markers: both versions, their differences, and writing the
    chosen one."""

    def __init__(self, pad: Path, tekst: str, getoond: str) -> None:
        delen = splits(tekst)
        if delen is None:
            raise Fout(f"{getoond}: dit bestand heeft geen (volledige) conflicttekens; er is niets te kiezen.")
        self.pad, self.getoond = pad, getoond
        self.mijn_tekst, self.hun_tekst = delen
        self.fase_gekozen = False  # then the history gets a line naming the chosen phase
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

    def keuzes(self) -> list[Keuze]:
        paden = verschillen(self.mijn.data, self.hun)
        groepen: list[list[Pad]] = []
        fase = [p for p in paden if p[0] in FASE_GROEP]
        if ("fase",) in paden:
            groepen.append(fase)
            paden = [p for p in paden if p not in fase]
        groepen += [[p] for p in paden]
        uit = []
        for groep in groepen:
            titel = toon_pad(self.mijn.data, groep[0])
            if len(groep) > 1:
                titel = "fase, met " + ", ".join(toon_pad(self.mijn.data, p) for p in groep if p != ("fase",))
            uit.append(
                Keuze(
                    groep,
                    titel,
                    [toon_waarde(haal(self.mijn.data, p)) for p in groep],
                    [toon_waarde(haal(self.hun, p)) for p in groep],
                )
            )
        return uit

    def kies(self, keuze: Keuze, kant: str) -> None:
        """Take one side for one question; the other version follows (the question is gone)."""
        if kant == "hun":
            for p in keuze.paden:
                zet_pad(self.mijn.data, p, haal(self.hun, p))
        else:
            for p in keuze.paden:
                zet_pad(self.hun, p, haal(self.mijn.data, p))
        self.fase_gekozen = self.fase_gekozen or ("fase",) in keuze.paden

    def tekst(self, door: str | None, vandaag: dt.date) -> str:
        """The file as it stands: one version when every question is answered, else both
        with markers around what is still open."""
        mijn = nieuwe_tekst(self.mijn)
        if verschillen(self.mijn.data, self.hun):
            hun = nieuwe_tekst(YamlBestand(self.pad, self.mijn.ruw, self.mijn.tekst, self.hun))
            return met_tekens(mijn, hun)
        if self.fase_gekozen:
            mijn = self._noteer_fase(door, vandaag) or mijn
        return mijn

    def _noteer_fase(self, door: str | None, vandaag: dt.date) -> str | None:
        """After choosing the phase, the history says so (its last line names the phase)."""
        from leersteun.editing.bewerk import lijst, zonder_leeg

        data = self.mijn.data
        geschiedenis = data.get("geschiedenis") or []
        laatste = geschiedenis[-1] if geschiedenis else None
        if laatste is None or laatste.get("fase") == data.get("fase"):
            return None
        if isinstance(laatste.get("datum"), dt.date) and laatste["datum"] > vandaag:
            return None
        voeg_toe(
            lijst(data, "geschiedenis"),
            zonder_leeg(datum=vandaag, fase=data.get("fase"), door=door, notitie="Samenvoegconflict opgelost: deze fase gekozen."),
        )
        return nieuwe_tekst(self.mijn)

    def fouten(self, tekst: str, ctx: Context) -> list[Bevinding]:
        """The errors of the file as it would be written (none: it may be written)."""
        return fouten_in(tekst, self.pad, ctx, self.getoond)


# ---------------------------------------------------------------------------- the driver


def _context(pad: Path) -> Context:
    """The folder of the case being merged (git runs the driver at the repository's root)."""
    from leersteun.reading import dossiers, folder

    try:
        map_ = folder.vind_map(pad.resolve().parent.parent) if (pad.resolve().parent.parent / folder.INSTELLINGEN).is_file() else folder.vind_map()
    except Fout:
        map_ = None
    return dossiers.context_zonder_fout(map_)


def driver(basis: Path, mijn: Path, hun: Path, pad: str) -> int:
    """git's merge driver: write the result into `mijn` (%A); 0 when merged, 1 on conflict."""
    import subprocess

    from leersteun.files.schijf import lees_tekst, schrijf_atomisch
    from leersteun.files.git import bezig_met_rebase

    if bezig_met_rebase(Path.cwd()):  # during a rebase, %A is the upstream and %B my own commit
        mijn_label, hun_label = hun, mijn
    else:
        mijn_label, hun_label = mijn, hun
    try:
        ruw_a = mijn.read_bytes()
        teksten = [lees_tekst(p) for p in (basis, mijn_label, hun_label)]
        uitkomst = voeg_samen(*teksten, Path(pad), _context(Path(pad)))
    except (Fout, OSError, ValueError) as e:
        print(f"leersteun: {pad}: samenvoegen per veld lukte niet ({e}); git voegt de regels samen.", file=sys.stderr)
        uit = subprocess.run(["git", "merge-file", "-L", "mijn versie", "-L", "basis", "-L", "hun versie", str(mijn), str(basis), str(hun)], check=False)
        return 1 if uit.returncode else 0
    tekst = uitkomst.tekst
    if b"\r\n" in ruw_a:
        tekst = tekst.replace("\n", "\r\n")
    schrijf_atomisch(mijn, (b"\xef\xbb\xbf" if ruw_a.startswith(b"\xef\xbb\xbf") else b"") + tekst.encode("utf-8"))
    if uitkomst.gelukt:
        return 0
    print(f"leersteun: {pad}: tegenspraak tussen de twee versies; kies met 'leersteun conflict {Path(pad).stem}'.", file=sys.stderr)
    return 1


if __name__ == "__main__":  # pragma: no cover - run by git, tested through git
    if len(sys.argv) != 5:
        print("gebruik: python -m leersteun.editing.merge BASIS MIJN HUN PAD (git's merge driver)", file=sys.stderr)
        sys.exit(2)
    sys.exit(driver(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]))
