"""The people and meetings around a case, the evaluation after four months, the heropstart in
the order of seed 000, and no option that is accepted and then ignored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from leersteun.reading.dossiers import lees_dossier
from leersteun.rules.checks import Context
from tests.conftest import DOSSIER, Map, digest


def dossier(map_pad: Path, case_id: str):
    return lees_dossier(map_pad / "cases" / f"{case_id}.yaml", Context(vandaag=dt.date(2026, 11, 24))).dossier


# ---------------------------------------------------------------------------- from aanmelding to afsluiten


SCHOLEN = """\
scholen:
  - naam: Basisschool De Klimop
    gemeente: Geel
    ankerpersoon: An Janssens
    betrokkenen:
      - rol: zorgcoordinator
        naam: Griet Smets
        contact: zorg@klimop.example.be
      - rol: clb
        naam: Karen Claes
"""


def test_a_case_from_aanmelding_to_afsluiten_with_its_people_and_meetings(map_: Map, run, monkeypatch) -> None:
    tekst = (map_.pad / "leersteun.yaml").read_text()
    (map_.pad / "leersteun.yaml").write_text(tekst[: tekst.index("scholen:")] + SCHOLEN)  # the school with its contacts
    nieuw = run(
        "nieuw", "--voornaam", "Mats", "--naam", "Claes", "--klas", "2B", "--niveau", "lager",
        "--school", "Basisschool De Klimop", "--verslag", "GC", "--verslagdatum", "2026-09-25", "--diplon",
        "--typologie", "basisaanbod", "--leervraag", "Hoe help ik Mats zijn beurt afwachten?",
        "--vraag-van", "leerkracht", "--vraag-van", "ouders", "--al-geprobeerd", "Beurtkaartje op de bank",
        "--notitie", "Aanmelding via Diplon.",
    )  # fmt: skip
    assert nieuw.exit_code == 0, nieuw.output
    assert "Overgenomen van de school: Griet Smets (zorgcoördinator), Karen Claes (CLB-medewerker)" in nieuw.stdout
    pad = map_.pad / "cases" / "KLM-2026-001.yaml"
    d = dossier(map_.pad, "KLM-2026-001")
    assert d.clb_medewerker == "Karen Claes" and d.school.gemeente == "Geel" and d.ankerpersoon == "An Janssens"
    assert d.leervraag.vraag == "Hoe help ik Mats zijn beurt afwachten?" and d.leervraag.van == ["leerkracht", "ouders"]
    assert d.leerling.klas_schooljaar == "2026-2027" and d.verslag.typologie == "basisaanbod"

    stappen = [
        ["betrokkene", "mats", "--rol", "klasleerkracht", "--naam", "Joris Van Aken", "--contact", "joris@klimop.example.be"],
        ["betrokkene", "mats", "--rol", "ouders", "--naam", "Eva Claes", "--contact", "0470 12 34 56", "--notitie", "mama"],
        ["fase", "mats", "opstart"],
        ["overleg", "mats", "--soort", "opstartgesprek", "--met", "klasleerkracht,zorgcoordinator,ouders,ondersteuner", "--notitie", "Afspraken gemaakt."],
        ["doel", "mats", "--domein", "socio-emotioneel", "--omschrijving", "Mats wacht zijn beurt af.",
         "--specifiek", "Mats wacht 4 op 5 keer zijn beurt af in de kring.", "--meetbaar", "De klasleerkracht turft elke dag.",
         "--start", "2026-11-24", "--einde", "2027-02-26"],
        ["fase", "mats", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 lesuur per week", "--ondersteuner", "Els Maes",
         "--evaluatie-op", "2027-01-25", "--duur", "tot de paasvakantie"],
        ["overleg", "mats", "--soort", "evaluatiegesprek", "--met", "klasleerkracht,ouders", "--volgende", "2027-01-25"],
    ]  # fmt: skip
    for opdracht in stappen:
        result = run(*opdracht)
        assert result.exit_code == 0, (opdracht, result.output)
    d = dossier(map_.pad, "KLM-2026-001")
    assert [(b.rol.value, b.naam) for b in d.betrokkenen] == [
        ("zorgcoordinator", "Griet Smets"), ("clb", "Karen Claes"), ("klasleerkracht", "Joris Van Aken"), ("ouders", "Eva Claes"),
    ]  # fmt: skip
    assert [o.soort.value for o in d.overleggen] == ["opstartgesprek", "evaluatiegesprek"]
    assert d.overleggen[0].met == ["klasleerkracht", "zorgcoordinator", "ouders", "ondersteuner"]
    assert d.fase == "ondersteuning"

    # an update of a person's contact, and a removal, change only their lines
    assert run("betrokkene", "mats", "--rol", "ouders", "--naam", "eva claes", "--contact", "eva@example.org").exit_code == 0
    assert dossier(map_.pad, "KLM-2026-001").betrokkene("ouders")[0].contact == "eva@example.org"
    assert run("betrokkene", "mats", "--rol", "clb", "--naam", "Karen Claes", "--weg").exit_code == 0
    assert not dossier(map_.pad, "KLM-2026-001").betrokkene("clb")

    toon = run("toon", "mats")
    plat = " ".join(toon.stdout.replace("│", " ").split())
    for stuk in (
        "Betrokkenen",
        "Joris Van Aken",
        "eva@example.org",
        "Hulp- of leervraag",
        "Beurtkaartje op de bank",
        "opstartgesprek",
        "Gepland: evaluatiegesprek",
    ):
        assert stuk in plat, stuk

    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-03-30")
    sluit = run("evaluatie", "mats", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", "--concreet", "ja", "--context", "ja",
                "--gedragen", "ja", "--fase-2-3", "ja", "--wat-neemt-school-mee", "Beurtkaartje.", "--kansen", "Ook in de turnles.",
                "--met", "klasleerkracht,ouders,clb")  # fmt: skip
    assert sluit.exit_code == 0, sluit.output
    assert "kan heropgestart worden" in sluit.stdout
    assert dossier(map_.pad, "KLM-2026-001").fase == "afgesloten"
    assert run("valideer").exit_code == 0, run("valideer").output
    assert pad.read_text().count("\n  - datum:") >= 6


def test_anoniem_never_shows_the_people_around_a_case(voorbeeld: Path, run) -> None:
    from leersteun.files.store import lees

    namen = set()
    for pad in (voorbeeld / "cases").glob("*.yaml"):
        for b in lees(pad).data.get("betrokkenen") or []:
            namen.add(str(b["naam"]))
            if b.get("contact"):
                namen.add(str(b["contact"]))
    assert len(namen) > 10
    uitvoer = ""
    for formaat in ("md", "csv", "json", "html"):
        uitvoer += run("overzicht", "--anoniem", "--formaat", formaat).stdout
    uitvoer += run("lijst", "--anoniem", "--json").stdout + run("agenda", "--anoniem", "--weken", "60").stdout
    for naam in namen:
        assert naam not in uitvoer, naam


def test_the_mail_and_checklist_name_the_teacher_and_the_zorgcoordinator(voorbeeld: Path, run) -> None:
    import email

    from leersteun.outputs import mail
    from leersteun.reading.dossiers import instellingen
    from leersteun.reading.folder import Dossiermap

    map_ = Dossiermap(voorbeeld)
    d = dossier(voorbeeld, "RGN-2025-002")
    bericht = mail.maak_bericht(d, instellingen(map_), dt.date(2026, 11, 24), voorbeeld)
    import email.policy

    tekst = email.message_from_bytes(mail.als_bytes(bericht), policy=email.policy.default).get_body(("plain",)).get_content()
    assert "Klasleerkracht:       Stijn Peetermans" in tekst
    assert "Zorgcoördinator:      Nathalie Vos" in tekst


# ---------------------------------------------------------------------------- the rules use the meetings


OPSTART = (
    DOSSIER.replace("fase: ondersteuning\n", "fase: opstart\n", 1)
    .replace("    fase: ondersteuning", "    fase: opstart")
    .replace("trajecten:\n  - vorm: regulier\n    start: 2024-10-15\n    frequentie: wekelijks\n    intensiteit: 1 lesuur per week\n    evaluatie_op: [2025-01-20]\n", "trajecten: []\n")
    .replace("doelen: []", "doelen:\n  - id: D1\n    domein: cognitief\n    omschrijving: Lotte start zelfstandig.")
)  # fmt: skip


def test_ondersteuning_needs_an_opstartgesprek_and_a_leervraag(map_: Map, run) -> None:
    pad = map_.case(OPSTART)
    voor = digest(pad)
    result = run("fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur")
    assert result.exit_code == 1
    assert "een opstartgesprek (--opstartgesprek" in result.stderr and "hulp- of leervraag" in result.stderr
    assert digest(pad) == voor
    assert run("overleg", "lotte", "--soort", "opstartgesprek", "--datum", "2026-11-20").exit_code == 0
    result = run("fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur")
    assert result.exit_code == 1 and "een opstartgesprek (" not in result.stderr and "leervraag" in result.stderr
    result = run(
        "fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur", "--leervraag", "Hoe start Lotte zelf?", "--duur", "3 maanden"
    )
    assert result.exit_code == 0, result.output


def test_a_planned_meeting_is_in_the_agenda_until_it_happens(map_: Map, run, monkeypatch) -> None:
    map_.case(DOSSIER)
    assert run("overleg", "lotte", "--soort", "observatie", "--datum", "2026-11-20", "--volgende", "2026-12-04").exit_code == 0
    assert "Gepland: observatie" in run("agenda").stdout
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-12-04")
    assert run("overleg", "lotte", "--soort", "observatie").exit_code == 0
    assert "Gepland: observatie" not in run("agenda").stdout


def test_overleg_refuses_a_role_it_does_not_know_and_a_next_date_before_it(map_: Map, run) -> None:
    pad = map_.case(DOSSIER)
    voor = digest(pad)
    result = run("overleg", "lotte", "--soort", "andere", "--met", "juf")
    assert result.exit_code == 2 and "'juf' is geen rol" in result.stderr
    result = run("overleg", "lotte", "--soort", "andere", "--datum", "2026-11-20", "--volgende", "2026-11-19")
    assert result.exit_code == 1 and "na dit overleg" in result.stderr
    assert digest(pad) == voor


def test_betrokkene_checks_the_contact(map_: Map, run) -> None:
    pad = map_.case(DOSSIER)
    voor = digest(pad)
    result = run("betrokkene", "lotte", "--rol", "ouders", "--naam", "Katrien", "--contact", "bel maar")
    assert result.exit_code == 2 and "geen e-mailadres of telefoonnummer" in result.stderr
    result = run("betrokkene", "lotte", "--rol", "ouders", "--naam", "Katrien", "--weg")
    assert result.exit_code == 1 and "geen ouders 'Katrien'" in result.stderr
    assert digest(pad) == voor


# ---------------------------------------------------------------------------- four months


def test_four_months_overdue_in_agenda_until_the_four_answers(map_: Map, run) -> None:
    map_.case(DOSSIER)  # regulier since 2024-10-15: the evaluation after four months is long overdue
    agenda = run("agenda")
    assert "17-02-2025 │ verlopen │ Lotte Peeters" in agenda.stdout and "Evaluatie na 4" in agenda.stdout  # Saturday 15-02: Monday
    half = run("evaluatie", "lotte", "--beslissing", "verderzetten", "--concreet", "ja", "--gedragen", "deels")
    assert half.exit_code == 1 and "--context" in half.stderr and "--fase-2-3" in half.stderr
    gewoon = run("evaluatie", "lotte", "--beslissing", "verderzetten")
    assert gewoon.exit_code == 0
    assert "Evaluatie na 4" in run("agenda").stdout  # an evaluation without the answers does not count
    vier = run(
        "evaluatie", "lotte", "--beslissing", "verderzetten", "--concreet", "ja", "--context", "deels", "--gedragen", "nee",
        "--fase-2-3", "ja", "--toelichting", "De directie is nog niet betrokken.",
    )  # fmt: skip
    assert vier.exit_code == 0, vier.output
    assert "Aandachtspunt: de ondersteuning is niet gedragen" in vier.stdout
    assert "Evaluatie na 4" not in run("agenda").stdout
    e = dossier(map_.pad, "T-001").evaluaties[-1]
    assert e.vier_vragen.volledig and e.vier_vragen.gedragen.antwoord == "nee" and e.vier_vragen.toelichting.startswith("De directie")
    overzicht = json.loads(run("overzicht", "--formaat", "json").stdout)
    assert overzicht["aandachtspunten"] == [
        {"id": "T-001", "leerling": "Lotte Peeters", "school": "Basisschool De Klimop", "evaluatie": "2026-11-24",
         "wat": "niet gedragen door alle schoolse partners", "ondersteuner": "Els Maes"}
    ]  # fmt: skip


def test_evaluatie_asks_the_four_questions_when_they_are_due(map_: Map, run) -> None:
    map_.case(DOSSIER)
    invoer = ["ja", "", "ja", "", "nee", "Niemand van de directie.", "ja", "", "", "verderzetten", ""]  # "" after the four: no CLB invited (knipperlicht)
    result = run("evaluatie", "lotte", input="\n".join(invoer) + "\n")
    assert result.exit_code == 0, result.output
    assert "De vier vragen na vier maanden" in result.stdout
    e = dossier(map_.pad, "T-001").evaluaties[-1]
    assert e.vier_vragen.gedragen.toelichting == "Niemand van de directie."


# ---------------------------------------------------------------------------- heropstart in the order of seed 000


def test_assignment_first_then_the_ondersteuner_chooses_light(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "200")
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    # Lotte's checklist is decided; coordination assigns someone new (not Els Maes)
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "Hanne Verstraeten")
    result = run("toewijzen", "lotte", "Pieter Dewulf")
    assert result.exit_code == 0, result.output
    assert "overdracht van Els Maes" in result.stdout and "kiest dan de vorm" in result.stdout
    d = dossier(voorbeeld, "KLM-2024-017")
    assert d.fase == "heropstart" and d.ondersteuner == "Pieter Dewulf" and d.laatste_heropstart.toewijzing.vorm is None
    assert run("valideer").exit_code == 0
    overzicht = json.loads(run("overzicht", "--formaat", "json").stdout)
    vraag = next(h for h in overzicht["heropstartvragen"] if h["id"] == "KLM-2024-017")
    assert vraag["stand"] == "toegewezen aan Pieter Dewulf, vorm nog te kiezen (zonder vraag aan de coördinatie)" and vraag["dagen"] == 0
    assert "Overdracht van Els Maes naar Pieter Dewulf" in run("agenda").stdout.replace("│", "")
    toon = " ".join(run("toon", "lotte").stdout.split())
    assert "vorm nog te kiezen" in toon and "overdracht van Els Maes: nog te doen" in toon

    # the assigned ondersteuner chooses; regulier or no vorm is refused, the file stays as it is
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "Pieter Dewulf")
    voor = digest(pad)
    for fout in (["fase", "lotte", "ondersteuning"], ["fase", "lotte", "ondersteuning", "--vorm", "nieuw"], ["fase", "lotte", "opstart", "--vorm", "light"]):
        geweigerd = run(*fout)
        assert geweigerd.exit_code == 1, fout
    assert digest(pad) == voor
    result = run("fase", "lotte", "ondersteuning", "--vorm", "light", "--start", "2026-12-01", "--frequentie", "wekelijks")
    assert result.exit_code == 0, result.output
    assert "Evaluatie na enkele weken uitproberen: 04-01-2027" in result.stdout  # 29-12-2026: kerstvakantie
    d = dossier(voorbeeld, "KLM-2024-017")
    assert d.fase == "ondersteuning" and d.lopend_traject.vorm == "light" and d.lopend_traject.evaluatie_op == [dt.date(2027, 1, 4)]
    assert d.laatste_heropstart.toewijzing.vorm == "light"
    assert run("valideer").exit_code == 0
    # the handover shows until it is recorded
    assert run("overleg", "lotte", "--soort", "overdracht", "--met", "ondersteuner,vorige_ondersteuner").exit_code == 0
    assert "Overdracht van Els Maes" not in run("agenda").stdout.replace("│", "")
    assert "overdracht van Els Maes: gedaan" in " ".join(run("toon", "lotte").stdout.split())


def test_toewijzen_without_vorm_refuses_traject_options(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)
    result = run("toewijzen", "lotte", "Els Maes", "--frequentie", "wekelijks")
    assert result.exit_code == 2 and "--frequentie" in result.stderr and "geen effect" in result.stderr
    assert digest(pad) == voor


def test_nieuw_traject_after_heropstart_needs_goals_of_its_own(voorbeeld: Path, run) -> None:
    assert run("toewijzen", "lotte", "Tom Vermeulen").exit_code == 0
    result = run("fase", "lotte", "opstart", "--vorm", "nieuw", "--start", "2026-11-24")
    assert result.exit_code == 0, result.output
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)
    result = run("fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur", "--opstartgesprek", "2026-11-24")
    assert result.exit_code == 1
    assert "de doelen van vroeger horen bij de vorige ondersteuning" in result.stderr
    assert "een opstartgesprek (" not in result.stderr
    assert digest(pad) == voor
    fiche = run("fiche", "lotte", "--formaat", "md")
    assert fiche.exit_code == 1 and "--alle" in fiche.stderr
    assert run("fiche", "lotte", "--formaat", "md", "--alle").exit_code == 0
    assert run("doel", "lotte", "--domein", "cognitief", "--omschrijving", "Lotte plant haar schrijftaak.", "--start", "2026-11-24").exit_code == 0
    result = run(
        "fase", "lotte", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur", "--opstartgesprek", "2026-11-24", "--duur", "3 maanden"
    )
    assert result.exit_code == 0, result.output
    md = voorbeeld / "out" / "KLM-2024-017-doelfiche.md"
    assert run("fiche", "lotte", "--formaat", "md").exit_code == 0
    tekst = md.read_text()
    assert "Lotte plant haar schrijftaak." in tekst and "Lotte start zelfstandig aan een schrijfopdracht." not in tekst


# ---------------------------------------------------------------------------- no silent no-op


@pytest.mark.parametrize(
    "opdracht,woord",
    [
        (["doel", "arthur", "--doel", "D1", "--behouden", "Planning."], "--bereikt"),
        (["doel", "arthur", "--bereikt", "ja"], "--doel"),
        (["doel", "arthur", "--doel", "D1", "--wie", "klasleerkracht"], "--maatregel"),
        (["doel", "arthur", "--doel", "D1", "--evalueer", "--bereikt", "ja", "--omschrijving", "x"], "--omschrijving"),
        (["doel", "arthur", "--doel", "D1", "--omschrijving", "Arthur plant.", "--datum", "2026-11-20"], "--datum"),
        (["fase", "noah", "afgesloten", "--reden", "andere", "--frequentie", "wekelijks"], "--frequentie"),
        (["fase", "ella", "opstart", "--verslag-zichtbaar", "--reden", "andere"], "--reden"),
        (["fase", "ella", "opstart", "--verslag-zichtbaar", "--leervraag", "x"], "--leervraag"),
        (["evaluatie", "noah", "--beslissing", "afsluiten", "--reden", "andere", "--volgende", "2027-01-01"], "verderzetten"),
        (["overgang", "noah", "andere-school", "--klas", "4A"], "--klas"),
        (["mail", "lotte", "--ja"], "--verstuur"),
        (["heropstart", "lotte", "--ja"], "--opnieuw"),
        (["heropstart", "lotte", "--overleg-school-clb", "2026-10-01"], "al gestart"),
        (["archief", "--ja"], "--verwijder"),
        (["agenda", "--buiten-out"], "--ics"),
        (["betrokkene", "lotte", "--rol", "ouders", "--naam", "Katrien Hendrix", "--weg", "--contact", "x@y.be"], "--contact"),
        (["verslag", "ella", "--beslist", "2026-11-20", "--typologie", "type 2"], "--typologie"),
        (["nieuw", "--voornaam", "A", "--naam", "B", "--klas", "1A", "--niveau", "lager", "--school", "klimop", "--verslag", "GC",
          "--verslagdatum", "2026-01-01", "--diplon", "--vraag-van", "ouders"], "--leervraag"),
        (["fiche", "arthur", "--doel", "D1", "--alle"], "--alle"),
    ],
)  # fmt: skip
def test_no_option_is_accepted_and_then_ignored(voorbeeld: Path, run, opdracht: list[str], woord: str) -> None:
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    result = run(*opdracht)
    assert result.exit_code in (1, 2), (opdracht, result.output)
    assert woord in result.stderr, (opdracht, result.stderr)
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


def test_bereikt_with_doel_is_an_evaluation_even_without_evalueer(voorbeeld: Path, run) -> None:
    result = run("doel", "arthur", "--doel", "D1", "--bereikt", "ja", "--behouden", "Weekplanning.")
    assert result.exit_code == 0, result.output
    assert "Evaluatie van D1 bewaard." in result.stdout
    d = dossier(voorbeeld, "RGN-2025-002")
    assert d.doelen[0].evaluaties[-1].bereikt == "ja" and d.doelen[0].evaluaties[-1].behouden == "Weekplanning."
