"""The weekly overview for coordinators: six sections, computed once, in one pass.

Each case is reduced to the few facts the sections need (its `Bijdrage`) as soon as it is
read, so memory does not grow with the size of the cases, and a large folder is read on
every core: the workers send back contributions, not models (`snel.lees_alle`). The
formats (`formats.py`) only render these sections. "Today" and the week are passed in;
nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import GebruikFout
from leersteun.core.tekst import normaal
from leersteun.outputs.anoniem import Anonimiseerder, stukken
from leersteun.rules.deadlines import Deadline, Soort, Staat, deadlines
from leersteun.rules.diplon import open_stappen, wacht_op_verslag
from leersteun.rules.model import Dossier, Fase, Instellingen, Vorm
from leersteun.rules.namen import als_in
from leersteun.rules.overgang import laatste_jaar, overgang_uitleg
from leersteun.rules.schoolkalender import Schoolkalender
from leersteun.rules.stand import aandachtspunten, heropstartstand, zoals_op

if TYPE_CHECKING:
    from leersteun.reading.folder import Dossiermap
    from leersteun.reading.snel import Gelezen

FASEN = [f.value for f in Fase]
VORMEN = [v.value for v in Vorm]
EVALUATIE_SOORTEN = (Soort.evaluatie, Soort.vier_maanden, Soort.einde_schooljaar)
_VERLOPEN = Staat.verlopen.value


@dataclass(frozen=True)
class Week:
    jaar: int
    nummer: int

    @functools.cached_property
    def maandag(self) -> dt.date:
        return dt.date.fromisocalendar(self.jaar, self.nummer, 1)

    @functools.cached_property
    def zondag(self) -> dt.date:
        return self.maandag + dt.timedelta(days=6)

    def __str__(self) -> str:
        return f"{self.jaar}-W{self.nummer:02d}"

    def bevat(self, datum: dt.date) -> bool:
        return self.maandag <= datum <= self.zondag


def week_van(tekst: str | None, vandaag: dt.date) -> Week:
    if not tekst:
        jaar, nummer, _ = vandaag.isocalendar()
        return Week(jaar, nummer)
    # 2026-W48, 2026W48, W48, week 48 or 48 (a week of this year)
    m = re.fullmatch(r"(?:(\d{4})[- ]?)?(?:w|week)?\s*(\d{1,2})", tekst.strip(), re.I)
    if m:
        jaar = int(m.group(1)) if m.group(1) else vandaag.isocalendar()[0]
        try:
            dt.date.fromisocalendar(jaar, int(m.group(2)), 1)
            return Week(jaar, int(m.group(2)))
        except ValueError:
            pass
    raise GebruikFout(f"--week '{tekst}' is geen week; schrijf ze als 48, W48 of 2026-W48.")


def initialen(d: Dossier) -> str:
    from leersteun.outputs.anoniem import initialen as van_naam

    return van_naam(d.leerling.voornaam, d.leerling.naam)


class _Rijtje:
    """What a worker process sends (a Bijdrage and its rows) pickles as its values in field
    order: a third of the time of pickle's default, the fields by name (measured)."""

    def __reduce__(self) -> tuple[type, tuple]:
        return type(self), tuple(self.__dict__.values())


@dataclass
class Rij(_Rijtje):
    """A case that is not closed, as one row (csv, json `dossiers`, xlsx)."""

    id: str
    leerling: str
    school: str
    klas: str
    fase: str
    vorm: str | None
    ondersteuner: str | None
    start: dt.date | None
    uiterlijk_einde: dt.date | None
    volgende_evaluatie: dt.date | None


@dataclass
class Heropstartvraag(_Rijtje):
    id: str
    leerling: str
    school: str
    stand: str  # checklist open | mail niet gemaakt | mail niet verstuurd | wacht op toewijzing
    sinds: dt.date
    dagen: int


@dataclass
class DeadlineRij(_Rijtje):
    datum: dt.date
    staat: str
    id: str
    leerling: str
    wat: str
    ondersteuner: str | None


@dataclass
class Caseload:
    ondersteuner: str
    per_vorm: dict[str, int]

    @property
    def totaal(self) -> int:
        return sum(self.per_vorm.values())


@dataclass
class CapaciteitRij:
    school: str
    leerlingen: int | None
    verslagen_gemiddeld: float | None
    richtcapaciteit: float | None
    lopend: int

    @property
    def verschil(self) -> float | None:
        return None if self.richtcapaciteit is None else round(self.lopend - self.richtcapaciteit, 1)


@dataclass
class Wijziging(_Rijtje):
    datum: dt.date
    id: str
    leerling: str
    fase: str
    door: str
    notitie: str


@dataclass
class Aandachtspunt(_Rijtje):
    id: str
    leerling: str
    school: str
    evaluatie: dt.date
    wat: str
    ondersteuner: str | None


@dataclass
class DiplonRij(_Rijtje):
    id: str
    leerling: str
    school: str
    stap: str
    wie: str
    sinds: dt.date
    dagen: int


@dataclass
class OvergangRij(_Rijtje):
    id: str
    leerling: str
    school: str
    klas: str
    overgang: str
    nodig: str


@dataclass
class Overzicht:
    netwerk: str
    week: Week
    vandaag: dt.date
    anoniem: bool
    per_fase: dict[str, int] = field(default_factory=dict)
    per_vorm: dict[str, int] = field(default_factory=dict)
    heropstartvragen: list[Heropstartvraag] = field(default_factory=list)
    deadlines_week: list[DeadlineRij] = field(default_factory=list)
    deadlines_verlopen: list[DeadlineRij] = field(default_factory=list)
    caseload: list[Caseload] = field(default_factory=list)
    capaciteit: list[CapaciteitRij] = field(default_factory=list)
    trajecten_totaal: int | None = None
    wijzigingen: list[Wijziging] = field(default_factory=list)
    aandachtspunten: list[Aandachtspunt] = field(default_factory=list)
    diplon: list[DiplonRij] = field(default_factory=list)
    wacht_op_verslag: list[Heropstartvraag] = field(default_factory=list)
    verslagen: list[Any] = field(default_factory=list)  # register.VerslagRij: Verslagen at a school without aanmelding
    overgangen: list[OvergangRij] = field(default_factory=list)
    toon_overgangen: bool = False  # from May on
    mensen: dict[str, list[dict]] = field(default_factory=dict)  # per running case (json only)
    overleggen: dict[str, list[dict]] = field(default_factory=dict)
    dossiers: list[Rij] = field(default_factory=list)
    ongeldig: list[str] = field(default_factory=list)
    peil: dt.date | None = None  # the cases as they stood on this day: `vandaag`, or the end of a week that is past

    @property
    def aantal(self) -> int:
        return sum(self.per_fase.values())


@dataclass
class Bijdrage(_Rijtje):
    """What one case adds to the overview: made where the case is read (in a worker process
    when the folder is large, see `snel.lees_alle`), then added to the Overzicht in file order."""

    id: str
    fase: str
    school: str
    lopend: tuple[str, str] | None  # (vorm, ondersteuner) of the running traject
    heropstart: Heropstartvraag | None
    deadlines_week: list[DeadlineRij]
    deadlines_verlopen: list[DeadlineRij]
    aandachtspunten: list[Aandachtspunt]
    diplon: list[DiplonRij]
    wacht_op_verslag: Heropstartvraag | None
    overgang: OvergangRij | None
    wijzigingen: list[Wijziging]
    rij: Rij | None  # not closed: the row, the people and the meetings
    mensen: list[dict]
    overleggen: list[dict]
    namen: list[tuple[str, str, int]]  # for --anoniem: the names of this case, what replaces them, whose they are


def bijdrage(d: Dossier, week: Week, vandaag: dt.date, anoniem: bool = False, team: Iterable[str] = (), kalender: Schoolkalender | None = None) -> Bijdrage:
    """The facts of one case that the sections need; its deadlines on school days of its
    school (`kalender`), as in the agenda."""
    naam = f"{initialen(d)} ({d.id})" if anoniem else d.leerling.volledige_naam
    lopend = d.lopend_traject
    open_ = deadlines(d, vandaag, kalender)
    week_rijen: list[DeadlineRij] = []
    verlopen: list[DeadlineRij] = []
    maandag = week.maandag
    for x in open_:
        if x.datum < maandag:
            staat = _VERLOPEN if x.datum < vandaag else x.staat(vandaag).value  # the common case without a call
            verlopen.append(DeadlineRij(x.datum, staat, d.id, naam, x.omschrijving, x.ondersteuner))
        elif week.bevat(x.datum):
            week_rijen.append(DeadlineRij(x.datum, x.staat(vandaag).value, d.id, naam, x.omschrijving, x.ondersteuner))
    afgesloten = d.fase == Fase.afgesloten
    wacht = wacht_op_verslag(d)
    return Bijdrage(
        id=d.id,
        fase=d.fase.value,
        school=d.school.naam,
        lopend=(lopend.vorm.value, d.ondersteuner or "(geen ondersteuner)") if lopend is not None else None,
        heropstart=_heropstartvraag(d, naam, vandaag),
        deadlines_week=week_rijen,
        deadlines_verlopen=verlopen,
        aandachtspunten=[] if afgesloten else _aandachtspunten(d, naam),
        diplon=[DiplonRij(d.id, naam, d.school.naam, s.omschrijving, s.wie, s.sinds, (vandaag - s.sinds).days) for s in open_stappen(d, vandaag)],
        wacht_op_verslag=None if wacht is None else Heropstartvraag(d.id, naam, d.school.naam, "Verslag nog niet zichtbaar in Diplon", wacht, (vandaag - wacht).days),
        overgang=_overgang(d, naam) if vandaag.month in OVERGANGSMAANDEN and not afgesloten else None,
        wijzigingen=[Wijziging(g.datum, d.id, naam, g.fase.value, g.door, g.notitie or "") for g in d.geschiedenis if week.bevat(g.datum)],
        rij=None if afgesloten else _rij(d, anoniem, open_),
        mensen=[] if afgesloten else [{"rol": b.rol.value} if anoniem else {"rol": b.rol.value, "naam": b.naam, "contact": b.contact} for b in d.betrokkenen],
        overleggen=[] if afgesloten else [
            {"datum": x.datum.isoformat(), "soort": x.soort.value, "met": [r.value for r in x.met], "volgende": x.volgende.isoformat() if x.volgende else None}
            for x in d.overleggen
        ],
        namen=Anonimiseerder(team).namen(d) if anoniem else [],
    )  # fmt: skip


OVERGANGSMAANDEN = (5, 6, 7, 8)  # the transitions section shows from May on


def _heropstartvraag(d: Dossier, naam: str, vandaag: dt.date) -> Heropstartvraag | None:
    stand = heropstartstand(d)  # the same derivation as `toon`
    if stand is None:
        return None
    return Heropstartvraag(d.id, naam, d.school.naam, stand.stand, stand.sinds, (vandaag - stand.sinds).days)


def _aandachtspunten(d: Dossier, naam: str) -> list[Aandachtspunt]:
    return [Aandachtspunt(d.id, naam, d.school.naam, datum, wat, d.ondersteuner) for datum, wat in aandachtspunten(d)]


def _overgang(d: Dossier, naam: str) -> OvergangRij | None:
    soort = laatste_jaar(d)
    if not soort:
        return None
    return OvergangRij(d.id, naam, d.school.naam, d.leerling.klas, "lager → secundair" if soort == "lager" else "kleuter → lager", overgang_uitleg(soort, d))


def _rij(d: Dossier, anoniem: bool, open_: list[Deadline]) -> Rij:
    lopend = d.lopend_traject
    return Rij(
        d.id,
        initialen(d) if anoniem else d.leerling.volledige_naam,
        d.school.naam,
        d.leerling.klas,
        d.fase.value,
        lopend.vorm.value if lopend else None,
        d.ondersteuner,
        lopend.start if lopend else None,
        next((x.datum for x in open_ if x.soort in (Soort.einde_light, Soort.einde_medium)), None),  # as in the agenda: on a school day
        _volgende_evaluatie(open_),
    )


def van_map(
    map_: Dossiermap,
    instellingen: Instellingen | None,
    week: Week,
    vandaag: dt.date,
    anoniem: bool = False,
    voortgang: Callable[[int, int], Any] | None = None,
) -> tuple[Overzicht, list[Gelezen]]:
    """The overview of a whole case folder, and the files with errors (not counted). Each
    case becomes its Bijdrage where it is read: on every core for a large folder."""
    from leersteun.reading.dossiers import context
    from leersteun.reading.snel import uitkomsten

    team = tuple(instellingen.teamnamen()) if instellingen else ()
    kalender = Schoolkalender.van(instellingen)
    peil = min(vandaag, week.zondag)  # a week that is past: the cases as they stood at its end

    def stap(_pad: Any, d: Dossier) -> Bijdrage | list[tuple[str, str, int]] | None:
        toen = zoals_op(d, peil) if peil < vandaag else d
        if toen is None:  # not there yet that week: with --anoniem its names still go from the others' notes
            return Anonimiseerder(team).namen(d) if anoniem else None
        return bijdrage(toen, week, peil, anoniem, team, kalender)

    fout: list[Gelezen] = []
    later: list[list[tuple[str, str, int]]] = []

    def bijdragen() -> Iterator[Bijdrage]:
        """The contributions, one at a time; the names of the others go to `later`."""
        for b in uitkomsten(map_, context(vandaag, instellingen), stap, fout, voortgang):
            if isinstance(b, Bijdrage):
                yield b
            else:
                later.append(b or [])

    o = samenvoegen(bijdragen(), instellingen, week, vandaag, anoniem, peil=peil, namen=later)
    o.ongeldig = sorted(g.pad.name for g in fout)
    return o, fout


def samenvoegen(
    bijdragen: Iterable[Bijdrage],
    instellingen: Instellingen | None,
    week: Week,
    vandaag: dt.date,
    anoniem: bool = False,
    ongeldig: Iterable[str] = (),
    peil: dt.date | None = None,
    namen: Iterable[list[tuple[str, str, int]]] = (),
) -> Overzicht:
    """The sections from the contributions of every case, taken in file order; `peil`: the
    day they show the cases as they stood (the end of a week that is past), else `vandaag`;
    `namen`: for --anoniem, those of the cases that were not there yet."""
    o = Overzicht(instellingen.netwerk if instellingen else "Leersteun", week, vandaag, anoniem, ongeldig=sorted(ongeldig))
    o.peil = peil or vandaag
    o.toon_overgangen = o.peil.month in OVERGANGSMAANDEN
    fasen: Counter[str] = Counter()
    vormen: Counter[str] = Counter()
    caseload: dict[str, Counter[str]] = defaultdict(Counter)
    lopend_per_school: Counter[str] = Counter()
    scholen: set[str] = set()
    anon = Anonimiseerder(instellingen.teamnamen() if instellingen else ()).instellingen(instellingen)
    aangemeld: set[tuple[str, frozenset[str]]] = set()  # (school, name parts) of each case that is not closed
    spelling = als_in(instellingen.teamnamen() if instellingen else ())  # 'els maes' counts as Els Maes
    for b in bijdragen:
        fasen[b.fase] += 1
        scholen.add(b.school)
        if b.lopend is not None:
            vorm, ondersteuner = b.lopend
            vormen[vorm] += 1
            caseload[spelling(ondersteuner)][vorm] += 1
            lopend_per_school[b.school] += 1
        if b.heropstart is not None:
            o.heropstartvragen.append(b.heropstart)
        o.deadlines_week += b.deadlines_week
        o.deadlines_verlopen += b.deadlines_verlopen
        o.aandachtspunten += b.aandachtspunten
        o.diplon += b.diplon
        if b.wacht_op_verslag is not None:
            o.wacht_op_verslag.append(b.wacht_op_verslag)
        if b.overgang is not None:
            o.overgangen.append(b.overgang)
        o.wijzigingen += b.wijzigingen
        if b.rij is not None:
            o.dossiers.append(b.rij)
            o.mensen[b.id] = b.mensen
            o.overleggen[b.id] = b.overleggen
            delen = [k for k, _, wie in b.namen if wie == 0] if anoniem else [k for k, _, _ in stukken(b.rij.leerling)]
            aangemeld.add((normaal(b.rij.school), frozenset(delen)))
        anon.voeg(b.namen)
    for n in namen:
        anon.voeg(n)

    o.per_fase = {f: fasen[f] for f in FASEN}
    o.per_vorm = {v: vormen[v] for v in VORMEN}
    o.caseload = sorted(
        (Caseload(n, {v: c[v] for v in VORMEN}) for n, c in caseload.items()),
        key=lambda c: (c.ondersteuner.startswith("("), c.ondersteuner),
    )
    o.heropstartvragen.sort(key=lambda h: (-h.dagen, h.id))
    sleutel = operator.attrgetter("datum", "id", "wat")  # in C: a third of the time of a lambda
    o.deadlines_week.sort(key=sleutel)
    o.deadlines_verlopen.sort(key=sleutel)
    o.wijzigingen.sort(key=lambda w: (w.datum, w.id))  # stable: the same day in the order of the history
    if anoniem:  # every name of every case of the folder, in every text
        for rij in (*o.deadlines_week, *o.deadlines_verlopen):
            rij.wat = anon.tekst(rij.wat)
        for w in o.wijzigingen:
            w.notitie = anon.tekst(w.notitie)
    o.dossiers.sort(key=lambda r: r.id)
    o.aandachtspunten.sort(key=lambda a: (a.id, a.wat))
    o.diplon.sort(key=lambda r: (r.sinds, r.id, r.stap))
    o.wacht_op_verslag.sort(key=lambda h: (-h.dagen, h.id))
    o.overgangen.sort(key=lambda r: (r.school, r.id))
    o.capaciteit, o.trajecten_totaal = _capaciteit(instellingen, lopend_per_school, scholen)
    from leersteun.outputs.register import verslagen_zonder_aanmelding

    o.verslagen = verslagen_zonder_aanmelding(instellingen, aangemeld, anon if anoniem else None)
    return o


def _volgende_evaluatie(open_: list[Deadline]) -> dt.date | None:
    datums = [x.datum for x in open_ if x.soort in EVALUATIE_SOORTEN]
    return min(datums) if datums else None


def richtcapaciteit(totaal: int, leerlingen: dict[str, int], verslagen: dict[str, float]) -> dict[str, float]:
    """Seed 001: 70 % in proportion to pupils, 30 % to the average number of verslagen."""
    som_l = sum(leerlingen.values())
    som_v = sum(verslagen.values())
    uit = {}
    for school in leerlingen:
        aandeel = 0.7 * (leerlingen[school] / som_l if som_l else 0) + 0.3 * (verslagen[school] / som_v if som_v else 0)
        uit[school] = round(totaal * aandeel, 1)
    return uit


def _capaciteit(instellingen: Instellingen | None, lopend: Counter[str], scholen: set[str]) -> tuple[list[CapaciteitRij], int | None]:
    cap = instellingen.capaciteit if instellingen else None
    rijen: list[CapaciteitRij] = []
    bekend: set[str] = set()
    if cap is not None:
        richt = richtcapaciteit(
            cap.trajecten_totaal,
            {s.naam: s.leerlingen for s in cap.scholen},
            {s.naam: s.verslagen_gemiddeld for s in cap.scholen},
        )
        for s in cap.scholen:
            bekend.add(s.naam)
            rijen.append(CapaciteitRij(s.naam, s.leerlingen, s.verslagen_gemiddeld, richt[s.naam], lopend[s.naam]))
    for school in sorted(scholen - bekend):
        rijen.append(CapaciteitRij(school, None, None, None, lopend[school]))
    return rijen, (cap.trajecten_totaal if cap else None)
