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
    ("bewerken", {"bewerk", "aanmelding", "trajectory", "schooljaar", "goals", "heropstart", "mensen", "verslag", "diplon", "archief", "merge", "delen"}),
    ("uitvoer", {"anoniem", "overview", "grafiek", "fiche", "render", "formats", "mail", "ics", "weergave"}),
    ("terminal", {"vragen", "checklist_ui", "doel_ui"}),
    ("cli", {"cli", "__main__", "__init__"}),
]
# The CLI's own modules, in their order: each imports only those before it (the command
# modules, last, import none of each other).
CLI = ["cli.fouten", "cli.kern", "cli.gemeen", "cli.dossiers", "cli.traject", "cli.heropstart", "cli.doelen", "cli.overzicht", "cli.team"]


def _naam(pad: Path) -> str:
    """A module's name below leersteun: `store`, `cli.kern`; a package by its folder name."""
    delen = pad.relative_to(PAKKET).with_suffix("").parts
    return ".".join(delen[:-1]) if delen[-1] == "__init__" and len(delen) > 1 else ".".join(delen)


def _geimporteerd(module: str, naam: str, modules: set[str]) -> set[str]:
    """`from leersteun.cli import kern` -> cli.kern; `from leersteun.store import x` -> store."""
    binnen = module.removeprefix("leersteun").removeprefix(".")
    sub = f"{binnen}.{naam}" if binnen else naam
    if sub in modules:
        return {sub}
    return {binnen} if binnen in modules else set()


def imports() -> dict[str, set[str]]:
    paden = sorted(PAKKET.rglob("*.py"))
    modules = {_naam(p) for p in paden}
    uit: dict[str, set[str]] = {}
    for pad in paden:
        naam = _naam(pad)
        namen: set[str] = set()
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.module.split(".")[0] == "leersteun":
                for alias in knoop.names:
                    namen |= _geimporteerd(knoop.module, alias.name, modules)
            elif isinstance(knoop, ast.Import):
                namen |= {_naam_van(a.name, modules) for a in knoop.names if a.name.startswith("leersteun.")} - {None}
        uit[naam] = namen - {naam, "__init__"}
    return uit


def _naam_van(module: str, modules: set[str]) -> str | None:
    binnen = module.removeprefix("leersteun.")
    return binnen if binnen in modules else None


def laag_van(module: str) -> int:
    if module.startswith("cli."):
        return len(LAGEN) - 1
    return next(i for i, (_, ms) in enumerate(LAGEN) if module in ms)


def test_the_cli_modules_import_only_those_before_them() -> None:
    alle = imports()
    assert {m for m in alle if m.startswith("cli.")} == set(CLI)
    achteruit = [f"{m} -> {d}" for i, m in enumerate(CLI) for d in alle[m] if d in CLI and CLI.index(d) >= i]
    assert not achteruit
    assert not [f"{m} -> cli" for m in CLI if "cli" in alle[m]]  # never the package, which imports them all


def test_every_module_has_a_layer() -> None:
    ingedeeld = set().union(*(m for _, m in LAGEN)) | set(CLI)
    assert set(imports()) | {"__init__"} == ingedeeld


def test_no_upward_import() -> None:
    omhoog = [f"{m} -> {d}" for m, ds in imports().items() for d in ds if laag_van(d) > laag_van(m)]
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
    def bestand(m: str) -> str:
        return f"`{m.split('.')[-1]}.py`" if m != "cli" else "`cli/`"

    assert all(bestand(m) in tekst for m in imports() if not m.startswith("__")), [m for m in imports() if bestand(m) not in tekst]
