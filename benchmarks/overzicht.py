"""The weekly overview on large generated case folders. Run by hand:

    .venv/bin/python benchmarks/overzicht.py [AANTAL ...] [--zonder-naief] [--spawn]

For each AANTAL (default: 5000 and 20000) it generates realistic cases (about 2.4 kB, 4+
history entries, 2 goals each) and measures:
- naïef: loading every file with ruamel's round trip, one core (the baseline of issue 15);
- koud: the first overview after the files were written (leersteun keeps no cache, so this
  is the first run ever on that folder);
- koud zonder schijfcache: the same after emptying the operating system's file cache, so
  Python, leersteun and every case come from the disk (only as root on Linux; else skipped);
- warm: the median of five more runs;
- tabel: the overview in the terminal (the summary, as a coordinator sees it) next to csv;
- piekgeheugen: of the largest process (the main one or a worker; workers are forked and
  share most of their memory with it).
With --spawn the workers start afresh, as on macOS and Windows (`snel.START`), through a
script made like the installed `leersteun` command (a spawned worker imports it again).
Runs leersteun as installed: with bytecode (.pyc), without PYTHONDONTWRITEBYTECODE. Prints the
machine and the ratios next to the targets: cold <= 3 %, warm <= 2 % of naïef at 5,000 cases;
cold under 4 s and memory under 150 MB at 20,000. Not a test: timings depend on the machine,
and on a shared virtual machine they vary by some 10 % from run to run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "leersteun"

VOORNAMEN = "Lotte Noah Ella Finn Mila Louis Nora Lucas Julie Arthur Olivia Jules Emma Liam Zoë Vic Lore Mats Fien Stan".split()
NAMEN = [*"Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters".split(), "De Smet", *"Dubois Hermans Aerts Lambrechts".split()]
SCHOLEN = [
    (f"Basisschool {n}", g)
    for n, g in (("De Klimop", "Geel"), ("Sint-Jozef", "Mol"), ("De Regenboog", "Herentals"), ("Het Kompas", "Turnhout"), ("De Linde", "Olen"))
]


def dossier(i: int, r: random.Random) -> str:
    school, gemeente = r.choice(SCHOLEN)
    start = dt.date(2025, 9, 1) + dt.timedelta(days=r.randint(0, 300))
    fase = r.choice(["ondersteuning", "ondersteuning", "ondersteuning", "opstart", "afgesloten", "heropstart"])
    vorm = r.choice(["regulier", "regulier", "light", "medium", "nieuw"])
    ondersteuner = r.choice(["Els Maes", "Tom Vermeulen", "Sofie Lambrechts", "Pieter Dewulf"])
    lopend = fase in ("ondersteuning", "opstart") and (fase == "ondersteuning" or vorm == "nieuw")
    traject = f"""  - vorm: {vorm if lopend else "regulier"}
    start: {start}
    einde: {"null" if lopend else start + dt.timedelta(days=120)}
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
    domein: {r.choice(["cognitief", "socio-emotioneel", "motorisch"])}
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
  klas: {r.randint(1, 6)}{r.choice("ABC")}
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
ondersteuner: {ondersteuner if lopend else "null"}
vorige_ondersteuners: [{ondersteuner if not lopend else ""}]
clb_medewerker: Karen Claes
trajecten:
{traject}geschiedenis:
{geschiedenis}evaluaties:{(chr(10) + afsluiting) if afsluiting else " []" + chr(10)}doelen:
{doelen}heropstarts:{(chr(10) + heropstart) if heropstart else " []" + chr(10)}"""


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


# the installed `leersteun` script, with the workers started as on macOS and Windows
SPAWN = """import sys
from leersteun.cli import main
if __name__ == "__main__":
    from leersteun.reading import snel
    snel.START = "spawn"
    sys.exit(main())
"""
OMGEVING = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"LEERSTEUN_VANDAAG": "2026-11-24"}


def draai(map_: Path, *formaat: str) -> tuple[float, float]:
    """Wall time and peak memory (MB, the largest process) of one overview run; csv to a file
    unless another format is given (the terminal table goes to a pipe at 120 columns)."""
    argumenten = list(formaat) or ["--formaat", "csv", "--uit", str(map_ / "out" / "o.csv")]
    opdracht = [sys.executable, str(map_.parent / "leersteun-spawn")] if "--spawn" in sys.argv else [str(BIN)]
    begin = time.perf_counter()
    kind = subprocess.Popen(
        [*opdracht, "--map", str(map_), "overzicht", *argumenten],
        env=OMGEVING | {"COLUMNS": "120"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, gebruik = os.wait4(kind.pid, 0)
    duur = time.perf_counter() - begin
    if status != 0:
        raise SystemExit(f"overzicht faalde: {kind.stderr.read().decode()[-500:] if kind.stderr else status}")
    return duur, gebruik.ru_maxrss / 1024


def zonder_schijfcache(map_: Path) -> float | None:
    """A run after emptying the file cache, or None where that is not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return None
    return draai(map_)[0]


def machine() -> str:
    import platform

    model = (
        next((r.split(":", 1)[1].strip() for r in Path("/proc/cpuinfo").read_text().splitlines() if r.startswith("model name")), platform.processor())
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    kernen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    geheugen = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else 0
    return f"{model}, {kernen} kernen, {geheugen:.0f} GB, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def meet(aantal: int, met_naief: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp) / "map"
        maak_map(map_, aantal)
        (Path(tmp) / "leersteun-spawn").write_text(SPAWN, encoding="utf-8")
        os.sync()  # the new files on disk, as a team's folder is (else the kernel writes them during the first run)
        grootte = sum(p.stat().st_size for p in (map_ / "cases").glob("*.yaml")) / aantal
        print(f"\n{aantal} dossiers, gemiddeld {grootte:.0f} bytes")
        koud, mem = draai(map_)
        warm_runs = [draai(map_) for _ in range(5)]
        warm = statistics.median(t for t, _ in warm_runs)
        mem = max([mem, *(m for _, m in warm_runs)])
        schijf = zonder_schijfcache(map_)
        tabel = statistics.median(draai(map_, "--formaat", "tabel")[0] for _ in range(3))
        t_naief = naief(map_) if met_naief else None

        def deel(t: float, doel: int | None) -> str:
            if not t_naief:
                return ""
            return f"  = {100 * t / t_naief:4.1f} % van naïef" + (f" (doel <= {doel} %)" if doel else "")

        groot = aantal >= 20_000
        if t_naief:
            print(f"naïef (ruamel round trip, 1 kern):   {t_naief:7.2f} s")
        print(f"koud (eerste keer):                  {koud:7.2f} s{deel(koud, None if groot else 3)}{'  (doel < 4 s)' if groot else ''}")
        if schijf is not None:
            print(f"koud zonder schijfcache:             {schijf:7.2f} s{deel(schijf, None)}")
        print(f"warm (mediaan van 5):                {warm:7.2f} s{deel(warm, None if groot else 2)}")
        print(f"tabel in de terminal (mediaan van 3): {tabel:6.2f} s  = {tabel / warm:.2f} x csv (doel <= 1.3 x)")
        print(f"piekgeheugen (grootste proces):      {mem:7.0f} MB{'  (doel < 150 MB)' if groot else ''}")


def main() -> None:
    aantallen = [int(a) for a in sys.argv[1:] if a.isdigit()] or [5000, 20000]
    print(f"machine: {machine()}" + ("; werkers gestart met spawn (zoals op macOS en Windows)" if "--spawn" in sys.argv else ""))
    # the bytecode of every module, as `pip install` writes it (an editable install writes it
    # on first use, and that first use would count in the cold run)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HIER / "leersteun")], env=OMGEVING, check=True)
    for aantal in aantallen:
        meet(aantal, "--zonder-naief" not in sys.argv)


if __name__ == "__main__":
    main()
