"""Reading a whole case folder fast: the C safe loader, a persistent cache, and two cores.

- Read path: ruamel's C-based safe loader and pydantic; the round-trip loader runs only for
  a file with a problem, to report its exact positions.
- Cache: `.leersteun-cache/dossiers.sqlite` in the case folder holds, per case file, the
  validated case and its errors, keyed on the file's identity (path, inode) and content
  (size, times and a BLAKE2 hash of its bytes). A changed, added, removed or renamed case is
  seen at once; a damaged or foreign cache is ignored and rebuilt; writing the cache is best
  effort (a read-only folder still works).
- Cold runs with many files parse them in two worker processes.

Errors (not warnings) of a case do not depend on the date or the settings, so they can be
cached; warnings are computed by `valideer` itself.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leersteun import __version__
from leersteun.errors import Bevinding
from leersteun.folder import Dossiermap
from leersteun.model import Dossier

CACHE_MAP = ".leersteun-cache"
CACHE_BESTAND = "dossiers.sqlite"
FORMAAT = f"2:{__version__}"  # bump when the model changes
PARALLEL_VANAF = 200  # cache misses; below this a worker pool costs more than it saves


@dataclass
class Gelezen:
    pad: Path
    dossier: Dossier | None
    fouten: list[Bevinding]


def _sleutel(pad: Path) -> tuple[int, int, int, int]:
    s = pad.stat()
    return (s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)


def _hash(ruw: bytes) -> bytes:
    return hashlib.blake2b(ruw, digest_size=16).digest()


# What the safe loader would accept but the round-trip reader refuses: anchors and aliases,
# tags (also standard ones such as !!str), git conflict markers, NUL, oversized files.
_VERDACHT = re.compile(rb"(?:^|[\s\[{,:-])[&*!][^\s,\[\]{}]|^(?:<<<<<<<|=======|>>>>>>>)(?: |$)|\x00|^[ \t-]*<<[ \t]*:|\b\d{4}-(?:\d-|\d{2}-\d\b)|\d{4000}|(?:^[ \t]*-[ \t]+|:[ \t]+|[\[,][ \t]*)[-+]?(?:0[0-9_]+|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\d[\d_]*_[\d_]*|\.(?:inf|Inf|INF|nan|NaN|NAN))[ \t]*(?:$|[,\]}#])", re.M)


def verwerk(pad: Path, ruw: bytes) -> tuple[dict | None, list[Bevinding]]:
    """Parse and check one case: (plain data of the valid model, errors)."""
    from ruamel.yaml import YAML

    from leersteun.checks import Context, controleer_dossier
    from leersteun.store import MAX_GROOTTE

    try:
        if len(ruw) > MAX_GROOTTE or _VERDACHT.search(ruw) or pad.is_symlink():
            raise ValueError("round-trip path")
        data = YAML(typ="safe", pure=False).load(ruw)
        dossier = Dossier.model_validate(data)
        fouten = [m for regel in _regels() for m in regel(dossier, Context(bestandsnaam=pad.stem)) if m[2] == "fout"]
        if not fouten:
            return dossier.model_dump(mode="python"), []
    except Exception:  # noqa: BLE001 - anything odd: the round-trip path below says exactly what
        pass
    # Something is wrong: the round-trip path gives the exact positions.
    from leersteun.errors import OngeldigBestand
    from leersteun.store import lees, toon

    try:
        bestand = lees(pad, toon(pad))
    except OngeldigBestand as e:
        return None, e.bevindingen
    model, bevindingen = controleer_dossier(bestand, Context(bestandsnaam=pad.stem))
    fouten_ = [b for b in bevindingen if b.is_fout]
    return (model.model_dump(mode="python") if model is not None and not fouten_ else None), fouten_


def _regels() -> list[Callable]:
    from leersteun.checks import DOSSIER_REGELS, _smart

    return [r for r in DOSSIER_REGELS if r is not _smart]  # SMART only warns


def _werker(paden: list[str]) -> list[tuple[str, tuple, bytes, bytes]]:
    uit = []
    for p in paden:
        pad = Path(p)
        try:
            sleutel = _sleutel(pad)
            ruw = pad.read_bytes()
        except OSError:
            continue
        data, fouten = verwerk(pad, ruw)
        uit.append((p, sleutel, _hash(ruw), pickle.dumps((data, fouten), protocol=pickle.HIGHEST_PROTOCOL)))
    return uit


class Cache:
    """The persistent cache; every problem with it means: ignore it and rebuild."""

    def __init__(self, map_: Dossiermap):
        self.pad = map_.pad / CACHE_MAP / CACHE_BESTAND
        self.db: sqlite3.Connection | None = None
        self.schrijfbaar = True
        try:
            self.pad.parent.mkdir(exist_ok=True)
            ignore = self.pad.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# cache van leersteun: mag altijd weg\n*\n")
            self.db = self._open()
        except (OSError, sqlite3.Error):
            self.db = None

    def _open(self) -> sqlite3.Connection:
        for poging in range(2):
            try:
                db = sqlite3.connect(self.pad, timeout=5)
                db.execute("CREATE TABLE IF NOT EXISTS meta (sleutel TEXT PRIMARY KEY, waarde TEXT)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS dossier (pad TEXT PRIMARY KEY, ino INT, grootte INT, mtime INT, ctime INT, hash BLOB, data BLOB)"
                )
                rij = db.execute("SELECT waarde FROM meta WHERE sleutel='formaat'").fetchone()
                if rij is None or rij[0] != FORMAAT:
                    db.execute("DELETE FROM dossier")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('formaat', ?)", (FORMAAT,))
                    db.commit()
                return db
            except sqlite3.DatabaseError:
                if poging:
                    raise
                self.pad.unlink(missing_ok=True)  # damaged: start over
        raise AssertionError("unreachable")

    def rijen(self) -> Iterator[tuple]:
        """Every cached row, ordered by path (for a merge with the sorted file list)."""
        if self.db is None:
            return iter(())
        try:
            return self.db.execute("SELECT pad, ino, grootte, mtime, ctime, hash, data FROM dossier ORDER BY pad")
        except sqlite3.Error:
            return iter(())

    def data(self, pad: str) -> bytes | None:
        if self.db is None:
            return None
        try:
            rij = self.db.execute("SELECT data FROM dossier WHERE pad = ?", (pad,)).fetchone()
        except sqlite3.Error:
            return None
        return rij[0] if rij else None

    def bewaar(self, rijen: list[tuple[str, tuple, bytes, bytes]], weg: list[str]) -> None:
        if self.db is None or not self.schrijfbaar or not (rijen or weg):
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO dossier VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(p, *k, h, d) for p, k, h, d in rijen],
                )
                self.db.executemany("DELETE FROM dossier WHERE pad = ?", [(p,) for p in weg])
        except sqlite3.Error:
            self.schrijfbaar = False  # what was stored stays readable; the rest is kept in memory


def _vergelijk(paden: list[str], rijen: Iterator[tuple]) -> tuple[list[str], list[str]]:
    """Merge the sorted file list with the sorted cache: (files to parse, rows to drop)."""
    missers: list[str] = []
    weg: list[str] = []
    rijen = iter(rijen)
    rij = next(rijen, None)
    for p in paden:
        while rij is not None and rij[0] < p:
            weg.append(rij[0])
            rij = next(rijen, None)
        if rij is not None and rij[0] == p:
            try:
                pad = Path(p)
                if tuple(rij[1:5]) != _sleutel(pad) or _hash(pad.read_bytes()) != rij[5]:
                    missers.append(p)
            except OSError:
                missers.append(p)
            rij = next(rijen, None)
        else:
            missers.append(p)
    while rij is not None:
        weg.append(rij[0])
        rij = next(rijen, None)
    return missers, weg


def lees_alle(
    map_: Dossiermap,
    voortgang: Callable[[int, int], Any] | None = None,
    cache: bool = True,
) -> Iterator[Gelezen]:
    """Every case of the folder, valid or with its errors, one at a time, in file order.

    Memory stays flat: only the list of file names and one case at a time are held.
    """
    paden = sorted(str(p) for p in map_.case_bestanden())
    db = Cache(map_) if cache else None
    missers, weg = _vergelijk(paden, db.rijen() if db else iter(()))
    vers: dict[str, bytes] = {}  # parsed now, when there is no cache to put them in
    if missers:
        delen = [missers[i : i + 100] for i in range(0, len(missers), 100)]
        gedaan = 0
        if len(missers) >= PARALLEL_VANAF and (os.cpu_count() or 1) > 1:
            import multiprocessing

            pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
            resultaten = pool.map(_werker, delen)
        else:
            pool = None
            resultaten = map(_werker, delen)
        try:
            for deel in resultaten:
                if db is not None:
                    db.bewaar(deel, [])
                if db is None or db.db is None or not db.schrijfbaar:
                    vers.update((p, d) for p, _k, _h, d in deel)
                gedaan += len(deel)
                if voortgang:
                    voortgang(gedaan, len(missers))
        finally:
            if pool is not None:
                pool.shutdown()
    if db is not None:
        db.bewaar([], weg)

    from dataclasses import replace

    from leersteun.store import toon

    from leersteun.errors import Bevinding as _Bevinding
    from leersteun.folder import dubbele_ids

    dubbel = {str(k): v for k, v in dubbele_ids([Path(p) for p in paden]).items()}
    for p in paden:
        if p in dubbel:
            yield Gelezen(Path(p), None, [_Bevinding(toon(Path(p)), 1, 1, dubbel[p])])
            continue
        blob = vers.get(p) if p in vers else (db.data(p) if db is not None else None)
        if blob is None:
            if db is None:
                gevonden = _werker([p])
                if not gevonden:
                    continue
                blob = gevonden[0][3]
            else:
                continue  # vanished while reading
        try:
            data, fouten = pickle.loads(blob)
            dossier = Dossier.model_validate(data) if data is not None else None
        except Exception:  # noqa: BLE001 - a damaged cache row: read the file itself again
            opnieuw = _werker([p])
            if not opnieuw:
                continue
            if db is not None:
                db.bewaar(opnieuw, [])
            data, fouten = pickle.loads(opnieuw[0][3])
            dossier = Dossier.model_validate(data) if data is not None else None
        pad = Path(p)
        if fouten:  # relative to where the user is now, not where the cache was made
            getoond = toon(pad)
            fouten = [replace(b, pad=getoond) for b in fouten]
        yield Gelezen(pad, dossier, fouten)
