"""Tab completion that never runs what a case file holds (issue 25): typer's completion
classes for bash, zsh, fish and PowerShell, with candidates quoted for the shell they go to
and scripts that read the program's answer as data; `--install-completion` and
`--show-completion` speaking Dutch (issue 29).

What typer does, and why it is not safe with names from a shared case folder:

- zsh: its script `eval`s the program's answer, an `_arguments` call whose candidates are
  escaped for `$` and backticks but not for a backslash, and `_arguments` evaluates the list
  once more: a first name `Mo\\$(touch x)` runs `touch x` on Tab. Here the script reads the
  answer line by line as data and hands it to `_describe`, and zsh's `compadd` quotes what
  it inserts (in whatever quotes the word was begun). A script installed before this one
  still `eval`s: it gets code in which every character of a candidate is quoted.
- bash: its script puts the lines in COMPREPLY (with pathname expansion) and readline
  inserts them as they are, unquoted: `noah$(touch x)` runs on Enter, `d'hondt` opens a
  quote. Here every candidate is quoted for the place readline puts it (plain, inside '…'
  or inside "…", found from COMP_LINE as readline finds it), and the script reads the lines
  without expansion.
- fish: inserts candidates quoted itself and never expands the answer. Its script here runs
  the program once per Tab instead of twice, and leaves a path to fish.
- PowerShell (Windows PowerShell 5.1 and PowerShell 7, `powershell` and `pwsh`): typer's
  script inserts candidates as they are, so `noah$(…)` would run on Enter, and it reads the
  answer in the console's code page (an `ë` comes back garbled). Here every field of the answer
  is base64 (plain ASCII in any code page), a candidate that is not a plain word comes in single
  quotes, the program sees the line up to the cursor, and the user's Tab key and execution policy
  are left as they are (typer's installer sets the policy to Unrestricted).

Everywhere: a candidate with a character a terminal cannot show (a name never has one; the
model refuses them) is left out, help texts are one line of plain text (typer would read
them as rich markup), and a path is left to the shell's own file completion.
"""

import base64
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from typer import _completion_shared
from typer._click.shell_completion import CompletionItem, add_completion_class, split_arg_string
from typer._completion_classes import BashComplete, FishComplete, PowerShellComplete, ZshComplete

from leersteun.core.errors import Fout

# The scripts; %(…)s is filled in by typer (`get_completion_script`) and by click (`source`).
BASH = """
%(complete_func)s() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$line")
    done < <(env COMP_LINE="$COMP_LINE" COMP_POINT="$COMP_POINT" COMP_WORDBREAKS="$COMP_WORDBREAKS" \\
                 %(autocomplete_var)s=complete_bash "$1")
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH = """
#compdef %(prog_name)s

%(complete_func)s() {
  local line
  local -a candidates
  for line in "${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" %(autocomplete_var)s=complete_zsh \\
                          %(autocomplete_var)s_DATA=1 %(prog_name)s)}"; do
    [[ -n $line ]] && candidates+=("$line")
  done
  if (( $#candidates )); then
    _describe -t values '' candidates
  else
    _files
  fi
}

compdef %(complete_func)s %(prog_name)s
# Loaded from fpath on the first Tab (as the function _%(prog_name)s): complete that Tab too.
if [[ $zsh_eval_context[-1] == (loadautofunc|shfunc) ]]; then
  %(complete_func)s "$@"
fi
"""

# One run of the program per Tab (typer's script runs it twice: once to ask whether to
# complete files instead); a path is completed by fish itself.
FISH = """
function %(complete_func)s
    set -l candidates (env %(autocomplete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args \\
                           _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s | string match -r -- '.+')
    if set -q candidates[1]
        printf '%%s\\n' $candidates
    else
        __fish_complete_path (commandline -ct)
    end
end

complete --command %(prog_name)s --no-files --arguments '(%(complete_func)s)'
"""

# The line up to the cursor (typer passes the whole line, and drops a space after the last
# word); each answer line is three base64 fields: the text to insert, the text in the list, help.
POWERSHELL = """
Register-ArgumentCompleter -Native -CommandName %(prog_name)s -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $lengte = [Math]::Max(0, $cursorPosition - $commandAst.Extent.StartOffset)
    $Env:%(autocomplete_var)s = 'complete_powershell'
    $Env:_TYPER_COMPLETE_ARGS = $commandAst.Extent.Text.PadRight($lengte).Substring(0, $lengte)
    try {
        $antwoord = @(%(prog_name)s 2>$null)
    } finally {
        Remove-Item Env:%(autocomplete_var)s, Env:_TYPER_COMPLETE_ARGS -ErrorAction SilentlyContinue
    }
    foreach ($regel in $antwoord) {
        $velden = @("$regel" -split "`t" | ForEach-Object { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($_)) })
        if ($velden.Count -eq 3) {
            [System.Management.Automation.CompletionResult]::new($velden[0], $velden[1], 'ParameterValue', $velden[2])
        }
    }
}
"""

# readline's word break characters in bash (COMP_WORDBREAKS) when the script does not pass them
WOORDGRENZEN = " \t\n\"'><=;|&(:"
# Characters that mean nothing to bash anywhere in a word (with letters and digits).
GEWOON = frozenset("-_.,+/@%")


class Regel(NamedTuple):
    """The command line up to the cursor as the shell reads it."""

    args: list[str]  # the complete words after the program's name, unquoted
    woord: str  # the word being completed, unquoted
    tekst: str  # the end of that word that readline replaces (bash), unquoted
    quote: str  # the quote open at the cursor: "", "'" or '"'
    backtick: bool  # inside `…`, where a backslash quotes differently


def lees_regel(regel: str, grenzen: str = WOORDGRENZEN) -> Regel:
    """Split a command line as bash and readline do: the words before the cursor, the word
    being completed, and the part of it readline replaces (from its last unclosed quote, or
    else from its last unquoted word break character; `_rl_find_completion_word`)."""
    quote, open_na, backtick, woordbegin = "", 0, False, 0
    geciteerd = [False] * len(regel)  # bash's char_is_quoted: escaped, or inside (or on) quotes
    i = 0
    while i < len(regel):
        c = regel[i]
        if quote == "'":
            geciteerd[i] = True
            quote = "" if c == "'" else quote
        elif c == "\\":
            geciteerd[i] = bool(quote)
            if i + 1 < len(regel):
                geciteerd[i + 1] = True
            i += 2
            continue
        elif quote == '"':
            geciteerd[i] = True
            if c == '"':
                quote = ""
            elif c == "`":
                backtick = not backtick
        elif c in "'\"":
            quote, open_na, geciteerd[i] = c, i + 1, True
        elif c == "`":
            backtick = not backtick
        elif c in " \t\n":
            woordbegin = i + 1
        i += 1
    begin = open_na if quote else next((j + 1 for j in range(len(regel) - 1, -1, -1) if regel[j] in grenzen and not geciteerd[j]), 0)
    woorden = split_arg_string(regel[:woordbegin])
    if not woorden:  # the program's own name is being typed: nothing of ours to complete
        return Regel([], "", "", "", False)
    tekst = "".join(split_arg_string(quote + regel[begin:]))
    return Regel(woorden[1:], "".join(split_arg_string(regel[woordbegin:])), tekst, quote, backtick)


def _kandidaten(items: list[CompletionItem], woord: str) -> list[tuple[str, str]]:
    """The candidates as whole words with their help on one line: `--fase=` stays in front
    of an option's value, as in the word typed. A path is left to the shell (its own file
    completion), a word with a character a terminal cannot show is left out."""
    waarde = "" if woord == "=" else woord.partition("=")[2] if woord.startswith("-") and "=" in woord else woord  # click's
    ervoor = woord[: len(woord) - len(waarde)]
    uit = []
    for item in items:
        kandidaat = ervoor + str(item.value)
        if item.type == "plain" and kandidaat and kandidaat.isprintable():
            hulp = "".join(c for c in " ".join(str(item.help or "").split()) if c.isprintable())
            uit.append((kandidaat, hulp))
    return uit


def bash_quote(tekst: str, quote: str = "", backtick: bool = False) -> str | None:
    """`tekst` as readline should insert it after what was typed: backslashes, or the quoting
    of the open quote (readline closes that quote itself after a single candidate, unless the
    text ends with the quote character). Inside backticks, where a backslash quotes
    differently and a backtick ends the command, only letters, digits and `GEWOON` (None
    otherwise)."""
    if backtick and not all(c.isalnum() or c in GEWOON for c in tekst):
        return None
    if quote == "'":
        uit = tekst.replace("'", "'\\''")
    elif quote == '"':  # a '!' is safe from history expansion only outside the quotes
        uit = "".join('"\\!"' if c == "!" else "\\" + c if c in '$`"\\' else c for c in tekst)
    else:
        uit = "".join(c if c.isalnum() or c in GEWOON else "\\" + c for c in tekst)
    return uit + quote if quote and uit.endswith(quote) else uit


# Characters that mean nothing to PowerShell in an argument (with letters and digits); ','
# makes a list, '@' and '#' begin something at the start of a word, quotes (also ‘ ’ “ ”), '$',
# '`', '(', '{', ';', '|', '&', '<', '>' and a space all mean something.
PS_GEWOON = frozenset("-_./:=+%")


def powershell_quote(tekst: str) -> str:
    """`tekst` as one argument for PowerShell: as it is when every character is a letter, a
    digit or `PS_GEWOON`; else in single quotes, where only a single quote (PowerShell counts
    ‘ ’ ‚ ‛ as one too) is doubled."""
    if tekst and all(c.isalnum() or c in PS_GEWOON for c in tekst):
        return tekst
    return "'" + re.sub("['\u2018\u2019\u201a\u201b]", lambda m: m.group() * 2, tekst) + "'"


def zsh_quote(tekst: str) -> str:
    """Every character that is not a letter or digit behind a backslash: the same text to
    zsh's `eval`, in any context."""
    return "".join(c if c.isalnum() and c.isascii() else "\\" + c for c in tekst)


def _describe(woord: str, hulp: str) -> str:
    """A candidate for zsh's `_describe`: `:` separates the help, a backslash quotes (in
    the help as well: zsh's compdescribe removes one there too)."""
    waarde = woord.replace("\\", "\\\\").replace(":", "\\:")
    return waarde + ":" + hulp.replace("\\", "\\\\") if hulp else waarde


def _tot_cursor(regel: bytes, punt: str) -> str:
    """COMP_LINE up to COMP_POINT, which bash counts in characters in a multibyte locale and
    in bytes in another."""
    tekst = regel.decode("utf-8", "surrogateescape")
    if not punt.isdigit():
        return tekst
    taal = next((os.environ[k] for k in ("LC_ALL", "LC_CTYPE", "LANG") if os.environ.get(k)), "").lower()
    if "utf-8" in taal or "utf8" in taal:
        return tekst[: int(punt)]
    return regel[: int(punt)].decode("utf-8", "surrogateescape")


class Bash(BashComplete):
    source_template = BASH

    def get_completion_args(self) -> tuple[list[str], str]:
        regel = os.environb.get(b"COMP_LINE")
        if regel is None:  # a script installed before this one: COMP_WORDS, no quote known
            args, woord = super().get_completion_args()
            self.regel = Regel(args, woord, woord, "", False)
            return args, woord
        self.regel = lees_regel(_tot_cursor(regel, os.environ.get("COMP_POINT", "")), os.environ.get("COMP_WORDBREAKS") or WOORDGRENZEN)
        return self.regel.args, self.regel.woord

    def complete(self) -> str:
        args, woord = self.get_completion_args()
        r = self.regel
        if not woord.endswith(r.tekst):
            return ""
        al = len(woord) - len(r.tekst)  # what stays on the line before readline's text
        uit = []
        for kandidaat, _ in _kandidaten(self.get_completions(args, woord), woord):
            quoted = bash_quote(kandidaat[al:], r.quote, r.backtick) if kandidaat.startswith(woord[:al]) else None
            if quoted:
                uit.append(quoted)
        return "\n".join(uit)


class Zsh(ZshComplete):
    source_template = ZSH

    def get_completion_args(self) -> tuple[list[str], str]:
        r = lees_regel(os.getenv("_TYPER_COMPLETE_ARGS", ""))
        return r.args, r.woord

    def complete(self) -> str:
        args, woord = self.get_completion_args()
        regels = [_describe(k, h) for k, h in _kandidaten(self.get_completions(args, woord), woord)]
        if os.getenv(f"{self.complete_var}_DATA"):
            return "\n".join(regels)
        # A script installed before this one `eval`s the answer: code, every character quoted.
        if not regels:
            return "_files"
        return f"local -a candidates; candidates=({' '.join(map(zsh_quote, regels))}); _describe -t values '' candidates"


class Fish(FishComplete):
    source_template = FISH

    def get_completion_args(self) -> tuple[list[str], str]:
        r = lees_regel(os.getenv("_TYPER_COMPLETE_ARGS", ""))
        return r.args, r.woord

    def complete(self) -> str:
        args, woord = self.get_completion_args()
        kandidaten = _kandidaten(self.get_completions(args, woord), woord)
        if os.getenv("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            sys.exit(0 if kandidaten else 1)  # 1: fish completes files instead
        return "\n".join(f"{k}\t{h}" if h else k for k, h in kandidaten)


class PowerShell(PowerShellComplete):
    source_template = POWERSHELL

    def get_completion_args(self) -> tuple[list[str], str]:
        r = lees_regel(os.getenv("_TYPER_COMPLETE_ARGS", ""))
        return r.args, r.woord

    def complete(self) -> str:
        args, woord = self.get_completion_args()

        def b64(tekst: str) -> str:
            return base64.b64encode(tekst.encode("utf-8")).decode("ascii")

        kandidaten = _kandidaten(self.get_completions(args, woord), woord)
        return "\n".join("\t".join(map(b64, (powershell_quote(k), k, h or k))) for k, h in kandidaten)


# ---------------------------------------------------------------------------- --install-completion, --show-completion

SHELLS = {"bash": Bash, "zsh": Zsh, "fish": Fish, "powershell": PowerShell, "pwsh": PowerShell}
WAAR = "bash, zsh, fish en PowerShell"


def _shell(shell: str | None) -> str:
    """The shell asked for, else the one this runs in; a Dutch refusal when it has no
    completion here."""
    if not shell:
        from typer._completion_shared import _get_shell_name

        shell = _get_shell_name()
    if not shell:
        raise Fout(f"leersteun kon niet vinden in welke shell je werkt. Aanvullen met Tab bestaat voor {WAAR}: start dit in een van die shells.")
    if shell not in SHELLS:
        uitleg = " (de Opdrachtprompt van Windows kent het niet; gebruik PowerShell)" if shell == "cmd" else ""
        raise Fout(f"Aanvullen met Tab bestaat niet voor {shell}{uitleg}. Het bestaat voor {WAAR}: start dit in een van die shells.")
    return shell


def script(*, prog_name: str, complete_var: str, shell: str) -> str:
    """The completion script for `--show-completion` (typer's `get_completion_script`)."""
    functie = "_" + re.sub(r"[^a-zA-Z0-9_]", "", prog_name.replace("-", "_")) + "_completion"
    return (SHELLS[_shell(shell)].source_template % {"complete_func": functie, "prog_name": prog_name, "autocomplete_var": complete_var}).strip()


def _installeer_bash(prog_name: str, complete_var: str) -> Path:
    """The script in ~/.bash_completions, and one line in ~/.bashrc that loads it (once:
    typer's own adds an empty line to .bashrc at every install)."""
    pad = Path.home() / ".bash_completions" / f"{prog_name}.sh"
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(script(prog_name=prog_name, complete_var=complete_var, shell="bash") + "\n", encoding="utf-8")
    import shlex

    _regel_in(Path.home() / ".bashrc", f"source {shlex.quote(str(pad))}", ook=f"source '{pad}'")  # typer's line counts too
    return pad


def _regel_in(bestand: Path, regel: str, ook: str = "") -> None:
    """`regel` at the end of a start-up file, unless it (or `ook`) is there already: added,
    never rewritten, in the file's own encoding (a PowerShell profile may be UTF-16) and line
    ends."""
    bestand.parent.mkdir(parents=True, exist_ok=True)
    ruw = bestand.read_bytes() if bestand.is_file() else b""
    codering = "utf-16-le" if ruw.startswith(b"\xff\xfe") else "utf-16-be" if ruw.startswith(b"\xfe\xff") else "utf-8"
    tekst = ruw.decode(codering, "replace").lstrip("\ufeff")
    if regel in tekst.splitlines() or (ook and ook in tekst.splitlines()):
        return
    einde = "\r\n" if "\r\n" in tekst else "\n"
    with bestand.open("ab") as f:
        f.write(((einde if tekst and not tekst.endswith(("\n", "\r")) else "") + regel + einde).encode(codering))


# The profile loads the script beside it: an ASCII line (a profile may be in any encoding) that
# holds no user name.
PROFIEL_REGEL = ". (Join-Path (Split-Path -Parent $PROFILE) '{naam}')"
ZONDER_PROFIEL = ("Restricted", "AllSigned", "Undefined")  # no unsigned profile script runs


def _installeer_powershell(shell: str, prog_name: str, complete_var: str) -> tuple[Path, list[str]]:
    """The script beside the user's PowerShell profile (of this PowerShell: Windows PowerShell
    and PowerShell 7 each have their own), and one line in the profile that loads it. The
    execution policy is the user's (or the school's): when it runs no profile, say so."""
    vraag = "[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($PROFILE)); Get-ExecutionPolicy"
    try:
        uit = subprocess.run(
            [shell, "-NoProfile", "-NonInteractive", "-Command", vraag], capture_output=True, timeout=60, stdin=subprocess.DEVNULL, check=False
        )
        regels = uit.stdout.decode("ascii", "replace").split()
        profiel = Path(base64.b64decode(regels[0]).decode("utf-8"))
        beleid = regels[1] if len(regels) > 1 else ""
    except (OSError, subprocess.SubprocessError, IndexError, ValueError):
        raise Fout(f"{shell} gaf niet op waar je PowerShell-profiel staat; er is niets geïnstalleerd.") from None
    naam = f"{prog_name}-aanvullen.ps1"
    pad = profiel.parent / naam
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(script(prog_name=prog_name, complete_var=complete_var, shell=shell) + "\n", encoding="ascii")
    _regel_in(profiel, PROFIEL_REGEL.format(naam=naam))
    extra = []
    if beleid in ZONDER_PROFIEL:
        extra.append(
            f"Let op: PowerShell voert nu geen profielscripts uit (uitvoeringsbeleid {beleid}), dus het aanvullen start nog niet. "
            "Mag het op deze computer, voer dan één keer uit: Set-ExecutionPolicy -Scope CurrentUser RemoteSigned "
            "(op een laptop van de school beslist de ICT-verantwoordelijke dat)."
        )
    return pad, extra


def installeer_script(shell: str | None = None, prog_name: str | None = None, complete_var: str | None = None) -> tuple[str, Path]:
    """`--install-completion` (typer's `install`): the script for this shell where it loads at
    every start, then a Dutch line saying where, and the end of the command."""
    from typer._completion_shared import install_fish, install_zsh

    installeer()  # typer's zsh and fish installers write the script they have registered
    prog_name = prog_name or "leersteun"
    complete_var = complete_var or "_LEERSTEUN_COMPLETE"
    shell = _shell(shell)
    extra: list[str] = []
    if shell == "bash":
        pad = _installeer_bash(prog_name, complete_var)
    elif shell == "zsh":
        pad = install_zsh(prog_name=prog_name, complete_var=complete_var, shell=shell)
    elif shell == "fish":
        pad = install_fish(prog_name=prog_name, complete_var=complete_var, shell=shell)
    else:
        pad, extra = _installeer_powershell(shell, prog_name, complete_var)
    print(f"Aanvullen met Tab geïnstalleerd voor {shell}: {pad}")
    print("Het werkt in elke nieuwe terminal die je opent.")
    for regel in extra:
        print(regel)
    raise SystemExit(0)


def installeer() -> None:
    """Use these classes and scripts for completing, --show-completion and
    --install-completion (after typer registered its own, when the command was built), and
    the Dutch installer."""
    from typer import completion

    for naam, klasse in SHELLS.items():
        add_completion_class(klasse, naam)
        _completion_shared._completion_scripts[naam] = klasse.source_template
    completion.install = installeer_script
    completion.get_completion_script = script
