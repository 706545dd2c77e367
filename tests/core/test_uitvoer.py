"""An output in a legacy code page (a Windows console, or a redirected output in cp1252), and
a locale that is not UTF-8: every command of the README's examples prints readable Dutch,
never a crash."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leersteun.core.uitvoer import VERVANGING, kan_tonen

ROOT = Path(__file__).resolve().parents[2]


def _plan() -> tuple[list[tuple[str, Any, Any]], dict[int, str]]:
    """The README's examples in the order tests/test_readme.py runs them: ("bestand", name,
    content) for a file an example needs, ("opdracht", argv, the number of its block)."""
    from tests.test_readme import OVERSLAAN, blokken

    alle = blokken()
    plan: list[tuple[str, Any, Any]] = []
    getoond: dict[int, str] = {}  # block number -> the output the README shows for it
    for i, (info, inhoud) in enumerate(alle):
        if info.strip() != "sh" or "leersteun " not in inhoud or any(k in inhoud for k in OVERSLAAN):
            continue
        j = i + 1
        while j < len(alle) and not alle[j][0].startswith("sh"):
            if len(alle[j][0].split()) == 2:
                plan.append(("bestand", alle[j][0].split()[1], alle[j][1]))
            j += 1
        if i + 1 < len(alle) and alle[i + 1][0] == "":
            getoond[i] = alle[i + 1][1]
        for regel in re.sub(r"\\\n\s*", " ", inhoud).splitlines():
            regel = re.sub(r"\s+#.*$", "", regel).strip()
            if regel.startswith("leersteun "):
                plan.append(("opdracht", shlex.split(regel)[1:], i))
    return plan, getoond


# Runs every example in one process, as `leersteun` does (its streams as the system made
# them), and marks where each command's output ends.
SPELER = """
import json, locale, sys
from pathlib import Path
from leersteun.cli import main
print(sys.stdout.encoding, locale.getpreferredencoding(False), sep="/")
for soort, wat, _ in json.load(open(sys.argv[1], encoding="utf-8")):
    if soort == "bestand":
        Path(wat).write_text(_, encoding="utf-8")
        continue
    sys.argv = ["leersteun", *wat]
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    for stroom in (sys.stdout, sys.stderr):
        stroom.write("\\n@@einde %d@@\\n" % code)
        stroom.flush()
"""


@pytest.fixture(scope="session")
def cp1252_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a system whose locale is not UTF-8: nl_BE in the Windows code page
    (glibc's localedef makes it, where it can), else only the output in cp1252, as a
    redirected output on Windows is."""
    locale = tmp_path_factory.mktemp("locale")
    if shutil.which("localedef") and Path("/usr/share/i18n/locales/nl_BE").exists():
        r = subprocess.run(["localedef", "-i", "nl_BE", "-f", "CP1252", str(locale / "nl_BE.CP1252")], capture_output=True, timeout=60)
        if r.returncode in (0, 1) and (locale / "nl_BE.CP1252").exists():  # 1: warnings only
            return {"LOCPATH": str(locale), "LC_ALL": "nl_BE.CP1252", "LANG": "nl_BE.CP1252"}
    return {"PYTHONIOENCODING": "cp1252"}


def _accentwoorden(tekst: str) -> set[str]:
    """The words with a letter outside ASCII that cp1252 has (Zoë, zorgcoördinator)."""
    return {w for w in re.findall(r"\w+", tekst) if not w.isascii() and w.encode("cp1252", "ignore").decode("cp1252") == w}


def test_every_readme_example_survives_an_output_and_a_locale_in_cp1252(tmp_path: Path, cp1252_locale: dict[str, str]) -> None:
    """Every command of the README's examples, in a process whose locale and outputs are the
    Windows code page: the exit code the README shows, no traceback, the letters cp1252 has
    (ë, ö) as they are, bars and frames in signs it has."""
    from tests.test_readme import voorbeeldkloon

    map_ = voorbeeldkloon(tmp_path)
    plan, getoond = _plan()
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING", "PYTHONUTF8"))}
    omgeving |= {"LEERSTEUN_VANDAAG": "2026-11-24", "LEERSTEUN_GEBRUIKER": "An Janssens", "LEERSTEUN_BREEDTE": "120", "COLUMNS": "120", **cp1252_locale}
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + SPELER
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "plan.json")], cwd=map_, env=omgeving, capture_output=True, stdin=subprocess.DEVNULL, timeout=300
    )
    assert r.returncode == 0, r.stderr.decode("cp1252", "replace")[-2000:]
    uit, fout = (re.split(r"\n@@einde (-?\d+)@@\n", s.decode("cp1252")) for s in (r.stdout, r.stderr))  # cp1252 decodes every byte it wrote
    codering, uit[0] = uit[0].split("\n", 1)
    stroom, taal = codering.lower().split("/")
    assert stroom == "cp1252" and (taal == "cp1252" or "LC_ALL" not in cp1252_locale)
    opdrachten = [(argv, blok) for soort, argv, blok in plan if soort == "opdracht"]
    assert len(opdrachten) >= 30 and len(uit) == len(fout) == 2 * len(opdrachten) + 1
    verschillen = []
    per_blok: dict[int, str] = {}
    for n, (argv, blok) in enumerate(opdrachten):
        tekst, exit_code = uit[2 * n] + fout[2 * n], int(uit[2 * n + 1])
        per_blok[blok] = per_blok.get(blok, "") + tekst
        naam = " ".join(argv)[:70]
        if exit_code != 0 and not ("Fout:" in getoond.get(blok, "") and exit_code in (1, 2)):
            verschillen.append(f"{naam}: exit {exit_code}: {tekst.strip()[-300:]}")
        if "Traceback" in tekst or "onverwachte fout" in tekst:
            verschillen.append(f"{naam}: {tekst.strip()[-300:]}")
        if argv[0] == "overzicht" and "--formaat" not in argv:
            assert "# lopend, | richtcapaciteit" in tekst  # bars drawn with signs the code page has
    for blok, tekst in per_blok.items():
        ontbreekt = _accentwoorden(getoond.get(blok, "")) - _accentwoorden(tekst)
        if ontbreekt:
            verschillen.append(f"{getoond[blok].strip()[:60]}: niet zoals in de README: {sorted(ontbreekt)}")
    assert not verschillen, "\n".join(verschillen)


def test_signs_a_code_page_lacks_get_a_plain_equivalent() -> None:
    assert "klas 3A → 3B".encode("cp1252", "leersteun") == b"klas 3A -> 3B"
    assert "Zoë ✓ 漢".encode("cp1252", "leersteun") == "Zoë v ?".encode("cp1252")
    assert all(len(v) <= 3 for v in VERVANGING.values())
    assert kan_tonen("█") is kan_tonen("█", sys.stdout)
