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

import datetime as dt
import gc
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import Bevinding, Fout, OngeldigBestand
from leersteun.core.tekst import CONFLICTTEKEN
from leersteun.files.schijf import MAX_GROOTTE, toon
from leersteun.reading.folder import Dossiermap, dubbele_ids
from leersteun.rules.checks import DOSSIER_REGELS, Context, _smart, instellingen_regels
from leersteun.rules.model import GEEN_GETALLEN, Dossier, Instellingen

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
# bytes, a single byte first: that search is ten times as fast): the fast path stays fast
# on ordinary files.
_TEKEN = re.compile(rb"(?:^|[\s\[{,:-])[&*!][^\s,\[\]{}]", re.M)
_CONFLICT = re.compile(CONFLICTTEKEN.encode(), re.M)
_SAMENVOEGEN = re.compile(rb"^[ \t-]*<<[ \t]*:", re.M)


def _verdacht(ruw: bytes) -> bool:
    return (
        b"\x00" in ruw
        or ruw.startswith(b"\xef\xbb\xbf")
        or ((b"&" in ruw or b"*" in ruw or b"!" in ruw) and _TEKEN.search(ruw) is not None)
        or (b"<" in ruw and b"<<" in ruw and (_SAMENVOEGEN.search(ruw) is not None or _CONFLICT.search(ruw) is not None))
        or (b"=" in ruw and b"=======" in ruw and _CONFLICT.search(ruw) is not None)
        or (b">" in ruw and b">>>>>>>" in ruw and _CONFLICT.search(ruw) is not None)
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
        # A number where the case wants text (klas: 5) goes to the round trip, which sees how
        # it was written (0017, 0x1F, 1_000 and .inf are refused there).
        dossier = Dossier.model_validate(_gegevens(ruw), context=_SNEL)
        hier = Context(bestandsnaam=pad.stem, vandaag=_vandaag())
        if not any(m[2] == "fout" for regel in _REGELS for m in regel(dossier, hier)):
            return dossier, []
    except (ValueError, TypeError, OverflowError, RecursionError, OSError):  # the round-trip path below says exactly what
        pass
    from leersteun.files.store import lees  # the round trip, and ruamel, only for a file that needs it
    from leersteun.rules.checks import controleer_dossier

    try:
        bestand = lees(pad, toon(pad))
    except OngeldigBestand as e:
        return None, e.bevindingen
    model, bevindingen = controleer_dossier(bestand, Context().voor(pad))
    fouten_ = [b for b in bevindingen if b.is_fout]
    return (model if not fouten_ else None), fouten_


def instellingen(pad: Path) -> Instellingen | None:
    """leersteun.yaml through the fast parser when it is valid as it is; None sends it to
    the round-trip path (`dossiers.instellingen`), which says exactly what is wrong. That
    path costs 60 ms on every command (ruamel and its pure-Python parser), this one 1 ms."""
    try:
        waarde = Instellingen.model_validate(_gegevens(_bytes(pad), getallen=True), context=_SNEL)
    except (ValueError, TypeError, OverflowError, RecursionError, OSError):
        return None
    return None if any(True for _ in instellingen_regels(waarde)) else waarde


def _gegevens(ruw: bytes | None, getallen: bool = False) -> dict:
    """The plain data of a file the fast path takes as it is; ValueError sends it to the
    round trip (nothing read, too large, a suspicious construct, with `getallen` a number
    written so that YAML reads another value, several documents, a list, a scalar)."""
    if ruw is None or len(ruw) > MAX_GROOTTE or _verdacht(ruw) or (getallen and _GETAL.search(ruw)):
        raise ValueError("round-trip path")
    tekst = ruw.decode("utf-8")
    if not _leesbaar(ruw, tekst):
        raise ValueError("round-trip path")
    data = _laad(tekst)
    if not isinstance(data, dict):
        raise ValueError("round-trip path")
    return data


# Every byte but the controls that YAML refuses (C0 without \t, \n, \r; DEL): what remains of a
# file after deleting these is such a control.
_GEEN_STUURTEKEN = bytes(b for b in range(256) if b not in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F in UTF-8, NEL among them


def _leesbaar(ruw: bytes, tekst: str) -> bool:
    """Does the round trip's YAML reader read this file as the fast parser does? Not with a
    character it refuses anywhere, also in a comment (a control, U+FFFE, U+FFFF), nor with a
    line break of YAML 1.1 (NEL, U+2028, U+2029): such a file goes to the round trip, which
    names the character with its line and column. A few microseconds: single bytes and
    characters are looked for first."""
    return not (
        ruw.translate(None, _GEEN_STUURTEKEN)
        or (b"\xc2" in ruw and _C1.search(ruw) is not None)
        or "\u2028" in tekst
        or "\u2029" in tekst
        or "\ufffe" in tekst
        or "\uffff" in tekst
    )


# leersteun.yaml has numbers (poort, leerlingen): one written so that YAML reads another value
# (0017, +17, -0, 0x1F, 0o17, 1_000, .inf) is refused by the round trip, so it goes there. Only
# a whole value counts: a phone number such as 014 56 78 90 is text.
_GETAL = re.compile(
    rb"(?:^|[\s:\[{,])(?:\+[0-9.][0-9a-z_.]*|-0|[-+]?0[0-9_xob][0-9a-f_]*|[-+]?[0-9][0-9_]*_[0-9_]*|[-+]?\.(?:inf|nan))"
    rb"(?=[ \t]*(?:$|#|[,\]}]))",
    re.I | re.M,
)
_HEDEN: tuple[float, dt.date] = (-1e9, dt.date.min)


def _vandaag() -> dt.date:
    """Today for the rules, asked of the clock once a second rather than per case."""
    global _HEDEN
    nu = time.monotonic()
    if nu - _HEDEN[0] > 1:
        _HEDEN = (nu, dt.date.today())
    return _HEDEN[1]


_SNEL = {GEEN_GETALLEN: True}  # the validation context of this path
_REGELS = [r for r in DOSSIER_REGELS if r is not _smart]  # SMART only warns


def lees_alle(
    map_: Dossiermap,
    voortgang: Callable[[int, int], Any] | None = None,
    stap: Callable[[Path, Dossier], Any] | None = None,
    alleen: set[Path] | None = None,
) -> Iterator[Gelezen]:
    """Every case of the folder (or only those in `alleen`), valid or with its errors, one at
    a time, in file order.

    Memory stays flat: only the list of file names and one case at a time are held.

    With `stap`, each valid case is handed to `stap(pad, model)` and only what it returns is
    kept (`Gelezen.uitkomst`; `dossier` stays None). The work may then be spread over the
    cores (`processen`): a result of `stap` is small where a model is not."""
    oud = map_.pad / OUDE_CACHE
    if oud.is_dir() and not oud.is_symlink():
        shutil.rmtree(oud, ignore_errors=True)
    paden = map_.case_bestanden()
    dubbel = dubbele_ids(paden)
    if alleen is not None:
        paden = [p for p in paden if p in alleen]
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


def uitkomsten(
    map_: Dossiermap,
    stap: Callable[[Path, Dossier], Any],
    fouten: list[Gelezen] | None = None,
    voortgang: Callable[[int, int], Any] | None = None,
) -> Iterator[Any]:
    """What `stap` made of each valid case (None left out), in file order, read as
    `lees_alle` reads; the files with errors are added to `fouten` when it is given."""
    for g in lees_alle(map_, voortgang, stap=stap):
        if g.fouten:
            if fouten is not None:
                fouten.append(g)
        elif g.uitkomst is not None:
            yield g.uitkomst


@contextmanager
def _zelden_opruimen() -> Iterator[None]:
    """Python's cycle collector runs far less often while a folder is read, and never walks
    what was there before (modules, the models' validators). Reading makes many objects,
    nearly none in a cycle, and each run of the collector walks all that are kept (the
    overview's rows): 20 % of the time at 20,000 cases, measured."""
    oud = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(oud[0], 50_000), *oud[1:])
    try:
        yield
    finally:
        gc.set_threshold(*oud)
        gc.unfreeze()


def _lees(pad: Path, dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any] | None) -> Gelezen | None:
    """One file; None when it was removed while the folder was read."""
    if dubbel and pad in dubbel:
        return Gelezen(pad, None, None, [Bevinding(toon(pad), 1, 1, dubbel[pad])])
    try:
        ruw = _bytes(pad)
    except FileNotFoundError:
        return None
    dossier, fouten = verwerk(pad, ruw)
    if stap is None or dossier is None:
        return Gelezen(pad, None, dossier, fouten)
    return Gelezen(pad, None, None, fouten, stap(pad, dossier))


def _bytes(pad: Path) -> bytes | None:
    """A file's bytes; None for what the round trip must explain (a link, which is not
    followed, a folder, an unreadable or too large file). A removed file raises
    FileNotFoundError."""
    try:
        fd = os.open(pad, _ALLEEN_LEZEN)
    except FileNotFoundError:
        raise
    except OSError:
        return None
    try:
        return _inhoud(fd)
    except OSError:
        return None  # a folder, say
    finally:
        os.close(fd)


def _inhoud(fd: int) -> bytes | None:
    """The bytes of an open file; None when it is larger than a case may be (the round-trip
    path says so). One read of 64 kB holds nearly every case; asking for MAX_GROOTTE bytes at
    once would allocate a megabyte per file (20 µs of 60, measured)."""
    stuk = os.read(fd, _BLOK)
    if len(stuk) < _BLOK:
        return stuk  # a short read of a regular file: its end
    stukken = [stuk]
    gelezen = len(stuk)
    while gelezen <= MAX_GROOTTE:
        stuk = os.read(fd, _BLOK)
        if not stuk:
            return b"".join(stukken)
        stukken.append(stuk)
        gelezen += len(stuk)
    return None


_BLOK = 1 << 16
_ALLEEN_LEZEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


# ---------------------------------------------------------------------------- on every core
#
# A large folder is read by worker processes forked from this one: they start at once with
# every module already imported and know the list of files. The folder is cut into chunks;
# this process and the workers each take the next chunk from one queue (a pipe holding the
# chunk numbers), so whoever is faster reads more. A worker sends back, per chunk, only
# what `stap` made of each case (the overview's rows, valideer's findings) and the errors;
# this process hands on the chunks in file order. No helper threads: multiprocessing's Pool
# feeds its workers from threads that wait for this busy process's GIL (90 ms before the
# first task, measured). Only on Linux: fork is the cheap start there, macOS and Windows
# would import everything again per process (spawn).

MIN_PER_PROCES = 300  # fewer files than this per process: starting a worker costs more
STUK = 100  # files per chunk: small enough for a steady progress bar and an even split
_PIJP = 1 << 20  # room for a few chunks' results (Linux allows 1 MB without privileges)
_NUMMER = 4  # bytes per chunk number in the queue; a read of 4 bytes from a pipe is atomic


def processen(bestanden: int) -> int:
    """How many processes read `bestanden` files: 1, or one per core for a large folder;
    LEERSTEUN_PROCESSEN caps it (1: this process alone)."""
    import sys

    if sys.platform != "linux":
        return 1
    hoogstens = len(os.sched_getaffinity(0))
    gevraagd = os.environ.get("LEERSTEUN_PROCESSEN", "").strip()
    if gevraagd:
        if not re.fullmatch(r"[0-9]+", gevraagd) or int(gevraagd) < 1:
            raise Fout(f"LEERSTEUN_PROCESSEN='{gevraagd}' is geen aantal; schrijf een geheel getal vanaf 1 (1: alles in één proces).")
        hoogstens = min(hoogstens, int(gevraagd))
    return max(1, min(hoogstens, bestanden // MIN_PER_PROCES))


class WerkerFout(RuntimeError):
    """A worker process stopped without sending its results (killed, out of memory)."""


def _in_stukken(paden: list[Path], dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any], aantal: int) -> Iterator[list[Gelezen | None]]:
    """The chunks of files in order, read here and by `aantal - 1` workers."""
    import select

    Dossier.model_rebuild()  # the validator is built once, before the fork, not in every worker
    grootte = max(STUK, -(-len(paden) // 10_000))  # at most 10,000 numbers: the queue fits in its pipe
    stukken = range(0, len(paden), grootte)
    rij = _rij(len(stukken))
    werkers: dict[int, int] = {}  # result pipe -> process id
    try:
        for _ in range(aantal - 1):
            try:
                pijp, pid = _start_werker(rij, paden, dubbel, stap, stukken, grootte)
            except OSError:
                break  # no more processes allowed: those started (or this one alone) read it all
            werkers[pijp] = pid
        klaar: dict[int, list[Gelezen | None]] = {}
        for volgende in range(len(stukken)):
            while volgende not in klaar:
                open_ = list(werkers)
                for pijp in select.select(open_, [], [], 0)[0] if open_ else ():
                    _ontvang(pijp, werkers, klaar, paden, stukken, grootte)
                if volgende in klaar:
                    break
                eigen = _neem(rij)
                if eigen is not None:
                    begin = stukken[eigen]
                    klaar[eigen] = [_lees(p, dubbel, stap) for p in paden[begin : begin + grootte]]
                elif werkers:
                    for pijp in select.select(list(werkers), [], [])[0]:  # wait for a worker
                        _ontvang(pijp, werkers, klaar, paden, stukken, grootte)
                else:
                    raise WerkerFout("een werkproces stopte onverwacht")
            yield klaar.pop(volgende)
    finally:
        os.close(rij)
        _stop(werkers)


def _rij(aantal: int) -> int:
    """A pipe holding the numbers 0 .. aantal-1; its reading end (the writing end is closed,
    so an empty queue reads as the end)."""
    lees, schrijf = os.pipe()
    try:
        os.write(schrijf, b"".join(i.to_bytes(_NUMMER, "little") for i in range(aantal)))
    finally:
        os.close(schrijf)
    return lees


def _neem(rij: int) -> int | None:
    nummer = os.read(rij, _NUMMER)
    return int.from_bytes(nummer, "little") if nummer else None


def _ontvang(pijp: int, werkers: dict[int, int], klaar: dict, paden: list[Path], stukken: range, grootte: int) -> None:
    """One message of a worker: a chunk's results (or its error, raised here); at the end of
    its pipe the worker is done."""
    import pickle

    kop = _precies(pijp, 8)
    if not kop:
        os.close(pijp)
        os.waitpid(werkers.pop(pijp), 0)
        return
    soort, nummer, inhoud = pickle.loads(_precies(pijp, int.from_bytes(kop, "little")))
    if soort == "fout":
        raise inhoud
    begin = stukken[nummer]
    klaar[nummer] = [None if u is None else Gelezen(p, None, None, u[0], u[1]) for p, u in zip(paden[begin : begin + grootte], inhoud)]


def _precies(fd: int, n: int) -> bytes:
    """n bytes from a pipe, or b"" at its end."""
    stukken = []
    while n:
        stuk = os.read(fd, n)
        if not stuk:
            if stukken:
                raise WerkerFout("een werkproces stopte midden in een bericht")
            return b""
        stukken.append(stuk)
        n -= len(stuk)
    return b"".join(stukken)


def _start_werker(rij: int, paden: list[Path], dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any], stukken: range, grootte: int) -> tuple[int, int]:
    import pickle
    import signal

    lees, schrijf = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(lees)
        os.close(schrijf)
        raise
    if pid:
        os.close(schrijf)
        return lees, pid
    # the worker: never back into the caller's code (os._exit), Ctrl-C is for the main process
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.close(lees)
        try:
            import fcntl

            fcntl.fcntl(schrijf, fcntl.F_SETPIPE_SZ, _PIJP)
        except OSError:
            pass  # a smaller pipe: the worker waits for the reader a little more often
        while (nummer := _neem(rij)) is not None:
            begin = stukken[nummer]
            try:
                bericht: tuple[str, int, Any] = ("stuk", nummer, [_als_bericht(_lees(p, dubbel, stap)) for p in paden[begin : begin + grootte]])
            except Exception as e:  # noqa: BLE001 - raised again in the main process
                bericht = ("fout", nummer, e)
            data = pickle.dumps(bericht, protocol=pickle.HIGHEST_PROTOCOL)
            rest = memoryview(len(data).to_bytes(8, "little") + data)
            while rest:
                rest = rest[os.write(schrijf, rest) :]
            if bericht[0] == "fout":
                break
        code = 0
    finally:
        os._exit(code)


def _als_bericht(g: Gelezen | None) -> tuple[list[Bevinding], Any] | None:
    return None if g is None else (g.bevindingen, g.uitkomst)


def _stop(werkers: dict[int, int]) -> None:
    """Every worker ends: done, or stopped when this process stops early (Ctrl-C, an error)."""
    import signal

    for pijp, pid in werkers.items():
        os.close(pijp)  # a worker still writing gets a broken pipe and stops
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
