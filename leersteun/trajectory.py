"""The trajectory of a case: phases and their guards, evaluations, closing, transitions.

The rules come from seed 003 (Verloop van de leersteun) and seed 001 (the closing
questions). Each public function checks its guards on the validated `Dossier`, then edits
the round-trip data (see `bewerk`), and returns Dutch messages for the user. A refusal is a
`Geweigerd` error that names the rule and what is missing; nothing is changed then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap

from leersteun.bewerk import flow_lijst, lijst, voeg_toe, zet, zonder_leeg
from leersteun.errors import Fout
from leersteun.model import Beslissing, Dossier, Fase, Niveau, Reden, Uitkomst, Vorm

REDEN_TEKST = {
    Reden.doelen_bereikt: "de doelen zijn bereikt",
    Reden.opname: "opname (geen schoolse doelen)",
    Reden.geen_leersteun_gewenst: "ouders of leerling wensen geen leersteun meer",
    Reden.andere_school: "de leerling verandert van school",
    Reden.stopt_met_school: "de leerling stopt met school",
    Reden.overgang_secundair: "overgang naar het secundair",
    Reden.andere_typologie: "nieuw Verslag onder een typologie die het centrum niet ondersteunt",
    Reden.andere: "andere reden",
}

# Which phase may follow which, through `leersteun fase`.
OVERGANGEN: dict[Fase, set[Fase]] = {
    Fase.aanmelding: {Fase.opstart, Fase.afgesloten},
    Fase.opstart: {Fase.ondersteuning, Fase.afgesloten},
    Fase.ondersteuning: {Fase.afgesloten},
    Fase.afgesloten: {Fase.heropstart},
    Fase.heropstart: {Fase.afgesloten},
}


class Geweigerd(Fout):
    """A transition the rules do not allow; the message names the rule and what is missing."""


@dataclass
class Wie:
    """Who and when, for the history entry every accepted change appends."""

    door: str
    datum: dt.date
    notitie: str | None = None


@dataclass
class TrajectAfspraak:
    """What the opstartgesprek agreed: form, start, frequency, intensity, evaluation moments."""

    vorm: Vorm = Vorm.regulier
    start: dt.date | None = None
    frequentie: str | None = None
    intensiteit: str | None = None
    evaluatie_op: list[dt.date] = field(default_factory=list)

    def leeg(self) -> bool:
        return not (self.frequentie or self.intensiteit or self.start or self.evaluatie_op)


def geschiedenis(data: CommentedMap, fase: Fase | str, wie: Wie, notitie: str | None = None) -> None:
    voeg_toe(lijst(data, "geschiedenis"), 
        zonder_leeg(datum=wie.datum, fase=str(fase), door=wie.door, notitie=wie.notitie or notitie)
    )


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


def afsluiten(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    reden: Reden,
    wat_neemt_school_mee: str | None = None,
    kansen: str | None = None,
) -> list[str]:
    """Close a case: the closing evaluation, the end of the running traject, the history."""
    if dossier.fase not in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning):
        raise Geweigerd(f"Dossier {dossier.id} staat in fase {dossier.fase}; alleen een lopend dossier kan afgesloten worden.")
    voeg_toe(lijst(data, "evaluaties"), 
        zonder_leeg(
            datum=wie.datum,
            beslissing=Beslissing.afsluiten.value,
            reden=reden.value,
            wat_neemt_school_mee=wat_neemt_school_mee,
            kansen=kansen,
            door=wie.door,
        )
    )
    _sluit_traject(data, dossier, wie.datum)
    _ondersteuner_wordt_vorige(data, dossier)
    zet(data, "fase", Fase.afgesloten.value)
    geschiedenis(data, Fase.afgesloten, wie, f"Afgesloten: {REDEN_TEKST[reden]}.")
    return [f"Dossier {dossier.id} is afgesloten ({REDEN_TEKST[reden]}). Het blijft bewaard en kan heropgestart worden."]


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
) -> list[str]:
    """Move a case to phase `naar`, enforcing the guards of seed 003."""
    van = dossier.fase
    if naar == van:
        raise Geweigerd(f"Dossier {dossier.id} staat al in fase {van}.")
    if naar not in OVERGANGEN[van]:
        raise Geweigerd(_waarom_niet(dossier, naar))

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
        return _naar_ondersteuning(data, dossier, wie, afspraak or TrajectAfspraak(), ondersteuner)

    if naar == Fase.afgesloten:
        if van == Fase.heropstart:
            return _geen_heropstart(data, dossier, wie)
        if reden is None:
            raise Geweigerd(
                "Afsluiten gebeurt na een evaluatie of met een reden. Gebruik 'leersteun evaluatie "
                f"{dossier.id} --beslissing afsluiten', of geef --reden mee (een van: "
                + ", ".join(r.value for r in Reden)
                + ")."
            )
        return afsluiten(data, dossier, wie, reden)

    # naar == heropstart (only from afgesloten)
    voeg_toe(lijst(data, "heropstarts"), 
        CommentedMap(
            gestart=wie.datum,
            analyse_met=None,
            checklist=None,
            uitkomst=None,
            motivatie=None,
            mail=None,
            toewijzing=None,
        )
    )
    zet(data, "fase", naar.value)
    geschiedenis(data, naar, wie, "Heropstart na overleg tussen school en CLB.")
    return [
        f"Dossier {dossier.id} staat nu in fase heropstart. Doorloop de checklist met "
        f"'leersteun heropstart {dossier.id}'."
    ]


def _naar_ondersteuning(
    data: CommentedMap, dossier: Dossier, wie: Wie, afspraak: TrajectAfspraak, ondersteuner: str | None
) -> list[str]:
    ontbreekt = []
    if not dossier.doelen:
        ontbreekt.append("minstens één doel (voeg het toe met 'leersteun doel')")
    lopend = dossier.lopend_traject
    frequentie = afspraak.frequentie or (lopend.frequentie if lopend else None)
    intensiteit = afspraak.intensiteit or (lopend.intensiteit if lopend else None)
    if not frequentie:
        ontbreekt.append("de afgesproken frequentie (--frequentie, zoals 'wekelijks')")
    if not intensiteit:
        ontbreekt.append("de afgesproken intensiteit (--intensiteit, zoals '1 lesuur per week')")
    if ontbreekt:
        raise Geweigerd(
            "Ondersteuning start pas na het opstartgesprek, met doelen en een afspraak over frequentie, "
            "intensiteit en duur. Er ontbreekt: " + "; ".join(ontbreekt) + "."
        )
    if lopend is None:
        voeg_toe(lijst(data, "trajecten"), 
            CommentedMap(
                vorm=afspraak.vorm.value,
                start=afspraak.start or wie.datum,
                frequentie=frequentie,
                intensiteit=intensiteit,
                evaluatie_op=flow_lijst(sorted(afspraak.evaluatie_op)),
            )
        )
    else:
        traject = data["trajecten"][len(dossier.trajecten) - 1]
        for sleutel, waarde in (("frequentie", afspraak.frequentie), ("intensiteit", afspraak.intensiteit)):
            if waarde:
                zet(traject, sleutel, waarde)
        if afspraak.evaluatie_op:
            momenten = lijst(traject, "evaluatie_op")
            momenten.extend(d for d in afspraak.evaluatie_op if d not in lopend.evaluatie_op)
    if ondersteuner:
        zet(data, "ondersteuner", ondersteuner)
    zet(data, "fase", Fase.ondersteuning.value)
    geschiedenis(data, Fase.ondersteuning, wie)
    return [f"Dossier {dossier.id} staat nu in fase ondersteuning ({frequentie}, {intensiteit})."]


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
    if van == Fase.heropstart and naar in (Fase.opstart, Fase.ondersteuning):
        return (
            "Na een heropstart wijst de coördinatie een ondersteuner toe; dat zet de fase: "
            f"'leersteun toewijzen {dossier.id} ONDERSTEUNER --vorm light|medium|nieuw'."
        )
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
) -> list[str]:
    """Record an evaluation of running support: verderzetten (maybe adjusted) or afsluiten."""
    if dossier.fase != Fase.ondersteuning:
        raise Geweigerd(
            f"Een evaluatie hoort bij fase ondersteuning; dossier {dossier.id} staat in fase {dossier.fase}."
        )
    if beslissing == Beslissing.afsluiten:
        if reden is None:
            raise Geweigerd("Wie afsluit, geeft een reden: --reden " + " | ".join(r.value for r in Reden) + ".")
        return afsluiten(data, dossier, wie, reden, wat_neemt_school_mee, kansen)
    if reden is not None:
        raise Geweigerd("Een reden hoort alleen bij afsluiten; bij verderzetten laat je --reden weg.")
    voeg_toe(lijst(data, "evaluaties"), 
        zonder_leeg(
            datum=wie.datum,
            beslissing=Beslissing.verderzetten.value,
            wat_neemt_school_mee=wat_neemt_school_mee,
            kansen=kansen,
            notitie=wie.notitie,
            door=wie.door,
        )
    )
    meldingen = [f"Evaluatie van {wie.datum.isoformat()} bewaard: de ondersteuning gaat verder."]
    traject = data["trajecten"][len(dossier.trajecten) - 1]
    lopend = dossier.lopend_traject
    assert lopend is not None  # fase ondersteuning has one (checked by the rules)
    if frequentie and frequentie != lopend.frequentie:
        zet(traject, "frequentie", frequentie)
        meldingen.append(f"Frequentie bijgestuurd: {frequentie}.")
    if intensiteit and intensiteit != lopend.intensiteit:
        zet(traject, "intensiteit", intensiteit)
        meldingen.append(f"Intensiteit bijgestuurd: {intensiteit}.")
    nieuwe = [d for d in volgende or [] if d not in lopend.evaluatie_op]
    if nieuwe:
        lijst(traject, "evaluatie_op").extend(sorted(nieuwe))
        meldingen.append("Volgend evaluatiemoment: " + ", ".join(d.isoformat() for d in sorted(nieuwe)) + ".")
    bijgestuurd = [m for m in meldingen[1:] if "bijgestuurd" in m]
    geschiedenis(data, Fase.ondersteuning, wie, "Evaluatie: verderzetten" + (" met bijsturing." if bijgestuurd else "."))
    return meldingen


OVERGANG_SOORTEN = ("kleuter-lager", "lager-secundair", "andere-school")


def overgang(data: CommentedMap, dossier: Dossier, soort: str, wie: Wie, *, klas: str | None = None) -> list[str]:
    """The transitions of seed 003: kleuter→lager continues, lager→secundair and another school close."""
    actief = dossier.fase in (Fase.aanmelding, Fase.opstart, Fase.ondersteuning)
    if soort == "kleuter-lager":
        if dossier.leerling.niveau != Niveau.kleuter:
            raise Geweigerd(f"De overgang kleuter-lager kan alleen voor een kleuter; deze leerling zit in het {dossier.leerling.niveau}.")
        if not klas:
            raise Geweigerd("Geef de nieuwe klas in het lager mee met --klas (zoals 1A).")
        leerling = data["leerling"]
        zet(leerling, "niveau", Niveau.lager.value)
        zet(leerling, "klas", klas)
        meldingen = [f"Dossier {dossier.id}: de leerling gaat naar het lager ({klas})."]
        if dossier.fase == Fase.ondersteuning:
            voeg_toe(lijst(data, "evaluaties"), 
                zonder_leeg(
                    datum=wie.datum,
                    beslissing=Beslissing.verderzetten.value,
                    notitie=wie.notitie or "Evaluatie bij de overgang van kleuter naar lager.",
                    door=wie.door,
                )
            )
            meldingen.append("De leersteun loopt verder na deze evaluatie; bekijk of doelen en afspraken bijgestuurd moeten worden.")
        geschiedenis(data, dossier.fase, wie, f"Overgang van kleuter naar lager ({klas}).")
        return meldingen
    if soort == "lager-secundair":
        if dossier.leerling.niveau != Niveau.lager:
            raise Geweigerd(f"De overgang lager-secundair kan alleen vanuit het lager; deze leerling zit in het {dossier.leerling.niveau}.")
        if not actief:
            raise Geweigerd(f"Dossier {dossier.id} is niet actief (fase {dossier.fase}); er is niets af te sluiten.")
        meldingen = afsluiten(data, dossier, wie, Reden.overgang_secundair)
        return meldingen + [
            "Het Verslag vervalt aan het einde van het lager onderwijs. Is verdere leersteun nodig, neem dan contact "
            "op met het CLB voor een nieuw Verslag; de secundaire school doet een nieuwe aanmelding."
        ]
    if soort == "andere-school":
        if not actief:
            raise Geweigerd(f"Dossier {dossier.id} is niet actief (fase {dossier.fase}); er is niets af te sluiten.")
        meldingen = afsluiten(data, dossier, wie, Reden.andere_school)
        return meldingen + ["De nieuwe school doet een nieuwe aanmelding in Diplon; daar start een nieuw dossier."]
    raise Geweigerd(f"Onbekende overgang '{soort}'; kies uit: {', '.join(OVERGANG_SOORTEN)}.")
