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
    andere_typologie = "andere_typologie"
    andere = "andere"


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
