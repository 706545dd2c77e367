"""What the user sees when a command stops: a success is never 'Fout:', a question without an
answer says why, in a terminal and in a script."""

from __future__ import annotations

import pytest

from leersteun.cli import fouten
from leersteun.core.errors import Fout


def test_what_was_done_before_a_refusal_is_output_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = fouten.afhandelen(Fout("De repository van het team is niet bereikbaar.", gedaan=["Gecommit: 10 dossiers."]))
    uit = capsys.readouterr()
    assert code == 1
    assert uit.out == "Gecommit: 10 dossiers.\n"
    assert "Fout: De repository van het team is niet bereikbaar." in uit.err and "Gecommit" not in uit.err


@pytest.mark.parametrize("terminal,woorden", [(True, "Ctrl-D"), (False, "er is geen terminal")])
def test_end_of_input_says_what_happened(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], terminal: bool, woorden: str) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: terminal, raising=False)
    assert fouten.afhandelen(EOFError()) == 1
    fout = capsys.readouterr().err
    assert woorden in fout
    assert ("start de opdracht in een terminal" not in fout) and (("voer de opdracht uit in een terminal" in fout) != terminal)


def test_ctrl_d_at_a_question_in_the_cli(voorbeeld, run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("leersteun.cli.gemeen._in_terminal", lambda: True)
    result = run("overgang", "arthur", "lager-secundair", input="")  # Zeker? and then the input ends
    assert result.exit_code == 1 and "Fout:" in result.stderr and "Traceback" not in result.output
