"""The request to coordination: an RFC 5322 message with the completed checklist as PDF.

The message is built with `email.message.EmailMessage` (policy SMTP), never by formatting
headers by hand; every value that reaches a header is first reduced to one clean line, so a
pupil's name or klas can never add or change a header. The `.eml` carries `X-Unsent: 1` so
that Outlook opens it as a draft ready to send.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import smtplib
import ssl
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.rules.checklist import CENTRALE_VRAAG, VRAGEN, advies
from leersteun.rules.model import Checklist, Dossier, Heropstart, Instellingen, JaDeelsNee, Uitkomst

WACHTWOORD = "LEERSTEUN_SMTP_WACHTWOORD"


def veilig(tekst: object) -> str:
    """One header-safe line: control characters and line breaks become spaces."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f\u2028\u2029\x85]", " ", str(tekst)).split())


@dataclass
class Afzender:
    naam: str
    email: str


def afzender(instellingen: Instellingen) -> Afzender:
    """The sender: LEERSTEUN_AFZENDER_NAAM / _EMAIL on this machine, else leersteun.yaml."""
    naam = os.environ.get("LEERSTEUN_AFZENDER_NAAM") or (instellingen.afzender.naam if instellingen.afzender else None)
    email = os.environ.get("LEERSTEUN_AFZENDER_EMAIL") or (instellingen.afzender.email if instellingen.afzender else None)
    if not naam or not email:
        raise Fout(
            "Er is geen afzender: vul 'afzender: {naam: ..., email: ...}' in leersteun.yaml in, of zet "
            "LEERSTEUN_AFZENDER_NAAM en LEERSTEUN_AFZENDER_EMAIL op deze computer. Er is niets geschreven."
        )
    from leersteun.rules.model import als_email

    try:
        email = als_email(email)
    except ValueError:  # pydantic's error, told in Dutch
        bron = "LEERSTEUN_AFZENDER_EMAIL" if os.environ.get("LEERSTEUN_AFZENDER_EMAIL") else "afzender.email in leersteun.yaml"
        raise Fout(f"De afzender '{email}' (uit {bron}) is geen e-mailadres; schrijf het als naam@voorbeeld.be. Er is niets geschreven.") from None
    if any(c in naam for c in "\r\n") or len(naam) > 200:
        raise Fout("De naam van de afzender past niet op één regel; controleer LEERSTEUN_AFZENDER_NAAM. Er is niets geschreven.")
    return Afzender(naam, email)


def _ja_deels_nee(antwoord: object) -> str:
    return {"ja": "ja", "deels": "deels", "nee": "nee"}.get(str(getattr(antwoord, "value", antwoord)), "–")


def checklist_rijen(checklist: Checklist) -> list[dict]:
    """The answers in reading order, as plain text for the templates."""
    rijen = []
    for v in VRAGEN:
        waarde = getattr(checklist, v.sleutel)
        rij: dict = {"vraag": v.vraag, "uitleg": v.uitleg, "antwoord": "", "lijsten": [], "extra": []}
        if v.soort == "keuzes":
            rij["antwoord"] = ", ".join(x.value for x in waarde or [])
        elif v.soort == "factoren":
            f = waarde
            rij["lijsten"] = [
                ("Bij de leerling", list(f.leerling) if f else []),
                ("Bij de leerkracht", list(f.leerkracht) if f else []),
                ("Op school", list(f.school) if f else []),
            ]
        elif waarde is not None:
            rij["antwoord"] = _ja_deels_nee(waarde.antwoord)
            if v.soort == "partner":  # seed 000's wording: the file's answer turned round; the central question its own line
                rij["antwoord"] = _ja_deels_nee(waarde.binnen_opdracht)
                namen = ", ".join(x.value for x in waarde.partners) or "geen"
                rij["extra"].append(f"{CENTRALE_VRAAG} {namen}")
                if waarde.partner and waarde.antwoord != JaDeelsNee.nee:
                    rij["extra"].append(f"Betrek beter: {waarde.partner.value}")
            if v.soort == "leervraag" and waarde.leervraag:
                rij["extra"].append(f"Leervraag: {waarde.leervraag}")
            if waarde.toelichting:
                rij["extra"].append(f"Toelichting: {waarde.toelichting}")
        rijen.append(rij)
    return rijen


def context(dossier: Dossier, heropstart: Heropstart, instellingen: Instellingen, wie: Afzender, vandaag: dt.date) -> dict:
    assert heropstart.checklist is not None
    analyse = {
        "ondersteuner": "de ondersteuner die nog op school werkt",
        "clb": f"de CLB-medewerker{f' ({dossier.clb_medewerker})' if dossier.clb_medewerker else ''}",
        None: "–",
    }[heropstart.analyse_met.value if heropstart.analyse_met else None]
    return {
        "dossier_id": dossier.id,
        "leerling": dossier.leerling,
        "school": dossier.school.naam + (f", {dossier.school.gemeente}" if dossier.school.gemeente else ""),
        "vorige_ondersteuners": ", ".join(dossier.vorige_ondersteuners),
        "klasleerkracht": ", ".join(b.naam for b in dossier.betrokkene("klasleerkracht")),
        "zorgcoordinator": ", ".join(b.naam for b in dossier.betrokkene("zorgcoordinator")),
        "heropstart": heropstart,
        "analyse_met": analyse,
        "rijen": checklist_rijen(heropstart.checklist),
        "advies": advies(heropstart.checklist),
        "uitkomst": {Uitkomst.heropstart: "heropstart", Uitkomst.geen_heropstart: "geen heropstart", None: "nog open"}[heropstart.uitkomst],
        "netwerk": instellingen.netwerk,
        "afzender": wie.naam,
        "ingevuld_door": heropstart.ingevuld_door or wie.naam,
        "vandaag": vandaag,
    }


def bestandsnaam(dossier: Dossier, vandaag: dt.date) -> str:
    return f"{dossier.id}-heropstart-{vandaag.isoformat()}.eml"


def maak_bericht(dossier: Dossier, instellingen: Instellingen, vandaag: dt.date, map_pad: Path | None) -> EmailMessage:
    """The request to coordination, with the checklist PDF attached."""
    from leersteun.outputs.render import html_naar_pdf, render

    h = dossier.laatste_heropstart
    if h is None or h.uitkomst != Uitkomst.heropstart or h.checklist is None:
        raise Fout(f"Voor dossier {dossier.id} is er geen afgeronde checklist met uitkomst heropstart; doorloop eerst 'leersteun heropstart {dossier.id}'.")
    wie = afzender(instellingen)
    ctx = context(dossier, h, instellingen, wie, vandaag)
    tekst = render("mail/heropstart.txt.j2", ctx, map_pad)
    pdf = html_naar_pdf(render("checklist/checklist.html.j2", ctx, map_pad), map_pad)

    ll = dossier.leerling
    bericht = EmailMessage(policy=policy.SMTP)
    bericht["From"] = Address(display_name=veilig(wie.naam), addr_spec=veilig(wie.email))
    bericht["To"] = Address(display_name=veilig(f"Coördinatie {instellingen.netwerk}"), addr_spec=veilig(instellingen.coordinatie.email))
    bericht["Subject"] = veilig(f"Vraag tot heropstart: {ll.voornaam} {ll.naam} ({ll.klas}, {dossier.school.naam})")
    moment = dt.datetime.combine(vandaag, dt.time(9, 0), tzinfo=dt.UTC) if os.environ.get("LEERSTEUN_VANDAAG") else dt.datetime.now(dt.UTC)
    bericht["Date"] = format_datetime(moment)
    bericht["Message-ID"] = make_msgid(domain=wie.email.split("@")[-1])
    bericht["X-Unsent"] = "1"
    bericht.set_content(tekst)
    bericht.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"checklist-heropstart-{dossier.id}.pdf")
    return bericht


def als_bytes(bericht: EmailMessage) -> bytes:
    return bericht.as_bytes(policy=policy.SMTP)


def verstuur(bericht: EmailMessage, instellingen: Instellingen) -> None:
    """Send by SMTP with STARTTLS; the password only from LEERSTEUN_SMTP_WACHTWOORD."""
    smtp = instellingen.smtp
    if smtp is None:
        raise Fout("Er staan geen SMTP-gegevens in leersteun.yaml (smtp: host, poort, starttls, gebruiker).")
    wachtwoord = os.environ.get(WACHTWOORD)
    if smtp.gebruiker and not wachtwoord:
        raise Fout(f"Zet het wachtwoord van {smtp.gebruiker} in de omgevingsvariabele {WACHTWOORD}; het staat nooit in een bestand.")
    verzenden = _zonder_concept(bericht)
    try:
        with smtplib.SMTP(smtp.host, smtp.poort, timeout=30) as server:
            server.ehlo()
            if smtp.starttls:
                cafile = os.environ.get("LEERSTEUN_SMTP_CAFILE") or None
                server.starttls(context=ssl.create_default_context(cafile=cafile))
                server.ehlo()
            if smtp.gebruiker:
                server.login(smtp.gebruiker, wachtwoord or "")
            server.send_message(verzenden)
    except smtplib.SMTPAuthenticationError:
        raise Fout(f"De SMTP-server weigert de aanmelding van {smtp.gebruiker}: controleer {WACHTWOORD}.") from None
    except smtplib.SMTPNotSupportedError:
        raise Fout(f"{smtp.host} ondersteunt geen STARTTLS; zonder versleuteling verstuurt leersteun niets.") from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as e:
        raise Fout(f"Versturen via {smtp.host}:{smtp.poort} lukte niet: {_smtp_reden(e)}. De mail staat nog in out/.") from None


def _smtp_reden(e: BaseException) -> str:
    """Why sending failed, in Dutch (never the OS's or the server's English)."""
    import errno
    import socket

    if isinstance(e, ssl.SSLCertVerificationError):
        return "het certificaat van de server wordt niet vertrouwd (een eigen CA-certificaat kan met LEERSTEUN_SMTP_CAFILE)"
    if isinstance(e, ssl.SSLError):
        return "de versleutelde verbinding lukte niet"
    if isinstance(e, socket.gaierror):
        return "de naam van de server is niet gevonden; controleer smtp.host in leersteun.yaml en de internetverbinding"
    if isinstance(e, (socket.timeout, TimeoutError)):
        return "de server antwoordt niet (time-out)"
    if isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED:
        return "de server weigert de verbinding; controleer smtp.host en smtp.poort in leersteun.yaml"
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        return "de server weigert het adres van de coördinatie"
    if isinstance(e, smtplib.SMTPSenderRefused):
        return "de server weigert de afzender"
    if isinstance(e, smtplib.SMTPServerDisconnected):
        return "de server verbrak de verbinding"
    if isinstance(e, smtplib.SMTPResponseException):
        return f"de server antwoordde met code {e.smtp_code}"
    if isinstance(e, OSError):
        return "geen verbinding met de server (netwerkfout)"
    return "de server weigerde de mail"


def _zonder_concept(bericht: EmailMessage) -> EmailMessage:
    """The same message without the draft marker."""
    import copy

    kopie = copy.deepcopy(bericht)
    del kopie["X-Unsent"]
    return kopie
