"""The Flemish school calendar (issue 27, point 11; product.md "The school calendar"): the
holidays computed from the rules of the Besluit of 17 April 1991, checked against the calendars
the schools published, and every deadline on a school day."""

from __future__ import annotations

import datetime as dt

import pytest
from ruamel.yaml import YAML

from leersteun.rules.deadlines import Soort, deadlines
from leersteun.rules.model import Dossier, Instellingen
from leersteun.rules.schoolkalender import Schoolkalender, pasen, vakanties
from tests.conftest import DOSSIER, INSTELLINGEN

D = dt.date


@pytest.mark.parametrize(
    "jaar,dag", [(2019, D(2019, 4, 21)), (2023, D(2023, 4, 9)), (2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)), (2027, D(2027, 3, 28)), (2038, D(2038, 4, 25))]
)
def test_easter(jaar: int, dag: D) -> None:
    assert pasen(jaar) == dag


# As the schools published them (design-notes.md "The Flemish school calendar"; school sites for
# the other years): herfst, kerst, krokus and paas as (first day, last day).
GEPUBLICEERD = {
    2018: ((D(2018, 10, 29), D(2018, 11, 4)), (D(2018, 12, 24), D(2019, 1, 6)), (D(2019, 3, 4), D(2019, 3, 10)), (D(2019, 4, 8), D(2019, 4, 21))),
    2020: ((D(2020, 11, 2), D(2020, 11, 8)), (D(2020, 12, 21), D(2021, 1, 3)), (D(2021, 2, 15), D(2021, 2, 21)), (D(2021, 4, 5), D(2021, 4, 18))),
    2021: ((D(2021, 11, 1), D(2021, 11, 7)), (D(2021, 12, 27), D(2022, 1, 9)), (D(2022, 2, 28), D(2022, 3, 6)), (D(2022, 4, 4), D(2022, 4, 17))),
    2022: ((D(2022, 10, 31), D(2022, 11, 6)), (D(2022, 12, 26), D(2023, 1, 8)), (D(2023, 2, 20), D(2023, 2, 26)), (D(2023, 4, 3), D(2023, 4, 16))),
    2023: ((D(2023, 10, 30), D(2023, 11, 5)), (D(2023, 12, 25), D(2024, 1, 7)), (D(2024, 2, 12), D(2024, 2, 18)), (D(2024, 4, 1), D(2024, 4, 14))),
    2024: ((D(2024, 10, 28), D(2024, 11, 3)), (D(2024, 12, 23), D(2025, 1, 5)), (D(2025, 3, 3), D(2025, 3, 9)), (D(2025, 4, 7), D(2025, 4, 20))),
    2025: ((D(2025, 10, 27), D(2025, 11, 2)), (D(2025, 12, 22), D(2026, 1, 4)), (D(2026, 2, 16), D(2026, 2, 22)), (D(2026, 4, 6), D(2026, 4, 19))),
}


@pytest.mark.parametrize("begin", sorted(GEPUBLICEERD))
def test_the_holidays_of_the_rules_are_the_published_ones(begin: int) -> None:
    perioden = {v.naam: (v.van, v.tot) for v in vakanties(begin)}
    assert tuple(perioden[n] for n in ("herfstvakantie", "kerstvakantie", "krokusvakantie", "paasvakantie")) == GEPUBLICEERD[begin]
    assert perioden["zomervakantie"] == (D(begin + 1, 7, 1), D(begin + 1, 8, 31))


def test_free_days_of_2022_2023_and_easter_after_15_april() -> None:
    kalender = Schoolkalender()
    vrij = {dag: kalender.vrij(dag) for dag in (D(2022, 11, 11), D(2023, 5, 1), D(2023, 5, 18), D(2023, 5, 19), D(2023, 5, 29), D(2023, 5, 22))}
    assert vrij == {
        D(2022, 11, 11): "Wapenstilstand", D(2023, 5, 1): "Dag van de Arbeid", D(2023, 5, 18): "Hemelvaartsdag",
        D(2023, 5, 19): "de dag na Hemelvaartsdag", D(2023, 5, 29): "Pinkstermaandag", D(2023, 5, 22): None,
    }  # fmt: skip
    # Easter 20-04-2025 (after 15 April): the paasvakantie starts the 2nd Monday before Easter, plus Paasmaandag
    assert kalender.vrij(D(2025, 4, 21)) == "Paasmaandag" and kalender.vrij(D(2025, 4, 22)) is None


def test_a_day_without_school_moves_to_the_next_school_day_or_back() -> None:
    kalender = Schoolkalender()
    assert kalender.schooldag(D(2026, 11, 24)) is None  # a Tuesday of school
    assert kalender.schooldag(D(2026, 12, 19)) == (D(2027, 1, 4), D(2026, 12, 19), "zaterdag en kerstvakantie")  # weekend, then kerstvakantie
    assert kalender.schooldag(D(2026, 11, 4)).datum == D(2026, 11, 9)  # herfstvakantie 2-8 November 2026
    assert kalender.schooldag(D(2027, 7, 15)).datum == D(2027, 9, 1)  # zomervakantie
    assert kalender.schooldag(D(2028, 7, 1), terug=True).datum == D(2028, 6, 30)


def instellingen(vrije_dagen: list[dict]) -> Instellingen:
    data = YAML(typ="safe").load(INSTELLINGEN)
    data["scholen"][0]["vrije_dagen"] = vrije_dagen
    return Instellingen.model_validate(data)


def test_a_schools_own_free_days_from_leersteun_yaml() -> None:
    inst = instellingen([{"datum": D(2026, 12, 9), "omschrijving": "pedagogische studiedag"}, {"datum": D(2027, 1, 4), "tot": D(2027, 1, 5)}])
    kalender = Schoolkalender.van(inst)
    assert kalender.vrij(D(2026, 12, 9), "Basisschool De Klimop") == "pedagogische studiedag (Basisschool De Klimop)"
    assert kalender.vrij(D(2026, 12, 9), "Sint-Victorinstituut") is None  # only that school
    assert kalender.schooldag(D(2026, 12, 26), "Basisschool De Klimop").datum == D(2027, 1, 6)


def test_leersteun_yaml_refuses_free_days_that_cannot_be_meant() -> None:
    from leersteun.rules.checks import instellingen_regels

    fouten = list(instellingen_regels(instellingen([{"datum": D(2026, 12, 9), "tot": D(2026, 12, 1)}, {"datum": D(2026, 12, 9), "tot": D(2027, 12, 9)}])))
    assert [f[0] for f in fouten] == [("scholen", 0, "vrije_dagen", 0, "tot"), ("scholen", 0, "vrije_dagen", 1, "tot")]
    assert "ligt vóór 'datum'" in fouten[0][1] and "tikfout in het jaar" in fouten[1][1]


def dossier(**wijzig) -> Dossier:
    data = YAML(typ="safe").load(DOSSIER)
    data.update(wijzig)
    return Dossier.model_validate(data)


def test_deadlines_fall_on_school_days_and_say_so() -> None:
    """Issue 27 point 11: no deadline on a weekend, a public holiday or in a school holiday; it
    moves to the next school day and the agenda says so."""
    d = dossier(trajecten=[{"vorm": "light", "start": D(2026, 10, 19), "frequentie": "wekelijks", "evaluatie_op": [D(2026, 11, 11)]}])
    gevonden = {x.soort: x for x in deadlines(d, D(2026, 11, 1))}
    evaluatie, einde = gevonden[Soort.evaluatie], gevonden[Soort.einde_light]
    assert (evaluatie.datum, evaluatie.verschoven_van) == (D(2026, 11, 12), D(2026, 11, 11))
    assert evaluatie.omschrijving == "Afgesproken evaluatiemoment (verschoven van 11-11-2026: Wapenstilstand)"
    assert (einde.datum, einde.omschrijving) == (
        D(2027, 1, 4),
        "Interventie light loopt af (hoogstens 2 maanden) (verschoven van 19-12-2026: zaterdag en kerstvakantie)",
    )
    for x in deadlines(d, D(2026, 11, 1), Schoolkalender()):
        assert Schoolkalender().vrij(x.datum) is None


def test_a_weekend_that_runs_into_a_holiday_names_the_holiday() -> None:
    """Saturday 19-12-2026 moves past the kerstvakantie to 04-01-2027: 'zaterdag' alone would
    make the reader expect Monday 21-12. A plain weekend still says only its day; Sunday
    1 November 2026 runs into the herfstvakantie."""
    k = Schoolkalender()
    assert k.schooldag(D(2026, 12, 19)) == (D(2027, 1, 4), D(2026, 12, 19), "zaterdag en kerstvakantie")
    assert k.schooldag(D(2026, 12, 12)).waarom == "zaterdag"
    assert k.schooldag(D(2026, 11, 1)) == (D(2026, 11, 9), D(2026, 11, 1), "zondag en herfstvakantie")
    assert k.schooldag(D(2026, 12, 26), terug=True) == (D(2026, 12, 18), D(2026, 12, 26), "zaterdag en kerstvakantie")


def test_end_of_the_school_year_and_a_legal_term_move_back() -> None:
    """30 June on a weekend: the Friday before (1 July is the summer holiday); the 60 calendar
    days of the ontbindende voorwaarde (seed 003): never later than the law says."""
    d = dossier(trajecten=[{"vorm": "regulier", "start": D(2027, 9, 1), "frequentie": "wekelijks", "intensiteit": "1 uur"}])
    einde = next(x for x in deadlines(d, D(2027, 11, 24)) if x.soort == Soort.einde_schooljaar)
    assert (einde.datum, einde.verschoven_van) == (D(2028, 6, 30), None)  # a Friday
    d = dossier(trajecten=[{"vorm": "regulier", "start": D(2028, 9, 1), "frequentie": "wekelijks", "intensiteit": "1 uur"}])
    einde = next(x for x in deadlines(d, D(2028, 11, 24)) if x.soort == Soort.einde_schooljaar)
    assert (einde.datum, einde.omschrijving.endswith("(vervroegd van 30-06-2029: zaterdag)")) == (D(2029, 6, 29), True)


def test_a_light_or_medium_never_ends_after_the_summer() -> None:
    """Seed 000: light at most 2 months, medium at most 3. A light of 07-05-2027 would end on
    07-07-2027, in the summer holiday: the next school day was 01-09-2027, four months after
    its start; it ends on the last school day before, 30-06-2027. (Over a shorter holiday it
    moves on, as every deadline.)"""
    from leersteun.core.waarden import Vorm
    from leersteun.editing.trajectory import uiterlijk_tot

    d = dossier(trajecten=[{"vorm": "light", "start": D(2027, 5, 7), "frequentie": "wekelijks"}])
    einde = next(x for x in deadlines(d, D(2027, 5, 7)) if x.soort == Soort.einde_light)
    assert (einde.datum, einde.verschoven_van) == (D(2027, 6, 30), D(2027, 7, 7))
    assert einde.omschrijving.endswith("(vervroegd van 07-07-2027: zomervakantie)")
    assert uiterlijk_tot(Vorm.medium, D(2027, 4, 5), Schoolkalender(), None) == D(2027, 6, 30)  # 05-07-2027: summer
