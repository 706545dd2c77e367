"""Git workflow and safety: commits by the tool, history, archive, two clones, kills, locks."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.files.schijf import schrijfslot
from tests.conftest import DOSSIER, ROOT, Klok, Map

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(map_: Path, *args: str) -> str:
    omgeving = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(["git", *args], cwd=map_, capture_output=True, text=True, check=True, env=omgeving).stdout


def repo(map_: Map) -> Path:
    git(map_.pad, "init", "-q", "-b", "main")
    git(map_.pad, "config", "user.name", "Els Maes")
    git(map_.pad, "config", "user.email", "els@example.org")
    git(map_.pad, "add", "-A")
    git(map_.pad, "commit", "-qm", "begin")
    return map_.pad


def test_commit_names_the_case_by_id_and_commits_nothing_else(map_: Map, run) -> None:
    map_.case(DOSSIER)
    pad = repo(map_)
    (pad / "notities.txt").write_text("klad\n")
    git(pad, "add", "notities.txt")  # staged by the user: must stay out of the tool's commit
    result = run("evaluatie", "lotte", "--beslissing", "verderzetten", "--commit")
    assert result.exit_code == 0, result.output
    assert "Gecommit: T-001: evaluatie (verderzetten)" in result.stdout
    assert git(pad, "log", "-1", "--format=%s") == "T-001: evaluatie (verderzetten)\n"
    assert git(pad, "show", "--name-only", "--format=", "HEAD").split() == ["cases/T-001.yaml"]
    assert "notities.txt" in git(pad, "diff", "--cached", "--name-only")
    assert "Lotte" not in git(pad, "log", "--format=%s") and "Peeters" not in git(pad, "log", "--format=%s")


def test_commit_default_from_settings_and_never_out(voorbeeld: Path, run) -> None:
    git(voorbeeld, "init", "-q", "-b", "main")
    git(voorbeeld, "config", "user.name", "An Janssens")
    git(voorbeeld, "config", "user.email", "an@example.org")
    (voorbeeld / ".gitignore").write_text("out/\n.leersteun-cache/\n")
    instellingen = voorbeeld / "leersteun.yaml"
    instellingen.write_text(instellingen.read_text() + "commit: true\n")
    git(voorbeeld, "add", "-A")
    git(voorbeeld, "commit", "-qm", "begin")
    result = run("mail", "lotte")
    assert result.exit_code == 0, result.output
    assert "Gecommit: KLM-2024-017: vraag tot heropstart aangemaakt" in result.stdout
    assert git(voorbeeld, "show", "--name-only", "--format=", "HEAD").split() == ["cases/KLM-2024-017.yaml"]
    assert not git(voorbeeld, "ls-files", "out")
    result = run("fase", "lena", "heropstart", "--overleg-school-clb", "2026-11-20", "--geen-commit")
    assert result.exit_code == 0, result.output
    assert "Gecommit" not in result.stdout
    assert "cases/RGN-2025-006.yaml" in git(voorbeeld, "status", "--short")


def test_outside_a_repository_it_says_so(map_: Map, run) -> None:
    pad = map_.case(DOSSIER)
    result = run("evaluatie", "lotte", "--beslissing", "verderzetten", "--commit")
    assert result.exit_code == 1  # --commit was asked and could not be done
    assert "De wijziging is bewaard, maar niet gecommit" in result.stderr and "git commit" in result.stderr
    assert "Evaluatie van 24-11-2026 bewaard" in result.stdout and "2026-11-24" in pad.read_text()
    # commit: true in the settings is a default, not an order: it says so and exits 0
    (map_.pad / "leersteun.yaml").write_text((map_.pad / "leersteun.yaml").read_text() + "commit: true\n")
    result = run("evaluatie", "lotte", "--beslissing", "verderzetten")
    assert result.exit_code == 0 and "Niet gecommit: de dossiermap is geen git-repository" in result.stdout


@pytest.mark.parametrize("fout", ["index.lock", "kapotte .git"])
def test_a_commit_that_fails_says_the_change_is_saved(map_: Map, run, fout: str) -> None:
    pad = map_.case(DOSSIER)
    repo(map_)
    if fout == "index.lock":
        (map_.pad / ".git" / "index.lock").write_text("")
    else:
        (map_.pad / ".git" / "HEAD").write_text("kapot\n")
    result = run("evaluatie", "lotte", "--beslissing", "verderzetten", "--commit")
    assert result.exit_code == 1, result.output
    assert "De wijziging is bewaard, maar niet gecommit" in result.stderr and "onverwachte fout" not in result.output
    assert "beslissing: verderzetten" in pad.read_text()


def test_geschiedenis_shows_the_case_and_git(map_: Map, run) -> None:
    map_.case(DOSSIER)
    repo(map_)
    run("evaluatie", "lotte", "--beslissing", "verderzetten", "--commit")
    result = run("geschiedenis", "T-001")
    assert result.exit_code == 0
    assert "In het dossier" in result.stdout and "Evaluatie: verderzetten." in result.stdout
    assert "In git (cases/T-001.yaml)" in result.stdout and "T-001: evaluatie" in result.stdout and "begin" in result.stdout


def test_archief(voorbeeld: Path, run) -> None:
    git(voorbeeld, "init", "-q", "-b", "main")
    git(voorbeeld, "add", "-A")
    git(voorbeeld, "-c", "user.name=A", "-c", "user.email=a@b.be", "commit", "-qm", "begin")
    result = run("archief")
    assert result.exit_code == 1 and "bewaartermijn_jaren" in result.stderr
    (voorbeeld / "leersteun.yaml").write_text((voorbeeld / "leersteun.yaml").read_text() + "bewaartermijn_jaren: 1\n")
    git(voorbeeld, "-c", "user.name=A", "-c", "user.email=a@b.be", "commit", "-qam", "termijn")
    result = run("archief")
    assert "KLM-2023-012  afgesloten op 27-06-2025, te bewaren tot 27-06-2026" in result.stdout
    assert "Hermans" not in result.stdout  # ids, no names
    result = run("archief", "--verwijder", input="n\n")
    assert "Er is niets verwijderd." in result.stdout and (voorbeeld / "cases" / "KLM-2023-012.yaml").exists()
    result = run("archief", "--verwijder", input="j\n")
    assert result.exit_code == 0, result.output
    assert not (voorbeeld / "cases" / "KLM-2023-012.yaml").exists()
    assert git(voorbeeld, "log", "-1", "--format=%s").startswith("archief: 1 afgesloten dossier(s) verwijderd")
    assert git(voorbeeld, "show", "--name-status", "--format=", "HEAD").split() == ["D", "cases/KLM-2023-012.yaml"]


def test_the_project_ships_a_pre_commit_hook() -> None:
    tekst = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "id: leersteun-valideer" in tekst and "entry: leersteun valideer\n" in tekst  # warnings do not block
    assert "--streng" not in tekst and "verbose: true" in tekst  # ... and are shown
    patroon = re.search(r"files: (\S+)", tekst).group(1)
    assert re.search(patroon, "cases/KLM-2024-017.yaml") and re.search(patroon, "leersteun.yaml")
    assert not re.search(patroon, "out/x.eml")


# ---------------------------------------------------------------------------- working together


def test_two_clones_change_the_same_case(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both changes survive a merge, or git reports a conflict that leersteun explains."""
    bron = tmp_path / "bron"
    shutil.copytree(ROOT / "cases", bron / "cases")
    shutil.copy(ROOT / "leersteun.yaml", bron)
    git(bron, "init", "-q", "-b", "main")
    git(bron, "add", "-A")
    git(bron, "commit", "-qm", "begin")
    gedeeld = tmp_path / "gedeeld.git"
    git(tmp_path, "clone", "-q", "--bare", str(bron), str(gedeeld))
    a, b = tmp_path / "a", tmp_path / "b"
    for kloon in (a, b):
        git(tmp_path, "clone", "-q", str(gedeeld), str(kloon))
        git(kloon, "config", "user.name", kloon.name)
        git(kloon, "config", "user.email", f"{kloon.name}@example.org")
        git(kloon, "config", "pull.rebase", "false")

    monkeypatch.chdir(a)  # A evaluates Noah and carries on
    assert run("evaluatie", "noah", "--beslissing", "verderzetten", "--volgende", "2027-02-01", "--commit").exit_code == 0
    git(a, "push", "-q")
    monkeypatch.chdir(b)  # B, at the same time, adds a goal to Noah's case
    result = run("doel", "noah", "--domein", "cognitief", "--omschrijving", "Noah leest 10 minuten per dag.", "--commit")
    assert result.exit_code == 0, result.output
    samen = subprocess.run(["git", "pull", "-q", "--no-edit"], cwd=b, capture_output=True, text=True)
    tekst = (b / "cases" / "KLM-2025-003.yaml").read_text()
    if samen.returncode == 0:
        assert "2027-02-01" in tekst and "Noah leest 10 minuten per dag." in tekst  # nothing lost
        assert run("valideer").exit_code == 0
    else:
        result = run("valideer")
        assert result.exit_code == 1
        assert "cases/KLM-2025-003.yaml:" in result.stdout and "mergeconflict" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="holds the lock with fcntl.flock: POSIX (tests/files/test_schijf.py tests Windows' lock)")
def test_a_second_writer_waits_for_the_lock_then_refuses(map_: Map, klok: Klok) -> None:
    """Another process holds the lock until it is told to end; `klok` counts the waits."""
    map_.case(DOSSIER)
    kind = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX); print('ok', flush=True); sys.stdin.readline()", str(map_.pad / "cases")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert kind.stdout.readline().strip() == "ok"
    with pytest.raises(Fout, match="andere leersteun-opdracht"):
        with schrijfslot(map_.pad / "cases", wachten=0.3):
            pass
    assert klok.slapen >= 2 and klok.nu >= 0.3  # it tried again for the whole wait, then refused
    kind.communicate("")  # the other process ends, and its lock with it
    with schrijfslot(map_.pad / "cases", wachten=0.3):
        pass  # free again


SCHRIJVER = """
import sys
from pathlib import Path
from leersteun.files import store
pad = Path(sys.argv[1])
eerste = True
while True:
    b = store.lees(pad)
    b.data["leerling"]["klas"] = "6B" if b.data["leerling"]["klas"] == "5B" else "5B"
    b.data["ondersteuner"] = "Tom Vermeulen" if b.data["leerling"]["klas"] == "6B" else "Els Maes"
    store.bewaar(b)
    if eerste:
        print("bezig", flush=True)
        eerste = False
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9: POSIX only")
def test_killed_writers_never_leave_a_mixed_file(map_: Map) -> None:
    pad = map_.case(DOSSIER)
    oud = pad.read_bytes()
    nieuw = oud.replace(b"klas: 5B", b"klas: 6B").replace(b"ondersteuner: Els Maes     ", b"ondersteuner: Tom Vermeulen")
    assert nieuw != oud and len(nieuw) == len(oud)
    r = random.Random(7)
    gezien = set()
    for _ in range(16):
        kind = subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(pad)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert kind.stdout.readline() == "bezig\n"  # it writes, over and over, from here on
        time.sleep(r.uniform(0.0, 0.2))
        kind.send_signal(signal.SIGKILL)
        kind.wait()
        kind.stdout.close()
        inhoud = pad.read_bytes()
        assert inhoud in (oud, nieuw)
        gezien.add(inhoud)
    assert gezien == {oud, nieuw}  # the writers really wrote, and were killed in both states
    assert [p.name for p in (map_.pad / "cases").iterdir() if not p.name.startswith(".")] == ["T-001.yaml"]
