"""`leersteun delen`: this clone's cases shared with the team through git, safely.

In this order: finish what a stopped `delen` left half done (`samenvoeging.herstel`), or a
merge waiting for choices; commit the cases the user changed, added, removed or renamed (ids
only in the message); fetch the team's work; merge it in a temporary index and only then
update the working tree (`samenvoeging.py`); validate the whole folder; push, and say
"Gedeeld" only when the team's repository has this commit. A clone in a state git itself
would not share from (a detached HEAD, a cherry-pick, a lock of another git program) is
refused with the way out; nothing is half done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.editing import samenvoeging as sv
from leersteun.editing.conflict import met_conflict, open_conflict, verwijderd
from leersteun.files.git import bezig_met_rebase, git, git_pad, identiteit, is_repo, ok, uit
from leersteun.reading.folder import CASES, Dossiermap
from leersteun.rules.checks import Context

BOODSCHAP_SAMEN = "Samengevoegd: werk van collega's"


@dataclass
class Gedeeld:
    """What `delen` did, for the user."""

    regels: list[str] = field(default_factory=list)


def _ids(paden: list[str]) -> list[str]:
    return sorted({Path(p).stem for p in paden if sv.is_case(p)})


def _dossiers(ids: list[str]) -> str:
    return f"{len(ids)} dossier{'s' if len(ids) != 1 else ''}"


def delen(map_: Dossiermap, door: str | None, ctx: Context) -> Gedeeld:
    """Commit, merge the team's work, validate, push. Raises `Fout` when it stops; what was
    done before is in its `gedaan`."""
    if not is_repo(map_.pad):
        raise Fout("De dossiermap is geen git-repository; maak er een met 'leersteun init' of 'git init', en voeg de repository van het team toe.")
    deel = uit(map_.pad, "-c", "core.quotePath=false", "rev-parse", "--show-prefix")
    if deel:  # git names its files from the top: delen would not see this folder's cases
        raise Fout(
            f"De dossiermap ligt als map {deel} in de git-repository {uit(map_.pad, 'rev-parse', '--show-toplevel')}; 'leersteun delen' "
            "deelt alleen een dossiermap die bovenaan haar eigen repository staat. Deel hier met git zelf (add, commit, pull, push): "
            "de controle voor elke commit en het samenvoegen per veld werken ook dan. Er is niets gedeeld."
        )
    uit_ = Gedeeld()
    try:
        uit_.regels += sv.ruim_sloten_op(map_.pad)
        with sv.bezig(map_.pad):
            _delen(map_, door, ctx, uit_)
    except Fout as e:
        e.gedaan = [*uit_.regels, *e.gedaan]  # what was done before the refusal: output, never "Fout:"
        raise
    return uit_


def _delen(map_: Dossiermap, door: str | None, ctx: Context, uit_: Gedeeld) -> None:
    pad = map_.pad
    _mag_delen(pad)
    _ruim_op(pad)
    uit_.regels += _richt_in(pad)
    wie = identiteit(pad, door)
    from leersteun.editing.wijziging import herstel

    uit_.regels += herstel(map_)  # a change of several files (a rollover) is shared whole or not at all
    uit_.regels += sv.herstel(pad, BOODSCHAP_SAMEN)
    uit_.regels += _rond_af(map_, wie, ctx)
    uit_.regels += _commit_eigen(map_, wie)
    anders = [
        r[3:]
        for r in git(pad, "status", "--porcelain=v1", "--", "leersteun.yaml", ".gitattributes", ".gitignore", "templates/", check=False).stdout.splitlines()
    ]
    if anders:
        uit_.regels.append(f"Niet gedeeld (geen dossiers): {', '.join(anders)}. Commit ze zelf met git als het team ze moet krijgen.")
    remote, tak, gevolgd = _stroomop(pad)
    for poging in range(3):
        daar = _haal_op(pad, remote, tak)
        if daar is not None:
            uit_.regels += _voeg_in(map_, wie, ctx, daar)
        elif not uit(pad, "rev-parse", "-q", "--verify", "HEAD"):
            raise Fout("Er is nog niets om te delen: de map heeft nog geen commit en de repository van het team is leeg.")
        _valideer_map(map_, "Na het binnenhalen is de dossiermap niet geldig; er is niets gedeeld:")
        if _duw(pad, remote, tak, gevolgd, laatste=poging == 2):
            uit_.regels.append(f"Gedeeld met {remote} ({tak}).")
            return


# ---------------------------------------------------------------------------- before anything


def _mag_delen(pad: Path) -> None:
    """States git itself would not share from: refused, with the way out."""
    slot = git_pad(pad, "index.lock")
    if slot.exists():
        raise Fout(sv.slot_melding(slot))
    if not uit(pad, "symbolic-ref", "-q", "HEAD") and not bezig_met_rebase(pad):
        raise Fout(
            "Je werkt nu niet op een tak maar op een losse commit (git zegt: 'detached HEAD'), zodat 'delen' niet weet wat het "
            "moet delen. Ga terug naar je tak met 'git switch main' (of de naam van je tak; 'git branch' toont ze) en deel "
            "dan opnieuw. Er is niets gedeeld."
        )
    for naam, wat, uitweg in (
        ("CHERRY_PICK_HEAD", "een cherry-pick", "git cherry-pick --continue' of 'git cherry-pick --abort"),
        ("REVERT_HEAD", "een revert", "git revert --continue' of 'git revert --abort"),
        ("BISECT_LOG", "een bisect", "git bisect reset"),
        ("rebase-apply/applying", "een 'git am'", "git am --continue' of 'git am --abort"),
    ):
        if git_pad(pad, naam).exists():
            raise Fout(f"In deze kloon is {wat} nog bezig. Rond die eerst af met '{uitweg}', en deel dan opnieuw. Er is niets gedeeld.")


def _ruim_op(pad: Path) -> None:
    """Copies of cases that a stopped program left behind: git's `.merge_file_*` (in the
    folder's root, when a merge driver is killed; no git program is busy, `_mag_delen` saw no
    index.lock) and leersteun's own temporary files in cases/ (every writer holds the folder's
    lock, so under it none is being written)."""
    from leersteun.files.schijf import schrijfslot

    kopieen = list(pad.glob(".merge_file_*"))
    cases = pad / CASES
    if cases.is_dir():
        with schrijfslot(cases):
            for kopie in [*kopieen, *cases.glob(".*.tmp")]:
                kopie.unlink(missing_ok=True)
        return
    for kopie in kopieen:
        kopie.unlink(missing_ok=True)


def _richt_in(pad: Path) -> list[str]:
    """A clone without `leersteun init` (or set up by an older leersteun, or another Python)
    gets what init sets up: the check before each commit, the merge driver, the pull setting."""
    from leersteun.editing.kloon import kloon_ingericht, richt_kloon_in

    if kloon_ingericht(pad):
        return []
    return [regel[:1].upper() + regel[1:] + "." for regel in richt_kloon_in(pad) if "was al in orde" not in regel]


# ---------------------------------------------------------------------------- a merge waiting for choices


def _rond_af(map_: Dossiermap, wie: list[str], ctx: Context) -> list[str]:
    """A merge or rebase that stopped for choices (by `delen`, or `git pull` by hand): finish
    it when every choice is made."""
    pad = map_.pad
    regels: list[str] = []
    if bezig_met_rebase(pad):
        _herbereken_open(map_, ctx)
        if _onopgelost(pad) or met_conflict(map_):
            raise _conflictmelding(map_, ["Een rebase (git pull --rebase) is nog bezig:"])
        _valideer_map(map_, "De samengevoegde dossiers zijn niet geldig; er is niets gedeeld:")
        git(pad, *wie, "-c", "core.editor=true", "rebase", "--continue")
        regels.append("Rebase afgerond.")
    if ok(pad, "rev-parse", "-q", "--verify", "MERGE_HEAD"):
        _herbereken_open(map_, ctx)
        if _onopgelost(pad) or met_conflict(map_):
            raise _conflictmelding(map_, ["Het samenvoegen van de vorige keer is nog niet af:"])
        _valideer_map(map_, "De samengevoegde dossiers zijn niet geldig; er is niets gedeeld:")
        git(pad, *wie, "commit", "--quiet", "--no-edit", "--cleanup=strip", "--no-verify")  # validated just above
        sv.wis_journaal(pad)
        regels.append("Samenvoeging afgerond.")
    return regels


def _onopgelost(pad: Path) -> list[str]:
    return [r for r in git(pad, "diff", "--name-only", "-z", "--diff-filter=U").stdout.split("\0") if r]


def _herbereken_open(map_: Dossiermap, ctx: Context) -> None:
    """Cases git lists as unmerged that hold neither markers nor a choice: the merge driver
    never wrote them (it was killed). Merge them now, as it would have."""
    from leersteun.editing.merge import voeg_samen
    from leersteun.files.schijf import als_tekst, schrijf_atomisch, schrijfslot

    pad = map_.pad
    stadia = sv._stadia(pad)
    rebase = bezig_met_rebase(pad)
    for rel, st in stadia.items():
        if not sv.is_case(rel) or not {1, 2, 3} <= set(st):
            continue
        op_schijf = sv._op_schijf(pad, rel)
        vormen = [sv._vorm_in(pad, st[k][1], rel, blob=True) for k in (2, 3)]
        if op_schijf not in vormen:
            continue  # chosen or edited by hand: the person's work
        try:  # in a rebase, stage 2 is the team's and stage 3 my own commit
            basis, mijn, hun = (als_tekst(sv._blob(pad, st[k][1]), rel)[0] for k in ((1, 3, 2) if rebase else (1, 2, 3)))
            _, vorm = als_tekst(op_schijf or b"", rel)
            uitkomst = voeg_samen(basis, mijn, hun, Path(rel), ctx)
        except Fout:
            continue
        with schrijfslot(pad / CASES):
            if sv._op_schijf(pad, rel) != op_schijf:
                continue  # changed meanwhile: left as it is
            schrijf_atomisch(pad / rel, vorm.bytes(uitkomst.tekst))
        if uitkomst.gelukt:
            git(pad, "add", "--", rel)


def _conflictmelding(map_: Dossiermap, voor: list[str], gedaan: list[str] | None = None) -> Fout:
    """The refusal while choices are open; `gedaan` (what came in, what merged) is output."""
    regels = list(voor)
    open_ = met_conflict(map_)
    for p in open_:
        try:
            cd = open_conflict(map_, p)
            n = len(cd.keuzes)
            if cd.conflict.andere_leerling:
                regels.append(f"  {cd.id}: jij en een collega gaven dit nummer aan twee verschillende leerlingen")
            else:
                regels.append(f"  {cd.id}: {n} tegenspra{'ken' if n != 1 else 'ak'} ({', '.join(k.titel for k in cd.keuzes)})")
        except Fout:
            regels.append(f"  {p.stem}: conflicttekens die leersteun niet kan lezen; kies met de hand in een teksteditor")
    for v in verwijderd(map_):
        regels.append(f"  {v.uitleg()}")
    gekend = {p.resolve().relative_to(map_.pad.resolve()).as_posix() for p in open_} | {v.rel for v in verwijderd(map_)}
    for rel in _onopgelost(map_.pad):
        if rel not in gekend:
            regels.append(f"  {rel}: geen dossier; kies met de hand in een teksteditor, en daarna 'git add {rel}'")
    regels.append("Er is nog niets gedeeld. Kies per dossier met 'leersteun conflict DOSSIER' (of '--kies mijn' / '--kies hun' voor alles),")
    regels.append("en voer daarna 'leersteun delen' opnieuw uit.")
    return Fout("\n".join(regels), gedaan=gedaan)


# ---------------------------------------------------------------------------- my changes


def _wijzigingen(pad: Path) -> list[str]:
    """Case files changed, added, removed or renamed since the last commit (staged or not);
    a rename gives both names."""
    ruw = git(pad, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", f"{CASES}/").stdout.split("\0")
    paden: list[str] = []
    i = 0
    while i < len(ruw):
        item = ruw[i]
        if len(item) > 3:
            paden.append(item[3:])
            if item[0] in "RC" and i + 1 < len(ruw):
                paden.append(ruw[i + 1])  # the old name
                i += 1
        i += 1
    return [p for p in paden if sv.is_case(p)]


def _commit_eigen(map_: Dossiermap, wie: list[str]) -> list[str]:
    pad = map_.pad
    eigen = _wijzigingen(pad)
    if not eigen:
        return []
    from leersteun.reading.validatie import valideer

    fouten = [b for b in valideer([pad / p for p in eigen if (pad / p).exists()], pad).bevindingen if b.is_fout]
    if fouten:
        raise Fout(
            "Je gewijzigde dossiers zijn niet geldig; er is niets gecommit of gedeeld:\n"
            + "\n".join(b.als_tekst() for b in fouten)
            + "\nVerbeter ze en voer 'leersteun delen' opnieuw uit."
        )
    ids = _ids(eigen)
    weg = [Path(p).stem for p in eigen if not (pad / p).exists()]
    toe_te_voegen = _bestaand_of_gekend(pad, eigen)
    if toe_te_voegen:
        git(pad, "add", "--all", "--", *toe_te_voegen)
    boodschap = f"Gedeeld: {', '.join(ids)}" if len(ids) <= 20 else f"Gedeeld: {_dossiers(ids)} ({ids[0]} … {ids[-1]})"
    # --no-verify: these files were just checked as the hook would (errors block, warnings not)
    git(pad, *wie, "commit", "--quiet", "--no-verify", "-m", boodschap, "--", *eigen)
    regel = f"Gecommit: {_dossiers(ids)}" + (f" ({', '.join(ids)})." if len(ids) <= 10 else ".")
    if weg:
        regel += f" Verwijderd: {', '.join(sorted(weg))}."
    return [regel]


def _bestaand_of_gekend(pad: Path, paden: list[str]) -> list[str]:
    """Pathspecs git accepts for `add --all`: a file removed and already staged as removed is
    no longer known to git in any way, so it is left out (its removal is staged already)."""
    gekend = set(git(pad, "ls-files", "-z", "--", *paden).stdout.split("\0"))
    return [p for p in paden if (pad / p).exists() or p in gekend]


# ---------------------------------------------------------------------------- the team's work


def _stroomop(pad: Path) -> tuple[str, str, bool]:
    """(remote, branch, tracked): where to fetch from and push to."""
    remotes = uit(pad, "remote").split()
    if not remotes:
        raise Fout(
            "Er is nog geen gedeelde repository (remote) ingesteld; je wijzigingen staan wel in git op deze computer.\n"
            "Voeg de repository van het team toe en deel opnieuw:\n"
            "  git remote add origin <adres van de repository van het team>\n"
            "  leersteun delen\n"
            "Zie 'Samenwerken met git' in de handleiding."
        )
    tak = uit(pad, "symbolic-ref", "--short", "HEAD") or "main"
    volg = uit(pad, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    if volg and "/" in volg:
        remote, _, tak_daar = volg.partition("/")
        if remote in remotes:
            return remote, tak_daar, True
    return ("origin" if "origin" in remotes else remotes[0]), tak, False


def _haal_op(pad: Path, remote: str, tak: str) -> str | None:
    """Fetch the team's branch; its commit, or None when the team's repository has none yet."""
    daar = git(pad, "ls-remote", "--heads", remote, f"refs/heads/{tak}", check=False)
    if daar.returncode != 0:
        regels = (daar.stderr or daar.stdout).strip().splitlines()
        raise Fout(
            f"De repository van het team ({remote}) is niet bereikbaar; er is niets gedeeld. Controleer de verbinding en het adres "
            f"('git remote -v') en probeer opnieuw. (git zegt: {regels[0] if regels else 'niets'})"
        )
    if not daar.stdout.strip():
        return None  # an empty repository: the first delen fills it
    git(pad, "fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{tak}:refs/remotes/{remote}/{tak}")
    return uit(pad, "rev-parse", "-q", "--verify", f"refs/remotes/{remote}/{tak}") or None


def _voeg_in(map_: Dossiermap, wie: list[str], ctx: Context, daar: str) -> list[str]:
    """Bring commit `daar` (the team's) into this branch: nothing, a fast-forward, or a merge."""
    pad = map_.pad
    hier = uit(pad, "rev-parse", "-q", "--verify", "HEAD") or None
    if hier == daar or (hier is not None and ok(pad, "merge-base", "--is-ancestor", daar, hier)):
        return ["Niets nieuws binnengekomen."]
    if hier is None or ok(pad, "merge-base", "--is-ancestor", hier, daar):
        paden = sv.werk_bij(pad, hier, daar)
        return [_binnen(paden)]
    s = sv.bereken(pad, hier, daar, ctx)
    binnen = [r for r in git(pad, "diff", "--no-renames", "--name-only", "-z", s.basis, daar).stdout.split("\0") if r]
    regels = [_binnen(binnen), *s.meldingen]
    if s.vragen:
        sv.schrijf_conflict(pad, s, BOODSCHAP_SAMEN)
        raise _conflictmelding(map_, ["Deze dossiers vragen een keuze:"], gedaan=regels)
    samen = sorted(set(s.samengevoegd))
    if samen:
        regels.append(f"Samengevoegd (door jou en een collega gewijzigd): {', '.join(samen)}.")
    commit = sv.maak_commit(pad, s, wie, BOODSCHAP_SAMEN)
    sv.werk_bij(pad, hier, commit)
    return regels


def _binnen(paden: list[str]) -> str:
    ids = _ids(paden)
    if not ids:
        return "Binnengekomen: werk van collega's, zonder gewijzigde dossiers."
    return f"Binnengekomen: {_dossiers(ids)}" + (f" ({', '.join(ids)})." if len(ids) <= 10 else ".")


def _valideer_map(map_: Dossiermap, waarom: str) -> None:
    from leersteun.reading.validatie import valideer

    resultaat = valideer([], map_.pad)
    fouten = [b for b in resultaat.bevindingen if b.is_fout]
    if fouten:
        regels = "\n".join(b.als_tekst() for b in fouten[:20])
        meer = f"\n… en nog {len(fouten) - 20}" if len(fouten) > 20 else ""
        raise Fout(f"{waarom}\n{regels}{meer}\nVerbeter dit en voer 'leersteun delen' opnieuw uit.")


def _duw(pad: Path, remote: str, tak: str, gevolgd: bool, laatste: bool) -> bool:
    """Push; True when the team's repository has this very commit. A colleague who shared in
    between: False (the caller merges again), or on the last try a message."""
    hier = uit(pad, "rev-parse", "HEAD")
    gepusht = git(pad, "push", "--quiet", remote, f"HEAD:refs/heads/{tak}", check=False)
    if gepusht.returncode != 0:
        afgewezen = "rejected" in gepusht.stderr or "fetch first" in gepusht.stderr or "non-fast-forward" in gepusht.stderr
        if afgewezen and not laatste:
            return False
        raise Fout(
            f"Delen lukte niet: git push naar {remote} weigerde.\n  {gepusht.stderr.strip()}\n"
            + (
                "Collega's deelden intussen telkens opnieuw: voer 'leersteun delen' nog eens uit."
                if afgewezen
                else "Controleer de verbinding en probeer opnieuw."
            )
        )
    daar = git(pad, "ls-remote", remote, f"refs/heads/{tak}", check=False).stdout.split()
    if not daar or daar[0] != hier:
        raise Fout(f"git push meldde geen fout, maar {remote} heeft je laatste commit niet. Voer 'leersteun delen' opnieuw uit.")
    git(pad, "update-ref", f"refs/remotes/{remote}/{tak}", hier, check=False)
    if not gevolgd:
        git(pad, "branch", "--quiet", f"--set-upstream-to={remote}/{tak}", check=False)
    return True
