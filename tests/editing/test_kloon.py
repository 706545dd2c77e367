"""Every clone set up the same way (editing/kloon.py: `richt_kloon_in`, `kloon_ingericht`),
with real git: the hook blocks errors and only shows warnings, plain `git pull` merges with
the driver, and neither the hook nor the driver runs anything that lies in the folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leersteun.editing.kloon import HOOK_MERK, driver_commando, hook_tekst, kloon_ingericht, richt_kloon_in

ROOT = Path(__file__).resolve().parents[2]
NOAH = "cases/KLM-2025-003.yaml"
SMART = "Noah start zelf de voorleessoftware bij 4 op 5 leesopdrachten."  # "Noah leest beter." gives a warning
NA_OVERLEGGEN = "    volgende: 2026-12-07\n\nevaluaties:"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def eigen_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git without this machine's or this user's settings (a pull.rebase there would decide
    what is tested), with a name for commits."""
    globaal = tmp_path / "gitconfig"
    globaal.write_text("[user]\n\tname = Test\n\temail = t@example.org\n[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(globaal))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def git(pad: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    uit = subprocess.run(["git", *args], cwd=pad, capture_output=True, text=True)
    if check:
        assert uit.returncode == 0, f"git {' '.join(args)}: {uit.stdout}{uit.stderr}"
    return uit


def dossiermap(pad: Path, **extra: str) -> Path:
    """A committed case folder: the repository's settings and cases, and `extra` files."""
    pad.mkdir(parents=True)
    shutil.copy(ROOT / "leersteun.yaml", pad)
    shutil.copytree(ROOT / "cases", pad / "cases")
    for naam, tekst in extra.items():
        (pad / naam).parent.mkdir(parents=True, exist_ok=True)
        (pad / naam).write_text(tekst, encoding="utf-8")
    git(pad, "init", "-q", "-b", "main")
    git(pad, "add", "-A")
    git(pad, "commit", "-qm", "Start")
    return pad


def wijzig(pad: Path, oud: str, nieuw: str, rel: str = NOAH) -> None:
    bestand = pad / rel
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def overleg(pad: Path, datum: str, notitie: str) -> None:
    """A meeting appended to Noah's list: both sides doing so is a conflict for git's own merge."""
    wijzig(pad, NA_OVERLEGGEN, NA_OVERLEGGEN.replace(
        "\n\n", f"\n  - datum: {datum}\n    soort: evaluatiegesprek\n    met: [klasleerkracht]\n    notitie: {notitie}\n\n"))  # fmt: skip


def commit(pad: Path, boodschap: str, hook: bool = True) -> subprocess.CompletedProcess[str]:
    """`git commit -a`, through the hook unless `hook` is False (a commit the test does not
    need checked: each run of the hook starts Python)."""
    return git(pad, "commit", "-am", boodschap, *([] if hook else ["--no-verify"]), check=False)


# ---------------------------------------------------------------------------- the hook


def test_warnings_are_shown_and_do_not_block_errors_do(tmp_path: Path) -> None:
    pad = dossiermap(tmp_path / "team")
    assert not kloon_ingericht(pad)
    regels = richt_kloon_in(pad)
    assert kloon_ingericht(pad)
    assert any("een waarschuwing wordt alleen getoond" in r for r in regels), regels

    wijzig(pad, SMART, "Noah leest beter.")
    gelukt = commit(pad, "alleen een waarschuwing")
    assert gelukt.returncode == 0, gelukt.stderr
    assert f"{NOAH}:" in gelukt.stderr and "waarschuwing: D1: 'specifiek' noemt geen getal" in gelukt.stderr
    assert "De commit gaat door" in gelukt.stderr
    assert git(pad, "log", "-1", "--format=%s").stdout == "alleen een waarschuwing\n"

    wijzig(pad, "fase: ondersteuning\n", "fase: misschien\n")
    geweigerd = commit(pad, "kapot")
    assert geweigerd.returncode != 0
    assert f"{NOAH}:" in geweigerd.stderr and "tegengehouden" in geweigerd.stderr and "'git commit --no-verify'" in geweigerd.stderr
    assert "'leersteun delen' deelt nooit een ongeldig dossier" in geweigerd.stderr  # the way out in both cases
    assert git(pad, "log", "-1", "--format=%s").stdout == "alleen een waarschuwing\n"

    # a commit that touches no case passes without a check, even beside a broken case
    (pad / "notities.txt").write_text("klad\n", encoding="utf-8")
    git(pad, "add", "notities.txt")
    andere = git(pad, "commit", "-m", "notities", "--", "notities.txt", check=False)
    assert andere.returncode == 0 and "gecontroleerd" not in andere.stderr
    # --no-verify is the way past the check
    assert git(pad, "commit", "-q", "--no-verify", "-am", "toch", check=False).returncode == 0


def hostile(merkers: Path) -> dict[str, str]:
    """Files a colleague could push: each leaves a marker when Python imports it."""
    namen = ["typer.py", "pydantic.py", "ruamel/__init__.py", "leersteun/__init__.py", "leersteun/__main__.py",
             "sitecustomize.py", "usercustomize.py"]  # fmt: skip
    merkers.mkdir()
    return {naam: f"open({str(merkers / naam.replace('/', '_'))!r}, 'w').close()\n" for naam in namen}


def test_nothing_in_the_folder_runs_in_the_hook_or_the_driver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    merkers = tmp_path / "merkers"
    # .gitattributes that would switch the driver off (and names it only in a comment)
    attributen = "# merge=leersteun\ncases/*.yaml -merge\ncases/*.yml -merge\n"
    pad = dossiermap(tmp_path / "team", **hostile(merkers), **{".gitattributes": attributen})
    richt_kloon_in(pad)
    assert kloon_ingericht(pad)
    assert git(pad, "check-attr", "merge", NOAH).stdout.strip().endswith("merge: leersteun")
    # what someone may have set in this shell: the folder on Python's path, the wrong folder
    monkeypatch.setenv("PYTHONPATH", str(pad))
    monkeypatch.setenv("PYTHONSTARTUP", str(pad / "typer.py"))
    monkeypatch.setenv("PYTHONUSERBASE", str(pad))
    monkeypatch.setenv("LEERSTEUN_MAP", str(tmp_path))
    # the trap works: Python started the ordinary way falls into it
    subprocess.run([sys.executable, "-c", "import typer"], cwd=pad, check=True)
    assert {"sitecustomize.py", "typer.py"} <= {p.name for p in merkers.iterdir()}
    for merker in merkers.iterdir():
        merker.unlink()

    # the hook still does its work: an error blocks, a valid change passes
    wijzig(pad, "fase: ondersteuning\n", "fase: misschien\n")
    geweigerd = commit(pad, "kapot")
    assert geweigerd.returncode != 0 and f"{NOAH}:" in geweigerd.stderr and "tegengehouden" in geweigerd.stderr
    git(pad, "checkout", "--", NOAH)

    # the driver still does its work: a meeting added on each side, both kept
    git(pad, "checkout", "-q", "-b", "collega")
    overleg(pad, "2026-11-20", "Van de collega.")
    assert commit(pad, "collega", hook=False).returncode == 0
    git(pad, "checkout", "-q", "main")
    overleg(pad, "2026-11-21", "Van mij.")
    gelukt = commit(pad, "ik")
    assert gelukt.returncode == 0 and "alles in orde" in gelukt.stderr
    samen = git(pad, "merge", "--no-edit", "collega", check=False)
    assert samen.returncode == 0, samen.stdout + samen.stderr
    tekst = (pad / NOAH).read_text(encoding="utf-8")
    assert "notitie: Van de collega." in tekst and "notitie: Van mij." in tekst and "<<<<<<<" not in tekst
    assert git(pad, "status", "--porcelain").stdout == ""

    assert sorted(p.name for p in merkers.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="a virtual environment laid out by hand as on Linux and macOS (bin/python, a link)")
def test_an_interpreter_at_a_path_with_spaces_quotes_and_accents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook and the driver quote the interpreter for sh (and % for git)."""
    omgeving = tmp_path / "Mijn Documenten" / "José's map (100%)" / ".venv"
    (omgeving / "bin").mkdir(parents=True)
    python = omgeving / "bin" / "python"
    if sys.prefix != sys.base_prefix:  # a virtual environment of its own, sharing this one's packages
        shutil.copy(Path(sys.prefix) / "pyvenv.cfg", omgeving)
        (omgeving / "lib").symlink_to(Path(sys.prefix) / "lib")
        python.symlink_to(os.path.realpath(sys.executable))
    else:
        python.symlink_to(sys.executable)
    monkeypatch.setattr(sys, "executable", str(python))

    pad = dossiermap(tmp_path / "team")
    regels = richt_kloon_in(pad)
    assert "geïnstalleerd" in regels[0] and "ingesteld" in regels[1], regels
    assert kloon_ingericht(pad)
    assert "'" + str(python).replace("'", "'\"'\"'") + "'" in (pad / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8")
    assert "(100%%)" in git(pad, "config", "merge.leersteun.driver").stdout

    wijzig(pad, "fase: ondersteuning\n", "fase: misschien\n")
    geweigerd = commit(pad, "kapot")
    assert f"{NOAH}:" in geweigerd.stderr and "tegengehouden" in geweigerd.stderr
    git(pad, "checkout", "--", NOAH)
    git(pad, "checkout", "-q", "-b", "collega")
    overleg(pad, "2026-11-20", "Van de collega.")
    assert commit(pad, "collega", hook=False).returncode == 0
    git(pad, "checkout", "-q", "main")
    overleg(pad, "2026-11-21", "Van mij.")
    assert commit(pad, "ik", hook=False).returncode == 0
    assert git(pad, "merge", "--no-edit", "collega", check=False).returncode == 0
    tekst = (pad / NOAH).read_text(encoding="utf-8")
    assert "notitie: Van de collega." in tekst and "notitie: Van mij." in tekst


# ---------------------------------------------------------------------------- git pull


def test_plain_git_pull_merges_with_the_driver_and_the_merge_commit_passes_with_a_warning(tmp_path: Path) -> None:
    bron = dossiermap(tmp_path / "bron")
    remote = tmp_path / "team.git"
    git(tmp_path, "clone", "-q", "--bare", str(bron), str(remote))
    an, els = tmp_path / "an", tmp_path / "els"
    for kloon in (an, els):
        git(tmp_path, "clone", "-q", str(remote), str(kloon))
        assert not kloon_ingericht(kloon)
        assert "pull.rebase=false" in richt_kloon_in(kloon)[2]
        assert git(kloon, "config", "--local", "pull.rebase").stdout == "false\n"

    overleg(an, "2026-11-20", "Van An.")
    wijzig(an, SMART, "Noah leest beter.")  # a warning: An's commit and Els's merge commit show it
    assert commit(an, "An", hook=False).returncode == 0
    git(an, "push", "-q")
    overleg(els, "2026-11-21", "Van Els.")
    assert commit(els, "Els", hook=False).returncode == 0

    getrokken = git(els, "pull", "--no-commit", check=False)  # divergent branches, no option given
    assert getrokken.returncode == 0, getrokken.stdout + getrokken.stderr
    afronden = git(els, "commit", "--no-edit", check=False)  # the commit that finishes the merge
    assert afronden.returncode == 0, afronden.stderr
    assert "waarschuwing: D1" in afronden.stderr
    assert len(git(els, "log", "-1", "--format=%P").stdout.split()) == 2
    tekst = (els / NOAH).read_text(encoding="utf-8")
    assert "notitie: Van An." in tekst and "notitie: Van Els." in tekst and "<<<<<<<" not in tekst
    git(els, "push", "-q")
    assert git(an, "pull", "-q", check=False).returncode == 0  # a fast-forward for An
    assert (an / NOAH).read_text(encoding="utf-8") == tekst


@pytest.mark.parametrize("sleutel,waarde", [("pull.ff", "only"), ("pull.rebase", "true")])
def test_a_pull_setting_of_the_user_is_kept(tmp_path: Path, sleutel: str, waarde: str) -> None:
    pad = dossiermap(tmp_path / "team")
    git(pad, "config", "--global", sleutel, waarde)
    regels = richt_kloon_in(pad)
    assert f"je eigen instelling ({sleutel}={waarde}) is niet aangeraakt" in regels[2]
    assert git(pad, "config", "--local", "pull.rebase", check=False).stdout == ""
    assert kloon_ingericht(pad)


# ---------------------------------------------------------------------------- set up once, the same way


def test_someone_elses_hook_is_never_touched_an_older_leersteun_hook_is_renewed(tmp_path: Path) -> None:
    pad = dossiermap(tmp_path / "team")
    hook = pad / ".git" / "hooks" / "pre-commit"
    eigen = "#!/bin/sh\n# mijn eigen hook\nexit 0\n"
    hook.write_text(eigen, encoding="utf-8")
    hook.chmod(0o755)
    regels = richt_kloon_in(pad)
    assert "er staat al een andere pre-commit hook" in regels[0] and "niet aangeraakt" in regels[0]
    assert hook.read_text(encoding="utf-8") == eigen
    assert kloon_ingericht(pad)  # the rest is set up; that hook is the user's choice

    # the hook of an older leersteun (--streng, no -I) and its driver (no -I) are replaced
    oud = f'#!/bin/sh\n{HOOK_MERK}\nPY=/oud/python\n"$PY" -m leersteun valideer --streng $bestanden\n'
    hook.write_text(oud, encoding="utf-8")
    git(pad, "config", "merge.leersteun.driver", f"{sys.executable} -m leersteun.editing.merge %O %A %B %P")
    assert not kloon_ingericht(pad)
    regels = richt_kloon_in(pad)
    assert "controle voor elke commit vernieuwd" in regels[0] and "ingesteld" in regels[1], regels
    assert hook.read_text(encoding="utf-8") == hook_tekst()
    assert git(pad, "config", "merge.leersteun.driver").stdout.strip() == driver_commando()
    assert kloon_ingericht(pad)


def test_init_twice_in_a_clone_changes_nothing(tmp_path: Path, run) -> None:
    bron = dossiermap(tmp_path / "bron")
    kloon = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(bron), str(kloon))
    eerste = run("init", str(kloon))
    assert eerste.exit_code == 0, eerste.output
    assert "pull.rebase=false in deze kloon" in eerste.stdout
    bestanden = [kloon / ".git" / n for n in ("config", "hooks/pre-commit", "info/attributes")]
    voor = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in bestanden}
    tweede = run("init", str(kloon))
    assert tweede.exit_code == 0, tweede.output
    assert tweede.stdout.count("was al in orde") == 3
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in bestanden} == voor
    assert git(kloon, "status", "--porcelain").stdout == ""
    assert kloon_ingericht(kloon)


@pytest.mark.skipif(os.name != "posix", reason="a virtual environment laid out by hand as on Linux and macOS (bin/python, a link)")
def test_a_python_that_would_not_find_leersteun_isolated_gets_no_hook_and_no_driver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Started with -I, a leersteun found only through PYTHONPATH or the current folder is not
    there: leersteun says so instead of installing a hook that cannot start, and removes its
    own older hook and driver, which would load code from the folder."""
    pad = dossiermap(tmp_path / "team")
    richt_kloon_in(pad)
    leeg = tmp_path / "leeg"  # a virtual environment without packages
    (leeg / "bin").mkdir(parents=True)
    (leeg / "pyvenv.cfg").write_text(f"home = {Path(os.path.realpath(sys.executable)).parent}\ninclude-system-site-packages = false\n")
    (leeg / "bin" / "python").symlink_to(os.path.realpath(sys.executable))
    monkeypatch.setattr(sys, "executable", str(leeg / "bin" / "python"))
    assert not kloon_ingericht(pad)
    regels = richt_kloon_in(pad)
    assert "niet geïnstalleerd" in regels[0] and "vindt deze leersteun niet" in regels[0] and "oude controle is verwijderd" in regels[0]
    assert "niet per veld samengevoegd" in regels[1] and "virtuele omgeving" in regels[1]
    assert not (pad / ".git" / "hooks" / "pre-commit").exists()
    assert git(pad, "config", "merge.leersteun.driver", check=False).stdout == ""
    assert not kloon_ingericht(pad)


# ---------------------------------------------------------------------------- Git for Windows

WINDOWS_PYTHON = r"C:\Users\An Janssens\AppData\Local\Programs\José's leersteun (100%)\Scripts\python.exe"
ALS_SH = "C:/Users/An Janssens/AppData/Local/Programs/José's leersteun (100%)/Scripts/python.exe"


def _nep_python(map_: Path) -> Path:
    """`C:/Users/…/python.exe` below `map_`, a relative path on this system as much as on
    Windows: sh started in `map_` runs it. It prints the arguments it gets, one per line."""
    nep = map_ / ALS_SH
    nep.parent.mkdir(parents=True)
    nep.write_text('#!/bin/sh\nfor a in "$@"; do printf \'<%s>\\n\' "$a"; done\n', encoding="utf-8")
    nep.chmod(0o755)
    return nep


@pytest.mark.parametrize(
    "pad,voor_sh_",
    [
        (WINDOWS_PYTHON, "'" + ALS_SH.replace("'", "'\"'\"'") + "'"),
        (r"\\school\leersteun\python.exe", "//school/leersteun/python.exe"),
        ("C:/Python312/python.exe", "C:/Python312/python.exe"),
        ("/home/an/Mijn map/.venv/bin/python", "'/home/an/Mijn map/.venv/bin/python'"),
        ("/opt/a\\b/python", "'/opt/a\\b/python'"),  # a backslash in a name on this system stays
    ],
)
def test_an_interpreter_path_is_written_for_sh_with_forward_slashes_on_windows(pad: str, voor_sh_: str) -> None:
    from leersteun.editing.kloon import voor_sh

    assert voor_sh(pad) == voor_sh_
    assert f"\nPY={voor_sh_}\n" in hook_tekst(pad)
    assert driver_commando(pad) == voor_sh_.replace("%", "%%") + " -I -m leersteun.editing.merge %O %A %B %P"


@pytest.mark.skipif(os.name != "posix", reason="the stand-in C:/… is a relative path on Linux and macOS; on Windows it is the C: drive")
def test_sh_runs_the_windows_interpreter_of_the_driver_and_the_hook_with_the_right_arguments(tmp_path: Path) -> None:
    """The command lines as git hands them to sh (Git for Windows does the same with its own
    sh): the interpreter is one word, and so is every file, with spaces, accents and quotes."""
    map_ = tmp_path / "Mijn Documenten" / "Leersteun Kempen – Geel"
    _nep_python(map_)
    # the driver: git puts each file in single quotes (sq_quote) and %% becomes %
    commando = driver_commando(WINDOWS_PYTHON)
    bestanden = {"%O": ".merge_file_a1", "%A": ".merge_file_b2", "%B": ".merge_file_c3", "%P": "cases/KLM-2024-017.yaml"}
    for teken, bestand in bestanden.items():
        commando = commando.replace(teken, "'" + bestand + "'")
    commando = commando.replace("%%", "%")
    uit = subprocess.run(["sh", "-c", commando], cwd=map_, capture_output=True, text=True, timeout=30)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.splitlines() == [f"<{a}>" for a in ("-I", "-m", "leersteun.editing.merge", *bestanden.values())]

    # the hook, run by git in a repository at that path: the staged case and the settings
    git(map_, "init", "-q", "-b", "main")
    (map_ / "cases").mkdir()
    (map_ / "cases" / "KLM-2024-017.yaml").write_text("id: KLM-2024-017\n", encoding="utf-8")
    (map_ / "leersteun.yaml").write_text("netwerk: x\n", encoding="utf-8")
    git(map_, "add", "cases", "leersteun.yaml")
    hook = map_ / ".git" / "hooks" / "pre-commit"
    hook.write_text(hook_tekst(WINDOWS_PYTHON), encoding="utf-8")
    hook.chmod(0o755)
    gecommit = git(map_, "commit", "-m", "eerste", check=False)
    assert gecommit.returncode == 0, gecommit.stderr
    args = ["-I", "-u", "-m", "leersteun", "--map", ".", "valideer", "cases/KLM-2024-017.yaml", "leersteun.yaml"]
    assert gecommit.stderr.splitlines() == [f"<{a}>" for a in args]


def test_the_forward_slash_form_counts_as_this_interpreter(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hook and driver written for `C:\\…\\python.exe` (with `/` for sh) are recognised as
    current by the same interpreter: `delen` does not rewrite them each time."""
    from leersteun.editing import kloon

    monkeypatch.setattr(kloon, "_python", lambda: WINDOWS_PYTHON)
    assert kloon._deze_python(ALS_SH) == ALS_SH
    assert kloon._is_huidige_hook(kloon.hook_tekst())
    assert kloon._deze_python("C:/Users/Els/python.exe") is None
    assert not kloon._is_huidige_hook(kloon.hook_tekst("C:/Users/Els/python.exe"))


def test_autocrlf_in_a_folder_with_spaces_and_accents_keeps_crlf_through_an_edit_the_hook_and_the_merge(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clone as on Windows (core.autocrlf=true: case files CRLF on disk) in a folder whose
    path has spaces and accents: an edit by leersteun, the hook and a merge by the driver all
    work, and the file stays CRLF, line by line."""
    bron = dossiermap(tmp_path / "bron")
    remote = tmp_path / "team.git"
    git(tmp_path, "clone", "-q", "--bare", str(bron), str(remote))
    mijn, collega = tmp_path / "Mijn Documenten" / "Leersteun Kempen – Geel (José)", tmp_path / "collega"
    mijn.parent.mkdir()
    git(tmp_path, "clone", "-q", "-c", "core.autocrlf=true", str(remote), str(mijn))
    git(tmp_path, "clone", "-q", str(remote), str(collega))
    ruw = (mijn / NOAH).read_bytes()
    assert ruw.count(b"\r\n") == ruw.count(b"\n")  # git wrote every line with CRLF
    richt_kloon_in(mijn)
    assert kloon_ingericht(mijn)

    overleg(collega, "2026-11-20", "Van de collega.")
    assert commit(collega, "collega", hook=False).returncode == 0
    git(collega, "push", "-q")

    monkeypatch.chdir(mijn)
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-11-24")
    gedaan = run("overleg", "KLM-2025-003", "--soort", "observatie", "--met", "klasleerkracht", "--notitie", "Van mij.", "--door", "Els Maes")
    assert gedaan.exit_code == 0, gedaan.output
    na = (mijn / NOAH).read_bytes()
    assert na.count(b"\r\n") == na.count(b"\n") and b"notitie: Van mij.\r\n" in na
    assert [r for r in na.splitlines(keepends=True) if r not in ruw.splitlines(keepends=True)][0].endswith(b"\r\n")
    gecommit = commit(mijn, "ik")
    assert gecommit.returncode == 0 and "alles in orde" in gecommit.stderr, gecommit.stderr

    samen = git(mijn, "pull", "--no-edit", check=False)
    assert samen.returncode == 0, samen.stdout + samen.stderr
    tekst = (mijn / NOAH).read_bytes()
    assert b"notitie: Van de collega.\r\n" in tekst and b"notitie: Van mij.\r\n" in tekst and b"<<<<<<<" not in tekst
    assert tekst.count(b"\r\n") == tekst.count(b"\n")
    assert git(mijn, "status", "--porcelain").stdout == ""


def test_the_driver_keeps_crlf_of_files_committed_with_crlf(tmp_path: Path) -> None:
    """Without autocrlf a file committed from Windows has CRLF in git itself: the merged
    file keeps it."""

    def crlf() -> None:
        (pad / NOAH).write_bytes((pad / NOAH).read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))

    pad = dossiermap(tmp_path / "team")
    crlf()
    assert commit(pad, "crlf", hook=False).returncode == 0
    richt_kloon_in(pad)
    git(pad, "checkout", "-q", "-b", "collega")
    overleg(pad, "2026-11-20", "Van de collega.")
    crlf()
    assert commit(pad, "collega", hook=False).returncode == 0
    git(pad, "checkout", "-q", "main")
    overleg(pad, "2026-11-21", "Van mij.")
    crlf()
    assert commit(pad, "ik", hook=False).returncode == 0
    assert git(pad, "merge", "--no-edit", "collega", check=False).returncode == 0
    tekst = (pad / NOAH).read_bytes()
    assert b"notitie: Van de collega.\r\n" in tekst and b"notitie: Van mij.\r\n" in tekst
    assert tekst.count(b"\r\n") == tekst.count(b"\n")
    assert subprocess.run(["git", "show", f"HEAD:{NOAH}"], cwd=pad, capture_output=True, check=True).stdout == tekst


def test_init_inside_an_existing_repository_says_where_and_the_hook_checks_that_folder(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """`init` in a subfolder of a repository that is already there (a school's own): no new
    repository and no commit, said with where the case folder lies; the hook, which git runs at
    the top, checks the cases of that folder; a second `init` there changes nothing."""
    school = tmp_path / "Schijf van de school"
    school.mkdir()
    git(school, "init", "-q", "-b", "main")
    (school / "notities.txt").write_text("klad\n", encoding="utf-8")
    git(school, "add", "notities.txt")
    git(school, "commit", "-qm", "start")
    map_ = school / "Leersteun Kempen (José)"
    uit = run("init", str(map_), "--netwerk", "Leersteuncentrum Kempen", "--coordinatie", "info@example.org")
    assert uit.exit_code == 0, uit.output
    assert f"git: de dossiermap {map_} ligt als map Leersteun Kempen (José)/ in de git-repository {school}" in uit.stdout
    assert "er is geen nieuwe gemaakt en niets gecommit" in uit.stdout and "voor de dossiers in Leersteun Kempen (José)/cases/." in uit.stdout
    assert "'leersteun delen' deelt alleen een dossiermap die bovenaan haar eigen repository staat" in uit.stdout
    assert not (map_ / ".git").exists() and git(school, "log", "--format=%s").stdout == "start\n"
    assert kloon_ingericht(map_)

    shutil.copy(ROOT / "cases" / "KLM-2025-003.yaml", map_ / "cases")
    wijzig(map_, "fase: ondersteuning\n", "fase: misschien\n")
    git(school, "add", "-A")
    geweigerd = git(school, "commit", "-m", "kapot", check=False)
    assert geweigerd.returncode != 0 and "Leersteun Kempen (José)/cases/KLM-2025-003.yaml:" in geweigerd.stderr and "tegengehouden" in geweigerd.stderr
    wijzig(map_, "fase: misschien\n", "fase: ondersteuning\n")
    git(school, "add", "-A")
    assert git(school, "commit", "-m", "goed", check=False).returncode == 0

    tweede = run("init", str(map_))
    assert tweede.exit_code == 0 and tweede.stdout.count("was al in orde") == 3, tweede.output
    # delen names files from the folder: it says it does not share from a subfolder
    monkeypatch.chdir(map_)
    gedeeld = run("delen")
    assert gedeeld.exit_code == 1 and "'leersteun delen' deelt alleen een dossiermap die bovenaan haar eigen repository staat" in gedeeld.stderr
    assert "Er is niets gedeeld." in gedeeld.stderr and git(school, "log", "--format=%s").stdout == "goed\nstart\n"
