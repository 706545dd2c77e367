"""Merging three versions of a case file the way a person would.

`voeg_samen(basis, mijn, hun)` is the engine of `leersteun delen` and of git's merge driver
(`python -I -m leersteun.editing.merge %O %A %B %P`, set up by `leersteun init`). "mijn" is
always this clone's version (the one not yet shared), "hun" the one that came in. It works on
the round-trip data of "mijn", so its comments and layout stay; then the text changes of "hun"
that are not data (a comment typed by hand, another quoting, keys in another order) are
merged in by lines where they touch nothing else (`_met_hun_opmaak`).

- List entries are matched by identity (`identiteit.py`), never by position: what either side
  adds is kept once, in date order; what one side removes and the other left alone is gone.
- A field changed on one side only takes that change; the same field set to two values is a
  contradiction (`Tegenspraak`).
- Units merge as units (`EENHEDEN`): the class with its school year, a replaced Verslag, the
  phase with its trajecten, ondersteuner and assignment. Both sides changing one differently
  is one question, never a mixture.
- A goal both sides added under the same number: theirs keeps it (it is shared), mine gets
  the next free number, and the user is told. A case both sides created: the same pupil is
  one question about the whole case; two pupils are never merged (`andere_leerling`).
- A merge whose result would not validate is a question too, never a broken file.

A result with questions is written as both versions with git's conflict markers around the
lines where they differ; `conflict.py` asks the questions and writes the chosen version.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from leersteun.core.errors import Bevinding, Fout
from leersteun.core.tekst import normaal
from leersteun.editing import diff3
from leersteun.editing.bewerk import _staart, vervang, verwijder, voeg_in
from leersteun.editing.diff3 import met_tekens, splits
from leersteun.files.store import YamlBestand, gewoon, nieuwe_tekst, ontleed
from leersteun.rules.checks import Context, controleer_dossier
from leersteun.rules.identiteit import (
    ONTBREEKT,
    Item,
    Pad,
    Sleutel,
    datum_van,
    haal,
    index_van,
    lijstnaam,
    plaats_op_datum,
    sleutels,
)

__all__ = ["Tegenspraak", "Uitkomst", "voeg_samen", "zet_pad", "splits", "met_tekens", "EENHEDEN", "driver"]


def _g(node: Any) -> Any:
    return node if node is ONTBREEKT else gewoon(node)


def _zonder_staart(item: Any) -> Any:
    """A copy of a node from the other version, without the blank lines and comments that
    followed it there (they belong to the next section of that file, not to this one)."""
    item = copy.deepcopy(item)
    plek = _staart(item) if isinstance(item, CommentedMap) else None
    if plek is not None:
        houder, sleutel = plek
        plaats = houder.ca.items.get(sleutel)
        token = plaats[2] if plaats and len(plaats) > 2 else None
        if token is not None and isinstance(token.value, str) and "\n" in token.value:
            token.value = token.value.partition("\n")[0] + "\n"
    return item


@dataclass
class Tegenspraak:
    """One question: places that are chosen together, with each version's value there.
    `titel` names a unit ('de klas', 'het traject'); None for a single place."""

    paden: list[Pad]
    mijn: list[Any]
    hun: list[Any]
    titel: str | None = None

    @property
    def pad(self) -> Pad:
        return self.paden[0]


# ---------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Eenheid:
    """Places in a case that belong together: chosen as a whole when both sides changed them
    differently and `botst` says a merge by field would mix them."""

    titel: str
    paden: Callable[[Any], list[Pad]]
    botst: Callable[[Any, Any, Any], bool]


def _veranderd(o: Any, x: Any, paden: list[Pad]) -> bool:
    return any(_g(haal(o, p)) != _g(haal(x, p)) for p in paden)


def _verslag_vervangen(o: Any, a: Any, b: Any) -> bool:
    """A new Verslag (another kind or date) on one side: the old one's fields are not its own."""

    def wie(x: Any) -> Any:
        v = _g(haal(x, ("verslag",)))
        return (v.get("soort"), v.get("datum")) if isinstance(v, dict) else v

    return wie(a) != wie(o) or wie(b) != wie(o)


def _traject_paden(data: Any) -> list[Pad]:
    paden: list[Pad] = [("fase",), ("ondersteuner",), ("vorige_ondersteuners",), ("trajecten",)]
    heropstarts = data.get("heropstarts") if isinstance(data, dict) else None
    if isinstance(heropstarts, list) and heropstarts:
        paden.append(("heropstarts", Item(sleutels("heropstarts", heropstarts)[-1]), "toewijzing"))
    return paden


def _lopend(x: Any) -> Any:
    trajecten = _g(haal(x, ("trajecten",)))
    if not isinstance(trajecten, list):
        return None
    return [(t.get("vorm"), t.get("start"), t.get("einde")) for t in trajecten if isinstance(t, dict)]


def _nieuwe_beslissingen(o: Any, x: Any) -> list[Any]:
    """The decisions of the evaluations one side added."""

    def evaluaties(y: Any) -> list[Any]:
        waarde = _g(haal(y, ("evaluaties",)))
        return [e for e in waarde if isinstance(e, dict)] if isinstance(waarde, list) else []

    oud = {repr(e) for e in evaluaties(o)}
    return [e.get("beslissing") for e in evaluaties(x) if repr(e) not in oud]


def _traject_botst(o: Any, a: Any, b: Any) -> bool:
    """The phase and the assignment: both changed the phase, or the ondersteuner or the running
    traject differently; or one changed the phase (closed the case, say) while the other kept
    it going (an evaluation, a planned moment, another traject or ondersteuner)."""

    def veld(x: Any, naam: str) -> Any:
        return _g(haal(x, (naam,)))

    fase_a, fase_b = veld(a, "fase") != veld(o, "fase"), veld(b, "fase") != veld(o, "fase")
    if fase_a and fase_b:
        return True
    if veld(a, "ondersteuner") != veld(o, "ondersteuner") and veld(b, "ondersteuner") != veld(o, "ondersteuner"):
        return True
    if _lopend(a) != _lopend(o) and _lopend(b) != _lopend(o) and _lopend(a) != _lopend(b):
        return True
    for p in _traject_paden(a)[4:]:
        if _g(haal(a, p)) != _g(haal(o, p)) and _g(haal(b, p)) != _g(haal(o, p)):
            return True
    for wel, niet in ((a, b), (b, a)):
        if veld(wel, "fase") != veld(o, "fase") and (
            _g(haal(niet, ("trajecten",))) != _g(haal(o, ("trajecten",)))
            or veld(niet, "ondersteuner") != veld(o, "ondersteuner")
            or _nieuwe_beslissingen(o, niet)
        ):
            return True
    return False


EENHEDEN = [
    Eenheid("de klas (met haar schooljaar)", lambda _d: [("leerling", "klas"), ("leerling", "klas_schooljaar")], lambda o, a, b: True),
    Eenheid("het Verslag", lambda _d: [("verslag",)], _verslag_vervangen),
    Eenheid("de fase en het traject (ondersteuner, trajecten, toewijzing)", _traject_paden, _traject_botst),
]


# ---------------------------------------------------------------------------- three-way merge


def _vrije_id(id_: str, bezet: set[str]) -> str | None:
    """The next free id in the same series (D2 taken: D3), or None for an id without a number."""
    deel = re.fullmatch(r"(.*?)(\d+)", id_)
    if deel is None:
        return None
    nummer = int(deel.group(2))
    while f"{deel.group(1)}{nummer}" in bezet:
        nummer += 1
    return f"{deel.group(1)}{nummer}"


class _Samenvoeger:
    """Merges `b` into `a` (this clone's round-trip data), in place."""

    def __init__(self) -> None:
        self.tegenspraken: list[Tegenspraak] = []
        self.meldingen: list[str] = []

    def tegen(self, pad: Pad, mijn: Any, hun: Any) -> None:
        self.tegenspraken.append(Tegenspraak([pad], [mijn], [hun]))

    def samen(self, o: Any, a: Any, b: Any, pad: Pad) -> Any:
        """The merged node (usually `a`, changed in place)."""
        go, ga, gb = _g(o), _g(a), _g(b)
        if ga == gb or go == gb:
            return a
        if go == ga and not (isinstance(a, CommentedMap) and isinstance(b, CommentedMap)) and not (isinstance(a, CommentedSeq) and isinstance(b, CommentedSeq)):
            return b  # only they changed it; a mapping or list is changed in place below, keeping my layout
        if isinstance(a, CommentedMap) and isinstance(b, CommentedMap) and (o is ONTBREEKT or isinstance(o, dict)):
            return self.mappen(o if o is not ONTBREEKT else {}, a, b, pad)
        if isinstance(a, CommentedSeq) and isinstance(b, CommentedSeq) and (o is ONTBREEKT or isinstance(o, list)):
            return self.lijsten(o if o is not ONTBREEKT else [], a, b, pad)
        self.tegen(pad, a, b)
        return a

    def eenheden(self, o: Any, a: Any, b: Any) -> None:
        """Units that both sides changed differently: one question each; the merge by field
        then leaves them as they are in `a` (their value in `b` is set to `a`'s)."""
        for eenheid in EENHEDEN:
            paden = eenheid.paden(a)
            if not (_veranderd(o, a, paden) and _veranderd(o, b, paden)):
                continue
            if all(_g(haal(a, p)) == _g(haal(b, p)) for p in paden) or not eenheid.botst(o, a, b):
                continue
            self.tegenspraken.append(Tegenspraak(list(paden), [haal(a, p) for p in paden], [haal(b, p) for p in paden], eenheid.titel))
            for p in paden:
                zet_pad(b, p, haal(a, p))

    def mappen(self, o: Any, a: CommentedMap, b: CommentedMap, pad: Pad) -> CommentedMap:
        if not pad:
            self.eenheden(o, a, b)
        for sleutel in list(a):
            uit = self.samen(o.get(sleutel, ONTBREEKT), a[sleutel], b.get(sleutel, ONTBREEKT), (*pad, sleutel))
            if uit is ONTBREEKT:
                del a[sleutel]
            elif uit is not a[sleutel]:
                vervang(a, sleutel, _zonder_staart(uit) if uit is b.get(sleutel) else uit)
        for i, sleutel in enumerate(b):
            if sleutel in a:
                continue
            uit = self.samen(o.get(sleutel, ONTBREEKT), ONTBREEKT, b[sleutel], (*pad, sleutel))
            if uit is ONTBREEKT:
                continue
            vorige = [k for k in list(b)[:i] if k in a]
            a.insert(list(a).index(vorige[-1]) + 1 if vorige else 0, sleutel, _zonder_staart(uit))
        return a

    def _hernummer(self, o: list, a: CommentedSeq, b: CommentedSeq) -> None:
        """Goals both sides added under the same id: mine (not yet shared) takes the next one."""
        in_o = {str(x.get("id")) for x in o if isinstance(x, dict)}
        in_b = {str(x.get("id")): x for x in b if isinstance(x, dict)}
        bezet = in_o | set(in_b) | {str(x.get("id")) for x in a if isinstance(x, dict)}
        for x in a:
            id_ = str(x.get("id")) if isinstance(x, dict) else None
            if id_ is None or id_ in in_o or id_ not in in_b or _g(x) == _g(in_b[id_]):
                continue
            vrij = _vrije_id(id_, bezet)
            if vrij is None:
                continue
            x["id"] = vrij
            bezet.add(vrij)
            self.meldingen.append(f"Jouw nieuwe doel {id_} heet nu {vrij}: een collega voegde tegelijk een ander doel {id_} toe.")

    def lijsten(self, o: list, a: CommentedSeq, b: CommentedSeq, pad: Pad) -> CommentedSeq:
        """Entries matched by identity: merged, kept, removed or added (in date order)."""
        naam = lijstnaam(pad)
        if naam == "doelen":
            self._hernummer(o, a, b)
        ko, ka, kb = sleutels(naam, o), sleutels(naam, a), sleutels(naam, b)
        in_o, in_b, in_a = dict(zip(ko, o)), dict(zip(kb, b)), set(ka)
        nieuw_a = {k for k in ka if k not in in_o}
        doel: list[tuple[Sleutel, Any, int | None]] = []  # key, node, index in a (None: new from b)
        for i, (k, x) in enumerate(zip(ka, a)):
            p = (*pad, Item(k))
            if k in in_o and k not in in_b:  # they removed it
                if _g(x) != _g(in_o[k]):
                    self.tegen(p, x, ONTBREEKT)
                    doel.append((k, x, i))
                continue
            doel.append((k, self.samen(in_o.get(k, ONTBREEKT), x, in_b.get(k, ONTBREEKT), p), i))
        for j, (k, y) in enumerate(zip(kb, b)):
            if k in in_a:
                continue
            if k in in_o:  # I removed it
                if _g(y) != _g(in_o[k]):
                    self.tegen((*pad, Item(k)), ONTBREEKT, y)
                continue
            plaats = 0
            for vorige in reversed(kb[:j]):
                gevonden = next((n for n, d in enumerate(doel) if d[0] == vorige), None)
                if gevonden is not None:
                    plaats = gevonden + 1
                    break
            datum = datum_van(y)
            while plaats < len(doel) and doel[plaats][0] in nieuw_a and (datum is None or (datum_van(doel[plaats][1]) or datum) <= datum):
                plaats += 1
            doel.insert(plaats, (k, _zonder_staart(y), None))
        _zet_lijst(a, doel)
        return a


def _zet_lijst(a: CommentedSeq, doel: list[tuple[Sleutel, Any, int | None]]) -> None:
    """Make the round-trip list `a` hold the entries of `doel`, touching only what changed."""
    for _k, node, i in doel:
        if i is not None and a[i] is not node:  # their version of this entry
            vervang(a, i, _zonder_staart(node))
    blijven = {i for _k, _n, i in doel if i is not None}
    for i in reversed(range(len(a))):
        if i not in blijven:
            verwijder(a, i)
    for plaats, (_k, node, i) in enumerate(doel):
        if i is None:
            voeg_in(a, plaats, node)


# ---------------------------------------------------------------------------- paths in the data


def zet_pad(data: Any, pad: Pad, waarde: Any) -> None:
    """Set (or with ONTBREEKT remove) the node at `pad`; a missing list entry is inserted in
    date order, a missing key after the keys before it."""
    ouder = haal(data, pad[:-1])
    stap = pad[-1]
    if ouder is ONTBREEKT:
        return
    if isinstance(stap, Item):
        naam = lijstnaam(pad[:-1])
        i = index_van(ouder, naam, stap.sleutel)
        if waarde is ONTBREEKT:
            if i is not None:
                verwijder(ouder, i)
        elif i is None:
            voeg_in(ouder, plaats_op_datum(ouder, waarde), _zonder_staart(waarde))
        else:
            vervang(ouder, i, _zonder_staart(waarde))
        return
    if waarde is ONTBREEKT:
        if stap in ouder:
            del ouder[stap]
    elif stap in ouder:
        vervang(ouder, stap, _zonder_staart(waarde))
    else:
        from leersteun.editing.bewerk import VOLGORDE, VOLGORDE_IN

        volgorde = VOLGORDE if len(pad) == 1 else VOLGORDE_IN.get(str(pad[-2]), [])
        na = volgorde[volgorde.index(stap) + 1 :] if stap in volgorde else []
        positie = next((i for i, k in enumerate(ouder) if k in na), len(ouder))
        ouder.insert(positie, stap, _zonder_staart(waarde))


# ---------------------------------------------------------------------------- one merge


@dataclass
class Uitkomst:
    """The result of merging: the text to write; when it has questions, the text holds both
    versions between conflict markers. `meldingen` tell the user what the merge did on its own
    (a renumbered goal). `heel`: the question is the whole case (both created it)."""

    tekst: str
    tegenspraken: list[Tegenspraak] = field(default_factory=list)
    fouten: list[Bevinding] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    heel: bool = False
    andere_leerling: bool = False

    @property
    def gelukt(self) -> bool:
        return not self.tegenspraken and not self.fouten and not self.heel and not self.andere_leerling


def _bestand(pad: Path, tekst: str, getoond: str) -> YamlBestand:
    return YamlBestand(pad, tekst.encode("utf-8"), tekst, ontleed(tekst, getoond), toon_pad=getoond)


def fouten_in(tekst: str, pad: Path, ctx: Context, getoond: str) -> list[Bevinding]:
    try:
        _, bevindingen = controleer_dossier(_bestand(pad, tekst, getoond), ctx.voor(pad))
    except Fout as e:
        return [b for b in e.bevindingen if b.is_fout] or [Bevinding(getoond, 1, 1, e.boodschap)]
    return [b for b in bevindingen if b.is_fout]


def leerling_van(data: Any) -> tuple[str, str, Any]:
    """Who a case is about: first name, surname (as people type them) and birth date."""
    leerling = _g(data.get("leerling")) if isinstance(data, dict) else None
    if not isinstance(leerling, dict):
        return ("", "", None)
    return (normaal(str(leerling.get("voornaam") or "")), normaal(str(leerling.get("naam") or "")), leerling.get("geboortedatum"))


def voeg_samen(basis: str, mijn: str, hun: str, pad: Path, ctx: Context) -> Uitkomst:
    """Merge three versions of one case file (`mijn`: this clone's, not yet shared). Raises
    `Fout` when a version is not a YAML mapping (the caller merges its lines instead)."""
    getoond = pad.as_posix()
    if basis == hun or mijn == hun:
        return Uitkomst(mijn)
    if basis == mijn:
        return Uitkomst(hun)
    a = _bestand(pad, mijn, getoond)
    b = ontleed(hun, getoond)
    o = ontleed(basis, getoond) if basis.strip() else CommentedMap()
    if not basis.strip():  # both created this case
        if _g(a.data) == _g(b):
            return Uitkomst(_met_hun_opmaak(mijn, mijn, hun, a.data, getoond))
        andere = leerling_van(a.data) != leerling_van(b)
        return Uitkomst(met_tekens(mijn, hun), heel=not andere, andere_leerling=andere)
    voor, hun_voor = copy.deepcopy(a.data), copy.deepcopy(b)
    samenvoeger = _Samenvoeger()
    samenvoeger.mappen(o, a.data, b, ())
    meldingen = [f"{pad.stem}: {m}" for m in samenvoeger.meldingen]
    if samenvoeger.tegenspraken:
        return Uitkomst(_beide(a, samenvoeger.tegenspraken), samenvoeger.tegenspraken, meldingen=meldingen)
    tekst = _met_hun_opmaak(basis, nieuwe_tekst(a), hun, a.data, getoond)
    fouten = fouten_in(tekst, pad, ctx, getoond)
    if not fouten:
        return Uitkomst(tekst, meldingen=meldingen)
    # each side was valid alone, together they are not: a question about the sections at fault
    tegenspraken = _vragen_bij_fouten(tekst, fouten, voor, hun_voor, getoond)
    if not tegenspraken:
        return Uitkomst(met_tekens(mijn, hun), [], fouten, meldingen, heel=True)
    return Uitkomst(_beide(a, tegenspraken), tegenspraken, fouten, meldingen)


def _met_hun_opmaak(basis: str, resultaat: str, hun: str, data: Any, getoond: str) -> str:
    """The merged text with what "hun" changed in the text beyond the data (comments, quoting,
    order), where a line merge places it cleanly and the data stay exactly the same."""
    tekst, _ = diff3.samen(basis, resultaat, hun, bij_conflict="a+opmerkingen")
    if tekst == resultaat:
        return resultaat
    try:
        if _g(ontleed(tekst, getoond)) == _g(data):
            return tekst
    except Fout:
        pass
    return resultaat


def _vragen_bij_fouten(tekst: str, fouten: list[Bevinding], mijn: Any, hun: Any, getoond: str) -> list[Tegenspraak]:
    """The top-level sections where the merged case has an error, each as a question between
    the two versions of that section."""
    data = ontleed(tekst, getoond)
    begin = sorted((data.lc.key(k)[0] + 1, k) for k in data)
    sleutels_: list[str] = []
    for f in fouten:
        vorige = [k for regel, k in begin if regel <= f.regel]
        k = vorige[-1] if vorige else None
        if k is not None and k != "id" and k not in sleutels_ and _g(mijn.get(k, ONTBREEKT)) != _g(hun.get(k, ONTBREEKT)):
            sleutels_.append(k)
    return [Tegenspraak([(k,)], [mijn.get(k, ONTBREEKT)], [hun.get(k, ONTBREEKT)]) for k in sleutels_]


def _beide(a: YamlBestand, tegenspraken: list[Tegenspraak]) -> str:
    """Both versions with markers: mine as merged, theirs the same but for each question."""
    mijn_data = copy.deepcopy(a.data)
    for t in tegenspraken:
        for p, waarde in zip(t.paden, t.mijn):
            zet_pad(mijn_data, p, waarde)
    hun_data = copy.deepcopy(a.data)
    for t in tegenspraken:
        for p, waarde in zip(t.paden, t.hun):
            zet_pad(hun_data, p, waarde)
    mijn = nieuwe_tekst(YamlBestand(a.pad, a.ruw, a.tekst, mijn_data))
    hun = nieuwe_tekst(YamlBestand(a.pad, a.ruw, a.tekst, hun_data))
    return met_tekens(mijn, hun)


# ---------------------------------------------------------------------------- the driver


def _context(pad: Path) -> Context:
    """The folder of the case being merged (git runs the driver at the repository's root)."""
    from leersteun.reading import dossiers, folder

    try:
        map_ = folder.vind_map(pad.resolve().parent.parent) if (pad.resolve().parent.parent / folder.INSTELLINGEN).is_file() else folder.vind_map()
    except Fout:
        map_ = None
    return dossiers.context_zonder_fout(map_)


MELDINGEN = "leersteun-meldingen"  # in the clone's .git: what a merge told, for `delen` to show


def bewaar_meldingen(map_: Path, meldingen: list[str]) -> None:
    if not meldingen:
        return
    from leersteun.files.git import git_pad

    try:
        pad = git_pad(map_, MELDINGEN)
        with open(pad, "a", encoding="utf-8") as f:
            f.writelines(m + "\n" for m in meldingen)
    except (Fout, OSError):
        pass


def driver(basis: Path, mijn: Path, hun: Path, pad: str) -> int:
    """git's merge driver: write the result into `mijn` (%A); 0 when merged into a valid case,
    1 when a question remains (never 0 with a result that does not validate)."""
    from leersteun.files.git import bezig_met_rebase
    from leersteun.files.schijf import MAX_GROOTTE, als_tekst, lees_begrensd, schrijf_atomisch

    if bezig_met_rebase(Path.cwd()):  # during a rebase, %A is the upstream and %B my own commit
        mijn_label, hun_label = hun, mijn
    else:
        mijn_label, hun_label = mijn, hun
    ruw_a = mijn.read_bytes()
    ctx = _context(Path(pad))
    try:
        o, a, b = (als_tekst(lees_begrensd(p, pad, MAX_GROOTTE, Fout), pad)[0] for p in (basis, mijn_label, hun_label))
        uitkomst = voeg_samen(o, a, b, Path(pad), ctx)
    except (Fout, OSError, ValueError) as e:
        boodschap = e.boodschap if isinstance(e, Fout) else str(e)
        print(f"leersteun: {pad}: samenvoegen per veld lukte niet ({boodschap}); de regels worden samengevoegd.", file=sys.stderr)
        uitkomst = _regels_samen(basis, mijn_label, hun_label, Path(pad), ctx)
    tekst = uitkomst.tekst
    if b"\r\n" in ruw_a:
        tekst = tekst.replace("\r\n", "\n").replace("\n", "\r\n")
    schrijf_atomisch(mijn, (b"\xef\xbb\xbf" if ruw_a.startswith(b"\xef\xbb\xbf") else b"") + tekst.encode("utf-8"))
    for melding in uitkomst.meldingen:
        print(f"leersteun: {melding}", file=sys.stderr)
    bewaar_meldingen(Path.cwd(), uitkomst.meldingen)
    if uitkomst.gelukt:
        return 0
    print(f"leersteun: {pad}: de twee versies spreken elkaar tegen; kies met 'leersteun conflict {Path(pad).stem}'.", file=sys.stderr)
    return 1


def _regels_samen(basis: Path, mijn: Path, hun: Path, pad: Path, ctx: Context) -> Uitkomst:
    """A merge by lines, for versions that are no case (not YAML, too large): clean only when
    the result is a valid case; else markers."""
    teksten = [p.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n") for p in (basis, mijn, hun)]
    tekst, schoon = diff3.samen(*teksten)
    if schoon and not fouten_in(tekst, pad, ctx, pad.as_posix()):
        return Uitkomst(tekst)
    if schoon:
        tekst = met_tekens(teksten[1], teksten[2])
    return Uitkomst(tekst, heel=True)


if __name__ == "__main__":  # pragma: no cover - run by git, tested through git
    if len(sys.argv) != 5:
        print("gebruik: python -m leersteun.editing.merge BASIS MIJN HUN PAD (git's merge driver)", file=sys.stderr)
        sys.exit(2)
    sys.exit(driver(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]))
