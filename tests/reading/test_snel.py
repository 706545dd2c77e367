"""Reading a whole folder on several cores gives exactly what one process gives: the same
overview, the same errors in the same order; Ctrl-C and a failing worker end every worker."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from leersteun.outputs import formats, overview
from leersteun.reading import dossiers, snel
from leersteun.core.errors import Fout
from leersteun.reading.folder import vind_map

from tests.conftest import DOSSIER

ALLEEN_LINUX = pytest.mark.skipif(sys.platform != "linux", reason="several processes only on Linux (fork)")
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
def veel_processen(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Three processes (this one and two workers) and chunks of two files, on any machine;
    the process ids of the workers started."""
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    gestart: list[int] = []
    fork = os.fork

    def volg() -> int:
        pid = fork()
        if pid:
            gestart.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", volg)
    return gestart


def gestopt(pids: list[int]) -> bool:
    """Every worker has ended and was waited for (no zombie left behind)."""
    for pid in pids:
        try:
            os.kill(pid, 0)
            return False
        except ProcessLookupError:
            pass
    return len(pids) == 2


def _overzicht(map_: Path, anoniem: bool) -> tuple[bytes, list[tuple[str, list]]]:
    m = vind_map(map_)
    o, fout = overview.van_map(m, dossiers.instellingen(m), overview.week_van(None, VANDAAG), VANDAAG, anoniem)
    return formats.als_bestand(o, "json", m.pad, False), [(g.pad.name, g.bevindingen) for g in fout]


@ALLEEN_LINUX
@pytest.mark.parametrize("anoniem", [False, True])
def test_several_processes_give_the_same_overview_and_errors(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, anoniem: bool) -> None:
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen, fouten_alleen = _overzicht(map_met_fouten, anoniem)
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    voor = sorted(map_met_fouten.rglob("*"))
    samen, fouten_samen = _overzicht(map_met_fouten, anoniem)
    assert sorted(map_met_fouten.rglob("*")) == voor  # the workers answer through pipes: no file is made
    assert samen == alleen
    assert fouten_samen == fouten_alleen
    assert {"B-kapot.yaml", "C-dubbel.yaml", "D-link.yaml", "E-type.yaml"} <= {naam for naam, _ in fouten_samen}
    assert b'"dossiers"' in samen and samen.count(b'"id"') > 10


@ALLEEN_LINUX
def test_the_work_is_shared_and_comes_back_in_file_order(map_met_fouten: Path, veel_processen: list[int], tmp_path: Path) -> None:
    m = vind_map(map_met_fouten)
    aanwezig = tmp_path / "processen"
    aanwezig.mkdir()

    def stap(pad: Path, dossier: Any) -> tuple[int, str]:
        # every process waits at its first case until all three have one: each surely takes
        # a chunk, however late a loaded machine starts a worker
        (aanwezig / str(os.getpid())).touch()
        einde = time.monotonic() + 10
        while len(list(aanwezig.iterdir())) < 3 and time.monotonic() < einde:
            time.sleep(0.005)
        return os.getpid(), dossier.id

    gelezen = list(snel.lees_alle(m, stap=stap))
    assert [g.pad for g in gelezen] == [p for p in m.case_bestanden() if p.exists()]
    geldig = [g for g in gelezen if not g.fouten]
    assert all(g.dossier is None and g.uitkomst[1] == g.pad.stem for g in geldig)
    processen = {g.uitkomst[0] for g in geldig}
    assert len(processen) == 3
    assert gestopt(veel_processen)


@ALLEEN_LINUX
def test_progress_counts_up_to_every_file(map_met_fouten: Path, veel_processen: list[int]) -> None:
    m = vind_map(map_met_fouten)
    stand: list[tuple[int, int]] = []
    list(snel.lees_alle(m, voortgang=lambda klaar, totaal: stand.append((klaar, totaal)), stap=lambda pad, d: None))
    totaal = len(m.case_bestanden())
    assert [k for k, _ in stand] == sorted(k for k, _ in stand) and stand[-1] == (totaal, totaal)
    assert len(stand) > 3 and {t for _, t in stand} == {totaal}


@ALLEEN_LINUX
def test_ctrl_c_stops_every_worker(map_met_fouten: Path, veel_processen: list[int]) -> None:
    def voortgang(klaar: int, totaal: int) -> None:
        if klaar < totaal:  # after the first chunk, while the workers read on
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(snel.lees_alle(vind_map(map_met_fouten), voortgang, stap=lambda pad, d: time.sleep(0.005)))
    assert gestopt(veel_processen)


def in_een_werker(teken: Path, doe: Any) -> Any:
    """A `stap` that does `doe(pad)` in a worker. This process waits (at most 10 s) until a
    worker has reached its first case: however late a loaded machine starts the workers,
    one surely takes a chunk."""
    hier = os.getpid()

    def stap(pad: Path, dossier: object) -> None:
        if os.getpid() != hier:
            teken.touch()
            doe(pad)
        einde = time.monotonic() + 10
        while not teken.exists() and time.monotonic() < einde:
            time.sleep(0.005)

    return stap


@ALLEEN_LINUX
def test_an_error_in_a_worker_reaches_this_process(map_met_fouten: Path, veel_processen: list[int], tmp_path: Path) -> None:
    def fout(pad: Path) -> None:
        raise RuntimeError(f"fout in {pad.name}")

    with pytest.raises(RuntimeError, match="fout in"):
        list(snel.lees_alle(vind_map(map_met_fouten), stap=in_een_werker(tmp_path / "werker", fout)))
    assert gestopt(veel_processen)


@ALLEEN_LINUX
def test_small_folders_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEERSTEUN_PROCESSEN", raising=False)
    assert snel.processen(10) == 1
    assert snel.processen(100_000) == len(os.sched_getaffinity(0))
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "1")
    assert snel.processen(100_000) == 1
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "64")
    assert snel.processen(100_000) == len(os.sched_getaffinity(0))
    for fout in ("nul", "0", "-2", "1.5", "²"):
        monkeypatch.setenv("LEERSTEUN_PROCESSEN", fout)
        with pytest.raises(Fout, match="LEERSTEUN_PROCESSEN"):
            snel.processen(100_000)


@ALLEEN_LINUX
def test_a_wrong_number_of_processes_is_a_dutch_message(map_: Any, run, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(snel.MIN_PER_PROCES * 2):
        map_.case(DOSSIER.replace("id: T-001", f"id: T-{i:04d}"), f"T-{i:04d}")
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "veel")
    result = run("overzicht", "--formaat", "csv")
    assert result.exit_code == 1 and "LEERSTEUN_PROCESSEN='veel' is geen aantal" in result.output
    assert "Traceback" not in result.output


@ALLEEN_LINUX
def test_a_worker_that_dies_is_an_error_not_a_hang(map_met_fouten: Path, veel_processen: list[int], tmp_path: Path) -> None:
    import signal

    def sterf(pad: Path) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does when memory runs out

    with pytest.raises(snel.WerkerFout):
        list(snel.lees_alle(vind_map(map_met_fouten), stap=in_een_werker(tmp_path / "werker", sterf)))
    assert gestopt(veel_processen)


@pytest.mark.parametrize("grootte", [0, 10, snel._BLOK - 1, snel._BLOK, snel._BLOK + 1, 3 * snel._BLOK + 5])
def test_a_file_is_read_whole(tmp_path: Path, grootte: int) -> None:
    pad = tmp_path / "x.yaml"
    pad.write_bytes(bytes(i % 251 for i in range(grootte)))
    fd = os.open(pad, os.O_RDONLY)
    try:
        assert snel._inhoud(fd) == pad.read_bytes()
    finally:
        os.close(fd)


def test_a_file_larger_than_a_case_may_be_is_not_read_whole(tmp_path: Path) -> None:
    from leersteun.files.schijf import MAX_GROOTTE

    pad = tmp_path / "x.yaml"
    pad.write_bytes(b"a" * (MAX_GROOTTE + 1))
    fd = os.open(pad, os.O_RDONLY)
    try:
        assert snel._inhoud(fd) is None
    finally:
        os.close(fd)


@ALLEEN_LINUX
def test_valideer_gives_the_same_findings_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from leersteun.reading.validatie import valideer

    kopie = map_met_fouten / "cases" / "KLM-2025-003-K1.yaml"  # in ondersteuning: without ondersteuner a warning
    kopie.write_text(kopie.read_text(encoding="utf-8").replace("ondersteuner: Els Maes", "ondersteuner: null", 1), encoding="utf-8")
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = valideer([], map_met_fouten).bevindingen
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    samen = valideer([], map_met_fouten).bevindingen
    assert samen == alleen
    assert any(not b.is_fout for b in samen) and any(b.is_fout for b in samen)  # warnings (with positions) and errors


@ALLEEN_LINUX
@pytest.mark.parametrize("anoniem", [False, True])
def test_the_agenda_is_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, anoniem: bool) -> None:
    from leersteun.outputs import agenda, ics

    m = vind_map(map_met_fouten)

    def lees() -> tuple[str, list[str]]:
        a = agenda.van_map(m, dossiers.instellingen(m), VANDAAG, VANDAAG + dt.timedelta(weeks=52), None, anoniem)
        return ics.agenda_ics(a.punten, "Netwerk", VANDAAG, a.anoniem), [g.pad.name for g in a.ongeldig]

    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = lees()
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    assert lees() == alleen
    assert alleen[0].count("BEGIN:VEVENT") > 40 and "E-type.yaml" in alleen[1]
    assert ("Olivia" in alleen[0]) is not anoniem


@ALLEEN_LINUX
def test_finding_a_case_by_name_is_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name lookup reads only what it needs of each case (`Kaart`), on every core."""
    from leersteun.rules.checks import Context

    m = vind_map(map_met_fouten)

    def gevonden(naam: str) -> str:
        try:
            return str(dossiers.open_dossier(m, naam, Context()).pad.name)
        except Fout as e:
            return str(e)

    namen = ["lotte", "Olivia Jacobs", "KLM-2024-017-K2", "jacobs olivia", "niemand"]
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = [gevonden(n) for n in namen]
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    assert [gevonden(n) for n in namen] == alleen
    assert "KLM-2024-017-K1  Lotte Peeters (5B, Basisschool De Klimop, heropstart)" in alleen[0]
    assert alleen[2] == "KLM-2024-017-K2.yaml" and "Geen dossier gevonden" in alleen[4]


@ALLEEN_LINUX
def test_lijst_rows_are_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from leersteun.outputs.weergave import lijst_rij

    m = vind_map(map_met_fouten)

    def rijen() -> list:
        return [(g.pad.name, g.uitkomst, g.fouten) for g in snel.lees_alle(m, stap=lambda _pad, d: lijst_rij(d, True))]

    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = rijen()
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    assert rijen() == alleen
    assert sum(u is not None for _, u, _ in alleen) > 30 and {"leerling": "L.P."}.items() <= next(u for n, u, _ in alleen if n == "KLM-2024-017.yaml").items()


@ALLEEN_LINUX
def test_the_check_for_a_second_case_of_a_pupil_is_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    m = vind_map(map_met_fouten)

    def ids() -> list[str]:
        return [d.id for d, _zeker in dossiers.dubbels(m, "lotte", "PEETERS", None, "basisschool de klimop")]

    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = ids()
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    assert ids() == alleen and sorted(alleen) == ["KLM-2024-017", "KLM-2024-017-K1", "KLM-2024-017-K2"]


@ALLEEN_LINUX
def test_when_no_worker_can_start_this_process_reads_everything(map_met_fouten: Path, veel_processen: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    def geweigerd() -> int:
        raise BlockingIOError("Resource temporarily unavailable")  # as fork does past the process limit

    monkeypatch.setattr(os, "fork", geweigerd)
    gelezen = list(snel.lees_alle(vind_map(map_met_fouten), stap=lambda pad, d: os.getpid()))
    assert [g.pad for g in gelezen] == [p for p in vind_map(map_met_fouten).case_bestanden() if p.exists()]
    assert {g.uitkomst for g in gelezen if not g.fouten} == {os.getpid()}
