"""The goal sheet (doelfiche) for parents and the pupil: everything it shows, in plain words,
as the context of the templates in `templates/fiche/` (rendered by `render`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from leersteun.core import datums
from leersteun.core.waarden import PROCES_VRAGEN
from leersteun.outputs.grafiek import tijdlijn
from leersteun.rules.deadlines import MARGE, volgende_herbekijking
from leersteun.rules.doelen import ONDERSTEUNINGSBEHOEFTEN_STAM, ONDERWIJSBEHOEFTEN_STAM, doel_index
from leersteun.rules.model import Dossier, Fase, Periode
from leersteun.rules.weigering import Geweigerd

DOMEIN_TEKST = {
    "socio-emotioneel": "Sociaal-emotionele ontwikkeling",
    "motorisch": "Motorische en lichamelijke ontwikkeling",
    "cognitief": "Cognitieve ontwikkeling",
}
TIJDLIJN_KORT = {"ja": "bereikt", "deels": "deels", "nee": "nog niet"}  # under a point of the time line
BEREIKT_TEKST = {"ja": "Ja, het doel is bereikt.", "deels": "Het doel is deels bereikt.", "nee": "Het doel is nog niet bereikt."}


VRAAG_VAN_TEKST = {
    "leerkracht": "de leerkracht",
    "zorg": "het zorgteam",
    "ouders": "de ouders",
    "clb": "het CLB",
    "directie": "de directie",
    "andere": "anderen",
}


def _herbekeken(m: Any, doel: Any, vandaag: dt.date) -> str:
    """The review date of a measure, and, once it is past, whether the review happened; a
    blijvende maatregel reviewed every so many weeks says so, and when it is next."""
    moment = m.evaluatie_op
    if m.periode == Periode.blijvend:  # reviewed again and again, as the agenda counts it (never after the goal's end)
        volgende = volgende_herbekijking(m, [e.datum for e in doel.evaluaties], basis=doel.start, einde=doel.einde)
        if volgende is not None and volgende >= vandaag:
            ritme = f"om de {m.evaluatie_elke_weken} weken" if m.evaluatie_elke_weken else "elk trimester"
            return f"We bekijken ze {ritme} opnieuw; de volgende keer op {datums.lang(volgende)}."
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
        doelen = [d.doelen[doel_index(d, doel_id)]]
    else:
        doelen = d.doelen if alle else d.huidige_doelen
    if not doelen:
        if d.doelen:
            raise Geweigerd(f"Dossier {d.id} heeft nog geen doelen voor de huidige ondersteuning; de vroegere doelen zie je met --alle.")
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
                        _herbekeken(m, doel, vandaag),
                    )
                    if x
                ),
                "wie": m.wie,
                "waar": m.waar,
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
                "anker": f"doel-{nummer}",  # where the goal begins and (with -einde) ends, for the PDF's page breaks
                "lang": False,  # longer than a page (`fiche_pdf`)
                "titel": f"Doel {nummer}",
                "domein": DOMEIN_TEKST[doel.domein.value],
                "omschrijving": doel.omschrijving,
                "leerplandoel": doel.leerplandoel,
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
        "al_geprobeerd": [str(x) for x in lv.al_geprobeerd] if lv else [],  # 'wat: lukte niet (waarom)'
    }
    if d.beeldvorming is None and (vraag["vraag"] or vraag["al_geprobeerd"]):
        leeg: dict[str, Any] = {
            "reden": None,
            "zorgen": None,
            "observaties": [],
            "toetsgegevens": [],
            "domeinen": [],
            "interesses": [],
            "ondersteunende_figuren": [],
        }
        beeld = {**leeg, **vraag}
    if d.beeldvorming is not None:
        b = d.beeldvorming
        beeld = {
            **vraag,
            "reden": b.reden,
            "zorgen": b.zorgen,
            "observaties": list(b.observaties),
            "toetsgegevens": list(b.toetsgegevens),
            "domeinen": [
                {"naam": DOMEIN_TEKST[k.value], "stimulerend": list(v.stimulerend), "belemmerend": list(v.belemmerend)}
                for k, v in sorted(b.domeinen.items(), key=lambda kv: list(DOMEIN_TEKST).index(kv[0].value))
            ],
            "interesses": list(b.interesses),
            "ondersteunende_figuren": list(b.ondersteunende_figuren),
        }
    from leersteun.rules.afsluiting import REDEN_TEKST, afgesloten_op, afsluitreden

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


def fiche_pdf(context: dict[str, Any], map_pad: Path | None) -> bytes:
    """The goal sheet as PDF. The template keeps a goal on one page (`break-inside: avoid`), so a
    goal starts on a new page only when it does not fit in the rest of this one, and its title
    never ends a page. A goal longer than a whole page would still be moved to a new page,
    leaving the rest of the page before it empty: such goals are found in a first layout (their
    start and end on different pages) and laid out again as `lang`, beginning where the page is
    and breaking between the rows of their table."""
    from leersteun.outputs.render import render

    html = render("fiche/fiche.html.j2", context, map_pad)
    document = _opmaak(html, map_pad)
    lang = _over_meer_paginas(document, [rij["anker"] for rij in context["doelen"]])
    if lang:
        for rij in context["doelen"]:
            rij["lang"] = rij["anker"] in lang
        document = _opmaak(render("fiche/fiche.html.j2", context, map_pad), map_pad)
    return document.write_pdf(pdf_variant="pdf/ua-1")


def _opmaak(html: str, map_pad: Path | None) -> Any:
    """The laid-out pages (a WeasyPrint document), through the same door as every PDF: PDF/UA,
    nothing fetched but inline data."""
    import logging

    from leersteun.core.errors import Fout
    from leersteun.outputs.render import _geen_ophalen

    for naam in ("weasyprint", "fontTools"):
        logging.getLogger(naam).setLevel(logging.ERROR)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: Pango or Cairo missing on this machine
        raise Fout(f"PDF maken lukt niet: WeasyPrint is niet bruikbaar op deze computer ({e}).") from None
    basis = str(map_pad) if map_pad else None
    return HTML(string=html, base_url=basis, url_fetcher=_geen_ophalen()).render(pdf_variant="pdf/ua-1")


def _over_meer_paginas(document: Any, ankers: list[str]) -> set[str]:
    """The goals whose start and end are on different pages (a folder's own template without
    the anchors: none)."""
    pagina: dict[str, int] = {}
    for nummer, p in enumerate(document.pages):
        for naam in p.anchors:
            pagina.setdefault(naam, nummer)
    return {a for a in ankers if a in pagina and f"{a}-einde" in pagina and pagina[a] != pagina[f"{a}-einde"]}
