"""Goals and measures (seed 004, bijlagen 2 to 6): the edits that add or change a goal, a
measure, an evaluation or the beeldvorming. The SMART check is a rule (`checks`); the
HGW-hulpzinnen are `rules.doelen`; the goal sheet is an output (`fiche`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from leersteun.core.waarden import PROCES_VRAGEN
from leersteun.editing.bewerk import lijst, voeg_toe, voeg_toe_aan, zet_op_plaats, zonder_leeg
from leersteun.editing.trajectory import Wie, geschiedenis
from leersteun.files.store import als_yaml, flow_lijst
from leersteun.rules.doelen import doel_index
from leersteun.rules.model import Dossier, Fase
from leersteun.rules.weigering import Geweigerd

if TYPE_CHECKING:
    pass


# Bijlage 6: who carries out a measure is a function, never a person's name.
DOEL_VELDEN = ("domein", "omschrijving", "leerplandoel", "specifiek", "meetbaar", "acceptabel", "realistisch", "start", "einde")
MAATREGEL_VELDEN = ("wat", "beoogd_effect", "periode", "wie", "waar", "wanneer", "hoe", "evaluatie_op", "evaluatie_elke_weken")
EVALUATIE_VELDEN = ("datum", "bereikt", *(veld for veld, *_ in PROCES_VRAGEN), "door")  # model.DoelEvaluatie, in order


def volgende_doel_id(d: Dossier) -> str:
    nummers = [int(x.id[1:]) for x in d.doelen if re.fullmatch(r"D\d+", x.id)]
    return f"D{max(nummers, default=0) + 1}"


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
        if veld != "leerplandoel" or velden.get(veld) is not None:  # a key added later is written only when it says something
            item[veld] = velden.get(veld)
    item["onderwijsbehoeften"] = _flow(onderwijsbehoeften)
    item["ondersteuningsbehoeften"] = _flow(ondersteuningsbehoeften)
    item["maatregelen"] = _flow([])
    item["evaluaties"] = _flow([])
    voeg_toe(lijst(data, "doelen"), item)
    return doel_id


def wijzig_doel(
    data: CommentedMap, d: Dossier, doel_id: str, velden: dict[str, Any], onderwijsbehoeften: list[str], ondersteuningsbehoeften: list[str]
) -> None:
    i = doel_index(d, doel_id)
    item = data["doelen"][i]
    for veld, waarde in velden.items():
        if waarde is not None:
            zet_op_plaats(item, veld, waarde, ["id", *DOEL_VELDEN, "onderwijsbehoeften", "ondersteuningsbehoeften", "maatregelen", "evaluaties"])
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


def _herhaling_klopt(m: dict[str, Any]) -> None:
    """Only a blijvende maatregel is reviewed every so many weeks, starting from its first
    evaluation moment."""
    if m.get("evaluatie_elke_weken") is None:
        return
    if m.get("periode") != "blijvend":
        raise Geweigerd("Alleen een blijvende maatregel wordt om de zoveel weken opnieuw bekeken; zeg ook --periode blijvend.")
    if m.get("evaluatie_op") is None:
        raise Geweigerd("Zeg wanneer een blijvende maatregel de eerste keer bekeken wordt (--maatregel-evaluatie); daarna om de zoveel weken.")


def voeg_maatregel_toe(data: CommentedMap, d: Dossier, doel_id: str, maatregel: dict[str, Any]) -> None:
    if not maatregel.get("wat"):
        raise Geweigerd("Een maatregel heeft minstens een 'wat'.")
    _herhaling_klopt(maatregel)
    i = doel_index(d, doel_id)
    voeg_toe_aan(data["doelen"][i], "maatregelen", zonder_leeg(**{k: maatregel.get(k) for k in MAATREGEL_VELDEN}))


def _welke_maatregel(d: Dossier, i: int, welke: str) -> int:
    """The measure of goal `i` named by its number (1 is the first), its id or a part of its
    'wat'; a refusal lists the measures."""
    from leersteun.core.tekst import bevat

    doel = d.doelen[i]
    lijst_ = "; ".join(f"{n}. {m.wat.rstrip('.')}" for n, m in enumerate(doel.maatregelen, start=1)) or "geen"
    gezocht = welke.strip()
    if gezocht.isdigit() and 1 <= int(gezocht) <= len(doel.maatregelen):
        return int(gezocht) - 1
    treffers = [j for j, m in enumerate(doel.maatregelen) if m.id == gezocht] or [
        j for j, m in enumerate(doel.maatregelen) if gezocht and bevat(m.wat, gezocht)
    ]
    if len(treffers) == 1:
        return treffers[0]
    waarom = f"'{welke}' past bij {len(treffers)} maatregelen" if treffers else f"{doel.id} heeft geen maatregel '{welke}'"
    raise Geweigerd(f"{waarom}. Noem ze bij hun nummer of een stuk van de tekst: {lijst_}.")


def _voor_mensen(waarde: Any) -> str:
    """A field's value in a sentence: a date as 23-11-2026, a listed value by its text."""
    import datetime as dt

    from leersteun.core import datums

    if isinstance(waarde, dt.date):
        return datums.kort(waarde)
    return str(getattr(waarde, "value", waarde))


def _waarde(waarde: Any) -> Any:
    return getattr(waarde, "value", waarde)


def wijzig_maatregel(data: CommentedMap, d: Dossier, doel_id: str, welke: str, velden: dict[str, Any], wie: Wie) -> list[str]:
    """Correct the fields of one measure (`velden`: a new value per field of
    `MAATREGEL_VELDEN`, None = unchanged), with a line in the history saying what was
    corrected (old → new)."""
    i = doel_index(d, doel_id)
    j = _welke_maatregel(d, i, welke)
    oud = d.doelen[i].maatregelen[j]
    item = data["doelen"][i]["maatregelen"][j]
    _herhaling_klopt({veld: _waarde(getattr(oud, veld)) if velden.get(veld) is None else velden[veld] for veld in MAATREGEL_VELDEN})
    gewijzigd = []
    for veld in MAATREGEL_VELDEN:
        nieuw, was = velden.get(veld), getattr(oud, veld)
        if nieuw is None or nieuw == (was.value if hasattr(was, "value") else was):
            continue
        zet_op_plaats(item, veld, nieuw, [*MAATREGEL_VELDEN, "id"])
        woorden = (lambda x: f"{x} weken") if veld == "evaluatie_elke_weken" else _voor_mensen
        naam_ = "evaluatie elke" if veld == "evaluatie_elke_weken" else veld.replace("_", " ")
        gewijzigd.append(f"{naam_} {woorden(was) if was is not None else '(leeg)'} → {woorden(nieuw)}")
    naam = f"maatregel {j + 1} van {d.doelen[i].id} ('{oud.wat}')"
    if not gewijzigd:
        return [f"De {naam} had die waarden al; er is niets gewijzigd."]
    wat = "; ".join(gewijzigd).rstrip(".")
    geschiedenis(data, d.fase, Wie(wie.door, wie.datum, f"Maatregel '{oud.wat}' van {d.doelen[i].id} gecorrigeerd: {wat}."))
    return [f"De {naam} is aangepast: {wat}."]


def evalueer_doel(data: CommentedMap, d: Dossier, doel_id: str, evaluatie: dict[str, Any]) -> None:
    if not evaluatie.get("bereikt") or not evaluatie.get("datum"):
        raise Geweigerd("Een evaluatie van een doel zegt of het bereikt is: ja, deels of nee.")
    i = doel_index(d, doel_id)
    voeg_toe_aan(data["doelen"][i], "evaluaties", zonder_leeg(**{k: evaluatie.get(k) for k in EVALUATIE_VELDEN}))


def noteer_geprobeerd(data: CommentedMap, d: Dossier, wat: str, gelukt: str | None, waarom: str | None) -> list[str]:
    """Record what was already tried, whether it worked and why (seed 002: "afstemmen wat er
    al uitgeprobeerd werd: wat lukte (niet), redenen"), under the leervraag. A line that is
    already there with the same text (capitals, accents and a final point aside) gets the
    answer in its place; anything else is a new line."""
    from leersteun.core.tekst import normaal

    wat = wat.strip()
    if not wat:
        raise Geweigerd('Zeg wat er al geprobeerd werd, zoals --al-geprobeerd "Planningsschema van vorig jaar".')
    if not isinstance(data.get("leervraag"), CommentedMap):
        zet_op_plaats(data, "leervraag", CommentedMap())
    seq = lijst(data["leervraag"], "al_geprobeerd")
    if gelukt is not None or waarom:
        seq.fa.set_block_style()  # a line with its answer does not fit in [a, b]
    bestaand = list(d.leervraag.al_geprobeerd) if d.leervraag else []
    sleutel = normaal(wat.rstrip("."))
    for i, x in enumerate(bestaand):
        if normaal(x.wat.rstrip(".")) == sleutel:
            if gelukt is not None or waarom:
                seq[i] = zonder_leeg(wat=x.wat, gelukt=gelukt, waarom=waarom or None)  # the text as it was written
            return [f"Al geprobeerd, aangevuld: {x.wat.rstrip('.')}."]
    voeg_toe(seq, zonder_leeg(wat=wat, gelukt=gelukt, waarom=waarom or None) if gelukt is not None or waarom else wat)
    return [f"Al geprobeerd, toegevoegd: {wat.rstrip('.')}."]


def zet_beeldvorming(data: CommentedMap, d: Dossier, beeld: dict[str, Any]) -> None:
    """Store the beeldvorming (bijlage 2); only when the case has none yet."""
    if d.beeldvorming is not None:
        raise Geweigerd("Dit dossier heeft al een beeldvorming; pas ze aan in het bestand.")
    kaart = als_yaml({k: v for k, v in beeld.items() if v not in (None, [], {})})
    positie = list(data).index("doelen") if "doelen" in data else len(data)
    data.insert(positie, "beeldvorming", kaart)


# ---------------------------------------------------------------------------- the goal sheet
