"""The heropstart checklist in the terminal: one question at a time, each answer saved at once.

`doorloop` asks only what is still open, so running it again after Ctrl-C, a closed terminal
or a crash resumes at the first open question. Saving goes through the caller's `bewaar`
(which re-reads the case, applies one edit, re-checks and writes it): the caller holds the
edits, this module only asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leersteun.core import datums
from leersteun.core.tekst import keuze, label
from leersteun.reading.snel import Geldig
from leersteun.rules import checklist as cl
from leersteun.rules.model import AnalyseMet, Beslissing, Dossier, JaDeelsNee, Partner, Uitkomst, VraagVan
from leersteun.terminal.vragen import vraag, vraag_lijst


@dataclass(frozen=True)
class Bewaar:
    """How the caller saves what the checklist asked; each returns the case as read after the write."""

    analyse_met: Callable[[AnalyseMet, cl.Voorstel, str | None], Geldig]
    antwoord: Callable[[str, Any], Geldig]
    uitkomst: Callable[[Uitkomst, str], Geldig]


def _context(d: Dossier, v: cl.Vraag) -> str | None:
    """What the people at the table need beside a question, from the case itself."""
    if v.sleutel == "succesfactoren_toegepast":
        afsluiting = next((e for e in reversed(d.evaluaties) if e.beslissing == Beslissing.afsluiten), None)
        if afsluiting and (afsluiting.wat_neemt_school_mee or afsluiting.kansen):
            delen = [f"Bij het afsluiten op {datums.kort(afsluiting.datum)}:"]
            if afsluiting.wat_neemt_school_mee:
                delen.append(f"de school zou meenemen: {afsluiting.wat_neemt_school_mee}")
            if afsluiting.kansen:
                delen.append(f"kansen: {afsluiting.kansen}")
            return " ".join(delen)
        return "In het dossier staat geen afsluitende evaluatie met wat de school zou meenemen."
    if v.sleutel == "vraag_van":
        return None
    return None


def vraag_van_keuzes(console: Console) -> list[str]:
    """From whom a question comes: one or more of leerkracht, zorg, ouders, clb, directie,
    andere, from a numbered list, by number or by word ('1, 3' or 'leerkracht, ouders')."""
    geldig = [k.value for k in VraagVan]
    return meer_keuzes(console, geldig, f"Van wie? [een of meer, zoals 1, 3 of {geldig[0]}, {geldig[2]}]")


def meer_keuzes(console: Console, geldig: list[str], tekst: str, leeg: bool = False) -> list[str]:
    """One or more of `geldig` from a numbered list, by number or by word; with `leeg` an empty
    answer is none."""
    from rich.markup import escape

    for i, k in enumerate(geldig, start=1):
        console.print(f"  {i}. {escape(label(k))}")
    while True:
        antwoord = vraag(console, tekst, leeg=leeg)
        gekozen: list[str] = []
        fout: list[str] = []
        for deel in (a.strip() for a in antwoord.replace(";", ",").split(",")):
            if deel.isdigit() and 1 <= int(deel) <= len(geldig):
                gekozen.append(geldig[int(deel) - 1])
            elif deel:
                gevonden = {keuze(k): k for k in geldig}.get(keuze(deel))
                (gekozen if gevonden else fout).append(gevonden or deel)
        if (gekozen or (leeg and not antwoord.strip())) and not fout:
            return list(dict.fromkeys(gekozen))
        console.print(
            (f"'{escape(fout[0])}' is geen van de mogelijkheden. " if fout else "")
            + f"Typ een of meer nummers van 1 tot {len(geldig)}, of woorden uit de lijst, gescheiden door komma's"
            + (", of laat het leeg." if leeg else ".")
        )


PARTNER_UITLEG = {  # question 4 as seed 000 asks it: 'ja' = the needs lie within the network's task (the file: `andere_partner`, turned round)
    "ja": "de noden horen bij leersteun",
    "deels": "een andere partner kan een deel opnemen",
    "nee": "betrek beter een andere partner",
}


def _jdn(console: Console, uitleg: dict[str, str] | None = None) -> str:
    keuzes = [k.value for k in JaDeelsNee]
    if uitleg:
        keuzes = list(uitleg)
    return vraag(console, "Antwoord", keuzes=keuzes, uitleg=uitleg)


def vraag_antwoord(console: Console, v: cl.Vraag) -> Any:
    """Ask one question; returns the plain data to store."""
    if v.soort == "keuzes":
        return vraag_van_keuzes(console)
    if v.soort == "factoren":
        return {
            "leerling": vraag_lijst(console, "Bij de leerling"),
            "leerkracht": vraag_lijst(console, "Bij de leerkracht"),
            "school": vraag_lijst(console, "Op school"),
        }
    antwoord = _jdn(console, PARTNER_UITLEG if v.soort == "partner" else None)
    uit: dict[str, Any] = {"antwoord": antwoord}
    if v.soort == "partner":  # the central question of the checklist, whatever the answer
        console.print(Text(cl.CENTRALE_VRAAG, style="bold"))
        uit["andere_partners"] = meer_keuzes(console, [p.value for p in Partner], "Welke? [een of meer, zoals 1 of CGGZ, leeg = geen]", leeg=True)
    if v.soort == "leervraag" and antwoord != "nee":
        uit["leervraag"] = vraag(console, "De leervraag", leeg=True) or None
    uit["toelichting"] = vraag(console, "Toelichting (leeg = geen)", leeg=True) or None
    if v.soort == "partner":  # asked in the seed's wording, kept as the contract's `andere_partner` (turned round)
        from leersteun.rules.model import BinnenOpdracht

        gegeven = BinnenOpdracht.model_validate({k: w for k, w in uit.items() if w is not None})
        return cl.vraag_4_in_het_bestand(gegeven.als_andere_partner().model_dump(mode="json"))
    return {k: w for k, w in uit.items() if w is not None or k == "antwoord"}


def samenvatting(d: Dossier) -> Table:
    h = d.laatste_heropstart
    assert h is not None and h.checklist is not None
    from leersteun.outputs.mail import checklist_rijen

    tabel = Table(show_header=False, show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    tabel.add_column(style="dim", no_wrap=True)
    tabel.add_column(overflow="fold")
    for v, rij in zip(cl.VRAGEN, checklist_rijen(h.checklist), strict=True):
        waarde = rij["antwoord"]
        if rij["lijsten"]:
            waarde = "; ".join(f"{t.lower()}: {', '.join(i) or 'geen'}" for t, i in rij["lijsten"])
        tabel.add_row(v.kort, Text(" · ".join(x for x in (waarde, *rij["extra"]) if x)))
    return tabel


def doorloop(console: Console, gelezen: Geldig, bewaar: Bewaar, andere: list[Dossier]) -> Uitkomst | None:
    """Ask what is open, save each answer, decide the outcome. Returns the outcome."""
    d = gelezen.dossier
    assert d is not None and d.laatste_heropstart is not None
    h = d.laatste_heropstart
    if h.uitkomst is not None:
        console.print(f"De checklist van deze heropstart is al afgerond: {h.uitkomst.value.replace('_', ' ')}.")
        return h.uitkomst
    ll = d.leerling
    console.print(Panel.fit(Text(f"Checklist heropstart voor {ll.voornaam} {ll.naam} ({ll.klas}, {d.school.naam})"), style="bold"))
    if h.analyse_met is None:
        voorstel = cl.voorstel_analyse(d, andere)
        console.print(f"Wie analyseert met de school? {voorstel.uitleg}", markup=False)
        keuze = vraag(console, "Analyse met", keuzes=[a.value for a in AnalyseMet], standaard=voorstel.analyse_met.value)
        reden = None
        if keuze != voorstel.analyse_met:  # seed 000 says with whom: another choice says why
            reden = vraag(console, "Dat is niet het voorstel. Waarom")
        gelezen = bewaar.analyse_met(AnalyseMet(keuze), voorstel, reden)
    bewaard = gelezen.dossier.laatste_heropstart
    assert bewaard is not None
    open_ = cl.open_vragen(bewaard.checklist)
    if len(open_) < len(cl.VRAGEN) and open_:
        console.print(f"Verder waar de checklist stopte: nog {len(open_)} van {len(cl.VRAGEN)} vragen.")
    for v in open_:
        nummer = cl.VRAGEN.index(v) + 1
        uitleg = Text(v.uitleg, style="dim")
        context = _context(gelezen.dossier, v)
        inhoud = Text.assemble((v.vraag, "bold"), "\n", uitleg)
        if context:
            inhoud.append("\n")
            inhoud.append(context, style="cyan")
        console.print(Panel(inhoud, title=f"Vraag {nummer} van {len(cl.VRAGEN)}", title_align="left"))
        gelezen = bewaar.antwoord(v.sleutel, vraag_antwoord(console, v))
        console.print("[green]Bewaard.[/]")

    d = gelezen.dossier
    assert d is not None and d.laatste_heropstart is not None and d.laatste_heropstart.checklist is not None
    console.print(Panel(samenvatting(d), title="Samenvatting", title_align="left"))
    raad = cl.advies(d.laatste_heropstart.checklist)
    console.print(Panel(Text("\n".join(f"• {r}" for r in raad.redenen)), title="Advies", title_align="left", style="cyan"))
    console.print("Jullie beslissen: heropstart, of geen heropstart.")
    uitkomst = Uitkomst(vraag(console, "Uitkomst", keuzes=[u.value for u in Uitkomst], standaard=raad.voorstel.value))
    motivatie = vraag(console, "Motivatie (in gewone woorden)")
    gelezen = bewaar.uitkomst(uitkomst, motivatie)
    return uitkomst
