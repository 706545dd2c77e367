"""Charts where people would rather look than read, from the same data as the tables.

- capacity per school: richtcapaciteit beside the running trajecten, over and under said in
  words (seed 001: 70 % pupils, 30 % verslagen);
- caseload per ondersteuner, stacked by vorm;
- a goal's evaluations over time (ja / deels / nee) on the goal sheet.

Each chart is first plain data (`Grafiek`, `Tijdlijn`): the SVG templates in
`templates/grafiek/`, the terminal bars and the xlsx charts all draw that one computation.
Every chart is readable without colour (patterns, shapes and labels) and has a text
alternative. Same data, same bytes: numbers are rounded and written one way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from leersteun.core import datums

if TYPE_CHECKING:
    from leersteun.outputs.overview import Overzicht

VORMEN = ("regulier", "light", "medium", "nieuw")
VORM_LABEL = {"regulier": "regulier", "light": "interventie light", "medium": "interventie medium", "nieuw": "nieuw traject"}
TEKEN = {"regulier": "█", "light": "▒", "medium": "░", "nieuw": "▓"}  # terminal: one sign per vorm


def getal(x: float) -> str:
    """54 or 25,7: one decimal only when it is not whole (the tables' style)."""
    return datums.getal(round(x, 1))


@dataclass
class Balk:
    label: str
    delen: dict[str, float]  # per series: its value
    richt: float | None = None  # capacity: the richtcapaciteit to compare with
    uitleg: str = ""  # the bar in words ("3 lopend, richtcapaciteit 40,3: 37,3 onder")

    @property
    def totaal(self) -> float:
        return sum(self.delen.values())


@dataclass
class Grafiek:
    sleutel: str  # capaciteit | caseload
    titel: str
    reeksen: list[str]  # the series, in stacking order
    balken: list[Balk] = field(default_factory=list)

    @property
    def maximum(self) -> float:
        return max([1.0, *(max(b.totaal, b.richt or 0) for b in self.balken)])

    @property
    def beschrijving(self) -> str:
        """The text alternative: the whole chart in sentences."""
        return f"{self.titel}. " + " ".join(f"{b.label}: {b.uitleg}." for b in self.balken)


def capaciteit(o: Overzicht) -> Grafiek | None:
    """Running trajecten beside the richtcapaciteit, per school that has one."""
    g = Grafiek("capaciteit", "Lopende trajecten en richtcapaciteit per school", ["lopend"])
    for c in o.capaciteit:
        if c.richtcapaciteit is None:
            continue
        verschil = round(c.lopend - c.richtcapaciteit, 1)
        stand = "precies op de richtcapaciteit" if verschil == 0 else (f"{getal(verschil)} boven" if verschil > 0 else f"{getal(-verschil)} onder")
        g.balken.append(Balk(c.school, {"lopend": c.lopend}, c.richtcapaciteit, f"{c.lopend} lopend, richtcapaciteit {getal(c.richtcapaciteit)}: {stand}"))
    return g if g.balken else None


def caseload(o: Overzicht) -> Grafiek | None:
    """Running trajecten per ondersteuner, stacked by vorm."""
    g = Grafiek("caseload", "Caseload per ondersteuner, per vorm", list(VORMEN))
    for c in o.caseload:
        delen = {v: float(c.per_vorm.get(v, 0)) for v in VORMEN}
        woorden = ", ".join(f"{int(n)} {VORM_LABEL[v]}" for v, n in delen.items() if n)
        g.balken.append(Balk(c.ondersteuner, delen, None, f"{c.totaal} in totaal ({woorden})" if woorden else "geen"))
    return g if g.balken else None


def grafieken(o: Overzicht) -> list[Grafiek]:
    return [g for g in (capaciteit(o), caseload(o)) if g is not None]


# ---------------------------------------------------------------------------- terminal

BREEDTE = 30  # characters of the longest bar


def terminal_regels(g: Grafiek) -> list[str]:
    """Simple bars under a section's table: capacity as █ (running) up to │ (richtcapaciteit),
    dots for the room left and ▓ beyond it; caseload stacked with one sign per vorm."""
    schaal = BREEDTE / g.maximum
    naam_breedte = min(28, max(len(b.label) for b in g.balken))
    regels = []
    for b in g.balken:
        naam = b.label if len(b.label) <= naam_breedte else b.label[: naam_breedte - 1] + "…"
        if g.sleutel == "capaciteit" and b.richt is not None:
            lopend, richt = round(b.totaal * schaal), max(1, round(b.richt * schaal))
            balk = "█" * min(lopend, richt) + "·" * max(0, richt - lopend) + "│" + "▓" * max(0, lopend - richt)
            getallen = f"{getal(b.totaal)} van {getal(b.richt)}"
        else:
            balk = "".join(TEKEN[v] * round(n * schaal) for v, n in b.delen.items())
            getallen = getal(b.totaal)
        regels.append(f"{naam:<{naam_breedte}}  {balk:<{BREEDTE + 1}} {getallen}")
    if g.sleutel == "caseload":
        regels.append("(" + ", ".join(f"{TEKEN[v]} {VORM_LABEL[v]}" for v in VORMEN) + ")")
    else:
        regels.append("(█ lopend, │ richtcapaciteit, · ruimte tot de richtcapaciteit, ▓ erboven)")
    from leersteun.core.uitvoer import VERVANGING, kan_tonen

    if not kan_tonen("".join(TEKEN.values()) + "│·"):  # a legacy code page: signs it has, so bars stay bars
        regels = ["".join(VERVANGING.get(c, c) for c in r) for r in regels]
    return regels


# ---------------------------------------------------------------------------- SVG


def svg(g: Grafiek, map_pad: Any = None) -> str:
    """The chart as inline SVG (templates/grafiek/balken.svg.j2), for the HTML overview."""
    from leersteun.outputs.render import render

    return render("grafiek/balken.svg.j2", {"g": g, "getal": getal, "vorm_label": VORM_LABEL}, map_pad)


@dataclass
class Punt:
    datum: dt.date
    bereikt: str  # ja | deels | nee
    x: float  # 0..1 along the time line


@dataclass
class Tijdlijn:
    doel: str
    punten: list[Punt]

    @property
    def beschrijving(self) -> str:
        return f"Evaluaties van doel {self.doel}: " + ", ".join(f"{datums.lang(p.datum)}: {TIJDLIJN_WOORD[p.bereikt]}" for p in self.punten) + "."


TIJDLIJN_WOORD = {"ja": "bereikt", "deels": "deels bereikt", "nee": "nog niet bereikt"}


def tijdlijn(doel_id: str, evaluaties: list[tuple[dt.date, str]]) -> Tijdlijn | None:
    """A goal's evaluations over time, from two evaluations on (one point says nothing about a
    direction). Points are placed by date, never closer than a label needs."""
    if len(evaluaties) < 2:
        return None
    geordend = sorted(evaluaties)
    eerste, laatste = geordend[0][0], geordend[-1][0]
    spanne = max(1, (laatste - eerste).days)
    xs = [(d - eerste).days / spanne for d, _ in geordend]
    minimum = 1 / max(1, len(xs) - 1) * 0.6  # labels of neighbours must not overlap
    for i in range(1, len(xs)):
        xs[i] = max(xs[i], xs[i - 1] + minimum)
    schaal = xs[-1] or 1
    return Tijdlijn(doel_id, [Punt(d, b, round(x / schaal, 4)) for (d, b), x in zip(geordend, xs)])
