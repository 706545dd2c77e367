"""leersteun: dossiers, trajecten, heropstart en overzichten voor leersteuncentra."""

import os
import sys
import types

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing's flag, without importing typing for every command here
if TYPE_CHECKING:
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec

# leersteun uses no pydantic plugins. Looking for them reads the metadata of every installed
# package at the first model: 12 ms of every command (benchmarks/help.py, overzicht.py).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

_LOADER = "pydantic.plugin._loader"


class _GeenPlugins(types.ModuleType):
    """Stands in for pydantic's plugin loader while every plugin is off. The loader imports
    importlib.metadata (email, zipfile, csv: 10 ms of every command) to look for plugins
    that it then does not look for. Any name but `get_plugins` loads the real loader."""

    @staticmethod
    def get_plugins() -> tuple:
        return ()

    def __getattr__(self, naam: str) -> object:  # whatever the real loader has
        if naam.startswith("__"):
            raise AttributeError(naam)  # the import system asks for __path__ and the like
        import importlib

        _Vinder.aan = False
        if sys.modules.get(_LOADER) is self:
            del sys.modules[_LOADER]
        return getattr(importlib.import_module(_LOADER), naam)


class _Vinder:
    """Gives the stand-in when pydantic imports its plugin loader with every plugin off
    (pydantic's own test of PYDANTIC_DISABLE_PLUGINS); the real loader otherwise."""

    aan = True

    @classmethod
    def find_spec(cls, naam: str, pad: object = None, doel: object = None) -> "ModuleSpec | None":  # importlib's protocol
        if naam != _LOADER or not cls.aan or os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
            return None
        from importlib.machinery import ModuleSpec
        from typing import cast  # loaded by now: pydantic imports it

        return ModuleSpec(naam, cast("Loader", cls))  # the import system takes any object with these methods

    @staticmethod
    def create_module(spec: object) -> types.ModuleType:
        return _GeenPlugins(_LOADER)

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        pass


if _Vinder not in sys.meta_path:
    sys.meta_path.insert(0, _Vinder)
