"""Commands that change several files change all of them or none (issue 26): the school-year
rollover, a new case with the link back from the one it follows (`nieuw --vanuit`), and a mail
with the class of now (`mail --klas`). Refused before anything is written, killed at any write
(in-process at every file operation of a generated folder, and once with a real kill -9), and
committed whole."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from leersteun.editing import wijziging
from leersteun.reading import gitops
from tests.conftest import ROOT, digest

VANDAAG = "2027-08-30"  # the end of the school year: the rollover to 2027-2028 is due


@pytest.fixture(autouse=True)
def einde_schooljaar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERSTEUN_VANDAAG", VANDAAG)
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "200")


def git(map_: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=map_, check=True, capture_output=True, text=True).stdout


def hashes(map_: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted((map_ / "cases").iterdir())}


def volgende_klas(klas: str) -> str:
    """The class of next year for a generated case: 3B becomes 4B, 6B stays (confirmed)."""
    return f"{min(int(klas[0]) + 1, 6)}{klas[1:]}"


def gegenereerd(doel: Path, aantal: int) -> tuple[Path, dict[str, bytes]]:
    """A generated folder (the benchmark's generator) in git, with the school's class list for
    every running case; and every case file as it was."""
    from benchmarks.overzicht import maak_map

    maak_map(doel, aantal)
    rijen = ["Dossier;Naam;Voornaam;Klas"]
    for pad in sorted((doel / "cases").glob("*.yaml")):
        tekst = pad.read_text(encoding="utf-8")
        if "\nfase: afgesloten" not in tekst:
            velden = dict(r.strip().split(": ", 1) for r in tekst.split("leerling:\n", 1)[1].split("school:")[0].splitlines())
            rijen.append(f"{pad.stem};{velden['naam']};{velden['voornaam']};{volgende_klas(velden['klas'])}")
    (doel / "klassen.csv").write_text("\n".join(rijen) + "\n", encoding="utf-8")
    for stap in (["init", "-q"], ["add", "."], ["-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "begin"]):
        subprocess.run(["git", *stap], cwd=doel, check=True, capture_output=True)
    return doel, {p.name: p.read_bytes() for p in (doel / "cases").iterdir()}


def rollover(map_: Path, *extra: str) -> list[str]:
    return ["--map", str(map_), "schooljaar", "2027-2028", "--klassen", str(map_ / "klassen.csv"), "--ja", *extra]


def gewijzigd_of_niet(map_: Path, voor: dict[str, bytes], basis: str) -> bool:
    """True when every case of the class list has its new class and the rollover is one commit
    of exactly those files; False when nothing changed and nothing was committed. Never half."""
    assert not list((map_ / "cases").glob(".*")), "temporary files left"
    assert not (map_ / ".git" / wijziging.JOURNAAL).exists()
    nu = {p.name: p.read_bytes() for p in (map_ / "cases").iterdir()}
    anders = {naam for naam in nu if nu[naam] != voor[naam]}
    if not anders:
        assert git(map_, "rev-parse", "HEAD").strip() == basis
        return False
    rijen = (map_ / "klassen.csv").read_text(encoding="utf-8").splitlines()[1:]
    verwacht = {r.split(";")[0] + ".yaml" for r in rijen}
    assert anders <= verwacht and len(anders) >= len(verwacht) - sum(r.endswith(";6" + r[-1]) for r in rijen)
    assert all(b"klas_schooljaar: 2027-2028" in nu[naam] for naam in verwacht)
    assert git(map_, "status", "--porcelain", "--", "cases") == ""  # every changed case committed
    commits = git(map_, "log", "--format=%x00%s", "--name-only", f"{basis}..HEAD").split("\x00")[1:]
    assert len(commits) == 1 and {Path(p).name for p in commits[0].splitlines()[1:] if p} == anders  # one commit, of exactly these
    return True


class Gedood(BaseException):
    """leersteun killed: nothing after this point runs (no except, no finally of its own)."""


@contextmanager
def dood_na(na: int | None) -> Iterator[dict[str, int]]:
    """Kill after the na-th file operation: every fsync and rename (temporary files, the
    journal, the renames onto the cases, the folder) and the commit. None: only count."""
    teller = {"n": 0}
    echt_replace, echt_fsync, echt_commit = os.replace, os.fsync, gitops.commit

    def tel() -> None:
        teller["n"] += 1
        if na is not None and teller["n"] > na:
            raise Gedood

    def replace(a: object, b: object) -> None:
        tel()
        echt_replace(a, b)  # type: ignore[arg-type]

    def fsync(fd: int) -> None:
        echt_fsync(fd)
        tel()

    def commit(*args: object, **kw: object) -> str:
        regel = echt_commit(*args, **kw)  # type: ignore[arg-type]
        tel()
        return regel

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(wijziging, "_ruim", lambda _stappen: None)  # killed: no cleanup of its own, as with kill -9
        mp.setattr(wijziging.os, "replace", replace)
        mp.setattr(wijziging.os, "fsync", fsync)
        mp.setattr(gitops, "commit", commit)
        yield teller


# ---------------------------------------------------------------------------- the rollover, killed


@pytest.fixture(scope="module")
def klein(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    return gegenereerd(tmp_path_factory.mktemp("klein") / "map", 5)


def test_a_rollover_killed_at_every_write_is_finished_and_committed_whole_or_never_happened(klein: tuple[Path, dict[str, bytes]], tmp_path: Path, run) -> None:
    """The rollover of a generated folder is read and checked once (the command's own
    engine); its writes and its commit are then carried out in a copy of the folder, killed
    after the first, second, ... file operation, and the next command's `herstel` must leave
    every case changed and committed in one commit, or none changed and nothing committed."""
    from leersteun.editing import schooljaar as sj
    from leersteun.editing.trajectory import Wie
    from leersteun.reading.dossiers import alle, context, instellingen
    from leersteun.reading.folder import Dossiermap
    from leersteun.reading.klaslijst import koppel, lees

    sjabloon, voor = klein
    basis = git(sjabloon, "rev-parse", "HEAD").strip()
    map_ = Dossiermap(sjabloon)
    vandaag = dt.date.fromisoformat(VANDAAG)
    ctx = context(vandaag, instellingen(map_))
    gelezen = [g for g in alle(map_, ctx) if g.dossier is not None]
    klassen = {t.dossier.id: (t.rij.klas, t.rij.plek) for t in koppel([lees(sjabloon / "klassen.csv")], [g.dossier for g in gelezen]).treffers}
    lopend = [g for g in gelezen if g.dossier.fase != "afgesloten"]
    rollover = sj.bereid_voor(map_, ctx, Wie("An Janssens", vandaag), "2027-2028", klassen, lopend)
    assert len(rollover.regels) >= 3

    def uitvoeren_in(doel: Path) -> str | None:
        w = wijziging.Wijziging(Dossiermap(doel), rollover.wijziging.wat)
        for stap in rollover.wijziging.stappen:
            w.zet(doel / stap.pad.relative_to(sjabloon), stap.nieuw, stap.oud)  # type: ignore[arg-type]
        w.commit = wijziging.Commit(w.paden, "schooljaar 2027-2028: klas van de dossiers", "An Janssens")
        return w.uitvoeren()

    proef = tmp_path / "proef"
    shutil.copytree(sjabloon, proef)
    with dood_na(None) as teller:
        assert uitvoeren_in(proef) == "Gecommit: schooljaar 2027-2028: klas van de dossiers"
    assert gewijzigd_of_niet(proef, voor, basis)
    stappen = teller["n"]
    assert stappen >= 2 * len(rollover.regels) + 5  # per case a temporary file and a rename; the journal (3); the folder; the commit
    uitkomsten = []
    for na in range(stappen):
        doel = tmp_path / f"na-{na}"
        shutil.copytree(sjabloon, doel)
        with dood_na(na), pytest.raises(Gedood):
            uitvoeren_in(doel)
        regels = wijziging.herstel(Dossiermap(doel))  # what any next command does first
        klaar = gewijzigd_of_niet(doel, voor, basis)
        if klaar:
            assert "Een vorige opdracht (schooljaar 2027-2028) werd onderbroken; ze is nu afgewerkt" in regels[0]
            assert regels[-1] in ("Gecommit: schooljaar 2027-2028: klas van de dossiers", "Niets te committen: het bestand was al zo in git.")
        elif na > 0:
            assert regels == [
                "Een vorige opdracht werd onderbroken voor ze iets veranderde: er is niets gewijzigd (haar tijdelijke bestanden zijn opgeruimd). Voer ze opnieuw uit als dat nog nodig is."
            ]
        uitkomsten.append(klaar)
    assert uitkomsten[0] is False and uitkomsten[-1] is True
    assert uitkomsten == sorted(uitkomsten)  # before the journal: nothing; from it on: everything


def test_a_rerun_after_a_kill_commits_every_case_the_rollover_changed(klein: tuple[Path, dict[str, bytes]], tmp_path: Path, run) -> None:
    """The 221 cases that stayed uncommitted: killed after the renames, before the commit, the
    re-run of the same command finishes the commit of every case (not only what it would
    change again, which is nothing) and says so."""
    sjabloon, voor = klein
    basis = git(sjabloon, "rev-parse", "HEAD").strip()
    map_, proef = tmp_path / "map", tmp_path / "proef"
    shutil.copytree(sjabloon, map_)
    shutil.copytree(sjabloon, proef)
    with dood_na(None) as teller:
        run(*rollover(proef, "--commit"))
    with dood_na(teller["n"] - 2), pytest.raises(Gedood):  # everything but the commit
        run(*rollover(map_, "--commit"))
    assert git(map_, "rev-parse", "HEAD").strip() == basis and git(map_, "status", "--porcelain", "--", "cases")
    opnieuw = run(*rollover(map_, "--commit"))
    assert opnieuw.exit_code == 0, opnieuw.output
    assert "werd onderbroken; ze is nu afgewerkt" in opnieuw.stderr and "Gecommit: schooljaar 2027-2028" in opnieuw.stderr
    assert "Er verandert niets aan de klassen" in opnieuw.stdout
    assert gewijzigd_of_niet(map_, voor, basis)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9: POSIX only")
def test_a_real_kill_9_in_a_larger_rollover(tmp_path: Path, run) -> None:
    map_, voor = gegenereerd(tmp_path / "groot", 30)
    basis = git(map_, "rev-parse", "HEAD").strip()
    omgeving = {**os.environ, "LEERSTEUN_VANDAAG": VANDAAG, "LEERSTEUN_GEBRUIKER": "An Janssens", "PYTHONPATH": str(ROOT)}
    proces = subprocess.Popen(
        [sys.executable, "-m", "leersteun", *rollover(map_, "--commit")], env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    cases, journaal = map_ / "cases", map_ / ".git" / wijziging.JOURNAAL
    einde = time.monotonic() + 60
    while proces.poll() is None and time.monotonic() < einde:
        if journaal.exists() or any(n.name.endswith(wijziging.ACHTERVOEGSEL) for n in os.scandir(cases)):  # writing has begun
            proces.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0002)
    assert proces.wait(timeout=60) == -signal.SIGKILL, "the rollover ended before it could be killed while writing"
    opnieuw = run(*rollover(map_, "--commit"))
    assert opnieuw.exit_code == 0, opnieuw.output
    assert "werd onderbroken" in opnieuw.stderr
    assert gewijzigd_of_niet(map_, voor, basis)
    assert run("--map", str(map_), "valideer").exit_code == 0


# ---------------------------------------------------------------------------- refused before anything is written


@pytest.mark.parametrize(
    "rij,fout",
    [
        ("Peeters;Lotte;6\x07B", "klassen.csv:3 (KLM-2024-017 Lotte Peeters): de kolom Klas bevat een stuurteken (U+0007)"),
        ('Peeters;Lotte;"6\nB"', "klassen.csv:3 (KLM-2024-017 Lotte Peeters): de kolom Klas bevat een regeleinde"),
        (
            "Peeters;Lotte;" + "6B De Zonnebloemen met een heel lange naam",
            "klassen.csv:3: '6B De Zonnebloemen met een heel lange naam' in de kolom Klas is geen klas van KLM-2024-017 (Lotte Peeters): dat is te lang",
        ),
        ("Peeters;Lotte;14/03/2015", "klassen.csv:3: '14/03/2015' in de kolom Klas is geen klas van KLM-2024-017 (Lotte Peeters): dat is een datum"),
    ],
)
def test_a_bad_row_refuses_the_whole_rollover_naming_row_and_case(voorbeeld: Path, run, rij: str, fout: str) -> None:
    (voorbeeld / "klassen.csv").write_text(f"Naam;Voornaam;Klas\nWouters;Noah;4A\n{rij}\nVan Dyck;Ella;3B\n", encoding="utf-8")
    voor = hashes(voorbeeld)
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", "--ja")
    assert result.exit_code == 1 and fout in " ".join(result.stderr.split()) and "er is niets gewijzigd" in result.stderr
    assert hashes(voorbeeld) == voor


def test_a_history_line_after_today_refuses_the_rollover_with_case_row_and_line(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2026-002.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("  - datum: 2026-10-22", "  - datum: 2027-10-22", 1), encoding="utf-8")
    (voorbeeld / "klassen.csv").write_text("Naam;Voornaam;Klas\nWouters;Noah;4A\nVan Dyck;Ella;3B\n", encoding="utf-8")
    voor = hashes(voorbeeld)
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", "--ja")
    plat = " ".join(result.stderr.split())
    assert result.exit_code == 1 and "Er is niets gewijzigd: dit dossier kan de klas van 2027-2028 niet krijgen" in plat
    assert "KLM-2026-002 (klassen.csv:3): de geschiedenis heeft een regel van 22-10-2027, na vandaag (30-08-2027): een tikfout?" in plat
    assert "cases/KLM-2026-002.yaml:" in plat and hashes(voorbeeld) == voor


def test_a_full_disk_at_the_third_case_changes_nothing_and_names_the_file(voorbeeld: Path, run, monkeypatch) -> None:
    (voorbeeld / "klassen.csv").write_text("Dossier;Klas\nKLM-2025-003;4A\nKLM-2026-002;3B\nRGN-2024-005;5C\nRGN-2024-010;6A\n", encoding="utf-8")
    voor = hashes(voorbeeld)
    echt = wijziging._schrijf_tijdelijk
    geschreven: list[Path] = []

    def schrijf(pad: Path, inhoud: bytes) -> Path:
        if len(geschreven) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        geschreven.append(echt(pad, inhoud))
        return geschreven[-1]

    monkeypatch.setattr(wijziging, "_schrijf_tijdelijk", schrijf)
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", "--ja")
    plat = " ".join(result.stderr.split())
    assert result.exit_code == 1 and "schooljaar 2027-2028: cases/RGN-2024-005.yaml: niet bewaard: de schijf is vol. Er is niets gewijzigd" in plat
    assert hashes(voorbeeld) == voor and not list((voorbeeld / "cases").glob(".*"))
    assert "Bewaard" not in result.stdout


# ---------------------------------------------------------------------------- when, and the question


def test_a_past_school_year_is_refused(voorbeeld: Path, run) -> None:
    voor = hashes(voorbeeld)
    result = run("schooljaar", "2025-2026", "--ja")
    assert result.exit_code == 1 and "Het schooljaar 2025-2026 is voorbij: nu loopt 2026-2027" in result.stderr
    assert hashes(voorbeeld) == voor


def test_a_year_not_yet_due_is_asked_in_a_terminal_and_needs_ja_in_a_script(voorbeeld: Path, run, monkeypatch) -> None:
    from leersteun.cli import traject

    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-12-10")
    (voorbeeld / "klassen.csv").write_text("Dossier;Klas\nKLM-2025-003;4A\n", encoding="utf-8")
    voor = hashes(voorbeeld)
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv")
    plat = " ".join(result.stderr.split())
    assert result.exit_code == 1 and "2027-2028 begint pas op 01-09-2027" in plat and "geef dan --ja" in plat
    monkeypatch.setattr(traject, "_terminal", lambda: True)
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", input="n\n")
    assert result.exit_code == 1 and "Toch nu de klassen van 2027-2028 zetten?" in result.stdout and "Klaslijst" not in result.stdout
    assert hashes(voorbeeld) == voor
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", input="j\nj\n")
    assert result.exit_code == 0, result.output
    assert "Deze 1 dossier zo bewaren" not in result.stdout and "Dit dossier zo bewaren (alles in één keer)?" in result.stdout
    assert hashes(voorbeeld) != voor


def test_the_preview_then_the_question_in_a_terminal(voorbeeld: Path, run, monkeypatch) -> None:
    from leersteun.cli import traject

    shutil.copy(ROOT / "tests" / "editing" / "klaslijsten" / "klimop-unicode-tekst.txt", voorbeeld / "klaslijst.txt")
    voor = hashes(voorbeeld)
    zonder = run("schooljaar", "2027-2028", "--klassen", "klaslijst.txt")  # no terminal, no --ja: the preview, then refused
    assert zonder.exit_code == 1 and "Bevestig met --ja" in zonder.stderr and "KLM-2025-003 Noah Wouters 3A → 4A" in " ".join(zonder.stdout.split())
    monkeypatch.setattr(traject, "_terminal", lambda: True)
    nee = run("schooljaar", "2027-2028", "--klassen", "klaslijst.txt", input="n\n")
    assert nee.exit_code == 0 and "Deze 3 dossiers zo bewaren (alles in één keer)?" in nee.stdout and "Er is niets gewijzigd." in nee.stdout
    assert hashes(voorbeeld) == voor
    ja = run("schooljaar", "2027-2028", "--klassen", "klaslijst.txt", input="j\n")
    plat = " ".join(ja.stdout.split())
    assert ja.exit_code == 0, ja.output
    for regel in (
        "Klaslijst klaslijst.txt: 6 rijen (UTF-16, tabs; kolommen Klasgroep, Familienaam, Voornaam, Geb.datum).",
        "Nieuwe klas voor 2027-2028 (3):",
        "KLM-2024-017 Lotte Peeters 5B → 6B (klaslijst.txt:3)",
        "KLM-2026-002 Ella Van Dyck 2B → 3B (klaslijst.txt:5)",
        "De klasleerkracht is waarschijnlijk veranderd",
        "KLM-2025-003 Noah Wouters: Evelien Mertens was klasleerkracht van 3A.",
        "Rijen zonder dossier (3; leerlingen zonder leersteun): klaslijst.txt:2 Jan Aerts, klaslijst.txt:6 Zeynep Çelik, klaslijst.txt:7 Rémi De Smedt.",
        "Bewaard: 3 dossiers, alles in één keer.",
    ):
        assert regel in plat, regel
    assert run("valideer").exit_code == 0


def test_the_rollover_keeps_how_long_an_aanmelding_has_waited(voorbeeld: Path, run) -> None:
    import json

    def wacht() -> dict[str, int]:
        return {h["id"]: h["dagen"] for h in json.loads(run("overzicht", "--formaat", "json").stdout)["wacht_op_verslag"]}

    voor = wacht()
    assert voor["KLM-2026-002"] == 312  # since 22-10-2026
    (voorbeeld / "klassen.csv").write_text("Naam;Voornaam;Geboortedatum;Klas\nVan Dyck;Ella;09/11/2018;3B\n", encoding="utf-8")
    assert run("schooljaar", "2027-2028", "--klassen", "klassen.csv", "--ja").exit_code == 0
    assert wacht() == voor


def test_a_name_with_markup_characters_is_printed_as_written(map_, run) -> None:
    from tests.conftest import DOSSIER

    map_.case(DOSSIER.replace("voornaam: Lotte", "voornaam: '[/]Lotte[bold]'"))
    (map_.pad / "klassen.csv").write_text("Naam;Voornaam;Klas\nPeeters;[/]Lotte[bold];6B\n", encoding="utf-8")
    result = run("schooljaar", "2027-2028", "--klassen", "klassen.csv", "--ja")
    assert result.exit_code == 0, result.output
    assert "T-001  [/]Lotte[bold] Peeters  5B → 6B" in result.stdout


# ---------------------------------------------------------------------------- nieuw --vanuit


VANUIT = [
    "nieuw", "--vanuit", "lucas", "--school", "Vrije Basisschool Sint-Jozef", "--klas", "6A", "--niveau", "lager",
    "--verslag", "GC", "--verslagdatum", "2027-06-10", "--typologie", "basisaanbod", "--diplon",
]  # fmt: skip


def koppeling(voorbeeld: Path) -> tuple[bool, bool]:
    """(the new case exists, the previous one points to it)."""
    nieuw = list((voorbeeld / "cases").glob("JZF-2027-*.yaml"))
    return bool(nieuw), "volgend_dossier:" in (voorbeeld / "cases" / "KLM-2023-012.yaml").read_text(encoding="utf-8")


def test_nieuw_vanuit_killed_at_every_write_never_leaves_a_one_way_link(voorbeeld: Path, tmp_path: Path, run) -> None:
    from leersteun.reading.folder import Dossiermap

    origineel = tmp_path / "origineel"
    shutil.copytree(voorbeeld / "cases", origineel)
    gelukt = run(*VANUIT)
    assert gelukt.exit_code == 0, gelukt.output
    for na in range(12):
        shutil.rmtree(voorbeeld / "cases")
        shutil.copytree(origineel, voorbeeld / "cases")
        try:
            with dood_na(na):
                run(*VANUIT)
            klaar = True
        except Gedood:
            klaar = False
        regels = wijziging.herstel(Dossiermap(voorbeeld))  # what the next command does first
        assert koppeling(voorbeeld) in ((False, False), (True, True)), (na, regels)
        assert not list((voorbeeld / "cases").glob(".*"))
        if klaar:
            break
    assert koppeling(voorbeeld) == (True, True) and run("valideer").exit_code == 0


def test_nieuw_vanuit_whose_link_is_refused_makes_no_case(voorbeeld: Path, run, monkeypatch) -> None:
    from leersteun.core.errors import Fout

    voor = hashes(voorbeeld)

    def geweigerd(self: object, gelezen: object, ctx: object, bewerking: object) -> list[str]:
        raise Fout("deze wijziging zou het dossier ongeldig maken: (proef)")

    monkeypatch.setattr(wijziging.Wijziging, "bewerk", geweigerd)
    result = run(*VANUIT)
    plat = " ".join(result.stderr.split())
    assert result.exit_code == 1 and "Dossier KLM-2023-012 kan niet naar JZF-2027-001 verwijzen" in plat and "Er is niets gemaakt." in plat
    assert hashes(voorbeeld) == voor


# ---------------------------------------------------------------------------- mail --klas


@pytest.fixture(autouse=True)
def geen_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checklist's PDF is not what these tests are about (and WeasyPrint takes a second)."""
    from leersteun.outputs import render

    monkeypatch.setattr(render, "html_naar_pdf", lambda *_args, **_kw: b"%PDF-1.7 proef")


@pytest.fixture
def nieuw_schooljaar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2027-09-15")


def test_mail_never_silently_changes_a_class_confirmed_for_this_year(voorbeeld: Path, run, monkeypatch) -> None:
    from leersteun.cli import heropstart

    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)  # 5B, confirmed for 2026-2027 = this school year on 24-11-2026
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-11-24")
    result = run("mail", "lotte", "--klas", "6B")
    plat = " ".join(result.stderr.split())
    assert result.exit_code == 1 and "De klas van Lotte Peeters (KLM-2024-017) is voor 2026-2027 al bevestigd: 5B." in plat
    assert "er is niets gewijzigd. Laat --klas weg (dan blijft 5B)" in plat and "leersteun schooljaar 2026-2027 --klassen" in plat
    assert digest(pad) == voor and not (voorbeeld / "out").exists()
    monkeypatch.setattr(heropstart, "_terminal", lambda: True)
    nee = run("mail", "lotte", "--klas", "6B", input="n\n")
    assert nee.exit_code == 0 and "De klas blijft 5B." in nee.stdout
    assert "Klas:                 5B" in max((voorbeeld / "out").glob("*.eml")).read_text(encoding="utf-8")
    ja = run("mail", "lotte", "--klas", "6B", input="j\n")
    assert ja.exit_code == 0 and "klas 5B → 6B, schooljaar 2026-2027" in ja.stdout


def test_a_mail_that_fails_leaves_the_class_as_it_was(voorbeeld: Path, run, nieuw_schooljaar: None) -> None:
    from leersteun.core.errors import Fout
    from leersteun.outputs import mail

    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    voor = digest(pad)

    def kapot(*_args: object, **_kw: object) -> None:
        raise Fout("het sjabloon templates/mail/heropstart.txt.j2 is fout (test)")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mail, "maak_bericht", kapot)
        result = run("mail", "lotte", "--klas", "6B")
    assert result.exit_code == 1 and "sjabloon" in result.stderr
    assert digest(pad) == voor and not (voorbeeld / "out").exists()
    (voorbeeld / "out").write_text("geen map")  # out/ cannot be made: the write of the .eml fails
    result = run("mail", "lotte", "--klas", "6B")
    assert result.exit_code in (1, 2) and digest(pad) == voor and "Traceback" not in result.output


def test_a_mail_with_a_new_class_is_one_change(voorbeeld: Path, run, nieuw_schooljaar: None) -> None:
    result = run("mail", "lotte", "--klas", "6B")
    assert result.exit_code == 0, result.output
    tekst = (voorbeeld / "cases" / "KLM-2024-017.yaml").read_text(encoding="utf-8")
    assert "klas: 6B" in tekst and "klas_schooljaar: 2027-2028" in tekst and "bestand: out/KLM-2024-017-heropstart-2027-09-15.eml" in tekst
    assert "Klas:                 6B" in (voorbeeld / "out" / "KLM-2024-017-heropstart-2027-09-15.eml").read_text(encoding="utf-8")
    assert run("mail", "lotte", "--klas", "14-03-2015").exit_code == 1  # a date is no class
