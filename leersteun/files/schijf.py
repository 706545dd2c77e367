"""Bytes on disk, without ruamel: the size limit of a file, a path as the user sees it,
reading a file with a limit, writing one atomically under the folder's lock, and what a
failed write means. The commands that only read (overzicht, lijst, agenda) never load
ruamel (13 ms) when every file is valid; `store.py` is the round trip.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leersteun.core.errors import Fout

MAX_GROOTTE = 1_000_000  # bytes; a case file is a few KB


def toon(pad: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    try:  # abspath, not resolve: a symlink is shown by its own name
        return str(Path(os.path.abspath(pad)).relative_to(os.path.abspath(Path.cwd())))
    except ValueError:
        return str(pad)


def lees_begrensd(pad: Path, getoond: str, max_grootte: int, fout: Any) -> bytes:
    """The bytes of a file a user names: only a regular file (a pipe or /dev/zero would hang or
    fill memory), read with a limit that does not trust st_size. `fout(boodschap)` makes the
    error for a file that is not acceptable."""
    try:
        if not stat.S_ISREG(os.stat(pad).st_mode):
            raise fout("is geen gewoon bestand (een apparaat, een pipe of iets anders); geef een gewoon bestand op")
        with open(pad, "rb") as f:
            ruw = f.read(max_grootte + 1)
    except FileNotFoundError:
        raise Fout(f"{getoond}: bestand niet gevonden.") from None
    except IsADirectoryError:
        raise Fout(f"{getoond}: is een map, geen bestand.") from None
    except PermissionError:
        raise Fout(f"{getoond}: geen toestemming om dit bestand te lezen.") from None
    except OSError as e:
        raise Fout(f"{getoond} kon niet gelezen worden ({e.strerror or e}).") from None
    if len(ruw) > max_grootte:
        raise fout(f"bestand is groter dan {max_grootte // 1000} kB; dat is te groot voor dit soort bestand")
    return ruw


def lees_tekst(pad: Path, max_grootte: int = MAX_GROOTTE) -> str:
    """A small text file the user gives (a class list): UTF-8 (with or without BOM) or else
    Windows-1252 (as Excel in Flanders saves CSV)."""
    getoond = toon(pad)
    ruw = lees_begrensd(pad, getoond, max_grootte, lambda boodschap: Fout(f"{getoond}: {boodschap}."))
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ruw.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class Vorm:
    """How a text file was written: with a byte order mark, with Windows line endings."""

    bom: bool = False
    crlf: bool = False

    def bytes(self, tekst: str) -> bytes:
        """`tekst` (with \\n) written back the way the file was."""
        if self.crlf:
            tekst = tekst.replace("\r\n", "\n").replace("\n", "\r\n")
        return (b"\xef\xbb\xbf" if self.bom else b"") + tekst.encode("utf-8")


def als_tekst(ruw: bytes, getoond: str = "") -> tuple[str, Vorm]:
    """A UTF-8 file's text with \\n line endings, and how it was written (see `Vorm.bytes`)."""
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Fout(f"{getoond or 'het bestand'}: is geen UTF-8-tekst.") from None
    return tekst.replace("\r\n", "\n"), Vorm(ruw.startswith(b"\xef\xbb\xbf"), b"\r\n" in ruw)


def niet_geschreven(e: OSError) -> str:
    """What a failed write means for the user: nothing changed, and what to check."""
    import errno

    waarom = {
        errno.ENOSPC: "de schijf is vol",
        errno.EDQUOT: "je schijfquotum is op",
        errno.EACCES: "geen toestemming om in deze map te schrijven",
        errno.EPERM: "geen toestemming om in deze map te schrijven",
        errno.EROFS: "de map is alleen-lezen",
        errno.ENOTDIR: "een bestand staat waar een map hoort",
    }.get(e.errno or 0, e.strerror or str(e))
    return f"niet bewaard: {waarom}. Er is niets gewijzigd; los dat op en voer de opdracht opnieuw uit."


@contextmanager
def schrijfslot(map_: Path, wachten: float = 10.0) -> Iterator[None]:
    """One writer at a time in a folder, with the locking the system has, chosen here:

    - POSIX (Linux, macOS): an exclusive `flock` on the folder itself;
    - Windows: `msvcrt.locking` on a file made for the lock in the git directory of the
      folder's clone (`.git/leersteun-….lock`: git never tracks or sends it), or with the
      system's temporary files for a folder outside git.

    No lock file in the team's repository, and nothing left behind that could lock out the
    next command: the system lets go of the lock when the process ends, however it ends. A
    second command waits (up to `wachten` seconds), then finds the file changed and refuses,
    so no change is ever lost. Where a system has neither (or refuses the lock, as some
    network drives do), the changed-on-disk check is the one guard.
    """
    slot = _open_slot(map_)
    if slot is None:
        yield
        return
    fd, neem, laat = slot
    try:
        einde = time.monotonic() + wachten
        while not neem(fd):
            if time.monotonic() > einde:
                raise Fout(f"{map_}: een andere leersteun-opdracht is nog aan het schrijven; probeer zo opnieuw.")
            time.sleep(0.05)
        try:
            yield
        finally:
            laat(fd)
    finally:
        os.close(fd)  # closing lets go of the lock too


def _open_slot(map_: Path) -> tuple[int, Any, Any] | None:
    """The open lock of a folder: its descriptor, `neem(fd)` (True when this process has it
    now, False while another holds it) and `laat(fd)`; None where nothing can be locked."""
    try:
        import fcntl
    except ImportError:
        pass
    else:
        fd = os.open(map_, os.O_RDONLY)

        def neem_posix(fd: int) -> bool:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            except OSError:  # a file system without locks (some network drives)
                return True
            return True

        return fd, neem_posix, lambda fd: None
    try:
        # msvcrt's names exist (in typeshed too) only on Windows; imported by name, this code
        # is type-checked on every system (and tested with a stand-in msvcrt)
        import importlib

        msvcrt = importlib.import_module("msvcrt")
    except ImportError:
        return None
    try:
        fd = os.open(slotbestand(map_), os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0), 0o600)
    except OSError:
        return None

    def neem_windows(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)  # the first byte (it need not exist): every command locks the same
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as e:
            return e.errno not in _BEZET  # held by another command; any other error: no lock here
        return True

    def laat_windows(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

    return fd, neem_windows, laat_windows


def _bezet() -> frozenset[int]:
    import errno

    return frozenset(getattr(errno, n) for n in ("EACCES", "EDEADLOCK", "EDEADLK", "EAGAIN") if hasattr(errno, n))


_BEZET = _bezet()  # what msvcrt.locking raises for a lock another process holds


def slotbestand(map_: Path) -> Path:
    """Where the lock of a folder lives on a system that locks files, not folders: in the git
    directory of its clone (also a `.git` file pointing elsewhere, as in a worktree), else
    with the system's temporary files. One file per folder, named after its full path as the
    system compares paths (without capitals on Windows, links resolved): two commands that
    name the same folder differently take the same lock."""
    import hashlib

    echt = os.path.normcase(os.path.realpath(map_))
    naam = f"leersteun-{hashlib.sha256(echt.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.lock"
    for plek in (Path(echt), *Path(echt).parents):
        git = plek / ".git"
        if git.is_dir():
            return git / naam
        if git.is_file():
            try:
                verwijzing = git.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError):
                break
            if verwijzing.startswith("gitdir:") and (plek / verwijzing[7:].strip()).is_dir():
                return plek / verwijzing[7:].strip() / naam
            break
    return Path(tempfile.gettempdir()) / naam


def schrijf_atomisch(pad: Path, inhoud: bytes, nieuw: bool = False) -> None:
    """Write `inhoud` to `pad` atomically: temp file in the same folder, fsync, rename.

    With `nieuw`, refuse (FileExistsError) when `pad` already exists.
    """
    map_ = pad.parent
    _ruim_op(pad)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=map_)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        if pad.exists():
            os.chmod(tijdelijk, stat.S_IMODE(pad.stat().st_mode))
        else:
            masker = os.umask(0)
            os.umask(masker)
            os.chmod(tijdelijk, 0o666 & ~masker)
        if nieuw:
            _nieuw(tijdelijk, pad)
        else:
            vervang(tijdelijk, pad)
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except FileNotFoundError:
            pass
        raise
    fsync_map(map_)


def _nieuw(tijdelijk: str, pad: Path) -> None:
    """The written file under its name, only if nothing is there yet (FileExistsError), also
    under another spelling on a file system that ignores capitals (NTFS, APFS): a hard link
    fails if the name exists, so two writers never overwrite each other. Where a file system
    has no hard links (FAT on a USB stick, some network drives), the name is claimed with an
    exclusive create and then replaced."""
    try:
        os.link(tijdelijk, pad)
    except FileExistsError:
        raise
    except OSError:
        os.close(os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            vervang(tijdelijk, pad)
        except BaseException:
            pad.unlink(missing_ok=True)  # the claimed name, still empty
            raise
    else:
        os.unlink(tijdelijk)


_WINDOWS = os.name == "nt"


def vervang(bron: str | Path, doel: Path) -> None:
    """os.replace. On Windows a file that another program has open for a moment (a virus
    scanner, a sync program, another command reading the folder) cannot be replaced: try
    again for up to two seconds before the error counts."""
    einde = time.monotonic() + 2
    while True:
        try:
            os.replace(bron, doel)
            return
        except PermissionError:
            if not _WINDOWS or time.monotonic() > einde:
                raise
            time.sleep(0.05)


def _ruim_op(pad: Path, ouder_dan: float = 60.0) -> None:
    """Remove temp files a killed writer left for this file (old enough to be nobody's)."""
    grens = time.time() - ouder_dan
    for oud in pad.parent.glob(f".{pad.name}.*.tmp"):
        try:
            if oud.stat().st_mtime < grens:
                oud.unlink()
        except OSError:
            pass


def fsync_map(map_: Path) -> None:
    """Make a folder's new names (a rename, a removal) last through a power cut; where a
    system cannot, nothing happens."""
    try:
        fd = os.open(map_, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
