"""Bytes on disk: atomic writes, reading with a limit, and that reading cases needs no ruamel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.files import schijf
from tests.conftest import Klok


def test_new_file_is_never_overwritten(tmp_path: Path) -> None:
    pad = tmp_path / "a.yaml"
    schijf.schrijf_atomisch(pad, b"a: 1\n", nieuw=True)
    with pytest.raises(FileExistsError):
        schijf.schrijf_atomisch(pad, b"a: 2\n", nieuw=True)
    assert pad.read_bytes() == b"a: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_the_commands_that_only_read_a_valid_folder_load_no_ruamel(voorbeeld: Path) -> None:
    """ruamel (13 ms) is for the round trip: a valid folder is read, and an overview written,
    without it."""
    code = (
        "import sys\nfrom leersteun.cli import main\n"
        "for opdracht in (['overzicht', '--formaat', 'csv', '--uit', 'out/o.csv'], ['lijst'], ['agenda']):\n"
        "    sys.argv = ['leersteun', *opdracht]\n"
        "    try:\n        main()\n    except SystemExit as e:\n        assert e.code == 0, (opdracht, e.code)\n"
        "print(sorted(m for m in sys.modules if m.startswith('ruamel')))"
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=voorbeeld, capture_output=True, text=True, check=True).stdout
    assert uit.strip().splitlines()[-1] == "[]"


# ------------------------------------------------------------------------- the folder lock

FAKE_MSVCRT = '''
import errno, sys, types
import fcntl as _echt

def _locking(fd, modus, lengte):
    """Windows' msvcrt.locking as leersteun uses it (one byte, without waiting), made of
    flock: a held lock raises EACCES, as on Windows."""
    if modus == 0:
        _echt.flock(fd, _echt.LOCK_UN)
        return
    try:
        _echt.flock(fd, _echt.LOCK_EX | _echt.LOCK_NB)
    except BlockingIOError:
        raise PermissionError(errno.EACCES, "Permission denied") from None

msvcrt = types.ModuleType("msvcrt")
msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK = 0, 1, 2
msvcrt.locking = _locking
sys.modules["msvcrt"] = msvcrt
sys.modules["fcntl"] = None  # the POSIX path is gone: `import fcntl` fails, as on Windows
'''


@pytest.fixture
def zonder_posix(monkeypatch: pytest.MonkeyPatch) -> str:
    """The lock as on Windows: no fcntl, and msvcrt (the real one on Windows, else one made of
    flock). The code that does it, for a second process."""
    if sys.platform == "win32":
        return ""
    monkeypatch.setitem(sys.modules, "fcntl", sys.modules["fcntl"])  # restored after the test
    monkeypatch.setitem(sys.modules, "msvcrt", None)
    exec(FAKE_MSVCRT, {})
    return FAKE_MSVCRT


def _kloon(tmp_path: Path) -> Path:
    (tmp_path / "dossiers" / ".git").mkdir(parents=True)
    (tmp_path / "dossiers" / "cases").mkdir()
    return tmp_path / "dossiers"


def test_without_posix_the_lock_is_the_systems_lock_on_a_file_in_git(tmp_path: Path, zonder_posix: str) -> None:
    map_ = _kloon(tmp_path)
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401
    with schijf.schrijfslot(map_ / "cases"):
        with pytest.raises(Fout, match="een andere leersteun-opdracht is nog aan het schrijven"):
            with schijf.schrijfslot(map_ / "cases", wachten=0.2):
                pass
        with schijf.schrijfslot(map_):  # another folder, another lock
            pass
    with schijf.schrijfslot(map_ / "cases", wachten=0.2):
        pass  # free again
    assert sorted(p.name for p in map_.rglob("*") if ".git" not in p.parts) == ["cases"]  # nothing in the work tree
    assert len(list((map_ / ".git").glob("leersteun-*.lock"))) == 2


def test_without_posix_a_second_process_waits_then_refuses(tmp_path: Path, zonder_posix: str, klok: Klok) -> None:
    """Two commands take the same lock file, also when one names the folder otherwise (a
    link, `..`, capitals on Windows); the lock goes with the process that held it. The other
    process holds the lock until it is told to go on (no timing: `klok`)."""
    map_ = _kloon(tmp_path)
    try:
        (tmp_path / "link").symlink_to(map_, target_is_directory=True)
        andere_naam = tmp_path / "link" / "cases"
    except OSError:  # Windows without the right to make links
        andere_naam = map_ / ".." / "dossiers" / "cases"
    code = zonder_posix + (
        "import pathlib, sys\nfrom leersteun.files import schijf\n"
        "with schijf.schrijfslot(pathlib.Path(sys.argv[1])):\n    print('ok', flush=True)\n    sys.stdin.readline()\n"
        "    pathlib.Path(sys.argv[2]).touch()\n"
    )
    klaar = tmp_path / "klaar"
    kind = subprocess.Popen([sys.executable, "-c", code, str(andere_naam), str(klaar)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert kind.stdout is not None and kind.stdout.readline().strip() == "ok"
        with pytest.raises(Fout, match="andere leersteun-opdracht"):
            with schijf.schrijfslot(map_ / "cases" / ".." / "cases", wachten=0.3):
                pass
        assert klok.slapen >= 2 and klok.nu >= 0.3  # it tried again for the whole wait, then refused
        assert not klaar.exists()
        klok.slapen, klok.echt = 0, True
        klok.bij_slapen = lambda: kind.stdin is not None and not kind.stdin.closed and kind.stdin.close()  # the other goes on once this one waits
        with schijf.schrijfslot(map_ / "cases", wachten=60):  # waits until the other is done
            assert klok.slapen >= 1 and klaar.exists()
    finally:
        kind.kill()
        kind.wait()


def test_the_lock_file_of_a_folder_outside_git_is_with_the_temporary_files(tmp_path: Path) -> None:
    import tempfile

    los = tmp_path / "los"
    los.mkdir()
    if not any((p / ".git").exists() for p in los.parents):
        assert schijf.slotbestand(los).parent == Path(tempfile.gettempdir())
    worktree = tmp_path / "wt"
    (worktree / "cases").mkdir(parents=True)
    gitdir = tmp_path / "repo" / ".git" / "worktrees" / "wt"
    gitdir.mkdir(parents=True)
    (worktree / ".git").write_text(f"gitdir: {gitdir}\n", encoding="utf-8")
    assert schijf.slotbestand(worktree / "cases").parent == gitdir
    assert schijf.slotbestand(worktree / "cases") != schijf.slotbestand(worktree)


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX lock: flock on the folder")
def test_on_posix_the_folder_itself_is_locked_and_no_file_is_made(tmp_path: Path) -> None:
    map_ = _kloon(tmp_path)
    with schijf.schrijfslot(map_ / "cases"):
        with pytest.raises(Fout):
            with schijf.schrijfslot(map_ / "cases", wachten=0.1):
                pass
    assert list((map_ / ".git").iterdir()) == []


def test_a_new_file_where_a_file_system_has_no_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    def geen_link(bron: object, doel: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")  # FAT, some network drives

    monkeypatch.setattr(os, "link", geen_link)
    pad = tmp_path / "KLM-2026-001.yaml"
    schijf.schrijf_atomisch(pad, b"id: KLM-2026-001\n", nieuw=True)
    with pytest.raises(FileExistsError):
        schijf.schrijf_atomisch(pad, b"id: ander\n", nieuw=True)
    assert pad.read_bytes() == b"id: KLM-2026-001\n" and [p.name for p in tmp_path.iterdir()] == [pad.name]


def test_on_windows_a_file_open_for_a_moment_is_replaced_once_it_is_free(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A virus scanner or a second command reading the file holds it for a moment; Windows
    then refuses to replace it (PermissionError). Elsewhere that error is final."""
    import errno
    import os

    pad = tmp_path / "a.yaml"
    pad.write_bytes(b"a: 1\n")
    echt = os.replace
    pogingen: list[int] = []

    def even_bezet(bron: object, doel: object) -> None:
        pogingen.append(1)
        if len(pogingen) < 3:
            raise PermissionError(errno.EACCES, "Access is denied")
        echt(bron, doel)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", even_bezet)
    monkeypatch.setattr(schijf, "_WINDOWS", True)
    schijf.schrijf_atomisch(pad, b"a: 2\n")
    assert pad.read_bytes() == b"a: 2\n" and len(pogingen) == 3
    monkeypatch.setattr(schijf, "_WINDOWS", False)
    pogingen.clear()
    with pytest.raises(PermissionError):
        schijf.schrijf_atomisch(pad, b"a: 3\n")
    assert pad.read_bytes() == b"a: 2\n" and [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
