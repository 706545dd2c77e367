"""`fase … afgesloten` without --reden: a terminal asks the reason, a script is told the option."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import digest


def test_a_terminal_asks_the_reason_of_the_closing_and_a_script_names_reden(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 29: `fase noah afgesloten` in a terminal refused instead of asking."""
    pad = voorbeeld / "cases" / "KLM-2025-003.yaml"  # Noah
    voor = digest(pad)
    script = run("fase", "noah", "afgesloten")
    assert script.exit_code == 1 and "--reden" in script.stderr and digest(pad) == voor
    monkeypatch.setattr("leersteun.cli.traject._in_terminal", lambda: True)
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    invoer = "1\nDe beurtkaart.\nSamen plannen.\nzorgcoordinator, ouders, clb\nja\n"  # reason 1, the closing questions, 'Zeker?'
    result = run("fase", "noah", "afgesloten", input=invoer)
    assert result.exit_code == 0, result.output
    assert "Reden van het afsluiten [1-9]" in result.stdout and "1. doelen bereikt" in result.stdout
    assert "\nfase: afgesloten\n" in pad.read_text() and "reden: doelen_bereikt" in pad.read_text()
