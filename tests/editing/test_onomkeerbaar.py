"""Steps no command can undo: what is checked before them, and the sentence to confirm."""

from __future__ import annotations

import datetime as dt

import pytest
from ruamel.yaml import YAML

from leersteun.editing.onomkeerbaar import bij_afsluiten, bij_overgang
from leersteun.editing.trajectory import Wie
from leersteun.rules.model import Dossier, Reden
from leersteun.rules.weigering import Geweigerd
from tests.conftest import DOSSIER

WIE = Wie("An Janssens", dt.date(2026, 11, 24))


def dossier(klas: str = "5B", niveau: str = "lager", fase: str = "ondersteuning") -> Dossier:
    data = YAML(typ="safe").load(DOSSIER.replace("klas: 5B", f"klas: {klas}").replace("niveau: lager", f"niveau: {niveau}"))
    data["fase"] = fase
    return Dossier.model_validate(data)


@pytest.mark.parametrize("klas", ["6B", "6de leerjaar", "6"])
def test_lager_secundair_from_the_last_year_asks_to_confirm(klas: str) -> None:
    tekst = bij_overgang(dossier(klas), "lager-secundair", WIE)
    assert tekst is not None and "kan niet ongedaan gemaakt worden" in tekst and f"({dossier(klas).leerling.volledige_naam}, {klas})" in tekst


@pytest.mark.parametrize("klas", ["4A", "5B", "Zonnebloem"])
def test_lager_secundair_before_the_last_year_is_refused_with_the_class_and_the_way_out(klas: str) -> None:
    with pytest.raises(Geweigerd) as e:
        bij_overgang(dossier(klas), "lager-secundair", WIE)
    assert f"in {klas}" in e.value.boodschap and "--toch" in e.value.boodschap
    assert bij_overgang(dossier(klas), "lager-secundair", WIE, toch="Gaat naar 1B.") is not None  # the way out, still confirmed


@pytest.mark.parametrize("klas", ["6A", "6 ASO", "7 BSO", "7de jaar"])
def test_secundair_hoger_from_the_last_year_asks_to_confirm(klas: str) -> None:
    tekst = bij_overgang(dossier(klas, "secundair"), "secundair-hoger", WIE)
    assert tekst is not None and "kan niet ongedaan gemaakt worden" in tekst and f", {klas})" in tekst


@pytest.mark.parametrize("klas", ["1B", "5 TSO", "3A"])
def test_secundair_hoger_before_the_last_year_is_refused_as_lager_secundair_is(klas: str) -> None:
    """Issue 29: from 1B (the first year of secondary) the transition went through unasked."""
    with pytest.raises(Geweigerd) as e:
        bij_overgang(dossier(klas, "secundair"), "secundair-hoger", WIE)
    assert e.value.boodschap.startswith("De overgang naar het hoger onderwijs gebeurt vanuit het laatste jaar van het secundair (het 6de of 7de jaar)")
    assert f"in {klas}" in e.value.boodschap and '--toch "..."' in e.value.boodschap and "Er is niets gewijzigd." in e.value.boodschap
    assert bij_overgang(dossier(klas, "secundair"), "secundair-hoger", WIE, toch="Klas in het dossier klopt niet.") is not None
    with pytest.raises(Geweigerd):
        bij_overgang(dossier("6 ASO", "secundair"), "secundair-hoger", WIE, toch="reden")


def test_toch_where_it_is_not_needed_is_refused() -> None:
    with pytest.raises(Geweigerd):
        bij_overgang(dossier("6A"), "lager-secundair", WIE, toch="reden")
    with pytest.raises(Geweigerd):
        bij_overgang(dossier("4A"), "andere-school", WIE, toch="reden")


def test_only_a_closing_that_forbids_a_heropstart_asks() -> None:
    d = dossier()
    assert bij_afsluiten(d, Reden.doelen_bereikt) is None and bij_afsluiten(d, None) is None
    for reden in (Reden.andere_school, Reden.overgang_secundair, Reden.overgang_hoger, Reden.andere_typologie):
        assert "geen heropstart" in (bij_afsluiten(d, reden) or "")
    assert bij_afsluiten(dossier(fase="afgesloten"), Reden.andere_school) is None  # refused by the step itself
    assert bij_overgang(dossier(), "andere-school", WIE) is not None
    assert bij_overgang(dossier("K3", "kleuter"), "kleuter-lager", WIE) is None
