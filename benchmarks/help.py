"""How fast is `leersteun --help` next to importing typer alone? Run by hand:

    .venv/bin/python benchmarks/help.py [RUNS]

Prints the median wall time of each and their ratio. Not a test: timings depend on the machine.

Measured as installed: `pip install` writes the bytecode (.pyc) of every module, so this runs
once without PYTHONDONTWRITEBYTECODE first (some machines set it; then every start compiles
leersteun's modules again, about 20 ms).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


OMGEVING = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def mediaan(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=OMGEVING)  # writes the bytecode
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=OMGEVING)
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    python = mediaan([sys.executable, "-c", "pass"], runs)
    typer_ = mediaan([sys.executable, "-c", "import typer"], runs)
    hulp = mediaan([str(BIN / "leersteun"), "--help"], runs)
    valideer_hulp = mediaan([str(BIN / "leersteun"), "valideer", "--help"], runs)
    print(f"python -c pass        {python * 1000:7.1f} ms")
    print(f"import typer          {typer_ * 1000:7.1f} ms")
    print(f"leersteun --help      {hulp * 1000:7.1f} ms  ({hulp / typer_:.2f} x import typer)")
    print(f"leersteun valideer -h {valideer_hulp * 1000:7.1f} ms  ({valideer_hulp / typer_:.2f} x import typer)")


if __name__ == "__main__":
    main()
