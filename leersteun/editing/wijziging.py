"""Several files changed as one: every file or none, also when leersteun is killed.

A command that changes more than one file (a school-year rollover, a new case with the link
back from the previous one) collects its writes in a `Wijziging` and carries them out at once:
under the folder's lock it checks that no file changed since it was read, writes every new
content to a temporary file beside its target (fsync), then writes a journal (the moment the
change counts as made), renames every temporary file onto its target and removes the journal.

Killed before the journal: nothing changed (the next command removes the temporary files and
says so). Killed after it: the next command finishes the renames (`herstel`) and says so. The
journal lives in the clone's `.git/` (never shared), or beside `cases/` outside git.

A change that is to be committed (`--commit`) carries its commit in the journal: the journal is
removed only after the commit, so a command killed after the renames is committed by the next
one, every file of it (never only the part a re-run would change again).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import Fout
from leersteun.files.schijf import fsync_map, niet_geschreven, schrijfslot, toon, vervang
from leersteun.reading.folder import CASES, OUT, Dossiermap

if TYPE_CHECKING:
    from leersteun.reading.snel import Gelezen
    from leersteun.rules.checks import Context

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
class Commit:
    """The commit that belongs to a change (`--commit`): exactly these files, this message."""

    bestanden: list[Path]
    boodschap: str
    door: str | None = None


class NietGecommit(Fout):
    """The change was made, but its commit failed: the message says both."""


@dataclass
class Wijziging:
    """Writes collected for one change of the folder (`wat` names it for the user)."""

    map: Dossiermap
    wat: str
    stappen: list[_Stap] = field(default_factory=list)
    commit: Commit | None = None

    def zet(self, pad: Path, nieuw: bytes, oud: bytes | None) -> None:
        """Write `nieuw` to `pad`, which now holds `oud` (None: a new file). A second write
        to the same file replaces the first (it must still hold what it held)."""
        for stap in self.stappen:
            if stap.pad == pad:
                stap.nieuw = nieuw
                return
        self.stappen.append(_Stap(pad, nieuw, oud))

    def weg(self, pad: Path, oud: bytes) -> None:
        self.stappen.append(_Stap(pad, None, oud))

    def __len__(self) -> int:
        return len(self.stappen)

    @property
    def paden(self) -> list[Path]:
        return [s.pad for s in self.stappen]

    def bewerk(self, gelezen: Gelezen, ctx: Context, bewerking: Any) -> list[str]:
        """An edit of a valid case (read with the round trip) as part of this change: run it
        on the data, check the whole case as `bewerk.pas_toe` does (refusing with `Fout`),
        and collect the new bytes (only the changed lines, the file's BOM and line ends
        kept). `gelezen.dossier` becomes the case as edited, for a next edit. Returns the
        edit's messages."""
        from leersteun.files.store import nieuwe_bytes
        from leersteun.rules.checks import controleer_dossier

        assert gelezen.bestand is not None and gelezen.dossier is not None
        bestand = gelezen.bestand
        meldingen = bewerking(bestand.data, gelezen.dossier)
        dossier, bevindingen = controleer_dossier(bestand, ctx.voor(gelezen.pad))
        fouten = [b for b in bevindingen if b.is_fout]
        if dossier is None or fouten:
            uitleg = "\n".join(f"  {b.als_tekst()}" for b in fouten)
            raise Fout(f"deze wijziging zou het dossier ongeldig maken:\n{uitleg}", fouten)
        gelezen.dossier, gelezen.bevindingen = dossier, bevindingen
        nieuw = nieuwe_bytes(bestand)
        if nieuw is not None:
            self.zet(gelezen.pad, nieuw, bestand.ruw)
        return meldingen

    def uitvoeren(self) -> str | None:
        """Carry out every write, or none (raises `Fout`, nothing changed); then the commit,
        if the change has one: returns git's line for the user (None without a commit).
        A commit that fails raises `NietGecommit` (the change itself is made)."""
        if not self.stappen:
            return None
        cases = self.map.cases
        cases.mkdir(parents=True, exist_ok=True)
        with schrijfslot(cases):
            self._controleer()
            try:
                for stap in self.stappen:
                    if stap.nieuw is not None:
                        try:
                            stap.tijdelijk = _schrijf_tijdelijk(stap.pad, stap.nieuw)
                        except OSError as e:
                            raise Fout(f"{self.wat}: {toon(stap.pad)}: {niet_geschreven(e)}") from None
                journaal = _journaal(self.map.pad)
                inhoud: dict[str, Any] = {
                    "wat": self.wat,
                    "stappen": [{"pad": str(s.pad), "tijdelijk": str(s.tijdelijk) if s.tijdelijk else None} for s in self.stappen],
                }
                if self.commit is not None:
                    inhoud["commit"] = {"bestanden": [str(b) for b in self.commit.bestanden], "boodschap": self.commit.boodschap, "door": self.commit.door}
                _schrijf_vast(journaal, json.dumps(inhoud, ensure_ascii=False, indent=1).encode("utf-8"))
            except OSError as e:
                _ruim(self.stappen)
                raise Fout(f"{self.wat}: het journaal {toon(_journaal(self.map.pad))}: {niet_geschreven(e)}") from None
            except BaseException:
                _ruim(self.stappen)
                raise
            _voltooi(inhoud["stappen"])
            try:
                regel = _commit(self.map, inhoud.get("commit"))
            except NietGecommit:
                journaal.unlink(missing_ok=True)
                raise
            journaal.unlink(missing_ok=True)  # killed before this line: the next command commits
            return regel

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
                vervang(tijdelijk, pad)
        else:
            pad.unlink(missing_ok=True)
        mappen.add(pad.parent)
    for map_ in mappen:
        fsync_map(map_)


def _commit(map_: Dossiermap, commit: dict[str, Any] | None) -> str | None:
    """The commit a change carries (from its journal): git's line, or `NietGecommit`."""
    if not commit:
        return None
    from leersteun.editing import samenvoeging as sv
    from leersteun.reading import gitops

    bestanden = [Path(b) for b in commit["bestanden"]]
    try:
        if not gitops.is_repo(map_.pad):
            return gitops.commit(map_.pad, bestanden, str(commit["boodschap"]), commit.get("door"))
        with sv.bezig(map_.pad):  # a lock git leaves when this process is killed is known as ours
            return gitops.commit(map_.pad, bestanden, str(commit["boodschap"]), commit.get("door"))
    except Fout as e:
        paden = " ".join(Path(os.path.relpath(b, map_.pad)).as_posix() for b in bestanden[:5]) + (" …" if len(bestanden) > 5 else "")
        raise NietGecommit(
            f'De wijziging is bewaard, maar niet gecommit: {e.boodschap} Commit ze zelf met: git add -A -- {paden} && git commit -m "{commit["boodschap"]}"'
        ) from None


def herstel(map_: Dossiermap) -> list[str]:
    """Finish a change that a killed command left after its journal (its renames, then its
    commit); remove the temporary files of one killed before it. Returns lines for the user
    (none when nothing was left)."""
    journaal = _journaal(map_.pad)
    if not journaal.exists():
        return _ruim_wezen(map_)
    cases = map_.cases
    with schrijfslot(cases if cases.is_dir() else map_.pad):
        try:
            inhoud = json.loads(journaal.read_text(encoding="utf-8"))
            stappen = inhoud["stappen"]
        except FileNotFoundError:  # another command finished it meanwhile
            return []
        except (OSError, ValueError, KeyError, TypeError):
            journaal.unlink(missing_ok=True)
            return []
        _voltooi(stappen)
        aantal = f"{len(stappen)} bestand{'en' if len(stappen) != 1 else ''}"
        regels = [f"Een vorige opdracht ({inhoud.get('wat', 'een wijziging')}) werd onderbroken; ze is nu afgewerkt ({aantal})."]
        if inhoud.get("commit"):
            regels += _ruim_git_sloten(map_)
        try:
            gecommit = _commit(map_, inhoud.get("commit"))
        except NietGecommit as e:
            gecommit = e.boodschap
        journaal.unlink(missing_ok=True)
    _ruim_wezen(map_)
    return regels + ([gecommit] if gecommit else [])


def _ruim_git_sloten(map_: Dossiermap) -> list[str]:
    """A lock git left when the command was killed during its commit (never another's)."""
    from leersteun.editing import samenvoeging as sv
    from leersteun.reading import gitops

    return sv.ruim_sloten_op(map_.pad) if gitops.is_repo(map_.pad) else []


def _ruim_wezen(map_: Dossiermap) -> list[str]:
    """Temporary files of a change killed before its journal: nobody will use them. Says so
    (that change did not happen)."""
    mappen = [m for m in (map_.pad, map_.pad / CASES, map_.pad / OUT) if m.is_dir()]  # the root: leersteun.yaml
    wezen = [p for m in mappen for p in m.glob(f".*{ACHTERVOEGSEL}")]
    if not wezen:
        return []
    with schrijfslot(map_.pad / CASES if (map_.pad / CASES).is_dir() else map_.pad):
        if _journaal(map_.pad).exists():
            return []
        weg = 0
        for pad in wezen:
            if pad.exists():
                pad.unlink(missing_ok=True)
                weg += 1
    if not weg:
        return []
    return [
        "Een vorige opdracht werd onderbroken voor ze iets veranderde: er is niets gewijzigd (haar tijdelijke bestanden zijn opgeruimd). Voer ze opnieuw uit als dat nog nodig is."
    ]
