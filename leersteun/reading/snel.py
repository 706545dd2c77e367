"""One way to read many cases (valideer, lijst, agenda, overzicht, completion): no cache.

Every file is parsed by a fast YAML parser (`yaml-rs`, Rust, about 50 µs per case) and
validated by the model and the error rules. Anything the fast path does not accept as it is
(a suspicious construct, a parse error, a model or rule error, or no `yaml-rs` on this
platform) goes through ruamel's round-trip path, the one that edits files: its messages and
exact `file:line:column` positions are the ones the user sees. So a file gives the same result
on both paths; `tests/reading/test_corpus.py` proves it with a differential test.

Nothing is stored outside the case folder's own files: no cache, no copy of pupils' data. A
`.leersteun-cache/` left by an older version is removed on the first read.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import Bevinding
from leersteun.reading.folder import Dossiermap
from leersteun.rules.model import GEEN_GETALLEN, Dossier
from leersteun.core.tekst import CONFLICTTEKEN

if TYPE_CHECKING:
    from leersteun.files.store import YamlBestand

OUDE_CACHE = ".leersteun-cache"  # written by versions before 0.9; held pupils' data


@dataclass
class Gelezen:
    """One case file as read: the data (when readable), the model (when valid), findings."""

    pad: Path
    bestand: YamlBestand | None
    dossier: Dossier | None
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def fouten(self) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.is_fout]

    @property
    def id(self) -> str:
        return self.dossier.id if self.dossier else self.pad.stem


# What the fast parser would read but the round-trip reader refuses or reads otherwise:
# anchors and aliases, tags (also standard ones such as !!str), merge keys, git conflict
# markers, NUL. Each pattern runs only when its characters occur at all (a plain `in` on the
# bytes): the fast path stays fast on ordinary files.
_TEKEN = re.compile(rb"(?:^|[\s\[{,:-])[&*!][^\s,\[\]{}]", re.M)
_CONFLICT = re.compile(CONFLICTTEKEN.encode(), re.M)
_SAMENVOEGEN = re.compile(rb"^[ \t-]*<<[ \t]*:", re.M)


def _verdacht(ruw: bytes) -> bool:
    return (
        b"\x00" in ruw
        or ruw.startswith(b"\xef\xbb\xbf")
        or ((b"&" in ruw or b"*" in ruw or b"!" in ruw) and _TEKEN.search(ruw) is not None)
        or ((b"<<<<<<<" in ruw or b"=======" in ruw or b">>>>>>>" in ruw) and _CONFLICT.search(ruw) is not None)
        or (b"<<" in ruw and _SAMENVOEGEN.search(ruw) is not None)
    )


def _laad(tekst: str) -> Any:
    """The fast parser; ruamel's C safe loader where yaml-rs is not installed."""
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - a platform without the wheel
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=False).load(tekst)
    return yaml_rs.loads(tekst)


def verwerk(pad: Path, ruw: bytes) -> tuple[Dossier | None, list[Bevinding]]:
    """Parse and check one case: (the valid model, or None with the errors)."""
    from leersteun.rules.checks import Context, controleer_dossier
    from leersteun.files.store import MAX_GROOTTE

    try:
        if len(ruw) > MAX_GROOTTE or _verdacht(ruw) or pad.is_symlink():
            raise ValueError("round-trip path")
        data = _laad(ruw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("round-trip path")  # several documents, a list, a scalar
        # A number where the case wants text (klas: 5) goes to the round trip, which sees how
        # it was written (0017, 0x1F, 1_000 and .inf are refused there).
        dossier = Dossier.model_validate(data, context={GEEN_GETALLEN: True})
        hier = Context().voor(pad)
        fouten = [m for regel in _regels() for m in regel(dossier, hier) if m[2] == "fout"]
        if not fouten:
            return dossier, []
    except (ValueError, TypeError, OverflowError, RecursionError, OSError):  # the round-trip path below says exactly what
        pass
    from leersteun.core.errors import OngeldigBestand
    from leersteun.files.store import lees, toon

    try:
        bestand = lees(pad, toon(pad))
    except OngeldigBestand as e:
        return None, e.bevindingen
    model, bevindingen = controleer_dossier(bestand, Context().voor(pad))
    fouten_ = [b for b in bevindingen if b.is_fout]
    return (model if not fouten_ else None), fouten_


def _regels() -> list[Callable]:
    from leersteun.rules.checks import DOSSIER_REGELS, _smart

    return [r for r in DOSSIER_REGELS if r is not _smart]  # SMART only warns


def lees_alle(map_: Dossiermap, voortgang: Callable[[int, int], Any] | None = None) -> Iterator[Gelezen]:
    """Every case of the folder, valid or with its errors, one at a time, in file order.

    Memory stays flat: only the list of file names and one case at a time are held."""
    from leersteun.reading.folder import dubbele_ids
    from leersteun.files.store import MAX_GROOTTE, toon

    oud = map_.pad / OUDE_CACHE
    if oud.is_dir() and not oud.is_symlink():
        shutil.rmtree(oud, ignore_errors=True)
    paden = map_.case_bestanden()
    dubbel = dubbele_ids(paden)
    for i, pad in enumerate(paden, start=1):
        if pad in dubbel:
            yield Gelezen(pad, None, None, [Bevinding(toon(pad), 1, 1, dubbel[pad])])
            continue
        try:
            with open(pad, "rb") as f:
                ruw = f.read(MAX_GROOTTE + 1)  # a larger file goes to the round-trip path, which refuses it
        except FileNotFoundError:
            continue  # removed while the folder was read
        except OSError:
            ruw = b""  # unreadable: the round-trip path says what is wrong
        yield Gelezen(pad, None, *verwerk(pad, ruw))
        if voortgang and i % 500 == 0:
            voortgang(i, len(paden))
    if voortgang:
        voortgang(len(paden), len(paden))
