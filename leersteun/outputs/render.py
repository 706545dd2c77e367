"""Jinja2 rendering: the built-in templates, overridden by a case folder's own templates/.

Templates run in Jinja2's sandbox with StrictUndefined (a missing value is an error, never
an empty string); HTML templates are autoescaped. A template error names the template and
its line. A folder's own template is code a colleague shared, so it gets limits on every
platform: the text it makes, every text or list it builds (`'x' * 10**12` is refused before
it is made), numbers (`7 ** (10**9)`), ranges (Jinja2's 100,000) and time (a watchdog thread,
no signal: Windows has no SIGALRM); memory that runs out is a message too.
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
    return naam is not None and naam.removesuffix(".j2").endswith((".html", ".htm", ".xml", ".svg"))


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
                    raise Fout(
                        f"Sjabloon templates/{template} is (of zit in) een koppeling (symlink); leersteun volgt die niet. Zet het sjabloon zelf in templates/."
                    )
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


MAX_BITS = 1_000_000  # a number a template computes: 300,000 digits is more than any sheet shows


class _TeGroot(Exception):
    """A text, list or number a template would build beyond the limits."""


_KLASSE: list[Any] = []


def _begrensde_omgeving() -> Any:
    """Jinja2's sandbox with limits on what a template builds, checked before it is built: a
    text or list longer than the text the template may make (`grens`) from `*`, `+` or `%`, a
    width or count beyond it given to a filter, macro or method (`center(10**12)`), a number
    of more than MAX_BITS bits from `**`; a `~` or a call whose result is too long is refused
    as soon as it is made (at most twice the limit)."""
    if _KLASSE:
        return _KLASSE[0]
    import functools

    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import SandboxedEnvironment

    class BegrensdeCode(CodeGenerator):
        def visit_Concat(self, node: Any, frame: Any) -> None:
            self.write("environment.begrens(")
            super().visit_Concat(node, frame)
            self.write(")")

    class BegrensdeOmgeving(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "+", "**", "%"})
        code_generator_class = BegrensdeCode
        grens = MAX_UITVOER

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            for naam, filter_ in list(self.filters.items()):
                self.filters[naam] = self._begrensd_filter(filter_, naam == "format")

        def _hoogstens(self, lengte: int | None) -> None:
            if lengte is not None and lengte > self.grens:
                raise _TeGroot(f"een tekst of lijst van {_getal(lengte)} tekens of elementen")

        def begrens(self, waarde: Any) -> Any:
            if isinstance(waarde, (str, list, tuple, dict)):
                self._hoogstens(len(waarde))
            return waarde

        def _controleer(self, args: Any, kwargs: Any) -> None:
            for x in (*args, *kwargs.values()):
                if _int(x) and x > self.grens:
                    raise _TeGroot(f"een breedte of aantal van {_getal(x)}")

        def _begrensd_filter(self, filter_: Any, opmaak: bool) -> Any:
            waarde = 1 if getattr(filter_, "jinja_pass_arg", None) else 0  # the value filtered, after a context

            @functools.wraps(filter_)
            def begrensd(*args: Any, **kwargs: Any) -> Any:
                if not opmaak:  # a width, a count: not the value itself, nor what format() fills in
                    self._controleer(args[waarde + 1 :], kwargs)
                elif len(args) > waarde:
                    self._hoogstens(_lengte("%", args[waarde], None))
                return self.begrens(filter_(*args, **kwargs))

            return begrensd

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja2's names
            methode = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
            eigenaar = getattr(methode, "__self__", None)
            if isinstance(eigenaar, (str, list, tuple, dict)):  # 'x'.ljust(10**12): a width, a count
                __self._controleer(args, kwargs)
            if isinstance(eigenaar, str) and getattr(methode, "__name__", "") in ("format", "format_map"):
                __self._hoogstens(_lengte("format", eigenaar, None))
            return __self.begrens(super().call(__context, __obj, *args, **kwargs))

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self._hoogstens(_lengte(operator, left, right))
            if operator == "**" and _int(left) and _int(right) and right > 0 and abs(left) > 1 and right * abs(left).bit_length() > MAX_BITS:
                raise _TeGroot("een getal van meer dan 300.000 cijfers")
            return super().call_binop(context, operator, left, right)

    _KLASSE.append(BegrensdeOmgeving)
    return BegrensdeOmgeving


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _lengte(operator: str, left: Any, right: Any) -> int | None:
    """The length of what `left operator right` would make, where it is a text or a list; for
    a format string ('%999999999d' % 1, '{:>999999999}'.format(1)) its widest width."""
    import re

    rij = (str, list, tuple)
    if operator == "*":
        if isinstance(left, rij) and _int(right):
            return len(left) * max(right, 0)
        if isinstance(right, rij) and _int(left):
            return len(right) * max(left, 0)
    elif operator == "+" and isinstance(left, rij) and isinstance(right, rij):
        return len(left) + len(right)
    elif operator in ("%", "format") and isinstance(left, str):
        patroon = r"%[-#0 +]*(\d*)(?:\.(\d+))?" if operator == "%" else r"\{[^{}]*?:[^{}\d]*(\d*)(?:\.(\d+))?"
        breedtes = [int(x) for paar in re.findall(patroon, left) for x in paar if x]
        return len(left) + max(breedtes, default=0)
    return None


def omgeving(map_pad: Path | None = None, markdown: bool = False) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    laders = []
    if map_pad is not None and (map_pad / "templates").is_dir() and not (map_pad / "templates").is_symlink():
        laders.append(_veilige_lader(map_pad / "templates"))
    laders.append(FileSystemLoader(ingebouwd()))
    env = _begrensde_omgeving()(
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
    env.grens = grens
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
    except _TeGroot as e:
        raise Fout(f"Sjabloon {_waar(e, naam)} maakt {e}: meer dan het sjabloon mag maken; controleer het sjabloon.") from None
    except OverflowError as e:  # Jinja2's range of more than 100,000, a float too large
        reeks = "MAX_RANGE" in str(e)
        wat = "een reeks (range) van meer dan 100.000 getallen" if reeks else "een getal dat te groot is"
        raise Fout(f"Sjabloon {_waar(e, naam)} maakt {wat}; controleer het sjabloon.") from None
    except MemoryError as e:
        raise Fout(f"Sjabloon {_waar(e, naam)} vraagt meer geheugen dan deze computer heeft; controleer de lussen en de herhalingen in het sjabloon.") from None
    except RecursionError:
        raise Fout(f"Sjabloon {naam} roept zichzelf eindeloos op (een macro of include in een kring); controleer het sjabloon.") from None
    except UnicodeDecodeError:
        raise Fout(f"Sjabloon {naam} is geen UTF-8-tekst; bewaar het opnieuw als UTF-8.") from None
    except jinja2.TemplateNotFound as e:
        raise Fout(f"Sjabloon '{e.name}' niet gevonden (in templates/ van de dossiermap of van leersteun).") from None
    except jinja2.TemplateSyntaxError as e:
        raise Fout(f"Fout in sjabloon {e.filename or e.name}:{e.lineno}: {e.message}") from None
    except jinja2.TemplateError as e:
        raise Fout(f"Fout in sjabloon {_waar(e, naam)}: {e}") from None


class _TeLang(BaseException):
    """Raised in the rendering thread when time is up; a BaseException, so that no `except
    Exception` inside Jinja2 (its optimizer, its error handling) swallows it."""


class _tijdslimiet:  # noqa: N801 - used as a context manager
    """Stop rendering after `seconden`, on every platform and in any thread: a watchdog thread
    (threading.Timer) raises _TeLang in the rendering thread with CPython's
    PyThreadState_SetAsyncExc, which Python delivers at its next step, inside a loop too. No
    signal: Windows has no SIGALRM, and a signal reaches only the main thread."""

    def __init__(self, seconden: float) -> None:
        self.seconden = seconden

    def __enter__(self) -> None:
        import threading

        self.draad = threading.get_ident()
        self.slot = threading.Lock()
        self.klaar = self.gestopt = False
        self.wekker = threading.Timer(self.seconden, self._stop)
        self.wekker.daemon = True
        self.wekker.start()

    def _stop(self) -> None:
        import ctypes

        with self.slot:
            if not self.klaar:
                self.gestopt = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.draad), ctypes.py_object(_TeLang))

    def __exit__(self, *_: Any) -> None:
        with self.slot:
            self.klaar = True
            if self.gestopt:  # done just as time ran out: nothing may be raised later
                import ctypes

                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.draad), None)
        self.wekker.cancel()


def _waar(fout: BaseException, naam: str) -> str:
    """`bestand:regel` of the template line that failed (as the user sees the path), else the
    template's name."""
    from leersteun.files.schijf import toon

    regel, bestand = _sjabloonregel(fout)
    return f"{toon(Path(bestand))}:{regel}" if regel and bestand else naam


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
