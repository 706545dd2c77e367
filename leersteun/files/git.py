"""The one way leersteun runs git: `git()` starts it (with a timeout, never through a shell,
never reading the terminal's stdin), and turns a missing git or a failure into a Dutch `Fout`.
Everything else here is a small question about a clone, answered through `git()`.

Tests that simulate a crash replace `_start`, the single place where a process starts.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from pathlib import Path

from leersteun.core.errors import Fout

_SLOT = re.compile(r"'([^']+\.lock)'")  # git's own words and the system's differ per language
TIJDSLIMIET = 120  # seconds; a push over a slow connection stays well within it


class GitFout(Fout):
    """git ran and failed: its own words are in `uitleg`."""

    def __init__(self, boodschap: str, uitleg: str = "", code: int = 1) -> None:
        super().__init__(boodschap)
        self.uitleg = uitleg
        self.code = code


def _start(argv: list[str], cwd: Path, invoer: bytes | None, omgeving: dict[str, str] | None) -> subprocess.CompletedProcess[bytes]:
    env = None
    if omgeving:
        env = {**os.environ, **omgeving}
    return subprocess.run(
        argv,
        cwd=cwd,
        input=invoer if invoer is not None else b"",
        capture_output=True,
        timeout=TIJDSLIMIET,
        check=False,
        env=env,
    )


def git_bytes(
    map_: Path, *args: str, check: bool = True, invoer: bytes | None = None, omgeving: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `git args...` in `map_` and return its output as bytes."""
    try:
        uit = _start(["git", *args], map_, invoer, omgeving)
    except FileNotFoundError:
        raise Fout("git is niet geïnstalleerd; installeer git om de dossiers te delen en hun geschiedenis te bewaren.") from None
    except subprocess.TimeoutExpired:
        raise Fout(
            f"git {args[0] if args else ''} gaf na {TIJDSLIMIET} seconden geen antwoord en is gestopt. "
            "Controleer de verbinding met de repository van het team en probeer opnieuw."
        ) from None
    if check and uit.returncode != 0:
        fout = (uit.stderr or uit.stdout).decode("utf-8", "replace").strip()
        slot = _SLOT.search(fout)
        if slot:
            raise GitFout(
                f"git kon niet verder: het slot {slot.group(1)} bestaat. Een ander git-programma is bezig (een editor, "
                "GitHub Desktop, een andere terminal), of stopte onverwacht. Wacht tot dat klaar is; draait er niets meer, "
                "verwijder dan dat bestand en voer de opdracht opnieuw uit.",
                fout,
                uit.returncode,
            )
        raise GitFout(f"git {args[0] if args else ''} lukte niet: {fout}", fout, uit.returncode)
    return uit


def git(map_: Path, *args: str, check: bool = True, invoer: str | None = None, omgeving: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `git args...` in `map_`; stdout and stderr as text (UTF-8)."""
    ruw = git_bytes(map_, *args, check=check, invoer=invoer.encode("utf-8") if invoer is not None else None, omgeving=omgeving)
    return subprocess.CompletedProcess(ruw.args, ruw.returncode, ruw.stdout.decode("utf-8", "replace"), ruw.stderr.decode("utf-8", "replace"))


def ok(map_: Path, *args: str) -> bool:
    """Does `git args...` succeed?"""
    return git_bytes(map_, *args, check=False).returncode == 0


def uit(map_: Path, *args: str) -> str:
    """What `git args...` prints (stripped; empty when it fails)."""
    r = git(map_, *args, check=False)
    return r.stdout.strip() if r.returncode == 0 else ""


def is_repo(map_: Path) -> bool:
    try:
        return ok(map_, "rev-parse", "--is-inside-work-tree")
    except Fout:
        return False


_GEDEELD = ("hooks", "info", "refs", "objects", "config", "packed-refs", "logs/refs", "remotes")


def git_pad(map_: Path, naam: str) -> Path:
    """A path inside this clone's git folder (`.git/hooks`, `.git/MERGE_HEAD`, ...), as
    `git rev-parse --git-path` gives it (in a linked worktree, hooks and refs are shared)."""
    eigen, gedeeld = _git_mappen(map_.resolve())
    basis = gedeeld if naam.split("/", 1)[0] in _GEDEELD or naam.startswith("logs/refs") else eigen
    return (basis / naam).resolve() if naam != "." else eigen


@functools.lru_cache(maxsize=64)
def _git_mappen(map_: Path) -> tuple[Path, Path]:
    """This clone's git folder and the folder its worktrees share (the same for a plain clone)."""
    regels = git(map_, "rev-parse", "--absolute-git-dir", "--git-common-dir").stdout.splitlines()
    eigen = Path(regels[0])
    gedeeld = Path(regels[1]) if len(regels) > 1 else eigen
    return eigen, (gedeeld if gedeeld.is_absolute() else (map_ / gedeeld)).resolve()


def bezig_met_rebase(map_: Path) -> bool:
    """Is a rebase (`git pull --rebase`) stopped in this clone? Then ours and theirs swap."""
    try:
        return any(git_pad(map_, naam).exists() for naam in ("rebase-merge", "rebase-apply"))
    except Fout:
        return False


def config(map_: Path, sleutel: str) -> str:
    """A git setting as this clone sees it (empty when unset)."""
    return uit(map_, "config", "--get", sleutel)


def identiteit(map_: Path, door: str | None) -> list[str]:
    """git options that name the author when this clone has no git user configured."""
    extra: list[str] = []
    for sleutel, standaard in (("user.name", door or "leersteun"), ("user.email", "leersteun@localhost")):
        try:
            gezet = config(map_, sleutel)
        except Fout:
            gezet = ""
        if not gezet:
            extra += ["-c", f"{sleutel}={standaard}"]
    return extra
