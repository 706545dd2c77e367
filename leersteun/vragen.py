"""Dutch terminal prompts (rich), used by the interactive commands.

Only the CLI layer uses this module; domain modules never ask anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console
from rich.prompt import Confirm, InvalidResponse, Prompt


class Vraag(Prompt):
    illegal_choice_message = "[prompt.invalid.choice]Kies een van de mogelijkheden tussen [ ]."
    validate_error_message = "[prompt.invalid]Dat antwoord is niet geldig."

    def process_response(self, value: str) -> str:
        """A choice as a person types it: capitals, accents, spaces, '-' and '_' do not matter;
        a wrong answer lists the choices."""
        if self.choices:
            gevonden = {_kern(c): c for c in self.choices}.get(_kern(value))
            if gevonden is not None:
                return gevonden
            if value.strip().isdigit() and 1 <= int(value) <= len(self.choices) and not all(c.isdigit() for c in self.choices):
                return self.choices[int(value) - 1]  # the number of a choice in a numbered list
            if value.strip():
                raise InvalidResponse(f"[prompt.invalid.choice]Kies een van: {', '.join(self.choices)}.")
        return super().process_response(value)


def _kern(tekst: str) -> str:
    from leersteun.tekst import keuze

    return keuze(tekst)


class JaNee(Confirm):
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
    console.print(f"[bold]{titel}[/] (één per regel; een lege regel om verder te gaan)")
    if voorbeelden:
        console.print(f"[dim]Bijvoorbeeld: {'; '.join(voorbeelden[:6])}; …[/]")
    items = []
    while True:
        regel = lijstregel(console)
        if not regel:
            return items
        items.append(regel)


def vraag(console: Console, tekst: str, keuzes: list[str] | None = None, standaard: str | None = None, leeg: bool = False) -> str:
    """Ask until there is an answer (or accept empty with `leeg`)."""
    while keuzes and leeg:  # one of the choices (as a person types it), or nothing
        from rich.markup import escape

        antwoord = (Vraag.ask(f"{tekst} {escape('[' + '/'.join(keuzes) + ']')}", default=standaard, console=console) or "").strip()
        if not antwoord:
            return antwoord
        gevonden = {_kern(c): c for c in keuzes}.get(_kern(antwoord))
        if gevonden is not None:
            return gevonden
        console.print(f"[prompt.invalid.choice]Kies een van: {escape(', '.join(keuzes))}, of laat het leeg.")
    while True:
        antwoord = Vraag.ask(tekst, choices=keuzes, default=standaard, console=console, show_choices=bool(keuzes))
        antwoord = (antwoord or "").strip()
        if antwoord or leeg:
            return antwoord
        console.print("Dit is nodig; typ een antwoord.")


def ja_nee(console: Console, tekst: str, standaard: bool = False) -> bool:
    return JaNee.ask(tekst, default=standaard, console=console)


def vraag_datum(console: Console, tekst: str, leeg: bool = False, standaard: dt.date | None = None) -> dt.date | None:
    from leersteun import invoer
    from leersteun.folder import vandaag

    while True:
        hint = f", leeg = {standaard.isoformat()}" if standaard else (", leeg = geen" if leeg else "")
        antwoord = vraag(console, f"{tekst} (zoals 31-12-2025 of vandaag{hint})", leeg=leeg or standaard is not None)
        if not antwoord and standaard is not None:
            return standaard
        if not antwoord and leeg:
            return None
        try:
            return invoer.datum(antwoord, vandaag())
        except ValueError as e:
            console.print(f"{e}.")
