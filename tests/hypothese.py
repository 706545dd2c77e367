"""How many examples the property-based tests try. The suite stays under two minutes with the
numbers in the tests; `LEERSTEUN_GRONDIG=10` tries ten times as many (run it by hand before a
release, or after changing the round trip, the fast path or the merge)."""

from __future__ import annotations

import os


def voorbeelden(aantal: int) -> int:
    try:
        factor = float(os.environ.get("LEERSTEUN_GRONDIG", "1"))
    except ValueError:
        factor = 1.0
    return max(1, round(aantal * factor))
