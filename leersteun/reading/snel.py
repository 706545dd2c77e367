"""One way to read many cases (valideer, lijst, agenda, overzicht, completion): no cache.

Every file is parsed by a fast YAML parser (`yaml-rs`, Rust, about 50 µs per case) and
validated by the model and the error rules. Anything the fast path does not accept as it is
(a suspicious construct, a parse error, a model or rule error, or no `yaml-rs` on this
platform) goes through ruamel's round-trip path, the one that edits files: its messages and
exact `file:line:column` positions are the ones the user sees. So a file gives the same result
on both paths; `tests/reading/test_corpus.py` proves it with a differential test.

Nothing is stored outside the case folder's own files: no cache, no copy of pupils' data. A
`.leersteun-cache/` left by an older version is removed on the first read.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import Bevinding, OngeldigBestand
from leersteun.core.tekst import CONFLICTTEKEN
from leersteun.files.store import MAX_GROOTTE, lees, toon
from leersteun.reading.folder import Dossiermap
from leersteun.rules.checks import DOSSIER_REGELS, Context, _smart, controleer_dossier
from leersteun.rules.model import GEEN_GETALLEN, Dossier

if TYPE_CHECKING:
    from leersteun.files.store import YamlBestand

OUDE_CACHE = ".leersteun-cache"  # written by versions before 0.9; held pupils' data


@dataclass
class Gelezen:
    """One case file as read: the data (when readable), the model (when valid), findings."""

    pad: Path
    bestand: YamlBestand | None
    dossier: Dossier | None
    bevindingen: list[Bevinding] = field(default_factory=list)
    uitkomst: Any = None  # what `stap` made of the valid model (lees_alle with stap)

    @property
    def fouten(self) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.is_fout]

    @property
    def id(self) -> str:
        return self.dossier.id if self.dossier else self.pad.stem


# What the fast parser would read but the round-trip reader refuses or reads otherwise:
# anchors and aliases, tags (also standard ones such as !!str), merge keys, git conflict
# markers, NUL. Each pattern runs only when its characters occur at all (a plain `in` on the
# bytes): the fast path stays fast on ordinary files.
_TEKEN = re.compile(rb"(?:^|[\s\[{,:-])[&*!][^\s,\[\]{}]", re.M)
_CONFLICT = re.compile(CONFLICTTEKEN.encode(), re.M)
_SAMENVOEGEN = re.compile(rb"^[ \t-]*<<[ \t]*:", re.M)


def _verdacht(ruw: bytes) -> bool:
    return (
        b"\x00" in ruw
        or ruw.startswith(b"\xef\xbb\xbf")
        or ((b"&" in ruw or b"*" in ruw or b"!" in ruw) and _TEKEN.search(ruw) is not None)
        or ((b"<<<<<<<" in ruw or b"=======" in ruw or b">>>>>>>" in ruw) and _CONFLICT.search(ruw) is not None)
        or (b"<<" in ruw and _SAMENVOEGEN.search(ruw) is not None)
    )


def _laad(tekst: str) -> Any:
    """The fast parser; ruamel's C safe loader where yaml-rs is not installed."""
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - a platform without the wheel
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=False).load(tekst)
    return yaml_rs.loads(tekst)


def verwerk(pad: Path, ruw: bytes | None) -> tuple[Dossier | None, list[Bevinding]]:
    """Parse and check one case: (the valid model, or None with the errors). `ruw` None
    (a link, an unreadable file) goes straight to the round-trip path, which says why."""
    try:
        if ruw is None or len(ruw) > MAX_GROOTTE or _verdacht(ruw):
            raise ValueError("round-trip path")
        data = _laad(ruw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("round-trip path")  # several documents, a list, a scalar
        # A number where the case wants text (klas: 5) goes to the round trip, which sees how
        # it was written (0017, 0x1F, 1_000 and .inf are refused there).
        dossier = Dossier.model_validate(data, context=_SNEL)
        hier = Context(bestandsnaam=pad.stem)
        if not any(m[2] == "fout" for regel in _REGELS for m in regel(dossier, hier)):
            return dossier, []
    except (ValueError, TypeError, OverflowError, RecursionError, OSError):  # the round-trip path below says exactly what
        pass
    try:
        bestand = lees(pad, toon(pad))
    except OngeldigBestand as e:
        return None, e.bevindingen
    model, bevindingen = controleer_dossier(bestand, Context().voor(pad))
    fouten_ = [b for b in bevindingen if b.is_fout]
    return (model if not fouten_ else None), fouten_


_SNEL = {GEEN_GETALLEN: True}  # the validation context of this path
_REGELS = [r for r in DOSSIER_REGELS if r is not _smart]  # SMART only warns


def lees_alle(
    map_: Dossiermap,
    voortgang: Callable[[int, int], Any] | None = None,
    stap: Callable[[Path, Dossier], Any] | None = None,
) -> Iterator[Gelezen]:
    """Every case of the folder, valid or with its errors, one at a time, in file order.

    Memory stays flat: only the list of file names and one case at a time are held.

    With `stap`, each valid case is handed to `stap(pad, model)` and only what it returns is
    kept (`Gelezen.uitkomst`; `dossier` stays None). The work may then be spread over the
    cores (`processen`): a result of `stap` is small where a model is not."""
    from leersteun.reading.folder import dubbele_ids

    oud = map_.pad / OUDE_CACHE
    if oud.is_dir() and not oud.is_symlink():
        shutil.rmtree(oud, ignore_errors=True)
    paden = map_.case_bestanden()
    dubbel = dubbele_ids(paden)
    aantal = processen(len(paden)) if stap is not None else 1
    stukken = _in_stukken(paden, dubbel, stap, aantal) if aantal > 1 else ([_lees(p, dubbel, stap)] for p in paden)
    klaar = 0
    with _zelden_opruimen():
        for stuk in stukken:
            for g in stuk:
                if g is not None:
                    yield g
            klaar += len(stuk)
            if voortgang and (aantal > 1 or klaar % 500 == 0):
                voortgang(klaar, len(paden))
    if voortgang:
        voortgang(len(paden), len(paden))


@contextmanager
def _zelden_opruimen() -> Iterator[None]:
    """Python's cycle collector runs far less often while a folder is read. Reading makes
    many objects, nearly none in a cycle, and each run of the collector walks all that are
    kept (the overview's rows): 20 % of the time at 20,000 cases, measured."""
    oud = gc.get_threshold()
    gc.set_threshold(max(oud[0], 50_000), *oud[1:])
    try:
        yield
    finally:
        gc.set_threshold(*oud)


def _lees(pad: Path, dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any] | None) -> Gelezen | None:
    """One file; None when it was removed while the folder was read."""
    if pad in dubbel:
        return Gelezen(pad, None, None, [Bevinding(toon(pad), 1, 1, dubbel[pad])])
    try:
        f = os.open(pad, _ALLEEN_LEZEN)  # a link is not followed: the round-trip path refuses it
    except FileNotFoundError:
        return None
    except OSError:
        ruw = None
    else:
        try:
            with open(f, "rb") as bestand:
                ruw = bestand.read(MAX_GROOTTE + 1)  # a larger file goes to the round-trip path, which refuses it
        except OSError:
            ruw = None  # a folder, say
    dossier, fouten = verwerk(pad, ruw)
    if stap is None or dossier is None:
        return Gelezen(pad, None, dossier, fouten)
    return Gelezen(pad, None, None, fouten, stap(pad, dossier))


_ALLEEN_LEZEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


# ---------------------------------------------------------------------------- on every core
#
# A large folder is read by worker processes, forked from this one: they start at once with
# every module already imported, and each sends back, per chunk of files, only what `stap`
# made of each case (rows of the overview, a yes/no) and the errors. Measured on 2 cores with
# 20,000 cases: 1.9x as fast as one process. Only on Linux: fork is the cheap start there,
# macOS and Windows would import everything again per process (spawn).

MIN_PER_PROCES = 300  # fewer files than this per process: starting the workers costs more
STUK = 250  # files per task: small enough for a steady progress bar and an even split

_WERK: tuple[dict[Path, str], Callable[[Path, Dossier], Any]] | None = None  # set before forking


def processen(bestanden: int) -> int:
    """How many processes read `bestanden` files: 1, or one per core for a large folder."""
    import sys

    if sys.platform != "linux" or os.environ.get("LEERSTEUN_PROCESSEN") == "1":
        return 1
    kernen = len(os.sched_getaffinity(0))
    return max(1, min(kernen, bestanden // MIN_PER_PROCES))


def _in_stukken(paden: list[Path], dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any], aantal: int) -> Iterator[list[Gelezen | None]]:
    """The chunks of files in order: every `aantal`-th one read here, the others by
    `aantal - 1` forked workers meanwhile (each reads ahead, so nobody waits)."""
    import multiprocessing

    global _WERK
    _WERK = (dubbel, stap)
    stukken = [paden[i : i + STUK] for i in range(0, len(paden), STUK)]
    try:
        with multiprocessing.get_context("fork").Pool(aantal - 1, initializer=_werker_start) as pool:
            elders = pool.imap(_werk, [s for i, s in enumerate(stukken) if i % aantal])
            for i, stuk in enumerate(stukken):
                if i % aantal == 0:
                    yield [_lees(p, dubbel, stap) for p in stuk]
                else:
                    yield [None if u is None else Gelezen(p, None, None, u[0], u[1]) for p, u in zip(stuk, next(elders))]
    finally:
        _WERK = None


def _werker_start() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process, which stops the workers


def _werk(stuk: list[Path]) -> list[tuple[list[Bevinding], Any] | None]:
    assert _WERK is not None
    dubbel, stap = _WERK
    uit: list[tuple[list[Bevinding], Any] | None] = []
    for pad in stuk:
        g = _lees(pad, dubbel, stap)
        uit.append(None if g is None else (g.bevindingen, g.uitkomst))
    return uit
