"""Commands of the trajectory: fase, evaluatie, betrokkene, overleg, diplon, verslag,
schooljaar, overgang.
"""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    CommitOptie,
    DatumOptie,
    DoorOptie,
    DossierArg,
    NieuwLidOptie,
    NotitieOptie,
    TochVormOptie,
    _afspraak,
    _bevestig,
    _datum_optie,
    _dossiermap,
    _geen_effect,
    _in_terminal,
    _meld_ongeldige,
    _ondersteuner,
    _Sessie,
    _vraag,
    _vraag_datum,
    _wie,
    _wijzig,
)
from leersteun.cli.kern import _normaliseer, opdracht
from leersteun.core.waarden import (
    Beslissing,
    BetrokkeneRol,
    DiplonStap,
    Fase,
    Herorientering,
    JaDeelsNee,
    OverlegSoort,
    Reden,
    Typologie,
    VerslagSoort,
    Vorm,
)

_AFSLUITEN = ("--wat-neemt-school-mee", "--kansen", "--met", "--zonder-overleg")  # what goes with closing (seeds 001, 003)
# Per (from, to) of `leersteun fase`: the options that mean something there.
_FASE_OPTIES = {
    ("aanmelding", "opstart"): {"--verslag-zichtbaar"},
    ("heropstart", "opstart"): {"--vorm", "--start", "--frequentie", "--intensiteit", "--duur", "--evaluatie-op"},
    ("opstart", "ondersteuning"): {
        "--vorm", "--start", "--frequentie", "--intensiteit", "--duur", "--evaluatie-op", "--ondersteuner", "--opstartgesprek", "--met", "--leervraag",
    },
    ("heropstart", "ondersteuning"): {"--vorm", "--start", "--frequentie", "--intensiteit", "--duur", "--evaluatie-op", "--toch"},
    ("aanmelding", "afgesloten"): {"--reden", *_AFSLUITEN},
    ("opstart", "afgesloten"): {"--reden", *_AFSLUITEN},
    ("ondersteuning", "afgesloten"): {"--reden", *_AFSLUITEN},
    ("afgesloten", "heropstart"): {"--overleg-school-clb"},
}  # fmt: skip


VerslagZichtbaarOptie = Annotated[bool, typer.Option("--verslag-zichtbaar", help="Bij opstart: het Verslag is nu zichtbaar in Diplon.")]
VormOptie = Annotated[Vorm | None, typer.Option(help="Vorm van het traject: regulier (standaard na opstart); na een heropstart light, medium of nieuw.")]
EvaluatieOpOptie = Annotated[
    list[str] | None, typer.Option("--evaluatie-op", metavar="DATUM", help="Afgesproken evaluatiemoment (mag meermaals; light: standaard na 4 weken).")
]
OpstartgesprekOptie = Annotated[
    str | None, typer.Option("--opstartgesprek", metavar="DATUM", help="Bij ondersteuning: datum van het opstartgesprek (als het nog niet genoteerd is).")
]
OverlegSchoolClbOptie = Annotated[
    str | None, typer.Option("--overleg-school-clb", metavar="DATUM", help="Bij heropstart: datum van het overleg tussen school en CLB.")
]
StartOptie = Annotated[str | None, typer.Option(metavar="DATUM", help="Bij ondersteuning: start van het traject (standaard: --datum).")]
FaseLeervraagOptie = Annotated[str | None, typer.Option("--leervraag", help="Bij ondersteuning: de hulp- of leervraag van de school.")]
DuurOptie = Annotated[str | None, typer.Option("--duur", help="Bij ondersteuning: de afgesproken duur, zoals 'tot de krokusvakantie' of '3 maanden'.")]
MetOptie = Annotated[
    str | None,
    typer.Option(
        "--met", metavar="ROL,ROL",
        help="Wie deelnam, als rollen (klasleerkracht, zorgcoordinator, directie, ouders, clb, ondersteuner, ankerpersoon, leerling, ...): bij ondersteuning aan het opstartgesprek (met --opstartgesprek), bij afsluiten aan het overleg.",
    ),
]  # fmt: skip
WatMeeOptie = Annotated[str | None, typer.Option(help="Bij afsluiten: wat neemt de school mee bij het afronden?")]
KansenOptie = Annotated[str | None, typer.Option(help="Bij afsluiten: waar liggen volgens de school nog kansen?")]
ZonderOverlegOptie = Annotated[
    str | None, typer.Option("--zonder-overleg", metavar="REDEN", help="Bij afsluiten: waarom school, ouders of CLB niet aan het overleg deelnamen.")
]


@opdracht("fase")
def fase_(
    dossier: DossierArg,
    naar: Annotated[Fase, typer.Argument(metavar="NAAR", help="De nieuwe fase.", show_default=False)],
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    door: DoorOptie = None,
    reden: Annotated[Reden | None, typer.Option(help="Bij afgesloten: de reden.")] = None,
    verslag_zichtbaar: VerslagZichtbaarOptie = False,
    frequentie: Annotated[str | None, typer.Option(help="Bij ondersteuning: afgesproken frequentie.")] = None,
    intensiteit: Annotated[str | None, typer.Option(help="Bij ondersteuning: afgesproken intensiteit.")] = None,
    start: StartOptie = None,
    vorm: VormOptie = None,
    evaluatie_op: EvaluatieOpOptie = None,
    ondersteuner: Annotated[str | None, typer.Option(help="Bij ondersteuning: de ondersteuner, uit het team van leersteun.yaml.")] = None,
    nieuw_lid: NieuwLidOptie = False,
    duur: DuurOptie = None,
    opstartgesprek: OpstartgesprekOptie = None,
    met: MetOptie = None,
    leervraag: FaseLeervraagOptie = None,
    wat_neemt_school_mee: WatMeeOptie = None,
    kansen: KansenOptie = None,
    zonder_overleg: ZonderOverlegOptie = None,
    overleg_school_clb: OverlegSchoolClbOptie = None,
    ja: Annotated[bool, typer.Option("--ja", help="Bij afsluiten: bevestig zonder te vragen (in een script nodig als er nadien geen heropstart kan).")] = False,
    toch: TochVormOptie = None,
    commit: CommitOptie = None,
) -> None:
    """Zet een dossier in een volgende fase, volgens de regels van het traject."""
    _fase(naar, dict(locals()))


def _fase(naar: Fase, o: dict[str, Any]) -> None:
    """`leersteun fase` with its options `o`: what goes with closing is checked (and asked in a
    terminal) before the closing is confirmed; then the edit."""
    from leersteun.editing.instellingen import bewaar_samen
    from leersteun.editing.trajectory import OVERGANGEN

    wie = _wie(o["door"], o["datum"], o["notitie"])
    _gebeurd(wie.datum, "--datum", "een stap in het traject")
    sessie = _Sessie(o["dossier"])
    o["ondersteuner"], erbij = _ondersteuner(sessie, o["ondersteuner"], o["nieuw_lid"], "--ondersteuner")  # as in leersteun.yaml
    o["kalender"] = _kalender(sessie)
    d, reden = sessie.gelezen.dossier, o["reden"]
    if naar == Fase.afgesloten and naar in OVERGANGEN[d.fase]:
        _fase_opties(d, naar, o)  # before the question: a refusal asks nothing
        if reden is None and d.fase != Fase.heropstart and _in_terminal():  # a script is told to give --reden
            from leersteun.rules.afsluiting import REDEN_TEKST

            reden = o["reden"] = Reden(_vraag("Reden van het afsluiten", keuzes=[r.value for r in Reden], uitleg={r.value: REDEN_TEKST[r] for r in Reden}))
        if reden is not None and d.fase != Fase.heropstart:
            o["afronding"] = _afronding(d, wie, reden, o, _in_terminal())
    if not _bevestig_afsluiten(d, reden if naar == Fase.afgesloten else None, o["ja"]):
        return
    bewaar_samen(sessie, _naar_fase(naar, wie, o), erbij)
    sessie.zeg()
    sessie.commit(o["commit"], f"fase {naar.value}", wie.door)


def _gebeurd(datum: Any, optie: str, wat: str, raad: str = "") -> Any:
    """A step, an evaluation, a transition or an overleg is noted when it happened: a date after
    today is refused (valideer would warn about it on every later run), naming the option.
    A planned moment has its own options (--volgende, --evaluatie-op, --start)."""
    from leersteun.core import datums
    from leersteun.core.errors import Fout
    from leersteun.reading.folder import vandaag

    if datum is not None and datum > vandaag():
        raise Fout(
            f"{optie} {datums.kort(datum)} ligt na vandaag ({datums.kort(vandaag())}): {wat} noteer je achteraf, op de dag "
            f"zelf of later.{raad} Er is niets gewijzigd."
        )
    return datum


def _kalender(sessie: Any) -> Any:
    """The school calendar of the case folder: the Flemish one and each school's own free days."""
    from leersteun.rules.schoolkalender import Schoolkalender

    return Schoolkalender.van(sessie.instellingen)


def _bevestig_afsluiten(d: Any, reden: Reden | None, ja: bool, vragen: bool = False) -> bool:
    """No command undoes a closing: a terminal asks first. Closing for a reason after which no
    heropstart is possible needs --ja in a script (`onomkeerbaar`). False: the person said no."""
    from leersteun.editing.onomkeerbaar import bij_afsluiten, bij_gewoon_afsluiten

    tekst = bij_afsluiten(d, reden)
    if tekst is not None:
        return _bevestig(tekst, ja, vragen)
    tekst = bij_gewoon_afsluiten(d, reden)
    if tekst is None:
        _geen_effect("het bevestigt alleen het afsluiten van een lopend dossier", {"--ja": ja})
        return True
    return ja or not (vragen or _in_terminal()) or _bevestig(tekst, ja, vragen)  # a script: a heropstart can start it again


def _fase_opties(d: Any, naar: Fase, o: dict[str, Any]) -> None:
    """Refuse the options of `leersteun fase` that mean nothing for this step."""
    namen = (
        "reden", "verslag_zichtbaar", "frequentie", "intensiteit", "duur", "start", "vorm", "evaluatie_op", "ondersteuner", "opstartgesprek", "met",
        "leervraag", "wat_neemt_school_mee", "kansen", "zonder_overleg", "overleg_school_clb", "toch",
    )  # fmt: skip
    opties = {f"--{k.replace('_', '-')}": o[k] for k in namen}
    toegestaan = _FASE_OPTIES.get((d.fase.value, naar.value), set())
    _geen_effect(f"ze horen niet bij de stap van {d.fase.value} naar {naar.value}", {k: v for k, v in opties.items() if k not in toegestaan})


def _rollen(tekst: str | None, optie: str) -> list[str]:
    """Roles typed as 'klasleerkracht, ouders' (the roles of an overleg), in their order, once each."""
    from leersteun.core.errors import GebruikFout
    from leersteun.core.waarden import OverlegRol

    rollen: list[str] = []
    for deel in (tekst or "").replace(";", ",").split(","):
        deel = _normaliseer(deel).replace("-", "_")
        if not deel:
            continue
        if deel not in {r.value for r in OverlegRol}:
            waar = f"{optie}: " if optie.startswith("--") else ""  # a question's answer: the sentence alone
            raise GebruikFout(f"{waar}'{deel}' is geen rol; kies uit {', '.join(r.value for r in OverlegRol)}.")
        if deel not in rollen:
            rollen.append(deel)
    return rollen


def _afronding(d: Any, wie: Any, reden: Reden, o: dict[str, Any], vragen: bool, verdere: bool = False) -> Any:
    """What goes with a closing (the closing questions, the overleg with the partners, at
    lager→secundair whether further support is needed): from the options, what is missing
    asked in a terminal (`vragen`); then checked, before anything is asked to confirm."""
    from leersteun.editing.trajectory import Afronding, controleer_afsluiten, liep, opsomming, partners_zonder_overleg

    a = Afronding(o.get("wat_neemt_school_mee"), o.get("kansen"), _rollen(o.get("met"), "--met"), o.get("zonder_overleg"), o.get("verdere_leersteun"))
    if vragen and d.fase in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning) and not (reden == Reden.doelen_bereikt and not d.huidige_doelen):
        if liep(d):
            a.wat_neemt_school_mee = a.wat_neemt_school_mee or _vraag("Wat neemt de school mee bij het afronden van het ondersteuningstraject?")
            a.kansen = a.kansen or _vraag("Waar liggen volgens jullie nog kansen?")
            zonder = partners_zonder_overleg(d, wie.datum, a.met)
            if zonder and not a.met:
                a.met = _vraag_rollen(
                    "Wie nam deel aan het overleg over het afsluiten (rollen met komma's: klasleerkracht, zorgcoordinator, ouders, clb, ...)?"
                )
                zonder = partners_zonder_overleg(d, wie.datum, a.met)
            if zonder and not a.zonder_overleg:
                a.zonder_overleg = _vraag(
                    f"Afsluiten gebeurt na overleg met alle partners; {opsomming(zonder)} {'was' if len(zonder) == 1 else 'waren'} er niet bij. Waarom niet?"
                )
        if verdere and a.verdere_leersteun is None:
            from leersteun.cli.gemeen import _ja_nee

            a.verdere_leersteun = _ja_nee("Blijkt uit de evaluatie dat verdere leersteun nodig is?")
    if d.fase in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning):
        controleer_afsluiten(d, wie, reden, a, verdere)
    return a


def _vraag_rollen(tekst: str) -> list[str]:
    """Roles asked on the terminal until they are roles."""
    from leersteun.core.errors import GebruikFout

    while True:
        try:
            return _rollen(_vraag(tekst), "rol")
        except GebruikFout as e:
            _console().print(e.boodschap, markup=False)


def _naar_fase(naar: Fase, wie: Any, o: dict[str, Any]) -> Any:
    """The edit of `leersteun fase`: refuse options that mean nothing for this step."""
    from leersteun.editing.trajectory import OVERGANGEN, naar_fase

    afspraak = _afspraak(o["vorm"], o["start"], o["frequentie"], o["intensiteit"], o["evaluatie_op"], o["toch"])
    afspraak.kalender, afspraak.duur = o["kalender"], (o["duur"] or "").strip() or None
    met = _rollen(o["met"], "--met")

    def bewerking(data: Any, d: Any) -> list[str]:
        if naar not in OVERGANGEN[d.fase]:  # the rule of the trajectory speaks first
            return naar_fase(data, d, naar, wie)
        _fase_opties(d, naar, o)
        return naar_fase(
            data, d, naar, wie, reden=o["reden"], afspraak=afspraak, ondersteuner=o["ondersteuner"], verslag_zichtbaar=o["verslag_zichtbaar"],
            opstartgesprek=_gebeurd(_datum_optie(o["opstartgesprek"], "--opstartgesprek"), "--opstartgesprek", "het opstartgesprek"), leervraag=o["leervraag"],
            overleg_school_clb=_datum_optie(o["overleg_school_clb"], "--overleg-school-clb"), afronding=o.get("afronding"),
            met=met if naar == Fase.ondersteuning else None,
        )  # fmt: skip

    return bewerking


VolgendeOptie = Annotated[list[str] | None, typer.Option("--volgende", metavar="DATUM", help="Bij verderzetten: volgend evaluatiemoment (mag meermaals).")]
ConcreetOptie = Annotated[JaDeelsNee | None, typer.Option("--concreet", help="Vier vragen: zijn de doelen concreet en werkbaar?")]
ContextOptie = Annotated[JaDeelsNee | None, typer.Option("--context", help="Vier vragen: versterken de doelen de school (context, leerkracht)?")]
GedragenOptie = Annotated[JaDeelsNee | None, typer.Option("--gedragen", help="Vier vragen: gedragen door alle schoolse partners?")]
Fase23Optie = Annotated[JaDeelsNee | None, typer.Option("--fase-2-3", help="Vier vragen: binnen fase 2/3 van het zorgcontinuüm?")]


@opdracht("evaluatie")
def evaluatie_(
    dossier: DossierArg,
    beslissing: Annotated[Beslissing | None, typer.Option(help="verderzetten of afsluiten (gevraagd als het ontbreekt).")] = None,
    reden: Annotated[Reden | None, typer.Option(help="Bij afsluiten: de reden.")] = None,
    wat_neemt_school_mee: WatMeeOptie = None,
    kansen: KansenOptie = None,
    met: Annotated[
        str | None, typer.Option("--met", metavar="ROL,ROL", help="Wie aan de evaluatie deelnam, als rollen (klasleerkracht, ouders, clb, ankerpersoon, ...).")
    ] = None,
    afgesproken_met: Annotated[
        str | None,
        typer.Option(
            "--afgesproken-met", metavar="ROL,ROL", help="Met wie afgesproken werd hoe, wanneer en met wie geëvalueerd wordt (de school en de ankerpersoon)."
        ),
    ] = None,
    zonder_overleg: ZonderOverlegOptie = None,
    herorientering: Annotated[
        Herorientering | None, typer.Option("--herorientering", help="De evaluatie heroriënteert: ander_niveau of buitengewoon_onderwijs.")
    ] = None,
    clb_uitnodigen: Annotated[
        str | None, typer.Option("--clb-uitnodigen", metavar="DOEL", help="Het CLB wordt uitgenodigd (knipperlicht), met dit doel.")
    ] = None,
    frequentie: Annotated[str | None, typer.Option(help="Bij verderzetten: bijgestuurde frequentie.")] = None,
    intensiteit: Annotated[str | None, typer.Option(help="Bij verderzetten: bijgestuurde intensiteit.")] = None,
    volgende: VolgendeOptie = None,
    concreet: ConcreetOptie = None,
    context: ContextOptie = None,
    gedragen: GedragenOptie = None,
    fase_2_3: Fase23Optie = None,
    toelichting: Annotated[str | None, typer.Option("--toelichting", help="Vier vragen: toelichting bij de antwoorden.")] = None,
    ja: Annotated[bool, typer.Option("--ja", help="Bij afsluiten: bevestig zonder te vragen (in een script nodig als er nadien geen heropstart kan).")] = False,
    toch: TochVormOptie = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Bewaar een evaluatie: verderzetten of afsluiten, met de vier vragen na vier maanden."""
    _evalueer(dict(locals()))


def _evalueer(o: dict[str, Any]) -> None:
    """`leersteun evaluatie` with its options `o`: the questions a terminal asks (the four
    questions, the decision, what goes with closing), the confirmation, the edit."""
    from leersteun.editing.trajectory import evaluatie

    wie = _wie(o["door"], o["datum"], o["notitie"])
    _gebeurd(wie.datum, "--datum", "een evaluatie")
    vier = _vier_vragen_opties(o["concreet"], o["context"], o["gedragen"], o["fase_2_3"], o["toelichting"])
    sessie = _Sessie(o["dossier"])  # read once: for the questions and for the edit
    d, interactief = sessie.gelezen.dossier, o["beslissing"] is None
    if interactief and vier is None and _vier_vragen_open(d, wie.datum, sessie.instellingen):
        vier = _vraag_vier_vragen()
        o["clb_uitnodigen"] = o["clb_uitnodigen"] or _vraag_knipperlicht(vier)
    keuze = _vraag_beslissing(o)
    verder = o["frequentie"] or o["intensiteit"] or o["volgende"] or o["toch"]  # refused by the evaluation itself, before any question
    if keuze == Beslissing.afsluiten and o["reden"] is not None and d.fase == Fase.ondersteuning and not verder:
        a = _afronding(d, wie, o["reden"], o, interactief or _in_terminal())
        o.update(wat_neemt_school_mee=a.wat_neemt_school_mee, kansen=a.kansen, met=",".join(a.met), zonder_overleg=a.zonder_overleg)
    if not _bevestig_afsluiten(d, o["reden"] if keuze == Beslissing.afsluiten else None, o["ja"], vragen=interactief):
        return
    velden = {k: o[k] for k in ("reden", "wat_neemt_school_mee", "kansen", "frequentie", "intensiteit", "zonder_overleg", "herorientering", "toch")}
    velden |= {"met": _rollen(o["met"], "--met"), "afgesproken_met": _rollen(o["afgesproken_met"], "--afgesproken-met"), "clb_uitnodiging": o["clb_uitnodigen"]}
    volgende_ = [_datum_optie(v, "--volgende") for v in o["volgende"] or []]
    kalender = _kalender(sessie)
    sessie.bewaar(lambda data, d: evaluatie(data, d, wie, keuze, **velden, volgende=volgende_, vier_vragen=vier, kalender=kalender))
    sessie.zeg()
    sessie.commit(o["commit"], f"evaluatie ({keuze.value})", wie.door)


def _vraag_knipperlicht(vier: dict[str, Any]) -> str | None:
    """Seed 002: at a knipperlicht (gedragen or fase 2/3 answered nee) any partner can invite the
    CLB, with a clear goal; asked on the terminal (empty: not now)."""
    if not any(vier[k][0] == "nee" for k in ("gedragen", "zorgcontinuum_fase_2_3")):
        return None
    return _vraag("Knipperlicht: het CLB uitnodigen? Met welk duidelijk doel (leeg: niet nu)", leeg=True) or None


def _vier_vragen_opties(*antwoorden: Any) -> dict[str, Any] | None:
    """The four questions as options (the last one is the toelichting), or None."""
    *gegeven, toelichting = antwoorden
    if any(v is not None for v in gegeven):
        sleutels = ("doelen_concreet", "doelen_context", "gedragen", "zorgcontinuum_fase_2_3")
        return {k: ((v.value, None) if v is not None else None) for k, v in zip(sleutels, gegeven)} | {"toelichting": toelichting}
    if toelichting:
        from leersteun.core.errors import GebruikFout

        raise GebruikFout("--toelichting hoort bij de vier vragen (--concreet, --context, --gedragen, --fase-2-3).")
    return None


def _vraag_beslissing(o: dict[str, Any]) -> Beslissing:
    """The decision, and on the terminal what goes with it (the reason, the next evaluation;
    what goes with closing is asked by `_afronding`); `o` gets the answers."""
    from leersteun.rules.afsluiting import REDEN_TEKST

    interactief = o["beslissing"] is None
    keuze = o["beslissing"] or Beslissing(_vraag("Beslissing", keuzes=[b.value for b in Beslissing]))
    if keuze == Beslissing.afsluiten and interactief:
        if o["reden"] is None:
            o["reden"] = Reden(_vraag("Reden", keuzes=[r.value for r in Reden], uitleg={r.value: REDEN_TEKST[r] for r in Reden}))
    elif keuze != Beslissing.afsluiten and interactief and not o["volgende"]:
        moment = _vraag_datum("Volgend evaluatiemoment", leeg=True)
        o["volgende"] = [moment.isoformat()] if moment else None
    return keuze


def _vier_vragen_open(d: Any, dag: Any, instellingen: Any) -> bool:
    """Is the evaluation after four months still to be done (due within a month)?"""
    import datetime as dt

    from leersteun.rules.deadlines import Soort, deadlines
    from leersteun.rules.schoolkalender import Schoolkalender

    return any(x.soort == Soort.vier_maanden and x.datum <= dag + dt.timedelta(days=31) for x in deadlines(d, dag, Schoolkalender.van(instellingen)))


def _vraag_vier_vragen() -> dict[str, Any]:
    from leersteun.rules.checklist import VRAAG
    from leersteun.rules.model import VIER_VRAGEN

    console = _console()
    console.print("[bold]De vier vragen na vier maanden ondersteuning[/] (ja, deels of nee; een toelichting mag leeg blijven)")
    uit: dict[str, Any] = {}
    for sleutel in VIER_VRAGEN:
        v = VRAAG[sleutel]
        console.print(f"\n{v.vraag}", soft_wrap=True)
        antwoord = _vraag("Antwoord", keuzes=[j.value for j in JaDeelsNee])
        uitleg = _vraag("Toelichting", leeg=True) or None
        uit[sleutel] = (antwoord, uitleg)
    uit["toelichting"] = None
    return uit


@opdracht("betrokkene")
def betrokkene_(
    dossier: DossierArg,
    rol: Annotated[BetrokkeneRol, typer.Option(help="klasleerkracht, zorgcoordinator, directie, ouders, clb of andere.", show_default=False)],
    naam: Annotated[str, typer.Option(help="Naam van de persoon (bij ouders: zoals ze genoemd willen worden).", show_default=False)],
    contact: Annotated[str | None, typer.Option(help="E-mailadres of telefoonnummer.")] = None,
    notitie: Annotated[str | None, typer.Option(help="Een korte notitie, zoals 'op dinsdag niet op school'.")] = None,
    weg: Annotated[bool, typer.Option("--weg", help="Verwijder deze persoon uit het dossier.")] = False,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Voeg iemand toe rond een dossier, werk het contact bij, of haal iemand weg (--weg)."""
    from leersteun.editing import mensen
    from leersteun.rules.model import als_contact

    if weg:
        _geen_effect("--weg verwijdert de persoon", {"--contact": contact, "--notitie": notitie})
    elif contact is not None:
        try:
            contact = als_contact(contact)
        except ValueError:  # pydantic's error, told in Dutch
            from leersteun.core.errors import GebruikFout

            raise GebruikFout(f"--contact '{contact}' is geen e-mailadres of telefoonnummer; schrijf het als naam@school.be of 014 12 34 56.") from None
    wie = _wie(door, None, None)
    if weg:
        _wijzig(dossier, lambda data, d: mensen.verwijder_betrokkene(data, d, rol.value, naam), commit, f"betrokkene weg ({rol.value})", wie.door)
    else:
        _wijzig(dossier, lambda data, d: mensen.zet_betrokkene(data, d, rol.value, naam, contact, notitie), commit, f"betrokkene ({rol.value})", wie.door)


@opdracht("overleg")
def overleg_(
    dossier: DossierArg,
    soort: Annotated[OverlegSoort, typer.Option(help="opstartgesprek, evaluatiegesprek, school-clb, overdracht, observatie of andere.", show_default=False)],
    met: Annotated[
        str | None,
        typer.Option(
            metavar="ROL,ROL",
            help="Wie er was, als rollen: klasleerkracht, zorgcoordinator, directie, ouders, clb, ondersteuner, ankerpersoon, vorige_ondersteuner, leerling, andere.",
        ),
    ] = None,
    volgende: Annotated[str | None, typer.Option(metavar="DATUM", help="Plan het volgende overleg van deze soort (komt in de agenda).")] = None,
    datum: Annotated[str | None, typer.Option("--datum", metavar="DATUM", help="Datum van het overleg (standaard: vandaag).")] = None,
    notitie: Annotated[str | None, typer.Option("--notitie", help="Wat er besproken en afgesproken werd.")] = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een overleg rond een dossier: opstartgesprek, evaluatiegesprek, school-CLB, overdracht, ..."""
    from leersteun.editing import mensen

    rollen = _rollen(met, "--met")
    wie = _wie(door, datum, notitie)
    _gebeurd(wie.datum, "--datum", "een overleg", " Een overleg dat nog komt, plan je met --volgende bij het vorige.")
    plan = _datum_optie(volgende, "--volgende")
    _wijzig(dossier, lambda data, d: mensen.noteer_overleg(data, d, wie, soort, rollen, plan), commit, f"overleg ({soort.value})", wie.door)


@opdracht("diplon")
def diplon_(
    dossier: DossierArg,
    stap: Annotated[DiplonStap, typer.Argument(metavar="STAP", help="circqel, inzage, evaluatie, afsluiting of heropend.", show_default=False)],
    datum: DatumOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Noteer dat een stap in Diplon gedaan is (CirCQel, inzage, evaluatie, afsluiting, heropend)."""
    from leersteun.editing.diplon import markeer
    from leersteun.reading.folder import vandaag

    wie = _wie(door, datum, None)
    dag = vandaag()
    _wijzig(dossier, lambda data, d: markeer(data, d, wie, stap, dag), commit, f"Diplon: {stap.value}", wie.door)


@opdracht("verslag")
def verslag_(
    dossier: DossierArg,
    soort: Annotated[VerslagSoort | None, typer.Option(help="Een nieuw Verslag: GC, IAC of OV4 (met --datum).")] = None,
    typologie: Annotated[Typologie | None, typer.Option(help="Typologie van het nieuwe Verslag: basisaanbod, 'type 2', ...")] = None,
    ontbindende_voorwaarde: Annotated[
        str | None, typer.Option("--ontbindende-voorwaarde", metavar="DATUM", help="Bij IAC/OV4: ingeschreven onder ontbindende voorwaarde op.")
    ] = None,
    beslist_op: Annotated[str | None, typer.Option("--beslist", metavar="DATUM", help="De school besliste over de ontbindende voorwaarde op deze dag.")] = None,
    datum: Annotated[str | None, typer.Option("--datum", metavar="DATUM", help="Met --soort: datum van het nieuwe Verslag.")] = None,
    notitie: NotitieOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een nieuw of gewijzigd Verslag, of de beslissing van de school binnen de 60 dagen."""
    from leersteun.core.errors import GebruikFout
    from leersteun.editing import verslag as vs

    if (soort is None) == (beslist_op is None):
        raise GebruikFout("Geef een nieuw Verslag (--soort en --datum) of de beslissing van de school (--beslist DATUM), niet allebei.")
    if beslist_op is not None:
        _geen_effect(
            "ze horen bij een nieuw Verslag (--soort)",
            {"--typologie": typologie, "--ontbindende-voorwaarde": ontbindende_voorwaarde, "--datum": datum},
        )
        wie = _wie(door, beslist_op, notitie)
        _wijzig(dossier, lambda data, d: vs.beslist(data, d, wie), commit, "beslissing ontbindende voorwaarde", wie.door)
        return
    if datum is None:
        raise GebruikFout("Geef de datum van het nieuwe Verslag met --datum DATUM, bv. --datum 20-11-2026.")
    verslagdatum = _datum_optie(datum, "--datum")
    wie = _wie(door, None, notitie)
    ov = _datum_optie(ontbindende_voorwaarde, "--ontbindende-voorwaarde")
    assert soort is not None
    sessie = _Sessie(dossier)
    sessie.bewaar(lambda data, d: vs.nieuw_verslag(data, d, wie, sessie.instellingen, soort, verslagdatum, typologie, ov))
    sessie.zeg()
    sessie.commit(commit, f"nieuw Verslag ({soort.value})", wie.door)


KlassenOptie = Annotated[
    list[Path] | None,
    typer.Option(
        "--klassen", metavar="BESTAND",
        help="Klaslijst zoals het secretariaat ze uitvoert (CSV of Unicode-tekst; kolommen zoals Naam, Voornaam, Geboortedatum, Klas, of Dossier, Klas). Mag meermaals: een lijst per school.",
    ),
]  # fmt: skip
JaSchooljaarOptie = Annotated[
    bool, typer.Option("--ja", help="Bewaar zonder te vragen (voor scripts): de nieuwe klassen, ook voor een schooljaar dat nog niet aan de beurt is.")
]


@opdracht("schooljaar")
def schooljaar_(
    jaar: Annotated[str, typer.Argument(metavar="JJJJ-JJJJ", help="Het nieuwe schooljaar, zoals 2027-2028.", show_default=False)],
    klassen: KlassenOptie = None,
    ja: JaSchooljaarOptie = False,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """De jaarlijkse overgang: nieuwe klassen, overgangen en eindgesprekken van het schooljaar."""
    from leersteun.editing import schooljaar as sj
    from leersteun.reading import dossiers
    from leersteun.rules import overgang as ov

    nieuw_jaar = sj.lees_schooljaar(jaar)
    wie = _wie(door, None, None)
    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(wie.datum, inst)
    alle = dossiers.alle(map_, ctx)
    _meld_ongeldige([g for g in alle if g.fouten])
    _bevestig_schooljaar(nieuw_jaar, wie.datum, ja)
    lopend = [g for g in sorted(alle, key=lambda g: g.id) if g.dossier is not None and g.dossier.fase != Fase.afgesloten]
    console = _console()
    console.print(f"Schooljaar {nieuw_jaar}: {len(lopend)} lopende dossiers.", markup=False)
    koppeling = _lees_klaslijsten(console, klassen, alle) if klassen else None
    gegeven = _vraag_klassen(lopend, nieuw_jaar) if koppeling is None else {t.dossier.id: (t.rij.klas, t.rij.plek) for t in koppeling.treffers}
    rollover = sj.bereid_voor(map_, ctx, wie, nieuw_jaar, gegeven, lopend)
    _toon_voorstel(console, rollover)
    if koppeling is not None:
        _toon_koppeling(console, koppeling)
    if not rollover.regels:
        console.print("Er verandert niets aan de klassen; er is niets gewijzigd.")
    elif not _bewaren_akkoord(rollover, ja):
        console.print("Er is niets gewijzigd.")
        return
    else:
        _bewaar_rollover(map_, inst, rollover, commit, wie.door)
    _toon_rollover(console, nieuw_jaar, lopend, [rollover.na[g.id] for g in lopend], {g.id: ov.laatste_jaar(d) for g in lopend if (d := g.dossier)})


def _terminal() -> bool:
    """Can leersteun ask a question here (a person at a terminal)?"""
    return sys.stdin.isatty()


def _bevestig_schooljaar(nieuw_jaar: str, vandaag: Any, ja: bool) -> None:
    """A past school year is refused; one that is not yet due (a later one, or the next one
    before May) is asked in a terminal, and needs --ja elsewhere."""
    from leersteun.cli.gemeen import _ja_nee
    from leersteun.core.errors import Fout
    from leersteun.editing import schooljaar as sj

    wanneer = sj.moment(nieuw_jaar, vandaag)
    if wanneer == "voorbij":
        raise sj.voorbij(nieuw_jaar, vandaag)
    if wanneer != "vroeg":
        return
    uitleg = sj.te_vroeg(nieuw_jaar, vandaag)
    if ja:
        print(f"Let op: {uitleg}", file=sys.stderr)
        return
    if not _terminal():
        raise Fout(f"{uitleg} Er is niets gewijzigd. Doe de overgang vanaf mei; moet het echt nu, geef dan --ja.")
    if not _ja_nee(f"{uitleg}\nToch nu de klassen van {nieuw_jaar} zetten?", standaard=False):
        raise Fout("Er is niets gewijzigd.")


def _lees_klaslijsten(console: Any, klassen: list[Path], alle: list[Any]) -> Any:
    """The class lists read and matched to the cases (`klaslijst.Koppeling`)."""
    from leersteun.reading import klaslijst

    lijsten = [klaslijst.lees(pad) for pad in klassen]
    for lijst in lijsten:
        console.print(f"Klaslijst {lijst.beschrijving}.", markup=False, soft_wrap=True)
    return klaslijst.koppel(lijsten, [g.dossier for g in alle if g.dossier is not None])


TOON_RIJEN = 10  # rows of a class list without a case shown by name (a school's list has hundreds)


def _toon_koppeling(console: Any, k: Any) -> None:
    from leersteun.core import datums

    def zeg(tekst: str) -> None:
        console.print(tekst, markup=False, highlight=False, soft_wrap=True)

    for t in k.zonder_klas:
        zeg(f"Zonder klas in de lijst (blijft {t.dossier.leerling.klas}): {t.dossier.id} {t.dossier.leerling.volledige_naam} ({t.rij.plek}).")
    if k.afgesloten:
        zeg(
            "Niet aangepast (afgesloten dossier): "
            + ", ".join(f"{t.dossier.id} {t.dossier.leerling.volledige_naam} ({t.rij.plek})" for t in k.afgesloten)
            + "."
        )
    for rij, d in k.bijna:
        zeg(
            f"Naam past, geboortedatum niet (niet aangepast): {rij.plek} {rij.naam_tekst} ({rij.geboortedatum}); "
            f"{d.id} {d.leerling.volledige_naam} is geboren op {datums.kort(d.leerling.geboortedatum)}."
        )
    if k.zonder_dossier:
        namen = [f"{r.plek} {r.naam_tekst}" for r in k.zonder_dossier[:TOON_RIJEN]]
        meer = f", … en nog {len(k.zonder_dossier) - TOON_RIJEN}" if len(k.zonder_dossier) > TOON_RIJEN else ""
        zeg(f"Rijen zonder dossier ({len(k.zonder_dossier)}; leerlingen zonder leersteun): {', '.join(namen)}{meer}.")
    if k.zonder_rij:
        scholen = "deze scholen" if len({d.school.naam for d in k.zonder_rij}) > 1 else "deze school"
        zeg(f"Lopende dossiers van {scholen} zonder rij in de klaslijst ({len(k.zonder_rij)}; hun klas blijft):")
        for d in k.zonder_rij:
            zeg(f"  {d.id}  {d.leerling.volledige_naam} (nu {d.leerling.klas}, {d.school.naam})")


def _vraag_klassen(lopend: list[Any], nieuw_jaar: str) -> dict[str, tuple[str, str | None]]:
    """Without a class list: the class of every running case, asked one by one."""
    from leersteun.editing import schooljaar as sj

    uit: dict[str, tuple[str, str | None]] = {}
    for g in lopend:
        d = g.dossier
        while True:
            klas = _vraag(f"Klas van {d.leerling.volledige_naam} ({d.id}) in {nieuw_jaar} (nu {d.leerling.klas}; leeg = nog niet gekend)", leeg=True)
            waarom = sj.geen_klas(klas, sj.namen_van(d)) if klas else None
            if waarom is None:
                break
            _console().print(f"'{klas}' is geen klas: {waarom}. Typ de klas, zoals 4B.", markup=False)
        if klas:
            uit[d.id] = (klas, None)
    return uit


def _toon_voorstel(console: Any, rollover: Any) -> None:
    """Every change the rollover will make, before it is made; and the people it concerns."""

    def zeg(tekst: str) -> None:
        console.print(tekst, markup=False, highlight=False, soft_wrap=True)

    breedte = max((len(r.leerling) for r in rollover.regels), default=0)
    for titel, regels in ((f"Nieuwe klas voor {rollover.schooljaar}", rollover.veranderd), (f"Klas bevestigd voor {rollover.schooljaar}", rollover.bevestigd)):
        if regels:
            zeg(f"{titel} ({len(regels)}):")
        for r in regels:
            klas = f"{r.oud} → {r.nieuw}" if r.veranderd else r.nieuw
            zeg(f"  {r.id}  {r.leerling:{breedte}}  {klas}" + (f"  ({r.plek})" if r.plek else ""))
    if rollover.al_zo:
        zeg(f"Al zo voor {rollover.schooljaar} ({len(rollover.al_zo)}): " + ", ".join(r.id for r in rollover.al_zo) + ".")
    if rollover.mensen:
        zeg("De klasleerkracht is waarschijnlijk veranderd (nieuwe klas); pas het dossier aan met 'leersteun betrokkene':")
    for r in rollover.mensen:
        namen = " en ".join(r.klasleerkracht)
        zeg(
            f"  {r.id}  {r.leerling}: {namen} was klasleerkracht van {r.oud}. "
            f"Zet de nieuwe met 'leersteun betrokkene {r.id} --rol klasleerkracht --naam NAAM' en haal {namen} weg met --weg."
        )


def _bewaren_akkoord(rollover: Any, ja: bool) -> bool:
    """--ja, or yes to the question in a terminal; elsewhere refused (nothing changed)."""
    from leersteun.cli.gemeen import _ja_nee
    from leersteun.core.errors import Fout

    aantal = len(rollover.regels)
    if ja:
        return True
    if not _terminal():
        raise Fout(
            f"Er is niets gewijzigd: {aantal} dossier{'s' if aantal != 1 else ''} zou{'den' if aantal != 1 else ''} veranderen (hierboven), "
            "maar buiten een terminal kan leersteun niet vragen of dat klopt. Bevestig met --ja."
        )
    return _ja_nee(f"{'Dit dossier' if aantal == 1 else f'Deze {aantal} dossiers'} zo bewaren (alles in één keer)?", standaard=False)


def _bewaar_rollover(map_: Any, inst: Any, rollover: Any, commit: bool | None, door: str | None) -> None:
    """Write every case or none, and commit them as one (when asked or by default)."""
    from leersteun.core.errors import Fout
    from leersteun.editing import schooljaar as sj
    from leersteun.editing.wijziging import Commit, NietGecommit

    aantal = len(rollover.regels)
    bewaard = f"Bewaard: {aantal} dossier{'s' if aantal != 1 else ''}, alles in één keer."
    keuze = commit if commit is not None else bool(inst and inst.commit)
    boodschap = f"schooljaar {rollover.schooljaar}: klas van {aantal} dossier(s)"
    try:
        regel = sj.uitvoeren(rollover, Commit([], boodschap, door) if keuze else None)
    except NietGecommit:
        print(bewaard)
        raise
    print(bewaard)
    if regel and regel.startswith("Niet gecommit") and commit is True:
        raise Fout("De wijziging is bewaard, maar niet gecommit: de dossiermap is geen (bruikbare) git-repository (maak er een met 'git init').")
    if regel:
        print(regel)


def _toon_rollover(console: Any, nieuw_jaar: str, lopend: list[Any], na: list[Any], laatste_jaar: dict[str, str | None]) -> None:
    from leersteun.editing import schooljaar as sj
    from leersteun.outputs.weergave import klassen_tabel
    from leersteun.rules import overgang as ov

    console.print(klassen_tabel(na))
    console.print("\n[bold underline]Wat het nieuwe schooljaar vraagt[/]")
    overgangen = [(d, soort) for d in na if (soort := laatste_jaar.get(d.id))]
    console.print("[bold]Overgangen[/] (laatste jaar van kleuter of lager):" if overgangen else "Geen overgangen van kleuter of lager.")
    for d, soort in overgangen:
        console.print(f"  {d.id}  {d.leerling.volledige_naam}: {ov.overgang_uitleg(soort, d)}", soft_wrap=True, markup=False)
    import datetime as dt

    from leersteun.rules.deadlines import eindgesprek_open

    vorig = sj.vorig_schooljaar(nieuw_jaar)
    zonder = [d for d in na if eindgesprek_open(d, dt.date(int(vorig[5:]), 6, 30))]  # as the agenda asks it
    console.print(f"[bold]Zonder evaluatiegesprek op het einde van {vorig}:[/]" if zonder else f"Elke lopende ondersteuning had een eindgesprek in {vorig}.")
    for d in zonder:
        console.print(f"  {d.id}  {d.leerling.volledige_naam}: plan het met 'leersteun overleg {d.id} --soort evaluatiegesprek'", soft_wrap=True, markup=False)
    zonder_klas = [d for d in na if d.leerling.klas_schooljaar != nieuw_jaar]
    console.print(f"[bold]Nog zonder klas voor {nieuw_jaar}:[/]" if zonder_klas else f"Elke lopende leerling heeft een klas voor {nieuw_jaar}.")
    for d in zonder_klas:
        console.print(f"  {d.id}  {d.leerling.volledige_naam} (nu {d.leerling.klas})", markup=False)


class OvergangKeuze(str, Enum):
    kleuter_lager = "kleuter-lager"
    lager_secundair = "lager-secundair"
    secundair_hoger = "secundair-hoger"
    andere_school = "andere-school"


VerdereOptie = Annotated[
    bool | None,
    typer.Option(
        "--verdere-leersteun/--geen-verdere-leersteun", help="Bij lager-secundair: blijkt uit de evaluatie dat verdere leersteun nodig is?", show_default=False
    ),
]
OvergangEvaluatieOptie = Annotated[
    str | None, typer.Option("--evaluatie", metavar="DATUM", help="Bij kleuter-lager: de dag van de evaluatie waarna de leersteun verder loopt (met --met).")
]
OvergangMetOptie = Annotated[
    str | None,
    typer.Option(
        "--met",
        metavar="ROL,ROL",
        help="Wie deelnam, als rollen: bij kleuter-lager aan de evaluatie (met --evaluatie), bij een overgang die afsluit aan het overleg.",
    ),
]
_NIVEAU_VAN = {"lager-secundair": "lager", "secundair-hoger": "secundair"}  # the level a transition starts from


@opdracht("overgang")
def overgang_(
    dossier: DossierArg,
    soort: Annotated[
        OvergangKeuze, typer.Argument(metavar="OVERGANG", help="kleuter-lager, lager-secundair, secundair-hoger of andere-school.", show_default=False)
    ],
    klas: Annotated[str | None, typer.Option(help="Bij kleuter-lager: de nieuwe klas.")] = None,
    evaluatie: OvergangEvaluatieOptie = None,
    met: OvergangMetOptie = None,
    wat_neemt_school_mee: WatMeeOptie = None,
    kansen: KansenOptie = None,
    zonder_overleg: ZonderOverlegOptie = None,
    verdere_leersteun: VerdereOptie = None,
    toch: Annotated[
        str | None,
        typer.Option(
            "--toch",
            metavar="REDEN",
            help="Bij lager-secundair buiten het 6de leerjaar, of secundair-hoger buiten het 6de of 7de jaar: waarom toch (komt in de geschiedenis).",
        ),
    ] = None,
    ja: Annotated[bool, typer.Option("--ja", help="Bij een overgang die afsluit: bevestig het afsluiten zonder te vragen.")] = False,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Een overgang: kleuter naar lager (loopt verder na een evaluatie); lager naar secundair, secundair naar hoger onderwijs of andere school (sluit af)."""
    _overgang(soort, dict(locals()))


def _overgang(soort: OvergangKeuze, o: dict[str, Any]) -> None:
    """`leersteun overgang` with its options `o`: checks, what goes with it (asked in a
    terminal), the confirmation of a closing, the edit."""
    from leersteun.editing import onomkeerbaar

    wie, klas, toch = _wie(o["door"], o["datum"], o["notitie"]), o["klas"], o["toch"]
    _gebeurd(wie.datum, "--datum", "een overgang")
    _overgang_opties(soort, o)
    sessie = _Sessie(o["dossier"])
    d = sessie.gelezen.dossier
    tekst = onomkeerbaar.bij_overgang(d, soort.value, wie, toch)  # checks first, then asks
    verder: dict[str, Any] = {}
    if soort == OvergangKeuze.kleuter_lager:
        verder["geevalueerd"] = _overgang_evaluatie(d, wie, o)
    elif d.leerling.niveau.value == _NIVEAU_VAN.get(soort.value, d.leerling.niveau.value) and d.fase in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning):
        reden = onomkeerbaar.OVERGANG_REDEN[soort.value]
        verder["afronding"] = _afronding(d, wie, reden, o, _in_terminal(), verdere=soort == OvergangKeuze.lager_secundair)
    if tekst is not None and not _bevestig(tekst, o["ja"]):
        return
    sessie.bewaar(lambda data, d: onomkeerbaar.overgang(data, d, soort.value, wie, klas=klas, toch=toch, **verder))
    sessie.zeg()
    sessie.commit(o["commit"], f"overgang {soort.value}", wie.door)


def _overgang_opties(soort: OvergangKeuze, o: dict[str, Any]) -> None:
    """Refuse the options of `leersteun overgang` that mean nothing for this transition."""
    if soort != OvergangKeuze.kleuter_lager:
        _geen_effect("ze horen alleen bij kleuter-lager", {"--klas": o["klas"], "--evaluatie": o["evaluatie"]})
    else:
        sluiten = {"--ja": o["ja"], "--wat-neemt-school-mee": o["wat_neemt_school_mee"], "--kansen": o["kansen"], "--zonder-overleg": o["zonder_overleg"]}
        _geen_effect("kleuter-lager sluit niets af", sluiten)
        if o["met"] and not o["evaluatie"]:
            from leersteun.core.errors import GebruikFout

            raise GebruikFout("--met noemt bij kleuter-lager wie aan de evaluatie deelnam: geef het samen met --evaluatie DATUM.")
    if soort not in (OvergangKeuze.lager_secundair, OvergangKeuze.secundair_hoger):
        _geen_effect("--toch hoort bij lager-secundair en secundair-hoger, buiten het laatste jaar", {"--toch": o["toch"]})
    if soort != OvergangKeuze.lager_secundair:
        _geen_effect("of verdere leersteun nodig is, zegt de evaluatie bij lager-secundair", {"--verdere-leersteun": o["verdere_leersteun"]})


def _overgang_evaluatie(d: Any, wie: Any, o: dict[str, Any]) -> Any:
    """Kleuter→lager: the evaluation given with --evaluatie, or asked in a terminal when the
    case has none of the last months; None when there is one (or nothing runs yet)."""
    from leersteun.editing.trajectory import OvergangEvaluatie, kleuter_lager_ontbreekt

    if o["evaluatie"] is not None:
        return OvergangEvaluatie(_gebeurd(_datum_optie(o["evaluatie"], "--evaluatie"), "--evaluatie", "de evaluatie"), _rollen(o["met"], "--met"))
    if not (_in_terminal() and d.leerling.niveau.value == "kleuter" and o["klas"] and kleuter_lager_ontbreekt(d, wie.datum)):
        return None  # the transition refuses, naming the options, or continues after the evaluation it has
    _console().print("De leersteun loopt bij de overgang van kleuter naar lager verder na een evaluatie; er is er geen van de laatste maanden.", markup=False)
    dag = _vraag_datum("Datum van die evaluatie")
    return OvergangEvaluatie(dag, _vraag_rollen("Wie nam deel (rollen met komma's: klasleerkracht, ouders, clb, ...)?"))
