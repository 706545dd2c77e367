"""Bad input, all of it: every command that reads cases, over a corpus of malformed and hostile
case and settings files, and over randomly mutated valid cases. Each time: a Dutch message with
file:line:column, exit code 1, no traceback, and no file changed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DOSSIER, ROOT, Map
from tests.hypothese import GRONDIG, voorbeelden

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


def _opdrachten_voor(i: int) -> list[list[str]]:
    """Every command over every bad case or settings file with LEERSTEUN_GRONDIG; by default
    each file meets every third command (rotating, so each command still meets a third of the
    corpus, some 20 bad cases and 3 or 4 bad settings files, every run the same)."""
    if GRONDIG:
        return OPDRACHTEN
    return [o for j, o in enumerate(OPDRACHTEN) if (i + j) % 3 == 0]


@pytest.mark.parametrize("i, bestand", list(enumerate(DOSSIERS)), ids=lambda x: x.stem if isinstance(x, Path) else str(x))
def test_every_command_over_every_bad_case(map_: Map, run, i: int, bestand: Path) -> None:
    map_.case(DOSSIER.replace("id: T-001", "id: T-000"), "T-000")  # a valid neighbour
    (map_.pad / "cases" / "T-001.yaml").write_bytes(bestand.read_bytes())
    for opdracht in _opdrachten_voor(i):
        controleer(map_, run, opdracht)


@pytest.mark.parametrize("i, bestand", list(enumerate(INSTELLINGEN_CORPUS)), ids=lambda x: x.stem if isinstance(x, Path) else str(x))
def test_every_command_over_every_bad_settings_file(map_: Map, run, i: int, bestand: Path) -> None:
    map_.case(DOSSIER)
    (map_.pad / "leersteun.yaml").write_bytes(bestand.read_bytes())
    for opdracht in _opdrachten_voor(i):
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


@settings(max_examples=voorbeelden(20), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
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
    "0017", "0x1F", "0o17", "1_000", ".inf", "-.inf", ".nan", "1e3", "5.0", "+17", "-0", "0017 # x", "[0017, 5]", "'0017'", "!!str x", "!!int 5", "&a x", "*a",
    "2015-3-4", "2015-03-4", "9999-12-31", "2026-02-30", "2026-02-28T10:00:00", "12:30", "yes", "no", "~", "null", "true",
    "[a, b]", "{x: 1}", "'a\\u200bb'", "\"a\\u202eb\"", "\"\\ud800\"", "|\n    tekst", "9" * 40, "'<<'",
    "Lot\u00adte", "\"Lot\\u00adte\"", "a\uffffb", "\"a\\uffffb\"", "a\ufdd0b", "x # \uffff", "x # \x01", "x # \x85y", "a\U000e0041",
]  # fmt: skip


@st.composite
def waarde_vervangen(draw, basis: str = DOSSIER) -> str:
    regels = basis.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        kandidaten = [i for i, r in enumerate(regels) if re.match(r"^\s*(- )?\w+: \S", r)]
        i = draw(st.sampled_from(kandidaten))
        sleutel = regels[i].split(":", 1)[0]
        regels[i] = f"{sleutel}: {draw(st.sampled_from(LASTIG))}\n"
    if draw(st.booleans()):
        regels.insert(draw(st.integers(1, len(regels) - 1)), draw(st.sampled_from(["<<: {x: 1}\n", "extra: !!set {a}\n"])))
    return "".join(regels)


def beide_paden_gelijk(pad: Path, tekst: str) -> None:
    """The differential check: where ruamel's round trip gives a valid case, the fast path
    gives the same validated model; where it refuses, so does the fast path, with ruamel's
    messages and positions."""
    from leersteun.core.errors import OngeldigBestand
    from leersteun.files.store import lees
    from leersteun.reading.snel import verwerk
    from leersteun.rules.checks import Context, controleer_dossier

    pad.write_text(tekst, encoding="utf-8", errors="surrogatepass")
    ctx = Context(vandaag=dt.date(2026, 11, 24))  # both paths judge with the same context
    snel, fouten = verwerk(pad, pad.read_bytes(), ctx)
    try:
        dossier, bevindingen = controleer_dossier(lees(pad), ctx.voor(pad))
        rt_fouten = [b for b in bevindingen if b.is_fout]
    except OngeldigBestand as e:
        dossier, rt_fouten = None, e.bevindingen
    if dossier is not None and not rt_fouten:
        assert snel == dossier and not fouten, (tekst, fouten)
        dezelfde_posities(pad)
    else:
        assert snel is None and fouten == rt_fouten, tekst


GEEN = object()


def data_op(data: object, loc: tuple) -> object:
    for deel in loc:
        try:
            data = data[deel]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return GEEN
    return data


def dezelfde_posities(pad: Path) -> None:
    """valideer places a valid case's warnings with the C parser's nodes (`Knopen`): each
    key and item, and a key that is missing, is where the round trip places it; the
    warnings are those of `lees_dossier`."""
    from leersteun.files.store import Knopen, lees, positie
    from leersteun.reading.dossiers import lees_dossier
    from leersteun.reading.validatie import _geplaatst
    from leersteun.rules.checks import DOSSIER_REGELS, Context

    data = lees(pad).data
    knopen = Knopen.van(pad.read_bytes())
    if knopen is None:  # a file the C parser would read other lines in, or not compose (an anchor twice): the round trip places all
        assert any(t in pad.read_bytes() for t in (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"&")), pad.read_text(encoding="utf-8")

    def paden(x: object, voor: tuple = ()) -> list[tuple]:
        if isinstance(x, dict):
            return [p for k, v in x.items() for p in ((*voor, k), (*voor, k, "ontbreekt"), *paden(v, (*voor, k)))]
        if isinstance(x, list):
            return [p for i, v in enumerate(x) for p in ((*voor, i), *paden(v, (*voor, i)))] + [(*voor, len(x))]
        return []

    for loc in paden(data) if knopen is not None else []:
        for sleutel in (False, True):
            plek = knopen.positie(loc, sleutel)
            assert plek in (None, positie(data, loc, sleutel)), (loc, sleutel, pad.read_text(encoding="utf-8"))
            if plek is None:  # only at or below a value left empty; valideer then asks the round trip
                assert any(data_op(data, loc[:j]) in (None, "") for j in range(1, len(loc) + 1) if data_op(data, loc[:j]) is not GEEN), loc
    ctx = Context(vandaag=dt.date(2026, 11, 24))
    gelezen = lees_dossier(pad, ctx)
    meldingen = [m for regel in DOSSIER_REGELS for m in regel(gelezen.dossier, ctx.voor(pad))]
    assert _geplaatst(pad, meldingen, ctx) == gelezen.bevindingen


@settings(max_examples=voorbeelden(40), deadline=None)
@given(tekst=waarde_vervangen())
def test_fast_and_round_trip_paths_agree_on_hard_values(tmp_path_factory, tekst: str) -> None:
    """Differential on values that YAML parsers read differently (0017, .inf, anchors, tags,
    impossible dates, merge keys): the fast path (yaml-rs, used by every command that reads
    many cases) and the round-trip path (used to edit) give the same result."""
    beide_paden_gelijk(tmp_path_factory.mktemp("diff") / "T-001.yaml", tekst)


# Scalars as people write them in a case file; both parsers must read each the same way.
KLASSEN = ["5B", "'5'", '"0017"', "5", "no", "'no'", "1e3", "K3 De Vlinders"]
NAMEN_LASTIG = ["no", "yes", "on", "off", "Yes", "NO", "y", "n", "True", "null", "Null", "~", "0017", "1e3", "12:30", "5B", "Zoë", "Çeşme", "Ğ", "李", "O'Brien", "Van den Broeck", "É"]  # fmt: skip


def _scalar(draw, tekst: str) -> str:
    """A string written plain, single- or double-quoted."""
    stijl = draw(st.sampled_from(["plain", "enkel", "dubbel"]))
    if stijl == "enkel":
        return "'" + tekst.replace("'", "''") + "'"
    if stijl == "dubbel":
        return '"' + tekst.replace("\\\\", "\\\\\\\\").replace('"', '\\\\"') + '"'
    return tekst


INSTELLINGEN_GELDIG = [ROOT / "leersteun.yaml", ROOT / "tests" / "files" / "contract" / "voorbeeld-leersteun.yaml"]


def instellingen_beide_paden(map_: Path, tekst: str) -> None:
    """The differential check for leersteun.yaml: the fast path gives the round trip's model,
    or leaves the file to the round trip (None), which then names the problem."""
    from leersteun.reading import snel
    from leersteun.reading.dossiers import lees_instellingen
    from leersteun.reading.folder import Dossiermap

    pad = map_ / "leersteun.yaml"
    pad.write_text(tekst, encoding="utf-8", errors="surrogatepass")
    snel_model = snel.instellingen(pad)
    model, bevindingen = lees_instellingen(Dossiermap(map_))
    if snel_model is not None:
        assert snel_model == model and not [b for b in bevindingen if b.is_fout], tekst


@pytest.mark.parametrize("bestand", INSTELLINGEN_CORPUS + INSTELLINGEN_GELDIG, ids=lambda p: p.stem)
def test_settings_fast_path_agrees_with_the_round_trip(tmp_path: Path, bestand: Path) -> None:
    from leersteun.reading import snel

    instellingen_beide_paden(tmp_path, bestand.read_text(encoding="utf-8"))
    assert (snel.instellingen(tmp_path / "leersteun.yaml") is not None) == (bestand in INSTELLINGEN_GELDIG)


@settings(max_examples=voorbeelden(40), deadline=None)
@given(tekst=waarde_vervangen((ROOT / "leersteun.yaml").read_text(encoding="utf-8")))
def test_settings_fast_path_agrees_on_hard_values(tmp_path_factory, tekst: str) -> None:
    instellingen_beide_paden(tmp_path_factory.mktemp("inst"), tekst)


@st.composite
def geldig_geschreven(draw) -> str:
    """The house-style case with generated names, class, dates, notes (one-line and block,
    with unicode), empty or filled lists, and comments."""
    tekst_st = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"], exclude_characters="\\x85\\u2028\\u2029"), min_size=1, max_size=30)
    import datetime as dt

    regels = DOSSIER.splitlines()
    voornaam = _scalar(draw, draw(st.sampled_from(NAMEN_LASTIG) | tekst_st.map(str.strip).filter(bool)))
    klas = draw(st.sampled_from(KLASSEN))
    geboren = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2026, 11, 1)))
    verslag = draw(st.sampled_from(["2024-09-12", "'2024-09-12'", "2024-02-29", "2025-02-29"]))
    vervang = {
        "  voornaam: Lotte": f"  voornaam: {voornaam}",
        "  klas: 5B": f"  klas: {klas}",
        "  geboortedatum: 2015-03-14": f"  geboortedatum: {geboren}",
        "  datum: 2024-09-12": f"  datum: {verslag}",
        "vorige_ondersteuners: []": draw(
            st.sampled_from(
                ["vorige_ondersteuners: []", "vorige_ondersteuners:\n  - Tom Vermeulen", "vorige_ondersteuners: [Tom Vermeulen, 'Sofie Lambrechts']"]
            )
        ),
        "doelen: []": draw(st.sampled_from(["doelen: []", "doelen:", "doelen: [ ]"])),
    }
    regels = [vervang.get(r, r) for r in regels]
    notitie = draw(tekst_st)
    blok = draw(st.sampled_from(["", "plain", "|", ">", "|-"]))
    i = regels.index("    door: Els Maes")
    if blok == "plain":
        regels.insert(i + 1, f"    notitie: {_scalar(draw, notitie.strip() or 'x')}")
    elif blok:
        regels[i + 1 : i + 1] = [f"    notitie: {blok}", *(f"      {r}" for r in (notitie.strip() or "x", draw(tekst_st).strip() or "y"))]
    for _ in range(draw(st.integers(0, 4))):  # comments: whole lines and at the end of a line
        j = draw(st.integers(1, len(regels) - 1))
        if draw(st.booleans()):
            regels.insert(j, (" " * (len(regels[j]) - len(regels[j].lstrip()))) + f"# {draw(tekst_st)}")
        elif not regels[j].rstrip().endswith((":", "|", ">", "|-")) and not regels[j].startswith("      "):
            regels[j] = regels[j] + f"  # {draw(tekst_st)}"
    return "\n".join(regels) + "\n"


@settings(max_examples=voorbeelden(30), deadline=None)
@given(tekst=geldig_geschreven())
def test_fast_path_gives_the_same_model_as_ruamel_on_generated_cases(tmp_path_factory, tekst: str) -> None:
    """Differential, on cases as people write them (names such as 'no' or 'Zoë', quoted
    numbers, dates, block text, empty lists, comments)."""
    beide_paden_gelijk(tmp_path_factory.mktemp("gen") / "T-001.yaml", tekst)


def test_the_fast_parser_is_used_for_valid_files(tmp_path: Path, monkeypatch) -> None:
    """A valid file never takes the round-trip path (else the read path is not fast)."""
    from leersteun.files import store
    from leersteun.reading import snel
    from leersteun.rules.checks import Context

    pad = tmp_path / "T-001.yaml"
    pad.write_text(DOSSIER, encoding="utf-8")
    monkeypatch.setattr(store, "lees", lambda *a, **k: pytest.fail("round-trip path for a valid file"))
    dossier, fouten = snel.verwerk(pad, pad.read_bytes(), Context(vandaag=dt.date(2026, 11, 24)))
    assert dossier is not None and not fouten and dossier.leerling.voornaam == "Lotte"
    import yaml_rs  # noqa: F401 - the fast parser is installed with leersteun


VOORBEELD_DOSSIERS = sorted((ROOT / "cases").glob("*.yaml")) + [ROOT / "tests" / "files" / "contract" / "voorbeeld-dossier.yaml"]


@pytest.mark.parametrize("bron", VOORBEELD_DOSSIERS, ids=lambda p: p.name)
def test_both_paths_agree_on_every_example_case(tmp_path: Path, bron: Path) -> None:
    """The example cases and the contract's example: the same model, and valideer's fast
    positions where the round trip has them."""
    tekst = bron.read_text(encoding="utf-8")
    naam = re.search(r"^id: (\S+)", tekst, re.M)
    beide_paden_gelijk(tmp_path / f"{naam.group(1) if naam else 'T-001'}.yaml", tekst)


def test_valideer_places_warnings_without_the_round_trip(map_: Map, run, monkeypatch) -> None:
    """A warning of a valid case gets its exact position from the C parser's nodes: the
    round trip (ten times as slow) is not used."""
    from leersteun.files import store

    map_.case(DOSSIER.replace("ondersteuner: Els Maes", "ondersteuner: null", 1))
    echt = store.lees

    def geen_dossiers(pad: Path, *a, **k):  # leersteun.yaml is read the round-trip way, for its own positions
        assert pad.parent.name != "cases", pad
        return echt(pad, *a, **k)

    monkeypatch.setattr(store, "lees", geen_dossiers)
    result = run("valideer")
    assert result.exit_code == 0, result.output
    assert re.search(r"T-001\.yaml:\d+:\d+: waarschuwing", result.stdout + result.stderr), result.output


@pytest.mark.parametrize("teken", ["\u0085", "\u2028", "\u2029"])
def test_a_line_break_of_yaml_1_1_in_a_comment_moves_no_position(tmp_path: Path, teken: str) -> None:
    """The C parser (YAML 1.1) breaks lines at NEL and the Unicode separators, the round trip
    does not: in a comment that would move every position below it. valideer then places
    the warnings through the round trip."""
    tekst = DOSSIER.replace("ondersteuner: Els Maes", "ondersteuner: null", 1)
    tekst = tekst.replace("\nfase:", f"\n# een opmerking{teken}# met een teken erin\nfase:", 1)
    beide_paden_gelijk(tmp_path / "T-001.yaml", tekst)
