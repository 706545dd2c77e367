"""Commands around git and the team: geschiedenis, archief, verwijder, delen, conflict."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from leersteun.cli.fouten import _console, _meld_fout
from leersteun.cli.gemeen import (
    CommitOptie,
    DoorOptie,
    DossierArg,
    _bevestig,
    _commit,
    _dossiermap,
    _geen_effect,
    _ja_nee,
    _meld_ongeldige,
    _vraag,
)
from leersteun.cli.kern import opdracht
from leersteun.core import datums

if TYPE_CHECKING:
    from leersteun.editing.conflict import Conflictdossier, Verwijderd
    from leersteun.reading.folder import Dossiermap


class Kant(str, Enum):
    mijn = "mijn"
    hun = "hun"


@opdracht("delen")
def delen_(door: DoorOptie = None) -> None:
    """Deel de dossiermap met het team: commit je dossiers, haal binnen, voeg samen, controleer en push."""
    from leersteun.editing.delen import delen
    from leersteun.reading.dossiers import context_zonder_fout
    from leersteun.reading.folder import gebruiker

    map_ = _dossiermap()
    for regel in delen(map_, gebruiker(door), context_zonder_fout(map_)).regels:
        print(regel)


@opdracht("conflict")
def conflict_(
    dossier: Annotated[
        str | None,
        typer.Argument(metavar="DOSSIER", help="Id of naam van het dossier (standaard: alle dossiers met een conflict).", show_default=False),
    ] = None,
    kies: Annotated[Kant | None, typer.Option("--kies", help="Neem voor elke vraag die versie, zonder te vragen.")] = None,
    door: DoorOptie = None,
) -> None:
    """Dossiers met een vraag na het samenvoegen: uitleggen en kiezen welke versie blijft."""
    from leersteun.editing.conflict import zoek_conflict
    from leersteun.outputs.weergave import conflict_weergave

    map_ = _dossiermap()
    gevonden, onleesbaar = zoek_conflict(map_, dossier)
    console = _console()
    for boodschap in onleesbaar:
        _meld_fout(boodschap)
    if not gevonden:
        console.print("Geen andere dossiers met een conflict." if onleesbaar else "Geen dossiers met een conflict.")
        _niet_als(onleesbaar)
        return
    if dossier is None and kies is None:
        for cd in gevonden:
            console.print(conflict_weergave(cd, console.width))
        console.print("Kies per dossier met 'leersteun conflict DOSSIER', of neem één kant met --kies mijn of --kies hun.")
        _niet_als(onleesbaar)
        return
    for cd in gevonden:
        console.print(conflict_weergave(cd, console.width))
        _los_op(map_, cd, kies.value if kies else None, door)
    console.print("Voer 'leersteun delen' uit om de samenvoeging af te ronden en te delen.")


def _los_op(map_: "Dossiermap", cd: "Verwijderd | Conflictdossier", kant: str | None, door: str | None) -> None:
    """Ask (or take `kant` for) every question of one case, and write the answer."""
    from leersteun.editing import conflict as c
    from leersteun.reading.dossiers import context_zonder_fout
    from leersteun.reading.folder import gebruiker, vandaag

    console = _console()
    ctx = context_zonder_fout(map_)
    if isinstance(cd, c.Verwijderd):
        mijn = "weg" if cd.door_mij else "houden"
        gekozen = {"mijn": mijn, "hun": "houden" if mijn == "weg" else "weg"}[kant] if kant else _vraag(f"{cd.id}: houden of weg?", keuzes=["houden", "weg"])
        c.kies_verwijderd(map_, cd, gekozen == "houden")
        console.print(f"Opgelost: {cd.id} {'blijft' if gekozen == 'houden' else 'is verwijderd'}.")
        return
    assert isinstance(cd, c.Conflictdossier)
    if cd.conflict.andere_leerling:
        nieuw = c.geef_nieuw_nummer(map_, cd, ctx)
        console.print(f"Opgelost: jouw dossier heet nu {nieuw}; {cd.id} blijft de leerling van je collega.")
        return
    wie = gebruiker(door)
    try:
        for i, keuze in enumerate(cd.keuzes, start=1):
            cd.conflict.kies(keuze, kant or _vraag(f"{i}. {keuze.titel}: welke versie blijft?", keuzes=["mijn", "hun"]))
    except (KeyboardInterrupt, typer.Abort, EOFError):
        c.schrijf_keuze(map_, cd, wie, vandaag(), ctx)  # keep what was answered
        raise
    if c.schrijf_keuze(map_, cd, wie, vandaag(), ctx):
        console.print(f"Opgelost: {cd.id} is weer één geldig dossier.")


def _niet_als(onleesbaar: list[str]) -> None:
    """Exit 1 after the list when a file's markers could not be read (said above)."""
    from leersteun.core.errors import NietGoedgekeurd

    if onleesbaar:
        raise NietGoedgekeurd()


@opdracht("geschiedenis")
def geschiedenis_(dossier: DossierArg) -> None:
    """De geschiedenis van een dossier naast de git-log van zijn bestand."""
    from rich.table import Table
    from rich.text import Text

    from leersteun.files.schijf import toon
    from leersteun.reading import dossiers, gitops
    from leersteun.reading.folder import vandaag

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    g = dossiers.open_dossier(map_, dossier, dossiers.context(vandaag(), inst))
    d = g.dossier
    console = _console()
    console.print(f"[bold]Geschiedenis van {d.id}[/] (fase {d.fase})")
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold", title="In het dossier", title_justify="left")
    for kolom in ("datum", "fase", "door", "notitie"):
        tabel.add_column(kolom, overflow="fold")
    for regel in d.geschiedenis:
        tabel.add_row(*(Text(x) for x in (datums.kort(regel.datum), regel.fase.value, regel.door, regel.notitie or "")))
    console.print(tabel)
    log = gitops.log(map_.pad, g.pad)
    if not gitops.is_repo(map_.pad):
        console.print("\nIn git: de dossiermap is geen git-repository.")
        return
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold", title=Text(f"In git ({toon(g.pad)})"), title_justify="left")
    for kolom in ("datum", "wie", "commit", "wat"):
        tabel.add_column(kolom, overflow="fold")
    for stap in log:
        tabel.add_row(*(Text(x) for x in (datums.kort(stap.datum), stap.auteur, stap.commit, stap.boodschap)))
    console.print()
    console.print(tabel if log else "In git: nog geen commits voor dit bestand.")


@opdracht("archief")
def archief_(
    verwijder: Annotated[bool, typer.Option("--verwijder", help="Verwijder de getoonde dossiers (na bevestiging), met een commit.")] = False,
    ja: Annotated[bool, typer.Option("--ja", help="Bevestig zonder te vragen.")] = False,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Afgesloten dossiers voorbij de bewaartermijn uit leersteun.yaml: tonen, en verwijderen."""
    from leersteun.editing import archief
    from leersteun.files.schijf import toon
    from leersteun.reading import dossiers
    from leersteun.reading.folder import gebruiker

    if not verwijder:
        _geen_effect("ze horen bij --verwijder", {"--ja": ja, "--commit/--geen-commit": commit is not None, "--door": door})
    map_ = _dossiermap()
    jaren, lijst_, ongeldig = archief.te_archiveren_in(map_)
    _meld_ongeldige(ongeldig)
    if not lijst_:
        print(f"Geen afgesloten dossiers voorbij de bewaartermijn ({jaren} jaar).")
        return
    print(f"Afgesloten dossiers voorbij de bewaartermijn ({jaren} jaar):")
    for x in lijst_:
        print(f"  {x.id}  afgesloten op {datums.kort(x.afgesloten_op)}, te bewaren tot {datums.kort(x.bewaren_tot)}")
    if not verwijder:
        print("Verwijder ze met 'leersteun archief --verwijder'.")
        return
    if not ja and not _ja_nee(f"Deze {len(lijst_)} dossiers definitief verwijderen?"):
        print("Er is niets verwijderd.")
        return
    archief.verwijder(map_, lijst_)
    for x in lijst_:
        print(f"Verwijderd: {toon(x.pad)}")
    ids = ", ".join(x.id for x in lijst_)
    boodschap = f"archief: {len(lijst_)} afgesloten dossier(s) verwijderd na de bewaartermijn ({ids})"
    _commit(map_, dossiers.instellingen(map_), True if commit is None else commit, [x.pad for x in lijst_], boodschap, gebruiker(door))


@opdracht("verwijder")
def verwijder_(
    dossier: DossierArg,
    ja: Annotated[bool, typer.Option("--ja", help="Bevestig zonder te vragen (in een script).")] = False,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Verwijder een dossier dat per vergissing gemaakt is, zolang het niet met het team gedeeld is."""
    from leersteun.editing import archief
    from leersteun.editing.wijziging import Commit, NietGecommit
    from leersteun.files.git import is_repo
    from leersteun.reading import dossiers
    from leersteun.reading.folder import gebruiker, vandaag

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(vandaag(), inst)
    v = archief.verwijdering(map_, dossiers.open_dossier(map_, dossier, ctx), ctx, inst.bewaartermijn_jaren)
    if not _bevestig(f"Dossier {v.id} ({v.leerling}) wordt definitief verwijderd, zonder bewaartermijn.", ja):
        return
    keuze = commit if commit is not None else bool(inst.commit)
    if keuze and v.te_committen and is_repo(map_.pad):
        v.wijziging.commit = Commit(v.te_committen, f"{v.id}: per vergissing aangemaakt dossier verwijderd", gebruiker(door))
    try:
        regel = v.wijziging.uitvoeren()
    except NietGecommit:
        for melding in v.meldingen:  # the removal itself is made
            print(melding)
        raise
    for melding in v.meldingen:
        print(melding)
    if regel:
        print(regel)
