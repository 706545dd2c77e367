"""Readable terminal views of cases (rich renderables; printing is the CLI's job)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from leersteun.core import datums
from leersteun.core.waarden import ROL_TEKST
from leersteun.outputs.kolommen import NAAM, TEKST, VAST, OpMaat, breedtes, langste_woord, of_rich, op_een_regel, verdeel
from leersteun.rules.model import Checklist, Doel, DomeinFactoren, Dossier, Evaluatie, Heropstart, Uitkomst
from leersteun.rules.schoolkalender import Schoolkalender
from leersteun.rules.stand import aandachtspunten, heropstartstand

if TYPE_CHECKING:
    from leersteun.outputs.anoniem import Anonimiseerder

FASE_KLEUR = {
    "aanmelding": "cyan",
    "opstart": "blue",
    "ondersteuning": "green",
    "afgesloten": "dim",
    "heropstart": "magenta",
}


def datum(d: dt.date | None) -> str:
    return datums.kort(d) if d else "–"


def fase_tekst(fase: str) -> Text:
    return Text(fase, style=FASE_KLEUR.get(fase, ""))


def leerling_naam(d: Dossier, anoniem: bool) -> str:
    from leersteun.outputs.overview import initialen

    return initialen(d) if anoniem else d.leerling.volledige_naam


LIJST_KOLOMMEN = ("id", "leerling", "klas", "school", "fase", "vorm", "ondersteuner")
LIJST_VOORRANG = ("id", "leerling", "fase", "vorm", "ondersteuner", "klas", "school")  # what stays on a narrow terminal


def lijst_tabel(rijen_: Iterable[dict], breedte: int | None = None) -> Table:
    """The cases (`lijst_rij`) as a table. On a narrow terminal the id, the pupil's full name,
    fase and vorm always stay whole; school, class and ondersteuner wrap between words, and
    when even that does not fit, the least important of them is left out (school first)."""
    rijen = [{k: r[k] if r[k] is not None else "–" for k in LIJST_KOLOMMEN} for r in rijen_]
    vast = {"id", "leerling", "fase", "vorm"}
    natuurlijk = {k: op_een_regel([k, *(r[k] for r in rijen)]) for k in LIJST_KOLOMMEN}
    # the others wrap between words, never inside one
    minimum = {k: natuurlijk[k] if k in vast else langste_woord([k, *(r[k] for r in rijen)]) for k in LIJST_KOLOMMEN}

    gekozen: list[str] = []
    nodig = 0
    for kolom in LIJST_VOORRANG:
        extra = minimum[kolom] + (3 if gekozen else 0)
        if breedte is not None and kolom not in vast and nodig + extra > breedte:
            continue
        gekozen.append(kolom)
        nodig += extra
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    getoond = [k for k in LIJST_KOLOMMEN if k in gekozen]
    gegeven = breedtes([minimum[k] for k in getoond], [natuurlijk[k] for k in getoond], breedte)
    for j, kolom in enumerate(getoond):
        tabel.add_column(kolom, no_wrap=kolom in vast, min_width=minimum[kolom], width=gegeven[j] if gegeven else None, overflow="fold")
    for rij in rijen:
        cellen = [fase_tekst(rij[k]) if k == "fase" else Text(rij[k]) for k in LIJST_KOLOMMEN if k in gekozen]
        tabel.add_row(*cellen)
    return tabel


def klassen_tabel(dossiers: Iterable[Dossier], breedte: int | None = None) -> RenderableType:
    """The running cases after a school year rollover (`schooljaar`): dossier, leerling,
    school, klas, bevestigd voor. Ids, classes and years whole, names and schools too where
    they fit, else wrapped between words (`kolommen.verdeel`); made at the printed width."""
    rijen = [[d.id, d.leerling.volledige_naam, d.school.naam, d.leerling.klas, d.leerling.klas_schooljaar or "–"] for d in dossiers]
    if breedte is None:
        return OpMaat(lambda b: klassen_tabel_rijen(rijen, b))
    return klassen_tabel_rijen(rijen, breedte)


def klassen_tabel_rijen(rijen: list[list[str]], breedte: int) -> Table:
    """The table of `klassen_tabel`; on a terminal too narrow for it, without the school."""
    koppen = ["dossier", "leerling", "school", "klas", "bevestigd voor"]
    for getoond in ([0, 1, 2, 3, 4], [0, 1, 3, 4]):
        gegeven = verdeel([[koppen[i], *(r[i] for r in rijen)] for i in getoond], [[VAST, NAAM, NAAM, NAAM, NAAM][i] for i in getoond], breedte)
        if gegeven is not None:
            break
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    for i, b in zip(getoond, of_rich(gegeven, len(getoond))):
        tabel.add_column(koppen[i], width=b, overflow="fold")
    for rij in rijen:
        tabel.add_row(*_cellen(*(rij[i] for i in getoond)))
    return tabel


def lijst_rij(d: Dossier, anoniem: bool = False) -> dict:
    """One case as a flat record for --json."""
    lopend = d.lopend_traject
    return {
        "id": d.id,
        "leerling": leerling_naam(d, anoniem),
        "klas": d.leerling.klas,
        "school": d.school.naam,
        "fase": d.fase.value,
        "vorm": lopend.vorm.value if lopend else None,
        "ondersteuner": d.ondersteuner,
    }


def _cellen(*cellen: str | RenderableType) -> list[RenderableType]:
    """Table cells: text from a case as it is written (rich reads a str as markup, and a name
    with '[/]' in it would break the view)."""
    return [Text(c) if isinstance(c, str) else c for c in cellen]


def _kop(tekst: str) -> Text:
    return Text(f"\n{tekst}", style="bold underline")


def _raster(rijen: list[list[str | Text]], soorten: list[str], breedte: int) -> Table:
    """Rows without a header, two spaces apart, at `breedte`: a column that is empty in every
    row is left out (it would take the room of an e-mail address beside it); dates, roles,
    names and contacts stay whole (`kolommen.verdeel`), and where they do not fit side by
    side, the cells after the first stand under each other."""
    getoond = [i for i in range(len(soorten)) if any(str(r[i]) for r in rijen)]
    gegeven = verdeel([[str(r[i]) for r in rijen] for i in getoond], [soorten[i] for i in getoond], breedte, tussen=2, namen_breken=False)
    if gegeven is None and len(getoond) > 2:  # narrow: the first column, and the others under each other beside it
        rijen = [[r[0], "\n".join(str(r[i]) for i in getoond[1:] if str(r[i]))] for r in rijen]
        getoond = [0, 1]
        gegeven = verdeel([[str(r[i]) for r in rijen] for i in getoond], [soorten[0], TEKST], breedte, tussen=2)
    tabel = Table.grid(padding=(0, 2))
    for b in of_rich(gegeven, len(getoond)):
        tabel.add_column(width=b, overflow="fold")
    for rij in rijen:
        tabel.add_row(*_cellen(*(rij[i] for i in getoond)))
    return tabel


def _velden(paren: Iterable[tuple[str, str | Text | None]]) -> Table:
    tabel = Table.grid(padding=(0, 2))
    tabel.add_column(style="dim", no_wrap=True)
    tabel.add_column(overflow="fold")
    for label, waarde in paren:
        tabel.add_row(*_cellen(label, waarde if waarde not in (None, "") else "–"))
    return tabel


def _klas(d: Dossier, vandaag: dt.date) -> str:
    from leersteun.rules.overgang import klas_bevestigd

    ll = d.leerling
    tekst = f"{ll.klas} ({ll.niveau})"
    if ll.klas_schooljaar:
        tekst += f", schooljaar {ll.klas_schooljaar}"
    if d.fase != "afgesloten" and not klas_bevestigd(d, vandaag):
        tekst += ": nog niet bevestigd voor dit schooljaar"
    return tekst


def _verslag(d: Dossier) -> str:
    v = d.verslag
    tekst = f"{v.soort}" + (f" ({v.typologie.value})" if v.typologie else "") + f" van {datum(v.datum)}, "
    return tekst + ("zichtbaar in Diplon" if v.zichtbaar_in_diplon else "nog niet zichtbaar in Diplon")


def toon_dossier(d: Dossier, vandaag: dt.date, kalender: Schoolkalender | None = None) -> RenderableType:
    """One case for the terminal: the pupil and the case's people, then a section per part of
    the case that holds something, each made by its own function. A field left empty shows
    nothing (but for the case's people at the top, where "–" says nobody is named)."""
    delen: list[RenderableType] = [
        Text.assemble((f"{d.leerling.volledige_naam}", "bold"), f"  {d.id}  ", fase_tekst(d.fase)),
        _hoofdvelden(d, vandaag),
        *_afgesloten(d),
        *_betrokkenen(d),
        *_leervraag(d),
        *_beeldvorming(d),
        *_diplon(d, vandaag),
        *_deadlines(d, vandaag, kalender),
        *_trajecten(d),
        *_doelen(d),
        *_overleggen(d),
        *_aandachtspunten(d),
        *_evaluaties(d),
        *_heropstarts(d),
        *_geschiedenis(d),
    ]
    return Group(*delen)


def _gevuld(paren: Iterable[tuple[str, str | Text | None]]) -> list[tuple[str, str | Text | None]]:
    """The label-value pairs with a value: an empty field shows nothing."""
    return [(label, waarde) for label, waarde in paren if waarde not in (None, "")]


def _rollen(rollen: Iterable) -> str:  # noqa: ANN001 - OverlegRol values
    return ", ".join(ROL_TEKST[r.value] for r in rollen)


def _hoofdvelden(d: Dossier, vandaag: dt.date) -> Table:
    ll, v = d.leerling, d.verslag
    ov_tekst = None
    if v.ontbindende_voorwaarde:
        ov_tekst = f"ingeschreven op {datum(v.ontbindende_voorwaarde)}"
        if v.ontbindende_voorwaarde_beslist:
            ov_tekst += f", de school besliste op {datum(v.ontbindende_voorwaarde_beslist)}"
    vorige = "; ".join(f"{x.soort}" + (f" ({x.typologie.value})" if x.typologie else "") + f" van {datum(x.datum)}" for x in d.vorige_verslagen)
    return _velden(
        [
            ("klas", _klas(d, vandaag)),
            ("geboortedatum", datum(ll.geboortedatum)),
            ("school", d.school.naam + (f", {d.school.gemeente}" if d.school.gemeente else "")),
            ("verslag", _verslag(d)),
            *_gevuld([("ontbindende voorwaarde", ov_tekst), ("vorige verslagen", vorige)]),
            ("ankerpersoon", d.ankerpersoon),
            ("ondersteuner", d.ondersteuner or "nog niet toegewezen"),
            ("vorige ondersteuners", ", ".join(d.vorige_ondersteuners)),
            ("CLB-medewerker", d.clb_medewerker),
            *_gevuld([("vorig dossier", d.vorig_dossier), ("volgend dossier", d.volgend_dossier)]),
        ]
    )


def _afgesloten(d: Dossier) -> list[RenderableType]:
    """Whether a closed case can be restarted, and if not, why and what then."""
    from leersteun.rules.afsluiting import kan_heropstarten

    if d.fase != "afgesloten":
        return []
    waarom = kan_heropstarten(d)
    return [Text("\n" + (waarom or f"Afgesloten; een heropstart kan na een overleg tussen school en CLB ('leersteun heropstart {d.id}')."), style="dim")]


def _betrokkenen(d: Dossier) -> list[RenderableType]:
    if not d.betrokkenen:
        return []
    mensen: list[list[str | Text]] = [[ROL_TEKST[b.rol.value], b.naam, b.contact or "", b.notitie or ""] for b in d.betrokkenen]
    return [_kop("Betrokkenen"), OpMaat(lambda breedte: _raster(mensen, [VAST, NAAM, NAAM, TEKST], breedte))]


def _leervraag(d: Dossier) -> list[RenderableType]:
    """The hulp- of leervraag: what, from whom, and what was already tried (with whether it
    worked and why)."""
    lv = d.leervraag
    if lv is None or not (lv.vraag or lv.al_geprobeerd):
        return []
    paren = [("vraag", lv.vraag), ("van", ", ".join(x.value for x in lv.van)), ("al geprobeerd", "; ".join(str(x) for x in lv.al_geprobeerd))]
    return [_kop("Hulp- of leervraag"), _velden(_gevuld(paren))]


def _beeldvorming(d: Dossier) -> list[RenderableType]:
    """The picture of the pupil before the goals (bijlage 2): only what was filled in."""
    b = d.beeldvorming
    if b is None:
        return []
    paren = _gevuld(
        [
            ("datum", datum(b.datum) if b.datum else None),
            ("waarom nu", b.reden),
            ("zorgen van de school", b.zorgen),
            ("observaties", "\n".join(b.observaties)),
            ("toetsgegevens", "\n".join(b.toetsgegevens)),
            *((domein.value, _factoren(f)) for domein, f in b.domeinen.items()),
            ("sterktes en interesses", "\n".join(b.interesses)),
            ("ondersteunende figuren", "\n".join(b.ondersteunende_figuren)),
        ]
    )
    return [_kop("Beeldvorming"), _velden(paren)] if paren else []


def _factoren(f: DomeinFactoren) -> str:
    return "\n".join([*(f"lukt goed: {x}" for x in f.stimulerend), *(f"moeilijk: {x}" for x in f.belemmerend)])


def _diplon(d: Dossier, vandaag: dt.date) -> list[RenderableType]:
    from leersteun.rules.diplon import open_stappen

    stappen = open_stappen(d, vandaag)
    if not stappen:
        return []
    tabel = Table.grid(padding=(0, 2))
    for x in stappen:
        tabel.add_row(*_cellen(f"sinds {datums.kort(x.sinds)}", x.wie, x.omschrijving, Text(f"leersteun diplon {d.id} {x.stap.value}", style="dim")))
    return [_kop("Open stappen in Diplon"), tabel]


def _deadlines(d: Dossier, vandaag: dt.date, kalender: Schoolkalender | None) -> list[RenderableType]:
    from leersteun.rules.deadlines import deadlines

    open_ = deadlines(d, vandaag, kalender)
    if not open_:
        return []
    termijnen: list[list[str | Text]] = [
        [datums.kort(x.datum), Text(x.staat(vandaag).value, style=STAAT_KLEUR[x.staat(vandaag).value]), x.omschrijving] for x in open_
    ]
    return [_kop("Deadlines"), OpMaat(lambda breedte: _raster(termijnen, [VAST, VAST, TEKST], breedte))]


TRAJECT_KOPPEN = ["vorm", "start", "einde", "frequentie", "duur", "intensiteit", "evaluatie op"]


def _trajecten(d: Dossier) -> list[RenderableType]:
    """The trajecten as a table, the agreed duration (`duur`) beside the frequency; a note
    under the table."""
    if not d.trajecten:
        return []
    rijen = [
        [
            t.vorm.value,
            datum(t.start),
            datum(t.einde) if t.einde else "loopt",
            t.frequentie or "–",
            t.duur or "",
            t.intensiteit or "–",
            ", ".join(datum(x) for x in t.evaluatie_op) or "–",
        ]
        for t in d.trajecten
    ]
    notities = [Text(f"   {t.vorm.value} vanaf {datum(t.start)}: {t.notitie}") for t in d.trajecten if t.notitie]
    return [_kop("Trajecten"), OpMaat(lambda breedte: _trajecten_tabel(rijen, breedte)), *notities]


def _trajecten_tabel(rijen: list[list[str]], breedte: int) -> Table:
    """The table of `_trajecten` at `breedte`: dates and forms whole. The duur has its own
    column where it fits; else it stands in the frequency's cell ("wekelijks, duur: tot de
    krokusvakantie"), without a column where no traject has one."""
    zonder_duur = [0, 1, 2, 3, 5, 6]
    pogingen = [([0, 1, 2, 3, 4, 5, 6], rijen, [VAST, VAST, VAST, NAAM, TEKST, TEKST, TEKST])] if any(r[4] for r in rijen) else []
    samen = [[*r[:3], _met_duur(r[3], r[4]), *r[4:]] for r in rijen]
    pogingen.append((zonder_duur, samen, [VAST, VAST, VAST, TEKST if pogingen else NAAM, TEKST, TEKST]))
    for getoond, cellen, soorten in pogingen:
        gegeven = verdeel([[TRAJECT_KOPPEN[i], *(r[i] for r in cellen)] for i in getoond], soorten, breedte)
        if gegeven is not None:
            break
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    for i, b in zip(getoond, of_rich(gegeven, len(getoond))):
        tabel.add_column(TRAJECT_KOPPEN[i], width=b, overflow="fold")
    for rij in cellen:
        tabel.add_row(*(Text("loopt", style="green") if i == 2 and rij[i] == "loopt" else Text(rij[i]) for i in getoond))
    return tabel


def _met_duur(frequentie: str, duur: str) -> str:
    """The frequency's cell with the duur in it: 'wekelijks, duur: tot de krokusvakantie'."""
    if not duur:
        return frequentie
    return f"duur: {duur}" if frequentie == "–" else f"{frequentie}, duur: {duur}"


def _doelen(d: Dossier) -> list[RenderableType]:
    if not d.doelen:
        return []
    return [_kop("Doelen"), *(regel for doel in d.doelen for regel in _doel(doel))]


def _doel(doel: Doel) -> list[Text]:
    """A goal on a line, its leerplandoel, its measures (wie, waar, how often reviewed) and
    its last evaluation."""
    periode = f", {datum(doel.start)} tot {datum(doel.einde)}" if doel.start or doel.einde else ""
    regels = [Text.assemble((f"{doel.id} ", "bold"), f"({doel.domein}{periode}) ", doel.omschrijving)]
    if doel.leerplandoel:
        regels.append(Text(f"   leerplandoel: {doel.leerplandoel}"))
    for m in doel.maatregelen:
        bij = [
            x
            for x in (m.wie, f"waar: {m.waar}" if m.waar else None, f"om de {m.evaluatie_elke_weken} weken opnieuw bekeken" if m.evaluatie_elke_weken else None)
            if x
        ]
        regels.append(Text(f"   maatregel: {m.wat}" + (f" ({'; '.join(bij)})" if bij else "")))
    if doel.evaluaties:
        laatste = doel.evaluaties[-1]
        effecten = f"; beoogde effecten: {laatste.beoogde_effecten}" if laatste.beoogde_effecten else ""
        regels.append(Text(f"   laatste evaluatie {datum(laatste.datum)}: bereikt {laatste.bereikt}{effecten}"))
    return regels


def _overleggen(d: Dossier) -> list[RenderableType]:
    """Every overleg with who took part (the opstartgesprek's partners among them)."""
    from leersteun.core.waarden import OVERLEG_TEKST

    if not d.overleggen:
        return []
    tabel = Table(show_edge=False, pad_edge=False, show_header=False)
    tabel.add_column(no_wrap=True)
    tabel.add_column(no_wrap=True)
    tabel.add_column(overflow="fold")
    for o in d.overleggen:
        met = _rollen(o.met)
        tekst = " ".join(x for x in ((f"met {met}." if met else ""), o.notitie or "", (f"Volgend: {datum(o.volgende)}." if o.volgende else "")) if x)
        tabel.add_row(*_cellen(datum(o.datum), OVERLEG_TEKST[o.soort.value], tekst))
    return [_kop("Overleg"), tabel]


def _aandachtspunten(d: Dossier) -> list[RenderableType]:
    punten = aandachtspunten(d)
    if not punten:
        return []
    return [_kop("Aandachtspunten"), *(Text(f"evaluatie van {datum(dag)}: {wat}; bespreek dit met de coördinatie") for dag, wat in punten)]


def _evaluaties(d: Dossier) -> list[RenderableType]:
    if not d.evaluaties:
        return []
    return [_kop("Evaluaties"), *(Text(regel) for e in d.evaluaties for regel in _evaluatie(e))]


HERORIENTERING_NAAR = {"ander_niveau": "een ander niveau", "buitengewoon_onderwijs": "het buitengewoon onderwijs"}
VIER_KORT = {"doelen_concreet": "concreet", "doelen_context": "context", "gedragen": "gedragen", "zorgcontinuum_fase_2_3": "fase 2/3"}


def _evaluatie(e: Evaluatie) -> list[str]:
    """An evaluation: the decision, who took part and who agreed, the four questions, the
    CLB's moments (heroriëntering, invited), further support after lager→secundair, the
    closing questions, the moments it planned and its note; only what was recorded."""
    from leersteun.rules.model import VIER_VRAGEN

    reden = f" ({e.reden.value.replace('_', ' ')})" if e.reden else ""
    regels = [f"{datum(e.datum)}  {e.beslissing}{reden}"]
    vv = e.vier_vragen
    antwoorden = ", ".join(f"{VIER_KORT[k]} {getattr(vv, k).antwoord.value}" for k in VIER_VRAGEN if getattr(vv, k) and getattr(vv, k).antwoord) if vv else ""
    verder = {None: None, True: "nodig", False: "niet nodig"}[e.verdere_leersteun]
    for label, waarde in (
        ("met", _rollen(e.met)),
        ("afgesproken met", _rollen(e.afgesproken_met)),
        ("vier vragen", antwoorden),
        ("toelichting bij de vier vragen", vv.toelichting if vv else None),
        ("heroriëntering naar", HERORIENTERING_NAAR[e.herorientering.value] if e.herorientering else None),
        ("CLB uitgenodigd", e.clb_uitnodiging),
        ("verdere leersteun in het secundair", verder),
        ("school neemt mee", e.wat_neemt_school_mee),
        ("kansen", e.kansen),
        ("volgende evaluatie", ", ".join(datum(x) for x in e.volgende)),
        ("notitie", e.notitie),
    ):
        if waarde:
            regels.append(f"   {label}: {waarde}")
    return regels


def _heropstarts(d: Dossier) -> list[RenderableType]:
    if not d.heropstarts:
        return []
    return [_kop("Heropstarts"), *(Text(regel) for h in d.heropstarts for regel in _heropstart(d, h))]


def _heropstart(d: Dossier, h: Heropstart) -> list[str]:
    """A heropstart: started, its outcome and the day it was decided, who analyses (and why
    not whom leersteun proposed), who filled in the checklist, question 4, the mail, the
    assignment with its vorm and overdracht, and where it stands now."""
    uitkomst = {None: "checklist nog open", Uitkomst.heropstart: "uitkomst: heropstart", Uitkomst.geen_heropstart: "uitkomst: geen heropstart"}[h.uitkomst]
    beslist = f" (beslist op {datum(h.beslist)})" if h.beslist and h.uitkomst else ""
    regels = [f"gestart {datum(h.gestart)}, {uitkomst}{beslist}"]
    if h.analyse_met:
        met = "de ondersteuner" if h.analyse_met == "ondersteuner" else "het CLB"
        regels.append(f"   analyse met: {met}" + (f"; anders dan voorgesteld, omdat: {h.analyse_reden}" if h.analyse_reden else ""))
    if h.ingevuld_door:
        regels.append(f"   checklist ingevuld door {h.ingevuld_door}")
    regels += [f"   {r}" for r in _vraag_4(h.checklist)]
    if h.motivatie:
        regels.append(f"   motivatie: {h.motivatie}")
    if h.mail:
        verstuurd = f", verstuurd {datum(h.mail.verstuurd)}" if h.mail.verstuurd else ", nog niet verstuurd"
        regels.append(f"   mail aangemaakt {datum(h.mail.aangemaakt)}{verstuurd}")
    if h.toewijzing:
        vorm = f", vorm {h.toewijzing.vorm.value}" if h.toewijzing.vorm else ""
        regels.append(f"   toegewezen aan {h.toewijzing.ondersteuner} op {datum(h.toewijzing.datum)}{vorm}")
        if h.toewijzing.overdracht_van:
            from leersteun.rules.deadlines import open_overdracht

            stand = "nog te doen" if open_overdracht(d) and h is d.laatste_heropstart else "gedaan"
            regels.append(f"   overdracht van {h.toewijzing.overdracht_van}: {stand}")
    if h is d.laatste_heropstart and (nu := heropstartstand(d)) is not None:  # as the weekly overview says it
        regels.append(f"   stand: {nu.stand} (sinds {datum(nu.sinds)}); verder: {nu.verder}")
    return regels


def _vraag_4(checklist: Checklist | None) -> list[str]:
    """Question 4 of the checklist as seed 000 asks it ('ja' = the needs lie within the task of
    leersteun) and its central question (which partners can meet the request), read from the
    fields the model has: a `binnen_opdracht` in the seed's wording, else the file's
    `andere_partner` ('ja' = another partner fits better) turned round, its partners from
    `partners`, `andere_partners` and an older single `partner`. Nothing while unanswered."""
    if checklist is None:
        return []
    seed, contract = getattr(checklist, "binnen_opdracht", None), getattr(checklist, "andere_partner", None)
    vraag = seed if seed is not None else contract
    if vraag is None or vraag.antwoord is None:
        return []
    if seed is not None:
        antwoord = seed.antwoord.value
    elif hasattr(vraag, "binnen_opdracht"):  # the model turns the file's answer round
        antwoord = vraag.binnen_opdracht.value
    else:
        antwoord = {"ja": "nee", "deels": "deels", "nee": "ja"}[vraag.antwoord.value]
    partners = getattr(vraag, "partners", None)
    if not isinstance(partners, list):
        partners = list(getattr(vraag, "andere_partners", None) or [])
        partners += [vraag.partner] if getattr(vraag, "partner", None) is not None and vraag.partner not in partners else []
    toelichting = f" ({vraag.toelichting.rstrip('.')})" if vraag.toelichting else ""
    return [
        f"binnen de opdracht van leersteun: {antwoord}{toelichting}",
        f"andere partners die tegemoet kunnen komen aan de vraag: {', '.join(p.value for p in partners) or 'geen'}",
    ]


def _geschiedenis(d: Dossier) -> list[RenderableType]:
    if not d.geschiedenis:
        return []
    tabel = Table(show_edge=False, pad_edge=False, show_header=False)
    tabel.add_column(no_wrap=True)
    tabel.add_column(no_wrap=True)
    tabel.add_column(no_wrap=True, style="dim")
    tabel.add_column(overflow="fold")
    for g in d.geschiedenis:
        tabel.add_row(*_cellen(datum(g.datum), fase_tekst(g.fase), g.door, g.notitie or ""))
    return [_kop("Geschiedenis"), tabel]


STAAT_KLEUR = {"verlopen": "bold red", "deze week": "yellow", "komend": ""}
AGENDA_RIJEN = 30  # a longer agenda shows, per state, a summary and the most urgent rows
TOON_RIJEN = 10  # rows per state of a long agenda; --alles shows every row


def agenda_weergave(punten: list, vandaag: dt.date, anon: Anonimiseerder | None = None, alles: bool = False) -> RenderableType:
    """The agenda for the terminal (`punten`: agenda.Agendapunt, by date). Up to
    AGENDA_RIJEN rows, or with `alles`: one table. Longer (a coordinator's whole network):
    per state (verlopen, deze week, komend) how many and per ondersteuner, with the
    TOON_RIJEN most urgent (the longest overdue, the soonest coming)."""
    if alles or len(punten) <= AGENDA_RIJEN:
        return agenda_tabel(punten, vandaag, anon)
    delen: list[RenderableType] = []
    for staat in STAAT_KLEUR:
        groep = [p for p in punten if p.deadline.staat(vandaag).value == staat]
        if not groep:
            continue
        spreiding = datums.spreiding([p.deadline.ondersteuner or "–" for p in groep], "ondersteuner")
        getoond = groep[:TOON_RIJEN]
        vooraf = f" De {len(getoond)} dringendste:" if len(getoond) < len(groep) else ""
        delen += [Text(f"{staat.capitalize()}: {spreiding}{vooraf}", style="bold"), agenda_tabel(getoond, vandaag, anon)]
        if len(getoond) < len(groep):
            delen.append(Text(f"… en nog {datums.getal(len(groep) - len(getoond))}.", style="dim"))
        delen.append(Text(""))
    delen.append(Text("Alle rijen: leersteun agenda --alles, of --ics BESTAND voor je agenda.", style="dim"))
    return Group(*delen)


def agenda_tabel(punten: list, vandaag: dt.date, anon: Anonimiseerder | None = None, breedte: int | None = None) -> RenderableType:
    """Deadlines (agenda.Agendapunt) as a table: datum, staat, leerling (with the case id
    under the name), wat, ondersteuner. Made at the width it is printed at: dates, states and
    names whole, the text wrapping between words (`kolommen.verdeel`)."""
    if breedte is None:
        return OpMaat(lambda b: agenda_tabel(punten, vandaag, anon, b))
    rijen = []
    for p in punten:
        deadline = p.deadline
        staat = deadline.staat(vandaag).value
        wat = anon.tekst(deadline.omschrijving) if anon else deadline.omschrijving
        rijen.append((datums.kort(deadline.datum), datums.weekdag(deadline.datum), staat, p.leerling, deadline.dossier_id, wat, deadline.ondersteuner or "–"))
    kolommen = [
        ["datum", *(r[0] for r in rijen), *(r[1] for r in rijen)],
        ["staat", *(r[2] for r in rijen)],
        ["leerling", *(r[3] for r in rijen), *(r[4] for r in rijen)],
        ["wat", *(r[5] for r in rijen)],
        ["ondersteuner", *(r[6] for r in rijen)],
    ]
    gegeven = verdeel(kolommen, [VAST, VAST, NAAM, TEKST, NAAM], breedte)
    if gegeven is None:  # narrow: the state under the date, the ondersteuner under the pupil (no id or word cut)
        return _agenda_gestapeld(rijen, breedte)
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    for (kop, *_), b in zip(kolommen, gegeven):
        tabel.add_column(kop, width=b, overflow="fold")
    for datum_, dag, staat, leerling, dossier, wat, ondersteuner in rijen:
        tabel.add_row(
            Text.assemble(datum_, "\n", (dag, "dim")),
            Text(staat, style=STAAT_KLEUR[staat]),
            Text.assemble(leerling, "\n", (dossier, "dim")),
            *_cellen(wat, ondersteuner),
        )
    return tabel


def _agenda_gestapeld(rijen: Sequence[tuple[str, ...]], breedte: int) -> Table:
    """The agenda on a terminal too narrow for five columns (60 characters): three, with the
    state under the date and the ondersteuner under the pupil and the case id."""
    kolommen = [
        ["datum", "staat", *(r[i] for r in rijen for i in (0, 1, 2))],
        ["leerling", "ondersteuner", *(r[i] for r in rijen for i in (3, 4, 6))],
        ["wat", *(r[5] for r in rijen)],
    ]
    gegeven = of_rich(verdeel(kolommen, [VAST, NAAM, TEKST], breedte), len(kolommen))
    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    for kop, b in zip(("datum\nstaat", "leerling\nondersteuner", "wat"), gegeven):
        tabel.add_column(kop, width=b, overflow="fold")
    for datum_, dag, staat, leerling, dossier, wat, ondersteuner in rijen:
        tabel.add_row(
            Text.assemble(datum_, "\n", (dag, "dim"), "\n", (staat, STAAT_KLEUR[staat])),
            Text.assemble(leerling, "\n", (dossier, "dim"), "\n", ondersteuner),
            *_cellen(wat),
        )
    return tabel


def conflict_weergave(cd: Any, breedte: int = 80) -> RenderableType:  # a conflict.Conflictdossier or conflict.Verwijderd (outputs/ imports no more of editing/)
    """A case with questions after a merge: each place, both values whole (wrapped, never
    cut), who wrote each version."""
    if not hasattr(cd, "keuzes"):  # removed on one side, changed on the other
        naam = cd.naam()
        return Group(
            Text.assemble((cd.id, "bold"), f" ({naam})" if naam else "", f": {cd.uitleg().split(': ', 1)[1]}."),
            Text("     houden: het gewijzigde dossier blijft; weg: het dossier wordt verwijderd."),
        )
    naam = cd.naam()
    kop = Text.assemble((cd.id, "bold"), f" ({naam})" if naam else "")
    if cd.conflict.andere_leerling:
        return Group(
            Text.assemble(kop, ": jij en een collega gaven dit nummer aan twee verschillende leerlingen."),
            _waarden("mijn", _leerling(cd.conflict.mijn.data), "hun", _leerling(cd.conflict.hun), breedte=breedte),
            Text(f"     Jouw dossier krijgt het volgende vrije nummer met 'leersteun conflict {cd.id}'."),
        )
    n = len(cd.keuzes)
    if n == 0:
        return Text.assemble(kop, f": beide versies zijn gelijk; 'leersteun conflict {cd.id}' haalt de conflicttekens weg.")
    regels: list[RenderableType] = [
        Text.assemble(kop, f": {n} tegenspra{'ken' if n != 1 else 'ak'}"),
        Text(f"  mijn versie: {cd.mijn_door or 'op deze computer'}"),
        Text(f"  hun versie:  {cd.hun_door or 'binnengekomen van een collega'}"),
    ]
    for i, keuze in enumerate(cd.keuzes, start=1):
        regels.append(Text(f"  {i}. {keuze.titel}", style="bold"))
        for j in range(len(keuze.paden)):
            if len(keuze.paden) > 1:
                regels.append(Text(f"     {keuze.delen[j]}"))
            regels.append(_waarden("mijn", keuze.mijn[j], "hun", keuze.hun[j], 7 if len(keuze.paden) > 1 else 5, breedte))
    return Group(*regels)


def _leerling(data: Mapping[str, Any]) -> str:
    leerling = data.get("leerling") or {}
    geboren = leerling.get("geboortedatum")
    return " ".join(str(leerling.get(k) or "") for k in ("voornaam", "naam")).strip() + (
        f", geboren {datums.kort(geboren)}" if isinstance(geboren, dt.date) else ""
    )


def _waarden(links: str, mijn: str, rechts: str, hun: str, inspringing: int = 5, breedte: int = 80) -> Text:
    """Two labelled values under each other; a long value wraps under itself (no trailing
    spaces, words never cut unless longer than the line)."""
    import textwrap

    label = inspringing + max(len(links), len(rechts)) + 2
    ruimte = max(20, breedte - label)
    regels: list[str] = []
    for naam, waarde in ((links, mijn), (rechts, hun)):
        stukken = [s for r in waarde.split("\n") for s in (textwrap.wrap(r, ruimte, break_on_hyphens=False) or [""])]
        kop = (" " * inspringing + naam + ":").ljust(label)
        regels += [(kop if i == 0 else " " * label) + stuk for i, stuk in enumerate(stukken)]
    return Text("\n".join(regels))
