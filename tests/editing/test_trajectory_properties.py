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

from leersteun.editing.bewerk import pas_toe
from leersteun.rules.checks import Context
from leersteun.reading.dossiers import lees_dossier
from leersteun.core.errors import Fout
from leersteun.rules.model import Beslissing, Fase, Reden, Vorm
from leersteun.editing.trajectory import OVERGANG_SOORTEN, TrajectAfspraak, Wie, evaluatie, naar_fase, overgang

from tests.conftest import ROOT

from tests.hypothese import voorbeelden

VANDAAG = dt.date(2026, 11, 24)
CASES = sorted((ROOT / "cases").glob("*.yaml"))

tekst = st.sampled_from(["wekelijks", "tweewekelijks", "1 lesuur per week", "Zorgoverleg: aanpak bijgestuurd.", None])
reden = st.one_of(st.none(), st.sampled_from(list(Reden)))

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
                evaluatie_op=st.lists(st.dates(dt.date(2026, 12, 1), dt.date(2027, 6, 30)), max_size=2),
            ),
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
            "volgende": st.lists(st.dates(dt.date(2026, 12, 1), dt.date(2027, 6, 30)), max_size=2),
        }
    ),
)
overgang_opdracht = st.tuples(st.just("overgang"), st.sampled_from(OVERGANG_SOORTEN), st.fixed_dictionaries({"klas": st.sampled_from(["1A", None])}))
opdracht = st.tuples(st.one_of(fase_opdracht, fase_opdracht, fase_opdracht, evaluatie_opdracht, overgang_opdracht), st.integers(0, 20), tekst)


def bewerking(soort, arg, opties, wie):
    if soort == "fase":
        return lambda data, d: naar_fase(data, d, arg, wie, **opties)
    if soort == "evaluatie":
        return lambda data, d: evaluatie(data, d, wie, arg, **opties)
    return lambda data, d: overgang(data, d, arg, wie, **opties)


@settings(max_examples=voorbeelden(50), deadline=None)
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
