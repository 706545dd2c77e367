"""One spelling for people and schools: what was typed, matched against leersteun.yaml."""

from __future__ import annotations

import pytest

from leersteun.rules import namen

TEAM = ["An Janssens", "Els Maes", "Tom Vermeulen", "Sofie Lambrechts", "Pieter Dewulf", "Hanne Verstraeten"]
SCHOLEN = ["Basisschool De Klimop", "Vrije Basisschool Sint-Jozef", "GO! Basisschool De Regenboog"]


@pytest.mark.parametrize(
    ("getypt", "gevonden"),
    [
        ("Els Maes", "Els Maes"),
        ("els maes", "Els Maes"),  # capitals
        ("ELS  MAËS", "Els Maes"),  # accents and spaces
        (" elsmaes ", "Els Maes"),  # without the space
        ("els", "Els Maes"),  # a first name that only one has
        ("dewulf", "Pieter Dewulf"),  # a surname
        ("an", "An Janssens"),
    ],
)
def test_a_team_member_as_typed_is_the_one_of_leersteun_yaml(getypt: str, gevonden: str) -> None:
    assert namen.zoek(getypt, TEAM).gevonden == gevonden


@pytest.mark.parametrize("getypt", ["jan", "piet", "e", "Els Maas", "Nina Claes", ""])
def test_a_person_is_never_guessed_from_the_start_of_a_word(getypt: str) -> None:
    """'jan' must not become An Janssens: a different colleague is never recorded."""
    assert namen.zoek(getypt, TEAM).gevonden is None


@pytest.mark.parametrize(
    ("getypt", "gevonden"),
    [
        ("klimop", "Basisschool De Klimop"),
        ("basisschool de klimop", "Basisschool De Klimop"),
        ("De Klimop", "Basisschool De Klimop"),
        ("klim", "Basisschool De Klimop"),  # a school: the start of a word will do
        ("sint jozef", "Vrije Basisschool Sint-Jozef"),
        ("sint-jozef", "Vrije Basisschool Sint-Jozef"),
        ("sintjozef", "Vrije Basisschool Sint-Jozef"),
        ("regenboog", "GO! Basisschool De Regenboog"),
        ("go basisschool de regenboog", "GO! Basisschool De Regenboog"),
    ],
)
def test_a_school_by_the_part_of_its_name_people_say(getypt: str, gevonden: str) -> None:
    assert namen.zoek(getypt, SCHOLEN, begin=True).gevonden == gevonden


def test_several_that_fit_are_all_named() -> None:
    gezocht = namen.zoek("basisschool", SCHOLEN, begin=True)
    assert gezocht.gevonden is None and gezocht.kandidaten == SCHOLEN
    assert "'Basisschool De Klimop', 'Vrije Basisschool Sint-Jozef' of 'GO! Basisschool De Regenboog'" in namen.te_veel(namen.SCHOOL, gezocht)
    assert namen.zoek("els", [*TEAM, "Els Peeters"]).kandidaten == ["Els Maes", "Els Peeters"]
    # the same name written twice in leersteun.yaml: both, never one picked at random
    assert namen.zoek("els maes", ["Els Maes", "els  maes"]).kandidaten == ["Els Maes", "els  maes"]


def test_the_exact_name_wins_over_a_part_of_another() -> None:
    assert namen.zoek("De Klimop", [*SCHOLEN, "De Klimop"], begin=True).gevonden == "De Klimop"


def test_nothing_fits_the_nearest_names_are_offered() -> None:
    gezocht = namen.zoek("Els Maas", TEAM)
    assert gezocht.gelijkend == ["Els Maes"]
    tekst = namen.onbekend(namen.TEAM, gezocht, "Typ de naam zoals in het team.", "--ondersteuner")
    assert tekst == (
        "'Els Maas' (--ondersteuner) staat niet in het team van leersteun.yaml. Bedoel je 'Els Maes'? Typ de naam zoals in het team. Er is niets gewijzigd."
    )
    assert namen.zoek("klimpo", SCHOLEN, begin=True).gelijkend == ["Basisschool De Klimop"]
    assert namen.zoek("Sint-Victorinstituut", SCHOLEN, begin=True).gelijkend == []


def test_the_same_name_otherwise_written() -> None:
    assert namen.dezelfde("Van den Broeck", "vandenbroeck")
    assert namen.dezelfde("Zoë", "ZOE") and namen.dezelfde("Lotte", "Lot\u00adte")  # a soft hyphen hides nothing here
    assert not namen.dezelfde("Els Maes", "Els Maas") and not namen.dezelfde("", "") and not namen.dezelfde(None, "x")
    spelling = namen.als_in(TEAM)
    assert spelling("els  maes") == "Els Maes" and spelling("(niet toegewezen)") == "(niet toegewezen)"


@pytest.mark.parametrize(
    "voornaam,naam,verwacht",
    [
        ("mats", "claes", ("Mats", "Claes")),
        ("jan", "van den broeck", ("Jan", "Van den Broeck")),
        ("an", "de smet", ("An", "De Smet")),
        ("zoë", "de la croix", ("Zoë", "De la Croix")),
        ("marie-louise", "d'hondt", ("Marie-Louise", "D'Hondt")),
        ("ijsbrand", "van 't hof", ("IJsbrand", "Van 't Hof")),
        ("élodie", "o'neill", ("Élodie", "O'Neill")),
        ("Mats", "claes", None),  # a capital typed: written as typed
        ("mats", "de Wit", None),
        ("Mats", "Claes", None),
    ],
)
def test_a_pupil_typed_in_lower_case_gets_capitals(voornaam: str, naam: str, verwacht: tuple[str, str] | None) -> None:
    assert namen.met_hoofdletters(voornaam, naam) == verwacht
