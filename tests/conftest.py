from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
# The file format as the team agreed it (a copy of shared/voorbeeld-dossier.yaml): its keys and
# listed values are a contract, so the repository keeps it and the tests hold the code to it.
VOORBEELD = ROOT / "tests" / "files" / "contract" / "voorbeeld-dossier.yaml"

INSTELLINGEN = """\
netwerk: Leersteuncentrum Test
coordinatie:
  email: coordinatie@example.org
team:
  - naam: An Janssens
    rol: ankerpersoon
  - naam: Els Maes
    rol: ondersteuner
scholen:
  - naam: Basisschool De Klimop
    gemeente: Geel
"""

# A minimal valid case in house style; tests change one thing in it.
DOSSIER = """\
id: T-001
leerling:
  voornaam: Lotte
  naam: Peeters
  geboortedatum: 2015-03-14
  klas: 5B
  niveau: lager
school:
  naam: Basisschool De Klimop
  gemeente: Geel
verslag:
  soort: GC
  datum: 2024-09-12
  zichtbaar_in_diplon: true
  ontbindende_voorwaarde: null
fase: ondersteuning
ankerpersoon: An Janssens
ondersteuner: Els Maes           # de huidige
vorige_ondersteuners: []
clb_medewerker: Karen Claes
trajecten:
  - vorm: regulier
    start: 2024-10-15
    frequentie: wekelijks
    intensiteit: 1 lesuur per week
    evaluatie_op: [2025-01-20]
geschiedenis:
  - datum: 2024-10-15
    fase: ondersteuning
    door: Els Maes
evaluaties: []
doelen: []
heropstarts: []
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", help="rewrite tests/snapshots/ from the current output")


def digest(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


class Map:
    """A case folder in a temp dir, with cases written inline by the tests."""

    def __init__(self, pad: Path):
        self.pad = pad
        (pad / "cases").mkdir(parents=True)
        (pad / "leersteun.yaml").write_text(INSTELLINGEN, encoding="utf-8")

    def case(self, tekst: str, naam: str = "T-001") -> Path:
        pad = self.pad / "cases" / f"{naam}.yaml"
        pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
        return pad

    def hashes(self) -> dict[str, str]:
        return {str(p.relative_to(self.pad)): digest(p) for p in sorted(self.pad.rglob("*")) if p.is_file()}


@pytest.fixture
def map_(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Map:
    monkeypatch.chdir(tmp_path)
    return Map(tmp_path)


@pytest.fixture(autouse=True)
def vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-11-24")
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "An Janssens")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("LEERSTEUN_MAP", raising=False)
    monkeypatch.delenv("LEERSTEUN_DEBUG", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def run(runner: CliRunner):
    from leersteun.cli import app

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def snapshot(request: pytest.FixtureRequest):
    """Compare output with tests/snapshots/NAME (written with --update-snapshots)."""
    bijwerken = request.config.getoption("--update-snapshots")

    def vergelijk(naam: str, tekst: str) -> None:
        pad = Path(__file__).parent / "snapshots" / naam
        if bijwerken:
            pad.parent.mkdir(exist_ok=True)
            pad.write_text(tekst, encoding="utf-8")
        if not pad.exists():
            pytest.fail(f"snapshot {naam} is missing: run pytest --update-snapshots and review it")
        assert tekst == pad.read_text(encoding="utf-8")

    return vergelijk


@pytest.fixture(scope="session")
def pdftotext() -> str:
    """The pdftotext command (Debian poppler-utils), installed here when it is missing."""
    import os
    import shutil
    import subprocess
    import sys

    pad = shutil.which("pdftotext")
    if pad is None and shutil.which("apt-get") and os.geteuid() == 0:
        import fcntl

        omgeving = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        with open("/tmp/leersteun-tests-apt.lock", "w") as slot:  # the test workers install it once
            fcntl.flock(slot, fcntl.LOCK_EX)
            if shutil.which("pdftotext") is None:
                subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=omgeving, timeout=600)
                subprocess.run(["apt-get", "install", "-y", "-qq", "poppler-utils"], capture_output=True, env=omgeving, timeout=600)
        pad = shutil.which("pdftotext")
    if pad is None and sys.platform == "win32":  # CI installs poppler on Linux and macOS, not here
        pytest.skip("pdftotext (poppler) is not installed on Windows")
    if pad is None:
        pytest.fail("pdftotext is missing and could not be installed (apt-get install poppler-utils)")
    return pad


@pytest.fixture
def voorbeeld(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's example case folder, as the working directory."""
    import shutil

    doel = tmp_path / "voorbeeld"
    doel.mkdir()
    shutil.copy(ROOT / "leersteun.yaml", doel)
    shutil.copytree(ROOT / "cases", doel / "cases")
    monkeypatch.chdir(doel)
    return doel
