"""The package's one direction of flow (ARCHITECTURE.md): the sub-packages are the layers, in
this order, and a module imports only modules of its own layer or of one before it; no import
circle anywhere. Imports inside functions count too."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1] / "leersteun"

# The layers, as folders of the package, in the order of the flow.
LAGEN = ["core", "files", "rules", "reading", "editing", "outputs", "terminal", "cli"]
# The CLI's own modules, in their order: each imports only those before it (the command
# modules, last, import none of each other).
CLI = ["cli.fouten", "cli.voltooien", "cli.kern", "cli.gemeen", "cli.dossiers", "cli.traject", "cli.heropstart", "cli.doelen", "cli.overzicht", "cli.team"]


def _naam(pad: Path) -> str:
    """A module's name below leersteun: `files.store`, `cli.kern`; a package by its folder."""
    delen = pad.relative_to(PAKKET).with_suffix("").parts
    return ".".join(delen[:-1]) if delen[-1] == "__init__" and len(delen) > 1 else ".".join(delen)


def _geimporteerd(module: str, naam: str, modules: set[str]) -> set[str]:
    """`from leersteun.cli import kern` -> cli.kern; `from leersteun.files.store import x` -> files.store."""
    binnen = module.removeprefix("leersteun").removeprefix(".")
    sub = f"{binnen}.{naam}" if binnen else naam
    if sub in modules:
        return {sub}
    return {binnen} if binnen in modules else set()


@functools.cache  # parsed once per run; the tests only read it
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
                namen |= {a.name.removeprefix("leersteun.") for a in knoop.names if a.name.removeprefix("leersteun.") in modules}
        uit[naam] = namen - {naam, "__init__"}
    return uit


def laag(module: str) -> int:
    """The layer of a module: its folder; the package's own __init__ and __main__ are the CLI."""
    map_ = module.split(".")[0]
    return LAGEN.index(map_) if map_ in LAGEN else LAGEN.index("cli")


def test_every_module_is_in_a_layer_folder() -> None:
    los = [m for m in imports() if "." not in m and m not in ("__init__", "__main__", *LAGEN)]
    assert not los, f"modules outside a layer folder: {los}"
    assert {p.name for p in PAKKET.iterdir() if p.is_dir() and (p / "__init__.py").exists()} == set(LAGEN)


def test_no_upward_import() -> None:
    omhoog = [f"{m} -> {d}" for m, ds in imports().items() for d in ds if laag(d) > laag(m)]
    assert not omhoog


def test_a_layer_package_imports_nothing() -> None:
    """The folders' __init__ only describe the layer: importing one module never loads the others."""
    assert not [m for m in LAGEN if m != "cli" and imports()[m]]


def test_the_cli_modules_import_only_those_before_them() -> None:
    alle = imports()
    assert {m for m in alle if m.startswith("cli.")} == set(CLI)
    achteruit = [f"{m} -> {d}" for i, m in enumerate(CLI) for d in alle[m] if d in CLI and CLI.index(d) >= i]
    assert not achteruit
    assert not [f"{m} -> cli" for m in CLI if "cli" in alle[m]]  # never the package, which imports them all


def test_no_import_circle() -> None:
    graaf = imports()
    bezig: set[str] = set()
    klaar: set[str] = set()

    def bezoek(m: str, pad: list[str]) -> None:
        if m in klaar:
            return
        assert m not in bezig, " -> ".join([*pad[pad.index(m) :], m])
        bezig.add(m)
        for d in sorted(graaf[m]):
            bezoek(d, [*pad, m])
        bezig.discard(m)
        klaar.add(m)

    for m in sorted(graaf):
        bezoek(m, [])


def test_architecture_md_names_every_module_and_layer() -> None:
    tekst = (PAKKET.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    ontbreekt = [m for m in imports() if not m.startswith("__") and m not in LAGEN and f"`{m.split('.')[-1]}.py`" not in tekst]
    ontbreekt += [f"{m}/" for m in LAGEN if f"`{m}/`" not in tekst]
    assert not ontbreekt


def test_outputs_and_terminal_never_import_editing() -> None:
    """editing/ only changes cases; the facts the outputs and the dialogues show are derived in
    rules/. The source is scanned, so an import inside a function (or under TYPE_CHECKING) counts."""
    bron = [p for map_ in ("outputs", "terminal") for p in sorted((PAKKET / map_).rglob("*.py"))]
    assert bron
    fout = []
    for pad in bron:
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            namen: list[str] = []
            if isinstance(knoop, ast.ImportFrom) and knoop.module:
                namen = [knoop.module] + [f"{knoop.module}.{a.name}" for a in knoop.names]
            elif isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            if any(n == "leersteun.editing" or n.startswith("leersteun.editing.") for n in namen):
                fout.append(f"{pad.relative_to(PAKKET)}:{knoop.lineno}")
    assert not fout, f"outputs/ or terminal/ import editing/: {fout}"
