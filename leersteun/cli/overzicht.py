"""Commands for coordinators: agenda and the weekly overview."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    BuitenOutOptie,
    _anoniem_volledig,
    _controleer_uitvoer,
    _dossiermap,
    _geen_effect,
    _meld_ongeldige,
    _schrijf_uitvoer,
)
from leersteun.cli.kern import opdracht
from leersteun.core import datums


@opdracht("agenda")
def agenda(
    ondersteuner: Annotated[str | None, typer.Option(help="Alleen de dossiers van deze ondersteuner.")] = None,
    weken: Annotated[int, typer.Option(min=0, max=520, help="Hoeveel weken vooruit, 0 tot 520 (verlopen deadlines staan er altijd bij).")] = 4,
    ics: Annotated[Path | None, typer.Option("--ics", metavar="BESTAND", help="Schrijf de deadlines ook als iCalendar-bestand (Outlook, Thunderbird).")] = None,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen.")] = False,
    alles: Annotated[
        bool, typer.Option("--alles", help="Elke deadline in de terminal (standaard bij meer dan 30: per staat een samenvatting en de 10 dringendste).")
    ] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Toon de komende en verlopen deadlines, in de terminal en als agendabestand."""
    import datetime as dt

    from leersteun.outputs import agenda as agenda_
    from leersteun.outputs.weergave import agenda_weergave
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vandaag

    map_ = _dossiermap()
    _controleer_uitvoer(map_, ics, buiten_out, "--ics")
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    tot = dag + dt.timedelta(weeks=weken)
    with _voortgang() as voortgang:
        a = agenda_.van_map(map_, inst, dag, tot, ondersteuner, anoniem, voortgang)
    _anoniem_volledig(anoniem, a.ongeldig)
    console = _console()
    if a.punten:
        console.print(agenda_weergave(a.punten, dag, a.anoniem, alles))
    console.print(f"{datums.getal(len(a.punten))} deadline{'s' if len(a.punten) != 1 else ''} tot en met {datums.kort(tot)}.")
    if ics is not None:
        from leersteun.outputs.ics import agenda_ics

        _schrijf_uitvoer(
            map_, ics, agenda_ics(a.punten, inst.netwerk if inst else "leersteun", dag, a.anoniem, vorige=ics).encode("utf-8"), buiten_out, "--ics"
        )
        console.print(f"Agendabestand geschreven: {ics} (abonneer je agenda in Thunderbird op dit bestand, of importeer het in Outlook).", markup=False)
    _meld_ongeldige(a.ongeldig)


class OverzichtFormaat(str, Enum):
    tabel = "tabel"
    md = "md"
    csv = "csv"
    html = "html"
    json = "json"
    xlsx = "xlsx"


@contextmanager
def _voortgang() -> Iterator[Any]:
    """A progress bar on a terminal (stderr only), or None. It draws when told to, from this
    thread: the folder may be read by forked processes, and forking beside a drawing thread
    is unsafe."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=_console(stderr=True), transient=True, auto_refresh=False) as balk:
        taak = balk.add_task("Dossiers lezen", total=None)
        yield lambda klaar, totaal: balk.update(taak, completed=klaar, total=totaal, refresh=True)


@opdracht("overzicht")
def overzicht(
    week: Annotated[str | None, typer.Option(metavar="JJJJ-Wnn", help="De week, zoals 2026-W48 (standaard: deze week).")] = None,
    formaat: Annotated[OverzichtFormaat, typer.Option(help="tabel, md, csv, html, json of xlsx.")] = OverzichtFormaat.tabel,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen met dossier-id.")] = False,
    uit: Annotated[Path | None, typer.Option("--uit", metavar="BESTAND", help="Schrijf naar dit bestand in plaats van naar het scherm.")] = None,
    komma: Annotated[bool, typer.Option("--komma", help="CSV met komma's en zonder BOM (voor andere programma's dan Excel).")] = False,
    alles: Annotated[bool, typer.Option("--alles", help="In de terminal: elke rij van elk deel (standaard: een samenvatting en de 10 dringendste).")] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Het weekoverzicht voor de coördinatie: heropstartvragen, deadlines, caseload, capaciteit."""
    from leersteun.outputs import formats, overview
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vandaag

    if formaat != OverzichtFormaat.csv:
        _geen_effect("--komma hoort bij --formaat csv", {"--komma": komma})
    if formaat != OverzichtFormaat.tabel or uit is not None:
        _geen_effect("--alles hoort bij het overzicht in de terminal; de bestanden hebben altijd elke rij", {"--alles": alles})
    map_ = _dossiermap()
    _controleer_uitvoer(map_, uit, buiten_out)
    inst = dossiers.instellingen(map_)
    dag = vandaag()  # the command's one today: the week, the rules and the overview's dates
    w = overview.week_van(week, dag)
    with _voortgang() as voortgang:
        o, fout = overview.van_map(map_, inst, w, dag, anoniem, voortgang)
    _anoniem_volledig(anoniem, fout)
    if formaat == OverzichtFormaat.tabel and uit is None:
        console = _console()
        console.print(formats.als_tabel(o, alles, console.width))
    else:
        if formaat == OverzichtFormaat.xlsx and uit is None:
            uit = map_.out / f"overzicht-{w}.xlsx"
        inhoud = formats.als_bestand(o, formaat.value, map_.pad, komma)
        if uit is None:
            sys.stdout.buffer.write(inhoud)
            sys.stdout.flush()
        else:
            from leersteun.files.schijf import toon

            print(f"Overzicht geschreven: {toon(_schrijf_uitvoer(map_, uit, inhoud, buiten_out))}", file=sys.stderr)
    _meld_ongeldige(fout)
