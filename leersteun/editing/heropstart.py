"""The heropstart checklist (seed 000) stored: its answers, with whom the school analyses, the
outcome; and the assignment. The questions and the advice are `rules.checklist`.

The checklist is asked question by question; each answer is stored in the case at once, so
an interrupted checklist resumes at its first open question. The outcome is decided by the
people at the table; the tool gives a reasoned advice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap

from leersteun.core import datums
from leersteun.editing.bewerk import zet, zet_op_plaats
from leersteun.editing.trajectory import VORM_TEKST, TrajectAfspraak, Wie, geschiedenis, kies_vorm
from leersteun.files.store import als_yaml
from leersteun.rules.checklist import VRAGEN, Voorstel, open_vragen, vraag_4_in_het_bestand
from leersteun.rules.model import (
    AnalyseMet,
    Checklist,
    Dossier,
    Fase,
    Heropstart,
    JaDeelsNee,
    Toewijzing,
    Uitkomst,
    Vorm,
)
from leersteun.rules.weigering import Geweigerd

# ---------------------------------------------------------------------------- advice


# ---------------------------------------------------------------------------- who analyses


ANALYSE_TEKST = {AnalyseMet.ondersteuner: "een ondersteuner die op de school werkt", AnalyseMet.clb: "de CLB-medewerker"}


# ---------------------------------------------------------------------------- edits


def laatste(data: CommentedMap, dossier: Dossier) -> CommentedMap:
    return data["heropstarts"][len(dossier.heropstarts) - 1]


def open_heropstart(dossier: Dossier) -> Heropstart:
    """The heropstart in progress, or a refusal that says what to do."""
    h = dossier.laatste_heropstart
    if dossier.fase != Fase.heropstart or h is None:
        raise Geweigerd(
            f"Dossier {dossier.id} staat niet in fase heropstart (maar in {dossier.fase}). "
            + ("Start een heropstart met 'leersteun heropstart'." if dossier.fase == Fase.afgesloten else "")
        )
    return h


def controleer_analyse(keuze: AnalyseMet, voorstel: Voorstel | None, reden: str | None) -> None:
    """Refuses an analysis against leersteun's proposal without a reason."""
    if voorstel is None or keuze == voorstel.analyse_met or (reden or "").strip():
        return
    raise Geweigerd(
        f"De analyse met {ANALYSE_TEKST[keuze]} gaat in tegen het voorstel ({ANALYSE_TEKST[voorstel.analyse_met]}"
        f"{f': {voorstel.met}' if voorstel.met else ''}). {voorstel.uitleg} Zeg waarom met 'analyse_reden: ...' "
        "in het antwoordenbestand, of kies het voorstel. Er is niets gewijzigd."
    )


def zet_analyse_met(data: CommentedMap, dossier: Dossier, keuze: AnalyseMet, voorstel: Voorstel | None = None, reden: str | None = None) -> list[str]:
    """With whom the school analyses; against leersteun's proposal (seed 000) only with a
    reason, which is kept beside the choice."""
    open_heropstart(dossier)
    reden = (reden or "").strip() or None
    anders = voorstel is not None and keuze != voorstel.analyse_met
    controleer_analyse(keuze, voorstel, reden)
    item = laatste(data, dossier)
    zet(item, "analyse_met", keuze.value)
    if anders or "analyse_reden" in item:
        zet_op_plaats(item, "analyse_reden", reden if anders else None, list(Heropstart.model_fields))
    return []


def zet_antwoord(data: CommentedMap, dossier: Dossier, sleutel: str, waarde: Any) -> list[str]:
    """Store one checklist answer (plain data) in the open heropstart."""
    if open_heropstart(dossier).uitkomst is not None:
        raise Geweigerd("De checklist van deze heropstart is al afgerond; begin opnieuw met --opnieuw.")
    heropstart = laatste(data, dossier)
    checklist = heropstart.get("checklist")
    if not isinstance(checklist, CommentedMap):
        checklist = CommentedMap((v.sleutel, None) for v in VRAGEN)
        zet(heropstart, "checklist", checklist)
    if sleutel == "andere_partner" and "binnen_opdracht" in checklist:  # as 85eedc4 wrote it: the contract's key replaces it
        del checklist["binnen_opdracht"]
    zet_op_plaats(checklist, sleutel, als_yaml(waarde), list(Checklist.model_fields))
    return []


def opnieuw(data: CommentedMap, dossier: Dossier) -> list[str]:
    """Start the checklist of the open heropstart over (before an assignment only)."""
    h = open_heropstart(dossier)
    if h.toewijzing is not None:
        raise Geweigerd("Deze heropstart is al toegewezen; de checklist kan niet meer opnieuw.")
    item = laatste(data, dossier)
    for sleutel in ("analyse_met", "analyse_reden", "ingevuld_door", "checklist", "uitkomst", "beslist", "motivatie"):
        if sleutel in item:
            zet(item, sleutel, None)
    return ["De checklist begint opnieuw."]


def beslis(data: CommentedMap, dossier: Dossier, wie: Wie, uitkomst: Uitkomst, motivatie: str) -> list[str]:
    """Record the outcome. geen_heropstart returns the case to afgesloten, with the motivation."""
    h = open_heropstart(dossier)
    if open_vragen(h.checklist):
        raise Geweigerd("De checklist is nog niet volledig; beantwoord eerst alle vragen.")
    if not motivatie.strip():
        raise Geweigerd("Geef een motivatie bij de uitkomst.")
    item = laatste(data, dossier)
    zet_op_plaats(item, "ingevuld_door", wie.door, list(Heropstart.model_fields))
    zet(item, "uitkomst", uitkomst.value)
    zet_op_plaats(item, "beslist", wie.datum, list(Heropstart.model_fields))
    zet(item, "motivatie", motivatie)
    if uitkomst == Uitkomst.geen_heropstart:
        zet(data, "fase", Fase.afgesloten.value)
        geschiedenis(data, Fase.afgesloten, Wie(wie.door, wie.datum, f"Geen heropstart: {motivatie}"))
        return [f"Uitkomst: geen heropstart. Dossier {dossier.id} is terug afgesloten."]
    geschiedenis(data, Fase.heropstart, Wie(wie.door, wie.datum, "Checklist afgerond: vraag tot heropstart naar de coördinatie."))
    return [f"Uitkomst: heropstart. Stuur nu de vraag naar de coördinatie: 'leersteun mail {dossier.id}'."]


def toewijzen(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    ondersteuner: str,
    vorm: Vorm | None = None,
    afspraak: TrajectAfspraak | None = None,
    voorstel: str | None = None,
) -> list[str]:
    """Coordination assigns an ondersteuner (seed 000, step 3). The assigned ondersteuner
    contacts the school and then chooses the vorm (`leersteun fase`); with `vorm` both
    happen in one go. `voorstel`: the ondersteuner the pupil knows (`voorstel_toewijzing`),
    named when someone else is assigned."""
    h = controleer_toewijzing(dossier, ondersteuner)
    if vorm == Vorm.regulier:
        raise Geweigerd("Na een heropstart is de vorm light, medium of nieuw.")
    afspraak = afspraak or TrajectAfspraak()
    if vorm is None and not afspraak.leeg():
        raise Geweigerd(
            "Start, frequentie, intensiteit en evaluatiemomenten horen bij de keuze van de vorm: geef ook --vorm mee, of kies later met 'leersteun fase'."
        )
    zelfde, overdracht = _overdracht(dossier, ondersteuner)
    zet(
        laatste(data, dossier),
        "toewijzing",
        CommentedMap(
            datum=wie.datum,
            ondersteuner=ondersteuner,
            zelfde_als_vorige=zelfde,
            overdracht_van=overdracht,
            vorm=None,
        ),
    )
    zet(data, "ondersteuner", ondersteuner)
    bij = _bij(zelfde, overdracht)
    meldingen = [f"Dossier {dossier.id} is toegewezen aan {ondersteuner} ({bij})."]
    if voorstel is not None and voorstel != ondersteuner:
        meldingen.append(
            f"Het voorstel was {voorstel}, die {dossier.leerling.voornaam} al kent (de procedure: eerst de ondersteuner die "
            "de leerling kent; is dat niet mogelijk, dan een overdracht)."
        )
    if h.mail is None:  # seed 000: the request reaches coordination by mail; made visible, not refused
        meldingen.append(
            f"Let op: voor deze heropstart is geen vraag aan de coördinatie gemaakt ('leersteun mail {dossier.id}'); "
            "toon en het weekoverzicht zeggen dat bij de toewijzing."
        )
    if overdracht:
        meldingen.append(f"Plan de overdracht tussen {overdracht} en {ondersteuner} en noteer ze met 'leersteun overleg {dossier.id} --soort overdracht'.")
    if vorm is None:
        geschiedenis(data, Fase.heropstart, wie, f"Toegewezen aan {ondersteuner} ({bij}); de vorm volgt na contact met de school.")
        meldingen.append(
            f"{ondersteuner} neemt contact op met de school en kiest dan de vorm: "
            f"'leersteun fase {dossier.id} ondersteuning --vorm light|medium' of 'leersteun fase {dossier.id} opstart --vorm nieuw'."
        )
        return meldingen
    gekozen = dossier.model_copy(deep=True)
    gekozen.heropstarts[-1].toewijzing = Toewijzing(datum=wie.datum, ondersteuner=ondersteuner, zelfde_als_vorige=zelfde, overdracht_van=overdracht)
    afspraak.vorm = vorm
    naar = Fase.opstart if vorm == Vorm.nieuw else Fase.ondersteuning
    notitie = f"Toegewezen aan {ondersteuner} ({bij}), {VORM_TEKST[vorm]}."
    return meldingen[:1] + kies_vorm(data, gekozen, wie, naar, afspraak, notitie) + meldingen[1:]


def controleer_toewijzing(dossier: Dossier, ondersteuner: str | None = None) -> Heropstart:
    """Can this case be assigned (whoever the ondersteuner)? The heropstart in progress, or
    the refusal: checked before anyone is proposed or asked."""
    h = dossier.laatste_heropstart
    if h is not None and h.toewijzing is not None and dossier.fase != Fase.afgesloten:
        raise Geweigerd(
            f"Deze heropstart is al toegewezen aan {h.toewijzing.ondersteuner} (op {datums.kort(h.toewijzing.datum)}). "
            f'Was dat een vergissing, wijs dan opnieuw toe: \'leersteun toewijzen {dossier.id} "{ondersteuner or "ONDERSTEUNER"}" '
            '--corrigeer "waarom"\'.'
        )
    h = open_heropstart(dossier)
    if h.uitkomst != Uitkomst.heropstart:
        raise Geweigerd("Toewijzen kan pas als de checklist besliste tot heropstart" + (" (de checklist is nog open)." if h.uitkomst is None else "."))
    return h


def controleer_correctie(dossier: Dossier, ondersteuner: str | None = None) -> tuple[Heropstart, Toewijzing]:
    """Is there an assignment to correct (whoever the right ondersteuner)? Refused before
    anyone is proposed or asked. Returns the heropstart and its assignment."""
    h = dossier.laatste_heropstart
    t = h.toewijzing if h is not None else None
    if h is None or t is None:
        raise Geweigerd(
            f"Dossier {dossier.id} heeft geen toewijzing om te corrigeren; wijs toe zonder --corrigeer: "
            f"'leersteun toewijzen {dossier.id} \"{ondersteuner or 'ONDERSTEUNER'}\"'."
        )
    lopend = dossier.lopend_traject
    if dossier.fase == Fase.afgesloten or (t.vorm is not None and (lopend is None or lopend.vorm != t.vorm)):
        raise Geweigerd(
            f"De toewijzing aan {t.ondersteuner} hoort bij een ondersteuning die niet meer loopt (dossier {dossier.id} staat "
            f"in fase {dossier.fase}); er is niets te corrigeren."
        )
    return h, t


def voorstel_toewijzing(dossier: Dossier, team: set[str]) -> str | None:
    """Seed 000, step 3: "In eerste instantie wordt geprobeerd om de leerling te matchen met de
    ondersteuner die hij/zij reeds kent": the most recent previous ondersteuner still in the
    team, or None."""
    return next((n for n in reversed(dossier.vorige_ondersteuners) if n in team), None)


def _overdracht(dossier: Dossier, ondersteuner: str) -> tuple[bool, str | None]:
    """(the same ondersteuner as before, the previous one who hands over or None)."""
    vorige = dossier.vorige_ondersteuners[-1] if dossier.vorige_ondersteuners else None
    zelfde = ondersteuner in dossier.vorige_ondersteuners
    return zelfde, None if zelfde or vorige is None else vorige


def _bij(zelfde: bool, overdracht: str | None) -> str:
    return "dezelfde ondersteuner als voorheen" if zelfde else (f"overdracht van {overdracht}" if overdracht else "nieuwe ondersteuner")


def corrigeer_toewijzing(
    data: CommentedMap,
    dossier: Dossier,
    wie: Wie,
    ondersteuner: str,
    reden: str,
    vorm: Vorm | None = None,
    afspraak: TrajectAfspraak | None = None,
) -> list[str]:
    """Redo a wrong assignment (`toewijzen --corrigeer`): the last heropstart's assignment
    names the right ondersteuner from the day of the correction, the handover follows (from
    the previous ondersteuner to the right one), and the history says what was corrected and
    why. Before the vorm is chosen, `vorm` chooses it in the same go; after, the running
    traject stays as it is, now with the right ondersteuner."""
    h, t = controleer_correctie(dossier, ondersteuner)
    gekozen = t.vorm is not None
    if not reden.strip():
        raise Geweigerd('Zeg waarom de toewijzing gecorrigeerd wordt: --corrigeer "reden".')
    if ondersteuner == t.ondersteuner:
        raise Geweigerd(f"Dossier {dossier.id} is al toegewezen aan {ondersteuner}; er is niets te corrigeren.")
    if wie.datum < h.gestart:
        raise Geweigerd(
            f"De correctie ({datums.kort(wie.datum)}) ligt vóór de start van de heropstart ({datums.kort(h.gestart)}); "
            f"kies een datum vanaf {datums.kort(h.gestart)}."
        )
    afspraak = afspraak or TrajectAfspraak()
    if t.vorm is not None and (vorm is not None or not afspraak.leeg()):
        raise Geweigerd(
            f"De vorm is al gekozen ({VORM_TEKST[t.vorm]}) en het traject loopt; --corrigeer verandert alleen wie de "
            "ondersteuner is. Laat --vorm, --start, --frequentie, --intensiteit en --evaluatie-op weg."
        )
    zelfde, overdracht = _overdracht(dossier, ondersteuner)
    item = laatste(data, dossier)["toewijzing"]
    zet(item, "datum", wie.datum)
    zet(item, "ondersteuner", ondersteuner)
    zet(item, "zelfde_als_vorige", zelfde)
    zet(item, "overdracht_van", overdracht)
    zet(data, "ondersteuner", ondersteuner)
    bij = _bij(zelfde, overdracht)
    notitie = f"Toewijzing gecorrigeerd: {ondersteuner} ({bij}) in plaats van {t.ondersteuner}. Waarom: {reden.strip().rstrip('.')}."
    meldingen = [f"Dossier {dossier.id} is nu toegewezen aan {ondersteuner} ({bij}), in plaats van {t.ondersteuner}."]
    if overdracht:
        meldingen.append(f"Plan de overdracht tussen {overdracht} en {ondersteuner} en noteer ze met 'leersteun overleg {dossier.id} --soort overdracht'.")
    if gekozen or vorm is None:
        geschiedenis(data, dossier.fase, Wie(wie.door, wie.datum, (wie.notitie.strip() + " " if wie.notitie else "") + notitie))
        if not gekozen:
            meldingen.append(
                f"{ondersteuner} neemt contact op met de school en kiest dan de vorm: "
                f"'leersteun fase {dossier.id} ondersteuning --vorm light|medium' of 'leersteun fase {dossier.id} opstart --vorm nieuw'."
            )
        return meldingen
    if vorm == Vorm.regulier:
        raise Geweigerd("Na een heropstart is de vorm light, medium of nieuw.")
    nu = dossier.model_copy(deep=True)
    nu.heropstarts[-1].toewijzing = Toewijzing(datum=wie.datum, ondersteuner=ondersteuner, zelfde_als_vorige=zelfde, overdracht_van=overdracht)
    afspraak.vorm = vorm
    naar = Fase.opstart if vorm == Vorm.nieuw else Fase.ondersteuning
    return meldingen[:1] + kies_vorm(data, nu, wie, naar, afspraak, f"{notitie} {VORM_TEKST[vorm][:1].upper()}{VORM_TEKST[vorm][1:]}.") + meldingen[1:]


# ---------------------------------------------------------------------------- --antwoorden


def antwoorden_model() -> Any:
    """A model of an answers file: every checklist question answered."""
    from pydantic import create_model, model_validator
    from pydantic_core import PydanticCustomError

    from leersteun.rules.model import (
        AnderePartner,
        Antwoord,
        Basis,
        BinnenOpdracht,
        Factoren,
        Naam,
        VraagVan,
        WerkbareLeervraag,
    )

    class GegevenAntwoord(Antwoord):
        antwoord: JaDeelsNee

    class GegevenPartner(AnderePartner):
        antwoord: JaDeelsNee

    class GegevenBinnenOpdracht(BinnenOpdracht):
        antwoord: JaDeelsNee

    class GegevenLeervraag(WerkbareLeervraag):
        antwoord: JaDeelsNee

    class MetVraag4(Basis):
        """Question 4 in the seed's wording (`binnen_opdracht`, 'ja' = within the network's
        task), or as the case file keeps it (`andere_partner`, 'ja' = another partner fits
        better): one of the two."""

        binnen_opdracht: GegevenBinnenOpdracht | None = None

        @model_validator(mode="after")
        def _een_vraag_4(self) -> Any:
            oud = getattr(self, "andere_partner")  # noqa: B009 - a field of the model create_model makes below
            if oud is None and self.binnen_opdracht is None:
                raise PydanticCustomError(
                    "vraag_4",
                    "vraag 4 ontbreekt: 'binnen_opdracht: {antwoord: ja|deels|nee}' (ja = de noden horen bij leersteun), "
                    "of 'andere_partner: {antwoord: ja|deels|nee}' (ja = een andere partner past beter)",
                )
            if oud is not None and self.binnen_opdracht is not None:
                raise PydanticCustomError(
                    "vraag_4",
                    "vraag 4 staat er twee keer: andere_partner ('ja' = een andere partner past beter) en "
                    "binnen_opdracht ('ja' = de noden horen bij leersteun); laat er één staan",
                )
            return self

    velden: dict[str, Any] = {}
    for v in VRAGEN:
        soort = {
            "keuzes": list[VraagVan],
            "factoren": Factoren,
            "jdn": GegevenAntwoord,
            "partner": GegevenPartner,
            "leervraag": GegevenLeervraag,
        }[v.soort]
        velden[v.sleutel] = (soort | None, None) if v.soort == "partner" else (soort, ...)
    VolledigeChecklist = create_model("VolledigeChecklist", __base__=MetVraag4, **velden)  # noqa: N806
    return create_model(
        "Antwoorden",
        __base__=Basis,
        analyse_met=(AnalyseMet, ...),
        analyse_reden=(Naam | None, None),
        checklist=(VolledigeChecklist, ...),
        uitkomst=(Uitkomst, ...),
        motivatie=(Naam, ...),
    )


def vul_in(data: CommentedMap, dossier: Dossier, wie: Wie, antwoorden: Any, voorstel: Voorstel | None = None) -> list[str]:
    """Apply a validated answers file: analyse_met (against `voorstel` with its reason), the
    whole checklist, the outcome."""
    h = open_heropstart(dossier)
    if h.uitkomst is not None:
        raise Geweigerd("De checklist van deze heropstart is al afgerond; begin opnieuw met --opnieuw.")
    item = laatste(data, dossier)
    # question 4 in the seed's wording (`binnen_opdracht`) is written as the contract has it (`andere_partner`)
    volledig = Checklist.model_validate(antwoorden.checklist.model_dump(mode="json", exclude_none=True))
    checklist = volledig.model_dump(mode="json", exclude_none=True)
    checklist["andere_partner"] = vraag_4_in_het_bestand(checklist["andere_partner"])
    zet_analyse_met(data, dossier, antwoorden.analyse_met, voorstel, getattr(antwoorden, "analyse_reden", None))
    zet(item, "checklist", als_yaml({v.sleutel: checklist[v.sleutel] for v in VRAGEN}))
    # the outcome needs the model of the filled checklist
    gevuld = dossier.model_copy(deep=True)
    gevuld.heropstarts[-1].checklist = volledig
    return beslis(data, gevuld, wie, antwoorden.uitkomst, antwoorden.motivatie)


def markeer_verstuurd(data: CommentedMap, dossier: Dossier, dag: dt.date) -> list[str]:
    """A mail sent outside leersteun (from Outlook, from Thunderbird) marked as sent."""
    h = dossier.laatste_heropstart
    if h is None or h.uitkomst != Uitkomst.heropstart or h.mail is None:
        raise Geweigerd(
            f"Voor dossier {dossier.id} is geen mail aan de coördinatie gemaakt om als verstuurd te noteren; maak ze eerst met 'leersteun mail {dossier.id}'."
        )
    if h.mail.verstuurd is not None:
        raise Geweigerd(f"Deze vraag staat al als verstuurd op {datums.kort(h.mail.verstuurd)}; er is niets gewijzigd.")
    if dag < h.mail.aangemaakt:
        raise Geweigerd(
            f"De mail is gemaakt op {datums.kort(h.mail.aangemaakt)}; ze kan niet vroeger verstuurd zijn ({datums.kort(dag)}). "
            f"Kies een datum vanaf {datums.kort(h.mail.aangemaakt)}."
        )
    zet(laatste(data, dossier)["mail"], "verstuurd", dag)
    return [f"Dossier {dossier.id}: de vraag aan de coördinatie staat als verstuurd op {datums.kort(dag)}."]


def noteer_mail(data: CommentedMap, dossier: Dossier, aangemaakt: dt.date, bestand: str | None, verstuurd: dt.date | None = None) -> list[str]:
    """Record in the open heropstart that the mail was made (and when it was sent)."""
    h = dossier.laatste_heropstart
    if h is None or h.uitkomst != Uitkomst.heropstart:
        raise Geweigerd("Er is geen heropstart met uitkomst heropstart om een mail voor te noteren.")
    item = laatste(data, dossier)
    huidig = item.get("mail")
    if bestand is not None or not isinstance(huidig, CommentedMap):
        item_mail = CommentedMap(aangemaakt=aangemaakt, bestand=bestand, verstuurd=verstuurd)
        if isinstance(huidig, CommentedMap):
            zet(huidig, "aangemaakt", aangemaakt)
            zet(huidig, "bestand", bestand)
            zet(huidig, "verstuurd", verstuurd)
        else:
            zet(item, "mail", item_mail)
    else:
        zet(huidig, "verstuurd", verstuurd)
    return []
