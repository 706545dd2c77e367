"""What several commands share: finding the folder and a case, the common options (--door,
--commit, --datum), prompts, writing output under out/, and the editing session.
Names starting with _ are private to this package.
"""

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from leersteun.cli import kern
from leersteun.cli.fouten import _console
from leersteun.core.waarden import (
    JaDeelsNee,
    Vorm,
)

if TYPE_CHECKING:
    from leersteun.reading.folder import Dossiermap


def _meld_ongeldige(gelezen: list[Any]) -> None:
    """Report every error of the cases that could not be used, with its position; exit 1."""
    from leersteun.core.errors import OngeldigeDossiers

    if gelezen:
        raise OngeldigeDossiers([g.pad.name for g in gelezen], [b for g in gelezen for b in g.fouten])


def _dossiermap() -> "Dossiermap":
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vind_map

    if sys.stdin.isatty() and sys.stdout.isatty():
        dossiers.KIES = _kies_dossier
    map_ = vind_map(kern._map_optie)
    from leersteun.editing.wijziging import herstel

    for regel in herstel(map_):  # a change of several files that a killed command left half done
        print(regel, file=sys.stderr)
    return map_


def _kies_dossier(treffers: list[Any], beschrijvingen: list[str]) -> Any:
    """Several cases fit the name: a numbered list to choose from (on a terminal only)."""
    console = _console()
    console.print(f"Er passen {len(treffers)} dossiers bij die naam:")
    keuze = _vraag("Welk dossier?", keuzes=beschrijvingen)
    return treffers[beschrijvingen.index(keuze)]


BuitenOutOptie = Annotated[
    bool, typer.Option("--buiten-out", help="Sta toe dat het bestand buiten out/ komt (nooit in cases/ of op leersteun.yaml).")
]


def _controleer_uitvoer(map_: Any, pad: Path | None, buiten_out: bool, optie: str = "--uit") -> None:
    """Refuse a bad output path before any work is done."""
    from leersteun.core.errors import GebruikFout
    from leersteun.reading.folder import uitvoer_pad

    if pad is not None:
        uitvoer_pad(map_, pad, buiten_out, optie)
    elif buiten_out:
        raise GebruikFout(f"--buiten-out hoort bij {optie}; zonder {optie} komt het bestand in out/ of op het scherm.")


def _schrijf_uitvoer(map_: Any, pad: Path, inhoud: bytes, buiten_out: bool = False, optie: str = "--uit") -> Path:
    """Write generated output after checking where it goes (see `folder.uitvoer_pad`)."""
    from leersteun.core.errors import Fout
    from leersteun.reading.folder import buiten_git_ignore_melding, uitvoer_pad
    from leersteun.files.schijf import schrijf_atomisch

    doel = uitvoer_pad(map_, pad, buiten_out, optie)
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomisch(doel, inhoud)
    except OSError as e:
        raise Fout(f"{doel} kon niet geschreven worden ({e.strerror or e}); er is niets geschreven. Controleer de map en de vrije schijfruimte.") from None
    melding = buiten_git_ignore_melding(map_, doel)
    if melding:
        print(melding, file=sys.stderr)
    return doel


def _voltooi_dossier(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a case: ids, first names and surnames (lower case, as written,
    spaces included) that start with what was typed; `zoek` finds the case by each of them.
    The shell quotes them (`voltooien`), so a name is never code. A folder that cannot be
    read completes nothing (no message in the middle of typing)."""
    from leersteun.core.errors import Fout
    from leersteun.reading.dossiers import Kaart, kaarten
    from leersteun.reading.folder import vind_map
    from leersteun.core.tekst import normaal

    begin = normaal(incomplete)
    uit: dict[str, str] = {}
    try:
        for g in kaarten(vind_map(kern._map_optie)):  # on every core for a large folder
            k = g.uitkomst
            if not isinstance(k, Kaart):
                continue
            for kandidaat in (k.id, k.voornaam.lower(), k.naam.lower()):
                if normaal(kandidaat).startswith(begin):
                    uit.setdefault(kandidaat, f"{k.voornaam} {k.naam} ({k.id})")
    except (Fout, OSError):
        return []
    return sorted(uit.items())


DossierArg = Annotated[
    str,
    typer.Argument(metavar="DOSSIER", help="Id of een deel van de naam van de leerling.", show_default=False, autocompletion=_voltooi_dossier),
]


def _vraag(tekst: str, keuzes: list[str] | None = None, standaard: str | None = None, leeg: bool = False, uitleg: dict[str, str] | None = None) -> str:
    from leersteun.terminal.vragen import vraag

    return vraag(_console(), tekst, keuzes, standaard, leeg, uitleg)


def _ja_nee(vraag: str, **opties: Any) -> bool:
    from leersteun.terminal.vragen import ja_nee

    return ja_nee(_console(), vraag, **opties)


def _vraag_datum(tekst: str, leeg: bool = False) -> Any:
    from leersteun.terminal.vragen import vraag_datum

    return vraag_datum(_console(), tekst, leeg)


def _datum_optie(waarde: str | None, optie: str) -> Any:
    """A date option as a teacher types it: 31-12-2025, 31/12/2025, 2025-12-31, vandaag, morgen."""
    if waarde is None:
        return None
    from leersteun.rules import invoer
    from leersteun.core.errors import GebruikFout
    from leersteun.reading.folder import vandaag

    try:
        return invoer.datum(waarde, vandaag())
    except ValueError as e:
        raise GebruikFout(f"{optie}: {e}.") from None


def _wie(door: str | None, datum: str | None, notitie: str | None) -> Any:
    from leersteun.core.errors import Fout
    from leersteun.reading.folder import gebruiker, vandaag
    from leersteun.editing.trajectory import Wie

    naam = gebruiker(door)
    if not naam:
        raise Fout("Wie doet deze wijziging? Geef --door NAAM, of zet LEERSTEUN_GEBRUIKER of git user.name.")
    return Wie(door=naam, datum=_datum_optie(datum, "--datum") or vandaag(), notitie=notitie)


def _wijzig(naam: str, bewerking: Any, commit: bool | None = None, boodschap: str = "", door: str | None = None) -> None:
    """Open a case, run one edit on it, save minimally, print what happened, commit if asked."""
    sessie = _Sessie(naam)
    sessie.bewaar(bewerking)
    sessie.zeg()
    sessie.commit(commit, boodschap, door)


def _commit(map_: Any, instellingen: Any, keuze: bool | None, bestanden: list[Path], boodschap: str, door: str | None) -> None:
    """Commit the changed files when asked (--commit) or by default (commit: true). The change
    is already saved: a commit that fails says so, and an explicit --commit that cannot
    commit exits 1."""
    from leersteun.reading import gitops
    from leersteun.core.errors import Fout

    expliciet = keuze is True
    if keuze is None:
        keuze = bool(instellingen and instellingen.commit)
    if not keuze:
        return
    paden = " ".join(Path(os.path.relpath(b, map_.pad)).as_posix() for b in bestanden)
    zelf = f"Commit ze zelf met: git add -A -- {paden} && git commit -m \"{boodschap}\""
    try:
        regel = gitops.commit(map_.pad, bestanden, boodschap, door)
    except Fout as e:
        raise Fout(f"De wijziging is bewaard, maar niet gecommit: {e.boodschap} {zelf}") from None
    if regel.startswith("Niet gecommit") and expliciet:
        raise Fout(f"De wijziging is bewaard, maar niet gecommit: de dossiermap is geen (bruikbare) git-repository. {zelf}")
    print(regel)


DoorOptie = Annotated[Optional[str], typer.Option("--door", help="Wie de wijziging doet (standaard: LEERSTEUN_GEBRUIKER of git user.name).")]


DatumOptie = Annotated[Optional[str], typer.Option("--datum", metavar="DATUM", help="Datum van de wijziging (standaard: vandaag).")]


NotitieOptie = Annotated[Optional[str], typer.Option("--notitie", help="Notitie in de geschiedenis.")]


CommitOptie = Annotated[
    Optional[bool],
    typer.Option("--commit/--geen-commit", help="Commit het gewijzigde dossier in git (standaard: 'commit' in leersteun.yaml)."),
]


def _geen_effect(waarom: str, opties: dict[str, Any]) -> None:
    """Refuse options that were given but would change nothing here: a command never exits 0
    with an option quietly ignored."""
    from leersteun.core.errors import GebruikFout

    gegeven = [naam for naam, waarde in opties.items() if waarde not in (None, False, [], ())]
    if gegeven:
        werkwoord = "heeft" if len(gegeven) == 1 else "hebben"
        raise GebruikFout(f"{', '.join(gegeven)} {werkwoord} hier geen effect: {waarom}. Er is niets gewijzigd.")


def _afspraak(vorm: Vorm | None, start: str | None, frequentie: str | None, intensiteit: str | None, evaluatie_op: list[str] | None) -> Any:
    """What was agreed for a traject, from the options (`fase`, `toewijzen`)."""
    from leersteun.editing.trajectory import TrajectAfspraak

    return TrajectAfspraak(
        vorm=vorm,
        start=_datum_optie(start, "--start"),
        frequentie=frequentie,
        intensiteit=intensiteit,
        evaluatie_op=[_datum_optie(d, "--evaluatie-op") for d in evaluatie_op or []],
    )


JdnOptie = Annotated[Optional[JaDeelsNee], typer.Option(help="ja, deels of nee.", show_default=False)]


def _Sessie(naam: str) -> Any:  # noqa: N802 - reads as the class it makes
    """The engine's session (`bewerk.Sessie`) on the case folder of this command, with what the
    terminal adds: printing what happened (`zeg`) and committing the case file (`commit`)."""
    from leersteun.reading.folder import vandaag

    return _terminal_sessie()(_dossiermap(), naam, vandaag())


@functools.cache
def _terminal_sessie() -> Any:
    """Made on first use: `bewerk` imports the editing engine, too heavy for `--help`."""
    from leersteun.editing.bewerk import Sessie

    class TerminalSessie(Sessie):
        def zeg(self) -> None:
            for melding in self.meldingen:
                print(melding)

        def commit(self, keuze: bool | None, boodschap: str, door: str | None = None) -> None:
            """Commit this case file alone, named by its id, when asked (or by default)."""
            _commit(self.map, self.instellingen, keuze, [self.pad], f"{self.pad.stem}: {boodschap}", door)

    return TerminalSessie


KlasOptie = Annotated[Optional[str], typer.Option("--klas", help="De klas waarin de leerling nu zit (bevestigt ze voor dit schooljaar).")]
