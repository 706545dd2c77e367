"""The goal sheet (doelfiche) for parents and the pupil: everything it shows, in plain words,
as the context of the templates in `templates/fiche/` (rendered by `render`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from leersteun.core import datums
from leersteun.rules.deadlines import MARGE
from leersteun.outputs.grafiek import tijdlijn
from leersteun.editing.goals import ONDERWIJSBEHOEFTEN_STAM, ONDERSTEUNINGSBEHOEFTEN_STAM, _index
from leersteun.rules.model import Dossier, Fase
from leersteun.core.waarden import PROCES_VRAGEN
from leersteun.editing.trajectory import Geweigerd

DOMEIN_TEKST = {
    "socio-emotioneel": "Sociaal-emotionele ontwikkeling",
    "motorisch": "Motorische en lichamelijke ontwikkeling",
    "cognitief": "Cognitieve ontwikkeling",
}
TIJDLIJN_KORT = {"ja": "bereikt", "deels": "deels", "nee": "nog niet"}  # under a point of the time line
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
                "proces": [(kop, getattr(e, veld)) for veld, _, _, kop in PROCES_VRAGEN if getattr(e, veld)],
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
                "tijdlijn": tijdlijn(doel.id, [(e.datum, e.bereikt.value) for e in doel.evaluaties]),
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
    from leersteun.editing.trajectory import REDEN_TEKST, afgesloten_op, afsluitreden

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
        "woord": TIJDLIJN_KORT,
    }
