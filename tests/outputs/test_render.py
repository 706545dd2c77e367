"""A folder's own templates: whatever they build or however long they run, a Dutch message
that names the template, on every platform (no signal needed for the time limit)."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest

from leersteun.core.errors import Fout
from leersteun.outputs import render


def sjabloon(map_: Path, tekst: str, naam: str = "proef.md.j2") -> str:
    pad = map_ / "templates" / naam
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    return naam


@pytest.mark.parametrize(
    "tekst,woord",
    [
        ("{{ 'x' * 10**12 }}", "1.000.000.000.000 tekens"),
        ("{{ range(10**8)|list }}", "reeks (range) van meer dan 100.000"),
        ("{{ [0] * 10**9 }}", "1.000.000.000 tekens of elementen"),
        ("{{ 7 ** (10**9) }}", "300.000 cijfers"),
        ("{{ 2.0 ** 5000 }}", "te groot"),
        ("{{ 'x'|center(10**12) }}", "breedte of aantal"),
        ("{{ 'x'.ljust(10**11) }}", "breedte of aantal"),
        ("{{ '%999999999999d' % 1 }}", "tekens"),
        ("{{ '%999999999999d'|format(1) }}", "tekens"),
        ("{{ '{:>999999999999}'.format(1) }}", "tekens"),
        ("{% set ns = namespace(s='x' * 4000000) %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "8.000.000 tekens"),
        ("{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s|length }}{% endmacro %}{{ d('x' * 4000000, 30) }}", "8.000.000 tekens"),
    ],
)
def test_what_a_template_builds_is_limited_before_memory_runs_out(tmp_path: Path, tekst: str, woord: str) -> None:
    naam = sjabloon(tmp_path, "regel 1\n" + tekst)
    with pytest.raises(Fout) as e:
        render.render(naam, {}, tmp_path)
    assert woord in str(e.value)
    assert "templates/proef.md.j2:2" in str(e.value).replace("\\", "/")  # the template and its line


def test_normal_arithmetic_and_formatting_still_work(tmp_path: Path) -> None:
    tekst = "{{ 'ab' * 3 }} {{ [1] * 2 }} {{ 2 ** 10 }} {{ '%5d'|format(10**8) }} {{ '{:>4}'.format(7) }} {{ 20000000|filesizeformat }} {{ 'x'|center(5) }}"
    assert render.render(sjabloon(tmp_path, tekst), {}, tmp_path) == "ababab [1, 1] 1024 100000000    7 20.0 MB   x  "


def test_the_limit_grows_with_the_rows_also_for_what_is_built(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(render, "MAX_UITVOER", 1_000)
    naam = sjabloon(tmp_path, "{{ ('x' * 5000)|length }}")
    with pytest.raises(Fout, match="5.000 tekens"):
        render.render(naam, {}, tmp_path)
    assert render.render(naam, {}, tmp_path, rijen=10) == "5000"


def geen_signalen(monkeypatch) -> None:
    """As on Windows: no SIGALRM, no interval timer."""
    monkeypatch.delattr(signal, "SIGALRM", raising=False)
    monkeypatch.delattr(signal, "setitimer", raising=False)
    monkeypatch.delattr(signal, "ITIMER_REAL", raising=False)


@pytest.mark.parametrize(
    "tekst",
    [
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        "{% for i in range(99999) %}{% for j in range(99999) %}{{ j|string|length }}{% endfor %}{% endfor %}",
    ],
)
def test_a_runaway_template_is_stopped_without_a_signal(tmp_path: Path, monkeypatch, tekst: str) -> None:
    geen_signalen(monkeypatch)
    monkeypatch.setattr(render, "MAX_SECONDEN", 0.2)
    monkeypatch.setattr(render, "MAX_UITVOER", 10**12)
    naam = sjabloon(tmp_path, tekst)
    with pytest.raises(Fout, match="proef.md.j2 doet er langer dan 0.2 seconden over"):
        render.render(naam, {}, tmp_path)


def test_the_time_limit_works_outside_the_main_thread(tmp_path: Path, monkeypatch) -> None:
    geen_signalen(monkeypatch)
    monkeypatch.setattr(render, "MAX_SECONDEN", 0.2)
    naam = sjabloon(tmp_path, "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}")
    fouten: list[BaseException] = []

    def werk() -> None:
        try:
            render.render(naam, {}, tmp_path)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            fouten.append(e)

    draad = threading.Thread(target=werk)
    draad.start()
    draad.join(30)
    assert not draad.is_alive() and len(fouten) == 1 and "seconden" in str(fouten[0])


def test_a_watchdog_that_fires_after_the_work_raises_nothing() -> None:
    limiet = render._tijdslimiet(0.01)
    with limiet:
        pass
    limiet.wekker.join()
    limiet._stop()  # as if the timer fired just after the work was done
    assert not limiet.gestopt
    assert sum(i for i in range(100_000)) == 4_999_950_000  # plain Python code runs on undisturbed


def test_a_hostile_folder_template_is_a_dutch_message_in_the_cli(voorbeeld: Path, run) -> None:
    for tekst in ("{{ 'x' * 10**12 }}", "{{ range(10**8)|list }}"):
        sjabloon(voorbeeld, tekst, "fiche/fiche.md.j2")
        result = run("fiche", "arthur", "--formaat", "md")
        assert result.exit_code == 1, result.output
        assert "Sjabloon templates/fiche/fiche.md.j2:1 maakt" in result.stderr and "onverwachte fout" not in result.output
