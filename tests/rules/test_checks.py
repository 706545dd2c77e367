"""Bad input: every class gives a Dutch finding at the right line and column, and no change."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from leersteun.files import store
from leersteun.reading.dossiers import lees_dossier
from leersteun.rules import checks
from tests.conftest import DOSSIER, ROOT, Map


def bevindingen(map_: Map, tekst: str, naam: str = "T-001"):
    pad = map_.case(tekst, naam)
    ctx = checks.Context(vandaag=__import__("datetime").date(2026, 11, 24))
    return lees_dossier(pad, ctx).bevindingen


def een(map_: Map, tekst: str, naam: str = "T-001"):
    gevonden = [b for b in bevindingen(map_, tekst, naam) if b.is_fout]
    assert len(gevonden) == 1, gevonden
    return gevonden[0]


# (name, the damaged case, line, column, words the message must contain)
KAPOT = [
    (
        "yaml-syntax",
        DOSSIER.replace("  klas: 5B", "  klas: [5B"),
        6,
        9,
        "hier geopend maar niet correct afgesloten; controleer de haakjes en komma's (opgemerkt op regel 7)",
    ),
    ("yaml-dubbelpunt", DOSSIER.replace("  klas: 5B", "  klas: 5B: rood"), 6, 11, "onverwachte ':'"),
    ("tab", DOSSIER.replace("  klas: 5B", "\tklas: 5B"), 6, 1, "tab"),
    ("dubbele-sleutel", DOSSIER.replace("  klas: 5B\n", "  klas: 5B\n  klas: 6B\n"), 7, 3, "twee keer"),
    ("verkeerd-type", DOSSIER.replace("  zichtbaar_in_diplon: true", "  zichtbaar_in_diplon: misschien"), 14, 24, "true of false"),
    ("lijst-verwacht", DOSSIER.replace("evaluaties: []", "evaluaties: geen"), 31, 13, "lijst"),
    ("onbekende-sleutel", DOSSIER.replace("ondersteuner: Els", "ondersteuenr: Els"), 18, 1, "bedoel je 'ondersteuner'"),
    ("buiten-enum", DOSSIER.replace("  niveau: lager", "  niveau: lagere school"), 7, 11, "kleuter, lager, secundair"),
    (
        "onmogelijke-datum",
        DOSSIER.replace("geboortedatum: 2015-03-14", "geboortedatum: 2015-02-30"),
        5,
        18,
        "geen bestaande datum: februari 2015 heeft 28 dagen",
    ),
    ("datum-als-tekst", DOSSIER.replace("  datum: 2024-09-12", "  datum: 12/09/2024"), 13, 10, "JJJJ-MM-DD"),
    ("ontbrekende-sleutel", DOSSIER.replace("  klas: 5B\n", ""), 2, 1, "'klas' ontbreekt"),
    ("python-tag", DOSSIER.replace("klas: 5B", "klas: !!python/object:os.system ls"), 6, 9, "YAML-tag"),
    ("alias", DOSSIER.replace("evaluaties: []", "evaluaties: &a []").replace("doelen: []", "doelen: *a"), 32, 1, "aliassen"),
    (
        "mergeconflict",
        DOSSIER.replace("fase: ondersteuning\n", "<<<<<<< HEAD\nfase: ondersteuning\n=======\nfase: afgesloten\n>>>>>>> x\n", 1),
        16,
        1,
        "mergeconflict",
    ),
    ("leeg", "", 1, 1, "leeg"),
    ("alleen-commentaar", "# niets\n", 1, 1, "leeg"),
    ("geen-groep", "- a\n- b\n", 1, 1, "groep sleutels"),
    ("id-niet-bestandsnaam", DOSSIER.replace("id: T-001", "id: T-002"), 1, 5, "bestandsnaam"),
    ("id-met-pad", DOSSIER.replace("id: T-001", "id: ../T-001"), 1, 5, "geen geldige id"),
]


@pytest.mark.parametrize("naam,tekst,regel,kolom,woorden", KAPOT, ids=[k[0] for k in KAPOT])
def test_bad_input_is_a_positioned_dutch_finding(map_: Map, naam, tekst, regel, kolom, woorden) -> None:
    b = een(map_, tekst)
    assert b.pad == "cases/T-001.yaml"
    assert b.regel == regel, b
    if kolom is not None:
        assert b.kolom == kolom, b
    assert woorden in b.boodschap, b


def test_non_utf8_file_names_the_position(map_: Map) -> None:
    pad = map_.pad / "cases" / "T-001.yaml"
    pad.write_bytes(DOSSIER.replace("Geel", "G\xe9el").encode("latin-1"))
    b = lees_dossier(pad, checks.Context(vandaag=dt.date(2026, 11, 24))).bevindingen[0]
    assert (b.regel, b.kolom) == (10, 14)  # the byte after "G"
    assert "UTF-8" in b.boodschap


def test_password_in_settings_gets_its_own_message(map_: Map) -> None:
    (map_.pad / "leersteun.yaml").write_text("netwerk: X\ncoordinatie:\n  email: a@b.be\nsmtp:\n  host: h\n  wachtwoord: geheim\n")
    bestand = store.lees(map_.pad / "leersteun.yaml")
    _, gevonden = checks.controleer_instellingen(bestand)
    assert [(b.regel, b.kolom) for b in gevonden] == [(6, 3)]
    assert "LEERSTEUN_SMTP_WACHTWOORD" in gevonden[0].boodschap


# ---------------------------------------------------------------------------- consistency rules

REGELS = [
    ("ondersteuning-zonder-traject", DOSSIER.replace("    start: 2024-10-15\n", "    start: 2024-10-15\n    einde: 2025-01-31\n"), "fase", "lopend traject"),
    (
        "afgesloten-met-lopend-traject",
        DOSSIER.replace("fase: ondersteuning\n", "fase: afgesloten\n", 1).replace("    fase: ondersteuning", "    fase: afgesloten"),
        "trajecten",
        "geen lopend traject",
    ),
    ("afsluiten-zonder-reden", DOSSIER.replace("evaluaties: []", "evaluaties:\n  - datum: 2025-01-20\n    beslissing: afsluiten"), "beslissing", "reden"),
    (
        "reden-bij-verderzetten",
        DOSSIER.replace("evaluaties: []", "evaluaties:\n  - datum: 2025-01-20\n    beslissing: verderzetten\n    reden: opname"),
        "reden",
        "alleen bij afsluiten",
    ),
    (
        "einde-voor-start",
        DOSSIER.replace("    start: 2024-10-15\n", "    start: 2024-10-15\n    einde: 2024-10-01\n")
        .replace("fase: ondersteuning\n", "fase: afgesloten\n", 1)
        .replace("    fase: ondersteuning", "    fase: afgesloten"),
        "einde",
        "vóór de start",
    ),
    ("opstart-zonder-diplon", DOSSIER.replace("zichtbaar_in_diplon: true", "zichtbaar_in_diplon: false"), "zichtbaar_in_diplon", "Diplon"),
    ("ov4-in-lager", DOSSIER.replace("soort: GC", "soort: OV4"), "soort", "secundair"),
    (
        "ontbindend-bij-gc",
        DOSSIER.replace("ontbindende_voorwaarde: null", "ontbindende_voorwaarde: 2024-09-20"),
        "ontbindende_voorwaarde",
        "IAC- of OV4-verslag",
    ),
    (
        "verslag-voor-geboorte",
        DOSSIER.replace("geboortedatum: 2015-03-14", "geboortedatum: 2025-03-14"),
        "datum",
        "het Verslag (2024-09-12) is gedateerd vóór de geboortedatum van de leerling (2025-03-14)",
    ),
    (
        "geschiedenis-volgorde",
        DOSSIER.replace("evaluaties: []", "evaluaties: []").replace(
            "    door: Els Maes\n", "    door: Els Maes\n  - datum: 2024-01-01\n    fase: ondersteuning\n    door: Els Maes\n"
        ),
        "datum",
        "deze regel (2024-01-01) is ouder dan de vorige (2024-10-15)",
    ),
    (
        "traject-overlapt",
        DOSSIER.replace("    evaluatie_op: [2025-01-20]\n", "    evaluatie_op: [2025-01-20]\n    einde: 2025-02-01\n  - vorm: light\n    start: 2025-01-10\n"),
        "start",
        "dit traject start (2025-01-10) vóór het vorige eindigt (2025-02-01)",
    ),
    (
        "heropstart-zonder-gegevens",
        DOSSIER.replace("fase: ondersteuning\n", "fase: heropstart\n", 1)
        .replace("    start: 2024-10-15\n", "    start: 2024-10-15\n    einde: 2025-01-31\n")
        .replace("    fase: ondersteuning", "    fase: heropstart"),
        "fase",
        "heropstart",
    ),
]


@pytest.mark.parametrize("naam,tekst,sleutel,woorden", REGELS, ids=[r[0] for r in REGELS])
def test_consistency_rule(map_: Map, naam, tekst, sleutel, woorden) -> None:
    b = een(map_, tekst)
    regel = tekst.splitlines()[b.regel - 1]
    assert sleutel in regel or regel.lstrip().startswith("-"), (b, regel)
    assert woorden in b.boodschap


def test_valid_case_has_no_findings(map_: Map) -> None:
    assert bevindingen(map_, DOSSIER) == []


def test_unknown_team_member_is_a_warning_with_suggestion(map_: Map) -> None:
    from leersteun.reading.dossiers import lees_instellingen
    from leersteun.reading.folder import Dossiermap

    inst, _ = lees_instellingen(Dossiermap(map_.pad))
    pad = map_.case(DOSSIER.replace("ondersteuner: Els Maes ", "ondersteuner: Els Maas "))
    gevonden = lees_dossier(pad, checks.Context(vandaag=dt.date(2026, 11, 24), instellingen=inst)).bevindingen
    assert [(b.regel, b.ernst) for b in gevonden] == [(18, "waarschuwing")]
    assert "bedoel je 'Els Maes'" in gevonden[0].boodschap


def test_every_example_case_is_valid() -> None:
    from leersteun.reading.validatie import valideer

    resultaat = valideer([ROOT])
    assert resultaat.bevindingen == []
    assert resultaat.bestanden == 14  # leersteun.yaml and 13 example cases


# ---------------------------------------------------------------------------- through the CLI


@pytest.mark.parametrize("naam,tekst,regel,kolom,woorden", KAPOT, ids=[k[0] for k in KAPOT])
def test_valideer_reports_and_touches_nothing(map_: Map, run, naam, tekst, regel, kolom, woorden) -> None:
    map_.case(DOSSIER.replace("id: T-001", "id: T-000"), "T-000")  # a valid neighbour
    map_.case(tekst)
    voor = map_.hashes()
    result = run("valideer")
    assert result.exit_code == 1
    assert f"cases/T-001.yaml:{regel}:" in result.stdout
    assert "Traceback" not in result.output
    assert map_.hashes() == voor
    for opdracht in (["toon", "T-001"], ["lijst"]):
        result = run(*opdracht)
        assert result.exit_code == 1, opdracht
        assert "cases/T-001.yaml" in result.stderr
        assert "Traceback" not in result.output
    assert map_.hashes() == voor


def test_valideer_json(map_: Map, run) -> None:
    map_.case(DOSSIER.replace("  niveau: lager", "  niveau: lagere"))
    result = run("valideer", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["fouten"] == 1
    assert data["bevindingen"][0] | {"boodschap": ""} == {
        "pad": "cases/T-001.yaml",
        "regel": 7,
        "kolom": 11,
        "boodschap": "",
        "ernst": "fout",
    }


def test_valideer_streng_turns_warnings_into_errors(map_: Map, run) -> None:
    map_.case(DOSSIER.replace("Els Maes ", "Els Maas "))
    assert run("valideer").exit_code == 0
    result = run("valideer", "--streng", "cases/T-001.yaml")
    assert result.exit_code == 1
    assert "cases/T-001.yaml:18:15: waarschuwing:" in result.stdout


def test_missing_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("valideer")
    assert result.exit_code == 1
    assert "Geen dossiermap gevonden" in result.stderr
    assert "leersteun init" in result.stderr


def test_debug_is_the_only_way_to_see_a_traceback(map_: Map, run, monkeypatch: pytest.MonkeyPatch) -> None:
    import leersteun.reading.validatie

    def stuk(*_a, **_k):
        raise RuntimeError("kapot")

    monkeypatch.setattr(leersteun.reading.validatie, "valideer", stuk)
    result = run("valideer")
    assert result.exit_code == 1
    assert "onverwachte fout" in result.stderr and "Traceback" not in result.output
    monkeypatch.setenv("LEERSTEUN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run("valideer")


REGISTER = (
    "netwerk: X\ncoordinatie:\n  email: a@b.be\nscholen:\n  - naam: GO! Basisschool De Regenboog\n    verslagen:\n"
    "      - voornaam: Jonas\n        naam: Peeters\n        datum: 2027-05-01\n      - naam: Claes\n        datum: 2026-01-10\n"
)


def test_a_register_verslag_in_the_future_is_a_warning_and_a_missing_key_is_named_readably(map_: Map, run) -> None:
    import datetime as dt

    (map_.pad / "leersteun.yaml").write_text(REGISTER)
    _, gevonden = checks.controleer_instellingen(store.lees(map_.pad / "leersteun.yaml"))
    assert [b.boodschap for b in gevonden] == [
        "verplichte sleutel 'voornaam' ontbreekt bij school 'GO! Basisschool De Regenboog', verslag 2 (Claes); voeg 'voornaam: ...' toe"
    ]
    (map_.pad / "leersteun.yaml").write_text(REGISTER.replace("      - naam: Claes", "      - voornaam: Mia\n        naam: Claes"))
    _, gevonden = checks.controleer_instellingen(store.lees(map_.pad / "leersteun.yaml"), dt.date(2026, 12, 7))
    assert [(b.regel, b.kolom, b.ernst, b.boodschap) for b in gevonden] == [
        (9, 16, "waarschuwing", "de datum van het Verslag van Jonas Peeters (2027-05-01) bij school 'GO! Basisschool De Regenboog' ligt in de toekomst")
    ]
    result = run("valideer", "leersteun.yaml")
    assert "leersteun.yaml:9:16: waarschuwing: de datum van het Verslag van Jonas Peeters" in result.stdout + result.stderr


def test_a_readable_place() -> None:
    data = {"scholen": [{"naam": "De Klimop", "verslagen": [{"voornaam": "Jonas", "naam": "Peeters"}]}], "team": [{"naam": "Els Maes"}]}
    assert checks.leesbare_plek(("scholen", 0, "verslagen", 0), data) == "school 'De Klimop', verslag 1 (Jonas Peeters)"
    assert checks.leesbare_plek(("team", 0), data) == "teamlid 'Els Maes'"
    assert checks.leesbare_plek(("leerling",), {}) == "leerling"
    assert checks.leesbare_plek(("doelen", 3, "evaluaties", 1), {}) == "doel 4, evaluatie 2"
