"""Tab completion never runs what a case file holds (issue 25): names with `$(…)`, backticks,
quotes, backslashes and `;` are completed quoted, in bash, zsh and fish as a person uses them
(in tmux, with the script `leersteun --install-completion` installs), and in PowerShell (its
own completion engine, where pwsh is installed: in CI), and the completed word finds the
pupil. Installing and showing the script speak Dutch (issue 29). A command in a name would touch the file GEHACKT (or gehackt, lower-cased as
a candidate) in the case folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import DOSSIER, INSTELLINGEN

BIN = Path(sys.executable).parent  # the venv's bin: `leersteun` is there

LEERLINGEN = {  # id: first name, surname
    "T-001": ("Noah$(touch GEHACKT)", "Wouters"),
    "T-002": ("Jana", "D'Hondt"),
    "T-003": ("Lien", 'Bak`touch GEHACKT` "Ker"'),
    "T-004": ("Mo\\$(touch GEHACKT)\\`touch GEHACKT\\`; touch GEHACKT", "Claes"),
    "T-005": ("Kim", "Van den Broeck"),
}
# what is typed after `leersteun toon `, and the word the shell must then pass
NOAH = ("no", "noah$(touch gehackt)")
HONDT = ("d", "d'hondt")
BAK = ("bak", 'bak`touch gehackt` "ker"')
MO = ("mo", "mo\\$(touch gehackt)\\`touch gehackt\\`; touch gehackt")


def _maak_map(pad: Path) -> Path:
    (pad / "cases").mkdir(parents=True)
    (pad / "leersteun.yaml").write_text(INSTELLINGEN, encoding="utf-8")
    for id_, (voornaam, naam) in LEERLINGEN.items():
        tekst = DOSSIER.replace("id: T-001", f"id: {id_}").replace("voornaam: Lotte", f"voornaam: {json.dumps(voornaam)}")
        tekst = tekst.replace("naam: Peeters", f"naam: {json.dumps(naam)}", 1)
        (pad / "cases" / f"{id_}.yaml").write_text(tekst, encoding="utf-8")
    return pad


@pytest.fixture
def map_(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from leersteun.cli import kern

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(kern, "_map_optie", None)  # completing in this process: no --map of an earlier test
    return _maak_map(tmp_path / "dossiers")


def _gehackt(map_: Path) -> list[str]:
    return [p.name for p in map_.rglob("*") if p.name.lower() == "gehackt"]


def test_the_names_are_valid_and_found_by_the_words_completion_gives(map_: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(map_)
    assert run("valideer").exit_code == 0
    for (_, woord), id_ in ((NOAH, "T-001"), (HONDT, "T-002"), (BAK, "T-003"), (MO, "T-004"), (("van", "van den broeck"), "T-005")):
        uit = run("toon", woord)
        assert uit.exit_code == 0 and id_ in uit.stdout.splitlines()[0], (woord, uit.output)
    assert not _gehackt(map_)


# ---------------------------------------------------------------------------- bash: quoting where readline inserts


@pytest.mark.parametrize(
    ("regel", "args", "woord", "tekst", "quote"),
    [
        ("leersteun toon no", ["toon"], "no", "no", ""),
        ("leersteun toon ", ["toon"], "", "", ""),
        ("leersteun toon 'no", ["toon"], "no", "no", "'"),
        ('leersteun toon "de s', ["toon"], "de s", "de s", '"'),
        ("leersteun toon d\\'h", ["toon"], "d'h", "d'h", ""),
        ("leersteun toon 'd'\\''h", ["toon"], "d'h", "h", "'"),  # readline's text: after the last open quote
        ("leersteun toon ab'c d'e", ["toon"], "abc de", "abc de", ""),
        ("leersteun lijst --fase=o", ["lijst"], "--fase=o", "o", ""),  # '=' breaks readline's word
        ("leersteun --map 'mijn map' toon v", ["--map", "mijn map", "toon"], "v", "v", ""),
        ("leersteun", [], "", "", ""),
    ],
)
def test_a_line_is_read_as_bash_and_readline_read_it(regel: str, args: list[str], woord: str, tekst: str, quote: str) -> None:
    from leersteun.cli.voltooien import lees_regel

    r = lees_regel(regel)
    assert (r.args, r.woord, r.tekst, r.quote) == (args, woord, tekst, quote)


VREEMD = [
    "noah$(touch gehackt)",
    "d'hondt",
    'bak`touch gehackt` "ker"',
    "mo\\$(touch gehackt)\\`touch gehackt\\`; touch gehackt",
    "van den broeck",
    "eindigt'",
    'eindigt"',
    "eindigt\\",
    "a!!b!",
    "!x",
    "~root",
    "#niet",
    "{a,b}",
    "*",
    "$HOME",
    "zoë",
    "a=b:c",
    "a|b&c>d<e(f)",
    "'",
    '"',
    "\\",
]


@pytest.mark.skipif(os.name != "posix" or not shutil.which("bash"), reason="bash with readline: on Linux and macOS (on Windows a bash is Git's or WSL's)")
def test_bash_gets_every_candidate_back_in_every_quote_and_runs_nothing(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each candidate as readline puts it on the line (after an opening quote, and with the
    closing quote readline adds), read by one real bash with history expansion on."""
    from leersteun.cli.voltooien import bash_quote

    regels, verwacht = ["set -o history -H"], []
    for woord in VREEMD:
        for quote in ("", "'", '"'):
            tekst = bash_quote(woord, quote)
            assert tekst is not None
            if quote and not tekst.endswith(quote):
                tekst += quote  # readline closes the quote after a single candidate
            regels.append(f"printf '<%s>\\n' {quote}{tekst}")
            verwacht.append(f"<{woord}>")
    script = map_ / "regels.sh"
    script.write_text("\n".join(regels) + "\n", encoding="utf-8")
    uit = subprocess.run(["bash", "--norc", "--noprofile", str(script)], cwd=map_, capture_output=True, text=True, timeout=30)
    assert uit.stdout.splitlines() == verwacht, uit.stderr
    for quote in ("", "'", '"'):  # inside `…`: only what needs no quoting anywhere
        assert bash_quote("noah", quote, backtick=True) == "noah"
        assert [bash_quote(w, quote, backtick=True) for w in ("a`touch x`", "a$(x)", "a\\b", "d'hondt")] == [None] * 4
    assert not _gehackt(map_)


@pytest.mark.skipif(os.name != "posix" or not shutil.which("bash"), reason="bash with readline: on Linux and macOS (on Windows a bash is Git's or WSL's)")
def test_bash_answers_for_what_readline_replaces(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program's answer for lines typed in different ways, put on the line as readline
    does, gives the whole word to bash."""
    from typer.main import get_command

    from leersteun.cli import app
    from leersteun.cli.voltooien import Bash, lees_regel

    monkeypatch.chdir(map_)
    monkeypatch.setenv("LANG", "C.UTF-8")
    cli = get_command(app)
    regels, verwacht = ["set -o history -H"], []
    gevallen = [("no", NOAH[1]), ("'no", NOAH[1]), ('"mo', MO[1]), ("d\\'h", HONDT[1]), ("'d'\\''h", HONDT[1]), ('"bak', BAK[1])]
    gevallen += [("van\\ den\\ b", "van den broeck"), ('"bak`t', None)]  # inside backticks a backslash is no quote: left out
    for getypt, woord in gevallen:
        regel = f"leersteun toon {getypt}"
        monkeypatch.setenv("COMP_LINE", regel)
        monkeypatch.setenv("COMP_POINT", str(len(regel)))
        antwoord = Bash(cli, {}, "leersteun", "_LEERSTEUN_COMPLETE").complete().splitlines()
        if woord is None:
            assert antwoord == [], getypt
            continue
        assert len(antwoord) == 1, (getypt, antwoord)
        r = lees_regel(regel)
        op_de_regel = regel[: len(regel) - len(getypt)] + getypt[: len(getypt) - len(_rauw_tekst(getypt, r.quote))] + antwoord[0]
        if r.quote and not antwoord[0].endswith(r.quote):
            op_de_regel += r.quote
        regels.append("printf '<%s>\\n' " + op_de_regel.removeprefix("leersteun toon "))
        verwacht.append(f"<{woord}>")
    script = map_ / "antwoorden.sh"
    script.write_text("\n".join(regels) + "\n", encoding="utf-8")
    uit = subprocess.run(["bash", "--norc", "--noprofile", str(script)], cwd=map_, capture_output=True, text=True, timeout=30)
    assert uit.stdout.splitlines() == verwacht, (regels, uit.stderr)
    assert not _gehackt(map_)


def _rauw_tekst(getypt: str, quote: str) -> str:
    """The part of a typed word that readline replaces: after its last open quote, or (in
    these cases, which have no break character) all of it."""
    return getypt[getypt.rindex(quote) + 1 :] if quote else getypt


def test_zsh_scripts_from_before_get_code_with_every_character_quoted(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.main import get_command

    from leersteun.cli import app
    from leersteun.cli.voltooien import Zsh, zsh_quote

    monkeypatch.chdir(map_)
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "leersteun toon mo")
    monkeypatch.delenv("_LEERSTEUN_COMPLETE_DATA", raising=False)
    zsh = Zsh(get_command(app), {}, "leersteun", "_LEERSTEUN_COMPLETE")
    code = zsh.complete()
    assert "$(" not in code.replace("\\$\\(", "") and "`" not in code.replace("\\`", "")
    monkeypatch.setenv("_LEERSTEUN_COMPLETE_DATA", "1")
    regels = zsh.complete().splitlines()
    assert regels == [MO[1].replace("\\", "\\\\") + ":" + "Mo\\\\$(touch GEHACKT)\\\\`touch GEHACKT\\\\`; touch GEHACKT Claes (T-004)"]
    assert code == f"local -a candidates; candidates=({zsh_quote(regels[0])}); _describe -t values '' candidates"


def test_help_does_not_load_the_completion_module() -> None:
    code = "import sys\nfrom leersteun.cli import main\nsys.argv = ['leersteun', '--help']\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint('leersteun.cli.voltooien' in sys.modules)"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert uit.stdout.strip().splitlines()[-1] == "False"


# ---------------------------------------------------------------------------- the real shells, in tmux


class Terminal:
    """A shell in a tmux pane, typed into as a person does; the screen read back."""

    def __init__(self, shell: str, cwd: Path, env: dict[str, str]) -> None:
        self.map = Path(tempfile.mkdtemp(prefix="lt"))  # a short path: a socket's name has a limit
        self.tmux = ["tmux", "-S", str(self.map / "s"), "-f", "/dev/null"]
        subprocess.run([*self.tmux, "new-session", "-d", "-s", "t", "-x", "200", "-y", "50", "-c", str(cwd), shell], env=env, check=True, timeout=30)

    def scherm(self) -> str:
        uit = subprocess.run([*self.tmux, "capture-pane", "-p", "-J", "-t", "t"], capture_output=True, text=True, timeout=30)
        return "\n".join(r.rstrip() for r in uit.stdout.splitlines())  # -J keeps trailing spaces

    def typ(self, tekst: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", "t", "-l", tekst], check=True, timeout=30)

    def toets(self, *toetsen: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", "t", *toetsen], check=True, timeout=30)

    def wacht(self, klaar: Callable[[str], object], seconden: float = 30) -> str:
        einde = time.monotonic() + seconden
        while True:
            scherm = self.scherm()
            if klaar(scherm):
                return scherm
            if time.monotonic() > einde:
                raise AssertionError(f"the screen did not get there in {seconden} s:\n{scherm}")
            time.sleep(0.05)

    def sluit(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=30)
        shutil.rmtree(self.map, ignore_errors=True)


PROMPT = "klaar> "


def _regel(scherm: str) -> str:
    """The line being edited: the last one with the prompt."""
    return ([""] + [r for r in scherm.splitlines() if r.startswith(PROMPT.rstrip())])[-1]


@pytest.fixture
def shell(tmp_path: Path, map_: Path) -> Iterator[Callable[[str], Terminal]]:
    """A shell of the given name in the case folder, with completion installed as the README
    says (`leersteun --install-completion`, run in that shell) in a home of its own."""
    if not shutil.which("tmux"):
        pytest.skip("tmux is not installed")
    terminals: list[Terminal] = []

    def start(naam: str) -> Terminal:
        if not shutil.which(naam):
            pytest.skip(f"{naam} is not installed")
        home = tmp_path / f"home-{naam}"
        home.mkdir()
        weg = ("EDITOR", "VISUAL", "ENV", "BASH_ENV", "ZDOTDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TMUX", "PROMPT_COMMAND", "COLUMNS", "LINES")
        env = {k: v for k, v in os.environ.items() if k not in weg and not k.endswith("_COMPLETE")}
        env |= {"HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        installeer = subprocess.run([naam, "-c", "leersteun --install-completion; true"], cwd=map_, env=env, capture_output=True, text=True, timeout=60)
        assert installeer.returncode == 0 and f"Aanvullen met Tab geïnstalleerd voor {naam}:" in installeer.stdout, installeer.stdout + installeer.stderr
        if naam == "bash":
            with (home / ".bashrc").open("a", encoding="utf-8") as f:
                f.write(f"PS1='{PROMPT}'\n")
        elif naam == "zsh":
            with (home / ".zshrc").open("a", encoding="utf-8") as f:
                f.write(f"PS1='{PROMPT}'\n")
        else:  # and no generating of completions from man pages in the background
            (home / ".local" / "share" / "fish" / "generated_completions").mkdir(parents=True)
            config = home / ".config" / "fish" / "config.fish"
            config.write_text(f"set -g fish_greeting\nset -g fish_autosuggestion_enabled 0\nfunction fish_prompt; printf '{PROMPT}'; end\n", encoding="utf-8")
        terminal = Terminal(naam, map_, env)
        terminals.append(terminal)
        terminal.wacht(lambda s: any(r.startswith(PROMPT.rstrip()) for r in s.splitlines()))
        return terminal

    yield start
    for t in terminals:
        t.sluit()


def _prompt(t: Terminal) -> None:
    """Wait until the shell asks for the next line (what is typed before that shows twice)."""
    t.wacht(lambda s: ([""] + [r for r in s.splitlines() if r])[-1] == PROMPT.rstrip())


def _voltooi(t: Terminal, getypt: str) -> None:
    """Type `leersteun toon …` and Tab: wait until the shell changed the word."""
    t.typ(f"leersteun toon {getypt}")
    t.wacht(lambda s: _regel(s) == f"{PROMPT}leersteun toon {getypt}")
    t.toets("Tab")
    t.wacht(lambda s: _regel(s) not in ("", f"{PROMPT}leersteun toon {getypt}", PROMPT.rstrip()))


def _woorden(t: Terminal, stap: int) -> list[str]:
    """What the shell passes for the completed line: `printf` put in front of it."""
    t.toets("C-a")
    t.typ(f"printf 'S{stap}<%s>\\n' ")
    t.toets("Enter")
    t.wacht(lambda s: f"S{stap}<toon>" in s.splitlines())
    _prompt(t)
    scherm = t.scherm()
    return [r[len(f"S{stap}<") : -1] for r in scherm.splitlines() if r.startswith(f"S{stap}<") and r.endswith(">")]


def _controleer(t: Terminal, map_: Path, stappen: list[tuple[str, str]]) -> None:
    """The first name of the issue completed and run: it finds the pupil; then each of
    `stappen`: the word the shell passes."""
    _voltooi(t, NOAH[0])
    t.toets("Enter")
    t.wacht(lambda s: any("T-001" in r and "Noah$(touch GEHACKT) Wouters" in r for r in s.splitlines()))
    _prompt(t)
    for stap, (getypt, woord) in enumerate(stappen, 1):
        _voltooi(t, getypt)
        assert _woorden(t, stap) == ["leersteun", "toon", woord], getypt
    assert not _gehackt(map_)


def _oud_script(shell: str, pad: Path) -> Path:
    """typer's own script (before issue 25), as it may still be installed."""
    from typer import _completion_shared

    sjabloon = {"bash": _completion_shared.COMPLETION_SCRIPT_BASH, "zsh": _completion_shared.COMPLETION_SCRIPT_ZSH}[shell]
    pad.write_text(sjabloon % {"complete_func": "_leersteun_completion", "prog_name": "leersteun", "autocomplete_var": "_LEERSTEUN_COMPLETE"}, encoding="utf-8")
    return pad


def test_bash_completes_names_quoted(shell, map_: Path, tmp_path: Path) -> None:
    t = shell("bash")
    _controleer(t, map_, [HONDT, BAK, MO, ("'no", NOAH[1]), ('"mo', MO[1])])
    # a script installed before this one inserts the answer as it is: quoted too
    t.typ(f"source {_oud_script('bash', tmp_path / 'oud.sh')}")
    t.toets("Enter")
    _prompt(t)
    _voltooi(t, MO[0])
    assert _woorden(t, 99) == ["leersteun", "toon", MO[1]]
    assert not _gehackt(map_)


def test_zsh_completes_names_quoted(shell, map_: Path, tmp_path: Path) -> None:
    t = shell("zsh")
    _controleer(t, map_, [HONDT, BAK, MO, ("'d", HONDT[1])])
    # a script installed before this one `eval`s the answer: it gets quoted code
    t.typ(f"source {_oud_script('zsh', tmp_path / 'oud.zsh')}")
    t.toets("Enter")
    _prompt(t)
    _voltooi(t, MO[0])
    assert _woorden(t, 99) == ["leersteun", "toon", MO[1]]
    assert not _gehackt(map_)


def test_fish_completes_names_quoted(shell, map_: Path) -> None:
    t = shell("fish")
    _controleer(t, map_, [HONDT, BAK, MO, ("'d", HONDT[1])])


# ---------------------------------------------------------------------------- PowerShell


@pytest.mark.parametrize(
    ("woord", "quoted"),
    [
        ("noah", "noah"),
        ("zoë", "zoë"),
        ("--fase=ondersteuning", "--fase=ondersteuning"),
        ("KLM-2024-017", "KLM-2024-017"),
        ("van den broeck", "'van den broeck'"),
        ("d'hondt", "'d''hondt'"),
        ("d\u2019hondt", "'d\u2019\u2019hondt'"),  # PowerShell ends a string at ’ too
        ("noah$(touch gehackt)", "'noah$(touch gehackt)'"),
        ('bak`touch gehackt` "ker"', "'bak`touch gehackt` \"ker\"'"),
        ("a,b", "'a,b'"),
        ("@a", "'@a'"),
        ("#a", "'#a'"),
        ("a;b|c&d", "'a;b|c&d'"),
        ("", "''"),
    ],
)
def test_powershell_gets_plain_words_as_they_are_and_anything_else_in_single_quotes(woord: str, quoted: str) -> None:
    from leersteun.cli.voltooien import powershell_quote

    assert powershell_quote(woord) == quoted


def _powershell_antwoord(regel: str) -> list[list[str]]:
    import base64

    from typer.main import get_command

    from leersteun.cli import app
    from leersteun.cli.voltooien import PowerShell

    os.environ["_TYPER_COMPLETE_ARGS"] = regel
    try:
        uit = PowerShell(get_command(app), {}, "leersteun", "_LEERSTEUN_COMPLETE").complete()
    finally:
        del os.environ["_TYPER_COMPLETE_ARGS"]
    assert uit.isascii()  # read back in any code page
    return [[base64.b64decode(v).decode("utf-8") for v in r.split("\t")] for r in uit.splitlines()]


def test_powershell_answers_in_base64_for_the_line_up_to_the_cursor(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(map_)
    assert _powershell_antwoord("leersteun toon mo") == [["'" + MO[1] + "'", MO[1], "Mo\\$(touch GEHACKT)\\`touch GEHACKT\\`; touch GEHACKT Claes (T-004)"]]
    assert _powershell_antwoord("leersteun toon 'd") == [["'d''hondt'", "d'hondt", "Jana D'Hondt (T-002)"]]
    assert sorted(r[0] for r in _powershell_antwoord("leersteun lijst --fase=o")) == ["--fase=ondersteuning", "--fase=opstart"]
    assert "toon" in [r[0] for r in _powershell_antwoord("leersteun ")]  # after a space: the next word
    assert not _gehackt(map_)


def _nep_powershell(bin_: Path, profiel: Path, beleid: str) -> None:
    """A `pwsh` that answers the installer's one question as PowerShell does: the profile's
    path in base64, then the execution policy."""
    import base64

    bin_.mkdir(exist_ok=True)
    b64 = base64.b64encode(str(profiel).encode("utf-8")).decode("ascii")
    for naam in ("pwsh", "powershell"):
        nep = bin_ / naam
        nep.write_text(f"#!/bin/sh\nprintf '%s\\r\\n%s\\r\\n' '{b64}' '{beleid}'\n", encoding="utf-8")
        nep.chmod(0o755)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in for pwsh is a sh script")
def test_powershell_is_installed_beside_the_profile_once_and_the_policy_is_left_to_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from leersteun.cli.voltooien import installeer_script

    profiel = tmp_path / "José Peeters" / "Documents" / "PowerShell" / "Microsoft.PowerShell_profile.ps1"
    profiel.parent.mkdir(parents=True)
    profiel.write_bytes("# mijn eigen profiel\r\nSet-Alias ll Get-ChildItem".encode("utf-16"))  # as Windows PowerShell saves it
    eigen = profiel.read_bytes()
    _nep_powershell(tmp_path / "bin", profiel, "Restricted")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    for _ in range(2):
        with pytest.raises(SystemExit) as stop:
            installeer_script("pwsh")
        assert stop.value.code == 0
    uit = capsys.readouterr().out
    script = profiel.parent / "leersteun-aanvullen.ps1"
    assert f"Aanvullen met Tab geïnstalleerd voor pwsh: {script}" in uit and "Het werkt in elke nieuwe terminal" in uit
    assert "uitvoeringsbeleid Restricted" in uit and "Set-ExecutionPolicy -Scope CurrentUser RemoteSigned" in uit
    assert "Register-ArgumentCompleter -Native -CommandName leersteun" in script.read_text(encoding="ascii")
    assert "Set-PSReadLineKeyHandler" not in script.read_text(encoding="ascii")  # the user's Tab key stays theirs
    assert profiel.read_bytes() == eigen + "\r\n. (Join-Path (Split-Path -Parent $PROFILE) 'leersteun-aanvullen.ps1')\r\n".encode("utf-16-le")

    _nep_powershell(tmp_path / "bin", profiel, "RemoteSigned")
    with pytest.raises(SystemExit):
        installeer_script("powershell")
    assert "uitvoeringsbeleid" not in capsys.readouterr().out


def test_installing_and_showing_speak_dutch_in_a_shell_without_completion(run, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer import _completion_shared, completion

    for gevonden, woorden in ((None, "kon niet vinden in welke shell"), ("cmd", "de Opdrachtprompt van Windows kent het niet"), ("sh", "bestaat niet voor sh")):
        for module in (_completion_shared, completion):  # as shellingham finds the shell
            monkeypatch.setattr(module, "_get_shell_name", lambda g=gevonden: g)
        for optie in ("--install-completion", "--show-completion"):
            uit = run(optie)
            assert uit.exit_code == 1 and woorden in uit.stderr and "bash, zsh, fish en PowerShell" in uit.stderr, (optie, uit.output)
            assert "not supported" not in uit.output
    for module in (_completion_shared, completion):
        monkeypatch.setattr(module, "_get_shell_name", lambda: "pwsh")
    uit = run("--show-completion")
    assert uit.exit_code == 0 and "Register-ArgumentCompleter -Native -CommandName leersteun" in uit.stdout


@pytest.mark.skipif(not shutil.which("pwsh"), reason="PowerShell (pwsh) is not installed: in CI it is, on every platform")
def test_pwsh_completes_names_quoted_and_runs_nothing(map_: Path, tmp_path: Path) -> None:
    """PowerShell's own completion engine (TabExpansion2, what Tab calls) with the script
    `--show-completion` gives; each completed line parsed by PowerShell gives the name as one
    argument, and nothing ran."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": ""}
    script = subprocess.run(
        [str(BIN / "leersteun"), "--show-completion", "pwsh"],
        cwd=map_,
        env={**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert script.returncode == 0, script.stderr
    (tmp_path / "aanvullen.ps1").write_text(script.stdout, encoding="ascii")
    gevallen = [("no", NOAH[1]), ("d", HONDT[1]), ("bak", BAK[1]), ("mo", MO[1]), ("van", "van den broeck")]
    regels = [f". '{tmp_path / 'aanvullen.ps1'}'"]
    for getypt, _ in gevallen:
        regel = f"leersteun toon {getypt}"
        regels += [
            f"$r = TabExpansion2 -inputScript '{regel.replace(chr(39), chr(39) * 2)}' -cursorColumn {len(regel)}",
            "$t = $r.CompletionMatches[0].CompletionText",
            "$lijn = 'leersteun toon ' + $t",
            "$ast = [System.Management.Automation.Language.Parser]::ParseInput($lijn, [ref]$null, [ref]$null)",
            "$w = $ast.EndBlock.Statements[0].PipelineElements[0].CommandElements[2].SafeGetValue()",
            "[Console]::Out.WriteLine([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($w)))",
        ]
    uit = subprocess.run(
        ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "; ".join(regels)], cwd=map_, env=env, capture_output=True, text=True, timeout=120
    )
    import base64

    assert [base64.b64decode(r).decode("utf-8") for r in uit.stdout.split()] == [w for _, w in gevallen], uit.stderr
    assert not _gehackt(map_)
