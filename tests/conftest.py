from __future__ import annotations

import hashlib
import signal
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

# What a closing needs in a script (seed 001, 003): the two closing questions and the partners.
SLUIT = ["--wat-neemt-school-mee", "Het stappenplan.", "--kansen", "Zelf plannen.", "--met", "klasleerkracht,ouders,clb"]

# A test run started in the background (`nohup`, `cmd &` in a script) inherits Ctrl-C ignored,
# and so would every command the tests start: the Ctrl-C tests then see nothing. Ctrl-C is
# handled as in a terminal instead (commands started from here get the default again).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

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


# The longest tests (seconds each, of CPU or of waiting for a terminal), first: under
# `--dist worksteal` one worker starts at the head of the list and the other steals from its
# tail, so no long test starts late and ends last on its own.
LANG = (
    "tests/editing/test_team_eigenschappen.py",
    "tests/cli/test_opmaak.py::test_every_readme_example",
    "tests/core/test_uitvoer.py::test_every_readme_example",
    "tests/test_readme.py",
    "tests/cli/test_voltooien.py::test_zsh_completes",
    "tests/cli/test_voltooien.py::test_bash_completes",
    "tests/cli/test_voltooien.py::test_fish",
    "tests/cli/test_cli.py::test_the_commit_hook",
    "tests/cli/test_cli.py::test_shell_completion",
    "tests/editing/test_merge.py::test_concurrent_commands",
    "tests/editing/test_team_scenarios.py",
    "tests/editing/test_trajectory_properties.py",
    "tests/editing/test_heropstart.py::test_real_terminal",
    "tests/reading/test_corpus.py::test_fuzzed_cases",
    "tests/reading/test_corpus.py::test_fast_",
    "tests/reading/test_corpus.py::test_settings_fast_path_agrees_on",
    "tests/files/test_store.py::test_a_change_in_any_style",
    "tests/files/test_store.py::test_any_document",
    "tests/files/test_store.py::test_changing",
    "tests/editing/test_delen.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rang(item: pytest.Item) -> int:
        return next((i for i, begin in enumerate(LANG) if item.nodeid.startswith(begin)), len(LANG))

    items.sort(key=rang)  # stable: the rest keeps its order


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


def zet_vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' fixed day, user and width (also for a fixture that prepares a folder once)."""
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-11-24")
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "An Janssens")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("LEERSTEUN_MAP", raising=False)
    monkeypatch.delenv("LEERSTEUN_DEBUG", raising=False)


@pytest.fixture(autouse=True)
def vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    zet_vaste_omgeving(monkeypatch)


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
    """The pdftotext command (poppler: Debian's poppler-utils). The tests install nothing: CI
    installs it (.ci/run, the workflow); where it is missing, the PDF tests skip with the reason,
    except in CI on Linux and macOS, where a missing poppler is a broken setup."""
    import os
    import shutil
    import sys

    pad = shutil.which("pdftotext")
    if pad is None and os.environ.get("CI") and sys.platform != "win32":
        pytest.fail("pdftotext is missing in CI: the workflow installs poppler (poppler-utils, brew install poppler)")
    if pad is None:
        pytest.skip("pdftotext (poppler) is not installed: apt-get install poppler-utils, or brew install poppler")
    return pad


class Klok:
    """The clock of leersteun.files.schijf in a test (the fixture `klok`): a lock's wait is
    followed by what happens, not by how long it took. Each `sleep` is counted and runs
    `bij_slapen` (to let another process go at the moment schijf starts to wait); time passes
    only by those sleeps, or as the real clock with `echt`."""

    def __init__(self) -> None:
        import time

        self._time = time
        self.nu = 0.0
        self.slapen = 0
        self.echt = False
        self.bij_slapen = lambda: None

    def monotonic(self) -> float:
        return self._time.monotonic() if self.echt else self.nu

    def sleep(self, seconden: float) -> None:
        self.slapen += 1
        self.nu += seconden
        self.bij_slapen()
        if self.echt:
            self._time.sleep(seconden)

    def __getattr__(self, naam: str):
        return getattr(self._time, naam)


@pytest.fixture
def klok(monkeypatch: pytest.MonkeyPatch) -> Klok:
    from leersteun.files import schijf

    nieuw = Klok()
    monkeypatch.setattr(schijf, "time", nieuw)
    return nieuw


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
