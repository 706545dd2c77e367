"""The heropstart checklist (seed 000) as data: its questions, which are still open, the
reasoned advice, and with whom the school analyses. The people at the table decide; the
edits that store answers and the outcome are `editing.heropstart`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from leersteun.rules.model import AnalyseMet, Checklist, Dossier, Fase, JaDeelsNee, Uitkomst


@dataclass(frozen=True)
class Vraag:
    sleutel: str  # the key under `checklist` (the contract's)
    soort: str  # keuzes | factoren | jdn | partner | leervraag
    vraag: str
    uitleg: str
    kort: str  # label in summaries


VIER_MAANDEN = "Een van de vier vragen die we bij elke ondersteuning na vier maanden stellen."


VRAGEN: list[Vraag] = [
    Vraag(
        "vraag_van",
        "keuzes",
        "Van wie komt de vraag naar heropstart?",
        "Meer dan één antwoord kan: leerkracht, zorg, ouders, clb, directie, andere.",
        "Vraag van",
    ),
    Vraag(
        "factoren",
        "factoren",
        "Welke factoren maken dat de ondersteuning opnieuw gevraagd wordt?",
        "Noem ze per soort: bij de leerling, bij de leerkracht, op school. Eén factor per antwoord.",
        "Factoren",
    ),
    Vraag(
        "succesfactoren_toegepast",
        "jdn",
        "Worden de succesfactoren (maatregelen, hulpmiddelen) waardoor de ondersteuning kon stoppen, nog gebruikt?",
        "Dit zijn de maatregelen en hulpmiddelen die de school bij het afsluiten zou meenemen.",
        "Succesfactoren nog toegepast",
    ),
    Vraag(  # asked as seed 000 asks it; kept in the file as `andere_partner`, the answer turned round
        "andere_partner",
        "partner",
        "Liggen de noden voldoende binnen de opdracht van het leersteuncentrum, of betrekken we beter een andere partner (PBD, CLB, CGGZ, ...)?",
        "'ja': de noden horen bij leersteun. 'nee': betrek beter een andere partner. Daarna de centrale vraag van de "
        "checklist: zijn er andere partners die tegemoet kunnen komen aan de vraag?",
        "Binnen de opdracht van leersteun",
    ),
    Vraag(
        "werkbare_leervraag",
        "leervraag",
        "Kan de school, samen met het team, de noden formuleren als een werkbare leervraag en werkbare doelen?",
        "Een werkbare leervraag zegt wat de leerkracht of school wil leren, zoals 'Hoe help ik de leerling opnieuw zelfstandig starten?'.",
        "Werkbare leervraag",
    ),
    Vraag(
        "doelen_concreet",
        "jdn",
        "Zijn de nieuwe doelen voldoende concreet en werkbaar geformuleerd?",
        f"{VIER_MAANDEN} Concreet: je kunt zien en tellen of het doel bereikt is, en wie wat doet.",
        "Doelen concreet en werkbaar",
    ),
    Vraag(
        "doelen_context",
        "jdn",
        "Hebben de nieuwe doelen genoeg te maken met de context, de leerkracht en de school, zodat de school sterker wordt om zelf verder te gaan?",
        f"{VIER_MAANDEN} Leersteun versterkt de school; doelen alleen voor de leerling volstaan niet.",
        "Doelen versterken de school",
    ),
    Vraag(
        "gedragen",
        "jdn",
        "Wordt de ondersteuning gedragen door alle schoolse partijen, met gedeelde verantwoordelijkheid voor aanpassingen en maatregelen?",
        f"{VIER_MAANDEN} Denk aan leerkracht, zorgcoördinator, directie en ouders.",
        "Gedragen door de school",
    ),
    Vraag(
        "zorgcontinuum_fase_2_3",
        "jdn",
        "Liggen de doelen binnen fase 2 of 3 van het zorgcontinuüm?",
        f"{VIER_MAANDEN} Fase 0 is brede basiszorg, 1 verhoogde zorg, 2 uitbreiding van zorg, 3 een individueel aangepast curriculum. Leersteun richt zich op fase 2 en 3.",
        "Binnen fase 2/3 zorgcontinuüm",
    ),
]


VRAAG = {v.sleutel: v for v in VRAGEN}


def beantwoord(checklist: Checklist | None, vraag: Vraag) -> bool:
    if checklist is None:
        return False
    waarde = getattr(checklist, vraag.sleutel)
    if waarde is None:
        return False
    if vraag.soort == "keuzes":
        return bool(waarde)
    if vraag.soort == "factoren":
        return True
    return waarde.antwoord is not None


def open_vragen(checklist: Checklist | None) -> list[Vraag]:
    return [v for v in VRAGEN if not beantwoord(checklist, v)]


@dataclass
class Advies:
    voorstel: Uitkomst
    redenen: list[str]


def advies(checklist: Checklist) -> Advies:
    """A reasoned advice; the people at the table decide."""
    tegen: list[str] = []
    aandacht: list[str] = []
    ap = checklist.andere_partner
    binnen = ap.binnen_opdracht if ap else None  # as seed 000 asks it: 'ja' = within the network's task
    partners = ", ".join(p.value for p in ([ap.partner] if ap and ap.partner else ap.partners if ap else []))
    if binnen == JaDeelsNee.nee:
        tegen.append(
            f"De noden liggen niet binnen de opdracht van leersteun: betrek beter een andere partner{f' ({partners})' if partners else ''} "
            "in plaats van een heropstart."
        )
    elif binnen == JaDeelsNee.deels:
        aandacht.append("De noden liggen maar deels binnen de opdracht van leersteun: spreek af wat een andere partner opneemt.")
    centraal = centrale_vraag(checklist)
    wl = checklist.werkbare_leervraag
    if wl and wl.antwoord == JaDeelsNee.nee:
        tegen.append("Er is nog geen werkbare leervraag: breng eerst samen met de school de vraag helder.")
    zc = checklist.zorgcontinuum_fase_2_3
    if zc and zc.antwoord == JaDeelsNee.nee:
        tegen.append("De doelen liggen buiten fase 2/3 van het zorgcontinuüm, waar leersteun zich op richt.")
    sf = checklist.succesfactoren_toegepast
    if sf and sf.antwoord in (JaDeelsNee.nee, JaDeelsNee.deels):
        aandacht.append(
            "De succesfactoren worden niet meer (volledig) toegepast: kijk of de school ze opnieuw kan inzetten; "
            "een korte interventie bij de leerkracht kan dan volstaan."
        )
    for sleutel, tekst in (
        ("doelen_concreet", "De doelen zijn nog niet concreet en werkbaar: werk ze SMART uit."),
        ("doelen_context", "De doelen versterken de school nog te weinig: betrek de context en de leerkracht."),
        ("gedragen", "De ondersteuning is nog niet door alle partijen gedragen: betrek wie nog ontbreekt."),
    ):
        antwoord = getattr(checklist, sleutel)
        if antwoord and antwoord.antwoord in (JaDeelsNee.nee, JaDeelsNee.deels):
            aandacht.append(tekst)
    if tegen:
        return Advies(Uitkomst.geen_heropstart, ["Waarschijnlijk geen heropstart.", *centraal, *tegen, *aandacht])
    return Advies(Uitkomst.heropstart, ["Een heropstart lijkt zinvol.", *centraal, *aandacht])


CENTRALE_VRAAG = "Zijn er andere partners die tegemoet kunnen komen aan de vraag?"  # seed 000, "staat centraal"


def centrale_vraag(checklist: Checklist) -> list[str]:
    """The checklist's central question as its own point of the advice: can *another*
    partner meet the request (whether or not it fits better than leersteun)."""
    ap = checklist.andere_partner
    if ap is None or ap.antwoord is None:
        return []
    if not ap.partners:
        return ["Geen andere partner kan tegemoetkomen aan de vraag (de centrale vraag van de checklist)."]
    namen = ", ".join(p.value for p in ap.partners)
    return [f"Andere partners kunnen tegemoetkomen aan de vraag: {namen}. Spreek met hen af wie wat opneemt, ook bij een heropstart."]


@dataclass
class Voorstel:
    analyse_met: AnalyseMet
    uitleg: str
    met: str | None = None  # the ondersteuner proposed, or the CLB-medewerker when known


def werkt_op_school(d: Dossier) -> bool:
    """Does the ondersteuner of `d` work at its school now (a running support, or one
    assigned in a heropstart)?"""
    if d.ondersteuner is None:
        return False
    h = d.laatste_heropstart
    return d.fase in (Fase.opstart, Fase.ondersteuning) or (d.fase == Fase.heropstart and h is not None and h.toewijzing is not None)


def voorstel_analyse(dossier: Dossier, andere: list[Dossier]) -> Voorstel:
    """Seed 000: the analysis is done with "de ondersteuner, wanneer deze nog op school aanwezig
    is voor een andere leerling", else with "de CLB-medewerker, wanneer er geen ondersteuner
    meer aanwezig is op de school": any ondersteuner working at this school for another pupil
    counts; the pupil's own previous ondersteuner (the most recent first) is proposed first."""
    aanwezig: dict[str, list[str]] = {}
    for d in andere:
        if d.ondersteuner is not None and d.id != dossier.id and d.school.naam == dossier.school.naam and werkt_op_school(d):
            aanwezig.setdefault(d.ondersteuner, []).append(d.id)
    vorigen = dossier.vorige_ondersteuners
    if not vorigen:
        vorige, werkt = "Er is geen vorige ondersteuner", "werkt"
    else:  # one person or several: the sentence says which
        vorige = f"Vorige ondersteuner{'s' if len(vorigen) > 1 else ''}: {', '.join(vorigen)}"
        werkt = "werken" if len(vorigen) > 1 else "werkt"
    if aanwezig:
        namen = sorted(aanwezig, key=lambda n: (0, -vorigen.index(n)) if n in vorigen else (1, n))
        bij = {n: f"{n} (voor {', '.join(sorted(aanwezig[n]))})" for n in namen}
        ook = "; ".join(bij[n] for n in namen[1:])
        if namen[0] in vorigen:
            tekst = f"De vorige ondersteuner werkt nog op deze school: {bij[namen[0]]}." + (f" Ook op deze school: {ook}." if ook else "")
        else:
            tekst = (
                f"{vorige}"
                + (f"; die {werkt} niet meer op deze school." if vorigen else ".")
                + " Wel op deze school voor een andere leerling: "
                + "; ".join(bij.values())
                + "."
            )
        return Voorstel(AnalyseMet.ondersteuner, f"{tekst} Doe de analyse samen met {namen[0]}.", namen[0])
    clb = f" ({dossier.clb_medewerker})" if dossier.clb_medewerker else ""
    return Voorstel(
        AnalyseMet.clb,
        f"{vorige}; er werkt geen ondersteuner meer op deze school voor een andere leerling. De analyse gebeurt dan met de CLB-medewerker{clb}.",
        dossier.clb_medewerker,
    )


def vraag_4_in_het_bestand(antwoord: dict[str, Any]) -> dict[str, Any]:
    """Question 4 as the contract shows it: antwoord, partner (null when none), toelichting
    when given, then the added `andere_partners`."""
    uit = {"antwoord": antwoord["antwoord"], "partner": antwoord.get("partner")}
    if antwoord.get("toelichting") is not None:
        uit["toelichting"] = antwoord["toelichting"]
    uit["andere_partners"] = list(antwoord.get("andere_partners") or [])
    return uit
