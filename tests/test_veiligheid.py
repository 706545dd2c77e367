"""Hostile inputs that once lost or leaked data: a case named by a path, output written over a
case or a device, YAML forms that the next edit would have dropped. Each test is a class of
input, not one example; every one must leave every file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import DOSSIER, Map


@pytest.mark.parametrize(
    "naam",
    ["../buiten/x", "../../buiten/x", "/tmp/leersteun-buiten/x", "cases/../../buiten/x", "./T-001", "T-001/../T-001"],
)
def test_a_case_is_never_named_by_a_path(map_: Map, run, naam: str) -> None:
    map_.case(DOSSIER)
    buiten = map_.pad.parent / "buiten"
    buiten.mkdir(exist_ok=True)
    (buiten / "x.yaml").write_text(DOSSIER.replace("T-001", "x"), encoding="utf-8")
    Path("/tmp/leersteun-buiten").mkdir(exist_ok=True)
    Path("/tmp/leersteun-buiten/x.yaml").write_text(DOSSIER.replace("T-001", "x"), encoding="utf-8")
    voor = digest_alle(map_.pad.parent)
    for opdracht in (["toon", naam], ["toewijzen", naam, "Els Maes", "--vorm", "light", "--commit"], ["fase", naam, "afgesloten", "--reden", "andere"]):
        result = run(*opdracht)
        assert result.exit_code == 1, (opdracht, result.output)
        assert "Geen dossier gevonden" in result.output
        assert "onverwachte fout" not in result.output
    assert digest_alle(map_.pad.parent) == voor


def digest_alle(wortel: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(wortel.rglob("*.yaml")) if p.is_file()}


@pytest.mark.parametrize(
    "opdracht",
    [
        ["overzicht", "--formaat", "md", "--uit", "{doel}"],
        ["overzicht", "--formaat", "csv", "--buiten-out", "--uit", "{doel}"],
        ["agenda", "--ics", "{doel}"],
        ["agenda", "--buiten-out", "--ics", "{doel}"],
        ["fiche", "T-001", "--formaat", "md", "--uit", "{doel}"],
        ["fiche", "T-001", "--formaat", "md", "--buiten-out", "--uit", "{doel}"],
    ],
)
@pytest.mark.parametrize("doel", ["cases/T-001.yaml", "cases/nieuw.ics", "leersteun.yaml", ".git/config", "templates/x.md"])
def test_output_never_lands_on_a_case_or_the_settings(map_: Map, run, opdracht: list[str], doel: str) -> None:
    map_.case(DOSSIER)
    (map_.pad / ".git").mkdir()
    (map_.pad / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    voor = map_.hashes()
    result = run(*[a.replace("{doel}", doel) for a in opdracht])
    assert result.exit_code == 2, result.output
    assert "Er is niets geschreven" in result.output
    assert map_.hashes() == voor


@pytest.mark.parametrize("soort", ["map", "apparaat", "fifo", "koppeling"])
def test_output_never_replaces_something_that_is_not_a_regular_file(map_: Map, run, soort: str) -> None:
    map_.case(DOSSIER)
    out = map_.pad / "out"
    out.mkdir()
    doel = out / "x.md"
    if soort == "map":
        doel.mkdir()
    elif soort == "apparaat":
        if os.name != "posix":
            pytest.skip("/dev/null: POSIX only")
        doel = Path("/dev/null")
    elif soort == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("a fifo: POSIX only")
        os.mkfifo(doel)
    else:
        (map_.pad / "cases" / "T-001.yaml").rename(map_.pad / "ergens.yaml")
        (map_.pad / "ergens.yaml").rename(map_.pad / "cases" / "T-001.yaml")
        doel.symlink_to(map_.pad / "cases" / "T-001.yaml")
    voor = map_.hashes()
    result = run("overzicht", "--formaat", "md", "--buiten-out", "--uit", str(doel))
    assert result.exit_code == 2, result.output
    assert map_.hashes() == voor
    if soort == "apparaat":
        assert Path("/dev/null").is_char_device()


def test_output_outside_out_needs_the_flag_and_is_then_flagged(map_: Map, run) -> None:
    map_.case(DOSSIER)
    geweigerd = run("overzicht", "--formaat", "md", "--uit", "overzichten/w48.md")
    assert geweigerd.exit_code == 2
    assert "--buiten-out" in geweigerd.output
    assert not (map_.pad / "overzichten").exists()
    gelukt = run("overzicht", "--formaat", "md", "--buiten-out", "--uit", "overzichten/w48.md")
    assert gelukt.exit_code == 0, gelukt.output
    assert (map_.pad / "overzichten" / "w48.md").read_text(encoding="utf-8").startswith("# Weekoverzicht")
    assert "buiten out/" in gelukt.output
    standaard = run("overzicht", "--formaat", "md", "--uit", "out/w48.md")
    assert standaard.exit_code == 0 and "buiten out/" not in standaard.output


def test_out_being_a_file_gives_a_dutch_message(map_: Map, run) -> None:
    map_.case(DOSSIER)
    (map_.pad / "out").write_text("geen map\n", encoding="utf-8")
    result = run("overzicht", "--formaat", "xlsx")
    assert result.exit_code in (1, 2), result.output
    assert "onverwachte fout" not in result.output
    assert (map_.pad / "out").read_text(encoding="utf-8") == "geen map\n"


@pytest.mark.parametrize(
    "vervang",
    [
        ("vorige_ondersteuners: []", "vorige_ondersteuners: !!set {Els Maes, Tom Vermeulen}"),
        ("doelen: []", "doelen: !!omap [{a: 1}]"),
        ("school:\n  naam: Basisschool De Klimop\n  gemeente: Geel\n", "school:\n  naam: Basisschool De Klimop\n  <<: {gemeente: Geel}\n"),
    ],
    ids=["set", "omap", "merge"],
)
def test_yaml_beyond_plain_data_is_refused_by_both_read_paths(map_: Map, run, vervang: tuple[str, str]) -> None:
    map_.case(DOSSIER.replace(*vervang))
    voor = map_.hashes()
    for opdracht in (["valideer"], ["lijst"], ["toon", "T-001"], ["evaluatie", "T-001", "--beslissing", "verderzetten"]):
        result = run(*opdracht)
        assert result.exit_code == 1, (opdracht, result.output)
        assert "cases/T-001.yaml:" in result.output
    assert map_.hashes() == voor


def test_init_beside_an_existing_gitignore_still_ignores_out(tmp_path: Path, run) -> None:
    doel = tmp_path / "map"
    doel.mkdir()
    (doel / ".gitignore").write_text("*.bak", encoding="utf-8")
    result = run("init", str(doel), "--netwerk", "Test", "--coordinatie", "c@example.org")
    assert result.exit_code == 0, result.output
    regels = (doel / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert regels[0] == "*.bak"
    assert "out/" in regels
    import subprocess

    (doel / "out").mkdir()
    (doel / "out" / "x.eml").write_text("x", encoding="utf-8")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=doel, capture_output=True, text=True).stdout
    assert "out/" not in status


# ---------------------------------------------------------------------------- values with a domain


@pytest.mark.parametrize(
    "vervang,woord",
    [
        (("geboortedatum: 2015-03-14", "geboortedatum: 2015-3-14"), "JJJJ-MM-DD"),
        (("  datum: 2024-09-12", "  datum: 9999-12-30"), "kan niet kloppen"),
        (("  datum: 2024-09-12", "  datum: 0001-01-01"), "kan niet kloppen"),
        (("geboortedatum: 2015-03-14", "geboortedatum: 1970-03-14"), "kan niet kloppen"),
        (("klas: 5B", "klas: " + "9" * 5000), "te lang"),
        (("voornaam: Lotte", 'voornaam: "Lo\\u200btte"'), "spatie zonder breedte (U+200B) na 'Lo'"),
        (("voornaam: Lotte", 'voornaam: "Lotte\\u202e"'), "richtingsteken (U+202E)"),
        (("voornaam: Lotte", 'voornaam: "Lo\\ud800tte"'), "surrogaatteken (U+D800)"),
    ],
    ids=["maand-een-cijfer", "jaar-9999", "jaar-1", "geboren-1970", "getal-5000-cijfers", "nulbreedte", "bidi", "surrogaat"],
)
def test_values_outside_their_domain_are_refused_at_the_door(map_: Map, run, vervang: tuple[str, str], woord: str) -> None:
    map_.case(DOSSIER.replace(*vervang))
    voor = map_.hashes()
    for opdracht in (["valideer"], ["lijst"], ["agenda"], ["overzicht", "--formaat", "json"], ["toon", "T-001"]):
        result = run(*opdracht)
        assert result.exit_code == 1, (opdracht, result.output)
        assert "onverwachte fout" not in result.output and "cases/T-001.yaml:" in result.output, (opdracht, result.output)
    assert woord in run("valideer").output
    assert map_.hashes() == voor


def test_today_and_weeks_have_a_range(map_: Map, run, monkeypatch) -> None:
    map_.case(DOSSIER)
    assert run("agenda", "--weken", "99999999").exit_code == 2
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "9999-12-30")
    result = run("agenda")
    assert result.exit_code == 1 and "LEERSTEUN_VANDAAG" in result.stderr and "onverwachte fout" not in result.output


def test_infinite_capacity_is_refused_so_json_stays_valid(map_: Map, run) -> None:
    map_.case(DOSSIER)
    (map_.pad / "leersteun.yaml").write_text(
        (map_.pad / "leersteun.yaml").read_text()
        + "capaciteit:\n  trajecten_totaal: 10\n  scholen:\n    - naam: X\n      leerlingen: 10\n      verslagen_gemiddeld: .inf\n"
    )
    result = run("overzicht", "--formaat", "json")
    assert result.exit_code == 1 and "leersteun.yaml:" in result.output


# ---------------------------------------------------------------------------- files that are not what they seem


@pytest.mark.skipif(os.name != "posix", reason="a fifo and /dev/zero: POSIX only")
@pytest.mark.parametrize("soort", ["fifo", "apparaat"])
def test_non_regular_files_are_refused_without_reading(map_: Map, run, soort: str, tmp_path: Path) -> None:
    map_.case(DOSSIER)
    if soort == "fifo":
        pad = tmp_path / "antwoorden.yaml"
        os.mkfifo(pad)
    else:
        pad = Path("/dev/zero")
    for opdracht in (["valideer", str(pad)], ["heropstart", "T-001", "--antwoorden", str(pad)]):
        result = run(*opdracht)  # would hang or fill memory if it read the file
        assert result.exit_code == 1, (opdracht, result.output)
        assert "geen gewoon bestand" in result.output


def test_two_files_for_one_case_are_refused(map_: Map, run) -> None:
    map_.case(DOSSIER)
    (map_.pad / "cases" / "T-001.yml").write_text(DOSSIER)
    (map_.pad / "cases" / "T-002.YAML").write_text(DOSSIER.replace("T-001", "T-002"))
    (map_.pad / "cases" / "t-002.yaml").write_text(DOSSIER.replace("T-001", "t-002"))
    for opdracht in (["valideer"], ["lijst"], ["overzicht", "--formaat", "csv"]):
        result = run(*opdracht)
        assert result.exit_code == 1, (opdracht, result.output)
        for naam in ("T-001.yaml", "T-001.yml", "T-002.YAML", "t-002.yaml"):
            assert f"cases/{naam}:1:1: dit dossier heeft dezelfde id" in result.output, (opdracht, naam)


def test_cases_as_a_file_is_an_error_not_an_empty_folder(map_: Map, run) -> None:
    import shutil

    shutil.rmtree(map_.pad / "cases")
    (map_.pad / "cases").write_text("oeps\n")
    for opdracht in (["valideer"], ["lijst"], ["overzicht"]):
        result = run(*opdracht)
        assert result.exit_code == 1 and "is een bestand, geen map" in result.output, opdracht


def test_an_invalid_sender_address_is_a_dutch_message(voorbeeld: Path, run, monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_AFZENDER_EMAIL", "an janssens")
    result = run("mail", "lotte")
    assert result.exit_code == 1 and "LEERSTEUN_AFZENDER_EMAIL" in result.stderr and "onverwachte fout" not in result.output
    assert not (voorbeeld / "out").exists() or not list((voorbeeld / "out").glob("*.eml"))


# ---------------------------------------------------------------------------- --anoniem


def test_anoniem_keeps_every_name_out_of_every_output(voorbeeld: Path, run, monkeypatch) -> None:
    from leersteun.files.store import lees
    from leersteun.outputs.anoniem import delen, kern

    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-11-30")
    # notes that name pupils in every form: capitals, accents, possessive, another pupil, a parent
    arthur = voorbeeld / "cases" / "RGN-2025-002.yaml"
    arthur.write_text(
        arthur.read_text().replace(
            "    notitie: Toegewezen aan Pieter Dewulf met overdracht van Els Maes; interventie medium.\n",
            "    notitie: Toegewezen aan Pieter Dewulf met overdracht van Els Maes; interventie medium.\n"
            "  - datum: 2026-11-26\n    fase: ondersteuning\n    door: Pieter Dewulf\n"
            "    notitie: ARTHUR's planning; Árthur zit naast Lotte en Noah. Mama Sofie Goossens-Michiels belde.\n",
        )
    )
    namen: set[str] = set()
    for pad in (voorbeeld / "cases").glob("*.yaml"):
        data = lees(pad).data
        namen |= {kern(x) for x in delen(str(data["leerling"]["voornaam"])) + delen(str(data["leerling"]["naam"]))}
        for b in data.get("betrokkenen") or []:
            namen |= {kern(x) for x in delen(str(b["naam"]))}
    team = {kern(x) for naam in ("An Janssens", "Els Maes", "Tom Vermeulen", "Sofie Lambrechts", "Pieter Dewulf", "Hanne Verstraeten") for x in delen(naam)}
    namen -= team
    assert {"arthur", "goossens", "michiels", "noah", "lotte", "broeck"} <= namen

    uitvoer = []
    for formaat in ("tabel", "md", "csv", "json", "html"):
        result = run("overzicht", "--anoniem", "--formaat", formaat, "--week", "2026-W48")
        assert result.exit_code == 0, result.output
        uitvoer.append(result.stdout)
    assert run("overzicht", "--anoniem", "--formaat", "xlsx", "--week", "2026-W48").exit_code == 0
    from openpyxl import load_workbook

    boek = load_workbook(voorbeeld / "out" / "overzicht-2026-W48.xlsx")
    uitvoer += [str(c.value) for blad in boek for rij in blad.iter_rows() for c in rij if c.value is not None]
    uitvoer.append(run("lijst", "--anoniem").stdout + run("lijst", "--anoniem", "--json").stdout)
    uitvoer.append(run("agenda", "--anoniem", "--weken", "60", "--ics", "out/a.ics").stdout)
    uitvoer.append((voorbeeld / "out" / "a.ics").read_text())
    woorden = {kern(w) for tekst in uitvoer for w in __import__("re").findall(r"[^\W\d_]+", tekst)}
    assert not (woorden & namen), sorted(woorden & namen)
    assert "Pieter Dewulf" in uitvoer[1]  # the team's names stay


ANONIEM = [
    ["overzicht"],
    ["overzicht", "--formaat", "md"],
    ["overzicht", "--formaat", "csv"],
    ["overzicht", "--formaat", "json"],
    ["overzicht", "--formaat", "html"],
    ["overzicht", "--formaat", "xlsx"],
    ["overzicht", "--formaat", "csv", "--uit", "out/o.csv"],
    ["agenda", "--weken", "60"],
    ["agenda", "--ics", "out/a.ics"],
    ["lijst"],
    ["lijst", "--json"],
]


def test_every_command_with_anoniem_is_tested_below() -> None:
    import typer.main

    from leersteun.cli import app

    met = {n for n, o in typer.main.get_command(app).commands.items() if any("--anoniem" in p.opts for p in o.params)}
    assert met == {a[0] for a in ANONIEM}


@pytest.mark.parametrize("opdracht", ANONIEM, ids=" ".join)
def test_anoniem_with_a_case_that_cannot_be_read_writes_and_shows_nothing(map_: Map, run, opdracht: list[str]) -> None:
    """The names of a case that could not be read are unknown, so they would stay in the
    others' notes (a sister named in her brother's history): nothing is made at all."""
    map_.case(DOSSIER.replace("    door: Els Maes\n", "    door: Els Maes\n    notitie: Zus Zoë Verhoeven (T-002) zit in 3A.\n"))
    map_.case(
        DOSSIER.replace("T-001", "T-002").replace("Lotte", "Zoë").replace("Peeters", "Verhoeven").replace("fase: ondersteuning\nanker", "fase: kapot\nanker"),
        "T-002",
    )
    voor = map_.hashes()
    result = run(*opdracht, "--anoniem")
    assert result.exit_code == 1, result.output
    assert "--anoniem: er is niets geschreven of getoond, want niet elk dossier kon gelezen worden (ongeldig: T-002.yaml)" in result.stderr
    assert "cases/T-002.yaml:" in result.stderr and "onverwachte fout" not in result.output
    assert not result.stdout.strip(), result.stdout
    assert map_.hashes() == voor and not (map_.pad / "out").exists()
    pad = map_.pad / "cases" / "T-002.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("fase: kapot", "fase: ondersteuning"), encoding="utf-8")
    result = run(*opdracht, "--anoniem")  # repaired: made, without either name
    assert result.exit_code == 0, result.output
    assert "Verhoeven" not in result.stdout and "Zoë" not in result.stdout and "Peeters" not in result.stdout


def test_anoniem_for_a_past_week_knows_the_cases_made_after_it(map_: Map, run) -> None:
    """A week that is past shows the cases as they stood then: a brother's case made later is
    not in it, but his name in his sister's note of that week goes all the same."""
    map_.case(DOSSIER.replace("    door: Els Maes\n", "    door: Els Maes\n    notitie: Broer Noah Aerts (noah.aerts@example.org) wordt later aangemeld.\n"))
    later = DOSSIER.replace("T-001", "T-002").replace("Lotte", "Noah").replace("Peeters", "Aerts").replace("2024-10-15", "2026-11-02")
    map_.case(later.replace("2024-09-12", "2026-10-01").replace("[2025-01-20]", "[2027-01-20]"), "T-002")
    result = run("overzicht", "--week", "2024-W42", "--anoniem", "--formaat", "json")
    assert result.exit_code == 0, result.output
    assert "wordt later aangemeld" in result.stdout and "T-002" not in result.stdout
    assert "Noah" not in result.stdout and "Aerts" not in result.stdout and "Broer N.A. ((e-mailadres))" in result.stdout


# ---------------------------------------------------------------------------- no pupil data outside out/


@pytest.mark.parametrize(
    "opdracht",
    [
        ["overzicht", "--formaat", "xlsx"],
        ["overzicht", "--formaat", "xlsx", "--anoniem", "--uit", "out/a.xlsx"],
        ["overzicht", "--formaat", "html", "--uit", "out/o.html"],
        ["overzicht", "--formaat", "md", "--uit", "out/o.md"],
        ["overzicht", "--formaat", "csv", "--uit", "out/o.csv"],
        ["overzicht", "--formaat", "json", "--uit", "out/o.json"],
        ["agenda", "--ics", "out/a.ics"],
        ["fiche", "arthur", "--formaat", "pdf"],
        ["fiche", "arthur", "--formaat", "html"],
        ["fiche", "arthur", "--formaat", "md"],
        ["mail", "lotte"],
    ],
    ids=" ".join,
)
def test_no_export_writes_a_temporary_file_outside_the_folder(voorbeeld: Path, run, monkeypatch, tmp_path: Path, opdracht: list[str]) -> None:
    """Exports hold every name: their temporary files too stay in out/ (and a case's in
    cases/, git's in .git/). The system's temp folder stays empty, also for a moment (openpyxl
    wrote each sheet there; a crash left it behind), and nothing else in the folder changes.
    (Loading WeasyPrint's libraries asks gcc where they are, through an empty temporary file:
    done before, as it holds nothing of a pupil.)"""
    import subprocess
    import tempfile

    import weasyprint  # noqa: F401

    subprocess.run(["git", "init", "-q"], cwd=voorbeeld, check=True)  # a team's folder: the journal of a change in .git/
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    monkeypatch.setenv("TMPDIR", str(tijdelijk))
    monkeypatch.setattr(tempfile, "tempdir", str(tijdelijk))
    gebruikt: list[Path] = []
    origineel = tempfile._sanitize_params  # every tempfile function asks it where the file goes

    def onthoud(prefix, suffix, dir):
        uit = origineel(prefix, suffix, dir)
        gebruikt.append(Path(uit[2]).resolve())
        return uit

    monkeypatch.setattr(tempfile, "_sanitize_params", onthoud)
    buiten = {p: p.read_bytes() for p in voorbeeld.rglob("*") if p.is_file() and p.relative_to(voorbeeld).parts[0] not in ("out", "cases", ".git")}
    result = run(*opdracht)
    assert result.exit_code == 0, result.output
    assert list((voorbeeld / "out").iterdir())
    assert not list(tijdelijk.iterdir())
    toegestaan = [voorbeeld.resolve() / n for n in ("out", "cases", ".git")]
    assert all(any(p == t or t in p.parents for t in toegestaan) for p in gebruikt), gebruikt
    assert {p: p.read_bytes() for p in voorbeeld.rglob("*") if p.is_file() and p.relative_to(voorbeeld).parts[0] not in ("out", "cases", ".git")} == buiten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp", "voorbeeld"]


def _git(map_: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=map_, check=True, capture_output=True)


@pytest.mark.parametrize(
    "opdracht",
    [
        ["overzicht", "--formaat", "md", "--buiten-out", "--uit"],
        ["agenda", "--buiten-out", "--ics"],
        ["fiche", "T-001", "--formaat", "md", "--buiten-out", "--uit"],
    ],
    ids=lambda o: o[0],
)
def test_no_export_overwrites_a_file_git_tracks(map_: Map, run, opdracht: list[str]) -> None:
    """Names never land in a file the team shares, and out/ stays ignored: .gitignore (and
    git's other own files) are refused anywhere, tracked files too, also one added by force in
    out/ or one of another repository."""
    map_.case(DOSSIER)
    (map_.pad / ".gitignore").write_text("out/\n", encoding="utf-8")
    (map_.pad / "README.md").write_text("# Team\n", encoding="utf-8")
    (map_.pad / "out").mkdir()
    (map_.pad / "out" / "gedeeld.md").write_text("gedeeld\n", encoding="utf-8")
    _git(map_.pad, "init", "-q")
    _git(map_.pad, "add", "-A")
    _git(map_.pad, "add", "-f", "out/gedeeld.md")
    ander = map_.pad / "ander"
    ander.mkdir()
    (ander / "notities.md").write_text("x\n", encoding="utf-8")
    _git(ander, "init", "-q")
    _git(ander, "add", "notities.md")
    voor = map_.hashes()
    for doel in (".gitignore", "README.md", "out/gedeeld.md", "ander/notities.md", "sub/.gitattributes", "out/.gitignore", "cases/../.gitignore"):
        result = run(*opdracht, doel)
        assert result.exit_code == 2, (doel, result.output)
        assert "Er is niets geschreven" in result.stderr and "onverwachte fout" not in result.output, (doel, result.output)
    assert map_.hashes() == voor and not (map_.pad / "sub").exists()
    assert run("overzicht", "--formaat", "md", "--uit", "out/nieuw.txt").exit_code == 0
    import subprocess

    assert subprocess.run(["git", "check-ignore", "-q", "out/nieuw.txt"], cwd=map_.pad, check=False).returncode == 0


@pytest.mark.parametrize("naam", ["cases", "leersteun.yaml"])
def test_cases_or_settings_as_a_link_to_elsewhere_are_refused(map_: Map, run, naam: str) -> None:
    """git would share the link, not the cases, and a write would land outside the folder (or
    replace the link): neither is read nor written, with a message that says what to do."""
    map_.case(DOSSIER)
    buiten = map_.pad.parent / f"buiten-{naam}"
    buiten.mkdir()
    (map_.pad / naam).rename(buiten / naam)
    (map_.pad / naam).symlink_to(buiten / naam)
    voor = {p: p.read_bytes() for p in buiten.rglob("*") if p.is_file()}
    for opdracht in (["lijst"], ["toon", "T-001"], ["valideer"], ["overzicht"], ["evaluatie", "T-001", "--beslissing", "verderzetten"]):
        result = run(*opdracht)
        assert result.exit_code == 1, (opdracht, result.output)
        assert f"{naam} is een koppeling (symlink) naar {buiten / naam}" in result.stderr, (opdracht, result.stderr)
        assert "Er is niets gelezen of geschreven" in result.stderr and "onverwachte fout" not in result.output
    assert {p: p.read_bytes() for p in buiten.rglob("*") if p.is_file()} == voor
    assert (map_.pad / naam).is_symlink()


def test_out_as_a_link_to_elsewhere_is_refused(voorbeeld: Path, run, monkeypatch, tmp_path: Path) -> None:
    """out/ is where leersteun may put names because git ignores it there: a link would carry
    them elsewhere (git does not even ignore a link named out). A real path outside with
    --buiten-out stays possible."""
    monkeypatch.setenv("LEERSTEUN_VANDAAG", "2026-11-24")
    buiten = tmp_path / "elders"
    buiten.mkdir()
    (voorbeeld / "out").symlink_to(buiten)
    voor = {str(p): p.read_bytes() for p in voorbeeld.rglob("*") if p.is_file()}
    for opdracht in (
        ["overzicht", "--formaat", "xlsx"],
        ["overzicht", "--formaat", "md", "--uit", "out/o.md"],
        ["overzicht", "--formaat", "md", "--buiten-out", "--uit", "out/o.md"],
        ["agenda", "--ics", "out/a.ics"],
        ["fiche", "arthur"],
        ["mail", "lotte"],
    ):
        result = run(*opdracht)
        assert result.exit_code == 1, (opdracht, result.output)
        assert "out is een koppeling (symlink)" in result.stderr and "een gewone map out/" in result.stderr, (opdracht, result.stderr)
    assert not list(buiten.iterdir())
    assert {str(p): p.read_bytes() for p in voorbeeld.rglob("*") if p.is_file()} == voor
    assert run("overzicht", "--formaat", "md", "--buiten-out", "--uit", str(buiten / "o.md")).exit_code == 0


# ---------------------------------------------------------------------------- templates


def _sjabloon(voorbeeld: Path, tekst: str | bytes, naam: str = "fiche/fiche.md.j2") -> Path:
    pad = voorbeeld / "templates" / naam
    pad.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(tekst, bytes):
        pad.write_bytes(tekst)
    else:
        pad.write_text(tekst, encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    "soort,tekst,woord",
    [
        ("macro", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "eindeloos"),
        ("utf8", b"\xff\xfe{{ leerling.voornaam }}", "UTF-8"),
        ("groot", "{% for i in range(99999) %}{{ 'x' * 999 }}{% endfor %}", "MB tekst"),
        ("lus", "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "seconden"),
    ],
)
def test_a_broken_user_template_is_a_dutch_message(voorbeeld: Path, run, monkeypatch, soort: str, tekst, woord: str) -> None:
    from leersteun.outputs import render

    monkeypatch.setattr(render, "MAX_SECONDEN", 0.3 if soort == "lus" else 2)  # the loop only ends at the limit
    _sjabloon(voorbeeld, tekst)
    result = run("fiche", "arthur", "--formaat", "md")
    assert result.exit_code == 1, result.output
    assert woord in result.stderr and "onverwachte fout" not in result.output


def test_a_template_symlink_is_not_followed(voorbeeld: Path, run, tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM-{{ leerling.voornaam }}")
    pad = voorbeeld / "templates" / "fiche" / "fiche.md.j2"
    pad.parent.mkdir(parents=True)
    pad.symlink_to(geheim)
    result = run("fiche", "arthur", "--formaat", "md")
    assert result.exit_code == 1 and "koppeling" in result.stderr
    assert not list((voorbeeld / "out").glob("*")) if (voorbeeld / "out").exists() else True


def test_a_template_cannot_pull_a_local_file_into_a_pdf(voorbeeld: Path, run, tmp_path: Path, pdftotext: str) -> None:
    import subprocess

    geheim = tmp_path / "geheim.html"
    geheim.write_text("<p>GEHEIM-BESTAND</p>")
    _sjabloon(
        voorbeeld,
        f'<!DOCTYPE html><html lang="nl"><head><title>x</title><link rel="stylesheet" href="file://{tmp_path}/x.css"></head>'
        f'<body><p>Fiche</p><img src="file://{geheim}"><a rel="attachment" href="file://{geheim}">bijlage</a></body></html>',
        "fiche/fiche.html.j2",
    )
    (tmp_path / "x.css").write_text("body::after { content: 'CSS-GEHEIM'; }")
    result = run("fiche", "arthur", "--formaat", "pdf")
    assert result.exit_code == 0, result.output
    pdf = voorbeeld / "out" / "RGN-2025-002-doelfiche.pdf"
    assert b"GEHEIM-BESTAND" not in pdf.read_bytes()
    tekst = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Fiche" in tekst and "CSS-GEHEIM" not in tekst


@pytest.mark.parametrize(
    "opties,woord",
    [
        (["--netwerk", "Kempen\nNoord", "--coordinatie", "c@example.org"], "--netwerk"),
        (["--netwerk", "Kempen", "--coordinatie", "c@example.org\nBcc: x@y.z"], "--coordinatie"),
    ],
)
def test_init_never_writes_settings_its_own_validation_refuses(tmp_path: Path, run, opties: list[str], woord: str) -> None:
    doel = tmp_path / "map"
    result = run("init", str(doel), *opties)
    assert result.exit_code == 2 and woord in result.stderr
    assert not (doel / "leersteun.yaml").exists()


@pytest.mark.skipif(os.name != "posix", reason="a folder's mode bits: POSIX only (Windows ignores them)")
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root may write anywhere; the disk-full case below covers the same route")
def test_a_read_only_folder_says_nothing_was_saved(map_: Map, run) -> None:
    map_.case(DOSSIER)
    os.chmod(map_.pad / "cases", 0o555)
    try:
        result = run("evaluatie", "lotte", "--beslissing", "verderzetten")
    finally:
        os.chmod(map_.pad / "cases", 0o755)
    assert result.exit_code == 1 and "niet bewaard" in result.stderr


@pytest.mark.parametrize("fout", ["ENOSPC", "EROFS", "EACCES"])
def test_environment_faults_say_what_happened_to_the_change(map_: Map, run, monkeypatch, fout: str) -> None:
    import errno

    from leersteun.files import store

    pad = map_.case(DOSSIER)
    voor = map_.hashes()

    def weiger(*_a, **_k):
        raise OSError(getattr(errno, fout), os.strerror(getattr(errno, fout)))

    monkeypatch.setattr(store, "schrijf_atomisch", weiger)
    result = run("evaluatie", "lotte", "--beslissing", "verderzetten")
    assert result.exit_code == 1, result.output
    assert "niet bewaard" in result.stderr and "Er is niets gewijzigd" in result.stderr and "onverwachte fout" not in result.output
    assert map_.hashes() == voor and pad.exists()


@pytest.mark.parametrize(
    ("tekst", "plek"),
    [
        ("a: " + "[" * 100 + "]" * 100 + "\n", (1, 4 + 64)),
        ("a:\n  " + "- " * 100 + "x\n", (2, 128)),
        ("a: '" + "[" * 100 + "'\nb: 1  # " + "{" * 100 + "\n", None),  # quoted text and comments do not nest
    ],
)
def test_deep_nesting_is_refused_at_once_with_its_place(tekst: str, plek: tuple[int, int] | None) -> None:
    from leersteun.files.store import te_diep

    assert te_diep(tekst) == plek


def test_an_overview_of_many_cases_may_be_larger_than_a_sheet(voorbeeld: Path, run, monkeypatch) -> None:
    """The text limit grows with the rows the template is given: the HTML overview of a
    network of 5,000 cases (5.5 MB) was refused as a loop gone wrong; a loop still is."""
    from leersteun.outputs import render

    monkeypatch.setattr(render, "MAX_UITVOER", 10_000)  # the example folder's overview (15 kB) as if it were large
    monkeypatch.setattr(render, "PER_RIJ", 1_000)
    result = run("overzicht", "--formaat", "html", "--uit", "out/o.html")
    assert result.exit_code == 0, result.stderr
    assert len((voorbeeld / "out" / "o.html").read_text(encoding="utf-8")) > 10_000
    monkeypatch.setattr(render, "PER_RIJ", 0)
    result = run("overzicht", "--formaat", "html", "--uit", "out/o.html")
    assert result.exit_code == 1 and "MB tekst" in result.stderr
    _sjabloon(voorbeeld, "{% for i in range(99999) %}{{ 'x' * 999 }}{% endfor %}", "overzicht/overzicht.md.j2")
    monkeypatch.setattr(render, "MAX_UITVOER", 5_000_000)
    monkeypatch.setattr(render, "PER_RIJ", 1_000)
    result = run("overzicht", "--formaat", "md", "--uit", "out/o.md")
    assert result.exit_code == 1 and "MB tekst" in result.stderr
