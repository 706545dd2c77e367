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
    """One writer at a time in a folder: an exclusive lock on the folder itself.

    A second command waits (up to `wachten` seconds), then finds the file changed and
    refuses, so no change is ever lost.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: the changed-on-disk check still protects
        yield
        return
    fd = os.open(map_, os.O_RDONLY)
    try:
        einde = time.monotonic() + wachten
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > einde:
                    raise Fout(f"{map_}: een andere leersteun-opdracht is nog aan het schrijven; probeer zo opnieuw.") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


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
            os.link(tijdelijk, pad)  # fails if pad exists: no overwrite race
            os.unlink(tijdelijk)
        else:
            os.replace(tijdelijk, pad)
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except FileNotFoundError:
            pass
        raise
    _fsync_map(map_)


def _ruim_op(pad: Path, ouder_dan: float = 60.0) -> None:
    """Remove temp files a killed writer left for this file (old enough to be nobody's)."""
    grens = time.time() - ouder_dan
    for oud in pad.parent.glob(f".{pad.name}.*.tmp"):
        try:
            if oud.stat().st_mtime < grens:
                oud.unlink()
        except OSError:
            pass


def _fsync_map(map_: Path) -> None:
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
