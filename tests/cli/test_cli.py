"""The commands as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOSSIER, INSTELLINGEN, ROOT, Map

# ---------------------------------------------------------------------------- help and usage


def test_help_is_dutch(run) -> None:
    result = run("--help")
    assert result.exit_code == 0
    for woord in ("Gebruik: leersteun", "Opties", "Opdrachten", "Toon deze hulp en stop.", "valideer", "nieuw"):
        assert woord in result.stdout
    for engels in ("Usage:", "Show this message", "Options", "Commands"):
        assert engels not in result.stdout


def test_the_table_of_commands_matches_what_the_modules_register() -> None:
    import leersteun.cli as cli

    geregistreerd = {c.name: c.callback.__module__.rsplit(".", 1)[1] for c in cli.app.registered_commands}
    assert geregistreerd == cli.OPDRACHTEN
    assert tuple(dict.fromkeys(cli.OPDRACHTEN.values())) == cli.MODULES  # the table in the order of --help
    assert [c.name for c in cli.app.registered_commands] == list(cli.OPDRACHTEN)


@pytest.mark.parametrize(
    ("argumenten", "modules"),
    [
        (["overzicht", "--formaat", "csv"], ["overzicht"]),
        (["--map", "ergens", "Toon", "lotte"], ["dossiers"]),
        (["--map=ergens", "conflict"], ["team"]),
        (["lijst", "--help"], ["dossiers"]),
        (["--help"], ["dossiers", "traject", "heropstart", "doelen", "overzicht", "team"]),
        ([], ["dossiers", "traject", "heropstart", "doelen", "overzicht", "team"]),
        (["overzich"], ["dossiers", "traject", "heropstart", "doelen", "overzicht", "team"]),
    ],
)  # fmt: skip
def test_a_command_being_run_loads_only_its_own_module(argumenten: list[str], modules: list[str]) -> None:
    """Each start reads the signatures of the registered commands: only those needed."""
    code = (
        "import sys\nfrom leersteun import cli\n"
        f"cli.laad(cli.opdracht_in({argumenten!r}))\n"
        "print(' '.join(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('leersteun.cli.') and m.rsplit('.', 1)[1] in cli.MODULES))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert sorted(uit) == sorted(modules)


def test_usage_error_is_dutch_with_exit_code_2(run) -> None:
    result = run("valideer", "--bestaat-niet")
    assert result.exit_code == 2
    assert "Onbekende optie: --bestaat-niet" in result.stderr
    assert "leersteun valideer --help" in result.stderr
    result = run("toon")
    assert result.exit_code == 2
    assert "ontbreekt" in result.stderr


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from leersteun.cli import app; from typer.testing import CliRunner; "
        "CliRunner().invoke(app, ['--help']); "
        "print(sorted(m for m in ('pydantic', 'ruamel.yaml', 'jinja2', 'leersteun.rules.model', 'leersteun.files.store') if m in sys.modules))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uit.strip() == "[]"


def test_templates_are_packaged_in_the_wheel(tmp_path: Path) -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"templates" = "leersteun/templates"' in pyproject
    uit = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 0, f"the wheel does not build: {uit.stderr[-400:]}"
    import zipfile

    wiel = next(tmp_path.glob("leersteun-*.whl"))
    namen = zipfile.ZipFile(wiel).namelist()
    for sjabloon in (
        "README.md",
        "mail/heropstart.txt.j2",
        "checklist/checklist.html.j2",
        "fiche/fiche.md.j2",
        "fiche/fiche.html.j2",
        "grafiek/balken.svg.j2",
        "grafiek/tijdlijn.svg.j2",
        "overzicht/overzicht.md.j2",
        "overzicht/overzicht.html.j2",
    ):
        assert f"leersteun/templates/{sjabloon}" in namen
    assert "leersteun/cli/__init__.py" in namen and "leersteun/cli/team.py" in namen
    assert "leersteun/locale/nl/LC_MESSAGES/leersteun.mo" in namen  # typer's labels in Dutch


# ---------------------------------------------------------------------------- init


def test_init_makes_a_case_folder_that_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "team", input="Leersteuncentrum Noord\ngeen-adres\ncoordinatie@example.org\n")
    assert result.exit_code == 0, result.output
    map_ = tmp_path / "team"
    for naam in ("leersteun.yaml", ".gitignore", "cases", "templates"):
        assert (map_ / naam).exists(), naam
    assert "out/" in (map_ / ".gitignore").read_text()
    if shutil.which("git"):
        hook = (map_ / ".git" / "hooks" / "pre-commit").read_text()
        assert '-I -u -m leersteun --map "${MAP:-.}" valideer' in hook and "\nMAP=\n" in hook and "--streng" not in hook
    assert "geen e-mailadres" in result.stdout
    if shutil.which("git"):
        assert (map_ / ".git").is_dir()
    monkeypatch.chdir(map_)
    assert run("valideer").exit_code == 0
    instellingen = (map_ / "leersteun.yaml").read_text()
    assert 'netwerk: "Leersteuncentrum Noord"' in instellingen
    # a second init changes nothing
    voor = instellingen
    result = run("init", ".", "--netwerk", "X", "--coordinatie", "x@y.be")
    assert result.exit_code == 1
    assert "bestaat al" in result.stderr
    assert (map_ / "leersteun.yaml").read_text() == voor


# ---------------------------------------------------------------------------- nieuw


def test_nieuw_with_options_writes_a_valid_case(map_: Map, run) -> None:
    result = run(
        "nieuw",
        "--voornaam", "Ella", "--naam", "Van Dyck", "--klas", "2B", "--niveau", "lager",
        "--school", "Basisschool De Klimop", "--gemeente", "Geel",
        "--verslag", "IAC", "--verslagdatum", "2026-09-25", "--niet-in-diplon",
        "--ontbindende-voorwaarde", "2026-10-20",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "KLM-2026-001" in result.stdout
    tekst = (map_.pad / "cases" / "KLM-2026-001.yaml").read_text()
    assert "fase: aanmelding" in tekst
    assert "ontbindende_voorwaarde: 2026-10-20" in tekst
    assert "  - datum: 2026-11-24\n    fase: aanmelding\n    door: An Janssens\n" in tekst
    assert "ankerpersoon: An Janssens" in tekst
    assert run("valideer").exit_code == 0
    # the next one at the same school gets the next number
    result = run(
        "nieuw", "--voornaam", "Lars", "--naam", "Wouters", "--klas", "3A", "--niveau", "lager",
        "--school", "Basisschool De Klimop", "--verslag", "GC", "--verslagdatum", "2026-10-01", "--diplon",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (map_.pad / "cases" / "KLM-2026-002.yaml").exists()


def test_nieuw_asks_what_is_missing(map_: Map, run) -> None:
    invoer = [
        "Noor", "Claes", "12-05-2015", "1A", "lagere", "2",
        "sint jozef", "j", "Vrije Basisschool Sint-Jozef", "Mol", "1", "Bart Hendrickx",  # a new school, with what it needs
        "GC", "31-02-2025", "2025-12-31", "type 5", "3", "misschien", "j", "",
    ]  # fmt: skip
    invoer = "\n".join(invoer) + "\n"
    result = run("nieuw", input=invoer)
    assert result.exit_code == 0, result.output
    assert "31-02-2025 bestaat niet: februari 2025 heeft 28 dagen" in result.stdout  # the wrong date was asked again
    assert "Niveau [1 kleuter, 2 lager, 3 secundair]" in result.stdout  # a numbered choice, answered with 2
    uit = " ".join(result.stdout.split())
    assert "'lagere' is geen van de mogelijkheden. Typ een nummer van 1 tot 3 of een van: kleuter, lager, secundair." in uit
    assert "Antwoord met j (ja) of n (nee)" in result.stdout
    tekst = (map_.pad / "cases" / "JZF-2026-001.yaml").read_text()
    assert "voornaam: Noor" in tekst and "niveau: lager" in tekst and "zichtbaar_in_diplon: true" in tekst
    assert "typologie: type 3" in tekst and "leervraag" not in tekst  # '3' is type 3; an empty question is not recorded
    assert "'type 5' is geen typologie; typ basisaanbod of het nummer van het type: 2, 3, 4, 6, 7 of 9." in uit  # asked again
    assert "geboortedatum: 2015-05-12" in tekst  # asked: the check for a second case needs it
    assert "'sint jozef' staat niet bij de scholen van leersteun.yaml." in uit
    assert "naam: Vrije Basisschool Sint-Jozef\n  gemeente: Mol" in tekst and "clb_medewerker: Bart Hendrickx" in tekst
    assert "Nieuwe school in leersteun.yaml: Vrije Basisschool Sint-Jozef (Mol, ankerpersoon An Janssens, CLB-medewerker Bart Hendrickx)." in uit
    instellingen = (map_.pad / "leersteun.yaml").read_text()
    assert instellingen.startswith(INSTELLINGEN)  # only lines added
    assert instellingen.endswith(
        "  - naam: Vrije Basisschool Sint-Jozef\n    gemeente: Mol\n    ankerpersoon: An Janssens\n    betrokkenen:\n"
        "      - rol: clb\n        naam: Bart Hendrickx\n"
    )


def test_nieuw_without_input_is_a_clear_error(map_: Map, run) -> None:
    voor = map_.hashes()
    result = run("nieuw", "--voornaam", "X", input="")
    assert result.exit_code == 1
    assert "ontbreekt invoer" in result.stderr
    assert map_.hashes() == voor


def test_nieuw_refuses_an_existing_id(map_: Map, run) -> None:
    map_.case(DOSSIER)
    voor = map_.hashes()
    result = run(
        "nieuw", "--id", "T-001", "--voornaam", "A", "--naam", "B", "--klas", "1A", "--niveau", "lager",
        "--school", "klimop", "--verslag", "GC", "--verslagdatum", "2026-01-05", "--diplon",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "bestaat al" in result.stderr
    assert map_.hashes() == voor


def test_nieuw_refuses_an_invalid_case(map_: Map, run) -> None:
    result = run(
        "nieuw", "--voornaam", "A", "--naam", "B", "--klas", "1A", "--niveau", "lager",
        "--school", "klimop", "--verslag", "OV4", "--verslagdatum", "2026-01-05", "--diplon",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "secundair" in result.stderr
    assert list((map_.pad / "cases").iterdir()) == []


# ---------------------------------------------------------------------------- lijst, toon


def test_lijst_on_the_example_folder(voorbeeld: Path, run, snapshot) -> None:
    result = run("lijst")
    assert result.exit_code == 0
    snapshot("lijst.txt", result.stdout)
    result = run("lijst", "--fase", "heropstart", "--json")
    rijen = json.loads(result.stdout)
    assert [r["id"] for r in rijen] == ["JZF-2025-001", "KLM-2024-017"]
    assert rijen[1] == {
        "id": "KLM-2024-017",
        "leerling": "Lotte Peeters",
        "klas": "5B",
        "school": "Basisschool De Klimop",
        "fase": "heropstart",
        "vorm": None,
        "ondersteuner": None,
    }


@pytest.mark.parametrize(
    "filter_,ids",
    [
        (["--school", "regenboog"], ["RGN-2024-005", "RGN-2024-010", "RGN-2025-002", "RGN-2025-006"]),
        (["--ondersteuner", "pieter"], ["RGN-2025-002", "VCT-2025-008"]),
        (["--ondersteuner", "geen", "--fase", "aanmelding"], ["JZF-2026-001", "KLM-2026-002"]),
        (["--fase", "opstart", "--fase", "afgesloten"], ["JZF-2024-006", "JZF-2025-004", "KLM-2023-012", "RGN-2024-005", "RGN-2025-006"]),
    ],
)
def test_lijst_filters(voorbeeld: Path, run, filter_, ids) -> None:
    result = run("lijst", "--json", *filter_)
    assert [r["id"] for r in json.loads(result.stdout)] == ids


def test_toon_by_part_of_the_name(voorbeeld: Path, run, snapshot) -> None:
    result = run("toon", "lotte")
    assert result.exit_code == 0
    snapshot("toon_lotte.txt", result.stdout)
    assert run("toon", "PEETERS").stdout == result.stdout
    assert run("toon", "klm-2024-017").stdout == result.stdout


def test_toon_ignores_accents_and_lists_ambiguous_matches(voorbeeld: Path, run) -> None:
    result = run("toon", "van")
    assert result.exit_code == 1
    assert "past bij 2 dossiers" in result.stderr
    assert "JZF-2026-001  Nora Van den Broeck" in result.stderr and "KLM-2026-002  Ella Van Dyck" in result.stderr
    result = run("toon", "zzz")
    assert result.exit_code == 1
    assert "Geen dossier gevonden voor 'zzz'" in result.stderr


def test_folder_from_option_and_environment(voorbeeld: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:
    elders = tmp_path / "elders"
    elders.mkdir()
    monkeypatch.chdir(elders)
    assert run("--map", str(voorbeeld), "toon", "julie").exit_code == 0
    monkeypatch.setenv("LEERSTEUN_MAP", str(voorbeeld))
    assert run("toon", "julie").exit_code == 0
    # and from a sub folder of the case folder
    monkeypatch.delenv("LEERSTEUN_MAP")
    monkeypatch.chdir(voorbeeld / "cases")
    assert run("toon", "julie").exit_code == 0


def test_wrong_date_on_line_n_through_the_real_command(voorbeeld: Path) -> None:
    """The issue's 'done when': a wrong date on line N prints path:N:column and exits 1."""
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    regels = pad.read_text().splitlines(keepends=True)
    n = next(i for i, r in enumerate(regels) if r.startswith("  datum: 2025-05-20")) + 1
    regels[n - 1] = "  datum: 2025-05-32\n"
    pad.write_text("".join(regels))
    voor = pad.read_bytes()
    uit = subprocess.run([sys.executable, "-m", "leersteun", "valideer"], capture_output=True, text=True, cwd=voorbeeld)
    assert uit.returncode == 1
    assert f"cases/KLM-2025-003.yaml:{n}:10: " in uit.stdout
    assert "Traceback" not in uit.stderr
    assert pad.read_bytes() == voor


def test_ctrl_c_exits_130_with_a_dutch_message(map_: Map, run, monkeypatch: pytest.MonkeyPatch) -> None:
    import leersteun.terminal.vragen

    def onderbreek(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(leersteun.terminal.vragen.Vraag, "ask", onderbreek)
    voor = map_.hashes()
    result = run("nieuw")
    assert result.exit_code == 130
    assert "Onderbroken" in result.stderr
    assert map_.hashes() == voor


def test_shell_completion_completes_cases(voorbeeld: Path) -> None:
    import os
    import subprocess
    import sys

    def voltooi(woorden: str) -> list[str]:
        omgeving = {**os.environ, "_LEERSTEUN_COMPLETE": "complete_bash", "COMP_WORDS": woorden, "COMP_CWORD": str(len(woorden.split()) - 1)}
        uit = subprocess.run([sys.executable, "-m", "leersteun"], cwd=voorbeeld, env=omgeving, capture_output=True, text=True, timeout=60)
        return uit.stdout.split()

    assert voltooi("leersteun toon lo") == ["lotte", "louis"]
    assert voltooi("leersteun fase RGN") == ["RGN-2024-005", "RGN-2024-010", "RGN-2025-002", "RGN-2025-006"]
    assert voltooi("leersteun mail goo") == ["goossens"]
    for shell in ("bash", "zsh", "fish"):
        script = subprocess.run(
            [sys.executable, "-m", "leersteun", "--show-completion", shell],
            cwd=voorbeeld,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "SHELL": f"/bin/{shell}"},
        ).stdout
        assert "_LEERSTEUN_COMPLETE" in script or "leersteun" in script, shell


def _git(map_: Path, *args: str):
    import subprocess

    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args], cwd=map_, capture_output=True, text=True)


@pytest.mark.skipif(not shutil.which("git"), reason="git is needed")
def test_the_commit_hook_works_without_activating_the_venv(tmp_path: Path, run, monkeypatch) -> None:
    from tests.conftest import DOSSIER

    map_ = tmp_path / "team"
    assert run("init", str(map_), "--netwerk", "Noord", "--coordinatie", "c@example.org").exit_code == 0
    # a PATH without leersteun, as after the README's install without activating .venv
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    (map_ / "cases" / "T-001.yaml").write_text(DOSSIER.replace("fase: ondersteuning\n", "fase: misschien\n", 1))
    _git(map_, "add", "-A")
    geweigerd = _git(map_, "commit", "-m", "kapot dossier")
    assert geweigerd.returncode != 0
    assert "cases/T-001.yaml:16:7:" in geweigerd.stdout + geweigerd.stderr and "tegengehouden" in geweigerd.stderr
    (map_ / "cases" / "T-001.yaml").write_text(DOSSIER.replace("    door: Els Maes\n", "    door: Els Maes\n", 1))
    _git(map_, "add", "-A")
    gelukt = _git(map_, "commit", "-m", "goed dossier")
    assert gelukt.returncode == 0, gelukt.stdout + gelukt.stderr

    # a colleague's fresh clone has no hook; 'leersteun init' there sets it up and changes no tracked file
    kloon = tmp_path / "kloon"
    assert _git(tmp_path, "clone", "-q", str(map_), str(kloon)).returncode == 0
    assert not (kloon / ".git" / "hooks" / "pre-commit").exists()
    monkeypatch.chdir(kloon)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "geen bestand uit git gewijzigd" in result.stdout
    assert _git(kloon, "status", "--porcelain").stdout == ""
    (kloon / "cases" / "T-001.yaml").write_text(DOSSIER.replace("fase: ondersteuning\n", "fase: misschien\n", 1))
    _git(kloon, "add", "-A")
    assert _git(kloon, "commit", "-m", "kapot").returncode != 0


@pytest.mark.parametrize("breedte", ["80", "60"])
def test_lijst_never_cuts_a_name_on_a_narrow_terminal(voorbeeld: Path, run, monkeypatch, breedte: str) -> None:
    from leersteun.reading.dossiers import lees_dossier
    from leersteun.rules.checks import Context

    monkeypatch.setenv("LEERSTEUN_BREEDTE", breedte)
    uit = run("lijst").stdout
    assert all(len(r) <= int(breedte) for r in uit.splitlines())
    for pad in (voorbeeld / "cases").glob("*.yaml"):
        d = lees_dossier(pad, Context(vandaag=dt.date(2026, 11, 24))).dossier
        assert d.leerling.volledige_naam in uit and d.id in uit
    assert "…" not in uit


def test_versie_works_on_its_own(run) -> None:
    result = run("--versie")
    assert result.exit_code == 0 and result.stdout.startswith("leersteun ")


@pytest.mark.parametrize(
    "datum,verwacht",
    [
        ("31-12-2025", "2025-12-31"),
        ("31/12/2025", "2025-12-31"),
        ("1.2.2026", "2026-02-01"),
        ("vandaag", "2026-11-24"),
        ("morgen", "2026-11-25"),
        ("2026-11-20", "2026-11-20"),
    ],
)
def test_dates_as_a_teacher_types_them(map_, run, datum: str, verwacht: str) -> None:
    from tests.conftest import DOSSIER

    pad = map_.case(DOSSIER)
    result = (
        run("overleg", "lotte", "--soort", "observatie", "--datum", "2026-11-20", "--volgende", datum)
        if datum != "2026-11-20"
        else run("overleg", "lotte", "--soort", "observatie", "--datum", datum)
    )
    if verwacht <= "2026-11-20" and datum != "2026-11-20":
        assert result.exit_code == 1  # a next meeting before this one
        return
    assert result.exit_code == 0, result.output
    assert verwacht in pad.read_text()


@pytest.mark.parametrize("week", ["48", "W48", "w48", "2026-W48", "2026W48", "week 48"])
def test_weeks_as_a_teacher_types_them(voorbeeld: Path, run, week: str) -> None:
    assert json.loads(run("overzicht", "--week", week, "--formaat", "json").stdout)["week"] == "2026-W48"


@pytest.mark.parametrize(
    "opdracht",
    [
        ["lijst", "--fase", "Ondersteuning"],
        [
            "evaluatie",
            "noah",
            "--beslissing",
            "Afsluiten",
            "--reden",
            "Doelen bereikt",
            "--kansen",
            "x",
            "--wat-neemt-school-mee",
            "y",
            "--met",
            "Zoco, ouders, CLB",
        ],
        ["overleg", "noah", "--soort", "School CLB", "--met", "Zoco, ouders, vorige ondersteuner"],
        ["betrokkene", "noah", "--rol", "Zorgcoördinator", "--naam", "Griet Smets"],
        ["doel", "noah", "--doel", "D1", "--bereikt", "Deels"],
    ],
)
def test_fixed_values_as_a_teacher_writes_them(voorbeeld: Path, run, opdracht: list[str]) -> None:
    result = run(*opdracht)
    assert result.exit_code == 0, result.output


def test_a_name_that_fits_several_cases_offers_a_numbered_choice_on_a_terminal(voorbeeld: Path, run) -> None:
    import os
    import signal
    import sys

    pexpect = pytest.importorskip("pexpect")
    if not hasattr(pexpect, "spawn"):
        pytest.skip("pexpect.spawn needs a pseudo-terminal: POSIX only")
    # without a terminal: the list and a clear error
    result = run("toon", "lo")
    assert result.exit_code == 1 and "JZF-2025-001" in result.stderr and "KLM-2024-017" in result.stderr
    kind = pexpect.spawn(
        sys.executable,
        ["-m", "leersteun", "toon", "lo"],
        cwd=str(voorbeeld),
        encoding="utf-8",
        timeout=20,
        dimensions=(60, 100),
        env={**os.environ, "TERM": "dumb", "NO_COLOR": "1"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    kind.expect("Er passen 2 dossiers bij die naam")
    kind.expect(r"1\. .*JZF-2025-001")
    kind.expect(r"Welk dossier\? \[1-2\]: ")
    kind.sendline("3")
    kind.expect("Typ een nummer van 1 tot 2")
    kind.sendline("2")
    kind.expect("Lotte Peeters  KLM-2024-017")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0


ENGELS = re.compile(
    r"\b(Usage|Error|Invalid|Missing|Input should|Choose from|Try|Aborted|No such|Got unexpected|is not one of|required|"
    r"expected|Options|Commands|Show this|exit|Errno|Traceback|valid|range|must|cannot)\b"
)


@pytest.mark.parametrize(
    "opdracht",
    [
        ["bestaat-niet"], ["toon"], ["toon", "lotte", "extra"], ["lijst", "--fase", "misschien"], ["agenda", "--weken", "-1"],
        ["agenda", "--weken", "x"], ["overzicht", "--week", "99"], ["overzicht", "--formaat", "pdf"], ["fase", "noah", "ergens"],
        ["evaluatie", "noah", "--beslissing", "misschien"], ["doel", "noah", "--start", "morgenvroeg"], ["toewijzen", "lotte"],
        ["overleg", "noah"], ["betrokkene", "noah", "--rol", "juf", "--naam", "X"], ["verslag", "noah"], ["diplon", "noah", "x"],
        ["schooljaar", "2027"], ["mail", "--verstuur"], ["lijst", "--onbekend"], ["fiche", "arthur", "--formaat"],
    ],
)  # fmt: skip
def test_no_english_in_what_a_user_sees(voorbeeld: Path, run, opdracht: list[str]) -> None:
    import re as _re

    result = run(*opdracht)
    assert result.exit_code in (1, 2), result.output
    gevonden = ENGELS.findall(result.output)
    assert not gevonden, (opdracht, gevonden, result.output)
    assert _re.search(r"Fout:|Gebruik:", result.output)


def test_help_has_no_english(run) -> None:
    from leersteun.cli import VOORBEELDEN

    for opdracht in [[], *([n] for n in VOORBEELDEN)]:
        result = run(*opdracht, "--help")
        tekst = result.output.replace("--install-completion", "").replace("--show-completion", "")
        assert not ENGELS.findall(tekst), (opdracht, ENGELS.findall(tekst))


def test_a_step_the_trajectory_does_not_allow_is_told_before_any_option(voorbeeld: Path, run) -> None:
    result = run("fase", "ella", "ondersteuning", "--frequentie", "wekelijks")
    assert result.exit_code == 1 and "Van fase aanmelding kan het dossier niet naar ondersteuning" in result.stderr


@pytest.mark.parametrize("breedte", ["100", "120", "160"])
def test_lijst_never_breaks_a_word(voorbeeld: Path, run, monkeypatch, breedte: str) -> None:
    monkeypatch.setenv("LEERSTEUN_BREEDTE", breedte)
    uit = run("lijst").stdout
    assert "Sint-Victorinstit" not in uit or "Sint-Victorinstituut" in uit


def test_every_command_and_option_is_in_the_readme() -> None:
    """The README is the user's manual: each command and each of its options stands in it."""
    import typer.main

    from leersteun.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ontbreekt = []
    for naam, opdracht_ in typer.main.get_command(app).commands.items():
        if f"leersteun {naam}" not in readme:
            ontbreekt.append(naam)
        ontbreekt += [f"{naam} {o}" for p in opdracht_.params for o in (*p.opts, *p.secondary_opts) if o.startswith("--") and o != "--help" and o not in readme]
    assert not ontbreekt
