"""The request to coordination: the .eml, its PDF checklist, header safety, templates, SMTP."""

from __future__ import annotations

import datetime as dt
import email
import shutil
import socket
import ssl
import subprocess
from email import policy
from pathlib import Path

import pytest

from tests.conftest import digest

EML = "out/KLM-2024-017-heropstart-2026-11-24.eml"


def lees_eml(pad: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(pad.read_bytes(), policy=policy.default)


def test_mail_is_a_complete_draft(voorbeeld: Path, run, pdftotext: str, tmp_path: Path) -> None:
    result = run("mail", "lotte")
    assert result.exit_code == 0, result.output
    assert f"Mail klaar: {EML} (aan info@wanteam.be)." in result.stdout
    bericht = lees_eml(voorbeeld / EML)
    assert bericht["From"] == "An Janssens <an.janssens@example.org>"
    assert bericht["To"] == "Coördinatie Leersteuncentrum Kempen-Noord <info@wanteam.be>"
    assert bericht["Subject"] == "Vraag tot heropstart: Lotte Peeters (5B, Basisschool De Klimop)"
    assert bericht["X-Unsent"] == "1"
    assert bericht["Date"] == "Tue, 24 Nov 2026 09:00:00 +0000"
    assert bericht["Message-ID"].endswith("@example.org>")
    tekst = bericht.get_body(("plain",)).get_content()
    for regel in (
        "Naam:                 Peeters",
        "Voornaam:             Lotte",
        "Klas:                 5B",
        "School:               Basisschool De Klimop, Geel",
        "Vorige ondersteuner:  Els Maes",
        "De ingevulde checklist zit als PDF in bijlage.",
    ):
        assert regel in tekst
    bijlagen = list(bericht.iter_attachments())
    assert [(b.get_filename(), b.get_content_type()) for b in bijlagen] == [("checklist-heropstart-KLM-2024-017.pdf", "application/pdf")]
    pdf = tmp_path / "checklist.pdf"
    pdf.write_bytes(bijlagen[0].get_content())
    inhoud = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    plat = " ".join(inhoud.split())
    for antwoord in (
        "Checklist heropstart ondersteuning",
        "leerkracht, ouders",
        "Werktempo zakt sterk bij langere schrijfopdrachten.",
        "Nieuwe leerkracht kent de eerdere aanpak niet.",
        "Toelichting: Time-timer nog gebruikt, stappenplan niet meer.",
        "Leervraag: Hoe help ik Lotte opnieuw zelfstandig starten?",
        "Toelichting: Directie nog te betrekken.",
        "Uitkomst: heropstart",
        "Eerdere aanpak werkte; nieuwe leerkracht heeft korte ondersteuning nodig.",
        # seed 000, question 4 as the network asks it; Lotte's older file said 'nee' to the old question
        "4. Liggen de noden voldoende binnen de opdracht van het leersteuncentrum, of betrekken we beter een andere partner",
        "Zijn er andere partners die tegemoet kunnen komen aan de vraag? geen",
        "Geen andere partner kan tegemoetkomen aan de vraag",
    ):
        assert antwoord in plat, antwoord
    vraag_4 = plat.split("4. Liggen de noden", 1)[1].split("5. ", 1)[0]
    assert " ja " in vraag_4 and "Toelichting: Vraag ligt binnen de opdracht van leersteun." in vraag_4
    # the case records the mail
    geval = (voorbeeld / "cases" / "KLM-2024-017.yaml").read_text()
    assert (
        f"    mail:                        # {{aangemaakt: date, bestand: out/…eml, verstuurd: date|null}}\n      aangemaakt: 2026-11-24\n      bestand: {EML}\n      verstuurd: null\n"
        in geval
    )
    assert run("valideer").exit_code == 0


def test_names_with_line_breaks_are_refused(voorbeeld: Path, run) -> None:
    pad = voorbeeld / "cases" / "KLM-2024-017.yaml"
    pad.write_text(pad.read_text().replace("  klas: 5B\n", '  klas: "5B\\nBcc: evil@example.org"\n'))
    voor = digest(pad)
    result = run("mail", "KLM-2024-017")
    assert result.exit_code == 1
    assert "cases/KLM-2024-017.yaml:13:9: een naam past op één regel" in result.stderr
    assert digest(pad) == voor and not (voorbeeld / EML).exists()


def test_the_mail_builder_keeps_headers_safe_on_its_own(voorbeeld: Path) -> None:
    """Defence in depth: even a model that skipped validation cannot add a header."""
    from leersteun.outputs.mail import als_bytes, maak_bericht
    from leersteun.reading.dossiers import lees_dossier, lees_instellingen
    from leersteun.reading.folder import Dossiermap
    from leersteun.rules.checks import Context

    d = lees_dossier(voorbeeld / "cases" / "KLM-2024-017.yaml", Context(vandaag=dt.date(2026, 11, 24))).dossier
    leerling = d.leerling.model_copy(update={"voornaam": "Lotte\r\nX-Evil: 1", "klas": "5B\nBcc: evil@example.org"})
    d = d.model_copy(update={"leerling": leerling})
    inst, _ = lees_instellingen(Dossiermap(voorbeeld))
    ruw = als_bytes(maak_bericht(d, inst, __import__("datetime").date(2026, 11, 24), voorbeeld))
    kop = ruw.split(b"\r\n\r\n", 1)[0].decode()
    namen = [r.split(":")[0] for r in kop.splitlines() if r and not r[0].isspace()]
    assert "Bcc" not in namen and "X-Evil" not in namen
    bericht = email.message_from_bytes(ruw, policy=policy.default)
    assert bericht["Subject"] == "Vraag tot heropstart: Lotte X-Evil: 1 Peeters (5B Bcc: evil@example.org, Basisschool De Klimop)"


def test_missing_sender_is_an_error_before_anything_is_written(voorbeeld: Path, run) -> None:
    instellingen = voorbeeld / "leersteun.yaml"
    tekst = instellingen.read_text()
    instellingen.write_text(
        tekst.replace("afzender:                          # standaardafzender van de mails\n  naam: An Janssens\n  email: an.janssens@example.org\n", "")
    )
    voor = digest(voorbeeld / "cases" / "KLM-2024-017.yaml")
    result = run("mail", "lotte")
    assert result.exit_code == 1
    assert "geen afzender" in result.stderr
    assert not (voorbeeld / "out").exists()
    assert digest(voorbeeld / "cases" / "KLM-2024-017.yaml") == voor


def test_mail_needs_a_decided_heropstart(voorbeeld: Path, run) -> None:
    result = run("mail", "louis")
    assert result.exit_code == 1
    assert "geen afgeronde checklist" in result.stderr


@pytest.mark.parametrize(
    "sjabloon,woorden",
    [
        ("Beste,\n{{ onbekend }}\n", "mail/heropstart.txt.j2:2"),
        ("Beste,\n\n{% if %}\n", "heropstart.txt.j2:3"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "Fout in sjabloon"),
    ],
)
def test_template_errors_name_template_and_line(voorbeeld: Path, run, sjabloon: str, woorden: str) -> None:
    eigen = voorbeeld / "templates" / "mail"
    eigen.mkdir(parents=True)
    (eigen / "heropstart.txt.j2").write_text(sjabloon)
    voor = digest(voorbeeld / "cases" / "KLM-2024-017.yaml")
    result = run("mail", "lotte")
    assert result.exit_code == 1
    assert woorden in result.stderr
    assert "Traceback" not in result.output
    assert digest(voorbeeld / "cases" / "KLM-2024-017.yaml") == voor
    assert not (voorbeeld / EML).exists()


def test_folder_template_overrides_the_built_in_one(voorbeeld: Path, run) -> None:
    eigen = voorbeeld / "templates" / "mail"
    eigen.mkdir(parents=True)
    (eigen / "heropstart.txt.j2").write_text("Dag collega's,\n{{ leerling.voornaam }} uit {{ leerling.klas }}.\n")
    assert run("mail", "lotte").exit_code == 0
    tekst = lees_eml(voorbeeld / EML).get_body(("plain",)).get_content()
    assert tekst.replace("\r\n", "\n") == "Dag collega's,\nLotte uit 5B.\n"


# ---------------------------------------------------------------------------- SMTP


@pytest.fixture
def smtp_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A real SMTP server on 127.0.0.1 with STARTTLS and a login (aiosmtpd)."""
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")
    from aiosmtpd.smtp import AuthResult

    if not shutil.which("openssl"):
        pytest.fail("openssl is needed to make a test certificate")
    sleutel, certificaat = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(sleutel), "-out", str(certificaat),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificaat, sleutel)

    class Ontvanger:
        def __init__(self) -> None:
            self.berichten: list = []

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
            self.berichten.append(envelope)
            return "250 OK"

    def aanmelden(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login, auth_data.password) == (b"an.janssens@example.org", b"geheim")
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 535 itself

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    ontvanger = Ontvanger()
    controller = aiosmtpd.Controller(
        ontvanger, hostname="127.0.0.1", port=poort, tls_context=context, require_starttls=True,
        authenticator=aanmelden, auth_require_tls=True, auth_exclude_mechanism=["CRAM-MD5"],
    )  # fmt: skip
    controller.start()
    monkeypatch.setenv("LEERSTEUN_SMTP_CAFILE", str(certificaat))
    yield poort, ontvanger
    controller.stop()


def smtp_instellingen(voorbeeld: Path, poort: int) -> None:
    pad = voorbeeld / "leersteun.yaml"
    pad.write_text(pad.read_text().replace("  host: smtp.example.org\n  poort: 587\n", f"  host: 127.0.0.1\n  poort: {poort}\n"))


def test_verstuur_sends_the_exact_message(voorbeeld: Path, run, smtp_server, monkeypatch: pytest.MonkeyPatch) -> None:
    poort, ontvanger = smtp_server
    smtp_instellingen(voorbeeld, poort)
    monkeypatch.setenv("LEERSTEUN_SMTP_WACHTWOORD", "geheim")
    result = run("mail", "lotte", "--verstuur", input="j\n")
    assert result.exit_code == 0, result.output
    assert "Versturen naar info@wanteam.be via 127.0.0.1?" in result.stdout
    assert "Verstuurd naar info@wanteam.be." in result.stdout
    assert len(ontvanger.berichten) == 1
    envelop = ontvanger.berichten[0]
    assert envelop.mail_from == "an.janssens@example.org" and envelop.rcpt_tos == ["info@wanteam.be"]
    ontvangen = email.message_from_bytes(envelop.original_content, policy=policy.default)
    bewaard = lees_eml(voorbeeld / EML)
    assert ontvangen["X-Unsent"] is None
    for kop in ("From", "To", "Subject", "Date", "Message-ID"):
        assert ontvangen[kop] == bewaard[kop]
    assert ontvangen.get_body(("plain",)).get_content() == bewaard.get_body(("plain",)).get_content()
    assert [a.get_content() for a in ontvangen.iter_attachments()] == [a.get_content() for a in bewaard.iter_attachments()]
    assert "      verstuurd: 2026-11-24\n" in (voorbeeld / "cases" / "KLM-2024-017.yaml").read_text()
    # it is not sent twice
    result = run("mail", "lotte", "--verstuur", "--ja")
    assert result.exit_code == 1 and "al verstuurd op 24-11-2026" in result.stderr
    assert len(ontvanger.berichten) == 1


def test_verstuur_needs_the_password_from_the_environment(voorbeeld: Path, run, smtp_server, monkeypatch) -> None:
    poort, ontvanger = smtp_server
    smtp_instellingen(voorbeeld, poort)
    monkeypatch.delenv("LEERSTEUN_SMTP_WACHTWOORD", raising=False)
    result = run("mail", "lotte", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert "LEERSTEUN_SMTP_WACHTWOORD" in result.stderr
    assert ontvanger.berichten == []


def test_verstuur_with_a_wrong_password_is_a_clear_error(voorbeeld: Path, run, smtp_server, monkeypatch) -> None:
    poort, ontvanger = smtp_server
    smtp_instellingen(voorbeeld, poort)
    monkeypatch.setenv("LEERSTEUN_SMTP_WACHTWOORD", "fout")
    result = run("mail", "lotte", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert "weigert de aanmelding" in result.stderr
    assert ontvanger.berichten == []
    assert "verstuurd: null" in (voorbeeld / "cases" / "KLM-2024-017.yaml").read_text()


def test_verstuur_can_be_declined(voorbeeld: Path, run, smtp_server, monkeypatch) -> None:
    poort, ontvanger = smtp_server
    smtp_instellingen(voorbeeld, poort)
    monkeypatch.setenv("LEERSTEUN_SMTP_WACHTWOORD", "geheim")
    result = run("mail", "lotte", "--verstuur", input="n\n")
    assert result.exit_code == 0
    assert "Niet verstuurd" in result.stdout and ontvanger.berichten == []


@pytest.mark.parametrize("soort", ["geweigerd", "certificaat"])
def test_sending_problems_are_told_in_dutch(voorbeeld: Path, run, smtp_server, monkeypatch: pytest.MonkeyPatch, soort: str) -> None:
    import socket

    poort, _ontvanger = smtp_server
    if soort == "geweigerd":
        with socket.socket() as s:  # a port on loopback where nobody listens
            s.bind(("127.0.0.1", 0))
            poort = s.getsockname()[1]
    else:
        monkeypatch.delenv("LEERSTEUN_SMTP_CAFILE")  # the test server's own certificate is not trusted then
    smtp_instellingen(voorbeeld, poort)
    monkeypatch.setenv("LEERSTEUN_SMTP_WACHTWOORD", "geheim")
    result = run("mail", "lotte", "--verstuur", "--ja")
    assert result.exit_code == 1
    uitleg = {"geweigerd": "de server weigert de verbinding", "certificaat": "het certificaat van de server wordt niet vertrouwd"}[soort]
    assert uitleg in result.stderr and "De mail staat nog in out/" in result.stderr
    for engels in ("Errno", "refused", "Connection", "certificate", "verify failed"):
        assert engels not in result.stderr, engels
