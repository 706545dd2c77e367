"""Several files changed as one: every file or none, also when leersteun is killed.

A command that changes more than one file (a school-year rollover, a new case with the link
back from the previous one) collects its writes in a `Wijziging` and carries them out at once:
under the folder's lock it checks that no file changed since it was read, writes every new
content to a temporary file beside its target (fsync), then writes a journal (the moment the
change counts as made), renames every temporary file onto its target and removes the journal.

Killed before the journal: nothing changed (the temporary files are removed by the next
command). Killed after it: the next command finishes the renames (`herstel`) and says so. The
journal lives in the clone's `.git/` (never shared), or beside `cases/` outside git.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.files.schijf import niet_geschreven, schrijfslot, toon
from leersteun.reading.folder import CASES, Dossiermap

JOURNAAL = "leersteun-wijziging.json"
ACHTERVOEGSEL = ".leersteun-nieuw"  # a temporary file: .KLM-2024-017.yaml.<random>.leersteun-nieuw


def _journaal(map_: Path) -> Path:
    """Where the journal of a change lives: in .git (a plain clone or a worktree), else in the
    folder itself (a folder outside git)."""
    git = map_ / ".git"
    if git.is_dir():
        return git / JOURNAAL
    if git.is_file():  # a linked worktree: .git names the real folder
        regel = git.read_text(encoding="utf-8", errors="replace").strip()
        if regel.startswith("gitdir:"):
            doel = Path(regel[7:].strip())
            return (doel if doel.is_absolute() else map_ / doel) / JOURNAAL
    return map_ / f".{JOURNAAL}"


@dataclass
class _Stap:
    pad: Path
    nieuw: bytes | None  # None: the file is removed
    oud: bytes | None  # what it must hold now; None: it must not exist
    tijdelijk: Path | None = None


@dataclass
class Wijziging:
    """Writes collected for one change of the folder (`wat` names it for the user)."""

    map: Dossiermap
    wat: str
    stappen: list[_Stap] = field(default_factory=list)

    def zet(self, pad: Path, nieuw: bytes, oud: bytes | None) -> None:
        """Write `nieuw` to `pad`, which now holds `oud` (None: a new file)."""
        self.stappen.append(_Stap(pad, nieuw, oud))

    def weg(self, pad: Path, oud: bytes) -> None:
        self.stappen.append(_Stap(pad, None, oud))

    def __len__(self) -> int:
        return len(self.stappen)

    def uitvoeren(self) -> None:
        """Carry out every write, or none (raises `Fout`, nothing changed)."""
        if not self.stappen:
            return
        cases = self.map.cases
        cases.mkdir(parents=True, exist_ok=True)
        with schrijfslot(cases):
            self._controleer()
            try:
                for stap in self.stappen:
                    if stap.nieuw is not None:
                        stap.tijdelijk = _schrijf_tijdelijk(stap.pad, stap.nieuw)
                journaal = _journaal(self.map.pad)
                inhoud = {"wat": self.wat, "stappen": [{"pad": str(s.pad), "tijdelijk": str(s.tijdelijk) if s.tijdelijk else None} for s in self.stappen]}
                _schrijf_vast(journaal, json.dumps(inhoud, ensure_ascii=False, indent=1).encode("utf-8"))
            except OSError as e:
                _ruim(self.stappen)
                raise Fout(f"{self.wat}: {niet_geschreven(e)}") from None
            except BaseException:
                _ruim(self.stappen)
                raise
            _voltooi(inhoud["stappen"])
            journaal.unlink(missing_ok=True)

    def _controleer(self) -> None:
        gewijzigd = []
        for stap in self.stappen:
            try:
                huidig: bytes | None = stap.pad.read_bytes()
            except FileNotFoundError:
                huidig = None
            if huidig != stap.oud:
                gewijzigd.append(toon(stap.pad))
        if gewijzigd:
            raise Fout(
                f"{self.wat}: er is niets gewijzigd, want deze bestanden veranderden sinds leersteun ze las (door iemand anders "
                f"of in een editor): {', '.join(gewijzigd)}. Voer de opdracht opnieuw uit."
            )


def _schrijf_tijdelijk(pad: Path, inhoud: bytes) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, naam = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=ACHTERVOEGSEL, dir=pad.parent)
    with os.fdopen(fd, "wb") as f:
        f.write(inhoud)
        f.flush()
        os.fsync(f.fileno())
    if pad.exists():
        os.chmod(naam, pad.stat().st_mode & 0o7777)
    else:
        masker = os.umask(0)
        os.umask(masker)
        os.chmod(naam, 0o666 & ~masker)
    return Path(naam)


def _schrijf_vast(pad: Path, inhoud: bytes) -> None:
    from leersteun.files.schijf import schrijf_atomisch

    schrijf_atomisch(pad, inhoud)


def _ruim(stappen: list[_Stap]) -> None:
    for stap in stappen:
        if stap.tijdelijk is not None:
            stap.tijdelijk.unlink(missing_ok=True)


def _voltooi(stappen: list[dict[str, str | None]]) -> None:
    """Rename every temporary file onto its target (or remove the target); again safe."""
    mappen = set()
    for stap in stappen:
        pad = Path(str(stap["pad"]))
        tijdelijk = stap.get("tijdelijk")
        if tijdelijk:
            if Path(tijdelijk).exists():
                os.replace(tijdelijk, pad)
        else:
            pad.unlink(missing_ok=True)
        mappen.add(pad.parent)
    for map_ in mappen:
        try:
            fd = os.open(map_, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def herstel(map_: Dossiermap) -> list[str]:
    """Finish a change that a killed command left after its journal; remove the temporary
    files of one killed before it. Returns lines for the user (none when nothing was left)."""
    journaal = _journaal(map_.pad)
    if not journaal.exists():
        _ruim_wezen(map_)
        return []
    cases = map_.cases
    with schrijfslot(cases if cases.is_dir() else map_.pad):
        try:
            inhoud = json.loads(journaal.read_text(encoding="utf-8"))
            stappen = inhoud["stappen"]
        except (OSError, ValueError, KeyError, TypeError):
            journaal.unlink(missing_ok=True)
            return []
        if not journaal.exists():  # another command finished it meanwhile
            return []
        _voltooi(stappen)
        journaal.unlink(missing_ok=True)
    _ruim_wezen(map_)
    return [f"Een vorige opdracht ({inhoud.get('wat', 'een wijziging')}) werd onderbroken; ze is nu afgewerkt ({len(stappen)} bestand{'en' if len(stappen) != 1 else ''})."]


def _ruim_wezen(map_: Dossiermap) -> None:
    """Temporary files of a change killed before its journal: nobody will use them."""
    cases = map_.pad / CASES
    if not cases.is_dir():
        return
    wezen = list(cases.glob(f".*{ACHTERVOEGSEL}"))
    if not wezen:
        return
    with schrijfslot(cases):
        if _journaal(map_.pad).exists():
            return
        for pad in wezen:
            pad.unlink(missing_ok=True)
