"""The YAML round trip: byte-identical without change, only the changed lines otherwise."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from leersteun.core.errors import Fout, OngeldigBestand
from leersteun.files import store
from tests.conftest import DOSSIER, ROOT, VOORBEELD
from tests.hypothese import voorbeelden

VOORBEELDEN = sorted((ROOT / "cases").glob("*.yaml")) + [VOORBEELD]


def kopie(bron: Path, tmp_path: Path) -> Path:
    doel = tmp_path / bron.name
    shutil.copyfile(bron, doel)
    return doel


def verschil(oud: str, nieuw: str) -> list[tuple[int, str, str]]:
    a, b = oud.splitlines(), nieuw.splitlines()
    assert len(a) == len(b), "the number of lines changed"
    return [(i + 1, x, y) for i, (x, y) in enumerate(zip(a, b)) if x != y]


@pytest.mark.parametrize("bron", VOORBEELDEN, ids=lambda p: p.name)
def test_load_then_save_is_byte_identical(bron: Path, tmp_path: Path) -> None:
    pad = kopie(bron, tmp_path)
    voor = pad.read_bytes()
    mtime = pad.stat().st_mtime_ns
    bestand = store.lees(pad)
    assert store.bewaar(bestand) is False
    assert pad.read_bytes() == voor
    assert pad.stat().st_mtime_ns == mtime  # not even rewritten
    # and ruamel's dump in house style reproduces it exactly
    assert store.dump(bestand.data) == voor.decode("utf-8")


def test_voorbeeld_is_in_the_repo_unchanged() -> None:
    # the example case is the format file, grown with the keys added since (never renamed):
    # every line of the shared format is there, in the same order
    regels = (ROOT / "cases" / "KLM-2024-017.yaml").read_text(encoding="utf-8").splitlines()
    positie = 0
    for regel in VOORBEELD.read_text(encoding="utf-8").splitlines():
        positie = regels.index(regel, positie) + 1


@pytest.mark.parametrize("waarde", ["?0", ":x", "-y", "? z", "- w"])
def test_a_text_that_looks_like_yaml_syntax_reads_back_as_text(tmp_path: Path, waarde: str) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_text("a: [een, twee]\nb: x\n")
    bestand = store.lees(pad)
    bestand.data["a"][0] = waarde
    bestand.data["b"] = waarde
    store.bewaar(bestand)
    terug = store.lees(pad).data
    assert terug["a"][0] == waarde and terug["b"] == waarde


def test_change_keeps_end_of_line_comment_and_touches_one_line(tmp_path: Path) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_text(DOSSIER)
    bestand = store.lees(pad)
    bestand.data["ondersteuner"] = "Tom Vermeulen"
    assert store.bewaar(bestand) is True
    assert verschil(DOSSIER, pad.read_text()) == [(18, "ondersteuner: Els Maes           # de huidige", "ondersteuner: Tom Vermeulen      # de huidige")]


def test_appended_history_entry_adds_only_its_lines(tmp_path: Path) -> None:
    pad = kopie(ROOT / "cases" / "KLM-2024-017.yaml", tmp_path)
    oud = pad.read_text()
    bestand = store.lees(pad)
    bestand.data["geschiedenis"].append(CommentedMap(datum=dt.date(2026, 11, 24), fase="afgesloten", door="An Janssens", notitie="Geen heropstart."))
    store.bewaar(bestand)
    nieuw = pad.read_text()
    wijzigingen = [r for r in difflib.ndiff(oud.splitlines(), nieuw.splitlines()) if r[:2] in ("+ ", "- ")]
    toegevoegd = [r[2:] for r in wijzigingen if r.startswith("+ ")]
    assert len(toegevoegd) == len(wijzigingen)
    assert toegevoegd == [
        "  - datum: 2026-11-24",
        "    fase: afgesloten",
        "    door: An Janssens",
        "    notitie: Geen heropstart.",
    ]
    assert len(nieuw.splitlines()) == len(oud.splitlines()) + 4
    assert "# appended by the tool, oldest first; never rewritten" in nieuw


HANDGESCHREVEN = """\
# Een dossier in een andere stijl, met de hand geschreven.
id:   T-001        # id
leerling:
    voornaam: 'Lotte'
    naam: "Peeters"
lijst:
- a: 1
  b: 2      # hou mij
- a: 3
"""


def test_other_indentation_style_keeps_untouched_lines(tmp_path: Path) -> None:
    pad = tmp_path / "x.yaml"
    pad.write_text(HANDGESCHREVEN)
    bestand = store.lees(pad)
    assert store.bewaar(bestand) is False
    bestand.data["leerling"]["naam"] = "Peeters-Claes"
    bestand.data["lijst"].append(CommentedMap(a=5))
    store.bewaar(bestand)
    assert pad.read_text() == HANDGESCHREVEN.replace('"Peeters"', '"Peeters-Claes"') + "- a: 5\n"


def test_crlf_and_bom_survive_a_change(tmp_path: Path) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_bytes(b"\xef\xbb\xbf" + DOSSIER.replace("\n", "\r\n").encode())
    bestand = store.lees(pad)
    assert store.bewaar(bestand) is False
    bestand.data["leerling"]["klas"] = "6B"
    store.bewaar(bestand)
    ruw = pad.read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")
    assert ruw.count(b"\r\n") == DOSSIER.count("\n") and b"\n" not in ruw.replace(b"\r\n", b"")
    assert b"  klas: 6B\r\n" in ruw


def test_refuses_to_overwrite_a_file_changed_on_disk(tmp_path: Path) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_text(DOSSIER)
    bestand = store.lees(pad)
    ander = DOSSIER.replace("klas: 5B", "klas: 5C")
    pad.write_text(ander)  # someone else saved meanwhile
    bestand.data["fase"] = "afgesloten"
    with pytest.raises(Fout, match="gewijzigd sinds"):
        store.bewaar(bestand)
    assert pad.read_text() == ander


@pytest.mark.skipif(os.name != "posix", reason="file mode bits: POSIX only (Windows keeps none but read-only)")
def test_atomic_write_keeps_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_text(DOSSIER)
    os.chmod(pad, 0o640)
    bestand = store.lees(pad)
    bestand.data["leerling"]["klas"] = "6A"
    store.bewaar(bestand)
    assert stat.S_IMODE(pad.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["T-001.yaml"]


# ---------------------------------------------------------------------------- properties


def bladeren(data, pad=()):
    """Every scalar leaf (path, value) of a round-trip document."""
    if isinstance(data, CommentedMap):
        for k, v in data.items():
            yield from bladeren(v, (*pad, k))
    elif isinstance(data, CommentedSeq):
        for i, v in enumerate(data):
            yield from bladeren(v, (*pad, i))
    else:
        yield pad, data


def zet(data, pad, waarde):
    for deel in pad[:-1]:
        data = data[deel]
    data[pad[-1]] = waarde


tekst = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S"), exclude_characters="\x85\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s)
nieuwe_waarde = st.one_of(tekst, st.integers(-1000, 10_000), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.booleans())


@settings(max_examples=voorbeelden(15), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bron=st.sampled_from(VOORBEELDEN), keuze=st.integers(min_value=0), waarde=nieuwe_waarde)
def test_changing_one_value_changes_only_its_own_line(tmp_path: Path, bron: Path, keuze: int, waarde) -> None:
    pad = kopie(bron, tmp_path)
    oud = pad.read_text()
    bestand = store.lees(pad)
    blad_pad, huidig = list(bladeren(bestand.data))[keuze % len(list(bladeren(bestand.data)))]
    zet(bestand.data, blad_pad, waarde)
    veranderd = store.bewaar(bestand)
    nieuw = pad.read_text()
    if not veranderd:
        assert nieuw == oud
        return
    regels = verschil(oud, nieuw)
    assert len(regels) == 1
    regel = regels[0][0]
    assert regel == store.positie(store.lees(pad).data, blad_pad)[0]
    # reading it back gives the new value
    terug = store.lees(pad).data
    for deel in blad_pad:
        terug = terug[deel]
    assert store.gewoon(terug) == store.gewoon(waarde) or str(terug) == str(waarde)


sleutel = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)
scalair = st.one_of(tekst, st.integers(-5, 500), st.booleans(), st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
boom = st.recursive(
    scalair,
    lambda kind: st.one_of(st.lists(kind, min_size=1, max_size=4), st.dictionaries(sleutel, kind, min_size=1, max_size=4)),
    max_leaves=25,
)
stijl = st.sampled_from([store.HUISSTIJL, (2, 2, 0), (4, 4, 2), (4, 6, 2)])


@settings(max_examples=voorbeelden(20), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(sleutel, boom, min_size=1, max_size=6), stijl_=stijl, commentaar=st.booleans())
def test_any_document_in_any_style_round_trips_byte_identical(tmp_path: Path, data, stijl_, commentaar: bool) -> None:
    tekst_ = store.dump(data, stijl_)
    if commentaar:  # a comment at the end of every top-level line and at the top
        tekst_ = "# bovenaan\n" + "".join(
            r.rstrip("\n") + "   # opmerking\n" if r and not r[0].isspace() and not r.startswith("-") and r.rstrip().endswith(":") is False else r
            for r in tekst_.splitlines(keepends=True)
        )
    pad = tmp_path / "doc.yaml"
    pad.write_text(tekst_, encoding="utf-8")
    bestand = store.lees(pad)
    assert store.bewaar(bestand) is False
    assert pad.read_text(encoding="utf-8") == tekst_
    assert store.gewoon(bestand.data) == store.gewoon(data)


@settings(max_examples=voorbeelden(20), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(sleutel, boom, min_size=1, max_size=6),
    stijl_=stijl,
    keuze=st.integers(min_value=0),
    waarde=nieuwe_waarde,
)
def test_a_change_in_any_style_touches_only_its_line(tmp_path: Path, data, stijl_, keuze: int, waarde) -> None:
    tekst_ = "# met de hand\n" + store.dump(data, stijl_)
    pad = tmp_path / "doc.yaml"
    pad.write_text(tekst_, encoding="utf-8")
    bestand = store.lees(pad)
    bladen = [(p, v) for p, v in bladeren(bestand.data) if p]
    if not bladen:
        return
    blad_pad, _ = bladen[keuze % len(bladen)]
    zet(bestand.data, blad_pad, waarde)
    if not store.bewaar(bestand):
        assert pad.read_text(encoding="utf-8") == tekst_
        return
    regels = verschil(tekst_, pad.read_text(encoding="utf-8"))
    assert len(regels) == 1
    assert store.gewoon(store.lees(pad).data) == store.gewoon(bestand.data)


def test_a_write_removes_old_temp_files_of_killed_writers(tmp_path: Path) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_text(DOSSIER)
    oud = tmp_path / ".T-001.yaml.abc123.tmp"
    vers = tmp_path / ".T-001.yaml.def456.tmp"  # maybe another writer's, right now: left alone
    oud.write_text("half")
    vers.write_text("half")
    os.utime(oud, (1, 1))
    bestand = store.lees(pad)
    bestand.data["leerling"]["klas"] = "6A"
    store.bewaar(bestand)
    assert not oud.exists() and vers.exists()


@pytest.mark.parametrize("eindes", [["\r\n", "\n"], ["\r"], ["\n", "\r\n", "\r\n"]], ids=["gemengd", "alleen-cr", "meest-crlf"])
def test_each_line_keeps_its_own_line_ending(tmp_path: Path, eindes: list[str]) -> None:
    regels = DOSSIER.split("\n")[:-1]
    tekst = "".join(r + eindes[i % len(eindes)] for i, r in enumerate(regels))
    pad = tmp_path / "T-001.yaml"
    pad.write_bytes(tekst.encode())
    bestand = store.lees(pad)
    bestand.data["ondersteuner"] = "Tom Vermeulen"
    assert store.bewaar(bestand) is True
    oud, nieuw = tekst.encode().splitlines(keepends=True), pad.read_bytes().splitlines(keepends=True)
    verschil = [(a, b) for a, b in zip(oud, nieuw) if a != b]
    assert len(oud) == len(nieuw) and len(verschil) == 1
    a, b = verschil[0]
    assert b.startswith(b"ondersteuner: Tom Vermeulen")
    assert a[len(a.rstrip(b"\r\n")) :] == b[len(b.rstrip(b"\r\n")) :]  # the changed line keeps its ending too
    assert store.lees(pad).data["ondersteuner"] == "Tom Vermeulen"


@pytest.mark.parametrize(
    ("tekst", "boodschap"),
    [
        ("id: T-001\nleerling: [\n", "een aanhalingsteken of haakje wordt niet afgesloten"),
        ("id: T-001\nleerling: {naam: x\n", "een lijst [ ... ] of groep { ... } is hier geopend maar niet correct afgesloten"),
        ("id: T-001\n  leerling: x\n", "onverwachte ':' in een waarde"),
    ],
)
def test_a_yaml_mistake_is_explained_in_dutch(tmp_path: Path, tekst: str, boodschap: str) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_text(tekst)
    with pytest.raises(OngeldigBestand) as e:
        store.lees(pad)
    assert boodschap in e.value.bevindingen[0].boodschap
    assert "expected" not in e.value.bevindingen[0].boodschap and "while parsing" not in e.value.bevindingen[0].boodschap


@pytest.mark.parametrize(
    ("teken", "uitleg"),
    [("\uffff", "een niet-teken (U+FFFF)"), ("\ufffe", "een niet-teken (U+FFFE)"), ("\x01", "een stuurteken (U+0001)"), ("\x7f", "een stuurteken (U+007F)")],
)
def test_a_character_the_yaml_reader_refuses_is_named_with_its_line_and_column(tmp_path: Path, teken: str, uitleg: str) -> None:
    """Also in a comment, where no model sees it: not 'unacceptable character' at 1:1."""
    pad = tmp_path / "T-001.yaml"
    pad.write_text(DOSSIER.replace("klas: 5B", f"klas: 5B  # oud{teken}"), encoding="utf-8")
    with pytest.raises(OngeldigBestand) as fout:
        store.lees(pad)
    b = fout.value.bevindingen[0]
    regel = DOSSIER.splitlines().index("  klas: 5B") + 1
    assert (b.regel, b.kolom) == (regel, len("  klas: 5B  # oud") + 1)
    assert b.boodschap.startswith(f"het bestand bevat {uitleg}, een onzichtbaar of ongeldig teken")


def test_bytes_that_are_no_utf_8_are_named_with_their_line_and_column(tmp_path: Path) -> None:
    pad = tmp_path / "T-001.yaml"
    pad.write_bytes(DOSSIER.replace("naam: Peeters", "naam: Pe\xebters").encode("cp1252"))
    with pytest.raises(OngeldigBestand) as fout:
        store.lees(pad)
    b = fout.value.bevindingen[0]
    assert (b.regel, b.kolom) == (4, len("  naam: Pe") + 1) and "geen UTF-8" in b.boodschap
