"""A class list as a school's secretary exports it, and which case each row is.

School administration programs and Excel write class lists in many ways: `;`, `,` or a tab
between the columns; UTF-8 (with or without BOM), UTF-16 ("Unicode-tekst", with tabs) or
Windows-1252; Windows, Unix or old Macintosh line ends ("CSV (Macintosh)": CR only); the
columns named in the first row, in any order, with the usual Dutch headers ("Naam;Voornaam;
Geboortedatum;Klas", "Leerling", "Familienaam", "Klasgroep", "Geb.datum", ...); usually
without dossier ids. Here:

- `lees(pad)` reads such a file into rows (`Rij`: its line, id, names, birth date, class);
  what cannot be trusted (an undefined byte, an invisible or control character, a line break
  inside a value, a field of more than 128 kB) is refused with its line, never replaced;
- `koppel(lijsten, dossiers)` finds each row's case: by id, else by name and birth date
  (compared as people write them: capitals, accents and spaces do not count). A class that
  is no class (a date, the pupil's own name) is refused with its row.

Nothing here writes; the rollover (`editing/schooljaar.py`) uses the result.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.core.tekst import normaal, onbetrouwbaar, teken_uitleg
from leersteun.files.schijf import lees_begrensd, toon
from leersteun.rules.model import Dossier, Fase

MAX_BESTAND = 5_000_000  # bytes: a school of a thousand pupils with twenty columns, as UTF-16
MAX_VELD = 128 * 1024  # characters in one field (csv's own limit)
MAX_KLAS = 40  # 'K3 De Vlinders', '1ste leerjaar B': a class is short
MAX_FOUTEN = 12  # problems listed in one refusal

OPNIEUW_BEWAREN = "Bewaar het in Excel opnieuw als 'CSV UTF-8 (door komma's gescheiden)' of als 'Unicode-tekst', en probeer opnieuw."
KOPREGEL = "Naam;Voornaam;Geboortedatum;Klas"

# The headers of each field, written as `_kop` makes them (no capitals, accents, spaces, signs).
KOPPEN: dict[str, set[str]] = {
    "id": {"id", "dossier", "dossierid", "dossiernummer", "dossiernr", "dossiercode", "leersteundossier", "leersteunid"},
    "naam": {"familienaam", "achternaam", "familienaamleerling", "achternaamleerling"},
    "voornaam": {"voornaam", "voornaamleerling", "roepnaam"},
    "volledig": {"leerling", "naamenvoornaam", "naamvoornaam", "voornaamnaam", "voornaamennaam", "volledigenaam"},
    "geboortedatum": {"geboortedatum", "gebdatum", "geboortedat", "gebdat", "geboren", "geborenop", "datumgeboorte", "geboortedag"},
    "klas": {"klas", "klasgroep", "klascode", "klasnaam", "groep", "klasgroepcode", "klasgroepnaam"},
    "nieuwe klas": {"nieuweklas", "klasnieuw", "klasvolgendschooljaar", "klasvolgendjaar", "nieuweklasgroep", "klasgroepnieuw"},
}
# 'Naam' is the surname beside a 'Voornaam' column, else the whole name.
NAAM_OF_VOLLEDIG = {"naam", "naamleerling", "leerlingnaam"}
VELDEN = ("id", "naam", "voornaam", "volledig", "geboortedatum", "klas")


@dataclass
class Rij:
    """One pupil's row of a class list."""

    bron: str  # the file as the user sees it
    regel: int  # the line where the row starts (1-based; an old Macintosh file counted by CR)
    klas: str
    id: str | None = None
    naam: str | None = None
    voornaam: str | None = None
    volledig: str | None = None  # one column with the whole name ('Peeters Lotte')
    geboortedatum: str | None = None  # as written; read when the names fit a case
    kop_klas: str = "klas"  # the header of the class column, for messages
    problemen: list[str] = field(default_factory=list)  # what cannot be trusted in it (`koppel` refuses it, with its case)

    @property
    def plek(self) -> str:
        return f"{self.bron}:{self.regel}"

    @property
    def naam_tekst(self) -> str:
        if self.volledig:
            return self.volledig
        return " ".join(x for x in (self.voornaam, self.naam) if x) or (self.id or "")


@dataclass
class Klaslijst:
    bron: str
    rijen: list[Rij]
    kolommen: dict[str, str]  # field -> its header as written ('klas' -> 'Klasgroep'); empty: no header
    codering: str
    scheiding: str

    @property
    def beschrijving(self) -> str:
        teken = {";": "';'", ",": "','", "\t": "tabs"}[self.scheiding]
        koppen = ", ".join(self.kolommen.values()) if self.kolommen else "zonder kopregel: dossier en klas"
        return f"{self.bron}: {len(self.rijen)} rijen ({self.codering}, {teken}; kolommen {koppen})"


class Onbruikbaar(Fout):
    """A class list that cannot be used as it is: each problem with its file and line."""


def weigering(bron: str, problemen: list[str], uitleg: str = "") -> Onbruikbaar:
    lijst = "\n".join(f"  {p}" for p in problemen[:MAX_FOUTEN])
    meer = f"\n  … en nog {len(problemen) - MAX_FOUTEN}" if len(problemen) > MAX_FOUTEN else ""
    return Onbruikbaar(f"{bron} is zo niet te gebruiken; er is niets gewijzigd:\n{lijst}{meer}" + (f"\n{uitleg}" if uitleg else ""))


# ---------------------------------------------------------------------------- bytes to text

_EINDE = re.compile(r"\r\n|\r|\n")
_CP1252_GATEN = {0x81, 0x8D, 0x8F, 0x90, 0x9D}  # undefined in Windows-1252: Python's codec refuses them


def _regel_van(tekst: str, offset: int) -> int:
    return len(_EINDE.findall(tekst, 0, offset)) + 1


def decodeer(ruw: bytes, bron: str) -> tuple[str, str]:
    """The text of a class list and the name of its encoding: UTF-16 by its BOM (or by its
    zero bytes), UTF-8 when the bytes are UTF-8, else Windows-1252. A byte that is no
    character is refused with its line, never replaced by U+FFFD."""
    if ruw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _lijkt_utf16(ruw):
        codec = "utf-16" if ruw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else _utf16_zonder_bom(ruw)
        try:
            return ruw.decode(codec).lstrip("\ufeff"), "UTF-16"
        except UnicodeDecodeError as e:
            voor = ruw[: e.start - e.start % 2].decode(codec, errors="replace")
            raise weigering(
                bron, [f"{bron}:{_regel_van(voor, len(voor))}: dit is geen geldige UTF-16-tekst (afgebroken of beschadigd)"], OPNIEUW_BEWAREN
            ) from None
    if ruw.startswith(codecs.BOM_UTF8):
        try:
            return ruw[3:].decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as e:
            voor = ruw[3 : e.start].decode("utf-8", errors="replace")
            raise weigering(
                bron, [f"{bron}:{_regel_van(voor, len(voor))}: dit is geen geldige UTF-8-tekst, al begint het bestand als UTF-8"], OPNIEUW_BEWAREN
            ) from None
    try:
        return ruw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return ruw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as e:
        byte = ruw[e.start]
        voor = ruw[: e.start].decode("latin-1")
        waarom = "staat in Windows-1252 voor geen enkel teken" if byte in _CP1252_GATEN else "is geen teken in Windows-1252"
        raise weigering(
            bron,
            [f"{bron}:{_regel_van(voor, len(voor))}: byte 0x{byte:02X} is geen UTF-8 en {waarom}: het bestand is beschadigd of in een andere codering bewaard"],
            OPNIEUW_BEWAREN,
        ) from None


def _lijkt_utf16(ruw: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of Latin text is zero."""
    begin = ruw[:400]
    return len(begin) >= 4 and begin.count(0) * 3 >= len(begin)


def _utf16_zonder_bom(ruw: bytes) -> str:
    begin = ruw[:400]
    return "utf-16-le" if begin[1::2].count(0) >= begin[0::2].count(0) else "utf-16-be"


# ---------------------------------------------------------------------------- text to rows


def lees(pad: Path, bron: str | None = None) -> Klaslijst:
    """Read a class list (see the module's text); refuses with `Onbruikbaar` or `Fout`."""
    getoond = bron or toon(pad)
    ruw = lees_begrensd(pad, getoond, MAX_BESTAND, lambda boodschap: Fout(f"{getoond}: {boodschap}; is dit wel een klaslijst?"))
    tekst, codering = decodeer(ruw, getoond)
    return ontleed(tekst, getoond, codering)


def _kop(cel: str) -> str:
    return re.sub(r"[^a-z0-9]", "", normaal(cel))


def _scheiding(tekst: str) -> str:
    """The separator of the columns: the most frequent of ; tab , in the first lines."""
    regels = [r for r in _EINDE.split(tekst[:20_000]) if r.strip()][:10]
    tellingen = {teken: sum(r.count(teken) for r in regels) for teken in (";", "\t", ",")}
    return max(tellingen, key=lambda t: (tellingen[t], -(";", "\t", ",").index(t)))


def _records(tekst: str, bron: str, scheiding: str) -> list[tuple[int, list[str]]]:
    """(line where the record starts, its cells) of every record, blank ones left out."""
    if "\x00" in tekst:
        raise weigering(bron, [f"{bron}:{_regel_van(tekst, tekst.index(chr(0)))}: bevat een NUL-teken: dit is geen tekstbestand (een xlsx?)"], OPNIEUW_BEWAREN)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    uit: list[tuple[int, list[str]]] = []
    vorige = 0
    while True:
        try:
            cellen = next(lezer)
        except StopIteration:
            return uit
        except csv.Error as e:
            waarom = "een veld is groter dan 128 kB; een klaslijst heeft korte velden" if "field larger" in str(e) else f"deze regel is geen geldige CSV ({e})"
            raise weigering(bron, [f"{bron}:{vorige + 1}: {waarom}"], "Is dit wel de klaslijst van de school?") from None
        regel, vorige = vorige + 1, lezer.line_num
        if any(len(c) > MAX_VELD for c in cellen):
            raise weigering(
                bron, [f"{bron}:{regel}: een veld is groter dan 128 kB; een klaslijst heeft korte velden"], "Is dit wel de klaslijst van de school?"
            )
        if any(c.strip() for c in cellen):
            uit.append((regel, cellen))


def _kolommen(cellen: list[str], bron: str, regel: int, problemen: list[str]) -> dict[str, int] | None:
    """The fields of a header row (field -> column index), or None when it is no header."""
    gevonden: dict[str, list[int]] = defaultdict(list)
    for i, cel in enumerate(cellen):
        kop = _kop(cel)
        if kop in NAAM_OF_VOLLEDIG:
            gevonden["naam?"].append(i)
            continue
        if re.fullmatch(r"(?:klas|klasgroep)\d{8}", kop):  # 'Klas 2027-2028'
            gevonden["klas"].append(i)
            continue
        for veld, namen in KOPPEN.items():
            if kop in namen:
                gevonden[veld].append(i)
    if "naam?" in gevonden:
        gevonden["naam" if "voornaam" in gevonden else "volledig"] += gevonden.pop("naam?")
    if "nieuwe klas" in gevonden:
        gevonden["klas"] = gevonden.pop("nieuwe klas")  # 'Klas' then is this year's
    if "klas" not in gevonden or not ({"id", "naam", "voornaam", "volledig"} & set(gevonden)):
        return None
    for veld, plaatsen in gevonden.items():
        if len(plaatsen) > 1:
            koppen = " en ".join(f"'{cellen[i].strip()}'" for i in plaatsen)
            problemen.append(f"{bron}:{regel}: twee kolommen voor {veld}: {koppen}; laat er één staan of geef de andere een andere kop")
    return {veld: plaatsen[0] for veld, plaatsen in gevonden.items()}


def _lijkt_id(tekst: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", tekst)) and any(c.isdigit() for c in tekst) and "-" in tekst


def ontleed(tekst: str, bron: str, codering: str = "UTF-8") -> Klaslijst:
    """The rows of a class list's text."""
    scheiding = _scheiding(tekst)
    records = _records(tekst, bron, scheiding)
    if not records:
        raise Fout(f"{bron} is leeg; verwacht een kopregel zoals {KOPREGEL} en een rij per leerling. Er is niets gewijzigd.")
    problemen: list[str] = []
    kolommen: dict[str, int] | None = None
    begin = 0
    for k, (regel, cellen) in enumerate(records[:10]):
        kolommen = _kolommen(cellen, bron, regel, problemen)
        if kolommen is not None:
            begin = k + 1
            break
    if problemen:
        raise weigering(bron, problemen)
    koppen: dict[str, str] = {}
    if kolommen is None:  # the older form without a header: dossier id, class
        eerste = [c.strip() for c in records[0][1]]
        if len(eerste) < 2 or not _lijkt_id(eerste[0]):
            raise Fout(
                f"{bron}:{records[0][0]}: geen kopregel gevonden. De eerste regel moet de kolommen noemen, zoals {KOPREGEL} "
                "(of Dossier;Klas); de kolommen mogen in elke volgorde staan. Er is niets gewijzigd."
            )
        kolommen = {"id": 0, "klas": 1}
    else:
        kopregel = records[begin - 1][1]
        koppen = {veld: kopregel[i].strip() for veld, i in sorted(kolommen.items(), key=lambda x: x[1])}
    rijen = []
    for regel, cellen in records[begin:]:
        waarden: dict[str, str | None] = {}
        fout: list[str] = []
        for veld, i in kolommen.items():
            waarde = cellen[i].strip() if i < len(cellen) else ""
            positie = onbetrouwbaar(waarde, regels=False)
            if positie is not None:
                teken = "een regeleinde" if waarde[positie] in "\r\n" else teken_uitleg(waarde[positie])
                fout.append(f"de kolom {koppen.get(veld, veld)} bevat {teken}; typ de waarde opnieuw in het bestand")
            waarden[veld] = waarde or None
        klas = waarden.pop("klas") or ""
        rijen.append(Rij(bron, regel, klas, kop_klas=koppen.get("klas", "klas"), problemen=fout, **waarden))
    return Klaslijst(bron, rijen, koppen, codering, scheiding)


# ---------------------------------------------------------------------------- rows to cases


def _sleutel(tekst: str | None) -> str:
    """A name as people write it: no capitals, accents, extra spaces; ’ is ', a comma a space."""
    return " ".join(normaal(tekst or "").replace("\u2019", "'").replace(",", " ").split())


def lees_datum(tekst: str) -> dt.date | None:
    """A birth date as exports write it: 14/03/2015, 14-03-2015, 14.03.2015, 2015-03-14
    (Excel may add a time: 14/03/2015 0:00:00). None when it is none."""
    t = tekst.strip().split(" ")[0].split("T")[0]
    try:
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


_DATUM = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}(?:[ T].*)?")


def geen_klas(waarde: str, namen: Iterable[str | None] = ()) -> str | None:
    """Why `waarde` cannot be a pupil's class (a date, the pupil's own name, a number, a mail
    address, too long), or None. `namen`: the pupil's names as written anywhere."""
    if _DATUM.fullmatch(waarde.strip()):
        return "dat is een datum"
    if _sleutel(waarde) in {_sleutel(n) for n in namen} - {""}:
        return "dat is de naam van de leerling"
    if "@" in waarde:
        return "dat is een e-mailadres"
    if re.fullmatch(r"\d{5,}", waarde.strip()):
        return "dat is een nummer (een stamboek- of rijksregisternummer?)"
    if len(waarde.strip()) > MAX_KLAS:
        return f"dat is te lang voor een klas (meer dan {MAX_KLAS} tekens)"
    return None


@dataclass
class Treffer:
    rij: Rij
    dossier: Dossier
    hoe: str  # 'id', 'naam en geboortedatum' or 'naam'


@dataclass
class Koppeling:
    """Which case each row is."""

    treffers: list[Treffer] = field(default_factory=list)  # running cases with a class in the list
    zonder_klas: list[Treffer] = field(default_factory=list)  # running cases whose row has no class
    afgesloten: list[Treffer] = field(default_factory=list)  # closed cases: left as they are
    zonder_dossier: list[Rij] = field(default_factory=list)  # pupils without a case here
    bijna: list[tuple[Rij, Dossier]] = field(default_factory=list)  # the name fits, the birth date not
    zonder_rij: list[Dossier] = field(default_factory=list)  # running cases of the list's schools without a row


class _Index:
    def __init__(self, dossiers: list[Dossier]) -> None:
        self.op_id = {normaal(d.id): d for d in dossiers}
        self.op_naam: dict[str, list[Dossier]] = defaultdict(list)
        for d in dossiers:
            v, n = _sleutel(d.leerling.voornaam), _sleutel(d.leerling.naam)
            for vorm in {f"{v} {n}", f"{n} {v}"}:
                self.op_naam[vorm].append(d)

    def op_rij(self, rij: Rij) -> list[Dossier]:
        if rij.volledig:
            return list(self.op_naam.get(_sleutel(rij.volledig), []))
        return list(self.op_naam.get(f"{_sleutel(rij.voornaam)} {_sleutel(rij.naam)}", []))


def _past_naam(rij: Rij, d: Dossier) -> bool:
    if not (rij.volledig or rij.naam or rij.voornaam):
        return True
    if rij.volledig:
        return d in _Index([d]).op_rij(rij)
    return all(_sleutel(a) == _sleutel(b) for a, b in ((rij.naam, d.leerling.naam), (rij.voornaam, d.leerling.voornaam)) if a)


def koppel(lijsten: list[Klaslijst], dossiers: list[Dossier]) -> Koppeling:
    """Each row's case (running cases first: a pupil may also have a closed one); refuses
    with `Onbruikbaar` and every problem when a row cannot be placed for sure."""
    index = _Index(dossiers)
    uit = Koppeling()
    problemen: list[str] = []
    gekozen: dict[str, Treffer] = {}
    for lijst in lijsten:
        for rij in lijst.rijen:
            treffer = _koppel_rij(rij, index, uit, problemen)
            if rij.problemen:  # refused, and said with the case it would have changed
                wie = f" ({treffer.dossier.id} {treffer.dossier.leerling.volledige_naam})" if treffer else ""
                problemen.extend(f"{rij.plek}{wie}: {p}" for p in rij.problemen)
                continue
            if treffer is None:
                continue
            eerder = gekozen.get(treffer.dossier.id)
            if eerder is None:
                gekozen[treffer.dossier.id] = treffer
            elif _sleutel(eerder.rij.klas) != _sleutel(rij.klas):
                d = treffer.dossier
                problemen.append(
                    f"{eerder.rij.plek} en {rij.plek} noemen allebei {d.id} ({d.leerling.volledige_naam}), met een andere klas "
                    f"('{eerder.rij.klas}' en '{rij.klas}'); laat één rij staan"
                )
    for treffer in gekozen.values():
        rij, d = treffer.rij, treffer.dossier
        if d.fase == Fase.afgesloten:
            uit.afgesloten.append(treffer)
        elif not rij.klas:
            uit.zonder_klas.append(treffer)
        else:
            ll = d.leerling
            namen = (rij.naam, rij.voornaam, rij.volledig, ll.naam, ll.voornaam, ll.volledige_naam, f"{ll.naam} {ll.voornaam}")
            waarom = geen_klas(rij.klas, namen)
            if waarom:
                problemen.append(f"{rij.plek}: '{rij.klas}' in de kolom {rij.kop_klas} is geen klas van {d.id} ({d.leerling.volledige_naam}): {waarom}")
            uit.treffers.append(treffer)
    if problemen:
        bron = ", ".join(dict.fromkeys(lijst.bron for lijst in lijsten))
        raise weigering(bron, problemen, f"Kijk na of elke kolom de juiste kop heeft, zoals {KOPREGEL} (een kolom Dossier mag erbij).")
    scholen = {_sleutel(t.dossier.school.naam) for t in gekozen.values()}
    uit.zonder_rij = sorted(
        (d for d in dossiers if d.fase != Fase.afgesloten and d.id not in gekozen and _sleutel(d.school.naam) in scholen), key=lambda d: d.id
    )
    for soort in (uit.treffers, uit.zonder_klas, uit.afgesloten):
        soort.sort(key=lambda t: t.dossier.id)
    return uit


def _koppel_rij(rij: Rij, index: _Index, uit: Koppeling, problemen: list[str]) -> Treffer | None:
    if rij.id:
        d = index.op_id.get(normaal(rij.id))
        if d is None:
            problemen.append(f"{rij.plek}: er is geen dossier met id '{rij.id}'")
            return None
        if not _past_naam(rij, d):
            problemen.append(f"{rij.plek}: {d.id} is het dossier van {d.leerling.volledige_naam}, maar deze rij noemt {rij.naam_tekst}")
            return None
        return Treffer(rij, d, "id")
    kandidaten = index.op_rij(rij)
    if not kandidaten:
        uit.zonder_dossier.append(rij)
        return None
    hoe = "naam"
    if rij.geboortedatum:
        dag = lees_datum(rij.geboortedatum)
        if dag is None:
            problemen.append(f"{rij.plek}: '{rij.geboortedatum}' is geen geboortedatum; schrijf ze als 14/03/2015 of 2015-03-14")
            return None
        anders = [d for d in kandidaten if d.leerling.geboortedatum not in (None, dag)]
        kandidaten = [d for d in kandidaten if d.leerling.geboortedatum in (None, dag)]
        if not kandidaten:
            uit.bijna.extend((rij, d) for d in anders)
            uit.zonder_dossier.append(rij)
            return None
        hoe = "naam en geboortedatum" if all(d.leerling.geboortedatum == dag for d in kandidaten) else "naam"
    lopend = [d for d in kandidaten if d.fase != Fase.afgesloten]
    if len(lopend) > 1:
        ids = ", ".join(d.id for d in lopend)
        problemen.append(
            f"{rij.plek}: {rij.naam_tekst} past bij {len(lopend)} lopende dossiers ({ids}); zet de id in een kolom Dossier, of voeg een kolom Geboortedatum toe"
        )
        return None
    return Treffer(rij, lopend[0] if lopend else max(kandidaten, key=lambda d: d.id), hoe)
