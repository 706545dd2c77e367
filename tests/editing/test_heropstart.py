"""Heropstart: the checklist (engine, CliRunner and a real terminal), --antwoorden, toewijzen."""

from __future__ import annotations

import datetime as dt
import os
import sys
import textwrap
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from leersteun.editing import heropstart as hs
from leersteun.reading.dossiers import lees_dossier
from leersteun.rules import checklist as cl
from leersteun.rules.checks import Context
from leersteun.rules.model import AnalyseMet, Checklist, Uitkomst
from tests.conftest import digest

VOLLEDIG = {
    "vraag_van": ["leerkracht"],
    "factoren": {"leerling": ["Onrust"], "leerkracht": [], "school": []},
    "succesfactoren_toegepast": {"antwoord": "ja"},
    "andere_partner": {"antwoord": "nee"},  # the contract's wording: no other partner fits better
    "werkbare_leervraag": {"antwoord": "ja", "leervraag": "Hoe?"},
    "doelen_concreet": {"antwoord": "ja"},
    "doelen_context": {"antwoord": "ja"},
    "gedragen": {"antwoord": "ja"},
    "zorgcontinuum_fase_2_3": {"antwoord": "ja"},
}


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """CliRunner's `input` plays a person at a terminal here; a test of a script says so with
    `script(monkeypatch)`."""
    monkeypatch.setattr("leersteun.cli.heropstart._terminal", lambda: True)


def script(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("leersteun.cli.heropstart._terminal", lambda: False)


def checklist(**wijzig) -> Checklist:
    return Checklist.model_validate({**VOLLEDIG, **wijzig})


def dossier(voorbeeld: Path, naam: str):
    return lees_dossier(voorbeeld / "cases" / f"{naam}.yaml", Context(vandaag=dt.date(2026, 11, 24)))


# ---------------------------------------------------------------------------- engine


def test_open_questions_in_order() -> None:
    assert [v.sleutel for v in cl.open_vragen(None)] == [v.sleutel for v in cl.VRAGEN]
    half = Checklist.model_validate({"vraag_van": ["zorg"], "factoren": {"leerling": [], "leerkracht": [], "school": []}})
    assert cl.open_vragen(half)[0].sleutel == "succesfactoren_toegepast"
    assert cl.open_vragen(checklist()) == []
    assert cl.open_vragen(checklist(gedragen={"antwoord": None, "toelichting": "?"}))[0].sleutel == "gedragen"


@pytest.mark.parametrize(
    "wijzig,voorstel,woorden",
    [
        ({}, Uitkomst.heropstart, "Een heropstart lijkt zinvol."),
        (
            {"andere_partner": {"antwoord": "ja", "partner": "CGGZ", "andere_partners": ["CLB", "CGGZ"]}},
            Uitkomst.geen_heropstart,
            "betrek beter een andere partner (CGGZ)",
        ),
        ({"andere_partner": {"antwoord": "nee", "andere_partners": ["PBD"]}}, Uitkomst.heropstart, "Andere partners kunnen tegemoetkomen aan de vraag: PBD"),
        ({}, Uitkomst.heropstart, "Geen andere partner kan tegemoetkomen aan de vraag"),
        ({"werkbare_leervraag": {"antwoord": "nee"}}, Uitkomst.geen_heropstart, "nog geen werkbare leervraag"),
        ({"zorgcontinuum_fase_2_3": {"antwoord": "nee"}}, Uitkomst.geen_heropstart, "buiten fase 2/3"),
        ({"succesfactoren_toegepast": {"antwoord": "deels"}}, Uitkomst.heropstart, "succesfactoren"),
        ({"gedragen": {"antwoord": "nee"}}, Uitkomst.heropstart, "nog niet door alle partijen gedragen"),
        ({"andere_partner": {"antwoord": "deels"}}, Uitkomst.heropstart, "maar deels binnen de opdracht"),
    ],
)
def test_advice(wijzig, voorstel, woorden) -> None:
    raad = cl.advies(checklist(**wijzig))
    assert raad.voorstel == voorstel
    assert any(woorden in r for r in raad.redenen), raad.redenen


def test_who_analyses(voorbeeld: Path) -> None:
    """Seed 000: "de ondersteuner, wanneer deze nog op school aanwezig is voor een andere
    leerling; de CLB-medewerker, wanneer er geen ondersteuner meer aanwezig is op de school"."""
    alle = [lees_dossier(p, Context(vandaag=dt.date(2026, 11, 24))).dossier for p in sorted((voorbeeld / "cases").glob("*.yaml"))]
    per_id = {d.id: d for d in alle}
    # Lena's own previous ondersteuner still works at De Regenboog (for Julie): analyse with him
    voorstel = cl.voorstel_analyse(per_id["RGN-2025-006"], alle)
    assert voorstel.analyse_met == AnalyseMet.ondersteuner and voorstel.met == "Tom Vermeulen"
    assert "Tom Vermeulen (voor RGN-2024-010)" in voorstel.uitleg
    # Mila knew Pieter Dewulf, who no longer works at Sint-Jozef; Sofie Lambrechts does, for
    # another pupil (Finn): any ondersteuner at the school counts, Mila's own is still named
    mila = cl.voorstel_analyse(per_id["JZF-2024-006"], alle)
    assert mila.analyse_met == AnalyseMet.ondersteuner and mila.met == "Sofie Lambrechts"
    assert "Pieter Dewulf" in mila.uitleg and "Sofie Lambrechts (voor JZF-2025-004)" in mila.uitleg
    # one previous ondersteuner or several: the sentence says which (issue 29)
    zelf = per_id["JZF-2024-006"].model_copy(deep=True)
    zelf.vorige_ondersteuners = ["Els Maes", "Pieter Dewulf"]
    plat = " ".join(cl.voorstel_analyse(zelf, alle).uitleg.split())
    assert "Vorige ondersteuners: Els Maes, Pieter Dewulf; die werken niet meer op deze school." in plat
    zelf.vorige_ondersteuners = ["Pieter Dewulf"]
    assert "Vorige ondersteuner: Pieter Dewulf; die werkt niet meer op deze school." in cl.voorstel_analyse(zelf, alle).uitleg
    zelf.vorige_ondersteuners = []
    assert cl.voorstel_analyse(zelf, alle).uitleg.startswith("Er is geen vorige ondersteuner. Wel op deze school")
    lucas = per_id["KLM-2023-012"]
    alleen = [d for d in alle if d.school.naam != lucas.school.naam] + [lucas]
    assert cl.voorstel_analyse(lucas, alleen).analyse_met == AnalyseMet.clb
    assert "Karen Claes" in cl.voorstel_analyse(lucas, alleen).uitleg


def test_an_ondersteuner_assigned_in_a_heropstart_works_at_the_school(voorbeeld: Path) -> None:
    """Seed 000 "nog op school aanwezig voor een andere leerling": someone assigned in a
    heropstart (vorm still to choose) is at the school too."""
    alle = [lees_dossier(p, Context(vandaag=dt.date(2026, 11, 24))).dossier for p in sorted((voorbeeld / "cases").glob("*.yaml"))]
    lucas = next(d for d in alle if d.id == "KLM-2023-012")
    lotte = next(d for d in alle if d.id == "KLM-2024-017").model_copy(deep=True)
    from leersteun.rules.model import Toewijzing

    lotte.heropstarts[-1].toewijzing = Toewijzing(datum=dt.date(2026, 11, 24), ondersteuner="Pieter Dewulf")
    lotte.ondersteuner = "Pieter Dewulf"
    voorstel = cl.voorstel_analyse(lucas, [lotte, lucas])
    assert voorstel.met == "Pieter Dewulf" and "KLM-2024-017" in voorstel.uitleg


def test_analysis_against_the_proposal_needs_a_reason(voorbeeld: Path, run) -> None:
    """Seed 000 names with whom the school analyses: another choice says why (a terminal asks
    it; an answers file has `analyse_reden`)."""
    bestand = voorbeeld / "antwoorden.yaml"
    bestand.write_text("analyse_met: clb\nuitkomst: heropstart\nmotivatie: Aanpak bestaat al.\nchecklist:\n" + textwrap.indent(_yaml(VOLLEDIG), "  "))
    voor = digest(voorbeeld / "cases" / "RGN-2025-006.yaml")
    result = run("heropstart", "lena", "--antwoorden", str(bestand), "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 1 and "tegen het voorstel" in result.output and "Tom Vermeulen" in result.output
    assert "analyse_reden" in result.output and digest(voorbeeld / "cases" / "RGN-2025-006.yaml") == voor
    bestand.write_text(bestand.read_text() + "analyse_reden: Tom Vermeulen is met zwangerschapsverlof.\n")
    result = run("heropstart", "lena", "--antwoorden", str(bestand), "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 0, result.output
    h = dossier(voorbeeld, "RGN-2025-006").dossier.laatste_heropstart
    assert h.analyse_met == AnalyseMet.clb and h.analyse_reden == "Tom Vermeulen is met zwangerschapsverlof."
    # in a terminal the reason is asked
    invoer = ["2", "Tom is met verlof."]
    assert run("heropstart", "lena", "--opnieuw", "--ja", input="\n".join(invoer) + "\n").exit_code == 1
    h = dossier(voorbeeld, "RGN-2025-006").dossier.laatste_heropstart
    assert h.analyse_met == AnalyseMet.clb and h.analyse_reden == "Tom is met verlof."


# ---------------------------------------------------------------------------- through CliRunner

ANTWOORDEN_INVOER = [
    "2026-11-20",  # the overleg between school and CLB, not yet recorded
    "",  # analyse met: the proposal
    "ouders, leerkracht",
    "Lena blokkeert bij rekenen.", "",  # leerling factors
    "Nieuwe leerkracht.", "",  # leerkracht factors
    "",  # school factors
    "nee", "Afsprakenkaart niet meer gebruikt.",
    "ja", "", "",  # question 4: within leersteun's task; no other partner; no note
    "ja", "Hoe help ik Lena weer op weg?", "",
    "ja", "",
    "ja", "",
    "deels", "Directie nog te betrekken.",
    "ja", "",
]  # fmt: skip


def test_interactive_checklist_resumes_after_an_interruption(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-006.yaml"
    # the input stops after question 4: the command ends, the answers given are kept
    eerste = "\n".join(ANTWOORDEN_INVOER[:13]) + "\n"
    result = run("heropstart", "lena", input=eerste)
    assert result.exit_code == 1
    assert "Heropstart gestart voor RGN-2025-006" in result.stdout
    d = lees_dossier(pad, Context(vandaag=dt.date(2026, 11, 24))).dossier
    h = d.laatste_heropstart
    assert d.fase == "heropstart" and h.analyse_met == AnalyseMet.ondersteuner
    assert [v.sleutel for v in cl.open_vragen(h.checklist)][0] == "werkbare_leervraag"
    assert h.checklist.factoren.leerkracht == ["Nieuwe leerkracht."]
    assert h.checklist.succesfactoren_toegepast.toelichting == "Afsprakenkaart niet meer gebruikt."
    # the second run resumes at question 5 and finishes
    assert d.overleggen[-1].soort == "school-clb" and d.overleggen[-1].datum == dt.date(2026, 11, 20)
    tweede = "\n".join(ANTWOORDEN_INVOER[12:] + ["", "Korte interventie bij de leerkracht.", "n"]) + "\n"
    result = run("heropstart", "lena", input=tweede)
    assert result.exit_code == 0, result.output
    assert "nog 5 van 9 vragen" in result.stdout
    assert "Vraag 5 van 9" in result.stdout and "Vraag 4 van 9" not in result.stdout
    assert "Een heropstart lijkt zinvol." in result.stdout
    d = lees_dossier(pad, Context(vandaag=dt.date(2026, 11, 24))).dossier
    assert d.laatste_heropstart.uitkomst == Uitkomst.heropstart
    assert d.laatste_heropstart.motivatie == "Korte interventie bij de leerkracht."
    assert not list((voorbeeld / "out").glob("*.eml")) if (voorbeeld / "out").exists() else True
    assert run("valideer").exit_code == 0


def test_success_factors_question_shows_what_the_school_would_keep(voorbeeld: Path, run) -> None:
    result = run("heropstart", "lena", input="2026-11-20\n\nleerkracht\n\n\n\n")  # up to question 3
    plat = " ".join(result.stdout.replace("│", " ").split())
    assert "Vraag 3 van 9" in plat
    assert "Bij het afsluiten op 22-06-2026: de school zou meenemen: Maaltafelkaart en dagelijks" in plat


def test_geen_heropstart_returns_to_afgesloten(voorbeeld: Path, run) -> None:
    invoer = ANTWOORDEN_INVOER[:10] + ["nee", "CGGZ", "CGGZ volgt dit op."] + ANTWOORDEN_INVOER[13:] + ["", "CGGZ neemt het op."]
    result = run("heropstart", "lena", input="\n".join(invoer) + "\n")
    assert result.exit_code == 0, result.output
    assert "Waarschijnlijk geen heropstart." in result.stdout
    assert "Uitkomst [1 heropstart, 2 geen heropstart, leeg = geen heropstart]" in " ".join(result.stdout.split())
    tekst = (voorbeeld / "cases" / "RGN-2025-006.yaml").read_text()
    assert "\nfase: afgesloten\n" in tekst
    assert "notitie: 'Geen heropstart: CGGZ neemt het op.'" in tekst


def test_opnieuw_asks_first(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)
    result = run("heropstart", "lotte", "--opnieuw", input="n\n")
    assert "Er is niets gewijzigd." in result.stdout
    assert digest(pad) == voor
    result = run("heropstart", "lotte", "--opnieuw", "--ja", input="")
    assert result.exit_code == 1  # the checklist starts again and then needs answers
    h = lees_dossier(pad, Context(vandaag=dt.date(2026, 11, 24))).dossier.laatste_heropstart
    assert h.checklist is None and h.uitkomst is None and h.analyse_met is None


# ---------------------------------------------------------------------------- --antwoorden


def test_antwoorden_file(voorbeeld: Path, run) -> None:
    bestand = voorbeeld / "antwoorden.yaml"
    bestand.write_text(
        "analyse_met: clb\nanalyse_reden: Tom Vermeulen is met verlof.\nuitkomst: heropstart\nmotivatie: Aanpak bestaat al.\nchecklist:\n"
        + textwrap.indent(_yaml(VOLLEDIG), "  ")
    )
    result = run("heropstart", "lena", "--antwoorden", str(bestand))
    assert result.exit_code == 1 and "--overleg-school-clb" in result.output  # the overleg comes first
    result = run("heropstart", "lena", "--antwoorden", str(bestand), "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 0, result.output
    d = dossier(voorbeeld, "RGN-2025-006").dossier
    h = d.laatste_heropstart
    assert d.fase == "heropstart" and h.uitkomst == Uitkomst.heropstart and h.analyse_met == AnalyseMet.clb
    assert h.beslist == dt.date(2026, 11, 24)  # the day of the outcome: the Diplon step opens from it
    assert cl.open_vragen(h.checklist) == []
    assert "leersteun mail RGN-2025-006" in result.stdout
    assert run("valideer").exit_code == 0


# ---------------------------------------------------------------------------- question 4 as seed 000 asks it


SEED_000_VRAAG_4 = "Liggen de noden voldoende binnen de opdracht van het ondersteuningsnetwerk of betrekken we beter een andere partner?"


@pytest.mark.parametrize("bestand,seed", [("ja", "nee"), ("deels", "deels"), ("nee", "ja")])
def test_question_4_is_asked_as_seed_000_and_kept_as_the_contract(bestand: str, seed: str) -> None:
    """Seed 000: "Liggen de noden voldoende binnen de opdracht van het ondersteuningsnetwerk of
    betrekken we beter een andere partner? (PBD, CLB, CGGZ…)": 'ja' = within the task. The case
    file keeps the contract's `andere_partner` ('ja' = another partner fits better): the same
    answer turned round. The seed's wording (`binnen_opdracht`, as 85eedc4 wrote it) is read as
    the contract's key and never dumped."""
    vraag = cl.VRAAG["andere_partner"]
    assert "binnen de opdracht" in vraag.vraag and "andere partner" in vraag.vraag and cl.VRAGEN.index(vraag) == 3
    ap = checklist(andere_partner={"antwoord": bestand, "partner": "CLB", "toelichting": "t"}).andere_partner
    assert ap.binnen_opdracht == seed and ap.partners == ["CLB"]
    assert cl.advies(checklist(andere_partner={"antwoord": bestand})).voorstel == (Uitkomst.geen_heropstart if seed == "nee" else Uitkomst.heropstart)
    uit_85eedc4 = dict(VOLLEDIG, binnen_opdracht={"antwoord": seed, "andere_partners": ["CGGZ", "PBD"], "toelichting": "t"})
    del uit_85eedc4["andere_partner"]
    gelezen = Checklist.model_validate(uit_85eedc4)
    assert gelezen.andere_partner.antwoord == bestand and gelezen.andere_partner.andere_partners == ["CGGZ", "PBD"]
    assert gelezen.andere_partner.partner == (None if bestand == "nee" else "CGGZ")  # the first named fits best
    assert "binnen_opdracht" not in gelezen.model_dump() and gelezen.model_dump()["andere_partner"]["antwoord"] == bestand


def test_question_4_twice_is_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="vraag 4 staat er twee keer"):
        Checklist.model_validate({**VOLLEDIG, "binnen_opdracht": {"antwoord": "ja"}})


def test_a_case_prints_the_seed_wording_and_answers_files_use_either(voorbeeld: Path, run) -> None:
    """Seed 000, question 4 and the central question "Zijn er andere partners die tegemoet kunnen
    komen aan de vraag?": Lotte's case (`andere_partner: nee`) prints 'ja' under the seed's
    question on the checklist of the mail; the file is not rewritten. An answers file in the
    seed's wording (`binnen_opdracht`) or the file's (`andere_partner`) writes the contract's key."""
    from leersteun.outputs.mail import checklist_rijen

    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)
    lotte = dossier(voorbeeld, "KLM-2024-017").dossier
    rij = checklist_rijen(lotte.laatste_heropstart.checklist)[3]
    assert rij["vraag"].startswith("Liggen de noden voldoende binnen de opdracht") and rij["antwoord"] == "ja"
    assert rij["extra"][0] == "Zijn er andere partners die tegemoet kunnen komen aan de vraag? geen"
    assert any("Geen andere partner kan tegemoetkomen" in r for r in cl.advies(lotte.laatste_heropstart.checklist).redenen)
    assert run("toon", "lotte").exit_code == 0 and digest(pad) == voor
    for naam, vraag_4 in (
        ("seed.yaml", {"binnen_opdracht": {"antwoord": "nee", "andere_partners": ["CGGZ"]}}),
        ("bestand.yaml", {"andere_partner": {"antwoord": "ja", "partner": "CGGZ", "andere_partners": ["CGGZ"]}}),
    ):
        antwoorden = {k: w for k, w in VOLLEDIG.items() if k != "andere_partner"} | vraag_4
        bestand = voorbeeld / naam
        bestand.write_text(
            "analyse_met: ondersteuner\nuitkomst: geen_heropstart\nmotivatie: CGGZ neemt op.\nchecklist:\n" + textwrap.indent(_yaml(antwoorden), "  ")
        )
        geval = voorbeeld / "cases" / "RGN-2025-006.yaml"
        oorspronkelijk = geval.read_text()
        result = run("heropstart", "lena", "--antwoorden", str(bestand), "--overleg-school-clb", "2026-11-20")
        assert result.exit_code == 0, result.output
        tekst = geval.read_text()
        assert "binnen_opdracht" not in tekst
        assert "      andere_partner:\n        antwoord: ja\n        partner: CGGZ\n        andere_partners: [CGGZ]\n" in tekst, tekst
        h = dossier(voorbeeld, "RGN-2025-006").dossier.heropstarts[-1]
        assert h.checklist.andere_partner.binnen_opdracht == "nee" and rij["vraag"] == checklist_rijen(h.checklist)[3]["vraag"]
        assert checklist_rijen(h.checklist)[3]["antwoord"] == "nee" and "Betrek beter: CGGZ" in checklist_rijen(h.checklist)[3]["extra"]
        assert run("valideer").exit_code == 0
        geval.write_text(oorspronkelijk)


def test_an_open_checklist_written_by_85eedc4_goes_on_with_the_contract_key(voorbeeld: Path) -> None:
    """A case whose open checklist has question 4 as 85eedc4 wrote it (`binnen_opdracht`): read
    as the contract's `andere_partner`, a no-op save leaves it byte for byte; answering question 4
    writes `andere_partner` in its place, never `binnen_opdracht`."""
    pad = voorbeeld / "cases" / "JZF-2025-001.yaml"
    origineel = pad.read_text()
    pad.write_text(origineel.replace("      andere_partner: null\n", "      binnen_opdracht: {antwoord: nee, andere_partners: [CGGZ]}\n"))
    d = dossier(voorbeeld, "JZF-2025-001").dossier
    assert d.laatste_heropstart.checklist.andere_partner.antwoord == "ja" and d.laatste_heropstart.checklist.andere_partner.partner == "CGGZ"
    assert cl.open_vragen(d.laatste_heropstart.checklist)[0].sleutel == "werkbare_leervraag"
    voor = digest(pad)
    _bewaar(voorbeeld, "JZF-2025-001", lambda data, dd: [])
    assert digest(pad) == voor
    pad.write_text(origineel.replace("      andere_partner: null\n", "      binnen_opdracht: null\n"))
    assert cl.open_vragen(dossier(voorbeeld, "JZF-2025-001").dossier.laatste_heropstart.checklist)[0].sleutel == "andere_partner"
    _bewaar(
        voorbeeld, "JZF-2025-001", lambda data, dd: hs.zet_antwoord(data, dd, "andere_partner", {"antwoord": "nee", "partner": None, "andere_partners": []})
    )
    tekst = pad.read_text()
    assert "binnen_opdracht" not in tekst
    assert (
        "        toelichting: Stappenplan wordt niet meer gebruikt.\n      andere_partner:\n        antwoord: nee\n        partner: null\n        andere_partners: []\n      werkbare_leervraag: null\n"
        in tekst
    ), tekst


def _yaml(data) -> str:
    import io

    uit = io.StringIO()
    YAML().dump(data, uit)
    return uit.getvalue()


def test_antwoorden_file_reports_every_problem_with_lines_and_changes_nothing(voorbeeld: Path, run) -> None:
    bestand = voorbeeld / "antwoorden.yaml"
    bestand.write_text(
        textwrap.dedent(
            """\
            analyse_met: school
            checklist:
              vraag_van: [leerkracht]
              factoren: {leerling: [], leerkracht: [], school: []}
              succesfactoren_toegepast: {antwoord: misschien}
              andere_partner: {antwoord: nee}
              doelen_concreet: {antwoord: ja}
              doelen_context: {antwoord: ja}
              gedragen: {antwoord: ja}
              zorgcontinuum_fase_2_3: {antwoord: ja}
            uitkomst: heropstart
            """
        )
    )
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    result = run("heropstart", "lena", "--antwoorden", str(bestand), "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 1
    fouten = [r for r in result.stderr.splitlines() if r.startswith("antwoorden.yaml:")]
    assert [r.split(": ", 1)[0] for r in fouten] == [
        "antwoorden.yaml:1:1",  # motivatie missing (the top)
        "antwoorden.yaml:1:14",  # analyse_met: school
        "antwoorden.yaml:2:1",  # werkbare_leervraag missing in checklist
        "antwoorden.yaml:5:40",  # misschien
    ]
    assert "'motivatie' ontbreekt" in result.stderr and "'werkbare_leervraag' ontbreekt" in result.stderr
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


# ---------------------------------------------------------------------------- toewijzen


def test_toewijzen_same_ondersteuner_light(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "Hanne Verstraeten")
    result = run("toewijzen", "lotte", "Els Maes", "--vorm", "light", "--start", "2026-12-01", "--frequentie", "wekelijks")
    assert result.exit_code == 0, result.output
    assert "toegewezen aan Els Maes (dezelfde ondersteuner als voorheen)" in result.stdout
    assert "interventie light, start 01-12-2026" in result.stdout
    # light: evaluated after 4 weeks (29-12, the kerstvakantie: the first school day after it, seed 000 and the school calendar)
    assert "04-01-2027  Afgesproken evaluatiemoment" in result.stdout
    assert "01-02-2027  Interventie light loopt af (hoogstens 2 maanden)" in result.stdout
    d = dossier(voorbeeld, "KLM-2024-017").dossier
    assert d.fase == "ondersteuning" and d.ondersteuner == "Els Maes"
    t = d.laatste_heropstart.toewijzing
    assert (t.zelfde_als_vorige, t.overdracht_van, t.vorm) == (True, None, "light")
    assert d.lopend_traject.vorm == "light" and d.lopend_traject.start == dt.date(2026, 12, 1)
    assert d.geschiedenis[-1].door == "Hanne Verstraeten"
    assert run("valideer").exit_code == 0
    # a second assignment is refused, with the way to redo it
    voor = digest(voorbeeld / "cases" / "KLM-2024-017.yaml")
    result = run("toewijzen", "lotte", "Tom Vermeulen", "--vorm", "medium")
    assert result.exit_code == 1 and "al toegewezen aan Els Maes (op 24-11-2026)" in result.stderr and "--corrigeer" in result.stderr
    assert digest(voorbeeld / "cases" / "KLM-2024-017.yaml") == voor


def test_toewijzen_nieuw_goes_to_opstart_with_overdracht(voorbeeld: Path, run) -> None:
    result = run("toewijzen", "lotte", "Tom Vermeulen", "--vorm", "nieuw")
    assert result.exit_code == 0, result.output
    assert "overdracht van Els Maes" in result.stdout and "Evaluatie na 4 maanden" in result.stdout
    d = dossier(voorbeeld, "KLM-2024-017").dossier
    assert d.fase == "opstart" and d.laatste_heropstart.toewijzing.overdracht_van == "Els Maes"


def test_toewijzen_refuses_an_open_checklist(voorbeeld: Path, run) -> None:
    voor = digest(voorbeeld / "cases" / "JZF-2025-001.yaml")
    result = run("toewijzen", "louis", "Tom Vermeulen", "--vorm", "light")
    assert result.exit_code == 1 and "checklist is nog open" in result.stderr
    assert digest(voorbeeld / "cases" / "JZF-2025-001.yaml") == voor


# ---------------------------------------------------------------------------- a wrong assignment redone (issue 26)


def _bewaar(voorbeeld: Path, naam: str, bewerking) -> list[str]:
    from leersteun.editing.bewerk import pas_toe

    return pas_toe(dossier(voorbeeld, naam), Context(vandaag=dt.date(2026, 11, 24)), bewerking)


def test_corrigeer_before_the_vorm_redoes_the_assignment_and_its_handover(voorbeeld: Path) -> None:
    from leersteun.editing.trajectory import Wie
    from leersteun.rules.deadlines import open_overdracht

    wie = Wie("Hanne Verstraeten", dt.date(2026, 11, 24))
    _bewaar(voorbeeld, "KLM-2024-017", lambda data, d: hs.toewijzen(data, d, wie, "Pieter Dewulf"))
    laat = Wie("Hanne Verstraeten", dt.date(2026, 11, 26))
    meldingen = _bewaar(voorbeeld, "KLM-2024-017", lambda data, d: hs.corrigeer_toewijzing(data, d, laat, "Els Maes", "Verkeerde naam."))
    assert meldingen[0] == "Dossier KLM-2024-017 is nu toegewezen aan Els Maes (dezelfde ondersteuner als voorheen), in plaats van Pieter Dewulf."
    d = dossier(voorbeeld, "KLM-2024-017").dossier
    t = d.laatste_heropstart.toewijzing
    assert (t.ondersteuner, t.datum, t.zelfde_als_vorige, t.overdracht_van, t.vorm) == ("Els Maes", dt.date(2026, 11, 26), True, None, None)
    assert d.ondersteuner == "Els Maes" and d.fase == "heropstart" and open_overdracht(d) is None  # no handover to herself
    assert d.geschiedenis[-1].notitie == (
        "Toewijzing gecorrigeerd: Els Maes (dezelfde ondersteuner als voorheen) in plaats van Pieter Dewulf. Waarom: Verkeerde naam."
    )
    assert "Pieter Dewulf" not in d.vorige_ondersteuners  # he never was the ondersteuner


def test_corrigeer_with_vorm_chooses_it_and_after_the_vorm_only_who_changes(voorbeeld: Path, run) -> None:
    assert run("toewijzen", "lotte", "Els Maes").exit_code == 0
    result = run("toewijzen", "lotte", "Tom Vermeulen", "--corrigeer", "Els is met verlof.", "--vorm", "medium", "--start", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "nu toegewezen aan Tom Vermeulen (overdracht van Els Maes)" in result.stdout and "Overdracht van Els Maes naar Tom Vermeulen" in result.stdout
    d = dossier(voorbeeld, "KLM-2024-017").dossier
    assert d.fase == "ondersteuning" and d.lopend_traject.vorm == "medium" and d.laatste_heropstart.toewijzing.vorm == "medium"
    assert "Waarom: Els is met verlof." in d.geschiedenis[-1].notitie
    voor = digest(voorbeeld / "cases" / "KLM-2024-017.yaml")
    for opdracht, woorden in (
        (["toewijzen", "lotte", "Els Maes", "--corrigeer", "Terug.", "--vorm", "light"], "de vorm is al gekozen"),
        (["toewijzen", "lotte", "Tom Vermeulen", "--corrigeer", "Nog eens."], "al toegewezen aan Tom Vermeulen"),
        (["toewijzen", "lotte", "Els Maes", "--corrigeer", " "], "Zeg waarom"),
        (["toewijzen", "louis", "Els Maes", "--corrigeer", "x"], "geen toewijzing om te corrigeren"),
    ):
        geweigerd = run(*opdracht)
        assert geweigerd.exit_code == 1 and woorden.lower() in geweigerd.stderr.lower(), geweigerd.output
    assert digest(voorbeeld / "cases" / "KLM-2024-017.yaml") == voor
    result = run("toewijzen", "lotte", "Els Maes", "--corrigeer", "Verlof gaat niet door.")
    assert result.exit_code == 0, result.output
    d = dossier(voorbeeld, "KLM-2024-017").dossier
    assert d.ondersteuner == "Els Maes" and d.lopend_traject.vorm == "medium" and d.fase == "ondersteuning"
    assert run("valideer", "cases/KLM-2024-017.yaml").exit_code == 0


# ---------------------------------------------------------------------------- a real terminal


def test_real_terminal_interrupt_and_resume(voorbeeld: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    if not hasattr(pexpect, "spawn"):
        pytest.skip("pexpect.spawn needs a pseudo-terminal: POSIX only")
    omgeving = {**os.environ, "COLUMNS": "100", "LINES": "50", "TERM": "dumb", "NO_COLOR": "1"}

    def start(vervolg: bool = False):
        import signal

        argumenten = ["-m", "leersteun", "heropstart", "lena"] + ([] if vervolg else ["--overleg-school-clb", "2026-11-20"])
        # A background job of a non-interactive shell (as CI may be) inherits SIGINT as ignored:
        # give the child the default, as a terminal would.
        return pexpect.spawn(
            sys.executable,
            argumenten,
            cwd=str(voorbeeld),
            env=omgeving,
            encoding="utf-8",
            timeout=20,
            dimensions=(50, 100),
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )

    kind = start()
    kind.expect(r"Analyse met \[1 ondersteuner, 2 clb, leeg = ondersteuner\]:")
    kind.sendline("")
    kind.expect("Vraag 1 van 9")
    kind.expect(r"Van wie\? \[een of meer, zoals 1, 3 of leerkracht, ouders\]: ")
    kind.sendline("Ouders")
    kind.expect("Bewaard.")
    kind.expect("Bij de leerling")
    kind.sendline("Trekt zich terug.")
    kind.sendline("")
    kind.expect("Bij de leerkracht")
    kind.sendintr()  # Ctrl-C in the middle of question 2
    kind.expect("Onderbroken")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 130
    h = dossier(voorbeeld, "RGN-2025-006").dossier.laatste_heropstart
    assert h.checklist.vraag_van == ["ouders"] and h.checklist.factoren is None

    kind = start()  # the heropstart has started: --overleg-school-clb is no longer accepted
    kind.expect("geen effect")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 2

    kind = start(vervolg=True)
    kind.expect("nog 8 van 9 vragen")
    kind.expect("Vraag 2 van 9")
    for regel in ["Trekt zich terug.", "", "", ""]:
        kind.sendline(regel)
    for antwoorden in (["nee", ""], ["1", "CGGZ", ""], ["ja", "Hoe?", ""], ["ja", ""], ["ja", ""], ["ja", ""], ["ja", ""]):
        if antwoorden[0] == "1":  # question 4 as seed 000 asks it: 1 ja (within the task), 2 deels, 3 nee
            kind.expect(r"1\. ja\s+de noden horen bij leersteun")
            kind.expect(r"3\. nee\s+betrek beter een andere partner")
            kind.expect(r"Antwoord \[1-3\]: ")
            kind.sendline("1")
            kind.expect("Zijn er andere partners die tegemoet kunnen komen aan de vraag?")
            kind.expect(r"Welke\? \[een of meer, zoals 1 of CGGZ, leeg = geen\]: ")
            antwoorden = antwoorden[1:]
        else:
            kind.expect(r"Antwoord \[1 ja, 2 deels, 3 nee\]: ")
        for a in antwoorden:
            kind.sendline(a)
    kind.expect(r"Uitkomst \[1 heropstart, 2 geen heropstart, leeg = heropstart\]: ")
    kind.sendline("")
    kind.expect("Motivatie")
    kind.sendline("Korte interventie volstaat.")
    kind.expect(r"Nu de mail aan de coördinatie maken\? \[j/n\] \(j\): ")
    kind.sendline("n")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
    h = dossier(voorbeeld, "RGN-2025-006").dossier.laatste_heropstart
    assert h.uitkomst == Uitkomst.heropstart and h.checklist.factoren.leerling == ["Trekt zich terug."]
    # asked as seed 000: '1' (ja, within the task); the file keeps the contract's key, turned round
    assert h.checklist.andere_partner.antwoord == "nee" and h.checklist.andere_partner.andere_partners == ["CGGZ"]
    assert h.checklist.andere_partner.partner is None and "binnen_opdracht" not in (voorbeeld / "cases" / "RGN-2025-006.yaml").read_text()


def test_the_readme_answers_example_works(voorbeeld: Path, run) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    blok = readme.split("```yaml antwoorden.yaml\n", 1)[1].split("```", 1)[0]
    (voorbeeld / "antwoorden.yaml").write_text(blok)
    result = run("heropstart", "lena", "--antwoorden", "antwoorden.yaml", "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert run("valideer").exit_code == 0


# ---------------------------------------------------------------------------- light and medium keep their form (issue 27, point 3)


def test_light_keeps_its_form_or_says_why_not(voorbeeld: Path) -> None:
    """Seed 000: light "Wekelijks of via enkele overlegmomenten; Duurt max. 2 maanden"."""
    from leersteun.editing.trajectory import TrajectAfspraak, Wie
    from leersteun.rules.model import Vorm
    from leersteun.rules.weigering import Geweigerd

    wie = Wie("Hanne Verstraeten", dt.date(2026, 11, 24))
    voor = digest(voorbeeld / "cases" / "KLM-2024-017.yaml")
    maandelijks = TrajectAfspraak(start=dt.date(2026, 12, 1), frequentie="maandelijks", evaluatie_op=[dt.date(2027, 3, 1)])
    with pytest.raises(Geweigerd) as fout:
        _bewaar(voorbeeld, "KLM-2024-017", lambda data, d: hs.toewijzen(data, d, wie, "Els Maes", Vorm.light, maandelijks))
    assert str(fout.value).startswith("Een interventie light is wekelijks of via enkele overlegmomenten, hoogstens 2 maanden")
    assert "de frequentie 'maandelijks' past niet" in str(fout.value) and "(maandelijks)" not in str(fout.value)  # said once
    assert "na het einde (01-03-2027; uiterlijk 01-02-2027)" in str(fout.value)
    assert "--toch" in str(fout.value) and digest(voorbeeld / "cases" / "KLM-2024-017.yaml") == voor
    maandelijks.toch = "De leerkracht vraagt enkel een maandelijks overleg."
    _bewaar(voorbeeld, "KLM-2024-017", lambda data, d: hs.toewijzen(data, d, wie, "Els Maes", Vorm.light, maandelijks))
    assert dossier(voorbeeld, "KLM-2024-017").dossier.geschiedenis[-1].notitie.endswith(": De leerkracht vraagt enkel een maandelijks overleg.")


def test_medium_does_not_go_on_past_three_months(voorbeeld: Path) -> None:
    """Seed 000: medium "(Twee)wekelijks; Duurt max. 3 maanden" (Arthur: from 14-09-2026)."""
    from leersteun.editing.trajectory import Wie, evaluatie
    from leersteun.rules.model import Beslissing
    from leersteun.rules.weigering import Geweigerd

    wie = Wie("Pieter Dewulf", dt.date(2026, 11, 24))
    with pytest.raises(Geweigerd, match=r"een evaluatiemoment na het einde \(11-01-2027; uiterlijk 14-12-2026\)"):
        _bewaar(voorbeeld, "RGN-2025-002", lambda data, d: evaluatie(data, d, wie, Beslissing.verderzetten, volgende=[dt.date(2027, 1, 11)]))
    with pytest.raises(Geweigerd, match="de frequentie 'maandelijks' past niet bij een interventie medium"):
        _bewaar(voorbeeld, "RGN-2025-002", lambda data, d: evaluatie(data, d, wie, Beslissing.verderzetten, frequentie="maandelijks"))
    laat = Wie("Pieter Dewulf", dt.date(2026, 12, 15))
    with pytest.raises(Geweigerd, match="verderzetten op 15-12-2026, na het einde"):
        _bewaar(voorbeeld, "RGN-2025-002", lambda data, d: evaluatie(data, d, laat, Beslissing.verderzetten))


def test_a_light_that_runs_into_the_summer_says_so_at_its_start(voorbeeld: Path) -> None:
    """Issue 27 point 11: light from 17-05-2027 would end at most on 17-07-2027."""
    from leersteun.editing.trajectory import TrajectAfspraak, Wie
    from leersteun.rules.model import Vorm

    wie = Wie("Hanne Verstraeten", dt.date(2026, 11, 24))
    meldingen = _bewaar(
        voorbeeld, "KLM-2024-017", lambda data, d: hs.toewijzen(data, d, wie, "Els Maes", Vorm.light, TrajectAfspraak(start=dt.date(2027, 5, 17)))
    )
    assert "Let op: deze interventie light loopt tot in de zomervakantie (die begint op 01-07-2027; hoogstens 2 maanden brengt ze tot 17-07-2027)." in " ".join(
        meldingen
    )


def test_a_future_overleg_date_is_asked_again_with_the_reason(voorbeeld: Path, run) -> None:
    """Issue 29: 'morgen' ended the command ('ligt na de heropstart'); it is asked again, as
    '31-02-2027' is, and so is a day before the closing."""
    result = run("heropstart", "lena", input="morgen\n01-01-2020\n20-11-2026\n")  # the input then ends in the checklist
    plat = " ".join(result.stdout.split())
    assert "25-11-2026 ligt in de toekomst: het overleg moet al plaatsgevonden hebben. Geef een datum tot en met 24-11-2026." in plat
    assert "01-01-2020 ligt vóór het afsluiten" in plat
    assert "Heropstart gestart voor RGN-2025-006" in plat and "ligt na de heropstart" not in result.output
    assert dossier(voorbeeld, "RGN-2025-006").dossier.fase == "heropstart"


# ---------------------------------------------------------------------------- after stopt_met_school (issue 27, point 5)


def test_a_script_starts_the_heropstart_and_names_the_next_step(map_, run, monkeypatch) -> None:
    """Issue 29: a script without --antwoorden starts the heropstart (exit 0) and says how the
    checklist goes on, instead of writing the start and then failing at question 1; without the
    overleg it names --overleg-school-clb before anything is written."""
    from tests.editing.test_trajectory import AFGESLOTEN

    script(monkeypatch)
    pad = map_.case(AFGESLOTEN.replace("REDEN", "stopt_met_school"))
    voor = digest(pad)
    result = run("heropstart", "lotte", "--zelfde-school")
    assert result.exit_code == 1 and "--overleg-school-clb DATUM" in result.stderr and digest(pad) == voor
    assert "Wanneer vond het plaats" not in result.output and "geen terminal" not in result.output
    result = run("heropstart", "lotte", "--zelfde-school", "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "Heropstart gestart voor T-001" in result.stdout and "Vraag 1" not in result.stdout
    plat = " ".join(result.stdout.split())
    assert "De checklist is nog niet begonnen" in plat and "'leersteun heropstart T-001' in een terminal" in plat
    assert "--antwoorden BESTAND" in plat
    assert lees_dossier(pad, Context(vandaag=dt.date(2026, 11, 24))).dossier.fase == "heropstart"
    result = run("heropstart", "lotte", "--opnieuw")
    assert result.exit_code == 2 and "--ja" in result.stderr


def test_a_pupil_back_at_the_same_school_after_stopping_restarts(map_, run) -> None:
    """Seed 003: "Dit betekent dat de leersteun op inactief staat. Deze kan steeds opnieuw
    geactiveerd worden, indien nodig"; only a new school (or level) needs a new aanmelding
    ("Deze aanmelding moet opnieuw gebeuren bij een inschrijving in een nieuwe school")."""
    from tests.editing.test_trajectory import AFGESLOTEN

    pad = map_.case(AFGESLOTEN.replace("REDEN", "stopt_met_school"))
    voor = digest(pad)
    result = run("fase", "lotte", "heropstart", "--overleg-school-clb", "2026-11-20")
    assert result.exit_code == 1 and "--zelfde-school" in result.stderr and "nieuw --vanuit T-001" in result.stderr
    toon = " ".join(run("toon", "lotte").stdout.split())
    assert "stopte met school" in toon and "--zelfde-school" in toon
    # in a terminal the question is asked; 'no' (a new school) refuses, and nothing changes
    result = run("heropstart", "lotte", "--overleg-school-clb", "2026-11-20", input="n\n")
    assert digest(pad) == voor
    result = run("heropstart", "lotte", "--overleg-school-clb", "2026-11-20", "--zelfde-school", input="")
    assert "Heropstart gestart voor T-001" in result.stdout, result.output
    d = lees_dossier(pad, Context(vandaag=dt.date(2026, 11, 24))).dossier
    assert d.fase == "heropstart" and d.geschiedenis[-1].notitie.endswith("De leerling komt terug naar dezelfde school.")


def test_zelfde_school_belongs_to_a_pupil_who_stopped(voorbeeld: Path, run) -> None:
    result = run("heropstart", "lena", "--overleg-school-clb", "2026-11-20", "--zelfde-school")
    assert result.exit_code == 2 and "--zelfde-school" in result.stderr


def test_diplon_heropenen_opens_when_the_heropstart_is_decided(voorbeeld: Path, run) -> None:
    """Seed 003: "Bij een heropstart … De school heropent het dossier in Diplon": once the
    checklist decided on a heropstart, not while it is still open."""
    from leersteun.rules.diplon import open_stappen
    from leersteun.rules.model import DiplonStap
    from leersteun.rules.stand import zoals_op

    louis = dossier(voorbeeld, "JZF-2025-001").dossier  # checklist still open
    assert louis.laatste_heropstart.uitkomst is None
    assert DiplonStap.heropend not in [s.stap for s in open_stappen(louis, dt.date(2026, 11, 24))]
    geweigerd = run("diplon", "louis", "heropend")
    assert geweigerd.exit_code == 1 and "zodra de checklist beslist tot een heropstart" in geweigerd.stderr
    besloten = louis.model_copy(deep=True)
    h = besloten.laatste_heropstart
    h.checklist = checklist()
    h.uitkomst, h.beslist = Uitkomst.heropstart, dt.date(2026, 11, 23)
    stap = next(s for s in open_stappen(besloten, dt.date(2026, 11, 24)) if s.stap == DiplonStap.heropend)
    assert stap.sinds == dt.date(2026, 11, 23) and stap.wie == "school"
    # the overview of the week before shows the checklist as it stood then: open, no step
    toen = zoals_op(besloten, dt.date(2026, 11, 22))
    assert toen.laatste_heropstart.uitkomst is None
    assert DiplonStap.heropend not in [s.stap for s in open_stappen(toen, dt.date(2026, 11, 22))]


@pytest.mark.parametrize("naam,reden", [("lena", "staat niet in fase heropstart"), ("louis", "de checklist is nog open")])
def test_toewijzen_without_a_name_refuses_first_as_with_a_name(voorbeeld: Path, run, monkeypatch, naam: str, reden: str) -> None:
    """Issue 29: without a name a proposal was made (and asked) for a case that cannot be assigned."""
    for terminal in (True, False):
        monkeypatch.setattr("leersteun.cli.heropstart._terminal", lambda terminal=terminal: terminal)
        zonder, met = run("toewijzen", naam, input="\n"), run("toewijzen", naam, "Els Maes")
        assert zonder.exit_code == met.exit_code == 1 and reden in zonder.stderr and zonder.stderr == met.stderr
        assert "voorstel" not in zonder.output.lower()
    result = run("toewijzen", "lotte", "--corrigeer", "reden")
    assert result.exit_code == 1 and "geen toewijzing om te corrigeren" in result.stderr and "voorstel" not in result.output.lower()


def test_toewijzen_proposes_the_ondersteuner_the_pupil_knows(voorbeeld: Path, run, monkeypatch) -> None:
    """Seed 000, step 3: "In eerste instantie wordt geprobeerd om de leerling te matchen met de
    ondersteuner die hij/zij reeds kent. Als dit niet mogelijk is, wordt er gezorgd voor een
    overdracht"."""
    from leersteun.cli import heropstart as cli

    lotte = dossier(voorbeeld, "KLM-2024-017").dossier
    assert hs.voorstel_toewijzing(lotte, {"Els Maes", "Pieter Dewulf"}) == "Els Maes"
    assert hs.voorstel_toewijzing(lotte, {"Pieter Dewulf"}) is None  # she left the team
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)
    script(monkeypatch)
    result = run("toewijzen", "lotte")  # a script: the proposal is said, nothing changes
    assert result.exit_code == 2 and "het voorstel is Els Maes, die Lotte al kent" in result.stderr and digest(pad) == voor
    result = run("toewijzen", "lotte", "Pieter Dewulf")
    assert result.exit_code == 0 and "Het voorstel was Els Maes, die Lotte al kent" in result.stdout
    monkeypatch.setattr(cli, "_terminal", lambda: True)
    result = run("toewijzen", "lotte", "--corrigeer", "Els heeft toch uren.", input="\n")
    assert result.exit_code == 0, result.output
    assert "Voorstel: Els Maes, die Lotte al kent" in result.stdout
    assert dossier(voorbeeld, "KLM-2024-017").dossier.laatste_heropstart.toewijzing.ondersteuner == "Els Maes"
