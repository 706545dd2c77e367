"""Git for the case folder: commit one case file with a message that names it by id, and read
the git log of a case. Nothing here ever commits more than the files it is given, and never
anything under out/.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.files.git import bezig_met_rebase, git, identiteit, is_repo
from leersteun.reading.folder import OUT

__all__ = ["bezig_met_rebase", "commit", "git", "is_repo", "log"]


def commit(map_: Path, bestanden: list[Path], boodschap: str, door: str | None = None) -> str:
    """Commit exactly `bestanden` (added, changed or removed). Returns a line for the user."""
    if not is_repo(map_):
        return "Niet gecommit: de dossiermap is geen git-repository (maak er een met 'git init')."
    relatief = []
    for b in bestanden:
        r = Path(b).resolve().relative_to(map_.resolve()) if Path(b).is_absolute() else Path(b)
        if r.parts and r.parts[0] == OUT:
            raise Fout("leersteun commit nooit iets uit out/ (daar staan gegenereerde bestanden met persoonsgegevens).")
        relatief.append(r.as_posix())
    # the paths through stdin: a rollover of 1,600 cases is longer than a Windows command line
    paden = "\0".join(relatief) + "\0"
    git(map_, "add", "--all", "--pathspec-from-file=-", "--pathspec-file-nul", invoer=paden)
    klaar = set(git(map_, "diff", "--cached", "--name-only", "-z", "--no-renames").stdout.split("\0"))
    if not klaar & set(relatief):
        return "Niets te committen: het bestand was al zo in git."
    git(map_, *identiteit(map_, door), "commit", "--quiet", "--only", "-m", boodschap, "--pathspec-from-file=-", "--pathspec-file-nul", invoer=paden)
    return f"Gecommit: {boodschap}"


@dataclass
class LogRegel:
    datum: dt.date
    auteur: str
    boodschap: str
    commit: str


def log(map_: Path, bestand: Path) -> list[LogRegel]:
    """The git log of one file, oldest first (empty outside a repository)."""
    if not is_repo(map_):
        return []
    uit = git(map_, "log", "--follow", "--date=short", "--format=%ad%x1f%an%x1f%s%x1f%h", "--", str(bestand), check=False)
    regels = []
    for regel in uit.stdout.splitlines():
        delen = regel.split("\x1f")
        if len(delen) == 4 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", delen[0]):
            regels.append(LogRegel(dt.date.fromisoformat(delen[0]), delen[1], delen[2], delen[3]))
    return list(reversed(regels))
