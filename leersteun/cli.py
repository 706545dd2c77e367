"""The `leersteun` command: parse, call a domain function, print.

Only typer is imported at module level so that `leersteun --help` stays fast; every
command imports what it needs. `LeersteunGroup.main` is the one place that maps
exceptions to exit codes: 0 ok, 1 user or data error, 2 usage, 130 interrupted.

No `from __future__ import annotations` here: typer would then eval every parameter's
annotation string at each start (about 40 ms of `leersteun --help`); names defined further
down are quoted instead ("CommitOptie").
"""


import functools
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from leersteun import datums
from leersteun.waarden import (
    Beslissing,
    BetrokkeneRol,
    DiplonStap,
    Domein,
    Fase,
    JaDeelsNee,
    Niveau,
    OverlegSoort,
    Periode,
    Reden,
    Typologie,
    VerslagSoort,
    VraagVan,
    Vorm,
)

if TYPE_CHECKING:
    from rich.console import Console

    from leersteun.folder import Dossiermap

HELP_TEKST = "Toon deze hulp en stop."


def _param_naam(param: Any) -> str:
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and opts:
        return max(opts, key=len)
    return (getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper()


def _gebruik_boodschap(e: Any) -> str:
    """A usage error in Dutch, built from the exception's fields (option, parameter, the
    pydantic error that typer wraps), never from its English text."""
    from typer._click import exceptions as ce

    if isinstance(e, ce.NoSuchOption):
        tekst = f"Onbekende optie: {e.option_name}."
        if e.possibilities:
            tekst += f" Bedoel je {' of '.join(sorted(e.possibilities))}?"
        return tekst
    if isinstance(e, ce.BadOptionUsage):
        opdracht = e.ctx.command if e.ctx else None
        vlag = any(e.option_name in getattr(p, "opts", []) and getattr(p, "is_flag", False) for p in getattr(opdracht, "params", []))
        if vlag:
            return f"De optie {e.option_name} krijgt geen waarde; schrijf alleen {e.option_name}."
        return f"De optie {e.option_name} heeft een waarde nodig."
    if isinstance(e, ce.MissingParameter):
        if getattr(e.param, "param_type_name", "") == "option":
            return f"De optie {_param_naam(e.param)} ontbreekt."
        return f"Het argument {_param_naam(e.param)} ontbreekt."
    if isinstance(e, ce.BadParameter):
        waar = _param_naam(e.param) if e.param is not None else "een waarde"
        oorzaak = e.__cause__
        fouten = oorzaak.errors() if hasattr(oorzaak, "errors") else []
        if not fouten:  # leersteun's own callbacks raise in Dutch
            return f"Ongeldige waarde voor {waar}: {e.message}"
        fout = fouten[0]
        soort, invoer, grenzen = fout.get("type"), fout.get("input"), fout.get("ctx") or {}
        from leersteun.tekst import label

        keuzes = getattr(getattr(e.param, "type_descriptor", None), "choices", None)
        if keuzes and soort == "value_error":
            return f"'{invoer}' past niet bij {waar}; kies uit: {', '.join(label(k) for k in keuzes)}."
        if soort in ("greater_than_equal", "greater_than"):
            return f"{waar} moet minstens {grenzen.get('ge', grenzen.get('gt'))} zijn (je gaf {invoer})."
        if soort in ("less_than_equal", "less_than"):
            return f"{waar} mag hoogstens {grenzen.get('le', grenzen.get('lt'))} zijn (je gaf {invoer})."
        if soort in ("int_parsing", "int_type", "int_from_float", "float_parsing"):
            return f"{waar} verwacht een getal; '{invoer}' is er geen."
        return f"'{invoer}' is geen geldige waarde voor {waar}."
    if isinstance(e, _TeVeelArgumenten):
        return f"Te veel argumenten: {' '.join(e.over)}. Zet een naam met spaties tussen aanhalingstekens."
    return e.format_message()  # typer's own texts, Dutch through the catalogue (leersteun.taal)


class _TeVeelArgumenten(UsageError):
    """More arguments than the command takes (click only says so in English text)."""

    def __init__(self, over: list[str], ctx: Any):
        super().__init__(" ".join(over), ctx)
        self.over = over


def _console(stderr: bool = False) -> "Console":
    """A rich console made when needed (never at import time: tests capture stdout)."""
    from rich.console import Console

    breedte = os.environ.get("LEERSTEUN_BREEDTE")
    return Console(
        file=sys.stderr if stderr else sys.stdout,
        width=int(breedte) if breedte and breedte.isdigit() else None,
        highlight=False,
        soft_wrap=False,
    )


def _meld_fout(boodschap: str) -> None:
    from rich.markup import escape

    # on a terminal: wrapped between words; in a pipe or a log: one line per message
    _console(stderr=True).print(f"[bold red]Fout:[/] {escape(boodschap)}", soft_wrap=not sys.stderr.isatty())


class _DutchHelp:
    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = HELP_TEKST
        return optie

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        stukken = " ".join(self.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
        stukken = stukken.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
        stukken = re.sub(r"\{([^{}]+)\}", r"\1", stukken)  # typer marks a required argument {LIKE_THIS}
        formatter.write_usage(ctx.command_path, stukken, prefix="Gebruik: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in getattr(self, "params", []):
            if getattr(param, "name", "") == "install_completion":
                param.help = "Installeer het aanvullen met Tab voor deze shell (bash, zsh, fish)."
            elif getattr(param, "name", "") == "show_completion":
                param.help = "Toon het script voor het aanvullen met Tab, om het zelf te installeren."
            if param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = _metavar(param)
        super().format_help(ctx, formatter)  # type: ignore[misc]


_METAVAR = {str: "TEKST", int: "GETAL", float: "GETAL", Path: "PAD"}


def _metavar(param: Any) -> str | None:
    """The Dutch placeholder of a parameter in help (click's public `metavar`): the
    choices as typed, or what kind of value; None leaves typer's own."""
    from leersteun.tekst import keuze, label

    beschrijving = getattr(param, "type_descriptor", None)
    if beschrijving is None:
        return None
    if beschrijving.is_choice:
        return "|".join(keuze(label(k)) for k in beschrijving.choices or ())
    soort = beschrijving.annotation
    if getattr(soort, "__origin__", None) is list:
        soort = soort.__args__[0]
    if soort in _METAVAR:
        naam = _METAVAR[soort]
        return naam if getattr(param, "param_type_name", "") == "option" else (param.name or naam).upper()
    return None


class LeersteunCommand(_DutchHelp, TyperCommand):
    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Arguments and options, as typer lists them, but an argument by its name alone
        (typer adds its Python type, <str>)."""
        from gettext import gettext as _

        argumenten, opties = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                naam = (param.metavar or param.name or "").upper()
                beschrijving = getattr(param, "type_descriptor", None)
                if beschrijving is not None and beschrijving.is_choice:
                    naam += " " + (_metavar(param) or "")
                argumenten.append((naam, record[1]))
            else:
                opties.append(record)
        for titel, rijen in ((_("Arguments"), argumenten), (_("Options"), opties)):
            if rijen:
                with formatter.section(titel):
                    formatter.write_dl(rijen)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.allow_extra_args = True  # told below, in Dutch and with the arguments as a field
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as e:
            e.ctx = e.ctx or ctx  # the parser raises some without it: the help hint names this command
            raise
        if ctx.args and not ctx.resilient_parsing:
            raise _TeVeelArgumenten(list(ctx.args), ctx)
        return rest


class LeersteunGroup(_DutchHelp, TyperGroup):
    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None, standalone_mode: bool = True, **extra: Any) -> Any:  # noqa: E501
        from typer._click import exceptions as click_exc

        from leersteun import taal
        from leersteun.errors import EXIT_GEBRUIK, EXIT_ONDERBROKEN

        taal.installeer()
        code = 0
        try:
            uitkomst = super().main(args=args, prog_name=prog_name or "leersteun", complete_var=complete_var, standalone_mode=False, **extra)
            code = uitkomst if isinstance(uitkomst, int) else 0
        except typer.Exit as e:
            code = e.exit_code
        except click_exc.NoArgsIsHelpError as e:
            print(e.ctx.get_help() if e.ctx else "")
            code = 0
        except click_exc.UsageError as e:
            opdracht = e.ctx.command_path if e.ctx else "leersteun"
            _meld_fout(_gebruik_boodschap(e))
            print(f"Hulp: {opdracht} --help", file=sys.stderr)
            code = EXIT_GEBRUIK
        except (typer.Abort, KeyboardInterrupt, EOFError) as e:
            if isinstance(e, EOFError) or isinstance(e.__cause__, EOFError):
                _meld_fout(
                    "Er ontbreekt invoer. Geef de gegevens als opties mee (zie --help) of start de opdracht in een terminal."
                )
                code = 1
            else:
                code = EXIT_ONDERBROKEN
        except Exception as e:  # noqa: BLE001 - the one place that turns errors into exit codes
            from leersteun.errors import Fout, OngeldigBestand

            if isinstance(e, OngeldigBestand) and e.bevindingen:
                for b in e.bevindingen:
                    print(b.als_tekst(), file=sys.stderr)
                _meld_fout(f"{e.pad} is niet geldig; er is niets gewijzigd. Verbeter het bestand en probeer opnieuw.")
                code = e.exit_code
            elif isinstance(e, Fout):
                _meld_fout(e.boodschap)
                code = e.exit_code
            elif isinstance(e, OSError) and not os.environ.get("LEERSTEUN_DEBUG"):
                from leersteun.store import niet_geschreven

                waar = f"{e.filename}: " if getattr(e, "filename", None) else ""
                _meld_fout(f"{waar}het systeem weigerde een bestandsbewerking; {niet_geschreven(e).removeprefix('niet bewaard: ')}")
                code = 1
            elif os.environ.get("LEERSTEUN_DEBUG"):
                raise
            else:
                _meld_fout(
                    f"onverwachte fout in leersteun ({type(e).__name__}). Dit is een fout in het programma, "
                    "niet in je gegevens. Meld het aan wie leersteun onderhoudt; met LEERSTEUN_DEBUG=1 "
                    "zie je de technische details."
                )
                code = 1
        if code == EXIT_ONDERBROKEN:  # typer turns Ctrl-C into a silent exit code 130
            print("\nOnderbroken. Wat al bewaard was, blijft bewaard.", file=sys.stderr)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=LeersteunGroup,
    name="leersteun",
    help="Dossiers van leersteun: valideren, trajecten, heropstart, doelen en overzichten.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "token_normalize_func": lambda t: _normaliseer(t)},
)


_ALIASSEN = {"sociaal-emotioneel": "socio-emotioneel", "zorgco": "zorgcoordinator", "zoco": "zorgcoordinator", "leerlingbegeleider": "zorgcoordinator"}


def _normaliseer(token: str) -> str:
    """Choices (and option and command names) as a person types them: capitals, accents,
    spaces, '-' and '_' do not matter ('Doelen bereikt' is doelen_bereikt, 'Type 2' is type 2,
    'zorgcoördinator' and 'zoco' are zorgcoordinator)."""
    from leersteun.tekst import keuze

    # '-' as the one separator: an option's own name (verslag-zichtbaar) is already in this
    # form, so click's messages show it as typed
    kern = keuze(token)
    return _ALIASSEN.get(kern, kern)


VOORBEELDEN = {
    "init": ["leersteun init leersteun-kempen --netwerk \"Leersteuncentrum Kempen-Noord\" --coordinatie info@wanteam.be", "leersteun init   (in de kloon van een collega)"],
    "nieuw": ["leersteun nieuw", "leersteun nieuw --vanuit mila --school \"Basisschool De Klimop\" --klas 5A --niveau lager --verslag GC --verslagdatum 10-12-2025 --diplon"],
    "lijst": ["leersteun lijst --fase ondersteuning", "leersteun lijst --ondersteuner pieter --json"],
    "toon": ["leersteun toon lotte"],
    "valideer": ["leersteun valideer", "leersteun valideer cases/KLM-2024-017.yaml --streng"],
    "fase": ["leersteun fase ella opstart --verslag-zichtbaar", "leersteun fase mats ondersteuning --frequentie wekelijks --intensiteit \"1 lesuur per week\" --opstartgesprek vandaag"],
    "evaluatie": ["leersteun evaluatie noah", "leersteun evaluatie jules --beslissing verderzetten --concreet ja --context deels --gedragen ja --fase-2-3 ja"],
    "betrokkene": ["leersteun betrokkene mats --rol klasleerkracht --naam \"Joris Van Aken\" --contact joris@klimop.example.be"],
    "overleg": ["leersteun overleg mats --soort opstartgesprek --met klasleerkracht,ouders", "leersteun overleg lena --soort school-clb --datum 20-11-2026"],
    "diplon": ["leersteun diplon olivia circqel"],
    "verslag": ["leersteun verslag noah --soort IAC --datum 20-11-2026 --ontbindende-voorwaarde 23-11-2026", "leersteun verslag ella --beslist vandaag"],
    "schooljaar": ["leersteun schooljaar 2027-2028 --klassen klassen.csv"],
    "overgang": ["leersteun overgang finn kleuter-lager --klas 1A", "leersteun overgang arthur lager-secundair"],
    "heropstart": ["leersteun heropstart lena", "leersteun heropstart lena --overleg-school-clb 20-11-2026 --antwoorden antwoorden.yaml"],
    "mail": ["leersteun mail lotte", "leersteun mail lotte --klas 6B --verstuur"],
    "toewijzen": ["leersteun toewijzen lotte \"Pieter Dewulf\"", "leersteun toewijzen lotte \"Els Maes\" --vorm light --start 1-12-2026"],
    "doel": ["leersteun doel finn", "leersteun doel arthur --doel D1 --bereikt deels --behouden \"Weekplanning op maandag.\""],
    "fiche": ["leersteun fiche arthur", "leersteun fiche arthur --formaat pdf"],
    "agenda": ["leersteun agenda --ondersteuner pieter", "leersteun agenda --weken 8 --ics out/agenda.ics"],
    "geschiedenis": ["leersteun geschiedenis lotte"],
    "delen": ["leersteun delen"],
    "conflict": ["leersteun conflict", "leersteun conflict noah", "leersteun conflict noah --kies hun"],
    "archief": ["leersteun archief", "leersteun archief --verwijder"],
    "overzicht": ["leersteun overzicht", "leersteun overzicht --week 48 --formaat xlsx"],
}


def opdracht(naam: str, **kwargs: Any) -> Any:
    voorbeelden = VOORBEELDEN.get(naam)
    if voorbeelden:  # \b keeps click from rewrapping the lines
        kwargs.setdefault("epilog", "\b\nVoorbeelden:\n" + "\n".join(f"  {v}" for v in voorbeelden))
    return app.command(naam, cls=LeersteunCommand, **kwargs)


_map_optie: Path | None = None


@app.callback()
def _hoofd(
    map_: Annotated[
        Optional[Path],
        typer.Option("--map", help="De dossiermap (standaard: de dichtstbijzijnde map met leersteun.yaml, of LEERSTEUN_MAP)."),
    ] = None,
    versie: Annotated[bool, typer.Option("--versie", help="Toon de versie en stop.", is_eager=True, callback=lambda w: _toon_versie(w))] = False,
) -> None:
    global _map_optie
    _map_optie = map_


def _toon_versie(waarde: bool) -> None:
    if waarde:
        from leersteun import __version__

        print(f"leersteun {__version__}")
        raise typer.Exit(0)


def _meld_ongeldige(gelezen: list[Any]) -> None:
    """Report every error of the cases that could not be used, with its position; exit 1."""
    if not gelezen:
        return
    for g in gelezen:
        for b in g.fouten:
            print(b.als_tekst(), file=sys.stderr)
    namen = ", ".join(g.pad.name for g in gelezen)
    _meld_fout(f"niet meegeteld, want ongeldig: {namen}. Verbeter de bestanden (zie hierboven) en probeer opnieuw.")
    raise typer.Exit(1)


def _dossiermap() -> "Dossiermap":
    from leersteun import dossiers
    from leersteun.folder import vind_map

    if sys.stdin.isatty() and sys.stdout.isatty():
        dossiers.KIES = _kies_dossier
    return vind_map(_map_optie)


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
    from leersteun.errors import GebruikFout
    from leersteun.folder import uitvoer_pad

    if pad is not None:
        uitvoer_pad(map_, pad, buiten_out, optie)
    elif buiten_out:
        raise GebruikFout(f"--buiten-out hoort bij {optie}; zonder {optie} komt het bestand in out/ of op het scherm.")


def _schrijf_uitvoer(map_: Any, pad: Path, inhoud: bytes, buiten_out: bool = False, optie: str = "--uit") -> Path:
    """Write generated output after checking where it goes (see `folder.uitvoer_pad`)."""
    from leersteun.errors import Fout
    from leersteun.folder import buiten_git_ignore_melding, uitvoer_pad
    from leersteun.store import schrijf_atomisch

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
    """Shell completion of a case: ids and first names that start with what was typed. A
    folder that cannot be read completes nothing (no message in the middle of typing)."""
    from leersteun.errors import Fout
    from leersteun.folder import vind_map
    from leersteun.snel import lees_alle
    from leersteun.tekst import normaal

    begin = normaal(incomplete)
    uit: dict[str, str] = {}
    try:
        for g in lees_alle(vind_map(_map_optie)):
            d = g.dossier
            if d is None:
                continue
            for kandidaat in (d.id, d.leerling.voornaam.lower(), d.leerling.naam.lower().replace(" ", "-")):
                if normaal(kandidaat).startswith(begin):
                    uit.setdefault(kandidaat, f"{d.leerling.volledige_naam} ({d.id})")
    except (Fout, OSError):
        return []
    return sorted(uit.items())


DossierArg = Annotated[
    str,
    typer.Argument(metavar="DOSSIER", help="Id of een deel van de naam van de leerling.", show_default=False, autocompletion=_voltooi_dossier),
]


# ---------------------------------------------------------------------------- init


@opdracht("init")
def init(
    map_: Annotated[Path, typer.Argument(metavar="MAP", help="Waar de nieuwe dossiermap komt (standaard: hier).", show_default=False)] = Path("."),
    netwerk: Annotated[Optional[str], typer.Option(help="Naam van het leersteuncentrum.")] = None,
    coordinatie: Annotated[Optional[str], typer.Option("--coordinatie", help="E-mailadres van de coördinatie.")] = None,
) -> None:
    """Maak een nieuwe dossiermap (leersteun.yaml, cases/, .gitignore, git), of richt een kloon in."""
    from leersteun.errors import Fout
    from leersteun.folder import INSTELLINGEN, maak_map, richt_kloon_in
    from leersteun.model import als_email

    if (map_ / INSTELLINGEN).exists():
        if netwerk is not None or coordinatie is not None:
            raise Fout(f"{map_ / INSTELLINGEN} bestaat al: dit is al een dossiermap; --netwerk en --coordinatie veranderen daar niets. Er is niets gewijzigd.")
        if not (map_ / ".git").exists():
            raise Fout(f"{map_ / INSTELLINGEN} bestaat al: dit is al een dossiermap. Er is niets gewijzigd.")
        for regel in richt_kloon_in(map_):
            print(f"  {regel}")
        print(f"Deze kloon van de dossiermap is klaar in {map_}; er is geen bestand uit git gewijzigd.")
        return
    from leersteun.errors import GebruikFout
    from leersteun.model import Naam

    if coordinatie is not None:
        try:
            coordinatie = als_email(coordinatie)
        except ValueError:  # pydantic's error, told in Dutch
            raise GebruikFout(f"--coordinatie '{coordinatie}' is geen e-mailadres; schrijf het als naam@voorbeeld.be.") from None
    netwerk = netwerk or _vraag("Naam van het leersteuncentrum")
    from pydantic import TypeAdapter

    try:
        netwerk = TypeAdapter(Naam).validate_python(netwerk)
    except ValueError:  # pydantic's error, told in Dutch
        raise GebruikFout("--netwerk: de naam van het leersteuncentrum past op één regel, zonder stuurtekens, en is hoogstens 200 tekens.") from None
    while coordinatie is None:
        kandidaat = _vraag("E-mailadres van de coördinatie")
        try:
            coordinatie = als_email(kandidaat)
        except ValueError:  # pydantic's error, told in Dutch below
            _console().print(f"'{kandidaat}' is geen e-mailadres; schrijf het als naam@voorbeeld.be.")
    for regel in maak_map(map_, netwerk, coordinatie):
        print(f"  {regel}")
    print(f"Dossiermap klaar in {map_}. Vul team en capaciteit aan in {map_ / INSTELLINGEN}.")


# ---------------------------------------------------------------------------- prompts


def _vraag(tekst: str, keuzes: list[str] | None = None, standaard: str | None = None, leeg: bool = False, uitleg: dict[str, str] | None = None) -> str:
    from leersteun.vragen import vraag

    return vraag(_console(), tekst, keuzes, standaard, leeg, uitleg)


def _vraag_datum(tekst: str, leeg: bool = False) -> Any:
    from leersteun.vragen import vraag_datum

    return vraag_datum(_console(), tekst, leeg)


def _datum_optie(waarde: str | None, optie: str) -> Any:
    """A date option as a teacher types it: 31-12-2025, 31/12/2025, 2025-12-31, vandaag, morgen."""
    if waarde is None:
        return None
    from leersteun import invoer
    from leersteun.errors import GebruikFout
    from leersteun.folder import vandaag

    try:
        return invoer.datum(waarde, vandaag())
    except ValueError as e:
        raise GebruikFout(f"{optie}: {e}.") from None


# ---------------------------------------------------------------------------- nieuw






@opdracht("nieuw")
def nieuw(
    voornaam: Annotated[Optional[str], typer.Option(help="Voornaam van de leerling.")] = None,
    naam: Annotated[Optional[str], typer.Option(help="Familienaam van de leerling.")] = None,
    klas: Annotated[Optional[str], typer.Option(help="Huidige klas, zoals 5B.")] = None,
    niveau: Annotated[Optional[Niveau], typer.Option(help="kleuter, lager of secundair.")] = None,
    geboortedatum: Annotated[Optional[str], typer.Option(help="Geboortedatum, bv. 11-02-2019.")] = None,
    school: Annotated[Optional[str], typer.Option(help="Naam van de school.")] = None,
    gemeente: Annotated[Optional[str], typer.Option(help="Gemeente van de school.")] = None,
    verslag: Annotated[Optional[VerslagSoort], typer.Option(help="Soort Verslag: GC, IAC of OV4.")] = None,
    verslagdatum: Annotated[Optional[str], typer.Option(help="Datum van het Verslag (bv. 10-12-2025).")] = None,
    typologie: Annotated[Optional[Typologie], typer.Option(help="Typologie van het Verslag: basisaanbod, 'type 2', 'type 3', 'type 9', ...")] = None,
    diplon: Annotated[
        Optional[bool], typer.Option("--diplon/--niet-in-diplon", help="Is het Verslag al zichtbaar in Diplon?")
    ] = None,
    ontbindende_voorwaarde: Annotated[
        Optional[str], typer.Option(help="Bij IAC/OV4: datum van inschrijving onder ontbindende voorwaarde.")
    ] = None,
    leervraag: Annotated[Optional[str], typer.Option("--leervraag", help="De hulp- of leervraag van de school.")] = None,
    vraag_van: Annotated[
        Optional[list[VraagVan]], typer.Option("--vraag-van", help="Van wie de vraag komt: leerkracht, zorg, ouders, clb, directie, andere (mag meermaals).")
    ] = None,
    al_geprobeerd: Annotated[Optional[list[str]], typer.Option("--al-geprobeerd", help="Wat de school al uitprobeerde (mag meermaals).")] = None,
    ankerpersoon: Annotated[Optional[str], typer.Option(help="De ankerpersoon van het dossier (standaard: die van de school).")] = None,
    clb: Annotated[Optional[str], typer.Option("--clb", help="De CLB-medewerker (standaard: die van de school).")] = None,
    vanuit: Annotated[
        Optional[str], typer.Option("--vanuit", metavar="DOSSIER", help="Nieuwe aanmelding na een afgesloten dossier (andere school, secundair): neemt de leerling over.")
    ] = None,
    toch: Annotated[
        Optional[str], typer.Option("--toch", metavar="REDEN", help="Maak het dossier ook als de leerling al een lopend dossier heeft (met de reden).")
    ] = None,
    dossier_id: Annotated[Optional[str], typer.Option("--id", help="Eigen id (standaard: schoolcode-jaar-nummer).")] = None,
    door: Annotated[Optional[str], typer.Option(help="Wie de aanmelding noteert (standaard: LEERSTEUN_GEBRUIKER of git user.name).")] = None,
    commit: "CommitOptie" = None,
    notitie: Annotated[Optional[str], typer.Option(help="Notitie bij de aanmelding.")] = None,
) -> None:
    """Maak een nieuw dossier in fase aanmelding (vraagt wat ontbreekt)."""
    from leersteun import dossiers, mensen
    from leersteun.errors import Fout
    from leersteun.folder import gebruiker, vandaag

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    ctx = dossiers.context(dag, inst)
    vorig = None
    if vanuit is not None:
        from leersteun.trajectory import REDEN_TEKST, afsluitreden

        vorig = dossiers.open_dossier(map_, vanuit, ctx)
        v = vorig.dossier
        if v.fase != Fase.afgesloten:
            raise Fout(
                f"Dossier {v.id} loopt nog (fase {v.fase}). Sluit het eerst af, zoals met 'leersteun overgang {v.id} andere-school' "
                f"of 'leersteun overgang {v.id} lager-secundair'; daarna volgt de nieuwe aanmelding."
            )
        if v.volgend_dossier:
            raise Fout(f"Na dossier {v.id} volgde al dossier {v.volgend_dossier}.")
        for optie, waarde in (("--voornaam", voornaam), ("--naam", naam), ("--geboortedatum", geboortedatum)):
            if waarde is not None:
                raise Fout(f"{optie} komt met --vanuit uit dossier {v.id}; laat de optie weg.")
        voornaam, naam = v.leerling.voornaam, v.leerling.naam
        reden = afsluitreden(v)
        _console().print(f"Nieuwe aanmelding voor {v.leerling.volledige_naam}, na {v.id}" + (f" ({REDEN_TEKST[reden]})." if reden else "."))
    interactief = sys.stdin.isatty() or voornaam is None

    voornaam = voornaam or _vraag("Voornaam van de leerling")
    naam = naam or _vraag("Familienaam van de leerling")
    klas = klas or _vraag("Klas (zoals 5B)")
    niveau_w = niveau.value if niveau else _vraag("Niveau", keuzes=[n.value for n in Niveau])
    if school is None:
        bekend = sorted({s.naam for s in inst.scholen} | ({s.naam for s in inst.capaciteit.scholen} if inst.capaciteit else set()))
        if bekend:
            _console().print("Scholen: " + "; ".join(bekend))
        school = _vraag("School")
    verslag_w = verslag.value if verslag else _vraag("Soort Verslag", keuzes=[v.value for v in VerslagSoort])
    v_datum = _datum_optie(verslagdatum, "--verslagdatum") or _vraag_datum("Datum van het Verslag")
    if typologie is None and interactief:
        gekozen = _vraag("Typologie van het Verslag (leeg als onbekend)", keuzes=[t.value for t in Typologie], leeg=True)
        typologie = Typologie(gekozen) if gekozen else None
    if typologie is not None and typologie not in inst.ondersteunde_typologieen:
        raise Fout(
            f"Een Verslag onder {typologie.value} ondersteunt dit centrum niet: de aanmelding gaat naar {inst.ander_centrum} "
            "(types 4, 6 en 7 gaan naar het specifieke leersteuncentrum). Er is geen dossier gemaakt."
        )
    if diplon is None:
        from leersteun.vragen import ja_nee

        diplon = ja_nee(_console(), "Is het Verslag al zichtbaar in Diplon?")
    ov = _datum_optie(ontbindende_voorwaarde, "--ontbindende-voorwaarde")
    if ov is None and verslag_w in ("IAC", "OV4") and ontbindende_voorwaarde is None and sys.stdin.isatty():
        ov = _vraag_datum("Ingeschreven onder ontbindende voorwaarde op", leeg=True)
    if leervraag is None and interactief:
        leervraag = _vraag("De hulp- of leervraag van de school (leeg als nog niet helder)", leeg=True) or None
        if leervraag and not vraag_van:
            from leersteun.checklist_ui import vraag_van_keuzes

            _console().print("Van wie komt de vraag?")
            vraag_van = [VraagVan(x) for x in vraag_van_keuzes(_console())]
        if leervraag and not al_geprobeerd:
            from leersteun.vragen import vraag_lijst

            al_geprobeerd = vraag_lijst(_console(), "Wat probeerde de school al uit?")
    elif leervraag is None:
        _geen_effect("ze horen bij de hulp- of leervraag: geef ook --leervraag", {"--vraag-van": vraag_van, "--al-geprobeerd": al_geprobeerd})
    wie = gebruiker(door) or (inst.afzender.naam if inst.afzender else None)
    if not wie:
        raise Fout("Wie noteert deze aanmelding? Geef --door NAAM, of zet LEERSTEUN_GEBRUIKER of git user.name.")
    geb = _datum_optie(geboortedatum, "--geboortedatum") or (vorig.dossier.leerling.geboortedatum if vorig else None)
    alle = dossiers.alle(map_)
    dubbel = dossiers.dubbels(alle, voornaam, naam, geb, school)
    if dubbel and not toch:
        lijst_ = "\n".join(f"  {d.id}  {d.leerling.volledige_naam} ({d.leerling.klas}, {d.school.naam}, fase {d.fase})" for d in dubbel)
        raise Fout(
            f"{voornaam} {naam} heeft al een dossier dat niet afgesloten is:\n{lijst_}\n"
            f"Werk in dat dossier verder (zoals 'leersteun toon {dubbel[0].id}'). Is dit echt een andere leerling of een "
            "tweede aanmelding, geef dan --toch \"reden\" mee. Er is niets gemaakt."
        )
    mensen_, anker_school, clb_school, gemeente_school = mensen.van_school(inst, school)
    if toch:
        notitie = f"{notitie or 'Aanmelding via Diplon.'} Ook gemaakt naast {', '.join(d.id for d in dubbel) or 'geen'}: {toch}"
    if vorig:
        notitie = notitie or f"Nieuwe aanmelding na {vorig.dossier.id}."
    data = dossiers.nieuw_dossier_data(
        case_id=dossier_id or dossiers.volgende_id(map_, school, dag.year),
        voornaam=voornaam,
        naam=naam,
        klas=klas,
        niveau=niveau_w,
        school=school,
        gemeente=gemeente or gemeente_school,
        geboortedatum=geb,
        verslag_soort=verslag_w,
        verslag_datum=v_datum,
        zichtbaar_in_diplon=bool(diplon),
        ontbindende_voorwaarde=ov,
        ankerpersoon=ankerpersoon or anker_school or (wie if wie in inst.teamnamen() else None),
        clb_medewerker=clb or clb_school,
        door=wie,
        vandaag=dag,
        notitie=notitie,
        typologie=typologie.value if typologie else None,
        betrokkenen=mensen_,
        leervraag=(
            {k: v for k, v in (("vraag", leervraag), ("van", [x.value for x in vraag_van or []]), ("al_geprobeerd", list(al_geprobeerd or []))) if v}
            if leervraag
            else None
        ),
        vorig_dossier=vorig.dossier.id if vorig else None,
    )
    pad = dossiers.maak_dossier(map_, data, ctx)
    from leersteun.store import toon

    print(f"Dossier {data['id']} gemaakt: {toon(pad)} (fase aanmelding).")
    if mensen_:
        from leersteun.waarden import ROL_TEKST

        print(f"Overgenomen van de school: {', '.join(b['naam'] + ' (' + ROL_TEKST[b['rol']] + ')' for b in mensen_)}.")
    bestanden = [pad]
    if vorig is not None:
        from leersteun.bewerk import pas_toe, zet_op_plaats

        def koppel(gegevens: Any, _d: Any) -> list[str]:
            zet_op_plaats(gegevens, "volgend_dossier", data["id"])
            return [f"Dossier {vorig.dossier.id} verwijst nu naar {data['id']}."]

        for regel in pas_toe(dossiers.lees_dossier(vorig.pad, ctx), ctx, koppel):
            print(regel)
        bestanden.append(vorig.pad)
    _commit(map_, inst, commit, bestanden, f"{data['id']}: nieuw dossier (aanmelding)", wie)


# ---------------------------------------------------------------------------- lijst, toon




def _bevat(veld: str | None, gezocht: str) -> bool:
    from leersteun.tekst import normaal

    return bool(veld) and normaal(gezocht) in normaal(veld or "")


@opdracht("lijst")
def lijst(
    fase: Annotated[Optional[list[Fase]], typer.Option(help="Alleen deze fase (mag meermaals).")] = None,
    school: Annotated[Optional[str], typer.Option(help="Alleen scholen waarvan de naam dit bevat.")] = None,
    ondersteuner: Annotated[
        Optional[str], typer.Option(help="Alleen dossiers van deze ondersteuner ('geen' voor niet toegewezen).")
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen.")] = False,
) -> None:
    """Toon de dossiers, gefilterd op fase, school of ondersteuner."""
    from leersteun import dossiers

    map_ = _dossiermap()
    dossiers.instellingen(map_)  # a broken leersteun.yaml stops here, with its position
    alle = dossiers.alle(map_)
    geldig = [g.dossier for g in alle if g.dossier is not None]
    met_fouten = [g for g in alle if g.fouten]
    fasen = {f.value for f in fase or []}
    gekozen = [
        d
        for d in geldig
        if (not fasen or d.fase in fasen)
        and (school is None or _bevat(d.school.naam, school))
        and (
            ondersteuner is None
            or (ondersteuner.strip().lower() == "geen" and not d.ondersteuner)
            or _bevat(d.ondersteuner, ondersteuner)
        )
    ]
    gekozen.sort(key=lambda d: d.id)
    if als_json:
        import json

        from leersteun.weergave import lijst_rij

        print(json.dumps([lijst_rij(d, anoniem) for d in gekozen], ensure_ascii=False, indent=2))
    else:
        from leersteun.weergave import lijst_tabel

        console = _console()
        if gekozen:
            console.print(lijst_tabel(gekozen, anoniem, console.width))
        meervoud = "dossier" if len(geldig) == 1 else "dossiers"
        filter_ = fasen or school or ondersteuner
        console.print(f"{len(gekozen)} van {len(geldig)} {meervoud}." if filter_ else f"{len(gekozen)} {meervoud}.")
    _meld_ongeldige(met_fouten)


@opdracht("toon")
def toon_(
    dossier: DossierArg,
) -> None:
    """Toon één dossier, leesbaar."""
    from leersteun import dossiers
    from leersteun.folder import vandaag
    from leersteun.weergave import toon_dossier

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    gevonden = dossiers.open_dossier(map_, dossier, dossiers.context(vandaag(), inst))
    assert gevonden.dossier is not None
    _console().print(toon_dossier(gevonden.dossier, vandaag()))
    for b in gevonden.bevindingen:
        print(b.als_tekst(), file=sys.stderr)


# ---------------------------------------------------------------------------- valideer


@opdracht("valideer")
def valideer(
    paden: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="PAD...", help="Dossiers of mappen (standaard: leersteun.yaml en alle dossiers).", show_default=False),
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    streng: Annotated[bool, typer.Option("--streng", help="Waarschuwingen tellen als fouten (voor een pre-commit hook).")] = False,
) -> None:
    """Controleer dossiers en leersteun.yaml; toont pad:regel:kolom: boodschap."""
    from leersteun import validatie

    resultaat = validatie.valideer(paden or [], _map_optie)
    fouten = [b for b in resultaat.bevindingen if b.is_fout or streng]
    if als_json:
        import json

        print(json.dumps(resultaat.als_dict(), ensure_ascii=False, indent=2))
    else:
        for b in resultaat.bevindingen:
            print(b.als_tekst())
        print(resultaat.samenvatting(), file=sys.stderr)
    if fouten:
        raise typer.Exit(1)


# ---------------------------------------------------------------------------- trajectory


def _wie(door: str | None, datum: str | None, notitie: str | None) -> Any:
    from leersteun.errors import Fout
    from leersteun.folder import gebruiker, vandaag
    from leersteun.trajectory import Wie

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
    from leersteun import gitops
    from leersteun.errors import Fout

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
    from leersteun.errors import GebruikFout

    gegeven = [naam for naam, waarde in opties.items() if waarde not in (None, False, [], ())]
    if gegeven:
        werkwoord = "heeft" if len(gegeven) == 1 else "hebben"
        raise GebruikFout(f"{', '.join(gegeven)} {werkwoord} hier geen effect: {waarom}. Er is niets gewijzigd.")


def _afspraak(vorm: Vorm | None, start: str | None, frequentie: str | None, intensiteit: str | None, evaluatie_op: list[str] | None) -> Any:
    """What was agreed for a traject, from the options (`fase`, `toewijzen`)."""
    from leersteun.trajectory import TrajectAfspraak

    return TrajectAfspraak(
        vorm=vorm,
        start=_datum_optie(start, "--start"),
        frequentie=frequentie,
        intensiteit=intensiteit,
        evaluatie_op=[_datum_optie(d, "--evaluatie-op") for d in evaluatie_op or []],
    )


# Per (from, to) of `leersteun fase`: the options that mean something there.
_FASE_OPTIES = {
    ("aanmelding", "opstart"): {"--verslag-zichtbaar"},
    ("heropstart", "opstart"): {"--vorm", "--start", "--frequentie", "--intensiteit", "--evaluatie-op"},
    ("opstart", "ondersteuning"): {
        "--vorm", "--start", "--frequentie", "--intensiteit", "--evaluatie-op", "--ondersteuner", "--opstartgesprek", "--leervraag",
    },
    ("heropstart", "ondersteuning"): {"--vorm", "--start", "--frequentie", "--intensiteit", "--evaluatie-op"},
    ("aanmelding", "afgesloten"): {"--reden"},
    ("opstart", "afgesloten"): {"--reden"},
    ("ondersteuning", "afgesloten"): {"--reden"},
    ("afgesloten", "heropstart"): {"--overleg-school-clb"},
}  # fmt: skip


@opdracht("fase")
def fase_(
    dossier: DossierArg,
    naar: Annotated[Fase, typer.Argument(metavar="NAAR", help="De nieuwe fase.", show_default=False)],
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    door: DoorOptie = None,
    reden: Annotated[Optional[Reden], typer.Option(help="Bij afgesloten: de reden.")] = None,
    verslag_zichtbaar: Annotated[
        bool, typer.Option("--verslag-zichtbaar", help="Bij opstart: het Verslag is nu zichtbaar in Diplon.")
    ] = False,
    frequentie: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: afgesproken frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: afgesproken intensiteit.")] = None,
    start: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Bij ondersteuning: start van het traject (standaard: --datum).")] = None,
    vorm: Annotated[
        Optional[Vorm], typer.Option(help="Vorm van het traject: regulier (standaard na opstart); na een heropstart light, medium of nieuw.")
    ] = None,
    evaluatie_op: Annotated[
        Optional[list[str]], typer.Option("--evaluatie-op", metavar="DATUM", help="Afgesproken evaluatiemoment (mag meermaals; light: standaard na 4 weken).")
    ] = None,
    ondersteuner: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: de ondersteuner.")] = None,
    opstartgesprek: Annotated[
        Optional[str], typer.Option("--opstartgesprek", metavar="DATUM", help="Bij ondersteuning: datum van het opstartgesprek (als het nog niet genoteerd is).")
    ] = None,
    leervraag: Annotated[Optional[str], typer.Option("--leervraag", help="Bij ondersteuning: de hulp- of leervraag van de school.")] = None,
    overleg_school_clb: Annotated[
        Optional[str], typer.Option("--overleg-school-clb", metavar="DATUM", help="Bij heropstart: datum van het overleg tussen school en CLB.")
    ] = None,
    commit: "CommitOptie" = None,
) -> None:
    """Zet een dossier in een volgende fase, volgens de regels van het traject."""
    from leersteun.trajectory import naar_fase

    wie = _wie(door, datum, notitie)
    afspraak = _afspraak(vorm, start, frequentie, intensiteit, evaluatie_op)
    opties = {
        "--reden": reden, "--verslag-zichtbaar": verslag_zichtbaar, "--frequentie": frequentie, "--intensiteit": intensiteit,
        "--start": start, "--vorm": vorm, "--evaluatie-op": evaluatie_op, "--ondersteuner": ondersteuner,
        "--opstartgesprek": opstartgesprek, "--leervraag": leervraag, "--overleg-school-clb": overleg_school_clb,
    }  # fmt: skip

    def bewerking(data: Any, d: Any) -> list[str]:
        from leersteun.trajectory import OVERGANGEN

        if naar not in OVERGANGEN[d.fase]:  # the rule of the trajectory speaks first
            return naar_fase(data, d, naar, wie)
        toegestaan = _FASE_OPTIES.get((d.fase.value, naar.value), set())
        _geen_effect(f"ze horen niet bij de stap van {d.fase.value} naar {naar.value}", {k: v for k, v in opties.items() if k not in toegestaan})
        return naar_fase(
            data,
            d,
            naar,
            wie,
            reden=reden,
            afspraak=afspraak,
            ondersteuner=ondersteuner,
            verslag_zichtbaar=verslag_zichtbaar,
            opstartgesprek=_datum_optie(opstartgesprek, "--opstartgesprek"),
            leervraag=leervraag,
            overleg_school_clb=_datum_optie(overleg_school_clb, "--overleg-school-clb"),
        )

    _wijzig(dossier, bewerking, commit, f"fase {naar.value}", wie.door)


JdnOptie = Annotated[Optional[JaDeelsNee], typer.Option(help="ja, deels of nee.", show_default=False)]


@opdracht("evaluatie")
def evaluatie_(
    dossier: DossierArg,
    beslissing: Annotated[Optional[Beslissing], typer.Option(help="verderzetten of afsluiten (gevraagd als het ontbreekt).")] = None,
    reden: Annotated[Optional[Reden], typer.Option(help="Bij afsluiten: de reden.")] = None,
    wat_neemt_school_mee: Annotated[Optional[str], typer.Option(help="Wat neemt de school mee bij het afronden?")] = None,
    kansen: Annotated[Optional[str], typer.Option(help="Waar liggen volgens de school nog kansen?")] = None,
    frequentie: Annotated[Optional[str], typer.Option(help="Bij verderzetten: bijgestuurde frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Bij verderzetten: bijgestuurde intensiteit.")] = None,
    volgende: Annotated[
        Optional[list[str]], typer.Option("--volgende", metavar="DATUM", help="Bij verderzetten: volgend evaluatiemoment (mag meermaals).")
    ] = None,
    concreet: Annotated[Optional[JaDeelsNee], typer.Option("--concreet", help="Vier vragen: zijn de doelen concreet en werkbaar?")] = None,
    context: Annotated[Optional[JaDeelsNee], typer.Option("--context", help="Vier vragen: versterken de doelen de school (context, leerkracht)?")] = None,
    gedragen: Annotated[Optional[JaDeelsNee], typer.Option("--gedragen", help="Vier vragen: gedragen door alle schoolse partners?")] = None,
    fase_2_3: Annotated[Optional[JaDeelsNee], typer.Option("--fase-2-3", help="Vier vragen: binnen fase 2/3 van het zorgcontinuüm?")] = None,
    toelichting: Annotated[Optional[str], typer.Option("--toelichting", help="Vier vragen: toelichting bij de antwoorden.")] = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Bewaar een evaluatie: verderzetten of afsluiten, met de vier vragen na vier maanden."""
    from leersteun.trajectory import REDEN_TEKST, evaluatie

    wie = _wie(door, datum, notitie)
    interactief = beslissing is None
    vier: dict[str, Any] | None = None
    gegeven = {"doelen_concreet": concreet, "doelen_context": context, "gedragen": gedragen, "zorgcontinuum_fase_2_3": fase_2_3}
    if any(v is not None for v in gegeven.values()):
        vier = {k: ((v.value, None) if v is not None else None) for k, v in gegeven.items()}
        vier["toelichting"] = toelichting
    elif toelichting:
        from leersteun.errors import GebruikFout

        raise GebruikFout("--toelichting hoort bij de vier vragen (--concreet, --context, --gedragen, --fase-2-3).")
    sessie = _Sessie(dossier)  # read once: for the questions and for the edit
    if interactief and vier is None and _vier_vragen_open(sessie.gelezen.dossier, wie.datum):
        vier = _vraag_vier_vragen()
    keuze = beslissing or Beslissing(_vraag("Beslissing", keuzes=[b.value for b in Beslissing]))
    reden_w = reden
    if keuze == Beslissing.afsluiten:
        if reden_w is None and interactief:
            reden_w = Reden(_vraag("Reden", keuzes=[r.value for r in Reden], uitleg={r.value: REDEN_TEKST[r] for r in Reden}))
        if interactief:
            wat_neemt_school_mee = wat_neemt_school_mee or _vraag("Wat neemt de school mee bij het afronden?", leeg=True) or None
            kansen = kansen or _vraag("Waar liggen volgens jullie nog kansen?", leeg=True) or None
    elif interactief and not volgende:
        moment = _vraag_datum("Volgend evaluatiemoment", leeg=True)
        volgende = [moment.isoformat()] if moment else None
    sessie.bewaar(
        lambda data, d: evaluatie(
            data,
            d,
            wie,
            keuze,
            reden=reden_w,
            wat_neemt_school_mee=wat_neemt_school_mee,
            kansen=kansen,
            frequentie=frequentie,
            intensiteit=intensiteit,
            volgende=[_datum_optie(v, "--volgende") for v in volgende or []],
            vier_vragen=vier,
        )
    )
    sessie.zeg()
    sessie.commit(commit, f"evaluatie ({keuze.value})", wie.door)


def _vier_vragen_open(d: Any, dag: Any) -> bool:
    """Is the evaluation after four months still to be done (due within a month)?"""
    import datetime as dt

    from leersteun.deadlines import Soort, deadlines

    return any(x.soort == Soort.vier_maanden and x.datum <= dag + dt.timedelta(days=31) for x in deadlines(d, dag))


def _vraag_vier_vragen() -> dict[str, Any]:
    from leersteun.heropstart import VRAAG
    from leersteun.model import VIER_VRAGEN

    console = _console()
    console.print("[bold]De vier vragen na vier maanden ondersteuning[/] (ja, deels of nee; een toelichting mag leeg blijven)")
    uit: dict[str, Any] = {}
    for sleutel in VIER_VRAGEN:
        v = VRAAG[sleutel]
        console.print(f"\n{v.vraag}", soft_wrap=True)
        antwoord = _vraag("Antwoord", keuzes=[j.value for j in JaDeelsNee])
        uitleg = _vraag("Toelichting", leeg=True) or None
        uit[sleutel] = (antwoord, uitleg)
    uit["toelichting"] = None
    return uit


@opdracht("betrokkene")
def betrokkene_(
    dossier: DossierArg,
    rol: Annotated[BetrokkeneRol, typer.Option(help="klasleerkracht, zorgcoordinator, directie, ouders, clb of andere.", show_default=False)],
    naam: Annotated[str, typer.Option(help="Naam van de persoon (bij ouders: zoals ze genoemd willen worden).", show_default=False)],
    contact: Annotated[Optional[str], typer.Option(help="E-mailadres of telefoonnummer.")] = None,
    notitie: Annotated[Optional[str], typer.Option(help="Een korte notitie, zoals 'op dinsdag niet op school'.")] = None,
    weg: Annotated[bool, typer.Option("--weg", help="Verwijder deze persoon uit het dossier.")] = False,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Voeg iemand toe rond een dossier, werk het contact bij, of haal iemand weg (--weg)."""
    from leersteun import mensen
    from leersteun.model import als_contact

    if weg:
        _geen_effect("--weg verwijdert de persoon", {"--contact": contact, "--notitie": notitie})
    elif contact is not None:
        try:
            contact = als_contact(contact)
        except ValueError:  # pydantic's error, told in Dutch
            from leersteun.errors import GebruikFout

            raise GebruikFout(f"--contact '{contact}' is geen e-mailadres of telefoonnummer; schrijf het als naam@school.be of 014 12 34 56.") from None
    wie = _wie(door, None, None)
    if weg:
        _wijzig(dossier, lambda data, d: mensen.verwijder_betrokkene(data, d, rol.value, naam), commit, f"betrokkene weg ({rol.value})", wie.door)
    else:
        _wijzig(dossier, lambda data, d: mensen.zet_betrokkene(data, d, rol.value, naam, contact, notitie), commit, f"betrokkene ({rol.value})", wie.door)


@opdracht("overleg")
def overleg_(
    dossier: DossierArg,
    soort: Annotated[
        OverlegSoort, typer.Option(help="opstartgesprek, evaluatiegesprek, school-clb, overdracht, observatie of andere.", show_default=False)
    ],
    met: Annotated[
        Optional[str], typer.Option(metavar="ROL,ROL", help="Wie er was, als rollen: klasleerkracht, zorgcoordinator, directie, ouders, clb, ondersteuner, ankerpersoon, vorige_ondersteuner, leerling, andere.")
    ] = None,
    volgende: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Plan het volgende overleg van deze soort (komt in de agenda).")] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", metavar="DATUM", help="Datum van het overleg (standaard: vandaag).")] = None,
    notitie: Annotated[Optional[str], typer.Option("--notitie", help="Wat er besproken en afgesproken werd.")] = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een overleg rond een dossier: opstartgesprek, evaluatiegesprek, school-CLB, overdracht, ..."""
    from leersteun import mensen
    from leersteun.errors import GebruikFout
    from leersteun.waarden import OverlegRol

    rollen: list[str] = []
    for deel in (met or "").replace(";", ",").split(","):
        deel = _normaliseer(deel).replace("-", "_")
        if not deel:
            continue
        if deel not in {r.value for r in OverlegRol}:
            raise GebruikFout(f"--met: '{deel}' is geen rol; kies uit {', '.join(r.value for r in OverlegRol)}.")
        if deel not in rollen:
            rollen.append(deel)
    wie = _wie(door, datum, notitie)
    plan = _datum_optie(volgende, "--volgende")
    _wijzig(dossier, lambda data, d: mensen.noteer_overleg(data, d, wie, soort, rollen, plan), commit, f"overleg ({soort.value})", wie.door)


@opdracht("diplon")
def diplon_(
    dossier: DossierArg,
    stap: Annotated[DiplonStap, typer.Argument(metavar="STAP", help="circqel, inzage, evaluatie, afsluiting of heropend.", show_default=False)],
    datum: DatumOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Noteer dat een stap in Diplon gedaan is (CirCQel, inzage, evaluatie, afsluiting, heropend)."""
    from leersteun.diplon import markeer
    from leersteun.folder import vandaag

    wie = _wie(door, datum, None)
    dag = vandaag()
    _wijzig(dossier, lambda data, d: markeer(data, d, wie, stap, dag), commit, f"Diplon: {stap.value}", wie.door)


@opdracht("verslag")
def verslag_(
    dossier: DossierArg,
    soort: Annotated[Optional[VerslagSoort], typer.Option(help="Een nieuw Verslag: GC, IAC of OV4 (met --datum).")] = None,
    typologie: Annotated[Optional[Typologie], typer.Option(help="Typologie van het nieuwe Verslag: basisaanbod, 'type 2', ...")] = None,
    ontbindende_voorwaarde: Annotated[
        Optional[str], typer.Option("--ontbindende-voorwaarde", metavar="DATUM", help="Bij IAC/OV4: ingeschreven onder ontbindende voorwaarde op.")
    ] = None,
    beslist_op: Annotated[
        Optional[str], typer.Option("--beslist", metavar="DATUM", help="De school besliste over de ontbindende voorwaarde op deze dag.")
    ] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", metavar="DATUM", help="Met --soort: datum van het nieuwe Verslag.")] = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een nieuw of gewijzigd Verslag, of de beslissing van de school binnen de 60 dagen."""
    from leersteun import verslag as vs
    from leersteun.errors import GebruikFout

    if (soort is None) == (beslist_op is None):
        raise GebruikFout("Geef een nieuw Verslag (--soort en --datum) of de beslissing van de school (--beslist DATUM), niet allebei.")
    if beslist_op is not None:
        _geen_effect(
            "ze horen bij een nieuw Verslag (--soort)",
            {"--typologie": typologie, "--ontbindende-voorwaarde": ontbindende_voorwaarde, "--datum": datum},
        )
        wie = _wie(door, beslist_op, notitie)
        _wijzig(dossier, lambda data, d: vs.beslist(data, d, wie), commit, "beslissing ontbindende voorwaarde", wie.door)
        return
    if datum is None:
        raise GebruikFout("Geef de datum van het nieuwe Verslag met --datum DATUM, bv. --datum 20-11-2026.")
    verslagdatum = _datum_optie(datum, "--datum")
    wie = _wie(door, None, notitie)
    ov = _datum_optie(ontbindende_voorwaarde, "--ontbindende-voorwaarde")
    assert soort is not None
    sessie = _Sessie(dossier)
    sessie.bewaar(lambda data, d: vs.nieuw_verslag(data, d, wie, sessie.instellingen, soort, verslagdatum, typologie, ov))
    sessie.zeg()
    sessie.commit(commit, f"nieuw Verslag ({soort.value})", wie.door)


@opdracht("schooljaar")
def schooljaar_(
    jaar: Annotated[str, typer.Argument(metavar="JJJJ-JJJJ", help="Het nieuwe schooljaar, zoals 2027-2028.", show_default=False)],
    klassen: Annotated[
        Optional[Path], typer.Option("--klassen", metavar="BESTAND", help="CSV van de school: per regel id;klas of id,klas (met of zonder kopregel).")
    ] = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """De jaarlijkse overgang: nieuwe klassen, overgangen en eindgesprekken van het schooljaar."""
    from leersteun import dossiers
    from leersteun import schooljaar as sj
    from leersteun.bewerk import pas_toe
    from leersteun.errors import Fout
    from leersteun.store import lees_tekst, toon

    nieuw_jaar = sj.lees_schooljaar(jaar)
    wie = _wie(door, None, None)
    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(wie.datum, inst)
    alle = dossiers.alle(map_)
    _meld_ongeldige([g for g in alle if g.fouten])
    lopend = [g for g in sorted(alle, key=lambda g: g.id) if g.dossier is not None and g.dossier.fase != Fase.afgesloten]
    gegeven: dict[str, str] | None = None
    if klassen is not None:
        gegeven = sj.lees_klassen(lees_tekst(klassen), toon(klassen))
        bekend = {g.id for g in alle}
        onbekend = sorted(set(gegeven) - bekend)
        if onbekend:
            raise Fout(f"{toon(klassen)} noemt dossiers die niet bestaan: {', '.join(onbekend)}. Verbeter het bestand; er is niets gewijzigd.")
        afgesloten = sorted(i for i in gegeven if i not in {g.id for g in lopend})
        if afgesloten:
            print(f"Niet aangepast (afgesloten dossier): {', '.join(afgesloten)}.", file=sys.stderr)
    console = _console()
    console.print(f"[bold]Schooljaar {nieuw_jaar}[/]: {len(lopend)} lopende dossiers.")
    laatste_jaar = {g.id: sj.laatste_jaar(g.dossier) for g in lopend}
    gewijzigd: list[Path] = []
    for g in lopend:
        d = g.dossier
        if gegeven is not None:
            klas = gegeven.get(d.id)
        else:
            klas = _vraag(f"Klas van {d.leerling.volledige_naam} ({d.id}) in {nieuw_jaar} (nu {d.leerling.klas}; leeg = nog niet gekend)", leeg=True) or None
        if not klas:
            continue
        for regel in pas_toe(dossiers.lees_dossier(g.pad, ctx), ctx, lambda data, dd, klas=klas: sj.zet_klas(data, dd, wie, klas, nieuw_jaar)):
            print(regel)
            gewijzigd.append(g.pad)
    na = [dossiers.lees_dossier(g.pad, ctx).dossier for g in lopend]
    _toon_rollover(console, nieuw_jaar, lopend, na, laatste_jaar)
    if gewijzigd:
        _commit(map_, inst, commit, gewijzigd, f"schooljaar {nieuw_jaar}: klas van {len(gewijzigd)} dossier(s)", wie.door)


def _toon_rollover(console: Any, nieuw_jaar: str, lopend: list[Any], na: list[Any], laatste_jaar: dict[str, str | None]) -> None:
    from rich.table import Table

    from leersteun import schooljaar as sj

    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    for kolom in ("dossier", "leerling", "school", "klas", "bevestigd voor"):
        tabel.add_column(kolom, overflow="fold")
    for d in na:
        tabel.add_row(d.id, d.leerling.volledige_naam, d.school.naam, d.leerling.klas, d.leerling.klas_schooljaar or "–")
    console.print(tabel)
    console.print("\n[bold underline]Wat het nieuwe schooljaar vraagt[/]")
    overgangen = [(d, laatste_jaar[d.id]) for d in na if laatste_jaar.get(d.id)]
    console.print("[bold]Overgangen[/] (laatste jaar van kleuter of lager):" if overgangen else "Geen overgangen van kleuter of lager.")
    for d, soort in overgangen:
        console.print(f"  {d.id}  {d.leerling.volledige_naam}: {sj.overgang_uitleg(soort, d)}", soft_wrap=True)
    vorig = sj.vorig_schooljaar(nieuw_jaar)
    zonder = [d for d in na if d.fase == Fase.ondersteuning and not sj.eindgesprek_gehouden(d, vorig)]
    console.print(f"[bold]Zonder evaluatiegesprek op het einde van {vorig}:[/]" if zonder else f"Elke lopende ondersteuning had een eindgesprek in {vorig}.")
    for d in zonder:
        console.print(f"  {d.id}  {d.leerling.volledige_naam}: plan het met 'leersteun overleg {d.id} --soort evaluatiegesprek'", soft_wrap=True)
    zonder_klas = [d for d in na if d.leerling.klas_schooljaar != nieuw_jaar]
    console.print(f"[bold]Nog zonder klas voor {nieuw_jaar}:[/]" if zonder_klas else f"Elke lopende leerling heeft een klas voor {nieuw_jaar}.")
    for d in zonder_klas:
        console.print(f"  {d.id}  {d.leerling.volledige_naam} (nu {d.leerling.klas})")


class OvergangKeuze(str, Enum):
    kleuter_lager = "kleuter-lager"
    lager_secundair = "lager-secundair"
    andere_school = "andere-school"


@opdracht("overgang")
def overgang_(
    dossier: DossierArg,
    soort: Annotated[OvergangKeuze, typer.Argument(metavar="OVERGANG", help="kleuter-lager, lager-secundair of andere-school.", show_default=False)],
    klas: Annotated[Optional[str], typer.Option(help="Bij kleuter-lager: de nieuwe klas.")] = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Een overgang: kleuter naar lager (loopt verder), lager naar secundair of andere school (sluit af)."""
    from leersteun.trajectory import overgang

    wie = _wie(door, datum, notitie)
    if soort != OvergangKeuze.kleuter_lager:
        _geen_effect("de nieuwe klas hoort alleen bij kleuter-lager", {"--klas": klas})
    _wijzig(dossier, lambda data, d: overgang(data, d, soort.value, wie, klas=klas), commit, f"overgang {soort.value}", wie.door)


# ---------------------------------------------------------------------------- heropstart


def _Sessie(naam: str) -> Any:  # noqa: N802 - reads as the class it makes
    """The engine's session (`bewerk.Sessie`) on the case folder of this command, with what the
    terminal adds: printing what happened (`zeg`) and committing the case file (`commit`)."""
    from leersteun.folder import vandaag

    return _terminal_sessie()(_dossiermap(), naam, vandaag())


@functools.cache
def _terminal_sessie() -> Any:
    """Made on first use: `bewerk` imports the editing engine, too heavy for `--help`."""
    from leersteun.bewerk import Sessie

    class TerminalSessie(Sessie):
        def zeg(self) -> None:
            for melding in self.meldingen:
                print(melding)

        def commit(self, keuze: bool | None, boodschap: str, door: str | None = None) -> None:
            """Commit this case file alone, named by its id, when asked (or by default)."""
            _commit(self.map, self.instellingen, keuze, [self.pad], f"{self.pad.stem}: {boodschap}", door)

    return TerminalSessie


@opdracht("heropstart")
def heropstart_(
    dossier: DossierArg,
    antwoorden: Annotated[
        Optional[Path], typer.Option("--antwoorden", metavar="BESTAND", help="Vul de checklist in zonder vragen, uit een YAML-bestand.")
    ] = None,
    opnieuw: Annotated[bool, typer.Option("--opnieuw", help="Begin de checklist opnieuw (na bevestiging).")] = False,
    ja: Annotated[bool, typer.Option("--ja", help="Met --opnieuw: bevestig zonder te vragen.")] = False,
    overleg_school_clb: Annotated[
        Optional[str], typer.Option("--overleg-school-clb", metavar="DATUM", help="Datum van het overleg tussen school en CLB (gevraagd als het ontbreekt).")
    ] = None,
    klas: "KlasOptie" = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """De checklist voor een heropstart: vraag per vraag, elk antwoord meteen bewaard."""
    from leersteun import heropstart as hs
    from leersteun.checks import valideer_model
    from leersteun.errors import Fout, OngeldigBestand
    from leersteun.model import Uitkomst
    from leersteun.store import lees, toon
    from leersteun.trajectory import naar_fase

    wie = _wie(door, datum, notitie)
    if not opnieuw:
        _geen_effect("--ja bevestigt alleen --opnieuw", {"--ja": ja})
    sessie = _Sessie(dossier)
    d = sessie.gelezen.dossier
    assert d is not None
    if d.fase != Fase.afgesloten:
        _geen_effect(
            f"de heropstart van {d.id} is al gestart; het overleg en de notitie horen bij de start",
            {"--overleg-school-clb": overleg_school_clb, "--notitie": notitie},
        )

    gegeven = None
    if antwoorden is not None:  # check the whole answers file before changing anything
        bestand = lees(antwoorden)
        gegeven, bevindingen = valideer_model(bestand, hs.antwoorden_model())
        if gegeven is None:
            raise OngeldigBestand(toon(antwoorden), bevindingen)

    if d.fase == Fase.afgesloten:
        from leersteun.trajectory import afgesloten_op, kan_heropstarten, overleg_sinds
        from leersteun.waarden import OverlegSoort

        waarom = kan_heropstarten(d)
        if waarom:
            raise Fout(waarom)
        overleg = _datum_optie(overleg_school_clb, "--overleg-school-clb")
        if overleg is None and overleg_sinds(d, OverlegSoort.school_clb, afgesloten_op(d)) is None and antwoorden is None:
            overleg = _vraag_datum("Een heropstart kan pas na een overleg tussen school en CLB. Wanneer vond het plaats")
        sessie.bewaar(lambda data, dd: naar_fase(data, dd, Fase.heropstart, wie, overleg_school_clb=overleg))
        print(f"Heropstart gestart voor {d.id}, na het overleg tussen school en CLB.")
    elif d.fase != Fase.heropstart:
        raise Fout(f"Dossier {d.id} staat in fase {d.fase}; een heropstart kan alleen vanuit afgesloten.")

    if opnieuw:
        from leersteun.vragen import ja_nee

        if not ja and not ja_nee(_console(), "Alle antwoorden van deze checklist wissen en opnieuw beginnen?"):
            print("Er is niets gewijzigd.")
            return
        sessie.bewaar(hs.opnieuw)
        sessie.zeg()

    _bevestig_klas(sessie, wie, klas, gegeven is None)
    if gegeven is not None:
        sessie.bewaar(lambda data, dd: hs.vul_in(data, dd, wie, gegeven))
        sessie.zeg()
        sessie.commit(commit, f"checklist heropstart ingevuld ({gegeven.uitkomst.value})", wie.door)
        return

    from leersteun import dossiers as ds
    from leersteun.checklist_ui import doorloop

    andere = [g.dossier for g in ds.alle(sessie.map) if g.dossier is not None]
    uitkomst = doorloop(_console(), sessie.gelezen, sessie.bewaar, andere, wie)
    sessie.zeg()
    sessie.commit(commit, f"checklist heropstart ({uitkomst.value if uitkomst else 'open'})", wie.door)
    h = sessie.gelezen.dossier.laatste_heropstart if sessie.gelezen.dossier else None
    if uitkomst == Uitkomst.heropstart and h is not None and h.mail is None:
        from leersteun.vragen import ja_nee

        if ja_nee(_console(), "Nu de mail aan de coördinatie maken?", standaard=True):
            _maak_mail(sessie, wie)
            sessie.commit(commit, "vraag tot heropstart aangemaakt", wie.door)


def _bevestig_klas(sessie: _Sessie, wie: Any, klas: str | None, vragen: bool) -> None:
    """The mail must name the pupil's class of now: warn when it was not confirmed in this
    school year, and offer to update it (or take --klas)."""
    from leersteun import schooljaar as sj
    from leersteun.folder import vandaag
    from leersteun.model import schooljaar_van

    d = sessie.gelezen.dossier
    jaar = schooljaar_van(vandaag())
    if klas is None:
        waarschuwing = sj.klas_waarschuwing(d, vandaag())
        if waarschuwing is None:
            return
        print(f"Let op: {waarschuwing}", file=sys.stderr)
        if not vragen:
            print("Geef de klas van nu mee met --klas KLAS.", file=sys.stderr)
            return
        klas = _vraag(f"In welke klas zit {d.leerling.voornaam} nu?", standaard=d.leerling.klas)
    sessie.bewaar(lambda data, dd: sj.zet_klas(data, dd, wie, klas, jaar))
    sessie.zeg()


KlasOptie = Annotated[Optional[str], typer.Option("--klas", help="De klas waarin de leerling nu zit (bevestigt ze voor dit schooljaar).")]


def _maak_mail(sessie: _Sessie, wie: Any) -> Any:
    from leersteun import heropstart as hs
    from leersteun import mail
    from leersteun.folder import vandaag
    from leersteun.store import toon

    d = sessie.gelezen.dossier
    dag = vandaag()
    bericht = mail.maak_bericht(d, sessie.instellingen, dag, sessie.map.pad)
    pad = _schrijf_uitvoer(sessie.map, sessie.map.out / mail.bestandsnaam(d, dag), mail.als_bytes(bericht))
    relatief = Path(os.path.relpath(pad, sessie.map.pad)).as_posix()
    sessie.bewaar(lambda data, dd: hs.noteer_mail(data, dd, dag, relatief))
    print(f"Mail klaar: {toon(pad)} (aan {sessie.instellingen.coordinatie.email}).")
    print("Open het bestand in Outlook of Thunderbird om het na te lezen en te versturen, of gebruik --verstuur.")
    return bericht


@opdracht("mail")
def mail_(
    dossier: DossierArg,
    verstuur: Annotated[bool, typer.Option("--verstuur", help="Verstuur de mail via SMTP (na bevestiging).")] = False,
    ja: Annotated[bool, typer.Option("--ja", help="Met --verstuur: bevestig het versturen zonder te vragen.")] = False,
    klas: "KlasOptie" = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Maak de vraag tot heropstart aan de coördinatie als .eml, met de checklist als PDF."""
    from leersteun import heropstart as hs
    from leersteun import mail
    from leersteun.errors import Fout
    from leersteun.folder import vandaag

    wie = _wie(door, None, None)
    if not verstuur:
        _geen_effect("--ja bevestigt alleen --verstuur", {"--ja": ja})
    sessie = _Sessie(dossier)
    h = sessie.gelezen.dossier.laatste_heropstart
    if verstuur:
        if h is not None and h.mail is not None and h.mail.verstuurd is not None:
            raise Fout(f"Deze vraag is al verstuurd op {datums.kort(h.mail.verstuurd)}; er is niets opnieuw verstuurd.")
        mail.afzender(sessie.instellingen)
        if sessie.instellingen.smtp is None:
            raise Fout("Er staan geen SMTP-gegevens in leersteun.yaml (smtp: host, poort, starttls, gebruiker).")
    if h is None or h.uitkomst != hs.Uitkomst.heropstart:
        raise Fout(
            f"Voor dossier {sessie.gelezen.id} is er geen afgeronde checklist met uitkomst heropstart; "
            f"doorloop eerst 'leersteun heropstart {sessie.gelezen.id}'."
        )
    _bevestig_klas(sessie, wie, klas, sys.stdin.isatty())
    bericht = _maak_mail(sessie, wie)
    if not verstuur:
        sessie.commit(commit, "vraag tot heropstart aangemaakt", wie.door)
        return
    smtp = sessie.instellingen.smtp
    assert smtp is not None
    if not ja:
        from leersteun.vragen import ja_nee

        if not ja_nee(_console(), f"Versturen naar {sessie.instellingen.coordinatie.email} via {smtp.host}?"):
            print("Niet verstuurd; de mail staat klaar in out/.")
            sessie.commit(commit, "vraag tot heropstart aangemaakt", wie.door)
            return
    mail.verstuur(bericht, sessie.instellingen)
    dag = vandaag()
    sessie.bewaar(lambda data, dd: hs.noteer_mail(data, dd, dag, None, verstuurd=dag))
    print(f"Verstuurd naar {sessie.instellingen.coordinatie.email}.")
    sessie.commit(commit, "vraag tot heropstart verstuurd", wie.door)


@opdracht("toewijzen")
def toewijzen_(
    dossier: DossierArg,
    ondersteuner: Annotated[str, typer.Argument(metavar="ONDERSTEUNER", help="Naam van de ondersteuner.", show_default=False)],
    vorm: Annotated[
        Optional[Vorm], typer.Option(help="light, medium of nieuw, als de vorm al gekozen is (anders later met 'leersteun fase').", show_default=False)
    ] = None,
    start: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Met --vorm: start van het traject (standaard: --datum).")] = None,
    frequentie: Annotated[Optional[str], typer.Option(help="Met --vorm: afgesproken frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Met --vorm: afgesproken intensiteit.")] = None,
    evaluatie_op: Annotated[
        Optional[list[str]], typer.Option("--evaluatie-op", metavar="DATUM", help="Met --vorm: evaluatiemoment (mag meermaals; light: standaard na 4 weken).")
    ] = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Voor de coördinatie: wijs na een heropstart een ondersteuner toe (de vorm mag later)."""
    from leersteun import heropstart as hs
    from leersteun.deadlines import deadlines
    from leersteun.folder import vandaag

    wie = _wie(door, datum, notitie)
    if vorm is None:
        _geen_effect(
            "start, frequentie, intensiteit en evaluatiemomenten horen bij de keuze van de vorm (geef --vorm, of kies later met 'leersteun fase')",
            {"--start": start, "--frequentie": frequentie, "--intensiteit": intensiteit, "--evaluatie-op": evaluatie_op},
        )
    afspraak = _afspraak(vorm, start, frequentie, intensiteit, evaluatie_op)
    sessie = _Sessie(dossier)
    sessie.bewaar(lambda data, dd: hs.toewijzen(data, dd, wie, ondersteuner, vorm, afspraak))
    sessie.zeg()
    sessie.commit(commit, f"toegewezen{', ' + vorm.value if vorm else ''}", wie.door)
    for b in sessie.gelezen.bevindingen:
        print(b.als_tekst(), file=sys.stderr)
    lijstje = deadlines(sessie.gelezen.dossier, vandaag())
    if lijstje:
        print("Deadlines:")
        for x in lijstje:
            print(f"  {datums.kort(x.datum)}  {x.omschrijving}")


# ---------------------------------------------------------------------------- doel


def _toon_smart(sessie: _Sessie, doel_id: str) -> None:
    """The SMART warnings of one goal, with their line, after it was saved."""
    from leersteun.checks import smart_meldingen

    g = sessie.gelezen
    index = next(i for i, x in enumerate(g.dossier.doelen) if x.id == doel_id)
    meldingen = [m for m in smart_meldingen(g.dossier, sessie.ctx) if m[0][1] == index]
    for b in sorted((g.bestand.bevinding(*m) for m in meldingen), key=lambda b: (b.regel, b.kolom)):
        print(b.als_tekst())
    if not meldingen:
        print(f"{doel_id} is SMART geformuleerd: geen opmerkingen.")


@opdracht("doel")
def doel_(
    dossier: DossierArg,
    doel_id: Annotated[Optional[str], typer.Option("--doel", metavar="ID", help="Een bestaand doel (zoals D1) aanpassen, aanvullen of evalueren.")] = None,
    evalueer: Annotated[bool, typer.Option("--evalueer", help="Evalueer het doel (met --doel).")] = False,
    domein: Annotated[Optional[Domein], typer.Option(help="Domein van het doel.")] = None,
    omschrijving: Annotated[Optional[str], typer.Option(help="Het doel in één zin.")] = None,
    specifiek: Annotated[Optional[str], typer.Option(help="Waarneembaar, met een getal of percentage.")] = None,
    meetbaar: Annotated[Optional[str], typer.Option(help="Hoe en hoe vaak wordt het gemeten?")] = None,
    acceptabel: Annotated[Optional[str], typer.Option(help="Wie doet wat; is er draagvlak?")] = None,
    realistisch: Annotated[Optional[str], typer.Option(help="Waarom is het haalbaar?")] = None,
    start: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Start van het doel.")] = None,
    einde: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Einde van het doel.")] = None,
    onderwijsbehoefte: Annotated[Optional[list[str]], typer.Option(help="'De leerling heeft …' (mag meermaals).")] = None,
    ondersteuningsbehoefte: Annotated[Optional[list[str]], typer.Option(help="'Als leraar heb ik nood aan …' (mag meermaals).")] = None,
    maatregel: Annotated[Optional[str], typer.Option(help="Voeg een maatregel toe: wat?")] = None,
    effect: Annotated[Optional[str], typer.Option(help="Maatregel: het beoogde effect.")] = None,
    periode: Annotated[Optional[Periode], typer.Option(help="Maatregel: tijdelijk of blijvend.")] = None,
    wie: Annotated[Optional[str], typer.Option(help="Maatregel: wie (een functie, zoals klasleerkracht).")] = None,
    wanneer: Annotated[Optional[str], typer.Option(help="Maatregel: frequentie en duur.")] = None,
    hoe: Annotated[Optional[str], typer.Option(help="Maatregel: methode, aanpak, materiaal.")] = None,
    maatregel_evaluatie: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Maatregel: wanneer ze geëvalueerd wordt.")] = None,
    bereikt: Annotated[Optional[JaDeelsNee], typer.Option(help="Evaluatie: is het doel bereikt?")] = None,
    behouden: Annotated[Optional[str], typer.Option(help="Evaluatie: wat behouden we?")] = None,
    bijsturen: Annotated[Optional[str], typer.Option(help="Evaluatie: waar sturen we bij?")] = None,
    bannen: Annotated[Optional[str], typer.Option(help="Evaluatie: wat bannen we?")] = None,
    breder_inzetten: Annotated[Optional[str], typer.Option(help="Evaluatie: wat zetten we breder in?")] = None,
    nieuwe_afspraken: Annotated[Optional[str], typer.Option(help="Evaluatie: welke nieuwe afspraken?")] = None,
    datum: DatumOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Voeg een SMART-doel toe, of pas een doel aan, met maatregelen en evaluatie."""
    from leersteun import goals
    from leersteun.errors import GebruikFout

    wie_door = _wie(door, datum, None)
    sessie = _Sessie(dossier)
    velden = {
        "domein": domein.value if domein else None,
        "omschrijving": omschrijving,
        "specifiek": specifiek,
        "meetbaar": meetbaar,
        "acceptabel": acceptabel,
        "realistisch": realistisch,
        "start": _datum_optie(start, "--start"),
        "einde": _datum_optie(einde, "--einde"),
    }
    onderwijs, ondersteuning = list(onderwijsbehoefte or []), list(ondersteuningsbehoefte or [])
    nieuwe_maatregel = {
        "wat": maatregel, "beoogd_effect": effect, "periode": periode.value if periode else None, "wie": wie,
        "wanneer": wanneer, "hoe": hoe, "evaluatie_op": _datum_optie(maatregel_evaluatie, "--maatregel-evaluatie"),
    }  # fmt: skip
    evaluatie = {
        "bereikt": bereikt.value if bereikt else None, "behouden": behouden, "bijsturen": bijsturen, "bannen": bannen,
        "breder_inzetten": breder_inzetten, "nieuwe_afspraken": nieuwe_afspraken,
    }  # fmt: skip
    interactief = not (any(v is not None for v in velden.values()) or onderwijs or ondersteuning or maatregel or any(evaluatie.values()))
    console = _console()
    team = sessie.instellingen.teamnamen()
    evaluatie_opties = {
        "--bereikt": bereikt, "--behouden": behouden, "--bijsturen": bijsturen, "--bannen": bannen,
        "--breder-inzetten": breder_inzetten, "--nieuwe-afspraken": nieuwe_afspraken,
    }  # fmt: skip
    if any(v is not None for v in evaluatie_opties.values()) and not evalueer:
        if doel_id is None:
            raise GebruikFout("Een evaluatie hoort bij één doel: geef --doel mee, zoals --doel D1 --bereikt deels.")
        if bereikt is None:
            raise GebruikFout(f"Een evaluatie van {doel_id.upper()} zegt of het doel bereikt is: geef ook --bereikt ja|deels|nee.")
        evalueer = True  # --bereikt with --doel is an evaluation, said or not
    if not maatregel:
        _geen_effect(
            "ze beschrijven een nieuwe maatregel: geef ook --maatregel \"wat\"",
            {"--effect": effect, "--periode": periode, "--wie": wie, "--wanneer": wanneer, "--hoe": hoe, "--maatregel-evaluatie": maatregel_evaluatie},
        )
    if evalueer:
        _geen_effect(
            "een evaluatie verandert het doel niet; pas het doel apart aan",
            {**{f"--{k.replace('_', '-')}": v for k, v in velden.items()}, "--onderwijsbehoefte": onderwijs, "--ondersteuningsbehoefte": ondersteuning, "--maatregel": maatregel},
        )
    else:
        _geen_effect("--datum is de datum van een evaluatie (--evalueer); een doel heeft --start en --einde", {"--datum": datum})

    if evalueer:
        if doel_id is None:
            raise GebruikFout("Zeg welk doel je evalueert met --doel, zoals --doel D1.")
        if interactief:
            from leersteun.doel_ui import vraag_evaluatie

            evaluatie = vraag_evaluatie(console)
        evaluatie |= {"datum": wie_door.datum, "door": wie_door.door}
        sessie.bewaar(lambda data, d: goals.evalueer_doel(data, d, doel_id, evaluatie) or [])
        print(f"Evaluatie van {doel_id.upper()} bewaard.")
        sessie.commit(commit, f"evaluatie van doel {doel_id.upper()}", wie_door.door)
        return

    if doel_id is None:
        d = sessie.gelezen.dossier
        if interactief:
            from leersteun.doel_ui import vraag_beeldvorming, vraag_doel
            from leersteun.vragen import ja_nee

            if not d.doelen and d.beeldvorming is None and ja_nee(console, "Eerst de beeldvorming invullen (reden, observaties, sterktes en moeilijkheden)?", standaard=True):
                beeld = vraag_beeldvorming(console)
                sessie.bewaar(lambda data, dd: goals.zet_beeldvorming(data, dd, beeld) or [])
                print("Beeldvorming bewaard.")
            velden, onderwijs, ondersteuning = vraag_doel(console)
        gemaakt: list[str] = []
        sessie.bewaar(lambda data, dd: gemaakt.append(goals.nieuw_doel(data, dd, velden, onderwijs, ondersteuning)) or [])
        doel_id = gemaakt[0]
        print(f"Doel {doel_id} toegevoegd.")
    elif interactief:
        from leersteun.doel_ui import vraag_doel

        bestaand = next((x for x in sessie.gelezen.dossier.doelen if x.id.lower() == doel_id.lower()), None)
        if bestaand is None:
            raise GebruikFout(f"Dossier {sessie.gelezen.id} heeft geen doel '{doel_id}'.")
        doel_id = bestaand.id
        velden, onderwijs, ondersteuning = vraag_doel(console, bestaand)
        sessie.bewaar(lambda data, dd: goals.wijzig_doel(data, dd, doel_id, velden, onderwijs, ondersteuning) or [])
        print(f"Doel {doel_id} aangepast.")
    else:
        sessie.bewaar(lambda data, dd: goals.wijzig_doel(data, dd, doel_id, velden, onderwijs, ondersteuning) or [])
        doel_id = next(x.id for x in sessie.gelezen.dossier.doelen if x.id.lower() == doel_id.lower())
        if any(v is not None for v in velden.values()) or onderwijs or ondersteuning:
            print(f"Doel {doel_id} aangepast.")

    if maatregel:
        sessie.bewaar(lambda data, dd: goals.voeg_maatregel_toe(data, dd, doel_id, nieuwe_maatregel) or [])
        print(f"Maatregel toegevoegd aan {doel_id}.")
    elif interactief:
        from leersteun.doel_ui import vraag_maatregel
        from leersteun.vragen import ja_nee

        while ja_nee(console, f"Een maatregel toevoegen aan {doel_id}?", standaard=not sessie.gelezen.dossier.doelen[-1].maatregelen):
            m = vraag_maatregel(console, team)
            sessie.bewaar(lambda data, dd, m=m: goals.voeg_maatregel_toe(data, dd, doel_id, m) or [])
            print("Maatregel bewaard.")
    _toon_smart(sessie, doel_id)
    sessie.commit(commit, f"doel {doel_id}", wie_door.door)


class FicheFormaat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


@opdracht("fiche")
def fiche(
    dossier: DossierArg,
    doel_id: Annotated[Optional[str], typer.Option("--doel", metavar="ID", help="Alleen dit doel (zoals D1).")] = None,
    formaat: Annotated[FicheFormaat, typer.Option(help="md, html (printbaar A4) of pdf.")] = FicheFormaat.html,
    uit: Annotated[Optional[Path], typer.Option("--uit", metavar="BESTAND", help="Waar de fiche komt (standaard in out/).")] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Ook de doelen van een vroegere ondersteuning (voor een heropstart met een nieuw traject).")] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Maak de doelfiche: leesbaar voor ouders en leerling, in Markdown, HTML of PDF."""
    from leersteun import dossiers, fiche
    from leersteun.folder import vandaag
    from leersteun.render import html_naar_pdf, render
    from leersteun.store import toon

    map_ = _dossiermap()
    _controleer_uitvoer(map_, uit, buiten_out)
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    gevonden = dossiers.open_dossier(map_, dossier, dossiers.context(dag, inst))
    d = gevonden.dossier
    if doel_id is not None:
        _geen_effect("--alle toont alle doelen; met --doel toont de fiche dat ene doel", {"--alle": alle})
    context = fiche.fiche_context(d, inst.netwerk, dag, doel_id, alle)
    if formaat == FicheFormaat.md:
        inhoud = render("fiche/fiche.md.j2", context, map_.pad).encode("utf-8")
    else:
        html = render("fiche/fiche.html.j2", context, map_.pad)
        inhoud = html.encode("utf-8") if formaat == FicheFormaat.html else html_naar_pdf(html, map_.pad)
    if uit is None:
        achter = f"-{doel_id.upper()}" if doel_id else ""
        uit = map_.out / f"{d.id}-doelfiche{achter}.{formaat.value}"
    uit = _schrijf_uitvoer(map_, uit, inhoud, buiten_out)
    print(f"Doelfiche geschreven: {toon(uit)}")


# ---------------------------------------------------------------------------- agenda


@opdracht("agenda")
def agenda(
    ondersteuner: Annotated[Optional[str], typer.Option(help="Alleen de dossiers van deze ondersteuner.")] = None,
    weken: Annotated[int, typer.Option(min=0, max=520, help="Hoeveel weken vooruit, 0 tot 520 (verlopen deadlines staan er altijd bij).")] = 4,
    ics: Annotated[Optional[Path], typer.Option("--ics", metavar="BESTAND", help="Schrijf de deadlines ook als iCalendar-bestand (Outlook, Thunderbird).")] = None,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen.")] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Toon de komende en verlopen deadlines, in de terminal en als agendabestand."""
    import datetime as dt

    from leersteun import dossiers
    from leersteun.deadlines import deadlines
    from leersteun.folder import vandaag
    from leersteun.weergave import agenda_tabel

    map_ = _dossiermap()
    _controleer_uitvoer(map_, ics, buiten_out, "--ics")
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    alle = dossiers.alle(map_)
    tot = dag + dt.timedelta(weeks=weken)
    items = sorted(
        (
            (dl, g.dossier)
            for g in alle
            if g.dossier is not None and (ondersteuner is None or _bevat(g.dossier.ondersteuner, ondersteuner))
            for dl in deadlines(g.dossier, dag)
            if dl.datum <= tot
        ),
        key=lambda x: (x[0].datum, x[0].dossier_id, x[0].sleutel),
    )
    console = _console()
    anon = None
    if anoniem:
        from leersteun.anoniem import Anonimiseerder

        anon = Anonimiseerder(inst.teamnamen()).dossiers(g.dossier for g in alle if g.dossier is not None)
    if items:
        console.print(agenda_tabel(items, dag, anoniem, anon))
    console.print(f"{len(items)} deadline{'s' if len(items) != 1 else ''} tot en met {datums.kort(tot)}.")
    if ics is not None:
        from leersteun.ics import agenda_ics

        netwerk = inst.netwerk if inst else "leersteun"
        _schrijf_uitvoer(map_, ics, agenda_ics(items, netwerk, dag, anoniem, anon).encode("utf-8"), buiten_out, "--ics")
        console.print(f"Agendabestand geschreven: {ics} (abonneer je agenda in Thunderbird op dit bestand, of importeer het in Outlook).")
    _meld_ongeldige([g for g in alle if g.fouten])


# ---------------------------------------------------------------------------- git, archief


class Kant(str, Enum):
    mijn = "mijn"
    hun = "hun"


@opdracht("delen")
def delen_(door: DoorOptie = None) -> None:
    """Deel de dossiermap met het team: commit je dossiers, haal binnen, voeg samen, controleer en push."""
    from leersteun.delen import delen
    from leersteun.folder import gebruiker

    for regel in delen(_dossiermap(), gebruiker(door)).regels:
        print(regel)


@opdracht("conflict")
def conflict_(
    dossier: Annotated[
        Optional[str],
        typer.Argument(metavar="DOSSIER", help="Id of naam van het dossier (standaard: alle dossiers met een conflict).", show_default=False),
    ] = None,
    kies: Annotated[Optional[Kant], typer.Option("--kies", help="Neem voor elke tegenspraak die versie, zonder te vragen.")] = None,
    door: DoorOptie = None,
) -> None:
    """Dossiers met tegenstrijdige wijzigingen na het samenvoegen: uitleggen en kiezen welke versie blijft."""
    from leersteun import dossiers
    from leersteun.delen import schrijf_keuze, zoek_conflict
    from leersteun.errors import Fout
    from leersteun.folder import gebruiker, vandaag
    from leersteun.weergave import conflict_weergave

    map_ = _dossiermap()
    gevonden = zoek_conflict(map_, dossier)
    console = _console()
    if not gevonden:
        console.print("Geen dossiers met een conflict.")
        return
    if dossier is None and kies is None:
        for cd in gevonden:
            console.print(conflict_weergave(cd))
        console.print("Kies per dossier met 'leersteun conflict DOSSIER', of neem één kant met --kies mijn of --kies hun.")
        return
    try:
        inst = dossiers.instellingen(map_)
    except Fout:  # the settings may be in conflict too; the rules run without them
        inst = None
    ctx = dossiers.context(vandaag(), inst)
    wie = gebruiker(door)
    for cd in gevonden:
        console.print(conflict_weergave(cd))
        try:
            for i, keuze in enumerate(cd.keuzes, start=1):
                cd.conflict.kies(keuze, kies.value if kies else _vraag(f"{i}. {keuze.titel}: welke versie blijft?", keuzes=["mijn", "hun"]))
        except (KeyboardInterrupt, typer.Abort, EOFError):
            schrijf_keuze(map_, cd, wie, vandaag(), ctx)  # keep what was answered
            raise
        if schrijf_keuze(map_, cd, wie, vandaag(), ctx):
            console.print(f"Opgelost: {cd.id} is weer één geldig dossier.")
    console.print("Voer 'leersteun delen' uit om de samenvoeging af te ronden en te delen.")


@opdracht("geschiedenis")
def geschiedenis_(dossier: DossierArg) -> None:
    """De geschiedenis van een dossier naast de git-log van zijn bestand."""
    from rich.table import Table

    from leersteun import dossiers, gitops
    from leersteun.folder import vandaag
    from leersteun.store import toon

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
        tabel.add_row(datums.kort(regel.datum), regel.fase.value, regel.door, regel.notitie or "")
    console.print(tabel)
    log = gitops.log(map_.pad, g.pad)
    if not gitops.is_repo(map_.pad):
        console.print("\nIn git: de dossiermap is geen git-repository.")
        return
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold", title=f"In git ({toon(g.pad)})", title_justify="left")
    for kolom in ("datum", "wie", "commit", "wat"):
        tabel.add_column(kolom, overflow="fold")
    for regel in log:
        tabel.add_row(datums.kort(regel.datum), regel.auteur, regel.commit, regel.boodschap)
    console.print()
    console.print(tabel if log else "In git: nog geen commits voor dit bestand.")


@opdracht("archief")
def archief_(
    verwijder: Annotated[bool, typer.Option("--verwijder", help="Verwijder de getoonde dossiers (na bevestiging), met een commit.")] = False,
    ja: Annotated[bool, typer.Option("--ja", help="Bevestig zonder te vragen.")] = False,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Afgesloten dossiers voorbij de bewaartermijn uit leersteun.yaml: tonen, en verwijderen."""
    from leersteun import dossiers
    from leersteun.archief import te_archiveren
    from leersteun.errors import Fout
    from leersteun.folder import gebruiker, vandaag
    from leersteun.store import schrijfslot, toon

    if not verwijder:
        _geen_effect("ze horen bij --verwijder", {"--ja": ja, "--commit/--geen-commit": commit is not None, "--door": door})
    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    if inst.bewaartermijn_jaren is None:
        raise Fout("Er is geen bewaartermijn: zet 'bewaartermijn_jaren: N' in leersteun.yaml (het aantal jaren na het afsluiten).")
    dag = vandaag()
    alle = dossiers.alle(map_)
    _meld_ongeldige([g for g in alle if g.fouten])
    lijst_ = te_archiveren(((g.pad, g.dossier) for g in alle if g.dossier), inst.bewaartermijn_jaren, dag)
    if not lijst_:
        print(f"Geen afgesloten dossiers voorbij de bewaartermijn ({inst.bewaartermijn_jaren} jaar).")
        return
    print(f"Afgesloten dossiers voorbij de bewaartermijn ({inst.bewaartermijn_jaren} jaar):")
    for x in lijst_:
        print(f"  {x.id}  afgesloten op {datums.kort(x.afgesloten_op)}, te bewaren tot {datums.kort(x.bewaren_tot)}")
    if not verwijder:
        print("Verwijder ze met 'leersteun archief --verwijder'.")
        return
    if not ja:
        from leersteun.vragen import ja_nee

        if not ja_nee(_console(), f"Deze {len(lijst_)} dossiers definitief verwijderen?"):
            print("Er is niets verwijderd.")
            return
    with schrijfslot(map_.cases):
        for x in lijst_:
            x.pad.unlink()
            print(f"Verwijderd: {toon(x.pad)}")
    ids = ", ".join(x.id for x in lijst_)
    _commit(map_, inst, True if commit is None else commit, [x.pad for x in lijst_], f"archief: {len(lijst_)} afgesloten dossier(s) verwijderd na de bewaartermijn ({ids})", gebruiker(door))


# ---------------------------------------------------------------------------- overzicht


class OverzichtFormaat(str, Enum):
    tabel = "tabel"
    md = "md"
    csv = "csv"
    html = "html"
    json = "json"
    xlsx = "xlsx"


def _alle_snel(map_: "Dossiermap") -> Any:
    """Every case through the fast path, with a progress bar on a terminal (stderr only)."""
    from leersteun.snel import lees_alle

    if not sys.stderr.isatty():
        yield from lees_alle(map_)
        return
    from rich.progress import Progress

    with Progress(console=_console(stderr=True), transient=True) as balk:
        taak = balk.add_task("Dossiers lezen", total=None)
        yield from lees_alle(map_, voortgang=lambda klaar, totaal: balk.update(taak, completed=klaar, total=totaal))


@opdracht("overzicht")
def overzicht(
    week: Annotated[Optional[str], typer.Option(metavar="JJJJ-Wnn", help="De week, zoals 2026-W48 (standaard: deze week).")] = None,
    formaat: Annotated[OverzichtFormaat, typer.Option(help="tabel, md, csv, html, json of xlsx.")] = OverzichtFormaat.tabel,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen met dossier-id.")] = False,
    uit: Annotated[Optional[Path], typer.Option("--uit", metavar="BESTAND", help="Schrijf naar dit bestand in plaats van naar het scherm.")] = None,
    komma: Annotated[bool, typer.Option("--komma", help="CSV met komma's en zonder BOM (voor andere programma's dan Excel).")] = False,
    alles: Annotated[bool, typer.Option("--alles", help="In de terminal: elke rij van elk deel (standaard: een samenvatting en de 10 dringendste).")] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Het weekoverzicht voor de coördinatie: heropstartvragen, deadlines, caseload, capaciteit."""
    from leersteun import dossiers, formats, overview
    from leersteun.folder import vandaag

    if formaat != OverzichtFormaat.csv:
        _geen_effect("--komma hoort bij --formaat csv", {"--komma": komma})
    if formaat != OverzichtFormaat.tabel or uit is not None:
        _geen_effect("--alles hoort bij het overzicht in de terminal; de bestanden hebben altijd elke rij", {"--alles": alles})
    map_ = _dossiermap()
    _controleer_uitvoer(map_, uit, buiten_out)
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    w = overview.week_van(week, dag)
    ongeldig: list[str] = []
    fout: list[Any] = []

    def geldige() -> Any:
        for g in _alle_snel(map_):
            if g.fouten:
                fout.append(g)
            if g.dossier is None:
                ongeldig.append(g.pad.name)
            else:
                yield g.dossier

    o = overview.bouw(geldige(), inst, w, dag, anoniem=anoniem)
    o.ongeldig = sorted(ongeldig)
    if formaat == OverzichtFormaat.tabel and uit is None:
        console = _console()
        console.print(formats.als_tabel(o, alles, console.width))
    else:
        schrijvers = {
            OverzichtFormaat.md: lambda o: formats.als_md(o, map_.pad),
            OverzichtFormaat.csv: lambda o: formats.als_csv(o, komma),
            OverzichtFormaat.html: lambda o: formats.als_html(o, map_.pad),
            OverzichtFormaat.json: formats.als_json,
            OverzichtFormaat.tabel: lambda o: formats.als_md(o, map_.pad),
        }
        if formaat == OverzichtFormaat.xlsx:
            if uit is None:
                uit = map_.out / f"overzicht-{w}.xlsx"
            inhoud = formats.als_xlsx(o)
        else:
            inhoud = schrijvers[formaat](o).encode("utf-8")
        if uit is None:
            sys.stdout.buffer.write(inhoud)
            sys.stdout.flush()
        else:
            from leersteun.store import toon

            uit = _schrijf_uitvoer(map_, uit, inhoud, buiten_out)
            print(f"Overzicht geschreven: {toon(uit)}", file=sys.stderr)
    _meld_ongeldige(fout)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
