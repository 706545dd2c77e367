"""Commands about SMART goals: doel and fiche."""

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    _ja_nee,
    _schrijf_uitvoer,
    _Sessie,
    _wie,
)
from leersteun.cli.kern import opdracht
from leersteun.core.waarden import PROCES, Domein, JaDeelsNee, Periode

if TYPE_CHECKING:
    from leersteun.cli.gemeen import TerminalSessie


def _toon_smart(sessie: "TerminalSessie", doel_id: str) -> None:
    """The SMART warnings of one goal, with their line, after it was saved."""
    from leersteun.rules.checks import smart_meldingen

    g = sessie.gelezen
    index = next(i for i, x in enumerate(g.dossier.doelen) if x.id == doel_id)
    meldingen = [m for m in smart_meldingen(g.dossier, sessie.ctx) if m[0][1] == index]
    for b in sorted((g.bestand.bevinding(*m) for m in meldingen), key=lambda b: (b.regel, b.kolom)):
        print(b.als_tekst())
    if not meldingen:
        print(f"{doel_id} is SMART geformuleerd: geen opmerkingen.")


DoelOptie = Annotated[str | None, typer.Option("--doel", metavar="ID", help="Een bestaand doel (zoals D1) aanpassen, aanvullen of evalueren.")]
BehoefteOptie = Annotated[list[str] | None, typer.Option(help="'De leerling heeft …' (mag meermaals).")]
NoodOptie = Annotated[list[str] | None, typer.Option(help="'Als leraar heb ik nood aan …' (mag meermaals).")]
WieOptie = Annotated[str | None, typer.Option(help="Maatregel: wie (een functie, zoals klasleerkracht).")]
MaatregelEvaluatieOptie = Annotated[str | None, typer.Option(metavar="DATUM", help="Maatregel: wanneer ze geëvalueerd wordt.")]


@opdracht("doel")
def doel_(
    dossier: DossierArg,
    doel_id: DoelOptie = None,
    evalueer: Annotated[bool, typer.Option("--evalueer", help="Evalueer het doel (met --doel).")] = False,
    domein: Annotated[Domein | None, typer.Option(help="Domein van het doel.")] = None,
    omschrijving: Annotated[str | None, typer.Option(help="Het doel in één zin.")] = None,
    leerplandoel: Annotated[str | None, typer.Option(help="Welk leerplandoel of welke eindterm het doel dient.")] = None,
    specifiek: Annotated[str | None, typer.Option(help="Waarneembaar, met een getal of percentage.")] = None,
    meetbaar: Annotated[str | None, typer.Option(help="Hoe en hoe vaak wordt het gemeten?")] = None,
    acceptabel: Annotated[str | None, typer.Option(help="Wie doet wat; is er draagvlak?")] = None,
    realistisch: Annotated[str | None, typer.Option(help="Waarom is het haalbaar?")] = None,
    start: Annotated[str | None, typer.Option(metavar="DATUM", help="Start van het doel.")] = None,
    einde: Annotated[str | None, typer.Option(metavar="DATUM", help="Einde van het doel.")] = None,
    onderwijsbehoefte: BehoefteOptie = None,
    ondersteuningsbehoefte: NoodOptie = None,
    maatregel: Annotated[str | None, typer.Option(help="Voeg een maatregel toe: wat? (met --wijzig-maatregel: de nieuwe tekst)")] = None,
    wijzig_maatregel: Annotated[
        str | None,
        typer.Option("--wijzig-maatregel", metavar="NR|TEKST", help="Corrigeer een maatregel van --doel (nummer of stuk van de tekst) met --wie, --hoe, ..."),
    ] = None,
    effect: Annotated[str | None, typer.Option(help="Maatregel: het beoogde effect.")] = None,
    periode: Annotated[Periode | None, typer.Option(help="Maatregel: tijdelijk of blijvend.")] = None,
    wie: WieOptie = None,
    waar: Annotated[str | None, typer.Option(help="Maatregel: waar (klas, speelplaats, …).")] = None,
    wanneer: Annotated[str | None, typer.Option(help="Maatregel: frequentie en duur.")] = None,
    hoe: Annotated[str | None, typer.Option(help="Maatregel: methode, aanpak, materiaal.")] = None,
    maatregel_evaluatie: MaatregelEvaluatieOptie = None,
    evaluatie_elke: Annotated[
        int | None, typer.Option("--evaluatie-elke", metavar="WEKEN", min=1, max=52, help="Blijvende maatregel: daarna om de zoveel weken opnieuw bekijken.")
    ] = None,
    bereikt: Annotated[JaDeelsNee | None, typer.Option(help="Evaluatie: is het doel bereikt?")] = None,
    beoogde_effecten: Annotated[str | None, typer.Option(help=PROCES["beoogde_effecten"][1])] = None,
    behouden: Annotated[str | None, typer.Option(help=PROCES["behouden"][1])] = None,
    bijsturen: Annotated[str | None, typer.Option(help=PROCES["bijsturen"][1])] = None,
    bannen: Annotated[str | None, typer.Option(help=PROCES["bannen"][1])] = None,
    breder_inzetten: Annotated[str | None, typer.Option(help=PROCES["breder_inzetten"][1])] = None,
    nieuwe_afspraken: Annotated[str | None, typer.Option(help=PROCES["nieuwe_afspraken"][1])] = None,
    al_geprobeerd: Annotated[
        str | None, typer.Option("--al-geprobeerd", metavar="WAT", help="Wat al geprobeerd werd, met --gelukt en --waarom (bij de leervraag).")
    ] = None,
    gelukt: Annotated[JaDeelsNee | None, typer.Option(help="Bij --al-geprobeerd: lukte het?")] = None,
    waarom: Annotated[str | None, typer.Option(help="Bij --al-geprobeerd: waarom het (niet) lukte.")] = None,
    datum: DatumOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Voeg een SMART-doel toe, of pas een doel aan, met maatregelen en evaluatie."""
    _doel(dict(locals()))


def _doel(o: dict[str, Any]) -> None:
    wie_door = _wie(o["door"], o["datum"], None)
    if o["wijzig_maatregel"] is not None:
        _wijzig_maatregel(o, wie_door)
        return
    if o["al_geprobeerd"] is not None or o["gelukt"] is not None or o["waarom"] is not None:
        _al_geprobeerd(o, wie_door)
        return
    sessie = _Sessie(o["dossier"])
    velden = {k: o[k] for k in ("omschrijving", "leerplandoel", "specifiek", "meetbaar", "acceptabel", "realistisch")}
    velden = {
        "domein": o["domein"].value if o["domein"] else None,
        **velden,
        "start": _datum_optie(o["start"], "--start"),
        "einde": _datum_optie(o["einde"], "--einde"),
    }
    behoeften = (list(o["onderwijsbehoefte"] or []), list(o["ondersteuningsbehoefte"] or []))
    evaluatie = {"bereikt": o["bereikt"].value if o["bereikt"] else None, **{veld: o[veld] for veld in PROCES}}
    interactief = not (any(v is not None for v in velden.values()) or any(behoeften) or o["maatregel"] or any(evaluatie.values()))
    if _controleer_doel_opties(o, velden, behoeften):
        if interactief:
            from leersteun.terminal.doel_ui import vraag_evaluatie

            evaluatie = vraag_evaluatie(_console())
        _evalueer_doel(sessie, o["doel_id"], evaluatie | {"datum": wie_door.datum, "door": wie_door.door})
        sessie.commit(o["commit"], f"evaluatie van doel {o['doel_id'].upper()}", wie_door.door)
        return
    doel_id = _nieuw_of_gewijzigd_doel(sessie, o["doel_id"], velden, behoeften, interactief)
    _maatregelen(sessie, doel_id, o, interactief)
    _toon_smart(sessie, doel_id)
    sessie.commit(o["commit"], f"doel {doel_id}", wie_door.door)


def _wijzig_maatregel(o: dict[str, Any], wie: Any) -> None:
    """--wijzig-maatregel: correct the fields of one measure of --doel (a line in the history)."""
    from leersteun.core.errors import GebruikFout
    from leersteun.editing import goals

    if o["doel_id"] is None:
        raise GebruikFout("--wijzig-maatregel hoort bij een doel: geef ook --doel mee, zoals --doel D1 --wijzig-maatregel 1 --wie zorgleerkracht.")
    doel = (
        "domein",
        "omschrijving",
        "leerplandoel",
        "specifiek",
        "meetbaar",
        "acceptabel",
        "realistisch",
        "start",
        "einde",
        "onderwijsbehoefte",
        "ondersteuningsbehoefte",
    )
    anders = {f"--{k.replace('_', '-')}": o[k] for k in (*doel, "evalueer", "bereikt", *PROCES, "datum")}
    _geen_effect("--wijzig-maatregel corrigeert één maatregel; pas het doel of evalueer het in een aparte opdracht", anders)
    velden = {"wat": o["maatregel"], "beoogd_effect": o["effect"], "periode": o["periode"].value if o["periode"] else None}
    velden |= {k: o[k] for k in ("wie", "waar", "wanneer", "hoe")} | _evaluatie_van_maatregel(o)
    if all(v is None for v in velden.values()):
        raise GebruikFout(
            "Zeg wat er verandert aan de maatregel: --maatregel (de nieuwe tekst), --effect, --periode, --wie, --waar, --wanneer, --hoe,"
            " --maatregel-evaluatie of --evaluatie-elke."
        )
    sessie = _Sessie(o["dossier"])
    sessie.bewaar(lambda data, d: goals.wijzig_maatregel(data, d, o["doel_id"], o["wijzig_maatregel"], velden, wie))
    sessie.zeg()
    doel_id = next(x.id for x in sessie.gelezen.dossier.doelen if x.id.lower() == o["doel_id"].lower())
    _toon_smart(sessie, doel_id)
    sessie.commit(o["commit"], f"maatregel van doel {doel_id} gecorrigeerd", wie.door)


def _al_geprobeerd(o: dict[str, Any], wie: Any) -> None:
    """--al-geprobeerd: what was tried, whether it worked and why, under the leervraag."""
    from leersteun.core.errors import GebruikFout
    from leersteun.editing import goals

    if o["al_geprobeerd"] is None:
        raise GebruikFout('--gelukt en --waarom horen bij --al-geprobeerd: zeg wat er geprobeerd werd, zoals --al-geprobeerd "Planningsschema".')
    anders = [k for k, v in o.items() if v not in (None, False, [], ()) and k not in ("dossier", "al_geprobeerd", "gelukt", "waarom", "commit", "door")]
    _geen_effect("--al-geprobeerd noteert wat al geprobeerd werd; doe de rest in een aparte opdracht", {f"--{k.replace('_', '-')}": o[k] for k in anders})
    if o["gelukt"] is None and not o["waarom"]:
        raise GebruikFout(f"Zeg of '{o['al_geprobeerd']}' lukte (--gelukt ja|deels|nee) en waarom (--waarom).")
    sessie = _Sessie(o["dossier"])
    gelukt = o["gelukt"].value if o["gelukt"] else None
    sessie.bewaar(lambda data, d: goals.noteer_geprobeerd(data, d, o["al_geprobeerd"], gelukt, o["waarom"]))
    sessie.zeg()
    sessie.commit(o["commit"], "al geprobeerd", wie.door)


def _evaluatie_van_maatregel(o: dict[str, Any]) -> dict[str, Any]:
    """When a measure is reviewed: the first time, and (a blijvende) every so many weeks."""
    return {"evaluatie_op": _datum_optie(o["maatregel_evaluatie"], "--maatregel-evaluatie"), "evaluatie_elke_weken": o["evaluatie_elke"]}


def _controleer_doel_opties(o: dict[str, Any], velden: dict[str, Any], behoeften: tuple[list[str], list[str]]) -> bool:
    """Refuse options that would do nothing; True when this is an evaluation."""
    from leersteun.core.errors import GebruikFout

    evalueer, doel_id = o["evalueer"], o["doel_id"]
    if any(o[k] is not None for k in ("bereikt", *PROCES)) and not evalueer:
        if doel_id is None:
            raise GebruikFout("Een evaluatie hoort bij één doel: geef --doel mee, zoals --doel D1 --bereikt deels.")
        if o["bereikt"] is None:
            raise GebruikFout(f"Een evaluatie van {doel_id.upper()} zegt of het doel bereikt is: geef ook --bereikt ja|deels|nee.")
        evalueer = True  # --bereikt with --doel is an evaluation, said or not
    if not o["maatregel"]:
        maatregel = {f"--{k.replace('_', '-')}": o[k] for k in ("effect", "periode", "wie", "waar", "wanneer", "hoe", "maatregel_evaluatie", "evaluatie_elke")}
        _geen_effect('ze beschrijven een nieuwe maatregel: geef ook --maatregel "wat"', maatregel)
    if evalueer:
        doel = {**{f"--{k.replace('_', '-')}": v for k, v in velden.items()}, "--onderwijsbehoefte": behoeften[0], "--ondersteuningsbehoefte": behoeften[1]}
        _geen_effect("een evaluatie verandert het doel niet; pas het doel apart aan", {**doel, "--maatregel": o["maatregel"]})
        if doel_id is None:
            raise GebruikFout("Zeg welk doel je evalueert met --doel, zoals --doel D1.")
    else:
        _geen_effect("--datum is de datum van een evaluatie (--evalueer); een doel heeft --start en --einde", {"--datum": o["datum"]})
    return evalueer


def _evalueer_doel(sessie: Any, doel_id: str, evaluatie: dict[str, Any]) -> None:
    from leersteun.editing import goals

    sessie.bewaar(lambda data, d: goals.evalueer_doel(data, d, doel_id, evaluatie))
    print(f"Evaluatie van {doel_id.upper()} bewaard.")


def _nieuw_of_gewijzigd_doel(sessie: Any, doel_id: str | None, velden: dict[str, Any], behoeften: Sequence[list[str]], interactief: bool) -> str:
    """A new goal (after the beeldvorming, when asked), or a changed one; its id."""
    from leersteun.core.errors import GebruikFout
    from leersteun.editing import goals

    if doel_id is None:
        if interactief:
            _beeldvorming(sessie)
            from leersteun.terminal.doel_ui import vraag_doel

            velden, *behoeften = vraag_doel(_console())
        gemaakt: list[str] = []
        sessie.bewaar(lambda data, dd: gemaakt.append(goals.nieuw_doel(data, dd, velden, *behoeften)))
        print(f"Doel {gemaakt[0]} toegevoegd.")
        return gemaakt[0]
    bestaand = next((x for x in sessie.gelezen.dossier.doelen if x.id.lower() == doel_id.lower()), None)
    if interactief:
        from leersteun.terminal.doel_ui import vraag_doel

        if bestaand is None:
            raise GebruikFout(f"Dossier {sessie.gelezen.id} heeft geen doel '{doel_id}'.")
        velden, *behoeften = vraag_doel(_console(), bestaand)
    sessie.bewaar(lambda data, dd: goals.wijzig_doel(data, dd, doel_id, velden, *behoeften))
    doel_id = next(x.id for x in sessie.gelezen.dossier.doelen if x.id.lower() == doel_id.lower())
    if interactief or any(v is not None for v in velden.values()) or any(behoeften):
        print(f"Doel {doel_id} aangepast.")
    return doel_id


def _beeldvorming(sessie: Any) -> None:
    """Before the first goal: the beeldvorming, when the person wants to fill it in."""
    from leersteun.editing import goals
    from leersteun.terminal.doel_ui import vraag_beeldvorming, vraag_geprobeerd

    d = sessie.gelezen.dossier
    if not d.doelen and d.beeldvorming is None and _ja_nee("Eerst de beeldvorming invullen (reden, observaties, sterktes en moeilijkheden)?", standaard=True):
        beeld = vraag_beeldvorming(_console())
        sessie.bewaar(lambda data, dd: goals.zet_beeldvorming(data, dd, beeld))
        print("Beeldvorming bewaard.")
        for x in vraag_geprobeerd(_console(), list(d.leervraag.al_geprobeerd) if d.leervraag else []):
            sessie.bewaar(lambda data, dd, x=x: goals.noteer_geprobeerd(data, dd, x["wat"], x["gelukt"], x["waarom"]))


def _maatregelen(sessie: Any, doel_id: str, o: dict[str, Any], interactief: bool) -> None:
    """The measure given as options, or on the terminal as many as the person adds."""
    from leersteun.editing import goals

    if o["maatregel"]:
        m = {"wat": o["maatregel"], "beoogd_effect": o["effect"], "periode": o["periode"].value if o["periode"] else None}
        m |= {k: o[k] for k in ("wie", "waar", "wanneer", "hoe")} | _evaluatie_van_maatregel(o)
        sessie.bewaar(lambda data, dd: goals.voeg_maatregel_toe(data, dd, doel_id, m))
        print(f"Maatregel toegevoegd aan {doel_id}.")
        from leersteun.rules.doelen import passende_maatregel_herinnering

        print(passende_maatregel_herinnering())
    elif interactief:
        from leersteun.terminal.doel_ui import vraag_maatregel

        team = sessie.instellingen.teamnamen()
        while _ja_nee(f"Een maatregel toevoegen aan {doel_id}?", standaard=not sessie.gelezen.dossier.doelen[-1].maatregelen):
            m = vraag_maatregel(_console(), team)
            sessie.bewaar(lambda data, dd, m=m: goals.voeg_maatregel_toe(data, dd, doel_id, m))
            print("Maatregel bewaard.")


class FicheFormaat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


@opdracht("fiche")
def fiche(
    dossier: DossierArg,
    doel_id: Annotated[str | None, typer.Option("--doel", metavar="ID", help="Alleen dit doel (zoals D1).")] = None,
    formaat: Annotated[FicheFormaat, typer.Option(help="md, html (printbaar A4) of pdf.")] = FicheFormaat.html,
    uit: Annotated[Path | None, typer.Option("--uit", metavar="BESTAND", help="Waar de fiche komt (standaard in out/).")] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Ook de doelen van een vroegere ondersteuning (voor een heropstart met een nieuw traject).")] = False,
    buiten_out: BuitenOutOptie = False,
) -> None:
    """Maak de doelfiche: leesbaar voor ouders en leerling, in Markdown, HTML of PDF."""
    from leersteun.files.schijf import toon
    from leersteun.outputs import fiche
    from leersteun.outputs.render import render
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vandaag

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
    elif formaat == FicheFormaat.html:
        inhoud = render("fiche/fiche.html.j2", context, map_.pad).encode("utf-8")
    else:
        inhoud = fiche.fiche_pdf(context, map_.pad)
    if uit is None:
        achter = f"-{doel_id.upper()}" if doel_id else ""
        uit = map_.out / f"{d.id}-doelfiche{achter}.{formaat.value}"
    uit = _schrijf_uitvoer(map_, uit, inhoud, buiten_out)
    print(f"Doelfiche geschreven: {toon(uit)}")
