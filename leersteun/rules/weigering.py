"""The refusal of a change the rules do not allow: raised by the edits (`editing/`) and by an
output asked for what the case does not have; the message names the rule and what is missing."""

from __future__ import annotations

from leersteun.core.errors import Fout


class Geweigerd(Fout):
    """A transition the rules do not allow; the message names the rule and what is missing."""
