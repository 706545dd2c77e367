"""Goals: the SMART check rule by rule, the doel command, and the goal sheets."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from leersteun.rules.checks import Context, lijkt_naam, smart_meldingen
from leersteun.rules.model import Dossier, Instellingen
from tests.conftest import DOSSIER, ROOT, digest

GOED = {
    "id": "D1",
    "domein": "cognitief",
    "omschrijving": "Lotte start zelfstandig aan een schrijfopdracht.",
    "specifiek": "Lotte begint binnen 2 minuten na de instructie aan haar schrijftaak.",
    "meetbaar": "De klasleerkracht noteert 5 keer per week of het lukt; doel is 4 op 5.",
    "acceptabel": "Afgesproken met klasleerkracht, zorgco, ouders en Lotte.",
    "realistisch": "Met een stappenplan en time-timer op de bank.",
    "start": dt.date(2026, 10, 1),
    "einde": dt.date(2027, 1, 29),
    "maatregelen": [{"wat": "Stappenplan op de bank.", "wie": "klasleerkracht", "evaluatie_op": dt.date(2026, 12, 14)}],
}
TEAM = Instellingen.model_validate({"netwerk": "X", "coordinatie": {"email": "a@b.be"}, "team": [{"naam": "Els Maes", "rol": "ondersteuner"}]})


def meldingen(doel: dict, vandaag: dt.date = dt.date(2026, 11, 24), **dossier) -> list[tuple[tuple, str]]:
    data = YAML(typ="safe").load(DOSSIER)
    data.update(dossier)
    data["doelen"] = [doel]
    d = Dossier.model_validate(data)
    return [(loc, tekst) for loc, tekst, _ in smart_meldingen(d, Context(instellingen=TEAM, vandaag=vandaag))]


def test_a_smart_goal_has_no_warnings() -> None:
    assert meldingen(GOED) == []


@pytest.mark.parametrize(
    "wijzig,veld,woorden",
    [
        ({"specifiek": "Lotte begint snel aan haar schrijftaak."}, "specifiek", "geen getal of percentage"),
        ({"specifiek": None}, "id", "'specifiek' ontbreekt"),
        ({"meetbaar": "De klasleerkracht noteert of het lukt."}, "meetbaar", "niet hoe vaak"),
        ({"meetbaar": "Twee keer per week."}, "meetbaar", "niet hoe er gemeten"),
        ({"meetbaar": "We zien het wel."}, "meetbaar", "niet hoe en hoe vaak"),
        ({"acceptabel": None}, "id", "'acceptabel' ontbreekt"),
        ({"realistisch": None}, "id", "'realistisch' ontbreekt"),
        ({"einde": None}, "id", "geen einde"),
        ({"start": None, "einde": None}, "id", "geen start en einde"),
        ({"einde": dt.date(2026, 11, 1)}, "einde", "is voorbij en het doel is niet geëvalueerd"),
        ({"omschrijving": "Lotte schrijft beter."}, "omschrijving", "vaag woord 'beter'"),
        ({"specifiek": "Lotte probeert 3 keer per dag meer te schrijven."}, "specifiek", "vaag woord 'proberen'" if False else "vaag woord"),
        ({"maatregelen": []}, "id", "geen maatregelen"),
        ({"maatregelen": [{"wat": "Stappenplan.", "wie": "klasleerkracht"}]}, "wat", "geen evaluatiemoment"),
        ({"maatregelen": [{"wat": "Stappenplan.", "wie": "Els Maes", "evaluatie_op": dt.date(2026, 12, 1)}]}, "wie", "functie, geen naam"),
        ({"maatregelen": [{"wat": "Stappenplan.", "wie": "Juf Sarah Peeters", "evaluatie_op": dt.date(2026, 12, 1)}]}, "wie", "functie, geen naam"),
    ],
)
def test_each_smart_rule(wijzig: dict, veld: str, woorden: str) -> None:
    gevonden = meldingen({**GOED, **wijzig})
    assert len(gevonden) == 1, gevonden
    loc, tekst = gevonden[0]
    assert loc[:2] == ("doelen", 0) and loc[-1] == veld
    assert woorden in tekst


def test_an_evaluated_goal_past_its_end_is_fine_and_a_closed_case_is_not_nagged() -> None:
    voorbij = {**GOED, "einde": dt.date(2026, 11, 1)}
    assert meldingen({**voorbij, "evaluaties": [{"datum": dt.date(2026, 10, 25), "bereikt": "ja"}]}) == []
    gesloten = {
        "fase": "afgesloten",
        "trajecten": [{"vorm": "regulier", "start": dt.date(2024, 10, 15), "einde": dt.date(2026, 11, 20)}],
        "geschiedenis": [{"datum": dt.date(2026, 11, 20), "fase": "afgesloten", "door": "Els"}],
        "evaluaties": [{"datum": dt.date(2026, 11, 20), "beslissing": "afsluiten", "reden": "doelen_bereikt"}],
    }
    assert meldingen(voorbij, **gesloten) == []


@pytest.mark.parametrize("wie", ["klasleerkracht", "zorgleerkracht", "ondersteuner", "LO-leerkracht", "ouders", "De klasleerkracht"])
def test_functions_are_not_names(wie: str) -> None:
    assert not lijkt_naam(wie, {"Els Maes"})


def test_example_cases_pass_the_smart_check(run, voorbeeld: Path) -> None:
    result = run("valideer", "--streng")
    assert result.exit_code == 0, result.stdout


def test_streng_turns_smart_warnings_into_errors(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    pad.write_text(pad.read_text().replace("Noah start zelf de voorleessoftware bij 4 op 5 leesopdrachten.", "Noah leest beter."))
    assert run("valideer").exit_code == 0
    result = run("valideer", "--streng")
    assert result.exit_code == 1
    assert re.search(r"cases/KLM-2025-003\.yaml:\d+:16: waarschuwing: D1: 'specifiek' noemt geen getal", result.stdout)


# ---------------------------------------------------------------------------- leersteun doel


def test_doel_with_options(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "JZF-2025-004.yaml"
    result = run(
        "doel", "finn", "--domein", "socio-emotioneel", "--omschrijving", "Finn speelt samen met een andere kleuter.",
        "--specifiek", "Finn speelt 3 keer per week 10 minuten samen in de bouwhoek.",
        "--meetbaar", "De kleuterjuf noteert elke dag op een turflijst of het lukt.",
        "--acceptabel", "Afgesproken met de kleuterjuf, de zorgco en de ouders.",
        "--realistisch", "Finn speelt thuis al samen met zijn neef.",
        "--start", "2026-12-01", "--einde", "2027-03-26",
        "--onderwijsbehoefte", "spel nodig dat kort en voorspelbaar is",
        "--ondersteuningsbehoefte", "kennis van spelbegeleiding",
        "--maatregel", "Speelkaartjes met vaste rollen.", "--wie", "klasleerkracht", "--periode", "tijdelijk",
        "--wanneer", "elke speeltijd in de hoeken", "--hoe", "Kaartjes met pictogrammen.", "--maatregel-evaluatie", "2027-01-29",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Doel D1 toegevoegd." in result.stdout and "D1 is SMART geformuleerd: geen opmerkingen." in result.stdout
    # bijlage 5 once, as a reminder after the measure (the dialogue shows it as a checklist)
    herinnering = "Een passende maatregel (bijlage 5) is: maatwerk; SMART; waar mogelijk ook goed voor andere leerlingen;"
    assert result.stdout.count(herinnering) == 1
    assert result.stdout.index("Maatregel toegevoegd aan D1.") < result.stdout.index(herinnering) < result.stdout.index("D1 is SMART")
    tekst = pad.read_text()
    assert (
        "doelen:\n  - id: D1\n    domein: socio-emotioneel\n    omschrijving: Finn speelt samen met een andere kleuter.\n"
        "    specifiek: Finn speelt 3 keer per week 10 minuten samen in de bouwhoek.\n"
    ) in tekst
    assert "    onderwijsbehoeften:\n      - spel nodig dat kort en voorspelbaar is\n" in tekst
    assert "      - wat: Speelkaartjes met vaste rollen.\n        periode: tijdelijk\n        wie: klasleerkracht\n" in tekst
    assert run("valideer", "--streng").exit_code == 0
    # now the case can start its support
    geweigerd = run("fase", "finn", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur")
    assert geweigerd.exit_code == 1 and "een opstartgesprek" in geweigerd.output and "leervraag" not in geweigerd.output
    assert (
        run(
            "fase", "finn", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 uur", "--opstartgesprek", "2026-11-24", "--duur", "3 maanden"
        ).exit_code
        == 0
    )


def test_the_reminder_names_the_seven_criteria_of_bijlage_5() -> None:
    from leersteun.rules.doelen import PASSENDE_MAATREGEL, PASSENDE_MAATREGEL_KORT, passende_maatregel_herinnering

    assert len(PASSENDE_MAATREGEL_KORT) == len(PASSENDE_MAATREGEL) == 7
    tekst = passende_maatregel_herinnering()
    assert all(kort in tekst for kort in PASSENDE_MAATREGEL_KORT) and "?" not in tekst and len(tekst) < 320


def test_doel_shows_smart_warnings_with_lines(voorbeeld: Path, run) -> None:
    result = run("doel", "finn", "--domein", "cognitief", "--omschrijving", "Finn telt beter.")
    assert result.exit_code == 0
    assert "cases/JZF-2025-004.yaml:" in result.stdout and "vaag woord 'beter'" in result.stdout
    assert "'specifiek' ontbreekt" in result.stdout


def test_doel_interactive_with_beeldvorming_and_a_measure(voorbeeld: Path, run) -> None:
    invoer = [
        "j",  # beeldvorming first
        "Finn speelt alleen en wordt boos als iemand meedoet.",
        "De klas wacht vaak op Finn; we maken ons zorgen over zijn vriendschappen.",  # tegenaan, zorgen
        "Speelt vooral alleen in de bouwhoek.", "",  # observaties
        "", # toetsgegevens
        "Helpt graag opruimen.", "", "Wordt boos bij wachten.", "",  # socio-emotioneel
        "", "",  # motorisch
        "", "",  # cognitief
        "dinosaurussen", "",  # interesses
        "zijn neef Lars", "",  # ondersteunende figuren
        "nee", "Finn liep weg als het maatje kwam.",  # al geprobeerd: Speelmaatje in de bouwhoek
        "", "",  # Praatplaten bij het onthaal: not known
        "Samen opruimen", "ja", "Finn helpt graag.", "",  # one more, then on
        "socio-emotioneel",
        "Finn speelt samen met een andere kleuter.",
        "Ontwikkelingsdoel: samen spelen (sociale vaardigheden).",  # leerplandoel
        "Finn speelt 3 keer per week 10 minuten samen in de bouwhoek.",
        "De kleuterjuf noteert elke dag op een turflijst of het lukt.",
        "Afgesproken met de kleuterjuf en de ouders.",
        "Finn speelt thuis al samen met zijn neef.",
        "2026-12-01", "2027-03-26",
        "spel nodig dat kort en voorspelbaar is", "",
        "kennis van spelbegeleiding", "",
        "j",  # a measure
        "Speelkaartjes met vaste rollen.", "Finn wacht op zijn beurt.", "tijdelijk", "2027-01-29",
        "Els Maes", "klasleerkracht",  # a name is refused, then a function
        "in de bouwhoek",  # waar
        "elke speeltijd", "Kaartjes met pictogrammen.",
        "n",
    ]  # fmt: skip
    result = run("doel", "finn", input="\n".join(invoer) + "\n")
    assert result.exit_code == 0, result.output
    assert "Specifiek: een waarneembaar gedrag of resultaat" in result.stdout
    assert "De leerling heeft …" in result.stdout and "Als leraar heb ik nood aan …" in result.stdout
    assert "geen naam" in result.stdout
    d = Dossier.model_validate(YAML(typ="safe").load((voorbeeld / "cases" / "JZF-2025-004.yaml").read_text()))
    assert d.beeldvorming.reden == "Finn speelt alleen en wordt boos als iemand meedoet."
    assert d.beeldvorming.domeinen["socio-emotioneel"].belemmerend == ["Wordt boos bij wachten."]
    assert d.doelen[0].maatregelen[0].wie == "klasleerkracht"
    assert d.doelen[0].einde == dt.date(2027, 3, 26)
    assert "D1 is SMART geformuleerd" in result.stdout
    # seed 004, bijlage 2: "Waar loop je … tegenaan? Waar maak je je zorgen om?", interests, "Ondersteunende figuren"
    assert d.beeldvorming.zorgen == "De klas wacht vaak op Finn; we maken ons zorgen over zijn vriendschappen."
    assert d.beeldvorming.interesses == ["dinosaurussen"] and d.beeldvorming.ondersteunende_figuren == ["zijn neef Lars"]
    # seed 002: "afstemmen wat er al uitgeprobeerd werd: wat lukte (niet), redenen"
    assert [str(x) for x in d.leervraag.al_geprobeerd] == [
        "Speelmaatje in de bouwhoek: lukte niet (Finn liep weg als het maatje kwam)", "Praatplaten bij het onthaal", "Samen opruimen: lukte (Finn helpt graag)",
    ]  # fmt: skip
    # bijlage 6: "Welk (leerplan)doel / eindterm heb je voor ogen?" and "wie, wat, waar, wanneer, hoe"
    assert d.doelen[0].leerplandoel == "Ontwikkelingsdoel: samen spelen (sociale vaardigheden)."
    assert d.doelen[0].maatregelen[0].waar == "in de bouwhoek"
    scherm = " ".join(result.stdout.split())
    # bijlage 4: every HGW-hulpzin of the pupil and of the teacher, "overige" and the ending included
    for zin in ("De leerling heeft instructie nodig die …", "De leerling heeft overige nodig …", "… om het doel te behalen.",
                "Als leraar heb ik nood aan collega's die …", "Als leraar heb ik nood aan een zorgcoördinator die …",
                "Als leraar heb ik nood aan een directie die …", "Als leraar heb ik nood aan 'meer handen in de klas' in de vorm van …",
                "Als leraar heb ik nood aan een ondersteuner die …", "Als leraar heb ik nood aan een CLB-medewerker die …"):  # fmt: skip
        assert zin in scherm, zin
    # bijlage 5: the seven criteria of a passende maatregel, as a checklist before the measure
    assert scherm.index("Een passende maatregel (bijlage 5):") < scherm.index("Wat? Welke maatregel")
    for criterium in ("[ ] is maatwerk", "[ ] is SMART", "[ ] komt tot stand in overleg met alle betrokkenen", "[ ] is ingebed in de zorgvisie van de school"):
        assert criterium in scherm, criterium
    assert "(bijlage 5) is:" not in scherm  # the reminder is for the routes without the checklist


def test_doel_evaluation(voorbeeld: Path, run) -> None:
    result = run("doel", "arthur", "--doel", "d1", "--evalueer", "--bereikt", "deels", "--behouden", "Weekplanning.", "--bijsturen", "Ook toetsen.")
    assert result.exit_code == 0, result.output
    tekst = (voorbeeld / "cases" / "RGN-2025-002.yaml").read_text()
    assert (
        "    evaluaties:\n      - datum: 2026-11-24\n        bereikt: deels\n        behouden: Weekplanning.\n        bijsturen: Ook toetsen.\n        door: An Janssens\n"
        in tekst
    )
    result = run("doel", "arthur", "--doel", "D1", "--evalueer", input="ja\n\n\n\n\nWeekplanning voor de hele klas.\n\n")
    assert result.exit_code == 0, result.output
    assert "breder_inzetten: Weekplanning voor de hele klas." in (voorbeeld / "cases" / "RGN-2025-002.yaml").read_text()


def test_doel_refusals_change_nothing(voorbeeld: Path, run) -> None:
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    result = run("doel", "mila", "--domein", "cognitief", "--omschrijving", "x")
    assert result.exit_code == 1 and "afgesloten" in result.stderr
    result = run("doel", "arthur", "--doel", "D9", "--specifiek", "x")
    assert result.exit_code == 1 and "geen doel 'D9' (wel: D1, D2)" in result.stderr
    result = run("doel", "arthur", "--evalueer")
    assert result.exit_code == 2 and "--doel" in result.stderr
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


# ---------------------------------------------------------------------------- leersteun fiche

INTERN = ("D1", "D2", "RGN-2025-002", "socio-emotioneel", "cognitief", "tijdelijk", "evaluatie_op", "beoogd_effect", "bereikt: ")


def test_fiche_markdown_and_html(voorbeeld: Path, run, snapshot) -> None:
    assert run("doel", "arthur", "--doel", "D1", "--evalueer", "--bereikt", "deels", "--behouden", "Weekplanning op maandag.").exit_code == 0
    result = run("fiche", "arthur", "--formaat", "md")
    assert result.exit_code == 0, result.output
    assert "Doelfiche geschreven: out/RGN-2025-002-doelfiche.md" in result.stdout
    md = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    snapshot("fiche_arthur.md", md)
    assert run("fiche", "arthur", "--formaat", "html").exit_code == 0
    html = (voorbeeld / "out" / "RGN-2025-002-doelfiche.html").read_text()
    snapshot("fiche_arthur.html", html)
    for tekst in (md, html):
        for code in INTERN:
            assert code not in tekst, code
        assert "Het doel is deels bereikt." in tekst and "Cognitieve ontwikkeling" in tekst


def test_fiche_pdf_text(voorbeeld: Path, run, pdftotext: str) -> None:
    result = run("fiche", "arthur", "--formaat", "pdf", "--doel", "D2", "--uit", "out/arthur-doel2.pdf")
    assert result.exit_code == 0, result.output
    inhoud = subprocess.run([pdftotext, str(voorbeeld / "out" / "arthur-doel2.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    plat = " ".join(inhoud.split())
    assert "Doelen voor Arthur Goossens" in plat
    assert "Doel 2: Arthur vraagt zelf hulp als hij vastloopt." in plat
    assert "Hulpkaart op de bank." in plat and "Sociaal-emotionele ontwikkeling" in plat
    assert "Doel 1" not in plat


def _paginas(pdftotext: str, pad: Path) -> list[list[str]]:
    """The lines of each page of a PDF (the page number at the foot left out)."""
    inhoud = subprocess.run([pdftotext, "-layout", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    return [[r.strip() for r in p.splitlines() if r.strip() and not re.fullmatch(r"\s*pagina \d+ van \d+", r)] for p in inhoud.split("\f")[:-1]]


def test_a_goal_title_never_ends_a_page_and_a_goal_moves_only_when_it_does_not_fit(voorbeeld: Path, run, pdftotext: str) -> None:
    """Issue 28, the README's Arthur example (its commands, in its order): with a second measure
    and an evaluation D1 is longer than a page. Its title stood alone on a page and D1 took three pages; now it begins under the
    beeldvorming and continues on page 2, and D2 (which fits on a page) is whole on page 3."""
    assert (
        run(
            "doel", "arthur", "--doel", "D1", "--maatregel", "Toetsen in rood in de planning.", "--wie", "klasleerkracht", "--maatregel-evaluatie", "11-01-2027"
        ).exit_code
        == 0
    )
    assert (
        run(
            "doel",
            "arthur",
            "--doel",
            "D1",
            "--evalueer",
            "--bereikt",
            "deels",
            "--behouden",
            "Weekplanning op maandag.",
            "--bijsturen",
            "Ook toetsen aanduiden.",
        ).exit_code
        == 0
    )
    hoe = "De zorgleerkracht overloopt de planning op maandag."
    assert run("doel", "arthur", "--doel", "D1", "--wijzig-maatregel", "rood", "--wie", "zorgleerkracht", "--hoe", hoe).exit_code == 0
    assert run("fiche", "arthur", "--formaat", "pdf", "--uit", "out/arthur.pdf").exit_code == 0
    paginas = _paginas(pdftotext, voorbeeld / "out" / "arthur.pdf")
    for regels in paginas:  # no page ends with a goal's title or its domain (the line under the title)
        assert not re.match(r"Doel \d+: ", regels[-1]) and not regels[-1].endswith("ontwikkeling"), regels[-3:]
        titels = [i for i, r in enumerate(regels) if re.match(r"Doel \d+: ", r)]
        for i in titels:  # a title is followed by the first row of its table on the same page
            assert any(r.startswith("Doel ") and "Arthur" in r for r in regels[i + 2 : i + 4]), regels[i:]
    assert len(paginas) == 3
    eerste, tweede, derde = (" ".join(p) for p in paginas)
    assert "Hoe we Arthur zien" in eerste and "Doel 1: Arthur plant" in eerste  # no page left half empty before D1
    assert "Wat de leerkracht" in eerste and "Afspraken" not in eerste  # as the README says: up to what Arthur and the teacher need
    assert "Evaluatie" in tweede and "Doel 2" not in tweede
    assert derde.startswith("Doel 2: Arthur vraagt") and "Arthur legt de kaart omhoog" in derde  # whole, on the page it fits on


@pytest.fixture(scope="module")
def arthur_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`fiche arthur --formaat pdf` in a copy of the example folder, rendered once for the tests
    that only read the PDF."""
    import shutil

    from typer.testing import CliRunner

    from leersteun.cli import app
    from tests.conftest import zet_vaste_omgeving

    map_ = tmp_path_factory.mktemp("arthur") / "voorbeeld"
    shutil.copytree(ROOT / "cases", map_ / "cases")
    shutil.copy(ROOT / "leersteun.yaml", map_)
    with pytest.MonkeyPatch.context() as mp:
        zet_vaste_omgeving(mp)
        mp.chdir(map_)
        result = CliRunner().invoke(app, ["fiche", "arthur", "--formaat", "pdf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return map_ / "out" / "RGN-2025-002-doelfiche.pdf"


def test_a_goal_that_fits_on_a_page_stays_whole(arthur_pdf: Path, pdftotext: str) -> None:
    """The example's goals fit on a page: each is whole on one page, its title above its table."""
    paginas = [" ".join(p) for p in _paginas(pdftotext, arthur_pdf)]
    for titel, laatste in (("Doel 1: Arthur plant", "Planning samen overlopen"), ("Doel 2: Arthur vraagt", "Arthur legt de kaart omhoog")):
        pagina = next(p for p in paginas if titel in p)
        assert "Zo weten we of" in pagina.split(titel, 1)[1] and laatste in pagina.split(titel, 1)[1], titel


def test_fiche_shows_the_beeldvorming(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    pad.write_text(
        pad.read_text().replace(
            "\ndoelen:\n",
            "\nbeeldvorming:\n  reden: Noah leest traag en raakt ontmoedigd.\n  domeinen:\n    cognitief:\n"
            "      stimulerend: [Sterk in rekenen.]\n      belemmerend: [Lezen kost veel energie.]\n\ndoelen:\n",
        )
    )
    assert run("valideer").exit_code == 0
    assert run("fiche", "noah", "--formaat", "md").exit_code == 0
    md = (voorbeeld / "out" / "KLM-2025-003-doelfiche.md").read_text()
    assert "## Hoe we Noah zien" in md and "- Dit lukt goed: Sterk in rekenen." in md and "- Dit is moeilijk: Lezen kost veel energie." in md


def test_fiche_without_goals_and_with_a_folder_template(voorbeeld: Path, run) -> None:
    result = run("fiche", "ella")
    assert result.exit_code == 1 and "nog geen doelen" in result.stderr
    eigen = voorbeeld / "templates" / "fiche"
    eigen.mkdir(parents=True)
    (eigen / "fiche.md.j2").write_text("{% for d in doelen %}{{ d.titel }}: {{ d.omschrijving }}\n{% endfor %}")
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    assert (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text() == (
        "Doel 1: Arthur plant zijn taken en toetsen voor een hele week.\nDoel 2: Arthur vraagt zelf hulp als hij vastloopt.\n"
    )


def test_fiche_html_is_escaped(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    pad.write_text(pad.read_text().replace("Arthur vraagt thuis al hulp.", "Arthur <b>vraagt</b> thuis al hulp & meer."))
    assert run("fiche", "arthur", "--formaat", "html").exit_code == 0
    html = (voorbeeld / "out" / "RGN-2025-002-doelfiche.html").read_text()
    assert "Arthur &lt;b&gt;vraagt&lt;/b&gt; thuis al hulp &amp; meer." in html


def test_root_fixture_is_the_repository() -> None:
    assert (ROOT / "templates" / "fiche" / "fiche.html.j2").is_file()


def test_markdown_outputs_escape_user_text(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    pad.write_text(
        pad.read_text()
        .replace("omschrijving: Arthur plant zijn taken", "omschrijving: <img src=x onerror=alert(1)> Arthur plant | zijn *taken*")
        .replace("    notitie: Toegewezen aan Pieter Dewulf", "    notitie: <script>alert(1)</script> | Toegewezen aan Pieter Dewulf")
    )
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    fiche = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    assert "<img" not in fiche and "&lt;img src=x onerror=alert(1)&gt; Arthur plant \\| zijn \\*taken\\*" in fiche
    overzicht = run("overzicht", "--formaat", "md", "--week", "2026-W38").stdout
    assert "<script>" not in overzicht and "&lt;script&gt;alert(1)&lt;/script&gt; \\| Toegewezen" in overzicht
    regel = next(r for r in overzicht.splitlines() if "alert(1)" in r)
    assert regel.count(" | ") == 5  # the | in the note does not add a column (6 columns)


def test_pdfs_are_tagged_for_screen_readers(voorbeeld: Path, run, pdftotext: str, arthur_pdf: Path) -> None:
    """PDF/UA: a structure tree, the language nl-BE and a title (as pdfinfo, an independent reader, sees them)."""
    import email
    import email.policy
    import shutil
    import subprocess

    pdfinfo = shutil.which("pdfinfo") or str(Path(pdftotext).with_name("pdfinfo"))
    mail = run("mail", "arthur")
    assert mail.exit_code == 0, mail.output
    eml = next((voorbeeld / "out").glob("*.eml"))
    bijlage = next(
        d.get_content()
        for d in email.message_from_bytes(eml.read_bytes(), policy=email.policy.default).iter_attachments()
        if d.get_content_type() == "application/pdf"
    )
    checklist = voorbeeld / "out" / "checklist.pdf"
    checklist.write_bytes(bijlage)
    for pad, titel in ((arthur_pdf, "Doelen voor Arthur Goossens"), (checklist, "Checklist heropstart")):
        info = subprocess.run([pdfinfo, str(pad)], capture_output=True, text=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), info
        assert titel in info
        assert 'pdfuaid:part="1"' in subprocess.run([pdfinfo, "-meta", str(pad)], capture_output=True, text=True).stdout
        objecten = b"".join(_pdf_stromen(pad.read_bytes()))
        assert b"/StructTreeRoot" in objecten and b"(nl-BE)" in objecten
        assert "Lotte" not in subprocess.run([pdftotext, str(pad), "-"], capture_output=True, text=True).stdout  # no example pupil in a template


def _pdf_stromen(pdf: bytes) -> list[bytes]:
    """The decompressed streams of a PDF (its objects live in compressed object streams)."""
    import zlib

    uit = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            uit.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return uit


def test_documents_say_what_a_reader_needs(voorbeeld: Path, run, monkeypatch) -> None:
    # a past review date says that it still has to happen
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    fiche = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    assert "Afgesproken om ze op 23 november 2026 te bekijken; dat gesprek moet nog plaatsvinden." in fiche
    assert "**Met wie is het afgesproken?**" in fiche and "Wie doet wat?" not in fiche
    # the goal sheet of a closed support says that it ended, and when
    assert run("fiche", "lena", "--formaat", "md").exit_code == 0
    lena = (voorbeeld / "out" / "RGN-2025-006-doelfiche.md").read_text()
    assert "**De ondersteuning is afgesloten op 26 juni 2026 (de doelen zijn bereikt).**" in lena
    html = run("fiche", "lena", "--formaat", "html")
    assert html.exit_code == 0
    assert "page-break-inside: avoid" in (voorbeeld / "out" / "RGN-2025-006-doelfiche.html").read_text()


def test_the_checklist_names_who_filled_it_in(voorbeeld: Path, run, monkeypatch) -> None:
    import email
    import email.policy
    import shutil
    import subprocess
    import textwrap

    bestand = voorbeeld / "antwoorden.yaml"
    from .test_heropstart import VOLLEDIG, _yaml

    bestand.write_text("analyse_met: ondersteuner\nuitkomst: heropstart\nmotivatie: Aanpak bestaat.\nchecklist:\n" + textwrap.indent(_yaml(VOLLEDIG), "  "))
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "Tom Vermeulen")
    assert run("heropstart", "lena", "--antwoorden", str(bestand), "--overleg-school-clb", "2026-11-20").exit_code == 0
    assert run("mail", "lena").exit_code == 0
    eml = next((voorbeeld / "out").glob("RGN-2025-006-*.eml"))
    pdf = next(
        d.get_content()
        for d in email.message_from_bytes(eml.read_bytes(), policy=email.policy.default).iter_attachments()
        if d.get_content_type() == "application/pdf"
    )
    (voorbeeld / "out" / "c.pdf").write_bytes(pdf)
    tekst = subprocess.run([shutil.which("pdftotext") or "pdftotext", str(voorbeeld / "out" / "c.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Ingevuld door Tom Vermeulen" in " ".join(tekst.split())
    assert "An Janssens" not in tekst  # the configured sender did not fill it in


# ---------------------------------------------------------------------------- a measure corrected (issue 26)


def _wijzig(voorbeeld: Path, welke: str, **velden):
    from leersteun.editing import goals
    from leersteun.editing.bewerk import pas_toe
    from leersteun.editing.trajectory import Wie
    from leersteun.reading.dossiers import lees_dossier

    ctx = Context(vandaag=dt.date(2026, 11, 24))
    wie = Wie("Els Maes", dt.date(2026, 11, 24))
    gelezen = lees_dossier(voorbeeld / "cases" / "KLM-2025-003.yaml", ctx)
    return pas_toe(gelezen, ctx, lambda data, d: goals.wijzig_maatregel(data, d, "d1", welke, velden, wie))


def test_a_measure_is_corrected_by_number_or_text_with_a_history_line(voorbeeld: Path) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    oud = pad.read_text()
    meldingen = _wijzig(voorbeeld, "1", wie="zorgleerkracht", evaluatie_op=dt.date(2027, 1, 15))
    assert meldingen == ["De maatregel 1 van D1 ('Voorleessoftware op de laptop bij elke leesopdracht.') is aangepast: "
                         "wie klasleerkracht → zorgleerkracht; evaluatie op 07-12-2026 → 15-01-2027."]  # fmt: skip
    nieuw = pad.read_text()
    assert "        wie: zorgleerkracht\n" in nieuw and "        evaluatie_op: 2027-01-15\n" in nieuw
    assert "gecorrigeerd: wie klasleerkracht → zorgleerkracht; evaluatie op 07-12-2026 → 15-01-2027." in nieuw
    assert len(nieuw.splitlines()) == len(oud.splitlines()) + 4  # the two fields in place, one history entry
    assert _wijzig(voorbeeld, "LAPTOP", wie="zorgleerkracht") == [
        "De maatregel 1 van D1 ('Voorleessoftware op de laptop bij elke leesopdracht.') had die waarden al; er is niets gewijzigd."
    ]


def test_a_measure_that_is_not_there_or_not_one_is_refused_with_the_list(voorbeeld: Path) -> None:
    from leersteun.rules.weigering import Geweigerd

    for welke in ("2", "tablet", ""):
        with pytest.raises(Geweigerd) as e:
            _wijzig(voorbeeld, welke, wie="zorgleerkracht")
        assert "1. Voorleessoftware op de laptop bij elke leesopdracht;" not in e.value.boodschap
        assert "1. Voorleessoftware op de laptop bij elke leesopdracht." in e.value.boodschap


def test_wijzig_maatregel_from_the_command_line(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    result = run(
        "doel", "noah", "--doel", "D1", "--wijzig-maatregel", "1", "--hoe", "Laptop klaar; de zorgleerkracht start de software.", "--periode", "tijdelijk"
    )
    assert result.exit_code == 0, result.output
    assert "periode blijvend → tijdelijk; hoe Laptop klaar op de bank; software staat open. → Laptop klaar" in result.stdout
    assert "D1 is SMART geformuleerd" in result.stdout
    assert "        periode: tijdelijk\n" in pad.read_text()
    voor = digest(pad)
    for opdracht, code, woorden in (
        (["--wijzig-maatregel", "1", "--wie", "x"], 2, "geef ook --doel mee"),
        (["--doel", "D1", "--wijzig-maatregel", "1"], 2, "Zeg wat er verandert"),
        (["--doel", "D1", "--wijzig-maatregel", "1", "--wie", "x", "--omschrijving", "y"], 2, "--omschrijving heeft hier geen effect"),
        (["--doel", "D9", "--wijzig-maatregel", "1", "--wie", "x"], 1, "geen doel 'D9'"),
    ):
        geweigerd = run("doel", "noah", *opdracht)
        assert geweigerd.exit_code == code and woorden in geweigerd.stderr, geweigerd.output
    assert digest(pad) == voor


def test_a_goal_evaluation_entered_late_goes_to_its_place(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    result = run("doel", "noah", "--doel", "D1", "--bereikt", "nee", "--behouden", "Laptop.", "--datum", "2026-03-01")
    assert result.exit_code == 0, result.output
    tekst = pad.read_text()
    assert tekst.index("      - datum: 2026-03-01\n        bereikt: nee") < tekst.index("      - datum: 2026-06-15\n        bereikt: deels")
    assert run("valideer", "cases/KLM-2025-003.yaml").exit_code == 0


# ---------------------------------------------------------------------------- seed 004 kept (issue 27, point 9)


def test_a_goal_evaluation_asks_the_intended_effects_of_the_redelijke_aanpassing_first(voorbeeld: Path, run) -> None:
    """Seed 004, bijlage 6, Evalueer het proces: "Welke effecten beogen we met de redelijke
    aanpassing i.f.v. de te bereiken doelen?" comes before "Wat behouden we?"."""
    result = run("doel", "arthur", "--doel", "D1", "--evalueer", input="deels\nArthur plant zonder hulp.\nWeekplanning.\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.index("Welke effecten beogen we met de redelijke aanpassing") < result.stdout.index("Wat behouden we")
    tekst = (voorbeeld / "cases" / "RGN-2025-002.yaml").read_text()
    assert "        bereikt: deels\n        beoogde_effecten: Arthur plant zonder hulp.\n        behouden: Weekplanning.\n" in tekst
    assert run("doel", "arthur", "--doel", "D2", "--bereikt", "ja", "--beoogde-effecten", "Arthur vraagt zelf hulp.").exit_code == 0
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    fiche = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    assert "- **Dit willen we bereiken met de aanpassing:** Arthur vraagt zelf hulp." in fiche


def _maatregel(**velden):
    from leersteun.rules.model import Maatregel

    return Maatregel.model_validate({"wat": "Weekplanning hangt in de klas.", "evaluatie_op": dt.date(2027, 1, 11), **velden})


def test_a_lasting_measure_is_reviewed_again_and_again() -> None:
    """Seed 004, bijlage 6: "ook de langdurige of blijvende maatregelen worden op regelmatige basis
    geëvalueerd". A blijvende maatregel with evaluatie_elke_weken keeps a deadline: after each
    evaluation of its goal the next moment, n weeks on; a temporary one is done after one review."""
    from leersteun.rules.deadlines import volgende_herbekijking

    blijvend = _maatregel(periode="blijvend", evaluatie_elke_weken=6)
    assert volgende_herbekijking(blijvend, []) == dt.date(2027, 1, 11)
    assert volgende_herbekijking(blijvend, [dt.date(2027, 1, 8)]) == dt.date(2027, 2, 22)
    assert volgende_herbekijking(blijvend, [dt.date(2027, 1, 8), dt.date(2027, 2, 20)]) == dt.date(2027, 4, 5)
    assert volgende_herbekijking(blijvend, [dt.date(2027, 5, 3)]) == dt.date(2027, 6, 28)  # 3 May did the review of 17 May (held early)
    assert volgende_herbekijking(_maatregel(periode="tijdelijk"), [dt.date(2027, 1, 8)]) is None
    # no rhythm agreed: every trimester (the last school day before the paasvakantie), until the goal ends
    assert volgende_herbekijking(_maatregel(periode="blijvend"), [dt.date(2027, 1, 8)]) == dt.date(2027, 3, 26)
    assert volgende_herbekijking(_maatregel(periode="blijvend"), [dt.date(2027, 1, 8)], einde=dt.date(2027, 3, 19)) is None


def test_a_lasting_measure_in_the_agenda_and_the_refusals(voorbeeld: Path, run, monkeypatch) -> None:
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    voor = digest(pad)
    for opties, woorden in (
        (["--periode", "tijdelijk", "--maatregel-evaluatie", "11-01-2027"], "Alleen een blijvende maatregel"),
        (["--periode", "blijvend"], "de eerste keer bekeken"),
    ):
        geweigerd = run("doel", "arthur", "--doel", "D1", "--maatregel", "Weekplanning hangt in de klas.", "--evaluatie-elke", "6", *opties)
        assert geweigerd.exit_code == 1 and woorden in geweigerd.stderr, geweigerd.output
    assert digest(pad) == voor
    assert run("doel", "arthur", "--doel", "D1", "--einde", "2027-03-26").exit_code == 0  # its goal runs on: the reviews too
    result = run("doel", "arthur", "--doel", "D1", "--maatregel", "Weekplanning hangt in de klas.", "--periode", "blijvend",
                 "--maatregel-evaluatie", "11-01-2027", "--evaluatie-elke", "6", "--wie", "klasleerkracht", "--waar", "in de klas")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "        periode: blijvend\n        wie: klasleerkracht\n        waar: in de klas\n        evaluatie_op: 2027-01-11\n        evaluatie_elke_weken: 6\n"
        in pad.read_text()
    )
    assert run("doel", "arthur", "--doel", "D1", "--bereikt", "deels", "--datum", "2027-01-11").exit_code == 0
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-01-12")
    agenda = run("agenda", "--weken", "8").stdout
    assert "22-02-2027" in agenda  # 11-01 + 6 weeks: the next review
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    fiche = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    assert "Blijvende maatregel. We bekijken ze om de 6 weken opnieuw; de volgende keer op 22 februari 2027." in fiche
    assert "- **Waar:** in de klas" in fiche


def test_the_goal_sheet_names_the_trimester_review_of_a_lasting_measure(voorbeeld: Path, run) -> None:
    """Seed 004: "ook de langdurige of blijvende maatregelen worden op regelmatige basis
    geëvalueerd": without an interval the sheet names the next end of a trimester, as the agenda
    counts it, and never a review after the goal's end."""
    assert run("doel", "arthur", "--doel", "D1", "--einde", "2027-03-26").exit_code == 0
    result = run("doel", "arthur", "--doel", "D1", "--maatregel", "Vaste plaats vooraan.", "--periode", "blijvend", "--wie", "klasleerkracht")
    assert result.exit_code == 0, result.output
    agenda = run("agenda", "--weken", "6").stdout
    assert "18-12-2026" in agenda  # the last school day before the kerstvakantie
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    fiche = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    assert "We bekijken ze elk trimester opnieuw; de volgende keer op 18 december 2026." in fiche


def test_the_goal_sheet_shows_leerplandoel_and_the_whole_beeldvorming(voorbeeld: Path, run) -> None:
    """Seed 004: bijlage 6 "Welk (leerplan)doel / eindterm heb je voor ogen?"; bijlage 2 "Waar loop
    je … tegenaan? Waar maak je je zorgen om?", "Welke sterktes, interesses …", "Ondersteunende figuren"."""
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"
    oud = pad.read_text()
    pad.write_text(
        oud.replace(
            "\ndoelen:\n",
            "\nbeeldvorming:\n  reden: Noah leest traag.\n  zorgen: Noah haakt af bij lange teksten.\n"
            "  interesses: [voetbal]\n  ondersteunende_figuren: [zijn oma leest elke avond voor]\n\ndoelen:\n",
        )
    )
    assert run("valideer").exit_code == 0
    assert run("doel", "noah", "--doel", "D1", "--leerplandoel", "Eindterm Nederlands - leest een tekst met hulpmiddelen.").exit_code == 0
    tekst = pad.read_text()
    assert re.search(r"    omschrijving: .*\n    leerplandoel: Eindterm Nederlands - leest een tekst met hulpmiddelen.\n", tekst)
    for formaat in ("md", "html"):
        assert run("fiche", "noah", "--formaat", formaat).exit_code == 0
        fiche = " ".join((voorbeeld / "out" / f"KLM-2025-003-doelfiche.{formaat}").read_text().split())
        for woorden in ("Leerplandoel of eindterm", "Eindterm Nederlands - leest een tekst met hulpmiddelen.", "Waar de school tegenaan loopt",
                        "Noah haakt af bij lange teksten.", "Sterktes en interesses om op te bouwen", "voetbal",
                        "Wie en wat Noah steunt", "zijn oma leest elke avond voor"):  # fmt: skip
            assert woorden in fiche, (formaat, woorden)


def test_old_case_files_stay_byte_identical_when_nothing_changes(voorbeeld: Path) -> None:
    """The new keys of point 9 are optional: every example case, read and saved through the edit
    machinery without a change, stays byte for byte the same."""
    from leersteun.editing.bewerk import pas_toe
    from leersteun.reading.dossiers import lees_dossier

    ctx = Context(vandaag=dt.date(2026, 11, 24))
    for pad in sorted((voorbeeld / "cases").glob("*.yaml")):
        voor = digest(pad)
        pas_toe(lees_dossier(pad, ctx), ctx, lambda data, d: [])
        assert digest(pad) == voor, pad.name


def test_what_was_tried_says_what_worked_and_why(voorbeeld: Path, run) -> None:
    """Seed 002, the ondersteuner: "afstemmen wat er al uitgeprobeerd werd: wat lukte (niet),
    redenen". A plain line of the leervraag gets its answer in place; a new one is added."""
    pad = voorbeeld / "cases" / "RGN-2025-002.yaml"
    result = run("doel", "arthur", "--al-geprobeerd", "planningsschema van vorig jaar", "--gelukt", "nee", "--waarom", "Arthur verloor het blad.")
    assert result.exit_code == 0, result.output
    assert "Al geprobeerd, aangevuld: Planningsschema van vorig jaar." in result.stdout
    assert (
        run("doel", "arthur", "--al-geprobeerd", "Time-timer op de bank", "--gelukt", "deels", "--waarom", "Werkt bij rekenen, niet bij taal.").exit_code == 0
    )
    assert (
        "  al_geprobeerd:\n    - wat: Planningsschema van vorig jaar\n      gelukt: nee\n      waarom: Arthur verloor het blad.\n"
        "    - wat: Time-timer op de bank\n      gelukt: deels\n      waarom: Werkt bij rekenen, niet bij taal.\n"
    ) in pad.read_text()
    assert run("valideer", "--streng").exit_code == 0
    assert run("fiche", "arthur", "--formaat", "md").exit_code == 0
    fiche = (voorbeeld / "out" / "RGN-2025-002-doelfiche.md").read_text()
    assert "- Planningsschema van vorig jaar: lukte niet (Arthur verloor het blad)" in fiche
    assert "- Time-timer op de bank: lukte deels (Werkt bij rekenen, niet bij taal)" in fiche
    toon = " ".join(run("toon", "arthur").stdout.split())
    assert "Planningsschema van vorig jaar: lukte niet (Arthur verloor het blad); Time-timer op de bank" in toon
    voor = digest(pad)
    for opties, code, woorden in (
        (["--al-geprobeerd", "Kaartjes"], 2, "Zeg of 'Kaartjes' lukte"),
        (["--gelukt", "ja"], 2, "horen bij --al-geprobeerd"),
        (["--al-geprobeerd", "Kaartjes", "--gelukt", "ja", "--wie", "klasleerkracht"], 2, "--wie heeft hier geen effect"),
    ):
        geweigerd = run("doel", "arthur", *opties)
        assert geweigerd.exit_code == code and woorden in geweigerd.stderr, geweigerd.output
    assert digest(pad) == voor


def test_the_dialogue_asks_how_often_a_lasting_measure_is_reviewed_again(voorbeeld: Path, run) -> None:
    """Seed 004, bijlage 6: a blijvende maatregel is "op regelmatige basis geëvalueerd"."""
    invoer = [
        "n",  # no beeldvorming
        "cognitief", "Finn telt tot 10 met materiaal.", "", "Finn telt 4 op 5 keer juist tot 10.",
        "De kleuterjuf noteert 2 keer per week of het lukt.", "Afgesproken met de kleuterjuf.", "Finn telt al tot 5.",
        "2026-12-01", "2027-03-26", "", "",
        "j", "Telraam op de tafel.", "", "blijvend", "2027-01-29",
        "elke week", "6",  # not a number of weeks: asked again
        "klasleerkracht", "in de klas", "", "",
        "n",
    ]  # fmt: skip
    result = run("doel", "finn", input="\n".join(invoer) + "\n")
    assert result.exit_code == 0, result.output
    assert "Ook een blijvende maatregel wordt op regelmatige basis geëvalueerd: elk" in result.stdout
    assert "Typ een aantal weken van 1 tot 52" in result.stdout
    d = Dossier.model_validate(YAML(typ="safe").load((voorbeeld / "cases" / "JZF-2025-004.yaml").read_text()))
    m = d.doelen[0].maatregelen[0]
    assert (m.periode.value, m.evaluatie_op, m.evaluatie_elke_weken, m.waar) == ("blijvend", dt.date(2027, 1, 29), 6, "in de klas")


def test_the_dialogue_says_a_blijvende_maatregel_is_reviewed_every_trimester(monkeypatch) -> None:
    import io

    from rich.console import Console

    from leersteun.terminal.doel_ui import vraag_maatregel

    scherm = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO("Vaste plaats vooraan.\n\nblijvend\n18-01-2027\n\nklasleerkracht\n\n\n\n"))
    m = vraag_maatregel(Console(file=scherm, width=200), set())
    assert (m["periode"], m["evaluatie_op"], m["evaluatie_elke_weken"]) == ("blijvend", dt.date(2027, 1, 18), None)
    tekst = scherm.getvalue()
    assert "elk trimester, op de laatste schooldag voor de kerst-, paas- en zomervakantie" in tekst and "(leeg: elk trimester)" in tekst
