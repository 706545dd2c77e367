"""What several commands share: finding the folder and a case, the common options (--door,
--commit, --datum), prompts, writing output under out/, and the editing session.
Names starting with _ are private to this package.
"""

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, overload

import typer

from leersteun.cli import kern
from leersteun.cli.fouten import _console
from leersteun.core.waarden import (
    JaDeelsNee,
    Vorm,
)

if TYPE_CHECKING:
    from leersteun.reading.folder import Dossiermap
    from leersteun.rules.model import Instellingen


def _meld_ongeldige(gelezen: list[Any]) -> None:
    """Report every error of the cases that could not be used, with its position; exit 1."""
    from leersteun.core.errors import OngeldigeDossiers

    if gelezen:
        raise OngeldigeDossiers([g.pad.name for g in gelezen], [b for g in gelezen for b in g.fouten])


def _anoniem_volledig(anoniem: bool, gelezen: list[Any]) -> None:
    """--anoniem takes every name of every case out of every text: a case that could not be
    read keeps its names unknown, and they would stay in the others' notes. So an anonymous
    output is made only when every case was read; otherwise nothing is written or shown."""
    from leersteun.core.errors import Fout

    if anoniem and gelezen:
        namen = ", ".join(g.pad.name for g in gelezen)
        raise Fout(
            f"--anoniem: er is niets geschreven of getoond, want niet elk dossier kon gelezen worden (ongeldig: {namen}). "
            "De namen uit dat dossier zouden dan in de notities van andere dossiers kunnen blijven staan. "
            "Verbeter het bestand (zie hierboven; 'leersteun valideer' toont het opnieuw) en probeer opnieuw.",
            [b for g in gelezen for b in g.fouten],
        )


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


BuitenOutOptie = Annotated[bool, typer.Option("--buiten-out", help="Sta toe dat het bestand buiten out/ komt (nooit in cases/ of op leersteun.yaml).")]


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
    from leersteun.files.schijf import schrijf_atomisch
    from leersteun.reading.folder import buiten_git_ignore_melding, uitvoer_pad

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
    from leersteun.core.tekst import normaal
    from leersteun.reading.dossiers import Kaart, context_zonder_fout, kaarten
    from leersteun.reading.folder import vind_map

    begin = normaal(incomplete)
    uit: dict[str, str] = {}
    try:
        map_ = vind_map(kern._map_optie)
        for g in kaarten(map_, context_zonder_fout(map_)):  # on every core for a large folder
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


def _in_terminal() -> bool:
    """Can a question be asked here (stdin is a terminal)?"""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stdin
        return False


def _bevestig(tekst: str, ja: bool, vragen: bool = False) -> bool:
    """A step no command can undo: `tekst` says what it does. --ja confirms it (in a script);
    a terminal asks, as does a command that already asked its questions (`vragen`); elsewhere
    it is refused with the way out. False: the person said no."""
    from leersteun.core.errors import Fout

    if ja:
        return True
    if not (vragen or _in_terminal()):
        raise Fout(f"{tekst} Bevestig dat met --ja (in een script), of voer de opdracht uit in een terminal: die vraagt het. Er is niets gewijzigd.")
    _console().print(tekst, soft_wrap=True, markup=False)
    if _ja_nee("Zeker?"):
        return True
    print("Er is niets gewijzigd.")
    return False


def _vraag_datum(tekst: str, leeg: bool = False) -> Any:
    from leersteun.terminal.vragen import vraag_datum

    return vraag_datum(_console(), tekst, leeg)


def _datum_optie(waarde: str | None, optie: str) -> Any:
    """A date option as a teacher types it: 31-12-2025, 31/12/2025, 2025-12-31, vandaag, morgen."""
    if waarde is None:
        return None
    from leersteun.core.errors import GebruikFout
    from leersteun.reading.folder import vandaag
    from leersteun.rules import invoer

    try:
        return invoer.datum(waarde, vandaag())
    except ValueError as e:
        raise GebruikFout(f"{optie}: {e}.") from None


def _wie(door: str | None, datum: str | None, notitie: str | None) -> Any:
    from leersteun.core.errors import Fout
    from leersteun.editing.trajectory import Wie
    from leersteun.reading.folder import gebruiker, vandaag

    naam = gebruiker(door)
    if not naam:
        raise Fout("Wie doet deze wijziging? Geef --door NAAM, of zet LEERSTEUN_GEBRUIKER of git user.name.")
    return Wie(door=_door(naam, door, _instellingen()), datum=_datum_optie(datum, "--datum") or vandaag(), notitie=notitie)


# ---------------------------------------------------------------------------- one spelling for people and schools

NieuwLidOptie = Annotated[
    bool, typer.Option("--nieuw-lid", help="De genoemde ondersteuner of ankerpersoon is nieuw in het team: zet die erbij in leersteun.yaml.")
]


def _instellingen() -> Any:
    """leersteun.yaml of this command's folder (its fast read: a millisecond)."""
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vind_map

    return dossiers.instellingen(vind_map(kern._map_optie))


def _een_van(soort: str, gezocht: Any, kiezen: bool) -> str:
    """Several names of leersteun.yaml fit what was typed: the numbered choice on a terminal,
    else a refusal that lists them."""
    from leersteun.core.errors import Fout
    from leersteun.rules import namen

    if not kiezen:
        raise Fout(namen.te_veel(soort, gezocht))
    _console().print(f"'{gezocht.getypt}' past bij meer dan één {soort}:", markup=False)
    return _vraag("Welke school?" if soort == namen.SCHOOL else "Wie?", keuzes=gezocht.kandidaten)


def _teamlid(getypt: str | None, inst: Any, optie: str, nieuw: bool = False, kiezen: bool | None = None) -> str | None:
    """A team member typed in `optie`, in the spelling of leersteun.yaml ('els maes' is Els
    Maes). With `nieuw` (--nieuw-lid): the name as typed, for someone not yet in the team.
    Several fit: a choice on a terminal (`kiezen`), else refused; none: refused with the
    nearest names."""
    from leersteun.core.errors import Fout
    from leersteun.rules import namen

    if getypt is None or not getypt.strip():
        return None
    gezocht = namen.zoek(getypt, namen.teamleden(inst))
    if nieuw:
        if gezocht.gevonden or gezocht.kandidaten:
            bestaand = gezocht.gevonden or namen.opsomming(gezocht.kandidaten)
            raise Fout(f"{optie} '{getypt}' staat al in het team van leersteun.yaml ({bestaand}); laat --nieuw-lid weg. Er is niets gewijzigd.")
        return " ".join(getypt.split())
    if gezocht.gevonden:
        return gezocht.gevonden
    if gezocht.kandidaten:
        return _een_van(namen.TEAM, gezocht, _in_terminal() if kiezen is None else kiezen)
    uitweg = "Typ de naam zoals in het team, of geef --nieuw-lid mee als het een nieuw teamlid is: dan komt het erbij in leersteun.yaml."
    raise Fout(namen.onbekend(namen.TEAM, gezocht, uitweg, optie))


@overload
def _ondersteuner(sessie: Any, getypt: str, nieuw_lid: bool, optie: str) -> tuple[str, Any]: ...
@overload
def _ondersteuner(sessie: Any, getypt: str | None, nieuw_lid: bool, optie: str) -> tuple[str | None, Any]: ...
def _ondersteuner(sessie: Any, getypt: str | None, nieuw_lid: bool, optie: str) -> tuple[str | None, Any]:
    """The ondersteuner of an edit (`toewijzen`, `fase --ondersteuner`) in the spelling of the
    team in leersteun.yaml, and with --nieuw-lid the new team member the edit adds to it
    (written with the case as one change: `instellingen.bewaar_samen`)."""
    from leersteun.core.errors import GebruikFout
    from leersteun.editing.instellingen import Erbij

    if getypt is None:
        _geen_effect(f"--nieuw-lid hoort bij {optie}, de ondersteuner die nieuw is in het team", {"--nieuw-lid": nieuw_lid})
        return None, Erbij([], [])
    naam = _teamlid(getypt, sessie.instellingen, optie, nieuw_lid)
    if not naam:
        raise GebruikFout(f"{optie}: geef de naam van de ondersteuner, zoals in het team van leersteun.yaml.")
    if nieuw_lid:
        sessie.ook = (sessie.map.instellingen_pad,)
    return naam, Erbij([(naam, "ondersteuner")] if nieuw_lid else [], [])


def _door(naam: str, door: str | None, inst: Any, bron: str | None = None) -> str:
    """Who makes a change, in the team's spelling (`bron`: where the name came from, when not
    from --door, LEERSTEUN_GEBRUIKER or git). A folder whose team is still empty takes the
    name as given (there is nothing to compare it with)."""
    import os

    from leersteun.core.errors import Fout
    from leersteun.rules import namen

    if not inst.team:
        return naam
    gezocht = namen.zoek(naam, namen.teamleden(inst))
    if gezocht.gevonden:
        return gezocht.gevonden
    if gezocht.kandidaten:
        return _een_van(namen.TEAM, gezocht, _in_terminal())
    bron = bron or ("--door" if door and door.strip() else "LEERSTEUN_GEBRUIKER" if os.environ.get("LEERSTEUN_GEBRUIKER", "").strip() else "git user.name")
    uitweg = "Geef je naam zoals in het team met --door of in LEERSTEUN_GEBRUIKER, of laat je toevoegen onder team in leersteun.yaml (naam en rol)."
    raise Fout(namen.onbekend(namen.TEAM, gezocht, uitweg, bron))


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
    from leersteun.core.errors import Fout
    from leersteun.reading import gitops

    expliciet = keuze is True
    if keuze is None:
        keuze = bool(instellingen and instellingen.commit)
    if not keuze:
        return
    paden = " ".join(Path(os.path.relpath(b, map_.pad)).as_posix() for b in bestanden)
    zelf = f'Commit ze zelf met: git add -A -- {paden} && git commit -m "{boodschap}"'
    try:
        regel = gitops.commit(map_.pad, bestanden, boodschap, door)
    except Fout as e:
        raise Fout(f"De wijziging is bewaard, maar niet gecommit: {e.boodschap} {zelf}") from None
    if regel.startswith("Niet gecommit") and expliciet:
        raise Fout(f"De wijziging is bewaard, maar niet gecommit: de dossiermap is geen (bruikbare) git-repository. {zelf}")
    print(regel)


DoorOptie = Annotated[str | None, typer.Option("--door", help="Wie de wijziging doet (standaard: LEERSTEUN_GEBRUIKER of git user.name).")]


DatumOptie = Annotated[str | None, typer.Option("--datum", metavar="DATUM", help="Datum van de wijziging (standaard: vandaag).")]


NotitieOptie = Annotated[str | None, typer.Option("--notitie", help="Notitie in de geschiedenis.")]


CommitOptie = Annotated[
    bool | None,
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


def _afspraak(
    vorm: Vorm | None, start: str | None, frequentie: str | None, intensiteit: str | None, evaluatie_op: list[str] | None, toch: str | None = None
) -> Any:
    """What was agreed for a traject, from the options (`fase`, `toewijzen`); `toch`: why it
    departs from its form (light, medium)."""
    from leersteun.editing.trajectory import TrajectAfspraak

    return TrajectAfspraak(
        vorm=vorm,
        start=_datum_optie(start, "--start"),
        frequentie=frequentie,
        intensiteit=intensiteit,
        evaluatie_op=[_datum_optie(d, "--evaluatie-op") for d in evaluatie_op or []],
        toch=toch,
    )


TochVormOptie = Annotated[
    str | None,
    typer.Option("--toch", metavar="REDEN", help="Bij light of medium: waarom het toch buiten de vorm gaat (frequentie, duur); komt in de geschiedenis."),
]


JdnOptie = Annotated[JaDeelsNee | None, typer.Option(help="ja, deels of nee.", show_default=False)]


class _Terminal:
    """What the terminal adds to the engine's session (`bewerk.Sessie`): printing what happened
    (`zeg`) and committing the case file (`commit`)."""

    ook: tuple[Path, ...] = ()  # other files the change wrote (leersteun.yaml with a new team member)
    if TYPE_CHECKING:  # what it uses of the session
        map: "Dossiermap"
        instellingen: "Instellingen"
        pad: Path
        meldingen: list[str]

    def zeg(self) -> None:
        for melding in self.meldingen:
            print(melding)

    def commit(self, keuze: bool | None, boodschap: str, door: str | None = None) -> None:
        """Commit this case file (and `ook`), named by its id, when asked (or by default)."""
        _commit(self.map, self.instellingen, keuze, [self.pad, *self.ook], f"{self.pad.stem}: {boodschap}", door)


if TYPE_CHECKING:
    from leersteun.editing.bewerk import Sessie

    class TerminalSessie(_Terminal, Sessie):
        """The class `_terminal_sessie` makes on first use, as the type checker sees it."""


def _Sessie(naam: str) -> "TerminalSessie":  # noqa: N802 - reads as the class it makes
    """The engine's session on the case folder of this command, with what the terminal adds."""
    from leersteun.reading.folder import vandaag

    sessie: TerminalSessie = _terminal_sessie()(_dossiermap(), naam, vandaag())
    return sessie


@functools.cache
def _terminal_sessie() -> type:
    """Made on first use: `bewerk` imports the editing engine, too heavy for `--help`."""
    from leersteun.editing.bewerk import Sessie

    return type("TerminalSessie", (_Terminal, Sessie), {"__module__": __name__})


KlasOptie = Annotated[str | None, typer.Option("--klas", help="De klas waarin de leerling nu zit (bevestigt ze voor dit schooljaar).")]
