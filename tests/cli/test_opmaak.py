"""Names with rich's markup characters in them ('[/]', '[bold]'): every command of the README
runs on a folder full of them without a traceback, and shows each name as it is written."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leersteun.cli import app
from tests.conftest import ROOT
from tests.test_readme import OVERSLAAN, blokken

LEERLING = " [/]"  # after every pupil's surname
BETROKKENE = " [bold]"  # after every name of a person around a case
SCHOOL = "Basisschool De Klimop [/]"
LID = "Els Maes [bold]"


def _met_opmaak(tekst: str, dossier: bool = True) -> str:
    tekst = re.sub(r"^(  voornaam: .*\n  naam: )(.*)$", lambda m: f"{m.group(1)}'{m.group(2)}{LEERLING}'", tekst, flags=re.MULTILINE)
    if dossier:  # leersteun.yaml keeps the school's own contacts as the README's commands name them
        tekst = re.sub(r"^(    naam: )(?!Basisschool)(.*)$", lambda m: f"{m.group(1)}'{m.group(2)}{BETROKKENE}'", tekst, flags=re.MULTILINE)
    tekst = re.sub(r"^(\s*(?:- )?naam: )Basisschool De Klimop$", rf"\g<1>'{SCHOOL}'", tekst, flags=re.MULTILINE)
    tekst = re.sub(r"(: )Els Maes( *(?:#.*)?)$", rf"\g<1>'{LID}'\g<2>", tekst, flags=re.MULTILINE)
    return tekst.replace("[Els Maes]", f"['{LID}']")


@pytest.fixture
def opmaak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example folder with markup characters in every name, as a git repository."""
    map_ = tmp_path / "opmaak"
    shutil.copytree(ROOT / "cases", map_ / "cases")
    (map_ / "leersteun.yaml").write_text(_met_opmaak((ROOT / "leersteun.yaml").read_text(encoding="utf-8"), dossier=False), encoding="utf-8")
    for pad in (map_ / "cases").glob("*.yaml"):
        pad.write_text(_met_opmaak(pad.read_text(encoding="utf-8")), encoding="utf-8")
    for git in (["init", "-q"], ["add", "."], ["-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "opmaak"]):
        subprocess.run(["git", *git], cwd=map_, check=True, capture_output=True)
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "200")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(map_)
    return map_


def test_the_folder_is_valid_and_full_of_markup(opmaak: Path, run) -> None:
    result = run("valideer")
    assert result.exit_code == 0, result.output
    assert (opmaak / "cases" / "KLM-2024-017.yaml").read_text(encoding="utf-8").count("[") >= 5


def test_every_readme_example_runs_on_names_with_markup(opmaak: Path) -> None:
    runner = CliRunner()
    alle = blokken()
    problemen: list[str] = []
    for i, (info, inhoud) in enumerate(alle):
        if info.strip() != "sh" or "leersteun " not in inhoud or any(k in inhoud for k in OVERSLAAN):
            continue
        j = i + 1  # the files shown beside these commands (a class list)
        while j < len(alle) and not alle[j][0].startswith("sh"):
            if len(alle[j][0].split()) == 2:
                (opmaak / alle[j][0].split()[1]).write_text(alle[j][1], encoding="utf-8")
            j += 1
        weigering = i + 1 < len(alle) and alle[i + 1][0] == "" and "Fout:" in alle[i + 1][1]
        for regel in re.sub(r"\\\n\s*", " ", inhoud).splitlines():
            regel = re.sub(r"\s+#.*$", "", regel).strip()
            if not regel.startswith("leersteun "):
                continue
            r = runner.invoke(app, shlex.split(regel)[1:], catch_exceptions=False)
            if "Traceback" in r.output or "onverwachte fout" in r.output or (r.exit_code != 0 and not (weigering and r.exit_code in (1, 2))):
                problemen.append(f"{regel}: exit {r.exit_code}: {r.output.strip()[-400:]}")
    assert not problemen, "\n".join(problemen)


@pytest.mark.parametrize(
    ("opdracht", "namen"),
    [
        (["toon", "lotte"], ["Lotte Peeters [/]", "Joris Van Aken [bold]", SCHOOL, LID]),
        (["lijst"], ["Lotte Peeters [/]", SCHOOL]),
        (["geschiedenis", "noah"], [LID]),
        (["agenda", "--weken", "8"], ["Noah Wouters [/]"]),
        (["overzicht", "--alles"], ["Noah Wouters [/]", SCHOOL]),
    ],
)
def test_a_name_with_markup_is_shown_as_it_is_written(opmaak: Path, run, opdracht: list[str], namen: list[str]) -> None:
    result = run(*opdracht)
    assert result.exit_code == 0, result.output
    plat = " ".join(result.output.replace("│", " ").split())
    for naam in namen:
        assert naam in plat, (naam, result.output)


def test_the_heropstart_checklist_with_markup_in_every_name(opmaak: Path, run, monkeypatch) -> None:
    from tests.editing.test_heropstart import ANTWOORDEN_INVOER

    monkeypatch.setattr("leersteun.cli.heropstart._terminal", lambda: True)  # a script asks nothing

    invoer = ANTWOORDEN_INVOER + ["", "Een korte interventie [/] bij de leerkracht.", "n"]
    result = run("heropstart", "lena", input="\n".join(invoer) + "\n")
    assert result.exit_code == 0, result.output
    plat = " ".join(result.output.replace("│", " ").split())
    assert "Checklist heropstart voor Lena Claeys [/]" in plat
    assert "Een korte interventie [/] bij de leerkracht." in (opmaak / "cases" / "RGN-2025-006.yaml").read_text(encoding="utf-8")
