"""Commands of the trajectory: fase, evaluatie, betrokkene, overleg, diplon, verslag,
schooljaar, overgang.
"""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    CommitOptie,
    DatumOptie,
    DoorOptie,
    DossierArg,
    NotitieOptie,
    _afspraak,
    _commit,
    _datum_optie,
    _dossiermap,
    _geen_effect,
    _meld_ongeldige,
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
    JaDeelsNee,
    OverlegSoort,
    Reden,
    Typologie,
    VerslagSoort,
    Vorm,
)

# Per (from, to) of `leersteun fase`: the options that mean something there.
_FASE_OPTIES = {
    ("aanmelding", "opstart"): {"--verslag-zichtbaar"},
    ("heropstart", "opstart"): {"--vorm", "--start", "--frequentie", "--intensiteit", "--evaluatie-op"},
    ("opstart", "ondersteuning"): {
        "--vorm", "--start", "--frequentie", "--intensiteit", "--evaluatie-op", "--ondersteuner", "--opstartgesprek", "--leervraag",
    },
    ("heropstart", "ondersteuning"): {"--vorm", "--start", "--frequentie", "--intensiteit", "--evaluatie-op"},
    ("aanmelding", "afgesloten"): {"--reden"},
    ("opstart", "afgesloten"): {"--reden"},
    ("ondersteuning", "afgesloten"): {"--reden"},
    ("afgesloten", "heropstart"): {"--overleg-school-clb"},
}  # fmt: skip


VerslagZichtbaarOptie = Annotated[bool, typer.Option("--verslag-zichtbaar", help="Bij opstart: het Verslag is nu zichtbaar in Diplon.")]
VormOptie = Annotated[Optional[Vorm], typer.Option(help="Vorm van het traject: regulier (standaard na opstart); na een heropstart light, medium of nieuw.")]
EvaluatieOpOptie = Annotated[
    Optional[list[str]], typer.Option("--evaluatie-op", metavar="DATUM", help="Afgesproken evaluatiemoment (mag meermaals; light: standaard na 4 weken).")
]
OpstartgesprekOptie = Annotated[
    Optional[str], typer.Option("--opstartgesprek", metavar="DATUM", help="Bij ondersteuning: datum van het opstartgesprek (als het nog niet genoteerd is).")
]
OverlegSchoolClbOptie = Annotated[
    Optional[str], typer.Option("--overleg-school-clb", metavar="DATUM", help="Bij heropstart: datum van het overleg tussen school en CLB.")
]
StartOptie = Annotated[Optional[str], typer.Option(metavar="DATUM", help="Bij ondersteuning: start van het traject (standaard: --datum).")]
FaseLeervraagOptie = Annotated[Optional[str], typer.Option("--leervraag", help="Bij ondersteuning: de hulp- of leervraag van de school.")]


@opdracht("fase")
def fase_(
    dossier: DossierArg,
    naar: Annotated[Fase, typer.Argument(metavar="NAAR", help="De nieuwe fase.", show_default=False)],
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    door: DoorOptie = None,
    reden: Annotated[Optional[Reden], typer.Option(help="Bij afgesloten: de reden.")] = None,
    verslag_zichtbaar: VerslagZichtbaarOptie = False,
    frequentie: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: afgesproken frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: afgesproken intensiteit.")] = None,
    start: StartOptie = None,
    vorm: VormOptie = None,
    evaluatie_op: EvaluatieOpOptie = None,
    ondersteuner: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: de ondersteuner.")] = None,
    opstartgesprek: OpstartgesprekOptie = None,
    leervraag: FaseLeervraagOptie = None,
    overleg_school_clb: OverlegSchoolClbOptie = None,
    commit: CommitOptie = None,
) -> None:
    """Zet een dossier in een volgende fase, volgens de regels van het traject."""
    o = dict(locals())
    wie = _wie(door, datum, notitie)
    _wijzig(dossier, _naar_fase(naar, wie, o), commit, f"fase {naar.value}", wie.door)


def _naar_fase(naar: Fase, wie: Any, o: dict[str, Any]) -> Any:
    """The edit of `leersteun fase`: refuse options that mean nothing for this step."""
    from leersteun.editing.trajectory import OVERGANGEN, naar_fase

    afspraak = _afspraak(o["vorm"], o["start"], o["frequentie"], o["intensiteit"], o["evaluatie_op"])
    namen = ("reden", "verslag_zichtbaar", "frequentie", "intensiteit", "start", "vorm", "evaluatie_op", "ondersteuner", "opstartgesprek", "leervraag", "overleg_school_clb")
    opties = {f"--{k.replace('_', '-')}": o[k] for k in namen}

    def bewerking(data: Any, d: Any) -> list[str]:
        if naar not in OVERGANGEN[d.fase]:  # the rule of the trajectory speaks first
            return naar_fase(data, d, naar, wie)
        toegestaan = _FASE_OPTIES.get((d.fase.value, naar.value), set())
        _geen_effect(f"ze horen niet bij de stap van {d.fase.value} naar {naar.value}", {k: v for k, v in opties.items() if k not in toegestaan})
        return naar_fase(
            data, d, naar, wie, reden=o["reden"], afspraak=afspraak, ondersteuner=o["ondersteuner"], verslag_zichtbaar=o["verslag_zichtbaar"],
            opstartgesprek=_datum_optie(o["opstartgesprek"], "--opstartgesprek"), leervraag=o["leervraag"],
            overleg_school_clb=_datum_optie(o["overleg_school_clb"], "--overleg-school-clb"),
        )  # fmt: skip

    return bewerking


VolgendeOptie = Annotated[Optional[list[str]], typer.Option("--volgende", metavar="DATUM", help="Bij verderzetten: volgend evaluatiemoment (mag meermaals).")]
ConcreetOptie = Annotated[Optional[JaDeelsNee], typer.Option("--concreet", help="Vier vragen: zijn de doelen concreet en werkbaar?")]
ContextOptie = Annotated[Optional[JaDeelsNee], typer.Option("--context", help="Vier vragen: versterken de doelen de school (context, leerkracht)?")]
GedragenOptie = Annotated[Optional[JaDeelsNee], typer.Option("--gedragen", help="Vier vragen: gedragen door alle schoolse partners?")]
Fase23Optie = Annotated[Optional[JaDeelsNee], typer.Option("--fase-2-3", help="Vier vragen: binnen fase 2/3 van het zorgcontinuüm?")]


@opdracht("evaluatie")
def evaluatie_(
    dossier: DossierArg,
    beslissing: Annotated[Optional[Beslissing], typer.Option(help="verderzetten of afsluiten (gevraagd als het ontbreekt).")] = None,
    reden: Annotated[Optional[Reden], typer.Option(help="Bij afsluiten: de reden.")] = None,
    wat_neemt_school_mee: Annotated[Optional[str], typer.Option(help="Wat neemt de school mee bij het afronden?")] = None,
    kansen: Annotated[Optional[str], typer.Option(help="Waar liggen volgens de school nog kansen?")] = None,
    frequentie: Annotated[Optional[str], typer.Option(help="Bij verderzetten: bijgestuurde frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Bij verderzetten: bijgestuurde intensiteit.")] = None,
    volgende: VolgendeOptie = None,
    concreet: ConcreetOptie = None,
    context: ContextOptie = None,
    gedragen: GedragenOptie = None,
    fase_2_3: Fase23Optie = None,
    toelichting: Annotated[Optional[str], typer.Option("--toelichting", help="Vier vragen: toelichting bij de antwoorden.")] = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Bewaar een evaluatie: verderzetten of afsluiten, met de vier vragen na vier maanden."""
    from leersteun.editing.trajectory import evaluatie

    o = dict(locals())
    wie = _wie(door, datum, notitie)
    vier = _vier_vragen_opties(concreet, context, gedragen, fase_2_3, toelichting)
    sessie = _Sessie(dossier)  # read once: for the questions and for the edit
    if beslissing is None and vier is None and _vier_vragen_open(sessie.gelezen.dossier, wie.datum):
        vier = _vraag_vier_vragen()
    keuze = _vraag_beslissing(o)
    velden = {k: o[k] for k in ("reden", "wat_neemt_school_mee", "kansen", "frequentie", "intensiteit")}
    volgende_ = [_datum_optie(v, "--volgende") for v in o["volgende"] or []]
    sessie.bewaar(lambda data, d: evaluatie(data, d, wie, keuze, **velden, volgende=volgende_, vier_vragen=vier))
    sessie.zeg()
    sessie.commit(commit, f"evaluatie ({keuze.value})", wie.door)


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
    """The decision, and on the terminal what goes with it (reason, what the school keeps,
    the next evaluation); `o` gets the answers."""
    from leersteun.editing.trajectory import REDEN_TEKST

    interactief = o["beslissing"] is None
    keuze = o["beslissing"] or Beslissing(_vraag("Beslissing", keuzes=[b.value for b in Beslissing]))
    if keuze == Beslissing.afsluiten and interactief:
        if o["reden"] is None:
            o["reden"] = Reden(_vraag("Reden", keuzes=[r.value for r in Reden], uitleg={r.value: REDEN_TEKST[r] for r in Reden}))
        o["wat_neemt_school_mee"] = o["wat_neemt_school_mee"] or _vraag("Wat neemt de school mee bij het afronden?", leeg=True) or None
        o["kansen"] = o["kansen"] or _vraag("Waar liggen volgens jullie nog kansen?", leeg=True) or None
    elif keuze != Beslissing.afsluiten and interactief and not o["volgende"]:
        moment = _vraag_datum("Volgend evaluatiemoment", leeg=True)
        o["volgende"] = [moment.isoformat()] if moment else None
    return keuze


def _vier_vragen_open(d: Any, dag: Any) -> bool:
    """Is the evaluation after four months still to be done (due within a month)?"""
    import datetime as dt

    from leersteun.rules.deadlines import Soort, deadlines

    return any(x.soort == Soort.vier_maanden and x.datum <= dag + dt.timedelta(days=31) for x in deadlines(d, dag))


def _vraag_vier_vragen() -> dict[str, Any]:
    from leersteun.editing.heropstart import VRAAG
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
    contact: Annotated[Optional[str], typer.Option(help="E-mailadres of telefoonnummer.")] = None,
    notitie: Annotated[Optional[str], typer.Option(help="Een korte notitie, zoals 'op dinsdag niet op school'.")] = None,
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
    soort: Annotated[
        OverlegSoort, typer.Option(help="opstartgesprek, evaluatiegesprek, school-clb, overdracht, observatie of andere.", show_default=False)
    ],
    met: Annotated[
        Optional[str], typer.Option(metavar="ROL,ROL", help="Wie er was, als rollen: klasleerkracht, zorgcoordinator, directie, ouders, clb, ondersteuner, ankerpersoon, vorige_ondersteuner, leerling, andere.")
    ] = None,
    volgende: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Plan het volgende overleg van deze soort (komt in de agenda).")] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", metavar="DATUM", help="Datum van het overleg (standaard: vandaag).")] = None,
    notitie: Annotated[Optional[str], typer.Option("--notitie", help="Wat er besproken en afgesproken werd.")] = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een overleg rond een dossier: opstartgesprek, evaluatiegesprek, school-CLB, overdracht, ..."""
    from leersteun.editing import mensen
    from leersteun.core.errors import GebruikFout
    from leersteun.core.waarden import OverlegRol

    rollen: list[str] = []
    for deel in (met or "").replace(";", ",").split(","):
        deel = _normaliseer(deel).replace("-", "_")
        if not deel:
            continue
        if deel not in {r.value for r in OverlegRol}:
            raise GebruikFout(f"--met: '{deel}' is geen rol; kies uit {', '.join(r.value for r in OverlegRol)}.")
        if deel not in rollen:
            rollen.append(deel)
    wie = _wie(door, datum, notitie)
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
    soort: Annotated[Optional[VerslagSoort], typer.Option(help="Een nieuw Verslag: GC, IAC of OV4 (met --datum).")] = None,
    typologie: Annotated[Optional[Typologie], typer.Option(help="Typologie van het nieuwe Verslag: basisaanbod, 'type 2', ...")] = None,
    ontbindende_voorwaarde: Annotated[
        Optional[str], typer.Option("--ontbindende-voorwaarde", metavar="DATUM", help="Bij IAC/OV4: ingeschreven onder ontbindende voorwaarde op.")
    ] = None,
    beslist_op: Annotated[
        Optional[str], typer.Option("--beslist", metavar="DATUM", help="De school besliste over de ontbindende voorwaarde op deze dag.")
    ] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", metavar="DATUM", help="Met --soort: datum van het nieuwe Verslag.")] = None,
    notitie: NotitieOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een nieuw of gewijzigd Verslag, of de beslissing van de school binnen de 60 dagen."""
    from leersteun.editing import verslag as vs
    from leersteun.core.errors import GebruikFout

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


@opdracht("schooljaar")
def schooljaar_(
    jaar: Annotated[str, typer.Argument(metavar="JJJJ-JJJJ", help="Het nieuwe schooljaar, zoals 2027-2028.", show_default=False)],
    klassen: Annotated[
        Optional[Path], typer.Option("--klassen", metavar="BESTAND", help="CSV van de school: per regel id;klas of id,klas (met of zonder kopregel).")
    ] = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """De jaarlijkse overgang: nieuwe klassen, overgangen en eindgesprekken van het schooljaar."""
    from leersteun.reading import dossiers
    from leersteun.editing import schooljaar as sj
    from leersteun.files.schijf import lees_tekst, toon

    nieuw_jaar = sj.lees_schooljaar(jaar)
    wie = _wie(door, None, None)
    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(wie.datum, inst)
    alle = dossiers.alle(map_)
    _meld_ongeldige([g for g in alle if g.fouten])
    lopend = [g for g in sorted(alle, key=lambda g: g.id) if g.dossier is not None and g.dossier.fase != Fase.afgesloten]
    klas_van = _vraag_klas(nieuw_jaar)
    if klassen is not None:
        gegeven, afgesloten = sj.klassen_uit_bestand(lees_tekst(klassen), toon(klassen), alle, lopend)
        if afgesloten:
            print(f"Niet aangepast (afgesloten dossier): {', '.join(afgesloten)}.", file=sys.stderr)
        klas_van = lambda d: gegeven.get(d.id)  # noqa: E731
    _console().print(f"[bold]Schooljaar {nieuw_jaar}[/]: {len(lopend)} lopende dossiers.")
    laatste_jaar = {g.id: sj.laatste_jaar(g.dossier) for g in lopend}
    gewijzigd = []
    for pad, regel in sj.zet_klassen(lopend, ctx, wie, nieuw_jaar, klas_van):
        print(regel)
        gewijzigd.append(pad)
    _toon_rollover(_console(), nieuw_jaar, lopend, [dossiers.lees_dossier(g.pad, ctx).dossier for g in lopend], laatste_jaar)
    if gewijzigd:
        _commit(map_, inst, commit, gewijzigd, f"schooljaar {nieuw_jaar}: klas van {len(gewijzigd)} dossier(s)", wie.door)


def _vraag_klas(nieuw_jaar: str) -> Any:
    def vraag(d: Any) -> str | None:
        return _vraag(f"Klas van {d.leerling.volledige_naam} ({d.id}) in {nieuw_jaar} (nu {d.leerling.klas}; leeg = nog niet gekend)", leeg=True) or None

    return vraag


def _toon_rollover(console: Any, nieuw_jaar: str, lopend: list[Any], na: list[Any], laatste_jaar: dict[str, str | None]) -> None:
    from rich.table import Table

    from leersteun.editing import schooljaar as sj

    tabel = Table(show_edge=False, pad_edge=False, header_style="bold")
    for kolom in ("dossier", "leerling", "school", "klas", "bevestigd voor"):
        tabel.add_column(kolom, overflow="fold")
    for d in na:
        tabel.add_row(d.id, d.leerling.volledige_naam, d.school.naam, d.leerling.klas, d.leerling.klas_schooljaar or "–")
    console.print(tabel)
    console.print("\n[bold underline]Wat het nieuwe schooljaar vraagt[/]")
    overgangen = [(d, laatste_jaar[d.id]) for d in na if laatste_jaar.get(d.id)]
    console.print("[bold]Overgangen[/] (laatste jaar van kleuter of lager):" if overgangen else "Geen overgangen van kleuter of lager.")
    for d, soort in overgangen:
        console.print(f"  {d.id}  {d.leerling.volledige_naam}: {sj.overgang_uitleg(soort, d)}", soft_wrap=True)
    vorig = sj.vorig_schooljaar(nieuw_jaar)
    zonder = [d for d in na if d.fase == Fase.ondersteuning and not sj.eindgesprek_gehouden(d, vorig)]
    console.print(f"[bold]Zonder evaluatiegesprek op het einde van {vorig}:[/]" if zonder else f"Elke lopende ondersteuning had een eindgesprek in {vorig}.")
    for d in zonder:
        console.print(f"  {d.id}  {d.leerling.volledige_naam}: plan het met 'leersteun overleg {d.id} --soort evaluatiegesprek'", soft_wrap=True)
    zonder_klas = [d for d in na if d.leerling.klas_schooljaar != nieuw_jaar]
    console.print(f"[bold]Nog zonder klas voor {nieuw_jaar}:[/]" if zonder_klas else f"Elke lopende leerling heeft een klas voor {nieuw_jaar}.")
    for d in zonder_klas:
        console.print(f"  {d.id}  {d.leerling.volledige_naam} (nu {d.leerling.klas})")


class OvergangKeuze(str, Enum):
    kleuter_lager = "kleuter-lager"
    lager_secundair = "lager-secundair"
    andere_school = "andere-school"


@opdracht("overgang")
def overgang_(
    dossier: DossierArg,
    soort: Annotated[OvergangKeuze, typer.Argument(metavar="OVERGANG", help="kleuter-lager, lager-secundair of andere-school.", show_default=False)],
    klas: Annotated[Optional[str], typer.Option(help="Bij kleuter-lager: de nieuwe klas.")] = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: CommitOptie = None,
    door: DoorOptie = None,
) -> None:
    """Een overgang: kleuter naar lager (loopt verder), lager naar secundair of andere school (sluit af)."""
    from leersteun.editing.trajectory import overgang

    wie = _wie(door, datum, notitie)
    if soort != OvergangKeuze.kleuter_lager:
        _geen_effect("de nieuwe klas hoort alleen bij kleuter-lager", {"--klas": klas})
    _wijzig(dossier, lambda data, d: overgang(data, d, soort.value, wie, klas=klas), commit, f"overgang {soort.value}", wie.door)
