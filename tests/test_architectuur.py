"""The package's one direction of flow (ARCHITECTURE.md): each module imports only modules of
its own layer or of a layer before it, and no import circle anywhere. Imports inside
functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1] / "leersteun"

LAGEN = [
    ("basis", {"errors", "waarden", "tekst", "datums", "taal"}),
    ("bestanden", {"store"}),
    ("model", {"model", "invoer", "deadlines"}),
    ("regels", {"checks"}),
    ("lezen", {"folder", "snel", "dossiers", "validatie", "gitops"}),
    ("bewerken", {"bewerk", "trajectory", "schooljaar", "goals", "heropstart", "mensen", "verslag", "diplon", "archief", "merge", "delen"}),
    ("uitvoer", {"anoniem", "overview", "grafiek", "fiche", "render", "formats", "mail", "ics", "weergave"}),
    ("terminal", {"vragen", "checklist_ui", "doel_ui"}),
    ("cli", {"cli", "__main__", "__init__"}),
]


def imports() -> dict[str, set[str]]:
    modules = {p.stem for p in PAKKET.glob("*.py")}
    uit: dict[str, set[str]] = {}
    for pad in PAKKET.glob("*.py"):
        namen: set[str] = set()
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.ImportFrom) and knoop.module:
                if knoop.module.startswith("leersteun."):
                    namen.add(knoop.module.split(".")[1])
                elif knoop.module == "leersteun":
                    namen |= {a.name for a in knoop.names}
            elif isinstance(knoop, ast.Import):
                namen |= {a.name.split(".")[1] for a in knoop.names if a.name.startswith("leersteun.")}
        uit[pad.stem] = (namen & modules) - {pad.stem, "__init__"}
    return uit


def test_every_module_has_a_layer() -> None:
    ingedeeld = set().union(*(m for _, m in LAGEN))
    assert set(imports()) == ingedeeld


def test_no_upward_import() -> None:
    laag = {m: i for i, (_, ms) in enumerate(LAGEN) for m in ms}
    omhoog = [f"{m} ({LAGEN[laag[m]][0]}) -> {d} ({LAGEN[laag[d]][0]})" for m, ds in imports().items() for d in ds if laag[d] > laag[m]]
    assert not omhoog


def test_no_import_circle() -> None:
    graaf = imports()
    bezig: set[str] = set()
    klaar: set[str] = set()

    def bezoek(m: str, pad: list[str]) -> None:
        if m in klaar:
            return
        assert m not in bezig, " -> ".join([*pad[pad.index(m):], m])
        bezig.add(m)
        for d in sorted(graaf[m]):
            bezoek(d, [*pad, m])
        bezig.discard(m)
        klaar.add(m)

    for m in sorted(graaf):
        bezoek(m, [])


def test_architecture_md_names_every_module() -> None:
    tekst = (PAKKET.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert all(f"`{m}.py`" in tekst for m in imports() if not m.startswith("__")), [m for m in imports() if f"`{m}.py`" not in tekst]
