"""Phases, guards, evaluations, transitions: refusals leave files byte-identical."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from leersteun.reading.folder import gebruiker
from tests.conftest import DOSSIER, SLUIT, Map, digest


def wijzigingen(oud: str, nieuw: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines), as `git diff` would show them."""
    regels = [r for r in difflib.ndiff(oud.splitlines(), nieuw.splitlines()) if r[:2] in ("- ", "+ ")]
    return [r[2:] for r in regels if r[0] == "-"], [r[2:] for r in regels if r[0] == "+"]


# what goes with closing a traject (seeds 001, 003): the closing questions and the overleg with the partners

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
    # a fact is noted when it happened: valideer warns about every date after today
    ("KLM-2025-003", ["evaluatie", "noah", "--beslissing", "verderzetten", "--datum", "29-02-2028"], "--datum 29-02-2028 ligt na vandaag (24-11-2026)"),
    ("KLM-2025-003", ["fase", "noah", "afgesloten", "--reden", "andere", "--datum", "morgen", *SLUIT], "--datum 25-11-2026 ligt na vandaag"),
    ("RGN-2024-010", ["overgang", "julie", "andere-school", "--ja", "--datum", "01-01-2027", *SLUIT], "een overgang noteer je achteraf"),
    ("KLM-2025-003", ["overleg", "noah", "--soort", "observatie", "--datum", "morgen"], "plan je met --volgende"),
    (
        "JZF-2025-004",
        ["overgang", "finn", "kleuter-lager", "--klas", "1A", "--evaluatie", "morgen", "--met", "ouders"],
        "--evaluatie 25-11-2026 ligt na vandaag",
    ),
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
        .replace(
            "trajecten:\n  - vorm: regulier\n    start: 2024-10-15\n    frequentie: wekelijks\n    intensiteit: 1 lesuur per week\n    evaluatie_op: [2025-01-20]\n",
            "trajecten: []\n",
        )
        .replace("doelen: []", "doelen:\n  - id: D1\n    domein: cognitief\n    omschrijving: Lotte start zelfstandig.")
    )
    pad = map_.case(tekst)
    result = run(
        "fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 lesuur per week",
        "--start", "2026-11-30", "--evaluatie-op", "2027-02-01", "--datum", "2026-11-24",
        "--opstartgesprek", "2026-11-20", "--met", "klasleerkracht, ouders, clb", "--leervraag", "Hoe help ik Lotte zelfstandig starten?",
        "--duur", "tot de krokusvakantie",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    nieuw = pad.read_text()
    # seed 003: "Er vindt een opstartgesprek plaats met de verschillende partners" (who took part is recorded)
    assert "overleggen:\n  - datum: 2026-11-20\n    soort: opstartgesprek\n    met: [klasleerkracht, ouders, clb]\n" in nieuw
    assert "leervraag:\n  vraag: Hoe help ik Lotte zelfstandig starten?\n" in nieuw
    # seed 003: "de mogelijke frequentie, intensiteit en duur besproken" (the duration is stored)
    assert (
        "trajecten:\n  - vorm: regulier\n    start: 2026-11-30\n    frequentie: wekelijks\n"
        "    intensiteit: 1 lesuur per week\n    duur: tot de krokusvakantie\n    evaluatie_op: [2027-02-01]\n"
    ) in nieuw
    assert "\nfase: ondersteuning\n" in nieuw
    assert run("valideer").exit_code == 0


def test_evaluatie_afsluiten_closes_the_traject_and_moves_the_ondersteuner(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    oud = pad.read_text()
    result = run(
        "evaluatie", "arthur", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", "--kansen", "Overgang secundair voorbereiden.",
        "--wat-neemt-school-mee", "De weekplanning.", "--met", "klasleerkracht,ouders,clb",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    weg, erbij = wijzigingen(oud, pad.read_text())
    assert weg == ["fase: ondersteuning", "ondersteuner: Pieter Dewulf", "vorige_ondersteuners: [Els Maes]"]
    assert erbij[:4] == ["fase: afgesloten", "ondersteuner: null", "vorige_ondersteuners: [Els Maes, Pieter Dewulf]", "    einde: 2026-11-24"]
    assert "    reden: doelen_bereikt" in erbij and "    kansen: Overgang secundair voorbereiden." in erbij
    assert run("valideer").exit_code == 0


def test_evaluatie_asks_what_is_missing(voorbeeld: Path, run) -> None:
    # seed 001: the closing questions, then who took part (seed 003), then 'Zeker?' (no heropstart after)
    invoer = "afsluiten\nweet niet\nandere_school\nHet stappenplan.\n\nZelf plannen.\nklasleerkracht, ouders\nHet CLB kon niet komen.\nja\n"
    result = run("evaluatie", "noah", input=invoer)
    assert result.exit_code == 0, result.output
    tekst = (voorbeeld / "cases" / "KLM-2025-003.yaml").read_text()
    assert "    reden: andere_school\n    wat_neemt_school_mee: Het stappenplan.\n    kansen: Zelf plannen.\n    met: [klasleerkracht, ouders]\n" in tekst
    assert "    notitie: 'Zonder het CLB in het overleg: Het CLB kon niet komen.'\n" in tekst
    assert "Wat neemt de school mee" in result.stdout and "Dit is nodig" in result.stdout  # the kansen are not left empty


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
    """Seed 003, lager→secundair: "Er moet opnieuw contact opgenomen worden met het CLB, als uit de
    evaluatie blijkt dat verdere leersteun nodig is ... De secundaire school moet een nieuwe
    aanmelding doen." The evaluation and whether further support is needed are recorded."""
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    voor = digest(pad)
    zonder = run("overgang", "arthur", "lager-secundair", "--ja", *SLUIT)  # Arthur is in 6B, the last year of lager
    assert zonder.exit_code == 1 and "--verdere-leersteun of --geen-verdere-leersteun" in zonder.stderr and digest(pad) == voor
    result = run("overgang", "arthur", "lager-secundair", "--ja", *SLUIT, "--verdere-leersteun")
    assert result.exit_code == 0, result.output
    assert "neem contact op met het CLB, dat een nieuw Verslag maakt" in result.stdout and "nieuwe aanmelding" in result.stdout
    tekst = pad.read_text()
    assert "reden: overgang_secundair" in tekst and "\nfase: afgesloten\n" in tekst
    assert "    met: [klasleerkracht, ouders, clb]\n    verdere_leersteun: true\n" in tekst


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
        ["evaluatie", "noah", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", *SLUIT],
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
    assert (
        tekst.index("datum: 2026-01-19\n    soort: evaluatiegesprek")
        < tekst.index("datum: 2026-03-02\n    soort: andere")
        < tekst.index("datum: 2026-06-15\n    soort")
    )
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
    result = run("overgang", "noah", "lager-secundair", "--ja", "--toch", "Is 12 en gaat naar 1B.", *SLUIT, "--geen-verdere-leersteun")
    assert result.exit_code == 0, result.output
    assert "vanuit 3A, niet het laatste jaar van het lager: Is 12 en gaat naar 1B." in pad.read_text()


def test_closing_for_good_asks_in_a_terminal_and_needs_ja_in_a_script(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"  # Arthur, 6B
    voor = digest(pad)
    script = run("overgang", "arthur", "lager-secundair", *SLUIT, "--verdere-leersteun")
    assert script.exit_code == 1 and "Bevestig dat met --ja" in script.stderr and digest(pad) == voor
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    nee = run("overgang", "arthur", "lager-secundair", *SLUIT, "--verdere-leersteun", input="nee\n")
    assert nee.exit_code == 0 and "Zeker?" in nee.output and "Er is niets gewijzigd." in nee.output and digest(pad) == voor
    ja = run("fase", "arthur", "afgesloten", "--reden", "andere_school", *SLUIT, input="ja\n")
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
    nee = run("fase", "noah", "afgesloten", "--reden", "doelen_bereikt", *SLUIT, input="nee\n")
    assert nee.exit_code == 0 and "(Noah Wouters, 3A) wordt afgesloten" in nee.stdout and "met een heropstart" in nee.stdout
    assert digest(pad) == voor
    monkeypatch.setattr("leersteun.cli.traject._in_terminal", lambda: False)
    assert run("fase", "noah", "afgesloten", "--reden", "doelen_bereikt", *SLUIT).exit_code == 0  # a script: no question
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


# ---------------------------------------------------------------------------- issue 27: the procedure as the seeds write it


MET_DOEL = DOSSIER.replace("doelen: []", "doelen:\n  - id: D1\n    domein: cognitief\n    omschrijving: Lotte start zelfstandig.")


@pytest.mark.parametrize(
    "opdracht",
    [
        ["fase", "lotte", "afgesloten", "--reden", "andere"],
        ["evaluatie", "lotte", "--beslissing", "afsluiten", "--reden", "andere"],
        ["overgang", "lotte", "andere-school", "--ja"],
    ],
    ids=["fase", "evaluatie", "overgang"],
)
def test_every_route_to_afgesloten_needs_the_closing_questions_and_the_partners(map_: Map, run, opdracht: list[str]) -> None:
    """Seed 001: "na afronding van een traject ... Wat neem je als school mee ...? Waar liggen
    volgens jullie nog kansen?"; seed 003: "Na overleg met alle partners kan er overgegaan worden
    tot het afsluiten". A script without them is refused with the options that give them."""
    pad = map_.case(MET_DOEL)
    voor = digest(pad)
    result = run(*opdracht)
    assert result.exit_code == 1 and digest(pad) == voor
    for optie in ("--wat-neemt-school-mee", "--kansen", "--met ROL,ROL", "--zonder-overleg"):
        assert optie in result.stderr
    assert "de school, de ouders en het CLB waren er niet bij" in result.stderr
    result = run(*opdracht, *SLUIT)
    assert result.exit_code == 0, result.output
    tekst = pad.read_text()
    assert "    wat_neemt_school_mee: Het stappenplan.\n    kansen: Zelf plannen.\n    met: [klasleerkracht, ouders, clb]\n" in tekst


def test_the_terminal_asks_the_closing_questions_of_fase(map_: Map, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 001 and 003, asked where a person answers: `fase … afgesloten` in a terminal."""
    pad = map_.case(MET_DOEL)
    monkeypatch.setattr("leersteun.cli.traject._in_terminal", lambda: True)
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    invoer = "De beurtkaart.\nSamen plannen.\nzorgcoordinator, ouders, clb\nja\n"  # the last: 'Zeker?'
    result = run("fase", "lotte", "afgesloten", "--reden", "geen_leersteun_gewenst", input=invoer)
    assert result.exit_code == 0, result.output
    assert "Wie nam deel aan het overleg" in result.stdout
    assert "    wat_neemt_school_mee: De beurtkaart.\n    kansen: Samen plannen.\n    met: [zorgcoordinator, ouders, clb]\n" in pad.read_text()


def test_a_recorded_overleg_with_every_partner_carries_the_closing(map_: Map) -> None:
    """Seed 003 "Na overleg met alle partners": an overleg of the last month counts; an older one
    does not; a partner who could not come is named with the reason."""
    import datetime as dt

    from leersteun.editing.trajectory import Afronding, Wie, afsluiten, voeg_overleg
    from leersteun.rules.model import OverlegSoort, Reden
    from leersteun.rules.weigering import Geweigerd

    pad = map_.case(MET_DOEL)
    vragen = Afronding("Het stappenplan.", "Zelf plannen.")
    wie = Wie("Els Maes", dt.date(2026, 11, 24))

    def overleg(dag: dt.date):
        return lambda data, d: voeg_overleg(data, OverlegSoort.evaluatiegesprek, dag, met=["klasleerkracht", "ouders", "clb"]) or []

    _pas_toe(pad, overleg(dt.date(2026, 10, 1)))
    voor = digest(pad)
    with pytest.raises(Geweigerd, match="de school, de ouders en het CLB waren er niet bij"):
        _pas_toe(pad, lambda data, d: afsluiten(data, d, wie, Reden.andere, vragen))
    with pytest.raises(Geweigerd, match="het CLB was er niet bij"):
        _pas_toe(pad, lambda data, d: afsluiten(data, d, wie, Reden.andere, Afronding("Het stappenplan.", "Zelf plannen.", ["klasleerkracht", "ouders"])))
    assert digest(pad) == voor
    _pas_toe(pad, overleg(dt.date(2026, 11, 10)))
    assert "afgesloten" in _pas_toe(pad, lambda data, d: afsluiten(data, d, wie, Reden.andere, vragen))[0]


def test_doelen_bereikt_is_refused_for_a_case_without_goals(map_: Map, run) -> None:
    """Seed 003, "Mogelijke redenen om over te gaan tot afsluiten zijn: de doelen zijn bereikt, ...":
    only a case that had goals reached them."""
    pad = map_.case(DOSSIER)  # doelen: []
    voor = digest(pad)
    result = run("evaluatie", "lotte", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", *SLUIT)
    assert result.exit_code == 1 and "'doelen_bereikt' kan niet: dossier T-001 heeft geen doelen" in result.stderr and digest(pad) == voor


KLEUTER = MET_DOEL.replace("  klas: 5B\n  niveau: lager\n", "  klas: K3\n  niveau: kleuter\n")


def test_kleuter_lager_continues_only_after_an_evaluation(map_: Map, run) -> None:
    """Seed 003: "Bij de overgang van kleuter naar lager onderwijs: De leersteun kan automatisch
    verder lopen na een evaluatie." Asked for or given as options, never made up."""
    pad = map_.case(KLEUTER)
    voor = digest(pad)
    result = run("overgang", "lotte", "kleuter-lager", "--klas", "1A")
    assert result.exit_code == 1 and "alleen verder na een evaluatie" in result.stderr and "--evaluatie DATUM --met ROL,ROL" in result.stderr
    assert digest(pad) == voor
    assert run("overgang", "lotte", "kleuter-lager", "--klas", "1A", "--met", "ouders").exit_code == 2  # --met names who evaluated
    result = run("overgang", "lotte", "kleuter-lager", "--klas", "1A", "--evaluatie", "20-11-2026", "--met", "klasleerkracht,ouders")
    assert result.exit_code == 0, result.output
    assert "loopt verder na de evaluatie van 20-11-2026" in result.stdout
    tekst = pad.read_text()
    assert "evaluaties:\n  - datum: 2026-11-20\n    beslissing: verderzetten\n    met: [klasleerkracht, ouders]\n" in tekst
    assert "  klas: 1A\n" in tekst and "  niveau: lager\n" in tekst


def test_kleuter_lager_after_a_recent_evaluation_writes_none_itself(map_: Map, run) -> None:
    pad = map_.case(KLEUTER.replace("evaluaties: []", "evaluaties:\n  - datum: 2026-09-15\n    beslissing: verderzetten"))
    result = run("overgang", "lotte", "kleuter-lager", "--klas", "1A")
    assert result.exit_code == 0, result.output
    assert "loopt verder na de evaluatie van 15-09-2026" in result.stdout
    assert pad.read_text().count("beslissing: verderzetten") == 1


def test_secundair_hoger_closes_with_the_pointer_to_siho(voorbeeld: Path, run) -> None:
    """Seed 003: "Bij de overgang naar het hoger onderwijs ... neemt hij/zij contact op met het
    aanspreekpunt zorg van de instelling die te vinden is op de website van het Steunpunt Inclusief
    Hoger Onderwijs (SIHO)." """
    assert "alleen vanuit het secundair" in run("overgang", "noah", "secundair-hoger", "--ja", *SLUIT).stderr
    assert "het laatste jaar van het secundair" in run("overgang", "jules", "secundair-hoger", "--ja", *SLUIT).stderr  # 1B
    result = run("overgang", "jules", "secundair-hoger", "--ja", *SLUIT, "--toch", "De klas in het dossier klopt niet: 6 ASO.")
    assert result.exit_code == 0, result.output
    assert "Steunpunt Inclusief Hoger Onderwijs (SIHO)" in result.stdout and "aanspreekpunt zorg" in result.stdout
    assert "    reden: overgang_hoger\n" in (voorbeeld / "cases" / "VCT-2025-008.yaml").read_text()
    heropstart = run("fase", "jules", "heropstart", "--overleg-school-clb", "24-11-2026")
    assert heropstart.exit_code == 1 and "SIHO" in heropstart.stderr
    nieuw = run("nieuw", "--vanuit", "jules", "--school", "victor", "--klas", "1A", "--niveau", "secundair", "--verslag", "GC",
                "--verslagdatum", "01-11-2026", "--typologie", "3", "--diplon")  # fmt: skip
    assert nieuw.exit_code == 1 and "daar volgt geen aanmelding" in nieuw.stderr


def test_lager_secundair_without_further_support_says_so(voorbeeld: Path, run) -> None:
    result = run("overgang", "arthur", "lager-secundair", "--ja", *SLUIT, "--geen-verdere-leersteun")
    assert result.exit_code == 0, result.output
    assert "geen verdere leersteun nodig" in result.stdout
    assert "    verdere_leersteun: false\n" in (voorbeeld / "cases" / "RGN-2025-002.yaml").read_text()


def test_ondersteuning_needs_the_agreed_duration_and_points_to_the_teachers_question(map_: Map, run) -> None:
    """Seed 003: "Al van bij de start wordt samen met de partners de mogelijke frequentie,
    intensiteit en duur besproken"; seed 001: "dat er een ondersteuningsvraag is van de
    leerkrachten naast de ondersteuningsvraag van de leerling of ouder"."""
    tekst = (
        MET_DOEL.replace("fase: ondersteuning\n", "fase: opstart\n", 1)
        .replace("    fase: ondersteuning", "    fase: opstart")
        .replace("trajecten:\n  - vorm: regulier\n    start: 2024-10-15\n    frequentie: wekelijks\n    intensiteit: 1 lesuur per week\n    evaluatie_op: [2025-01-20]\n", "trajecten: []\n")
        .replace("doelen:\n", "leervraag:\n  vraag: Hoe start Lotte zelf?\n  van: [ouders]\ndoelen:\n")
    )  # fmt: skip
    pad = map_.case(tekst)
    stap = ["fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur", "--opstartgesprek", "20-11-2026"]
    zonder = run(*stap)
    assert zonder.exit_code == 1 and "de afgesproken duur (--duur" in zonder.stderr
    result = run(*stap, "--duur", "tot de krokusvakantie")
    assert result.exit_code == 0, result.output
    assert "niet van de leerkracht" in result.stdout and "het opstartgesprek noemt niet wie er was" in result.stdout
    assert "    duur: tot de krokusvakantie\n" in pad.read_text()


def test_an_evaluation_records_who_agreed_and_took_part_and_the_clb_moments(map_: Map, run) -> None:
    """Seed 001: "Hoe, wanneer en met wie de evaluatie ... in overleg met de school en de
    ankerpersoon"; seed 002: the CLB "bij knipperlichtmomenten: elke partner kan CLB uitnodigen =>
    met een duidelijk doel ... bij heroriëntering naar ander niveau of BuO"."""
    pad = map_.case(MET_DOEL)
    result = run(
        "evaluatie", "lotte", "--beslissing", "verderzetten", "--met", "klasleerkracht,ouders,ondersteuner", "--afgesproken-met", "zorgcoordinator",
        "--herorientering", "buitengewoon_onderwijs", "--clb-uitnodigen", "De overstap naar het buitengewoon onderwijs bespreken.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "de ankerpersoon ontbreekt bij --afgesproken-met" in result.stdout
    assert "Heroriëntering naar het buitengewoon onderwijs genoteerd." in result.stdout and "Het CLB wordt uitgenodigd" in result.stdout
    assert (
        "    met: [klasleerkracht, ouders, ondersteuner]\n    afgesproken_met: [zorgcoordinator]\n"
        "    herorientering: buitengewoon_onderwijs\n    clb_uitnodiging: De overstap naar het buitengewoon onderwijs bespreken.\n"
    ) in pad.read_text()
    knipperlicht = run(
        "evaluatie", "lotte", "--beslissing", "verderzetten", "--concreet", "ja", "--context", "ja", "--gedragen", "nee", "--fase-2-3", "ja",
        "--datum", "23-11-2026",
    )  # fmt: skip
    assert "Knipperlicht: elke partner kan het CLB uitnodigen" in knipperlicht.stdout and "leersteun overleg T-001" in knipperlicht.stdout
    assert run("valideer").exit_code == 0


def test_schooljaar_and_the_agenda_agree_on_the_end_of_year_evaluation() -> None:
    """Seed 003: "Voor nog lopende ondersteuningen vindt aan het einde van het schooljaar een
    evaluatiegesprek plaats": one derivation for the agenda and `schooljaar`."""
    import datetime as dt

    from leersteun.files.store import gewoon, maak_yaml
    from leersteun.rules.deadlines import Soort, deadlines, eindgesprek_open
    from leersteun.rules.model import Dossier

    basis = gewoon(maak_yaml().load(DOSSIER))
    juni, mei = dt.date(2027, 6, 30), dt.date(2027, 5, 3)

    def met(traject: dict, **meer) -> Dossier:
        return Dossier.model_validate({**basis, "trajecten": [traject], **meer})

    gevallen = [
        met({"vorm": "regulier", "start": dt.date(2026, 9, 1)}),
        met({"vorm": "medium", "start": dt.date(2027, 4, 19)}),  # runs into the summer
        met({"vorm": "light", "start": dt.date(2027, 3, 1)}),  # ends before June
        met({"vorm": "regulier", "start": dt.date(2026, 9, 1)}, overleggen=[{"datum": dt.date(2027, 5, 10), "soort": "evaluatiegesprek"}]),
    ]
    verwacht = [True, True, False, False]
    assert [eindgesprek_open(d, juni) for d in gevallen] == verwacht
    assert [any(x.soort == Soort.einde_schooljaar for x in deadlines(d, mei)) for d in gevallen] == verwacht


def test_the_terminal_asks_for_the_clb_at_a_knipperlicht_and_for_the_evaluation_at_kleuter_lager(map_: Map, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 002: "elke partner kan CLB uitnodigen => met een duidelijk doel"; seed 003: kleuter→lager
    "na een evaluatie", asked where a person answers."""
    pad = map_.case(MET_DOEL)  # the evaluation after four months is due: the four questions are asked
    invoer = "ja\n\nja\n\nnee\nTwee collega's twijfelen.\nja\n\nHet draagvlak bespreken.\nverderzetten\n\n"
    result = run("evaluatie", "lotte", input=invoer)
    assert result.exit_code == 0, result.output
    assert "Knipperlicht: het CLB uitnodigen?" in result.stdout and "    clb_uitnodiging: Het draagvlak bespreken.\n" in pad.read_text()
    kleuter = map_.case(KLEUTER.replace("id: T-001", "id: T-002").replace("voornaam: Lotte", "voornaam: Finn"), "T-002")
    monkeypatch.setattr("leersteun.cli.traject._in_terminal", lambda: True)
    result = run("overgang", "T-002", "kleuter-lager", "--klas", "1A", input="18-11-2026\nklasleerkracht, ouders\n")
    assert result.exit_code == 0, result.output
    assert "  - datum: 2026-11-18\n    beslissing: verderzetten\n    met: [klasleerkracht, ouders]\n" in kleuter.read_text()


def test_verdere_leersteun_belongs_to_the_transition_to_secundair(map_: Map, run) -> None:
    """Seed 003, lager→secundair: "als uit de evaluatie blijkt dat verdere leersteun nodig is"; a
    file that writes it elsewhere gets a warning with its place."""
    map_.case(MET_DOEL.replace("evaluaties: []", "evaluaties:\n  - datum: 2026-11-20\n    beslissing: verderzetten\n    verdere_leersteun: true"))
    result = run("valideer")
    assert "cases/T-001.yaml:34:24: waarschuwing: 'verdere_leersteun' hoort bij afsluiten wegens overgang_secundair" in result.stdout


def test_a_rhythm_rarer_than_every_two_weeks_is_no_light_or_medium() -> None:
    """Seed 000: light "Wekelijks of via enkele overlegmomenten", medium "(Twee)wekelijks".
    'driewekelijks' and 'om de drie weken' were read as 'wekelijks' or not at all, and accepted."""
    import datetime as dt

    from leersteun.core.waarden import Vorm
    from leersteun.editing.trajectory import afwijkingen, ritme

    assert ritme("driewekelijks") == ritme("om de 3 weken") == ritme("1 keer per trimester") == "minder dan tweewekelijks"
    assert ritme("vierwekelijks") == "maandelijks"
    assert (ritme("2-wekelijks"), ritme("1 lesuur per week"), ritme("3 keer per week")) == ("tweewekelijks", "wekelijks", "wekelijks")
    start = dt.date(2026, 12, 7)
    for vorm in (Vorm.light, Vorm.medium):
        assert afwijkingen(vorm, start, None, None, frequentie="om de drie weken") == [
            f"de frequentie 'om de drie weken' (minder dan tweewekelijks) past niet bij een interventie {vorm.value}"
        ]
        assert afwijkingen(vorm, start, None, None, frequentie="tweewekelijks") == []


def test_a_light_or_medium_that_starts_on_a_day_without_school_says_so() -> None:
    """Issue 27 point 11: a medium started on 05-04-2027 (paasvakantie) said nothing; its weeks
    and its maximum count from that day."""
    import datetime as dt

    from leersteun.editing.trajectory import start_melding
    from leersteun.rules.schoolkalender import Schoolkalender

    assert start_melding(dt.date(2027, 4, 5), Schoolkalender(), None) == [
        "Let op: de start 05-04-2027 valt op een dag zonder school (paasvakantie); de eerste schooldag is 12-04-2027. "
        "De weken van de ondersteuning tellen vanaf de start; kies zo nodig een andere --start."
    ]
    assert start_melding(dt.date(2027, 4, 12), Schoolkalender(), None) == []


def test_an_agreement_of_spaces_only_is_no_agreement() -> None:
    """`fase finn ondersteuning --duur "   "` passed the check on the agreed duration (seed 003:
    "frequentie, intensiteit en duur") and wrote a duration of three spaces."""
    from leersteun.editing.trajectory import TrajectAfspraak

    afspraak = TrajectAfspraak(frequentie="  wekelijks ", intensiteit="\t", duur="   ", toch="")
    assert (afspraak.frequentie, afspraak.intensiteit, afspraak.duur, afspraak.toch) == ("wekelijks", None, None, None)


def test_a_next_moment_of_today_is_refused_also_when_it_was_planned(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Noah's traject plans 07-12-2026: `evaluatie noah --volgende vandaag` on that day was
    accepted and the moment dropped in silence; a moment planned before is said."""
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-12-07")
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    voor = pad.read_bytes()
    result = run("evaluatie", "noah", "--beslissing", "verderzetten", "--volgende", "vandaag")
    assert result.exit_code == 1 and "(07-12-2026) ligt niet na deze evaluatie (07-12-2026)" in result.stderr
    assert pad.read_bytes() == voor
    result = run("evaluatie", "noah", "--beslissing", "verderzetten", "--volgende", "11-01-2027", "--volgende", "07-12-2026", "--datum", "01-12-2026")
    assert result.exit_code == 0, result.output
    assert "Volgend evaluatiemoment: 11-01-2027.\nStond al gepland: 07-12-2026." in result.stdout
