"""Small, minimal edits of a case's round-trip data, and applying a change safely.

Edits only set leaves and append list items, so that `store.bewaar` writes just the lines
a change is about. `pas_toe` re-checks the whole case after the edit and refuses (writing
nothing) when the result would not be valid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from leersteun.core.errors import Fout
from leersteun.reading.snel import Geldig, Gelezen
from leersteun.rules.checks import Context, controleer_dossier
from leersteun.rules.model import Dossier

if TYPE_CHECKING:  # ruamel is loaded by the first edit, not by the commands that only read
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

# The order of the top-level keys in the format, to place a key a hand-written file lacks.
VOLGORDE = [
    "id", "vorig_dossier", "volgend_dossier", "leerling", "school", "verslag", "vorige_verslagen", "fase",
    "ankerpersoon", "ondersteuner", "vorige_ondersteuners", "clb_medewerker", "betrokkenen", "leervraag",
    "trajecten", "geschiedenis", "overleggen", "evaluaties", "diplon", "beeldvorming", "doelen", "heropstarts",
]  # fmt: skip
# The same for the groups inside a case that got new keys.
VOLGORDE_IN = {
    "leerling": ["voornaam", "naam", "geboortedatum", "klas", "klas_schooljaar", "niveau"],
    "verslag": ["soort", "datum", "typologie", "zichtbaar_in_diplon", "ontbindende_voorwaarde", "ontbindende_voorwaarde_beslist"],
}


def zonder_leeg(**velden: Any) -> CommentedMap:
    """A new mapping for a list item, in the given key order, leaving out None values."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap((k, v) for k, v in velden.items() if v is not None)


def lijst(data: CommentedMap, sleutel: str) -> CommentedSeq:
    """The list under `sleutel`, created (in format order) when missing or null."""
    from ruamel.yaml.comments import CommentedSeq

    huidig = data.get(sleutel)
    if isinstance(huidig, CommentedSeq):  # append with voeg_toe() to keep blank lines in place
        if not huidig:
            huidig.fa.set_block_style()  # `[]` becomes a block list when it gets items
        return huidig
    nieuw = CommentedSeq()
    if sleutel in data:
        data[sleutel] = nieuw
    else:
        positie = len(data)
        if sleutel in VOLGORDE:
            na = VOLGORDE[VOLGORDE.index(sleutel) + 1 :]
            positie = next((i for i, k in enumerate(data) if k in na), len(data))
        data.insert(positie, sleutel, nieuw)
    return nieuw


def zet_op_plaats(data: CommentedMap, sleutel: str, waarde: Any, volgorde: list[str] = VOLGORDE) -> None:
    """Set a key; a key the file lacks is inserted where the format puts it (not at the end)."""
    if sleutel in data:
        zet(data, sleutel, waarde)
        return
    positie = len(data)
    if sleutel in volgorde:
        na = volgorde[volgorde.index(sleutel) + 1 :]
        positie = next((i for i, k in enumerate(data) if k in na), len(data))
    data.insert(positie, sleutel, waarde)


def zet(data: CommentedMap, sleutel: str, waarde: Any) -> None:
    """Set a leaf only when it differs (so an unchanged value keeps its exact text)."""
    from ruamel.yaml.scalarstring import ScalarString

    oud = data.get(sleutel, _GEEN)
    if oud == waarde and isinstance(oud, bool) == isinstance(waarde, bool):
        return
    if isinstance(oud, ScalarString) and isinstance(waarde, str):
        waarde = type(oud)(waarde)  # keep the user's quoting style
    data[sleutel] = waarde


_GEEN = object()


def _staart(node: Any) -> tuple[CommentedMap, Any] | None:
    """The mapping and key whose comment token closes the text of `node` (deepest, last)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and node:
        sleutel = list(node)[-1]
        waarde = node[sleutel]
        if isinstance(waarde, (CommentedMap, CommentedSeq)) and waarde and not waarde.fa.flow_style():
            dieper = _staart(waarde[-1] if isinstance(waarde, CommentedSeq) else waarde)
            if dieper is not None:
                return dieper
        return node, sleutel
    return None


def _staart_token(node: Any) -> Any:
    """The comment token that closes the text of `node` (what follows its last line), or None."""
    plek = _staart(node)
    if plek is None:
        return None
    houder, sleutel = plek
    plaats = houder.ca.items.get(sleutel)
    token = plaats[2] if plaats and len(plaats) > 2 else None
    return token if token is not None and isinstance(token.value, str) else None


def neem_staart(node: Any) -> str:
    """Take away what follows the last line of `node` up to the next key: blank lines and the
    comments of the next section (its own end-of-line comment stays). Returns that text."""
    if isinstance(node, list):
        if not node:
            return ""
        node = node[-1]
    token = _staart_token(node)
    if token is None:
        return ""
    waarde = token.value
    kop, _, staart = waarde.partition("\n") if not waarde.startswith("\n") else ("", "\n", waarde[1:])
    if staart:
        token.value = kop + "\n"
    return staart


def geef_staart(node: Any, staart: str) -> None:
    """Put `staart` (from `neem_staart`) after the last line of `node`."""
    if not staart:
        return
    if isinstance(node, list):
        if not node:
            return
        node = node[-1]
    plek = _staart(node)
    if plek is None:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    houder, sleutel = plek
    eigen = _staart_token(node)
    if eigen is not None and not eigen.value.startswith("\n"):
        eigen.value = eigen.value.partition("\n")[0] + "\n" + staart  # keep its own end-of-line comment
        return
    houder.ca.items[sleutel] = [None, None, CommentToken("\n" + staart, CommentMark(0), None), None]


def voeg_toe(seq: CommentedSeq, item: Any) -> None:
    """Append `item`; blank lines and full-line comments that ended the list move below it.

    ruamel keeps what follows a list's last value (its end-of-line comment, then comment lines
    and blank lines up to the next key) in one token on that value. Left there, a new item
    would land after the blank line that separates two sections.
    """
    if not seq or _staart(item) is None:
        seq.append(item)
        return
    staart = neem_staart(seq)
    seq.append(item)
    geef_staart(item, staart)


def voeg_toe_aan(data: CommentedMap, sleutel: str, item: CommentedMap) -> int:
    """Add an entry to the list `sleutel` of `data`, in date order: an entry dated before
    the last one (a meeting entered a week late) goes to its place, after every entry not
    later than it; an entry without a date goes at the end. An entry of a list whose entries
    are told apart by id (meetings, evaluations, people, measures) gets its id
    (`identiteit.py`). Returns its place."""
    from leersteun.rules.identiteit import MET_ID, ids_in, nieuwe_id

    seq = lijst(data, sleutel)
    if sleutel in MET_ID and "id" not in item:
        item["id"] = nieuwe_id(sleutel, item, ids_in(seq))
    return voeg_op_datum(seq, item)


def voeg_op_datum(seq: CommentedSeq, item: Any) -> int:
    """Insert `item` in a list kept oldest first, at its place by date (`plaats_op_datum`);
    returns that place."""
    from leersteun.rules.identiteit import plaats_op_datum

    plaats = plaats_op_datum(seq, item)
    voeg_in(seq, plaats, item)
    return plaats


def voeg_in(seq: CommentedSeq, plaats: int, item: Any) -> None:
    """Insert `item` at `plaats` (at the end: as `voeg_toe`). Blank lines and comments stay
    where they were: a comment line above the entry now at `plaats` stays above the new one,
    and what ended the list stays after its last entry."""
    if plaats >= len(seq):
        voeg_toe(seq, item)
        return
    staart = neem_staart(seq[plaats - 1]) if plaats > 0 and _staart(item) is not None else ""
    seq.insert(plaats, item)
    geef_staart(item, staart)  # the comment lines above the next entry stay above it


def verwijder(seq: CommentedSeq, plaats: int) -> None:
    """Remove an entry; when it is the last, what followed it stays after the list."""
    if plaats == len(seq) - 1 and plaats > 0:
        staart = neem_staart(seq)
        del seq[plaats]
        geef_staart(seq, staart)
    else:
        del seq[plaats]


def vervang(houder: Any, sleutel: Any, waarde: Any) -> None:
    """Replace a value (of a mapping or a list); what followed the old one stays after the new."""
    oud = houder[sleutel]
    staart = neem_staart(oud) if isinstance(oud, (dict, list)) else ""
    houder[sleutel] = waarde
    geef_staart(waarde, staart)


Bewerking = Callable[["CommentedMap", Dossier], list[str] | None]


def pas_toe(gelezen: Gelezen, ctx: Context, bewerking: Bewerking) -> list[str]:
    """Run an edit on a valid case, re-check it, and save only when it stays valid.

    Returns the edit's messages (Dutch, for the user). Raises `Fout` and leaves the file
    untouched when the edit refuses or would make the case invalid.
    """
    from leersteun.files.store import bewaar

    assert gelezen.bestand is not None and gelezen.dossier is not None
    bestand = gelezen.bestand
    meldingen = bewerking(bestand.data, gelezen.dossier) or []  # None: an edit with nothing to say
    ctx_hier = ctx.voor(gelezen.pad)
    _, bevindingen = controleer_dossier(bestand, ctx_hier)
    fouten = [b for b in bevindingen if b.is_fout]
    if fouten:
        uitleg = "\n".join(f"  {b.boodschap}" for b in fouten)
        raise Fout(f"Deze wijziging zou het dossier ongeldig maken; er is niets gewijzigd:\n{uitleg}")
    bewaar(bestand)
    return meldingen


class Sessie:
    """One case opened by a command that saves one or more times: the folder's settings and
    context, the case as read, and after every save the case read again (a change made by
    someone else in between is caught when writing, by the changed-on-disk check)."""

    def __init__(self, map_: Any, naam: str, vandaag: Any) -> None:
        from leersteun.reading import dossiers

        self.map = map_
        self.instellingen = dossiers.instellingen(map_)
        self.ctx = dossiers.context(vandaag, self.instellingen)
        self.gelezen = dossiers.open_dossier(map_, naam, self.ctx)
        self.pad = self.gelezen.pad
        self.meldingen: list[str] = []

    def bewaar(self, bewerking: Bewerking) -> Geldig:
        """Apply one edit and save it; `meldingen` says what happened."""
        from leersteun.reading.dossiers import lees_geldig

        self.meldingen = pas_toe(self.gelezen, self.ctx, bewerking)
        self.gelezen = lees_geldig(self.pad, self.ctx)
        return self.gelezen
