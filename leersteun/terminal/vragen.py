"""Dutch terminal prompts (rich), used by the interactive commands.

Only the CLI layer uses this module; domain modules never ask anything.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO, cast

from rich.console import Console
from rich.prompt import Confirm, InvalidResponse, Prompt

from leersteun.core import datums
from leersteun.core.tekst import label

WACHT = 0.25  # seconds between two looks for a Ctrl-C that the kernel gave no read to interrupt


class Toetsenbord:
    """A terminal's answers, read so that Ctrl-C always interrupts.

    `input()` blocks in read(2). A Ctrl-C that arrives just before that read starts (CPython
    has already looked for signals, the read has not begun) interrupts nothing: Python
    knows of it but waits for the next line. Seen on a loaded machine. Here the wait is a
    select(2) with a timeout, so Python looks again every `WACHT` seconds. Bytes are read
    from the descriptor itself (a buffered file would hide lines from select) and kept
    until their line is asked for.
    """

    def __init__(self, fd: int, codering: str = "utf-8") -> None:
        self.fd = fd
        self.codering = codering
        self.rest = b""

    def readline(self) -> str:
        import select

        while b"\n" not in self.rest:
            while not select.select([self.fd], [], [], WACHT)[0]:
                pass
            stuk = os.read(self.fd, 4096)
            if not stuk:
                if self.rest:  # the last line, without its newline
                    break
                raise EOFError  # Ctrl-D on an empty line, as input() says it
            self.rest += stuk
        regel, _, self.rest = self.rest.partition(b"\n")
        return regel.decode(self.codering, "replace")

    @staticmethod
    def van_stdin() -> Toetsenbord | None:
        """For stdin when it is a terminal (POSIX); None: read as input() does."""
        global _STDIN
        try:
            if sys.platform == "win32" or sys.stdin is None or not sys.stdin.isatty():
                return None
            fd = sys.stdin.fileno()
        except (AttributeError, OSError, ValueError):  # a replaced stdin (tests, a closed stream)
            return None
        if _STDIN is None or _STDIN.fd != fd:
            _STDIN = Toetsenbord(fd, getattr(sys.stdin, "encoding", None) or "utf-8")
        return _STDIN


_STDIN: Toetsenbord | None = None  # one per process: bytes read ahead stay with it


class _Invoer:
    @classmethod
    def get_input(cls, console: Console, prompt: Any, password: bool, stream: TextIO | None = None) -> str:
        if stream is None and not password:
            stream = cast("TextIO | None", Toetsenbord.van_stdin())  # rich reads only readline() of it
        return console.input(prompt, password=password, stream=stream)


class Vraag(_Invoer, Prompt):
    validate_error_message = "[prompt.invalid]Dat antwoord is niet geldig."

    def __init__(self, prompt: Any = "", **opties: Any) -> None:
        super().__init__(prompt, **opties)
        if self.prompt_suffix == ": " and self.prompt.plain.rstrip().endswith("?"):
            self.prompt_suffix = " "  # a question that ends with '?' gets no ':' after it


def _kern(tekst: str) -> str:
    from leersteun.core.tekst import keuze

    return keuze(tekst)


class JaNee(_Invoer, Confirm):
    choices = ["j", "n"]
    validate_error_message = "[prompt.invalid]Antwoord met j (ja) of n (nee)."

    def render_default(self, default: Any) -> Any:
        from rich.text import Text

        return Text(f"({'j' if default else 'n'})", "prompt.default")

    def process_response(self, value: str) -> bool:
        antwoord = value.strip().lower()
        if antwoord in ("j", "ja", "y", "yes"):
            return True
        if antwoord in ("n", "nee", "no"):
            return False
        raise InvalidResponse(self.validate_error_message)


class Lijstregel(Vraag):
    prompt_suffix = " "


def lijstregel(console: Console) -> str:
    """One item of a list ('  - '); empty ends the list."""
    return (Lijstregel.ask("  -", console=console, default="", show_default=False) or "").strip()


def vraag_lijst(console: Console, titel: str, voorbeelden: list[str] | None = None) -> list[str]:
    """Items one per line; an empty line ends the list."""
    from rich.text import Text

    console.print(Text.assemble((titel, "bold"), " (één per regel; een lege regel om verder te gaan)"))
    if voorbeelden:
        console.print(Text(f"Bijvoorbeeld: {'; '.join(voorbeelden[:6])}; …", style="dim"))
    items: list[str] = []
    while True:
        regel = lijstregel(console)
        if not regel:
            return items
        items.append(regel)


KORT = 30  # up to three choices this short fit on the question's own line


def vraag(
    console: Console,
    tekst: str,
    keuzes: list[str] | None = None,
    standaard: str | None = None,
    leeg: bool = False,
    uitleg: dict[str, str] | None = None,
) -> str:
    """Ask until there is an answer (or accept empty with `leeg`). With `keuzes`: a
    numbered list of their labels (with `uitleg` beside them), answered by number or by
    the word as a person types it; the code is returned. `tekst` is plain text, never rich
    markup: a name in it (`[/]`, `[bold]`) is shown as it is written."""
    if keuzes:
        return _kies(console, tekst, keuzes, standaard, leeg, uitleg or {})
    while True:
        antwoord = (Vraag.ask(_gewoon(tekst), default=standaard, console=console) or "").strip()
        if antwoord or leeg:
            return antwoord
        console.print("Dit is nodig; typ een antwoord.")


def _gewoon(tekst: str) -> Any:
    """Text for a prompt as it is written (rich reads a str as markup)."""
    from rich.text import Text

    return Text(tekst, style="prompt")


def _kies(console: Console, tekst: str, keuzes: list[str], standaard: str | None, leeg: bool, uitleg: dict[str, str]) -> str:
    from rich.markup import escape

    labels = [label(k) for k in keuzes]
    if len(keuzes) <= 3 and not uitleg and sum(map(len, labels)) <= KORT:
        opties = ", ".join(f"{i} {lab}" for i, lab in enumerate(labels, start=1))
    else:
        breedte = max(map(len, labels))
        for i, (k, lab) in enumerate(zip(keuzes, labels), start=1):
            console.print(f"  {i:>{len(str(len(keuzes)))}}. {escape(lab):{breedte}}  {escape(uitleg.get(k, ''))}".rstrip())
        opties = f"1-{len(keuzes)}"
    leeg_tekst = f", leeg = {label(standaard)}" if standaard else (", leeg = geen" if leeg else "")
    while True:
        antwoord = (Vraag.ask(_gewoon(f"{tekst} [{opties}{leeg_tekst}]"), default="", show_default=False, console=console) or "").strip()
        if not antwoord:
            if standaard is not None:
                return standaard
            if leeg:
                return ""
            console.print("Dit is nodig; typ het nummer of het woord.")
            continue
        if antwoord.isdigit() and 1 <= int(antwoord) <= len(keuzes):
            return keuzes[int(antwoord) - 1]
        gevonden = {_kern(c): c for c in keuzes}.get(_kern(antwoord))
        if gevonden is not None:
            return gevonden
        console.print(
            f"'{escape(antwoord)}' is geen van de mogelijkheden. Typ een nummer van 1 tot {len(keuzes)} of een van: "
            f"{escape(', '.join(labels))}{', of laat het leeg' if leeg else ''}."
        )


def ja_nee(console: Console, tekst: str, standaard: bool = False) -> bool:
    return JaNee.ask(_gewoon(tekst), default=standaard, console=console)


def vraag_datum(
    console: Console,
    tekst: str,
    leeg: bool = False,
    standaard: dt.date | None = None,
    controle: Callable[[dt.date], str | None] | None = None,
) -> dt.date | None:
    """A date as a person types it, asked again after a date that is no date, or that
    `controle` refuses (it returns why, in a sentence)."""
    from leersteun.reading.folder import vandaag
    from leersteun.rules import invoer

    while True:
        hint = f", leeg = {datums.kort(standaard)}" if standaard else (", leeg = geen" if leeg else "")
        antwoord = vraag(console, f"{tekst} (zoals 31-12-2025 of vandaag{hint})", leeg=leeg or standaard is not None)
        if not antwoord and standaard is not None:
            return standaard
        if not antwoord and leeg:
            return None
        try:
            dag = invoer.datum(antwoord, vandaag())
        except ValueError as e:
            console.print(f"{e}.", markup=False)
            continue
        waarom = controle(dag) if controle is not None else None
        if waarom is None:
            return dag
        console.print(waarom, markup=False)
