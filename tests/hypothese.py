"""How many examples the property-based tests try. By default few, so that the whole suite
stays well under two minutes on two busy cores; with `LEERSTEUN_GRONDIG=1` (any value but
empty or 0) ten times as many, the corpus meets every command and the team's random walk is
longer (run it by hand before a release, or after changing the round trip, the fast path or
the merge)."""

from __future__ import annotations

import os

GRONDIG = os.environ.get("LEERSTEUN_GRONDIG", "").strip() not in ("", "0")


def voorbeelden(aantal: int) -> int:
    """`aantal` examples by default, ten times as many with LEERSTEUN_GRONDIG."""
    return aantal * 10 if GRONDIG else aantal
