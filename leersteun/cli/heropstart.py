"""Commands of the heropstart: the checklist, the mail to coordination, the assignment."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from leersteun.cli.fouten import _console
from leersteun.cli.gemeen import (
    CommitOptie,
    DatumOptie,
    DoorOptie,
    DossierArg,
    KlasOptie,
    NieuwLidOptie,
    NotitieOptie,
    TochVormOptie,
    _afspraak,
    _datum_optie,
    _geen_effect,
    _ja_nee,
    _ondersteuner,
    _Sessie,
    _vraag,
    _wie,
)
from leersteun.cli.kern import opdracht
from leersteun.core import datums
from leersteun.core.waarden import (
    Fase,
    Vorm,
)

if TYPE_CHECKING:
    from leersteun.cli.gemeen import TerminalSessie


@opdracht("heropstart")
def heropstart_(
    dossier: DossierArg,
    antwoorden: Annotated[Path | None, typer.Option("--antwoorden", metavar="BESTAND", help="Vul de checklist in zonder vragen, uit een YAML-bestand.")] = None,
    opnieuw: Annotated[bool, typer.Option("--opnieuw", help="Begin de checklist opnieuw (na bevestiging).")] = False,
    ja: Annotated[bool, typer.Option("--ja", help="Met --opnieuw: bevestig zonder te vragen.")] = False,
    overleg_school_clb: Annotated[
        str | None, typer.Option("--overleg-school-clb", metavar="DATUM", help="Datum van het overleg tussen school en CLB (gevraagd als het ontbreekt).")
    ] = None,
    zelfde_school: Annotated[
        bool, typer.Option("--zelfde-school", help="Na afsluiten omdat de leerling stopte met school: de leerling komt terug naar dezelfde school.")
    ] = False,
    klas: "KlasOptie" = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """De checklist voor een heropstart: vraag per vraag, elk antwoord meteen bewaard."""
    from leersteun.editing import heropstart as hs
    from leersteun.rules import checklist as cl

    wie = _wie(door, datum, notitie)
    if not opnieuw:
        _geen_effect("--ja bevestigt alleen --opnieuw", {"--ja": ja})
    elif not ja and not _terminal():
        from leersteun.core.errors import GebruikFout

        raise GebruikFout("--opnieuw wist alle antwoorden van de checklist: bevestig dat met --ja (in een script). Er is niets gewijzigd.")
    sessie = _Sessie(dossier)
    gegeven = _lees_antwoorden(antwoorden)  # the whole answers file is checked before any change
    voorstel = None
    if gegeven is not None:  # with whom the school analyses, as leersteun proposes it (seed 000)
        voorstel = cl.voorstel_analyse(sessie.gelezen.dossier, _andere(sessie))
        hs.controleer_analyse(gegeven.analyse_met, voorstel, gegeven.analyse_reden)
    terminal = gegeven is None and _terminal()  # a script answers with --antwoorden, or only starts the heropstart
    gestart = _start_heropstart(sessie, wie, overleg_school_clb, notitie, vragen=terminal, zelfde_school=zelfde_school)
    if opnieuw and not _wis_antwoorden(sessie, ja):
        return
    _bevestig_klas(sessie, wie, klas, terminal)
    if gegeven is not None:
        sessie.bewaar(lambda data, dd: hs.vul_in(data, dd, wie, gegeven, voorstel))
        sessie.zeg()
        sessie.commit(commit, f"checklist heropstart ingevuld ({gegeven.uitkomst.value})", wie.door)
        return
    if not terminal:
        sessie.zeg()
        if gestart or opnieuw or klas is not None:
            sessie.commit(commit, "heropstart gestart" if gestart else "checklist heropstart", wie.door)
        print(_volgende_stap(sessie.gelezen.dossier))
        return
    _doorloop_checklist(sessie, wie, commit)


def _volgende_stap(d: Any) -> str:
    """Outside a terminal nothing is asked: where the checklist stands, and how to go on."""
    from leersteun.rules import checklist as cl

    h = d.laatste_heropstart
    if h is not None and h.uitkomst is not None:
        return f"De checklist van deze heropstart is al afgerond: {h.uitkomst.value.replace('_', ' ')}."
    open_ = len(cl.open_vragen(h.checklist if h is not None else None))
    stand = "De checklist is nog niet begonnen" if open_ == len(cl.VRAGEN) else f"De checklist is nog open: {open_} van {len(cl.VRAGEN)} vragen"
    return (
        f"{stand}. Er is hier geen terminal om de vragen te stellen: doorloop ze aan tafel met 'leersteun heropstart {d.id}' "
        f"in een terminal, of geef de antwoorden mee met 'leersteun heropstart {d.id} --antwoorden BESTAND'."
    )


def _andere(sessie: "TerminalSessie") -> list[Any]:
    """The other cases of the folder (who works at which school)."""
    from leersteun.reading import dossiers as ds

    return [g.dossier for g in ds.alle(sessie.map, sessie.ctx) if g.dossier is not None]


def _lees_antwoorden(antwoorden: Path | None) -> Any:
    from leersteun.core.errors import OngeldigBestand
    from leersteun.editing import heropstart as hs
    from leersteun.files.schijf import toon
    from leersteun.files.store import lees
    from leersteun.rules.checks import valideer_model

    if antwoorden is None:
        return None
    gegeven, bevindingen = valideer_model(lees(antwoorden), hs.antwoorden_model())
    if gegeven is None:
        raise OngeldigBestand(toon(antwoorden), bevindingen)
    return gegeven


def _start_heropstart(
    sessie: "TerminalSessie", wie: Any, overleg_school_clb: str | None, notitie: str | None, vragen: bool, zelfde_school: bool = False
) -> bool:
    """From afgesloten to heropstart, after the meeting of school and CLB (asked in a terminal
    when missing, refused elsewhere); after `stopt_met_school` only for a pupil back at the same
    school (asked in a terminal). True when the heropstart started now."""
    from leersteun.core.errors import Fout
    from leersteun.core.waarden import OverlegSoort, Reden
    from leersteun.editing.trajectory import overleg_sinds, start_heropstart
    from leersteun.rules.afsluiting import afgesloten_op, afsluitreden, kan_heropstarten

    d = sessie.gelezen.dossier
    if d.fase == Fase.heropstart:
        uitleg = f"de heropstart van {d.id} is al gestart; het overleg en de notitie horen bij de start"
        _geen_effect(uitleg, {"--overleg-school-clb": overleg_school_clb, "--notitie": notitie, "--zelfde-school": zelfde_school})
        return False
    if d.fase != Fase.afgesloten:
        raise Fout(f"Dossier {d.id} staat in fase {d.fase}; een heropstart kan alleen vanuit afgesloten.")
    gestopt = afsluitreden(d) == Reden.stopt_met_school
    if not gestopt:
        _geen_effect("--zelfde-school hoort bij een dossier dat afgesloten werd omdat de leerling stopte met school", {"--zelfde-school": zelfde_school})
    if gestopt and not zelfde_school and vragen:
        zelfde_school = _ja_nee(f"Komt {d.leerling.voornaam} terug naar dezelfde school ({d.school.naam}, {d.leerling.niveau.value})?")
    waarom = kan_heropstarten(d, zelfde_school)
    if waarom:
        raise Fout(waarom)
    overleg = _datum_optie(overleg_school_clb, "--overleg-school-clb")
    if overleg is None and overleg_sinds(d, OverlegSoort.school_clb, afgesloten_op(d)) is None:
        if not vragen:  # refused before anything is written, naming the option a script needs
            raise Fout(
                f"Een heropstart kan pas na een overleg tussen school en CLB, en dat staat niet in dossier {d.id}. Geef de datum "
                f"mee met --overleg-school-clb DATUM (zoals --overleg-school-clb 20-11-2026), of noteer het eerst met "
                f"'leersteun overleg {d.id} --soort school-clb --datum DATUM'. Er is niets gewijzigd."
            )
        overleg = _vraag_overleg(wie.datum, afgesloten_op(d))
    sessie.bewaar(lambda data, dd: start_heropstart(data, dd, wie, overleg, zelfde_school))
    print(f"Heropstart gestart voor {d.id}, na het overleg tussen school en CLB.")
    return True


def _vraag_overleg(heropstart: Any, afgesloten: Any) -> Any:
    """The day of the overleg between school and CLB, asked again (with the reason) when it
    lies after the heropstart or before the closing."""
    from leersteun.reading.folder import vandaag
    from leersteun.terminal.vragen import vraag_datum

    def controle(dag: Any) -> str | None:
        if dag > heropstart:
            wanneer = "in de toekomst" if dag > vandaag() else f"na de heropstart ({datums.kort(heropstart)})"
            return f"{datums.kort(dag)} ligt {wanneer}: het overleg moet al plaatsgevonden hebben. Geef een datum tot en met {datums.kort(heropstart)}."
        if afgesloten is not None and dag < afgesloten:
            return f"{datums.kort(dag)} ligt vóór het afsluiten ({datums.kort(afgesloten)}): een heropstart vraagt een overleg daarna. Geef een datum vanaf {datums.kort(afgesloten)}."
        return None

    return vraag_datum(_console(), "Een heropstart kan pas na een overleg tussen school en CLB. Wanneer vond het plaats", controle=controle)


def _wis_antwoorden(sessie: "TerminalSessie", ja: bool) -> bool:
    """--opnieuw: clear the checklist after confirmation; False when the person said no."""
    from leersteun.editing import heropstart as hs

    if not ja and not _ja_nee("Alle antwoorden van deze checklist wissen en opnieuw beginnen?"):
        print("Er is niets gewijzigd.")
        return False
    sessie.bewaar(hs.opnieuw)
    sessie.zeg()
    return True


def _doorloop_checklist(sessie: "TerminalSessie", wie: Any, commit: bool | None) -> None:
    """The checklist on the terminal; after a heropstart, the offer to make the mail."""
    from leersteun.editing import heropstart as hs
    from leersteun.rules.model import Uitkomst
    from leersteun.terminal.checklist_ui import Bewaar, doorloop

    bewaar = Bewaar(
        analyse_met=lambda keuze, voorstel, reden: sessie.bewaar(lambda data, dd: hs.zet_analyse_met(data, dd, keuze, voorstel, reden)),
        antwoord=lambda sleutel, antwoord: sessie.bewaar(lambda data, dd: hs.zet_antwoord(data, dd, sleutel, antwoord)),
        uitkomst=lambda uitkomst, motivatie: sessie.bewaar(lambda data, dd: hs.beslis(data, dd, wie, uitkomst, motivatie)),
    )
    uitkomst = doorloop(_console(), sessie.gelezen, bewaar, _andere(sessie))
    sessie.zeg()
    sessie.commit(commit, f"checklist heropstart ({uitkomst.value if uitkomst else 'open'})", wie.door)
    h = sessie.gelezen.dossier.laatste_heropstart if sessie.gelezen.dossier else None
    if uitkomst == Uitkomst.heropstart and h is not None and h.mail is None:
        if _ja_nee("Nu de mail aan de coördinatie maken?", standaard=True):
            _maak_mail(sessie, wie)
            sessie.commit(commit, "vraag tot heropstart aangemaakt", wie.door)


def _bevestig_klas(sessie: "TerminalSessie", wie: Any, klas: str | None, vragen: bool, bewaar: bool = True) -> str | None:
    """The mail must name the pupil's class of now: warn when it was not confirmed in this
    school year, and ask for it (or take --klas). A class already confirmed for this school
    year is not changed without a yes in a terminal; elsewhere --klas with another class is
    refused (a script's --klas is as likely last year's as a real change). With `bewaar` the
    class is saved at once; without, it is returned, for the caller to save with the mail."""
    from leersteun.editing import schooljaar as sj
    from leersteun.reading.folder import vandaag
    from leersteun.rules import overgang as ov
    from leersteun.rules.model import schooljaar_van

    d = sessie.gelezen.dossier
    jaar = schooljaar_van(vandaag())
    if klas is None:
        waarschuwing = ov.klas_waarschuwing(d, vandaag())
        if waarschuwing is None:
            return None
        print(f"Let op: {waarschuwing}", file=sys.stderr)
        if not vragen:
            print("Geef de klas van nu mee met --klas KLAS.", file=sys.stderr)
            return None
        klas = _vraag(f"In welke klas zit {d.leerling.voornaam} nu?", standaard=d.leerling.klas)  # a prompt is plain text
    klas = _klas_van_nu(d, klas.strip(), jaar, vragen)
    if klas is None:
        return None
    if klas != d.leerling.klas and d.betrokkene("klasleerkracht"):
        namen = " en ".join(b.naam for b in d.betrokkene("klasleerkracht"))
        print(
            f"Let op: {namen} staat in het dossier (en in de mail) als klasleerkracht, misschien nog die van {d.leerling.klas}. "
            f"Klopt dat niet meer: 'leersteun betrokkene {d.id} --rol klasleerkracht --naam NAAM', en maak de mail opnieuw.",
            file=sys.stderr,
        )
    if not bewaar:
        return klas
    sessie.bewaar(lambda data, dd: sj.zet_klas(data, dd, wie, klas, jaar))
    sessie.zeg()
    return None


def _klas_van_nu(d: Any, klas: str, jaar: str, vragen: bool) -> str | None:
    """`klas` when it may be set; None to keep the class confirmed for this year (the person
    said no); refuses what is no class, and another class than the confirmed one outside a
    terminal."""
    from leersteun.core.errors import Fout
    from leersteun.editing import schooljaar as sj
    from leersteun.reading.folder import vandaag
    from leersteun.rules import overgang as ov

    waarom = sj.geen_klas(klas, sj.namen_van(d)) if klas else "ze is leeg"
    if waarom:
        raise Fout(f"'{klas}' is geen klas: {waarom}. Geef de klas zoals de school ze noemt, zoals --klas 6B. Er is niets gewijzigd.")
    if klas == d.leerling.klas or not ov.klas_bevestigd(d, vandaag()):
        return klas
    bevestigd = f"De klas van {d.leerling.volledige_naam} ({d.id}) is voor {jaar} al bevestigd: {d.leerling.klas}."
    if not vragen:
        raise Fout(
            f"{bevestigd} --klas {klas} zou die zonder vragen overschrijven; er is niets gewijzigd. Laat --klas weg (dan blijft "
            f"{d.leerling.klas}). Zit {d.leerling.voornaam} echt in een andere klas, voer de opdracht dan uit in een terminal (ze "
            f"vraagt het), of zet de klas met een klaslijst: 'leersteun schooljaar {jaar} --klassen BESTAND'."
        )
    if _ja_nee(f"{bevestigd} Zit {d.leerling.voornaam} nu echt in {klas}?", standaard=False):  # a prompt is plain text
        return klas
    print(f"De klas blijft {d.leerling.klas}.")
    return None


def _maak_mail(sessie: "TerminalSessie", wie: Any, klas: str | None = None) -> Any:
    """The .eml in out/ and its note in the case (with the class of now, when given), written
    as one change: a mail that fails changes nothing, and a note never names a missing file."""
    from leersteun.editing import heropstart as hs
    from leersteun.editing import schooljaar as sj
    from leersteun.editing.wijziging import Wijziging
    from leersteun.files.schijf import toon
    from leersteun.outputs import mail
    from leersteun.reading.dossiers import lees_geldig
    from leersteun.reading.folder import uitvoer_pad, vandaag
    from leersteun.rules.model import schooljaar_van

    dag = vandaag()
    gelezen = sessie.gelezen
    wijziging = Wijziging(sessie.map, f"mail voor {gelezen.id}")
    meldingen = []
    if klas is not None:
        meldingen = wijziging.bewerk(gelezen, sessie.ctx, lambda data, dd: sj.zet_klas(data, dd, wie, klas, schooljaar_van(dag)))
    d = gelezen.dossier
    bericht = mail.maak_bericht(d, sessie.instellingen, dag, sessie.map.pad)
    pad = uitvoer_pad(sessie.map, sessie.map.out / mail.bestandsnaam(d, dag))
    relatief = Path(os.path.relpath(pad, sessie.map.pad)).as_posix()
    wijziging.zet(pad, mail.als_bytes(bericht), pad.read_bytes() if pad.is_file() else None)
    wijziging.bewerk(gelezen, sessie.ctx, lambda data, dd: hs.noteer_mail(data, dd, dag, relatief))
    wijziging.uitvoeren()
    sessie.gelezen = lees_geldig(sessie.pad, sessie.ctx)
    for regel in meldingen:
        print(regel)
    print(f"Mail klaar: {toon(pad)} (aan {sessie.instellingen.coordinatie.email}).")
    print("Open het bestand in Outlook of Thunderbird om het na te lezen en te versturen, of gebruik --verstuur.")
    return bericht


@opdracht("mail")
def mail_(
    dossier: DossierArg,
    verstuur: Annotated[bool, typer.Option("--verstuur", help="Verstuur de mail via SMTP (na bevestiging).")] = False,
    ja: Annotated[bool, typer.Option("--ja", help="Met --verstuur: bevestig het versturen zonder te vragen.")] = False,
    verstuurd: Annotated[
        str | None, typer.Option("--verstuurd", metavar="DATUM", help="De mail is buiten leersteun verstuurd (Outlook, Thunderbird): noteer de datum.")
    ] = None,
    klas: "KlasOptie" = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Maak de vraag tot heropstart aan de coördinatie als .eml, met de checklist als PDF."""
    wie = _wie(door, None, None)
    if not verstuur:
        _geen_effect("--ja bevestigt alleen --verstuur", {"--ja": ja})
    if verstuurd is not None:  # a mail sent from Outlook: only the date is noted
        from leersteun.editing import heropstart as hs

        _geen_effect("--verstuurd noteert alleen dat de gemaakte mail verstuurd is", {"--verstuur": verstuur, "--klas": klas})
        dag = _datum_optie(verstuurd, "--verstuurd")
        sessie = _Sessie(dossier)
        sessie.bewaar(lambda data, dd: hs.markeer_verstuurd(data, dd, dag))
        sessie.zeg()
        sessie.commit(commit, "vraag tot heropstart verstuurd", wie.door)
        return
    sessie = _Sessie(dossier)
    _kan_mailen(sessie, verstuur)
    bericht = _maak_mail(sessie, wie, _bevestig_klas(sessie, wie, klas, _terminal(), bewaar=False))
    if verstuur and _verstuur(sessie, bericht, ja):
        sessie.commit(commit, "vraag tot heropstart verstuurd", wie.door)
    else:
        sessie.commit(commit, "vraag tot heropstart aangemaakt", wie.door)


def _wie_toewijzen(d: Any, voorstel: str | None) -> str:
    """No ONDERSTEUNER given: seed 000 proposes the ondersteuner the pupil already knows; a
    terminal asks (empty = the proposal), a script is told the proposal."""
    from leersteun.core.errors import GebruikFout

    kent = f"{voorstel}, die {d.leerling.voornaam} al kent" if voorstel else None
    if not _terminal():
        raise GebruikFout(
            "Geef de ondersteuner mee: "
            + (f"het voorstel is {kent}: 'leersteun toewijzen {d.id} \"{voorstel}\"'." if kent else f"'leersteun toewijzen {d.id} ONDERSTEUNER'.")
        )
    if kent:
        print(f"Voorstel: {kent} (de procedure: eerst de ondersteuner die de leerling kent).")
    return _vraag("Wie neemt de heropstart op", standaard=voorstel)


def _terminal() -> bool:
    """Can leersteun ask a question here (a person at a terminal)?"""
    return sys.stdin.isatty()


def _kan_mailen(sessie: "TerminalSessie", verstuur: bool) -> None:
    """A mail needs a finished checklist with outcome heropstart; sending also needs SMTP and
    a question not sent before."""
    from leersteun.core.errors import Fout
    from leersteun.editing import heropstart as hs
    from leersteun.outputs import mail

    h = sessie.gelezen.dossier.laatste_heropstart
    if verstuur:
        if h is not None and h.mail is not None and h.mail.verstuurd is not None:
            raise Fout(f"Deze vraag is al verstuurd op {datums.kort(h.mail.verstuurd)}; er is niets opnieuw verstuurd.")
        mail.afzender(sessie.instellingen)
        if sessie.instellingen.smtp is None:
            raise Fout("Er staan geen SMTP-gegevens in leersteun.yaml (smtp: host, poort, starttls, gebruiker).")
    if h is None or h.uitkomst != hs.Uitkomst.heropstart:
        raise Fout(
            f"Voor dossier {sessie.gelezen.id} is er geen afgeronde checklist met uitkomst heropstart; "
            f"doorloop eerst 'leersteun heropstart {sessie.gelezen.id}'."
        )


def _verstuur(sessie: "TerminalSessie", bericht: Any, ja: bool) -> bool:
    """Send after confirmation and note when; False when the person said no."""
    from leersteun.editing import heropstart as hs
    from leersteun.outputs import mail
    from leersteun.reading.folder import vandaag

    smtp = sessie.instellingen.smtp
    assert smtp is not None  # _kan_mailen refused before: a mail is sent only with SMTP settings
    if not ja:
        if not _ja_nee(f"Versturen naar {sessie.instellingen.coordinatie.email} via {smtp.host}?"):
            print("Niet verstuurd; de mail staat klaar in out/.")
            return False
    mail.verstuur(bericht, sessie.instellingen)
    dag = vandaag()
    sessie.bewaar(lambda data, dd: hs.noteer_mail(data, dd, dag, None, verstuurd=dag))
    print(f"Verstuurd naar {sessie.instellingen.coordinatie.email}.")
    return True


@opdracht("toewijzen")
def toewijzen_(
    dossier: DossierArg,
    ondersteuner: Annotated[
        str | None,
        typer.Argument(
            metavar="[ONDERSTEUNER]",
            help="De ondersteuner, uit het team van leersteun.yaml ('els maes' is Els Maes); weggelaten: de ondersteuner die de leerling al kent wordt voorgesteld.",
            show_default=False,
        ),
    ] = None,
    vorm: Annotated[
        Vorm | None, typer.Option(help="light, medium of nieuw, als de vorm al gekozen is (anders later met 'leersteun fase').", show_default=False)
    ] = None,
    start: Annotated[str | None, typer.Option(metavar="DATUM", help="Met --vorm: start van het traject (standaard: --datum).")] = None,
    frequentie: Annotated[str | None, typer.Option(help="Met --vorm: afgesproken frequentie.")] = None,
    intensiteit: Annotated[str | None, typer.Option(help="Met --vorm: afgesproken intensiteit.")] = None,
    evaluatie_op: Annotated[
        list[str] | None, typer.Option("--evaluatie-op", metavar="DATUM", help="Met --vorm: evaluatiemoment (mag meermaals; light: standaard na 4 weken).")
    ] = None,
    corrigeer: Annotated[
        str | None, typer.Option("--corrigeer", metavar="REDEN", help="Wijs opnieuw toe na een verkeerde toewijzing; de reden komt in de geschiedenis.")
    ] = None,
    nieuw_lid: NieuwLidOptie = False,
    toch: TochVormOptie = None,
    datum: DatumOptie = None,
    notitie: NotitieOptie = None,
    commit: "CommitOptie" = None,
    door: DoorOptie = None,
) -> None:
    """Voor de coördinatie: wijs na een heropstart een ondersteuner toe (de vorm mag later), of corrigeer een toewijzing."""
    from leersteun.editing import heropstart as hs
    from leersteun.editing.instellingen import bewaar_samen
    from leersteun.reading.folder import vandaag
    from leersteun.rules.deadlines import deadlines

    wie = _wie(door, datum, notitie)
    if vorm is None:
        _geen_effect(
            "start, frequentie, intensiteit en evaluatiemomenten horen bij de keuze van de vorm (geef --vorm, of kies later met 'leersteun fase')",
            {"--start": start, "--frequentie": frequentie, "--intensiteit": intensiteit, "--evaluatie-op": evaluatie_op, "--toch": toch},
        )
    afspraak = _afspraak(vorm, start, frequentie, intensiteit, evaluatie_op, toch)
    sessie = _Sessie(dossier)
    from leersteun.rules.schoolkalender import Schoolkalender

    afspraak.kalender = Schoolkalender.van(sessie.instellingen)
    voorstel = hs.voorstel_toewijzing(sessie.gelezen.dossier, sessie.instellingen.teamnamen() if sessie.instellingen else set())
    if ondersteuner is None:  # the refusal comes first, as with a name: no proposal for a case that cannot be assigned
        (hs.controleer_correctie if corrigeer is not None else hs.controleer_toewijzing)(sessie.gelezen.dossier)
        ondersteuner = _wie_toewijzen(sessie.gelezen.dossier, voorstel)
    gekozen, erbij = _ondersteuner(sessie, ondersteuner, nieuw_lid, "ONDERSTEUNER")  # 'els maes' is Els Maes, as in leersteun.yaml
    if corrigeer is not None:  # a wrong assignment redone (engine: heropstart.corrigeer_toewijzing)
        bewaar_samen(sessie, lambda data, dd: hs.corrigeer_toewijzing(data, dd, wie, gekozen, corrigeer, vorm, afspraak), erbij)
    else:
        bewaar_samen(sessie, lambda data, dd: hs.toewijzen(data, dd, wie, gekozen, vorm, afspraak, voorstel), erbij)
    sessie.zeg()
    sessie.commit(commit, f"{'toewijzing gecorrigeerd' if corrigeer is not None else 'toegewezen'}{', ' + vorm.value if vorm else ''}", wie.door)
    for b in sessie.gelezen.bevindingen:
        print(b.als_tekst(), file=sys.stderr)
    from leersteun.rules.schoolkalender import Schoolkalender

    lijstje = deadlines(sessie.gelezen.dossier, vandaag(), Schoolkalender.van(sessie.instellingen))
    if lijstje:
        print("Deadlines:")
        for x in lijstje:
            print(f"  {datums.kort(x.datum)}  {x.omschrijving}")
