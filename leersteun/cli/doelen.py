"""Commands about SMART goals: doel and fiche.
"""

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    BuitenOutOptie,
    CommitOptie,
    DatumOptie,
    DoorOptie,
    DossierArg,
    _controleer_uitvoer,
    _datum_optie,
    _dossiermap,
    _geen_effect,
    _schrijf_uitvoer,
    _Sessie,
    _wie,
)
from leersteun.cli.kern import opdracht
from leersteun.waarden import (
    Domein,
    JaDeelsNee,
    Periode,
)

if TYPE_CHECKING:
    pass


def _toon_smart(sessie: _Sessie, doel_id: str) -> None:
    """The SMART warnings of one goal, with their line, after it was saved."""
    from leersteun.checks import smart_meldingen

    g = sessie.gelezen
    index = next(i for i, x in enumerate(g.dossier.doelen) if x.id == doel_id)
    meldingen = [m for m in smart_meldingen(g.dossier, sessie.ctx) if m[0][1] == index]
    for b in sorted((g.bestand.bevinding(*m) for m in meldingen), key=lambda b: (b.regel, b.kolom)):
        print(b.als_tekst())
    if not meldingen:
        print(f"{doel_id} is SMART geformuleerd: geen opmerkingen.")


@opdracht("doel")
def doel_(
    dossier: DossierArg,
    doel_id: Annotated[Optional[str], typer.Option("--doel", metavar="ID", help="Een bestaand doel (zoals D1) aanpassen, aanvullen of evalueren.")] = None,
    evalueer: Annotated[bool, typer.Option("--evalueer", help="Evalueer het doel (met --doel).")] = False,
    domein: Annotated[Optional[Domein], typer.Option(help="Domein van het doel.")] = None,
    omschrijving: Annotated[Optional[str], typer.Option(help="Het doel in één zin.")] = None,
    specifiek: Annotated[Optional[str], typer.Option(help="Waarneembaar, met een getal of percentage.")] = None,
    meetbaar: Annotated[Optional[str], typer.Option(help="Hoe en hoe vaak wordt het gemeten?")] = None,
    acceptabel: Annotated[Optional[str], typer.Option(help="Wie doet wat; is er draagvlak?")] = None,
    realistisch: Annotated[Optional[str], typer.Option(help="Waarom is het haalbaar?")] = None,
    start: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Start van het doel.")] = None,
    einde: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Einde van het doel.")] = None,
    onderwijsbehoefte: Annotated[Optional[list[str]], typer.Option(help="'De leerling heeft …' (mag meermaals).")] = None,
    ondersteuningsbehoefte: Annotated[Optional[list[str]], typer.Option(help="'Als leraar heb ik nood aan …' (mag meermaals).")] = None,
    maatregel: Annotated[Optional[str], typer.Option(help="Voeg een maatregel toe: wat?")] = None,
    effect: Annotated[Optional[str], typer.Option(help="Maatregel: het beoogde effect.")] = None,
    periode: Annotated[Optional[Periode], typer.Option(help="Maatregel: tijdelijk of blijvend.")] = None,
    wie: Annotated[Optional[str], typer.Option(help="Maatregel: wie (een functie, zoals klasleerkracht).")] = None,
    wanneer: Annotated[Optional[str], typer.Option(help="Maatregel: frequentie en duur.")] = None,
    hoe: Annotated[Optional[str], typer.Option(help="Maatregel: methode, aanpak, materiaal.")] = None,
    maatregel_evaluatie: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Maatregel: wanneer ze geëvalueerd wordt.")] = None,
    bereikt: Annotated[Optional[JaDeelsNee], typer.Option(help="Evaluatie: is het doel bereikt?")] = None,
    behouden: Annotated[Optional[str], typer.Option(help="Evaluatie: wat behouden we?")] = None,
    bijsturen: Annotated[Optional[str], typer.Option(help="Evaluatie: waar sturen we bij?")] = None,
    bannen: Annotated[Optional[str], typer.Option(help="Evaluatie: wat bannen we?")] = None,
    breder_inzetten: Annotated[Optional[str], typer.Option(help="Evaluatie: wat zetten we breder in?")] = None,
    nieuwe_afspraken: Annotated[Optional[str], typer.Option(help="Evaluatie: welke nieuwe afspraken?")] = None,
    datum: DatumOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Voeg een SMART-doel toe, of pas een doel aan, met maatregelen en evaluatie."""
    from leersteun import goals
    from leersteun.errors import GebruikFout

    wie_door = _wie(door, datum, None)
    sessie = _Sessie(dossier)
    velden = {
        "domein": domein.value if domein else None,
        "omschrijving": omschrijving,
        "specifiek": specifiek,
        "meetbaar": meetbaar,
        "acceptabel": acceptabel,
        "realistisch": realistisch,
        "start": _datum_optie(start, "--start"),
        "einde": _datum_optie(einde, "--einde"),
    }
    onderwijs, ondersteuning = list(onderwijsbehoefte or []), list(ondersteuningsbehoefte or [])
    nieuwe_maatregel = {
        "wat": maatregel, "beoogd_effect": effect, "periode": periode.value if periode else None, "wie": wie,
        "wanneer": wanneer, "hoe": hoe, "evaluatie_op": _datum_optie(maatregel_evaluatie, "--maatregel-evaluatie"),
    }  # fmt: skip
    evaluatie = {
        "bereikt": bereikt.value if bereikt else None, "behouden": behouden, "bijsturen": bijsturen, "bannen": bannen,
        "breder_inzetten": breder_inzetten, "nieuwe_afspraken": nieuwe_afspraken,
    }  # fmt: skip
    interactief = not (any(v is not None for v in velden.values()) or onderwijs or ondersteuning or maatregel or any(evaluatie.values()))
    console = _console()
    team = sessie.instellingen.teamnamen()
    evaluatie_opties = {
        "--bereikt": bereikt, "--behouden": behouden, "--bijsturen": bijsturen, "--bannen": bannen,
        "--breder-inzetten": breder_inzetten, "--nieuwe-afspraken": nieuwe_afspraken,
    }  # fmt: skip
    if any(v is not None for v in evaluatie_opties.values()) and not evalueer:
        if doel_id is None:
            raise GebruikFout("Een evaluatie hoort bij één doel: geef --doel mee, zoals --doel D1 --bereikt deels.")
        if bereikt is None:
            raise GebruikFout(f"Een evaluatie van {doel_id.upper()} zegt of het doel bereikt is: geef ook --bereikt ja|deels|nee.")
        evalueer = True  # --bereikt with --doel is an evaluation, said or not
    if not maatregel:
        _geen_effect(
            "ze beschrijven een nieuwe maatregel: geef ook --maatregel \"wat\"",
            {"--effect": effect, "--periode": periode, "--wie": wie, "--wanneer": wanneer, "--hoe": hoe, "--maatregel-evaluatie": maatregel_evaluatie},
        )
    if evalueer:
        _geen_effect(
            "een evaluatie verandert het doel niet; pas het doel apart aan",
            {**{f"--{k.replace('_', '-')}": v for k, v in velden.items()}, "--onderwijsbehoefte": onderwijs, "--ondersteuningsbehoefte": ondersteuning, "--maatregel": maatregel},
        )
    else:
        _geen_effect("--datum is de datum van een evaluatie (--evalueer); een doel heeft --start en --einde", {"--datum": datum})

    if evalueer:
        if doel_id is None:
            raise GebruikFout("Zeg welk doel je evalueert met --doel, zoals --doel D1.")
        if interactief:
            from leersteun.doel_ui import vraag_evaluatie

            evaluatie = vraag_evaluatie(console)
        evaluatie |= {"datum": wie_door.datum, "door": wie_door.door}
        sessie.bewaar(lambda data, d: goals.evalueer_doel(data, d, doel_id, evaluatie) or [])
        print(f"Evaluatie van {doel_id.upper()} bewaard.")
        sessie.commit(commit, f"evaluatie van doel {doel_id.upper()}", wie_door.door)
        return

    if doel_id is None:
        d = sessie.gelezen.dossier
        if interactief:
            from leersteun.doel_ui import vraag_beeldvorming, vraag_doel
            from leersteun.vragen import ja_nee

            if not d.doelen and d.beeldvorming is None and ja_nee(console, "Eerst de beeldvorming invullen (reden, observaties, sterktes en moeilijkheden)?", standaard=True):
                beeld = vraag_beeldvorming(console)
                sessie.bewaar(lambda data, dd: goals.zet_beeldvorming(data, dd, beeld) or [])
                print("Beeldvorming bewaard.")
            velden, onderwijs, ondersteuning = vraag_doel(console)
        gemaakt: list[str] = []
        sessie.bewaar(lambda data, dd: gemaakt.append(goals.nieuw_doel(data, dd, velden, onderwijs, ondersteuning)) or [])
        doel_id = gemaakt[0]
        print(f"Doel {doel_id} toegevoegd.")
    elif interactief:
        from leersteun.doel_ui import vraag_doel

        bestaand = next((x for x in sessie.gelezen.dossier.doelen if x.id.lower() == doel_id.lower()), None)
        if bestaand is None:
            raise GebruikFout(f"Dossier {sessie.gelezen.id} heeft geen doel '{doel_id}'.")
        doel_id = bestaand.id
        velden, onderwijs, ondersteuning = vraag_doel(console, bestaand)
        sessie.bewaar(lambda data, dd: goals.wijzig_doel(data, dd, doel_id, velden, onderwijs, ondersteuning) or [])
        print(f"Doel {doel_id} aangepast.")
    else:
        sessie.bewaar(lambda data, dd: goals.wijzig_doel(data, dd, doel_id, velden, onderwijs, ondersteuning) or [])
        doel_id = next(x.id for x in sessie.gelezen.dossier.doelen if x.id.lower() == doel_id.lower())
        if any(v is not None for v in velden.values()) or onderwijs or ondersteuning:
            print(f"Doel {doel_id} aangepast.")

    if maatregel:
        sessie.bewaar(lambda data, dd: goals.voeg_maatregel_toe(data, dd, doel_id, nieuwe_maatregel) or [])
        print(f"Maatregel toegevoegd aan {doel_id}.")
    elif interactief:
        from leersteun.doel_ui import vraag_maatregel
        from leersteun.vragen import ja_nee

        while ja_nee(console, f"Een maatregel toevoegen aan {doel_id}?", standaard=not sessie.gelezen.dossier.doelen[-1].maatregelen):
            m = vraag_maatregel(console, team)
            sessie.bewaar(lambda data, dd, m=m: goals.voeg_maatregel_toe(data, dd, doel_id, m) or [])
            print("Maatregel bewaard.")
    _toon_smart(sessie, doel_id)
    sessie.commit(commit, f"doel {doel_id}", wie_door.door)


class FicheFormaat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


@opdracht("fiche")
def fiche(
    dossier: DossierArg,
    doel_id: Annotated[Optional[str], typer.Option("--doel", metavar="ID", help="Alleen dit doel (zoals D1).")] = None,
    formaat: Annotated[FicheFormaat, typer.Option(help="md, html (printbaar A4) of pdf.")] = FicheFormaat.html,
    uit: Annotated[Optional[Path], typer.Option("--uit", metavar="BESTAND", help="Waar de fiche komt (standaard in out/).")] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Ook de doelen van een vroegere ondersteuning (voor een heropstart met een nieuw traject).")] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Maak de doelfiche: leesbaar voor ouders en leerling, in Markdown, HTML of PDF."""
    from leersteun import dossiers, fiche
    from leersteun.folder import vandaag
    from leersteun.render import html_naar_pdf, render
    from leersteun.store import toon

    map_ = _dossiermap()
    _controleer_uitvoer(map_, uit, buiten_out)
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    gevonden = dossiers.open_dossier(map_, dossier, dossiers.context(dag, inst))
    d = gevonden.dossier
    if doel_id is not None:
        _geen_effect("--alle toont alle doelen; met --doel toont de fiche dat ene doel", {"--alle": alle})
    context = fiche.fiche_context(d, inst.netwerk, dag, doel_id, alle)
    if formaat == FicheFormaat.md:
        inhoud = render("fiche/fiche.md.j2", context, map_.pad).encode("utf-8")
    else:
        html = render("fiche/fiche.html.j2", context, map_.pad)
        inhoud = html.encode("utf-8") if formaat == FicheFormaat.html else html_naar_pdf(html, map_.pad)
    if uit is None:
        achter = f"-{doel_id.upper()}" if doel_id else ""
        uit = map_.out / f"{d.id}-doelfiche{achter}.{formaat.value}"
    uit = _schrijf_uitvoer(map_, uit, inhoud, buiten_out)
    print(f"Doelfiche geschreven: {toon(uit)}")
