"""Tab completion that never runs what a case file holds (issue 25): typer's completion
classes for bash, zsh and fish, with candidates quoted for the shell they go to and scripts
that read the program's answer as data.

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

Everywhere: a candidate with a character a terminal cannot show (a name never has one; the
model refuses them) is left out, help texts are one line of plain text (typer would read
them as rich markup), and a path is left to the shell's own file completion.
"""

import os
import sys
from typing import NamedTuple

from typer import _completion_shared
from typer._click.shell_completion import CompletionItem, add_completion_class, split_arg_string
from typer._completion_classes import BashComplete, FishComplete, ZshComplete

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


def installeer() -> None:
    """Use these classes and scripts for completing, --show-completion and
    --install-completion (after typer registered its own, when the command was built)."""
    for klasse in (Bash, Zsh, Fish):
        add_completion_class(klasse, klasse.name)
        _completion_shared._completion_scripts[klasse.name] = klasse.source_template

