"""Asking for a goal, its measures, its evaluation and the beeldvorming in the terminal.

Each function returns plain data; saving is the caller's job (one edit per part, so an
interruption keeps what was already saved).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console

from leersteun.core.waarden import PROCES_VRAGEN
from leersteun.outputs import fiche
from leersteun.rules import checks, doelen
from leersteun.rules.model import Doel, Domein, Geprobeerd, JaDeelsNee, Periode
from leersteun.terminal.vragen import vraag, vraag_datum, vraag_lijst

ELK_TRIMESTER = "elk trimester, op de laatste schooldag voor de kerst-, paas- en zomervakantie"


def _uitleg(console: Console, tekst: str) -> None:
    console.print(tekst, style="dim", markup=False)


def vraag_doel(console: Console, bestaand: Doel | None = None) -> tuple[dict[str, Any], list[str], list[str]]:
    """The goal's fields (SMART, with a one-line explanation each) and the HGW-hulpzinnen."""
    b = bestaand

    def tekst(veld: str, label: str, uitleg: str | None = None, leeg: bool = True) -> str | None:
        if uitleg:
            _uitleg(console, uitleg)
        huidig = getattr(b, veld) if b else None
        antwoord = vraag(console, label, standaard=huidig, leeg=leeg)
        return antwoord or None

    velden: dict[str, Any] = {}
    velden["domein"] = vraag(console, "Domein", keuzes=[d.value for d in Domein], standaard=b.domein.value if b else None)
    velden["omschrijving"] = tekst(
        "omschrijving", "Het doel in één zin", "Wat wil je bereiken? In gewone woorden, leesbaar voor ouders en leerling.", leeg=False
    )
    velden["leerplandoel"] = tekst("leerplandoel", "Leerplandoel of eindterm", "Welk (leerplan)doel of welke eindterm heb je voor ogen? Mag leeg blijven.")
    for deel in ("specifiek", "meetbaar", "acceptabel", "realistisch"):
        velden[deel] = tekst(deel, deel.capitalize(), checks.SMART_UITLEG[deel])
    _uitleg(console, checks.SMART_UITLEG["tijdgebonden"])
    velden["start"] = vraag_datum(console, "Start", leeg=True, standaard=b.start if b else None)
    velden["einde"] = vraag_datum(console, "Einde", leeg=True, standaard=b.einde if b else None)
    _hulpzinnen(console, "Specifieke onderwijsbehoeften van de leerling", doelen.ONDERWIJSBEHOEFTEN_STAM, doelen.ONDERWIJSBEHOEFTEN)
    onderwijs = vraag_lijst(console, f"{doelen.ONDERWIJSBEHOEFTEN_STAM} …")
    _hulpzinnen(console, "Ondersteuningsbehoeften van de leerkracht", doelen.ONDERSTEUNINGSBEHOEFTEN_STAM, doelen.ONDERSTEUNINGSBEHOEFTEN)
    ondersteuning = vraag_lijst(console, f"{doelen.ONDERSTEUNINGSBEHOEFTEN_STAM} …")
    return velden, onderwijs, ondersteuning


def _hulpzinnen(console: Console, titel: str, stam: str, zinnen: list[str]) -> None:
    """Every HGW-hulpzin of bijlage 4, each to finish; the sentence ends '… om het doel te behalen'."""
    _uitleg(console, f"{titel}: HGW-hulpzinnen. Vul er een of meer aan (zonder '{stam}'):")
    for zin in zinnen:
        _uitleg(console, f"  {stam} {zin}")
    _uitleg(console, f"  {doelen.HULPZINNEN_SLOT}.")


def vraag_maatregel(console: Console, team: set[str]) -> dict[str, Any]:
    """One measure in the layout of bijlage 6, after the criteria of bijlage 5 as a checklist."""
    toon_criteria(console)
    m: dict[str, Any] = {}
    m["wat"] = vraag(console, "Wat? Welke maatregel")
    m["beoogd_effect"] = vraag(console, "Welk effect willen jullie zien bij de leerling", leeg=True) or None
    m["periode"] = vraag(console, "Periode", keuzes=[p.value for p in Periode], standaard=Periode.tijdelijk.value)
    m["evaluatie_op"] = vraag_datum(console, "Wanneer evalueren jullie deze maatregel", leeg=True)
    if m["periode"] == Periode.blijvend.value:
        _uitleg(console, f"Ook een blijvende maatregel wordt op regelmatige basis geëvalueerd: {ELK_TRIMESTER}.")
    if m["periode"] == Periode.blijvend.value and m["evaluatie_op"] is not None:
        while True:
            weken = vraag(console, "Daarna om de hoeveel weken opnieuw (leeg: elk trimester)", leeg=True)
            if not weken or (weken.isdigit() and 1 <= int(weken) <= 52):
                m["evaluatie_elke_weken"] = int(weken) if weken else None
                break
            console.print("Typ een aantal weken van 1 tot 52, of laat het leeg.")
    while True:
        wie = vraag(console, "Wie voert ze uit (een functie, zoals klasleerkracht)", leeg=True)
        if wie and checks.lijkt_naam(wie, team):
            console.print("Schrijf een functie (klasleerkracht, zorgleerkracht, ondersteuner, …), geen naam.")
            continue
        m["wie"] = wie or None
        break
    m["waar"] = vraag(console, "Waar? (klas, speelplaats, …)", leeg=True) or None
    m["wanneer"] = vraag(console, "Wanneer? Frequentie en duur", leeg=True) or None
    m["hoe"] = vraag(console, "Hoe? Methode, aanpak of materiaal", leeg=True) or None
    return m


def toon_criteria(console: Console) -> None:
    """Bijlage 5: the seven criteria of a passende maatregel, to go through before adding one."""
    _uitleg(console, "Een passende maatregel (bijlage 5):")
    for criterium in doelen.PASSENDE_MAATREGEL:
        _uitleg(console, f"  [ ] {criterium}")


def vraag_evaluatie(console: Console) -> dict[str, Any]:
    """Product (goal reached?) and process (the intended effects of the redelijke aanpassing,
    keep, adjust, drop, widen, new agreements)."""
    e: dict[str, Any] = {"bereikt": vraag(console, "Is het doel bereikt", keuzes=[j.value for j in JaDeelsNee])}
    for veld, label, _, _ in PROCES_VRAGEN:
        e[veld] = vraag(console, label, leeg=True) or None
    return e


def vraag_geprobeerd(console: Console, bestaand: list[Geprobeerd]) -> list[dict[str, Any]]:
    """What was already tried, each with whether it worked and why (seed 002): first the
    lines of the leervraag that do not say so yet, then new ones until an empty line."""
    _uitleg(console, "Wat werd al geprobeerd? Per aanpak: lukte het, en waarom (niet)?")
    uit: list[dict[str, Any]] = []
    open_ = [x.wat for x in bestaand if x.gelukt is None and not x.waarom]
    while True:
        wat = open_.pop(0) if open_ else vraag(console, "Nog iets dat al geprobeerd werd (leeg: verder)", leeg=True)
        if not wat:
            return uit
        gelukt = vraag(console, f"Lukte het: {wat}", keuzes=[j.value for j in JaDeelsNee], leeg=True) or None
        waarom = vraag(console, "Waarom (niet)", leeg=True) or None
        uit.append({"wat": wat, "gelukt": gelukt, "waarom": waarom})


def vraag_beeldvorming(console: Console) -> dict[str, Any]:
    """Bijlage 2: reason, what the school runs into, observations, test data, stimulating and
    hindering factors per domain, interests, supporting persons and factors."""
    console.print("[bold]Beeldvorming[/] (alles mag leeg blijven)")
    beeld: dict[str, Any] = {
        "reden": vraag(console, "Waarom wordt deze leerling hier en nu aangemeld", leeg=True) or None,
        "zorgen": vraag(console, "Waar lopen jullie met deze leerling, groep of klas tegenaan? Waar maken jullie je zorgen om", leeg=True) or None,
    }
    beeld["observaties"] = vraag_lijst(console, "Relevante observaties en gesprekken", ["werkt traag bij lange opdrachten"])
    beeld["toetsgegevens"] = vraag_lijst(console, "Wat zeggen de toetsgegevens", ["LVS lezen: E-score"])
    voorbeelden = {
        Domein.socio_emotioneel: (["helpt graag klasgenoten"], ["wordt boos bij wachten"]),
        Domein.motorisch: (["fietst en klimt graag"], ["schrijft traag en verkrampt"]),
        Domein.cognitief: (["rekent vlot met materiaal"], ["onthoudt instructies moeilijk"]),
    }
    domeinen: dict[str, Any] = {}
    for domein in Domein:
        naam = fiche.DOMEIN_TEKST[domein.value]
        stimulerend = vraag_lijst(console, f"{naam}: wat lukt goed, welke sterktes?", voorbeelden[domein][0])
        belemmerend = vraag_lijst(console, f"{naam}: wat is moeilijk?", voorbeelden[domein][1])
        if stimulerend or belemmerend:
            domeinen[domein.value] = {"stimulerend": stimulerend, "belemmerend": belemmerend}
    beeld["domeinen"] = domeinen
    beeld["interesses"] = vraag_lijst(console, "Welke sterktes en interesses willen jullie benutten?", ["voetbal", "tekent graag"])
    beeld["ondersteunende_figuren"] = vraag_lijst(console, "Ondersteunende figuren en factoren", ["de grote zus helpt bij het huiswerk"])
    return beeld
