"""Across school years: the class rollover, transitions that follow the procedure, the Verslag
and its typology, the 60-day decision, and the Diplon steps."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.editing import schooljaar as sj
from leersteun.reading.dossiers import lees_dossier
from leersteun.rules.checks import Context
from leersteun.rules.model import schooljaar_van
from tests.conftest import DOSSIER, Map, digest


@pytest.fixture(autouse=True)
def breed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "200")  # no wrapped table cells in these tests


def dossier(map_pad: Path, case_id: str):
    return lees_dossier(map_pad / "cases" / f"{case_id}.yaml", Context(vandaag=dt.date(2026, 11, 24))).dossier


def test_school_year_of_a_date() -> None:
    assert schooljaar_van(dt.date(2026, 8, 31)) == "2025-2026"
    assert schooljaar_van(dt.date(2026, 9, 1)) == "2026-2027"
    assert sj.lees_schooljaar("2027-28") == "2027-2028"
    with pytest.raises(Fout, match="is geen schooljaar"):
        sj.lees_schooljaar("2027-2029")


KLASLIJSTEN = Path(__file__).parent / "klaslijsten"


@pytest.mark.parametrize(
    "tekst",
    [
        "id;klas\nKLM-2024-017;6B\nKLM-2025-003;4A\n",
        "KLM-2024-017;6B\r\nKLM-2025-003;4A\r\n",
        "\ufeffid,klas\nKLM-2024-017,6B\nKLM-2025-003,4A\n",
        "dossier;klas\n\nKLM-2024-017 ; 6B\nKLM-2025-003;4A;extra\n",
    ],
)
def test_the_older_class_files_of_id_and_class_still_work(tekst: str) -> None:
    from leersteun.reading import klaslijst

    lijst = klaslijst.ontleed(tekst.lstrip("\ufeff"), "k.csv")
    assert {(r.id, r.klas) for r in lijst.rijen} == {("KLM-2024-017", "6B"), ("KLM-2025-003", "4A")}


def test_rollover_with_a_class_file_changes_only_klas_lines_and_records_each(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-08-30")
    (voorbeeld / "klassen.csv").write_text("id;klas\nKLM-2025-003;4A\nRGN-2025-002;6B\n", encoding="utf-8")
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    oud = pad.read_text()
    ander = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir() if p.name not in ("KLM-2025-003.yaml", "RGN-2025-002.yaml")}
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", "--ja")
    assert result.exit_code == 0, result.output
    plat = " ".join(result.stdout.split())
    assert "Nieuwe klas voor 2027-2028 (1): KLM-2025-003 Noah Wouters 3A → 4A (klassen.csv:2)" in plat
    assert "Klas bevestigd voor 2027-2028 (1): RGN-2025-002 Arthur Goossens 6B (klassen.csv:3)" in plat
    assert "Bewaard: 2 dossiers, alles in één keer." in plat
    verschil = [
        r for r in difflib.unified_diff(oud.splitlines(), pad.read_text().splitlines(), lineterm="", n=0) if r[:1] in "+-" and r[:3] not in ("+++", "---")
    ]
    assert verschil == [
        "-  klas: 3A", "-  klas_schooljaar: 2026-2027", "+  klas: 4A", "+  klas_schooljaar: 2027-2028",
        "+  - datum: 2027-08-30", "+    fase: ondersteuning", "+    door: An Janssens", "+    notitie: Klas 3A → 4A, schooljaar 2027-2028.",
    ]  # fmt: skip
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir() if p.name in ander} == ander
    # what the new year asks
    assert "RGN-2025-002 Arthur Goossens: Verlaat het lager" in plat  # 6th grade
    assert "JZF-2025-004 Finn Aerts: Gaat naar het lager" in plat  # K3
    assert "Zonder evaluatiegesprek op het einde van 2026-2027:" in plat
    assert "Nog zonder klas voor 2027-2028:" in plat and "JZF-2026-001 Nora Van den Broeck (nu K2 De Egeltjes)" in plat
    assert run("valideer").exit_code == 0


def test_rollover_refuses_unknown_ids_and_changes_nothing(voorbeeld: Path, run) -> None:
    (voorbeeld / "klassen.csv").write_text("KLM-2025-003;4A\nXYZ-1;1A\n", encoding="utf-8")
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    result = run("schooljaar", "2026-2027", "--klassen", "klassen.csv", "--ja")
    assert result.exit_code == 1 and "klassen.csv:2: er is geen dossier met id 'XYZ-1'" in result.stderr
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


def test_rollover_asks_one_by_one(map_: Map, run) -> None:
    map_.case(DOSSIER)
    result = run("schooljaar", "2026-2027", "--ja", input="14-03-2015\nPeeters\n6B\n")
    assert result.exit_code == 0, result.output
    assert "Klas van Lotte Peeters (T-001) in 2026-2027 (nu 5B" in result.stdout
    assert "'14-03-2015' is geen klas: dat is een datum" in result.stdout
    assert "'Peeters' is geen klas: dat is de naam van de leerling" in result.stdout
    assert dossier(map_.pad, "T-001").leerling.klas == "6B"


def test_mail_in_a_new_school_year_warns_about_the_class(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-09-15")
    result = run("mail", "lotte")
    assert result.exit_code == 0, result.output
    assert "De klas van KLM-2024-017 (5B) is het laatst bevestigd in 2026-2027" in result.stderr
    assert "--klas" in result.stderr
    result = run("mail", "lotte", "--klas", "6B")
    assert result.exit_code == 0, result.output
    assert "Let op: De klas" not in result.stderr and "klas 5B → 6B, schooljaar 2027-2028" in result.stdout
    assert "Let op: Joris Van Aken staat in het dossier (en in de mail) als klasleerkracht, misschien nog die van 5B" in " ".join(result.stderr.split())
    eml = sorted((voorbeeld / "out").glob("*.eml"))[-1].read_bytes().decode()
    assert "Klas:                 6B" in eml


def test_checklist_offers_to_update_the_class(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-09-15")
    monkeypatch.setattr("leersteun.cli.heropstart._terminal", lambda: True)  # a script asks nothing
    result = run("heropstart", "louis", input="5A\n")  # then the input ends in the checklist
    assert "nog niet" in result.stderr or "bevestigd" in result.stderr
    assert dossier(voorbeeld, "JZF-2025-001").leerling.klas == "5A"


# ---------------------------------------------------------------------------- transitions


@pytest.mark.parametrize(
    "reden,woord",
    [("andere_school", "veranderde van school"), ("overgang_secundair", "secundair"), ("andere_typologie", "typologie")],  # stopt_met_school: test_heropstart
)
def test_closing_reasons_that_block_a_heropstart(map_: Map, run, reden: str, woord: str) -> None:
    from .test_trajectory import AFGESLOTEN

    pad = map_.case(AFGESLOTEN.replace("REDEN", reden))
    voor = digest(pad)
    for opdracht in (["fase", "lotte", "heropstart", "--overleg-school-clb", "2026-11-20"], ["heropstart", "lotte", "--overleg-school-clb", "2026-11-20"]):
        result = run(*opdracht)
        assert result.exit_code == 1, result.output
        assert "kan niet heropgestart worden" in result.stderr and woord in result.stderr and "nieuw --vanuit T-001" in result.stderr
    assert digest(pad) == voor
    toon = " ".join(run("toon", "lotte").stdout.split())
    assert "kan niet heropgestart worden" in toon and "kan een heropstart" not in toon


def test_nieuw_never_makes_a_second_case_for_the_same_pupil(voorbeeld: Path, run) -> None:
    opties = [
        "nieuw", "--voornaam", "Ella", "--naam", "Van Dyck", "--klas", "2B", "--niveau", "lager", "--school", "Basisschool De Klimop",
        "--verslag", "IAC", "--verslagdatum", "2026-09-25", "--niet-in-diplon",
    ]  # fmt: skip
    voor = {p.name for p in (voorbeeld / "cases").iterdir()}
    result = run(*opties)
    assert result.exit_code == 1 and "KLM-2026-002" in result.stderr and "--toch" in result.stderr
    assert {p.name for p in (voorbeeld / "cases").iterdir()} == voor
    result = run(*opties, "--toch", "Tweelingzus met dezelfde naam.")
    assert result.exit_code == 0, result.output
    nieuw = dossier(voorbeeld, "KLM-2026-003")
    assert "Tweelingzus" in nieuw.geschiedenis[0].notitie


def test_nieuw_vanuit_makes_a_linked_case(voorbeeld: Path, run) -> None:
    result = run(
        "nieuw", "--vanuit", "lucas", "--school", "Sint-Victorinstituut", "--gemeente", "Turnhout", "--klas", "1A",
        "--niveau", "secundair", "--verslag", "GC", "--verslagdatum", "2026-10-10", "--typologie", "basisaanbod", "--diplon",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    nieuw = dossier(voorbeeld, "VCT-2026-001")
    oud = dossier(voorbeeld, "KLM-2023-012")
    assert nieuw.vorig_dossier == "KLM-2023-012" and oud.volgend_dossier == "VCT-2026-001"
    assert (nieuw.leerling.voornaam, nieuw.leerling.naam, nieuw.leerling.geboortedatum) == ("Lucas", "Hermans", oud.leerling.geboortedatum)
    assert nieuw.school.naam == "Sint-Victorinstituut" and nieuw.doelen == [] and nieuw.trajecten == [] and nieuw.fase == "aanmelding"
    assert run("valideer").exit_code == 0
    assert "volgend dossier" in run("toon", "KLM-2023-012").stdout and "vorig dossier" in run("toon", "VCT-2026-001").stdout
    # a running case cannot be the start of another
    assert (
        run(
            "nieuw", "--vanuit", "noah", "--school", "X", "--klas", "1", "--niveau", "lager", "--verslag", "GC", "--verslagdatum", "2026-10-10", "--diplon"
        ).exit_code
        == 1
    )


def test_unsupported_typology_is_refused_in_nieuw_and_in_verslag(voorbeeld: Path, run) -> None:
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    result = run(
        "nieuw", "--voornaam", "Kobe", "--naam", "Smits", "--klas", "3A", "--niveau", "lager", "--school", "Basisschool De Klimop",
        "--verslag", "GC", "--verslagdatum", "2026-10-10", "--typologie", "type 4", "--diplon",
    )  # fmt: skip
    assert result.exit_code == 1 and "Specifiek Leersteuncentrum Limburg" in result.stderr
    result = run("verslag", "noah", "--soort", "GC", "--datum", "2026-11-20", "--typologie", "type 7")
    assert result.exit_code == 1 and "andere_typologie" in result.stderr and "Specifiek Leersteuncentrum Limburg" in result.stderr
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


def test_a_changed_verslag_keeps_the_previous_one_and_starts_the_60_days(voorbeeld: Path, run) -> None:
    result = run("verslag", "noah", "--soort", "IAC", "--datum", "2026-11-20", "--typologie", "type 2", "--ontbindende-voorwaarde", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "uiterlijk 22-01-2027" in result.stdout
    d = dossier(voorbeeld, "KLM-2025-003")
    assert d.verslag.soort == "IAC" and d.verslag.typologie == "type 2"
    assert [(v.soort.value, v.datum) for v in d.vorige_verslagen] == [("GC", dt.date(2025, 5, 20))]
    assert "Nieuw Verslag: IAC (type 2)" in d.geschiedenis[-1].notitie
    beslissing = lambda: [r for r in run("agenda", "--weken", "10").stdout.splitlines() if "Noah Wouters" in r and "Beslissing van de school" in r]  # noqa: E731
    assert beslissing()
    result = run("verslag", "noah", "--beslist", "2026-11-24", "--notitie", "Volgt het gemeenschappelijk curriculum.")
    assert result.exit_code == 0, result.output
    assert dossier(voorbeeld, "KLM-2025-003").verslag.ontbindende_voorwaarde_beslist == dt.date(2026, 11, 24)
    assert not beslissing()
    assert run("verslag", "noah", "--beslist", "2026-11-24").exit_code == 1  # once
    assert run("valideer").exit_code == 0


# ---------------------------------------------------------------------------- Diplon


def test_diplon_steps_open_and_leave_the_list_when_done(voorbeeld: Path, run) -> None:
    overzicht = json.loads(run("overzicht", "--formaat", "json").stdout)
    open_ = {(r["id"], r["stap"]) for r in overzicht["diplon"]}
    assert ("RGN-2024-005", "CirCQel invullen in Diplon") in open_
    # Louis's checklist is still open: the school reopens in Diplon once a heropstart is decided (test_heropstart)
    assert ("JZF-2025-001", "het dossier heropenen in Diplon") not in open_
    wacht = {h["id"]: h["dagen"] for h in overzicht["wacht_op_verslag"]}
    assert wacht == {"KLM-2026-002": 33, "JZF-2026-001": 12}
    assert "leersteun diplon RGN-2024-005 circqel" in run("toon", "olivia").stdout
    # a step that is not open is refused with the open ones
    geweigerd = run("diplon", "olivia", "afsluiting")
    assert geweigerd.exit_code == 1 and "circqel" in geweigerd.stderr
    for stap in ("circqel", "inzage"):
        assert run("diplon", "olivia", stap).exit_code == 0
    assert run("diplon", "louis", "heropend", "--datum", "2026-11-20").exit_code == 1
    overzicht = json.loads(run("overzicht", "--formaat", "json").stdout)
    open_ = {(r["id"], r["stap"]) for r in overzicht["diplon"]}
    assert not [x for x in open_ if x[0] in ("RGN-2024-005", "JZF-2025-001")]
    assert "Open stappen in Diplon" not in run("toon", "olivia").stdout
    assert run("valideer").exit_code == 0


def test_an_evaluation_opens_its_diplon_step(map_: Map, run) -> None:
    from tests.conftest import DOSSIER as D

    map_.case(
        D.replace(
            "    door: Els Maes\nevaluaties",
            "    door: Els Maes\ndiplon:\n  - stap: circqel\n    datum: 2024-10-20\n  - stap: inzage\n    datum: 2024-10-21\nevaluaties",
        )
    )
    assert "Open stappen in Diplon" not in run("toon", "lotte").stdout
    assert run("evaluatie", "lotte", "--beslissing", "verderzetten").exit_code == 0
    assert "de evaluatie van 24-11-2026 in de CirCQel zetten" in run("toon", "lotte").stdout
    assert run("diplon", "lotte", "evaluatie").exit_code == 0
    assert "Open stappen in Diplon" not in run("toon", "lotte").stdout


def test_overview_lists_transitions_from_may(voorbeeld: Path, run, monkeypatch) -> None:
    assert (
        "overgangen" not in json.loads(run("overzicht", "--formaat", "json").stdout)
        or json.loads(run("overzicht", "--formaat", "json").stdout)["overgangen"] is None
    )
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-05-10")
    overzicht = json.loads(run("overzicht", "--formaat", "json").stdout)
    assert {(r["id"], r["overgang"]) for r in overzicht["overgangen"]} == {("RGN-2025-002", "lager → secundair"), ("JZF-2025-004", "kleuter → lager")}
    assert "Overgangen naar het volgende schooljaar" in run("overzicht", "--formaat", "md").stdout
