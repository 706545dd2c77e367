"""The `leersteun` command: parse, call a domain function, print.

Only typer is imported at module level so that `leersteun --help` stays fast; every
command imports what it needs. One module per group of commands; `fouten.afhandelen` is the
one place that maps exceptions to exit codes: 0 ok, 1 user or data error, 2 usage, 130
interrupted.

No `from __future__ import annotations` in this package: typer would then eval every
parameter's annotation string at each start (about 40 ms of `leersteun --help`).

A command being run registers only its own module (`main`): typer reads the signature of
every registered command at each start, 20 ms for all of them. `--help`, Tab completion and
an unknown or mistyped command register them all, as does `from leersteun.cli import app`.

| module | what |
|---|---|
| `kern.py` | the typer app, Dutch help, the examples under every --help, --map |
| `fouten.py` | usage errors in Dutch; every exception to a message and an exit code |
| `gemeen.py` | what commands share: the folder, a case, common options, prompts, output paths |
| `dossiers.py` ... `team.py` | the commands, in the order of `leersteun --help` |
"""

import importlib
import os
import sys
from typing import Any

# The command modules in the order of --help, and the module of each command
# (tests/cli/test_cli.py checks this table against the commands the modules register).
MODULES = ("dossiers", "traject", "heropstart", "doelen", "overzicht", "team")
OPDRACHTEN = {
    "init": "dossiers", "nieuw": "dossiers", "lijst": "dossiers", "toon": "dossiers", "valideer": "dossiers",
    "fase": "traject", "evaluatie": "traject", "betrokkene": "traject", "overleg": "traject", "diplon": "traject",
    "verslag": "traject", "schooljaar": "traject", "overgang": "traject",
    "heropstart": "heropstart", "mail": "heropstart", "toewijzen": "heropstart",
    "doel": "doelen", "fiche": "doelen",
    "agenda": "overzicht", "overzicht": "overzicht",
    "delen": "team", "conflict": "team", "geschiedenis": "team", "archief": "team", "verwijder": "team",
}  # fmt: skip

__all__ = ["VOORBEELDEN", "app", "laad", "main"]


def laad(opdracht: str | None = None) -> None:
    """Register the commands: those of the module of `opdracht`, or all of them."""
    for module in (OPDRACHTEN[opdracht],) if opdracht in OPDRACHTEN else MODULES:
        importlib.import_module(f"leersteun.cli.{module}")


def opdracht_in(argumenten: list[str]) -> str | None:
    """The command on a command line, when it is clear which one it is; None for help,
    completion, no command, or a word that is no command (typer explains, with all)."""
    from leersteun.cli.kern import _normaliseer

    if any(k.endswith("_COMPLETE") for k in os.environ):
        return None
    i = 0
    while i < len(argumenten):
        woord = argumenten[i]
        if woord == "--map":
            i += 2
            continue
        if woord.startswith("-"):
            if woord in ("-h", "--help", "--install-completion", "--show-completion"):
                return None
            i += 1
            continue
        return _normaliseer(woord)
    return None


ZELDEN = 50_000  # new objects between two runs of the cycle collector in a command (Python: 700)


def main() -> None:
    import gc

    # Starting (typer, pydantic, the models) makes some 200,000 objects and next to no
    # garbage; at Python's threshold the cycle collector walks them over and over: 8 % of
    # the start, measured. A command of this tool is short and makes few cycles.
    gc.set_threshold(ZELDEN, *gc.get_threshold()[1:])
    from leersteun.core.uitvoer import vriendelijk

    vriendelijk(sys.stdout, sys.stderr)  # a legacy code page (cp1252) shows -> for →, never crashes
    laad(opdracht_in(sys.argv[1:]))
    from leersteun.cli.kern import app

    app()


def __getattr__(naam: str) -> Any:
    """`app` and `VOORBEELDEN` for tests and other programs: with every command registered."""
    if naam in ("app", "VOORBEELDEN"):
        laad()
        from leersteun.cli import kern

        return getattr(kern, naam)
    raise AttributeError(naam)
