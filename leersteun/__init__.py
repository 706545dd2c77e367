"""leersteun: dossiers, trajecten, heropstart en overzichten voor leersteuncentra."""

__version__ = "0.1.0"
