"""Validation as data: every check returns findings (path, line, column, message, severity).

Two layers:
- the schema (pydantic): types, listed values, unknown keys; its errors are translated to
  Dutch and placed on the line through ruamel's positions;
- the consistency rules: functions registered in `DOSSIER_REGELS`, each taking a valid
  `Dossier` and a `Context` and yielding `(loc, message, severity)`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from leersteun.core.errors import FOUT, WAARSCHUWING, Bevinding
from leersteun.rules.deadlines import MARGE
from leersteun.rules.model import (
    VIER_VRAGEN,
    Beslissing,
    Dossier,
    Fase,
    Instellingen,
    Niveau,
    OverlegSoort,
    Reden,
    Uitkomst,
    VerslagSoort,
    model_op,
)

if TYPE_CHECKING:  # the round trip (ruamel) is loaded only by whoever reads a file through it
    from leersteun.files.store import YamlBestand

Loc = tuple[Any, ...]
Melding = tuple[Loc, str, str]  # (loc, message, severity)


@dataclass
class Context:
    """What the rules may know besides the case itself."""

    vandaag: dt.date  # the command's today (`folder.vandaag`: LEERSTEUN_VANDAAG or the clock), never a default
    bestandsnaam: str | None = None  # file name without .yaml
    instellingen: Instellingen | None = None

    def voor(self, pad: Path) -> Context:
        """The same context for one case file (the rules compare its id with the file name)."""
        return Context(bestandsnaam=pad.stem, instellingen=self.instellingen, vandaag=self.vandaag)


# ---------------------------------------------------------------------------- schema


def _soort(waarde: Any) -> str:
    if waarde is None:
        return "niets (null)"
    if isinstance(waarde, bool):
        return f"'{str(waarde).lower()}'"
    if isinstance(waarde, (int, float)):
        return f"het getal {waarde}"
    if isinstance(waarde, str):
        return f"de tekst '{waarde}'"
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een groep sleutels"
    if isinstance(waarde, dt.date):
        return f"de datum {waarde.isoformat()}"
    return "een andere waarde"


def _keuzes(ctx: dict | None) -> str:
    verwacht = str((ctx or {}).get("expected", ""))
    return verwacht.replace(" or ", ", ").replace("'", "")


# An item of a list, as a person names it: 'school', 'verslag 1' (`leesbare_plek`).
_ENKELVOUD = {
    "scholen": "school", "verslagen": "verslag", "vorige_verslagen": "vorig verslag", "team": "teamlid", "betrokkenen": "betrokkene",
    "vrije_dagen": "vrije dag", "doelen": "doel", "evaluaties": "evaluatie", "overleggen": "overleg", "geschiedenis": "gebeurtenis",
    "heropstarts": "heropstart", "diplon": "stap in Diplon", "klassen": "klas",
}  # fmt: skip


def leesbare_plek(loc: tuple, data: Any) -> str:
    """Where a value stands, as a person reads it: ('scholen', 2, 'verslagen', 0) is "school
    'GO! Basisschool De Regenboog', verslag 1 (Jonas Peeters)", not 'scholen.2.verslagen.0'. An
    item of a list by its number from 1 and, where it has one, its name (`data`: the file's)."""
    delen: list[str] = []
    waarde, lijst = data, ""
    for stap in loc:
        if isinstance(stap, int) and lijst:
            waarde = waarde[stap] if isinstance(waarde, list) and 0 <= stap < len(waarde) else None
            naam = waarde.get("naam") if isinstance(waarde, dict) else None
            voornaam = waarde.get("voornaam") if isinstance(waarde, dict) else None
            soort = _ENKELVOUD.get(lijst, lijst)
            if isinstance(naam, str) and voornaam is None and lijst in ("scholen", "team"):
                delen[-1] = f"{soort} '{naam}'"
            else:
                wie = " ".join(str(n) for n in (voornaam, naam) if isinstance(n, str))
                delen[-1] = f"{soort} {stap + 1}" + (f" ({wie})" if wie else "")
            lijst = ""
            continue
        waarde = waarde.get(stap) if isinstance(waarde, dict) else None
        lijst = str(stap)
        delen.append(str(stap))
    return ", ".join(delen)


def vertaal(fout: Mapping[str, Any], model: type[BaseModel], data: Any = None) -> tuple[str, bool]:
    """A Dutch message for one pydantic error; the bool says "point at the key". `data`: the
    file's, to name where a key is missing (`leesbare_plek`)."""
    soort = fout["type"]
    loc = fout["loc"]
    waarde = fout.get("input")
    veld = str(loc[-1]) if loc else ""
    if soort == "missing":
        ouder = leesbare_plek(tuple(loc[:-1]), data)
        waar = f" bij {ouder}" if ouder else ""
        return f"verplichte sleutel '{veld}' ontbreekt{waar}; voeg '{veld}: ...' toe", True
    if soort == "extra_forbidden":
        if "wachtwoord" in veld.lower() or "password" in veld.lower():
            return (
                f"'{veld}' hoort niet in een bestand: een wachtwoord staat nooit in de dossiermap. "
                "Verwijder deze regel; leersteun leest het wachtwoord uit LEERSTEUN_SMTP_WACHTWOORD",
                True,
            )
        ouder_model = model_op(model, tuple(loc[:-1]))
        namen = list(ouder_model.model_fields) if ouder_model else []
        gelijkend = difflib.get_close_matches(veld, namen, n=1, cutoff=0.6)
        if gelijkend:
            return f"onbekende sleutel '{veld}'; bedoel je '{gelijkend[0]}'?", True
        lijst = ", ".join(namen)
        return f"onbekende sleutel '{veld}'; hier kan: {lijst}", True
    if soort in ("enum", "literal_error"):
        return f"{_soort(waarde)} is hier geen geldige waarde; kies uit: {_keuzes(fout.get('ctx'))}", False
    if soort in ("string_unicode",):
        return "bevat een ongeldig teken (geen echte tekst); typ de waarde opnieuw", False
    if soort in ("string_type",):
        return f"verwacht tekst, maar hier staat {_soort(waarde)}", False
    if soort in ("int_type", "int_parsing", "int_from_float"):
        return f"verwacht een geheel getal, maar hier staat {_soort(waarde)}", False
    if soort in ("float_type", "float_parsing"):
        return f"verwacht een getal (zoals 6.5), maar hier staat {_soort(waarde)}", False
    if soort in ("bool_type", "bool_parsing"):
        return f"verwacht true of false, maar hier staat {_soort(waarde)}", False
    if soort in ("list_type",):
        return f"verwacht een lijst (regels die beginnen met '- ', of [a, b]), maar hier staat {_soort(waarde)}", False
    if soort in ("model_type", "model_attributes_type", "dict_type"):
        return f"verwacht een groep sleutels (sleutel: waarde) op de regels eronder, maar hier staat {_soort(waarde)}", False
    if soort in ("greater_than_equal", "greater_than"):
        return f"moet minstens {fout.get('ctx', {}).get('ge', fout.get('ctx', {}).get('gt'))} zijn", False
    if soort in ("less_than_equal", "less_than"):
        return f"mag hoogstens {fout.get('ctx', {}).get('le', fout.get('ctx', {}).get('lt'))} zijn", False
    if soort in ("string_too_short",):
        return "mag niet leeg zijn", False
    # Our own validators (PydanticCustomError) already speak Dutch.
    return str(fout["msg"]).removeprefix("Value error, "), False


def schema_bevindingen(bestand: YamlBestand, fout: ValidationError, model: type[BaseModel]) -> list[Bevinding]:
    uit = []
    for e in fout.errors(include_url=False):
        boodschap, sleutel = vertaal(e, model, bestand.data)
        loc = tuple(e["loc"])
        if e["type"] == "missing":
            loc, sleutel = loc[:-1], True
        elif loc and loc[-1] == "[key]":  # a wrong key of a mapping with listed keys
            loc, sleutel = loc[:-1], True
        uit.append(bestand.bevinding(loc, boodschap, FOUT, sleutel=sleutel))
    return sorted(set(uit), key=lambda b: (b.regel, b.kolom, b.boodschap))


def valideer_model(bestand: YamlBestand, model: type[BaseModel]) -> tuple[Any, list[Bevinding]]:
    from leersteun.files.store import gewoon

    try:
        return model.model_validate(gewoon(bestand.data)), []
    except ValidationError as e:
        return None, schema_bevindingen(bestand, e, model)


# ---------------------------------------------------------------------------- rules

DossierRegel = Callable[[Dossier, Context], Iterable[Melding]]
DOSSIER_REGELS: list[DossierRegel] = []


def regel(functie: DossierRegel) -> DossierRegel:
    DOSSIER_REGELS.append(functie)
    return functie


@regel
def id_is_bestandsnaam(d: Dossier, ctx: Context) -> Iterator[Melding]:
    if ctx.bestandsnaam is not None and d.id != ctx.bestandsnaam:
        yield (
            ("id",),
            f"id '{d.id}' moet gelijk zijn aan de bestandsnaam '{ctx.bestandsnaam}'"
            f"{' (ook in hoofdletters: git ziet twee namen, Windows en macOS één bestand)' if d.id.casefold() == ctx.bestandsnaam.casefold() else ''}: "
            f"hernoem het bestand naar {d.id}.yaml of pas de id aan",
            FOUT,
        )


@regel
def verslag_klopt(d: Dossier, ctx: Context) -> Iterator[Melding]:
    v = d.verslag
    if v.ontbindende_voorwaarde is not None and v.soort == VerslagSoort.GC:
        yield (
            ("verslag", "ontbindende_voorwaarde"),
            "inschrijving onder ontbindende voorwaarde hoort bij een IAC- of OV4-verslag, niet bij GC; zet ontbindende_voorwaarde op null of pas de soort aan",
            FOUT,
        )
    if v.soort == VerslagSoort.OV4 and d.leerling.niveau != Niveau.secundair:
        yield (("verslag", "soort"), "een OV4-verslag bestaat alleen in het secundair; controleer soort of niveau", FOUT)
    if d.fase in (Fase.opstart, Fase.ondersteuning) and not v.zichtbaar_in_diplon:
        yield (
            ("verslag", "zichtbaar_in_diplon"),
            f"fase {d.fase} kan pas als het Verslag zichtbaar is in Diplon (IRIS-koppeling of upload door de school); "
            "zet zichtbaar_in_diplon op true zodra dat zo is",
            FOUT,
        )
    geboren = d.leerling.geboortedatum
    if geboren is not None and not (dt.date(2000, 1, 1) <= geboren <= ctx.vandaag):
        yield (
            ("leerling", "geboortedatum"),
            f"geboortedatum {geboren} kan niet kloppen voor een leerling (tussen 2000 en vandaag); controleer het jaar",
            FOUT,
        )
    if d.leerling.geboortedatum and v.datum < d.leerling.geboortedatum:
        yield (("verslag", "datum"), f"het Verslag ({v.datum}) is gedateerd vóór de geboortedatum van de leerling ({d.leerling.geboortedatum})", FOUT)
    if v.datum > ctx.vandaag:
        yield (("verslag", "datum"), f"de datum van het Verslag ({v.datum}) ligt in de toekomst", WAARSCHUWING)
    if v.ontbindende_voorwaarde_beslist is not None and v.ontbindende_voorwaarde is None:
        yield (
            ("verslag", "ontbindende_voorwaarde_beslist"),
            "een beslissing over de ontbindende voorwaarde zonder datum van inschrijving onder ontbindende voorwaarde",
            FOUT,
        )
    if v.ontbindende_voorwaarde and v.ontbindende_voorwaarde < v.datum:
        yield (
            ("verslag", "ontbindende_voorwaarde"),
            f"de inschrijving onder ontbindende voorwaarde ({v.ontbindende_voorwaarde}) ligt vóór de datum van het Verslag ({v.datum})",
            WAARSCHUWING,
        )


@regel
def trajecten_kloppen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    t = d.trajecten
    for i, traject in enumerate(t):
        if traject.einde is not None and traject.einde < traject.start:
            yield (("trajecten", i, "einde"), f"einde ({traject.einde}) ligt vóór de start ({traject.start})", FOUT)
        if traject.lopend and i < len(t) - 1:
            yield (
                ("trajecten", i),
                "alleen het laatste traject mag nog lopen: vul 'einde' in voor dit oudere traject",
                FOUT,
            )
        if i > 0:
            vorige = t[i - 1]
            if traject.start < vorige.start or (vorige.einde is not None and traject.start < vorige.einde):
                yield (
                    ("trajecten", i, "start"),
                    f"trajecten staan van oud naar nieuw en overlappen niet: dit traject start ({traject.start}) vóór het vorige "
                    + (f"eindigt ({vorige.einde})" if traject.start >= vorige.start else f"start ({vorige.start})"),
                    FOUT,
                )
        for j, moment in enumerate(traject.evaluatie_op):
            if moment < traject.start:
                yield (("trajecten", i, "evaluatie_op", j), f"evaluatiemoment {moment} ligt vóór de start van het traject", WAARSCHUWING)
    lopend = d.lopend_traject
    if d.fase == Fase.ondersteuning and lopend is None:
        yield (
            ("fase",),
            "fase ondersteuning vraagt een lopend traject: voeg onder 'trajecten' een traject toe zonder einde (vorm, start, frequentie, intensiteit)",
            FOUT,
        )
    if d.fase in (Fase.aanmelding, Fase.afgesloten, Fase.heropstart) and lopend is not None:
        yield (
            ("trajecten", len(t) - 1),
            f"een dossier in fase {d.fase} heeft geen lopend traject: vul 'einde' in bij het laatste traject",
            FOUT,
        )
    if d.fase == Fase.ondersteuning and not d.ondersteuner:
        yield (("ondersteuner",), "fase ondersteuning zonder ondersteuner: vul de naam van de ondersteuner in", WAARSCHUWING)


@regel
def evaluaties_kloppen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    for i, e in enumerate(d.evaluaties):
        if e.beslissing == Beslissing.afsluiten and e.reden is None:
            yield (("evaluaties", i, "beslissing"), f"wie afsluit, geeft een reden; voeg 'reden:' toe met een van: {', '.join(r.value for r in Reden)}", FOUT)
        if e.beslissing == Beslissing.verderzetten and e.reden is not None:
            yield (("evaluaties", i, "reden"), "een reden hoort alleen bij afsluiten; verwijder ze of zet beslissing op afsluiten", FOUT)
        if e.verdere_leersteun is not None and e.reden != Reden.overgang_secundair:  # seed 003, lager→secundair
            yield (
                ("evaluaties", i, "verdere_leersteun"),
                "'verdere_leersteun' hoort bij afsluiten wegens overgang_secundair; verwijder het hier",
                WAARSCHUWING,
            )
        if i > 0 and e.datum < d.evaluaties[i - 1].datum:
            yield (
                ("evaluaties", i, "datum"),
                f"evaluaties staan van oud naar nieuw; deze ({e.datum}) is ouder dan de vorige ({d.evaluaties[i - 1].datum})",
                WAARSCHUWING,
            )
        if e.datum > ctx.vandaag:
            yield (("evaluaties", i, "datum"), f"deze evaluatie ligt in de toekomst ({e.datum})", WAARSCHUWING)


@regel
def geschiedenis_klopt(d: Dossier, ctx: Context) -> Iterator[Melding]:
    g = d.geschiedenis
    for i, regel_ in enumerate(g):
        if i > 0 and regel_.datum < g[i - 1].datum:
            yield (
                ("geschiedenis", i, "datum"),
                f"de geschiedenis staat van oud naar nieuw; deze regel ({regel_.datum}) is ouder dan de vorige ({g[i - 1].datum}): "
                "zet ze op haar plaats volgens de datum",
                FOUT,
            )
        if regel_.datum > ctx.vandaag:
            yield (("geschiedenis", i, "datum"), f"deze gebeurtenis ligt in de toekomst ({regel_.datum})", WAARSCHUWING)
    if g and g[-1].fase != d.fase:
        yield (
            ("fase",),
            f"het dossier staat in fase {d.fase}, maar de laatste regel in de geschiedenis zegt {g[-1].fase}; "
            "gebruik 'leersteun fase' om van fase te veranderen",
            WAARSCHUWING,
        )


@regel
def doelen_kloppen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    gezien: dict[str, int] = {}
    for i, doel in enumerate(d.doelen):
        if doel.id in gezien:
            yield (("doelen", i, "id"), f"doel-id '{doel.id}' komt twee keer voor; geef elk doel een eigen id", FOUT)
        gezien.setdefault(doel.id, i)
        if doel.start and doel.einde and doel.einde < doel.start:
            yield (("doelen", i, "einde"), f"einde ({doel.einde}) ligt vóór de start ({doel.start})", FOUT)


@regel
def heropstarts_kloppen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    h = d.heropstarts
    for i, hs in enumerate(h):
        if i < len(h) - 1 and hs.uitkomst is None:
            yield (("heropstarts", i), "alleen de laatste heropstart mag nog open zijn: vul 'uitkomst' in", FOUT)
        if i > 0 and hs.gestart < h[i - 1].gestart:
            yield (
                ("heropstarts", i, "gestart"),
                f"heropstarts staan van oud naar nieuw; deze ({hs.gestart}) is ouder dan de vorige ({h[i - 1].gestart})",
                FOUT,
            )
        if hs.toewijzing is not None:
            if hs.uitkomst != Uitkomst.heropstart:
                yield (("heropstarts", i, "toewijzing"), "een toewijzing kan alleen na de uitkomst 'heropstart'", FOUT)
            if hs.toewijzing.datum < hs.gestart:
                yield (
                    ("heropstarts", i, "toewijzing", "datum"),
                    f"de toewijzing ({hs.toewijzing.datum}) ligt vóór de start van de heropstart ({hs.gestart})",
                    FOUT,
                )
        if hs.mail is not None and hs.mail.aangemaakt < hs.gestart:
            yield (
                ("heropstarts", i, "mail", "aangemaakt"),
                f"de mail ({hs.mail.aangemaakt}) is aangemaakt vóór de start van de heropstart ({hs.gestart})",
                FOUT,
            )
    if d.fase == Fase.heropstart:
        laatste = d.laatste_heropstart
        if laatste is None:
            yield (
                ("fase",),
                "fase heropstart zonder gegevens onder 'heropstarts': start een heropstart met 'leersteun heropstart'",
                FOUT,
            )
        elif (laatste.toewijzing is not None and laatste.toewijzing.vorm is not None) or laatste.uitkomst == Uitkomst.geen_heropstart:
            yield (
                ("fase",),
                "de laatste heropstart is al afgerond (vorm gekozen of geen heropstart); de fase is dan niet meer heropstart",
                FOUT,
            )
        elif not any(o.soort == OverlegSoort.school_clb and o.datum <= laatste.gestart + dt.timedelta(days=1) for o in d.overleggen):
            yield (
                ("heropstarts", len(h) - 1, "gestart"),
                f"geen overleg tussen school en CLB genoteerd vóór deze heropstart; noteer het met 'leersteun overleg {d.id} --soort school-clb --datum DATUM'",
                WAARSCHUWING,
            )


@regel
def ids_uniek(d: Dossier, ctx: Context) -> Iterator[Melding]:
    """An entry copied by hand with its id: two entries a merge would take for one."""
    lijsten: list[tuple[tuple[Any, ...], list[Any]]] = [((k,), getattr(d, k)) for k in ("overleggen", "evaluaties", "betrokkenen")]
    for i, doel in enumerate(d.doelen):
        lijsten += [(("doelen", i, "maatregelen"), doel.maatregelen), (("doelen", i, "evaluaties"), doel.evaluaties)]
    for plek, items in lijsten:
        gezien: set[str] = set()
        for j, item in enumerate(items):
            if item.id is None:
                continue
            if item.id in gezien:
                yield (
                    (*plek, j, "id"),
                    f"de id '{item.id}' staat hier twee keer (een gekopieerde regel?); verwijder de regel 'id:' bij de kopie, "
                    "dan herkent het samenvoegen ze als twee verschillende",
                    WAARSCHUWING,
                )
            gezien.add(item.id)


@regel
def mensen_en_overleg_kloppen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    gezien: set[tuple[str, str]] = set()
    for i, b in enumerate(d.betrokkenen):
        if (b.rol.value, b.naam) in gezien:
            yield (("betrokkenen", i, "naam"), f"'{b.naam}' staat twee keer als {b.rol.value} bij de betrokkenen", WAARSCHUWING)
        gezien.add((b.rol.value, b.naam))
    for i, o in enumerate(d.overleggen):
        if i > 0 and o.datum < d.overleggen[i - 1].datum:
            yield (
                ("overleggen", i, "datum"),
                f"overleggen staan van oud naar nieuw; dit overleg ({o.datum}) is ouder dan het vorige ({d.overleggen[i - 1].datum})",
                WAARSCHUWING,
            )
        if o.datum > ctx.vandaag:
            yield (("overleggen", i, "datum"), f"dit overleg ligt in de toekomst ({o.datum}); plan een overleg met 'volgende' bij het vorige", WAARSCHUWING)
        if o.volgende is not None and o.volgende <= o.datum:
            yield (("overleggen", i, "volgende"), f"het volgende overleg ({o.volgende}) ligt niet na dit overleg ({o.datum})", FOUT)
    for i, e in enumerate(d.evaluaties):
        if e.vier_vragen is not None and not e.vier_vragen.volledig:
            ontbreekt = ", ".join(k for k in VIER_VRAGEN if getattr(e.vier_vragen, k) is None or getattr(e.vier_vragen, k).antwoord is None)
            yield (("evaluaties", i, "vier_vragen"), f"de vier vragen zijn niet alle vier beantwoord (ontbreekt: {ontbreekt})", WAARSCHUWING)
    for i, x in enumerate(d.diplon):
        if x.datum > ctx.vandaag:
            yield (("diplon", i, "datum"), f"deze stap ligt in de toekomst ({x.datum}); noteer een stap als ze gedaan is", WAARSCHUWING)
    if d.vorig_dossier is not None and d.vorig_dossier == d.id:
        yield (("vorig_dossier",), "een dossier kan niet naar zichzelf verwijzen", FOUT)
    if d.volgend_dossier is not None and d.volgend_dossier == d.id:
        yield (("volgend_dossier",), "een dossier kan niet naar zichzelf verwijzen", FOUT)
    for i, v in enumerate(d.vorige_verslagen):
        if v.datum > d.verslag.datum:
            yield (("vorige_verslagen", i, "datum"), f"een vorig Verslag ({v.datum}) is jonger dan het huidige ({d.verslag.datum})", WAARSCHUWING)
    inst = ctx.instellingen
    t = d.verslag.typologie
    if inst is not None and t is not None and t not in inst.ondersteunde_typologieen and d.fase != Fase.afgesloten:
        yield (
            ("verslag", "typologie"),
            f"{t.value} wordt niet ondersteund door dit centrum (zie typologieen in leersteun.yaml); {inst.ander_centrum} neemt over. "
            "Sluit af met reden andere_typologie",
            WAARSCHUWING,
        )


@regel
def namen_in_team(d: Dossier, ctx: Context) -> Iterator[Melding]:
    team = ctx.instellingen.teamnamen() if ctx.instellingen else set()
    if not team:
        return
    kandidaten: list[tuple[Loc, str | None]] = [
        (("ankerpersoon",), d.ankerpersoon),
        (("ondersteuner",), d.ondersteuner),
        *((("vorige_ondersteuners", i), n) for i, n in enumerate(d.vorige_ondersteuners)),
        *((("heropstarts", i, "toewijzing", "ondersteuner"), hs.toewijzing.ondersteuner) for i, hs in enumerate(d.heropstarts) if hs.toewijzing),
    ]
    for loc, naam in kandidaten:
        if naam and naam not in team:
            gelijkend = difflib.get_close_matches(naam, sorted(team), n=1, cutoff=0.6)
            hint = f"bedoel je '{gelijkend[0]}'?" if gelijkend else "voeg de persoon toe onder 'team' in leersteun.yaml"
            yield (loc, f"'{naam}' staat niet in het team van leersteun.yaml; {hint}", WAARSCHUWING)


def controleer_dossier(bestand: YamlBestand, ctx: Context) -> tuple[Dossier | None, list[Bevinding]]:
    """Schema, then every registered rule. Returns the model only when it is schema-valid."""
    dossier, bevindingen = valideer_model(bestand, Dossier)
    if dossier is None:
        return None, bevindingen
    for functie in DOSSIER_REGELS:
        for loc, boodschap, ernst in functie(dossier, ctx):
            bevindingen.append(bestand.bevinding(loc, boodschap, ernst))
    return dossier, sorted(bevindingen, key=lambda b: (b.regel, b.kolom))


def controleer_instellingen(bestand: YamlBestand, vandaag: dt.date | None = None) -> tuple[Instellingen | None, list[Bevinding]]:
    """Schema and `instellingen_regels`; with `vandaag` also the warnings that need the day."""
    instellingen, bevindingen = valideer_model(bestand, Instellingen)
    if instellingen is None:
        return None, bevindingen
    bevindingen += [bestand.bevinding(loc, boodschap, ernst) for loc, boodschap, ernst in instellingen_regels(instellingen, vandaag)]
    return instellingen, bevindingen


def instellingen_regels(instellingen: Instellingen, vandaag: dt.date | None = None) -> Iterator[Melding]:
    """What leersteun.yaml must hold besides its schema: every name once; with `vandaag`, no
    Verslag of a school's register dated in the future (a warning, as in a case)."""
    if vandaag is not None:
        for i, school in enumerate(instellingen.scholen):
            for j, v in enumerate(school.verslagen):
                if v.datum is not None and v.datum > vandaag:
                    wie = f"{v.voornaam} {v.naam}"
                    yield (
                        ("scholen", i, "verslagen", j, "datum"),
                        f"de datum van het Verslag van {wie} ({v.datum}) bij school '{school.naam}' ligt in de toekomst",
                        WAARSCHUWING,
                    )
    namen: set[str] = set()
    for i, lid in enumerate(instellingen.team):
        if lid.naam in namen:
            yield ("team", i, "naam"), f"'{lid.naam}' staat twee keer in het team", FOUT
        namen.add(lid.naam)
    if instellingen.capaciteit:
        scholen: set[str] = set()
        for i, plaatsen in enumerate(instellingen.capaciteit.scholen):
            if plaatsen.naam in scholen:
                yield ("capaciteit", "scholen", i, "naam"), f"school '{plaatsen.naam}' staat twee keer onder capaciteit", FOUT
            scholen.add(plaatsen.naam)
    for i, school in enumerate(instellingen.scholen):
        for j, vrij in enumerate(school.vrije_dagen):
            if vrij.tot is not None and vrij.tot < vrij.datum:
                yield (
                    ("scholen", i, "vrije_dagen", j, "tot"),
                    f"'tot' ({vrij.tot}) ligt vóór 'datum' ({vrij.datum}); zet de eerste vrije dag bij datum en de laatste bij tot",
                    FOUT,
                )
            elif vrij.tot is not None and (vrij.tot - vrij.datum).days >= VRIJ_HOOGSTENS:
                yield (
                    ("scholen", i, "vrije_dagen", j, "tot"),
                    f"{(vrij.tot - vrij.datum).days + 1} vrije dagen na elkaar ({vrij.datum} tot {vrij.tot}): een tikfout in het jaar? "
                    f"Hier staan alleen de eigen vrije dagen van de school (hoogstens {VRIJ_HOOGSTENS} na elkaar); de vakanties komen uit de schoolkalender",
                    FOUT,
                )


VRIJ_HOOGSTENS = 31  # a school's own free days in a row (the holidays come from the calendar)


# ---------------------------------------------------------------------------- the SMART check (seed 004)

# Bijlage 3: one line per SMART part, shown beside the question.
SMART_UITLEG = {
    "specifiek": "Specifiek: een waarneembaar gedrag of resultaat, met een getal of percentage.",
    "meetbaar": "Meetbaar: hoe en hoe vaak stellen we vast in welke mate het doel bereikt is?",
    "acceptabel": "Acceptabel: wie doet wat, en is er draagvlak bij team, leerkracht, ouders en leerling?",
    "realistisch": "Realistisch: is het haalbaar met de tijd, kennis en middelen die er zijn?",
    "tijdgebonden": "Tijdgebonden: wanneer starten we en wanneer is het doel bereikt?",
}

# Bijlage 4: HGW-hulpzinnen (Pameijer, 2010).
FUNCTIES = [
    "klasleerkracht", "zorgleerkracht", "zorgcoördinator", "zorgco", "ondersteuner", "leerkracht", "titularis",
    "vakleerkracht", "LO-leerkracht", "bijzondere leermeester", "leerlingbegeleider", "CLB-medewerker",
    "directie", "ouders", "leerling", "klasgroep", "team", "logopedist", "kinesitherapeut", "externe hulpverlener",
]  # fmt: skip

VAAG = ["beter", "proberen", "probeert", "meer", "minder", "zoveel mogelijk", "zo veel mogelijk", "voldoende", "goed", "vaker", "regelmatig"]
GETAL = re.compile(
    r"\d|%|procent|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|honderd|helft|alle|elke|iedere)\b",
    re.I,
)
HOE = re.compile(
    r"\b(noteer\w*|turf\w*|telt|tellen|meet\w*|observe\w*|registre\w*|houdt bij|bijhouden|kijkt na|nakijken|toets\w*|"
    r"lijst|fiche|checklist|schaal|score|logboek|klasboek|schema|weekfiche|agenda)\b",
    re.I,
)
HOE_VAAK = re.compile(r"\d|\b(per (dag|week|maand|les)|dagelijks|wekelijks|maandelijks|keer|elke|iedere|telkens)\b", re.I)
NAAM = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'-]+(\s+(van|de|der|den|vande|Van|De|Der|Den|Vande)?\s*[A-ZÀ-Þ][a-zà-ÿ'-]+)+$")


def vage_woorden(tekst: str) -> list[str]:
    woorden = re.findall(r"[\wà-ÿ]+", tekst.lower())
    gevonden = [v for v in VAAG if " " not in v and v in woorden]
    gevonden += [v for v in VAAG if " " in v and v in tekst.lower()]
    return gevonden


def lijkt_naam(wie: str, team: set[str]) -> bool:
    schoon = wie.strip()
    if schoon.lower() in (f.lower() for f in FUNCTIES):
        return False
    if schoon in team or any(schoon == lid.split()[0] for lid in team):
        return True
    return bool(NAAM.match(schoon)) and not any(f.lower() in schoon.lower() for f in FUNCTIES)


def smart_meldingen(d: Dossier, ctx: Context) -> Iterator[Melding]:
    """The SMART check: warnings with a concrete suggestion. They never block."""
    team = ctx.instellingen.teamnamen() if ctx.instellingen else set()
    actief = d.fase != Fase.afgesloten
    for i, doel in enumerate(d.doelen):
        plek = ("doelen", i)
        if not doel.specifiek:
            yield ((*plek, "id"), f"{doel.id}: 'specifiek' ontbreekt; {SMART_UITLEG['specifiek']}", WAARSCHUWING)
        elif not GETAL.search(doel.specifiek):
            yield (
                (*plek, "specifiek"),
                f"{doel.id}: 'specifiek' noemt geen getal of percentage; zeg hoeveel, bv. '4 op 5 keer' of '80 %'",
                WAARSCHUWING,
            )
        if not doel.meetbaar:
            yield ((*plek, "id"), f"{doel.id}: 'meetbaar' ontbreekt; {SMART_UITLEG['meetbaar']}", WAARSCHUWING)
        else:
            mist = [w for w, patroon in (("hoe", HOE), ("hoe vaak", HOE_VAAK)) if not patroon.search(doel.meetbaar)]
            if mist:
                yield (
                    (*plek, "meetbaar"),
                    f"{doel.id}: 'meetbaar' zegt niet {' en '.join(mist)} er gemeten wordt; bv. 'De klasleerkracht noteert 5 keer per week of het lukt'",
                    WAARSCHUWING,
                )
        for deel in ("acceptabel", "realistisch"):
            if not getattr(doel, deel):
                yield ((*plek, "id"), f"{doel.id}: '{deel}' ontbreekt; {SMART_UITLEG[deel]}", WAARSCHUWING)
        if doel.start is None or doel.einde is None:
            welke = " en ".join(w for w, v in (("start", doel.start), ("einde", doel.einde)) if v is None)
            yield ((*plek, "id"), f"{doel.id}: geen {welke}; {SMART_UITLEG['tijdgebonden']}", WAARSCHUWING)
        elif actief and doel.einde < ctx.vandaag and not any(e.datum >= doel.einde - MARGE for e in doel.evaluaties):
            yield (
                (*plek, "einde"),
                f"{doel.id}: het einde ({doel.einde}) is voorbij en het doel is niet geëvalueerd; "
                f"evalueer het met 'leersteun doel {d.id} --doel {doel.id} --evalueer'",
                WAARSCHUWING,
            )
        for veld in ("omschrijving", "specifiek"):
            vaag = vage_woorden(getattr(doel, veld) or "")
            if vaag:
                yield (
                    (*plek, veld),
                    f"{doel.id}: vaag woord '{vaag[0]}' in '{veld}'; beschrijf wat je ziet of hoort, en hoeveel",
                    WAARSCHUWING,
                )
        if not doel.maatregelen:
            yield ((*plek, "id"), f"{doel.id}: geen maatregelen; voeg er een toe (wat, wie, wanneer, hoe)", WAARSCHUWING)
        for j, m in enumerate(doel.maatregelen):
            if m.evaluatie_op is None:
                yield (
                    (*plek, "maatregelen", j, "wat"),
                    f"{doel.id}: maatregel '{m.wat}' heeft geen evaluatiemoment; spreek vooraf af wanneer ze geëvalueerd wordt",
                    WAARSCHUWING,
                )
            if m.wie and lijkt_naam(m.wie, team):
                yield (
                    (*plek, "maatregelen", j, "wie"),
                    f"{doel.id}: 'wie' is een functie, geen naam ('{m.wie}'); schrijf bv. klasleerkracht, zorgleerkracht of ondersteuner",
                    WAARSCHUWING,
                )


# ---------------------------------------------------------------------------- edits


_smart = smart_meldingen
DOSSIER_REGELS.append(_smart)
