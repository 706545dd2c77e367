"""Pydantic models of a case (dossier) and of the case folder settings (leersteun.yaml).

The keys and listed values of `voorbeeld-dossier.yaml` and `voorbeeld-leersteun.yaml` are
a contract: fields may be added, never renamed. Unknown keys are refused (a typo must not
silently lose data). This module knows nothing about files: rules that need positions
or several fields at once live in `checks.py`.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from leersteun.core.tekst import onbetrouwbaar, teken_uitleg
from leersteun.core.waarden import (  # noqa: E402 - the listed values live without pydantic
    STANDAARD_ONDERSTEUND,
    AnalyseMet,
    Beslissing,
    BetrokkeneRol,
    DiplonStap,
    Domein,
    Fase,
    Herorientering,
    JaDeelsNee,
    Niveau,
    OverlegRol,
    OverlegSoort,
    Partner,
    Periode,
    Reden,
    Rol,
    Typologie,
    Uitkomst,
    VerslagSoort,
    Vorm,
    VraagVan,
)

# ---------------------------------------------------------------------------- scalar types


def _veilig(waarde: Any) -> str:
    """A value as it may stand in a message: a lone surrogate (invalid text) shown escaped."""
    return str(waarde).encode("utf-8", "backslashreplace").decode("utf-8")[:80]


def schooljaar_van(datum: dt.date) -> str:
    """'2026-2027' for any date from 1 September 2026 to 31 August 2027."""
    begin = datum.year if datum.month >= 9 else datum.year - 1
    return f"{begin}-{begin + 1}"


EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100  # a date outside this range is a typing mistake


def _in_bereik(datum: dt.date) -> dt.date:
    if not EERSTE_JAAR <= datum.year <= LAATSTE_JAAR:
        raise PydanticCustomError(
            "datum_bereik",
            "{waarde} kan niet kloppen: een datum ligt tussen {van} en {tot}; controleer het jaar",
            {"waarde": datum.isoformat(), "van": EERSTE_JAAR, "tot": LAATSTE_JAAR},
        )
    return datum


def als_datum(value: Any) -> dt.date:
    if value.__class__ is dt.date and EERSTE_JAAR <= value.year <= LAATSTE_JAAR:  # the common case first
        return value
    if value.__class__ is dt.date:
        return _in_bereik(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0) and value.tzinfo is None:
            return _in_bereik(value.date())
        raise PydanticCustomError("datum", "verwacht een datum zonder uur, zoals 2024-09-12")
    if isinstance(value, dt.date):
        return _in_bereik(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        jaar, maand, dag = (int(p) for p in value.strip().split("-"))
        try:
            return _in_bereik(dt.date(jaar, maand, dag))
        except ValueError:
            from leersteun.core.tekst import bestaat_niet

            waarom = bestaat_niet(jaar, maand, dag) or "controleer dag en maand (JJJJ-MM-DD)"
            raise PydanticCustomError("datum", "'{waarde}' is geen bestaande datum: {waarom}", {"waarde": _veilig(value), "waarom": waarom}) from None
    raise PydanticCustomError("datum", "verwacht een datum als JJJJ-MM-DD, zoals 2024-09-12, niet '{waarde}'", {"waarde": _veilig(value)})


# Text that cannot be trusted is refused at the door: controls (\t and \n may stay in free
# text), the invisible format characters (soft hyphen, zero-width, bidi controls, BOM: all of
# Unicode category Cf), line separators, lone surrogates and noncharacters such as U+FFFF
# (`tekst.onbetrouwbaar`). A soft hyphen would make 'Lot\u00adte' a second pupil that a search
# for 'lotte' never finds.
MAX_TEKST = 5000
MAX_NAAM = 200


GEEN_GETALLEN = "geen_getallen"  # validation context of the fast read path (snel.py)


def _vertrouwd(value: str, regels: bool) -> None:
    """Refuse text with a character that cannot be trusted, naming it and where it is."""
    plek = onbetrouwbaar(value, regels)
    if plek is None:
        return
    teken = value[plek]
    if not regels and (teken in "\t\n" or unicodedata.category(teken) in ("Zl", "Zp")):
        raise PydanticCustomError("stuurteken", "een naam past op één regel, zonder tabs of regeleinden")
    voor = _veilig(value[:plek])[-30:]
    raise PydanticCustomError(
        "stuurteken",
        "bevat {teken}{waar}, een onzichtbaar of ongeldig teken; typ het opnieuw zonder dat teken",
        {"teken": teken_uitleg(teken), "waar": f" na '{voor}'" if voor else " vooraan"},
    )


def _tekst(value: Any, info: ValidationInfo) -> Any:
    if value.__class__ is str and value.isprintable() and len(value) <= MAX_TEKST:
        return value  # the common case first: isprintable() is False for every character `_vertrouwd` refuses
    # Free text: a bare number (klas: 5) is meant as text. The fast read path cannot tell how
    # the number was written (0017, 1_000), so there it sends the file to the round trip.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if info.context and info.context.get(GEEN_GETALLEN):
            raise PydanticCustomError("getal", "een getal als tekst: de round trip leest het zoals het er staat")
        return str(value)
    if isinstance(value, str):
        _vertrouwd(value, regels=True)
        if len(value) > MAX_TEKST:
            raise PydanticCustomError("lang", f"is te lang (meer dan {MAX_TEKST} tekens); hou het kort en leesbaar")
    return value


def _naam(value: Any) -> Any:
    if value.__class__ is str and value.isprintable() and len(value) <= MAX_NAAM and not value.isspace() and value:
        return value  # the common case first, as in _tekst
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("leeg", "mag niet leeg zijn: vul een naam in of schrijf null")
        _vertrouwd(value, regels=False)
        if len(value) > MAX_NAAM:
            raise PydanticCustomError("lang", f"is te lang voor een naam (meer dan {MAX_NAAM} tekens)")
    return value


def _ja_nee(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
        return value.strip().lower() == "ja"
    if not isinstance(value, bool):
        raise PydanticCustomError("janee", "verwacht true of false (of ja / nee), niet '{waarde}'", {"waarde": _veilig(value)})
    return value


def _lijst(value: Any) -> Any:
    # `vorige_ondersteuners:` with nothing after it means an empty list.
    return [] if value is None else value


def als_email(value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+", value.strip()):
        raise PydanticCustomError("email", "'{waarde}' is geen e-mailadres; schrijf het als naam@voorbeeld.be", {"waarde": _veilig(value)})
    return value.strip()


def als_contact(value: Any) -> Any:
    """A mail address or a phone number."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        tekst = value.strip()
        if "@" in tekst:
            return als_email(tekst)
        if re.fullmatch(r"\+?[0-9][0-9 ./()-]{5,24}", tekst):
            return tekst
    raise PydanticCustomError(
        "contact",
        "'{waarde}' is geen e-mailadres of telefoonnummer; schrijf het als naam@school.be of 014 12 34 56",
        {"waarde": _veilig(value)},
    )


def als_schooljaar(value: Any) -> Any:
    """A school year as 2026-2027 (1 September to 31 August)."""
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", value.strip())
        if m and int(m.group(2)) == int(m.group(1)) + 1 and 1990 <= int(m.group(1)) <= 2100:
            return f"{m.group(1)}-{m.group(2)}"
    raise PydanticCustomError("schooljaar", "'{waarde}' is geen schooljaar; schrijf het als 2026-2027 (twee opeenvolgende jaren)", {"waarde": _veilig(value)})


Datum = Annotated[dt.date, BeforeValidator(als_datum)]
Contact = Annotated[str, BeforeValidator(als_contact)]
Schooljaar = Annotated[str, BeforeValidator(als_schooljaar)]


def _klas(value: Any, info: ValidationInfo) -> Any:
    # A class is text exactly as written: 5 is "5", but 5.10 or 1e3 would not come back as typed.
    if isinstance(value, float):
        raise PydanticCustomError(
            "klas", "zet de klas tussen aanhalingstekens, zoals '{waarde}', zodat ze blijft zoals je ze schreef", {"waarde": _veilig(value)}
        )
    return _naam(_tekst(value, info))


Klas = Annotated[str, BeforeValidator(_klas)]
Tekst = Annotated[str, BeforeValidator(_tekst)]
Naam = Annotated[str, BeforeValidator(_naam)]
JaNee = Annotated[bool, BeforeValidator(_ja_nee)]
Email = Annotated[str, BeforeValidator(als_email)]

ID_PATROON = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"
_ID = re.compile(ID_PATROON)


def _case_id(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, str) and not _ID.fullmatch(value):
        raise PydanticCustomError(
            "id",
            "'{waarde}' is geen geldige id: gebruik letters, cijfers en - _ . (geen spaties of /), zoals KLM-2024-017",
            {"waarde": _veilig(value)},
        )
    return _tekst(value, info)


CaseId = Annotated[str, BeforeValidator(_case_id)]
EntryId = CaseId  # the id of a list entry (a meeting, an evaluation, a person, a measure)


_T = typing.TypeVar("_T")
Lijst = Annotated[list[_T], BeforeValidator(_lijst), Field(default_factory=list)]  # Lijst[Doel]: a list, empty when absent


# ---------------------------------------------------------------------------- case


class Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False, defer_build=True)


class Leerling(Basis):
    voornaam: Naam
    naam: Naam
    geboortedatum: Datum | None = None
    klas: Klas
    klas_schooljaar: Schooljaar | None = None  # the school year in which `klas` was last confirmed
    niveau: Niveau

    @property
    def volledige_naam(self) -> str:
        return f"{self.voornaam} {self.naam}"


class School(Basis):
    naam: Naam
    gemeente: Tekst | None = None


class Verslag(Basis):
    soort: VerslagSoort
    datum: Datum
    typologie: Typologie | None = None
    zichtbaar_in_diplon: JaNee = False
    ontbindende_voorwaarde: Datum | None = None
    ontbindende_voorwaarde_beslist: Datum | None = None  # when the school decided (GC or IAC/OV4)


class Traject(Basis):
    vorm: Vorm
    start: Datum
    einde: Datum | None = None
    frequentie: Tekst | None = None
    intensiteit: Tekst | None = None
    duur: Tekst | None = None  # the duration agreed at the start (seed 003), as said: 'tot de kerstvakantie'
    evaluatie_op: Lijst[Datum]
    notitie: Tekst | None = None

    @property
    def lopend(self) -> bool:
        return self.einde is None


class Gebeurtenis(Basis):
    datum: Datum
    fase: Fase
    door: Naam
    notitie: Tekst | None = None


class Antwoord(Basis):
    antwoord: JaDeelsNee | None = None
    toelichting: Tekst | None = None


VIER_VRAGEN = ("doelen_concreet", "doelen_context", "gedragen", "zorgcontinuum_fase_2_3")


class VierVragen(Basis):
    """The four questions asked of every support after four months (seed 000)."""

    doelen_concreet: Antwoord | None = None
    doelen_context: Antwoord | None = None
    gedragen: Antwoord | None = None
    zorgcontinuum_fase_2_3: Antwoord | None = None
    toelichting: Tekst | None = None

    @property
    def volledig(self) -> bool:
        return all(getattr(self, k) is not None and getattr(self, k).antwoord is not None for k in VIER_VRAGEN)


class Evaluatie(Basis):
    datum: Datum
    beslissing: Beslissing
    reden: Reden | None = None
    wat_neemt_school_mee: Tekst | None = None
    kansen: Tekst | None = None
    vier_vragen: VierVragen | None = None
    volgende: Lijst[Datum]  # the evaluation moments this evaluation planned (it does none of them)
    met: Lijst[OverlegRol]  # who took part (seed 001, 003: the partners)
    afgesproken_met: Lijst[OverlegRol]  # who agreed how, when and with whom (seed 001: school and ankerpersoon)
    verdere_leersteun: JaNee | None = None  # lager→secundair: is further support needed (seed 003)
    herorientering: Herorientering | None = None  # towards another level or buitengewoon onderwijs (seed 002)
    clb_uitnodiging: Tekst | None = None  # the CLB invited at a knipperlicht moment, with its clear goal (seed 002)
    notitie: Tekst | None = None
    door: Naam | None = None
    id: EntryId | None = None  # tells this entry apart in a merge; written by leersteun


class Betrokkene(Basis):
    rol: BetrokkeneRol
    naam: Naam
    contact: Contact | None = None
    notitie: Tekst | None = None
    id: EntryId | None = None  # tells this entry apart in a merge; written by leersteun


class Overleg(Basis):
    datum: Datum
    soort: OverlegSoort
    met: Lijst[OverlegRol]
    notitie: Tekst | None = None
    volgende: Datum | None = None  # the next meeting of this kind that was planned
    door: Naam | None = None
    id: EntryId | None = None  # tells this entry apart in a merge; written by leersteun


GELUKT_TEKST = {"ja": "lukte", "deels": "lukte deels", "nee": "lukte niet"}


class Geprobeerd(Basis):
    """What was already tried (seed 002: "afstemmen wat er al uitgeprobeerd werd: wat lukte
    (niet), redenen"). A line of plain text in the file is the `wat` alone."""

    wat: Tekst
    gelukt: JaDeelsNee | None = None
    waarom: Tekst | None = None

    def __str__(self) -> str:
        """'Planningsschema: lukte niet (hij verloor het blad)'."""
        oordeel = GELUKT_TEKST[self.gelukt.value] if self.gelukt else None
        if oordeel is None and self.waarom is None:
            return self.wat
        wat, waarom = self.wat.rstrip("."), f" ({self.waarom.rstrip('.')})" if self.waarom else ""
        return f"{wat}: {oordeel}{waarom}" if oordeel else f"{wat}{waarom}"


def _geprobeerd(waarde: Any) -> Any:
    return {"wat": waarde} if isinstance(waarde, str) else waarde


class Leervraag(Basis):
    """The hulp- or leervraag at the start (seed 002, 003): what, from whom, what was tried."""

    vraag: Tekst | None = None
    van: Lijst[VraagVan]
    al_geprobeerd: Lijst[Annotated[Geprobeerd, BeforeValidator(_geprobeerd)]]


class DiplonGedaan(Basis):
    stap: DiplonStap
    datum: Datum
    door: Naam | None = None


class Maatregel(Basis):
    wat: Tekst
    beoogd_effect: Tekst | None = None
    periode: Periode | None = None
    wie: Tekst | None = None
    waar: Tekst | None = None  # klas, speelplaats, … (seed 004: wie, wat, waar, wanneer, hoe)
    wanneer: Tekst | None = None
    hoe: Tekst | None = None
    evaluatie_op: Datum | None = None
    evaluatie_elke_weken: int | None = Field(default=None, ge=1, le=52)  # a blijvende maatregel reviewed again and again
    id: EntryId | None = None  # tells this entry apart in a merge; written by leersteun


class DoelEvaluatie(Basis):
    datum: Datum
    bereikt: JaDeelsNee
    beoogde_effecten: Tekst | None = None  # seed 004, the first process question: the effects of the redelijke aanpassing
    behouden: Tekst | None = None
    bijsturen: Tekst | None = None
    bannen: Tekst | None = None
    breder_inzetten: Tekst | None = None
    nieuwe_afspraken: Tekst | None = None
    door: Naam | None = None
    id: EntryId | None = None  # tells this entry apart in a merge; written by leersteun


class DomeinFactoren(Basis):
    stimulerend: Lijst[Tekst]
    belemmerend: Lijst[Tekst]


class Beeldvorming(Basis):
    """Bijlage 2 of seed 004: the picture of the pupil before priority goals are chosen."""

    datum: Datum | None = None
    reden: Tekst | None = None  # why this pupil is signalled here and now
    zorgen: Tekst | None = None  # what the school runs into now, what it worries about
    observaties: Lijst[Tekst]  # relevant observations and conversations
    toetsgegevens: Lijst[Tekst]  # analyses of relevant test data
    domeinen: dict[Domein, DomeinFactoren] = Field(default_factory=dict)
    interesses: Lijst[Tekst]  # strengths and interests to build on
    ondersteunende_figuren: Lijst[Tekst]  # supporting persons and factors


class Doel(Basis):
    id: CaseId
    domein: Domein
    omschrijving: Tekst
    leerplandoel: Tekst | None = None  # the leerplandoel or eindterm the goal serves (bijlage 6)
    specifiek: Tekst | None = None
    meetbaar: Tekst | None = None
    acceptabel: Tekst | None = None
    realistisch: Tekst | None = None
    start: Datum | None = None
    einde: Datum | None = None
    onderwijsbehoeften: Lijst[Tekst]
    ondersteuningsbehoeften: Lijst[Tekst]
    maatregelen: Lijst[Maatregel]
    evaluaties: Lijst[DoelEvaluatie]


class AnderePartner(Antwoord):
    """Question 4 as the case file keeps it (the contract): 'ja' = another partner fits better
    (refer elsewhere), `partner`: which one. The terminal, the PDF and the mail ask and show it
    as seed 000 does, the other way round (`binnen_opdracht`). `andere_partners` (added by
    issue 27): the checklist's central question, the partners who can (also) meet the request."""

    partner: Partner | None = None
    andere_partners: Lijst[Partner]

    @property
    def binnen_opdracht(self) -> JaDeelsNee | None:
        """The answer as seed 000 asks it: 'ja' = the needs lie within the network's task."""
        return OMGEKEERD[self.antwoord] if self.antwoord is not None else None

    @property
    def partners(self) -> list[Partner]:
        """The answer to the central question; an older answer names only the `partner`."""
        return [*self.andere_partners, *([self.partner] if self.partner and self.partner not in self.andere_partners else [])]


class BinnenOpdracht(Antwoord):
    """Question 4 in the seed's wording ('ja' = the needs lie within the network's task), as an
    answers file may give it. In a case file it was written only by 85eedc4: read as
    `andere_partner`, turned round, and never written again."""

    andere_partners: Lijst[Partner]

    def als_andere_partner(self) -> AnderePartner:
        """The contract's question 4: the answer turned round; the partner that fits better is
        the first one named when the needs lie (partly) outside the network's task."""
        antwoord = OMGEKEERD[self.antwoord] if self.antwoord is not None else None
        verwijs = antwoord in (JaDeelsNee.ja, JaDeelsNee.deels) and self.andere_partners
        return AnderePartner(
            antwoord=antwoord,
            partner=self.andere_partners[0] if verwijs else None,
            toelichting=self.toelichting,
            andere_partners=list(self.andere_partners),
        )


OMGEKEERD = {JaDeelsNee.ja: JaDeelsNee.nee, JaDeelsNee.deels: JaDeelsNee.deels, JaDeelsNee.nee: JaDeelsNee.ja}


class WerkbareLeervraag(Antwoord):
    leervraag: Tekst | None = None


class Factoren(Basis):
    leerling: Lijst[Tekst]
    leerkracht: Lijst[Tekst]
    school: Lijst[Tekst]


class Checklist(Basis):
    vraag_van: list[VraagVan] | None = None
    factoren: Factoren | None = None
    succesfactoren_toegepast: Antwoord | None = None
    andere_partner: AnderePartner | None = None  # question 4; the terminal asks it the other way round (seed 000)
    # question 4 in the seed's wording, as 85eedc4 wrote it: read as `andere_partner`, never written
    binnen_opdracht: BinnenOpdracht | None = Field(default=None, exclude=True)
    werkbare_leervraag: WerkbareLeervraag | None = None
    doelen_concreet: Antwoord | None = None
    doelen_context: Antwoord | None = None
    gedragen: Antwoord | None = None
    zorgcontinuum_fase_2_3: Antwoord | None = None

    @model_validator(mode="after")
    def _vraag_4_in_het_contract(self) -> Checklist:
        """Question 4 in the seed's wording (`binnen_opdracht`) is read as the contract's
        `andere_partner`, its answer turned round."""
        seed = self.binnen_opdracht
        if seed is None:
            return self
        if self.andere_partner is not None:
            raise PydanticCustomError(
                "vraag_4",
                "vraag 4 staat er twee keer: andere_partner ('ja' = een andere partner past beter) en "
                "binnen_opdracht ('ja' = de noden horen bij leersteun); laat er één staan",
            )
        self.andere_partner = seed.als_andere_partner()
        self.binnen_opdracht = None
        return self


class Mail(Basis):
    aangemaakt: Datum
    bestand: Tekst
    verstuurd: Datum | None = None


class Toewijzing(Basis):
    datum: Datum
    ondersteuner: Naam
    zelfde_als_vorige: JaNee = False
    overdracht_van: Naam | None = None
    vorm: Vorm | None = None


class Heropstart(Basis):
    gestart: Datum
    analyse_met: AnalyseMet | None = None
    analyse_reden: Tekst | None = None  # why the analysis is not with whom leersteun proposed
    ingevuld_door: Naam | None = None  # who completed the checklist (named on its PDF)
    checklist: Checklist | None = None
    uitkomst: Uitkomst | None = None
    beslist: Datum | None = None  # the day of the outcome (older files: none)
    motivatie: Tekst | None = None
    mail: Mail | None = None
    toewijzing: Toewijzing | None = None


class Dossier(Basis):
    id: CaseId
    vorig_dossier: CaseId | None = None  # the earlier case of this pupil (nieuw --vanuit)
    volgend_dossier: CaseId | None = None  # the case that followed (a new school, secundair)
    leerling: Leerling
    school: School
    verslag: Verslag
    vorige_verslagen: Lijst[Verslag]
    fase: Fase
    ankerpersoon: Naam | None = None
    ondersteuner: Naam | None = None
    vorige_ondersteuners: Lijst[Naam]
    clb_medewerker: Naam | None = None
    betrokkenen: Lijst[Betrokkene]
    leervraag: Leervraag | None = None
    trajecten: Lijst[Traject]
    geschiedenis: Lijst[Gebeurtenis]
    overleggen: Lijst[Overleg]
    evaluaties: Lijst[Evaluatie]
    diplon: Lijst[DiplonGedaan]
    beeldvorming: Beeldvorming | None = None
    doelen: Lijst[Doel]
    heropstarts: Lijst[Heropstart]

    @property
    def lopend_traject(self) -> Traject | None:
        return self.trajecten[-1] if self.trajecten and self.trajecten[-1].lopend else None

    @property
    def laatste_heropstart(self) -> Heropstart | None:
        return self.heropstarts[-1] if self.heropstarts else None

    @property
    def huidige_doelen(self) -> list[Doel]:
        """The goals of the current support. After a heropstart with a new traject (vorm nieuw)
        the goals set before it belong to the earlier support."""
        if len(self.trajecten) < 2 or self.trajecten[-1].vorm != Vorm.nieuw:
            return list(self.doelen)
        vorige = self.trajecten[-2]
        grens = vorige.einde or vorige.start
        return [g for g in self.doelen if g.start is None or g.start > grens]

    def betrokkene(self, rol: str) -> list[Betrokkene]:
        return [b for b in self.betrokkenen if b.rol == rol]


# ---------------------------------------------------------------------------- settings


class Coordinatie(Basis):
    email: Email


class Afzender(Basis):
    naam: Naam
    email: Email


class Smtp(Basis):
    host: Naam
    poort: int = Field(default=587, ge=1, le=65535)
    starttls: JaNee = True
    gebruiker: Tekst | None = None


class Teamlid(Basis):
    naam: Naam
    rol: Rol
    email: Email | None = None


class CapaciteitSchool(Basis):
    naam: Naam
    leerlingen: int = Field(ge=0, le=1_000_000)
    verslagen_gemiddeld: float = Field(ge=0, le=100_000, allow_inf_nan=False)


class Capaciteit(Basis):
    trajecten_totaal: int = Field(ge=0, le=1_000_000)
    scholen: Lijst[CapaciteitSchool]


class VrijeDag(Basis):
    """A school's own free day (pedagogische studiedag, facultatieve vakantiedag), or days
    from `datum` to `tot`: no deadline of its cases falls there (`schoolkalender`)."""

    datum: Datum
    tot: Datum | None = None
    omschrijving: Tekst | None = None


class VerslagOpSchool(Basis):
    """A pupil of the school with a (gemotiveerd) Verslag, known before any aanmelding, and who
    keeps the document where (seed 001: "per school een overzicht … van de aanwezige
    gemotiveerde verslagen en verslagen"; "waar en door wie")."""

    voornaam: Naam
    naam: Naam
    klas: Tekst | None = None
    soort: VerslagSoort | None = None  # GC: gemotiveerd verslag; IAC, OV4: verslag
    typologie: Typologie | None = None
    datum: Datum | None = None
    bewaard_door: Tekst | None = None  # a function: zorgcoördinator, secretariaat, …
    bewaard_waar: Tekst | None = None  # leerlingendossier, kast van de zorgcoördinator, …


class SchoolInstelling(Basis):
    """A school's standing contacts, taken over by every new case of that school."""

    naam: Naam
    gemeente: Tekst | None = None
    ankerpersoon: Naam | None = None  # the team's ankerpersoon for this school
    betrokkenen: Lijst[Betrokkene]
    vrije_dagen: Lijst[VrijeDag]  # besides the Flemish school calendar
    verslagen: Lijst[VerslagOpSchool]  # the register of Verslagen at the school (seed 001)


class Typologieen(Basis):
    ondersteund: list[Typologie] = Field(default_factory=lambda: list(STANDAARD_ONDERSTEUND))
    andere_naar: Naam | None = None  # the centre that takes the other typologies


class Instellingen(Basis):
    netwerk: Naam
    coordinatie: Coordinatie
    afzender: Afzender | None = None
    smtp: Smtp | None = None
    team: Lijst[Teamlid]
    capaciteit: Capaciteit | None = None
    commit: JaNee = False  # does a command commit the case it changed? (--commit / --geen-commit)
    bewaartermijn_jaren: int | None = Field(default=None, ge=1, le=100)  # for leersteun archief
    scholen: Lijst[SchoolInstelling]
    typologieen: Typologieen | None = None

    def school(self, naam: str) -> SchoolInstelling | None:
        return next((s for s in self.scholen if s.naam == naam), None)

    @property
    def ondersteunde_typologieen(self) -> list[Typologie]:
        return self.typologieen.ondersteund if self.typologieen else list(STANDAARD_ONDERSTEUND)

    @property
    def ander_centrum(self) -> str:
        naam = self.typologieen.andere_naar if self.typologieen else None
        return naam or "het specifieke leersteuncentrum"

    def teamnamen(self) -> set[str]:
        return {lid.naam for lid in self.team}


# ---------------------------------------------------------------------------- introspection


def _unwrap(annotation: Any) -> Any:
    """The model class (or None) behind Optional[...], list[...] and Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return None
            annotation = args[0]
        else:
            break
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def model_op(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (a pydantic error location)."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = _unwrap(field.annotation)
    return model
