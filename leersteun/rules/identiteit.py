"""Which list entry is which, across versions of a case: identity, not position.

An entry that leersteun adds (a meeting, an evaluation, a person, a measure, a goal's
evaluation) carries a short `id`; a goal has its own (`D1`). An entry without one (typed by
hand, or older than ids) is known by the fields that name it (a traject by vorm and start, a
history line by all it says). Two versions of a list are compared entry by entry through
these keys, so a back-dated meeting is just another entry and never shifts the others.

Paths into a case (`Pad`) step through mappings by key and through lists by `Item`, an
entry's key, so a path means the same entry in every version of the case.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from leersteun.core import datums
from leersteun.files.store import gewoon


class _Ontbreekt:
    """A key or entry that one version does not have."""

    def __repr__(self) -> str:
        return "ONTBREEKT"


ONTBREEKT: Any = _Ontbreekt()

# The fields that name an entry that has no id, per list (the key under which the list hangs).
NATUURLIJK: dict[str, tuple[str, ...]] = {
    "doelen": ("id",),
    "trajecten": ("vorm", "start"),
    "heropstarts": ("gestart",),
    "diplon": ("stap", "datum"),
    "vorige_verslagen": ("soort", "datum"),
    "betrokkenen": ("rol", "naam"),
    "overleggen": ("datum", "soort"),
    "evaluaties": ("datum",),
    "maatregelen": ("wat",),
}
# The lists whose new entries get an id from leersteun (goals number their own).
MET_ID = ("overleggen", "evaluaties", "betrokkenen", "maatregelen")

Sleutel = tuple[Any, ...]


@dataclass(frozen=True)
class Item:
    """A step through a list in a path: the entry with this key."""

    sleutel: Sleutel


Pad = tuple[Any, ...]


def _stabiel(waarde: Any) -> str:
    return repr(gewoon(waarde))


def sleutels(naam: str, items: list[Any]) -> list[Sleutel]:
    """The key of every entry of the list `naam`, unique within the list."""
    gewone = [gewoon(x) for x in items]
    ids = Counter(str(g["id"]) for g in gewone if isinstance(g, dict) and isinstance(g.get("id"), (str, int)))
    velden = NATUURLIJK.get(naam)

    def natuurlijk(g: Any) -> tuple[Any, ...] | None:
        if velden is None or not isinstance(g, dict) or any(g.get(v) is None for v in velden):
            return None
        return tuple(repr(g[v]) for v in velden)

    zonder_id = [g for g in gewone if not (isinstance(g, dict) and ids.get(str(g.get("id")), 0) == 1)]
    namen = Counter(natuurlijk(g) for g in zonder_id)
    uit: list[Sleutel] = []
    gezien: Counter[str] = Counter()
    for g in gewone:
        if isinstance(g, dict) and isinstance(g.get("id"), (str, int)) and ids[str(g["id"])] == 1:
            uit.append(("id", str(g["id"])))
            continue
        nat = natuurlijk(g)
        if nat is not None and namen[nat] == 1:
            uit.append(("nat", nat))
            continue
        inhoud = repr(g)
        uit.append(("inhoud", inhoud, gezien[inhoud]))
        gezien[inhoud] += 1
    return uit


def lijstnaam(pad: Pad) -> str:
    """The name of the list a path ends in (the last key before it)."""
    for stap in reversed(pad):
        if isinstance(stap, str):
            return stap
    return ""


def index_van(lijst: list[Any], naam: str, sleutel: Sleutel) -> int | None:
    for i, k in enumerate(sleutels(naam, lijst)):
        if k == sleutel:
            return i
    return None


def haal(data: Any, pad: Pad) -> Any:
    """The node at `pad`, or ONTBREEKT."""
    for i, stap in enumerate(pad):
        if isinstance(stap, Item):
            if not isinstance(data, list):
                return ONTBREEKT
            j = index_van(data, lijstnaam(pad[:i]), stap.sleutel)
            if j is None:
                return ONTBREEKT
            data = data[j]
        elif isinstance(data, dict) and stap in data:
            data = data[stap]
        else:
            return ONTBREEKT
    return data


def datum_van(item: Any) -> dt.date | None:
    """The date an entry is ordered by (its datum, start or gestart; a date itself)."""
    g = gewoon(item)
    if isinstance(g, dt.date):
        return g
    if isinstance(g, dict):
        for veld in ("datum", "start", "gestart"):
            if isinstance(g.get(veld), dt.date):
                return g[veld]
    return None


def plaats_op_datum(lijst: list[Any], item: Any) -> int:
    """Where a new entry goes in a list kept oldest first: after every entry not later than it."""
    datum = datum_van(item)
    if datum is None:
        return len(lijst)
    plaats = len(lijst)
    while plaats > 0:
        vorige = datum_van(lijst[plaats - 1])
        if vorige is None or vorige <= datum:
            break
        plaats -= 1
    return plaats


# ---------------------------------------------------------------------------- new ids

_TEKENS = "abcdefghjkmnpqrstuvwxyz23456789"


def nieuwe_id(naam: str, item: Any, bestaande: set[str]) -> str:
    """A short id for a new entry of list `naam`: from its content, so the same entry made
    twice on one day by one person is one entry; different entries never share one (a taken
    id is skipped)."""
    inhoud = repr(gewoon({k: v for k, v in dict(item).items() if k != "id"})) if isinstance(item, dict) else repr(gewoon(item))
    for poging in range(1000):
        getal = int.from_bytes(hashlib.sha256(f"{naam}|{inhoud}|{poging}".encode()).digest()[:8], "big")
        tekens = [_TEKENS[getal % 23]]  # a letter first: YAML reads it as text, never as a number
        getal //= 23
        for _ in range(5):
            tekens.append(_TEKENS[getal % len(_TEKENS)])
            getal //= len(_TEKENS)
        kandidaat = "".join(tekens)
        if kandidaat not in bestaande:
            return kandidaat
    raise AssertionError("no free id")  # pragma: no cover - 1000 taken ids in one list


def ids_in(lijst: list[Any]) -> set[str]:
    return {str(x["id"]) for x in lijst if isinstance(x, dict) and x.get("id") is not None}


# ---------------------------------------------------------------------------- paths for people

_ENKELVOUD = {
    "doelen": "doel", "evaluaties": "evaluatie", "overleggen": "overleg", "trajecten": "traject",
    "betrokkenen": "betrokkene", "maatregelen": "maatregel", "heropstarts": "heropstart",
    "geschiedenis": "regel in de geschiedenis", "diplon": "Diplon-stap", "vorige_verslagen": "vorig Verslag",
    "evaluatie_op": "evaluatiemoment", "vorige_ondersteuners": "vorige ondersteuner",
}  # fmt: skip


def beschrijf_item(naam: str, item: Any) -> str:
    """An entry as people name it: 'overleg van 20-11-2026', 'doel D1', 'betrokkene Joris Van Aken'."""
    woord = _ENKELVOUD.get(naam, naam.replace("_", " "))
    g = gewoon(item)
    if isinstance(g, dict):
        if naam == "doelen" and g.get("id"):
            return f"doel {g['id']}"
        if g.get("naam") and naam == "betrokkenen":
            return f"{woord} {g['naam']}"
        if naam == "maatregelen" and g.get("wat"):
            return f"{woord} '{g['wat']}'"
        datum = datum_van(g)
        extra = f" ({g['soort']})" if naam == "overleggen" and g.get("soort") else f" ({g['vorm']})" if naam == "trajecten" and g.get("vorm") else ""
        if datum is not None:
            return f"{woord} van {datums.kort(datum)}{extra}"
        return woord
    if isinstance(g, dt.date):
        return f"{woord} {datums.kort(g)}"
    return f"{woord} {g}"


def toon_pad(data: Any, pad: Pad, ander: Any = None) -> str:
    """A place in the case as people read it: 'doel D1 › evaluatie van 20-11-2026', 'leerling › klas'.
    An entry that `data` lacks is looked up in `ander` (the other version)."""
    delen: list[str] = []
    for i, stap in enumerate(pad):
        if isinstance(stap, Item):
            item = haal(data, pad[: i + 1])
            if item is ONTBREEKT and ander is not None:
                item = haal(ander, pad[: i + 1])
            naam = lijstnaam(pad[:i])
            tekst = beschrijf_item(naam, item) if item is not ONTBREEKT else _ENKELVOUD.get(naam, naam)
            if delen and delen[-1] == naam.replace("_", " "):
                delen[-1] = tekst
            else:
                delen.append(tekst)
        else:
            delen.append(str(stap).replace("_", " "))
    return " › ".join(delen) or "het hele dossier"
