"""Jinja2 rendering: the built-in templates, overridden by a case folder's own templates/.

Templates run in Jinja2's sandbox with StrictUndefined (a missing value is an error, never
an empty string); HTML templates are autoescaped. A template error names the template and
its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leersteun.core.errors import Fout


def ingebouwd() -> Path:
    """The built-in templates: inside the package when installed, else the repository's."""
    pakket = Path(__file__).resolve().parent.parent
    for kandidaat in (pakket / "templates", pakket.parent / "templates"):
        if kandidaat.is_dir():
            return kandidaat
    raise Fout("De ingebouwde sjablonen van leersteun ontbreken; installeer leersteun opnieuw.")


def _html(naam: str | None) -> bool:
    """Autoescape HTML and XML templates, also when they end in .j2 (fiche.html.j2)."""
    return bool(naam) and naam.removesuffix(".j2").endswith((".html", ".htm", ".xml", ".svg"))


MAX_UITVOER = 5_000_000  # characters: a sheet or a mail is a few kB
PER_RIJ = 1_000  # characters more per row of a table the template is given (the overview)
MAX_SECONDEN = 20


def _veilige_lader(map_: Path) -> Any:
    """A loader for a case folder's own templates that follows no symlink and reads nothing
    outside that folder (a template is shared with the team; a link could show a local file)."""
    from jinja2 import FileSystemLoader, TemplateNotFound

    class VeiligeLader(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            wortel = map_.resolve()
            pad = map_
            for deel in template.split("/"):
                pad = pad / deel
                if pad.is_symlink():
                    raise Fout(f"Sjabloon templates/{template} is (of zit in) een koppeling (symlink); leersteun volgt die niet. Zet het sjabloon zelf in templates/.")
            if pad.exists() and wortel not in pad.resolve().parents:
                raise TemplateNotFound(template)
            return super().get_source(environment, template)

    return VeiligeLader(map_)


def md(waarde: Any) -> Any:
    """A value in a Markdown document: user text never becomes HTML or Markdown syntax
    (an <img onerror=...> in a goal stays text, a | does not break a table)."""
    if not isinstance(waarde, str):
        return waarde
    import html
    import re

    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", html.escape(waarde, quote=False)).replace("\n", " ")


def omgeving(map_pad: Path | None = None, markdown: bool = False) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    laders = []
    if map_pad is not None and (map_pad / "templates").is_dir() and not (map_pad / "templates").is_symlink():
        laders.append(_veilige_lader(map_pad / "templates"))
    laders.append(FileSystemLoader(ingebouwd()))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(laders),
        undefined=StrictUndefined,
        autoescape=_html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=md if markdown else None,
    )
    from leersteun.core import datums

    env.filters["datum"] = datums.lang
    env.filters["datum_kort"] = datums.kort
    return env


def render(naam: str, context: dict[str, Any], map_pad: Path | None = None, rijen: int = 0) -> str:
    """Render template `naam`; errors become a Dutch `Fout` naming template and line. The
    text may grow to MAX_UITVOER plus PER_RIJ for each of the `rijen` rows of data the
    template is given: an overview of thousands of cases is large, a loop gone wrong larger."""
    import jinja2

    env = omgeving(map_pad, markdown=naam.removesuffix(".j2").endswith(".md"))
    grens = MAX_UITVOER + PER_RIJ * rijen
    try:
        with _tijdslimiet(MAX_SECONDEN):
            stukken: list[str] = []
            lengte = 0
            for stuk in env.get_template(naam).generate(**context):
                lengte += len(stuk)
                if lengte > grens:
                    raise Fout(f"Sjabloon {naam} maakt meer dan {grens / 1_000_000:.0f} MB tekst; controleer de lussen in het sjabloon.")
                stukken.append(stuk)
            return "".join(stukken)
    except _TeLang:
        raise Fout(f"Sjabloon {naam} doet er langer dan {MAX_SECONDEN} seconden over; controleer de lussen in het sjabloon.") from None
    except RecursionError:
        raise Fout(f"Sjabloon {naam} roept zichzelf eindeloos op (een macro of include in een kring); controleer het sjabloon.") from None
    except UnicodeDecodeError:
        raise Fout(f"Sjabloon {naam} is geen UTF-8-tekst; bewaar het opnieuw als UTF-8.") from None
    except jinja2.TemplateNotFound as e:
        raise Fout(f"Sjabloon '{e.name}' niet gevonden (in templates/ van de dossiermap of van leersteun).") from None
    except jinja2.TemplateSyntaxError as e:
        raise Fout(f"Fout in sjabloon {e.filename or e.name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateError as e:
        regel, bestand = _sjabloonregel(e)
        waar = f"{bestand}:{regel}" if regel else naam
        raise Fout(f"Fout in sjabloon {waar}: {e}") from None


class _TeLang(Exception):
    pass


class _tijdslimiet:  # noqa: N801 - used as a context manager
    """Stop rendering after `seconden` (SIGALRM; only in the main thread, where the CLI runs)."""

    def __init__(self, seconden: int) -> None:
        self.seconden = seconden
        self.oud: Any = None

    def __enter__(self) -> None:
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
            return

        def stop(_sig: int, _frame: Any) -> None:
            raise _TeLang()

        self.oud = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, self.seconden)

    def __exit__(self, *_: Any) -> None:
        import signal

        if self.oud is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.oud)


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
    """HTML to PDF with WeasyPrint (imported only here: it is slow to import), as PDF/UA: tagged,
    with the language and title of the HTML, so that a screen reader reads it well."""
    import logging

    # WeasyPrint logs technical warnings (fonts, HarfBuzz) that mean nothing to a user.
    for naam in ("weasyprint", "fontTools"):
        logging.getLogger(naam).setLevel(logging.ERROR)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: Pango or Cairo missing on this machine
        raise Fout(f"PDF maken lukt niet: WeasyPrint is niet bruikbaar op deze computer ({e}).") from None
    return HTML(string=html, base_url=str(basis) if basis else None, url_fetcher=_geen_ophalen()).write_pdf(pdf_variant="pdf/ua-1")


def _geen_ophalen() -> Any:
    """A PDF is made from the template alone: no file:// (a local file could end up in a PDF
    that is mailed) and no network. Only inline data: URLs are read."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, fail_on_errors=False)
