"""Typed text and dates checked at the door: the message names the option and quotes what
was typed (not the text the command would make of it), and a date that does not exist says
why."""

from __future__ import annotations

import datetime as dt

import pytest

from leersteun.rules import invoer
from tests.conftest import DOSSIER


@pytest.mark.parametrize(
    "optie,waarde,verwacht",
    [
        ("--toch", "vol\agens", "--toch 'vol\\u0007gens' bevat een stuurteken (U+0007) na 'vol'"),
        ("--notitie", "a\u00adb", "--notitie 'a\\u00adb' bevat een zacht afbreekstreepje (U+00AD) na 'a'"),
        ("--naam", "\u200bJoris", "--naam '\\u200bJoris' bevat een spatie zonder breedte (U+200B) vooraan"),
        ("--naam", "Jo\nris", "--naam 'Jo\\u000aris': een naam past op één regel"),
        ("--notitie", "x" * 5001, "--notitie 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is te lang: 5001 tekens, meer dan 5000"),
        ("--naam", "x" * 201, "is te lang: 201 tekens, meer dan 200 voor een naam"),
    ],
)
def test_typed_text_is_refused_naming_the_option_and_quoting_it(optie: str, waarde: str, verwacht: str) -> None:
    assert verwacht in (invoer.getypte_tekst(optie, waarde) or "")


@pytest.mark.parametrize("waarde", ["Joris Van Aken", "twee regels\nin een notitie", "tab\thier", "é ü ß 中文"])
def test_ordinary_text_passes_the_door(waarde: str) -> None:
    assert invoer.getypte_tekst("--notitie", waarde) is None


def test_a_control_character_in_toch_names_the_option_through_the_command(map_, run) -> None:
    pad = map_.case(DOSSIER)
    voor = pad.read_bytes()
    result = run("overleg", "lotte", "--soort", "observatie", "--notitie", "na\aoverleg")
    assert result.exit_code == 2
    assert "--notitie 'na\\u0007overleg' bevat een stuurteken (U+0007) na 'na'" in result.stderr
    assert "ongeldig maken" not in result.stderr
    assert pad.read_bytes() == voor


@pytest.mark.parametrize(
    "getypt,verwacht",
    [
        ("29-02-2019", "29-02-2019 bestaat niet: februari 2019 heeft 28 dagen"),
        ("31-02-2027", "31-02-2027 bestaat niet: februari 2027 heeft 28 dagen"),
        ("31/04/2027", "31/04/2027 bestaat niet: april 2027 heeft 30 dagen"),
        ("2027-13-01", "2027-13-01 bestaat niet: er is geen maand 13"),
    ],
)
def test_a_date_that_does_not_exist_says_why(getypt: str, verwacht: str) -> None:
    with pytest.raises(ValueError, match=verwacht):
        invoer.datum(getypt, dt.date(2026, 12, 7))
    assert invoer.datum("29-02-2028", dt.date(2026, 12, 7)) == dt.date(2028, 2, 29)


def test_a_date_in_a_file_that_does_not_exist_says_why() -> None:
    from typing import Annotated

    from pydantic import BeforeValidator, TypeAdapter, ValidationError

    from leersteun.rules.model import als_datum

    with pytest.raises(ValidationError, match="'2027-02-31' is geen bestaande datum: februari 2027 heeft 28 dagen"):
        TypeAdapter(Annotated[dt.date, BeforeValidator(als_datum)]).validate_python("2027-02-31")
