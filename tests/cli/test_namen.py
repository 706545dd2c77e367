"""One spelling for people and schools, from the command line: typed as people say them, stored
as leersteun.yaml writes them; a new one only on purpose; the typology's number is the type."""

from __future__ import annotations

import difflib
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOSSIER, INSTELLINGEN, Map, digest


def veld(pad: Path, sleutel: str) -> list[str]:
    return re.findall(rf"^\s*(?:- )?{sleutel}: (.*?)\s*(?:#.*)?$", pad.read_text(encoding="utf-8"), re.MULTILINE)


LOTTE = "cases/KLM-2024-017.yaml"  # heropstart, checklist done, previous ondersteuner Els Maes


# ---------------------------------------------------------------------------- the team


def test_toewijzen_els_maes_as_typed_is_the_same_ondersteuner_as_before(voorbeeld: Path, run) -> None:
    result = run("toewijzen", "lotte", "els maes")
    assert result.exit_code == 0, result.output
    assert "toegewezen aan Els Maes (dezelfde ondersteuner als voorheen)" in result.stdout and "overdracht" not in result.stdout
    pad = voorbeeld / LOTTE
    assert veld(pad, "ondersteuner")[:2] == ["Els Maes", "Els Maes"] and veld(pad, "zelfde_als_vorige") == ["true"]
    assert veld(pad, "overdracht_van") == ["null"]


def test_the_caseload_counts_a_team_member_once(voorbeeld: Path, run) -> None:
    assert run("toewijzen", "lotte", "ELS MAËS", "--vorm", "light", "--start", "01-12-2026").exit_code == 0
    # a case that an older version wrote with the name as typed counts under the team's spelling too
    noah = voorbeeld / "cases" / "KLM-2025-003.yaml"
    noah.write_text(noah.read_text(encoding="utf-8").replace("ondersteuner: Els Maes", "ondersteuner: els maes", 1), encoding="utf-8")
    result = run("overzicht", "--formaat", "json")
    assert result.exit_code == 0, result.output
    caseload = {c["ondersteuner"]: c for c in json.loads(result.stdout)["caseload"]}
    assert "els maes" not in caseload and "ELS MAËS" not in caseload
    assert caseload["Els Maes"]["totaal"] == 2, caseload


def test_a_name_not_in_the_team_is_refused_with_the_nearest(voorbeeld: Path, run) -> None:
    voor = digest(voorbeeld / LOTTE)
    result = run("toewijzen", "lotte", "Els Maas")
    assert result.exit_code == 1
    assert "'Els Maas' (ONDERSTEUNER) staat niet in het team van leersteun.yaml. Bedoel je 'Els Maes'?" in result.stderr
    assert "--nieuw-lid" in result.stderr and digest(voorbeeld / LOTTE) == voor
    result = run("toewijzen", "lotte", "jan")  # never guessed from the start of a word (An Janssens)
    assert result.exit_code == 1 and "Bedoel je 'An Janssens'?" in result.stderr


def test_nieuw_lid_adds_the_ondersteuner_to_the_team_with_the_assignment(voorbeeld: Path, run) -> None:
    oud = (voorbeeld / "leersteun.yaml").read_text(encoding="utf-8")
    result = run("toewijzen", "lotte", "Nina Claes", "--nieuw-lid")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Nieuw teamlid in leersteun.yaml: Nina Claes (ondersteuner).\n")
    assert "(overdracht van Els Maes)" in result.stdout
    nieuw = (voorbeeld / "leersteun.yaml").read_text(encoding="utf-8")
    verschil = [r for r in difflib.ndiff(oud.splitlines(), nieuw.splitlines()) if r[:1] in "+-"]
    assert verschil == ["+   - naam: Nina Claes", "+     rol: ondersteuner"]  # only these lines: comments and order stay
    assert run("valideer", "--streng").exit_code == 0  # Nina Claes is in the team: no warning
    result = run("toewijzen", "lena", "nina claes", "--nieuw-lid")
    assert result.exit_code == 1 and "staat al in het team van leersteun.yaml (Nina Claes); laat --nieuw-lid weg" in result.stderr


def test_a_refused_assignment_adds_no_team_member(voorbeeld: Path, run) -> None:
    voor = {p: digest(p) for p in [voorbeeld / "leersteun.yaml", *(voorbeeld / "cases").iterdir()]}
    result = run("toewijzen", "lena", "Nina Claes", "--nieuw-lid")  # Lena's case is closed: nothing to assign
    assert result.exit_code == 1
    assert {p: digest(p) for p in voor} == voor


def test_fase_ondersteuner_is_the_team_members_spelling(voorbeeld: Path, run) -> None:
    doel = ["doel", "finn", "--domein", "socio-emotioneel", "--omschrijving", "Finn speelt samen met een andere kleuter, 3 keer per week.",
            "--start", "24-11-2026", "--einde", "30-01-2027", "--specifiek", "x", "--meetbaar", "y", "--acceptabel", "z", "--realistisch", "w"]  # fmt: skip
    assert run(*doel).exit_code == 0
    stap = ["fase", "finn", "ondersteuning", "--frequentie", "wekelijks", "--intensiteit", "1 lesuur", "--opstartgesprek", "20-11-2026", "--duur", "3 maanden"]
    assert run(*stap, "--nieuw-lid").exit_code == 2  # --nieuw-lid without --ondersteuner
    result = run(*stap, "--ondersteuner", "tom vermeulen")
    assert result.exit_code == 0, result.output
    assert veld(voorbeeld / "cases" / "JZF-2025-004.yaml", "ondersteuner")[0] == "Tom Vermeulen"


def test_door_is_written_in_the_teams_spelling(map_: Map, run, monkeypatch: pytest.MonkeyPatch) -> None:
    map_.case(DOSSIER)
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "an JANSSENS")
    assert run("diplon", "T-001", "circqel").exit_code == 0
    assert veld(map_.pad / "cases" / "T-001.yaml", "door")[-1] == "An Janssens"
    voor = map_.hashes()
    result = run("diplon", "T-001", "inzage", "--door", "Els Maas")
    assert result.exit_code == 1 and "'Els Maas' (--door) staat niet in het team van leersteun.yaml. Bedoel je 'Els Maes'?" in result.stderr
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", "Jan")
    result = run("diplon", "T-001", "inzage")
    assert result.exit_code == 1 and "'Jan' (LEERSTEUN_GEBRUIKER) staat niet in het team" in result.stderr
    assert map_.hashes() == voor
    # a folder whose team is still empty takes the name as given
    (map_.pad / "leersteun.yaml").write_text(INSTELLINGEN.split("team:")[0] + "team: []\n", encoding="utf-8")
    assert run("diplon", "T-001", "inzage").exit_code == 0
    assert veld(map_.pad / "cases" / "T-001.yaml", "door")[-1] == "Jan"


def test_several_team_members_fit_a_numbered_choice_on_a_terminal(voorbeeld: Path, run) -> None:
    pexpect = pytest.importorskip("pexpect")
    if not hasattr(pexpect, "spawn"):
        pytest.skip("pexpect.spawn needs a pseudo-terminal: POSIX only")
    inst = voorbeeld / "leersteun.yaml"
    inst.write_text(
        inst.read_text(encoding="utf-8").replace("  - naam: Tom Vermeulen", "  - naam: Els Peeters\n    rol: ondersteuner\n  - naam: Tom Vermeulen"),
        encoding="utf-8",
    )
    result = run("toewijzen", "lotte", "els")  # without a terminal: the names and a clear refusal
    assert result.exit_code == 1 and "'els' past bij meer dan één teamlid van leersteun.yaml: 'Els Maes' of 'Els Peeters'" in result.stderr
    kind = pexpect.spawn(
        sys.executable, ["-m", "leersteun", "toewijzen", "lotte", "els"], cwd=str(voorbeeld), encoding="utf-8", timeout=20, dimensions=(40, 120),
        env={**os.environ, "TERM": "dumb", "NO_COLOR": "1"}, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    kind.expect("'els' past bij meer dan één teamlid:")
    kind.expect(r"Wie\? \[1 Els Maes, 2 Els Peeters\]: ")
    kind.sendline("1")
    kind.expect("toegewezen aan Els Maes \\(dezelfde ondersteuner als voorheen\\)")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0


# ---------------------------------------------------------------------------- schools and new cases

NIEUW = [
    "nieuw",
    "--voornaam",
    "Amir",
    "--naam",
    "Benali",
    "--klas",
    "4A",
    "--niveau",
    "lager",
    "--verslag",
    "GC",
    "--verslagdatum",
    "05-11-2026",
    "--niet-in-diplon",
]


def test_a_school_by_part_of_its_name_takes_over_its_contacts(voorbeeld: Path, run) -> None:
    result = run(*NIEUW, "--school", "klimop")
    assert result.exit_code == 0, result.output
    assert "Overgenomen van de school: Griet Smets (zorgcoördinator), Koen Daems (directie), Karen Claes (CLB-medewerker)." in result.stdout
    pad = voorbeeld / "cases" / "KLM-2026-003.yaml"
    assert veld(pad, "naam")[1] == "Basisschool De Klimop" and veld(pad, "gemeente") == ["Geel"]
    assert veld(pad, "door") == ["An Janssens"] and veld(pad, "ankerpersoon") == ["An Janssens"]


def test_klimop_no_longer_hides_a_second_case(voorbeeld: Path, run) -> None:
    voor = {p.name for p in (voorbeeld / "cases").iterdir()}
    result = run("nieuw", "--voornaam", "lotte", "--naam", "PEETERS", "--klas", "5B", "--niveau", "lager", "--school", "klimop",
                 "--verslag", "GC", "--verslagdatum", "05-11-2026", "--diplon")  # fmt: skip
    assert result.exit_code == 1 and "KLM-2024-017  Lotte Peeters, 14-03-2015" in result.stderr
    # the same pupil at another school
    result = run("nieuw", "--voornaam", "Lotte", "--naam", "Peeters", "--geboortedatum", "14-03-2015", "--klas", "5B", "--niveau", "lager",
                 "--school", "regenboog", "--verslag", "GC", "--verslagdatum", "05-11-2026", "--diplon")  # fmt: skip
    assert result.exit_code == 1 and "--vanuit KLM-2024-017" in result.stderr
    # a soft hyphen does not make a second Lotte Peeters that 'toon lotte' misses
    result = run("nieuw", "--voornaam", "Lot\u00adte", "--naam", "Peeters", "--geboortedatum", "14-03-2016", "--klas", "5B", "--niveau", "lager",
                 "--school", "regenboog", "--verslag", "GC", "--verslagdatum", "05-11-2026", "--diplon")  # fmt: skip
    assert result.exit_code == 2 and "--voornaam 'Lot\\u00adte' bevat een zacht afbreekstreepje (U+00AD) na 'Lot'" in result.stderr
    assert {p.name for p in (voorbeeld / "cases").iterdir()} == voor
    assert "Lotte Peeters  KLM-2024-017" in run("toon", "lotte").stdout


def test_an_unknown_or_ambiguous_school_is_refused_in_a_script(voorbeeld: Path, run) -> None:
    voor = {p.name: digest(p) for p in [voorbeeld / "leersteun.yaml", *(voorbeeld / "cases").iterdir()]}
    result = run(*NIEUW, "--school", "klimpo")
    assert result.exit_code == 1 and "Bedoel je 'Basisschool De Klimop'?" in result.stderr and "--nieuwe-school" in result.stderr
    result = run(*NIEUW, "--school", "basisschool")
    assert result.exit_code == 1 and "'Basisschool De Klimop', 'Vrije Basisschool Sint-Jozef' of 'GO! Basisschool De Regenboog'" in result.stderr
    result = run(*NIEUW, "--school", "Het Anker", "--nieuwe-school")
    assert result.exit_code == 2 and "--nieuwe-school: geef ook --gemeente" in result.stderr
    result = run(*NIEUW, "--school", "basisschool de klimop", "--nieuwe-school", "--gemeente", "Geel")
    assert result.exit_code == 1 and "'basisschool de klimop' (--nieuwe-school) past bij 'Basisschool De Klimop' van leersteun.yaml" in result.stderr
    result = run(*NIEUW, "--school", "klimop", "--nieuwe-school", "--gemeente", "Mol")  # a part of one that is there
    assert result.exit_code == 1 and "geef dan haar volledige naam" in result.stderr
    result = run(*NIEUW, "--school", "klimop", "--nieuw-lid")
    assert result.exit_code == 2 and "--nieuw-lid hoort bij --ankerpersoon" in result.stderr
    assert {p.name: digest(p) for p in [voorbeeld / "leersteun.yaml", *(voorbeeld / "cases").iterdir()]} == voor


def test_a_new_school_with_a_new_ankerpersoon_in_one_commit(voorbeeld: Path, run) -> None:
    for git in (["init", "-q"], ["add", "."], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "begin"]):
        subprocess.run(["git", *git], cwd=voorbeeld, check=True, capture_output=True)
    result = run(*NIEUW, "--school", "Basisschool Het Anker", "--nieuwe-school", "--gemeente", "Kasterlee",
                 "--ankerpersoon", "Nina Claes", "--nieuw-lid", "--clb", "ilse  WUYTS", "--commit")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Nieuwe school in leersteun.yaml: Basisschool Het Anker (Kasterlee, ankerpersoon Nina Claes, CLB-medewerker Ilse Wuyts)." in result.stdout
    gecommit = subprocess.run(["git", "show", "--stat", "--format=%s", "HEAD"], cwd=voorbeeld, capture_output=True, text=True, check=True).stdout
    assert "ANK-2026-001: nieuw dossier" in gecommit and "leersteun.yaml" in gecommit and "cases/ANK-2026-001.yaml" in gecommit
    assert subprocess.run(["git", "status", "--porcelain"], cwd=voorbeeld, capture_output=True, text=True, check=True).stdout == ""
    # the next case of that school finds it by a part of its name, with its people
    result = run("nieuw", "--voornaam", "Sara", "--naam", "Benali", "--klas", "2A", "--niveau", "lager", "--school", "anker",
                 "--verslag", "GC", "--verslagdatum", "05-11-2026", "--niet-in-diplon")  # fmt: skip
    assert result.exit_code == 0 and "Overgenomen van de school: Ilse Wuyts (CLB-medewerker)." in result.stdout
    assert veld(voorbeeld / "cases" / "ANK-2026-002.yaml", "ankerpersoon") == ["Nina Claes"]


def test_the_typology_number_is_the_type(voorbeeld: Path, run) -> None:
    result = run(*NIEUW, "--school", "klimop", "--typologie", "7")
    assert result.exit_code == 1 and "Een Verslag onder type 7 ondersteunt dit centrum niet" in result.stderr  # not item 7 (type 9)
    result = run(*NIEUW, "--school", "klimop", "--typologie", "9")
    assert result.exit_code == 0, result.output
    assert veld(voorbeeld / "cases" / "KLM-2026-003.yaml", "typologie") == ["type 9"]


def test_the_interactive_typology_number_is_the_type(voorbeeld: Path, run) -> None:
    invoer = ["Amir", "Benali", "", "4A", "lager", "klimop", "GC", "05-11-2026", "7"]
    result = run("nieuw", input="\n".join(invoer) + "\n")
    assert result.exit_code == 1 and "Een Verslag onder type 7 ondersteunt dit centrum niet" in result.stderr
    assert "Geboortedatum van de leerling" in result.stdout


def test_several_schools_fit_a_numbered_choice_when_asking(voorbeeld: Path, run) -> None:
    invoer = ["Amir", "Benali", "02-04-2017", "4A", "lager", "basisschool", "2", "GC", "05-11-2026", "9", "j", ""]
    result = run("nieuw", input="\n".join(invoer) + "\n")
    assert result.exit_code == 0, result.output
    assert "'basisschool' past bij meer dan één school:" in result.stdout and "Welke school? [1-3]" in result.stdout
    pad = voorbeeld / "cases" / "JZF-2026-002.yaml"
    assert veld(pad, "naam")[1] == "Vrije Basisschool Sint-Jozef" and veld(pad, "typologie") == ["type 9"]
    assert veld(pad, "geboortedatum") == ["2017-04-02"]
