"""--anoniem on its own (outputs/anoniem.py): every form a name is written in goes, ordinary
words, dates and numbers that only look like names or phone numbers stay. The commands with
--anoniem are tested in tests/test_veiligheid.py."""

from __future__ import annotations

import pytest

from leersteun.outputs.anoniem import Anonimiseerder
from tests.conftest import DOSSIER


def _dossier(voornaam: str, naam: str, betrokkenen: dict[str, str] | None = None, clb: str = "Karen Claes", id_: str = "T-001"):
    from ruamel.yaml import YAML

    from leersteun.rules.model import Dossier

    tekst = DOSSIER.replace("T-001", id_).replace("voornaam: Lotte", f"voornaam: {voornaam}").replace("naam: Peeters", f"naam: {naam}")
    tekst = tekst.replace("clb_medewerker: Karen Claes", f"clb_medewerker: {clb}")
    mensen = "".join(f"  - rol: {rol}\n    naam: {n}\n" for n, rol in (betrokkenen or {}).items())
    tekst = tekst.replace("trajecten:\n", f"betrokkenen:\n{mensen}trajecten:\n" if mensen else "trajecten:\n")
    return Dossier.model_validate(YAML(typ="safe").load(tekst))


@pytest.fixture(scope="module")
def anon() -> Anonimiseerder:
    """A folder of three cases; the team (Els Maes, An Janssens) stays readable."""
    return Anonimiseerder(["Els Maes", "An Janssens"]).dossiers(
        [
            _dossier("Lotte", "Peeters", {"Sofie Peeters": "ouders", "Joris Van Aken": "klasleerkracht", "Jan te Winkel": "zorgcoordinator"}),
            _dossier("Ben", "Van den Broeck", {"Roos Van 't Hof": "ouders", "Ken Mol": "klasleerkracht"}, clb="Hilde Desmet", id_="T-002"),
            _dossier("Stan", "Goossens-Michiels", {"Els Peeters": "ouders"}, id_="T-003"),
        ]
    )


@pytest.mark.parametrize(
    "tekst,verwacht",
    [
        # the examples
        ("mailde lottepeeters@gmail.com", "mailde (e-mailadres)"),
        ("LottePeeters op Smartschool", "L.P. op Smartschool"),
        ("Lot\u00adte en Lot\u200bte", "L. en L."),
        ("we gaan te voet, Lotte komt te laat", "we gaan te voet, L. komt te laat"),
        ("Joris Van Aken belde", "(klasleerkracht) belde"),
        # every other form of a name
        ("LOTTE PEETERS, Lotte Peeters en lotte peeters", "L.P., L.P. en L.P."),
        ("Lotte's schrift", "L.'s schrift"),
        (
            "meneer van Aken, Van Aken, Vanaken, VanAken en JorisVanAken",
            "meneer (klasleerkracht), (klasleerkracht), (klasleerkracht), (klasleerkracht) en (klasleerkracht)",
        ),
        ("Van den Broeck, Vanden Broeck, vandenbroeck, BenVandenBroeck", "V.D.B., V.D.B., V.D.B., B.V.D.B."),
        ("mama Roos Van 't Hof, mevrouw Vanthof", "mama (ouders), mevrouw (ouders)"),
        ("De Smet en Hilde Desmet van het CLB", "(clb) en (clb) van het CLB"),
        ("Sofie Peeters belde; Peeters zit vooraan", "(ouders) belde; P. zit vooraan"),  # the mother as one role, not '(ouders) P.'
        ("Stan Goossens-Michiels, Michiels", "S.G.M., M."),
        ("LotteBen en StanLotte", "L.B. en S.L."),  # two pupils glued: the capitals say where
        ("gebruiker lpeeters of peetersl, mama speeters", "gebruiker P. of P., mama (ouders)"),
        ("zit naast Lotte.", "zit naast L."),
        ("Mevrouw Jan te Winkel", "Mevrouw (zorgcoordinator)"),
        # particles stay the sentence's unless that person's name has them
        ("de klas van Lotte", "de klas van L."),
        ("De Lotte van toen", "De L. van toen"),
        ("Lotte van Ben", "L. van B."),
        ("In Lotte's klas", "In L.'s klas"),
        # the endings Dutch gives a name: the genitive without apostrophe, the Flemish diminutive
        ("Lottes moeder belde; Stans schrift", "L. moeder belde; S. schrift"),
        ("Lotteke, Lottekes jas, Stanneke en Benjes", "L., L. jas, S. en B."),
        ("Lotteetje, Stannetjes en Lotte's", "L., S. en L.'s"),
        ("Hildetje van het CLB en Jorisje", "(clb) van het CLB en (klasleerkracht)"),
        # the team's names stay, also where a parent shares a first name
        ("overdracht van Els Maes aan An Janssens; Els Peeters belde", "overdracht van Els Maes aan An Janssens; Els P. belde"),
    ],
)
def test_every_form_of_a_name_goes(anon: Anonimiseerder, tekst: str, verwacht: str) -> None:
    assert anon.tekst(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "je bent er, hij kende het en wilde stoppen",  # Ben, Ken, Wil + a particle
        "denken, deken, stand van zaken, markt",  # den+Ken, de+Ken, Stan+d
        "janken en kenmerk",  # two people's names glued in small letters make no name
        "stom, kmol en smolen",  # a letter and a short name, or a letter that is no initial of that person
        "we gaan te voet en komen te laat; tot dan, aan de bank, uit de klas",
        "de klas van toen; in de les; op het bord",
        "Benjamin, Stanley en Bennie",  # longer words that begin with a name
        "de bus, les, kes, jes en tjes",  # an ending alone, or after fewer than 3 letters, is no name
        "BENT",
    ],
)
def test_ordinary_words_stay(anon: Anonimiseerder, tekst: str) -> None:
    assert anon.tekst(tekst) == tekst


@pytest.mark.parametrize(
    "tekst,verwacht",
    [
        ("bel 0472 11 22 33 of 0472/11.22.33", "bel (telefoonnummer) of (telefoonnummer)"),
        ("mama (0472 11 22 33) en papa (0472112233).", "mama ((telefoonnummer)) en papa ((telefoonnummer))."),
        ("+32 472 11 22 33, +32 (0)472 11 22 33, 0032 472 11 22 33", "(telefoonnummer), (telefoonnummer), (telefoonnummer)"),
        ("school: 014 12.34.56 of 014-12 34 56", "school: (telefoonnummer) of (telefoonnummer)"),
        ("gesprek 01-12-2026 0472 11 22 33", "gesprek 01-12-2026 (telefoonnummer)"),
        ("mama: zorg@school.example.be, papa: tim.mertens+x@example.org.", "mama: (e-mailadres), papa: (e-mailadres)."),
        ("rijksregister 15.03.14-123.45 of 15031412345", "rijksregister (rijksregisternummer) of (rijksregisternummer)"),
        ("rekening BE68 5390 0754 7034", "rekening (rekeningnummer)"),
    ],
)
def test_contact_numbers_and_addresses_go_whoever_they_belong_to(tekst: str, verwacht: str) -> None:
    assert Anonimiseerder().tekst(tekst) == verwacht  # also without names to replace


@pytest.mark.parametrize(
    "tekst",
    [
        "op 01-12-2026 02-12-2026 03-12-2026",  # dates side by side
        "van 2026-11-01 tot 2026-12-01, op 1/12/2026 14.30 u",
        "om 08.30-09.15 10.30-11.15 in lokaal 0.12",  # times
        "klas 5B, 2026-2027 2027-2028, postcode 2440",  # classes, school years, a postcode
        "scores 0 1 1 0 2 1 0 1 1 0",  # digits one by one
        "1 lesuur per week, 12,5 % van 0,75 FTE",
        "Lotte@home en @ alleen",  # no address: the name still goes (below)
    ][:-1],
)
def test_dates_times_classes_and_counts_stay(tekst: str) -> None:
    assert Anonimiseerder().tekst(tekst) == tekst


def test_a_name_beside_an_at_sign_still_goes(anon: Anonimiseerder) -> None:
    assert anon.tekst("Lotte@home, @lottepeeters") == "L.@home, @L.P."


def test_hostile_text_takes_linear_time(anon: Anonimiseerder) -> None:
    """A long run of letters without an @ (the address pattern would try it from every
    place), a long word and many names side by side: each is done at once."""
    lang = "a" * 50_000
    assert anon.tekst(lang) == lang
    assert anon.tekst("Lotte " * 5_000).count("L.") == 5_000
    assert anon.tekst("LottePeeters" * 400) == "L.P." * 400
    assert anon.tekst("lottepeeters" * 400) == "L.P." * 400
    assert anon.tekst("lottepeeterz" * 400) == "lottepeeterz" * 400
    assert anon.tekst("0" * 5_000) == "0" * 5_000


def test_a_word_is_looked_up_once_and_a_new_case_clears_the_cache() -> None:
    anon = Anonimiseerder().dossiers([_dossier("Lotte", "Peeters")])
    assert anon.tekst("Noah en Lotte") == "Noah en L."
    anon.dossier(_dossier("Noah", "Aerts", id_="T-002"))  # the sibling read later
    assert anon.tekst("Noah en Lotte") == "N. en L."


def test_a_schools_standing_contacts_in_leersteun_yaml_go_too() -> None:
    """A school's contacts in leersteun.yaml (`scholen[].betrokkenen`) are people around the
    pupils before any case names them: 'Wannes Verbist belde' kept his name."""
    from ruamel.yaml import YAML

    from leersteun.rules.model import Instellingen
    from tests.conftest import INSTELLINGEN

    data = YAML(typ="safe").load(INSTELLINGEN)
    data["scholen"][0]["betrokkenen"] = [{"rol": "zorgcoordinator", "naam": "Wannes Verbist"}, {"rol": "clb", "naam": "Els Hendrickx"}]
    instellingen = Instellingen.model_validate(data)
    anon = Anonimiseerder(instellingen.teamnamen()).instellingen(instellingen)
    assert anon.tekst("Wannes Verbist belde, Wannes komt; Els Hendrickx ook.") == "(zorgcoordinator) belde, (zorgcoordinator) komt; Els (clb) ook."
