"""Goals and measures (seed 004, bijlagen 2 to 6): SMART help, HGW-hulpzinnen, the SMART check,
and the edits that add or change a goal, a measure, an evaluation or the beeldvorming.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from leersteun import datums
from leersteun.bewerk import als_yaml, flow_lijst, lijst, voeg_toe, zet, zonder_leeg
from leersteun.errors import WAARSCHUWING
from leersteun.model import Dossier, Fase
from leersteun.trajectory import Geweigerd

if TYPE_CHECKING:
    from leersteun.checks import Context, Melding

# Bijlage 3: one line per SMART part, shown beside the question.
SMART_UITLEG = {
    "specifiek": "Specifiek: een waarneembaar gedrag of resultaat, met een getal of percentage.",
    "meetbaar": "Meetbaar: hoe en hoe vaak stellen we vast in welke mate het doel bereikt is?",
    "acceptabel": "Acceptabel: wie doet wat, en is er draagvlak bij team, leerkracht, ouders en leerling?",
    "realistisch": "Realistisch: is het haalbaar met de tijd, kennis en middelen die er zijn?",
    "tijdgebonden": "Tijdgebonden: wanneer starten we en wanneer is het doel bereikt?",
}

# Bijlage 4: HGW-hulpzinnen (Pameijer, 2010).
ONDERWIJSBEHOEFTEN_STAM = "De leerling heeft"
ONDERWIJSBEHOEFTEN = [
    "instructie nodig die …", "opdrachten of taken nodig die …", "leeractiviteiten of materialen nodig die …",
    "een leeromgeving nodig die …", "spel nodig dat …", "feedback nodig die …", "klasgenoten nodig die …",
    "een leerkracht nodig die …", "ouders nodig die …", "een attitude nodig die …",
    "hulp of ondersteuning nodig bij …", "inzichten nodig in …",
]  # fmt: skip
ONDERSTEUNINGSBEHOEFTEN_STAM = "Als leraar heb ik nood aan"
ONDERSTEUNINGSBEHOEFTEN = [
    "kennis van …", "vaardigheden die …", "inzichten in …", "een attitude die …", "ondersteuning tijdens …",
    "materialen waarmee …", "collega's die …", "een zoco die …", "een directie die …",
    "'meer handen in de klas' in de vorm van …", "een ondersteuner die …", "een CLB-medewerker die …",
]  # fmt: skip

# Bijlage 6: who carries out a measure is a function, never a person's name.
FUNCTIES = [
    "klasleerkracht", "zorgleerkracht", "zorgcoördinator", "zorgco", "ondersteuner", "leerkracht", "titularis",
    "vakleerkracht", "LO-leerkracht", "bijzondere leermeester", "leerlingbegeleider", "CLB-medewerker",
    "directie", "ouders", "leerling", "klasgroep", "team", "logopedist", "kinesitherapeut", "externe hulpverlener",
]  # fmt: skip

VAAG = ["beter", "proberen", "probeert", "meer", "minder", "zoveel mogelijk", "zo veel mogelijk", "voldoende", "goed", "vaker", "regelmatig"]
GETAL = re.compile(
    r"\d|%|procent|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|honderd|helft|alle|elke|iedere)\b",
    re.I,
)
HOE = re.compile(
    r"\b(noteer\w*|turf\w*|telt|tellen|meet\w*|observe\w*|registre\w*|houdt bij|bijhouden|kijkt na|nakijken|toets\w*|"
    r"lijst|fiche|checklist|schaal|score|logboek|klasboek|schema|weekfiche|agenda)\b",
    re.I,
)
HOE_VAAK = re.compile(r"\d|\b(per (dag|week|maand|les)|dagelijks|wekelijks|maandelijks|keer|elke|iedere|telkens)\b", re.I)
NAAM = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'-]+(\s+(van|de|der|den|vande|Van|De|Der|Den|Vande)?\s*[A-ZÀ-Þ][a-zà-ÿ'-]+)+$")
MARGE = dt.timedelta(days=14)


def vage_woorden(tekst: str) -> list[str]:
    woorden = re.findall(r"[\wà-ÿ]+", tekst.lower())
    gevonden = [v for v in VAAG if " " not in v and v in woorden]
    gevonden += [v for v in VAAG if " " in v and v in tekst.lower()]
    return gevonden


def lijkt_naam(wie: str, team: set[str]) -> bool:
    schoon = wie.strip()
    if schoon.lower() in (f.lower() for f in FUNCTIES):
        return False
    if schoon in team or any(schoon == lid.split()[0] for lid in team):
        return True
    return bool(NAAM.match(schoon)) and not any(f.lower() in schoon.lower() for f in FUNCTIES)


def smart_meldingen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    """The SMART check: warnings with a concrete suggestion. They never block."""
    team = ctx.instellingen.teamnamen() if ctx.instellingen else set()
    actief = d.fase != Fase.afgesloten
    for i, doel in enumerate(d.doelen):
        plek = ("doelen", i)
        if not doel.specifiek:
            yield ((*plek, "id"), f"{doel.id}: 'specifiek' ontbreekt; {SMART_UITLEG['specifiek']}", WAARSCHUWING)
        elif not GETAL.search(doel.specifiek):
            yield (
                (*plek, "specifiek"),
                f"{doel.id}: 'specifiek' noemt geen getal of percentage; zeg hoeveel, bv. '4 op 5 keer' of '80 %'",
                WAARSCHUWING,
            )
        if not doel.meetbaar:
            yield ((*plek, "id"), f"{doel.id}: 'meetbaar' ontbreekt; {SMART_UITLEG['meetbaar']}", WAARSCHUWING)
        else:
            mist = [w for w, patroon in (("hoe", HOE), ("hoe vaak", HOE_VAAK)) if not patroon.search(doel.meetbaar)]
            if mist:
                yield (
                    (*plek, "meetbaar"),
                    f"{doel.id}: 'meetbaar' zegt niet {' en '.join(mist)} er gemeten wordt; "
                    "bv. 'De klasleerkracht noteert 5 keer per week of het lukt'",
                    WAARSCHUWING,
                )
        for deel in ("acceptabel", "realistisch"):
            if not getattr(doel, deel):
                yield ((*plek, "id"), f"{doel.id}: '{deel}' ontbreekt; {SMART_UITLEG[deel]}", WAARSCHUWING)
        if doel.start is None or doel.einde is None:
            welke = " en ".join(w for w, v in (("start", doel.start), ("einde", doel.einde)) if v is None)
            yield ((*plek, "id"), f"{doel.id}: geen {welke}; {SMART_UITLEG['tijdgebonden']}", WAARSCHUWING)
        elif actief and doel.einde < ctx.vandaag and not any(e.datum >= doel.einde - MARGE for e in doel.evaluaties):
            yield (
                (*plek, "einde"),
                f"{doel.id}: het einde ({doel.einde}) is voorbij en het doel is niet geëvalueerd; "
                f"evalueer het met 'leersteun doel {d.id} --doel {doel.id} --evalueer'",
                WAARSCHUWING,
            )
        for veld in ("omschrijving", "specifiek"):
            vaag = vage_woorden(getattr(doel, veld) or "")
            if vaag:
                yield (
                    (*plek, veld),
                    f"{doel.id}: vaag woord '{vaag[0]}' in '{veld}'; beschrijf wat je ziet of hoort, en hoeveel",
                    WAARSCHUWING,
                )
        if not doel.maatregelen:
            yield ((*plek, "id"), f"{doel.id}: geen maatregelen; voeg er een toe (wat, wie, wanneer, hoe)", WAARSCHUWING)
        for j, m in enumerate(doel.maatregelen):
            if m.evaluatie_op is None:
                yield (
                    (*plek, "maatregelen", j, "wat"),
                    f"{doel.id}: maatregel '{m.wat}' heeft geen evaluatiemoment; spreek vooraf af wanneer ze geëvalueerd wordt",
                    WAARSCHUWING,
                )
            if m.wie and lijkt_naam(m.wie, team):
                yield (
                    (*plek, "maatregelen", j, "wie"),
                    f"{doel.id}: 'wie' is een functie, geen naam ('{m.wie}'); schrijf bv. klasleerkracht, zorgleerkracht of ondersteuner",
                    WAARSCHUWING,
                )


# ---------------------------------------------------------------------------- edits

DOEL_VELDEN = ("domein", "omschrijving", "specifiek", "meetbaar", "acceptabel", "realistisch", "start", "einde")
MAATREGEL_VELDEN = ("wat", "beoogd_effect", "periode", "wie", "wanneer", "hoe", "evaluatie_op")
EVALUATIE_VELDEN = ("datum", "bereikt", "behouden", "bijsturen", "bannen", "breder_inzetten", "nieuwe_afspraken", "door")


def volgende_doel_id(d: Dossier) -> str:
    nummers = [int(x.id[1:]) for x in d.doelen if re.fullmatch(r"D\d+", x.id)]
    return f"D{max(nummers, default=0) + 1}"


def _index(d: Dossier, doel_id: str) -> int:
    for i, doel in enumerate(d.doelen):
        if doel.id.lower() == doel_id.lower():
            return i
    bestaande = ", ".join(x.id for x in d.doelen) or "geen"
    raise Geweigerd(f"Dossier {d.id} heeft geen doel '{doel_id}' (wel: {bestaande}).")


def _flow(waarden: list[str]) -> CommentedSeq:
    """An empty list as [], a filled one as a block list."""
    return CommentedSeq(waarden) if waarden else flow_lijst()


def nieuw_doel(data: CommentedMap, d: Dossier, velden: dict[str, Any], onderwijsbehoeften: list[str], ondersteuningsbehoeften: list[str]) -> str:
    """Append a goal in the order of the format; returns its id."""
    if d.fase == Fase.afgesloten:
        raise Geweigerd(f"Dossier {d.id} is afgesloten; doelen horen bij een lopend dossier.")
    if not velden.get("domein") or not velden.get("omschrijving"):
        raise Geweigerd("Een doel heeft minstens een domein en een omschrijving.")
    doel_id = volgende_doel_id(d)
    item = CommentedMap(id=doel_id)
    for veld in DOEL_VELDEN:
        item[veld] = velden.get(veld)
    item["onderwijsbehoeften"] = _flow(onderwijsbehoeften)
    item["ondersteuningsbehoeften"] = _flow(ondersteuningsbehoeften)
    item["maatregelen"] = _flow([])
    item["evaluaties"] = _flow([])
    voeg_toe(lijst(data, "doelen"), item)
    return doel_id


def wijzig_doel(data: CommentedMap, d: Dossier, doel_id: str, velden: dict[str, Any], onderwijsbehoeften: list[str], ondersteuningsbehoeften: list[str]) -> None:
    i = _index(d, doel_id)
    item = data["doelen"][i]
    for veld, waarde in velden.items():
        if waarde is not None:
            if veld in item:
                zet(item, veld, waarde)
            else:
                item.insert(len(item), veld, waarde)
    bestaand = d.doelen[i]
    for sleutel, nieuw, oud in (
        ("onderwijsbehoeften", onderwijsbehoeften, bestaand.onderwijsbehoeften),
        ("ondersteuningsbehoeften", ondersteuningsbehoeften, bestaand.ondersteuningsbehoeften),
    ):
        erbij = [x for x in nieuw if x not in oud]
        if erbij:
            seq = lijst(item, sleutel)
            for x in erbij:
                voeg_toe(seq, x)


def voeg_maatregel_toe(data: CommentedMap, d: Dossier, doel_id: str, maatregel: dict[str, Any]) -> None:
    if not maatregel.get("wat"):
        raise Geweigerd("Een maatregel heeft minstens een 'wat'.")
    i = _index(d, doel_id)
    voeg_toe(lijst(data["doelen"][i], "maatregelen"), zonder_leeg(**{k: maatregel.get(k) for k in MAATREGEL_VELDEN}))


def evalueer_doel(data: CommentedMap, d: Dossier, doel_id: str, evaluatie: dict[str, Any]) -> None:
    if not evaluatie.get("bereikt") or not evaluatie.get("datum"):
        raise Geweigerd("Een evaluatie van een doel zegt of het bereikt is: ja, deels of nee.")
    i = _index(d, doel_id)
    voeg_toe(lijst(data["doelen"][i], "evaluaties"), zonder_leeg(**{k: evaluatie.get(k) for k in EVALUATIE_VELDEN}))


def zet_beeldvorming(data: CommentedMap, d: Dossier, beeld: dict[str, Any]) -> None:
    """Store the beeldvorming (bijlage 2); only when the case has none yet."""
    if d.beeldvorming is not None:
        raise Geweigerd("Dit dossier heeft al een beeldvorming; pas ze aan in het bestand.")
    kaart = als_yaml({k: v for k, v in beeld.items() if v not in (None, [], {})})
    positie = list(data).index("doelen") if "doelen" in data else len(data)
    data.insert(positie, "beeldvorming", kaart)


# ---------------------------------------------------------------------------- the goal sheet

DOMEIN_TEKST = {
    "socio-emotioneel": "Sociaal-emotionele ontwikkeling",
    "motorisch": "Motorische en lichamelijke ontwikkeling",
    "cognitief": "Cognitieve ontwikkeling",
}
BEREIKT_TEKST = {"ja": "Ja, het doel is bereikt.", "deels": "Het doel is deels bereikt.", "nee": "Het doel is nog niet bereikt."}


VRAAG_VAN_TEKST = {"leerkracht": "de leerkracht", "zorg": "het zorgteam", "ouders": "de ouders", "clb": "het CLB", "directie": "de directie", "andere": "anderen"}


def _herbekeken(moment: dt.date | None, doel: Any, vandaag: dt.date) -> str:
    """The review date of a measure, and, once it is past, whether the review happened."""
    if moment is None:
        return ""
    if moment >= vandaag:
        return f"We bekijken ze opnieuw op {datums.lang(moment)}."
    gedaan = [e.datum for e in doel.evaluaties if e.datum >= moment - MARGE]
    if gedaan:
        return f"Afgesproken om ze op {datums.lang(moment)} te bekijken; dat gebeurde op {datums.lang(min(gedaan))}."
    return f"Afgesproken om ze op {datums.lang(moment)} te bekijken; dat gesprek moet nog plaatsvinden."


def opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return delen[0] if len(delen) == 1 else (", ".join(delen[:-1]) + " en " + delen[-1] if delen else "")


def fiche_context(d: Dossier, netwerk: str, vandaag: dt.date, doel_id: str | None = None, alle: bool = False) -> dict[str, Any]:
    """Everything the goal sheet shows, in plain words for parents and the pupil. By default
    the goals of the current support; `alle` adds the goals of an earlier one."""
    if doel_id is not None:
        doelen = [d.doelen[_index(d, doel_id)]]
    else:
        doelen = d.doelen if alle else d.huidige_doelen
    if not doelen:
        if d.doelen:
            raise Geweigerd(
                f"Dossier {d.id} heeft nog geen doelen voor de huidige ondersteuning; de vroegere doelen zie je met --alle."
            )
        raise Geweigerd(f"Dossier {d.id} heeft nog geen doelen; voeg er een toe met 'leersteun doel {d.id}'.")
    rijen = []
    for doel in doelen:
        nummer = d.doelen.index(doel) + 1
        periode = (
            f"van {datums.lang(doel.start)} tot {datums.lang(doel.einde)}"
            if doel.start and doel.einde
            else (f"vanaf {datums.lang(doel.start)}" if doel.start else "")
        )
        maatregelen = [
            {
                "wat": m.wat,
                "effect": m.beoogd_effect,
                "periode": " ".join(
                    x
                    for x in (
                        {"tijdelijk": "Tijdelijke maatregel.", "blijvend": "Blijvende maatregel."}.get(m.periode.value if m.periode else "", ""),
                        _herbekeken(m.evaluatie_op, doel, vandaag),
                    )
                    if x
                ),
                "wie": m.wie,
                "wanneer": m.wanneer,
                "hoe": m.hoe,
            }
            for m in doel.maatregelen
        ]
        evaluaties = [
            {
                "datum": datums.lang(e.datum),
                "bereikt": BEREIKT_TEKST[e.bereikt.value],
                "proces": [
                    (label, waarde)
                    for label, waarde in (
                        ("Dit behouden we", e.behouden),
                        ("Hier sturen we bij", e.bijsturen),
                        ("Dit laten we los", e.bannen),
                        ("Dit doen we voor de hele klas", e.breder_inzetten),
                        ("Nieuwe afspraken", e.nieuwe_afspraken),
                    )
                    if waarde
                ],
            }
            for e in doel.evaluaties
        ]
        rijen.append(
            {
                "titel": f"Doel {nummer}",
                "domein": DOMEIN_TEKST[doel.domein.value],
                "omschrijving": doel.omschrijving,
                "smart": [
                    (label, waarde)
                    for label, waarde in (
                        ("Wat zien we precies?", doel.specifiek),
                        ("Hoe meten we het?", doel.meetbaar),
                        ("Met wie is het afgesproken?", doel.acceptabel),
                        ("Waarom is het haalbaar?", doel.realistisch),
                        ("Wanneer?", periode[:1].upper() + periode[1:] if periode else None),
                    )
                    if waarde
                ],
                "onderwijsbehoeften": [f"{ONDERWIJSBEHOEFTEN_STAM} {x}" for x in doel.onderwijsbehoeften],
                "ondersteuningsbehoeften": [f"{ONDERSTEUNINGSBEHOEFTEN_STAM} {x}" for x in doel.ondersteuningsbehoeften],
                "maatregelen": maatregelen,
                "evaluaties": evaluaties,
            }
        )
    beeld = None
    lv = d.leervraag
    vraag = {
        "vraag": lv.vraag if lv else None,
        "vraag_van": opsomming([VRAAG_VAN_TEKST[v.value] for v in lv.van]) if lv else "",
        "al_geprobeerd": list(lv.al_geprobeerd) if lv else [],
    }
    if d.beeldvorming is None and (vraag["vraag"] or vraag["al_geprobeerd"]):
        beeld = {"reden": None, "observaties": [], "toetsgegevens": [], "domeinen": [], **vraag}
    if d.beeldvorming is not None:
        b = d.beeldvorming
        beeld = {
            **vraag,
            "reden": b.reden,
            "observaties": list(b.observaties),
            "toetsgegevens": list(b.toetsgegevens),
            "domeinen": [
                {"naam": DOMEIN_TEKST[k.value], "stimulerend": list(v.stimulerend), "belemmerend": list(v.belemmerend)}
                for k, v in sorted(b.domeinen.items(), key=lambda kv: list(DOMEIN_TEKST).index(kv[0].value))
            ],
        }
    from leersteun.trajectory import REDEN_TEKST, afgesloten_op, afsluitreden

    afgesloten = None
    if d.fase == Fase.afgesloten:
        dag, reden = afgesloten_op(d), afsluitreden(d)
        afgesloten = (
            f"De ondersteuning is afgesloten op {datums.lang(dag)}" + (f" ({REDEN_TEKST[reden]})" if reden else "") + "."
            if dag
            else "De ondersteuning is afgesloten."
        )
    return {
        "afgesloten": afgesloten,
        "leerling": d.leerling,
        "school": d.school.naam + (f", {d.school.gemeente}" if d.school.gemeente else ""),
        "ondersteuner": d.ondersteuner,
        "netwerk": netwerk,
        "vandaag": vandaag,
        "beeldvorming": beeld,
        "doelen": rijen,
    }
