"""The one translation layer for texts that come from typer rather than from leersteun.

typer marks its help labels and a few errors for gettext (`_("Options")`); leersteun
ships a Dutch catalogue for them (`locale/nl/LC_MESSAGES/leersteun.po`, compiled to the
`.mo` beside it) and makes it the program's text domain. Errors of command-line parsing
are built in Dutch from the exception's own fields (`cli._gebruik_boodschap`), not from
their English text.

`python -m leersteun.core.taal` compiles the `.po` after a change (needs babel, a dependency).
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMEIN = "leersteun"
LOCALE = Path(__file__).resolve().parent.parent / "locale"
PO = LOCALE / "nl" / "LC_MESSAGES" / f"{DOMEIN}.po"
MO = PO.with_suffix(".mo")


def installeer() -> None:
    """Make the Dutch catalogue the one gettext uses in this process.

    gettext picks the catalogue's language from LANGUAGE before LC_ALL and LANG; leersteun
    speaks Dutch whatever the machine's language, so it sets LANGUAGE to nl (which also
    asks programs it starts, such as git, for Dutch where they have it)."""
    os.environ["LANGUAGE"] = "nl"
    gettext.bindtextdomain(DOMEIN, str(LOCALE))
    gettext.textdomain(DOMEIN)


def compileer() -> bytes:
    """The .mo bytes for the .po (babel's compiler; deterministic for the same .po)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with PO.open("rb") as f:
        catalogus = read_po(f, locale="nl_BE", domain=DOMEIN)
    uit = io.BytesIO()
    write_mo(uit, catalogus)
    return uit.getvalue()


if __name__ == "__main__":
    MO.write_bytes(compileer())
    print(f"{MO} bijgewerkt.")
