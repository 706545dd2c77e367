"""The weekly overview on a large generated case folder. Run by hand:

    .venv/bin/python benchmarks/overzicht.py [AANTAL]     (default 5000)

Generates AANTAL realistic cases (at least 1.5 KB, 4+ history entries, 2 goals each), then
measures: the naive round-trip load of all files (ruamel rt, one core), a cold overview run
(the files just written, first run of the process), a warm run (the same again: the
operating system has the files in memory; leersteun keeps no cache of its own), and the peak
memory of the runs at AANTAL/5 and AANTAL cases. Prints the ratios next to the targets:
cold <= 3 %, warm <= 2 % of the naive load; at 20,000 cases cold under 4 s and memory under
150 MB. `--zonder-naief` skips the naive load (minutes at 20,000). Not a test: timings depend
on the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "leersteun"

VOORNAMEN = "Lotte Noah Ella Finn Mila Louis Nora Lucas Julie Arthur Olivia Jules Emma Liam Zoë Vic Lore Mats Fien Stan".split()
NAMEN = "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De Smet Dubois Hermans Aerts Lambrechts".split()
SCHOLEN = [(f"Basisschool {n}", g) for n, g in (("De Klimop", "Geel"), ("Sint-Jozef", "Mol"), ("De Regenboog", "Herentals"), ("Het Kompas", "Turnhout"), ("De Linde", "Olen"))]


def dossier(i: int, r: random.Random) -> str:
    school, gemeente = r.choice(SCHOLEN)
    start = dt.date(2025, 9, 1) + dt.timedelta(days=r.randint(0, 300))
    fase = r.choice(["ondersteuning", "ondersteuning", "ondersteuning", "opstart", "afgesloten", "heropstart"])
    vorm = r.choice(["regulier", "regulier", "light", "medium", "nieuw"])
    ondersteuner = r.choice(["Els Maes", "Tom Vermeulen", "Sofie Lambrechts", "Pieter Dewulf"])
    lopend = fase in ("ondersteuning", "opstart") and (fase == "ondersteuning" or vorm == "nieuw")
    traject = f"""  - vorm: {vorm if lopend else 'regulier'}
    start: {start}
    einde: {'null' if lopend else start + dt.timedelta(days=120)}
    frequentie: wekelijks
    intensiteit: 1 lesuur per week
    evaluatie_op: [{start + dt.timedelta(days=60)}, {start + dt.timedelta(days=150)}]
"""
    geschiedenis = "".join(
        f"""  - datum: {d}
    fase: {f}
    door: An Janssens
    notitie: Overleg met de school en de ouders; afspraken genoteerd in het dossier.
"""
        for d, f in (
            (start - dt.timedelta(days=30), "aanmelding"),
            (start - dt.timedelta(days=14), "opstart"),
            (start, "ondersteuning"),
            (start + dt.timedelta(days=120), "afgesloten"),
            (start + dt.timedelta(days=200), "heropstart"),
        )[: 5 if fase == "heropstart" else (4 if fase == "afgesloten" else (3 if fase == "ondersteuning" else 2))]
    )
    if fase in ("ondersteuning",):
        geschiedenis += f"""  - datum: {start + dt.timedelta(days=60)}
    fase: ondersteuning
    door: {ondersteuner}
    notitie: 'Evaluatie: verderzetten.'
"""
    if fase == "opstart":
        geschiedenis += f"""  - datum: {start - dt.timedelta(days=10)}
    fase: opstart
    door: {ondersteuner}
    notitie: Opstartgesprek gepland.
"""
    doelen = "".join(
        f"""  - id: D{n}
    domein: {r.choice(['cognitief', 'socio-emotioneel', 'motorisch'])}
    omschrijving: De leerling start zelfstandig aan een opdracht.
    specifiek: Start binnen 2 minuten na de instructie bij 4 op 5 opdrachten.
    meetbaar: De klasleerkracht noteert 5 keer per week of het lukt.
    acceptabel: Afgesproken met klasleerkracht, zorgco en ouders.
    realistisch: Met een stappenplan op de bank.
    start: {start}
    einde: {start + dt.timedelta(days=150)}
    maatregelen:
      - wat: Stappenplan met pictogrammen.
        periode: tijdelijk
        wie: klasleerkracht
        evaluatie_op: {start + dt.timedelta(days=90)}
"""
        for n in (1, 2)
    )
    heropstart = (
        f"""  - gestart: {start + dt.timedelta(days=200)}
    analyse_met: clb
    checklist: null
    uitkomst: null
"""
        if fase == "heropstart"
        else ""
    )
    afsluiting = (
        f"""  - datum: {start + dt.timedelta(days=120)}
    beslissing: afsluiten
    reden: doelen_bereikt
"""
        if fase in ("afgesloten", "heropstart")
        else ""
    )
    return f"""# gegenereerd dossier
id: G-{i:05d}
leerling:
  voornaam: {r.choice(VOORNAMEN)}
  naam: {r.choice(NAMEN)}
  geboortedatum: 2016-0{r.randint(1, 9)}-1{r.randint(0, 9)}
  klas: {r.randint(1, 6)}{r.choice('ABC')}
  niveau: lager
school:
  naam: {school}
  gemeente: {gemeente}
verslag:
  soort: GC
  datum: {start - dt.timedelta(days=45)}
  zichtbaar_in_diplon: true
  ontbindende_voorwaarde: null
fase: {fase}
ankerpersoon: An Janssens
ondersteuner: {ondersteuner if lopend else 'null'}
vorige_ondersteuners: [{ondersteuner if not lopend else ''}]
clb_medewerker: Karen Claes
trajecten:
{traject}geschiedenis:
{geschiedenis}evaluaties:{(chr(10) + afsluiting) if afsluiting else ' []' + chr(10)}doelen:
{doelen}heropstarts:{(chr(10) + heropstart) if heropstart else ' []' + chr(10)}"""


def maak_map(doel: Path, aantal: int) -> None:
    (doel / "cases").mkdir(parents=True)
    shutil.copy(HIER / "leersteun.yaml", doel / "leersteun.yaml")
    r = random.Random(42)
    for i in range(aantal):
        (doel / "cases" / f"G-{i:05d}.yaml").write_text(dossier(i, r), encoding="utf-8")


def naief(map_: Path) -> float:
    sys.path.insert(0, str(HIER))
    from leersteun.files.store import maak_yaml

    begin = time.perf_counter()
    for p in sorted((map_ / "cases").glob("*.yaml")):
        maak_yaml().load(p.read_text(encoding="utf-8"))
    return time.perf_counter() - begin


def draai(map_: Path) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one overview run, csv to a file."""
    omgeving = {**os.environ, "LEERSTEUN_VANDAAG": "2026-11-24"}
    begin = time.perf_counter()
    kind = subprocess.Popen(
        [str(BIN), "--map", str(map_), "overzicht", "--formaat", "csv", "--uit", str(map_ / "out" / "o.csv")],
        env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, gebruik = os.wait4(kind.pid, 0)
    duur = time.perf_counter() - begin
    if status != 0:
        raise SystemExit(f"overzicht faalde: {kind.stderr.read().decode()[-500:] if kind.stderr else status}")
    return duur, gebruik.ru_maxrss / 1024


def main() -> None:
    getallen = [a for a in sys.argv[1:] if a.isdigit()]
    aantal = int(getallen[0]) if getallen else 5000
    zonder_naief = "--zonder-naief" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        groot, klein = Path(tmp) / "groot", Path(tmp) / "klein"
        maak_map(groot, aantal)
        maak_map(klein, max(1, aantal // 5))
        grootte = sum(p.stat().st_size for p in (groot / "cases").glob("*.yaml")) / aantal
        print(f"{aantal} dossiers, gemiddeld {grootte:.0f} bytes")
        koud, mem_koud = draai(groot)
        warm, mem_warm = draai(groot)
        draai(klein)
        _, mem_klein = draai(klein)
        t_naief = None if zonder_naief else naief(groot)
        if t_naief:
            print(f"naïef (ruamel round-trip, 1 kern):  {t_naief:7.2f} s")

        def deel(t: float, doel: int) -> str:
            return f"  = {100 * t / t_naief:5.1f} % van naïef (doel <= {doel} %)" if t_naief else ""

        print(f"koud (eerste keer):                  {koud:7.2f} s{deel(koud, 3)}")
        print(f"warm (nog eens):                     {warm:7.2f} s{deel(warm, 2)}")
        print(f"piekgeheugen: {mem_klein:.0f} MB bij {aantal // 5} dossiers, {mem_warm:.0f} MB bij {aantal} (koud {mem_koud:.0f} MB)")


if __name__ == "__main__":
    main()
