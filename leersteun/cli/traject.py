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
from leersteun.waarden import (
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


@opdracht("fase")
def fase_(
    dossier: DossierArg,
    naar: Annotated[Fase, typer.Argument(metavar="NAAR", help="De nieuwe fase.", show_default=False)],
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    door: DoorOptie = None,
    reden: Annotated[Optional[Reden], typer.Option(help="Bij afgesloten: de reden.")] = None,
    verslag_zichtbaar: Annotated[
        bool, typer.Option("--verslag-zichtbaar", help="Bij opstart: het Verslag is nu zichtbaar in Diplon.")
    ] = False,
    frequentie: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: afgesproken frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: afgesproken intensiteit.")] = None,
    start: Annotated[Optional[str], typer.Option(metavar="DATUM", help="Bij ondersteuning: start van het traject (standaard: --datum).")] = None,
    vorm: Annotated[
        Optional[Vorm], typer.Option(help="Vorm van het traject: regulier (standaard na opstart); na een heropstart light, medium of nieuw.")
    ] = None,
    evaluatie_op: Annotated[
        Optional[list[str]], typer.Option("--evaluatie-op", metavar="DATUM", help="Afgesproken evaluatiemoment (mag meermaals; light: standaard na 4 weken).")
    ] = None,
    ondersteuner: Annotated[Optional[str], typer.Option(help="Bij ondersteuning: de ondersteuner.")] = None,
    opstartgesprek: Annotated[
        Optional[str], typer.Option("--opstartgesprek", metavar="DATUM", help="Bij ondersteuning: datum van het opstartgesprek (als het nog niet genoteerd is).")
    ] = None,
    leervraag: Annotated[Optional[str], typer.Option("--leervraag", help="Bij ondersteuning: de hulp- of leervraag van de school.")] = None,
    overleg_school_clb: Annotated[
        Optional[str], typer.Option("--overleg-school-clb", metavar="DATUM", help="Bij heropstart: datum van het overleg tussen school en CLB.")
    ] = None,
    commit: "CommitOptie" = None,
) -> None:
    """Zet een dossier in een volgende fase, volgens de regels van het traject."""
    from leersteun.trajectory import naar_fase

    wie = _wie(door, datum, notitie)
    afspraak = _afspraak(vorm, start, frequentie, intensiteit, evaluatie_op)
    opties = {
        "--reden": reden, "--verslag-zichtbaar": verslag_zichtbaar, "--frequentie": frequentie, "--intensiteit": intensiteit,
        "--start": start, "--vorm": vorm, "--evaluatie-op": evaluatie_op, "--ondersteuner": ondersteuner,
        "--opstartgesprek": opstartgesprek, "--leervraag": leervraag, "--overleg-school-clb": overleg_school_clb,
    }  # fmt: skip

    def bewerking(data: Any, d: Any) -> list[str]:
        from leersteun.trajectory import OVERGANGEN

        if naar not in OVERGANGEN[d.fase]:  # the rule of the trajectory speaks first
            return naar_fase(data, d, naar, wie)
        toegestaan = _FASE_OPTIES.get((d.fase.value, naar.value), set())
        _geen_effect(f"ze horen niet bij de stap van {d.fase.value} naar {naar.value}", {k: v for k, v in opties.items() if k not in toegestaan})
        return naar_fase(
            data,
            d,
            naar,
            wie,
            reden=reden,
            afspraak=afspraak,
            ondersteuner=ondersteuner,
            verslag_zichtbaar=verslag_zichtbaar,
            opstartgesprek=_datum_optie(opstartgesprek, "--opstartgesprek"),
            leervraag=leervraag,
            overleg_school_clb=_datum_optie(overleg_school_clb, "--overleg-school-clb"),
        )

    _wijzig(dossier, bewerking, commit, f"fase {naar.value}", wie.door)


@opdracht("evaluatie")
def evaluatie_(
    dossier: DossierArg,
    beslissing: Annotated[Optional[Beslissing], typer.Option(help="verderzetten of afsluiten (gevraagd als het ontbreekt).")] = None,
    reden: Annotated[Optional[Reden], typer.Option(help="Bij afsluiten: de reden.")] = None,
    wat_neemt_school_mee: Annotated[Optional[str], typer.Option(help="Wat neemt de school mee bij het afronden?")] = None,
    kansen: Annotated[Optional[str], typer.Option(help="Waar liggen volgens de school nog kansen?")] = None,
    frequentie: Annotated[Optional[str], typer.Option(help="Bij verderzetten: bijgestuurde frequentie.")] = None,
    intensiteit: Annotated[Optional[str], typer.Option(help="Bij verderzetten: bijgestuurde intensiteit.")] = None,
    volgende: Annotated[
        Optional[list[str]], typer.Option("--volgende", metavar="DATUM", help="Bij verderzetten: volgend evaluatiemoment (mag meermaals).")
    ] = None,
    concreet: Annotated[Optional[JaDeelsNee], typer.Option("--concreet", help="Vier vragen: zijn de doelen concreet en werkbaar?")] = None,
    context: Annotated[Optional[JaDeelsNee], typer.Option("--context", help="Vier vragen: versterken de doelen de school (context, leerkracht)?")] = None,
    gedragen: Annotated[Optional[JaDeelsNee], typer.Option("--gedragen", help="Vier vragen: gedragen door alle schoolse partners?")] = None,
    fase_2_3: Annotated[Optional[JaDeelsNee], typer.Option("--fase-2-3", help="Vier vragen: binnen fase 2/3 van het zorgcontinuüm?")] = None,
    toelichting: Annotated[Optional[str], typer.Option("--toelichting", help="Vier vragen: toelichting bij de antwoorden.")] = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Bewaar een evaluatie: verderzetten of afsluiten, met de vier vragen na vier maanden."""
    from leersteun.trajectory import REDEN_TEKST, evaluatie

    wie = _wie(door, datum, notitie)
    interactief = beslissing is None
    vier: dict[str, Any] | None = None
    gegeven = {"doelen_concreet": concreet, "doelen_context": context, "gedragen": gedragen, "zorgcontinuum_fase_2_3": fase_2_3}
    if any(v is not None for v in gegeven.values()):
        vier = {k: ((v.value, None) if v is not None else None) for k, v in gegeven.items()}
        vier["toelichting"] = toelichting
    elif toelichting:
        from leersteun.errors import GebruikFout

        raise GebruikFout("--toelichting hoort bij de vier vragen (--concreet, --context, --gedragen, --fase-2-3).")
    sessie = _Sessie(dossier)  # read once: for the questions and for the edit
    if interactief and vier is None and _vier_vragen_open(sessie.gelezen.dossier, wie.datum):
        vier = _vraag_vier_vragen()
    keuze = beslissing or Beslissing(_vraag("Beslissing", keuzes=[b.value for b in Beslissing]))
    reden_w = reden
    if keuze == Beslissing.afsluiten:
        if reden_w is None and interactief:
            reden_w = Reden(_vraag("Reden", keuzes=[r.value for r in Reden], uitleg={r.value: REDEN_TEKST[r] for r in Reden}))
        if interactief:
            wat_neemt_school_mee = wat_neemt_school_mee or _vraag("Wat neemt de school mee bij het afronden?", leeg=True) or None
            kansen = kansen or _vraag("Waar liggen volgens jullie nog kansen?", leeg=True) or None
    elif interactief and not volgende:
        moment = _vraag_datum("Volgend evaluatiemoment", leeg=True)
        volgende = [moment.isoformat()] if moment else None
    sessie.bewaar(
        lambda data, d: evaluatie(
            data,
            d,
            wie,
            keuze,
            reden=reden_w,
            wat_neemt_school_mee=wat_neemt_school_mee,
            kansen=kansen,
            frequentie=frequentie,
            intensiteit=intensiteit,
            volgende=[_datum_optie(v, "--volgende") for v in volgende or []],
            vier_vragen=vier,
        )
    )
    sessie.zeg()
    sessie.commit(commit, f"evaluatie ({keuze.value})", wie.door)


def _vier_vragen_open(d: Any, dag: Any) -> bool:
    """Is the evaluation after four months still to be done (due within a month)?"""
    import datetime as dt

    from leersteun.deadlines import Soort, deadlines

    return any(x.soort == Soort.vier_maanden and x.datum <= dag + dt.timedelta(days=31) for x in deadlines(d, dag))


def _vraag_vier_vragen() -> dict[str, Any]:
    from leersteun.heropstart import VRAAG
    from leersteun.model import VIER_VRAGEN

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
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Voeg iemand toe rond een dossier, werk het contact bij, of haal iemand weg (--weg)."""
    from leersteun import mensen
    from leersteun.model import als_contact

    if weg:
        _geen_effect("--weg verwijdert de persoon", {"--contact": contact, "--notitie": notitie})
    elif contact is not None:
        try:
            contact = als_contact(contact)
        except ValueError:  # pydantic's error, told in Dutch
            from leersteun.errors import GebruikFout

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
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een overleg rond een dossier: opstartgesprek, evaluatiegesprek, school-CLB, overdracht, ..."""
    from leersteun import mensen
    from leersteun.errors import GebruikFout
    from leersteun.waarden import OverlegRol

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
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Noteer dat een stap in Diplon gedaan is (CirCQel, inzage, evaluatie, afsluiting, heropend)."""
    from leersteun.diplon import markeer
    from leersteun.folder import vandaag

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
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Noteer een nieuw of gewijzigd Verslag, of de beslissing van de school binnen de 60 dagen."""
    from leersteun import verslag as vs
    from leersteun.errors import GebruikFout

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
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """De jaarlijkse overgang: nieuwe klassen, overgangen en eindgesprekken van het schooljaar."""
    from leersteun import dossiers
    from leersteun import schooljaar as sj
    from leersteun.bewerk import pas_toe
    from leersteun.errors import Fout
    from leersteun.store import lees_tekst, toon

    nieuw_jaar = sj.lees_schooljaar(jaar)
    wie = _wie(door, None, None)
    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(wie.datum, inst)
    alle = dossiers.alle(map_)
    _meld_ongeldige([g for g in alle if g.fouten])
    lopend = [g for g in sorted(alle, key=lambda g: g.id) if g.dossier is not None and g.dossier.fase != Fase.afgesloten]
    gegeven: dict[str, str] | None = None
    if klassen is not None:
        gegeven = sj.lees_klassen(lees_tekst(klassen), toon(klassen))
        bekend = {g.id for g in alle}
        onbekend = sorted(set(gegeven) - bekend)
        if onbekend:
            raise Fout(f"{toon(klassen)} noemt dossiers die niet bestaan: {', '.join(onbekend)}. Verbeter het bestand; er is niets gewijzigd.")
        afgesloten = sorted(i for i in gegeven if i not in {g.id for g in lopend})
        if afgesloten:
            print(f"Niet aangepast (afgesloten dossier): {', '.join(afgesloten)}.", file=sys.stderr)
    console = _console()
    console.print(f"[bold]Schooljaar {nieuw_jaar}[/]: {len(lopend)} lopende dossiers.")
    laatste_jaar = {g.id: sj.laatste_jaar(g.dossier) for g in lopend}
    gewijzigd: list[Path] = []
    for g in lopend:
        d = g.dossier
        if gegeven is not None:
            klas = gegeven.get(d.id)
        else:
            klas = _vraag(f"Klas van {d.leerling.volledige_naam} ({d.id}) in {nieuw_jaar} (nu {d.leerling.klas}; leeg = nog niet gekend)", leeg=True) or None
        if not klas:
            continue
        for regel in pas_toe(dossiers.lees_dossier(g.pad, ctx), ctx, lambda data, dd, klas=klas: sj.zet_klas(data, dd, wie, klas, nieuw_jaar)):
            print(regel)
            gewijzigd.append(g.pad)
    na = [dossiers.lees_dossier(g.pad, ctx).dossier for g in lopend]
    _toon_rollover(console, nieuw_jaar, lopend, na, laatste_jaar)
    if gewijzigd:
        _commit(map_, inst, commit, gewijzigd, f"schooljaar {nieuw_jaar}: klas van {len(gewijzigd)} dossier(s)", wie.door)


def _toon_rollover(console: Any, nieuw_jaar: str, lopend: list[Any], na: list[Any], laatste_jaar: dict[str, str | None]) -> None:
    from rich.table import Table

    from leersteun import schooljaar as sj

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
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Een overgang: kleuter naar lager (loopt verder), lager naar secundair of andere school (sluit af)."""
    from leersteun.trajectory import overgang

    wie = _wie(door, datum, notitie)
    if soort != OvergangKeuze.kleuter_lager:
        _geen_effect("de nieuwe klas hoort alleen bij kleuter-lager", {"--klas": klas})
    _wijzig(dossier, lambda data, d: overgang(data, d, soort.value, wie, klas=klas), commit, f"overgang {soort.value}", wie.door)
