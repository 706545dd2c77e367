"""The `leersteun` command: parse, call a domain function, print.

Only typer is imported at module level so that `leersteun --help` stays fast; every
command imports what it needs. One module per group of commands; `fouten.afhandelen` is the
one place that maps exceptions to exit codes: 0 ok, 1 user or data error, 2 usage, 130
interrupted.

No `from __future__ import annotations` in this package: typer would then eval every
parameter's annotation string at each start (about 40 ms of `leersteun --help`).

| module | what |
|---|---|
| `kern.py` | the typer app, Dutch help, the examples under every --help, --map |
| `fouten.py` | usage errors in Dutch; every exception to a message and an exit code |
| `gemeen.py` | what commands share: the folder, a case, common options, prompts, output paths |
| `dossiers.py` ... `team.py` | the commands, in the order of `leersteun --help` |
"""

# Registering the commands; the order of the imports is the order in --help.
from leersteun.cli import doelen, dossiers, heropstart, overzicht, team, traject  # noqa: E402,F401,I001
from leersteun.cli.kern import VOORBEELDEN, app

__all__ = ["VOORBEELDEN", "app", "main"]


def main() -> None:
    app()
