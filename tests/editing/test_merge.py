"""The merge driver's engine: three versions of a case merged the way a person would."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leersteun.editing.conflict import Conflict
from leersteun.editing.merge import met_tekens, splits, voeg_samen
from leersteun.files.store import gewoon, maak_yaml
from leersteun.rules.checks import Context
from tests.hypothese import voorbeelden

ROOT = Path(__file__).resolve().parents[2]
NOAH = ROOT / "cases" / "KLM-2025-003.yaml"
CTX = Context(vandaag=dt.date(2026, 11, 24))
PAD = Path("cases/KLM-2025-003.yaml")


def basis() -> str:
    return NOAH.read_text(encoding="utf-8")


def na_geschiedenis(tekst: str, regels: str) -> str:
    anker = "    door: Els Maes\n\noverleggen:"
    assert anker in tekst
    return tekst.replace(anker, "    door: Els Maes\n" + regels + "\noverleggen:")


def data(tekst: str):
    return gewoon(maak_yaml().load(tekst))


A_REGEL = "  - datum: 2026-11-20\n    fase: ondersteuning\n    door: An Janssens\n    notitie: Van An.  # een opmerking\n"
B_REGEL = "  - datum: 2026-11-10\n    fase: ondersteuning\n    door: Els Maes\n    notitie: Van Els.\n"


def test_both_append_history_both_kept_in_date_order_comment_kept() -> None:
    o = basis()
    uit = voeg_samen(o, na_geschiedenis(o, A_REGEL), na_geschiedenis(o, B_REGEL), PAD, CTX)
    assert uit.gelukt
    notities = [g.get("notitie") for g in data(uit.tekst)["geschiedenis"]]
    assert notities[-2:] == ["Van Els.", "Van An."]  # 10-11 before 20-11
    assert "notitie: Van An.  # een opmerking\n" in uit.tekst
    assert "    door: Els Maes\n\noverleggen:" not in uit.tekst  # the blank line moved below the new entries
    assert "notitie: Van An.  # een opmerking\n\noverleggen:" in uit.tekst


def test_the_same_entry_on_both_sides_is_kept_once() -> None:
    o = basis()
    kant = na_geschiedenis(o, B_REGEL)
    uit = voeg_samen(o, kant, kant.replace("klas: 3A", "klas: 3B"), PAD, CTX)
    assert uit.gelukt
    assert [g.get("notitie") for g in data(uit.tekst)["geschiedenis"]].count("Van Els.") == 1
    assert data(uit.tekst)["leerling"]["klas"] == "3B"


def test_a_field_changed_on_one_side_takes_that_change_and_the_rest_is_byte_identical() -> None:
    o = basis()
    uit = voeg_samen(o, o.replace("klas: 3A", "klas: 4A"), na_geschiedenis(o, B_REGEL), PAD, CTX)
    assert uit.gelukt
    assert uit.tekst == na_geschiedenis(o, B_REGEL).replace("klas: 3A", "klas: 4A")


def test_same_field_two_values_is_a_contradiction_between_markers() -> None:
    o = basis()
    uit = voeg_samen(o, na_geschiedenis(o, A_REGEL).replace("klas: 3A", "klas: 3D"), o.replace("klas: 3A", "klas: 3C"), PAD, CTX)
    assert not uit.gelukt
    assert [t.pad for t in uit.tegenspraken] == [("leerling", "klas")]
    assert "<<<<<<< mijn versie\n  klas: 3D\n=======\n  klas: 3C\n>>>>>>> hun versie\n" in uit.tekst
    mijn, hun = splits(uit.tekst)
    assert data(mijn)["leerling"]["klas"] == "3D" and data(hun)["leerling"]["klas"] == "3C"
    assert data(hun)["geschiedenis"] == data(mijn)["geschiedenis"]  # the merged part is in both


def test_both_add_goal_d2_theirs_keeps_d2_mine_becomes_d3() -> None:
    o = basis()
    doel = "  - id: D2\n    domein: cognitief\n    omschrijving: {}\n"
    a = o.replace("heropstarts: []", "") + doel.format("Van An.") + "\nheropstarts: []\n"
    b = o.replace("heropstarts: []", "") + doel.format("Van Els.") + "\nheropstarts: []\n"
    uit = voeg_samen(o, a, b, PAD, CTX)
    assert uit.gelukt, uit.tegenspraken
    doelen = {d["id"]: d["omschrijving"] for d in data(uit.tekst)["doelen"]}
    assert doelen["D2"] == "Van Els." and doelen["D3"] == "Van An."  # theirs is shared already: it keeps its number
    assert uit.meldingen == ["KLM-2025-003: Jouw nieuwe doel D2 heet nu D3: een collega voegde tegelijk een ander doel D2 toe."]


def test_a_removed_person_stays_removed_while_the_other_adds_one() -> None:
    o = basis()
    weg = "  - rol: directie\n    naam: Koen Daems\n"
    assert weg in o
    erbij = "    notitie: mama\n  - rol: clb\n    naam: Karen Claes\n"
    uit = voeg_samen(o, o.replace(weg, ""), o.replace("    notitie: mama\n", erbij), PAD, CTX)
    assert uit.gelukt
    namen = [b["naam"] for b in data(uit.tekst)["betrokkenen"]]
    assert "Koen Daems" not in namen and "Karen Claes" in namen and len(namen) == 4


def test_phase_changed_on_both_sides_is_one_question_with_its_trajectories() -> None:
    finn = (ROOT / "cases" / "JZF-2025-004.yaml").read_text(encoding="utf-8")
    pad = Path("cases/JZF-2025-004.yaml")
    a = finn.replace("\nfase: opstart\n", "\nfase: ondersteuning\n").replace(
        "trajecten: []", "trajecten:\n  - vorm: regulier\n    start: 2026-11-20\n    frequentie: wekelijks\n    intensiteit: 1 lesuur per week"
    )
    b = finn.replace("\nfase: opstart\n", "\nfase: afgesloten\n").replace("ondersteuner: Sofie Lambrechts", "ondersteuner: null")
    uit = voeg_samen(finn, a, b, pad, CTX)
    [tegen] = uit.tegenspraken
    assert tegen.paden[:4] == [("fase",), ("ondersteuner",), ("vorige_ondersteuners",), ("trajecten",)]
    conflict = Conflict(pad, uit.tekst, str(pad))
    [keuze] = conflict.keuzes()
    assert keuze.titel == "de fase en het traject (ondersteuner, trajecten, toewijzing)"
    conflict.kies(keuze, "hun")
    tekst = conflict.tekst("Els Maes", dt.date(2026, 11, 24))
    assert splits(tekst) is None
    d = data(tekst)
    assert d["fase"] == "afgesloten" and d["trajecten"] == [] and d["ondersteuner"] is None


def test_an_invalid_merge_is_a_conflict_never_a_broken_file() -> None:
    o = basis()
    # each side alone is valid; together the history would go back in time
    a = o.replace("  - datum: 2025-09-15\n    fase: ondersteuning", "  - datum: 2025-09-16\n    fase: ondersteuning")
    b = na_geschiedenis(o, "  - datum: 2025-09-15\n    fase: ondersteuning\n    door: Els Maes\n")
    uit = voeg_samen(o, a, b, PAD, CTX)
    if uit.gelukt:  # then the result must be valid
        from leersteun.editing.merge import fouten_in

        assert not fouten_in(uit.tekst, PAD, CTX, str(PAD))
    else:
        assert splits(uit.tekst) is not None


def test_markers_round_trip() -> None:
    mijn, hun = "a: 1\nb: 2\nc: 3\n", "a: 1\nb: 5\nc: 3\nd: 4\n"
    assert splits(met_tekens(mijn, hun)) == (mijn, hun)
    assert splits("a: 1\n") is None
    assert splits("<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> andere\n") == ("a: 1\n", "a: 2\n")


def test_choosing_per_question_and_interrupting_keeps_what_was_answered() -> None:
    o = basis()
    a = o.replace("klas: 3A", "klas: 3D").replace("gemeente: Geel", "gemeente: Mol")
    b = o.replace("klas: 3A", "klas: 3C").replace("gemeente: Geel", "gemeente: Lier")
    uit = voeg_samen(o, a, b, PAD, CTX)
    conflict = Conflict(PAD, uit.tekst, str(PAD))
    eerste, tweede = conflict.keuzes()
    conflict.kies(eerste, "hun")
    half = conflict.tekst(None, dt.date(2026, 11, 24))
    assert "klas: 3C" in half and "klas: 3D" not in half and half.count("<<<<<<<") == 1
    opnieuw = Conflict(PAD, half, str(PAD))
    [rest] = opnieuw.keuzes()
    opnieuw.kies(rest, "mijn")
    klaar = opnieuw.tekst(None, dt.date(2026, 11, 24))
    assert splits(klaar) is None
    d = data(klaar)
    assert d["leerling"]["klas"] == "3C" and d["school"]["gemeente"] == "Mol"
    # each session's choices are said in the history, so it agrees with the data
    notities = [g.get("notitie") for g in d["geschiedenis"][-2:]]
    assert notities == ["Samenvoegconflict opgelost: leerling › klas: 3C (niet 3D).", "Samenvoegconflict opgelost: school › gemeente: Mol (niet Lier)."]
    zonder = data(o.replace("klas: 3A", "klas: 3C").replace("gemeente: Geel", "gemeente: Mol"))
    d["geschiedenis"] = d["geschiedenis"][:-2]
    assert d == zonder


# ---------------------------------------------------------------------------- property

OPDRACHTEN = [
    ["overleg", "noah", "--soort", "evaluatiegesprek", "--met", "klasleerkracht", "--datum", "{dag}", "--notitie", "Overleg {wie} {n}."],
    ["evaluatie", "noah", "--beslissing", "verderzetten", "--concreet", "ja", "--context", "ja", "--gedragen", "ja", "--fase-2-3", "ja", "--datum", "{dag}"],
    ["doel", "noah", "--doel", "D1", "--evalueer", "--bereikt", "deels", "--behouden", "Behouden {wie} {n}.", "--datum", "{dag}"],
    ["betrokkene", "noah", "--rol", "andere", "--naam", "Persoon {wie} {n}"],
    ["diplon", "noah", "inzage", "--datum", "{dag}"],
    ["evaluatie", "noah", "--beslissing", "afsluiten", "--reden", "doelen-bereikt", "--datum", "{dag}", "--wat-neemt-school-mee", "Het stappenplan.", "--kansen", "Zelf plannen.", "--met", "klasleerkracht,ouders,clb"],
    ["doel", "noah", "--domein", "cognitief", "--omschrijving", "Doel {wie} {n}.", "--specifiek", "Noah doet 4 op 5 keer X.",
     "--meetbaar", "Turflijst, 2 weken.", "--acceptabel", "Afgesproken met de klasleerkracht.", "--realistisch", "Lukt al met hulp.",
     "--start", "2026-11-01", "--einde", "2027-02-01"],
]  # fmt: skip

# what each side records and nobody may lose: (list path, key that tells entries apart)
RECORDS = [("geschiedenis",), ("overleggen",), ("evaluaties",), ("diplon",), ("betrokkenen",)]


def _lijst(d: dict, pad: tuple) -> list:
    for stap in pad:
        d = d.get(stap) or {}
    return d if isinstance(d, list) else []


def _speel(run, map_: Path, wie: str, reeks: list[tuple[int, int]], monkeypatch) -> None:
    monkeypatch.setenv("LEERSTEUN_GEBRUIKER", wie)
    for n, (i, dag) in enumerate(reeks):
        args = [a.format(dag=f"2026-11-{dag:02d}", wie=wie.split()[0], n=n) for a in OPDRACHTEN[i]]
        run("--map", str(map_), *args, "--geen-commit")  # a refused command changes nothing: fine


reeksen = st.lists(st.tuples(st.integers(0, len(OPDRACHTEN) - 1), st.integers(1, 24)), max_size=4)


@settings(max_examples=voorbeelden(3), deadline=None, print_blob=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mijn=reeksen, hun=reeksen)
def test_concurrent_commands_merge_without_losing_anything(tmp_path_factory, run, monkeypatch, mijn, hun) -> None:
    werk = tmp_path_factory.mktemp("team")
    kanten = {}
    for naam, reeks, wie in (("mijn", mijn, "An Janssens"), ("hun", hun, "Els Maes")):
        kant = werk / naam
        kant.mkdir()
        shutil.copy(ROOT / "leersteun.yaml", kant)
        shutil.copytree(ROOT / "cases", kant / "cases")
        _speel(run, kant, wie, reeks, monkeypatch)
        kanten[naam] = (kant / "cases" / NOAH.name).read_text(encoding="utf-8")
    o = basis()
    uit = voeg_samen(o, kanten["mijn"], kanten["hun"], PAD, CTX)
    teksten = [uit.tekst] if uit.gelukt else []
    if not uit.gelukt:
        for kant in ("mijn", "hun"):
            conflict = Conflict(PAD, uit.tekst, str(PAD))
            for keuze in conflict.keuzes():
                conflict.kies(keuze, kant)
            teksten.append(conflict.tekst("An Janssens", CTX.vandaag))
    from leersteun.editing.merge import fouten_in

    for tekst in teksten:
        assert splits(tekst) is None
        assert not fouten_in(tekst, PAD, CTX, str(PAD)), tekst
        if uit.fouten:
            continue  # a whole side was chosen: the check above is what counts
        samen = data(tekst)
        for kant in ("mijn", "hun"):
            for pad in RECORDS:
                for item in _lijst(data(kanten[kant]), pad):
                    assert item in _lijst(samen, pad), (pad, item)
            omschrijvingen = {d["omschrijving"] for d in samen["doelen"]}
            assert {d["omschrijving"] for d in data(kanten[kant])["doelen"]} <= omschrijvingen
            d1 = next(d for d in samen["doelen"] if d["id"] == "D1")
            for e in next(d for d in data(kanten[kant])["doelen"] if d["id"] == "D1").get("evaluaties", []):
                assert e in d1["evaluaties"]


# ---------------------------------------------------------------------------- identity, units, layout (issue 25)

OVERLEG_A = "  - datum: 2026-11-20\n    soort: evaluatiegesprek\n    met: [klasleerkracht]\n    notitie: Van An.\n    id: a2b3c4\n"


def met_overleg(tekst: str, regels: str, na: str = "    volgende: 2026-12-07\n") -> str:
    assert na in tekst
    return tekst.replace(na, na + regels, 1)


def test_a_back_dated_entry_is_just_another_entry_beside_a_fix_of_my_own() -> None:
    o = met_overleg(basis(), OVERLEG_A)
    mijn = o.replace("notitie: Van An.", "notitie: Van An, verbeterd.")  # I fix my own meeting
    terug = "  - datum: 2025-10-01\n    soort: observatie\n    met: [klasleerkracht]\n    notitie: Van Els, laat genoteerd.\n    id: e5f6g7\n"
    hun = o.replace(
        "    notitie: Hulpvraag rond lezen en toetsen; wekelijks 1 lesuur.\n", "    notitie: Hulpvraag rond lezen en toetsen; wekelijks 1 lesuur.\n" + terug
    )
    for a, b in ((mijn, hun), (hun, mijn)):
        uit = voeg_samen(o, a, b, PAD, CTX)
        assert uit.gelukt, uit.tegenspraken
        notities = [x["notitie"] for x in data(uit.tekst)["overleggen"]]
        assert notities.count("Van An, verbeterd.") == 1 and "Van An." not in notities
        assert notities.index("Van Els, laat genoteerd.") == 1  # in date order, where she put it


def test_an_entry_i_changed_and_they_removed_is_a_question_about_that_entry_only() -> None:
    o = met_overleg(basis(), OVERLEG_A)
    mijn = met_overleg(
        o.replace("notitie: Van An.", "notitie: Van An, aangevuld."),
        "  - datum: 2026-11-22\n    soort: observatie\n    met: []\n    id: k7m8n9\n",
        "    id: a2b3c4\n",
    )
    hun = o.replace(OVERLEG_A, "")
    uit = voeg_samen(o, mijn, hun, PAD, CTX)
    [tegen] = uit.tegenspraken
    conflict = Conflict(PAD, uit.tekst, str(PAD))
    [keuze] = conflict.keuzes()
    assert keuze.titel == "overleg van 20-11-2026 (evaluatiegesprek)"
    assert "notitie: Van An, aangevuld." in keuze.mijn[0] and keuze.hun == ["(niet in deze versie)"]
    conflict.kies(keuze, "hun")
    d = data(conflict.tekst("Els Maes", dt.date(2026, 11, 24)))
    assert [x["datum"].isoformat() for x in d["overleggen"]][-1] == "2026-11-22"  # my other new meeting stays either way


def test_a_comment_typed_by_hand_survives_either_order() -> None:
    o = basis()
    commentaar = o.replace("  naam: Wouters\n", "  naam: Wouters  # LET OP: vader heeft geen omgangsrecht\n")
    ander = o.replace("klas: 3A", "klas: 3B")
    for a, b in ((commentaar, ander), (ander, commentaar)):
        uit = voeg_samen(o, a, b, PAD, CTX)
        assert uit.gelukt
        assert "  naam: Wouters  # LET OP: vader heeft geen omgangsrecht\n" in uit.tekst and "klas: 3B" in uit.tekst


def test_order_and_quoting_typed_by_hand_survive() -> None:
    o = basis()
    blok = "school:\n  naam: Basisschool De Klimop\n  gemeente: Geel\n"
    herschikt = o.replace(blok, "").replace("id: KLM-2025-003\n", "id: KLM-2025-003\n" + blok).replace("naam: Wouters", 'naam: "Wouters"')
    ander = met_overleg(o, OVERLEG_A)
    for a, b in ((herschikt, ander), (ander, herschikt)):
        uit = voeg_samen(o, a, b, PAD, CTX)
        assert uit.gelukt
        assert uit.tekst.startswith("id: KLM-2025-003\nschool:\n") and 'naam: "Wouters"' in uit.tekst and "Van An." in uit.tekst


def test_the_class_and_its_school_year_are_one_unit() -> None:
    o = basis()
    mijn = o.replace("klas: 3A", "klas: 3B")
    hun = o.replace("klas_schooljaar: 2026-2027", "klas_schooljaar: 2025-2026")
    uit = voeg_samen(o, mijn, hun, PAD, CTX)
    [tegen] = uit.tegenspraken
    assert tegen.titel == "de klas (met haar schooljaar)" and tegen.paden == [("leerling", "klas"), ("leerling", "klas_schooljaar")]


def test_a_new_verslag_never_inherits_a_field_of_the_old_one() -> None:
    o = basis().replace("zichtbaar_in_diplon: true", "zichtbaar_in_diplon: false")
    nieuw = o.replace("  soort: GC\n  datum: 2025-05-20\n", "  soort: IAC\n  datum: 2026-11-10\n")
    zichtbaar = o.replace("zichtbaar_in_diplon: false", "zichtbaar_in_diplon: true")
    uit = voeg_samen(o, nieuw, zichtbaar, PAD, CTX)
    [tegen] = uit.tegenspraken
    assert tegen.titel == "het Verslag"
    mijn, hun = splits(uit.tekst)
    assert data(mijn)["verslag"]["zichtbaar_in_diplon"] is False and data(hun)["verslag"]["soort"] == "GC"
    # the same Verslag changed in two different fields merges by field
    typologie = o.replace("typologie: basisaanbod", "typologie: type 9")
    assert voeg_samen(o, typologie, zichtbaar, PAD, CTX).gelukt


def test_closing_against_continuing_is_one_question() -> None:
    o = basis()
    sluit = o.replace("fase: ondersteuning\n", "fase: afgesloten\n").replace("    einde: null\n", "    einde: 2026-11-20\n")
    sluit = sluit.replace("heropstarts: []", "heropstarts: []").replace(
        "    kansen: Noah leert zelf aangeven wanneer hij de software nodig heeft.\n",
        "    kansen: Noah leert zelf aangeven wanneer hij de software nodig heeft.\n  - datum: 2026-11-20\n    beslissing: afsluiten\n    reden: doelen_bereikt\n",
    )
    sluit = na_geschiedenis(sluit, "  - datum: 2026-11-20\n    fase: afgesloten\n    door: An Janssens\n")
    verder = o.replace("evaluatie_op: [2026-01-19, 2026-06-15, 2026-12-07]", "evaluatie_op: [2026-01-19, 2026-06-15, 2026-12-07, 2027-03-01]")
    uit = voeg_samen(o, sluit, verder, PAD, CTX)
    [tegen] = uit.tegenspraken
    assert tegen.titel.startswith("de fase en het traject")
    mijn, hun = splits(uit.tekst)
    assert data(mijn)["fase"] == "afgesloten" and data(hun)["fase"] == "ondersteuning"
    assert data(hun)["trajecten"][-1]["evaluatie_op"][-1].isoformat() == "2027-03-01"


def test_two_assignments_are_one_question_never_a_mixture() -> None:
    o = basis().replace("ondersteuner: Els Maes", "ondersteuner: null").replace("    einde: null\n", "    einde: 2026-06-30\n")
    o = o.replace("fase: ondersteuning\n", "fase: heropstart\n")

    def toewijzing(wie: str, vorm: str) -> str:
        return o.replace("ondersteuner: null", f"ondersteuner: {wie}").replace(
            "    evaluatie_op: [2026-01-19, 2026-06-15, 2026-12-07]\n",
            f"    evaluatie_op: [2026-01-19, 2026-06-15, 2026-12-07]\n  - vorm: {vorm}\n    start: 2026-11-20\n",
        )

    uit = voeg_samen(o, toewijzing("Els Maes", "light"), toewijzing("Sofie Lambrechts", "medium"), PAD, CTX)
    [tegen] = uit.tegenspraken
    mijn, hun = (data(x) for x in splits(uit.tekst))
    assert (mijn["ondersteuner"], mijn["trajecten"][-1]["vorm"]) == ("Els Maes", "light")
    assert (hun["ondersteuner"], hun["trajecten"][-1]["vorm"]) == ("Sofie Lambrechts", "medium")


def test_a_case_both_created_same_pupil_is_one_whole_question_two_pupils_never_merge() -> None:
    o = basis()
    zelfde = o.replace("ankerpersoon: An Janssens", "ankerpersoon: Els Maes")
    uit = voeg_samen("", o, zelfde, PAD, CTX)
    assert uit.heel and not uit.gelukt
    conflict = Conflict(PAD, uit.tekst, str(PAD), nieuw=True)
    [keuze] = conflict.keuzes()
    assert keuze.soort == "heel"
    conflict.kies(keuze, "hun")
    assert conflict.tekst(None, dt.date(2026, 11, 24)) == zelfde
    ander = o.replace("voornaam: Noah", "voornaam: Lien").replace("geboortedatum: 2017-06-02", "geboortedatum: 2017-02-11")
    uit = voeg_samen("", o, ander, PAD, CTX)
    assert uit.andere_leerling and not uit.gelukt
    assert Conflict(PAD, uit.tekst, str(PAD), nieuw=True).andere_leerling


def test_the_explanation_shows_every_value_whole() -> None:
    o = basis()
    lang = "Noah " + " ".join(f"woord{i}" for i in range(40)) + " einde."
    uit = voeg_samen(o, o.replace("vraag: Hoe laat", f"vraag: {lang} Hoe laat"), o.replace("vraag: Hoe laat", "vraag: Kort. Hoe laat"), PAD, CTX)
    [keuze] = Conflict(PAD, uit.tekst, str(PAD)).keuzes()
    assert keuze.mijn[0].endswith("einde. Hoe laat de klasleerkracht Noah met dyslexie zelfstandig toetsen maken?")


def test_the_driver_never_reports_a_clean_merge_of_a_broken_case(tmp_path: Path) -> None:
    from leersteun.editing.merge import driver

    o, a, b = (tmp_path / n for n in ("o", "a", "b"))
    o.write_text(basis(), encoding="utf-8")
    a.write_text(basis().replace("klas: 3A", "klas: [3B"), encoding="utf-8")  # not YAML
    b.write_text(basis().replace("gemeente: Geel", "gemeente: Mol"), encoding="utf-8")
    assert driver(o, a, b, "cases/KLM-2025-003.yaml") == 1
    a.write_text(basis() + "\n<<<<<<< mijn versie\nx: 1\n=======\nx: 2\n>>>>>>> hun versie\n", encoding="utf-8")
    assert driver(o, a, b, "cases/KLM-2025-003.yaml") == 1


def test_a_comment_typed_beside_a_line_the_other_changed_stays() -> None:
    o = basis()
    commentaar = o.replace("ankerpersoon: An Janssens\n", "# LET OP: ankerpersoon wisselt in januari\nankerpersoon: An Janssens\n")
    fase = o.replace("fase: ondersteuning\n", "fase: afgesloten\n").replace("    einde: null\n", "    einde: 2026-11-20\n")
    fase = na_geschiedenis(fase, "  - datum: 2026-11-20\n    fase: afgesloten\n    door: An Janssens\n")
    fase = fase.replace("    kansen: Noah leert zelf aangeven wanneer hij de software nodig heeft.\n",
                        "    kansen: Noah leert zelf aangeven wanneer hij de software nodig heeft.\n  - datum: 2026-11-20\n    beslissing: afsluiten\n    reden: doelen_bereikt\n")  # fmt: skip
    for a, b in ((commentaar, fase), (fase, commentaar)):
        uit = voeg_samen(o, a, b, PAD, CTX)
        assert uit.gelukt, uit.fouten
        assert "fase: afgesloten\n# LET OP: ankerpersoon wisselt in januari\nankerpersoon: An Janssens\n" in uit.tekst
