"""A new case (the engine of `leersteun nieuw`): no second open case for one pupil, whatever
the spelling or the school; text that cannot be trusted refused; a new school written to
leersteun.yaml together with its first case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.editing.aanmelding import Aanmelding, Gemaakt, meld_aan
from leersteun.editing.instellingen import Erbij, NieuweSchool
from leersteun.reading import dossiers
from leersteun.reading.folder import Dossiermap
from tests.conftest import DOSSIER, INSTELLINGEN, Map

VANDAAG = dt.date(2026, 11, 24)
GEBOREN = dt.date(2015, 3, 14)  # Lotte Peeters of DOSSIER, at Basisschool De Klimop, fase ondersteuning


def aanmelding(**velden: object) -> Aanmelding:
    standaard: dict[str, object] = {
        "voornaam": "Lotte", "naam": "Peeters", "klas": "5B", "niveau": "lager", "school": "Basisschool De Klimop",
        "verslag": "GC", "verslagdatum": dt.date(2026, 10, 1), "door": "An Janssens",
    }  # fmt: skip
    return Aanmelding(**{**standaard, **velden})  # type: ignore[arg-type]


def maak(map_: Map, a: Aanmelding) -> Gemaakt:
    m = Dossiermap(map_.pad)
    inst = dossiers.instellingen(m)
    return meld_aan(m, inst, dossiers.context(VANDAAG, inst), a, None)


@pytest.fixture
def lotte(map_: Map) -> Map:
    map_.case(DOSSIER)
    return map_


def nieuwe_bestanden(map_: Map) -> list[str]:
    return sorted(p.name for p in (map_.pad / "cases").glob("*.yaml") if p.name != "T-001.yaml")


@pytest.mark.parametrize(
    "velden",
    [
        {"voornaam": "LÖTTE", "naam": "peeters", "geboortedatum": GEBOREN, "school": "Vrije Basisschool Sint-Jozef"},  # another school, same birth date
        {"voornaam": "lotte", "naam": "Pee ters", "geboortedatum": GEBOREN, "school": "GO! Basisschool De Regenboog"},
        {"voornaam": "Lotte", "naam": "Peeters"},  # same school, no birth date
        {"voornaam": "Lotte", "naam": "Peeters", "geboortedatum": dt.date(2016, 1, 1)},  # same school: a birth date typed wrong
    ],
)
def test_a_second_open_case_of_a_pupil_is_refused_across_all_schools(lotte: Map, velden: dict) -> None:
    voor = lotte.hashes()
    with pytest.raises(Fout) as fout:
        maak(lotte, aanmelding(**velden))
    assert "T-001  Lotte Peeters, 14-03-2015 (5B, Basisschool De Klimop, fase ondersteuning)" in fout.value.boodschap
    assert "--toch" in fout.value.boodschap and "Er is niets gemaakt." in fout.value.boodschap
    if "school" in velden:  # at another school: the way of a change of school
        assert "'leersteun overgang T-001 andere-school'" in fout.value.boodschap and "--vanuit T-001" in fout.value.boodschap
    assert lotte.hashes() == voor


def test_the_same_name_at_another_school_without_a_birth_date_is_made_with_a_warning(lotte: Map) -> None:
    gemaakt = maak(lotte, aanmelding(school="Vrije Basisschool Sint-Jozef"))
    assert gemaakt.meldingen[0].startswith("Let op: een leerling met dezelfde naam heeft een lopend dossier op een andere school:")
    assert "T-001  Lotte Peeters, 14-03-2015" in gemaakt.meldingen[0] and "vul de geboortedatum aan" in gemaakt.meldingen[0]
    assert nieuwe_bestanden(lotte) == [f"{gemaakt.id}.yaml"]


def test_another_birth_date_at_another_school_is_another_pupil(lotte: Map) -> None:
    gemaakt = maak(lotte, aanmelding(school="Vrije Basisschool Sint-Jozef", geboortedatum=dt.date(2016, 5, 1)))
    assert not any("Let op" in m for m in gemaakt.meldingen)


def test_a_closed_case_is_no_second_case(map_: Map) -> None:
    map_.case(DOSSIER.replace("fase: ondersteuning", "fase: afgesloten").replace("    evaluatie_op: [2025-01-20]", "    einde: 2025-06-01\n    evaluatie_op: [2025-01-20]"))
    assert dossiers.dubbels(Dossiermap(map_.pad), "Lotte", "Peeters", GEBOREN, "Basisschool De Klimop") == []


def test_with_a_reason_the_second_case_is_made_and_says_why(lotte: Map) -> None:
    gemaakt = maak(lotte, aanmelding(geboortedatum=GEBOREN, toch="Tweede aanmelding na een nieuw Verslag."))
    tekst = (lotte.pad / "cases" / f"{gemaakt.id}.yaml").read_text(encoding="utf-8")
    assert "Ook gemaakt naast T-001: Tweede aanmelding na een nieuw Verslag." in tekst


@pytest.mark.parametrize(
    ("velden", "optie", "teken"),
    [({"voornaam": "Lot\u00adte"}, "--voornaam", "U+00AD"), ({"naam": "Peeters\u200b"}, "--naam", "U+200B"), ({"klas": "5B\uffff"}, "--klas", "U+FFFF")],
)
def test_a_name_with_a_character_that_cannot_be_trusted_is_refused(lotte: Map, velden: dict, optie: str, teken: str) -> None:
    """A soft hyphen would make a second open case of Lotte Peeters that 'toon lotte' misses."""
    voor = lotte.hashes()
    with pytest.raises(Fout) as fout:
        maak(lotte, aanmelding(**velden))
    assert fout.value.boodschap.startswith(f"{optie}: bevat ") and teken in fout.value.boodschap
    assert lotte.hashes() == voor


SCHOOL = NieuweSchool(naam="Basisschool Het Anker", gemeente="Kasterlee", ankerpersoon="Nina Claes", clb="Bart Hendrickx")


def test_a_new_school_and_team_member_are_written_with_the_case(map_: Map) -> None:
    erbij = Erbij([("Nina Claes", "ankerpersoon")], [SCHOOL])
    gemaakt = maak(map_, aanmelding(voornaam="Amir", naam="Benali", school=SCHOOL.naam, erbij=erbij))
    assert gemaakt.meldingen[:2] == [
        "Nieuw teamlid in leersteun.yaml: Nina Claes (ankerpersoon).",
        "Nieuwe school in leersteun.yaml: Basisschool Het Anker (Kasterlee, ankerpersoon Nina Claes, CLB-medewerker Bart Hendrickx).",
    ]
    assert gemaakt.bestanden == [map_.pad / "cases" / "ANK-2026-001.yaml", map_.pad / "leersteun.yaml"]
    tekst = (map_.pad / "leersteun.yaml").read_text(encoding="utf-8")
    assert tekst == INSTELLINGEN.replace("scholen:\n", "  - naam: Nina Claes\n    rol: ankerpersoon\nscholen:\n") + (
        "  - naam: Basisschool Het Anker\n    gemeente: Kasterlee\n    ankerpersoon: Nina Claes\n    betrokkenen:\n"
        "      - rol: clb\n        naam: Bart Hendrickx\n"
    )
    d = dossiers.lees_dossier(gemaakt.pad, dossiers.context(VANDAAG, dossiers.instellingen(Dossiermap(map_.pad)))).dossier
    assert (d.school.gemeente, d.ankerpersoon, d.clb_medewerker) == ("Kasterlee", "Nina Claes", "Bart Hendrickx")
    assert [b.naam for b in d.betrokkenen] == ["Bart Hendrickx"]


def test_a_refused_case_leaves_leersteun_yaml_as_it_was(lotte: Map) -> None:
    voor = lotte.hashes()
    with pytest.raises(Fout, match="heeft al een dossier"):
        maak(lotte, aanmelding(geboortedatum=GEBOREN, school=SCHOOL.naam, erbij=Erbij([], [SCHOOL])))
    assert lotte.hashes() == voor


def test_a_new_school_that_would_make_leersteun_yaml_invalid_writes_nothing(map_: Map) -> None:
    voor = map_.hashes()
    fout_school = NieuweSchool(naam="Basisschool Het Anker", gemeente="Kasterlee", clb="Bart\u00adHendrickx")
    with pytest.raises(Fout, match="U\\+00AD"):
        maak(map_, aanmelding(voornaam="Amir", naam="Benali", school=fout_school.naam, erbij=Erbij([], [fout_school])))
    assert map_.hashes() == voor
    assert not list(Path(map_.pad / "cases").glob("*.yaml"))
