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
import sys
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


@dataclass
class Geldig(Gelezen):
    """A case read and valid (no errors): its data and its model are there."""

    bestand: YamlBestand
    dossier: Dossier


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


def verwerk(pad: Path, ruw: bytes | None, ctx: Context) -> tuple[Dossier | None, list[Bevinding]]:
    """Parse and check one case with the command's context (its today, its settings): (the
    valid model, or None with the errors). `ruw` None (a link, an unreadable file) goes
    straight to the round-trip path, which says why."""
    try:
        # A number where the case wants text (klas: 5) goes to the round trip, which sees how
        # it was written (0017, 0x1F, 1_000 and .inf are refused there).
        dossier = Dossier.model_validate(_gegevens(ruw), context=_SNEL)
        hier = ctx.voor(pad)
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
    model, bevindingen = controleer_dossier(bestand, ctx.voor(pad))
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


_SNEL = {GEEN_GETALLEN: True}  # the validation context of this path
_REGELS = [r for r in DOSSIER_REGELS if r is not _smart]  # SMART only warns


def lees_alle(
    map_: Dossiermap,
    ctx: Context,
    voortgang: Callable[[int, int], Any] | None = None,
    stap: Callable[[Path, Dossier], Any] | None = None,
    alleen: set[Path] | None = None,
) -> Iterator[Gelezen]:
    """Every case of the folder (or only those in `alleen`), valid or with its errors, one at
    a time, in file order, judged with the command's context `ctx` (also in the workers).

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
    stukken = _in_stukken(paden, dubbel, stap, aantal, ctx) if stap is not None and aantal > 1 else ([_lees(p, dubbel, stap, ctx)] for p in paden)
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
    ctx: Context,
    stap: Callable[[Path, Dossier], Any],
    fouten: list[Gelezen] | None = None,
    voortgang: Callable[[int, int], Any] | None = None,
) -> Iterator[Any]:
    """What `stap` made of each valid case (None left out), in file order, read as
    `lees_alle` reads; the files with errors are added to `fouten` when it is given."""
    for g in lees_alle(map_, ctx, voortgang, stap=stap):
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


def _lees(pad: Path, dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any] | None, ctx: Context) -> Gelezen | None:
    """One file; None when it was removed while the folder was read."""
    if dubbel and pad in dubbel:
        return Gelezen(pad, None, None, [Bevinding(toon(pad), 1, 1, dubbel[pad])])
    try:
        ruw = _bytes(pad)
    except FileNotFoundError:
        return None
    dossier, fouten = verwerk(pad, ruw, ctx)
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
# A large folder is read by this process and by worker processes. Where forking is cheap and
# safe (Linux) a worker is forked from this one: it starts at once, with every module imported
# and the list of files in memory. Elsewhere (macOS, Windows) a worker is started afresh
# (`spawn`): it imports leersteun itself (a few tenths of a second, while this process already
# reads) and is sent the list of files, the command's Context (its today: every core judges by
# the same day) and `stap`; `stap` is mostly a function
# made inside another (a lambda that holds the week, `--anoniem`), which pickle cannot send
# by name, so it travels by value (`_lading`).
#
# The folder is cut into chunks in file order; this process and the workers each take the
# next chunk number from one counter they share, so whoever is faster reads more. A worker
# sends back, per chunk, only what `stap` made of each case (the overview's rows, valideer's
# findings) and the errors; this process hands the chunks on in file order. No helper threads
# (multiprocessing's Pool feeds its workers from threads that wait for this busy process's
# GIL: 90 ms before the first task, measured) and no files: multiprocessing's pipes, shared
# counter and `wait`, which work on every platform. Ctrl-C, an error in a worker and a worker
# that dies end every worker; a worker whose parent is gone stops.

START = "fork" if sys.platform == "linux" else "spawn"  # how a worker starts (tests try both)
MIN_PER_PROCES = {"fork": 300, "spawn": 1500}  # fewer files per process: starting a worker costs more than it helps
STUK = 100  # files per chunk: small enough for a steady progress bar and an even split
_PIJP = 1 << 20  # room for a few chunks' results (Linux allows 1 MB without privileges)


def processen(bestanden: int) -> int:
    """How many processes read `bestanden` files: 1, or one per core for a large folder;
    LEERSTEUN_PROCESSEN caps it (1: this process alone)."""
    hoogstens = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    gevraagd = os.environ.get("LEERSTEUN_PROCESSEN", "").strip()
    if gevraagd:
        if not re.fullmatch(r"[0-9]+", gevraagd) or int(gevraagd) < 1:
            raise Fout(f"LEERSTEUN_PROCESSEN='{gevraagd}' is geen aantal; schrijf een geheel getal vanaf 1 (1: alles in één proces).")
        hoogstens = min(hoogstens, int(gevraagd))
    return max(1, min(hoogstens, bestanden // MIN_PER_PROCES[START]))


class WerkerFout(RuntimeError):
    """A worker process stopped without sending its results (killed, out of memory)."""


@dataclass
class _Rij:
    """The chunk numbers nobody has taken yet: a counter in memory that this process and its
    workers share (multiprocessing's Value, with its lock)."""

    teller: Any
    aantal: int

    def neem(self, wacht: Callable[[], None]) -> int | None:
        """The next chunk number, or None when all are taken. A process killed while it took
        a number would hold the lock for ever: every second `wacht` may end the wait (this
        process checks its workers, a worker its parent)."""
        slot = self.teller.get_lock()
        while not slot.acquire(timeout=1):
            wacht()
        try:
            nummer = self.teller.value
            self.teller.value = nummer + 1
        finally:
            slot.release()
        return nummer if nummer < self.aantal else None


def _in_stukken(paden: list[Path], dubbel: dict[Path, str], stap: Callable[[Path, Dossier], Any], aantal: int, ctx: Context) -> Iterator[list[Gelezen | None]]:
    """The chunks of files in order, read here and by `aantal - 1` workers, each with `ctx`."""
    import multiprocessing
    from multiprocessing.connection import wait

    Dossier.model_rebuild()  # the validator is built once, before a fork, not in every worker
    soort = multiprocessing.get_context(START)
    stukken = range(0, len(paden), STUK)
    rij = _Rij(soort.Value("q", 0), len(stukken))
    try:
        lading = _lading(stap) if START == "spawn" else stap
    except Exception:  # noqa: BLE001 - what `stap` holds cannot travel: this process reads it all
        lading = None
    werkers: dict[Any, Any] = {}  # result pipe -> process
    try:
        for _ in range(aantal - 1 if lading is not None else 0):
            try:
                uit, proces = _start_werker(soort, rij, paden, dubbel, lading, STUK, list(werkers), ctx)
            except OSError:
                break  # no more processes allowed: those started (or this one alone) read it all
            werkers[uit] = proces
        klaar: dict[int, list[Gelezen | None]] = {}

        def controleer() -> None:
            for uit, proces in list(werkers.items()):
                if proces.exitcode is not None:
                    _ontvang(uit, werkers, klaar, paden, stukken)

        for volgende in range(len(stukken)):
            while volgende not in klaar:
                for uit in wait(list(werkers), 0) if werkers else ():
                    _ontvang(uit, werkers, klaar, paden, stukken)
                if volgende in klaar:
                    break
                eigen = rij.neem(controleer)
                if eigen is not None:
                    begin = stukken[eigen]
                    klaar[eigen] = [_lees(p, dubbel, stap, ctx) for p in paden[begin : begin + STUK]]
                elif werkers:
                    for uit in wait(list(werkers)):  # the chunk is a worker's: wait for it
                        _ontvang(uit, werkers, klaar, paden, stukken)
                else:
                    raise WerkerFout("een werkproces stopte onverwacht")
            yield klaar.pop(volgende)
    finally:
        _stop(werkers)


def _ontvang(uit: Any, werkers: dict[Any, Any], klaar: dict, paden: list[Path], stukken: range) -> None:
    """One message of a worker: a chunk's results (or its error, raised here); at the end of
    its pipe the worker is done, or died (killed, out of memory)."""
    import pickle

    try:
        data = uit.recv_bytes()
    except (EOFError, OSError):
        proces = werkers.pop(uit)
        uit.close()
        proces.join()
        if proces.exitcode != 0:
            raise WerkerFout("een werkproces stopte onverwacht") from None
        return
    soort, nummer, inhoud = pickle.loads(data)
    if soort == "fout":
        raise inhoud
    begin = stukken[nummer]
    klaar[nummer] = [None if u is None else Gelezen(p, None, None, u[0], u[1]) for p, u in zip(paden[begin : begin + len(inhoud)], inhoud)]


def _start_werker(
    soort: Any, rij: _Rij, paden: list[Path], dubbel: dict[Path, str], lading: Any, grootte: int, andere: list[Any], ctx: Context
) -> tuple[Any, Any]:
    """A worker (its result pipe and its process) started with SIGINT ignored from its first
    instruction: Ctrl-C is for this process, which stops every worker, and a worker never
    prints a traceback. `andere` are the pipes of the workers started before, which a forked
    worker closes (a spawned one never has them)."""
    import signal

    uit, schrijf = soort.Pipe(duplex=False)
    sluit = [uit, *andere] if START == "fork" else []
    proces = soort.Process(target=_werk, args=(rij, schrijf, paden, dubbel, lading, grootte, sluit, ctx), daemon=True)
    hoofd = _hoofdthread()
    oud = signal.signal(signal.SIGINT, signal.SIG_IGN) if hoofd else None  # kept through fork and exec
    try:
        proces.start()
    except BaseException:
        uit.close()
        raise
    finally:
        schrijf.close()
        if hoofd:
            signal.signal(signal.SIGINT, oud)
    return uit, proces


def _hoofdthread() -> bool:
    """Is this the main thread (the only one that may set a signal handler)?"""
    import threading

    return threading.current_thread() is threading.main_thread()


def _werk(rij: _Rij, uit: Any, paden: list[Path], dubbel: dict[Path, str], lading: Any, grootte: int, sluit: list[Any], ctx: Context) -> None:
    """A worker: takes chunk numbers until none is left and sends back each chunk's results,
    judging each case with the main process's context (its today and settings: the same
    verdict on every core).
    It never returns into the caller's code (os._exit): a forked worker shares this process's
    open files and buffers."""
    import pickle
    import signal

    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for pijp in sluit:
            pijp.close()
        _groter(uit)
        gc.set_threshold(max(gc.get_threshold()[0], 50_000))  # as `_zelden_opruimen` in this process
        gc.freeze()
        try:
            stap = pickle.loads(lading) if isinstance(lading, bytes) else lading
        except Exception as e:  # noqa: BLE001 - the main process says why
            _stuur(uit, ("fout", -1, e))
            raise
        while (nummer := rij.neem(_ouder_weg)) is not None:
            begin = grootte * nummer
            try:
                bericht: tuple[str, int, Any] = ("stuk", nummer, [_als_bericht(_lees(p, dubbel, stap, ctx)) for p in paden[begin : begin + grootte]])
            except Exception as e:  # noqa: BLE001 - raised again in the main process
                bericht = ("fout", nummer, e)
            _stuur(uit, bericht)
            if bericht[0] == "fout":
                break
        code = 0
    finally:
        os._exit(code)


def _ouder_weg() -> None:
    """A worker whose main process is gone stops."""
    from multiprocessing import parent_process

    ouder = parent_process()
    if ouder is not None and not ouder.is_alive():
        raise SystemExit(1)


def _stuur(uit: Any, bericht: tuple[str, int, Any]) -> None:
    import pickle

    try:
        data = pickle.dumps(bericht, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as e:  # noqa: BLE001 - an error that cannot be pickled: its text can
        data = pickle.dumps(("fout", bericht[1], WerkerFout(f"{type(e).__name__}: {e}")), protocol=pickle.HIGHEST_PROTOCOL)
    uit.send_bytes(data)


def _groter(uit: Any) -> None:
    """A larger pipe for the results where the system allows it (Linux): the worker waits for
    the reader less often."""
    try:
        import fcntl

        fcntl.fcntl(uit.fileno(), fcntl.F_SETPIPE_SZ, _PIJP)
    except (ImportError, AttributeError, OSError):
        pass


def _als_bericht(g: Gelezen | None) -> tuple[list[Bevinding], Any] | None:
    return None if g is None else (g.bevindingen, g.uitkomst)


def _stop(werkers: dict[Any, Any]) -> None:
    """Every worker ends: done, or stopped when this process stops early (Ctrl-C, an error)."""
    for uit, proces in werkers.items():
        uit.close()  # a worker still writing gets a broken pipe and stops
        if proces.exitcode is None:
            proces.terminate()
        proces.join()


# ------------------------------------------------------- `stap` for a worker that is not forked


def _lading(stap: Callable[[Path, Dossier], Any]) -> bytes:
    """`stap` as bytes for a spawned worker. A function made inside another (a lambda, a
    closure) travels by value: its code (marshal: the worker runs this same Python), its
    module by name and the values it holds; a module it holds travels by name; anything else
    as pickle sends it. What cannot travel raises here, and this process reads alone."""
    import io
    import pickle
    import types

    class Inpakker(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            if isinstance(obj, types.FunctionType) and "<" in obj.__qualname__:
                import marshal

                cellen = tuple(c.cell_contents for c in obj.__closure__ or ())
                return _functie, (obj.__module__, marshal.dumps(obj.__code__), obj.__name__, obj.__qualname__, obj.__defaults__, obj.__kwdefaults__, cellen)
            if isinstance(obj, types.ModuleType):
                return _module, (obj.__name__,)
            return NotImplemented

    buffer = io.BytesIO()
    Inpakker(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(stap)
    return buffer.getvalue()


def _functie(module: str, code: bytes, naam: str, volledig: str, standaard: Any, standaard_kw: Any, cellen: tuple) -> Any:
    """A function sent by value (`_lading`), made again in the worker."""
    import marshal
    import types

    f = types.FunctionType(marshal.loads(code), _module(module).__dict__, naam, standaard, tuple(types.CellType(c) for c in cellen) or None)
    f.__qualname__ = volledig
    f.__kwdefaults__ = standaard_kw
    return f


def _module(naam: str) -> Any:
    import importlib

    return importlib.import_module(naam)
