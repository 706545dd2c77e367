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
    map_.case(
        DOSSIER.replace("fase: ondersteuning", "fase: afgesloten").replace(
            "    evaluatie_op: [2025-01-20]", "    einde: 2025-06-01\n    evaluatie_op: [2025-01-20]"
        )
    )
    assert dossiers.dubbels(Dossiermap(map_.pad), dossiers.context(VANDAAG, None), "Lotte", "Peeters", GEBOREN, "Basisschool De Klimop") == []


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


# ---------------------------------------------------------------------------- issue 27: what the procedure asks of an aanmelding


def test_an_unsupported_typology_names_what_leersteun_yaml_configures(map_: Map) -> None:
    """Seed 003: "De aanmeldingen voor type 4, 6 of 7 worden automatisch doorgestuurd"; which
    typologies this centre keeps is what leersteun.yaml says, not a fixed list."""
    from leersteun.core.waarden import Typologie

    (map_.pad / "leersteun.yaml").write_text(
        INSTELLINGEN + "typologieen:\n  ondersteund: [basisaanbod, type 9]\n  andere_naar: Leersteuncentrum Noord\n", encoding="utf-8"
    )
    with pytest.raises(Fout) as fout:
        maak(map_, aanmelding(typologie=Typologie.type_2))
    assert "gaat naar Leersteuncentrum Noord" in fout.value.boodschap
    assert "Dit centrum ondersteunt (typologieen in leersteun.yaml): basisaanbod, type 9." in fout.value.boodschap
    assert "types 4, 6 en 7" not in fout.value.boodschap and nieuwe_bestanden(map_) == []


def test_ov4_asks_for_the_ontbindende_voorwaarde_and_has_no_sixty_days(map_: Map) -> None:
    """Seed 003: "Ook bij een OV4-Verslag wordt een leerling onder ontbindende voorwaarde
    ingeschreven"; the 60 days ("gemeenschappelijk curriculum of met een IAC") are said of an IAC."""
    from leersteun.rules.deadlines import Soort, deadlines

    secundair = {"klas": "1B", "niveau": "secundair", "verslag": "OV4", "geboortedatum": dt.date(2013, 1, 5)}
    zonder = maak(map_, aanmelding(voornaam="Jules", naam="Dubois", **secundair))
    assert any("bij een OV4-Verslag wordt een leerling onder ontbindende voorwaarde ingeschreven" in m for m in zonder.meldingen)
    ov4 = maak(map_, aanmelding(voornaam="Sara", naam="Aerts", ontbindende_voorwaarde=dt.date(2026, 11, 2), **secundair))
    assert not any("OV4" in m for m in ov4.meldingen)
    iac = maak(map_, aanmelding(voornaam="Tim", naam="Aerts", **{**secundair, "verslag": "IAC"}, ontbindende_voorwaarde=dt.date(2026, 11, 2)))
    ctx = dossiers.context(VANDAAG, None)
    soorten = {pad: {x.soort for x in deadlines(dossiers.lees_dossier(pad, ctx).dossier, VANDAAG)} for pad in (ov4.pad, iac.pad)}
    assert Soort.ontbindende_voorwaarde not in soorten[ov4.pad] and Soort.ontbindende_voorwaarde in soorten[iac.pad]


def test_a_support_question_not_of_the_teacher_is_pointed_out(map_: Map) -> None:
    """Seed 001: "dat er een ondersteuningsvraag is van de leerkrachten naast de
    ondersteuningsvraag van de leerling of ouder"."""
    ouders = maak(map_, aanmelding(voornaam="Mats", leervraag="Hoe helpen we Mats?", vraag_van=["ouders"]))
    assert any("komt van ouders, niet van de leerkracht" in m for m in ouders.meldingen)
    beide = maak(map_, aanmelding(voornaam="Ella", leervraag="Hoe helpen we Ella?", vraag_van=["leerkracht", "ouders"]))
    assert not any("niet van de leerkracht" in m for m in beide.meldingen)


def test_the_verslag_of_the_lager_is_refused_for_a_secondary_aanmelding(map_: Map) -> None:
    """Seed 003: "Er moet dan een nieuw Verslag opgemaakt worden, omdat het oude vervalt aan het
    einde van het lager onderwijs. De secundaire school moet een nieuwe aanmelding doen." """
    gesloten = (
        DOSSIER.replace("fase: ondersteuning\n", "fase: afgesloten\n", 1)
        .replace("    frequentie: wekelijks\n", "    einde: 2026-06-26\n    frequentie: wekelijks\n", 1)
        .replace("    door: Els Maes\nevaluaties: []", "    door: Els Maes\n  - datum: 2026-06-26\n    fase: afgesloten\n    door: Els Maes\n"
                 "evaluaties:\n  - datum: 2026-06-26\n    beslissing: afsluiten\n    reden: overgang_secundair\n")
        .replace("ondersteuner: Els Maes           # de huidige", "ondersteuner: null")
    )  # fmt: skip
    map_.case(gesloten)
    m = Dossiermap(map_.pad)
    inst = dossiers.instellingen(m)
    ctx = dossiers.context(VANDAAG, inst)
    vorig = dossiers.open_dossier(m, "T-001", ctx)
    secundair = {"klas": "1A", "niveau": "secundair", "school": "Sint-Victorinstituut"}
    voor = map_.hashes()
    with pytest.raises(Fout) as fout:
        meld_aan(m, inst, ctx, aanmelding(verslagdatum=dt.date(2024, 9, 12), **secundair), vorig)  # the Verslag of the lager
    assert "vervalt aan het einde van het lager" in fout.value.boodschap and "--verslagdatum" in fout.value.boodschap
    assert map_.hashes() == voor
    gemaakt = meld_aan(m, inst, ctx, aanmelding(verslagdatum=dt.date(2026, 6, 1), **secundair), vorig)  # the new one of the CLB
    assert gemaakt.id != "T-001" and "volgend_dossier: " + gemaakt.id in (map_.pad / "cases" / "T-001.yaml").read_text()


def test_a_verslag_dated_after_today_is_pointed_out(map_: Map) -> None:
    """`nieuw --verslagdatum 31-12-2026` on 24-11-2026 made the case in silence; `valideer`
    then warned about it on every run. The CLB dates a Verslag when it is done: a typo."""
    later = maak(map_, aanmelding(voornaam="Mats", verslagdatum=dt.date(2026, 12, 31)))
    assert any(m.startswith("Let op: het Verslag is gedateerd na vandaag (31-12-2026)") for m in later.meldingen)
    vandaag = maak(map_, aanmelding(voornaam="Ella", verslagdatum=VANDAAG))
    assert not any("na vandaag" in m for m in vandaag.meldingen)


@pytest.mark.parametrize("optie", ["--voornaam", "--naam", "--klas"])
def test_an_empty_name_or_class_option_is_named_not_asked(map_: Map, run, optie: str) -> None:
    """`nieuw --voornaam ""` in a script printed the question 'Voornaam van de leerling:' and
    then 'er is geen terminal'; the option that is empty is the message."""
    opties = {"--voornaam": "Mats", "--naam": "Claes", "--klas": "2B"} | {optie: "  "}
    result = run(
        "nieuw", *[x for k, v in opties.items() for x in (k, v)], "--niveau", "lager", "--school", "klimop", "--verslag", "GC",
        "--verslagdatum", "01-10-2026", "--typologie", "basisaanbod", "--niet-in-diplon",
    )  # fmt: skip
    assert result.exit_code == 2 and f"{optie} is leeg" in result.output and "Voornaam van de leerling" not in result.output
    assert nieuwe_bestanden(map_) == []


def test_a_name_typed_in_lower_case_is_written_with_capitals_and_said(map_: Map) -> None:
    gemaakt = maak(map_, aanmelding(voornaam="mats", naam="van den broeck"))
    assert "Naam geschreven als: Mats Van den Broeck." in gemaakt.meldingen
    tekst = gemaakt.pad.read_text()
    assert "voornaam: Mats\n" in tekst and "naam: Van den Broeck\n" in tekst
    ander = maak(map_, aanmelding(voornaam="Lena", naam="de Wit", geboortedatum=dt.date(2016, 1, 1)))
    assert not any(m.startswith("Naam geschreven als") for m in ander.meldingen)
    assert "naam: de Wit\n" in ander.pad.read_text()
