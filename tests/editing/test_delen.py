"""A team sharing one case folder through git: a bare repository as the team's remote, two
clones, each running the CLI (`init`, ordinary commands, `delen`, `conflict`). The merge
driver itself runs as git starts it: `python -m leersteun.editing.merge`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leersteun.cli import app
from leersteun.files.store import gewoon, maak_yaml
from tests.conftest import SLUIT

ROOT = Path(__file__).resolve().parents[2]
NOAH = "cases/KLM-2025-003.yaml"
FINN = "cases/JZF-2025-004.yaml"


def git(pad: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=pad, capture_output=True, text=True, check=True).stdout


class Team:
    def __init__(self, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp, self.monkeypatch = tmp, monkeypatch
        self.remote = tmp / "team.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.remote)], check=True)
        bron = tmp / "bron"
        bron.mkdir()
        shutil.copy(ROOT / "leersteun.yaml", bron)
        shutil.copytree(ROOT / "cases", bron / "cases")
        git(bron, "init", "-q", "-b", "main")
        git(bron, "add", "-A")
        git(bron, "-c", "user.name=Hanne Verstraeten", "-c", "user.email=h@example.org", "commit", "-qm", "Start")
        git(bron, "push", "-q", str(self.remote), "main")
        self.klonen: dict[str, Path] = {}

    def kloon(self, naam: str) -> Path:
        pad = self.tmp / naam.split()[0].lower()
        subprocess.run(["git", "clone", "-q", str(self.remote), str(pad)], check=True, capture_output=True)
        git(pad, "config", "user.name", naam)
        git(pad, "config", "user.email", f"{naam.split()[0].lower()}@example.org")
        self.klonen[naam] = pad
        assert self.doe(naam, "init", str(pad)).exit_code == 0
        return pad

    def doe(self, wie: str, *args: str, input: str | None = None):
        self.monkeypatch.setenv("LEERSTEUN_GEBRUIKER", wie)
        self.monkeypatch.chdir(self.klonen[wie])
        return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)

    def bestand(self, wie: str, rel: str) -> str:
        return (self.klonen[wie] / rel).read_text(encoding="utf-8")

    def kopie(self, doel: Path, monkeypatch: pytest.MonkeyPatch) -> Team:
        """This team in `doel` (a copy of the folder; the clones point at the copied remote)."""
        shutil.copytree(self.tmp, doel, symlinks=True)
        t = Team.__new__(Team)
        t.tmp, t.monkeypatch, t.remote = doel, monkeypatch, doel / self.remote.name
        t.klonen = {wie: doel / pad.name for wie, pad in self.klonen.items()}
        for pad in t.klonen.values():
            git(pad, "remote", "set-url", "origin", str(t.remote))
        return t


@pytest.fixture(scope="module")
def team_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Team:
    """The remote and An's and Els's clones with `init` done, built once; each test gets a copy."""
    from tests.conftest import zet_vaste_omgeving

    with pytest.MonkeyPatch.context() as mp:
        zet_vaste_omgeving(mp)
        t = Team(tmp_path_factory.mktemp("delen") / "sjabloon", mp)
        t.kloon("An Janssens")
        t.kloon("Els Maes")
    return t


@pytest.fixture
def team(team_sjabloon: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Team:
    return team_sjabloon.kopie(tmp_path / "team", monkeypatch)


def data(tekst: str) -> dict:
    return gewoon(maak_yaml().load(tekst))


def samen_gelijk(team: Team, rel: str) -> dict:
    """Both clones end with the same valid file, without conflict markers anywhere."""
    an, els = team.bestand("An Janssens", rel), team.bestand("Els Maes", rel)
    assert an == els
    for pad in team.klonen.values():
        assert "<<<<<<<" not in "".join(p.read_text(encoding="utf-8") for p in (pad / "cases").glob("*.yaml"))
        assert team.doe(next(w for w, p in team.klonen.items() if p == pad), "valideer").exit_code == 0
        assert git(pad, "status", "--porcelain") == ""
    return data(an)


def deel_allebei(team: Team) -> None:
    """An shares, Els shares (and merges), An shares again (and gets the merge)."""
    for wie in ("An Janssens", "Els Maes", "An Janssens"):
        uit = team.doe(wie, "delen")
        assert uit.exit_code == 0, uit.output


def test_init_in_a_clone_sets_up_the_driver_and_changes_no_tracked_file(team: Team) -> None:
    an = team.klonen["An Janssens"]
    assert git(an, "status", "--porcelain") == ""
    assert "leersteun.editing.merge %O %A %B %P" in git(an, "config", "merge.leersteun.driver")
    assert git(an, "check-attr", "merge", NOAH).strip().endswith("merge: leersteun")
    assert team.doe("An Janssens", "init", str(an)).exit_code == 0  # twice is fine
    assert (an / ".git" / "info" / "attributes").read_text(encoding="utf-8").count("merge=leersteun") == 2


def test_init_of_a_new_folder_shares_the_attribute_with_the_team(tmp_path: Path, run) -> None:
    uit = run("init", str(tmp_path / "nieuw"), "--netwerk", "LSC Test", "--coordinatie", "c@example.org")
    assert uit.exit_code == 0, uit.output
    assert "cases/*.yaml merge=leersteun" in (tmp_path / "nieuw" / ".gitattributes").read_text(encoding="utf-8")
    assert git(tmp_path / "nieuw", "check-attr", "merge", "cases/X.yaml").strip().endswith("merge: leersteun")
    # the folder's own files are committed, so a colleague's clone has the settings
    assert git(tmp_path / "nieuw", "status", "--porcelain") == ""
    assert git(tmp_path / "nieuw", "log", "--format=%s") == "Nieuwe dossiermap\n"
    assert "leersteun.yaml" in git(tmp_path / "nieuw", "ls-files")


def test_both_append_history_and_meetings_everything_is_kept(team: Team) -> None:
    assert team.doe("An Janssens", "overleg", "noah", "--soort", "evaluatiegesprek", "--met", "klasleerkracht,ouders",
                    "--datum", "20-11-2026", "--notitie", "Van An.").exit_code == 0  # fmt: skip
    assert team.doe("Els Maes", "evaluatie", "noah", "--beslissing", "verderzetten", "--concreet", "ja", "--context", "ja",
                    "--gedragen", "ja", "--fase-2-3", "ja", "--datum", "21-11-2026").exit_code == 0  # fmt: skip
    assert team.doe("Els Maes", "overleg", "noah", "--soort", "evaluatiegesprek", "--met", "klasleerkracht",
                    "--datum", "21-11-2026", "--notitie", "Van Els.").exit_code == 0  # fmt: skip
    an = team.doe("An Janssens", "delen")
    assert an.exit_code == 0 and "Gecommit: 1 dossier (KLM-2025-003)." in an.output and "Gedeeld met origin (main)." in an.output
    els = team.doe("Els Maes", "delen")
    assert els.exit_code == 0, els.output
    assert "Binnengekomen: 1 dossier (KLM-2025-003)." in els.output
    assert "Samengevoegd (door jou en een collega gewijzigd): KLM-2025-003." in els.output
    assert team.doe("An Janssens", "delen").exit_code == 0
    d = samen_gelijk(team, NOAH)
    notities = [o.get("notitie") for o in d["overleggen"]]
    assert notities[-2:] == ["Van An.", "Van Els."]
    assert d["evaluaties"][-1]["datum"].isoformat() == "2026-11-21"
    assert [g["datum"].isoformat() for g in d["geschiedenis"]][-1] == "2026-11-21"
    # the commit messages name ids, never a pupil
    log = git(team.klonen["An Janssens"], "log", "--format=%s")
    assert "Gedeeld: KLM-2025-003" in log and "Noah" not in log and "Wouters" not in log


def test_one_closes_while_the_other_adds_a_meeting(team: Team) -> None:
    uit = team.doe(
        "An Janssens",
        "evaluatie",
        "noah",
        "--beslissing",
        "afsluiten",
        "--reden",
        "doelen-bereikt",
        "--datum",
        "23-11-2026",
        *SLUIT,
    )
    assert uit.exit_code == 0, uit.output
    assert team.doe("Els Maes", "overleg", "noah", "--soort", "school-clb", "--datum", "20-11-2026", "--notitie", "Met het CLB.").exit_code == 0
    deel_allebei(team)
    d = samen_gelijk(team, NOAH)
    assert d["fase"] == "afgesloten" and d["trajecten"][-1]["einde"].isoformat() == "2026-11-23"
    assert d["overleggen"][-1]["notitie"] == "Met het CLB."


def test_both_change_the_class_is_explained_and_chosen_with_one_command(team: Team) -> None:
    for wie, klas in (("An Janssens", "3B"), ("Els Maes", "3C")):
        pad = team.klonen[wie] / NOAH
        pad.write_text(pad.read_text(encoding="utf-8").replace("klas: 3A", f"klas: {klas}"), encoding="utf-8")
    assert team.doe("Els Maes", "overleg", "noah", "--soort", "evaluatiegesprek", "--met", "klasleerkracht", "--datum", "21-11-2026").exit_code == 0
    assert team.doe("An Janssens", "delen").exit_code == 0
    voor = git(team.remote, "rev-parse", "main")
    els = team.doe("Els Maes", "delen")
    assert els.exit_code == 1
    assert "KLM-2025-003: 1 tegenspraak (leerling › klas)" in els.output
    assert "leersteun conflict DOSSIER" in els.output
    assert git(team.remote, "rev-parse", "main") == voor  # nothing pushed
    # every command points to the choice
    assert "leersteun conflict KLM-2025-003" in team.doe("Els Maes", "valideer").output
    uitleg = team.doe("Els Maes", "conflict")
    assert uitleg.exit_code == 0
    assert "mijn versie: Els Maes" in uitleg.output and "hun versie:  An Janssens" in uitleg.output
    assert "mijn: 3C" in uitleg.output and "hun:  3B" in uitleg.output
    gekozen = team.doe("Els Maes", "conflict", "noah", "--kies", "hun")
    assert gekozen.exit_code == 0 and "Opgelost: KLM-2025-003" in gekozen.output
    assert team.doe("Els Maes", "delen").exit_code == 0
    assert team.doe("An Janssens", "delen").exit_code == 0
    d = samen_gelijk(team, NOAH)
    assert d["leerling"]["klas"] == "3B" and d["overleggen"][-1]["datum"].isoformat() == "2026-11-21"


def test_phase_changed_on_both_sides_is_asked_as_one_question(team: Team) -> None:
    doel = ["doel", "finn", "--domein", "cognitief", "--omschrijving", "Finn telt tot 10.", "--specifiek", "Finn telt 8 op 10 keer juist tot 10.",
            "--meetbaar", "Turflijst, 2 weken.", "--acceptabel", "Met juf en ouders.", "--realistisch", "Finn telt al tot 5.",
            "--start", "2026-11-20", "--einde", "2027-02-01", "--maatregel", "Telspel.", "--effect", "Dagelijks tellen.", "--periode", "tijdelijk",
            "--wie", "klasleerkracht", "--wanneer", "elke ochtend", "--hoe", "Met blokken.", "--maatregel-evaluatie", "2027-01-15"]  # fmt: skip
    assert team.doe("An Janssens", *doel).exit_code == 0
    uit = team.doe("An Janssens", "fase", "finn", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 lesuur per week",
                   "--opstartgesprek", "20-11-2026", "--datum", "20-11-2026", "--duur", "3 maanden")  # fmt: skip
    assert uit.exit_code == 0, uit.output
    assert (
        team.doe(
            "Els Maes",
            "fase",
            "finn",
            "afgesloten",
            "--reden",
            "andere",
            "--datum",
            "21-11-2026",
            *SLUIT,
        ).exit_code
        == 0
    )
    assert team.doe("Els Maes", "delen").exit_code == 0
    an = team.doe("An Janssens", "delen")
    assert an.exit_code == 1 and "JZF-2025-004: 1 tegenspraak (de fase en het traject" in an.output
    assert "Binnengekomen: 1 dossier (JZF-2025-004)." in an.stdout and "Fout: Deze dossiers vragen een keuze:" in an.stderr
    keuze = team.doe("An Janssens", "conflict", "finn", input="1\n")
    assert keuze.exit_code == 0, keuze.output
    assert "mijn: ondersteuning" in keuze.output and "hun:  afgesloten" in keuze.output
    deel_allebei(team)
    d = samen_gelijk(team, FINN)
    assert d["fase"] == "ondersteuning" and d["trajecten"][-1].get("einde") is None
    assert d["geschiedenis"][-1]["fase"] == "ondersteuning" and "Samenvoegconflict" in d["geschiedenis"][-1]["notitie"]
    assert any(e["beslissing"] == "afsluiten" for e in d["evaluaties"])  # what Els recorded stays


def test_delen_without_a_remote_says_how_to_add_one(voorbeeld: Path, run) -> None:
    git(voorbeeld, "init", "-q", "-b", "main")
    git(voorbeeld, "add", "-A")
    git(voorbeeld, "-c", "user.name=An", "-c", "user.email=a@example.org", "commit", "-qm", "Start")
    pad = voorbeeld / NOAH
    pad.write_text(pad.read_text(encoding="utf-8").replace("klas: 3A", "klas: 3B"), encoding="utf-8")
    uit = run("delen")
    assert uit.exit_code == 1
    assert "Gecommit: 1 dossier (KLM-2025-003).\n" in uit.stdout  # a success, also when delen stops after it
    assert "Fout: Gecommit" not in uit.output and "Fout: Er is nog geen gedeelde repository" in uit.stderr
    assert "git remote add origin" in uit.output


def test_delen_never_pushes_an_invalid_case(team: Team) -> None:
    pad = team.klonen["An Janssens"] / NOAH
    voor_tekst = pad.read_text(encoding="utf-8")
    pad.write_text(voor_tekst.replace("fase: ondersteuning\nankerpersoon", "fase: klaar\nankerpersoon"), encoding="utf-8")
    voor = git(team.remote, "rev-parse", "main")
    uit = team.doe("An Janssens", "delen")
    assert uit.exit_code == 1 and "niets gecommit of gedeeld" in uit.output and f"{NOAH}:" in uit.output
    assert git(team.remote, "rev-parse", "main") == voor
    assert git(team.klonen["An Janssens"], "log", "--format=%s").count("\n") == 1  # no commit either


def test_interrupting_the_choice_keeps_what_was_answered(team: Team) -> None:
    for wie, klas, gemeente in (("An Janssens", "3B", "Mol"), ("Els Maes", "3C", "Lier")):
        pad = team.klonen[wie] / NOAH
        pad.write_text(
            pad.read_text(encoding="utf-8").replace("klas: 3A", f"klas: {klas}").replace("gemeente: Geel", f"gemeente: {gemeente}"), encoding="utf-8"
        )
    assert team.doe("An Janssens", "delen").exit_code == 0
    assert team.doe("Els Maes", "delen").exit_code == 1
    uit = team.doe("Els Maes", "conflict", "noah", input="2\n")  # then the input ends, as with Ctrl-D
    assert uit.exit_code != 0
    tekst = team.bestand("Els Maes", NOAH)
    assert "klas: 3B" in tekst and "klas: 3C" not in tekst and tekst.count("<<<<<<<") == 1
    assert team.doe("Els Maes", "conflict", "noah", "--kies", "mijn").exit_code == 0
    assert team.doe("Els Maes", "delen").exit_code == 0
    d = data(team.bestand("Els Maes", NOAH))
    assert d["leerling"]["klas"] == "3B" and d["school"]["gemeente"] == "Lier"


def test_a_rebase_by_hand_is_served_by_the_driver_and_finished_by_delen(team: Team) -> None:
    for wie, gemeente in (("An Janssens", "Mol"), ("Els Maes", "Lier")):
        pad = team.klonen[wie] / NOAH
        pad.write_text(pad.read_text(encoding="utf-8").replace("gemeente: Geel", f"gemeente: {gemeente}"), encoding="utf-8")
    assert team.doe("An Janssens", "delen").exit_code == 0
    els = team.klonen["Els Maes"]
    git(els, "commit", "-qam", "Gemeente")
    subprocess.run(["git", "-c", "pull.rebase=true", "pull", "-q"], cwd=els, capture_output=True)  # stops on the contradiction
    uitleg = team.doe("Els Maes", "conflict")
    assert "mijn: Lier" in uitleg.output and "hun:  Mol" in uitleg.output  # mine is mine, also in a rebase
    assert team.doe("Els Maes", "delen").exit_code == 1
    assert team.doe("Els Maes", "conflict", "noah", "--kies", "mijn").exit_code == 0
    uit = team.doe("Els Maes", "delen")
    assert uit.exit_code == 0 and "Rebase afgerond." in uit.output, uit.output
    assert team.doe("An Janssens", "delen").exit_code == 0
    assert samen_gelijk(team, NOAH)["school"]["gemeente"] == "Lier"


def test_the_explanation_of_a_contradiction_at_a_fixed_width(team: Team, snapshot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-11-23T10:00:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-11-23T10:00:00")
    monkeypatch.setenv("LEERSTEUN_BREEDTE", "80")
    for wie, klas, gemeente in (("An Janssens", "3B", "Mol"), ("Els Maes", "3C", "Lier")):
        pad = team.klonen[wie] / NOAH
        pad.write_text(
            pad.read_text(encoding="utf-8").replace("klas: 3A", f"klas: {klas}").replace("gemeente: Geel", f"gemeente: {gemeente}"), encoding="utf-8"
        )
    assert team.doe("An Janssens", "delen").exit_code == 0
    assert team.doe("Els Maes", "delen").exit_code == 1
    snapshot("conflict_noah.txt", team.doe("Els Maes", "conflict").output)


def test_markers_around_text_that_is_no_yaml_are_a_dutch_message(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "X-1.yaml"
    pad.write_text("id: X-1\n<<<<<<< mijn versie\na: [\n=======\na: 2\n>>>>>>> hun versie\n", encoding="utf-8")
    voor = pad.read_bytes()
    lijst = run("conflict")
    assert lijst.exit_code == 1 and "mijn versie tussen de conflicttekens is geen geldige YAML (regel 3" in lijst.output
    keuze = run("conflict", "x-1", "--kies", "hun")
    assert keuze.exit_code == 1 and "Kies per blok met de hand" in keuze.output and "onverwachte" not in keuze.output
    assert pad.read_bytes() == voor


def test_an_unreachable_remote_is_said_in_dutch(team: Team) -> None:
    els = team.klonen["Els Maes"]
    git(els, "remote", "set-url", "origin", str(team.tmp / "weg.git"))
    uit = team.doe("Els Maes", "delen")
    assert uit.exit_code == 1 and "niet bereikbaar; er is niets gedeeld" in uit.output


def test_a_lock_left_by_a_killed_delen_is_cleared_another_programs_lock_is_not(team: Team) -> None:
    import json
    import time

    els = team.klonen["Els Maes"]
    dood = subprocess.Popen(["true"])
    dood.wait()  # a process number that no longer runs
    slot = els / ".git" / "index.lock"
    slot.write_bytes(b"")
    uit = team.doe("Els Maes", "delen")  # nobody says whose lock it is: refused, with the way out
    assert uit.exit_code == 1 and "verwijder dan index.lock" in uit.output and slot.exists()
    (els / ".git" / "leersteun-delen.bezig").write_text(json.dumps({"pid": dood.pid, "start": None, "sinds": time.time() - 5}))
    uit = team.doe("Els Maes", "delen")  # the lock was made while a delen ran that is gone now
    assert uit.exit_code == 0, uit.output
    assert "het slot dat git toen achterliet (index.lock) is opgeruimd" in uit.output and not slot.exists()
    assert not (els / ".git" / "leersteun-delen.bezig").exists()


def test_a_merge_driver_that_was_killed_is_merged_by_the_next_delen(team: Team) -> None:
    for wie, gemeente in (("An Janssens", "Mol"), ("Els Maes", None)):
        pad = team.klonen[wie] / NOAH
        tekst = pad.read_text(encoding="utf-8")
        pad.write_text(tekst.replace("gemeente: Geel", f"gemeente: {gemeente}") if gemeente else tekst.replace("klas: 3A", "klas: 3B"), encoding="utf-8")
    assert team.doe("An Janssens", "delen").exit_code == 0
    els = team.klonen["Els Maes"]
    git(els, "commit", "-qam", "Klas", "--no-verify")
    (els / ".merge_file_a1b2c3").write_text("een kopie van een dossier\n", encoding="utf-8")  # what a killed git leaves
    # a driver that dies before it writes anything, as a kill -9 would
    subprocess.run(["git", "-c", "merge.leersteun.driver=false", "pull", "-q"], cwd=els, capture_output=True)
    assert NOAH in git(els, "diff", "--name-only", "--diff-filter=U")  # unmerged, holding my version only
    uit = team.doe("Els Maes", "delen")
    assert uit.exit_code == 0 and "Samenvoeging afgerond." in uit.output, uit.output
    assert not (els / ".merge_file_a1b2c3").exists()
    assert team.doe("An Janssens", "delen").exit_code == 0
    d = samen_gelijk(team, NOAH)
    assert d["leerling"]["klas"] == "3B" and d["school"]["gemeente"] == "Mol"


@pytest.mark.parametrize("keuze, blijft", [("houden", True), ("weg", False)])
def test_a_case_one_removed_and_the_other_changed_is_kept_or_let_go(team: Team, keuze: str, blijft: bool) -> None:
    an = team.klonen["An Janssens"]
    git(an, "rm", "-q", NOAH)
    uit = team.doe("An Janssens", "delen")
    assert uit.exit_code == 0 and "Verwijderd: KLM-2025-003." in uit.output, uit.output
    assert (
        team.doe("Els Maes", "overleg", "noah", "--soort", "observatie", "--met", "klasleerkracht", "--datum", "22-11-2026", "--notitie", "Van Els.").exit_code
        == 0
    )
    els = team.doe("Els Maes", "delen")
    assert els.exit_code == 1 and "KLM-2025-003: een collega verwijderde dit dossier, jij wijzigde het" in els.output, els.output
    uitleg = team.doe("Els Maes", "conflict")
    assert "houden: het gewijzigde dossier blijft" in uitleg.output
    gekozen = team.doe("Els Maes", "conflict", "noah", input=f"{1 if keuze == 'houden' else 2}\n")
    assert gekozen.exit_code == 0 and "Opgelost: KLM-2025-003" in gekozen.output, gekozen.output
    deel_allebei(team)
    for pad in team.klonen.values():
        assert (pad / NOAH).exists() is blijft
    if blijft:
        assert "Van Els." in samen_gelijk(team, NOAH)["overleggen"][-1]["notitie"]
