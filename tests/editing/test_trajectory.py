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
    ("KLM-2025-003", ["evaluatie", "noah", "--beslissing", "verderzetten", "--datum", "2025-01-01"], "vóór de start van de ondersteuning (15-09-2025)"),
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
    invoer = "afsluiten\nweet niet\nandere_school\nHet stappenplan.\n\nja\n"  # the last: 'Zeker?' (no heropstart after)
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
    result = run("overgang", "arthur", "lager-secundair", "--ja")  # Arthur is in 6B, the last year of lager
    assert result.exit_code == 0, result.output
    assert "nieuw Verslag" in result.stdout and "nieuwe aanmelding" in result.stdout
    tekst = (voorbeeld / "cases" / "RGN-2025-002.yaml").read_text()
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


# ---------------------------------------------------------------------------- a fact of an earlier day (issue 26)


def _pas_toe(pad: Path, bewerking):
    """An edit through the engine alone (no typer): read, apply, check, save."""
    import datetime as dt

    from leersteun.editing.bewerk import pas_toe
    from leersteun.reading.dossiers import lees_dossier
    from leersteun.rules.checks import Context

    ctx = Context(vandaag=dt.date(2026, 11, 24))
    return pas_toe(lees_dossier(pad, ctx), ctx, bewerking)


def _geschiedenis(pad: Path) -> list[tuple[str, str, str]]:
    from leersteun.files.store import gewoon, maak_yaml

    data = gewoon(maak_yaml().load(pad.read_text()))
    return [(str(g["datum"]), g["fase"], g.get("notitie") or "") for g in data["geschiedenis"]]


LATER = DOSSIER.replace(
    "    door: Els Maes\nevaluaties: []",
    "    door: Els Maes\n  - datum: 2026-11-20\n    fase: ondersteuning\n    door: Els Maes\n    notitie: Klas bevestigd.\n"
    "evaluaties:\n  - datum: 2026-11-20\n    beslissing: verderzetten\n",
)


def test_a_past_evaluation_goes_to_its_place_in_every_list(map_: Map) -> None:
    import datetime as dt

    from leersteun.editing.trajectory import Wie, evaluatie
    from leersteun.rules.model import Beslissing

    pad = map_.case(LATER)
    wie = Wie("An Janssens", dt.date(2026, 2, 27), "Gesprek van februari.")
    _pas_toe(pad, lambda data, d: evaluatie(data, d, wie, Beslissing.verderzetten))
    regels = _geschiedenis(pad)
    assert [r[0] for r in regels] == ["2024-10-15", "2026-02-27", "2026-11-20"]
    assert regels[1] == ("2026-02-27", "ondersteuning", "Gesprek van februari. (Laat genoteerd op 24-11-2026.)")
    tekst = pad.read_text()
    assert tekst.index("  - datum: 2026-02-27\n    beslissing: verderzetten") < tekst.index("  - datum: 2026-11-20\n    beslissing: verderzetten")


def test_a_past_fact_gets_the_phase_of_its_day(map_: Map) -> None:
    import datetime as dt

    from leersteun.editing.trajectory import Wie, geschiedenis

    tekst = LATER.replace("    door: Els Maes\n  - datum: 2026-11-20", "    door: Els Maes\n  - datum: 2025-06-20\n    fase: afgesloten\n"
                          "    door: Els Maes\n  - datum: 2026-10-01\n    fase: heropstart\n    door: Els Maes\n  - datum: 2026-11-20")  # fmt: skip
    pad = map_.case(tekst)
    from leersteun.files.store import maak_yaml

    data = maak_yaml().load(pad.read_text())
    geschiedenis(data, "ondersteuning", Wie("An Janssens", dt.date(2025, 9, 1), "Verslag ontvangen."))
    regels = [(str(g["datum"]), g["fase"]) for g in data["geschiedenis"]]
    assert regels[2] == ("2025-09-01", "afgesloten")  # closed on that day, not in today's phase


def test_a_late_phase_change_keeps_the_last_line_in_the_current_phase(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2026-002.yaml"  # Ella, aanmelding since 22-10-2026
    assert run("verslag", "ella", "--soort", "IAC", "--datum", "2026-11-01").exit_code == 0  # a line of 24-11
    result = run("fase", "ella", "opstart", "--verslag-zichtbaar", "--datum", "03-11-2026")
    assert result.exit_code == 0, result.output
    regels = _geschiedenis(pad)
    assert [(d, f) for d, f, _ in regels] == [
        ("2026-10-22", "aanmelding"), ("2026-11-03", "opstart"), ("2026-11-24", "aanmelding"), ("2026-11-24", "opstart"),
    ]  # fmt: skip
    assert regels[-1][2] == "Laat genoteerd: fase opstart sinds 03-11-2026."
    assert run("valideer", "cases/KLM-2026-002.yaml").exit_code == 0  # no warning: the last line names the phase


def test_a_step_before_the_current_phase_began_is_refused_with_that_day(voorbeeld: Path, run) -> None:
    voor = digest(voorbeeld / "cases" / "JZF-2025-001.yaml")  # Louis, heropstart since 18-11-2026
    result = run("fase", "louis", "afgesloten", "--notitie", "Toch niet.", "--datum", "01-11-2026")
    assert result.exit_code == 1
    assert "sinds 18-11-2026 in fase heropstart" in result.stderr and "Kies een datum vanaf 18-11-2026" in result.stderr
    assert digest(voorbeeld / "cases" / "JZF-2025-001.yaml") == voor


@pytest.mark.parametrize(
    "opdracht,datum",
    [
        (["evaluatie", "noah", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", "--datum", "2025-09-01"], "15-09-2025"),
        (["diplon", "noah", "evaluatie", "--datum", "2026-01-01"], "15-06-2026"),
        (["verslag", "noah", "--soort", "IAC", "--datum", "2025-01-01"], "20-05-2025"),
    ],
)
def test_every_refused_date_names_the_date_it_conflicts_with(voorbeeld: Path, run, opdracht: list[str], datum: str) -> None:
    result = run(*opdracht)
    assert result.exit_code == 1 and datum in result.stderr, result.output


def test_a_late_meeting_goes_to_its_place(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    assert run("overleg", "noah", "--soort", "andere", "--datum", "2026-03-02").exit_code == 0
    assert run("evaluatie", "noah", "--beslissing", "verderzetten", "--datum", "2026-03-02").exit_code == 0
    tekst = pad.read_text()
    assert tekst.index("datum: 2026-01-19\n    soort: evaluatiegesprek") < tekst.index("datum: 2026-03-02\n    soort: andere") < tekst.index("datum: 2026-06-15\n    soort")
    assert run("valideer", "cases/KLM-2025-003.yaml", "--streng").exit_code == 0, run("valideer", "cases/KLM-2025-003.yaml").output


def test_a_comment_above_an_entry_stays_above_it(map_: Map) -> None:
    import datetime as dt

    from leersteun.editing.trajectory import Wie, geschiedenis

    pad = map_.case(LATER.replace("  - datum: 2026-11-20\n    fase", "  # de klas van dit jaar\n  - datum: 2026-11-20\n    fase"))
    _pas_toe(pad, lambda data, d: geschiedenis(data, "ondersteuning", Wie("An Janssens", dt.date(2026, 3, 1), "Feb.")) or [])
    assert "    notitie: Feb. (Laat genoteerd op 24-11-2026.)\n  # de klas van dit jaar\n  - datum: 2026-11-20\n" in pad.read_text()


# ---------------------------------------------------------------------------- irreversible steps ask first (issue 26)


def test_lager_secundair_from_4a_is_refused_and_toch_needs_a_reason(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"  # Noah, 3A
    voor = digest(pad)
    result = run("overgang", "noah", "lager-secundair", "--ja")
    assert result.exit_code == 1 and "in 3A" in result.stderr and "--toch" in result.stderr
    assert digest(pad) == voor
    result = run("overgang", "noah", "lager-secundair", "--ja", "--toch", "Is 12 en gaat naar 1B.")
    assert result.exit_code == 0, result.output
    assert "vanuit 3A, niet het laatste jaar van het lager: Is 12 en gaat naar 1B." in pad.read_text()


def test_closing_for_good_asks_in_a_terminal_and_needs_ja_in_a_script(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"  # Arthur, 6B
    voor = digest(pad)
    script = run("overgang", "arthur", "lager-secundair")
    assert script.exit_code == 1 and "Bevestig dat met --ja" in script.stderr and digest(pad) == voor
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    nee = run("overgang", "arthur", "lager-secundair", input="nee\n")
    assert nee.exit_code == 0 and "Zeker?" in nee.output and "Er is niets gewijzigd." in nee.output and digest(pad) == voor
    ja = run("fase", "arthur", "afgesloten", "--reden", "andere_school", input="ja\n")
    assert ja.exit_code == 0 and "kan niet ongedaan gemaakt worden" in ja.output and "\nfase: afgesloten\n" in pad.read_text()


def test_ja_where_nothing_is_closed_is_refused(voorbeeld: Path, run) -> None:
    for opdracht in (["fase", "ella", "opstart", "--verslag-zichtbaar", "--ja"], ["overgang", "finn", "kleuter-lager", "--klas", "1A", "--ja"]):
        result = run(*opdracht)
        assert result.exit_code == 2 and "--ja heeft hier geen effect" in result.stderr


def test_any_closing_is_asked_in_a_terminal_but_a_script_needs_ja_only_when_no_heropstart_can_follow(
    voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    voor = digest(pad)
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    monkeypatch.setattr("leersteun.cli.traject._in_terminal", lambda: True)
    nee = run("fase", "noah", "afgesloten", "--reden", "doelen_bereikt", input="nee\n")
    assert nee.exit_code == 0 and "(Noah Wouters, 3A) wordt afgesloten" in nee.stdout and "met een heropstart" in nee.stdout
    assert digest(pad) == voor
    monkeypatch.setattr("leersteun.cli.traject._in_terminal", lambda: False)
    assert run("fase", "noah", "afgesloten", "--reden", "doelen_bereikt").exit_code == 0  # a script: no question
    assert "\nfase: afgesloten\n" in pad.read_text()


def test_the_schools_decision_entered_late_is_placed_not_refused(voorbeeld: Path, run) -> None:
    """Issue 26: 'verslag … --beslist' after a later history line said 'deze regel is ouder dan de vorige'."""
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    assert run("verslag", "noah", "--soort", "IAC", "--datum", "20-11-2026", "--ontbindende-voorwaarde", "21-11-2026").exit_code == 0
    result = run("verslag", "noah", "--beslist", "22-11-2026", "--notitie", "IAC blijft.")
    assert result.exit_code == 0, result.output
    regels = _geschiedenis(pad)
    assert regels[-2] == ("2026-11-22", "ondersteuning", "Beslissing van de school over de ontbindende voorwaarde: IAC blijft. (Laat genoteerd op 24-11-2026.)")
    assert regels[-1][0] == "2026-11-24" and regels[-1][2].startswith("Nieuw Verslag: IAC")
    geweigerd = run("verslag", "noah", "--beslist", "20-11-2026")
    assert geweigerd.exit_code == 1 and "22-11-2026" in geweigerd.stderr  # already noted: the date it conflicts with
