"""Class lists as schools export them (reading/klaslijst.py): encodings, line ends, separators,
headers, and which case each row is. The files in tests/editing/klaslijsten/ are fictional
exports of the example schools: Excel's "Unicode-tekst" (UTF-16, tabs), "CSV (Macintosh)"
(Windows-1252, CR only), one with dossier ids in front and one with the whole name in one
column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.reading import klaslijst
from leersteun.reading.klaslijst import Onbruikbaar, decodeer, koppel, lees, ontleed
from leersteun.rules.model import Dossier
from tests.conftest import ROOT

KLASLIJSTEN = ROOT / "tests" / "editing" / "klaslijsten"


@pytest.fixture(scope="module")
def dossiers() -> list[Dossier]:
    from leersteun.reading.dossiers import alle
    from leersteun.reading.folder import Dossiermap
    from leersteun.rules.checks import Context

    return [g.dossier for g in alle(Dossiermap(ROOT), Context(vandaag=dt.date(2026, 11, 24))) if g.dossier is not None]


@pytest.mark.parametrize(
    "naam,codering,scheiding,kolommen,rijen",
    [
        ("klimop-unicode-tekst.txt", "UTF-16", "\t", ["Klasgroep", "Familienaam", "Voornaam", "Geb.datum"], 6),
        ("regenboog-csv-macintosh.csv", "Windows-1252", ";", ["Naam", "Voornaam", "Geboortedatum", "Klas"], 5),
        ("klimop-met-dossier.csv", "UTF-8", ";", ["Dossier", "Naam", "Voornaam", "Klas"], 3),
        ("sintjozef-leerling.csv", "UTF-8", ",", ["Leerling", "Geboortedatum", "Klas"], 4),
    ],
)
def test_exports_as_schools_make_them(naam: str, codering: str, scheiding: str, kolommen: list[str], rijen: int) -> None:
    lijst = lees(KLASLIJSTEN / naam, naam)
    assert (lijst.codering, lijst.scheiding, list(lijst.kolommen.values()), len(lijst.rijen)) == (codering, scheiding, kolommen, rijen)
    assert lijst.rijen[0].regel == 2  # the header is line 1, also with CR-only line ends


def test_each_row_finds_its_case_by_name_and_birth_date(dossiers: list[Dossier]) -> None:
    k = koppel([lees(KLASLIJSTEN / "regenboog-csv-macintosh.csv", "r.csv")], dossiers)
    assert [(t.dossier.id, t.rij.klas, t.rij.plek, t.hoe) for t in k.treffers] == [
        ("RGN-2024-005", "5C", "r.csv:2", "naam en geboortedatum"),
        ("RGN-2024-010", "6A", "r.csv:3", "naam en geboortedatum"),
    ]
    assert [t.dossier.id for t in k.afgesloten] == ["RGN-2025-006"]  # a closed case is left as it is
    assert [r.naam_tekst for r in k.zonder_dossier] == ["Anaïs Timmermans", "Jonas Lambrechts"]  # Windows-1252 read right
    assert [d.id for d in k.zonder_rij] == ["RGN-2025-002"]  # a running case of this school without a row


def test_a_whole_name_in_one_column_in_either_order(dossiers: list[Dossier]) -> None:
    k = koppel([lees(KLASLIJSTEN / "sintjozef-leerling.csv", "s.csv")], dossiers)
    assert {t.dossier.id: t.rij.klas for t in k.treffers} == {"JZF-2025-001": "5A", "JZF-2025-004": "1A", "JZF-2026-001": "K3 De Egeltjes"}
    tekst = "Leerling;Klas\nlotte PEETERS;6B\nPeeters, Lotte;6B\n"
    assert [t.dossier.id for t in koppel([ontleed(tekst, "k.csv")], dossiers).treffers] == ["KLM-2024-017"]  # one case, twice the same class


def test_an_id_column_in_front_is_the_case_and_klas_stays_the_class(dossiers: list[Dossier]) -> None:
    """The export that once wrote every pupil's surname into 'klas'."""
    k = koppel([lees(KLASLIJSTEN / "klimop-met-dossier.csv", "d.csv")], dossiers)
    assert {t.dossier.id: (t.rij.klas, t.hoe) for t in k.treffers} == {
        "KLM-2025-003": ("4A", "id"), "KLM-2024-017": ("6B", "id"), "KLM-2026-002": ("3B", "id"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "kopregel,velden",
    [
        ("Familienaam;Voornaam;Geb. datum;Klasgroep", ("naam", "voornaam", "geboortedatum", "klas")),
        ("NAAM;VOORNAAM;GEBOORTEDATUM;KLAS", ("naam", "voornaam", "geboortedatum", "klas")),
        ("Naam en voornaam;Klas", ("volledig", "klas")),
        ("Naam;Klascode", ("volledig", "klas")),
        ("Stamboeknummer;Naam leerling;Voornaam leerling;Klas;Nieuwe klas", ("naam", "voornaam", "klas")),
        ("Dossier-id;Klas", ("id", "klas")),
        ("Leerling;Klas 2027-2028", ("volledig", "klas")),
    ],
)
def test_the_usual_dutch_headers(kopregel: str, velden: tuple[str, ...]) -> None:
    rij = ";".join(["KLM-2024-017" if "Dossier" in kopregel else "x"] * (kopregel.count(";") + 1))
    lijst = ontleed(f"Klaslijst 2027-2028\n\n{kopregel}\n{rij}\n", "k.csv")  # a title line above the header is skipped
    assert tuple(lijst.kolommen) == tuple(sorted(velden, key=lambda v: list(lijst.kolommen).index(v)))
    assert set(lijst.kolommen) == set(velden) and lijst.rijen[0].regel == 4


def test_the_new_class_column_is_taken_over_this_years() -> None:
    lijst = ontleed("Naam;Voornaam;Klas;Nieuwe klas\nPeeters;Lotte;5B;6B\n", "k.csv")
    assert lijst.rijen[0].klas == "6B" and lijst.kolommen["klas"] == "Nieuwe klas"


def test_two_columns_for_one_field_are_refused() -> None:
    with pytest.raises(Onbruikbaar, match="k.csv:1: twee kolommen voor klas: 'Klas' en 'Klasgroep'"):
        ontleed("Naam;Voornaam;Klas;Klasgroep\nPeeters;Lotte;6B;6B\n", "k.csv")


def test_no_header_is_refused_with_the_way_out() -> None:
    with pytest.raises(Fout, match="k.csv:1: geen kopregel gevonden.*Naam;Voornaam;Geboortedatum;Klas"):
        ontleed("Peeters;Lotte;14/03/2015;6B\n", "k.csv")


def test_utf16_without_bom_and_big_endian() -> None:
    tekst = "Naam\tVoornaam\tKlas\r\nPeeters\tLotte\t6B\r\n"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decodeer(tekst.encode(codec), "k.txt") == (tekst, "UTF-16")


def test_an_undefined_windows_1252_byte_is_refused_never_replaced() -> None:
    ruw = "Naam;Voornaam;Klas\r\nPeeters;Lotte;6B\r\nDe Smet;Mil".encode("cp1252") + b"\x81" + b"a;4B\r\n"
    with pytest.raises(Onbruikbaar, match=r"k.csv:3: byte 0x81 is geen UTF-8 en staat in Windows-1252 voor geen enkel teken") as e:
        decodeer(ruw, "k.csv")
    assert "Unicode-tekst" in e.value.boodschap and "\ufffd" not in e.value.boodschap
    assert decodeer("Naam;Klas\nAnaïs Timmermans;5C\n".encode("cp1252"), "k.csv")[1] == "Windows-1252"


def test_a_field_over_128_kb_is_refused_in_dutch(tmp_path: Path) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("Naam;Voornaam;Klas\nPeeters;Lotte;6B\nDe Smet;Mila;" + "x" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(Onbruikbaar, match="k.csv:3: een veld is groter dan 128 kB"):
        lees(pad, "k.csv")
    pad.write_text('Naam;Voornaam;Klas\nPeeters;Lotte;"6B' + "x" * 140_000 + '"\n', encoding="utf-8")  # quoted: csv's own limit
    with pytest.raises(Onbruikbaar, match="k.csv:2: een veld is groter dan 128 kB"):
        lees(pad, "k.csv")


@pytest.mark.parametrize(
    "rij,waarom",
    [
        ('Peeters;Lotte;"6\nB"', "k.csv:3 (KLM-2024-017 Lotte Peeters): de kolom Klas bevat een regeleinde"),
        ("Peeters;Lotte;6\x07B", "k.csv:3 (KLM-2024-017 Lotte Peeters): de kolom Klas bevat een stuurteken (U+0007)"),
        ("Pee\u00adters;Lotte;6B", "k.csv:3: de kolom Naam bevat een zacht afbreekstreepje (U+00AD)"),
        ("Peeters;Lot\ufffete;6B", "k.csv:3: de kolom Voornaam bevat een niet-teken (U+FFFE)"),
    ],
)
def test_what_cannot_be_trusted_is_refused_with_its_line_and_case(dossiers: list[Dossier], rij: str, waarom: str) -> None:
    with pytest.raises(Onbruikbaar) as e:
        koppel([ontleed(f"Naam;Voornaam;Klas\nWouters;Noah;4A\n{rij}\n", "k.csv")], dossiers)
    assert waarom in e.value.boodschap and "er is niets gewijzigd" in e.value.boodschap


@pytest.mark.parametrize(
    "klas,waarom",
    [
        ("14/03/2015", "dat is een datum"),
        ("Peeters", "dat is de naam van de leerling"),
        ("Lotte Peeters", "dat is de naam van de leerling"),
        ("38876", "dat is een nummer"),
        ("6B" * 25, "dat is te lang voor een klas"),
    ],
)
def test_a_value_that_is_no_class_is_refused_with_its_row(dossiers: list[Dossier], klas: str, waarom: str) -> None:
    lijst = ontleed(f"Naam;Voornaam;Geboortedatum;Klas\nWouters;Noah;02/06/2017;4A\nPeeters;Lotte;14/03/2015;{klas}\n", "k.csv")
    with pytest.raises(Onbruikbaar, match=f"k.csv:3: '{klas}' in de kolom Klas is geen klas van KLM-2024-017 \\(Lotte Peeters\\): {waarom}"):
        koppel([lijst], dossiers)


def test_a_headerless_list_with_a_surname_where_the_class_goes_is_refused(dossiers: list[Dossier]) -> None:
    with pytest.raises(Onbruikbaar, match="'Wouters' in de kolom klas is geen klas van KLM-2025-003 .*de naam van de leerling"):
        koppel([ontleed("KLM-2025-003;Wouters;Noah;4A\n", "k.csv")], dossiers)


def test_rows_that_cannot_be_placed_for_sure(dossiers: list[Dossier]) -> None:
    def weigering(tekst: str) -> str:
        with pytest.raises(Onbruikbaar) as e:
            koppel([ontleed(tekst, "k.csv")], dossiers)
        return e.value.boodschap

    assert "k.csv:2: er is geen dossier met id 'KLM-2099-001'" in weigering("Dossier;Klas\nKLM-2099-001;4A\n")
    assert "k.csv:2: KLM-2025-003 is het dossier van Noah Wouters, maar deze rij noemt Lotte Peeters" in weigering(
        "Dossier;Naam;Voornaam;Klas\nKLM-2025-003;Peeters;Lotte;4A\n"
    )
    assert "k.csv:2: '31/02/2015' is geen geboortedatum" in weigering("Naam;Voornaam;Geboortedatum;Klas\nPeeters;Lotte;31/02/2015;6B\n")
    assert "k.csv:2 en k.csv:3 noemen allebei KLM-2024-017 (Lotte Peeters), met een andere klas ('6B' en '6A')" in weigering(
        "Naam;Voornaam;Klas\nPeeters;Lotte;6B\nPeeters;Lotte;6A\n"
    )


def test_two_running_cases_of_one_name_need_a_birth_date_or_an_id(dossiers: list[Dossier]) -> None:
    noah = next(d for d in dossiers if d.id == "KLM-2025-003")
    tweeling = noah.model_copy(update={"id": "KLM-2026-099", "leerling": noah.leerling.model_copy(update={"geboortedatum": dt.date(2016, 1, 1)})})
    with pytest.raises(Onbruikbaar, match="k.csv:2: Noah Wouters past bij 2 lopende dossiers .KLM-2025-003, KLM-2026-099.; zet de id in een kolom Dossier"):
        koppel([ontleed("Naam;Voornaam;Klas\nWouters;Noah;4A\n", "k.csv")], [*dossiers, tweeling])
    met_datum = "Naam;Voornaam;Geboortedatum;Klas\nWouters;Noah;01/01/2016;4A\n"
    assert [t.dossier.id for t in koppel([ontleed(met_datum, "k.csv")], [*dossiers, tweeling]).treffers] == ["KLM-2026-099"]


def test_a_name_that_fits_with_another_birth_date_is_not_that_pupil(dossiers: list[Dossier]) -> None:
    k = koppel([ontleed("Naam;Voornaam;Geboortedatum;Klas\nPeeters;Lotte;14/03/2016;6B\n", "k.csv")], dossiers)
    assert not k.treffers and [(r.plek, d.id) for r, d in k.bijna] == [("k.csv:2", "KLM-2024-017")]


@pytest.mark.parametrize(
    "tekst,dag",
    [("14/03/2015", (2015, 3, 14)), ("14-3-2015", (2015, 3, 14)), ("2015-03-14", (2015, 3, 14)), ("14.03.2015 0:00:00", (2015, 3, 14)), ("14/13/2015", None)],
)
def test_birth_dates_as_exports_write_them(tekst: str, dag: tuple[int, int, int] | None) -> None:
    assert klaslijst.lees_datum(tekst) == (dt.date(*dag) if dag else None)
