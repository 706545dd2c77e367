"""The one exception family of leersteun, and the findings that checks report.

Every error a user can cause is a `Fout`: a Dutch message plus an exit code. The CLI maps
it to output and exit code in one place (`cli.LeersteunGroup.main`); domain modules
only raise.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_FOUT = 1
EXIT_GEBRUIK = 2
EXIT_ONDERBROKEN = 130

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Bevinding:
    """One validation finding: where (1-based line and column) and what."""

    pad: str
    regel: int
    kolom: int
    boodschap: str
    ernst: str = FOUT

    @property
    def is_fout(self) -> bool:
        return self.ernst == FOUT

    def als_tekst(self) -> str:
        prefix = "" if self.is_fout else "waarschuwing: "
        return f"{self.pad}:{self.regel}:{self.kolom}: {prefix}{self.boodschap}"

    def als_dict(self) -> dict:
        return asdict(self)


class Fout(Exception):
    """A user or data error: shown as a Dutch message, exit code 1."""

    exit_code = EXIT_FOUT

    def __init__(self, boodschap: str, bevindingen: list[Bevinding] | None = None, gedaan: list[str] | None = None):
        super().__init__(boodschap)
        self.boodschap = boodschap
        self.bevindingen = list(bevindingen or [])
        # what was done before the refusal (a commit, a fetch): shown as output, never as an error
        self.gedaan = list(gedaan or [])


class GebruikFout(Fout):
    """Wrong use of a command (exit code 2)."""

    exit_code = EXIT_GEBRUIK


class OngeldigBestand(Fout):
    """A file that cannot be read as a valid case or settings file."""

    def __init__(self, pad: Path | str, bevindingen: list[Bevinding], gezocht: str | None = None):
        fouten = [b for b in bevindingen if b.is_fout]
        eerste = fouten[0] if fouten else bevindingen[0]
        boodschap = f"{eerste.als_tekst()}" if len(fouten) <= 1 else f"{pad}: {len(fouten)} fouten, de eerste: {eerste.als_tekst()}"
        super().__init__(boodschap, bevindingen)
        self.pad = str(pad)
        self.gezocht = gezocht  # the name a person looked for, which found this file


class OngeldigeDossiers(Fout):
    """Cases a command could not use (it counted the others): every finding, then which files."""

    def __init__(self, namen: list[str], bevindingen: list[Bevinding]):
        super().__init__(
            f"niet meegeteld, want ongeldig: {', '.join(namen)}. Verbeter de bestanden (zie hierboven) en probeer opnieuw.",
            bevindingen,
        )


class NietGoedgekeurd(Fout):
    """`valideer` found errors: it printed them as its output; only the exit code remains."""

    def __init__(self) -> None:
        super().__init__("")
