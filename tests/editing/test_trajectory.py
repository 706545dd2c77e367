"""Phases, guards, evaluations, transitions: refusals leave files byte-identical."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from leersteun.reading.folder import gebruiker

from tests.conftest import DOSSIER, Map, digest




def wijzigingen(oud: str, nieuw: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines), as `git diff` would show them."""
    regels = [r for r in difflib.ndiff(oud.splitlines(), nieuw.splitlines()) if r[:2] in ("- ", "+ ")]
    return [r[2:] for r in regels if r[0] == "-"], [r[2:] for r in regels if r[0] == "+"]


# (case, command, words in the refusal)
WEIGERINGEN = [
    ("KLM-2026-002", ["fase", "ella", "opstart"], "zichtbaar is in Diplon"),
    ("JZF-2025-004", ["fase", "finn", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur"], "minstens één doel"),
    ("KLM-2025-003", ["fase", "noah", "afgesloten"], "--reden"),
    ("KLM-2025-003", ["fase", "noah", "heropstart"], "alleen vanuit afgesloten"),
    ("KLM-2025-003", ["fase", "noah", "ondersteuning"], "staat al in fase ondersteuning"),
    ("KLM-2025-003", ["fase", "noah", "opstart"], "wel naar: afgesloten"),
    ("JZF-2024-006", ["fase", "mila", "opstart"], "via een heropstart"),
    ("KLM-2024-017", ["fase", "lotte", "ondersteuning"], "leersteun toewijzen"),
    ("KLM-2024-017", ["fase", "lotte", "afgesloten", "--notitie", "toch niet"], "besliste al tot een heropstart"),
    ("JZF-2025-001", ["fase", "louis", "afgesloten"], "motivatie"),
    ("JZF-2025-004", ["evaluatie", "finn", "--beslissing", "verderzetten"], "hoort bij fase ondersteuning"),
    ("KLM-2025-003", ["evaluatie", "noah", "--beslissing", "afsluiten"], "Wie afsluit, geeft een reden"),
    ("KLM-2025-003", ["evaluatie", "noah", "--beslissing", "verderzetten", "--reden", "opname"], "alleen bij afsluiten"),
    ("KLM-2025-003", ["overgang", "noah", "kleuter-lager", "--klas", "1A"], "alleen voor een kleuter"),
    ("JZF-2025-004", ["overgang", "finn", "lager-secundair"], "alleen vanuit het lager"),
    ("JZF-2024-006", ["overgang", "mila", "andere-school"], "niet actief"),
    ("KLM-2025-003", ["evaluatie", "noah", "--beslissing", "verderzetten", "--datum", "2025-01-01"], "ongeldig"),
]


@pytest.mark.parametrize("case,opdracht,woorden", WEIGERINGEN, ids=[f"{w[1][0]}-{w[1][2]}-{i}" for i, w in enumerate(WEIGERINGEN)])
def test_refusal_names_the_rule_and_changes_nothing(voorbeeld: Path, run, case, opdracht, woorden) -> None:
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    result = run(*opdracht)
    assert result.exit_code == 1, result.output
    assert woorden in result.stderr
    assert "Traceback" not in result.output
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


def test_opstart_changes_only_the_lines_it_is_about(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2026-002.yaml"
    oud = pad.read_text()
    result = run("fase", "ella", "opstart", "--verslag-zichtbaar", "--notitie", "Verslag opgeladen door de school.")
    assert result.exit_code == 0, result.output
    weg, erbij = wijzigingen(oud, pad.read_text())
    assert weg == ["  zichtbaar_in_diplon: false     # school laadt het Verslag nog op in Diplon", "fase: aanmelding"]
    assert erbij == [
        "  zichtbaar_in_diplon: true      # school laadt het Verslag nog op in Diplon",
        "fase: opstart",
        "  - datum: 2026-11-24",
        "    fase: opstart",
        "    door: An Janssens",
        "    notitie: Verslag opgeladen door de school.",
    ]
    # the new history entry sits before the blank line that ends the section
    assert "    notitie: Verslag opgeladen door de school.\n\nevaluaties: []" in pad.read_text()


def test_ondersteuning_appends_the_agreed_traject(map_: Map, run) -> None:
    tekst = (
        DOSSIER.replace("fase: ondersteuning\n", "fase: opstart\n", 1)
        .replace("    fase: ondersteuning", "    fase: opstart")
        .replace("trajecten:\n  - vorm: regulier\n    start: 2024-10-15\n    frequentie: wekelijks\n    intensiteit: 1 lesuur per week\n    evaluatie_op: [2025-01-20]\n", "trajecten: []\n")
        .replace("doelen: []", "doelen:\n  - id: D1\n    domein: cognitief\n    omschrijving: Lotte start zelfstandig.")
    )
    pad = map_.case(tekst)
    result = run(
        "fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 lesuur per week",
        "--start", "2026-11-30", "--evaluatie-op", "2027-02-01", "--datum", "2026-11-24",
        "--opstartgesprek", "2026-11-20", "--leervraag", "Hoe help ik Lotte zelfstandig starten?",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    nieuw = pad.read_text()
    assert "overleggen:\n  - datum: 2026-11-20\n    soort: opstartgesprek\n" in nieuw
    assert "leervraag:\n  vraag: Hoe help ik Lotte zelfstandig starten?\n" in nieuw
    assert (
        "trajecten:\n  - vorm: regulier\n    start: 2026-11-30\n    frequentie: wekelijks\n"
        "    intensiteit: 1 lesuur per week\n    evaluatie_op: [2027-02-01]\n"
    ) in nieuw
    assert "\nfase: ondersteuning\n" in nieuw
    assert run("valideer").exit_code == 0


def test_evaluatie_afsluiten_closes_the_traject_and_moves_the_ondersteuner(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    oud = pad.read_text()
    result = run("evaluatie", "arthur", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", "--kansen", "Overgang secundair voorbereiden.")
    assert result.exit_code == 0, result.output
    weg, erbij = wijzigingen(oud, pad.read_text())
    assert weg == ["fase: ondersteuning", "ondersteuner: Pieter Dewulf", "vorige_ondersteuners: [Els Maes]"]
    assert erbij[:4] == ["fase: afgesloten", "ondersteuner: null", "vorige_ondersteuners: [Els Maes, Pieter Dewulf]", "    einde: 2026-11-24"]
    assert "    reden: doelen_bereikt" in erbij and "    kansen: Overgang secundair voorbereiden." in erbij
    assert run("valideer").exit_code == 0


def test_evaluatie_asks_what_is_missing(voorbeeld: Path, run) -> None:
    invoer = "afsluiten\nweet niet\nandere_school\nHet stappenplan.\n\n"
    result = run("evaluatie", "noah", input=invoer)
    assert result.exit_code == 0, result.output
    tekst = (voorbeeld / "cases" / "KLM-2025-003.yaml").read_text()
    assert "    reden: andere_school\n    wat_neemt_school_mee: Het stappenplan.\n" in tekst
    assert "kansen" not in tekst.split("beslissing: afsluiten")[1].split("doelen:")[0]
    assert "Wat neemt de school mee" in result.stdout and "Waar liggen volgens jullie nog kansen?" in result.stdout


def test_evaluatie_verderzetten_adjusts_and_plans(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    oud = pad.read_text()
    result = run("evaluatie", "noah", "--beslissing", "verderzetten", "--intensiteit", "2 lesuren per week", "--volgende", "2027-02-01")
    assert result.exit_code == 0, result.output
    assert "Intensiteit bijgestuurd" in result.stdout
    weg, erbij = wijzigingen(oud, pad.read_text())
    assert weg == ["    intensiteit: 1 lesuur per week", "    evaluatie_op: [2026-01-19, 2026-06-15, 2026-12-07]"]
    assert erbij[:2] == ["    intensiteit: 2 lesuren per week", "    evaluatie_op: [2026-01-19, 2026-06-15, 2026-12-07, 2027-02-01]"]
    assert "    notitie: 'Evaluatie: verderzetten met bijsturing.'" in erbij


def test_overgang_lager_secundair_closes_and_says_what_next(voorbeeld: Path, run) -> None:
    result = run("overgang", "noah", "lager-secundair")
    assert result.exit_code == 0, result.output
    assert "nieuw Verslag" in result.stdout and "nieuwe aanmelding" in result.stdout
    tekst = (voorbeeld / "cases" / "KLM-2025-003.yaml").read_text()
    assert "reden: overgang_secundair" in tekst and "\nfase: afgesloten\n" in tekst


def test_overgang_kleuter_lager_continues(voorbeeld: Path, run) -> None:
    result = run("overgang", "finn", "kleuter-lager", "--klas", "1A")
    assert result.exit_code == 0, result.output
    tekst = (voorbeeld / "cases" / "JZF-2025-004.yaml").read_text()
    assert "  klas: 1A\n  klas_schooljaar: 2026-2027\n  niveau: lager\n" in tekst and "\nfase: opstart\n" in tekst


AFGESLOTEN = (
    DOSSIER.replace("fase: ondersteuning\n", "fase: afgesloten\n", 1)
    .replace("ondersteuner: Els Maes           # de huidige\nvorige_ondersteuners: []", "ondersteuner: null\nvorige_ondersteuners: [Els Maes]")
    .replace("    evaluatie_op: [2025-01-20]\n", "    einde: 2025-06-20\n    evaluatie_op: [2025-01-20]\n")
    .replace("    door: Els Maes\nevaluaties: []", "    door: Els Maes\n  - datum: 2025-06-20\n    fase: afgesloten\n    door: Els Maes\nevaluaties:\n"
             "  - datum: 2025-06-20\n    beslissing: afsluiten\n    reden: REDEN")
)  # fmt: skip


def test_heropstart_and_back_without_heropstart(map_: Map, run) -> None:
    pad = map_.case(AFGESLOTEN.replace("REDEN", "doelen_bereikt"))
    assert run("valideer").exit_code == 0
    geweigerd = run("fase", "lotte", "heropstart")
    assert geweigerd.exit_code == 1 and "--overleg-school-clb" in geweigerd.output
    assert run("fase", "lotte", "heropstart", "--overleg-school-clb", "2026-11-20").exit_code == 0
    tekst = pad.read_text()
    assert "overleggen:\n  - datum: 2026-11-20\n    soort: school-clb\n" in tekst
    assert "heropstarts:\n  - gestart: 2026-11-24\n    analyse_met: null\n" in tekst
    result = run("fase", "lotte", "afgesloten", "--notitie", "Zorg op school volstaat.")
    assert result.exit_code == 0, result.output
    tekst = pad.read_text()
    assert "    uitkomst: geen_heropstart\n    motivatie: Zorg op school volstaat.\n" in tekst
    assert "notitie: 'Geen heropstart: Zorg op school volstaat.'" in tekst
    assert run("valideer").exit_code == 0


def test_door_comes_from_option_environment_or_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert gebruiker("Els Maes") == "Els Maes"
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "Tom Vermeulen")
    assert gebruiker(None) == "Tom Vermeulen"
    monkeypatch.delenv("LEERSTEUN_GEBRUIKER")
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Sofie Lambrechts\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.chdir(tmp_path)
    if shutil.which("git"):
        assert gebruiker(None) == "Sofie Lambrechts"


def test_history_is_only_appended(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    oud = pad.read_text()
    for opdracht in (
        ["evaluatie", "noah", "--beslissing", "verderzetten", "--datum", "2026-11-20"],
        ["evaluatie", "noah", "--beslissing", "afsluiten", "--reden", "doelen_bereikt"],
        ["fase", "noah", "heropstart", "--overleg-school-clb", "2026-11-24"],
    ):
        assert run(*opdracht).exit_code == 0
    weg, erbij = wijzigingen(oud, pad.read_text())
    assert not [r for r in weg if r.startswith("  - datum") or r.startswith("    door")]
    assert sum(r.startswith("  - datum: 2026-11-2") for r in erbij) == 6  # 3 history + 2 evaluations + the overleg
