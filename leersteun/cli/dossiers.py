"""Commands about case files: init, nieuw, lijst, toon, valideer."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from leersteun.cli import kern
from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    CommitOptie,
    DossierArg,
    NieuwLidOptie,
    _anoniem_volledig,
    _commit,
    _datum_optie,
    _door,
    _dossiermap,
    _een_van,
    _geen_effect,
    _ja_nee,
    _meld_ongeldige,
    _teamlid,
    _vraag,
    _vraag_datum,
)
from leersteun.cli.kern import opdracht
from leersteun.core.waarden import (
    Fase,
    Niveau,
    Typologie,
    VerslagSoort,
    VraagVan,
)

if TYPE_CHECKING:
    from leersteun.reading.snel import Geldig


@opdracht("init")
def init(
    map_: Annotated[Path, typer.Argument(metavar="MAP", help="Waar de nieuwe dossiermap komt (standaard: hier).", show_default=False)] = Path("."),
    netwerk: Annotated[str | None, typer.Option(help="Naam van het leersteuncentrum.")] = None,
    coordinatie: Annotated[str | None, typer.Option("--coordinatie", help="E-mailadres van de coördinatie.")] = None,
) -> None:
    """Maak een nieuwe dossiermap (leersteun.yaml, cases/, .gitignore, git), of richt een kloon in."""
    from leersteun.core.errors import Fout
    from leersteun.editing.kloon import maak_map, richt_kloon_in
    from leersteun.reading.folder import INSTELLINGEN

    if (map_ / INSTELLINGEN).exists():
        if netwerk is not None or coordinatie is not None:
            raise Fout(f"{map_ / INSTELLINGEN} bestaat al: dit is al een dossiermap; --netwerk en --coordinatie veranderen daar niets. Er is niets gewijzigd.")
        from leersteun.files.git import is_repo

        if not is_repo(map_):  # a clone, or a case folder inside a larger repository
            raise Fout(f"{map_ / INSTELLINGEN} bestaat al: dit is al een dossiermap. Er is niets gewijzigd.")
        for regel in richt_kloon_in(map_):
            print(f"  {regel}")
        print(f"Deze kloon van de dossiermap is klaar in {map_}; er is geen bestand uit git gewijzigd.")
        return
    netwerk, coordinatie = _vraag_netwerk(netwerk, coordinatie)
    for regel in maak_map(map_, netwerk, coordinatie):
        print(f"  {regel}")
    print(f"Dossiermap klaar in {map_}. Vul team en capaciteit aan in {map_ / INSTELLINGEN}.")


def _vraag_netwerk(netwerk: str | None, coordinatie: str | None) -> tuple[str, str]:
    """The name of the centre and the coordination's address: checked, asked when missing."""
    from pydantic import TypeAdapter

    from leersteun.core.errors import GebruikFout
    from leersteun.rules.model import Naam, als_email

    if coordinatie is not None:
        try:
            coordinatie = als_email(coordinatie)
        except ValueError:  # pydantic's error, told in Dutch
            raise GebruikFout(f"--coordinatie '{coordinatie}' is geen e-mailadres; schrijf het als naam@voorbeeld.be.") from None
    netwerk = netwerk or _vraag("Naam van het leersteuncentrum")
    try:
        netwerk = TypeAdapter(Naam).validate_python(netwerk)
    except ValueError:  # pydantic's error, told in Dutch
        raise GebruikFout("--netwerk: de naam van het leersteuncentrum past op één regel, zonder stuurtekens, en is hoogstens 200 tekens.") from None
    while coordinatie is None:
        kandidaat = _vraag("E-mailadres van de coördinatie")
        try:
            coordinatie = als_email(kandidaat)
        except ValueError:  # pydantic's error, told in Dutch below
            _console().print(f"'{kandidaat}' is geen e-mailadres; schrijf het als naam@voorbeeld.be.", markup=False)
    return netwerk, coordinatie


VanuitOptie = Annotated[
    str | None,
    typer.Option("--vanuit", metavar="DOSSIER", help="Nieuwe aanmelding na een afgesloten dossier (andere school, secundair): neemt de leerling over."),
]
TochOptie = Annotated[
    str | None, typer.Option("--toch", metavar="REDEN", help="Maak het dossier ook als de leerling al een lopend dossier heeft (met de reden).")
]
VraagVanOptie = Annotated[
    list[VraagVan] | None, typer.Option("--vraag-van", help="Van wie de vraag komt: leerkracht, zorg, ouders, clb, directie, andere (mag meermaals).")
]
TypologieOptie = Annotated[Typologie | None, typer.Option(help="Typologie van het Verslag: basisaanbod, 'type 2', 'type 3', 'type 9', ... (of het nummer: 2).")]
DiplonOptie = Annotated[bool | None, typer.Option("--diplon/--niet-in-diplon", help="Is het Verslag al zichtbaar in Diplon?")]
OvOptie = Annotated[str | None, typer.Option(help="Bij IAC/OV4: datum van inschrijving onder ontbindende voorwaarde.")]
GeprobeerdOptie = Annotated[list[str] | None, typer.Option("--al-geprobeerd", help="Wat de school al uitprobeerde (mag meermaals).")]
AankerOptie = Annotated[str | None, typer.Option(help="De ankerpersoon van het dossier, uit het team (standaard: die van de school).")]
NieuweSchoolOptie = Annotated[
    bool,
    typer.Option(
        "--nieuwe-school", help="De school staat nog niet in leersteun.yaml: zet ze erbij (met --gemeente, en --ankerpersoon en --clb als je ze kent)."
    ),
]
AanmelderOptie = Annotated[str | None, typer.Option(help="Wie de aanmelding noteert (standaard: LEERSTEUN_GEBRUIKER of git user.name).")]


@opdracht("nieuw")
def nieuw(
    voornaam: Annotated[str | None, typer.Option(help="Voornaam van de leerling.")] = None,
    naam: Annotated[str | None, typer.Option(help="Familienaam van de leerling.")] = None,
    klas: Annotated[str | None, typer.Option(help="Huidige klas, zoals 5B.")] = None,
    niveau: Annotated[Niveau | None, typer.Option(help="kleuter, lager of secundair.")] = None,
    geboortedatum: Annotated[str | None, typer.Option(help="Geboortedatum, bv. 11-02-2019.")] = None,
    school: Annotated[str | None, typer.Option(help="De school, zoals in leersteun.yaml (een deel van de naam mag: klimop).")] = None,
    nieuwe_school: NieuweSchoolOptie = False,
    gemeente: Annotated[str | None, typer.Option(help="Gemeente van de school.")] = None,
    verslag: Annotated[VerslagSoort | None, typer.Option(help="Soort Verslag: GC, IAC of OV4.")] = None,
    verslagdatum: Annotated[str | None, typer.Option(help="Datum van het Verslag (bv. 10-12-2025).")] = None,
    typologie: TypologieOptie = None,
    diplon: DiplonOptie = None,
    ontbindende_voorwaarde: OvOptie = None,
    leervraag: Annotated[str | None, typer.Option("--leervraag", help="De hulp- of leervraag van de school.")] = None,
    vraag_van: VraagVanOptie = None,
    al_geprobeerd: GeprobeerdOptie = None,
    ankerpersoon: AankerOptie = None,
    nieuw_lid: NieuwLidOptie = False,
    clb: Annotated[str | None, typer.Option("--clb", help="De CLB-medewerker (standaard: die van de school).")] = None,
    vanuit: VanuitOptie = None,
    toch: TochOptie = None,
    dossier_id: Annotated[str | None, typer.Option("--id", help="Eigen id (standaard: schoolcode-jaar-nummer).")] = None,
    door: AanmelderOptie = None,
    commit: CommitOptie = None,
    notitie: Annotated[str | None, typer.Option(help="Notitie bij de aanmelding.")] = None,
) -> None:
    """Maak een nieuw dossier in fase aanmelding (vraagt wat ontbreekt)."""
    from leersteun.editing import aanmelding
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vandaag

    opties = dict(locals())  # the options as given; _vraag_aanmelding asks what is missing
    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(vandaag(), inst)
    vorig = _meld_vanuit(map_, ctx, opties) if vanuit is not None else None
    gemaakt = aanmelding.meld_aan(map_, inst, ctx, _vraag_aanmelding(opties, inst, vorig), vorig)  # also what is new in leersteun.yaml
    print("\n".join(gemaakt.meldingen))
    _commit(map_, inst, commit, gemaakt.bestanden, f"{gemaakt.id}: nieuw dossier (aanmelding)", opties["door"])


def _meld_vanuit(map_: Any, ctx: Any, o: dict[str, Any]) -> "Geldig":
    """The closed case that a new one follows (--vanuit), announced."""
    from leersteun.editing.aanmelding import vorig_dossier
    from leersteun.rules.afsluiting import REDEN_TEKST, afsluitreden

    vorig = vorig_dossier(map_, o["vanuit"], ctx, {"--voornaam": o["voornaam"], "--naam": o["naam"], "--geboortedatum": o["geboortedatum"]})
    v = vorig.dossier
    reden = afsluitreden(v)
    _console().print(f"Nieuwe aanmelding voor {v.leerling.volledige_naam}, na {v.id}" + (f" ({REDEN_TEKST[reden]})." if reden else "."), markup=False)
    return vorig


# Seed 003: an IAC pupil may be enrolled under ontbindende voorwaarde; with an OV4-Verslag he always is.
OV_VRAAG = {
    "IAC": "Ingeschreven onder ontbindende voorwaarde op (leeg: niet)",
    "OV4": "Bij een OV4-Verslag wordt de leerling onder ontbindende voorwaarde ingeschreven; op welke dag (leeg: niet gekend)",
}


def _vraag_aanmelding(o: dict[str, Any], inst: Any, vorig: Any) -> Any:
    """The options of `nieuw`, with what is missing asked on the terminal (`o["door"]` becomes
    who notes it)."""
    from leersteun.editing.aanmelding import Aanmelding, controleer_typologie

    if vorig is not None:
        o["voornaam"], o["naam"] = vorig.dossier.leerling.voornaam, vorig.dossier.leerling.naam
    for sleutel, wat in (("voornaam", "de voornaam"), ("naam", "de familienaam"), ("klas", "de klas")):
        if o[sleutel] is not None and not o[sleutel].strip():  # '--voornaam ""' is a mistake, not a question
            from leersteun.core.errors import GebruikFout

            raise GebruikFout(f"--{sleutel} is leeg: geef {wat} van de leerling. Er is niets gemaakt.")
    interactief = sys.stdin.isatty() or o["voornaam"] is None
    voornaam = o["voornaam"] or _vraag("Voornaam van de leerling")
    naam = o["naam"] or _vraag("Familienaam van de leerling")
    geboortedatum = _datum_optie(o["geboortedatum"], "--geboortedatum")
    if geboortedatum is None and vorig is None and interactief:  # the check for a second case needs it
        geboortedatum = _vraag_datum("Geboortedatum van de leerling", leeg=True)
    klas = o["klas"] or _vraag("Klas (zoals 5B)")
    niveau = o["niveau"].value if o["niveau"] else _vraag("Niveau", keuzes=[n.value for n in Niveau])
    school, ankerpersoon, clb, erbij = _mensen(o, inst, interactief)
    verslag = o["verslag"].value if o["verslag"] else _vraag("Soort Verslag", keuzes=[v.value for v in VerslagSoort])
    verslagdatum = _datum_optie(o["verslagdatum"], "--verslagdatum") or _vraag_datum("Datum van het Verslag")
    typologie = o["typologie"] if o["typologie"] is not None or not interactief else _vraag_typologie()
    controleer_typologie(inst, typologie)
    diplon = o["diplon"] if o["diplon"] is not None else _ja_nee("Is het Verslag al zichtbaar in Diplon?")
    ov = _datum_optie(o["ontbindende_voorwaarde"], "--ontbindende-voorwaarde")
    if ov is None and verslag in ("IAC", "OV4") and o["ontbindende_voorwaarde"] is None and sys.stdin.isatty():
        ov = _vraag_datum(OV_VRAAG.get(verslag, OV_VRAAG["IAC"]), leeg=True)
    leervraag, vraag_van, geprobeerd = _vraag_leervraag(o, interactief)
    return Aanmelding(
        voornaam=voornaam, naam=naam, klas=klas, niveau=niveau, school=school, verslag=verslag, verslagdatum=verslagdatum,
        door=o["door"], gemeente=o["gemeente"], geboortedatum=geboortedatum,
        typologie=typologie, diplon=bool(diplon), ontbindende_voorwaarde=ov, leervraag=leervraag, vraag_van=vraag_van,
        al_geprobeerd=geprobeerd, ankerpersoon=ankerpersoon, clb=clb, dossier_id=o["dossier_id"],
        notitie=o["notitie"], toch=o["toch"], erbij=erbij,
    )  # fmt: skip


def _vraag_typologie() -> Any:
    """The typology on the terminal: basisaanbod or the type's number ('7' is type 7)."""
    from leersteun.rules.invoer import typologie

    while True:
        antwoord = _vraag("Typologie van het Verslag (basisaanbod, of het nummer van het type: 2, 3, 4, 6, 7, 9; leeg als onbekend)", leeg=True)
        if not antwoord:
            return None
        try:
            return typologie(antwoord)
        except ValueError as e:
            _console().print(f"{e}.", markup=False)


def _mensen(o: dict[str, Any], inst: Any, interactief: bool) -> tuple[str, str | None, str | None, Any]:
    """Who and where, in the spelling of leersteun.yaml: the school (or a new one), the
    ankerpersoon (or a new team member), the CLB-medewerker, who notes it (`o["door"]`), and
    what is new for leersteun.yaml."""
    from leersteun.core.errors import Fout
    from leersteun.editing.instellingen import Erbij
    from leersteun.reading.folder import gebruiker

    if o["nieuw_lid"] and not o["ankerpersoon"]:
        _geen_effect("--nieuw-lid hoort bij --ankerpersoon (een ankerpersoon die nieuw is in het team)", {"--nieuw-lid": True})
    ankerpersoon = _teamlid(o["ankerpersoon"], inst, "--ankerpersoon", o["nieuw_lid"], interactief)
    school, nieuwe = _school(o, inst, ankerpersoon, interactief)
    door, bron = gebruiker(o["door"]), None
    if not door and inst.afzender:
        door, bron = inst.afzender.naam, "afzender in leersteun.yaml"
    if not door:
        raise Fout("Wie noteert deze aanmelding? Geef --door NAAM, of zet LEERSTEUN_GEBRUIKER of git user.name.")
    o["door"] = _door(door, o["door"], inst, bron)
    erbij = Erbij([(ankerpersoon, "ankerpersoon")] if o["nieuw_lid"] and ankerpersoon else [], [nieuwe] if nieuwe else [])
    return school, ankerpersoon, nieuwe.clb if nieuwe else _clb(o["clb"], inst), erbij


UITWEG_SCHOOL = (
    "Typ de naam zoals in leersteun.yaml (een deel mag, zoals 'klimop'), of geef --nieuwe-school mee (met --gemeente) "
    "als het een nieuwe school is: dan komt ze erbij in leersteun.yaml."
)


def _school(o: dict[str, Any], inst: Any, ankerpersoon: str | None, interactief: bool) -> tuple[str, Any]:
    """The school in the spelling of leersteun.yaml ('klimop' is Basisschool De Klimop), or a
    new school with what it needs (--nieuwe-school, or confirmed on the terminal). Several
    fit: a numbered choice on the terminal; none: refused with the nearest names."""
    from leersteun.core.errors import Fout
    from leersteun.rules import namen

    getypt = o["school"] or _vraag_school(inst)
    while True:
        gezocht = namen.zoek(getypt, namen.scholen(inst), begin=True)
        if o["nieuwe_school"]:
            return _nieuwe_school(o, inst, gezocht, ankerpersoon, interactief)
        if gezocht.gevonden:
            return gezocht.gevonden, None
        if gezocht.kandidaten:
            return _een_van(namen.SCHOOL, gezocht, interactief), None
        if not interactief:
            raise Fout(namen.onbekend(namen.SCHOOL, gezocht, UITWEG_SCHOOL, "--school"))
        _console().print(namen.niet_gevonden(namen.SCHOOL, gezocht), markup=False)
        if _ja_nee(f"Is '{getypt}' een nieuwe school (dan komt ze erbij in leersteun.yaml)?"):
            o["nieuwe_school"] = True
            getypt = _vraag("Naam van de nieuwe school, voluit", standaard=getypt)
        else:
            getypt = _vraag("School (een deel van de naam mag)")


def _nieuwe_school(o: dict[str, Any], inst: Any, gezocht: Any, ankerpersoon: str | None, interactief: bool) -> tuple[str, Any]:
    """A school that is not yet in leersteun.yaml, with its gemeente (needed), the team's
    ankerpersoon for it and its CLB-medewerker (when known): from the options, else asked."""
    from leersteun.core.errors import Fout, GebruikFout
    from leersteun.editing.instellingen import NieuweSchool
    from leersteun.rules import namen

    naam = " ".join(gezocht.getypt.split())
    if gezocht.gevonden or gezocht.kandidaten:  # a new school is never a second spelling of one that is there
        bestaand = namen.opsomming([gezocht.gevonden] if gezocht.gevonden else gezocht.kandidaten)
        raise Fout(
            f"'{naam}' (--nieuwe-school) past bij {bestaand} van leersteun.yaml. Is het die school, laat --nieuwe-school dan weg; "
            "is het een andere, geef dan haar volledige naam, zoals ze voluit heet. Er is niets gemaakt."
        )
    gemeente = o["gemeente"] or (_vraag(f"Gemeente van {naam}") if interactief else None)
    if not gemeente:
        raise GebruikFout(
            "--nieuwe-school: geef ook --gemeente, de gemeente van de school (de ankerpersoon en de CLB-medewerker met --ankerpersoon en --clb). Er is niets gemaakt."
        )
    if ankerpersoon is None and interactief and inst.team:
        ankerpersoon = _vraag("Ankerpersoon van het team voor deze school", keuzes=namen.teamleden(inst), leeg=True) or None
    clb = _clb(o["clb"], inst) or ((_vraag("CLB-medewerker van de school (leeg als nog niet gekend)", leeg=True) or None) if interactief else None)
    return naam, NieuweSchool(naam=naam, gemeente=" ".join(gemeente.split()), ankerpersoon=ankerpersoon, clb=clb)


def _clb(getypt: str | None, inst: Any) -> str | None:
    """A CLB-medewerker in the spelling of leersteun.yaml when the name is written there under
    a school (the same name otherwise written); else as typed."""
    from leersteun.rules import namen

    if not getypt or not getypt.strip():
        return None
    bekend = next((n for n in namen.clb_medewerkers(inst) if namen.dezelfde(n, getypt)), None)
    return bekend or " ".join(getypt.split())


def _vraag_school(inst: Any) -> str:
    from leersteun.rules import namen

    bekend = namen.scholen(inst)
    if bekend:
        _console().print("Scholen: " + "; ".join(bekend), markup=False)
    return _vraag("School (een deel van de naam mag)")


def _vraag_leervraag(o: dict[str, Any], interactief: bool) -> tuple[str | None, list[str], list[str]]:
    """The question of the school, who asks it and what was tried."""
    leervraag, vraag_van, geprobeerd = o["leervraag"], o["vraag_van"], o["al_geprobeerd"]
    if leervraag is None and interactief:
        leervraag = _vraag("De hulp- of leervraag van de school (leeg als nog niet helder)", leeg=True) or None
        if leervraag and not vraag_van:
            from leersteun.terminal.checklist_ui import vraag_van_keuzes

            _console().print("Van wie komt de vraag?")
            vraag_van = [VraagVan(x) for x in vraag_van_keuzes(_console())]
        if leervraag and not geprobeerd:
            from leersteun.terminal.vragen import vraag_lijst

            geprobeerd = vraag_lijst(_console(), "Wat probeerde de school al uit?")
    elif leervraag is None:
        _geen_effect("ze horen bij de hulp- of leervraag: geef ook --leervraag", {"--vraag-van": vraag_van, "--al-geprobeerd": geprobeerd})
    return leervraag, [x.value for x in vraag_van or []], list(geprobeerd or [])


@opdracht("lijst")
def lijst(
    fase: Annotated[list[Fase] | None, typer.Option(help="Alleen deze fase (mag meermaals).")] = None,
    school: Annotated[str | None, typer.Option(help="Alleen scholen waarvan de naam dit bevat.")] = None,
    ondersteuner: Annotated[str | None, typer.Option(help="Alleen dossiers van deze ondersteuner ('geen' voor niet toegewezen).")] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    anoniem: Annotated[bool, typer.Option("--anoniem", help="Leerlingen als initialen.")] = False,
) -> None:
    """Toon de dossiers, gefilterd op fase, school of ondersteuner."""
    from leersteun.outputs.weergave import lijst_rij
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vandaag
    from leersteun.reading.snel import uitkomsten

    map_ = _dossiermap()
    ctx = dossiers.context(vandaag(), dossiers.instellingen(map_))  # a broken leersteun.yaml stops here, with its position
    met_fouten: list = []
    geldig = list(uitkomsten(map_, ctx, lambda _pad, d: lijst_rij(d, anoniem), met_fouten))  # on every core for a large folder
    _anoniem_volledig(anoniem, met_fouten)
    fasen = {f.value for f in fase or []}
    gekozen = dossiers.kies_uit(geldig, fasen, school, ondersteuner)
    if als_json:
        import json

        print(json.dumps(gekozen, ensure_ascii=False, indent=2))
    else:
        from leersteun.outputs.weergave import lijst_tabel

        console = _console()
        if gekozen:
            console.print(lijst_tabel(gekozen, console.width))
        meervoud = "dossier" if len(geldig) == 1 else "dossiers"
        filter_ = fasen or school or ondersteuner
        console.print(f"{len(gekozen)} van {len(geldig)} {meervoud}." if filter_ else f"{len(gekozen)} {meervoud}.")
    _meld_ongeldige(met_fouten)


@opdracht("toon")
def toon_(
    dossier: DossierArg,
) -> None:
    """Toon één dossier, leesbaar."""
    from leersteun.outputs.weergave import toon_dossier
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vandaag

    map_ = _dossiermap()
    inst = dossiers.instellingen(map_)
    ctx = dossiers.context(vandaag(), inst)
    gevonden = dossiers.open_dossier(map_, dossier, ctx)
    assert gevonden.dossier is not None
    from leersteun.rules.schoolkalender import Schoolkalender

    _console().print(toon_dossier(gevonden.dossier, ctx.vandaag, Schoolkalender.van(inst)))
    for b in gevonden.bevindingen:
        print(b.als_tekst(), file=sys.stderr)


@opdracht("valideer")
def valideer(
    paden: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PAD...", help="Dossiers of mappen (standaard: leersteun.yaml en alle dossiers).", show_default=False),
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    streng: Annotated[bool, typer.Option("--streng", help="Waarschuwingen tellen als fouten (voor een pre-commit hook).")] = False,
) -> None:
    """Controleer dossiers en leersteun.yaml; toont pad:regel:kolom: boodschap."""
    from leersteun.reading import validatie

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
        from leersteun.core.errors import NietGoedgekeurd

        raise NietGoedgekeurd()
