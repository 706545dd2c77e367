"""Dutch for people: typer's texts through the gettext catalogue, click's errors from their
fields, dates the Flemish way on screen and in documents, numbered choices in prompts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

ISO = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")


def test_the_compiled_catalogue_is_the_po_file() -> None:
    import gettext

    from babel.messages.pofile import read_po

    from leersteun.core import taal

    with taal.MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    with taal.PO.open("rb") as f:
        po = [m for m in read_po(f) if m.id]
    assert len(po) >= 10
    for bericht in po:  # every text of the .po is in the .mo as it stands (else: python -m leersteun.core.taal)
        assert mo.gettext(bericht.id) == bericht.string, bericht.id


def test_typer_labels_come_from_the_catalogue_whatever_the_machine_language(run, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LANGUAGE", "en")
    uit = run("fase", "--help").stdout
    assert "Argumenten:" in uit and "Opties:" in uit and "[verplicht]" in uit
    assert "Arguments" not in uit and "required" not in uit
    # an argument by its name, its choices as typed, a required one without {braces}
    assert "Gebruik: leersteun fase [OPTIES] DOSSIER NAAR" in uit
    assert "NAAR aanmelding|opstart|ondersteuning|afgesloten|heropstart" in uit
    assert "<str>" not in uit and "{" not in uit


@pytest.mark.parametrize(
    ("opdracht", "boodschap"),
    [
        (["lijst", "--fse", "x"], "Onbekende optie: --fse. Bedoel je --fase?"),
        (["lijst", "--anoniem=ja"], "De optie --anoniem krijgt geen waarde; schrijf alleen --anoniem."),
        (["fiche", "arthur", "--formaat"], "De optie --formaat heeft een waarde nodig."),
        (["toon"], "Het argument DOSSIER ontbreekt."),
        (["toon", "lotte", "peeters"], "Te veel argumenten: peeters. Zet een naam met spaties tussen aanhalingstekens."),
        (["agenda", "--weken", "-1"], "--weken moet minstens 0 zijn (je gaf -1)."),
        (["agenda", "--weken", "521"], "--weken mag hoogstens 520 zijn (je gaf 521)."),
        (["agenda", "--weken", "vier"], "--weken verwacht een getal; 'vier' is er geen."),
        (["evaluatie", "noah", "--reden", "klaar"], "'klaar' past niet bij --reden; kies uit: doelen bereikt, opname,"),
        (["bestaat-niet"], "Onbekende opdracht 'bestaat-niet'."),
        (["overzich"], "Onbekende opdracht 'overzich'. Bedoel je 'overzicht'?"),
    ],
)  # fmt: skip
def test_usage_errors_are_built_in_dutch_from_their_fields(voorbeeld: Path, run, opdracht: list[str], boodschap: str) -> None:
    result = run(*opdracht)
    assert result.exit_code == 2
    assert boodschap in " ".join(result.stderr.split())
    assert f"Hulp: leersteun {opdracht[0] + ' ' if opdracht[0] not in ('bestaat-niet', 'overzich') else ''}--help" in result.stderr


def test_dates_for_people() -> None:
    from leersteun.core import datums

    d = dt.date(2026, 11, 23)
    assert (datums.kort(d), datums.dag(d), datums.lang(d), datums.weekdag(d)) == (
        "23-11-2026", "ma 23 nov 2026", "23 november 2026", "maandag",
    )  # fmt: skip
    assert datums.lang(dt.date(2026, 3, 1)) == "1 maart 2026" and datums.kort(None) == "–"


@pytest.mark.parametrize(
    "opdracht",
    [
        ["lijst"], ["agenda", "--weken", "52"], ["overzicht"], ["geschiedenis", "lotte"],
        *(["toon", naam] for naam in ("lotte", "arthur", "olivia", "lena", "noah", "julie", "jules", "finn", "ella")),
    ],
)  # fmt: skip
def test_no_iso_date_on_screen(voorbeeld: Path, run, opdracht: list[str]) -> None:
    result = run(*opdracht)
    assert result.exit_code == 0, result.output
    scherm = result.stdout.split("\nGeschiedenis\n")[0]  # notes in the history are the user's own text
    assert not ISO.search(scherm), ISO.search(scherm)


def test_documents_for_people_show_flemish_dates_and_machine_files_keep_iso(voorbeeld: Path, run) -> None:
    for args in (["overzicht", "--formaat", "md", "--uit", "out/o.md"], ["overzicht", "--formaat", "html", "--uit", "out/o.html"],
                 ["fiche", "arthur", "--formaat", "md", "--uit", "out/f.md"]):  # fmt: skip
        assert run(*args).exit_code == 0
    for naam in ("o.md", "o.html", "f.md"):
        tekst = (voorbeeld / "out" / naam).read_text(encoding="utf-8")
        assert not ISO.search(tekst), (naam, ISO.search(tekst))
    assert "23-11-2026" in (voorbeeld / "out" / "o.md").read_text(encoding="utf-8")
    for args, naam in (
        (["overzicht", "--formaat", "csv", "--uit", "out/o.csv"], "o.csv"),
        (["overzicht", "--formaat", "json", "--uit", "out/o.json"], "o.json"),
    ):
        assert run(*args).exit_code == 0
        assert ISO.search((voorbeeld / "out" / naam).read_text(encoding="utf-8-sig"))


def test_a_choice_is_a_numbered_list_answered_by_number_or_by_word() -> None:
    import io

    from rich.console import Console

    from leersteun.terminal.vragen import vraag

    def stel(antwoorden: str, **kw):
        uit = io.StringIO()
        console = Console(file=uit, width=100, force_terminal=False)
        import sys

        oud = sys.stdin
        sys.stdin = io.StringIO(antwoorden)
        try:
            return vraag(console, "Reden", **kw), uit.getvalue()
        finally:
            sys.stdin = oud

    keuzes = ["doelen_bereikt", "opname", "andere_school", "andere"]
    gekozen, scherm = stel("3\n", keuzes=keuzes, uitleg={"opname": "opname in een voorziening"})
    assert gekozen == "andere_school"
    assert "  1. doelen bereikt" in scherm and "2. opname          opname in een voorziening" in scherm
    assert "Reden [1-4]" in scherm
    gekozen, scherm = stel("9\nDoelen Bereikt\n", keuzes=keuzes)
    assert gekozen == "doelen_bereikt"  # the file keeps the code
    assert "'9' is geen van de mogelijkheden. Typ een nummer van 1 tot 4 of een van: doelen bereikt, opname" in " ".join(scherm.split())
    gekozen, scherm = stel("\n", keuzes=["ja", "deels", "nee"], standaard="nee")
    assert gekozen == "nee" and "Reden [1 ja, 2 deels, 3 nee, leeg = nee]" in scherm


def test_a_session_typed_the_way_a_teacher_types(voorbeeld: Path, run) -> None:
    """Every kind of command with Flemish dates, week numbers and labels as people write them;
    the files keep the codes and ISO dates."""
    stappen = [
        ["nieuw", "--voornaam", "Mats", "--naam", "Claes", "--klas", "2B", "--niveau", "Lager", "--geboortedatum", "11-02-2019",
         "--school", "Basisschool De Klimop", "--verslag", "gc", "--verslagdatum", "15/10/2026", "--typologie", "Basisaanbod", "--diplon"],
        ["betrokkene", "mats", "--rol", "Zorgcoördinator", "--naam", "Griet Smets"],
        ["fase", "mats", "opstart", "--datum", "vandaag"],
        ["overleg", "mats", "--soort", "Opstartgesprek", "--datum", "20.11.2026", "--met", "klasleerkracht,Zoco,Ouders"],
        ["doel", "mats", "--domein", "Sociaal-emotioneel", "--omschrijving", "Mats speelt samen.", "--specifiek", "3 keer per week",
         "--meetbaar", "turven", "--acceptabel", "juf en Mats", "--realistisch", "lukt thuis al", "--start", "vandaag",
         "--einde", "26-03-2027", "--maatregel", "Speelkaartjes.", "--wie", "Klasleerkracht", "--maatregel-evaluatie", "29/01/2027"],
        ["fase", "mats", "Ondersteuning", "--frequentie", "Wekelijks", "--intensiteit", "1 lesuur per week", "--duur", "tot de krokusvakantie", "--leervraag", "Hoe speelt Mats mee?"],
        ["evaluatie", "noah", "--beslissing", "Verderzetten", "--volgende", "morgen"],
        ["evaluatie", "arthur", "--beslissing", "AFSLUITEN", "--reden", "Doelen bereikt", "--concreet", "Ja", "--context", "Deels",
         "--gedragen", "ja", "--fase-2-3", "JA", "--wat-neemt-school-mee", "Het stappenplan.", "--kansen", "Zelf plannen.",
         "--met", "Klasleerkracht,Ouders,CLB"],
        ["overzicht", "--week", "48"], ["overzicht", "--week", "W48", "--formaat", "md"], ["overzicht", "--week", "2026-W48", "--formaat", "csv"],
        ["agenda", "--weken", "4"], ["lijst", "--fase", "Ondersteuning"],
    ]  # fmt: skip
    for stap in stappen:
        result = run(*stap)
        assert result.exit_code == 0, (stap, result.output)
    mats = next((voorbeeld / "cases").glob("KLM-2026-*.yaml"), None)
    tekst = "".join(p.read_text(encoding="utf-8") for p in (voorbeeld / "cases").glob("KLM-2026-*.yaml"))
    assert mats is not None and "geboortedatum: 2019-02-11" in tekst and "datum: 2026-10-15" in tekst
    assert "rol: zorgcoordinator" in tekst and "domein: socio-emotioneel" in tekst and "datum: 2026-11-20" in tekst
    assert "reden: doelen_bereikt" in (voorbeeld / "cases" / "RGN-2025-002.yaml").read_text(encoding="utf-8")


def test_short_dates_are_babels_without_babel() -> None:
    from babel.dates import format_date

    from leersteun.core import datums

    dag = dt.date(1990, 1, 1)
    while dag < dt.date(2101, 1, 1):
        assert datums.kort(dag) == format_date(dag, "dd-MM-yyyy", locale="nl_BE")
        dag += dt.timedelta(days=37)
