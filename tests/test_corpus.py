"""Bad input, all of it: every command that reads cases, over a corpus of malformed and hostile
case and settings files, and over randomly mutated valid cases. Each time: a Dutch message with
file:line:column, exit code 1, no traceback, and no file changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import DOSSIER, Map

CORPUS = Path(__file__).parent / "corpus"
DOSSIERS = sorted((CORPUS / "dossiers").glob("*.yaml"))
INSTELLINGEN_CORPUS = sorted((CORPUS / "instellingen").glob("*.yaml"))

OPDRACHTEN = [
    ["valideer"],
    ["lijst"],
    ["agenda"],
    ["overzicht", "--formaat", "csv"],
    ["toon", "T-001"],
    ["fase", "T-001", "afgesloten", "--reden", "andere"],
    ["evaluatie", "T-001", "--beslissing", "verderzetten"],
    ["overgang", "T-001", "andere-school"],
    ["heropstart", "T-001"],
    ["mail", "T-001"],
    ["toewijzen", "T-001", "Els Maes", "--vorm", "light"],
    ["doel", "T-001", "--domein", "cognitief", "--omschrijving", "Lotte telt tot 10."],
    ["fiche", "T-001"],
    ["betrokkene", "T-001", "--rol", "ouders", "--naam", "Katrien"],
    ["overleg", "T-001", "--soort", "observatie"],
    ["verslag", "T-001", "--soort", "IAC", "--datum", "2026-11-20"],
    ["diplon", "T-001", "circqel"],
    ["schooljaar", "2027-2028"],
]
POSITIE = re.compile(r"(cases/T-001\.yaml|leersteun\.yaml):\d+:\d+: ")


def test_the_corpus_is_large_enough() -> None:
    assert len(DOSSIERS) + len(INSTELLINGEN_CORPUS) + 2 >= 40  # + the symlink and the oversized file made below


def controleer(map_: Map, run, opdracht: list[str]) -> None:
    voor = map_.hashes()
    result = run(*opdracht)
    uitvoer = result.output
    assert result.exit_code == 1, (opdracht, uitvoer)
    assert "Traceback" not in uitvoer and "onverwachte fout" not in uitvoer, (opdracht, uitvoer)
    assert POSITIE.search(uitvoer), (opdracht, uitvoer)
    assert map_.hashes() == voor, opdracht


@pytest.mark.parametrize("bestand", DOSSIERS, ids=lambda p: p.stem)
def test_every_command_over_every_bad_case(map_: Map, run, bestand: Path) -> None:
    map_.case(DOSSIER.replace("id: T-001", "id: T-000"), "T-000")  # a valid neighbour
    (map_.pad / "cases" / "T-001.yaml").write_bytes(bestand.read_bytes())
    for opdracht in OPDRACHTEN:
        controleer(map_, run, opdracht)


@pytest.mark.parametrize("bestand", INSTELLINGEN_CORPUS, ids=lambda p: p.stem)
def test_every_command_over_every_bad_settings_file(map_: Map, run, bestand: Path) -> None:
    map_.case(DOSSIER)
    (map_.pad / "leersteun.yaml").write_bytes(bestand.read_bytes())
    for opdracht in OPDRACHTEN:
        controleer(map_, run, opdracht)


def test_a_symlink_out_of_the_folder(map_: Map, run) -> None:
    buiten = map_.pad / "buiten.yaml"
    buiten.write_text(DOSSIER)
    (map_.pad / "cases" / "T-001.yaml").symlink_to(buiten)
    for opdracht in OPDRACHTEN:
        controleer(map_, run, opdracht)
    assert buiten.read_text() == DOSSIER


def test_an_oversized_file(map_: Map, run) -> None:
    (map_.pad / "cases" / "T-001.yaml").write_text(DOSSIER + "# " + "x" * 1_100_000 + "\n")
    for opdracht in OPDRACHTEN[:5]:
        controleer(map_, run, opdracht)


# ---------------------------------------------------------------------------- fuzzing

SPECIAAL = list(":-[]{}&*!|>'\"#%@`,?\t\n ") + ["\x00", "\x1b", "é", "\ufeff", "<<<<<<< ", "---", "...", "0x", "2024-13-45"]


@st.composite
def gemuteerd(draw) -> bytes:
    tekst = DOSSIER
    for _ in range(draw(st.integers(1, 4))):
        plek = draw(st.integers(0, len(tekst)))
        soort = draw(st.sampled_from(["invoegen", "wissen", "vervangen", "regel-wissen", "regel-dubbel"]))
        stuk = draw(st.sampled_from(SPECIAAL) | st.text(min_size=1, max_size=5))
        if soort == "invoegen":
            tekst = tekst[:plek] + stuk + tekst[plek:]
        elif soort == "wissen":
            tekst = tekst[:plek] + tekst[plek + draw(st.integers(1, 10)) :]
        elif soort == "vervangen":
            tekst = tekst[:plek] + stuk + tekst[plek + len(stuk) :]
        else:
            regels = tekst.splitlines(keepends=True)
            n = draw(st.integers(0, len(regels) - 1))
            regels[n : n + 1] = [] if soort == "regel-wissen" else [regels[n], regels[n]]
            tekst = "".join(regels)
    return tekst.encode("utf-8", errors="surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(inhoud=gemuteerd())
def test_fuzzed_cases(tmp_path_factory, monkeypatch, run, inhoud: bytes) -> None:
    map_ = Map(tmp_path_factory.mktemp("fuzz"))
    monkeypatch.chdir(map_.pad)
    (map_.pad / "cases" / "T-001.yaml").write_bytes(inhoud)
    voor = map_.hashes()
    for opdracht in (["valideer"], ["toon", "T-001"], ["overzicht", "--formaat", "csv"]):
        result = run(*opdracht)
        assert result.exit_code in (0, 1), (opdracht, result.output)
        assert "Traceback" not in result.output and "onverwachte fout" not in result.output, (opdracht, result.output)
        if result.exit_code == 1:
            assert POSITIE.search(result.output), (opdracht, result.output)
    assert map_.hashes() == voor


# ---------------------------------------------------------------------------- the two read paths agree

LASTIG = [
    "0017", "0x1F", "0o17", "1_000", ".inf", "-.inf", ".nan", "1e3", "5.0", "'0017'", "!!str x", "!!int 5", "&a x", "*a",
    "2015-3-4", "2015-03-4", "9999-12-31", "2026-02-30", "2026-02-28T10:00:00", "12:30", "yes", "no", "~", "null", "true",
    "[a, b]", "{x: 1}", "'a\\u200bb'", "\"a\\u202eb\"", "\"\\ud800\"", "|\n    tekst", "9" * 40, "'<<'",
]  # fmt: skip


@st.composite
def waarde_vervangen(draw) -> str:
    regels = DOSSIER.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        kandidaten = [i for i, r in enumerate(regels) if re.match(r"^\s*(- )?\w+: \S", r)]
        i = draw(st.sampled_from(kandidaten))
        sleutel = regels[i].split(":", 1)[0]
        regels[i] = f"{sleutel}: {draw(st.sampled_from(LASTIG))}\n"
    if draw(st.booleans()):
        regels.insert(draw(st.integers(1, len(regels) - 1)), draw(st.sampled_from(["<<: {x: 1}\n", "extra: !!set {a}\n"])))
    return "".join(regels)


@settings(max_examples=200, deadline=None)
@given(tekst=waarde_vervangen())
def test_fast_and_round_trip_paths_accept_exactly_the_same_files(tmp_path_factory, tekst: str) -> None:
    """Differential: the fast path (C safe loader, used by lijst, overzicht, agenda) and the
    round-trip path (used to edit) accept and refuse the same files."""
    from leersteun.checks import Context, controleer_dossier
    from leersteun.errors import OngeldigBestand
    from leersteun.snel import verwerk
    from leersteun.store import lees

    pad = tmp_path_factory.mktemp("diff") / "T-001.yaml"
    pad.write_text(tekst, encoding="utf-8", errors="surrogatepass")
    data, fouten = verwerk(pad, pad.read_bytes())
    snel_ok = data is not None and not fouten
    try:
        dossier, bevindingen = controleer_dossier(lees(pad), Context(bestandsnaam="T-001"))
        rt_ok = dossier is not None and not [b for b in bevindingen if b.is_fout]
    except OngeldigBestand:
        rt_ok = False
    assert snel_ok == rt_ok, (tekst, fouten)
