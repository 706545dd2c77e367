"""A case made by mistake is removed while it was never shared (and the link from the case it
followed with it); once shared it stays, with the way out. Retention: `archief`."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.editing import archief
from leersteun.reading.dossiers import lees_dossier
from leersteun.reading.folder import vind_map
from leersteun.rules.checks import Context
from tests.conftest import digest

VANUIT = ["nieuw", "--vanuit", "mila", "--school", "Basisschool De Klimop", "--klas", "5A", "--niveau", "lager",
          "--verslag", "GC", "--verslagdatum", "10-12-2025", "--typologie", "basisaanbod", "--diplon"]  # fmt: skip
CTX = Context(vandaag=dt.date(2026, 11, 24))


def git(pad: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=pad, capture_output=True, text=True, check=True).stdout


def met_git(pad: Path, remote: Path | None = None) -> None:
    git(pad, "init", "-q", "-b", "main")
    git(pad, "add", "-A")
    git(pad, "commit", "-qm", "Start")
    if remote is not None:
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
        git(pad, "remote", "add", "origin", str(remote))
        git(pad, "push", "-q", "-u", "origin", "main")


def nieuw_dossier(run) -> str:
    result = run(*VANUIT)
    assert result.exit_code == 0, result.output
    return next(w for w in result.stdout.split() if w.startswith("KLM-2026-"))


def test_a_new_case_never_shared_is_removed_with_its_link_all_or_nothing(voorbeeld: Path, run, tmp_path: Path) -> None:
    met_git(voorbeeld, tmp_path / "team.git")
    vorig = voorbeeld / "cases" / "JZF-2024-006.yaml"
    voor = digest(vorig)
    nieuw = nieuw_dossier(run)
    pad = voorbeeld / "cases" / f"{nieuw}.yaml"
    map_ = vind_map(voorbeeld)
    v = archief.verwijdering(map_, lees_dossier(pad, CTX), CTX)
    assert v.te_committen == [vorig]  # the new case is in no commit; the link is
    vorig.write_text(vorig.read_text() + "# door iemand anders\n")  # changed since it was read: nothing happens
    with pytest.raises(Fout, match="veranderden sinds leersteun ze las"):
        v.wijziging.uitvoeren()
    assert pad.exists()
    vorig.write_text(vorig.read_text().removesuffix("# door iemand anders\n"))
    v = archief.verwijdering(map_, lees_dossier(pad, CTX), CTX)
    v.wijziging.uitvoeren()
    assert not pad.exists() and digest(vorig) == voor  # as before 'nieuw --vanuit'
    assert v.meldingen == [f"Dossier {nieuw} (Mila De Smet) is verwijderd: cases/{nieuw}.yaml.", f"Dossier JZF-2024-006 verwijst niet meer naar {nieuw}."]
    assert git(voorbeeld, "status", "--porcelain") == ""


def test_a_shared_case_is_refused_with_the_way_out(voorbeeld: Path, run, tmp_path: Path) -> None:
    met_git(voorbeeld, tmp_path / "team.git")
    voor = {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()}
    for naam, uitweg in (("noah", "leersteun fase KLM-2025-003 afgesloten --reden andere"), ("mila", "Het is al afgesloten.")):
        result = run("verwijder", naam, "--ja")
        assert result.exit_code == 1
        assert "is al gedeeld met het team (commit " in result.stderr and "staat in origin/main" in result.stderr
        assert uitweg in result.stderr and "leersteun archief --verwijder" in result.stderr
    assert {p.name: digest(p) for p in (voorbeeld / "cases").iterdir()} == voor


def test_a_case_in_a_local_commit_only_is_removed_and_the_removal_committed(voorbeeld: Path, run, tmp_path: Path) -> None:
    met_git(voorbeeld, tmp_path / "team.git")
    nieuw = nieuw_dossier(run)
    git(voorbeeld, "add", "-A")
    git(voorbeeld, "commit", "-qm", "nieuw, niet gedeeld")
    script = run("verwijder", nieuw)
    assert script.exit_code == 1 and "Bevestig dat met --ja" in script.stderr and (voorbeeld / "cases" / f"{nieuw}.yaml").exists()
    result = run("verwijder", nieuw, "--ja", "--commit")
    assert result.exit_code == 0, result.output
    assert "nog niet gedeeld: die commit blijft in de git-geschiedenis" in result.stdout
    assert f"Gecommit: {nieuw}: per vergissing aangemaakt dossier verwijderd" in result.stdout
    assert git(voorbeeld, "status", "--porcelain") == ""
    assert git(voorbeeld, "show", "--name-only", "--format=", "HEAD").split() == ["cases/JZF-2024-006.yaml", f"cases/{nieuw}.yaml"]


def test_verwijder_asks_in_a_terminal_and_refuses_a_case_another_follows(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    nieuw = nieuw_dossier(run)  # outside git: never shared
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    nee = run("verwijder", nieuw, input="nee\n")
    assert nee.exit_code == 0 and "Zeker?" in nee.stdout and "Er is niets gewijzigd." in nee.stdout
    assert (voorbeeld / "cases" / f"{nieuw}.yaml").exists()
    geweigerd = run("verwijder", "JZF-2024-006", "--ja")  # Mila's first case: the new one follows it
    assert geweigerd.exit_code == 1 and f"Dossier {nieuw} volgt op JZF-2024-006" in geweigerd.stderr
    assert run("verwijder", nieuw, input="ja\n").exit_code == 0 and not (voorbeeld / "cases" / f"{nieuw}.yaml").exists()


def test_retention_counts_from_the_closing_not_from_a_late_note() -> None:
    from ruamel.yaml import YAML

    from leersteun.rules.model import Dossier
    from tests.conftest import DOSSIER

    data = YAML(typ="safe").load(DOSSIER)
    data["fase"] = "afgesloten"
    data["geschiedenis"] += [
        {"datum": dt.date(2025, 6, 30), "fase": "afgesloten", "door": "Els Maes"},
        {"datum": dt.date(2025, 9, 1), "fase": "ondersteuning", "door": "Els Maes", "notitie": "Klas 6B."},
        {"datum": dt.date(2025, 11, 24), "fase": "afgesloten", "door": "Els Maes", "notitie": "Laat genoteerd: fase afgesloten sinds 30-06-2025."},
    ]
    assert archief.afgesloten_op(Dossier.model_validate(data)) == dt.date(2025, 6, 30)


def test_a_broken_file_that_links_to_the_case_stops_the_removal(voorbeeld: Path, run) -> None:
    nieuw = nieuw_dossier(run)
    vorig = voorbeeld / "cases" / "JZF-2024-006.yaml"
    vorig.write_text(vorig.read_text().replace("fase: afgesloten", "fase: klaar"))  # now invalid, still with the link
    result = run("verwijder", nieuw, "--ja")
    assert result.exit_code == 1 and "cases/JZF-2024-006.yaml verwijst naar" in result.stderr and "leersteun valideer" in result.stderr
    assert (voorbeeld / "cases" / f"{nieuw}.yaml").exists()
