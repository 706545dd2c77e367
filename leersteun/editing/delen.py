"""Sharing the case folder with the team through git: `leersteun delen` and `leersteun conflict`.

`delen` commits what the user changed in cases/ (ids only in the message), pulls with the
merge driver (`merge.py`), validates the whole folder and pushes; it stops, pushing nothing,
when a case needs a choice or the folder does not validate. `conflict` explains each
contradiction in a case with conflict markers (which field, both values, who wrote each) and
writes the version chosen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from leersteun.core import datums
from leersteun.core.errors import Fout
from leersteun.core.tekst import normaal
from leersteun.editing.merge import Conflict, Keuze, splits
from leersteun.files.schijf import lees_tekst, schrijf_atomisch, schrijfslot, toon
from leersteun.reading.folder import (
    CASES,
    Dossiermap,
    driver_ingesteld,
    installeer_driver,
    is_dossiernaam,
)
from leersteun.files.git import bezig_met_rebase, git, identiteit, is_repo
from leersteun.rules.checks import Context


def _ok(map_: Path, *args: str) -> bool:
    return git(map_, *args, check=False).returncode == 0


def _uit(map_: Path, *args: str) -> str:
    return git(map_, *args, check=False).stdout.strip()


def _case_id(pad: str) -> str | None:
    p = Path(pad)
    if len(p.parts) == 2 and p.parts[0] == CASES and is_dossiernaam(p.name):
        return p.stem
    return None


def _ids(paden: list[str]) -> list[str]:
    return sorted({i for i in map(_case_id, paden) if i})


# ---------------------------------------------------------------------------- conflicts


@dataclass
class Conflictdossier:
    pad: Path
    conflict: Conflict
    keuzes: list[Keuze]
    mijn_door: str | None = None
    hun_door: str | None = None

    @property
    def id(self) -> str:
        return self.pad.stem

    def naam(self) -> str:
        leerling = self.conflict.mijn.data.get("leerling") or {}
        return " ".join(str(leerling.get(k) or "") for k in ("voornaam", "naam")).strip()


def met_conflict(map_: Dossiermap) -> list[Path]:
    """Case files that still hold conflict markers, or that git lists as not merged."""
    uit = []
    for pad in map_.case_bestanden():
        try:
            tekst = lees_tekst(pad)
        except Fout:
            continue
        if "<<<<<<<" in tekst and splits(tekst) is not None:
            uit.append(pad)
    return uit


def open_conflict(map_: Dossiermap, pad: Path) -> Conflictdossier:
    conflict = Conflict(pad, lees_tekst(pad), toon(pad))
    mijn, hun = auteurs(map_, pad)
    return Conflictdossier(pad, conflict, conflict.keuzes(), mijn, hun)


def zoek_conflict(map_: Dossiermap, naam: str | None) -> tuple[list[Conflictdossier], list[str]]:
    """The cases with a conflict, and what is wrong with those leersteun cannot read; with
    `naam` (id, or part of the pupil's name) just that one."""
    alle: list[Conflictdossier] = []
    onleesbaar: dict[str, str] = {}
    for pad in met_conflict(map_):
        try:
            alle.append(open_conflict(map_, pad))
        except Fout as e:
            onleesbaar[pad.stem] = e.boodschap
    if naam and normaal(naam) in {normaal(i) for i in onleesbaar}:
        raise Fout(next(b for i, b in onleesbaar.items() if normaal(i) == normaal(naam)))
    if not naam or not alle:
        return alle, list(onleesbaar.values())
    gezocht = normaal(naam)
    treffers = [c for c in alle if normaal(c.id) == gezocht] or [
        c for c in alle if gezocht in normaal(c.id) or gezocht in normaal(c.naam())
    ]
    if not treffers:
        if map_.case_pad(naam).is_file() or any(normaal(p.stem) == gezocht for p in map_.case_bestanden()):
            raise Fout(f"{naam}: dit dossier heeft geen conflict; er is niets te kiezen.")
        lijst = ", ".join(c.id for c in alle) or "geen"
        raise Fout(f"Geen dossier met een conflict gevonden voor '{naam}'. Dossiers met een conflict: {lijst}.")
    if len(treffers) > 1:
        raise Fout(f"'{naam}' past bij {len(treffers)} dossiers met een conflict ({', '.join(c.id for c in treffers)}); geef de id.")
    return treffers, []


def auteurs(map_: Dossiermap, pad: Path) -> tuple[str | None, str | None]:
    """Who made each version: the author and date of the last commit on each side that
    changed the file (mijn: this clone's side, hun: the side that came in)."""
    if not is_repo(map_.pad):
        return None, None
    rel = pad.resolve().relative_to(map_.pad.resolve()).as_posix()
    if _ok(map_.pad, "rev-parse", "-q", "--verify", "REBASE_HEAD"):
        mijn_rev, hun_rev = "REBASE_HEAD", "HEAD"
    elif _ok(map_.pad, "rev-parse", "-q", "--verify", "MERGE_HEAD"):
        mijn_rev, hun_rev = "HEAD", "MERGE_HEAD"
    else:
        return None, None
    basis = _uit(map_.pad, "merge-base", mijn_rev, hun_rev)

    def wie(rev: str) -> str | None:
        bereik = f"{basis}..{rev}" if basis else rev
        regel = _uit(map_.pad, "log", "-1", "--date=short", "--format=%an\x1f%ad", bereik, "--", rel)
        if "\x1f" not in regel:
            return None
        naam, datum = regel.split("\x1f")
        return f"{naam}, {datums.kort(dt.date.fromisoformat(datum))}"

    return wie(mijn_rev), wie(hun_rev)


def schrijf_keuze(map_: Dossiermap, cd: Conflictdossier, door: str | None, vandaag: dt.date, ctx: Context) -> bool:
    """Write the file as chosen so far. Returns True when it is resolved (one valid version,
    marked as merged for git); with questions still open, it keeps the markers around them.
    Refuses (writing nothing) a resolved version that would not be valid."""
    tekst = cd.conflict.tekst(door, vandaag)
    opgelost = splits(tekst) is None
    if opgelost:
        fouten = cd.conflict.fouten(tekst, ctx)
        if fouten:
            uitleg = "\n".join(f"  {b.boodschap}" for b in fouten)
            raise Fout(
                f"{toon(cd.pad)}: met deze keuzes zou het dossier ongeldig zijn; er is niets gewijzigd:\n{uitleg}\n"
                "Kies anders, of verbeter het dossier met de hand."
            )
    oud = cd.pad.read_bytes()
    nieuw = tekst.replace("\n", "\r\n") if b"\r\n" in oud else tekst
    with schrijfslot(cd.pad.parent):
        if cd.pad.read_bytes() != oud:
            raise Fout(f"{toon(cd.pad)}: het bestand is intussen gewijzigd. Er is niets geschreven; voer de opdracht opnieuw uit.")
        schrijf_atomisch(cd.pad, (b"\xef\xbb\xbf" if oud.startswith(b"\xef\xbb\xbf") else b"") + nieuw.encode("utf-8"))
    if opgelost and is_repo(map_.pad):
        rel = cd.pad.resolve().relative_to(map_.pad.resolve()).as_posix()
        if rel in _onopgelost(map_.pad):
            git(map_.pad, "add", "--", rel)
    return opgelost


def _onopgelost(pad: Path) -> list[str]:
    return [r for r in _uit(pad, "diff", "--name-only", "--diff-filter=U").splitlines() if r]


# ---------------------------------------------------------------------------- delen


@dataclass
class Gedeeld:
    """What `delen` did, for the user."""

    regels: list[str] = field(default_factory=list)


def _wijzigingen(map_: Path) -> list[str]:
    """Case files changed, added or removed in the working tree (not yet committed)."""
    uit = git(map_, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", f"{CASES}/", check=False).stdout
    paden = []
    delen = uit.split("\0")
    i = 0
    while i < len(delen):
        item = delen[i]
        if len(item) > 3:
            paden.append(item[3:])
            if item[0] in "RC":
                i += 1  # the old name of a rename follows
        i += 1
    return [p for p in paden if _case_id(p)]


def _stroomop(map_: Path) -> tuple[str, str, bool]:
    """(remote, branch, tracked): where to pull from and push to."""
    remotes = _uit(map_, "remote").split()
    if not remotes:
        raise Fout(
            "Er is nog geen gedeelde repository (remote) ingesteld; je wijzigingen staan wel in git op deze computer.\n"
            "Voeg de repository van het team toe en deel opnieuw:\n"
            "  git remote add origin <adres van de repository van het team>\n"
            "  leersteun delen\n"
            "Zie 'Samenwerken met git' in de handleiding."
        )
    tak = _uit(map_, "symbolic-ref", "--short", "HEAD") or "main"
    volg = _uit(map_, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    if volg and "/" in volg:
        remote, _, tak_daar = volg.partition("/")
        return remote, tak_daar, True
    return ("origin" if "origin" in remotes else remotes[0]), tak, False


def _valideer_map(map_: Dossiermap, waarom: str) -> None:
    from leersteun.reading.validatie import valideer

    resultaat = valideer([], map_.pad)
    fouten = [b for b in resultaat.bevindingen if b.is_fout]
    if fouten:
        regels = "\n".join(b.als_tekst() for b in fouten[:20])
        meer = f"\n… en nog {len(fouten) - 20}" if len(fouten) > 20 else ""
        raise Fout(f"{waarom}\n{regels}{meer}\nVerbeter dit en voer 'leersteun delen' opnieuw uit.")


def _conflictmelding(map_: Dossiermap, voor: list[str]) -> Fout:
    regels = list(voor)
    open_ = met_conflict(map_)
    for pad in open_:
        try:
            cd = open_conflict(map_, pad)
            n = len(cd.keuzes)
            regels.append(f"  {cd.id}: {n} tegenspra{'ken' if n != 1 else 'ak'} ({', '.join(k.titel for k in cd.keuzes)})")
        except Fout:
            regels.append(f"  {pad.stem}: conflicttekens die leersteun niet kan lezen; kies met de hand in een teksteditor")
    anders = [p for p in _onopgelost(map_.pad) if p not in {q.resolve().relative_to(map_.pad.resolve()).as_posix() for q in open_}]
    for p in anders:
        regels.append(f"  {p}: door de een gewijzigd en door de ander verwijderd, of geen dossier; kies met git (git add of git rm)")
    regels.append("Er is nog niets gedeeld. Kies per dossier met 'leersteun conflict DOSSIER' (of '--kies mijn' / '--kies hun' voor alles),")
    regels.append("en voer daarna 'leersteun delen' opnieuw uit.")
    return Fout("\n".join(regels))


def delen(map_: Dossiermap, door: str | None) -> Gedeeld:
    """Commit, pull (merging case by case), validate, push. Raises `Fout` when it stops; its
    message starts with what was done before."""
    if not is_repo(map_.pad):
        raise Fout("De dossiermap is geen git-repository; maak er een met 'leersteun init' of 'git init', en voeg de repository van het team toe.")
    uit = Gedeeld()
    try:
        _delen(map_, door, uit)
    except Fout as e:
        if uit.regels:
            raise Fout("\n".join([*uit.regels, e.boodschap])) from None
        raise
    return uit


def _delen(map_: Dossiermap, door: str | None, uit: Gedeeld) -> None:
    pad = map_.pad
    if not driver_ingesteld(pad):
        uit.regels.append(installeer_driver(pad).capitalize() + ".")
    wie = identiteit(pad, door)
    if bezig_met_rebase(pad):  # someone ran `git pull --rebase`; the driver served it too
        if _onopgelost(pad) or met_conflict(map_):
            raise _conflictmelding(map_, ["Een rebase (git pull --rebase) is nog bezig:"])
        _valideer_map(map_, "De samengevoegde dossiers zijn niet geldig; er is niets gedeeld:")
        git(pad, *wie, "-c", "core.editor=true", "rebase", "--continue")
        uit.regels.append("Rebase afgerond.")
    if _ok(pad, "rev-parse", "-q", "--verify", "MERGE_HEAD"):
        if _onopgelost(pad) or met_conflict(map_):
            raise _conflictmelding(map_, ["Het samenvoegen van de vorige keer is nog niet af:"])
        _valideer_map(map_, "De samengevoegde dossiers zijn niet geldig; er is niets gedeeld:")
        git(pad, *wie, "commit", "--quiet", "--no-edit", "--cleanup=strip")
        uit.regels.append("Samenvoeging afgerond.")
    eigen = _wijzigingen(pad)
    if eigen:
        from leersteun.reading.validatie import valideer

        fouten = [b for b in valideer([pad / p for p in eigen if (pad / p).exists()], pad).bevindingen if b.is_fout]
        if fouten:
            raise Fout(
                "Je gewijzigde dossiers zijn niet geldig; er is niets gecommit of gedeeld:\n"
                + "\n".join(b.als_tekst() for b in fouten)
                + "\nVerbeter ze en voer 'leersteun delen' opnieuw uit."
            )
        ids = _ids(eigen)
        git(pad, "add", "--all", "--", *eigen)
        git(pad, *wie, "commit", "--quiet", "-m", f"Gedeeld: {', '.join(ids)}", "--", *eigen)
        uit.regels.append(f"Gecommit: {len(ids)} dossier{'s' if len(ids) != 1 else ''} ({', '.join(ids)}).")
    anders = [r[3:] for r in git(pad, "status", "--porcelain=v1", "--", "leersteun.yaml", ".gitattributes", ".gitignore", "templates/", check=False).stdout.splitlines()]
    if anders:
        uit.regels.append(f"Niet gedeeld (geen dossiers): {', '.join(anders)}. Commit ze zelf met git als het team ze moet krijgen.")
    remote, tak, gevolgd = _stroomop(pad)
    voor = _uit(pad, "rev-parse", "-q", "--verify", "HEAD")
    daar = git(pad, "ls-remote", "--heads", remote, tak, check=False)
    if daar.returncode != 0:
        raise Fout(
            f"De repository van het team ({remote}) is niet bereikbaar; er is niets gedeeld. Controleer de verbinding en het adres "
            f"('git remote -v') en probeer opnieuw. (git zegt: {daar.stderr.strip().splitlines()[0] if daar.stderr.strip() else 'niets'})"
        )
    if daar.stdout.strip():
        uit.regels += _haal_binnen(map_, wie, remote, tak, voor)
    elif not voor:
        raise Fout("Er is nog niets om te delen: de map heeft nog geen commit en de repository van het team is leeg.")
    _valideer_map(map_, "Na het binnenhalen is de dossiermap niet geldig; er is niets gedeeld:")
    duw = ["push", "--quiet"] + ([] if gevolgd else ["-u", remote, tak])
    gepusht = git(pad, *duw, check=False)
    if gepusht.returncode != 0:
        raise Fout(
            f"Delen lukte niet: git push naar {remote} weigerde.\n  {gepusht.stderr.strip()}\n"
            "Meestal deelde een collega net iets: voer 'leersteun delen' opnieuw uit."
        )
    uit.regels.append(f"Gedeeld met {remote} ({tak}).")


def _haal_binnen(map_: Dossiermap, wie: list[str], remote: str, tak: str, voor: str) -> list[str]:
    pad = map_.pad
    getrokken = git(pad, *wie, "-c", "pull.rebase=false", "pull", "--no-rebase", "--no-edit", "--quiet", remote, tak, check=False)
    regels: list[str] = []
    if _ok(pad, "rev-parse", "-q", "--verify", "MERGE_HEAD") and (_onopgelost(pad) or met_conflict(map_)):
        binnen = _ids(_uit(pad, "diff", "--name-only", f"{voor}...MERGE_HEAD", "--").splitlines()) if voor else []
        raise _conflictmelding(map_, [f"Binnengehaald: {_dossiers(binnen)} van collega's. Deze dossiers vragen een keuze:"])
    if getrokken.returncode != 0:
        raise Fout(f"Binnenhalen van {remote} lukte niet; er is niets gedeeld:\n  {(getrokken.stderr or getrokken.stdout).strip()}")
    na = _uit(pad, "rev-parse", "HEAD")
    if not voor or na == voor:
        return ["Niets nieuws binnengekomen." if na == voor else f"Binnengehaald: {_dossiers(_ids(_uit(pad, 'ls-files', '--', CASES).splitlines()))}."]
    binnen = _ids(_uit(pad, "diff", "--name-only", voor, na, "--").splitlines())
    if not binnen:
        regels.append("Binnengekomen: werk van collega's, zonder gewijzigde dossiers voor jou.")
    else:
        regels.append(f"Binnengekomen: {_dossiers(binnen)}" + (f" ({', '.join(binnen)})." if len(binnen) <= 10 else "."))
    ouders = _uit(pad, "rev-list", "--parents", "-n", "1", na).split()
    if len(ouders) == 3 and ouders[1] == voor:  # this pull merged: cases both sides changed went through the driver
        basis = _uit(pad, "merge-base", ouders[1], ouders[2])
        eigen = set(_ids(_uit(pad, "diff", "--name-only", basis, ouders[1], "--").splitlines()))
        hun = set(_ids(_uit(pad, "diff", "--name-only", basis, ouders[2], "--").splitlines()))
        samen = sorted(eigen & hun)
        if samen:
            regels.append(f"Samengevoegd (door jou en een collega gewijzigd): {', '.join(samen)}.")
    return regels


def _dossiers(ids: list[str]) -> str:
    return f"{len(ids)} dossier{'s' if len(ids) != 1 else ''}"
