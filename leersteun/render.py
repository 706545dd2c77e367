"""Jinja2 rendering: the built-in templates, overridden by a case folder's own templates/.

Templates run in Jinja2's sandbox with StrictUndefined (a missing value is an error, never
an empty string); HTML templates are autoescaped. A template error names the template and
its line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from leersteun.errors import Fout


def ingebouwd() -> Path:
    """The built-in templates: inside the package when installed, else the repository's."""
    hier = Path(__file__).resolve().parent
    for kandidaat in (hier / "templates", hier.parent / "templates"):
        if kandidaat.is_dir():
            return kandidaat
    raise Fout("De ingebouwde sjablonen van leersteun ontbreken; installeer leersteun opnieuw.")


def _datum_nl(waarde: dt.date | None) -> str:
    maanden = "januari februari maart april mei juni juli augustus september oktober november december".split()
    return f"{waarde.day} {maanden[waarde.month - 1]} {waarde.year}" if waarde else "–"


def _html(naam: str | None) -> bool:
    """Autoescape HTML and XML templates, also when they end in .j2 (fiche.html.j2)."""
    return bool(naam) and naam.removesuffix(".j2").endswith((".html", ".htm", ".xml"))


def omgeving(map_pad: Path | None = None) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    laders = []
    if map_pad is not None and (map_pad / "templates").is_dir():
        laders.append(FileSystemLoader(map_pad / "templates"))
    laders.append(FileSystemLoader(ingebouwd()))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(laders),
        undefined=StrictUndefined,
        autoescape=_html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datum"] = _datum_nl
    return env


def render(naam: str, context: dict[str, Any], map_pad: Path | None = None) -> str:
    """Render template `naam`; errors become a Dutch `Fout` naming template and line."""
    import jinja2

    env = omgeving(map_pad)
    try:
        return env.get_template(naam).render(**context)
    except jinja2.TemplateNotFound as e:
        raise Fout(f"Sjabloon '{e.name}' niet gevonden (in templates/ van de dossiermap of van leersteun).") from None
    except jinja2.TemplateSyntaxError as e:
        raise Fout(f"Fout in sjabloon {e.filename or e.name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateError as e:
        regel, bestand = _sjabloonregel(e)
        waar = f"{bestand}:{regel}" if regel else naam
        raise Fout(f"Fout in sjabloon {waar}: {e}") from None


def _sjabloonregel(fout: BaseException) -> tuple[int | None, str | None]:
    """The template file and line of a runtime error, from Jinja2's rewritten traceback."""
    tb = fout.__traceback__
    gevonden: tuple[int | None, str | None] = (None, None)
    while tb is not None:
        bestand = tb.tb_frame.f_code.co_filename
        if bestand.endswith((".j2", ".html", ".txt", ".md")):
            gevonden = (tb.tb_lineno, bestand)
        tb = tb.tb_next
    return gevonden


def html_naar_pdf(html: str, basis: Path | None = None) -> bytes:
    """HTML to PDF with WeasyPrint (imported only here: it is slow to import)."""
    import logging

    # WeasyPrint logs technical warnings (fonts, HarfBuzz) that mean nothing to a user.
    for naam in ("weasyprint", "fontTools"):
        logging.getLogger(naam).setLevel(logging.ERROR)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: Pango or Cairo missing on this machine
        raise Fout(f"PDF maken lukt niet: WeasyPrint is niet bruikbaar op deze computer ({e}).") from None
    return HTML(string=html, base_url=str(basis) if basis else None).write_pdf()
