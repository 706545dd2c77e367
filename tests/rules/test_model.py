"""Text that cannot be trusted is refused at the door (the model's validators): controls, the
invisible format characters (Unicode category Cf), line separators, lone surrogates and
noncharacters; with the character named and where it stands."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from leersteun.core.tekst import onbetrouwbaar, teken_uitleg
from leersteun.rules.model import Naam, Tekst
from tests.hypothese import voorbeelden

NAAM, TEKST = TypeAdapter(Naam), TypeAdapter(Tekst)

GEWEIGERD = {
    "\u00ad": "zacht afbreekstreepje (U+00AD)",
    "\u200b": "spatie zonder breedte (U+200B)",
    "\u200d": "verbinding zonder breedte (U+200D)",
    "\u2060": "woordverbinding zonder breedte (U+2060)",
    "\ufeff": "bytevolgordeteken (BOM) (U+FEFF)",
    "\u202e": "richtingsteken (U+202E)",
    "\u2067": "richtingsteken (U+2067)",
    "\u061c": "richtingsteken (U+061C)",
    "\u180e": "opmaakteken (U+180E)",
    "\U000e0041": "opmaakteken (U+E0041)",  # a tag character
    "\uffff": "niet-teken (U+FFFF)",
    "\ufffe": "niet-teken (U+FFFE)",
    "\ufdd0": "niet-teken (U+FDD0)",
    "\U0001fffe": "niet-teken (U+1FFFE)",
    "\U0010ffff": "niet-teken (U+10FFFF)",
    "\ud800": "surrogaatteken (U+D800)",
    "\x1b": "stuurteken (U+001B)",
    "\x85": "stuurteken (U+0085)",
    "\u2028": "regelscheiding (U+2028)",
}


@pytest.mark.parametrize("teken", GEWEIGERD, ids=lambda t: f"U+{ord(t):04X}")
def test_a_character_that_cannot_be_trusted_is_refused_in_a_name_and_in_text(teken: str) -> None:
    for soort in (NAAM, TEKST):
        with pytest.raises(ValidationError) as fout:
            soort.validate_python(f"Lot{teken}te")
        boodschap = fout.value.errors()[0]["msg"]
        if soort is NAAM and teken == "\u2028":  # a line break of its own kind
            assert "past op één regel" in boodschap
        else:
            assert GEWEIGERD[teken] in boodschap and "na 'Lot'" in boodschap, boodschap


@pytest.mark.parametrize("tekst", ["Zoë", "Çeşme", "李", "O'Brien", "Van den Broeck", "Jean-Luc", "a\u00a0b", "😀", "Ελένη", "שרה", "[/] [bold]"])
def test_what_people_write_passes(tekst: str) -> None:
    assert NAAM.validate_python(tekst) == tekst and TEKST.validate_python(tekst) == tekst


def test_a_line_break_and_a_tab_belong_in_text_not_in_a_name() -> None:
    assert TEKST.validate_python("twee\nregels\tmet tab") == "twee\nregels\tmet tab"
    for tekst in ("twee\nregels", "met\ttab"):
        with pytest.raises(ValidationError, match="past op één regel"):
            NAAM.validate_python(tekst)


@settings(max_examples=voorbeelden(200), deadline=None)
@given(st.characters(categories=["Cf", "Cs", "Zl", "Zp"]) | st.sampled_from(["\ufdd0", "\ufdef", "\U0003fffe", "\U0010fffe"]))
def test_every_format_character_and_noncharacter_is_refused(teken: str) -> None:
    assert onbetrouwbaar(f"ab{teken}cd") == 2
    assert teken_uitleg(teken).endswith(f"(U+{ord(teken):04X})")


@settings(max_examples=voorbeelden(200), deadline=None)
@given(st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=40))
def test_letters_marks_digits_punctuation_and_symbols_pass(tekst: str) -> None:
    verdacht = [c for c in tekst if 0xFDD0 <= ord(c) <= 0xFDEF or (ord(c) & 0xFFFE) == 0xFFFE]
    assert onbetrouwbaar(tekst) is None or verdacht, (tekst, unicodedata.unidata_version, sys.version)
