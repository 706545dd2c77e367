"""The register of Verslagen per school in the weekly overview (issue 27, point 10).

Seed 001: "Via onze ankerpersonen deden we navraag op scholen naar waar en door wie de
gemotiveerde verslagen en verslagen worden bewaard. … is het handig om nu al per school een
overzicht te hebben van de aanwezige gemotiveerde verslagen en verslagen zodat, eens er een
nood aan ondersteuning komt, er snel kan worden aangemeld."
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import digest

REGISTER = """\
    verslagen:                     # Verslagen op school, nog zonder aanmelding
      - voornaam: Jonas
        naam: Peeters
        klas: 4A
        soort: GC
        typologie: type 9
        datum: 2025-06-12
        bewaard_door: zorgcoördinator
        bewaard_waar: leerlingendossier in de kast van de zorgcoördinator
      - voornaam: Arthur
        naam: Goossens
        soort: GC
        bewaard_door: zorgcoördinator
      - voornaam: Mona
        naam: Van Dyck
        soort: IAC
"""


def _met_register(voorbeeld: Path) -> None:
    pad = voorbeeld / "leersteun.yaml"
    tekst = pad.read_text()
    school = "  - naam: GO! Basisschool De Regenboog\n    gemeente: Herentals\n"
    assert school in tekst
    pad.write_text(tekst.replace(school, school + REGISTER))


def test_the_overview_lists_the_verslagen_without_aanmelding_and_who_keeps_them(voorbeeld: Path, run) -> None:
    _met_register(voorbeeld)
    assert run("valideer").exit_code == 0
    result = run("overzicht", "--week", "2026-W48", "--formaat", "md")
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert "## Verslagen op school zonder aanmelding (leersteun.yaml)" in md
    assert "| school | leerling | klas | Verslag | bewaard door | waar |" in md
    assert ("| GO! Basisschool De Regenboog | Jonas Peeters | 4A | GC, type 9, 12-06-2025 | zorgcoördinator | "
            "leerlingendossier in de kast van de zorgcoördinator |") in md  # fmt: skip
    assert "| GO! Basisschool De Regenboog | Mona Van Dyck |  | IAC | nog navragen | nog navragen |" in md
    assert "Arthur Goossens |  | GC" not in md  # Arthur has a case at this school: his aanmelding was done
    data = json.loads(run("overzicht", "--week", "2026-W48", "--formaat", "json").stdout)
    assert [r["leerling"] for r in data["verslagen"]] == ["Jonas Peeters", "Mona Van Dyck"]


def test_the_register_is_anonymous_in_an_anonymous_overview(voorbeeld: Path, run) -> None:
    _met_register(voorbeeld)
    pad = voorbeeld / "leersteun.yaml"
    pad.write_text(pad.read_text().replace("bewaard_door: zorgcoördinator\n        bewaard_waar", "bewaard_door: Nathalie Vos\n        bewaard_waar"))
    md = run("overzicht", "--week", "2026-W48", "--formaat", "md", "--anoniem").stdout
    assert "| GO! Basisschool De Regenboog | J.P. | 4A |" in md and "| M.V.D. |" in md
    assert "Jonas" not in md and "Peeters" not in md and "Nathalie Vos" not in md


def test_no_register_no_section_and_a_bad_entry_is_named_with_its_line(voorbeeld: Path, run) -> None:
    assert "Verslagen op school zonder aanmelding" not in run("overzicht", "--week", "2026-W48", "--formaat", "md").stdout
    _met_register(voorbeeld)
    pad = voorbeeld / "leersteun.yaml"
    pad.write_text(pad.read_text().replace("        soort: IAC\n", "        soort: attest\n"))
    voor = digest(pad)
    result = run("valideer")
    assert result.exit_code == 1
    assert "leersteun.yaml:79:16: de tekst 'attest' is hier geen geldige waarde; kies uit: GC, IAC, OV4" in result.output
    assert digest(pad) == voor


def test_a_register_pupil_named_in_a_note_is_anonymous_too(voorbeeld: Path) -> None:
    """Issue 28: --anoniem removes every name of the folder; the pupils of the register are
    pupils of the folder, also where a note of another case names them (the overview and the
    agenda give their anonymiser the register's names)."""
    from leersteun.outputs.anoniem import Anonimiseerder
    from leersteun.reading import dossiers
    from leersteun.reading.folder import vind_map

    _met_register(voorbeeld)
    inst = dossiers.instellingen(vind_map(voorbeeld))
    assert Anonimiseerder(inst.teamnamen()).tekst("Overleg met de broer, Jonas Peeters.") == "Overleg met de broer, Jonas Peeters."
    anon = Anonimiseerder(inst.teamnamen()).instellingen(inst)
    assert anon.tekst("Overleg met de broer, Jonas Peeters.") == "Overleg met de broer, J.P."
    assert anon.tekst("Mona en Van Dyck") == "M. en V.D."
