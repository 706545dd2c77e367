"""Charts: capacity and caseload in the overview (HTML as SVG, xlsx as native charts, terminal
as bars) and a goal's evaluations over time on the goal sheet; one computation, readable
without colour, with a text alternative, the same bytes for the same data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg.*?</svg>", html, re.S)]


def test_html_overview_has_both_charts_with_text_alternatives(voorbeeld: Path, run) -> None:
    assert run("overzicht", "--formaat", "html", "--uit", "out/o.html").exit_code == 0
    html = (voorbeeld / "out" / "o.html").read_text(encoding="utf-8")
    grafieken = {s.get("aria-labelledby").split("-")[0]: s for s in svgs(html)}
    assert set(grafieken) == {"capaciteit", "caseload"}
    for s in grafieken.values():
        assert s.get("role") == "img" and s.find(f"{SVG}title") is not None
    uitleg = grafieken["capaciteit"].find(f"{SVG}desc").text
    assert "Basisschool De Klimop: 1 lopend, richtcapaciteit 54: 53 onder." in uitleg
    assert "GO! Basisschool De Regenboog: 3 lopend, richtcapaciteit 40,3: 37,3 onder." in uitleg
    assert "Sint-Victorinstituut" not in uitleg  # no richtcapaciteit: no bar, the table says so
    caseload = grafieken["caseload"]
    assert "Pieter Dewulf: 2 in totaal (1 regulier, 1 interventie medium)." in caseload.find(f"{SVG}desc").text
    # readable without colour: every vorm has its own pattern, and each bar is said in words
    patronen = {p.get("id") for p in caseload.iter(f"{SVG}pattern")}
    assert {"caseload-regulier", "caseload-light", "caseload-medium", "caseload-nieuw"} <= patronen
    vullingen = {r.get("fill") for r in caseload.iter(f"{SVG}rect") if r.get("fill", "").startswith("url(")}
    assert {"url(#caseload-medium)", "url(#caseload-light)", "url(#caseload-nieuw)", "url(#caseload-regulier)"} <= vullingen
    teksten = [t.text for t in caseload.iter(f"{SVG}text")]
    assert "2 in totaal (1 regulier, 1 interventie medium)" in teksten


def test_charts_are_deterministic_and_respect_anoniem(voorbeeld: Path, run) -> None:
    uit = []
    for naam in ("a", "b"):
        assert run("overzicht", "--formaat", "html", "--anoniem", "--uit", f"out/{naam}.html").exit_code == 0
        uit.append((voorbeeld / "out" / f"{naam}.html").read_bytes())
    assert uit[0] == uit[1]
    assert b"Arthur" not in uit[0] and b"Goossens" not in uit[0]


def test_xlsx_has_native_charts_on_their_sheets(voorbeeld: Path, run) -> None:
    assert run("overzicht", "--formaat", "xlsx").exit_code == 0
    pad = voorbeeld / "out" / "overzicht-2026-W48.xlsx"
    with zipfile.ZipFile(pad) as z:
        grafieken = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        inhoud = [z.read(n).decode() for n in grafieken]
    assert len(grafieken) == 2
    caseload = next(c for c in inhoud if "Caseload per ondersteuner" in c)
    capaciteit = next(c for c in inhoud if "richtcapaciteit per school" in c)
    assert '<grouping val="stacked" />' in caseload and caseload.count("<ser>") == 4
    assert '<barDir val="bar" />' in capaciteit and capaciteit.count("<ser>") == 2
    from openpyxl import load_workbook

    blad = load_workbook(pad)["Capaciteit"]
    kop = [c.value for c in blad[1]]
    i = kop.index("grafiek")
    assert [blad.cell(row=2, column=i + j + 1).value for j in range(3)] == ["Basisschool De Klimop", 54, 1]


def test_terminal_overview_shows_bars_at_80_columns(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    uit = run("overzicht").stdout
    assert all(len(regel) <= 80 for regel in uit.splitlines())
    assert re.search(r"^Pieter Dewulf\s+█+░+\s+2$", uit, re.M)
    assert re.search(r"^Basisschool De Klimop\s+█·+│\s+1 van 54$", uit, re.M)
    assert "(█ regulier, ▒ interventie light, ░ interventie medium, ▓ nieuw traject)" in uit
    assert "(█ lopend, │ richtcapaciteit, · ruimte tot de richtcapaciteit, ▓ erboven)" in uit


def test_goal_sheet_shows_a_timeline_of_two_or_more_evaluations(voorbeeld: Path, run) -> None:
    assert run("fiche", "lena", "--uit", "out/lena.html").exit_code == 0
    html = (voorbeeld / "out" / "lena.html").read_text(encoding="utf-8")
    (lijn,) = svgs(html)
    assert lijn.get("class") == "tijdlijn" and lijn.get("role") == "img"
    assert lijn.find(f"{SVG}desc").text == "Evaluaties van doel D1: 9 februari 2026: deels bereikt, 19 juni 2026: bereikt."
    teksten = [t.text for t in lijn.iter(f"{SVG}text")]
    assert teksten == ["09-02-2026", "deels", "19-06-2026", "bereikt"]
    assert len(list(lijn.iter(f"{SVG}circle"))) == 2
    # one evaluation says nothing about a direction: no time line
    assert run("fiche", "noah", "--uit", "out/noah.html").exit_code == 0
    assert "<svg" not in (voorbeeld / "out" / "noah.html").read_text(encoding="utf-8")


def test_timeline_points_keep_their_order_and_room() -> None:
    import datetime as dt

    from leersteun.outputs.grafiek import tijdlijn

    t = tijdlijn("D1", [(dt.date(2026, 3, 2), "ja"), (dt.date(2026, 1, 5), "nee"), (dt.date(2026, 1, 6), "deels")])
    assert [p.bereikt for p in t.punten] == ["nee", "deels", "ja"]
    xs = [p.x for p in t.punten]
    assert xs[0] == 0 and xs[-1] == 1 and xs[1] - xs[0] >= 0.25  # a day apart, still readable
    assert tijdlijn("D2", [(dt.date(2026, 1, 5), "ja")]) is None


def test_a_case_folder_can_override_the_overview_template(voorbeeld: Path, run) -> None:
    eigen = voorbeeld / "templates" / "overzicht"
    eigen.mkdir(parents=True)
    (eigen / "overzicht.md.j2").write_text("# {{ kop }}\nEigen sjabloon van het team.\n", encoding="utf-8")
    uit = run("overzicht", "--formaat", "md").stdout
    assert uit == "# Weekoverzicht 2026-W48: Leersteuncentrum Kempen-Noord\nEigen sjabloon van het team.\n"
    assert "<svg" in run("overzicht", "--formaat", "html").stdout  # the built-in HTML template still
