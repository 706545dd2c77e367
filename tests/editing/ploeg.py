"""A team sharing one case folder through real git, for tests (issue 25): a bare repository as
the team's remote and clones named after people (An, Els, Tom), each with its own git user and
`leersteun init` done as a colleague does it in a fresh clone, each running the CLI in-process
(CliRunner). The starting folder is the repository's `leersteun.yaml` and `cases/` (13
fictional pupils) with the `.gitignore` that `init` writes (`out/`).

Building:
    Ploeg.bouw(map)            a new team (bare remote `team.git`, one clone per name); about 1 s
                               (the fixture `sjabloon` in tests/editing/conftest.py: once per worker)
    ploeg.kopie(map)           a copy per test (copytree; the clones point at the copied remote)

Running the CLI (in-process; LEERSTEUN_GEBRUIKER is the person, LEERSTEUN_VANDAAG kept):
    ploeg.doe(wie, *args, input=, vandaag=)   -> Uitvoer(exit_code, output); never raises for
                                                 leersteun's own errors
    ploeg.ok(wie, *args)       the same, which must exit 0 without a traceback
    ploeg.delen(wie)           `delen`; fails the test if it says "Gedeeld" while the remote
                               (git ls-remote) does not have the clone's commit

Reading:
    tekst / data(wie, dossier)        a case's text / plain data ("KLM-2025-003" or a path)
    remote_tekst / remote_data(dossier), remote_bestanden(), remote_kop(), ls_remote()
    ids(wie), dossiers(wie), van_leerling(wie, voornaam, naam), kop(wie), status(wie),
    met_tekens(wie) (cases with conflict markers or unmerged), snapshot(wie), git(wie, *args)

Editing by hand (text operations, as in an editor):
    schrijf, vervang(wie, dossier, oud, nieuw), voeg_regel_in(wie, dossier, regel, voor=|na=),
    wissel_sleutels(wie, dossier, a, b), voeg_item_toe(wie, dossier, lijst, {veld: waarde}),
    overleg_met_de_hand(wie, dossier, datum, notitie)
    snel_gedeeld(wie, dossier, datum, notitie)   a colleague's change with plain git: pull, a
                                                 meeting by hand, commit --no-verify, push

Crashes:
    delen_proces(wie, dood_na=s | dood_bij="pull"|…|"samenvoegen", dood_moment="voor"|"na")
        `leersteun delen` as a real process (.venv/bin/leersteun), its process group killed
        with SIGKILL after a delay, when it starts a chosen git command (a `git` wrapper first
        on PATH), or mid-merge ("samenvoegen": as git's .merge_file_* copies appear or a case
        file is rewritten)
    delen_gedood(wie, Dood(n, na=, slot=))   in-process: the n-th git command leersteun starts
        (`leersteun.files.git._start`) raises `Gedood` (a BaseException), before or after it
        ran, optionally leaving a stale .git/index.lock; kill_bij_git / onderschep_git are the
        context managers behind it
    slot_na_ophalen(wie)       another program takes .git/index.lock right after delen fetched
    herstel(wie, uitvoer)      follow the advice: remove a stale index.lock when the message names it

The end of every scenario:
    deel_tot_stil(kies="mijn"|"hun"|fn(wie, dossier), zonder_conflict=, geduld=)
        everyone shares until quiet, resolving contradictions with `conflict DOSSIER --kies`
    controleer_eind()          identical cases/, `valideer` exits 0 in each clone, `git status`
                               empty, no `<<<<<<<` and no `.merge_file_*` in any working tree,
                               no merge or rebase in progress
    afsluiten(kies=, zonder_conflict=)   both
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
LEERSTEUN = Path(sys.executable).parent / "leersteun"  # /work/main/.venv/bin/leersteun
ECHTE_GIT = shutil.which("git") or "git"
NAMEN = ("An Janssens", "Els Maes", "Tom Vermeulen")
VANDAAG = "2026-11-24"
GITIGNORE = "# Gemaakt door leersteun: gegenereerde bestanden bevatten persoonsgegevens.\nout/\n"  # as `leersteun init` writes it

NOAH = "KLM-2025-003"  # ondersteuning, Els Maes; klas 3A; goal D1
LOTTE = "KLM-2024-017"  # heropstart, checklist done (uitkomst heropstart), no toewijzing yet
ELLA = "KLM-2026-002"  # aanmelding
ARTHUR = "RGN-2025-002"  # ondersteuning
JULIE = "RGN-2024-010"  # ondersteuning
MILA = "JZF-2024-006"  # afgesloten (a new case may start from it: nieuw --vanuit)
LUCAS = "KLM-2023-012"  # afgesloten
JULES = "VCT-2025-008"  # ondersteuning
OLIVIA = "RGN-2024-005"  # opstart


def doel_opdracht(dossier: str, omschrijving: str, start: str = "2026-11-20", einde: str = "2027-03-01") -> list[str]:
    """A full SMART goal (all options), for `ploeg.ok(wie, *doel_opdracht(NOAH, "…"))`."""
    return [
        "doel", dossier, "--domein", "cognitief", "--omschrijving", omschrijving,
        "--specifiek", "De leerling zet 4 op 5 toetsen zelf in de planning.", "--meetbaar", "Planning nakijken, 4 weken.",
        "--acceptabel", "Afgesproken met de klasleerkracht.", "--realistisch", "Plant het huiswerk al.",
        "--start", start, "--einde", einde, "--maatregel", f"Planning op de bank ({omschrijving})", "--effect", "Ziet wat komt.",
        "--periode", "tijdelijk", "--wie", "klasleerkracht", "--wanneer", "elke maandag", "--hoe", "Samen invullen.",
        "--maatregel-evaluatie", "2027-01-15",
    ]  # fmt: skip


def git(pad: Path, *args: str, check: bool = True, invoer: str | None = None) -> str:
    """Run the real git in `pad` (never through leersteun); its stdout."""
    uit = subprocess.run([ECHTE_GIT, *args], cwd=pad, capture_output=True, text=True, input=invoer)
    if check and uit.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} in {pad.name} faalde ({uit.returncode}): {uit.stderr.strip()}")
    return uit.stdout


def git_proces(pad: Path, *args: str, omgeving: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real git in `pad`, with whatever exit code; stdout and stderr as text."""
    env = {**os.environ, **(omgeving or {})}
    return subprocess.run([ECHTE_GIT, *args], cwd=pad, capture_output=True, text=True, env=env)


def rel(dossier_of_pad: str) -> str:
    """`KLM-2025-003` -> `cases/KLM-2025-003.yaml`; a path stays as it is."""
    if "/" in dossier_of_pad or dossier_of_pad.endswith((".yaml", ".yml")):
        return dossier_of_pad
    return f"cases/{dossier_of_pad}.yaml"


def data_van(tekst: str) -> dict:
    """The plain data of a case text (dates as dates); a copy, to change as the test likes."""
    return copy.deepcopy(_data_van(tekst))


@functools.lru_cache(maxsize=256)
def _data_van(tekst: str) -> dict:
    """Parsed once per text: the scenarios read the same unchanged cases again and again."""
    from leersteun.files.store import gewoon, maak_yaml

    return gewoon(maak_yaml().load(tekst))


@dataclass
class Uitvoer:
    """What a CLI run gave: exit code and everything it printed (stdout and stderr)."""

    wie: str
    args: tuple[str, ...]
    exit_code: int
    output: str
    gedood: bool = False  # a subprocess killed with SIGKILL

    def __str__(self) -> str:
        return f"[{self.wie}: leersteun {' '.join(self.args)} -> {self.exit_code}{' (gedood)' if self.gedood else ''}]\n{self.output}"


ENGELS = re.compile(r"^(fatal|error|hint|warning): |Traceback \(most recent call last\)|onverwachte fout", re.M)
NEDERLANDS = re.compile(
    r"\b(niet|niets|het|een|de|voer|opnieuw|dossier|dossiers|gedeeld|delen|deel|bezig|kies|nog|er|wordt|je|jouw|uit|van|met|verwijder|haal)\b",
    re.I,
)


def zonder_traceback(uit: Uitvoer) -> None:
    """No traceback and no 'unexpected error in leersteun' (a bug) in the output."""
    assert "Traceback (most recent call last)" not in uit.output, str(uit)
    assert "onverwachte fout" not in uit.output, str(uit)


def is_nederlands(tekst: str) -> bool:
    """Does the text say something in Dutch (not only git's English)? Lines quoting git
    (`fatal: …`, `hint: …`) do not count."""
    eigen = "\n".join(r for r in tekst.splitlines() if not ENGELS.search(r.strip()))
    return len(NEDERLANDS.findall(eigen)) >= 3


class Gedood(BaseException):
    """A simulated kill -9 inside `delen` (raised from `leersteun.files.git._start`): no
    `except Exception` or `finally`-cleanup in leersteun should treat it as handled."""


@dataclass
class Dood:
    """Where to kill: the n-th git command leersteun starts (1 = the first), before it runs
    (`na=False`) or after it ran (`na=True`); `slot`: leave `.git/index.lock` as a git killed
    while holding it would."""

    n: int
    na: bool = False
    slot: bool = False
    gestart: list[list[str]] = field(default_factory=list)  # the git commands started, in order
    gedood: list[str] | None = None  # the command at which it was killed


class Ploeg:
    """A bare remote and clones named after people (`NAMEN`)."""

    def __init__(self, map_: Path, namen: tuple[str, ...] = NAMEN) -> None:
        self.map = map_
        self.remote = map_ / "team.git"
        self.namen = namen
        self.klonen: dict[str, Path] = {wie: map_ / wie.split()[0].lower() for wie in namen}
        self.log: list[Uitvoer] = []  # every CLI run, for failure messages

    # ------------------------------------------------------------------ building

    @classmethod
    def bouw(cls, map_: Path, namen: tuple[str, ...] = NAMEN) -> Ploeg:
        """A new team: the repository's leersteun.yaml and cases/ pushed to a bare remote by
        Hanne (the coordinator), then one clone per person with `leersteun init`."""
        map_.mkdir(parents=True, exist_ok=True)
        ploeg = cls(map_, namen)
        git(map_, "init", "-q", "--bare", "-b", "main", str(ploeg.remote))
        bron = map_ / "bron"
        bron.mkdir()
        shutil.copy(ROOT / "leersteun.yaml", bron)
        shutil.copytree(ROOT / "cases", bron / "cases")
        (bron / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        git(bron, "init", "-q", "-b", "main")
        git(bron, "add", "-A")
        git(bron, "-c", "user.name=Hanne Verstraeten", "-c", "user.email=hanne@example.org", "commit", "-qm", "Start")
        git(bron, "push", "-q", str(ploeg.remote), "main")
        shutil.rmtree(bron)
        for voorbeeld in ploeg.remote.glob("hooks/*.sample"):
            voorbeeld.unlink()  # fewer files to copy per test
        for wie, pad in ploeg.klonen.items():
            git(map_, "clone", "-q", str(ploeg.remote), str(pad))
            git(pad, "config", "user.name", wie)
            git(pad, "config", "user.email", f"{wie.split()[0].lower()}@example.org")
            for voorbeeld in (pad / ".git" / "hooks").glob("*.sample"):
                voorbeeld.unlink()
            uit = ploeg.doe(wie, "init", str(pad))
            assert uit.exit_code == 0, str(uit)
        return ploeg

    def kopie(self, doel: Path) -> Ploeg:
        """A copy of this team in `doel` (its own remote; the clones point at it)."""
        shutil.copytree(self.map, doel, symlinks=True)
        ploeg = Ploeg(doel, self.namen)
        for pad in ploeg.klonen.values():
            git(pad, "remote", "set-url", "origin", str(ploeg.remote))
        return ploeg

    def pad(self, wie: str, dossier_of_pad: str = "") -> Path:
        return self.klonen[wie] / rel(dossier_of_pad) if dossier_of_pad else self.klonen[wie]

    # ------------------------------------------------------------------ the CLI, in-process

    def doe(self, wie: str, *args: str, input: str | None = None, vandaag: str | None = None) -> Uitvoer:
        """`leersteun args...` as `wie`, in their clone (in-process); `vandaag` (ISO date) for a
        command done on another day than the tests' 2026-11-24. Exceptions that are not
        Exception (a simulated kill) go through; everything else is leersteun's business."""
        from leersteun.cli import app

        oud_map = os.getcwd()
        oud = {k: os.environ.get(k) for k in ("LEERSTEUN_GEBRUIKER", "LEERSTEUN_VANDAAG")}
        os.environ["LEERSTEUN_GEBRUIKER"] = wie
        os.environ["LEERSTEUN_VANDAAG"] = vandaag or oud["LEERSTEUN_VANDAAG"] or VANDAAG
        os.chdir(self.klonen[wie])
        try:
            r = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(oud_map)
            for k, v in oud.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        uit = Uitvoer(wie, args, r.exit_code, r.output)
        self.log.append(uit)
        return uit

    def ok(self, wie: str, *args: str, input: str | None = None, vandaag: str | None = None) -> Uitvoer:
        """`doe`, which must succeed (exit 0, no traceback)."""
        uit = self.doe(wie, *args, input=input, vandaag=vandaag)
        assert uit.exit_code == 0, str(uit)
        zonder_traceback(uit)
        return uit

    def delen(self, wie: str) -> Uitvoer:
        """`leersteun delen` in-process; checks that it never says "Gedeeld" unless the remote
        has this clone's commit."""
        uit = self.doe(wie, "delen")
        zonder_traceback(uit)
        self.gedeeld_is_waar(uit)
        return uit

    def gedeeld_is_waar(self, uit: Uitvoer) -> None:
        """A `delen` that says "Gedeeld" left this clone at the commit the remote has."""
        if re.search(r"\bGedeeld\b", uit.output):
            kop, daar = self.kop(uit.wie), self.ls_remote()
            assert kop == daar, f"{uit.wie} kreeg 'Gedeeld', maar de remote heeft {daar[:8]}, de kloon {kop[:8]}\n{uit}"

    # ------------------------------------------------------------------ reading

    def tekst(self, wie: str, dossier_of_pad: str) -> str:
        return self.pad(wie, dossier_of_pad).read_text(encoding="utf-8")

    def data(self, wie: str, dossier_of_pad: str) -> dict:
        """A case's plain data in `wie`'s clone."""
        return data_van(self.tekst(wie, dossier_of_pad))

    def remote_data(self, dossier_of_pad: str) -> dict | None:
        """A case's data on the remote's main (None when it is not there)."""
        tekst = self.remote_tekst(dossier_of_pad)
        return data_van(tekst) if tekst is not None else None

    def remote_tekst(self, dossier_of_pad: str) -> str | None:
        """A case's text on the remote's main (None when it is not there)."""
        uit = git_proces(self.remote, "show", f"main:{rel(dossier_of_pad)}")
        return uit.stdout if uit.returncode == 0 else None

    def remote_bestanden(self) -> list[str]:
        return [r for r in git(self.remote, "ls-tree", "--name-only", "main", "cases/").splitlines() if r]

    def ids(self, wie: str) -> list[str]:
        return sorted(p.stem for p in (self.klonen[wie] / "cases").glob("*.yaml"))

    def dossiers(self, wie: str) -> dict[str, dict]:
        """Every case in the clone by id (files that are not YAML are left out)."""
        uit = {}
        for p in sorted((self.klonen[wie] / "cases").glob("*.yaml")):
            try:
                uit[p.stem] = data_van(p.read_text(encoding="utf-8"))
            except Exception:  # noqa: BLE001 - a file with markers is not data
                continue
        return uit

    def van_leerling(self, wie: str, voornaam: str, naam: str) -> dict[str, dict]:
        """The cases of one pupil in the clone, by id."""
        return {
            i: d
            for i, d in self.dossiers(wie).items()
            if isinstance(d.get("leerling"), dict) and d["leerling"].get("voornaam") == voornaam and d["leerling"].get("naam") == naam
        }

    def kop(self, wie: str) -> str:
        return git(self.klonen[wie], "rev-parse", "HEAD").strip()

    def remote_kop(self) -> str:
        """The commit of main on the remote."""
        return git(self.remote, "rev-parse", "-q", "--verify", "refs/heads/main", check=False).strip()

    def ls_remote(self) -> str:
        """What `git ls-remote` says main is on the remote, asked from a clone."""
        uit = git(self.klonen[self.namen[0]], "ls-remote", str(self.remote), "refs/heads/main").split()
        return uit[0] if uit else ""

    def status(self, wie: str) -> str:
        return git(self.klonen[wie], "status", "--porcelain")

    def git(self, wie: str, *args: str, check: bool = True) -> str:
        return git(self.klonen[wie], *args, check=check)

    def git_dir(self, wie: str, naam: str = "") -> Path:
        return self.klonen[wie] / ".git" / naam

    def met_tekens(self, wie: str) -> list[str]:
        """Case ids whose file holds conflict markers, or that git lists as not merged."""
        pad = self.klonen[wie]
        ids = {p.stem for p in (pad / "cases").glob("*.y*ml") if "<<<<<<<" in p.read_text(encoding="utf-8", errors="replace")}
        for r in git(pad, "diff", "--name-only", "--diff-filter=U", check=False).splitlines():
            if r.startswith("cases/"):
                ids.add(Path(r).stem)
        return sorted(ids)

    def snapshot(self, wie: str) -> dict[str, bytes]:
        """Every file in the clone's working tree (not .git), as bytes."""
        pad = self.klonen[wie]
        return {p.relative_to(pad).as_posix(): p.read_bytes() for p in sorted(pad.rglob("*")) if p.is_file() and ".git" not in p.relative_to(pad).parts[:1]}

    # ------------------------------------------------------------------ hand edits

    def schrijf(self, wie: str, dossier_of_pad: str, tekst: str) -> None:
        self.pad(wie, dossier_of_pad).write_text(tekst, encoding="utf-8")

    def vervang(self, wie: str, dossier_of_pad: str, oud: str, nieuw: str, aantal: int = 1) -> None:
        """Replace text in a file as a person in an editor would; `oud` must be there."""
        tekst = self.tekst(wie, dossier_of_pad)
        assert oud in tekst, f"{oud!r} staat niet in {dossier_of_pad} van {wie}"
        self.schrijf(wie, dossier_of_pad, tekst.replace(oud, nieuw, aantal))

    def voeg_regel_in(self, wie: str, dossier_of_pad: str, regel: str, voor: str | None = None, na: str | None = None) -> None:
        """Insert a whole line before (or after) the first line that contains `voor` (`na`)."""
        regels = self.tekst(wie, dossier_of_pad).splitlines(keepends=True)
        zoek = voor if voor is not None else na
        assert zoek is not None
        i = next((k for k, r in enumerate(regels) if zoek in r), None)
        assert i is not None, f"{zoek!r} staat niet in {dossier_of_pad} van {wie}"
        regels.insert(i if voor is not None else i + 1, regel.rstrip("\n") + "\n")
        self.schrijf(wie, dossier_of_pad, "".join(regels))

    def voeg_item_toe(self, wie: str, dossier_of_pad: str, sleutel: str, item: dict[str, str]) -> None:
        """Append an entry to a top-level list by hand (text only): `item` as `key: value`
        lines (values written as they are), after the list's last entry."""
        blokken = top_blokken(self.tekst(wie, dossier_of_pad))
        namen = [n for n, _ in blokken]
        assert sleutel in namen, f"{sleutel} staat niet in {dossier_of_pad}"
        i = namen.index(sleutel)
        tekst = blokken[i][1]
        kern = tekst.rstrip("\n")
        staart = tekst[len(kern) :]
        assert not any(": " in v or " #" in v for v in item.values()), f"{item}: zonder aanhalingstekens geen geldige YAML"
        regels = [f"{'  - ' if k == 0 else '    '}{s}: {v}" for k, (s, v) in enumerate(item.items())]
        if kern.rstrip().endswith("[]"):
            kern = kern.rstrip()[:-2].rstrip()
        blokken[i] = (sleutel, kern + "\n" + "\n".join(regels) + "\n" + staart.removeprefix("\n"))
        self.schrijf(wie, dossier_of_pad, "".join(t for _, t in blokken))

    def overleg_met_de_hand(self, wie: str, dossier_of_pad: str, datum: str, notitie: str) -> None:
        """A meeting added by hand at the end of `overleggen` (one line of text per field)."""
        self.voeg_item_toe(wie, dossier_of_pad, "overleggen", {"datum": datum, "soort": "andere", "notitie": notitie})

    def snel_gedeeld(self, wie: str, dossier: str, datum: str, notitie: str) -> None:
        """A colleague's change with plain git, fast (no CLI, no hook): pull, a meeting added
        by hand, commit, push."""
        pad = self.klonen[wie]
        git(pad, "pull", "-q", "--no-rebase", "--no-edit")
        self.overleg_met_de_hand(wie, dossier, datum, notitie)
        git(pad, "commit", "-q", "--no-verify", "-am", f"{dossier}: overleg")
        git(pad, "push", "-q")

    def wissel_sleutels(self, wie: str, dossier_of_pad: str, a: str, b: str) -> None:
        """Swap two top-level keys with their blocks (each up to the next top-level key)."""
        tekst = self.tekst(wie, dossier_of_pad)
        blokken = top_blokken(tekst)
        namen = [n for n, _ in blokken]
        assert a in namen and b in namen, f"{a} of {b} is geen sleutel van {dossier_of_pad}"
        i, j = namen.index(a), namen.index(b)
        blokken[i], blokken[j] = blokken[j], blokken[i]
        self.schrijf(wie, dossier_of_pad, "".join(t if t.endswith("\n") else t + "\n" for _, t in blokken))

    # ------------------------------------------------------------------ delen as a subprocess

    def delen_proces(
        self,
        wie: str,
        dood_na: float | None = None,
        dood_bij: str | None = None,
        dood_moment: str = "voor",
        timeout: float = 60,
    ) -> Uitvoer:
        """`leersteun delen` as a real process (/work/main/.venv/bin/leersteun), with
        LEERSTEUN_VANDAAG and LEERSTEUN_GEBRUIKER set. `dood_na`: SIGKILL to its whole process
        group (git and the merge driver too) after that many seconds, unless it ended before.
        `dood_bij`: SIGKILL when it starts a git command whose first word is this (`pull`,
        `commit`, `push`, …), `dood_moment` "voor" (before git runs) or "na" (after);
        `dood_bij="samenvoegen"`: SIGKILL mid-merge: as soon as git's `.merge_file_*` copies
        for the merge driver appear in the clone, or a case file in the folder is rewritten."""
        env = {**os.environ, "LEERSTEUN_VANDAAG": os.environ.get("LEERSTEUN_VANDAAG", VANDAAG), "LEERSTEUN_GEBRUIKER": wie}
        env.pop("LEERSTEUN_DEBUG", None)
        klon = self.klonen[wie]
        if dood_bij and dood_bij != "samenvoegen":
            if os.name != "posix":
                import pytest

                pytest.skip("git killed mid-way: a sh wrapper named git and process groups, POSIX only")
            bin_ = self.map / "dood-bin"
            bin_.mkdir(exist_ok=True)
            wrapper = bin_ / "git"
            wrapper.write_text(GIT_WRAPPER.format(git=ECHTE_GIT), encoding="utf-8")
            wrapper.chmod(0o755)
            env.update(PATH=f"{bin_}{os.pathsep}{env.get('PATH', '')}", PLOEG_DOOD_BIJ=dood_bij, PLOEG_DOOD_MOMENT=dood_moment)
        p = subprocess.Popen(
            [str(LEERSTEUN), "delen"],
            cwd=self.klonen[wie],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the kill takes git and the driver with it
        )
        gedood = False
        if dood_bij == "samenvoegen":
            # git writes .merge_file_* copies right before it starts the driver; any merge ends
            # by writing the merged case into the folder: kill at whichever comes first
            voor, namen = _standen(klon), set(os.listdir(klon / "cases"))
            einde, i = time.monotonic() + timeout, 0
            while p.poll() is None and time.monotonic() < einde:
                i += 1
                if set(os.listdir(klon / "cases")) != namen or any(n.startswith(".merge_file_") for n in os.listdir(klon)):
                    break  # a temporary copy: the merge is writing
                if i % 20 == 0 and _standen(klon) != voor:
                    break
                time.sleep(0.0002)
            dood_na = 0
        try:
            uit, _ = p.communicate(timeout=dood_na if dood_na is not None else timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGKILL)
            gedood = True
            uit, _ = p.communicate(timeout=timeout)
        time.sleep(0.02)  # let git children in the group die before anyone looks at the clone
        code = p.returncode
        gedood = gedood or code == -signal.SIGKILL
        r = Uitvoer(wie, ("delen",), code, uit.decode("utf-8", "replace"), gedood)
        self.log.append(r)
        if not gedood:
            self.gedeeld_is_waar(r)
        return r

    # ------------------------------------------------------------------ delen in-process, killed

    @contextlib.contextmanager
    def onderschep_git(self, bij: Callable[[list[str], Callable[[], Any]], Any]) -> Iterator[None]:
        """Patch `leersteun.files.git._start` (the one place leersteun starts git): every git
        command goes through `bij(argv, run)`, where `run()` runs the real command."""
        from leersteun.files import git as git_module

        echt = git_module._start

        def start(argv: list[str], cwd: Path, invoer: bytes | None, omgeving: dict[str, str] | None) -> Any:
            return bij(list(argv), lambda: echt(argv, cwd, invoer, omgeving))

        git_module._start = start
        try:
            yield
        finally:
            git_module._start = echt

    @contextlib.contextmanager
    def kill_bij_git(self, dood: Dood, wie: str) -> Iterator[Dood]:
        """The `dood.n`-th git command leersteun starts raises `Gedood`, before or after it ran
        (`dood.na`), leaving `.git/index.lock` behind with `dood.slot`."""
        slot = self.klonen[wie] / ".git" / "index.lock"

        def bij(argv: list[str], run: Callable[[], Any]) -> Any:
            dood.gestart.append(argv)
            if len(dood.gestart) != dood.n:
                return run()
            dood.gedood = argv
            if dood.na:
                run()
            if dood.slot and not slot.exists():
                slot.write_bytes(b"")
            raise Gedood(" ".join(argv))

        with self.onderschep_git(bij):
            yield dood

    @contextlib.contextmanager
    def slot_na_ophalen(self, wie: str) -> Iterator[list[str]]:
        """Another program takes `.git/index.lock` (and keeps it) right after delen fetched the
        colleagues' work: just before the first git command after `fetch`/`pull`/`ls-remote`
        that writes an index or a ref (for a `git pull`, just before it). Yields the git
        commands started; the one before which the lock was taken is marked with `[slot]`."""
        slot = self.klonen[wie] / ".git" / "index.lock"
        gestart: list[str] = []
        opgehaald = [False]

        def bij(argv: list[str], run: Callable[[], Any]) -> Any:
            opdracht = git_opdracht(argv)
            if opdracht == "pull" or (opgehaald[0] and opdracht in SCHRIJVEND):
                if not any(g.startswith("[slot]") for g in gestart):
                    slot.write_bytes(b"")
                    gestart.append("[slot] " + " ".join(argv))
            if opdracht in ("fetch", "ls-remote", "pull"):
                opgehaald[0] = True
            gestart.append(" ".join(argv))
            return run()

        with self.onderschep_git(bij):
            yield gestart

    def delen_gedood(self, wie: str, dood: Dood) -> Uitvoer | None:
        """`delen` in-process, killed at `dood` (None when it was killed; else its output, when
        it ran fewer git commands than `dood.n`)."""
        with self.kill_bij_git(dood, wie):
            try:
                return self.delen(wie)
            except Gedood:
                self.log.append(Uitvoer(wie, ("delen",), -9, f"(gedood bij {' '.join(dood.gedood or [])})", True))
                return None

    # ------------------------------------------------------------------ sharing until quiet

    def herstel(self, wie: str, uit: Uitvoer) -> bool:
        """Follow the Dutch advice of a refused `delen` that needs no choice: remove a stale
        `.git/index.lock` when the message names it. True when something was done."""
        slot = self.git_dir(wie, "index.lock")
        if slot.exists() and "index.lock" in uit.output:
            slot.unlink()
            return True
        return False

    def deel_tot_stil(
        self,
        kies: str | Callable[[str, str], str] = "mijn",
        volgorde: tuple[str, ...] | None = None,
        rondes: int = 4,
        zonder_conflict: bool = False,
        geduld: int = 1,
    ) -> list[Uitvoer]:
        """Everyone runs `delen`, in `volgorde`, round after round, until a round leaves the
        remote unchanged with every clone at the remote's commit and clean (a clone already
        there is skipped: its `delen` would change nothing). A
        contradiction is resolved with `conflict DOSSIER --kies mijn|hun` (`kies`: a side, or a
        function of (wie, dossier)) and `delen` again; with `zonder_conflict` a contradiction
        fails the test. A stale index.lock is removed when `delen` names it. Another refusal
        is retried `geduld` times as it is, then fails the test with the output."""
        volgorde = volgorde or self.namen
        gezien: list[Uitvoer] = []
        for _ronde in range(rondes):
            voor = self.remote_kop()
            for wie in volgorde:
                if self.is_bij(wie):
                    continue
                self._deel_een(wie, kies, zonder_conflict, geduld, gezien)
            if self.remote_kop() == voor and all(self.is_bij(w) for w in volgorde):
                return gezien
        raise AssertionError(
            f"na {rondes} rondes delen is de ploeg nog niet stil:\n"
            + "\n".join(self.waarom_niet_bij(w) for w in volgorde if not self.is_bij(w))
            + "\nde laatste uitvoer:\n"
            + "\n".join(map(str, gezien[-3:]))
        )

    def is_bij(self, wie: str) -> bool:
        """At the remote's commit, clean, nothing in progress."""
        return (
            self.kop(wie) == self.remote_kop()
            and self.status(wie) == ""
            and not self.git_dir(wie, "MERGE_HEAD").exists()
            and not any(self.git_dir(wie, d).exists() for d in ("rebase-merge", "rebase-apply"))
        )

    def waarom_niet_bij(self, wie: str) -> str:
        """Why a clone is not at rest, for a failure message."""
        redenen = []
        if self.kop(wie) != self.remote_kop():
            redenen.append(f"HEAD {self.kop(wie)[:8]}, de remote {self.remote_kop()[:8]}")
        if self.status(wie):
            redenen.append("git status:\n    " + self.status(wie).rstrip().replace("\n", "\n    "))
        for naam in ("MERGE_HEAD", "rebase-merge", "rebase-apply", "index.lock"):
            if self.git_dir(wie, naam).exists():
                redenen.append(f".git/{naam} bestaat")
        return f"  {wie}: " + "; ".join(redenen)

    def _deel_een(self, wie: str, kies: str | Callable[[str, str], str], zonder_conflict: bool, geduld: int, gezien: list[Uitvoer]) -> None:
        zonder_uitweg = 0
        for _poging in range(6):
            uit = self.delen(wie)
            gezien.append(uit)
            if uit.exit_code == 0:
                return
            open_ = self.met_tekens(wie)
            if open_:
                assert not zonder_conflict, f"onverwachte tegenspraak in {open_}\n{uit}"
                for dossier in open_:
                    kant = kies(wie, dossier) if callable(kies) else kies
                    keuze = self.doe(wie, "conflict", dossier, "--kies", kant)
                    gezien.append(keuze)
                    assert keuze.exit_code == 0, f"conflict --kies {kant} lukt niet:\n{keuze}\n(na {uit})"
                    zonder_traceback(keuze)
                continue
            if self.herstel(wie, uit):
                continue
            zonder_uitweg += 1
            if zonder_uitweg > geduld:
                raise AssertionError(f"delen weigert, zonder tegenspraak om te kiezen of een slot om weg te halen:\n{uit}")
        raise AssertionError("delen lukt niet na 6 pogingen:\n" + "\n".join(map(str, gezien[-4:])))

    def controleer_eind(self) -> None:
        """What must hold after everyone shared until quiet: the clones' cases/ byte-identical,
        `valideer` exits 0 in each, `git status --porcelain` empty, no `<<<<<<<` in any file and
        no `.merge_file_*` anywhere in the working tree."""
        eerste = self.namen[0]
        basis = {k: v for k, v in self.snapshot(eerste).items() if k.startswith("cases/")}
        for wie, pad in self.klonen.items():
            alles = self.snapshot(wie)
            cases = {k: v for k, v in alles.items() if k.startswith("cases/")}
            assert sorted(cases) == sorted(basis), f"{wie} heeft andere dossiers dan {eerste}: {sorted(set(cases) ^ set(basis))}"
            for k in cases:
                assert cases[k] == basis[k], f"{k} verschilt tussen {wie} en {eerste}"
            assert self.status(wie) == "", f"git status bij {wie}:\n{self.status(wie)}"
            for naam, inhoud in alles.items():
                assert b"<<<<<<<" not in inhoud, f"conflicttekens in {naam} bij {wie}"
            rommel = [p.relative_to(pad).as_posix() for p in pad.rglob(".merge_file_*") if ".git" not in p.relative_to(pad).parts[:1]]
            assert not rommel, f"{wie}: .merge_file_* in de map: {rommel}"
            assert not self.git_dir(wie, "MERGE_HEAD").exists(), f"{wie}: een samenvoeging is nog bezig"
            assert not any(self.git_dir(wie, d).exists() for d in ("rebase-merge", "rebase-apply")), f"{wie}: een rebase is nog bezig"
            assert alles.get("leersteun.yaml") == self.snapshot(eerste).get("leersteun.yaml"), f"leersteun.yaml verschilt bij {wie}"
        v = self.doe(eerste, "valideer")  # the clones hold the same cases and settings: once is enough
        assert v.exit_code == 0, str(v)

    def afsluiten(self, kies: str | Callable[[str, str], str] = "mijn", zonder_conflict: bool = False) -> list[Uitvoer]:
        """`deel_tot_stil` then `controleer_eind` (what every scenario ends with)."""
        gezien = self.deel_tot_stil(kies, zonder_conflict=zonder_conflict)
        self.controleer_eind()
        return gezien


# git commands that write an index or a ref (where a stale index.lock bites).
SCHRIJVEND = frozenset(
    "add am apply checkout checkout-index cherry-pick commit merge mv pull read-tree rebase reset restore revert rm "
    "stash switch update-index update-ref".split()
)


def _standen(klon: Path) -> dict[str, tuple[int, int, int]]:
    """(inode, size, mtime) of each case file: a rewrite changes at least one."""
    uit = {}
    for p in (klon / "cases").iterdir():
        with contextlib.suppress(OSError):
            st = p.stat()
            uit[p.name] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return uit


def git_opdracht(argv: list[str]) -> str:
    """The git subcommand in an argv (`git -c x=y pull …` -> `pull`)."""
    i = 1 if argv and Path(argv[0]).name == "git" else 0
    while i < len(argv):
        if argv[i] in ("-c", "-C"):
            i += 2
        elif argv[i].startswith("-"):
            i += 1
        else:
            return argv[i]
    return ""


def top_blokken(tekst: str) -> list[tuple[str, str]]:
    """The file as (top-level key, its text up to the next top-level key); what precedes the
    first key is a block named ''."""
    blokken: list[tuple[str, str]] = []
    naam, huidig = "", []
    for regel in tekst.splitlines(keepends=True):
        m = re.match(r"([A-Za-z_][\w-]*):", regel)
        if m:
            if huidig or naam:
                blokken.append((naam, "".join(huidig)))
            naam, huidig = m.group(1), [regel]
        else:
            huidig.append(regel)
    blokken.append((naam, "".join(huidig)))
    return blokken


def sleutelvolgorde(tekst: str) -> list[str]:
    return [n for n, _ in top_blokken(tekst) if n]


# A `git` first on PATH for `delen_proces(dood_bij=…)`: when leersteun starts the chosen git
# command, kill the whole process group (leersteun, git, the driver), before or after it ran.
GIT_WRAPPER = """#!/bin/sh
opdracht=""
vorige=""
for woord in "$@"; do
  case "$vorige" in -c|-C) vorige=""; continue ;; esac
  case "$woord" in -c|-C) vorige="$woord" ;; -*) ;; *) opdracht="$woord"; break ;; esac
done
if [ "$opdracht" = "$PLOEG_DOOD_BIJ" ]; then
  if [ "$PLOEG_DOOD_MOMENT" = "na" ]; then {git} "$@"; fi
  kill -9 0
fi
exec {git} "$@"
"""
