"""Reading a whole folder on several cores gives exactly what one process gives: the same
overview, the same errors in the same order; Ctrl-C and a failing worker end every worker.
Every test of several processes runs with both ways a worker starts: `fork` (Linux) and
`spawn` (macOS, Windows; here too)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from leersteun.core.errors import Fout
from leersteun.outputs import formats, overview
from leersteun.reading import dossiers, snel
from leersteun.reading.folder import vind_map
from leersteun.rules.checks import Context
from tests.conftest import DOSSIER

VANDAAG = dt.date(2026, 11, 24)
CTX = Context(vandaag=VANDAAG)  # what a command passes to the read path


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
    try:
        (cases / "D-link.yaml").symlink_to(eerste)
    except OSError:  # Windows without the right to make links
        (cases / "D-link.yaml").write_text("id: D-link\n", encoding="utf-8")
    (cases / "E-type.yaml").write_text(
        eerste.read_text(encoding="utf-8").replace(f"id: {eerste.stem}", "id: E-type", 1).replace("fase: ", "fase: [", 1), encoding="utf-8"
    )
    return voorbeeld


@pytest.fixture(params=["fork", "spawn"])
def start(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test with a worker forked from this process (where leersteun forks: Linux) and
    with one started afresh (as on macOS and Windows)."""
    if request.param == "fork" and sys.platform != "linux":
        pytest.skip("leersteun forks its workers only on Linux")
    monkeypatch.setattr(snel, "START", request.param)
    return request.param


@pytest.fixture
def veel_processen(monkeypatch: pytest.MonkeyPatch, start: str) -> list[Any]:
    """Three processes (this one and two workers) and chunks of two files, on any machine;
    the worker processes started."""
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "STUK", 2)
    gestart: list[Any] = []
    begin = snel._start_werker

    def volg(*args: Any) -> Any:
        uit, proces = begin(*args)
        gestart.append(proces)
        return uit, proces

    monkeypatch.setattr(snel, "_start_werker", volg)
    return gestart


def _verdeel(monkeypatch: pytest.MonkeyPatch, manier: str) -> None:
    """From here on several processes read, in chunks of two files. This process takes no
    chunk: the workers read every case, so what is compared is surely their work (a spawned
    worker starts later than this process would finish). `reis`: what a spawned worker is
    sent, `stap` after its journey by value, used in this process (a fresh Python costs a few
    tenths of a second per test; the spawned workers themselves are tested above)."""
    if manier == "fork" and sys.platform != "linux":
        pytest.skip("leersteun forks its workers only on Linux")
    monkeypatch.setattr(snel, "STUK", 2)
    if manier == "reis":

        def in_dit_proces(paden: list[Path], dubbel: dict, stap: Any, aantal: int, ctx: Context) -> Any:
            gereisd, ctx_gereisd = pickle.loads(snel._lading(stap)), pickle.loads(pickle.dumps(ctx))
            return ([snel._lees(p, dubbel, gereisd, ctx_gereisd)] for p in paden)

        monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
        monkeypatch.setattr(snel, "_in_stukken", in_dit_proces)
        return
    monkeypatch.setattr(snel, "START", manier)
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3 if manier == "fork" else 2)
    hier = os.getpid()
    neem = snel._Rij.neem
    monkeypatch.setattr(snel._Rij, "neem", lambda rij, wacht: None if os.getpid() == hier else neem(rij, wacht))


@pytest.fixture(params=["fork", "spawn"])
def verdeeld(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Call it to read with workers, forked or spawned."""
    return lambda: _verdeel(monkeypatch, request.param)


@pytest.fixture(params=["fork", "reis"])
def verdeeld_kort(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Call it to read with forked workers, or with `stap` as a spawned worker gets it."""
    return lambda: _verdeel(monkeypatch, request.param)


def gestopt(processen: list[Any]) -> bool:
    """Every worker has ended and was waited for (no zombie left behind)."""
    return len(processen) == 2 and all(p.exitcode is not None for p in processen)


def _overzicht(map_: Path, anoniem: bool) -> tuple[bytes, list[tuple[str, list]]]:
    m = vind_map(map_)
    o, fout = overview.van_map(m, dossiers.instellingen(m), overview.week_van(None, VANDAAG), VANDAAG, anoniem)
    return formats.als_bestand(o, "json", m.pad, False), [(g.pad.name, g.bevindingen) for g in fout]


@pytest.mark.parametrize("anoniem", [False, True])
def test_several_processes_give_the_same_overview_and_errors(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, anoniem: bool, verdeeld: Any) -> None:
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen, fouten_alleen = _overzicht(map_met_fouten, anoniem)
    verdeeld()
    voor = sorted(map_met_fouten.rglob("*"))
    samen, fouten_samen = _overzicht(map_met_fouten, anoniem)
    assert sorted(map_met_fouten.rglob("*")) == voor  # the workers answer through pipes: no file is made
    assert samen == alleen
    assert fouten_samen == fouten_alleen
    assert {"B-kapot.yaml", "C-dubbel.yaml", "D-link.yaml", "E-type.yaml"} <= {naam for naam, _ in fouten_samen}
    assert all(not naam.startswith("KLM") for naam, _ in fouten_samen)
    assert b'"dossiers"' in samen and samen.count(b'"id"') > 10


def test_the_work_is_shared_and_comes_back_in_file_order(map_met_fouten: Path, veel_processen: list[Any], tmp_path: Path) -> None:
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

    gelezen = list(snel.lees_alle(m, CTX, stap=stap))
    assert [g.pad for g in gelezen] == [p for p in m.case_bestanden() if p.exists()]
    geldig = [g for g in gelezen if not g.fouten]
    assert all(g.dossier is None and g.uitkomst[1] == g.pad.stem for g in geldig)
    processen = {g.uitkomst[0] for g in geldig}
    assert len(processen) == 3
    assert gestopt(veel_processen)


def test_progress_counts_up_to_every_file(map_met_fouten: Path, veel_processen: list[Any]) -> None:
    m = vind_map(map_met_fouten)
    stand: list[tuple[int, int]] = []
    list(snel.lees_alle(m, CTX, voortgang=lambda klaar, totaal: stand.append((klaar, totaal)), stap=lambda pad, d: None))
    totaal = len(m.case_bestanden())
    assert [k for k, _ in stand] == sorted(k for k, _ in stand) and stand[-1] == (totaal, totaal)
    assert len(stand) > 3 and {t for _, t in stand} == {totaal}


def test_ctrl_c_stops_every_worker(map_met_fouten: Path, veel_processen: list[Any]) -> None:
    def voortgang(klaar: int, totaal: int) -> None:
        if klaar < totaal:  # after the first chunk, while the workers read on
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(snel.lees_alle(vind_map(map_met_fouten), CTX, voortgang, stap=lambda pad, d: time.sleep(0.005)))
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


def test_an_error_in_a_worker_reaches_this_process(map_met_fouten: Path, veel_processen: list[Any], tmp_path: Path) -> None:
    def fout(pad: Path) -> None:
        raise RuntimeError(f"fout in {pad.name}")

    with pytest.raises(RuntimeError, match="fout in"):
        list(snel.lees_alle(vind_map(map_met_fouten), CTX, stap=in_een_werker(tmp_path / "werker", fout)))
    assert gestopt(veel_processen)


def test_small_folders_stay_in_one_process(monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    kernen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    monkeypatch.delenv("LEERSTEUN_PROCESSEN", raising=False)
    assert snel.processen(10) == 1
    assert snel.processen(snel.MIN_PER_PROCES[start] * 2 - 1) == 1  # a started worker costs more than it would read
    assert snel.processen(1_000_000) == kernen
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "1")
    assert snel.processen(1_000_000) == 1
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "64")
    assert snel.processen(1_000_000) == kernen
    for fout in ("nul", "0", "-2", "1.5", "²"):
        monkeypatch.setenv("LEERSTEUN_PROCESSEN", fout)
        with pytest.raises(Fout, match="LEERSTEUN_PROCESSEN"):
            snel.processen(100_000)


def test_a_wrong_number_of_processes_is_a_dutch_message(map_: Any, run, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):  # asked of every folder that is read whole, however small
        map_.case(DOSSIER.replace("id: T-001", f"id: T-{i:04d}"), f"T-{i:04d}")
    monkeypatch.setenv("LEERSTEUN_PROCESSEN", "veel")
    result = run("overzicht", "--formaat", "csv")
    assert result.exit_code == 1 and "LEERSTEUN_PROCESSEN='veel' is geen aantal" in result.output
    assert "Traceback" not in result.output


def test_a_worker_that_dies_is_an_error_not_a_hang(map_met_fouten: Path, veel_processen: list[Any], tmp_path: Path) -> None:
    import signal

    def sterf(pad: Path) -> None:
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does when memory runs out
        os._exit(9)  # Windows: gone without a word

    with pytest.raises(snel.WerkerFout):
        list(snel.lees_alle(vind_map(map_met_fouten), CTX, stap=in_een_werker(tmp_path / "werker", sterf)))
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


def test_valideer_gives_the_same_findings_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, verdeeld: Any) -> None:
    from leersteun.reading.validatie import valideer

    kopie = map_met_fouten / "cases" / "KLM-2025-003-K1.yaml"  # in ondersteuning: without ondersteuner a warning
    kopie.write_text(kopie.read_text(encoding="utf-8").replace("ondersteuner: Els Maes", "ondersteuner: null", 1), encoding="utf-8")
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = valideer([], map_met_fouten).bevindingen
    verdeeld()
    samen = valideer([], map_met_fouten).bevindingen
    assert samen == alleen
    assert any(not b.is_fout for b in samen) and any(b.is_fout for b in samen)  # warnings (with positions) and errors


@pytest.mark.parametrize("anoniem", [False, True])
def test_the_agenda_is_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, anoniem: bool, verdeeld_kort: Any) -> None:
    from leersteun.outputs import agenda, ics

    m = vind_map(map_met_fouten)

    def lees() -> tuple[str, list[str]]:
        a = agenda.van_map(m, dossiers.instellingen(m), VANDAAG, VANDAAG + dt.timedelta(weeks=52), None, anoniem)
        nu = dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)  # the moment of the export: the same for both
        return ics.agenda_ics(a.punten, "Netwerk", VANDAAG, a.anoniem, nu=nu), [g.pad.name for g in a.ongeldig]

    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = lees()
    verdeeld_kort()
    assert lees() == alleen
    assert alleen[0].count("BEGIN:VEVENT") > 40 and "E-type.yaml" in alleen[1]
    assert ("Olivia" in alleen[0]) is not anoniem


def test_finding_a_case_by_name_is_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, verdeeld_kort: Any) -> None:
    """A name lookup reads only what it needs of each case (`Kaart`), on every core."""
    m = vind_map(map_met_fouten)

    def gevonden(naam: str) -> str:
        try:
            return str(dossiers.open_dossier(m, naam, Context(vandaag=VANDAAG)).pad.name)
        except Fout as e:
            return str(e)

    namen = ["lotte", "Olivia Jacobs", "KLM-2024-017-K2", "jacobs olivia", "niemand"]
    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = [gevonden(n) for n in namen]
    verdeeld_kort()
    assert [gevonden(n) for n in namen] == alleen
    assert "KLM-2024-017-K1  Lotte Peeters (5B, Basisschool De Klimop, heropstart)" in alleen[0]
    assert alleen[2] == "KLM-2024-017-K2.yaml" and "Geen dossier gevonden" in alleen[4]


def test_lijst_rows_are_the_same_on_several_processes(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, verdeeld_kort: Any) -> None:
    from leersteun.outputs.weergave import lijst_rij

    m = vind_map(map_met_fouten)

    def rijen() -> list:
        return [(g.pad.name, g.uitkomst, g.fouten) for g in snel.lees_alle(m, CTX, stap=lambda _pad, d: lijst_rij(d, True))]

    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = rijen()
    verdeeld_kort()
    assert rijen() == alleen
    assert sum(u is not None for _, u, _ in alleen) > 30 and {"leerling": "L.P."}.items() <= next(u for n, u, _ in alleen if n == "KLM-2024-017.yaml").items()


def test_the_check_for_a_second_case_of_a_pupil_is_the_same_on_several_processes(
    map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch, verdeeld_kort: Any
) -> None:
    m = vind_map(map_met_fouten)

    def ids() -> list[str]:
        return [d.id for d, _zeker in dossiers.dubbels(m, CTX, "lotte", "PEETERS", None, "basisschool de klimop")]

    monkeypatch.setattr(snel, "processen", lambda bestanden: 1)
    alleen = ids()
    verdeeld_kort()
    assert ids() == alleen and sorted(alleen) == ["KLM-2024-017", "KLM-2024-017-K1", "KLM-2024-017-K2"]


def test_when_no_worker_can_start_this_process_reads_everything(map_met_fouten: Path, veel_processen: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing.process

    def geweigerd(self: Any) -> None:
        raise BlockingIOError("Resource temporarily unavailable")  # as fork does past the process limit

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", geweigerd)
    gelezen = list(snel.lees_alle(vind_map(map_met_fouten), CTX, stap=lambda pad, d: os.getpid()))
    assert [g.pad for g in gelezen] == [p for p in vind_map(map_met_fouten).case_bestanden() if p.exists()]
    assert {g.uitkomst for g in gelezen if not g.fouten} == {os.getpid()}


def test_what_a_spawned_worker_is_sent_travels_by_value() -> None:
    """`stap` is mostly a function made inside another, which pickle sends only by name: it
    travels with its code, the values it holds (functions and modules among them) and its
    defaults, and does in the worker what it does here."""
    import string

    from leersteun.core import tekst

    basis = 10

    def binnen(x: int, *, keer: int = 2) -> int:
        return x * keer + basis

    def stap(pad: Path, d: Any, extra: int = 1) -> Any:
        return binnen(extra), string.ascii_lowercase[:extra], tekst.__name__, (lambda: pad.name)()

    gereisd = pickle.loads(snel._lading(stap))
    assert gereisd is not stap and gereisd.__qualname__ == stap.__qualname__
    assert gereisd(Path("a/KLM.yaml"), None) == stap(Path("a/KLM.yaml"), None) == (12, "a", "leersteun.core.tekst", "KLM.yaml")
    assert pickle.loads(snel._lading(snel._lees)) is snel._lees  # a function of a module: by name


def test_a_step_that_cannot_travel_is_read_in_this_process(map_met_fouten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(snel, "START", "spawn")
    monkeypatch.setattr(snel, "processen", lambda bestanden: 3)
    monkeypatch.setattr(snel, "_start_werker", lambda *args: pytest.fail("a worker was started"))
    slot = threading.Lock()  # no process can be sent a lock of this one

    def stap(pad: Path, d: Any) -> int:
        with slot:
            return os.getpid()

    gelezen = list(snel.lees_alle(vind_map(map_met_fouten), CTX, stap=stap))
    assert {g.uitkomst for g in gelezen if not g.fouten} == {os.getpid()}


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="Ctrl-C to a group of processes: POSIX (on Windows a console sends it)")
def test_ctrl_c_while_workers_start_prints_no_traceback(map_met_fouten: Path, start: str, tmp_path: Path) -> None:
    """Ctrl-C reaches every process of the terminal's group, the workers too, also while a
    spawned one is still importing: only the main process answers it."""
    import signal
    import subprocess

    script = tmp_path / "lees.py"
    script.write_text(
        "import sys, time\n"
        "from pathlib import Path\n"
        "def main():\n"
        "    from leersteun.reading import snel\n"
        "    import datetime\n"
        "    from leersteun.reading.folder import vind_map\n"
        "    from leersteun.rules.checks import Context\n"
        "    snel.START, snel.STUK, snel.processen = sys.argv[2], 2, lambda n: 3\n"
        "    try:\n"
        "        for _ in snel.lees_alle(vind_map(Path(sys.argv[1])), Context(vandaag=datetime.date(2026, 11, 24)), lambda k, t: print('bezig', flush=True), stap=lambda p, d: time.sleep(0.05)):\n"
        "            pass\n"
        "    except KeyboardInterrupt:\n"
        "        print('onderbroken', flush=True)\n"
        "        sys.exit(130)\n"
        "if __name__ == '__main__':\n"
        "    main()\n",
        encoding="utf-8",
    )
    kind = subprocess.Popen(
        [sys.executable, str(script), str(map_met_fouten), start], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert kind.stdout is not None and kind.stdout.readline() == "bezig\n"  # the first chunk: workers start or read
        os.killpg(kind.pid, signal.SIGINT)
        uit, fout = kind.communicate(timeout=30)
    finally:
        if kind.poll() is None:
            os.killpg(kind.pid, signal.SIGKILL)
    assert kind.returncode == 130 and "onderbroken" in uit
    assert fout == ""
    einde = time.monotonic() + 10
    while time.monotonic() < einde:  # no worker is left (multiprocessing's helper ends with them)
        try:
            os.killpg(kind.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("a process of the group outlived the main process")


@pytest.mark.parametrize(("vandaag", "geldig"), [("2024-05-01", False), ("2024-07-01", True)])
def test_every_command_judges_a_case_by_the_same_today(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch, vandaag: str, geldig: bool) -> None:
    """Issue 30: every read-only command judges a case by the one today of its Context
    (LEERSTEUN_VANDAAG), on the fast path and the round trip alike: the birth date rule
    (the one error that depends on today) gives every command the same verdict. Born on
    2024-06-01 (before the Verslag of 2024-09-12): invalid on 2024-05-01, valid on
    2024-07-01, whatever the clock says (a date after today elsewhere only warns)."""
    geboren = "2024-06-01"
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    tekst = pad.read_text(encoding="utf-8")
    oud = next(r for r in tekst.splitlines() if r.strip().startswith("geboortedatum:"))
    pad.write_text(tekst.replace(oud, oud.split(":")[0] + f": {geboren}", 1), encoding="utf-8")
    monkeypatch.setenv("LEERSTEUN_VANDAAG", vandaag)
    melding = f"geboortedatum {geboren} kan niet kloppen"
    opdrachten = [
        ["valideer"], ["lijst"], ["overzicht"], ["agenda"], ["toon", "KLM-2024-017"],
        ["fiche", "KLM-2024-017", "--formaat", "md"], ["geschiedenis", "KLM-2024-017"],
    ]  # fmt: skip
    for args in opdrachten:
        result = run(*args)
        assert (melding in result.output) is not geldig, (args, result.output)
        assert result.exit_code == (0 if geldig else 1), (args, result.output)
