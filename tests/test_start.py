"""Starting a command: what it costs before it reads a case (issue 15). The start itself is
measured by hand (benchmarks/help.py, overzicht.py); here: that the savings stay in place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _python(code: str, cwd: Path | None = None, **omgeving: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | omgeving
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


def test_an_overview_loads_no_package_metadata_and_collects_cycles_rarely(voorbeeld: Path) -> None:
    """pydantic's plugin loader imports importlib.metadata (10 ms) for plugins that are off;
    the cycle collector walked the start's objects over and over (8 % of the start)."""
    code = (
        "import gc, sys\nfrom leersteun.cli import main, ZELDEN\n"
        "sys.argv = ['leersteun', 'overzicht', '--formaat', 'csv', '--uit', 'out/o.csv']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print('importlib.metadata' in sys.modules, gc.get_threshold()[0] == ZELDEN)"
    )
    assert _python(code, voorbeeld).splitlines()[-1] == "False True"


def test_the_stand_in_for_the_plugin_loader_hands_on_every_other_name() -> None:
    code = (
        "import sys, leersteun\nimport pydantic.plugin._loader as l\n"
        "print(l.get_plugins() == (), l.PYDANTIC_ENTRY_POINT_GROUP, hasattr(sys.modules['pydantic.plugin._loader'], '__file__'))"
    )
    assert _python(code) == "True pydantic True"  # the real loader, loaded when a name besides get_plugins was asked


def test_a_plugin_a_user_leaves_on_is_looked_for_as_pydantic_does() -> None:
    code = (
        "import sys, leersteun\nfrom leersteun.rules.model import Dossier\nDossier.model_rebuild()\n"
        "print(type(sys.modules['pydantic.plugin._loader']).__name__, 'importlib.metadata' in sys.modules)"
    )
    assert _python(code, PYDANTIC_DISABLE_PLUGINS="een_plugin") == "module True"
    assert _python(code) == "_GeenPlugins False"
