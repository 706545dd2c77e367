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
        doel = Path("/dev/null")
    elif soort == "fifo":
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
    assert "out/" in regels and ".leersteun-cache/" in regels
    import subprocess

    (doel / "out").mkdir()
    (doel / "out" / "x.eml").write_text("x", encoding="utf-8")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=doel, capture_output=True, text=True).stdout
    assert "out/" not in status
