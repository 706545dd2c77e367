"""The README's examples, run in order on a fresh copy of the example folder, give what the
README shows.

Conventions in README.md: a ```sh block is run line by line (a `\\` continues a line, `#`
starts a comment); the plain ``` block right after it is its output, and each of its lines
must appear in what the commands printed (`...` stands for lines left out). A ```text block
is an illustration and is not compared; ```sh interactief is not run (it asks questions); a
block whose info string names a file (```csv klassen.csv) is written to that file before the
commands beside it run. An example that shows a refusal (`Fout:`) may exit with 1 or 2.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leersteun.cli import app

ROOT = Path(__file__).resolve().parents[1]
OVERSLAAN = ("leersteun init", "--install-completion", "python3 -m venv")


def blokken() -> list[tuple[str, str]]:
    # fences start a line; ``` inside a sentence is not one
    return re.findall(r"^[ \t]*```([^\n]*)\n(.*?)^[ \t]*```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S | re.M)


def plat(tekst: str) -> str:
    return " ".join(tekst.split())


def voorbeeldkloon(tmp_path: Path) -> Path:
    """A copy of the example folder in a git repository of its own, as the README's examples
    start from."""
    map_ = tmp_path / "voorbeeld"
    map_.mkdir()
    shutil.copy(ROOT / "leersteun.yaml", map_)
    shutil.copytree(ROOT / "cases", map_ / "cases")
    for git in (["init", "-q"], ["add", "."], ["-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "voorbeeld"]):
        subprocess.run(["git", *git], cwd=map_, check=True, capture_output=True)
    return map_


def test_readme_examples_give_what_the_readme_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    map_ = voorbeeldkloon(tmp_path)
    for sleutel, waarde in {"LEERSTEUN_VANDAAG": "2026-11-24", "LEERSTEUN_GEBRUIKER": "An Janssens", "LEERSTEUN_BREEDTE": "120", "COLUMNS": "120"}.items():
        monkeypatch.setenv(sleutel, waarde)
    monkeypatch.chdir(map_)
    runner = CliRunner()
    alle = blokken()
    verschillen: list[str] = []
    gedraaid = 0
    for i, (info, inhoud) in enumerate(alle):
        if info.strip() != "sh" or "leersteun " not in inhoud or any(k in inhoud for k in OVERSLAAN):
            continue
        j = i + 1  # the files shown beside these commands
        while j < len(alle) and not alle[j][0].startswith("sh"):
            delen = alle[j][0].split()
            if len(delen) == 2:
                (map_ / delen[1]).write_text(alle[j][1], encoding="utf-8")
            j += 1
        verwacht = alle[i + 1][1] if i + 1 < len(alle) and alle[i + 1][0] == "" else None
        uit = ""
        for regel in re.sub(r"\\\n\s*", " ", inhoud).splitlines():
            regel = re.sub(r"\s+#.*$", "", regel).strip()
            if not regel.startswith("leersteun "):
                continue
            r = runner.invoke(app, shlex.split(regel)[1:], catch_exceptions=False)  # in-process: the same as `leersteun ...`, faster
            gedraaid += 1
            uit += r.output
            weigering = verwacht is not None and "Fout:" in verwacht
            if r.exit_code != 0 and not (weigering and r.exit_code in (1, 2)):
                verschillen.append(f"{regel}: exit {r.exit_code}: {r.output.strip()[:300]}")
        if verwacht is not None:
            verschillen += vergelijk(inhoud.splitlines()[0][:60], verwacht, uit)
    assert gedraaid >= 30
    assert not verschillen, "\n".join(verschillen)


def vergelijk(waar: str, verwacht: str, uit: str) -> list[str]:
    """What the README shows and the commands did not print: each shown line, in the order
    shown, up to where a printed line ends (a shown '5B (lager)' is not the printed '5B
    (lager), schooljaar 2026-2027'), spaces and line breaks inside it aside (rich wraps a long
    line where the README may not)."""
    gedrukt = "\n".join(plat(r) for r in uit.splitlines()) + "\n"
    verschillen, vanaf = [], 0
    for r_ in verwacht.splitlines():
        if not r_.strip() or r_.strip() == "...":
            continue
        patroon = r"\s".join(re.escape(w) for w in r_.split()) + r"(?=\n)"
        gevonden = re.compile(patroon).search(gedrukt, vanaf)
        if gevonden is None:
            elders = re.compile(patroon).search(gedrukt)
            verschillen.append(f"{waar}: {'niet op die plek in' if elders else 'niet in'} de uitvoer: {r_.strip()[:100]}")
        else:
            vanaf = gevonden.end()
    return verschillen
