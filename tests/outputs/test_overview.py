"""The weekly overview: each section, the formats, anonymity, and the cache."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from leersteun.outputs.overview import richtcapaciteit, week_van
from tests.conftest import ROOT, Map

D = dt.date
INSTELLINGEN = """\
netwerk: Leersteuncentrum Test
coordinatie:
  email: coordinatie@example.org
team:
  - naam: Els Maes
    rol: ondersteuner
  - naam: Tom Vermeulen
    rol: ondersteuner
capaciteit:
  trajecten_totaal: 10
  scholen:
    - naam: School A
      leerlingen: 300
      verslagen_gemiddeld: 3
    - naam: School B
      leerlingen: 100
      verslagen_gemiddeld: 1
"""

BASIS = {
    "leerling": {"voornaam": "Voornaam", "naam": "Achternaam", "klas": "3A", "niveau": "lager"},
    "school": {"naam": "School A"},
    "verslag": {"soort": "GC", "datum": D(2026, 1, 10), "zichtbaar_in_diplon": True},
    "fase": "ondersteuning",
    "ondersteuner": "Els Maes",
    "trajecten": [{"vorm": "regulier", "start": D(2026, 9, 1), "frequentie": "wekelijks", "intensiteit": "1 uur", "evaluatie_op": []}],
    "geschiedenis": [{"datum": D(2026, 9, 1), "fase": "ondersteuning", "door": "Els Maes"}],
}


def geval(map_: Map, case_id: str, voornaam: str, naam: str, **wijzig) -> None:
    data = copy.deepcopy(BASIS)
    data["leerling"] |= {"voornaam": voornaam, "naam": naam}
    for sleutel, waarde in wijzig.items():
        data[sleutel] = waarde
    uit = io.StringIO()
    YAML().dump({"id": case_id, **data}, uit)
    map_.case(uit.getvalue(), case_id)


def gesloten(**extra):
    return {
        "fase": "afgesloten",
        "ondersteuner": None,
        "vorige_ondersteuners": ["Els Maes"],
        "trajecten": [{"vorm": "regulier", "start": D(2025, 9, 1), "einde": D(2026, 2, 1)}],
        "evaluaties": [{"datum": D(2026, 2, 1), "beslissing": "afsluiten", "reden": "doelen_bereikt"}],
        "geschiedenis": [{"datum": D(2026, 2, 1), "fase": "afgesloten", "door": "Els Maes"}],
        **extra,
    }


def heropstart(gestart: D, **velden):
    return gesloten(
        fase="heropstart",
        geschiedenis=[
            {"datum": D(2026, 2, 1), "fase": "afgesloten", "door": "Els Maes"},
            {"datum": gestart, "fase": "heropstart", "door": "An Janssens"},
        ],
        heropstarts=[{"gestart": gestart, **velden}],
    )


VOL = {
    "vraag_van": ["leerkracht"],
    "factoren": {"leerling": [], "leerkracht": [], "school": []},
    **{
        k: {"antwoord": "ja"}
        for k in (
            "succesfactoren_toegepast",
            "binnen_opdracht",
            "werkbare_leervraag",
            "doelen_concreet",
            "doelen_context",
            "gedragen",
            "zorgcontinuum_fase_2_3",
        )
    },
}


@pytest.fixture
def netwerk(map_: Map) -> Map:
    (map_.pad / "leersteun.yaml").write_text(INSTELLINGEN)
    # week 2026-W48 runs from Monday 23 to Sunday 29 November
    geval(
        map_, "A-1", "Amber", "Aerts",
        trajecten=[{"vorm": "regulier", "start": D(2026, 9, 1), "frequentie": "w", "intensiteit": "1 uur",
                    "evaluatie_op": [D(2026, 11, 20), D(2026, 11, 23), D(2026, 11, 27), D(2026, 11, 30)]}],
        geschiedenis=[
            {"datum": D(2026, 9, 1), "fase": "ondersteuning", "door": "Els Maes"},
            {"datum": D(2026, 11, 22), "fase": "ondersteuning", "door": "Els Maes", "notitie": "Zondag ervoor."},
            {"datum": D(2026, 11, 23), "fase": "ondersteuning", "door": "Els Maes", "notitie": "Amber Aerts was ziek."},
            {"datum": D(2026, 11, 29), "fase": "ondersteuning", "door": "Els Maes", "notitie": "Zondag."},
            {"datum": D(2026, 11, 30), "fase": "ondersteuning", "door": "Els Maes", "notitie": "Maandag erna."},
        ],
    )  # fmt: skip
    geval(map_, "A-2", "Bram", "Bosmans", ondersteuner=None, trajecten=[{"vorm": "light", "start": D(2026, 10, 26)}])
    geval(map_, "B-1", "Cato", "Claes", school={"naam": "School B"}, ondersteuner="Tom Vermeulen",
          trajecten=[{"vorm": "medium", "start": D(2026, 9, 14)}])  # fmt: skip
    geval(map_, "C-1", "Daan", "De Wit", school={"naam": "School C zonder capaciteit"}, trajecten=[{"vorm": "nieuw", "start": D(2026, 11, 2)}], fase="opstart",
          geschiedenis=[{"datum": D(2026, 11, 2), "fase": "opstart", "door": "Els Maes"}])  # fmt: skip
    geval(map_, "H-1", "Eva", "Engels", **heropstart(D(2026, 11, 20)))
    geval(map_, "H-2", "Fien", "Fransen", **heropstart(D(2026, 11, 1), checklist=VOL, uitkomst="heropstart", motivatie="m"))
    geval(map_, "H-3", "Gust", "Goris", **heropstart(D(2026, 10, 20), checklist=VOL, uitkomst="heropstart", motivatie="m",
          mail={"aangemaakt": D(2026, 10, 22), "bestand": "out/x.eml"}))  # fmt: skip
    geval(map_, "H-4", "Hanna", "Hermans", **heropstart(D(2026, 10, 1), checklist=VOL, uitkomst="heropstart", motivatie="m",
          mail={"aangemaakt": D(2026, 10, 2), "bestand": "out/y.eml", "verstuurd": D(2026, 10, 4)}))  # fmt: skip
    geval(map_, "Z-1", "Ilse", "Ivens", **gesloten())
    return map_


NAMEN = ["Amber Aerts", "Bram Bosmans", "Cato Claes", "Daan De Wit", "Eva Engels", "Fien Fransen", "Gust Goris", "Hanna Hermans", "Ilse Ivens"]


def overzicht(run, *args: str) -> dict:
    result = run("overzicht", "--week", "2026-W48", "--formaat", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_samenvatting(netwerk: Map, run) -> None:
    o = overzicht(run)
    assert o["samenvatting"]["per_fase"] == {"aanmelding": 0, "opstart": 1, "ondersteuning": 3, "afgesloten": 1, "heropstart": 4}
    assert o["samenvatting"]["per_vorm"] == {"regulier": 1, "light": 1, "medium": 1, "nieuw": 1}
    assert (o["van"], o["tot"]) == ("2026-11-23", "2026-11-29")


def test_heropstartvragen_with_days_waiting(netwerk: Map, run) -> None:
    o = overzicht(run)
    assert [(h["id"], h["stand"], h["sinds"], h["dagen"]) for h in o["heropstartvragen"]] == [
        ("H-4", "wacht op toewijzing", "2026-10-04", 51),
        ("H-3", "mail niet verstuurd", "2026-10-22", 33),
        ("H-2", "mail niet gemaakt", "2026-11-01", 23),
        ("H-1", "checklist open", "2026-11-20", 4),
    ]


def test_deadlines_respect_the_week_boundaries(netwerk: Map, run) -> None:
    o = overzicht(run)
    week = [(d["id"], d["datum"]) for d in o["deadlines"]["week"]]
    assert ("A-1", "2026-11-23") in week and ("A-1", "2026-11-27") in week
    assert ("A-1", "2026-11-30") not in week and ("A-1", "2026-11-20") not in week
    assert ("A-1", "2026-11-20") in [(d["id"], d["datum"]) for d in o["deadlines"]["verlopen"]]
    # the week after: Monday 30 is in it, Friday 27 is passed
    volgende = json.loads(run("overzicht", "--week", "2026-W49", "--formaat", "json").stdout)
    assert ("A-1", "2026-11-30") in [(d["id"], d["datum"]) for d in volgende["deadlines"]["week"]]
    assert ("A-1", "2026-11-27") in [(d["id"], d["datum"]) for d in volgende["deadlines"]["verlopen"]]


def test_caseload_includes_cases_without_ondersteuner(netwerk: Map, run) -> None:
    o = overzicht(run)
    assert o["caseload"] == [
        {"ondersteuner": "Els Maes", "regulier": 1, "light": 0, "medium": 0, "nieuw": 1, "totaal": 2},
        {"ondersteuner": "Tom Vermeulen", "regulier": 0, "light": 0, "medium": 1, "nieuw": 0, "totaal": 1},
        {"ondersteuner": "(geen ondersteuner)", "regulier": 0, "light": 1, "medium": 0, "nieuw": 0, "totaal": 1},
    ]


def test_capaciteit_and_a_school_without_data(netwerk: Map, run) -> None:
    o = overzicht(run)["capaciteit"]
    assert o["trajecten_totaal"] == 10
    rijen = {s["school"]: s for s in o["scholen"]}
    # 70 % by pupils (300:100) + 30 % by verslagen (3:1) = 75 % and 25 % of 10
    assert (rijen["School A"]["richtcapaciteit"], rijen["School A"]["lopend"], rijen["School A"]["verschil"]) == (7.5, 2, -5.5)
    assert (rijen["School B"]["richtcapaciteit"], rijen["School B"]["lopend"]) == (2.5, 1)
    c = rijen["School C zonder capaciteit"]
    assert (c["richtcapaciteit"], c["lopend"], c["verschil"], c["leerlingen"]) == (None, 1, None, None)
    # 0.7 * 412/642 + 0.3 * 6.5/8.5 = 0.679 of 120
    assert richtcapaciteit(120, {"a": 412, "b": 230}, {"a": 6.5, "b": 2.0}) == {"a": 81.4, "b": 38.6}


def test_wijzigingen_in_the_week(netwerk: Map, run) -> None:
    o = overzicht(run)
    assert [(w["id"], w["datum"], w["notitie"]) for w in o["wijzigingen"]] == [
        ("A-1", "2026-11-23", "Amber Aerts was ziek."),
        ("A-1", "2026-11-29", "Zondag."),
    ]


def test_csv_rows_and_json_dossiers_agree(netwerk: Map, run) -> None:
    result = run("overzicht", "--week", "2026-W48", "--formaat", "csv")
    assert result.stdout_bytes.startswith("\ufeff".encode()) and b"\r\n" in result.stdout_bytes  # as Excel in Flanders opens it
    rijen = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter=";"))
    assert list(rijen[0]) == ["id", "leerling", "school", "klas", "fase", "vorm", "ondersteuner", "start", "uiterlijk_einde", "volgende_evaluatie"]
    assert [r["id"] for r in rijen] == ["A-1", "A-2", "B-1", "C-1", "H-1", "H-2", "H-3", "H-4"]  # not the closed Z-1
    a2 = next(r for r in rijen if r["id"] == "A-2")
    assert a2 == {
        "id": "A-2", "leerling": "Bram Bosmans", "school": "School A", "klas": "3A", "fase": "ondersteuning", "vorm": "light",
        "ondersteuner": "", "start": "2026-10-26", "uiterlijk_einde": "2027-01-04", "volgende_evaluatie": "2027-06-30" if False else "",
    }  # fmt: skip  # uiterlijk_einde: Saturday 26-12-2026 (kerstvakantie) on a school day, as in the agenda
    assert next(r for r in rijen if r["id"] == "A-1")["volgende_evaluatie"] == "2026-11-20"
    dossiers = overzicht(run)["dossiers"]
    assert [{k: ("" if v is None else str(v)) for k, v in d.items()} for d in dossiers] == rijen


@pytest.mark.parametrize("formaat", ["csv", "md"])
def test_deterministic_output(netwerk: Map, run, formaat: str) -> None:
    eerste = run("overzicht", "--week", "2026-W48", "--formaat", formaat).stdout_bytes
    tweede = run("overzicht", "--week", "2026-W48", "--formaat", formaat).stdout_bytes  # now from the cache
    assert eerste == tweede and eerste


def test_md_snapshot(netwerk: Map, run, snapshot) -> None:
    snapshot("overzicht_w48.md", run("overzicht", "--week", "2026-W48", "--formaat", "md").stdout)


@pytest.mark.parametrize("formaat", ["tabel", "md", "csv", "html", "json", "xlsx"])
def test_anoniem_holds_no_full_name(netwerk: Map, run, formaat: str) -> None:
    uitvoer = netwerk.pad / "out" / f"anoniem.{formaat}"
    result = run("overzicht", "--week", "2026-W48", "--formaat", formaat, "--anoniem", "--uit", str(uitvoer))
    assert result.exit_code == 0, result.output
    if formaat == "xlsx":
        tekst = " ".join(zipfile.ZipFile(uitvoer).read(n).decode() for n in zipfile.ZipFile(uitvoer).namelist())
    else:
        tekst = uitvoer.read_text()
    for naam in NAMEN:
        assert naam not in tekst, naam
        assert not re.search(rf"\b{naam.split()[0]}\b", tekst), naam  # not even the first name (a notitie mentioned Amber)
    assert "A.A." in tekst or "A.A. (A-1)" in tekst


def test_html_is_one_page_and_xlsx_has_a_sheet_per_section(netwerk: Map, run) -> None:
    html = run("overzicht", "--week", "2026-W48", "--formaat", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "http" not in html.split("<body>")[0].replace('lang="nl"', "")
    for titel in (
        "Dossiers per fase",
        "Heropstartvragen",
        "Deadlines in week 2026-W48",
        "Caseload per ondersteuner",
        "Capaciteit per school",
        "Wijzigingen in week 2026-W48",
    ):
        assert titel in html
    result = run("overzicht", "--week", "2026-W48", "--formaat", "xlsx")
    assert result.exit_code == 0
    from openpyxl import load_workbook

    boek = load_workbook(netwerk.pad / "out" / "overzicht-2026-W48.xlsx")
    assert boek.sheetnames == [
        "Per fase", "Per vorm", "Heropstartvragen", "Deadlines in de week", "Verlopen deadlines", "Caseload", "Capaciteit",
        "Aandachtspunten", "Diplon", "Wacht op Verslag", "Wijzigingen", "Dossiers",
    ]  # fmt: skip
    assert [c.value for c in boek["Dossiers"][1]][:3] == ["id", "leerling", "school"]


def test_no_progress_bar_in_redirected_output(netwerk: Map, run) -> None:
    result = run("overzicht", "--week", "2026-W48", "--formaat", "csv")
    assert result.stderr == ""


def test_bad_week_is_a_usage_error(netwerk: Map, run) -> None:
    result = run("overzicht", "--week", "2026-W54")
    assert result.exit_code == 2 and "2026-W48" in result.stderr


def test_an_invalid_case_is_named_and_not_counted(netwerk: Map, run) -> None:
    netwerk.case("id: X-1\nfase: ondersteuning\n", "X-1")
    result = run("overzicht", "--week", "2026-W48", "--formaat", "json")
    assert result.exit_code == 1
    assert "X-1.yaml" in result.stderr
    assert json.loads(result.stdout)["ongeldig"] == ["X-1.yaml"]


def test_example_folder_overview(voorbeeld: Path, run, snapshot) -> None:
    result = run("overzicht")
    assert result.exit_code == 0, result.output
    snapshot("overzicht_voorbeeld.txt", result.stdout)


# ---------------------------------------------------------------------------- one read path, no hidden copy


def ids(run) -> dict[str, str]:
    return {r["id"]: r["klas"] for r in csv.DictReader(io.StringIO(run("overzicht", "--formaat", "csv", "--komma").stdout))}


def test_every_change_is_seen_at_once(netwerk: Map, run) -> None:
    assert ids(run)["A-2"] == "3A"
    pad = netwerk.pad / "cases" / "A-2.yaml"
    # a change of the same size, with the old modification time put back
    stat = pad.stat()
    pad.write_text(pad.read_text().replace("klas: 3A", "klas: 3B"))
    os.utime(pad, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ids(run)["A-2"] == "3B"
    # added, removed, renamed
    geval(netwerk, "N-1", "Nieuw", "Geval")
    assert "N-1" in ids(run)
    (netwerk.pad / "cases" / "N-1.yaml").unlink()
    assert "N-1" not in ids(run)
    tekst = (netwerk.pad / "cases" / "B-1.yaml").read_text().replace("id: B-1", "id: B-9")
    (netwerk.pad / "cases" / "B-1.yaml").rename(netwerk.pad / "cases" / "B-9.yaml")
    (netwerk.pad / "cases" / "B-9.yaml").write_text(tekst)
    assert "B-9" in ids(run) and "B-1" not in ids(run)


def test_reading_leaves_no_copy_and_removes_an_old_cache(netwerk: Map, run) -> None:
    oud = netwerk.pad / ".leersteun-cache"
    oud.mkdir()
    (oud / "dossiers.sqlite").write_bytes(b"leerlingen van vroeger")
    voor = netwerk.hashes()
    del voor[".leersteun-cache/dossiers.sqlite"]
    for opdracht in (["lijst"], ["agenda"], ["valideer"], ["overzicht", "--formaat", "csv"]):
        assert run(*opdracht).exit_code in (0, 1)
    assert not oud.exists()  # the pickled cache of older versions held pupils' data: gone
    assert netwerk.hashes() == voor  # nothing else was written


def test_week_parsing() -> None:
    assert str(week_van("2026-w5", D(2026, 1, 1))) == "2026-W05"
    assert str(week_van(None, D(2027, 1, 1))) == "2026-W53"


def test_overview_in_the_wheel_sense() -> None:
    assert (ROOT / "benchmarks" / "overzicht.py").is_file()


@pytest.mark.parametrize("opdracht", [["lijst"], ["lijst", "--json"], ["agenda", "--weken", "52"], ["agenda", "--weken", "52", "--ics", "out/a.ics"]])
def test_anoniem_for_lijst_and_agenda(netwerk: Map, run, opdracht: list[str]) -> None:
    result = run(*opdracht, "--anoniem")
    assert result.exit_code == 0, result.output
    tekst = result.stdout + ((netwerk.pad / "out" / "a.ics").read_text() if "--ics" in opdracht else "")
    for naam in NAMEN:
        assert naam not in tekst and not re.search(rf"\b{naam.split()[0]}\b", tekst), naam


def test_csv_for_excel_and_for_other_programs(netwerk: Map, run) -> None:
    excel = run("overzicht", "--week", "2026-W48", "--formaat", "csv").stdout_bytes
    komma = run("overzicht", "--week", "2026-W48", "--formaat", "csv", "--komma").stdout_bytes
    assert excel.startswith(b"\xef\xbb\xbfid;leerling;school;") and not komma.startswith(b"\xef\xbb\xbf")
    assert komma.startswith(b"id,leerling,school,")
    via_excel = list(csv.reader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    via_komma = list(csv.reader(io.StringIO(komma.decode("utf-8"))))
    assert via_excel == via_komma and len(via_excel) > 2
    assert run("overzicht", "--formaat", "md", "--komma").exit_code == 2


FORMULES = ['=HYPERLINK("http://x","klik")', "+32 14 12", "-2+3", "@SUM(A1)"]  # a tab or CR is refused in a class anyway


@pytest.mark.parametrize("formule", FORMULES)
def test_no_formula_injection_in_csv_or_xlsx(netwerk: Map, run, formule: str) -> None:
    from openpyxl import load_workbook

    pad = netwerk.pad / "cases" / "A-2.yaml"
    pad.write_text(pad.read_text().replace("klas: 3A", "klas: " + json.dumps(formule)))
    rijen = list(csv.reader(io.StringIO(run("overzicht", "--formaat", "csv").stdout.removeprefix("\ufeff")), delimiter=";"))
    klas = next(r for r in rijen if r[0] == "A-2")[3]
    assert klas == "'" + formule  # neutralised: a spreadsheet shows it as text
    assert run("overzicht", "--formaat", "xlsx", "--week", "2026-W48").exit_code == 0
    boek = load_workbook(netwerk.pad / "out" / "overzicht-2026-W48.xlsx")
    blad = boek["Dossiers"]
    cel = next(r[3] for r in blad.iter_rows(min_row=2) if r[0].value == "A-2")
    assert cel.value == formule and cel.data_type == "s"
    # numbers and dates stay numbers and dates
    per_fase = boek["Per fase"]
    assert isinstance(per_fase["B2"].value, int)
    start = next(r[7] for r in blad.iter_rows(min_row=2) if r[0].value == "A-2")
    assert start.is_date


def test_xlsx_prints_well(netwerk: Map, run) -> None:
    from openpyxl import load_workbook

    assert run("overzicht", "--formaat", "xlsx", "--week", "2026-W48").exit_code == 0
    boek = load_workbook(netwerk.pad / "out" / "overzicht-2026-W48.xlsx")
    for blad in boek:
        assert blad.freeze_panes == "A2" and blad.print_title_rows in ("1:1", "$1:$1")
        assert blad.page_setup.orientation == "landscape" and blad.page_setup.fitToWidth == 1
        assert blad.sheet_properties.pageSetUpPr.fitToPage
    assert boek["Dossiers"].auto_filter.ref.startswith("A1:J")


def test_xlsx_wraps_a_long_text_instead_of_cutting_it_in_print(voorbeeld: Path, run) -> None:
    from openpyxl import load_workbook

    from leersteun.outputs.formats import BREEDSTE

    assert run("overzicht", "--formaat", "xlsx").exit_code == 0
    blad = load_workbook(voorbeeld / "out" / "overzicht-2026-W48.xlsx")["Deadlines in de week"]
    lang = [c for rij in blad.iter_rows(min_row=2) for c in rij if isinstance(c.value, str) and len(c.value) > BREEDSTE]
    assert lang and all(c.alignment.wrap_text for c in lang)
    assert all(blad.column_dimensions[k].width <= BREEDSTE + 2 for k in "ABCDEF")
    datum = blad["A2"]
    assert datum.is_date and datum.number_format == "dd-mm-yyyy"


def test_overview_never_contradicts_itself_and_keeps_the_order_of_a_day(voorbeeld: Path, run) -> None:
    assert run("evaluatie", "noah", "--beslissing", "verderzetten").exit_code == 0
    from tests.conftest import SLUIT  # closing asks what the school takes along, with whom

    assert run("evaluatie", "noah", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", *SLUIT).exit_code == 0
    md = run("overzicht", "--formaat", "md").stdout
    wijzigingen = [r for r in md.split("## Wijzigingen in week 2026-W48", 1)[1].splitlines() if "KLM-2025-003" in r]
    assert "ondersteuning" in wijzigingen[0] and "afgesloten" in wijzigingen[1]  # as it happened, not alphabetical
    # rows marked 'verlopen' in the week's section never stand above a section that says there are none
    assert "Verlopen deadlines van vóór week 2026-W48" in md
    assert "Geen verlopen deadlines." not in md


def test_terminal_overview_of_a_long_section_shows_a_summary_and_the_most_urgent(map_: Map, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "120")
    for i in range(14):  # 14 restart questions waiting, the oldest the most urgent
        geval(map_, f"H-{i:02d}", f"Kind{i:02d}", "Test", **heropstart(D(2026, 10, 1) + dt.timedelta(days=i)))
    kort = run("overzicht").stdout
    assert "14 in totaal; per school: School A 14. De 10 dringendste:" in kort
    assert "Kind00" in kort and "Kind09" in kort and "Kind10" not in kort and "… en nog 4." in kort
    assert "Alle rijen: leersteun overzicht --alles" in kort
    alles = run("overzicht", "--alles").stdout
    assert all(f"Kind{i:02d}" in alles for i in range(14)) and "dringendste" not in alles
    assert run("overzicht", "--alles", "--formaat", "csv").exit_code == 2  # the files always have every row


def test_no_pupil_name_outside_cases_out_and_git_after_every_command(voorbeeld: Path, run) -> None:
    """No hidden copy of pupils' data: after reading, editing and writing outputs, a pupil's
    name stands only in cases/ (the data), out/ (generated files) and .git/."""
    from leersteun.reading.folder import vind_map
    from leersteun.reading.snel import lees_alle
    from leersteun.rules.checks import Context

    namen = {
        n for g in lees_alle(vind_map(voorbeeld), Context(vandaag=D(2026, 11, 24))) if g.dossier for n in (g.dossier.leerling.voornaam, g.dossier.leerling.naam)
    }
    opdrachten = [
        ["valideer"], ["lijst"], ["lijst", "--json"], ["agenda", "--ics", "out/a.ics"], ["overzicht"],
        ["overzicht", "--formaat", "xlsx"], ["overzicht", "--formaat", "html", "--uit", "out/o.html"], ["toon", "lotte"],
        ["fiche", "arthur"], ["mail", "lotte", "--klas", "5B"], ["geschiedenis", "noah"], ["archief"],
        ["evaluatie", "noah", "--beslissing", "verderzetten"], ["overleg", "finn", "--soort", "observatie"],
    ]  # fmt: skip
    for opdracht in opdrachten:
        assert run(*opdracht).exit_code in (0, 1), opdracht
    for pad in voorbeeld.rglob("*"):
        if not pad.is_file() or pad.relative_to(voorbeeld).parts[0] in ("cases", "out", ".git"):
            continue
        inhoud = pad.read_bytes().decode("utf-8", "replace")
        assert not [n for n in namen if re.search(rf"\b{re.escape(n)}\b", inhoud)], pad


def test_a_contribution_comes_back_whole_from_a_worker_process(voorbeeld: Path) -> None:
    """Workers pickle each case's Bijdrage and its rows as values in field order: every field
    of every example case arrives as it left."""
    import pickle

    from leersteun.outputs.overview import bijdrage
    from leersteun.reading.dossiers import Dossiermap
    from leersteun.reading.snel import lees_alle
    from leersteun.rules.checks import Context

    vandaag = dt.date(2026, 11, 24)
    gezien = 0
    for anoniem in (False, True):
        for g in lees_alle(Dossiermap(voorbeeld), Context(vandaag=vandaag)):
            b = bijdrage(g.dossier, week_van(None, vandaag), vandaag, anoniem, ("An Janssens",))
            terug = pickle.loads(pickle.dumps(b, protocol=pickle.HIGHEST_PROTOCOL))
            assert terug == b and vars(terug) == vars(b)
            gezien += len(b.deadlines_verlopen) + len(b.diplon) + (b.rij is not None) + (b.heropstart is not None)
    assert gezien > 20  # rows of every kind were on their way


@pytest.mark.parametrize("breedte", [80, 100, 120])
def test_terminal_overview_never_cuts_a_name_or_word(voorbeeld: Path, run, monkeypatch, breedte: int) -> None:
    """Columns get at least their longest word and short cells (names, dates) stay whole;
    where that does not fit, a less important column (school) goes first."""
    monkeypatch.setenv("LEERSTEUN_BREEDTE", str(breedte))
    uit = run("overzicht").stdout
    regels = uit.splitlines()
    assert max(len(r) for r in regels) <= breedte
    assert "Sint-Victorinstituut" in uit and "│ Noah Wouters " in uit  # whole, in the Diplon table too
    for woord in ("Sint-Victorinst", "rinstituut", "Victorinstituu "):
        assert not any(woord in r and "Sint-Victorinstituut" not in r for r in regels), (woord, breedte)


def test_column_widths_give_up_the_widest_first() -> None:
    from leersteun.outputs.kolommen import breedtes

    assert breedtes([5, 4], [10, 8], None) == [10, 8]  # no width known: each on one line
    assert breedtes([5, 4], [10, 8], 30) == [10, 8]  # all fits on one line
    assert breedtes([20, 20], [30, 30], 30) is None  # not even the floors fit: the last resort
    assert breedtes([12, 8, 12], [12, 40, 30], 60) == [12, 21, 21]  # the two long ones shrink alike
    assert breedtes([12, 14, 5], [12, 14, 50], 40) == [12, 14, 8]  # the short ones stay whole


def test_lijst_wraps_names_instead_of_cutting_them(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "100")
    uit = run("lijst", "--anoniem").stdout
    assert "Lambrechts" in uit and "Lambrech " not in uit and "Pieter D " not in uit
    assert max(len(r) for r in uit.splitlines()) <= 100


def test_cells_for_people_write_thousands_with_a_point() -> None:
    from leersteun.outputs.formats import _mens

    assert [_mens(x) for x in (0, 999, 1000, 20000, -1500, 2.5, 1234.5)] == ["0", "999", "1.000", "20.000", "-1.500", "2,5", "1.234,5"]


# ---------------------------------------------------------------------------- one derivation per fact (issue 27, point 13)


def test_a_long_changes_table_is_not_called_the_most_urgent(map_: Map, run, monkeypatch) -> None:
    """Issue 27, point 13: changes are in the order they happened, not by urgency."""
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "120")
    for i in range(12):
        geval(map_, f"W-{i:02d}", f"Kind{i:02d}", "Test", geschiedenis=[{"datum": D(2026, 11, 23), "fase": "ondersteuning", "door": "Els Maes"}])
    kort = run("overzicht").stdout
    wijzigingen = kort.split("Wijzigingen in week 2026-W48", 1)[1]
    assert "De eerste 10:" in wijzigingen and "dringendste" not in wijzigingen


def test_an_attention_point_of_a_closed_traject_does_not_outlive_a_heropstart(netwerk: Map, run) -> None:
    """Seed 000: the four questions are asked of the running support; after a closing and a
    heropstart (seed 003) the 'nee' of the earlier traject is no attention point, in toon nor in
    the overview, also once a light traject started."""
    vier = {k: {"antwoord": "nee" if k == "gedragen" else "ja"} for k in ("doelen_concreet", "doelen_context", "gedragen", "zorgcontinuum_fase_2_3")}
    lopend = {
        "evaluaties": [{"datum": D(2026, 1, 20), "beslissing": "verderzetten", "vier_vragen": vier}],
        "trajecten": [{"vorm": "regulier", "start": D(2025, 9, 1), "frequentie": "w", "intensiteit": "1 uur", "evaluatie_op": []}],
    }
    geval(netwerk, "V-1", "Vera", "Verhoeven", **lopend)
    assert [a["id"] for a in overzicht(run)["aandachtspunten"]] == ["V-1"]
    gesloten_en_heropgestart = heropstart(D(2026, 11, 2), checklist=VOL, uitkomst="heropstart", motivatie="m")
    gesloten_en_heropgestart["evaluaties"] = lopend["evaluaties"] + gesloten_en_heropgestart["evaluaties"]
    geval(netwerk, "V-1", "Vera", "Verhoeven", **gesloten_en_heropgestart)
    assert overzicht(run)["aandachtspunten"] == []
    assert "niet gedragen" not in run("toon", "V-1").stdout
    met_light = dict(gesloten_en_heropgestart, fase="ondersteuning", ondersteuner="Els Maes", vorige_ondersteuners=[])
    met_light["trajecten"] = [*met_light["trajecten"], {"vorm": "light", "start": D(2026, 11, 16), "frequentie": "wekelijks"}]
    met_light["geschiedenis"] = [*met_light["geschiedenis"], {"datum": D(2026, 11, 16), "fase": "ondersteuning", "door": "Els Maes"}]
    geval(netwerk, "V-1", "Vera", "Verhoeven", **met_light)
    assert overzicht(run)["aandachtspunten"] == []


def test_the_overview_of_a_past_week_shows_nothing_of_later_weeks(netwerk: Map, run) -> None:
    """Issue 27, point 13: a week that is past, as the cases stood at its end (rules/stand.zoals_op):
    a heropstart decided, mailed and assigned later is still an open checklist then."""
    geval(netwerk, "L-1", "Lies", "Laenen", **heropstart(
        D(2026, 11, 10), checklist=VOL, uitkomst="heropstart", beslist=D(2026, 11, 24), motivatie="m",
        mail={"aangemaakt": D(2026, 11, 24), "bestand": "out/z.eml", "verstuurd": D(2026, 11, 24)},
        toewijzing={"datum": D(2026, 11, 24), "ondersteuner": "Tom Vermeulen", "overdracht_van": "Els Maes"},
    ))  # fmt: skip
    nu = {h["id"]: h["stand"] for h in overzicht(run)["heropstartvragen"]}
    assert nu["L-1"].startswith("toegewezen aan Tom Vermeulen")
    toen = json.loads(run("overzicht", "--week", "2026-W47", "--formaat", "json").stdout)
    assert {h["id"]: h["stand"] for h in toen["heropstartvragen"]}["L-1"] == "checklist open"
    assert not [r for r in toen["diplon"] if r["id"] == "L-1"]  # heropenen opens with the decision
    assert not [w for w in toen["wijzigingen"] if w["datum"] > "2026-11-22"]
    assert "Overdracht" not in json.dumps(toen) and "Overdracht" in json.dumps(overzicht(run))


def test_toon_and_the_overview_say_the_same_of_each_heropstart(netwerk: Map, run) -> None:
    """Issue 27, point 13: where a heropstart stands is derived once (rules/stand.heropstartstand)."""
    for h in overzicht(run)["heropstartvragen"]:
        assert h["stand"] in " ".join(run("toon", h["id"]).stdout.split()), h
