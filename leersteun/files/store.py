"""Reading and writing YAML files without ever damaging them.

- `lees(pad)` loads a file with ruamel's round-trip loader into a `YamlBestand`: the
  `CommentedMap` stays the source of truth (comments, order, quoting) and carries the
  positions used to report errors as `file:line:column`.
- `bewaar(bestand)` writes back only the lines that changed: it dumps the original and the
  changed document the same way, and applies the difference between those two dumps to the
  user's own text (a three-way line merge). A file in any indentation style therefore keeps
  every untouched line byte for byte; a load-then-save without change writes nothing.
- Writes are atomic (`schijf.schrijf_atomisch`: temp file in the same folder, fsync, rename)
  and refused when the file changed on disk since it was read.

This module knows nothing about cases or trajectories.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from leersteun.core.errors import Bevinding, Fout, OngeldigBestand
from leersteun.core.tekst import CONFLICTTEKEN, teken_uitleg
from leersteun.files.schijf import MAX_GROOTTE, lees_begrensd, niet_geschreven, schrijf_atomisch, schrijfslot, toon

HUISSTIJL = (2, 4, 2)  # mapping, sequence, offset: the style of voorbeeld-dossier.yaml
MAX_DIEPTE = 64  # levels of nesting; a case file has about six, ruamel needs seconds to fail on thousands


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps an impossible date (2015-02-30) as text, so that
    validation reports it with its position instead of the loader crashing."""


_DATUM_VOLUIT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[Tt ].*)?")


def _timestamp(constructor: _Constructor, node: Any) -> Any:
    # YAML also reads 2015-3-4 as a date; the format says JJJJ-MM-DD, so keep it as text and
    # let validation say how to write it.
    if not _DATUM_VOLUIT.fullmatch(str(node.value)):
        return constructor.construct_scalar(node)
    try:
        return RoundTripConstructor.construct_yaml_timestamp(constructor, node)
    except ValueError:
        return constructor.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _int(constructor: _Constructor, node: Any) -> Any:
    # No case holds a number of more than a few digits: keep a huge one as text (Python
    # refuses to convert more than 4300 digits), so validation reports it with its position.
    if len(str(node.value)) > 30:
        return constructor.construct_scalar(node)
    return RoundTripConstructor.construct_yaml_int(constructor, node)


_Constructor.add_constructor("tag:yaml.org,2002:int", _int)


def _represent_none(representer: Any, _data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _represent_str(representer: Any, data: str) -> Any:
    # ruamel writes '?0' or ':x' plain, and reads them back inside [..] as a mapping: quote them.
    if data[:1] in ("?", ":", "-") and not data.lstrip("-").isdigit():
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return representer.represent_str(data)


def maak_yaml(stijl: tuple[int, int, int] = HUISSTIJL) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_duplicate_keys = False
    mapping, sequence, offset = stijl
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(type(None), _represent_none)
    yaml.representer.add_representer(str, _represent_str)
    # One date object used twice must not become an anchor and alias (&id001 / *id001).
    yaml.representer.ignore_aliases = lambda _data: True
    return yaml


def dump(data: Any, stijl: tuple[int, int, int] = HUISSTIJL) -> str:
    out = io.StringIO()
    maak_yaml(stijl).dump(data, out)
    return out.getvalue()


# ---------------------------------------------------------------------------- the loaded file


@dataclass
class YamlBestand:
    """A YAML file as read: its exact bytes and the round-trip data to edit."""

    pad: Path
    ruw: bytes
    tekst: str  # decoded, without BOM, with \n line endings
    data: CommentedMap
    crlf: bool = False
    bom: bool = False
    eindes: list[str] = field(default_factory=list)  # each line's own ending (\n, \r\n or \r)
    toon_pad: str = ""  # the path as shown to the user
    # a pristine copy of `data` as read (copying costs a tenth of parsing the text again)
    origineel: Any = field(default=None, repr=False)
    _stijl: tuple[int, int, int] | None = field(default=None, repr=False)

    def positie(self, loc: tuple, sleutel: bool = False) -> tuple[int, int]:
        return positie(self.data, loc, sleutel)

    def bevinding(self, loc: tuple, boodschap: str, ernst: str = "fout", sleutel: bool = False) -> Bevinding:
        regel, kolom = self.positie(loc, sleutel)
        return Bevinding(self.toon_pad or str(self.pad), regel, kolom, boodschap, ernst)


def _regel_kolom(tekst: str, offset: int) -> tuple[int, int]:
    regel = tekst.count("\n", 0, offset) + 1
    begin = tekst.rfind("\n", 0, offset) + 1
    return regel, offset - begin + 1


_CONFLICT = re.compile(CONFLICTTEKEN, re.M)
# What ruamel's reader refuses anywhere in a file (YAML's printable set, with NEL).
_GEEN_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def lees(pad: Path, toon_pad: str | None = None) -> YamlBestand:
    """Load a YAML file for editing. Raises `OngeldigBestand` with positioned findings."""
    getoond = toon_pad or toon(pad)

    def fout(regel: int, kolom: int, boodschap: str) -> OngeldigBestand:
        return OngeldigBestand(getoond, [Bevinding(getoond, regel, kolom, boodschap)])

    if pad.is_symlink():
        doel = pad.resolve()
        if pad.parent.resolve() not in doel.parents:
            raise fout(1, 1, f"is een koppeling naar een bestand buiten de map ({doel}); leersteun volgt die niet. Zet het dossier zelf in de map")
    ruw = lees_begrensd(pad, getoond, MAX_GROOTTE, lambda boodschap: fout(1, 1, boodschap))
    bom = ruw.startswith(b"\xef\xbb\xbf")
    try:
        tekst = ruw[3:].decode("utf-8") if bom else ruw.decode("utf-8")
    except UnicodeDecodeError as e:
        voor = ruw[: e.start].decode("utf-8", errors="replace")
        regel, kolom = _regel_kolom(voor + "?", len(voor))
        raise fout(
            regel, kolom, "dit bestand is geen UTF-8-tekst; bewaar het opnieuw als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8)"
        ) from None
    eindes = _EINDE.findall(tekst)
    crlf = "\r\n" in eindes
    if any(e != "\n" for e in eindes):
        tekst = _EINDE.sub("\n", tekst)
    if "\x00" in tekst:
        regel, kolom = _regel_kolom(tekst, tekst.index("\x00"))
        raise fout(regel, kolom, "het bestand bevat een NUL-teken: het is geen tekstbestand")
    conflict = _CONFLICT.search(tekst)
    if conflict:
        regel, _ = _regel_kolom(tekst, conflict.start())
        raise fout(
            regel,
            1,
            "git-mergeconflict: het bestand bevat nog conflicttekens (<<<<<<<, =======, >>>>>>>). "
            f"Kies welke versie blijft met 'leersteun conflict {pad.stem}' (of met de hand: "
            "kies per blok, verwijder de tekens en voer 'leersteun valideer' uit)",
        )
    if not tekst.strip() or all(r.lstrip().startswith("#") or not r.strip() for r in tekst.splitlines()):
        raise fout(1, 1, "het bestand is leeg; vul het aan zoals in het voorbeelddossier of verwijder het")
    data = ontleed(tekst, getoond)
    return YamlBestand(pad, ruw, tekst, data, crlf=crlf, bom=bom, toon_pad=getoond, eindes=eindes, origineel=copy.deepcopy(data))


_EINDE = re.compile(r"\r\n|\r|\n")


def met_eindes(nieuw: str, oud: str, eindes: list[str]) -> str:
    """`nieuw` (with \n) with the line endings of the file it replaces: every line kept from
    the old text keeps its own ending, a new line takes the ending most lines have."""
    if all(e == "\n" for e in eindes):
        return nieuw
    from collections import Counter

    meest = Counter(eindes).most_common(1)[0][0]
    oud_l, nieuw_l = oud.split("\n"), nieuw.split("\n")
    einde = [meest] * len(nieuw_l)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, oud_l, nieuw_l, autojunk=False).get_opcodes():
        for k in range(j2 - j1):
            if tag in ("equal", "replace") and i1 + k < min(i2, len(eindes)):
                einde[j1 + k] = eindes[i1 + k]  # a kept or changed line keeps its ending
            elif 0 < i1 <= len(eindes):
                einde[j1 + k] = eindes[i1 - 1]  # a new line: the ending of the line before it
    return "".join(regel + (einde[i] if i < len(nieuw_l) - 1 else "") for i, regel in enumerate(nieuw_l))


def te_diep(tekst: str, grens: int = MAX_DIEPTE) -> tuple[int, int] | None:
    """Where the nesting of brackets, indentation or '- - -' goes past `grens` levels
    (1-based line and column), or None. Quoted text and comments do not count."""
    if tekst.count("[") + tekst.count("{") + tekst.count("- ") > grens:
        diepte = 0
        for nummer, regel in enumerate(tekst.split("\n"), start=1):
            inspringing = len(regel) - len(regel.lstrip(" -"))
            if inspringing > 2 * grens:
                return nummer, 2 * grens
            aanhaling = ""
            for kolom, teken in enumerate(regel, start=1):
                if aanhaling:
                    aanhaling = "" if teken == aanhaling else aanhaling
                elif teken in "'\"":
                    aanhaling = teken
                elif teken == "#" and (kolom == 1 or regel[kolom - 2] in " \t"):
                    break
                elif teken in "[{":
                    diepte += 1
                    if diepte > grens:
                        return nummer, kolom
                elif teken in "]}":
                    diepte = max(0, diepte - 1)
    return None


def ontleed(tekst: str, getoond: str) -> CommentedMap:
    """Parse YAML text (already decoded, \n line endings) into round-trip data."""

    def fout(regel: int, kolom: int, boodschap: str) -> OngeldigBestand:
        return OngeldigBestand(getoond, [Bevinding(getoond, regel, kolom, boodschap)])

    diep = te_diep(tekst)
    if diep is not None:  # refused at once: ruamel would recurse for seconds before it gives up
        raise fout(*diep, f"het bestand is te diep genest om te lezen (meer dan {MAX_DIEPTE} niveaus); een dossier heeft er een handvol")
    try:
        with warnings.catch_warnings():  # ruamel's English warnings (a reused anchor): anchors are reported in Dutch below
            warnings.simplefilter("ignore")
            data = maak_yaml().load(tekst)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        boodschap = yaml_boodschap(e)
        opener = e.context_mark
        context = str(e.context or "")
        if opener is not None and mark is not None and ("flow" in context or "quoted scalar" in context) and opener.line != mark.line:
            # an unclosed [ { or quote: point at where it opens, as Python does; name both lines
            boodschap += f" (opgemerkt op regel {mark.line + 1})"
            mark = opener
        regel, kolom = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fout(regel, kolom, boodschap) from None
    except YAMLError as e:
        teken = _GEEN_YAML.search(tekst)  # a character the YAML reader refuses (U+FFFF, a raw control): where it is
        if teken is not None:
            raise fout(
                *_regel_kolom(tekst, teken.start()),
                f"het bestand bevat {teken_uitleg(teken.group())}, een onzichtbaar of ongeldig teken; verwijder het (staat het in een naam of notitie: typ die opnieuw)",
            ) from None
        raise fout(1, 1, f"dit is geen geldige YAML (de lezer meldt: {e})") from None
    except RecursionError:
        raise fout(1, 1, "het bestand is te diep genest om te lezen") from None
    except ValueError as e:
        raise fout(1, 1, f"een waarde kan niet gelezen worden ({e}); controleer getallen en datums") from None
    if not isinstance(data, CommentedMap):
        raise fout(1, 1, "verwacht een groep sleutels (zoals 'id: ...' op de eerste regel), geen losse waarde of lijst")
    bevindingen = _vreemde_knopen(data, getoond)
    if bevindingen:
        raise OngeldigBestand(getoond, bevindingen)
    return data


def yaml_boodschap(e: MarkedYAMLError) -> str:
    """A Dutch explanation for the most common YAML mistakes."""
    probleem = f"{e.problem or ''} {e.context or ''}"
    if "'\\t'" in probleem or "\t" in probleem:
        return "tab gevonden: YAML springt in met spaties, niet met tabs; vervang de tab door spaties"
    if "duplicate key" in probleem:
        m = re.search(r'duplicate key "([^"]*)"', probleem)
        eerste = f" (eerst op regel {e.context_mark.line + 1})" if e.context_mark else ""
        naam = f"'{m.group(1)}' " if m else ""
        return f"sleutel {naam}staat twee keer in dezelfde groep{eerste}; hou er één over"
    if "flow sequence" in probleem or "flow mapping" in probleem:
        return "een lijst [ ... ] of groep { ... } is hier geopend maar niet correct afgesloten; controleer de haakjes en komma's"
    if "mapping values are not allowed" in probleem:
        return "onverwachte ':' in een waarde; zet de waarde tussen aanhalingstekens, of controleer de inspringing"
    if "could not find expected ':'" in probleem:
        return "verwacht 'sleutel: waarde' maar er ontbreekt een ':'"
    if "quoted scalar" in probleem:
        return "een aanhalingsteken wordt niet afgesloten; sluit de tekst af met hetzelfde teken (' of \")"
    if "end of stream" in probleem or "<stream end>" in probleem or "flow node" in probleem:
        return "een aanhalingsteken of haakje wordt niet afgesloten"
    if "expected <block end>" in probleem or "did not find expected" in probleem or "node content" in probleem:
        return "de inspringing klopt niet: sleutels op hetzelfde niveau moeten precies onder elkaar staan"
    if "found character" in probleem and "cannot start any token" in probleem:
        m = re.search(r"found character '([^']*)'", probleem)
        teken = m.group(1) if m else "?"
        return f"het teken '{teken}' mag hier niet staan; zet de waarde tussen aanhalingstekens"
    if "found undefined alias" in probleem:
        return "verwijzing (*...) naar een anker dat niet bestaat; aliassen horen niet in een dossier"
    return f"dit is geen geldige YAML; controleer de inspringing, haakjes en aanhalingstekens op deze plaats (de lezer meldt: {probleem.strip()})"


def _vreemde_knopen(data: Any, getoond: str) -> list[Bevinding]:
    """Refuse YAML tags (such as !!python/object) and aliases: a case is plain data."""
    gevonden: list[Bevinding] = []
    gezien: set[int] = set()

    def bezoek(node: Any, pos: tuple[int, int], waar: tuple[int, int]) -> None:
        # pos: where the value starts; waar: its key or list item (an alias shares its
        # anchor's position, so the key is the only place that points at the alias itself)
        if isinstance(node, TaggedScalar) or (isinstance(node, (CommentedMap, CommentedSeq)) and getattr(node.tag, "value", None)):
            tag = node.tag.value if hasattr(node.tag, "value") else node.tag
            gevonden.append(Bevinding(getoond, pos[0] + 1, pos[1] + 1, f"YAML-tag '{tag}' is niet toegestaan; schrijf gewone waarden zonder '!'"))
            return
        if _anders_gelezen(node):
            # 0017, 0x1F, 0o17, 1_000, .inf: YAML turns them into another number than was written
            gevonden.append(
                Bevinding(
                    getoond,
                    pos[0] + 1,
                    pos[1] + 1,
                    "dit getal leest YAML anders dan het er staat (zoals 0017, 0x1F of .inf); is het tekst, zet het dan tussen aanhalingstekens, zoals '0017'",
                )
            )
            return
        if not isinstance(node, _GEWOON) or type(node).__name__ == "CommentedOrderedMap":  # !!set, !!omap, !!binary, ...: not plain data
            gevonden.append(
                Bevinding(
                    getoond, pos[0] + 1, pos[1] + 1, "deze YAML-vorm (zoals !!set of !!omap) is niet toegestaan; schrijf een gewone lijst of groep sleutels"
                )
            )
            return
        if isinstance(node, CommentedMap) and getattr(node, "merge", None):
            gevonden.append(Bevinding(getoond, waar[0] + 1, waar[1] + 1, "een samenvoegsleutel '<<' is niet toegestaan; schrijf de sleutels voluit"))
            return
        if isinstance(node, (CommentedMap, CommentedSeq)):
            if id(node) in gezien:
                gevonden.append(
                    Bevinding(getoond, waar[0] + 1, waar[1] + 1, "aliassen (&anker en *verwijzing) zijn niet toegestaan; schrijf de waarden voluit")
                )
                return
            gezien.add(id(node))
            if isinstance(node, CommentedMap):
                for k, v in node.items():
                    if isinstance(k, (TaggedScalar, CommentedMap, CommentedSeq)):
                        gevonden.append(Bevinding(getoond, *_plus1(node.lc.key(k)), "een sleutel moet gewone tekst zijn"))
                        continue
                    bezoek(v, node.lc.value(k), node.lc.key(k))
            else:
                for i, v in enumerate(node):
                    bezoek(v, node.lc.item(i), node.lc.item(i))

    bezoek(data, (0, 0), (0, 0))
    return gevonden


def _anders_gelezen(node: Any) -> bool:
    """A number YAML reads as another value than is written: 0017 (17), 0x1F, 0o17, 1_000, .inf."""
    if isinstance(node, float):
        return not math.isfinite(node)
    if not isinstance(node, int) or type(node) in (int, bool):
        return False
    if type(node).__name__ != "ScalarInt" or getattr(node, "_underscore", None):
        return True  # HexInt, OctalInt, BinaryInt, or with underscores
    breedte = getattr(node, "_width", None)
    return breedte is not None and breedte != len(str(abs(int(node))))  # leading zeros


_GEWOON = (CommentedMap, CommentedSeq, str, bool, int, float, dt.date, type(None))


def _plus1(pos: tuple[int, int]) -> tuple[int, int]:
    return pos[0] + 1, pos[1] + 1


def positie(data: Any, loc: tuple, sleutel: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the value at `loc`; of its key when `sleutel`.

    Walks as far as the data goes: for a missing key this is the key of the enclosing group.
    """
    node = data
    pos = (0, 0)
    for i, part in enumerate(loc):
        laatste = i == len(loc) - 1
        try:  # a value added by the tool has no position yet: keep the nearest known one
            if isinstance(node, CommentedMap) and part in node:
                kind = node[part]
                if laatste and sleutel:
                    nieuw = node.lc.key(part)
                elif not laatste and isinstance(kind, (CommentedMap, CommentedSeq)):
                    nieuw = node.lc.key(part)  # the key's own line reads best for errors inside a group
                else:
                    nieuw = node.lc.value(part)
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                kind = node[part]
                nieuw = node.lc.item(part)
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
        if not (isinstance(nieuw, tuple) and len(nieuw) == 2 and None not in nieuw):
            break
        pos, node = nieuw, kind
    return _plus1(pos)


# Line breaks for the C parser (YAML 1.1), not for the round trip: in a comment they would
# shift every position after it (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR in UTF-8).
_REGELEINDES_1_1 = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


class Knopen:
    """The positions of a file's keys and values, from the tree of nodes that ruamel's C
    parser composes: a tenth of the time of the round trip, which also builds the data.
    For `valideer` on a whole folder: a valid case with a warning needs only where things
    are. `positie` answers as `positie(lees(pad).data, ...)` does (a differential test
    checks every key and item of the example cases and of generated ones)."""

    def __init__(self, tekst: str) -> None:
        self.wortel = YAML(typ="safe", pure=False).compose(tekst)

    @staticmethod
    def van(ruw: bytes) -> Knopen | None:
        """None where this cannot stand in for the round trip: no C parser, or bytes the
        fast read path would not take as they are (the caller reads them the slow way)."""
        try:
            from ruamel.yaml.cyaml import CParser  # noqa: F401 - only whether it is there
        except ImportError:  # pragma: no cover - a platform without ruamel.yaml.clib
            return None
        if ruw.startswith(b"\xef\xbb\xbf") or any(teken in ruw for teken in _REGELEINDES_1_1):
            return None
        try:
            return Knopen(ruw.decode("utf-8"))
        except (UnicodeDecodeError, YAMLError, ValueError):
            return None

    def positie(self, loc: tuple, sleutel: bool = False) -> tuple[int, int] | None:
        """None where the two parsers place it differently: a value left empty (`doelen:`)
        is where its key ends for the C parser, at the next line for the round trip."""
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        node = self.wortel
        pos = (0, 0)
        leeg = False  # the position is that of an empty value
        for i, part in enumerate(loc):
            laatste = i == len(loc) - 1
            if isinstance(node, MappingNode):
                paar = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part), None)
                if paar is None:
                    break
                k, kind = paar
                if (laatste and sleutel) or (not laatste and isinstance(kind, (MappingNode, SequenceNode))):
                    merk = k.start_mark
                else:
                    merk = kind.start_mark
            elif isinstance(node, SequenceNode) and isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(node.value):
                kind = node.value[part]
                merk = kind.start_mark
            else:
                break
            pos, node = (merk.line, merk.column), kind
            leeg = merk is kind.start_mark and isinstance(kind, ScalarNode) and kind.value == "" and not kind.style
        return None if pos != (0, 0) and leeg else _plus1(pos)


def gewoon(data: Any) -> Any:
    """Plain Python data (dict, list, str, ...) for comparing and validating."""
    if isinstance(data, dict):
        return {str(k): gewoon(v) for k, v in data.items()}
    if isinstance(data, list):
        return [gewoon(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    if isinstance(data, str):
        return str(data)
    if isinstance(data, int):
        return int(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, (dt.date, dt.datetime)):
        return data
    if isinstance(data, TaggedScalar):
        return str(data.value)
    return data


# ---------------------------------------------------------------------------- writing


def _lijnen(tekst: str) -> list[str]:
    return tekst.splitlines(keepends=True)


def _stijl_van(bestand: YamlBestand, origineel: Any) -> tuple[tuple[int, int, int], str]:
    """The dump style closest to the user's file, and the original dumped in it."""
    beste: tuple[float, tuple[int, int, int], str] | None = None
    for stijl in (HUISSTIJL, (2, 2, 0), (4, 4, 2), (2, 4, 0), (4, 6, 2), (4, 4, 0), (2, 2, 2)):
        tekst = dump(origineel, stijl)
        if tekst == bestand.tekst:
            return stijl, tekst
        score = difflib.SequenceMatcher(None, _lijnen(tekst), _lijnen(bestand.tekst), autojunk=False).ratio()
        if beste is None or score > beste[0]:
            beste = (score, stijl, tekst)
    assert beste is not None
    return beste[1], beste[2]


def _inspringing(regel: str) -> int:
    return len(regel) - len(regel.lstrip(" "))


def _verschuif(regel: str, delta: int) -> str:
    if delta > 0:
        return " " * delta + regel
    if delta < 0:
        return regel[min(-delta, _inspringing(regel)) :]
    return regel


def _kern(regel: str) -> str:
    return " ".join(regel.split())


def samenvoegen(ruw: str, basis: str, nieuw: str) -> str | None:
    """Apply the line difference basis→nieuw to ruw, where ruw is basis in another layout.

    Lines of basis that ruw has with other spacing are matched too, and changed lines there
    take ruw's indentation. Returns None when a change cannot be placed.
    """
    r, b, n = _lijnen(ruw), _lijnen(basis), _lijnen(nieuw)
    naar_ruw: dict[int, tuple[int, int]] = {}  # basis line -> (ruw line, indentation delta)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, r, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1 and all(_kern(b[i1 + k]) == _kern(r[j1 + k]) for k in range(i2 - i1))):
            for k in range(i2 - i1):
                naar_ruw[i1 + k] = (j1 + k, _inspringing(r[j1 + k]) - _inspringing(b[i1 + k]))
    wijzigingen: list[tuple[int, int, list[str]]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, n, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:  # pure insertion: anchor after the previous line, or before the next
            anker = naar_ruw.get(i1 - 1)
            if anker is not None:
                begin, delta = anker[0] + 1, anker[1]
            elif i1 in naar_ruw:
                begin, delta = naar_ruw[i1]
            elif i1 == 0:
                begin, delta = 0, 0
            else:
                return None
            wijzigingen.append((begin, begin, [_verschuif(x, delta) for x in n[j1:j2]]))
            continue
        if any(k not in naar_ruw for k in range(i1, i2)):
            return None
        begin, einde = naar_ruw[i1][0], naar_ruw[i2 - 1][0] + 1
        if einde - begin != i2 - i1:
            return None
        delta = naar_ruw[i1][1]
        if all(naar_ruw[k][1] == 0 and b[k] == r[naar_ruw[k][0]] for k in range(i1, i2)):
            nieuwe = n[j1:j2]
        else:
            nieuwe = [_verschuif(x, delta) for x in n[j1:j2]]
        wijzigingen.append((begin, einde, nieuwe))
    uit: list[str] = []
    cursor = 0
    for begin, einde, nieuwe in sorted(wijzigingen, key=lambda w: (w[0], w[1])):
        if begin < cursor:
            return None
        uit.extend(r[cursor:begin])
        uit.extend(nieuwe)
        cursor = einde
    uit.extend(r[cursor:])
    return "".join(uit)


def nieuwe_tekst(bestand: YamlBestand) -> str:
    """The text to write for the (possibly changed) data, touching only changed lines."""
    origineel = bestand.origineel if bestand.origineel is not None else maak_yaml().load(bestand.tekst)
    if gewoon(origineel) == gewoon(bestand.data):
        return bestand.tekst
    stijl, basis = _stijl_van(bestand, origineel)
    nieuw = dump(bestand.data, stijl)
    if basis == bestand.tekst:
        return nieuw
    samen = samenvoegen(bestand.tekst, basis, nieuw)
    if samen is not None:
        try:
            if gewoon(maak_yaml().load(samen)) == gewoon(bestand.data):
                return samen
        except YAMLError:
            pass
    return nieuw


def nieuwe_bytes(bestand: YamlBestand) -> bytes | None:
    """The bytes `bewaar` would write (only the changed lines; the file's BOM and line ends
    kept), for a change of several files (`editing/wijziging.py`); None when nothing changed."""
    tekst = nieuwe_tekst(bestand)
    if tekst == bestand.tekst:
        return None
    return (b"\xef\xbb\xbf" if bestand.bom else b"") + met_eindes(tekst, bestand.tekst, bestand.eindes).encode("utf-8")


def bewaar(bestand: YamlBestand) -> bool:
    """Write the changed data back. Returns False when nothing changed (no write at all)."""
    tekst = nieuwe_tekst(bestand)
    if tekst == bestand.tekst:
        return False
    geschreven = met_eindes(tekst, bestand.tekst, bestand.eindes)
    ruw = (b"\xef\xbb\xbf" if bestand.bom else b"") + geschreven.encode("utf-8")
    try:
        with schrijfslot(bestand.pad.parent):
            try:
                op_schijf = bestand.pad.read_bytes()
            except FileNotFoundError:
                op_schijf = None
            if op_schijf != bestand.ruw:
                raise Fout(
                    f"{bestand.toon_pad}: het bestand is gewijzigd sinds leersteun het las "
                    "(door iemand anders of in een editor). Er is niets geschreven; voer de opdracht opnieuw uit."
                )
            schrijf_atomisch(bestand.pad, ruw)
    except OSError as e:
        raise Fout(f"{bestand.toon_pad}: {niet_geschreven(e)}") from None
    bestand.ruw = ruw
    bestand.eindes = _EINDE.findall(geschreven)
    bestand.tekst = tekst
    bestand.origineel = None  # the text changed: the next write parses it again
    return True


# ---------------------------------------------------------------------------- plain data as round-trip data


def flow_lijst(items: Any = ()) -> CommentedSeq:
    """A list written on one line: [2025-01-20, 2025-06-16] or []."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def als_yaml(waarde: Any) -> Any:
    """Plain data as round-trip data; short lists of words on one line ([leerkracht, ouders])."""
    if isinstance(waarde, dict):
        return CommentedMap((k, als_yaml(v)) for k, v in waarde.items())
    if isinstance(waarde, list):
        if all(isinstance(v, str) and len(v) < 40 for v in waarde):
            return flow_lijst(waarde)
        return CommentedSeq(als_yaml(v) for v in waarde)
    return waarde
