"""Reading a whole folder on several cores gives exactly what one process gives: the same
overview, the same errors in the same order; Ctrl-C and a failing worker end every worker."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import sys
from pathlib import Path

import pytest

from leersteun.outputs import formats, overview
from leersteun.reading import dossiers, snel
from leersteun.reading.folder import vind_map

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="several processes only on Linux (fork)")

VANDAAG = dt.date(2026, 11, 24)


@pytest.fixture
def map_met_fouten(voorbeeld: Path) -> Path:
    """The example folder, each case three times under another id, and files with errors
    between them: broken YAML, a duplicate id, a link, a wrong type."""
    cases = voorbeeld / "cases"
    for pad in sorted(cases.glob("*.yaml")):
        for n in (1, 2):
            kopie = cases / f"{pad.stem}-K{n}.yaml"
            kopie.write_text(pad.read_text(encoding="utf-8").replace(f"id: {pad.stem}", f"id: {kopie.stem}", 1), encoding="utf-8")
    eerste = sorted(cases.glob("*.yaml"))[0]
    (cases / "B-kapot.yaml").write_text("id: B-kapot\nleerling: [\n", encoding="utf-8")
    shutil.copy(eerste, cases / "C-dubbel.yaml")
    (cases / "D-link.yaml").symlink_to(eerste)
    (cases / "E-type.yaml").write_text(eerste.read_text(encoding="utf-8").replace(f"id: {eerste.stem}", "id: E-type", 1).replace("fase: ", "fase: [", 1), encoding="utf-8")
    return voorbeeld


@pytest.fixture
def veel_processen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three processes (this one and two workers) and chunks of two files, on any machine."""
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)


def _overzicht(map_: Path, anoniem: bool) -> tuple[bytes, list[tuple[str, list]]]:
    m = vind_map(map_)
    o, fout = overview.van_map(m, dossiers.instellingen(m), overview.week_van(None, VANDAAG), VANDAAG, anoniem)
    return formats.als_bestand(o, "json", m.pad, False), [(g.pad.name, g.bevindingen) for g in fout]


@pytest.mark.parametrize("anoniem", [False, True])
def test_several_processes_give_the_same_overview_and_errors(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, anoniem: bool) -> None:
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen, fouten_alleen = _overzicht(map_met_fouten, anoniem)
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    samen, fouten_samen = _overzicht(map_met_fouten, anoniem)
    assert samen == alleen
    assert fouten_samen == fouten_alleen
    assert {"B-kapot.yaml", "C-dubbel.yaml", "D-link.yaml", "E-type.yaml"} <= {naam for naam, _ in fouten_samen}
    assert b'"dossiers"' in samen and samen.count(b'"id"') > 10


def test_the_work_is_shared_and_comes_back_in_file_order(map_met_fouten: Path, veel_processen: None) -> None:
    m = vind_map(map_met_fouten)
    gelezen = list(snel.lees_alle(m, stap=lambda pad, dossier: (os.getpid(), dossier.id)))
    assert [g.pad for g in gelezen] == [p for p in m.case_bestanden() if p.exists()]
    geldig = [g for g in gelezen if not g.fouten]
    assert all(g.dossier is None and g.uitkomst[1] == g.pad.stem for g in geldig)
    processen = {g.uitkomst[0] for g in geldig}
    assert os.getpid() in processen and len(processen) >= 2  # which worker takes which chunk is up to them
    assert multiprocessing.active_children() == []


def test_progress_counts_up_to_every_file(map_met_fouten: Path, veel_processen: None) -> None:
    m = vind_map(map_met_fouten)
    stand: list[tuple[int, int]] = []
    list(snel.lees_alle(m, voortgang=lambda klaar, totaal: stand.append((klaar, totaal)), stap=lambda pad, d: None))
    totaal = len(m.case_bestanden())
    assert [k for k, _ in stand] == sorted(k for k, _ in stand) and stand[-1] == (totaal, totaal)
    assert len(stand) > 3 and {t for _, t in stand} == {totaal}


def test_ctrl_c_stops_every_worker(map_met_fouten: Path, veel_processen: None) -> None:
    hier = os.getpid()
    gedaan: list[Path] = []

    def stap(pad: Path, dossier: object) -> None:
        if os.getpid() == hier:
            gedaan.append(pad)
            if len(gedaan) == 3:  # in this process's second chunk, while the workers read on
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(snel.lees_alle(vind_map(map_met_fouten), stap=stap))
    assert multiprocessing.active_children() == []


def test_an_error_in_a_worker_reaches_this_process(map_met_fouten: Path, veel_processen: None) -> None:
    hier = os.getpid()

    def stap(pad: Path, dossier: object) -> None:
        if os.getpid() != hier:
            raise RuntimeError(f"fout in {pad.name}")

    with pytest.raises(RuntimeError, match="fout in"):
        list(snel.lees_alle(vind_map(map_met_fouten), stap=stap))
    assert multiprocessing.active_children() == []


def test_small_folders_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEERSTEUN_PROCESSEN", raising=False)
    assert snel.processen(10) == 1
    assert snel.processen(100_000) == len(os.sched_getaffinity(0))
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "1")
    assert snel.processen(100_000) == 1
