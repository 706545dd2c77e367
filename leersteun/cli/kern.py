"""The `leersteun` typer app: Dutch help, the examples under every --help, the --map option.
Commands register themselves with `opdracht` in the modules of this package.
"""

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.core import Command
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from leersteun.cli.fouten import _TeVeelArgumenten, afhandelen

HELP_TEKST = "Toon deze hulp en stop."


class _DutchHelp(Command):
    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)
        if optie is not None:
            optie.help = HELP_TEKST
        return optie

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        stukken = " ".join(self.collect_usage_pieces(ctx))
        stukken = stukken.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
        stukken = re.sub(r"\{([^{}]+)\}", r"\1", stukken)  # typer marks a required argument {LIKE_THIS}
        formatter.write_usage(ctx.command_path, stukken, prefix="Gebruik: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in getattr(self, "params", []):
            if getattr(param, "name", "") == "install_completion":
                param.help = "Installeer het aanvullen met Tab voor deze shell (bash, zsh, fish, PowerShell)."
            elif getattr(param, "name", "") == "show_completion":
                param.help = "Toon het script voor het aanvullen met Tab, om het zelf te installeren."
            if param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = _metavar(param)
        super().format_help(ctx, formatter)


_METAVAR = {str: "TEKST", int: "GETAL", float: "GETAL", Path: "PAD"}


def _metavar(param: Any) -> str | None:
    """The Dutch placeholder of a parameter in help (click's public `metavar`): the
    choices as typed, or what kind of value; None leaves typer's own."""
    from leersteun.core.tekst import keuze, label

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
        if not ctx.resilient_parsing:
            _controleer_tekst(self, ctx)
        return rest


def _controleer_tekst(opdracht: Any, ctx: Any) -> None:
    """Text typed in any option or argument of any command, checked at the door (issue 26):
    a control or invisible character, or a text too long, is refused with the option named
    and what was typed quoted, before the command does anything (`invoer.getypte_tekst`)."""
    for param in opdracht.get_params(ctx):
        waarden = ctx.params.get(param.name)
        for waarde in waarden if isinstance(waarden, (list, tuple)) else [waarden]:
            if isinstance(waarde, str) and not (waarde.isprintable() and len(waarde) <= 200):  # the common case passes here (200: a name's limit)
                from leersteun.core.errors import GebruikFout
                from leersteun.rules.invoer import getypte_tekst

                optie = param.opts[0] if param.param_type_name == "option" else (param.metavar or param.name or "").upper()
                fout = getypte_tekst(optie, waarde)
                if fout:
                    raise GebruikFout(f"{fout}. Er is niets gewijzigd.")  # exit 2, as every refused option


class LeersteunGroup(_DutchHelp, TyperGroup):
    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from leersteun.core import taal
        from leersteun.core.errors import EXIT_ONDERBROKEN

        taal.installeer()
        if voltooien_gevraagd(args, complete_var):
            from leersteun.cli import voltooien

            voltooien.installeer()  # candidates quoted for each shell, never code (issue 25)
        try:
            uitkomst = super().main(
                args=args,
                prog_name=prog_name or "leersteun",
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
            code = uitkomst if isinstance(uitkomst, int) else 0
        except (Exception, KeyboardInterrupt) as e:  # noqa: BLE001 - handed to the one handler
            code = afhandelen(e)
        if code == EXIT_ONDERBROKEN:  # typer turns Ctrl-C into a silent exit code 130
            print("\nOnderbroken. Wat al bewaard was, blijft bewaard.", file=sys.stderr)
        if standalone_mode:
            sys.exit(code)
        return code


def voltooien_gevraagd(args: Sequence[str] | None, complete_var: str | None) -> bool:
    """Is this run completing a word, or showing or installing the completion script? Only
    then is `voltooien` loaded."""
    import os

    woorden = sys.argv[1:] if args is None else [str(a) for a in args]
    return bool(os.environ.get(complete_var or "_LEERSTEUN_COMPLETE")) or any(w.startswith(("--install-completion", "--show-completion")) for w in woorden)


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
_ALIASSEN.update({nummer: f"type-{nummer}" for nummer in "234679"})  # --typologie 7 is type 7 (only a typology is a type)


def _normaliseer(token: str) -> str:
    """Choices (and option and command names) as a person types them: capitals, accents,
    spaces, '-' and '_' do not matter ('Doelen bereikt' is doelen_bereikt, 'Type 2' is type 2,
    'zorgcoördinator' and 'zoco' are zorgcoordinator)."""
    from leersteun.core.tekst import keuze

    # '-' as the one separator: an option's own name (verslag-zichtbaar) is already in this
    # form, so click's messages show it as typed
    kern = keuze(token)
    return _ALIASSEN.get(kern, kern)


VOORBEELDEN = {
    "init": [
        'leersteun init leersteun-kempen --netwerk "Leersteuncentrum Kempen-Noord" --coordinatie info@wanteam.be',
        "leersteun init   (in de kloon van een collega)",
    ],
    "nieuw": [
        "leersteun nieuw",
        'leersteun nieuw --vanuit mila --school "Basisschool De Klimop" --klas 5A --niveau lager --verslag GC --verslagdatum 10-12-2025 --diplon',
    ],
    "lijst": ["leersteun lijst --fase ondersteuning", "leersteun lijst --ondersteuner pieter --json"],
    "toon": ["leersteun toon lotte"],
    "valideer": ["leersteun valideer", "leersteun valideer cases/KLM-2024-017.yaml --streng"],
    "fase": [
        "leersteun fase ella opstart --verslag-zichtbaar",
        'leersteun fase mats ondersteuning --frequentie wekelijks --intensiteit "1 lesuur per week" --opstartgesprek vandaag',
    ],
    "evaluatie": ["leersteun evaluatie noah", "leersteun evaluatie jules --beslissing verderzetten --concreet ja --context deels --gedragen ja --fase-2-3 ja"],
    "betrokkene": ['leersteun betrokkene mats --rol klasleerkracht --naam "Joris Van Aken" --contact joris@klimop.example.be'],
    "overleg": ["leersteun overleg mats --soort opstartgesprek --met klasleerkracht,ouders", "leersteun overleg lena --soort school-clb --datum 20-11-2026"],
    "diplon": ["leersteun diplon olivia circqel"],
    "verslag": ["leersteun verslag noah --soort IAC --datum 20-11-2026 --ontbindende-voorwaarde 23-11-2026", "leersteun verslag ella --beslist vandaag"],
    "schooljaar": [
        "leersteun schooljaar 2027-2028 --klassen klaslijst.csv",
        "leersteun schooljaar 2027-2028 --klassen klimop.csv --klassen regenboog.csv --ja --commit",
    ],
    "overgang": ["leersteun overgang finn kleuter-lager --klas 1A", "leersteun overgang arthur lager-secundair"],
    "heropstart": ["leersteun heropstart lena", "leersteun heropstart lena --overleg-school-clb 20-11-2026 --antwoorden antwoorden.yaml"],
    "mail": ["leersteun mail lotte", "leersteun mail lotte --klas 6B --verstuur"],
    "toewijzen": ['leersteun toewijzen lotte "Pieter Dewulf"', 'leersteun toewijzen lotte "Els Maes" --vorm light --start 1-12-2026'],
    "doel": ["leersteun doel finn", 'leersteun doel arthur --doel D1 --bereikt deels --behouden "Weekplanning op maandag."'],
    "fiche": ["leersteun fiche arthur", "leersteun fiche arthur --formaat pdf"],
    "agenda": ["leersteun agenda --ondersteuner pieter", "leersteun agenda --weken 8 --ics out/agenda.ics"],
    "geschiedenis": ["leersteun geschiedenis lotte"],
    "delen": ["leersteun delen"],
    "conflict": ["leersteun conflict", "leersteun conflict noah", "leersteun conflict noah --kies hun"],
    "archief": ["leersteun archief", "leersteun archief --verwijder"],
    "verwijder": ["leersteun verwijder KLM-2026-004", "leersteun verwijder KLM-2026-004 --ja"],
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
        Path | None,
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
