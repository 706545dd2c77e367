"""Files in their programs: a CSV that splits the same whatever separators a reader ticks, an
xlsx whose wrapped rows are as high as their lines and whose formula-like texts stay text,
also when someone edits the cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leersteun.outputs.formats import csv_veld, xlsx_regels

KLASSEN = {"KLM-2025-003": "3A, groep Noord", "RGN-2024-010": "5A; taalklas", "RGN-2024-005": '4C "De Uilen"'}


def zoals_calc(tekst: str, scheidingen: str = ",;\t") -> list[list[str]]:
    """Fields as LibreOffice Calc's import dialog splits them with comma, semicolon and tab
    ticked (its defaults in a fresh Flemish profile) and " as the text delimiter."""
    rijen, veld, rij, tussen_aanhalingstekens, i = [], "", [], False, 0
    while i < len(tekst):
        c = tekst[i]
        if tussen_aanhalingstekens:
            if c == '"' and tekst[i + 1 : i + 2] == '"':
                veld += '"'
                i += 1
            elif c == '"':
                tussen_aanhalingstekens = False
            else:
                veld += c
        elif c == '"' and veld == "":
            tussen_aanhalingstekens = True
        elif c in scheidingen:
            rij.append(veld)
            veld = ""
        elif c in "\r\n":
            if c == "\r" and tekst[i + 1 : i + 2] == "\n":
                i += 1
            rij.append(veld)
            rijen.append(rij)
            veld, rij = "", []
        else:
            veld += c
        i += 1
    return rijen


def test_a_field_is_quoted_for_every_separator_a_reader_may_tick() -> None:
    assert csv_veld("3A") == "3A" and csv_veld(None) == "" and csv_veld(12) == "12"
    for tekst in ("3A, groep Noord", "5A; taalklas", "5A\ttaalklas", 'De "Uilen"', "twee\nregels", "cr\r"):
        veld = csv_veld(tekst)
        assert veld.startswith('"') and veld.endswith('"')
        assert zoals_calc(veld + "\n") == [[tekst]]


@pytest.mark.parametrize("komma", [False, True])
def test_csv_splits_the_same_with_every_separator_ticked(voorbeeld: Path, run, komma: bool) -> None:
    for dossier, klas in KLASSEN.items():
        pad = voorbeeld / "cases" / f"{dossier}.yaml"
        tekst = pad.read_text(encoding="utf-8")
        pad.write_text(re.sub(r"(?m)^  klas: .*$", "  klas: '" + klas + "'", tekst, count=1), encoding="utf-8")
    result = run("overzicht", "--formaat", "csv", *(["--komma"] if komma else []))
    assert result.exit_code == 0, result.output
    rijen = zoals_calc(result.stdout.removeprefix("\ufeff"))
    assert len(rijen) > 5 and all(len(r) == 10 for r in rijen)  # no row shifted
    klassen = {r[0]: r[3] for r in rijen}
    assert all(klassen[d] == k for d, k in KLASSEN.items())
    # the file's own separator alone (Excel by double-click, Python's csv) reads the same
    import csv
    import io

    eigen = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter="," if komma else ";"))
    assert eigen == rijen


def test_lines_of_a_wrapped_cell_are_counted_generously() -> None:
    assert xlsx_regels("kort", 60) == 1
    assert xlsx_regels("x" * 60, 60) == 1 and xlsx_regels("woord " * 20, 60) == 2
    assert xlsx_regels("een\ntwee\n\nvier", 60) == 4


def test_xlsx_rows_are_as_high_as_their_wrapped_lines_and_formulas_stay_text(voorbeeld: Path, run) -> None:
    from openpyxl import load_workbook

    from leersteun.outputs.formats import REGELHOOGTE

    lang = (
        "Voorleessoftware op de laptop bij elke leesopdracht, ook bij toetsen en huiswerk; de leerkracht zet de "
        "bestanden klaar op Smartschool en controleert wekelijks of Noah ze zelfstandig kan openen."
    )
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    tekst = pad.read_text(encoding="utf-8").replace("Voorleessoftware op de laptop bij elke leesopdracht.", lang)
    pad.write_text(re.sub(r"(?m)^  klas: .*$", "  klas: '=HYPERLINK(\"http://x\")'", tekst, count=1), encoding="utf-8")
    assert run("overzicht", "--formaat", "xlsx").exit_code == 0
    boek = load_workbook(next((voorbeeld / "out").glob("overzicht-*.xlsx")))
    blad = boek["Deadlines in de week"]
    for rij in blad.iter_rows(min_row=2):
        cel = rij[4]
        hoogte = blad.row_dimensions[cel.row].height
        if cel.value == f"Evaluatie van maatregel bij D1: {lang}":
            breedte = blad.column_dimensions["E"].width
            assert cel.alignment.wrap_text and hoogte == REGELHOOGTE * xlsx_regels(cel.value, breedte) >= REGELHOOGTE * 3
            assert all(c.alignment.vertical == "top" for c in rij)  # the row reads from its top line
        elif len(cel.value) <= 58:
            assert hoogte is None  # a row of one line keeps the default
    cel = next(r[3] for r in boek["Dossiers"].iter_rows(min_row=2) if r[0].value == "KLM-2025-003")
    assert cel.value == '=HYPERLINK("http://x")' and cel.data_type == "s"
    assert cel.quotePrefix and cel.number_format == "@"  # Excel's ' and the format Text: still text after an edit
    assert next(r[3] for r in boek["Dossiers"].iter_rows(min_row=2) if r[0].value == "KLM-2024-017").number_format == "General"
