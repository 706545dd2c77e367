"""leersteun: dossiers, trajecten, heropstart en overzichten voor leersteuncentra."""

import os

__version__ = "0.1.0"

# leersteun uses no pydantic plugins. Looking for them reads the metadata of every installed
# package at the first model: 12 ms of every command (benchmarks/help.py, overzicht.py).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
