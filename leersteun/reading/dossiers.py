"""Reading the cases of a case folder, and finding one case by id or by name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from leersteun.core.errors import Bevinding, Fout, OngeldigBestand
from leersteun.core.tekst import normaal
from leersteun.files.schijf import toon
from leersteun.reading import snel
from leersteun.reading.folder import Dossiermap
from leersteun.reading.snel import Geldig, Gelezen
from leersteun.rules.checks import Context, controleer_dossier, controleer_instellingen
from leersteun.rules.model import ID_PATROON, Dossier, Instellingen

_GELEZEN: dict[tuple[str, str, bytes], tuple[Instellingen | None, list[Bevinding]]] = {}


def lees_instellingen(map_: Dossiermap) -> tuple[Instellingen | None, list[Bevinding]]:
    """leersteun.yaml through the round trip, with its findings at their positions. A command
    that reads it several times (delen: before, during and after merging) parses it once for
    the same bytes."""
    import hashlib
    import os

    from leersteun.files.store import lees
    from leersteun.reading.folder import vandaag

    dag = vandaag()  # a Verslag of the register in the future is a warning (`instellingen_regels`)
    try:
        sleutel = (str(map_.instellingen_pad.resolve()), os.getcwd() + dag.isoformat(), hashlib.sha256(map_.instellingen_pad.read_bytes()).digest())
    except OSError:
        sleutel = None
    if sleutel is not None and sleutel in _GELEZEN:
        waarde, bevindingen = _GELEZEN[sleutel]
        return waarde, list(bevindingen)
    try:
        bestand = lees(map_.instellingen_pad)
    except OngeldigBestand as e:
        return None, e.bevindingen
    uitkomst = controleer_instellingen(bestand, dag)
    if sleutel is not None:
        if len(_GELEZEN) > 32:
            _GELEZEN.clear()
        _GELEZEN[sleutel] = uitkomst
    return uitkomst[0], list(uitkomst[1])


def instellingen(map_: Dossiermap) -> Instellingen:
    """The settings, or an error that names the first problem in leersteun.yaml."""
    snel_gelezen = snel.instellingen(map_.instellingen_pad)
    if snel_gelezen is not None:
        return snel_gelezen
    waarde, bevindingen = lees_instellingen(map_)
    fouten = [b for b in bevindingen if b.is_fout]
    if waarde is None or fouten:
        raise OngeldigBestand(toon(map_.instellingen_pad), fouten or bevindingen)
    return waarde


def context(vandaag: dt.date, inst: Instellingen | None) -> Context:
    return Context(instellingen=inst, vandaag=vandaag)


def context_zonder_fout(map_: Dossiermap | None) -> Context:
    """The rules' context with the folder's settings if they can be read, else without them
    (while merging, leersteun.yaml may be in conflict too)."""
    from leersteun.reading.folder import vandaag

    try:
        inst = instellingen(map_) if map_ is not None else None
    except Fout:
        inst = None
    return context(vandaag(), inst)


def lees_dossier(pad: Path, ctx: Context) -> Gelezen:
    """Read and check one case; bad data becomes findings, never an exception."""
    from leersteun.files.store import lees

    try:
        bestand = lees(pad)
    except OngeldigBestand as e:
        return Gelezen(pad, None, None, e.bevindingen)
    ctx_hier = ctx.voor(pad)
    dossier, bevindingen = controleer_dossier(bestand, ctx_hier)
    return Gelezen(pad, bestand, dossier, bevindingen)


def alle(map_: Dossiermap, ctx: Context) -> list[Gelezen]:
    """Every case through the fast read path (`snel`). Only errors are reported here;
    warnings need the round-trip read (see `validatie`). To edit a case, read it with
    `lees_dossier`."""
    from leersteun.reading.snel import lees_alle

    return list(lees_alle(map_, ctx))


class Kaart(NamedTuple):
    """What finding a case by name needs of it: made where it is read (on every core)."""

    id: str
    voornaam: str
    naam: str
    klas: str
    school: str
    fase: str

    @staticmethod
    def van(d: Dossier) -> Kaart:
        return Kaart(d.id, d.leerling.voornaam, d.leerling.naam, d.leerling.klas, d.school.naam, d.fase.value)


def kaarten(map_: Dossiermap, ctx: Context) -> list[Gelezen]:
    """Every case of the folder as a `Kaart` (in `uitkomst`), or with its errors."""
    from leersteun.reading.snel import lees_alle

    return list(lees_alle(map_, ctx, stap=lambda _pad, d: Kaart.van(d)))


def _kaart(g: Gelezen) -> Kaart | None:
    return g.uitkomst if isinstance(g.uitkomst, Kaart) else Kaart.van(g.dossier) if g.dossier else None


def _beschrijf(g: Gelezen) -> str:
    k = _kaart(g)
    if k is None:
        return f"{g.id}  (ongeldig bestand: {toon(g.pad)})"
    return f"{k.id}  {k.voornaam} {k.naam} ({k.klas}, {k.school}, {k.fase})"


# Set by the CLI on a terminal: picks one of several cases that fit a name (a numbered list).
KIES: Callable[[list[Gelezen], list[str]], Gelezen] | None = None


def zoek(gelezen: list[Gelezen], naam: str) -> Gelezen:
    """The case named by its id or by a unique part of the pupil's name."""
    gezocht = normaal(naam)
    if not gezocht:
        raise Fout("Geef een dossier-id of een deel van de naam van de leerling.")
    kaarten_ = [(g, _kaart(g)) for g in gelezen]
    exact = [g for g, k in kaarten_ if normaal(k.id if k else g.id) == gezocht]
    if exact:
        return exact[0]
    treffers = []
    for g, k in kaarten_:
        velden = [k.id if k else g.id]
        if k:
            velden += [f"{k.voornaam} {k.naam}", f"{k.naam} {k.voornaam}"]
        if any(gezocht in normaal(v) for v in velden):
            treffers.append(g)
    if not treffers:
        kapot = [g for g, k in kaarten_ if k is None]
        for g in kapot:  # the case looked for may be there, but its file cannot be read
            if any(gezocht in normaal(v) for v in _leerling_in(g.pad)):
                raise OngeldigBestand(toon(g.pad), g.fouten or g.bevindingen, gezocht=naam)
        ongelezen = (
            f" Niet doorzocht, want ongeldig: {', '.join(toon(g.pad) for g in kapot[:5])}{' …' if len(kapot) > 5 else ''}"
            " ('leersteun valideer' zegt wat er mis is)."
            if kapot
            else ""
        )
        raise Fout(f"Geen dossier gevonden voor '{naam}'.{ongelezen} Bekijk de dossiers met 'leersteun lijst'.")
    if len(treffers) > 1 and KIES is not None:
        return KIES(treffers, [_beschrijf(g) for g in treffers])
    if len(treffers) > 1:
        lijst = "\n".join(f"  {_beschrijf(g)}" for g in treffers)
        raise Fout(f"'{naam}' past bij {len(treffers)} dossiers; geef de id of een langer deel van de naam:\n{lijst}")
    return treffers[0]


_LEERLING_VELD = re.compile(r"^[ \t]+(voornaam|naam)[ \t]*:[ \t]*['\"]?([^'\"#\n]*)", re.M)


def _leerling_in(pad: Path) -> list[str]:
    """The pupil's name as a file that cannot be read as a case still shows it (the lines
    under `leerling:`), as 'voornaam naam' and 'naam voornaam'; empty when not found."""
    from leersteun.files.schijf import MAX_GROOTTE

    try:
        with open(pad, "rb") as f:
            tekst = f.read(MAX_GROOTTE).decode("utf-8", "replace")
    except OSError:
        return []
    blok = re.search(r"^leerling[ \t]*:[^\n]*\n((?:[ \t]+[^\n]*\n?|[ \t]*\n)*)", tekst, re.M)
    if blok is None:
        return []
    velden = {k: v.strip() for k, v in _LEERLING_VELD.findall(blok.group(1))}
    voornaam, achternaam = velden.get("voornaam", ""), velden.get("naam", "")
    if not (voornaam or achternaam):
        return []
    return [f"{voornaam} {achternaam}", f"{achternaam} {voornaam}"]


def open_dossier(map_: Dossiermap, naam: str, ctx: Context) -> Geldig:
    """Find a case and make sure it is valid (errors raise `OngeldigBestand`)."""
    # A case is named by its id or a name, never by a path: `../x` or `/etc/x` is a name
    # that matches nothing, not a file to open.
    kandidaat = bestand_van_id(map_, naam.strip()) if re.fullmatch(ID_PATROON, naam.strip()) else None
    if kandidaat is None:
        kandidaat = zoek(kaarten(map_, ctx), naam).pad
    return lees_geldig(kandidaat, ctx)


def lees_geldig(pad: Path, ctx: Context) -> Geldig:
    """Read a case that must be valid (errors raise `OngeldigBestand`)."""
    gevonden = lees_dossier(pad, ctx)
    if gevonden.bestand is None or gevonden.dossier is None or gevonden.fouten:
        raise OngeldigBestand(toon(gevonden.pad), gevonden.fouten or gevonden.bevindingen)
    return Geldig(gevonden.pad, gevonden.bestand, gevonden.dossier, gevonden.bevindingen)


def bestand_van_id(map_: Dossiermap, case_id: str) -> Path | None:
    """The case file of an id as the folder lists it: `KLM-2024-017.yaml` for `klm-2024-017`
    too. Never the path built from what was typed: on Windows and macOS `cases/klm-2024-017.yaml`
    opens `KLM-2024-017.yaml`, whose id would then differ from its name. The exact name wins;
    else one that differs only in capitals (or is .yml); None when none or several do."""
    bestanden = map_.case_bestanden()
    exact = [p for p in bestanden if p.name == f"{case_id}.yaml"]
    if exact:
        return exact[0]
    gelijk = [p for p in bestanden if p.name.rsplit(".", 1)[0].casefold() == case_id.casefold()]
    return gelijk[0] if len(gelijk) == 1 else None


# ---------------------------------------------------------------------------- new cases

# Names Windows keeps for devices, also with an extension (`CON.yaml`): such a file cannot be
# made or opened there.
_APPARATEN = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))})


def id_botst(map_: Dossiermap, case_id: str) -> str | None:
    """Why a new case cannot have this id as its file name on every system the team uses,
    or None: a case file whose name differs only in capitals (or in .yml) is the same file on
    Windows and macOS, and a device name cannot be a file on Windows."""
    if case_id.split(".", 1)[0].casefold() in _APPARATEN:
        return f"'{case_id}' kan geen bestandsnaam zijn op Windows (een naam die Windows voor een apparaat gebruikt); kies een andere id met --id."
    for p in map_.case_bestanden():
        if p.name.rsplit(".", 1)[0].casefold() == case_id.casefold():
            verschil = "" if p.name.rsplit(".", 1)[0] == case_id else " (alleen de hoofdletters verschillen: Windows en macOS zien dat als één bestand)"
            return f"{toon(p)} bestaat al{verschil}; kies een andere id met --id."
    return None


def school_code(school: str) -> str:
    """Three letters for case ids: 'Basisschool De Klimop' -> 'KLM'."""
    woorden = [w for w in "".join(c if c.isalnum() else " " for c in normaal(school)).split() if w]
    woord = woorden[-1] if woorden else "X"
    letters = woord[0] + "".join(c for c in woord[1:] if c.isalpha() and c not in "aeiouy")
    letters = (letters + woord[1:])[:3] if len(letters) < 3 else letters[:3]
    return letters.upper()


def volgende_id(map_: Dossiermap, school: str, jaar: int) -> str:
    prefix = f"{school_code(school)}-{jaar}-"
    stammen = [p.name.rsplit(".", 1)[0] for p in map_.case_bestanden()]
    nummers = [int(s[len(prefix) :]) for s in stammen if s.casefold().startswith(prefix.casefold()) and s[len(prefix) :].isdigit()]
    return f"{prefix}{max(nummers, default=0) + 1:03d}"


def _met_ids(naam: str, items: list[dict]) -> list[dict]:
    """New entries with the id that tells them apart in a merge (`identiteit.py`)."""
    from leersteun.rules.identiteit import nieuwe_id

    uit: list[dict] = []
    for item in items:
        uit.append({**item, "id": item.get("id") or nieuwe_id(naam, item, {str(x["id"]) for x in uit})})
    return uit


def nieuw_dossier_data(
    *,
    case_id: str,
    voornaam: str,
    naam: str,
    klas: str,
    niveau: str,
    school: str,
    gemeente: str | None,
    geboortedatum: dt.date | None,
    verslag_soort: str,
    verslag_datum: dt.date,
    zichtbaar_in_diplon: bool,
    ontbindende_voorwaarde: dt.date | None,
    ankerpersoon: str | None,
    clb_medewerker: str | None,
    door: str,
    vandaag: dt.date,
    notitie: str | None,
    typologie: str | None = None,
    betrokkenen: list[dict] | None = None,
    leervraag: dict | None = None,
    vorig_dossier: str | None = None,
) -> dict:
    """The data of a new case in fase aanmelding, keys in the order of the format."""
    from leersteun.rules.model import schooljaar_van

    data: dict[str, Any] = {
        "id": case_id,
        "leerling": {
            "voornaam": voornaam,
            "naam": naam,
            "geboortedatum": geboortedatum,
            "klas": klas,
            "klas_schooljaar": schooljaar_van(vandaag),
            "niveau": niveau,
        },
        "school": {"naam": school, "gemeente": gemeente},
        "verslag": {
            "soort": verslag_soort,
            "datum": verslag_datum,
            "typologie": typologie,
            "zichtbaar_in_diplon": zichtbaar_in_diplon,
            "ontbindende_voorwaarde": ontbindende_voorwaarde,
        },
        "fase": "aanmelding",
        "ankerpersoon": ankerpersoon,
        "ondersteuner": None,
        "vorige_ondersteuners": [],
        "clb_medewerker": clb_medewerker,
        "betrokkenen": _met_ids("betrokkenen", betrokkenen or []),
        "leervraag": leervraag,
        "trajecten": [],
        "geschiedenis": [{"datum": vandaag, "fase": "aanmelding", "door": door, "notitie": notitie or "Aanmelding via Diplon."}],
        "overleggen": [],
        "evaluaties": [],
        "diplon": [],
        "doelen": [],
        "heropstarts": [],
    }
    if typologie is None:
        del data["verslag"]["typologie"]
    if leervraag is None:
        del data["leervraag"]
    if vorig_dossier:
        data = {"id": case_id, "vorig_dossier": vorig_dossier, **{k: v for k, v in data.items() if k != "id"}}
    return data


def dubbels(map_: Dossiermap, ctx: Context, voornaam: str, naam: str, geboortedatum: dt.date | None, school: str) -> list[tuple[Dossier, bool]]:
    """Cases not closed that may be this pupil's, each with whether it surely is: the same
    name (capitals, accents, spaces and punctuation aside: `namen.dezelfde`) with the same
    birth date at any school, or at the same school (sure); the same name at another school
    when a birth date is not known (not sure: a warning). A different birth date at another
    school is another pupil. Each case is judged where it is read (on every core for a large
    folder); only those of this pupil come back."""
    from leersteun.reading.snel import uitkomsten
    from leersteun.rules.namen import dezelfde

    def dezelfde_leerling(_pad: Path, d: Dossier) -> tuple[Dossier, bool] | None:
        ll = d.leerling
        if d.fase == "afgesloten" or not dezelfde(ll.voornaam, voornaam) or not dezelfde(ll.naam, naam):
            return None
        if dezelfde(d.school.naam, school) or (geboortedatum is not None and ll.geboortedatum == geboortedatum):
            return d, True
        return (d, False) if geboortedatum is None or ll.geboortedatum is None else None

    return list(uitkomsten(map_, ctx, dezelfde_leerling))


def nieuw_dossier(map_: Dossiermap, data: dict, ctx: Context) -> tuple[Path, bytes]:
    """A new case checked and made into its file's bytes, not written: its path and bytes.
    Refuses with `Fout` when it would not be valid or its file exists."""
    from leersteun.files.store import YamlBestand, als_yaml, dump, ontleed

    pad = map_.case_pad(str(data["id"]))
    getoond = toon(pad)
    tekst = dump(als_yaml(data))
    bestand = YamlBestand(pad, b"", tekst, ontleed(tekst, getoond), toon_pad=getoond)
    dossier, bevindingen = controleer_dossier(bestand, ctx.voor(pad))
    fouten = [b for b in bevindingen if b.is_fout]
    if dossier is None or fouten:
        raise Fout("Het nieuwe dossier is niet geldig; er is niets geschreven:\n" + "\n".join(f"  {b.boodschap}" for b in fouten))
    botst = id_botst(map_, str(data["id"]))
    if botst or pad.exists():
        raise Fout(botst or f"{getoond} bestaat al; kies een andere id met --id.")
    return pad, tekst.encode("utf-8")


def maak_dossier(map_: Dossiermap, data: dict, ctx: Context) -> Path:
    """Validate a new case and write it (never overwriting an existing file)."""
    from leersteun.files.schijf import niet_geschreven, schrijf_atomisch, schrijfslot

    pad, ruw = nieuw_dossier(map_, data, ctx)
    getoond = toon(pad)
    try:
        map_.cases.mkdir(parents=True, exist_ok=True)
        with schrijfslot(map_.cases):
            botst = id_botst(map_, str(data["id"]))  # made by another command meanwhile
            if botst:
                raise Fout(botst)
            schrijf_atomisch(pad, ruw, nieuw=True)
    except FileExistsError:
        raise Fout(f"{getoond} bestaat al; kies een andere id met --id.") from None
    except OSError as e:
        raise Fout(f"{getoond}: {niet_geschreven(e)}") from None
    return pad


def kies_uit(rijen: list[dict], fasen: set[str] | None = None, school: str | None = None, ondersteuner: str | None = None) -> list[dict]:
    """`leersteun lijst`'s filters over its rows (`weergave.lijst_rij`): the phases, part of
    the school's name, part of the ondersteuner's name ('geen': not assigned); by id."""
    from leersteun.core.tekst import bevat

    def past(r: dict) -> bool:
        if fasen and r["fase"] not in fasen:
            return False
        if school is not None and not bevat(r["school"], school):
            return False
        if ondersteuner is None:
            return True
        return (ondersteuner.strip().lower() == "geen" and not r["ondersteuner"]) or bevat(r["ondersteuner"], ondersteuner)

    return sorted((r for r in rijen if past(r)), key=lambda r: r["id"])
