"""Commands about case files: init, nieuw, lijst, toon, valideer.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from leersteun.cli import kern
from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    CommitOptie,
    DossierArg,
    _commit,
    _datum_optie,
    _dossiermap,
    _geen_effect,
    _meld_ongeldige,
    _vraag,
    _vraag_datum,
)
from leersteun.cli.kern import opdracht
from leersteun.waarden import (
    Fase,
    Niveau,
    Typologie,
    VerslagSoort,
    VraagVan,
)

if TYPE_CHECKING:
    pass


@opdracht("init")
def init(
    map_: Annotated[Path, typer.Argument(metavar="MAP", help="Waar de nieuwe dossiermap komt (standaard: hier).", show_default=False)] = Path("."),
    netwerk: Annotated[Optional[str], typer.Option(help="Naam van het leersteuncentrum.")] = None,
    coordinatie: Annotated[Optional[str], typer.Option("--coordinatie", help="E-mailadres van de coördinatie.")] = None,
) -> None:
    """Maak een nieuwe dossiermap (leersteun.yaml, cases/, .gitignore, git), of richt een kloon in."""
    from leersteun.errors import Fout
    from leersteun.folder import INSTELLINGEN, maak_map, richt_kloon_in
    from leersteun.model import als_email

    if (map_ / INSTELLINGEN).exists():
        if netwerk is not None or coordinatie is not None:
            raise Fout(f"{map_ / INSTELLINGEN} bestaat al: dit is al een dossiermap; --netwerk en --coordinatie veranderen daar niets. Er is niets gewijzigd.")
        if not (map_ / ".git").exists():
            raise Fout(f"{map_ / INSTELLINGEN} bestaat al: dit is al een dossiermap. Er is niets gewijzigd.")
        for regel in richt_kloon_in(map_):
            print(f"  {regel}")
        print(f"Deze kloon van de dossiermap is klaar in {map_}; er is geen bestand uit git gewijzigd.")
        return
    from leersteun.errors import GebruikFout
    from leersteun.model import Naam

    if coordinatie is not None:
        try:
            coordinatie = als_email(coordinatie)
        except ValueError:  # pydantic's error, told in Dutch
            raise GebruikFout(f"--coordinatie '{coordinatie}' is geen e-mailadres; schrijf het als naam@voorbeeld.be.") from None
    netwerk = netwerk or _vraag("Naam van het leersteuncentrum")
    from pydantic import TypeAdapter

    try:
        netwerk = TypeAdapter(Naam).validate_python(netwerk)
    except ValueError:  # pydantic's error, told in Dutch
        raise GebruikFout("--netwerk: de naam van het leersteuncentrum past op één regel, zonder stuurtekens, en is hoogstens 200 tekens.") from None
    while coordinatie is None:
        kandidaat = _vraag("E-mailadres van de coördinatie")
        try:
            coordinatie = als_email(kandidaat)
        except ValueError:  # pydantic's error, told in Dutch below
            _console().print(f"'{kandidaat}' is geen e-mailadres; schrijf het als naam@voorbeeld.be.")
    for regel in maak_map(map_, netwerk, coordinatie):
        print(f"  {regel}")
    print(f"Dossiermap klaar in {map_}. Vul team en capaciteit aan in {map_ / INSTELLINGEN}.")


@opdracht("nieuw")
def nieuw(
    voornaam: Annotated[Optional[str], typer.Option(help="Voornaam van de leerling.")] = None,
    naam: Annotated[Optional[str], typer.Option(help="Familienaam van de leerling.")] = None,
    klas: Annotated[Optional[str], typer.Option(help="Huidige klas, zoals 5B.")] = None,
    niveau: Annotated[Optional[Niveau], typer.Option(help="kleuter, lager of secundair.")] = None,
    geboortedatum: Annotated[Optional[str], typer.Option(help="Geboortedatum, bv. 11-02-2019.")] = None,
    school: Annotated[Optional[str], typer.Option(help="Naam van de school.")] = None,
    gemeente: Annotated[Optional[str], typer.Option(help="Gemeente van de school.")] = None,
    verslag: Annotated[Optional[VerslagSoort], typer.Option(help="Soort Verslag: GC, IAC of OV4.")] = None,
    verslagdatum: Annotated[Optional[str], typer.Option(help="Datum van het Verslag (bv. 10-12-2025).")] = None,
    typologie: Annotated[Optional[Typologie], typer.Option(help="Typologie van het Verslag: basisaanbod, 'type 2', 'type 3', 'type 9', ...")] = None,
    diplon: Annotated[
        Optional[bool], typer.Option("--diplon/--niet-in-diplon", help="Is het Verslag al zichtbaar in Diplon?")
    ] = None,
    ontbindende_voorwaarde: Annotated[
        Optional[str], typer.Option(help="Bij IAC/OV4: datum van inschrijving onder ontbindende voorwaarde.")
    ] = None,
    leervraag: Annotated[Optional[str], typer.Option("--leervraag", help="De hulp- of leervraag van de school.")] = None,
    vraag_van: Annotated[
        Optional[list[VraagVan]], typer.Option("--vraag-van", help="Van wie de vraag komt: leerkracht, zorg, ouders, clb, directie, andere (mag meermaals).")
    ] = None,
    al_geprobeerd: Annotated[Optional[list[str]], typer.Option("--al-geprobeerd", help="Wat de school al uitprobeerde (mag meermaals).")] = None,
    ankerpersoon: Annotated[Optional[str], typer.Option(help="De ankerpersoon van het dossier (standaard: die van de school).")] = None,
    clb: Annotated[Optional[str], typer.Option("--clb", help="De CLB-medewerker (standaard: die van de school).")] = None,
    vanuit: Annotated[
        Optional[str], typer.Option("--vanuit", metavar="DOSSIER", help="Nieuwe aanmelding na een afgesloten dossier (andere school, secundair): neemt de leerling over.")
    ] = None,
    toch: Annotated[
        Optional[str], typer.Option("--toch", metavar="REDEN", help="Maak het dossier ook als de leerling al een lopend dossier heeft (met de reden).")
    ] = None,
    dossier_id: Annotated[Optional[str], typer.Option("--id", help="Eigen id (standaard: schoolcode-jaar-nummer).")] = None,
    door: Annotated[Optional[str], typer.Option(help="Wie de aanmelding noteert (standaard: LEERSTEUN_GEBRUIKER of git user.name).")] = None,
    commit: "CommitOptie" = None,
    notitie: Annotated[Optional[str], typer.Option(help="Notitie bij de aanmelding.")] = None,
) -> None:
    """Maak een nieuw dossier in fase aanmelding (vraagt wat ontbreekt)."""
    from leersteun import dossiers, mensen
    from leersteun.errors import Fout
    from leersteun.folder import gebruiker, vandaag

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    dag = vandaag()
    ctx = dossiers.context(dag, inst)
    vorig = None
    if vanuit is not None:
        from leersteun.trajectory import REDEN_TEKST, afsluitreden

        vorig = dossiers.open_dossier(map_, vanuit, ctx)
        v = vorig.dossier
        if v.fase != Fase.afgesloten:
            raise Fout(
                f"Dossier {v.id} loopt nog (fase {v.fase}). Sluit het eerst af, zoals met 'leersteun overgang {v.id} andere-school' "
                f"of 'leersteun overgang {v.id} lager-secundair'; daarna volgt de nieuwe aanmelding."
            )
        if v.volgend_dossier:
            raise Fout(f"Na dossier {v.id} volgde al dossier {v.volgend_dossier}.")
        for optie, waarde in (("--voornaam", voornaam), ("--naam", naam), ("--geboortedatum", geboortedatum)):
            if waarde is not None:
                raise Fout(f"{optie} komt met --vanuit uit dossier {v.id}; laat de optie weg.")
        voornaam, naam = v.leerling.voornaam, v.leerling.naam
        reden = afsluitreden(v)
        _console().print(f"Nieuwe aanmelding voor {v.leerling.volledige_naam}, na {v.id}" + (f" ({REDEN_TEKST[reden]})." if reden else "."))
    interactief = sys.stdin.isatty() or voornaam is None

    voornaam = voornaam or _vraag("Voornaam van de leerling")
    naam = naam or _vraag("Familienaam van de leerling")
    klas = klas or _vraag("Klas (zoals 5B)")
    niveau_w = niveau.value if niveau else _vraag("Niveau", keuzes=[n.value for n in Niveau])
    if school is None:
        bekend = sorted({s.naam for s in inst.scholen} | ({s.naam for s in inst.capaciteit.scholen} if inst.capaciteit else set()))
        if bekend:
            _console().print("Scholen: " + "; ".join(bekend))
        school = _vraag("School")
    verslag_w = verslag.value if verslag else _vraag("Soort Verslag", keuzes=[v.value for v in VerslagSoort])
    v_datum = _datum_optie(verslagdatum, "--verslagdatum") or _vraag_datum("Datum van het Verslag")
    if typologie is None and interactief:
        gekozen = _vraag("Typologie van het Verslag (leeg als onbekend)", keuzes=[t.value for t in Typologie], leeg=True)
        typologie = Typologie(gekozen) if gekozen else None
    if typologie is not None and typologie not in inst.ondersteunde_typologieen:
        raise Fout(
            f"Een Verslag onder {typologie.value} ondersteunt dit centrum niet: de aanmelding gaat naar {inst.ander_centrum} "
            "(types 4, 6 en 7 gaan naar het specifieke leersteuncentrum). Er is geen dossier gemaakt."
        )
    if diplon is None:
        from leersteun.vragen import ja_nee

        diplon = ja_nee(_console(), "Is het Verslag al zichtbaar in Diplon?")
    ov = _datum_optie(ontbindende_voorwaarde, "--ontbindende-voorwaarde")
    if ov is None and verslag_w in ("IAC", "OV4") and ontbindende_voorwaarde is None and sys.stdin.isatty():
        ov = _vraag_datum("Ingeschreven onder ontbindende voorwaarde op", leeg=True)
    if leervraag is None and interactief:
        leervraag = _vraag("De hulp- of leervraag van de school (leeg als nog niet helder)", leeg=True) or None
        if leervraag and not vraag_van:
            from leersteun.checklist_ui import vraag_van_keuzes

            _console().print("Van wie komt de vraag?")
            vraag_van = [VraagVan(x) for x in vraag_van_keuzes(_console())]
        if leervraag and not al_geprobeerd:
            from leersteun.vragen import vraag_lijst

            al_geprobeerd = vraag_lijst(_console(), "Wat probeerde de school al uit?")
    elif leervraag is None:
        _geen_effect("ze horen bij de hulp- of leervraag: geef ook --leervraag", {"--vraag-van": vraag_van, "--al-geprobeerd": al_geprobeerd})
    wie = gebruiker(door) or (inst.afzender.naam if inst.afzender else None)
    if not wie:
        raise Fout("Wie noteert deze aanmelding? Geef --door NAAM, of zet LEERSTEUN_GEBRUIKER of git user.name.")
    geb = _datum_optie(geboortedatum, "--geboortedatum") or (vorig.dossier.leerling.geboortedatum if vorig else None)
    alle = dossiers.alle(map_)
    dubbel = dossiers.dubbels(alle, voornaam, naam, geb, school)
    if dubbel and not toch:
        lijst_ = "\n".join(f"  {d.id}  {d.leerling.volledige_naam} ({d.leerling.klas}, {d.school.naam}, fase {d.fase})" for d in dubbel)
        raise Fout(
            f"{voornaam} {naam} heeft al een dossier dat niet afgesloten is:\n{lijst_}\n"
            f"Werk in dat dossier verder (zoals 'leersteun toon {dubbel[0].id}'). Is dit echt een andere leerling of een "
            "tweede aanmelding, geef dan --toch \"reden\" mee. Er is niets gemaakt."
        )
    mensen_, anker_school, clb_school, gemeente_school = mensen.van_school(inst, school)
    if toch:
        notitie = f"{notitie or 'Aanmelding via Diplon.'} Ook gemaakt naast {', '.join(d.id for d in dubbel) or 'geen'}: {toch}"
    if vorig:
        notitie = notitie or f"Nieuwe aanmelding na {vorig.dossier.id}."
    data = dossiers.nieuw_dossier_data(
        case_id=dossier_id or dossiers.volgende_id(map_, school, dag.year),
        voornaam=voornaam,
        naam=naam,
        klas=klas,
        niveau=niveau_w,
        school=school,
        gemeente=gemeente or gemeente_school,
        geboortedatum=geb,
        verslag_soort=verslag_w,
        verslag_datum=v_datum,
        zichtbaar_in_diplon=bool(diplon),
        ontbindende_voorwaarde=ov,
        ankerpersoon=ankerpersoon or anker_school or (wie if wie in inst.teamnamen() else None),
        clb_medewerker=clb or clb_school,
        door=wie,
        vandaag=dag,
        notitie=notitie,
        typologie=typologie.value if typologie else None,
        betrokkenen=mensen_,
        leervraag=(
            {k: v for k, v in (("vraag", leervraag), ("van", [x.value for x in vraag_van or []]), ("al_geprobeerd", list(al_geprobeerd or []))) if v}
            if leervraag
            else None
        ),
        vorig_dossier=vorig.dossier.id if vorig else None,
    )
    pad = dossiers.maak_dossier(map_, data, ctx)
    from leersteun.store import toon

    print(f"Dossier {data['id']} gemaakt: {toon(pad)} (fase aanmelding).")
    if mensen_:
        from leersteun.waarden import ROL_TEKST

        print(f"Overgenomen van de school: {', '.join(b['naam'] + ' (' + ROL_TEKST[b['rol']] + ')' for b in mensen_)}.")
    bestanden = [pad]
    if vorig is not None:
        from leersteun.bewerk import pas_toe, zet_op_plaats

        def koppel(gegevens: Any, _d: Any) -> list[str]:
            zet_op_plaats(gegevens, "volgend_dossier", data["id"])
            return [f"Dossier {vorig.dossier.id} verwijst nu naar {data['id']}."]

        for regel in pas_toe(dossiers.lees_dossier(vorig.pad, ctx), ctx, koppel):
            print(regel)
        bestanden.append(vorig.pad)
    _commit(map_, inst, commit, bestanden, f"{data['id']}: nieuw dossier (aanmelding)", wie)


def _bevat(veld: str | None, gezocht: str) -> bool:
    from leersteun.tekst import normaal

    return bool(veld) and normaal(gezocht) in normaal(veld or "")


@opdracht("lijst")
def lijst(
    fase: Annotated[Optional[list[Fase]], typer.Option(help="Alleen deze fase (mag meermaals).")] = None,
    school: Annotated[Optional[str], typer.Option(help="Alleen scholen waarvan de naam dit bevat.")] = None,
    ondersteuner: Annotated[
        Optional[str], typer.Option(help="Alleen dossiers van deze ondersteuner ('geen' voor niet toegewezen).")
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen.")] = False,
) -> None:
    """Toon de dossiers, gefilterd op fase, school of ondersteuner."""
    from leersteun import dossiers

    map_ = _dossiermap()
    dossiers.instellingen(map_)  # a broken leersteun.yaml stops here, with its position
    alle = dossiers.alle(map_)
    geldig = [g.dossier for g in alle if g.dossier is not None]
    met_fouten = [g for g in alle if g.fouten]
    fasen = {f.value for f in fase or []}
    gekozen = [
        d
        for d in geldig
        if (not fasen or d.fase in fasen)
        and (school is None or _bevat(d.school.naam, school))
        and (
            ondersteuner is None
            or (ondersteuner.strip().lower() == "geen" and not d.ondersteuner)
            or _bevat(d.ondersteuner, ondersteuner)
        )
    ]
    gekozen.sort(key=lambda d: d.id)
    if als_json:
        import json

        from leersteun.weergave import lijst_rij

        print(json.dumps([lijst_rij(d, anoniem) for d in gekozen], ensure_ascii=False, indent=2))
    else:
        from leersteun.weergave import lijst_tabel

        console = _console()
        if gekozen:
            console.print(lijst_tabel(gekozen, anoniem, console.width))
        meervoud = "dossier" if len(geldig) == 1 else "dossiers"
        filter_ = fasen or school or ondersteuner
        console.print(f"{len(gekozen)} van {len(geldig)} {meervoud}." if filter_ else f"{len(gekozen)} {meervoud}.")
    _meld_ongeldige(met_fouten)


@opdracht("toon")
def toon_(
    dossier: DossierArg,
) -> None:
    """Toon één dossier, leesbaar."""
    from leersteun import dossiers
    from leersteun.folder import vandaag
    from leersteun.weergave import toon_dossier

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    gevonden = dossiers.open_dossier(map_, dossier, dossiers.context(vandaag(), inst))
    assert gevonden.dossier is not None
    _console().print(toon_dossier(gevonden.dossier, vandaag()))
    for b in gevonden.bevindingen:
        print(b.als_tekst(), file=sys.stderr)


@opdracht("valideer")
def valideer(
    paden: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="PAD...", help="Dossiers of mappen (standaard: leersteun.yaml en alle dossiers).", show_default=False),
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    streng: Annotated[bool, typer.Option("--streng", help="Waarschuwingen tellen als fouten (voor een pre-commit hook).")] = False,
) -> None:
    """Controleer dossiers en leersteun.yaml; toont pad:regel:kolom: boodschap."""
    from leersteun import validatie

    resultaat = validatie.valideer(paden or [], kern._map_optie)
    fouten = [b for b in resultaat.bevindingen if b.is_fout or streng]
    if als_json:
        import json

        print(json.dumps(resultaat.als_dict(), ensure_ascii=False, indent=2))
    else:
        for b in resultaat.bevindingen:
            print(b.als_tekst())
        print(resultaat.samenvatting(), file=sys.stderr)
    if fouten:
        raise typer.Exit(1)
