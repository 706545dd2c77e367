"""Writers of the weekly overview: tabel (rich), md, csv, html, json, xlsx.

Every section is first turned into one plain table (`Tabel`: title, columns, rows); the
formats only lay those out. md, csv and json are deterministic: the same cases give the
same bytes, so a committed weekly overview gives a meaningful `git diff`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from leersteun.core import datums
from leersteun.outputs.kolommen import HEEL, breedtes, langste_woord, op_een_regel
from leersteun.outputs.overview import Overzicht, Rij

CSV_KOLOMMEN = [
    "id", "leerling", "school", "klas", "fase", "vorm", "ondersteuner", "start", "uiterlijk_einde", "volgende_evaluatie",
]  # fmt: skip


BLADEN = {  # short sheet names (xlsx allows 31 characters)
    "per_fase": "Per fase", "per_vorm": "Per vorm", "heropstartvragen": "Heropstartvragen",
    "deadlines_week": "Deadlines in de week", "deadlines_verlopen": "Verlopen deadlines", "caseload": "Caseload",
    "capaciteit": "Capaciteit", "wijzigingen": "Wijzigingen", "dossiers": "Dossiers",
    "aandachtspunten": "Aandachtspunten", "diplon": "Diplon", "wacht_op_verslag": "Wacht op Verslag",
    "overgangen": "Overgangen", "verslagen": "Verslagen zonder aanmelding",
}  # fmt: skip


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[str]
    rijen: list[list[Any]]
    leeg: str = "Niets te melden."
    weg_als_smal: tuple[str, ...] = ()  # columns a narrow terminal drops first


def _d(waarde: Any) -> Any:
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return "" if waarde is None else waarde


def _mens(waarde: Any) -> str:
    """A cell for people to read: dates the Flemish way (23-11-2026), decimals with a comma
    (54,0), thousands with a point (20.000)."""
    if isinstance(waarde, dt.date):
        return datums.kort(waarde)
    if isinstance(waarde, float):
        return datums.getal(waarde, "#,##0.0")
    if isinstance(waarde, int) and not isinstance(waarde, bool) and not -1000 < waarde < 1000:
        return datums.getal(waarde, "#,##0")
    return str(_d(waarde))


def tabellen(o: Overzicht) -> list[Tabel]:
    w = str(o.week)
    uit = [
        Tabel("per_fase", "Dossiers per fase", ["fase", "aantal"], [[f, n] for f, n in o.per_fase.items()] + [["totaal", o.aantal]]),
        Tabel(
            "per_vorm",
            "Lopende trajecten per vorm",
            ["vorm", "aantal"],
            [[v, n] for v, n in o.per_vorm.items()] + [["totaal", sum(o.per_vorm.values())]],
        ),
        Tabel(
            "heropstartvragen",
            "Heropstartvragen",
            ["dossier", "leerling", "school", "stand", "sinds", "dagen"],
            [[h.id, h.leerling, h.school, h.stand, h.sinds, h.dagen] for h in o.heropstartvragen],
            "Geen heropstartvragen die wachten.",
        ),
        Tabel(
            "deadlines_week",
            f"Deadlines in week {w} ({datums.kort(o.week.maandag)} tot {datums.kort(o.week.zondag)})",
            ["datum", "staat", "dossier", "leerling", "wat", "ondersteuner"],
            [[r.datum, r.staat, r.id, r.leerling, r.wat, r.ondersteuner or "–"] for r in o.deadlines_week],
            "Geen deadlines in deze week.",
        ),
        Tabel(
            "deadlines_verlopen",
            f"Verlopen deadlines van vóór week {w}",
            ["datum", "dossier", "leerling", "wat", "ondersteuner"],
            [[r.datum, r.id, r.leerling, r.wat, r.ondersteuner or "–"] for r in o.deadlines_verlopen],
            "Geen verlopen deadlines van vóór deze week.",
        ),
        Tabel(
            "caseload",
            "Caseload per ondersteuner (lopende trajecten)",
            ["ondersteuner", "regulier", "light", "medium", "nieuw", "totaal"],
            [[c.ondersteuner, *c.per_vorm.values(), c.totaal] for c in o.caseload],
            "Geen lopende trajecten.",
        ),
        Tabel(
            "capaciteit",
            "Capaciteit per school" + (f" (richtcapaciteit uit {o.trajecten_totaal} trajecten: 70 % leerlingen, 30 % verslagen)" if o.trajecten_totaal else ""),
            ["school", "leerlingen", "verslagen (gem.)", "richtcapaciteit", "lopend", "verschil"],
            [
                [
                    c.school,
                    c.leerlingen if c.leerlingen is not None else "–",
                    c.verslagen_gemiddeld if c.verslagen_gemiddeld is not None else "–",
                    c.richtcapaciteit if c.richtcapaciteit is not None else "geen gegevens",
                    c.lopend,
                    c.verschil if c.verschil is not None else "–",
                ]
                for c in o.capaciteit
            ],
            "Geen scholen.",
            ("verslagen (gem.)", "leerlingen"),
        ),
        Tabel(
            "aandachtspunten",
            "Aandachtspunten uit de vier vragen",
            ["dossier", "leerling", "school", "evaluatie", "aandachtspunt", "ondersteuner"],
            [[a.id, a.leerling, a.school, a.evaluatie, a.wat, a.ondersteuner or "–"] for a in o.aandachtspunten],
            "Geen aandachtspunten.",
            ("school",),
        ),
        Tabel(
            "diplon",
            "Open stappen in Diplon",
            ["dossier", "leerling", "school", "stap", "wie", "sinds", "dagen"],
            [[r.id, r.leerling, r.school, r.stap, r.wie, r.sinds, r.dagen] for r in o.diplon],
            "Geen open stappen in Diplon.",
            ("school",),
        ),
        Tabel(
            "wacht_op_verslag",
            "Aanmeldingen die wachten op het Verslag in Diplon",
            ["dossier", "leerling", "school", "aangemeld", "dagen"],
            [[h.id, h.leerling, h.school, h.sinds, h.dagen] for h in o.wacht_op_verslag],
            "Geen aanmeldingen die wachten.",
            ("school",),
        ),
        *(  # the register of leersteun.yaml (outputs/register.py), when it names a pupil without aanmelding
            [
                Tabel(
                    "verslagen",
                    "Verslagen op school zonder aanmelding (leersteun.yaml)",
                    ["school", "leerling", "klas", "Verslag", "bewaard door", "waar"],
                    [[r.school, r.leerling, r.klas, r.verslag, r.bewaard_door, r.bewaard_waar] for r in o.verslagen],
                    weg_als_smal=("klas", "waar"),
                )
            ]
            if o.verslagen
            else []
        ),
        *(
            [
                Tabel(
                    "overgangen",
                    "Overgangen naar het volgende schooljaar",
                    ["dossier", "leerling", "school", "klas", "overgang", "wat nodig is"],
                    [[r.id, r.leerling, r.school, r.klas, r.overgang, r.nodig] for r in o.overgangen],
                    "Geen leerlingen in het laatste jaar van kleuter of lager.",
                )
            ]
            if o.toon_overgangen
            else []
        ),
        Tabel(
            "wijzigingen",
            f"Wijzigingen in week {w}",
            ["datum", "dossier", "leerling", "fase", "door", "notitie"],
            [[x.datum, x.id, x.leerling, x.fase, x.door, x.notitie] for x in o.wijzigingen],
            "Geen wijzigingen in deze week.",
        ),
    ]
    return uit


def _kop(o: Overzicht) -> str:
    anoniem = " (anoniem)" if o.anoniem else ""
    return f"Weekoverzicht {o.week}{anoniem}: {o.netwerk}"


def _onder(o: Overzicht) -> str:
    tekst = f"Gemaakt op {datums.kort(o.vandaag)} met leersteun; {o.aantal} dossiers."
    if o.ongeldig:
        tekst += f" Niet meegeteld (ongeldig): {', '.join(o.ongeldig)}."
    return tekst


# ---------------------------------------------------------------------------- md


def _klasse(c: Any, kolom: str) -> str:
    """The class of a cell in the HTML overview: numbers right, overdue in red, dates and case
    ids on one line."""
    if isinstance(c, (int, float)):
        return "getal"
    if c == "verlopen":
        return "verlopen"
    return "heel" if isinstance(c, dt.date) or kolom == "dossier" else ""


def _sjabloon_context(o: Overzicht) -> dict[str, Any]:
    """What the overview templates (templates/overzicht/) get: the sections with their cells
    already written for people."""
    return {
        "kop": _kop(o),
        "onder": _onder(o),
        "tabellen": [
            {
                "sleutel": t.sleutel,
                "titel": t.titel,
                "leeg": t.leeg,
                "kolommen": t.kolommen,
                "rechts": [isinstance(t.rijen[0][i], (int, float)) for i in range(len(t.kolommen))] if t.rijen else [],
                "rijen": [[_mens(c) for c in rij] for rij in t.rijen],
                "cellen": [[(_mens(c), _klasse(c, t.kolommen[i])) for i, c in enumerate(rij)] for rij in t.rijen],
            }
            for t in tabellen(o)
        ],
    }


def _rijen(context: dict[str, Any]) -> int:
    return sum(len(t["rijen"]) for t in context["tabellen"])


def als_md(o: Overzicht, map_pad: Any = None) -> str:
    from leersteun.outputs.render import render

    context = _sjabloon_context(o)
    return render("overzicht/overzicht.md.j2", context, map_pad, _rijen(context))


# ---------------------------------------------------------------------------- csv, json


def _rij_dict(r: Rij) -> dict[str, Any]:
    return {k: _d(v) if isinstance(v, dt.date) else v for k, v in ((k, getattr(r, k)) for k in CSV_KOLOMMEN)}


FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def zonder_formule(waarde: Any) -> Any:
    """OWASP's advice against CSV injection: a text cell that a spreadsheet would read as a
    formula (=, +, -, @, tab, CR at the start) gets a leading quote. Numbers stay numbers."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde


CSV_APART = (",", ";", "\t", '"', "\r", "\n")  # every separator a reader may tick, quotes and line ends


def csv_veld(waarde: Any) -> str:
    """One CSV field, quoted when it holds any separator a reader may tick (LibreOffice Calc's
    import dialog ticks comma, semicolon and tab in a fresh Flemish profile), a quote or a line
    end: with only the file's own separator quoted, a class '3A, groep Noord' in a `;` file
    shifted the rest of its row to the right in Calc."""
    tekst = "" if waarde is None else str(waarde)
    if any(teken in tekst for teken in CSV_APART):
        return '"' + tekst.replace('"', '""') + '"'
    return tekst


def csv_regels(rijen: Iterable[Iterable[Any]], scheiding: str, einde: str) -> str:
    return "".join(scheiding.join(csv_veld(v) for v in rij) + einde for rij in rijen)


def als_csv(o: Overzicht, komma: bool = False) -> str:
    """CSV as Excel in Flanders opens it by double-click: `;` and UTF-8 with a BOM. With
    `komma`: `,` and plain UTF-8, for other programs. Either way a field that holds a `,`, `;`,
    tab, quote or line end is quoted, whatever separator the reader takes."""
    rijen = [CSV_KOLOMMEN]
    for r in o.dossiers:
        d = _rij_dict(r)
        rijen.append(["" if d[k] is None else zonder_formule(d[k]) for k in CSV_KOLOMMEN])
    tekst = csv_regels(rijen, "," if komma else ";", "\n" if komma else "\r\n")
    return tekst if komma else "\ufeff" + tekst


def als_json(o: Overzicht) -> str:
    data = {
        "netwerk": o.netwerk,
        "week": str(o.week),
        "van": o.week.maandag.isoformat(),
        "tot": o.week.zondag.isoformat(),
        "gemaakt_op": o.vandaag.isoformat(),
        "anoniem": o.anoniem,
        "samenvatting": {"per_fase": o.per_fase, "per_vorm": o.per_vorm, "dossiers": o.aantal},
        "heropstartvragen": [_plat(asdict(h)) for h in o.heropstartvragen],
        "deadlines": {
            "week": [_plat(asdict(r)) for r in o.deadlines_week],
            "verlopen": [_plat(asdict(r)) for r in o.deadlines_verlopen],
        },
        "caseload": [{"ondersteuner": c.ondersteuner, **c.per_vorm, "totaal": c.totaal} for c in o.caseload],
        "capaciteit": {
            "trajecten_totaal": o.trajecten_totaal,
            "scholen": [{**_plat(asdict(c)), "verschil": c.verschil} for c in o.capaciteit],
        },
        "aandachtspunten": [_plat(asdict(a)) for a in o.aandachtspunten],
        "diplon": [_plat(asdict(r)) for r in o.diplon],
        "wacht_op_verslag": [_plat(asdict(h)) for h in o.wacht_op_verslag],
        "verslagen": [asdict(r) for r in o.verslagen],
        "overgangen": [_plat(asdict(r)) for r in o.overgangen] if o.toon_overgangen else None,
        "wijzigingen": [_plat(asdict(x)) for x in o.wijzigingen],
        "dossiers": [_rij_dict(r) for r in o.dossiers],
        "betrokkenen": dict(sorted(o.mensen.items())),
        "overleggen": dict(sorted(o.overleggen.items())),
        "ongeldig": o.ongeldig,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _plat(d: dict) -> dict:
    return {k: _d(v) if isinstance(v, dt.date) else v for k, v in d.items()}


# ---------------------------------------------------------------------------- html


def als_html(o: Overzicht, map_pad: Any = None) -> str:
    from leersteun.outputs import grafiek
    from leersteun.outputs.render import render

    grafieken = {g.sleutel: grafiek.svg(g, map_pad) for g in grafiek.grafieken(o)}
    context = _sjabloon_context(o)
    for tabel in context["tabellen"]:
        tabel["grafiek"] = grafieken.get(tabel["sleutel"])
    return render("overzicht/overzicht.html.j2", context, map_pad, _rijen(context))


# ---------------------------------------------------------------------------- xlsx


BREEDSTE = 58  # characters: a wider text wraps in its cell
REGELHOOGTE = 15  # points: one line of the default font (Calibri 11, or LibreOffice's stand-in for it)
VULLING = 1.0  # characters of ordinary text on a line, per unit of column width (a width of one "0")


def xlsx_regels(tekst: str, breedte: float) -> int:
    """How many lines `tekst` takes, wrapped in a column of `breedte` characters: spreadsheets
    neither measure a row for wrapped text when opening a file (LibreOffice Calc, Excel) nor
    when printing, so the row gets its height from here. Counted with one character per unit
    of column width: a line holds more (LibreOffice Calc 7.4 put about 70 characters of
    ordinary Dutch on a line of a column 60 wide, in DejaVu Sans, which is wider than
    Calibri), so a line is never hidden; at worst a row has a line to spare."""
    import textwrap

    per_regel = max(1, int(breedte * VULLING))
    return sum(max(1, len(textwrap.wrap(alinea, per_regel, break_on_hyphens=False))) for alinea in tekst.split("\n"))


def als_xlsx(o: Overzicht) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from leersteun.outputs import grafiek

    grafieken = {g.sleutel: g for g in grafiek.grafieken(o)}
    boek = Workbook()
    boek.remove(boek.active)
    bladen = [*tabellen(o), Tabel("dossiers", "Dossiers", CSV_KOLOMMEN, [[getattr(r, k) for k in CSV_KOLOMMEN] for r in o.dossiers])]
    for t in bladen:
        blad = boek.create_sheet(BLADEN.get(t.sleutel, t.titel[:31]))
        blad.append(t.kolommen)
        for cel in blad[1]:
            cel.font = Font(bold=True)
        breedtes = [min(BREEDSTE, max([len(str(kolom)), *(len(str(_d(r[i]))) for r in t.rijen)])) + 2 for i, kolom in enumerate(t.kolommen)]
        for r, rij in enumerate(t.rijen, start=2):
            regels = 1
            for k, waarde in enumerate(rij, start=1):
                cel = blad.cell(row=r, column=k, value=waarde)
                if isinstance(waarde, str):
                    cel.data_type = "s"  # text, never a formula (a class typed as =HYPERLINK(...) stays text)
                    if waarde.startswith(FORMULE_BEGIN):  # and stays text when someone edits the cell:
                        cel.quotePrefix = True  # Excel's leading ' (LibreOffice Calc 7.4 forgets it on an edit)
                        cel.number_format = "@"  # the format Text (kept by both on an edit)
                    if len(waarde) > BREEDSTE or "\n" in waarde:  # wider than its column: wrapped, never cut off in print
                        cel.alignment = Alignment(wrap_text=True, vertical="top")
                        regels = max(regels, xlsx_regels(waarde, breedtes[k - 1]))
                elif isinstance(waarde, dt.date):
                    cel.number_format = "dd-mm-yyyy"
            if regels > 1:  # the row as high as its wrapped text, on screen and printed
                blad.row_dimensions[r].height = REGELHOOGTE * regels
                for cel in blad[r]:
                    if not cel.alignment.wrap_text:
                        cel.alignment = Alignment(vertical="top")
        for i, breedte in enumerate(breedtes, start=1):
            blad.column_dimensions[get_column_letter(i)].width = breedte
        blad.freeze_panes = "A2"
        # printing: the header on every page, landscape, one page wide
        blad.print_title_rows = "1:1"
        blad.page_setup.orientation = "landscape"
        blad.page_setup.paperSize = blad.PAPERSIZE_A4
        blad.page_setup.fitToWidth = 1
        blad.page_setup.fitToHeight = 0
        blad.sheet_properties.pageSetUpPr.fitToPage = True
        if t.rijen:
            blad.auto_filter.ref = f"A1:{get_column_letter(len(t.kolommen))}{len(t.rijen) + 1}"
        if t.sleutel in grafieken:
            _xlsx_grafiek(blad, grafieken[t.sleutel], len(t.kolommen) + 2)
    return _xlsx_bytes(boek)


def _xlsx_bytes(boek: Any) -> bytes:
    """The workbook as bytes, made in memory. openpyxl's own `save` writes every sheet to a
    file in the system's temp folder first (all the names of the overview; left behind when
    the process is killed): here each sheet's XML goes into the zip from memory."""
    import zipfile

    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class InGeheugen(ExcelWriter):
        def write_worksheet(self, ws: Any) -> None:  # openpyxl 3.1's, with the sheet in a BytesIO
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            schrijver = WorksheetWriter(ws, out=io.BytesIO())
            schrijver.write()
            ws._rels = schrijver._rels
            self._archive.writestr(ws.path[1:], schrijver.read())
            self.manifest.append(ws)

    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archief:
        InGeheugen(boek, archief).save()
    return uit.getvalue()


def _xlsx_grafiek(blad: Any, g: Any, kolom: int) -> None:
    """A native Excel bar chart beside the table, from the chart's own data (written as a small
    table beside the sheet's, so the chart shows exactly what the HTML and the terminal show):
    capacity as richtcapaciteit beside the running trajecten, caseload stacked by vorm."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    reeksen = ["richtcapaciteit", "lopend"] if g.sleutel == "capaciteit" else list(g.reeksen)
    blad.cell(row=1, column=kolom, value="grafiek").font = Font(bold=True)
    for j, reeks in enumerate(reeksen, start=1):
        blad.cell(row=1, column=kolom + j, value=reeks).font = Font(bold=True)
        blad.column_dimensions[get_column_letter(kolom + j)].width = len(reeks) + 2
    for r, b in enumerate(g.balken, start=2):
        blad.cell(row=r, column=kolom, value=b.label).data_type = "s"
        for j, reeks in enumerate(reeksen, start=1):
            blad.cell(row=r, column=kolom + j, value=b.richt if reeks == "richtcapaciteit" else b.delen[reeks])
    blad.column_dimensions[get_column_letter(kolom)].width = min(BREEDSTE, max(len(b.label) for b in g.balken)) + 2
    grafiek_ = BarChart()
    grafiek_.type = "bar"  # horizontal bars, names readable
    grafiek_.title = g.titel
    grafiek_.y_axis.title = "trajecten"
    if g.sleutel == "caseload":
        grafiek_.grouping = "stacked"
        grafiek_.overlap = 100
    n = len(g.balken)
    grafiek_.add_data(Reference(blad, min_col=kolom + 1, max_col=kolom + len(reeksen), min_row=1, max_row=n + 1), titles_from_data=True)
    grafiek_.set_categories(Reference(blad, min_col=kolom, min_row=2, max_row=n + 1))
    grafiek_.height = max(7.5, 1.2 * n + 3)
    grafiek_.width = 18
    blad.add_chart(grafiek_, f"{get_column_letter(kolom)}{n + 3}")


# ---------------------------------------------------------------------------- tabel (terminal)


TOON_RIJEN = 10  # rows of a long section in the terminal; --alles shows every row
# the sections ordered most urgent first; the others (changes by date, people, schools) say "de eerste"
OP_DRINGENDHEID = {"heropstartvragen", "deadlines_week", "deadlines_verlopen", "diplon", "wacht_op_verslag"}


def samenvatting(t: Tabel) -> str:
    """What a long section holds, in one line: the total and how it is spread over the people
    (or schools) in it."""
    kolom = next((k for k in ("ondersteuner", "school") if k in t.kolommen), None)
    if kolom is None:
        return f"{datums.getal(len(t.rijen))} in totaal."
    i = t.kolommen.index(kolom)
    return datums.spreiding([str(rij[i]) for rij in t.rijen], kolom)


def als_tabel(o: Overzicht, alles: bool = False, breedte: int | None = None) -> Any:
    """The overview for the terminal. A long section shows a summary and its most urgent rows
    (each section is ordered most urgent first); `alles` shows every row."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from leersteun.outputs import grafiek

    grafieken = {g.sleutel: g for g in grafiek.grafieken(o)}
    delen: list[Any] = [Text(_kop(o), style="bold")]
    ingekort = False
    for t in tabellen(o):
        delen.append(Text(f"\n{t.titel}", style="bold underline"))
        if not t.rijen:
            delen.append(Text(t.leeg, style="dim"))
            continue
        rijen = t.rijen
        if not alles and len(rijen) > TOON_RIJEN:
            delen.append(Text(samenvatting(t) + (f" De {TOON_RIJEN} dringendste:" if t.sleutel in OP_DRINGENDHEID else f" De eerste {TOON_RIJEN}:")))
            rijen = rijen[:TOON_RIJEN]
            ingekort = True
        tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
        # wrap between words, never inside one ('richtcapacitei t'), and keep short cells whole:
        # drop the less important columns where that does not fit, else fold as a last resort
        kolommen = list(range(len(t.kolommen)))
        cellen = [[_mens(c) for c in rij] for rij in rijen]
        langste = [langste_woord([k, *(c[i] for c in cellen)]) for i, k in enumerate(t.kolommen)]
        natuurlijk = [op_een_regel([k, *(c[i] for c in cellen)]) for i, k in enumerate(t.kolommen)]
        heel = [n if n <= HEEL else m for n, m in zip(natuurlijk, langste)]  # a name, a date: on one line

        def past(vloer: list[int], kolommen: list[int] = kolommen) -> bool:
            return breedte is None or sum(vloer[i] for i in kolommen) + 3 * (len(kolommen) - 1) <= breedte

        for weg in t.weg_als_smal:  # a less important column goes before a name is broken up
            if not past(heel):
                kolommen.remove(t.kolommen.index(weg))
        vloer = heel if past(heel) else langste
        gegeven = breedtes([vloer[i] for i in kolommen], [natuurlijk[i] for i in kolommen], breedte)
        for j, i in enumerate(kolommen):
            getal = isinstance(t.rijen[0][i], (int, float))
            tabel.add_column(t.kolommen[i], justify="right" if getal else "left", overflow="fold", width=gegeven[j] if gegeven else None)
        for rij, tekst in zip(rijen, cellen):
            tabel.add_row(*(Text(tekst[i], style="bold red" if rij[i] == "verlopen" else "") for i in kolommen))
        delen.append(tabel)
        if t.sleutel in grafieken:
            delen.append(Text("\n".join(grafiek.terminal_regels(grafieken[t.sleutel])), no_wrap=True, overflow="ellipsis"))
        if len(rijen) < len(t.rijen):
            delen.append(Text(f"… en nog {datums.getal(len(t.rijen) - len(rijen))}.", style="dim"))
    if ingekort:
        delen.append(Text("\nAlle rijen: leersteun overzicht --alles, of --formaat xlsx, md of html.", style="dim"))
    delen.append(Text(f"\n{_onder(o)}", style="dim"))
    return Group(*delen)


def als_bestand(o: Overzicht, formaat: str, map_pad: Any = None, komma: bool = False) -> bytes:
    """The overview as the bytes of a file: md, csv, html, json or xlsx."""
    if formaat == "xlsx":
        return als_xlsx(o)
    schrijvers = {
        "md": lambda: als_md(o, map_pad),
        "tabel": lambda: als_md(o, map_pad),  # a table written to a file is Markdown
        "csv": lambda: als_csv(o, komma),
        "html": lambda: als_html(o, map_pad),
        "json": lambda: als_json(o),
    }
    return schrijvers[formaat]().encode("utf-8")
