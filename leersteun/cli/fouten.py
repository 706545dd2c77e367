"""Errors for people: click's usage errors in Dutch, built from the exception's fields, and the
one handler that turns any exception into a Dutch message and an exit code.
"""

import os
import re
import sys
from typing import TYPE_CHECKING, Any

import typer
from typer._click.exceptions import UsageError

if TYPE_CHECKING:
    from rich.console import Console


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
        return _slechte_waarde(e)
    if isinstance(e, _TeVeelArgumenten):
        return f"Te veel argumenten: {' '.join(e.over)}. Zet een naam met spaties tussen aanhalingstekens."
    # typer's own texts, Dutch through the catalogue (leersteun.core.taal); typer adds its
    # suggestion for a mistyped command in English, outside the catalogue
    tekst = e.format_message()
    return re.sub(r"\. Did you mean (.+)\?$", lambda m: f". Bedoel je {m.group(1).replace(', ', ' of ')}?", tekst)


def _slechte_waarde(e: Any) -> str:
    """A value typer refused: from pydantic's error type, input and limits when typer wraps
    one, else leersteun's own Dutch message."""
    from leersteun.core.tekst import label

    waar = _param_naam(e.param) if e.param is not None else "een waarde"
    oorzaak = e.__cause__
    fouten = oorzaak.errors() if hasattr(oorzaak, "errors") else []
    if not fouten:  # leersteun's own callbacks raise in Dutch
        return f"Ongeldige waarde voor {waar}: {e.message}"
    soort, invoer, grenzen = fouten[0].get("type"), fouten[0].get("input"), fouten[0].get("ctx") or {}
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


def afhandelen(e: BaseException) -> int:
    """The one place that turns an exception into what the user sees and an exit code."""
    from typer._click import exceptions as click_exc

    from leersteun.core.errors import EXIT_GEBRUIK, EXIT_ONDERBROKEN, Fout, OngeldigBestand

    if isinstance(e, typer.Exit):
        return e.exit_code
    if isinstance(e, click_exc.NoArgsIsHelpError):
        print(e.ctx.get_help() if e.ctx else "")
        return 0
    if isinstance(e, click_exc.UsageError):
        _meld_fout(_gebruik_boodschap(e))
        print(f"Hulp: {e.ctx.command_path if e.ctx else 'leersteun'} --help", file=sys.stderr)
        return EXIT_GEBRUIK
    if isinstance(e, (typer.Abort, KeyboardInterrupt, EOFError)):
        if isinstance(e, EOFError) or isinstance(e.__cause__, EOFError):
            _meld_fout(_geen_invoer())
            return 1
        return EXIT_ONDERBROKEN
    if isinstance(e, Fout):
        for regel in e.gedaan:  # done before the refusal: output, not an error
            print(regel)
        for b in e.bevindingen:
            print(b.als_tekst(), file=sys.stderr)
        if isinstance(e, OngeldigBestand) and e.bevindingen and e.gezocht:
            _meld_fout(
                f"'{e.gezocht}' is {e.pad}, maar dat bestand is niet geldig (zie hierboven); er is niets gewijzigd. "
                f"Verbeter het bestand ('leersteun valideer {e.pad}' toont de fouten opnieuw) en probeer opnieuw."
            )
        elif isinstance(e, OngeldigBestand) and e.bevindingen:
            _meld_fout(f"{e.pad} is niet geldig; er is niets gewijzigd. Verbeter het bestand en probeer opnieuw.")
        elif e.boodschap:
            _meld_fout(e.boodschap)
        return e.exit_code
    return _onverwacht(e)


def _geen_invoer() -> str:
    """A question got no answer: in a terminal, the person ended the input (Ctrl-D); elsewhere
    (a script, a pipe) there was nobody to ask."""
    try:
        terminal = sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if terminal:
        return "De invoer werd afgesloten (Ctrl-D) voor de vraag beantwoord was; wat al bewaard was, blijft bewaard. Voer de opdracht opnieuw uit om verder te gaan."
    return "Er ontbreekt invoer: er is geen terminal om de vraag te stellen. Geef de gegevens als opties mee (zie --help), of voer de opdracht uit in een terminal."


def _onverwacht(e: BaseException) -> int:
    """A refused file operation, or a bug: never a traceback or a pupil's data (unless
    LEERSTEUN_DEBUG asks for the details)."""
    if os.environ.get("LEERSTEUN_DEBUG"):
        raise e
    if isinstance(e, OSError):
        from leersteun.files.schijf import niet_geschreven

        waar = f"{e.filename}: " if getattr(e, "filename", None) else ""
        _meld_fout(f"{waar}het systeem weigerde een bestandsbewerking; {niet_geschreven(e).removeprefix('niet bewaard: ')}")
        return 1
    _meld_fout(
        f"onverwachte fout in leersteun ({type(e).__name__}). Dit is een fout in het programma, "
        "niet in je gegevens. Meld het aan wie leersteun onderhoudt; met LEERSTEUN_DEBUG=1 "
        "zie je de technische details."
    )
    return 1
