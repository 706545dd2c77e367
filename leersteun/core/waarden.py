"""The listed values of the case format (the contract), as plain enums.

Kept free of pydantic so that the CLI can offer them as choices without slowing down
`leersteun --help`.
"""

from __future__ import annotations

from enum import StrEnum


class Niveau(StrEnum):
    kleuter = "kleuter"
    lager = "lager"
    secundair = "secundair"


class VerslagSoort(StrEnum):
    GC = "GC"
    IAC = "IAC"
    OV4 = "OV4"


class Fase(StrEnum):
    aanmelding = "aanmelding"
    opstart = "opstart"
    ondersteuning = "ondersteuning"
    afgesloten = "afgesloten"
    heropstart = "heropstart"


class Vorm(StrEnum):
    regulier = "regulier"
    light = "light"
    medium = "medium"
    nieuw = "nieuw"


class Beslissing(StrEnum):
    verderzetten = "verderzetten"
    afsluiten = "afsluiten"


class Reden(StrEnum):
    doelen_bereikt = "doelen_bereikt"
    opname = "opname"
    geen_leersteun_gewenst = "geen_leersteun_gewenst"
    andere_school = "andere_school"
    stopt_met_school = "stopt_met_school"
    overgang_secundair = "overgang_secundair"
    overgang_hoger = "overgang_hoger"
    andere_typologie = "andere_typologie"
    andere = "andere"


class Herorientering(StrEnum):
    """Where an evaluation reorients the pupil (seed 002: the CLB takes part)."""

    ander_niveau = "ander_niveau"
    buitengewoon_onderwijs = "buitengewoon_onderwijs"


class Domein(StrEnum):
    socio_emotioneel = "socio-emotioneel"
    motorisch = "motorisch"
    cognitief = "cognitief"


class Periode(StrEnum):
    tijdelijk = "tijdelijk"
    blijvend = "blijvend"


class JaDeelsNee(StrEnum):
    ja = "ja"
    deels = "deels"
    nee = "nee"


class VraagVan(StrEnum):
    leerkracht = "leerkracht"
    zorg = "zorg"
    ouders = "ouders"
    clb = "clb"
    directie = "directie"
    andere = "andere"


class Partner(StrEnum):
    PBD = "PBD"
    CLB = "CLB"
    CGGZ = "CGGZ"
    andere = "andere"


class AnalyseMet(StrEnum):
    ondersteuner = "ondersteuner"
    clb = "clb"


class Uitkomst(StrEnum):
    heropstart = "heropstart"
    geen_heropstart = "geen_heropstart"


class Rol(StrEnum):
    ankerpersoon = "ankerpersoon"
    ondersteuner = "ondersteuner"
    coordinator = "coördinator"


class BetrokkeneRol(StrEnum):
    """The people around a case besides the team's own (seed 002)."""

    klasleerkracht = "klasleerkracht"
    zorgcoordinator = "zorgcoordinator"
    directie = "directie"
    ouders = "ouders"
    clb = "clb"
    andere = "andere"


class OverlegRol(StrEnum):
    """Who took part in a meeting: the betrokkenen's roles, the team's, and the pupil."""

    klasleerkracht = "klasleerkracht"
    zorgcoordinator = "zorgcoordinator"
    directie = "directie"
    ouders = "ouders"
    clb = "clb"
    ondersteuner = "ondersteuner"
    ankerpersoon = "ankerpersoon"
    vorige_ondersteuner = "vorige_ondersteuner"
    leerling = "leerling"
    andere = "andere"


class OverlegSoort(StrEnum):
    opstartgesprek = "opstartgesprek"
    evaluatiegesprek = "evaluatiegesprek"
    school_clb = "school-clb"
    overdracht = "overdracht"
    observatie = "observatie"
    andere = "andere"


class Typologie(StrEnum):
    basisaanbod = "basisaanbod"
    type_2 = "type 2"
    type_3 = "type 3"
    type_4 = "type 4"
    type_6 = "type 6"
    type_7 = "type 7"
    type_9 = "type 9"


# Seed 003: types 4, 6 and 7 go to the specific leersteuncentrum.
STANDAARD_ONDERSTEUND: list[Typologie] = [t for t in Typologie if t not in (Typologie.type_4, Typologie.type_6, Typologie.type_7)]


class DiplonStap(StrEnum):
    circqel = "circqel"
    inzage = "inzage"
    evaluatie = "evaluatie"
    afsluiting = "afsluiting"
    heropend = "heropend"


ROL_TEKST = {
    "klasleerkracht": "klasleerkracht",
    "zorgcoordinator": "zorgcoördinator",
    "directie": "directie",
    "ouders": "ouders",
    "clb": "CLB-medewerker",
    "andere": "andere",
    "ondersteuner": "ondersteuner",
    "ankerpersoon": "ankerpersoon",
    "vorige_ondersteuner": "vorige ondersteuner",
    "leerling": "leerling",
}

OVERLEG_TEKST = {
    "opstartgesprek": "opstartgesprek",
    "evaluatiegesprek": "evaluatiegesprek",
    "school-clb": "overleg school en CLB",
    "overdracht": "overdracht tussen ondersteuners",
    "observatie": "observatie",
    "andere": "overleg",
}


# The process questions of a goal's evaluation (seed 004, bijlage 6: the intended effects of the
# redelijke aanpassing, behouden, bijsturen, bannen, breder inzetten, nieuwe afspraken), in one
# place for the command's options, the prompts and the goal sheet: field, question on the
# terminal, help of the option, heading on the sheet.
PROCES_VRAGEN = (
    (
        "beoogde_effecten",
        "Welke effecten beogen we met de redelijke aanpassing, voor de te bereiken doelen",
        "Evaluatie: welke effecten beogen we met de redelijke aanpassing?",
        "Dit willen we bereiken met de aanpassing",
    ),
    ("behouden", "Wat behouden we", "Evaluatie: wat behouden we?", "Dit behouden we"),
    ("bijsturen", "Waar sturen we bij", "Evaluatie: waar sturen we bij?", "Hier sturen we bij"),
    ("bannen", "Wat bannen we", "Evaluatie: wat bannen we?", "Dit laten we los"),
    ("breder_inzetten", "Wat zetten we breder in, voor alle leerlingen", "Evaluatie: wat zetten we breder in?", "Dit doen we voor de hele klas"),
    ("nieuwe_afspraken", "Welke nieuwe afspraken maken we", "Evaluatie: welke nieuwe afspraken?", "Nieuwe afspraken"),
)
PROCES = {veld: (vraag, hulp, kop) for veld, vraag, hulp, kop in PROCES_VRAGEN}
