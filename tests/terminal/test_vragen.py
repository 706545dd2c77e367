"""Prompts: reading a terminal's answers."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from leersteun.terminal import vragen


@pytest.fixture
def pijp():
    lezen, schrijven = os.pipe()
    yield lezen, schrijven
    os.close(lezen)
    try:
        os.close(schrijven)
    except OSError:  # the test closed it (end of input)
        pass


def test_an_answer_is_one_line_without_its_newline_and_ctrl_d_is_eof(pijp) -> None:
    lezen, schrijven = pijp
    os.write(schrijven, "Trekt zich terug.\n\nLéa\nzonder einde".encode())  # typed ahead: one read, four lines
    toetsenbord = vragen.Toetsenbord(lezen)
    assert [toetsenbord.readline() for _ in range(3)] == ["Trekt zich terug.", "", "Léa"]
    os.close(schrijven)
    assert toetsenbord.readline() == "zonder einde"
    with pytest.raises(EOFError):
        toetsenbord.readline()


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
def test_a_ctrl_c_that_interrupted_no_read_still_interrupts_the_wait(pijp) -> None:
    """The Ctrl-C lands where no read(2) is interrupted: here another thread takes the
    signal while this one waits for a line. input() would wait for the next line; the
    prompt raises KeyboardInterrupt within a moment."""
    lezen, schrijven = pijp
    noodrem = threading.Timer(5, lambda: os.write(schrijven, b"te laat\n"))  # never hang the tests

    def druk_ctrl_c() -> None:
        time.sleep(0.3)
        os.kill(os.getpid(), signal.SIGINT)  # the kernel gives it to this thread: the main thread blocks it

    helper = threading.Thread(target=druk_ctrl_c)
    try:
        noodrem.start()
        helper.start()  # before the mask: a new thread takes its creator's mask
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        begin = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            vragen.Toetsenbord(lezen).readline()
        assert time.monotonic() - begin < 0.3 + 4 * vragen.WACHT
    finally:
        noodrem.cancel()
        helper.join()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_prompts_read_a_terminal_through_the_toetsenbord_and_anything_else_as_input_does(monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("ja\n"))
    assert vragen.Toetsenbord.van_stdin() is None  # no terminal: input(), as CliRunner and pipes need

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            return 0

    monkeypatch.setattr(vragen, "_STDIN", None)
    monkeypatch.setattr("sys.stdin", Terminal("ja\n"))
    assert isinstance(vragen.Toetsenbord.van_stdin(), vragen.Toetsenbord)


def test_a_prompt_is_plain_text_never_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question that names a pupil ('In welke klas zit Lotte [/] nu?') or offers names as
    choices shows them as written: rich would read '[/]' as markup and stop."""
    import io
    import sys

    from rich.console import Console

    uit = io.StringIO()
    console = Console(file=uit, width=200)
    monkeypatch.setattr(sys, "stdin", io.StringIO("5B\n2\nj\n"))
    assert vragen.vraag(console, "In welke klas zit Lotte [/] [bold]nu?") == "5B"
    assert vragen.vraag(console, "Welke school [/]?", keuzes=["De Klimop [/]", "[bold]Regenboog"]) == "[bold]Regenboog"
    assert vragen.ja_nee(console, "Nieuw teamlid [b]Nina[/b]?") is True
    getoond = uit.getvalue()
    for tekst in (
        "In welke klas zit Lotte [/] [bold]nu?",
        "De Klimop [/]",
        "[bold]Regenboog",
        "Welke school [/]? [1 De Klimop [/], 2 [bold]Regenboog]",
        "Nieuw teamlid [b]Nina[/b]?",
    ):
        assert tekst in getoond, getoond


@pytest.mark.parametrize(
    "tekst,standaard,getoond",
    [
        ("Wat neemt de school mee bij het afronden van het ondersteuningstraject?", None, "ondersteuningstraject? "),
        ("Waarom niet?", None, "Waarom niet? "),
        ("Wie neemt de heropstart op", "Els Maes", "Wie neemt de heropstart op (Els Maes): "),
        ("Klopt dat?", "ja", "Klopt dat? (ja) "),
    ],
)
def test_a_question_mark_gets_no_colon_after_it(tekst: str, standaard: str | None, getoond: str) -> None:
    """Issue 29: prompts ended in '?:' ('Waarom niet?:')."""
    import io

    from rich.console import Console

    uit = io.StringIO()
    console = Console(file=uit, width=200, force_terminal=False, color_system=None)
    vragen.Vraag.ask(tekst, console=console, default=standaard, stream=io.StringIO("antwoord\n"))
    assert uit.getvalue().endswith(getoond) and "?:" not in uit.getvalue()
