"""Several files changed as one (editing/wijziging.py): all or nothing, also when killed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.editing import wijziging
from leersteun.editing.wijziging import Wijziging, herstel
from leersteun.reading.folder import Dossiermap


@pytest.fixture
def map_(tmp_path: Path) -> Dossiermap:
    (tmp_path / "cases").mkdir()
    for i in range(3):
        (tmp_path / "cases" / f"X-{i}.yaml").write_text(f"id: X-{i}\n", encoding="utf-8")
    return Dossiermap(tmp_path)


def inhoud(map_: Dossiermap) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(map_.cases.iterdir())}


def wijziging_van(map_: Dossiermap) -> Wijziging:
    w = Wijziging(map_, "test")
    for i in range(3):
        pad = map_.cases / f"X-{i}.yaml"
        w.zet(pad, f"id: X-{i}\nklas: 6A\n".encode(), pad.read_bytes())
    w.zet(map_.cases / "X-9.yaml", b"id: X-9\n", None)
    return w


def test_every_file_or_none(map_: Dossiermap) -> None:
    wijziging_van(map_).uitvoeren()
    assert inhoud(map_) == {**{f"X-{i}.yaml": f"id: X-{i}\nklas: 6A\n" for i in range(3)}, "X-9.yaml": "id: X-9\n"}


def test_a_file_changed_since_it_was_read_refuses_the_whole_change(map_: Dossiermap) -> None:
    w = wijziging_van(map_)
    (map_.cases / "X-2.yaml").write_text("id: X-2\nklas: 5B\n", encoding="utf-8")  # a colleague's editor
    voor = inhoud(map_)
    with pytest.raises(Fout, match="er is niets gewijzigd.*X-2.yaml"):
        w.uitvoeren()
    assert inhoud(map_) == voor


class Gedood(BaseException):
    pass


@pytest.mark.parametrize("na", range(6))
def test_killed_at_any_write_the_next_command_finishes_or_nothing_changed(map_: Dossiermap, monkeypatch: pytest.MonkeyPatch, na: int) -> None:
    """A kill after the n-th file operation (temporary files, the journal, each rename)."""
    voor = inhoud(map_)
    teller = {"n": 0}
    echt_replace, echt_fsync = os.replace, os.fsync

    def tel() -> None:
        teller["n"] += 1
        if teller["n"] > na:
            raise Gedood

    def replace(a: object, b: object) -> None:
        tel()
        echt_replace(a, b)

    def fsync(fd: int) -> None:
        echt_fsync(fd)
        tel()

    monkeypatch.setattr(wijziging.os, "replace", replace)
    monkeypatch.setattr(wijziging.os, "fsync", fsync)
    with pytest.raises(Gedood):
        wijziging_van(map_).uitvoeren()
    monkeypatch.undo()
    regels = herstel(map_)
    na_herstel = inhoud(map_)
    if na_herstel != voor:  # the journal was written: finished
        assert "werd onderbroken; ze is nu afgewerkt (4 bestanden)" in regels[0]
        assert na_herstel["X-9.yaml"] == "id: X-9\n" and all(na_herstel[f"X-{i}.yaml"].endswith("klas: 6A\n") for i in range(3))
    else:  # killed before: nothing changed, no temporary file left, and said when one was
        assert not regels or "werd onderbroken voor ze iets veranderde: er is niets gewijzigd" in regels[0]
    assert not list(map_.cases.glob(".*")) and not (map_.pad / ".leersteun-wijziging.json").exists()


def test_the_journal_lives_in_git_when_the_folder_is_a_repository(map_: Dossiermap) -> None:
    subprocess.run(["git", "init", "-q"], cwd=map_.pad, check=True)
    assert wijziging._journaal(map_.pad) == map_.pad / ".git" / "leersteun-wijziging.json"


def test_a_full_disk_names_the_file_and_changes_nothing(map_: Dossiermap, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    voor = inhoud(map_)
    echt = wijziging._schrijf_tijdelijk
    gedaan: list[Path] = []

    def schrijf(pad: Path, data: bytes) -> Path:
        if gedaan:
            raise OSError(errno.ENOSPC, "No space left on device")
        gedaan.append(echt(pad, data))
        return gedaan[-1]

    monkeypatch.setattr(wijziging, "_schrijf_tijdelijk", schrijf)
    with pytest.raises(Fout, match="test: .*cases/X-1.yaml: niet bewaard: de schijf is vol. Er is niets gewijzigd"):
        wijziging_van(map_).uitvoeren()
    assert inhoud(map_) == voor


def test_the_commit_of_a_change_is_in_its_journal_and_done_by_the_next_command(map_: Dossiermap, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after the renames, before the commit: the next command commits every file."""
    from leersteun.reading import gitops

    for stap in (["init", "-q"], ["add", "."], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "begin"]):
        subprocess.run(["git", *stap], cwd=map_.pad, check=True, capture_output=True)
    w = wijziging_van(map_)
    w.commit = wijziging.Commit(w.paden, "vier dossiers", "An Janssens")

    def gedood(*_args: object, **_kw: object) -> str:
        raise Gedood

    monkeypatch.setattr(gitops, "commit", gedood)
    with pytest.raises(Gedood):
        w.uitvoeren()
    monkeypatch.undo()
    assert subprocess.run(["git", "status", "--porcelain"], cwd=map_.pad, capture_output=True, text=True, check=True).stdout
    regels = herstel(map_)
    assert "ze is nu afgewerkt (4 bestanden)" in regels[0] and regels[1] == "Gecommit: vier dossiers"
    assert not subprocess.run(["git", "status", "--porcelain"], cwd=map_.pad, capture_output=True, text=True, check=True).stdout
    assert herstel(map_) == []
