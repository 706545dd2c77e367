"""Facts derived from a case that more than one view shows, derived once here: where a
heropstart stands, the attention points of the running support, and the case as it stood on
an earlier day. `toon`, the weekly overview and the commands all ask these functions, so no
two screens tell a different story about the same case (issue 27, point 13).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from leersteun.rules.model import Dossier, Fase, Heropstart, Uitkomst


class Heropstartstand(NamedTuple):
    stand: str  # checklist open | mail niet gemaakt | mail niet verstuurd | wacht op toewijzing | toegewezen aan …
    sinds: dt.date  # waiting since
    verder: str  # what to do next, as a command or a sentence


def heropstartstand(d: Dossier) -> Heropstartstand | None:
    """Where the open heropstart of a case stands (seed 000: checklist, mail to coordination,
    assignment, choice of the vorm); None when the case is not in fase heropstart."""
    h = d.laatste_heropstart
    if d.fase != Fase.heropstart or h is None:
        return None
    if h.uitkomst is None:
        return Heropstartstand("checklist open", h.gestart, f"leersteun heropstart {d.id}")
    if h.toewijzing is not None:
        t = h.toewijzing
        zonder = " (zonder vraag aan de coördinatie)" if h.mail is None else ""
        return Heropstartstand(
            f"toegewezen aan {t.ondersteuner}, vorm nog te kiezen{zonder}",
            t.datum,
            f"{t.ondersteuner} kiest de vorm: 'leersteun fase {d.id} ondersteuning --vorm light|medium' of 'leersteun fase {d.id} opstart --vorm nieuw'",
        )
    if h.uitkomst == Uitkomst.heropstart and h.mail is None:
        return Heropstartstand("mail niet gemaakt", beslist_op(h) or h.gestart, f"leersteun mail {d.id}")
    if h.mail is not None and h.mail.verstuurd is None:
        return Heropstartstand(
            "mail niet verstuurd", h.mail.aangemaakt, f"'leersteun mail {d.id} --verstuur', of 'leersteun mail {d.id} --verstuurd DATUM' als ze al verstuurd is"
        )
    sinds = h.mail.verstuurd if h.mail is not None and h.mail.verstuurd is not None else h.gestart
    return Heropstartstand("wacht op toewijzing", sinds, f"de coördinatie wijst toe: 'leersteun toewijzen {d.id} ONDERSTEUNER'")


def beslist_op(h: Heropstart) -> dt.date | None:
    """The day the checklist decided (heropstart or not); a file from before `beslist` was
    kept: the day the heropstart started. None while the checklist is open."""
    if h.uitkomst is None:
        return None
    return h.beslist or h.gestart


AANDACHT = (
    ("gedragen", "niet gedragen door alle schoolse partners"),
    ("zorgcontinuum_fase_2_3", "doelen buiten fase 2/3 van het zorgcontinuüm"),
)


def aandachtspunten(d: Dossier) -> list[tuple[dt.date, str]]:
    """(date of the evaluation, what) for a 'nee' on "gedragen" or "binnen fase 2/3" in the
    last evaluation with the four questions of the running support. A traject that ended (a
    closing, a heropstart after it) leaves none behind."""
    lopend = d.lopend_traject
    if lopend is None or d.fase == Fase.afgesloten:
        return []
    laatste = next((e for e in reversed(d.evaluaties) if e.datum >= lopend.start and e.vier_vragen and e.vier_vragen.volledig), None)
    if laatste is None or laatste.vier_vragen is None:
        return []
    return [(laatste.datum, wat) for sleutel, wat in AANDACHT if getattr(laatste.vier_vragen, sleutel).antwoord == "nee"]


def zoals_op(d: Dossier, dag: dt.date) -> Dossier | None:
    """The case as it stood at the end of `dag`: what is dated after it (history, evaluations
    and the moments they planned, meetings, Diplon steps, trajects, heropstarts and their mail
    and assignment, goals and their evaluations) left out; its phase that of its history then.
    None when the case did not exist yet. For an overview of a week that is past."""
    geschiedenis = [g for g in d.geschiedenis if g.datum <= dag]
    if not geschiedenis:
        return None
    if len(geschiedenis) == len(d.geschiedenis) and not _later(d, dag):
        return d
    later_gepland = {m for e in d.evaluaties if e.datum > dag for m in e.volgende}
    trajecten = []
    for t in d.trajecten:
        if t.start <= dag:
            trajecten.append(
                t.model_copy(
                    update={
                        "einde": t.einde if t.einde is not None and t.einde <= dag else None,
                        "evaluatie_op": [m for m in t.evaluatie_op if m not in later_gepland],
                    }
                )
            )
    heropstarts = []
    for h in d.heropstarts:
        if h.gestart <= dag:
            mail = h.mail if h.mail is not None and h.mail.aangemaakt <= dag else None
            if mail is not None and mail.verstuurd is not None and mail.verstuurd > dag:
                mail = mail.model_copy(update={"verstuurd": None})
            toewijzing = h.toewijzing if h.toewijzing is not None and h.toewijzing.datum <= dag else None
            update = {"mail": mail, "toewijzing": toewijzing}
            if h.beslist is not None and h.beslist > dag:  # decided later: the checklist was still open then
                update.update(uitkomst=None, beslist=None, motivatie=None, ingevuld_door=None, mail=None, toewijzing=None)
            heropstarts.append(h.model_copy(update=update))
    doelen = [g.model_copy(update={"evaluaties": [e for e in g.evaluaties if e.datum <= dag]}) for g in d.doelen if g.start is None or g.start <= dag]
    fase = geschiedenis[-1].fase
    ondersteuner = d.ondersteuner
    if fase in (Fase.aanmelding, Fase.afgesloten) or (fase == Fase.heropstart and not any(h.toewijzing for h in heropstarts[-1:])):
        ondersteuner = None
    verslag = d.verslag
    if verslag.ontbindende_voorwaarde_beslist is not None and verslag.ontbindende_voorwaarde_beslist > dag:
        verslag = verslag.model_copy(update={"ontbindende_voorwaarde_beslist": None})
    return d.model_copy(
        update={
            "fase": fase,
            "ondersteuner": ondersteuner,
            "verslag": verslag,
            "geschiedenis": geschiedenis,
            "trajecten": trajecten,
            "evaluaties": [e for e in d.evaluaties if e.datum <= dag],
            "overleggen": [o for o in d.overleggen if o.datum <= dag],
            "diplon": [x for x in d.diplon if x.datum <= dag],
            "heropstarts": heropstarts,
            "doelen": doelen,
        }
    )


def _later(d: Dossier, dag: dt.date) -> bool:
    """Is anything of the case dated after `dag` (besides its history)?"""
    return (
        any(e.datum > dag for e in d.evaluaties)
        or any(o.datum > dag for o in d.overleggen)
        or any(x.datum > dag for x in d.diplon)
        or any(t.start > dag or (t.einde is not None and t.einde > dag) for t in d.trajecten)
        or any(
            h.gestart > dag
            or (h.beslist or dag) > dag
            or (h.toewijzing and h.toewijzing.datum > dag)
            or (h.mail and (h.mail.aangemaakt > dag or (h.mail.verstuurd or dag) > dag))
            for h in d.heropstarts
        )
        or (d.verslag.ontbindende_voorwaarde_beslist or dag) > dag
        or any((g.start is not None and g.start > dag) or any(e.datum > dag for e in g.evaluaties) for g in d.doelen)
    )
