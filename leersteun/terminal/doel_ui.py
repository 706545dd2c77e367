"""Asking for a goal, its measures, its evaluation and the beeldvorming in the terminal.

Each function returns plain data; saving is the caller's job (one edit per part, so an
interruption keeps what was already saved).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console

from leersteun.editing import goals
from leersteun.outputs import fiche
from leersteun.rules import checks
from leersteun.rules.model import Doel, Domein, JaDeelsNee, Periode
from leersteun.core.waarden import PROCES_VRAGEN
from leersteun.terminal.vragen import vraag, vraag_datum, vraag_lijst


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
    velden["omschrijving"] = tekst("omschrijving", "Het doel in één zin", "Wat wil je bereiken? In gewone woorden, leesbaar voor ouders en leerling.", leeg=False)
    for deel in ("specifiek", "meetbaar", "acceptabel", "realistisch"):
        velden[deel] = tekst(deel, deel.capitalize(), checks.SMART_UITLEG[deel])
    _uitleg(console, checks.SMART_UITLEG["tijdgebonden"])
    velden["start"] = vraag_datum(console, "Start", leeg=True, standaard=b.start if b else None)
    velden["einde"] = vraag_datum(console, "Einde", leeg=True, standaard=b.einde if b else None)
    onderwijs = vraag_lijst(console, f"{goals.ONDERWIJSBEHOEFTEN_STAM} …", goals.ONDERWIJSBEHOEFTEN)
    ondersteuning = vraag_lijst(console, f"{goals.ONDERSTEUNINGSBEHOEFTEN_STAM} …", goals.ONDERSTEUNINGSBEHOEFTEN)
    return velden, onderwijs, ondersteuning


def vraag_maatregel(console: Console, team: set[str]) -> dict[str, Any]:
    """One measure in the layout of bijlage 6."""
    m: dict[str, Any] = {}
    m["wat"] = vraag(console, "Wat? Welke maatregel")
    m["beoogd_effect"] = vraag(console, "Welk effect willen jullie zien bij de leerling", leeg=True) or None
    m["periode"] = vraag(console, "Periode", keuzes=[p.value for p in Periode], standaard=Periode.tijdelijk.value)
    m["evaluatie_op"] = vraag_datum(console, "Wanneer evalueren jullie deze maatregel", leeg=True)
    while True:
        wie = vraag(console, "Wie voert ze uit (een functie, zoals klasleerkracht)", leeg=True)
        if wie and checks.lijkt_naam(wie, team):
            console.print("Schrijf een functie (klasleerkracht, zorgleerkracht, ondersteuner, …), geen naam.")
            continue
        m["wie"] = wie or None
        break
    m["wanneer"] = vraag(console, "Wanneer? Frequentie en duur", leeg=True) or None
    m["hoe"] = vraag(console, "Hoe? Methode, aanpak of materiaal", leeg=True) or None
    return m


def vraag_evaluatie(console: Console) -> dict[str, Any]:
    """Product (goal reached?) and process (keep, adjust, drop, widen, new agreements)."""
    e: dict[str, Any] = {"bereikt": vraag(console, "Is het doel bereikt", keuzes=[j.value for j in JaDeelsNee])}
    for veld, label, _, _ in PROCES_VRAGEN:
        e[veld] = vraag(console, label, leeg=True) or None
    return e


def vraag_beeldvorming(console: Console) -> dict[str, Any]:
    """Bijlage 2: reason, observations, test data, stimulating and hindering factors per domain."""
    console.print("[bold]Beeldvorming[/] (alles mag leeg blijven)")
    beeld: dict[str, Any] = {
        "reden": vraag(console, "Waarom wordt deze leerling hier en nu aangemeld", leeg=True) or None,
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
    return beeld
