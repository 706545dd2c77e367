"""The trajectory of a case: phases and their guards, evaluations, closing, transitions.

The rules come from seed 003 (Verloop van de leersteun) and seed 001 (the closing
questions). Each public function checks its guards on the validated `Dossier`, then edits
the round-trip data (see `bewerk`), and returns Dutch messages for the user. A refusal is a
`Geweigerd` error that names the rule and what is missing; nothing is changed then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from leersteun.core import datums
from leersteun.core.tekst import label
from leersteun.editing.bewerk import lijst, voeg_toe, voeg_toe_aan, zet, zonder_leeg
from leersteun.rules.afsluiting import GEEN_HEROPSTART, LAAT_GENOTEERD, REDEN_TEKST, SIHO, afgesloten_op, afsluitreden, fase_sinds, kan_heropstarten
from leersteun.rules.deadlines import MAANDEN, Soort, op_schooldag, plus_maanden
from leersteun.rules.model import VIER_VRAGEN, Beslissing, Dossier, Fase, Herorientering, Niveau, Overleg, OverlegSoort, Reden, Uitkomst, Vorm, schooljaar_van
from leersteun.rules.schoolkalender import Schoolkalender, zomervakantie
from leersteun.rules.weigering import Geweigerd

if TYPE_CHECKING:  # ruamel is loaded by the first edit, not by the commands that only read
    from ruamel.yaml.comments import CommentedMap


# Which phase may follow which, through `leersteun fase`.
OVERGANGEN: dict[Fase, set[Fase]] = {
    Fase.aanmelding: {Fase.opstart, Fase.afgesloten},
    Fase.opstart: {Fase.ondersteuning, Fase.afgesloten},
    Fase.ondersteuning: {Fase.afgesloten},
    Fase.afgesloten: {Fase.heropstart},
    # after the assignment, the assigned ondersteuner chooses: light/medium or a new traject
    Fase.heropstart: {Fase.afgesloten, Fase.opstart, Fase.ondersteuning},
}
LIGHT_EVALUATIE_NA = dt.timedelta(weeks=4)  # seed 000: "na enkele weken uitproberen"
VORM_TEKST = {Vorm.regulier: "ondersteuning", Vorm.light: "interventie light", Vorm.medium: "interventie medium", Vorm.nieuw: "nieuw ondersteuningstraject"}
VORM_UITLEG = {
    Vorm.light: "Wekelijks of enkele contacten, hoogstens 2 maanden, vooral gericht op de leerkracht.",
    Vorm.medium: "(Twee)wekelijks, hoogstens 3 maanden, evenwicht tussen leerling en leerkracht.",
    Vorm.nieuw: "Opnieuw starten: plan van aanpak (vorm, duur, intensiteit, frequentie) en groeidocument; evaluatie na 4 maanden.",
}


def overleg_sinds(dossier: Dossier, soort: OverlegSoort, sinds: dt.date | None) -> Overleg | None:
    """The latest recorded meeting of this kind, on or after `sinds`."""
    for o in reversed(dossier.overleggen):
        if o.soort == soort and (sinds is None or o.datum >= sinds):
            return o
    return None


def voeg_overleg(
    data: CommentedMap,
    soort: OverlegSoort,
    datum: dt.date,
    *,
    met: list[str] | None = None,
    notitie: str | None = None,
    volgende: dt.date | None = None,
    door: str | None = None,
) -> None:
    from leersteun.files.store import flow_lijst

    voeg_toe_aan(
        data,
        "overleggen",
        zonder_leeg(datum=datum, soort=soort.value, met=flow_lijst(met or []), notitie=notitie, volgende=volgende, door=door),
    )


@dataclass
class Wie:
    """Who and when, for the history entry every accepted change appends."""

    door: str
    datum: dt.date
    notitie: str | None = None


@dataclass
class TrajectAfspraak:
    """What the opstartgesprek agreed: form, start, frequency, intensity, duration, evaluation moments;
    `toch`: why it departs from what its form allows (light, medium), for the history."""

    vorm: Vorm | None = None
    start: dt.date | None = None
    frequentie: str | None = None
    intensiteit: str | None = None
    evaluatie_op: list[dt.date] = field(default_factory=list)
    toch: str | None = None
    duur: str | None = None  # seed 003: "frequentie, intensiteit en duur" agreed at the start
    kalender: Schoolkalender | None = None  # the case folder's school calendar (school days)

    def __post_init__(self) -> None:
        # '--duur "   "' is no agreed duration: a text of spaces only counts as not given
        for sleutel in ("frequentie", "intensiteit", "duur", "toch"):
            setattr(self, sleutel, (getattr(self, sleutel) or "").strip() or None)

    def leeg(self) -> bool:
        return not (self.frequentie or self.intensiteit or self.duur or self.start or self.evaluatie_op)


# ---------------------------------------------------------------------------- light and medium (seed 000)

# Seed 000: light "Wekelijks of via enkele overlegmomenten", at most 2 months; medium
# "(Twee)wekelijks", at most 3 months. A frequency is free text; these are the rhythms it is
# read as (the first that fits), and the ones each form allows.
RITMES = (
    ("tweewekelijks", r"twee ?wekelijks|2 ?-?wekelijks|(om|per|elke) (de )?(twee|2) weken"),
    ("dagelijks", r"dagelijks|(elke|iedere|per) dag"),
    ("maandelijks", r"maandelijks|(elke|iedere|per) maand|(om|per|elke) (de )?(vier|4) weken|(vier|4) ?-?wekelijks"),
    # 'driewekelijks' is no 'wekelijks': every rhythm rarer than every two weeks
    (
        "minder dan tweewekelijks",
        r"(drie|vijf|zes|acht|3|5|6|8) ?-?wekelijks|(om|per|elke) (de )?(drie|vijf|zes|acht|[3-9]|\d\d) weken|trimester|semester|jaarlijks",
    ),
    ("wekelijks", r"wekelijks|(elke|iedere|per) week"),
    ("enkele", r"enkele|een paar|\b\d+ (keer|overleg|contact|moment)"),
)
VORM_RITMES = {Vorm.light: {"wekelijks", "tweewekelijks", "enkele"}, Vorm.medium: {"wekelijks", "tweewekelijks"}}
VORM_REGEL = {
    Vorm.light: "wekelijks of via enkele overlegmomenten, hoogstens 2 maanden",
    Vorm.medium: "(twee)wekelijks, hoogstens 3 maanden",
}


def ritme(frequentie: str | None) -> str | None:
    """The rhythm a typed frequency means ('1 lesuur per twee weken': tweewekelijks), or None."""
    import re

    tekst = " ".join((frequentie or "").lower().split())
    return next((naam for naam, patroon in RITMES if re.search(patroon, tekst)), None)


def uiterlijk_tot(vorm: Vorm, start: dt.date, kalender: Schoolkalender | None, school: str | None) -> dt.date:
    """The last day a light or medium may run: its maximum length, on a school day (as the
    agenda shows its end)."""
    einde = plus_maanden(start, MAANDEN[vorm])
    soort = Soort.einde_light if vorm == Vorm.light else Soort.einde_medium
    return op_schooldag(einde, soort, "", kalender or Schoolkalender(), school)[0]


def afwijkingen(
    vorm: Vorm,
    start: dt.date,
    kalender: Schoolkalender | None,
    school: str | None,
    *,
    frequentie: str | None = None,
    momenten: list[dt.date] | None = None,
    verder_op: dt.date | None = None,
) -> list[str]:
    """What contradicts a light or medium (seed 000): a rhythm the form does not have,
    evaluation moments after its maximum, continuing after its maximum."""
    if vorm not in VORM_RITMES:
        return []
    uit = []
    gelezen = ritme(frequentie)
    if frequentie and gelezen is not None and gelezen not in VORM_RITMES[vorm]:
        uitleg = "" if " ".join(frequentie.lower().split()) == gelezen else f" ({gelezen})"  # 'maandelijks' once, not '(maandelijks)' again
        uit.append(f"de frequentie '{frequentie}'{uitleg} past niet bij een {VORM_TEKST[vorm]}")
    grens = uiterlijk_tot(vorm, start, kalender, school)
    later = sorted(d for d in momenten or [] if d > grens)
    if later:
        uit.append(f"een evaluatiemoment na het einde ({', '.join(datums.kort(d) for d in later)}; uiterlijk {datums.kort(grens)})")
    if verder_op is not None and verder_op > grens:
        uit.append(f"verderzetten op {datums.kort(verder_op)}, na het einde (uiterlijk {datums.kort(grens)})")
    return uit


def _weiger_afwijking(dossier: Dossier, vorm: Vorm, fout: list[str], uitweg: str) -> None:
    raise Geweigerd(
        f"Een {VORM_TEKST[vorm]} is {VORM_REGEL[vorm]} (de procedure heropstart). Dat klopt hier niet: {'; '.join(fout)}. "
        f'{uitweg} Moet het toch, geef dan de reden mee met --toch "..."; die komt in de geschiedenis. Er is niets gewijzigd.'
    )


def zomer_melding(vorm: Vorm, start: dt.date) -> str | None:
    """A light or medium that would run into the summer holiday says so at its start."""
    zomer = zomervakantie(start)
    einde = plus_maanden(start, MAANDEN[vorm])
    if not start < zomer <= einde:
        return None
    return (
        f"Let op: deze {VORM_TEKST[vorm]} loopt tot in de zomervakantie (die begint op {datums.kort(zomer)}; hoogstens "
        f"{MAANDEN[vorm]} maanden brengt ze tot {datums.kort(einde)}). Rond ze af vóór de zomer, of spreek met de school af "
        "wat er in september gebeurt."
    )


def schooldag_melding(wat: str, momenten: list[dt.date], kalender: Schoolkalender | None, school: str | None) -> list[str]:
    """A planned date on a day without school: where the agenda will show it."""
    uit = []
    for moment in momenten:
        verschuiving = (kalender or Schoolkalender()).schooldag(moment, school)
        if verschuiving is not None:
            uit.append(
                f"{wat} {datums.kort(moment)} valt op een dag zonder school ({verschuiving.waarom}); "
                f"in de agenda staat het op de volgende schooldag, {datums.kort(verschuiving.datum)}."
            )
    return uit


def start_melding(begin: dt.date, kalender: Schoolkalender | None, school: str | None) -> list[str]:
    """A support that starts on a day without school (a weekend, the paasvakantie) says so: its
    weeks, and a light's or medium's maximum, count from that day."""
    verschuiving = (kalender or Schoolkalender()).schooldag(begin, school)
    if verschuiving is None:
        return []
    return [
        f"Let op: de start {datums.kort(begin)} valt op een dag zonder school ({verschuiving.waarom}); de eerste schooldag "
        f"is {datums.kort(verschuiving.datum)}. De weken van de ondersteuning tellen vanaf de start; kies zo nodig een andere --start."
    ]


def geschiedenis(data: CommentedMap, fase: Fase | str, wie: Wie, notitie: str | None = None) -> None:
    """Add the history line of an accepted change, in date order.

    A change dated after every line is appended. A fact of an earlier day goes to its place;
    it gets the phase the case was in then (the line before it) and says when it was entered.
    A phase change dated before later lines goes to its place too, and a 'Laat genoteerd' line
    at the end (dated the day it was entered) carries the new phase, so the last line always
    names the phase the case is in. A phase change before the day the current phase began is
    refused with that day: the steps of the trajectory keep their order."""
    from leersteun.editing.bewerk import voeg_in
    from leersteun.rules.identiteit import plaats_op_datum

    fase = str(fase.value if isinstance(fase, Fase) else fase)
    seq = lijst(data, "geschiedenis")
    tekst = wie.notitie or notitie
    item = zonder_leeg(datum=wie.datum, fase=fase, door=wie.door, notitie=tekst)
    plaats = plaats_op_datum(seq, item)
    if plaats == len(seq):
        voeg_toe(seq, item)
        return
    regels = [(r.get("datum"), str(r.get("fase")), r.get("notitie")) for r in seq]
    huidig = regels[-1][1]
    if fase != huidig:
        sinds = fase_sinds(regels, huidig)
        if sinds is not None and wie.datum < sinds:
            raise Geweigerd(
                f"Het dossier staat sinds {datums.kort(sinds)} in fase {huidig}; de stap naar {fase} kan niet vroeger "
                f"gedateerd worden ({datums.kort(wie.datum)}). Kies een datum vanaf {datums.kort(sinds)}."
            )
        voeg_in(seq, plaats, item)
        laatste = max(_genoteerd(), regels[-1][0])
        wat = f" ({tekst.strip().rstrip('.')})" if tekst else ""
        notitie_ = f"{LAAT_GENOTEERD} fase {fase} sinds {datums.kort(wie.datum)}{wat}."
        voeg_toe(seq, zonder_leeg(datum=laatste, fase=fase, door=wie.door, notitie=notitie_))
        return
    item["fase"] = regels[plaats - 1][1] if plaats > 0 else regels[0][1]
    item["notitie"] = (f"{tekst.rstrip()} " if tekst else "") + f"(Laat genoteerd op {datums.kort(_genoteerd())}.)"
    voeg_in(seq, plaats, item)


def _genoteerd() -> dt.date:
    """The day a change is entered (today, or LEERSTEUN_VANDAAG)."""
    from leersteun.reading.folder import vandaag

    return vandaag()


def _sluit_traject(data: CommentedMap, dossier: Dossier, datum: dt.date) -> None:
    if dossier.lopend_traject is not None:
        traject = data["trajecten"][len(dossier.trajecten) - 1]
        if "einde" in traject:
            zet(traject, "einde", datum)
        else:
            traject.insert(list(traject).index("start") + 1, "einde", datum)


def _ondersteuner_wordt_vorige(data: CommentedMap, dossier: Dossier) -> None:
    if dossier.ondersteuner:
        if dossier.ondersteuner not in dossier.vorige_ondersteuners:
            voeg_toe(lijst(data, "vorige_ondersteuners"), dossier.ondersteuner)
        zet(data, "ondersteuner", None)


# ---------------------------------------------------------------------------- closing (seeds 001, 003)

# Seed 003: "Na overleg met alle partners kan er overgegaan worden tot het afsluiten". The
# partners around the pupil that seed 003 names (the school that runs the HGD "samen met de
# ouders en het CLB"): per partner, the roles of an overleg that count for it.
PARTNERS = {
    "de school": ("klasleerkracht", "zorgcoordinator", "directie"),
    "de ouders": ("ouders",),
    "het CLB": ("clb",),
}
OVERLEG_VOOR_AFSLUITEN = dt.timedelta(days=30)  # a recorded overleg this close before the closing counts


@dataclass
class Afronding:
    """What goes with closing a case whose support ran: the two closing questions (seed 001),
    who took part in the overleg before it (seed 003, `met`: roles) or why a partner could not
    (`zonder_overleg`); at lager→secundair whether further support is needed."""

    wat_neemt_school_mee: str | None = None
    kansen: str | None = None
    met: list[str] = field(default_factory=list)
    zonder_overleg: str | None = None
    verdere_leersteun: bool | None = None


def opsomming(delen: list[str]) -> str:
    """'de school, de ouders en het CLB'."""
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} en {delen[-1]}"


def liep(dossier: Dossier) -> bool:
    """Did support run (a traject that is still open)? Then closing asks the closing questions
    and the overleg with the partners; a case closed before any support started does not."""
    return dossier.lopend_traject is not None


def partners_zonder_overleg(dossier: Dossier, datum: dt.date, met: list[str]) -> list[str]:
    """The partners (PARTNERS) who took part neither in the closing overleg (`met`) nor in an
    overleg recorded in the month before `datum`."""
    rollen = set(met)
    for o in dossier.overleggen:
        if datum - OVERLEG_VOOR_AFSLUITEN <= o.datum <= datum:
            rollen |= {r.value for r in o.met}
    return [naam for naam, telt in PARTNERS.items() if not rollen & set(telt)]


def ontbreekt_bij_afsluiten(dossier: Dossier, datum: dt.date, afronding: Afronding, verdere: bool = False) -> list[str]:
    """What a closing still needs, each with the option that gives it (empty: complete).
    `verdere`: lager→secundair, which records whether further support is needed."""
    uit = []
    a = afronding
    if liep(dossier):
        if not (a.wat_neemt_school_mee or "").strip():
            uit.append('wat de school meeneemt bij het afronden (--wat-neemt-school-mee "...")')
        if not (a.kansen or "").strip():
            uit.append('waar volgens de school nog kansen liggen (--kansen "...")')
        zonder = partners_zonder_overleg(dossier, datum, a.met)
        if zonder and not (a.zonder_overleg or "").strip():
            uit.append(
                f"het overleg met alle partners: {opsomming(zonder)} {'was' if len(zonder) == 1 else 'waren'} er niet bij "
                "(--met ROL,ROL, zoals --met klasleerkracht,ouders,clb; of noteer het overleg met 'leersteun overleg'; "
                'kon een partner niet deelnemen, zeg waarom met --zonder-overleg "...")'
            )
    if verdere and a.verdere_leersteun is None:
        uit.append("of uit de evaluatie blijkt dat verdere leersteun nodig is (--verdere-leersteun of --geen-verdere-leersteun)")
    return uit


def controleer_afsluiten(dossier: Dossier, wie: Wie, reden: Reden, afronding: Afronding, verdere: bool = False) -> None:
    """Refuse a closing that the rules do not allow yet, naming what is missing; nothing is
    asked or changed before this (the terminal asks what is missing first)."""
    if dossier.fase not in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning):
        raise Geweigerd(f"Dossier {dossier.id} staat in fase {dossier.fase}; alleen een lopend dossier kan afgesloten worden.")
    lopend = dossier.lopend_traject
    if lopend is not None and wie.datum < lopend.start:
        raise Geweigerd(
            f"Afsluiten op {datums.kort(wie.datum)} kan niet: het lopende traject startte op {datums.kort(lopend.start)}. "
            f"Kies een datum vanaf {datums.kort(lopend.start)}."
        )
    if reden == Reden.doelen_bereikt and not dossier.huidige_doelen:
        raise Geweigerd(
            f"'doelen_bereikt' kan niet: dossier {dossier.id} heeft geen doelen"
            + (" voor dit traject" if dossier.doelen else "")
            + ". Kies de reden die klopt (zoals geen_leersteun_gewenst of andere), of noteer eerst de doelen met "
            f"'leersteun doel {dossier.id}'. Er is niets gewijzigd."
        )
    ontbreekt = ontbreekt_bij_afsluiten(dossier, wie.datum, afronding, verdere)
    if ontbreekt:
        raise Geweigerd(
            "Afsluiten gebeurt na overleg met alle partners (school, ouders, CLB), met de twee slotvragen: wat neemt de "
            "school mee, en waar liggen nog kansen? Er ontbreekt: " + "; ".join(ontbreekt) + ". Er is niets gewijzigd."
        )
    if afronding.zonder_overleg and not partners_zonder_overleg(dossier, wie.datum, afronding.met):
        raise Geweigerd("--zonder-overleg zegt waarom een partner niet aan het overleg deelnam; hier waren ze er allemaal. Laat --zonder-overleg weg.")


def afsluiten(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    reden: Reden,
    afronding: Afronding | None = None,
    vier_vragen: dict | None = None,
    extra: dict | None = None,
    verdere: bool = False,
) -> list[str]:
    """Close a case: the closing evaluation (with the closing questions and who took part), the
    end of the running traject, the history. `extra`: more fields of the evaluation
    (afgesproken_met, herorientering, clb_uitnodiging); `verdere`: lager→secundair."""

    a = afronding or Afronding()
    controleer_afsluiten(dossier, wie, reden, a, verdere)
    zonder = partners_zonder_overleg(dossier, wie.datum, a.met) if a.zonder_overleg else []
    voeg_toe_aan(data, "evaluaties",
        zonder_leeg(
            datum=wie.datum,
            beslissing=Beslissing.afsluiten.value,
            reden=reden.value,
            wat_neemt_school_mee=(a.wat_neemt_school_mee or "").strip() or None,
            kansen=(a.kansen or "").strip() or None,
            vier_vragen=vier_vragen_yaml(vier_vragen),
            **_extra_velden(extra, a.met, a.verdere_leersteun),
            notitie=f"Zonder {opsomming(zonder)} in het overleg: {(a.zonder_overleg or '').strip().rstrip('.')}." if zonder else None,
            door=wie.door,
        )
    )  # fmt: skip
    _sluit_traject(data, dossier, wie.datum)
    _ondersteuner_wordt_vorige(data, dossier)
    zet(data, "fase", Fase.afgesloten.value)
    geschiedenis(data, Fase.afgesloten, wie, f"Afgesloten: {REDEN_TEKST[reden]}.")
    if reden == Reden.overgang_hoger:
        return [
            f"Dossier {dossier.id} is afgesloten ({REDEN_TEKST[reden]}). Het blijft bewaard; in het hoger onderwijs geeft het leersteuncentrum geen leersteun."
        ]
    if reden in GEEN_HEROPSTART:
        return [f"Dossier {dossier.id} is afgesloten ({REDEN_TEKST[reden]}). Het blijft bewaard; wat volgt is een nieuwe aanmelding, geen heropstart."]
    if reden == Reden.stopt_met_school:
        return [
            f"Dossier {dossier.id} is afgesloten ({REDEN_TEKST[reden]}). Het blijft bewaard; komt de leerling terug naar dezelfde "
            "school, dan kan het heropgestart worden (--zelfde-school), naar een andere school volgt een nieuwe aanmelding."
        ]
    return [f"Dossier {dossier.id} is afgesloten ({REDEN_TEKST[reden]}). Het blijft bewaard en kan heropgestart worden."]


def _extra_velden(extra: dict | None, met: list[str] | None = None, verdere: bool | None = None) -> dict:
    """Who took part and agreed, and what the evaluation decided besides (seeds 001, 002, 003),
    as they go in the file, in its order."""
    from leersteun.files.store import flow_lijst

    e = extra or {}
    afgesproken = e.get("afgesproken_met") or []
    herorientering = e.get("herorientering")
    return {
        "met": flow_lijst(met) if met else None,
        "afgesproken_met": flow_lijst(afgesproken) if afgesproken else None,
        "verdere_leersteun": verdere,
        "herorientering": herorientering.value if herorientering is not None else None,
        "clb_uitnodiging": (e.get("clb_uitnodiging") or "").strip() or None,
    }


def naar_fase(
    data: CommentedMap,
    dossier: Dossier,
    naar: Fase,
    wie: Wie,
    *,
    reden: Reden | None = None,
    afspraak: TrajectAfspraak | None = None,
    ondersteuner: str | None = None,
    verslag_zichtbaar: bool = False,
    opstartgesprek: dt.date | None = None,
    leervraag: str | None = None,
    overleg_school_clb: dt.date | None = None,
    afronding: Afronding | None = None,
    met: list[str] | None = None,
) -> list[str]:
    """Move a case to phase `naar`, enforcing the guards of seed 003. `afronding`: what goes
    with closing; `met`: who took part in the opstartgesprek given with `opstartgesprek`."""
    van = dossier.fase
    afspraak = afspraak or TrajectAfspraak()
    if naar == van:
        raise Geweigerd(f"Dossier {dossier.id} staat al in fase {van}.")
    if naar not in OVERGANGEN[van]:
        raise Geweigerd(_waarom_niet(dossier, naar))

    if van == Fase.heropstart and naar in (Fase.opstart, Fase.ondersteuning):
        return kies_vorm(data, dossier, wie, naar, afspraak)

    if naar == Fase.opstart:
        if not (dossier.verslag.zichtbaar_in_diplon or verslag_zichtbaar):
            raise Geweigerd(
                "Opstart kan pas als het Verslag zichtbaar is in Diplon voor het leersteuncentrum "
                "(via de IRIS-koppeling of een upload door de school). Is het zichtbaar? "
                "Geef dan --verslag-zichtbaar mee."
            )
        if verslag_zichtbaar:
            zet(data["verslag"], "zichtbaar_in_diplon", True)
        zet(data, "fase", naar.value)
        geschiedenis(data, naar, wie)
        return [
            f"Dossier {dossier.id} staat nu in fase opstart. Bespreek in het opstartgesprek de hulp- of leervraag, "
            "concrete doelen, en frequentie, intensiteit en duur."
        ]

    if naar == Fase.ondersteuning:
        return _naar_ondersteuning(data, dossier, wie, afspraak, ondersteuner, opstartgesprek, leervraag, met)

    if naar == Fase.afgesloten:
        if van == Fase.heropstart:
            return _geen_heropstart(data, dossier, wie)
        if reden is None:
            raise Geweigerd(
                "Afsluiten gebeurt na een evaluatie of met een reden. Gebruik 'leersteun evaluatie "
                f"{dossier.id} --beslissing afsluiten', of geef --reden mee (een van: " + ", ".join(label(r) for r in Reden) + ")."
            )
        return afsluiten(data, dossier, wie, reden, afronding)

    # naar == heropstart (only from afgesloten)
    return start_heropstart(data, dossier, wie, overleg_school_clb)


def start_heropstart(data: CommentedMap, dossier: Dossier, wie: Wie, overleg_school_clb: dt.date | None = None, zelfde_school: bool = False) -> list[str]:
    """Seed 003: a heropstart only after an overleg between school and CLB; not after a closing
    that calls for a new aanmelding (`zelfde_school`: the pupil who stopped returns to it)."""
    from ruamel.yaml.comments import CommentedMap

    waarom = kan_heropstarten(dossier, zelfde_school)
    if waarom:
        raise Geweigerd(waarom)
    sinds = afgesloten_op(dossier)
    if overleg_school_clb is not None:
        if sinds is not None and overleg_school_clb < sinds:
            raise Geweigerd(
                f"Het overleg tussen school en CLB ({datums.kort(overleg_school_clb)}) ligt vóór het afsluiten "
                f"({datums.kort(sinds)}); een heropstart vraagt een overleg daarna."
            )
        if overleg_school_clb > wie.datum:
            raise Geweigerd(
                f"Het overleg tussen school en CLB ({datums.kort(overleg_school_clb)}) ligt na de heropstart ({datums.kort(wie.datum)}); "
                "noteer het als het gebeurd is, of geef de heropstart een latere --datum."
            )
        voeg_overleg(data, OverlegSoort.school_clb, overleg_school_clb, met=["clb"], door=wie.door)
    elif overleg_sinds(dossier, OverlegSoort.school_clb, sinds) is None:
        raise Geweigerd(
            "Een heropstart kan pas na een overleg tussen de school en het CLB. Er is er geen genoteerd "
            + (f"sinds het afsluiten op {datums.kort(sinds)}" if sinds else "")
            + f". Geef de datum mee met --overleg-school-clb DATUM, of noteer het eerst met "
            f"'leersteun overleg {dossier.id} --soort school-clb --datum DATUM'."
        )
    voeg_toe(
        lijst(data, "heropstarts"),
        CommentedMap(
            gestart=wie.datum,
            analyse_met=None,
            checklist=None,
            uitkomst=None,
            motivatie=None,
            mail=None,
            toewijzing=None,
        ),
    )
    zet(data, "fase", Fase.heropstart.value)
    terug = " De leerling komt terug naar dezelfde school." if zelfde_school and afsluitreden(dossier) == Reden.stopt_met_school else ""
    geschiedenis(data, Fase.heropstart, wie, "Heropstart na overleg tussen school en CLB." + terug)
    return [f"Dossier {dossier.id} staat nu in fase heropstart. Doorloop de checklist met 'leersteun heropstart {dossier.id}'."]


def _naar_ondersteuning(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    afspraak: TrajectAfspraak,
    ondersteuner: str | None,
    opstartgesprek: dt.date | None = None,
    leervraag: str | None = None,
    met: list[str] | None = None,
) -> list[str]:
    from ruamel.yaml.comments import CommentedMap

    from leersteun.files.store import flow_lijst

    ontbreekt = []
    lopend = dossier.lopend_traject
    if not dossier.huidige_doelen:
        if dossier.doelen:
            ontbreekt.append(
                "minstens één doel voor dit nieuwe traject: de doelen van vroeger horen bij de vorige ondersteuning "
                f"(voeg een doel toe met 'leersteun doel {dossier.id}')"
            )
        else:
            ontbreekt.append(f"minstens één doel (voeg het toe met 'leersteun doel {dossier.id}')")
    sinds = lopend.start - dt.timedelta(days=30) if lopend is not None else None
    gesprek = overleg_sinds(dossier, OverlegSoort.opstartgesprek, sinds)
    if opstartgesprek is None and gesprek is None:
        ontbreekt.append(f"een opstartgesprek (--opstartgesprek DATUM met --met ROL,ROL, of 'leersteun overleg {dossier.id} --soort opstartgesprek')")
    heeft_vraag = bool(leervraag) or bool(dossier.leervraag and dossier.leervraag.vraag)
    if not heeft_vraag:
        ontbreekt.append('de hulp- of leervraag van de school (--leervraag "...")')
    frequentie = afspraak.frequentie or (lopend.frequentie if lopend else None)
    intensiteit = afspraak.intensiteit or (lopend.intensiteit if lopend else None)
    duur = afspraak.duur or (lopend.duur if lopend else None)
    if not frequentie:
        ontbreekt.append("de afgesproken frequentie (--frequentie, zoals 'wekelijks')")
    if not intensiteit:
        ontbreekt.append("de afgesproken intensiteit (--intensiteit, zoals '1 lesuur per week')")
    if not duur:
        ontbreekt.append("de afgesproken duur (--duur, zoals 'tot de krokusvakantie' of '3 maanden')")
    if ontbreekt:
        raise Geweigerd(
            "Ondersteuning start pas na het opstartgesprek, met doelen en een afspraak over frequentie, "
            "intensiteit en duur. Er ontbreekt: " + "; ".join(ontbreekt) + "."
        )
    if met and opstartgesprek is None:
        raise Geweigerd("--met noemt wie aan het opstartgesprek deelnam: geef het samen met --opstartgesprek DATUM.")
    if opstartgesprek is not None:
        if opstartgesprek > wie.datum:
            raise Geweigerd(
                f"Het opstartgesprek ({datums.kort(opstartgesprek)}) ligt na de start van de ondersteuning ({datums.kort(wie.datum)}); "
                "noteer het als het gebeurd is, of geef de ondersteuning een latere --datum."
            )
        voeg_overleg(data, OverlegSoort.opstartgesprek, opstartgesprek, met=met, door=wie.door)
    if leervraag:
        zet_leervraag(data, leervraag)
    if lopend is None:
        voeg_toe(lijst(data, "trajecten"),
            CommentedMap(
                vorm=(afspraak.vorm or Vorm.regulier).value,
                start=afspraak.start or wie.datum,
                frequentie=frequentie,
                intensiteit=intensiteit,
                duur=duur,
                evaluatie_op=flow_lijst(sorted(afspraak.evaluatie_op)),
            )
        )  # fmt: skip
    else:
        from leersteun.editing.bewerk import zet_op_plaats

        traject = data["trajecten"][len(dossier.trajecten) - 1]
        for sleutel, waarde in (("frequentie", afspraak.frequentie), ("intensiteit", afspraak.intensiteit)):
            if waarde:
                zet(traject, sleutel, waarde)
        if afspraak.duur:
            zet_op_plaats(traject, "duur", afspraak.duur, TRAJECT_VOLGORDE)
        if afspraak.evaluatie_op:
            momenten = lijst(traject, "evaluatie_op")
            momenten.extend(d for d in afspraak.evaluatie_op if d not in lopend.evaluatie_op)
    if ondersteuner:
        zet(data, "ondersteuner", ondersteuner)
    zet(data, "fase", Fase.ondersteuning.value)
    geschiedenis(data, Fase.ondersteuning, wie)
    meldingen = [f"Dossier {dossier.id} staat nu in fase ondersteuning ({frequentie}, {intensiteit}, {duur})."]
    if opstartgesprek is not None and not met or opstartgesprek is None and gesprek is not None and not gesprek.met:
        meldingen.append(
            "Let op: het opstartgesprek noemt niet wie er was; het gebeurt met de verschillende partners (school, ouders, CLB). "
            f"Noteer het met --met ROL,ROL of 'leersteun overleg {dossier.id} --soort opstartgesprek --met ...'."
        )
    meldingen += vraag_van_leerkracht(dossier.leervraag.van if dossier.leervraag else [])
    return meldingen


TRAJECT_VOLGORDE = ["vorm", "start", "einde", "frequentie", "intensiteit", "duur", "evaluatie_op", "notitie"]


def vraag_van_leerkracht(van: list) -> list[str]:
    """Seed 001: the team starts from a support question of the teachers beside the pupil's or
    the parents'. A warning when the question is known to come from others only."""
    rollen = [str(getattr(v, "value", v)) for v in van]
    if not rollen or "leerkracht" in rollen:
        return []
    return [
        f"Let op: de hulp- of leervraag komt van {', '.join(rollen)}, niet van de leerkracht. Leersteun vertrekt van een "
        "ondersteuningsvraag van de leerkracht naast die van de leerling of de ouders: vraag wat de leerkracht zelf nodig "
        "heeft of wil leren (en noteer het bij de leervraag, van: leerkracht)."
    ]


def zet_leervraag(data: CommentedMap, vraag: str, van: list[str] | None = None, al_geprobeerd: list[str] | None = None) -> None:
    """Record the hulp- or leervraag (seed 002, 003), keeping what is already there."""
    from ruamel.yaml.comments import CommentedMap

    from leersteun.editing.bewerk import zet_op_plaats
    from leersteun.files.store import flow_lijst

    huidig = data.get("leervraag")
    if not isinstance(huidig, CommentedMap):
        huidig = CommentedMap()
        zet_op_plaats(data, "leervraag", huidig)
    zet(huidig, "vraag", vraag)
    if van:
        zet(huidig, "van", flow_lijst(van))
    if al_geprobeerd:
        seq = lijst(huidig, "al_geprobeerd")
        for x in al_geprobeerd:
            if x not in seq:
                voeg_toe(seq, x)


def kies_vorm(data: CommentedMap, dossier: Dossier, wie: Wie, naar: Fase, afspraak: TrajectAfspraak, notitie: str | None = None) -> list[str]:
    """After the assignment, the assigned ondersteuner chooses the follow-up (seed 000, step 3):
    light or medium (fase ondersteuning) or a new traject (fase opstart). A light or medium
    keeps to its form (rhythm, maximum length) unless `afspraak.toch` says why not."""
    from leersteun.files.store import flow_lijst

    h = dossier.laatste_heropstart
    if h is None or h.toewijzing is None:
        raise Geweigerd(
            "Na een heropstart wijst de coördinatie eerst een ondersteuner toe: "
            f"'leersteun toewijzen {dossier.id} ONDERSTEUNER'. Daarna kiest die ondersteuner de vorm."
        )
    if h.toewijzing.vorm is not None:
        raise Geweigerd(f"De vorm van deze heropstart is al gekozen ({h.toewijzing.vorm.value}).")
    vorm = afspraak.vorm
    if naar == Fase.ondersteuning and vorm not in (Vorm.light, Vorm.medium):
        raise Geweigerd(
            "Kies na een heropstart de vorm: --vorm light of --vorm medium (fase ondersteuning), "
            f"of een nieuw traject met 'leersteun fase {dossier.id} opstart --vorm nieuw'."
        )
    if naar == Fase.opstart and vorm != Vorm.nieuw:
        raise Geweigerd(
            "Een heropstart gaat naar opstart met een nieuw ondersteuningstraject: --vorm nieuw. "
            f"Voor light of medium: 'leersteun fase {dossier.id} ondersteuning --vorm light|medium'."
        )
    assert vorm is not None
    begin = afspraak.start or wie.datum
    if begin < h.toewijzing.datum:
        raise Geweigerd(
            f"De start ({datums.kort(begin)}) ligt vóór de toewijzing ({datums.kort(h.toewijzing.datum)}); kies een start vanaf {datums.kort(h.toewijzing.datum)}."
        )
    kalender, school = afspraak.kalender or Schoolkalender(), dossier.school.naam
    momenten = sorted(afspraak.evaluatie_op)
    if not momenten and vorm == Vorm.light:  # "na enkele weken uitproberen", on a school day before the end
        standaard = begin + LIGHT_EVALUATIE_NA
        verschuiving = kalender.schooldag(standaard, school)
        momenten = [min(verschuiving.datum if verschuiving else standaard, uiterlijk_tot(vorm, begin, kalender, school))]
    fout = afwijkingen(vorm, begin, kalender, school, frequentie=afspraak.frequentie, momenten=momenten)
    if fout and not (afspraak.toch or "").strip():
        _weiger_afwijking(dossier, vorm, fout, "Pas het aan, of kies een nieuw ondersteuningstraject (--vorm nieuw).")
    if afspraak.toch and not fout:
        raise Geweigerd(f"--toch geeft de reden van een afwijking van de vorm (light of medium); bij deze {VORM_TEKST[vorm]} wijkt niets af. Laat --toch weg.")
    zet(data["heropstarts"][len(dossier.heropstarts) - 1]["toewijzing"], "vorm", vorm.value)
    voeg_toe(
        lijst(data, "trajecten"),
        zonder_leeg(
            vorm=vorm.value,
            start=begin,
            frequentie=afspraak.frequentie,
            intensiteit=afspraak.intensiteit,
            duur=afspraak.duur,
            evaluatie_op=flow_lijst(momenten),
        ),
    )
    zet(data, "fase", naar.value)
    tekst = notitie or f"Vorm gekozen: {VORM_TEKST[vorm]}."
    if fout:
        tekst += f" Afwijking van de vorm ({'; '.join(fout)}): {(afspraak.toch or '').strip().rstrip('.')}."
    geschiedenis(data, naar, wie, tekst)
    meldingen = [f"Dossier {dossier.id}: {VORM_TEKST[vorm]}, start {datums.kort(begin)} (fase {naar.value}).", VORM_UITLEG[vorm]]
    if vorm == Vorm.light and not afspraak.evaluatie_op:
        meldingen.append(f"Evaluatie na enkele weken uitproberen: {datums.kort(momenten[0])} (wijzig met --evaluatie-op).")
    meldingen += start_melding(begin, kalender, school)
    meldingen += schooldag_melding("Het evaluatiemoment", sorted(afspraak.evaluatie_op), kalender, school)
    if vorm in MAANDEN:
        meldingen += [m for m in [zomer_melding(vorm, begin)] if m]
    return meldingen


def _geen_heropstart(data: CommentedMap, dossier: Dossier, wie: Wie) -> list[str]:
    laatste = dossier.laatste_heropstart
    if not wie.notitie:
        raise Geweigerd("Terug naar afgesloten zonder heropstart vraagt een motivatie: geef --notitie mee.")
    if laatste is not None and laatste.uitkomst == Uitkomst.heropstart:
        raise Geweigerd(
            "De checklist besliste al tot een heropstart; nu wijst de coördinatie een ondersteuner toe "
            f"('leersteun toewijzen {dossier.id}'). Komt men daarop terug, start de checklist dan opnieuw "
            f"('leersteun heropstart {dossier.id} --opnieuw') en kies geen_heropstart."
        )
    if laatste is not None and laatste.uitkomst is None:
        item = data["heropstarts"][len(dossier.heropstarts) - 1]
        zet(item, "uitkomst", Uitkomst.geen_heropstart.value)
        zet(item, "motivatie", wie.notitie)
    zet(data, "fase", Fase.afgesloten.value)
    geschiedenis(data, Fase.afgesloten, Wie(wie.door, wie.datum, f"Geen heropstart: {wie.notitie}"))
    return [f"Dossier {dossier.id} is terug afgesloten, zonder heropstart."]


def _waarom_niet(dossier: Dossier, naar: Fase) -> str:
    van = dossier.fase
    mogelijk = ", ".join(sorted(f.value for f in OVERGANGEN[van]))
    if naar == Fase.heropstart:
        return f"Een heropstart kan alleen vanuit afgesloten; dossier {dossier.id} staat in fase {van}."
    if van == Fase.afgesloten:
        return (
            f"Een afgesloten dossier gaat alleen verder via een heropstart ('leersteun fase {dossier.id} heropstart'). "
            "Bij een nieuwe school of een nieuw Verslag maakt de school een nieuwe aanmelding."
        )
    return f"Van fase {van} kan het dossier niet naar {naar}; wel naar: {mogelijk}."


def evaluatie(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    beslissing: Beslissing,
    *,
    reden: Reden | None = None,
    wat_neemt_school_mee: str | None = None,
    kansen: str | None = None,
    frequentie: str | None = None,
    intensiteit: str | None = None,
    volgende: list[dt.date] | None = None,
    vier_vragen: dict | None = None,
    toch: str | None = None,
    kalender: Schoolkalender | None = None,
    met: list[str] | None = None,
    afgesproken_met: list[str] | None = None,
    zonder_overleg: str | None = None,
    herorientering: Herorientering | None = None,
    clb_uitnodiging: str | None = None,
) -> list[str]:
    """Record an evaluation of running support: verderzetten (maybe adjusted) or afsluiten.

    `vier_vragen` holds the answers to the four questions of seed 000 ({sleutel: (antwoord,
    toelichting)} plus an optional general `toelichting`); all four or none. A light or medium
    goes on only within its form (seed 000), unless `toch` says why. `met`: who took part;
    `afgesproken_met`: who agreed how, when and with whom (seed 001); `herorientering` and
    `clb_uitnodiging`: the CLB's moments of seed 002; `zonder_overleg`: see `Afronding`."""
    if dossier.fase != Fase.ondersteuning:
        raise Geweigerd(f"Een evaluatie hoort bij fase ondersteuning; dossier {dossier.id} staat in fase {dossier.fase}.")
    lopend = dossier.lopend_traject
    if lopend is not None and wie.datum < lopend.start:
        raise Geweigerd(
            f"De evaluatie ({datums.kort(wie.datum)}) ligt vóór de start van de ondersteuning ({datums.kort(lopend.start)}). "
            f"Kies een datum vanaf {datums.kort(lopend.start)}."
        )
    if vier_vragen:
        ontbreekt = [k for k in VIER_VRAGEN if not vier_vragen.get(k)]
        if ontbreekt:
            raise Geweigerd("Beantwoord de vier vragen samen; er ontbreekt: " + ", ".join(VIER_VRAGEN_OPTIE[k] for k in ontbreekt) + ".")
    extra = {"afgesproken_met": list(afgesproken_met or []), "herorientering": herorientering, "clb_uitnodiging": clb_uitnodiging}
    if beslissing == Beslissing.afsluiten:
        if toch:
            raise Geweigerd("--toch hoort bij verderzetten buiten de vorm (light of medium), niet bij afsluiten. Laat --toch weg.")
        if reden is None:
            raise Geweigerd("Wie afsluit, geeft een reden met --reden, een van: " + ", ".join(label(r) for r in Reden) + ".")
        if frequentie or intensiteit or volgende:
            raise Geweigerd("Frequentie, intensiteit en een volgend evaluatiemoment horen bij verderzetten, niet bij afsluiten.")
        afronding = Afronding(wat_neemt_school_mee, kansen, list(met or []), zonder_overleg)
        meldingen = afsluiten(data, dossier, wie, reden, afronding, vier_vragen, extra)
        return meldingen + clb_meldingen(extra, met) + afspraak_meldingen(afgesproken_met)
    if reden is not None:
        raise Geweigerd("Een reden hoort alleen bij afsluiten; bij verderzetten laat je --reden weg.")
    if zonder_overleg:
        raise Geweigerd("--zonder-overleg hoort bij afsluiten (waarom een partner niet aan het overleg deelnam). Laat het weg.")
    lopend = dossier.lopend_traject
    assert lopend is not None  # fase ondersteuning has one (checked by the rules)
    nieuwe = sorted({d for d in volgende or [] if d not in lopend.evaluatie_op})
    al_gepland = sorted({d for d in volgende or [] if d in lopend.evaluatie_op})
    for moment in sorted({*nieuwe, *al_gepland}):  # '--volgende vandaag' is no next moment, also when it was planned
        if moment <= wie.datum:
            raise Geweigerd(
                f"Het volgende evaluatiemoment ({datums.kort(moment)}) ligt niet na deze evaluatie ({datums.kort(wie.datum)}); "
                "kies een latere datum met --volgende."
            )
    school = dossier.school.naam
    fout = afwijkingen(lopend.vorm, lopend.start, kalender, school, frequentie=frequentie, momenten=nieuwe, verder_op=wie.datum)
    if fout and not (toch or "").strip():
        _weiger_afwijking(
            dossier, lopend.vorm, fout, f"Sluit af ('leersteun evaluatie {dossier.id} --beslissing afsluiten'): de school zet het dan alleen verder."
        )
    if toch and not fout:
        raise Geweigerd("--toch geeft de reden van een afwijking van de vorm (light of medium); hier wijkt niets af. Laat --toch weg.")
    from leersteun.files.store import flow_lijst

    voeg_toe_aan(
        data,
        "evaluaties",
        zonder_leeg(
            datum=wie.datum,
            beslissing=Beslissing.verderzetten.value,
            wat_neemt_school_mee=wat_neemt_school_mee,
            kansen=kansen,
            vier_vragen=vier_vragen_yaml(vier_vragen),
            volgende=flow_lijst(nieuwe) if nieuwe else None,  # never done by this evaluation itself
            **_extra_velden(extra, list(met or [])),
            notitie=wie.notitie,
            door=wie.door,
        ),
    )
    meldingen = [f"Evaluatie van {datums.kort(wie.datum)} bewaard: de ondersteuning gaat verder."]
    if vier_vragen:
        meldingen.append("De vier vragen na vier maanden zijn beantwoord.")
        for sleutel, tekst in (("gedragen", "gedragen door alle schoolse partners"), ("zorgcontinuum_fase_2_3", "binnen fase 2/3 van het zorgcontinuüm")):
            if vier_vragen[sleutel][0] == "nee":
                meldingen.append(f"Aandachtspunt: de ondersteuning is niet {tekst}; bespreek dit met de coördinatie.")
        if not clb_uitnodiging and any(vier_vragen[k][0] == "nee" for k in ("gedragen", "zorgcontinuum_fase_2_3")):
            meldingen.append(KNIPPERLICHT.format(id=dossier.id))
    traject = data["trajecten"][len(dossier.trajecten) - 1]
    if frequentie and frequentie != lopend.frequentie:
        zet(traject, "frequentie", frequentie)
        meldingen.append(f"Frequentie bijgestuurd: {frequentie}.")
    if intensiteit and intensiteit != lopend.intensiteit:
        zet(traject, "intensiteit", intensiteit)
        meldingen.append(f"Intensiteit bijgestuurd: {intensiteit}.")
    if nieuwe:
        lijst(traject, "evaluatie_op").extend(nieuwe)
        meldingen.append("Volgend evaluatiemoment: " + ", ".join(datums.kort(d) for d in nieuwe) + ".")
        meldingen += schooldag_melding("Het evaluatiemoment", nieuwe, kalender, school)
    if al_gepland:
        meldingen.append("Stond al gepland: " + ", ".join(datums.kort(d) for d in al_gepland) + ".")
    bijgestuurd = [m for m in meldingen[1:] if "bijgestuurd" in m]
    tekst = "Evaluatie: verderzetten" + (" met bijsturing." if bijgestuurd else ".")
    if fout:
        tekst += f" Afwijking van de vorm ({'; '.join(fout)}): {(toch or '').strip().rstrip('.')}."
    geschiedenis(data, Fase.ondersteuning, wie, tekst)
    return meldingen + clb_meldingen(extra, met) + afspraak_meldingen(afgesproken_met)


# Seed 002: the CLB is present "bij knipperlichtmomenten: elke partner kan CLB uitnodigen =>
# met een duidelijk doel; bij moeilijk bereikbare ouders; bij heroriëntering naar ander
# niveau of BuO".
KNIPPERLICHT = (
    "Knipperlicht: elke partner kan het CLB uitnodigen, met een duidelijk doel. Geef het doel bij een evaluatie mee met "
    "--clb-uitnodigen \"...\", of plan het overleg: 'leersteun overleg {id} --soort andere --met clb --volgende DATUM'."
)
HERORIENTERING_TEKST = {
    Herorientering.ander_niveau: "een ander niveau",
    Herorientering.buitengewoon_onderwijs: "het buitengewoon onderwijs",
}


def clb_meldingen(extra: dict, met: list[str] | None) -> list[str]:
    """What an evaluation that invites the CLB or reorients the pupil says (seed 002)."""
    uit = []
    doel = (extra.get("clb_uitnodiging") or "").strip()
    if doel:
        uit.append(f"Het CLB wordt uitgenodigd: {doel.rstrip('.')}.")
    h = extra.get("herorientering")
    if h is not None:
        uit.append(f"Heroriëntering naar {HERORIENTERING_TEKST[h]} genoteerd.")
        if "clb" not in (met or []) and not doel:
            uit.append('Bij een heroriëntering is het CLB erbij: nodig het uit, met --clb-uitnodigen "doel".')
    return uit


def afspraak_meldingen(afgesproken_met: list[str] | None) -> list[str]:
    """Seed 001: how, when and with whom an evaluation happens is agreed with the school and the
    ankerpersoon; said when the recorded agreement misses one of them."""
    if not afgesproken_met:
        return []
    rollen = set(afgesproken_met)
    mist = [naam for naam, telt in (("de school", PARTNERS["de school"]), ("de ankerpersoon", ("ankerpersoon",))) if not rollen & set(telt)]
    if not mist:
        return []
    return [
        "Let op: hoe, wanneer en met wie geëvalueerd wordt, spreek je af met de school en de ankerpersoon; "
        f"{' en '.join(mist)} {'ontbreekt' if len(mist) == 1 else 'ontbreken'} bij --afgesproken-met."
    ]


VIER_VRAGEN_OPTIE = {
    "doelen_concreet": "--concreet",
    "doelen_context": "--context",
    "gedragen": "--gedragen",
    "zorgcontinuum_fase_2_3": "--fase-2-3",
}


def vier_vragen_yaml(vier_vragen: dict | None) -> CommentedMap | None:
    """{sleutel: (antwoord, toelichting)} (+ toelichting) as the case's `vier_vragen` group."""
    from ruamel.yaml.comments import CommentedMap

    if not vier_vragen:
        return None
    uit = CommentedMap()
    for k in VIER_VRAGEN:
        antwoord, toelichting = vier_vragen[k]
        uit[k] = zonder_leeg(antwoord=antwoord, toelichting=toelichting or None)
    if vier_vragen.get("toelichting"):
        uit["toelichting"] = vier_vragen["toelichting"]
    return uit


OVERGANG_SOORTEN = ("kleuter-lager", "lager-secundair", "secundair-hoger", "andere-school")
EVALUATIE_VOOR_OVERGANG = 4  # months: an evaluation this recent carries kleuter→lager (the end-of-year one)


@dataclass
class OvergangEvaluatie:
    """The evaluation that kleuter→lager continues after (seed 003), given at the transition:
    its day and who took part."""

    datum: dt.date
    met: list[str] = field(default_factory=list)


def evaluatie_voor_overgang(dossier: Dossier, datum: dt.date) -> dt.date | None:
    """The day of the latest evaluation (verderzetten) or evaluatiegesprek in the months before
    `datum` that a kleuter→lager transition may continue after, or None."""
    van = plus_maanden(datum, -EVALUATIE_VOOR_OVERGANG)
    dagen = [e.datum for e in dossier.evaluaties if e.beslissing == Beslissing.verderzetten and van <= e.datum <= datum]
    dagen += [o.datum for o in dossier.overleggen if o.soort == OverlegSoort.evaluatiegesprek and van <= o.datum <= datum]
    return max(dagen, default=None)


def overgang(
    data: CommentedMap,
    dossier: Dossier,
    soort: str,
    wie: Wie,
    *,
    klas: str | None = None,
    afronding: Afronding | None = None,
    geevalueerd: OvergangEvaluatie | None = None,
) -> list[str]:
    """The transitions of seed 003: kleuter→lager continues after an evaluation; lager→secundair,
    secundair→hoger onderwijs and another school close (with `afronding`). Commands call it
    through `onomkeerbaar.overgang`, which first checks what this step cannot know
    (lager→secundair only from the last year of lager, `overgang.laatste_jaar`)."""
    actief = dossier.fase in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning)
    if soort == "kleuter-lager":
        return _kleuter_lager(data, dossier, wie, klas, geevalueerd)
    if soort == "lager-secundair":
        if dossier.leerling.niveau != Niveau.lager:
            raise Geweigerd(f"De overgang lager-secundair kan alleen vanuit het lager; deze leerling zit in het {dossier.leerling.niveau}.")
        if not actief:
            raise Geweigerd(f"Dossier {dossier.id} is niet actief (fase {dossier.fase}); er is niets af te sluiten.")
        a = afronding or Afronding()
        meldingen = afsluiten(data, dossier, wie, Reden.overgang_secundair, a, verdere=True)
        return meldingen + [SECUNDAIR_VERDER.format(id=dossier.id) if a.verdere_leersteun else SECUNDAIR_KLAAR]
    if soort == "secundair-hoger":
        if dossier.leerling.niveau != Niveau.secundair:
            raise Geweigerd(f"De overgang naar het hoger onderwijs kan alleen vanuit het secundair; deze leerling zit in het {dossier.leerling.niveau}.")
        if not actief:
            raise Geweigerd(f"Dossier {dossier.id} is niet actief (fase {dossier.fase}); er is niets af te sluiten. {SIHO}")
        return afsluiten(data, dossier, wie, Reden.overgang_hoger, afronding) + [SIHO]
    if soort == "andere-school":
        if not actief:
            raise Geweigerd(f"Dossier {dossier.id} is niet actief (fase {dossier.fase}); er is niets af te sluiten.")
        meldingen = afsluiten(data, dossier, wie, Reden.andere_school, afronding)
        return meldingen + ["De nieuwe school doet een nieuwe aanmelding in Diplon; daar start een nieuw dossier."]
    raise Geweigerd(f"Onbekende overgang '{soort}'; kies uit: {', '.join(OVERGANG_SOORTEN)}.")


# Seed 003, lager→secundair: "Er moet opnieuw contact opgenomen worden met het CLB, als uit de
# evaluatie blijkt dat verdere leersteun nodig is. Er moet dan een nieuw Verslag opgemaakt
# worden ... De secundaire school moet een nieuwe aanmelding doen."
SECUNDAIR_VERDER = (
    "Verdere leersteun is nodig. Het Verslag vervalt aan het einde van het lager onderwijs: neem contact op met het CLB, "
    "dat een nieuw Verslag maakt; de secundaire school doet met dat Verslag een nieuwe aanmelding in Diplon "
    "(een nieuw dossier met 'leersteun nieuw --vanuit {id}')."
)
SECUNDAIR_KLAAR = (
    "Volgens de evaluatie is geen verdere leersteun nodig. Het Verslag vervalt aan het einde van het lager onderwijs; "
    "komt er later toch een nood, dan begint het opnieuw bij het CLB (een nieuw Verslag) en een aanmelding door de secundaire school."
)


def kleuter_lager_ontbreekt(dossier: Dossier, datum: dt.date) -> bool:
    """Does kleuter→lager still need its evaluation (running support without a recent one)?"""
    return dossier.fase == Fase.ondersteuning and evaluatie_voor_overgang(dossier, datum) is None


def _kleuter_lager(data: CommentedMap, dossier: Dossier, wie: Wie, klas: str | None, geevalueerd: OvergangEvaluatie | None) -> list[str]:
    """Seed 003: "De leersteun kan automatisch verder lopen na een evaluatie": running support
    continues after an evaluation of the last months, or the one given here; never one that
    leersteun makes up."""
    from leersteun.files.store import flow_lijst

    if dossier.leerling.niveau != Niveau.kleuter:
        raise Geweigerd(f"De overgang kleuter-lager kan alleen voor een kleuter; deze leerling zit in het {dossier.leerling.niveau}.")
    if not klas:
        raise Geweigerd("Geef de nieuwe klas in het lager mee met --klas (zoals 1A).")
    eerder = evaluatie_voor_overgang(dossier, wie.datum)
    if geevalueerd is not None:
        if dossier.fase != Fase.ondersteuning:
            raise Geweigerd(f"Dossier {dossier.id} staat in fase {dossier.fase}: er is nog geen ondersteuning om te evalueren. Laat --evaluatie weg.")
        lopend = dossier.lopend_traject
        if geevalueerd.datum > wie.datum:
            raise Geweigerd(
                f"De evaluatie ({datums.kort(geevalueerd.datum)}) ligt na de overgang ({datums.kort(wie.datum)}); geef de dag waarop ze gehouden werd."
            )
        if lopend is not None and geevalueerd.datum < lopend.start:
            raise Geweigerd(
                f"De evaluatie ({datums.kort(geevalueerd.datum)}) ligt vóór de start van de ondersteuning ({datums.kort(lopend.start)}); "
                "geef de dag waarop ze gehouden werd."
            )
    elif kleuter_lager_ontbreekt(dossier, wie.datum):
        raise Geweigerd(
            "Bij de overgang van kleuter naar lager loopt de leersteun alleen verder na een evaluatie (de procedure). "
            f"Dossier {dossier.id} heeft geen evaluatie of evaluatiegesprek van de laatste {EVALUATIE_VOOR_OVERGANG} maanden. "
            f"Noteer ze eerst ('leersteun evaluatie {dossier.id} --beslissing verderzetten'), of geef ze mee: --evaluatie DATUM "
            "--met ROL,ROL. Besliste de evaluatie af te sluiten, sluit dan af met 'leersteun evaluatie "
            f"{dossier.id} --beslissing afsluiten'. Er is niets gewijzigd."
        )
    from leersteun.editing.bewerk import VOLGORDE_IN, zet_op_plaats

    leerling = data["leerling"]
    zet(leerling, "niveau", Niveau.lager.value)
    zet(leerling, "klas", klas)
    zet_op_plaats(leerling, "klas_schooljaar", schooljaar_van(wie.datum), VOLGORDE_IN["leerling"])
    meldingen = [f"Dossier {dossier.id}: de leerling gaat naar het lager ({klas})."]
    if geevalueerd is not None:
        voeg_toe_aan(data, "evaluaties",
            zonder_leeg(
                datum=geevalueerd.datum,
                beslissing=Beslissing.verderzetten.value,
                met=flow_lijst(geevalueerd.met) if geevalueerd.met else None,
                notitie=wie.notitie or "Evaluatie bij de overgang van kleuter naar lager.",
                door=wie.door,
            )
        )  # fmt: skip
        eerder = geevalueerd.datum
    if eerder is not None and dossier.fase == Fase.ondersteuning:
        meldingen.append(f"De leersteun loopt verder na de evaluatie van {datums.kort(eerder)}; bekijk of doelen en afspraken bijgestuurd moeten worden.")
    geschiedenis(data, dossier.fase, wie, f"Overgang van kleuter naar lager ({klas}).")
    return meldingen
