"""Dates (and counts) for people, the Flemish way, through babel's nl_BE data.

Screens and documents for people show `23-11-2026`, `ma 23 nov 2026` or `23 november
2026`; files for machines (YAML, csv, json, ics, xlsx cells) keep ISO and never come here.
babel is imported on the first date shown, not with `leersteun --help`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

TAAL = "nl_BE"
GEEN = "–"


@lru_cache(maxsize=1)
def _locale() -> Any:
    from babel import Locale

    return Locale.parse(TAAL)


@lru_cache(maxsize=8192)
def _vorm(d: dt.date, patroon: str) -> str:
    from babel.dates import format_date

    return format_date(d, patroon, locale=_locale())


def kort(d: dt.date | None) -> str:
    """23-11-2026: in tables and messages (always ten characters). Digits only, so without
    babel: the csv overview does not pay its 19 ms import (the same as babel's dd-MM-yyyy)."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}" if d else GEEN


def dag(d: dt.date | None) -> str:
    """ma 23 nov 2026: where the day of the week helps to plan (agenda, weekly overview)."""
    return _vorm(d, "EEE d MMM yyyy").replace(".", "") if d else GEEN


def lang(d: dt.date | None) -> str:
    """23 november 2026: in documents for parents and schools."""
    return _vorm(d, "d MMMM yyyy") if d else GEEN


def maand(d: dt.date) -> str:
    """november 2026."""
    return _vorm(d, "MMMM yyyy")


def weekdag(d: dt.date) -> str:
    """maandag."""
    return _vorm(d, "EEEE")


def getal(n: float, patroon: str = "#,##0.#") -> str:
    """4.185 or 25,7: a number as a Flemish reader writes it (babel's pattern: `#,##0.0`
    always shows one decimal)."""
    from babel.numbers import format_decimal

    return format_decimal(n, format=patroon, locale=_locale())


def spreiding(waarden: list[str], kolom: str, hoogstens: int = 6) -> str:
    """'4.185 in totaal; per ondersteuner: Els Maes 1.204, Tom Vermeulen 998, zonder
    ondersteuner 3 en nog 2 andere.': how many, and how they spread over the people (or
    schools) in `waarden`, most first. A value '–' is one without."""
    tellers: dict[str, int] = {}
    for w in waarden:
        tellers[w] = tellers.get(w, 0) + 1
    verdeling = sorted(tellers.items(), key=lambda kv: (-kv[1], kv[0]))
    getoond = ", ".join(f"{naam if naam != '–' else 'zonder ' + kolom} {getal(n)}" for naam, n in verdeling[:hoogstens])
    rest = f" en nog {len(verdeling) - hoogstens} andere" if len(verdeling) > hoogstens else ""
    return f"{getal(len(waarden))} in totaal; per {kolom}: {getoond}{rest}."
