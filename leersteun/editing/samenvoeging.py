"""The team's work merged into this clone, safely: computed first, applied under a journal.

`bereken` merges two commits in a temporary index (`git read-tree -m` for what git can decide
alone, `merge.voeg_samen` for every case both sides changed, a line merge for other text);
the working tree is not touched. `werk_bij` then moves the working tree, the index and HEAD to
the result, and `schrijf_conflict` writes a merge with questions as git would (files with
markers, the index with its stages, MERGE_HEAD). Both first write a journal in the clone's git
folder; whatever kills leersteun in between, the next `delen` finds the journal and finishes
the step (`herstel`). Every file it writes is checked first to hold either the old or the new
content, so nothing a person typed in between is overwritten.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leersteun.core.errors import Fout
from leersteun.editing import diff3
from leersteun.editing.merge import Uitkomst, leerling_van, voeg_samen
from leersteun.files.git import config as config_waarde
from leersteun.files.git import git, git_bytes, git_pad, uit
from leersteun.files.schijf import als_tekst, schrijf_atomisch
from leersteun.files.store import ontleed
from leersteun.reading.folder import CASES, is_dossiernaam
from leersteun.rules.checks import Context

JOURNAAL = "leersteun-delen.json"
BEZIG = "leersteun-delen.bezig"  # which process shares, since when: a lock it left is its own
INDEX = "leersteun-index"
LEGE_BOOM = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's empty tree


def is_case(rel: str) -> bool:
    p = Path(rel)
    return len(p.parts) == 2 and p.parts[0] == CASES and is_dossiernaam(p.name)


# ---------------------------------------------------------------------------- the journal


def lees_journaal(map_: Path) -> dict[str, Any] | None:
    pad = git_pad(map_, JOURNAAL)
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"stap": "onleesbaar"}


def schrijf_journaal(map_: Path, **velden: Any) -> None:
    schrijf_atomisch(git_pad(map_, JOURNAAL), json.dumps({**velden, "pid": os.getpid()}, indent=1).encode("utf-8"))


def wis_journaal(map_: Path) -> None:
    for naam in (JOURNAAL, INDEX):
        try:
            git_pad(map_, naam).unlink()
        except FileNotFoundError:
            pass


@contextmanager
def bezig(map_: Path) -> Iterator[None]:
    """While `delen` runs: its process and start in .git, so that a lock git leaves when this
    process is killed can be recognised as this run's by the next one (`ruim_sloten_op`)."""
    pad = git_pad(map_, BEZIG)
    eigen = _start_van(os.getpid())
    schrijf_atomisch(pad, json.dumps({"pid": os.getpid(), "start": eigen.split(":")[1] if eigen else None, "sinds": time.time()}).encode("utf-8"))
    try:
        yield
    finally:
        pad.unlink(missing_ok=True)


def _start_van(pid: int) -> str | None:
    """When a process started (Linux: its start time in /proc), to tell it from a later
    process with the same number; None where there is no /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    velden = stat.rsplit(")", 1)[-1].split()
    return f"{velden[0]}:{velden[19]}" if len(velden) > 19 else None  # state, starttime


def _leeft(pid: int, start: str | None) -> bool:
    """Is the `delen` with this process number (and start) still running?"""
    if os.name != "posix":
        return True  # no safe way to ask here: treated as running
    if Path("/proc/self/stat").exists():
        nu = _start_van(pid)
        return nu is not None and not nu.startswith("Z:") and (start is None or nu.split(":")[1] == start)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def ruim_sloten_op(map_: Path) -> list[str]:
    """Locks of git (`.git/index.lock`, a ref's `.lock`) that a killed `delen` left behind:
    removed when that process is gone and each lock was made while it ran. A lock of any
    other program stays (`delen` then refuses with the way out)."""
    try:
        pad = git_pad(map_, BEZIG)
        gegevens = json.loads(pad.read_text(encoding="utf-8"))
        pid, sinds, start = int(gegevens["pid"]), float(gegevens["sinds"]), gegevens.get("start")
    except (OSError, ValueError, KeyError, TypeError, Fout):
        return []
    if pid == os.getpid() or _leeft(pid, start):
        return []
    git_map = git_pad(map_, ".")
    kandidaten = [git_map / naam for naam in ("index.lock", "HEAD.lock", "ORIG_HEAD.lock", "config.lock", "packed-refs.lock")]
    kandidaten += [*git_map.glob("next-index-*.lock"), *(git_map / "refs").rglob("*.lock")]
    weg = []
    for slot in kandidaten:
        try:
            if slot.is_file() and slot.stat().st_mtime >= sinds - 1:
                slot.unlink()
                weg.append(slot.name)
        except OSError:
            pass
    pad.unlink(missing_ok=True)
    if not weg:
        return []
    return [f"Een vorige leersteun-opdracht werd onderbroken terwijl git bezig was; het slot dat git toen achterliet ({', '.join(weg)}) is opgeruimd."]


# ---------------------------------------------------------------------------- computing the merge


@dataclass
class Samenvoeging:
    """A merge of `met` into `van`: the result's index (a file in .git), and what happened."""

    van: str
    met: str
    basis: str
    boom: str | None = None  # the result tree, when nothing needs a person
    conflicten: dict[str, str] = field(default_factory=dict)  # path -> blob with markers (cases and other text)
    verwijderd: list[str] = field(default_factory=list)  # changed on one side, removed on the other
    samengevoegd: list[str] = field(default_factory=list)  # cases both changed, merged by field
    hernoemd: dict[str, str] = field(default_factory=dict)  # my new case's id -> its new id
    meldingen: list[str] = field(default_factory=list)

    @property
    def vragen(self) -> bool:
        return bool(self.conflicten or self.verwijderd)


def _index_env(map_: Path) -> dict[str, str]:
    return {"GIT_INDEX_FILE": str(git_pad(map_, INDEX))}


def _stadia(map_: Path, env: dict[str, str] | None = None) -> dict[str, dict[int, tuple[str, str]]]:
    """Unmerged paths: stage -> (mode, blob)."""
    uit_: dict[str, dict[int, tuple[str, str]]] = {}
    for regel in git(map_, "ls-files", "-u", "-z", omgeving=env).stdout.split("\0"):
        if "\t" in regel:
            info, rel = regel.split("\t", 1)
            mode, sha, stadium = info.split()
            uit_.setdefault(rel, {})[int(stadium)] = (mode, sha)
    return uit_


def _blob(map_: Path, sha: str) -> bytes:
    return git_bytes(map_, "cat-file", "blob", sha).stdout


def _schrijf_blob(map_: Path, inhoud: bytes) -> str:
    return git_bytes(map_, "hash-object", "-w", "--no-filters", "--stdin", invoer=inhoud).stdout.decode().strip()


def _zet_in_index(map_: Path, env: dict[str, str], rel: str, mode: str, sha: str | None) -> None:
    """Resolve a path in the temporary index: one entry (stage 0), or none."""
    regels = f"0 {'0' * 40}\t{rel}\n"
    if sha is not None:
        regels += f"{mode} {sha} 0\t{rel}\n"
    git(map_, "update-index", "--index-info", invoer=regels, omgeving=env)


def bereken(map_: Path, van: str, met: str, ctx: Context) -> Samenvoeging:
    """Merge commit `met` into `van` in a temporary index; nothing else changes."""
    basis = uit(map_, "merge-base", van, met) or LEGE_BOOM
    s = Samenvoeging(van, met, basis)
    env = _index_env(map_)
    git_pad(map_, INDEX).unlink(missing_ok=True)
    git(map_, "read-tree", "-m", "-i", "--aggressive", basis, van, met, omgeving=env)
    stadia = _stadia(map_, env)
    _hernoem_botsingen(map_, s, stadia, env, ctx)
    for rel, stadium in sorted(stadia.items()):
        if rel in s.hernoemd:
            continue
        if 2 in stadium and 3 in stadium:
            _twee_kanten(map_, s, rel, stadium, env, ctx)
        else:
            s.verwijderd.append(rel)
    if not s.vragen:
        s.boom = git(map_, "write-tree", omgeving=env).stdout.strip()
    return s


def _twee_kanten(map_: Path, s: Samenvoeging, rel: str, stadium: dict[int, tuple[str, str]], env: dict[str, str], ctx: Context) -> None:
    """A file both sides changed (or both created): merged by field (a case) or by line."""
    mode = stadium[2][0]
    ruw = {k: _blob(map_, sha) for k, (_m, sha) in stadium.items()}
    basis_ruw = ruw.get(1, b"")
    try:
        basis, _ = als_tekst(basis_ruw, rel)
        mijn, vorm = als_tekst(ruw[2], rel)
        hun, _ = als_tekst(ruw[3], rel)
    except Fout:
        s.conflicten[rel] = _schrijf_blob(map_, ruw[2])
        return
    uitkomst: Uitkomst
    if is_case(rel):
        try:
            uitkomst = voeg_samen(basis, mijn, hun, Path(rel), ctx)
        except Fout:
            tekst, schoon = diff3.samen(basis, mijn, hun)
            uitkomst = Uitkomst(tekst, heel=not schoon)
            if schoon:
                from leersteun.editing.merge import fouten_in

                if fouten_in(tekst, Path(rel), ctx, rel):
                    uitkomst = Uitkomst(diff3.met_tekens(mijn, hun), heel=True)
        s.samengevoegd.append(Path(rel).stem)
        s.meldingen += uitkomst.meldingen
    else:
        tekst, schoon = diff3.samen(basis, mijn, hun)
        uitkomst = Uitkomst(tekst, heel=not schoon)
    blob = _schrijf_blob(map_, vorm.bytes(uitkomst.tekst))
    if uitkomst.gelukt:
        _zet_in_index(map_, env, rel, mode, blob)
    else:
        s.conflicten[rel] = blob


def _hernoem_botsingen(map_: Path, s: Samenvoeging, stadia: dict[str, dict[int, tuple[str, str]]], env: dict[str, str], ctx: Context) -> None:
    """Cases both sides created under one id for two different pupils: theirs keeps the id,
    mine (not yet shared) gets the next free one, and my links to it follow."""
    from leersteun.editing.conflict import volgende_vrije_id

    botsend = [rel for rel, st in stadia.items() if is_case(rel) and 1 not in st and {2, 3} <= set(st)]
    if not botsend:
        return
    bezet = {Path(r).stem for r in git(map_, "ls-files", "-z", "--", f"{CASES}/", omgeving=env).stdout.split("\0") if r}
    for rel in botsend:
        mijn_ruw, hun_ruw = _blob(map_, stadia[rel][2][1]), _blob(map_, stadia[rel][3][1])
        try:
            mijn, vorm = als_tekst(mijn_ruw, rel)
            if leerling_van(ontleed(mijn, rel)) == leerling_van(ontleed(als_tekst(hun_ruw, rel)[0], rel)):
                continue  # the same pupil: one question about the whole case
        except Fout:
            continue
        oud_id = Path(rel).stem
        nieuw_id = volgende_vrije_id(oud_id, bezet)
        bezet.add(nieuw_id)
        nieuw_rel = f"{CASES}/{nieuw_id}{Path(rel).suffix}"
        mode = stadia[rel][2][0]
        _zet_in_index(map_, env, rel, mode, stadia[rel][3][1])
        _zet_in_index(map_, env, nieuw_rel, mode, _schrijf_blob(map_, vorm.bytes(_met_id(mijn, oud_id, nieuw_id))))
        s.hernoemd[rel] = nieuw_id
        s.meldingen.append(f"Jouw nieuwe dossier {oud_id} heet nu {nieuw_id}: een collega gaf hetzelfde nummer aan een andere leerling.")
        _volg_koppelingen(map_, s, env, oud_id, nieuw_id)


def _met_id(tekst: str, oud: str, nieuw: str, sleutels: tuple[str, ...] = ("id",)) -> str:
    """The case text with `oud` replaced by `nieuw` under the given top-level keys, nothing else."""
    from leersteun.files.store import YamlBestand, nieuwe_tekst

    bestand = YamlBestand(Path("x.yaml"), tekst.encode("utf-8"), tekst, ontleed(tekst, "x.yaml"))
    for sleutel in sleutels:
        if str(bestand.data.get(sleutel)) == oud:
            bestand.data[sleutel] = nieuw
    return nieuwe_tekst(bestand)


def _volg_koppelingen(map_: Path, s: Samenvoeging, env: dict[str, str], oud_id: str, nieuw_id: str) -> None:
    """My cases that link to my renamed case (vorig_dossier, volgend_dossier) follow it."""
    gevonden = git(map_, "grep", "-l", "-z", "--fixed-strings", "-e", oud_id, s.van, "--", f"{CASES}/", check=False).stdout
    for regel in gevonden.split("\0"):
        rel = regel.split(":", 1)[1] if ":" in regel else ""
        if not is_case(rel) or Path(rel).stem == oud_id:
            continue
        staat = git(map_, "ls-files", "-s", "-z", "--", rel, omgeving=env).stdout.split("\0")[0]
        if not staat or " 0\t" not in staat:
            continue  # not resolved yet: merged below with the rest
        mode, sha = staat.split()[:2]
        try:
            tekst, vorm = als_tekst(_blob(map_, sha), rel)
            nieuw = _met_id(tekst, oud_id, nieuw_id, ("vorig_dossier", "volgend_dossier"))
        except Fout:
            continue
        if nieuw != tekst:
            _zet_in_index(map_, env, rel, mode, _schrijf_blob(map_, vorm.bytes(nieuw)))


# ---------------------------------------------------------------------------- applying it


def _vorm_in(map_: Path, rev: str | None, rel: str, blob: bool = False) -> bytes | None:
    """A file as git would write it into the working tree from commit `rev` (or from blob
    `rev`), or None when `rev` does not have it."""
    return _vormen(map_, [(rev, rel, blob)])[0]


def _vormen(map_: Path, vragen: list[tuple[str | None, str, bool]]) -> list[bytes | None]:
    """`_vorm_in` for many files: in one `git cat-file --batch` when git converts nothing
    (no autocrlf, no eol, text or filter attribute), else file by file with git's filters."""
    if not vragen:
        return []
    if _zet_om(map_, sorted({rel for _r, rel, _b in vragen})):
        uit_: list[bytes | None] = []
        for rev, rel, blob in vragen:
            if rev is None:
                uit_.append(None)
                continue
            r = git_bytes(map_, "cat-file", "--filters", *((f"--path={rel}", rev) if blob else (f"{rev}:{rel}",)), check=False)
            uit_.append(r.stdout if r.returncode == 0 else None)
        return uit_
    namen = [(rev if blob else f"{rev}:{rel}") for rev, rel, blob in vragen if rev is not None]
    ruw = git_bytes(map_, "cat-file", "--batch", invoer=("\n".join(namen) + "\n").encode("utf-8")).stdout
    gelezen: list[bytes | None] = []
    i = 0
    for _ in namen:
        einde = ruw.index(b"\n", i)
        kop = ruw[i:einde].split()
        if len(kop) == 3 and kop[1] == b"blob":
            grootte = int(kop[2])
            gelezen.append(ruw[einde + 1 : einde + 1 + grootte])
            i = einde + 1 + grootte + 1
        else:
            gelezen.append(None)  # missing, or not a file
            i = einde + 1
    antwoorden = iter(gelezen)
    return [next(antwoorden) if rev is not None else None for rev, _rel, _b in vragen]


def _zet_om(map_: Path, paden: list[str]) -> bool:
    """Does git change these files between the repository and the working tree?"""
    if config_waarde(map_, "core.autocrlf") not in ("", "false"):
        return True
    attributen = git(
        map_, "check-attr", "-z", "--stdin", "text", "eol", "filter", "ident", "working-tree-encoding", invoer="\0".join(paden) + "\0"
    ).stdout.split("\0")
    return any(attributen[i + 2] not in ("unspecified", "unset") for i in range(0, len(attributen) - 2, 3))


def _op_schijf(map_: Path, rel: str) -> bytes | None:
    try:
        return (map_ / rel).read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _controleer(map_: Path, plan: dict[str, tuple[bytes | None, bytes | None]]) -> None:
    """Every file to write holds its old or its new content; else nothing is written."""
    in_de_weg = [rel for rel, (oud, nieuw) in plan.items() if _op_schijf(map_, rel) not in (oud, nieuw)]
    if in_de_weg:
        raise Fout(
            "Deze bestanden heb je gewijzigd zonder ze te committen, en het werk van je collega's verandert ze ook:\n"
            + "\n".join(f"  {r}" for r in in_de_weg)
            + "\nCommit ze eerst (git commit) of zet je wijziging opzij (git stash), en deel dan opnieuw. Er is niets gewijzigd."
        )


def _slot(map_: Path) -> Any:
    """The lock every leersteun command takes to write a case (on cases/)."""
    from contextlib import nullcontext

    from leersteun.files.schijf import schrijfslot

    cases = map_ / CASES
    return schrijfslot(cases) if cases.is_dir() else nullcontext()


def _schrijf_plan(map_: Path, plan: dict[str, tuple[bytes | None, bytes | None]]) -> None:
    for rel, (_oud, nieuw) in plan.items():
        pad = map_ / rel
        if nieuw is None:
            pad.unlink(missing_ok=True)
        elif _op_schijf(map_, rel) != nieuw:
            pad.parent.mkdir(parents=True, exist_ok=True)
            schrijf_atomisch(pad, nieuw)


def _gewijzigd(map_: Path, van: str | None, naar: str) -> list[str]:
    if van is None:
        return [r for r in git(map_, "ls-tree", "-r", "-z", "--name-only", naar).stdout.split("\0") if r]
    return [r for r in git(map_, "diff", "--no-renames", "--name-only", "-z", van, naar).stdout.split("\0") if r]


def werk_bij(map_: Path, van: str | None, naar: str) -> list[str]:
    """Move the working tree, the index and HEAD from commit `van` to commit `naar`. Returns
    the paths that changed."""
    paden = _gewijzigd(map_, van, naar)
    vormen = _vormen(map_, [(rev, rel, False) for rel in paden for rev in (van, naar)])
    plan = {rel: (vormen[2 * i], vormen[2 * i + 1]) for i, rel in enumerate(paden)}
    with _slot(map_):  # no leersteun command writes a case meanwhile
        _controleer(map_, plan)
        schrijf_journaal(map_, stap="bijwerken", van=van, naar=naar)
        _schrijf_plan(map_, plan)
    if van is None:
        git(map_, "read-tree", naar)
        git(map_, "update-ref", "-m", "leersteun delen", "HEAD", naar, "0" * 40)
    else:
        git(map_, "read-tree", "-m", "-i", van, naar)
        git(map_, "update-ref", "-m", "leersteun delen", "HEAD", naar, van)
    git(map_, "update-index", "-q", "--refresh", check=False)
    wis_journaal(map_)
    return paden


def maak_commit(map_: Path, s: Samenvoeging, wie: list[str], boodschap: str) -> str:
    assert s.boom is not None
    return git(map_, *wie, "commit-tree", s.boom, "-p", s.van, "-p", s.met, "-m", boodschap).stdout.strip()


def schrijf_conflict(map_: Path, s: Samenvoeging, boodschap: str) -> None:
    """Write a merge with questions as git would: the files (with markers), the index with
    its stages, MERGE_HEAD."""
    env = _index_env(map_)
    staat = {}
    for regel in git(map_, "ls-files", "-s", "-z", omgeving=env).stdout.split("\0"):
        if "\t" in regel:
            info, rel = regel.split("\t", 1)
            mode, sha, stadium = info.split()
            if stadium == "0":
                staat[rel] = sha
    paden = sorted(set(_gewijzigd_index(map_, s.van, env)) | set(s.conflicten) | set(s.verwijderd))
    vragen: list[tuple[str | None, str, bool]] = []
    for rel in paden:
        vragen.append((s.van, rel, False))
        if rel in s.conflicten:
            vragen.append((s.conflicten[rel], rel, True))
        elif rel in s.verwijderd:
            vragen.append((s.met, rel, False))  # used when my side removed it: the changed version stays, as git does
        else:
            vragen.append((staat.get(rel), rel, True))
    vormen = _vormen(map_, vragen)
    plan: dict[str, tuple[bytes | None, bytes | None]] = {}
    for i, rel in enumerate(paden):
        oud, nieuw = vormen[2 * i], vormen[2 * i + 1]
        if rel in s.verwijderd and oud is not None:
            nieuw = oud
        plan[rel] = (oud, nieuw)
    with _slot(map_):
        _controleer(map_, plan)
        schrijf_journaal(map_, stap="conflict", van=s.van, met=s.met, basis=s.basis, conflicten=s.conflicten, verwijderd=s.verwijderd)
        _schrijf_plan(map_, plan)
    _installeer_index(map_)
    schrijf_atomisch(git_pad(map_, "MERGE_MSG"), (boodschap + "\n").encode("utf-8"))
    schrijf_atomisch(git_pad(map_, "MERGE_HEAD"), (s.met + "\n").encode("utf-8"))
    git(map_, "update-index", "-q", "--refresh", check=False)
    schrijf_journaal(map_, stap="kiezen", van=s.van, met=s.met)


def _gewijzigd_index(map_: Path, van: str, env: dict[str, str]) -> list[str]:
    return [r for r in git(map_, "diff-index", "--cached", "--no-renames", "--name-only", "-z", van, omgeving=env).stdout.split("\0") if r]


def _installeer_index(map_: Path) -> None:
    """The temporary index becomes the clone's index, as git itself writes one: through
    index.lock, which also keeps out any other git program."""
    index = git_pad(map_, "index")
    slot = Path(str(index) + ".lock")
    inhoud = git_pad(map_, INDEX).read_bytes()
    try:
        fd = os.open(slot, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise Fout(slot_melding(slot)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(slot, index)
    except BaseException:
        slot.unlink(missing_ok=True)
        raise


def slot_melding(slot: Path) -> str:
    return (
        f"git is in deze kloon bezig, of een git-programma stopte onverwacht: het slot {slot} bestaat. "
        "Wacht tot andere git-programma's klaar zijn (een editor, GitHub Desktop, een andere terminal). Draait er niets meer, "
        f"verwijder dan {slot.name} en voer 'leersteun delen' opnieuw uit. Er is niets gewijzigd."
    )


def herstel(map_: Path, boodschap: str) -> list[str]:
    """Finish what a `delen` that was stopped (killed, a crash) left half done, from its
    journal. Returns lines for the user; raises `Fout` when it cannot be finished safely."""
    j = lees_journaal(map_)
    if j is None:
        return []
    head = uit(map_, "rev-parse", "-q", "--verify", "HEAD") or None
    stap = j.get("stap")
    if stap == "bijwerken" and head in (j.get("van"), j.get("naar")):
        if head == j.get("van"):
            werk_bij(map_, j.get("van"), j["naar"])
        else:
            git(map_, "update-index", "-q", "--refresh", check=False)
            wis_journaal(map_)
        return ["De vorige 'leersteun delen' werd onderbroken tijdens het bijwerken van je map; dat is nu afgewerkt."]
    if stap == "conflict" and head == j.get("van") and git_pad(map_, INDEX).exists():
        s = Samenvoeging(j["van"], j["met"], j.get("basis", ""), conflicten=j.get("conflicten", {}), verwijderd=j.get("verwijderd", []))
        schrijf_conflict(map_, s, boodschap)
        return ["De vorige 'leersteun delen' werd onderbroken tijdens het samenvoegen; dat is nu afgewerkt."]
    if stap == "kiezen" and head == j.get("van") and git_pad(map_, "MERGE_HEAD").exists():
        return []  # waiting for the person's choices: `delen` finishes the merge
    if stap in ("bijwerken", "conflict"):
        _controleer_na_onderbreking(map_, j)
    wis_journaal(map_)
    return []


def _controleer_na_onderbreking(map_: Path, j: dict[str, Any]) -> None:
    """HEAD moved since a `delen` was stopped half way: only go on when no file it may have
    written differs from HEAD."""
    van, naar = j.get("van"), j.get("naar") or j.get("met")
    if not van or not naar:
        return
    rommel = [rel for rel in _gewijzigd(map_, van, naar) if _op_schijf(map_, rel) != _vorm_in(map_, "HEAD", rel)]
    if rommel:
        raise Fout(
            "Een vorige 'leersteun delen' werd onderbroken, en daarna veranderde je git-tak. Deze bestanden verschillen "
            "nu van je laatste commit:\n"
            + "\n".join(f"  {r}" for r in rommel)
            + "\nKijk ze na ('git status', 'git diff'); zijn het niet jouw wijzigingen, zet ze dan terug met "
            "'git checkout HEAD -- BESTAND'. Voer daarna 'leersteun delen' opnieuw uit. Er is niets gewijzigd."
        )
