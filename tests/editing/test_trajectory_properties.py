"""Random sequences of trajectory commands on valid cases (hypothesis).

Every accepted command leaves a file that validation accepts and whose history only grew;
every refused command leaves the file byte-identical.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

from leersteun.core.errors import Fout
from leersteun.editing.bewerk import pas_toe
from leersteun.editing.trajectory import OVERGANG_SOORTEN, Afronding, OvergangEvaluatie, TrajectAfspraak, Wie, evaluatie, naar_fase, overgang
from leersteun.reading.dossiers import lees_dossier
from leersteun.rules.checks import Context
from leersteun.rules.model import Beslissing, Fase, Reden, Vorm
from tests.conftest import ROOT
from tests.hypothese import voorbeelden

VANDAAG = dt.date(2026, 11, 24)
CASES = sorted((ROOT / "cases").glob("*.yaml"))

tekst = st.sampled_from(["wekelijks", "tweewekelijks", "1 lesuur per week", "Zorgoverleg: aanpak bijgestuurd.", None])
reden = st.one_of(st.none(), st.sampled_from(list(Reden)))
# who took part (seeds 001, 003): all partners, some, none
met = st.sampled_from([[], ["klasleerkracht", "ouders", "clb"], ["ouders"], ["zorgcoordinator", "ouders", "clb", "ankerpersoon"]])
afronding = st.one_of(
    st.none(),
    st.builds(Afronding, wat_neemt_school_mee=tekst, kansen=tekst, met=met, zonder_overleg=st.sampled_from([None, "Ouders niet bereikbaar."]),
              verdere_leersteun=st.sampled_from([None, True, False])),
)  # fmt: skip

fase_opdracht = st.tuples(
    st.just("fase"),
    st.sampled_from(list(Fase)),
    st.fixed_dictionaries(
        {
            "reden": reden,
            "verslag_zichtbaar": st.booleans(),
            "afspraak": st.builds(
                TrajectAfspraak,
                vorm=st.sampled_from(list(Vorm)),
                frequentie=tekst,
                intensiteit=tekst,
                duur=st.sampled_from([None, "tot de krokusvakantie"]),
                evaluatie_op=st.lists(st.dates(dt.date(2026, 12, 1), dt.date(2027, 6, 30)), max_size=2),
            ),
            "afronding": afronding,
            "met": met,
        }
    ),
)
evaluatie_opdracht = st.tuples(
    st.just("evaluatie"),
    st.sampled_from(list(Beslissing)),
    st.fixed_dictionaries(
        {
            "reden": reden,
            "frequentie": tekst,
            "intensiteit": tekst,
            "kansen": tekst,
            "wat_neemt_school_mee": tekst,
            "met": met,
            "afgesproken_met": met,
            "volgende": st.lists(st.dates(dt.date(2026, 12, 1), dt.date(2027, 6, 30)), max_size=2),
        }
    ),
)
overgang_opdracht = st.tuples(
    st.just("overgang"),
    st.sampled_from(OVERGANG_SOORTEN),
    st.fixed_dictionaries(
        {
            "klas": st.sampled_from(["1A", None]),
            "afronding": afronding,
            "geevalueerd": st.one_of(st.none(), st.builds(OvergangEvaluatie, datum=st.dates(dt.date(2026, 9, 1), dt.date(2026, 12, 31)), met=met)),
        }
    ),
)
opdracht = st.tuples(st.one_of(fase_opdracht, fase_opdracht, fase_opdracht, evaluatie_opdracht, overgang_opdracht), st.integers(0, 20), tekst)


def bewerking(soort, arg, opties, wie):
    if soort == "fase":
        return lambda data, d: naar_fase(data, d, arg, wie, **opties)
    if soort == "evaluatie":
        return lambda data, d: evaluatie(data, d, wie, arg, **opties)
    return lambda data, d: overgang(data, d, arg, wie, **opties)


@settings(max_examples=voorbeelden(20), deadline=None)
@given(bron=st.sampled_from(CASES), opdrachten=st.lists(opdracht, min_size=1, max_size=6))
def test_random_command_sequences(bron: Path, opdrachten) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / bron.name
        shutil.copyfile(bron, pad)
        dag = VANDAAG
        for (soort, arg, opties), stap, notitie in opdrachten:
            dag = dag + dt.timedelta(days=stap)
            voor = pad.read_bytes()
            gelezen = lees_dossier(pad, Context(vandaag=dag))
            assert gelezen.dossier is not None and not gelezen.fouten, gelezen.bevindingen
            oude_geschiedenis = gelezen.dossier.geschiedenis
            wie = Wie(door="An Janssens", datum=dag, notitie=notitie)
            try:
                pas_toe(gelezen, Context(vandaag=dag), bewerking(soort, arg, opties, wie))
            except Fout:
                event(f"{soort} geweigerd")
                assert pad.read_bytes() == voor
                continue
            event(f"{soort} aanvaard")
            na = lees_dossier(pad, Context(vandaag=dag))
            assert na.dossier is not None and not na.fouten, na.bevindingen
            assert na.dossier.geschiedenis[: len(oude_geschiedenis)] == oude_geschiedenis
            assert len(na.dossier.geschiedenis) == len(oude_geschiedenis) + 1


def _deelrij(oud: list, nieuw: list) -> bool:
    """Is `oud` a subsequence of `nieuw` (every old line still there, in its order)?"""
    rest = iter(nieuw)
    return all(any(x == y for y in rest) for x in oud)


@settings(max_examples=voorbeelden(8), deadline=None)
@given(
    bron=st.sampled_from(CASES),
    opdrachten=st.lists(
        st.tuples(st.tuples(st.one_of(evaluatie_opdracht, evaluatie_opdracht, fase_opdracht, overgang_opdracht), st.just(0), tekst), st.integers(-400, 0)),
        min_size=1,
        max_size=5,
    ),
)
def test_commands_dated_in_the_past_keep_the_history_whole_ordered_and_in_phase(bron: Path, opdrachten) -> None:
    """Issue 26: any date, also before later lines. Accepted: every old line stays (in order),
    the history stays in date order, its last line names the case's phase, the file is valid;
    refused: the file is byte-identical."""
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / bron.name
        shutil.copyfile(bron, pad)
        vandaag = Wie(door="Els Maes", datum=VANDAAG, notitie="Vandaag.")
        try:  # a line of today first (where the case allows it), so that the others come before it
            pas_toe(lees_dossier(pad, Context(vandaag=VANDAAG)), Context(vandaag=VANDAAG), bewerking("evaluatie", Beslissing.verderzetten, {}, vandaag))
        except Fout:
            pass
        for ((soort, arg, opties), _, notitie), terug in opdrachten:
            voor = pad.read_bytes()
            gelezen = lees_dossier(pad, Context(vandaag=VANDAAG))
            oud = gelezen.dossier.geschiedenis
            dag = VANDAAG + dt.timedelta(days=terug)
            try:
                pas_toe(gelezen, Context(vandaag=VANDAAG), bewerking(soort, arg, opties, Wie(door="An Janssens", datum=dag, notitie=notitie)))
            except Fout:
                assert pad.read_bytes() == voor
                continue
            na = lees_dossier(pad, Context(vandaag=VANDAAG))
            assert na.dossier is not None and not na.fouten, na.bevindingen
            nieuw = na.dossier.geschiedenis
            event("ingevoegd" if nieuw[: len(oud)] != oud else "achteraan")
            assert _deelrij(oud, nieuw) and len(nieuw) > len(oud)
            assert [g.datum for g in nieuw] == sorted(g.datum for g in nieuw)
            assert nieuw[-1].fase == na.dossier.fase
