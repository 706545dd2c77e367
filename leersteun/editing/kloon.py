"""A case folder made, and a clone set up: `leersteun init`.

`maak_map` makes a new folder (settings, .gitignore, .gitattributes, a git repository with a
first commit). git copies neither hooks nor its settings into a clone, so every clone is set
up once, the same way (`richt_kloon_in`: by `leersteun init`, or by `leersteun delen` when
`kloon_ingericht` says something is missing or stale): the check before each commit, the
merge driver for case files, and `pull.rebase=false` so a plain `git pull` merges.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from leersteun.core.errors import Fout
from leersteun.reading.folder import CASES, INSTELLINGEN, TEMPLATES, gebruiker

INSTELLINGEN_SJABLOON = """\
# leersteun.yaml: de instellingen van deze dossiermap.
# Sleutels zoals in de handleiding; zet hier nooit een wachtwoord.

netwerk: {netwerk}
coordinatie:
  email: {coordinatie}            # hierheen gaan de vragen tot heropstart
afzender: null                    # {{naam: ..., email: ...}}: wie de mails verstuurt
smtp: null                        # {{host: ..., poort: 587, starttls: true, gebruiker: ...}}; wachtwoord via LEERSTEUN_SMTP_WACHTWOORD
team: []                          # - naam: ...   rol: ankerpersoon | ondersteuner | coördinator
capaciteit: null                  # trajecten_totaal en per school: naam, leerlingen, verslagen_gemiddeld
"""

GITIGNORE = """\
# Gemaakt door leersteun: gegenereerde bestanden bevatten persoonsgegevens.
out/
"""

# ---------------------------------------------------------------------------- a clone: hook, merge driver, git pull
#
# git copies neither hooks nor its settings into a clone, so every clone is set up once, the
# same way (`richt_kloon_in`: by `leersteun init`, or by `leersteun delen` when
# `kloon_ingericht` says something is missing or stale). The hook and the merge driver start
# this very Python by its absolute path and isolated (`-I`): the folder's own files are data,
# never code. Without `-I` Python would put the folder (git runs both there) first on
# sys.path, so a `typer.py` or `sitecustomize.py` a colleague committed would run at the next
# commit or merge; `-I` also ignores PYTHONPATH and the other PYTHON* variables and the user's
# site-packages. The hook names the folder itself (`--map .`), so LEERSTEUN_MAP cannot make it
# check another folder's settings. A case folder inside a larger repository (`init` in a
# subfolder) is named from the top, where git runs the hook: `MAP=leersteun-kempen/`.

HOOK_MERK = "# leersteun: controleert de gewijzigde dossiers voor elke commit"
HOOK = """\
#!/bin/sh
{merk}
# Gemaakt door 'leersteun init'; opnieuw maken: 'leersteun init' in deze map.
# Een fout in een gewijzigd dossier of in leersteun.yaml houdt de commit tegen; een
# waarschuwing wordt getoond en houdt niets tegen. Python start afgezonderd (-I): geen
# bestand uit deze map wordt als code geladen, PYTHONPATH en dergelijke tellen niet mee.
PY={python}
MAP={map}
set -f
IFS='
'
bestanden=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR -- "$MAP"'cases/*.yaml' "$MAP"'cases/*.yml' "$MAP"'cases/*.YAML' "$MAP"'cases/*.YML' "$MAP"leersteun.yaml) || exit 1
[ -z "$bestanden" ] && exit 0
if [ ! -x "$PY" ]; then
  echo "leersteun is niet gevonden ($PY). Voer 'leersteun init' opnieuw uit in deze map." >&2
  exit 1
fi
# shellcheck disable=SC2086
uitkomst=$("$PY" -I -u -m leersteun --map "${{MAP:-.}}" valideer $bestanden 2>&1)
code=$?
[ -n "$uitkomst" ] && printf '%s\\n' "$uitkomst" >&2
if [ "$code" -ne 0 ]; then
  echo "De commit is tegengehouden; er is niets gecommit. Verbeter de fouten hierboven ('leersteun valideer' toont ze opnieuw) en commit dan opnieuw: met 'leersteun delen', of met git. Moet deze commit er met git toch door, dan kan dat met 'git commit --no-verify'; 'leersteun delen' deelt nooit een ongeldig dossier." >&2
  exit 1
fi
case $uitkomst in
  *waarschuwing*) echo "De commit gaat door: waarschuwingen houden een commit niet tegen." >&2 ;;
esac
exit 0
"""

ATTRIBUTEN_MERK = "# leersteun: dossiers samenvoegen per veld (leersteun conflict bij tegenspraak)"
ATTRIBUTEN = f"""\
{ATTRIBUTEN_MERK}
cases/*.yaml merge=leersteun
cases/*.yml merge=leersteun
"""
DRIVER_NAAM = "leersteun: dossiers per veld samenvoegen"
DRIVER_MODULE = "leersteun.editing.merge"
# the settings a clone's set-up reads, in one call to git (git gives the names in lower case)
_SLEUTELS = r"^(core\.hookspath|merge\.leersteun\.(name|driver)|pull\.(rebase|ff))$"


def _python() -> str:
    """This interpreter by its absolute path, links not resolved: the place of a virtual
    environment's `python` is what makes it that environment."""
    import sys

    return os.path.abspath(sys.executable) if sys.executable else ""


# A Windows path: on a drive (C:\ or C:/) or on a share (\\server\...).
_WINDOWS_PAD = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\[^\\])")


def voor_sh(pad: str) -> str:
    """An interpreter's path as sh runs it, quoted. Git for Windows runs the hook and the
    driver with its own sh (MSYS), which takes `C:/Users/An Janssens/.../python.exe` as it is;
    a Windows path gets forward slashes, so no backslash ever depends on the quoting (one
    unquoted backslash is an escape to sh). Then single quotes, as sh reads them: spaces,
    accents, `'`, `$` and `(` stay part of the path."""
    import shlex

    if _WINDOWS_PAD.match(pad):
        pad = pad.replace("\\", "/")
    return shlex.quote(pad)


def hook_tekst(python: str | None = None, map_: str = "") -> str:
    """The pre-commit hook as this leersteun writes it (with this interpreter), for the case
    folder `map_` (from the top of the repository, ending in /; empty: the top itself)."""
    import shlex

    return HOOK.format(merk=HOOK_MERK, python=voor_sh(python or _python()), map=shlex.quote(map_) if map_ else "")


def _deel(pad: Path) -> str:
    """Where the case folder lies in its repository, as git names it ('' at the top,
    'leersteun-kempen/' in a subfolder)."""
    from leersteun.files.git import uit

    return uit(pad, "-c", "core.quotePath=false", "rev-parse", "--show-prefix")


def driver_commando(python: str | None = None) -> str:
    """The merge driver's command line for git (run through `sh -c`): git replaces %O, %A, %B
    and %P (which it quotes itself) and reads %% as one %."""
    return f"{voor_sh(python or _python()).replace('%', '%%')} -I -m {DRIVER_MODULE} %O %A %B %P"


def _deze_python(python: str) -> str | None:
    """`python` when it is this interpreter under another name in the same folder (a virtual
    environment's `python` and `python3`: `leersteun` itself starts one, `python -m leersteun`
    the other), or with forward slashes (`voor_sh`), so that the two do not take turns
    rewriting the hook; else None."""
    import shlex

    eigen = _python()
    if python == eigen or shlex.quote(python) == voor_sh(eigen):
        return python
    try:
        zelfde = os.path.isabs(python) and os.path.realpath(os.path.dirname(python)) == os.path.realpath(os.path.dirname(eigen))
        return python if zelfde and os.path.samefile(python, eigen) else None
    except OSError:
        return None


@functools.cache
def _niet_afgezonderd(python: str) -> str | None:
    """Why `python -I` would not run this very leersteun (None when it does). Started isolated,
    Python sees only its own library and site-packages: a leersteun found through PYTHONPATH,
    the current folder or the user's site-packages is not there, and the hook and driver would
    fail. One short start of Python (no leersteun imported), once per process."""
    import subprocess

    if not python:
        return "Python geeft niet op waar het zelf staat"
    vraag = (
        "import importlib.util as u\n"
        "try:\n"
        "    s = u.find_spec('leersteun')\n"
        "    ok = s is not None and all(u.find_spec(m) for m in ('typer', 'pydantic', 'ruamel.yaml'))\n"
        "except ImportError:\n"
        "    ok = False\n"
        "print(s.origin if ok else '')\n"
    )
    try:
        r = subprocess.run([python, "-I", "-c", vraag], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False)
        gevonden = r.stdout.strip()
        if r.returncode == 0 and gevonden and os.path.samefile(gevonden, Path(__file__).parents[1] / "__init__.py"):
            return None
    except (OSError, subprocess.SubprocessError):
        pass
    return f"{python} vindt deze leersteun niet als het afgezonderd start (zonder PYTHONPATH, de map waar je staat of je eigen pakketten)"


def _niet_afgezonderd_uitleg(reden: str) -> str:
    return (
        f"{reden}. Installeer leersteun in een virtuele omgeving (zie de installatie bovenaan de handleiding) en voer daarmee 'leersteun init' uit in deze map"
    )


def _git_pad(pad: Path, naam: str) -> Path | str:
    """A path inside this clone's .git (hooks, info), or why there is none."""
    from leersteun.files.git import git_pad, is_repo

    try:
        if not is_repo(pad):
            return "geen git-repository"
        return git_pad(pad, naam)
    except Fout:
        return "git is niet geïnstalleerd"


def _instellingen(pad: Path) -> dict[str, str]:
    """This clone's settings that the set-up reads, as git sees them (the last value wins:
    the clone's own over the user's)."""
    from leersteun.files.git import git

    uitvoer = git(pad, "config", "-z", "--get-regexp", _SLEUTELS, check=False).stdout
    waarden = {}
    for item in uitvoer.split("\0"):
        sleutel, _, waarde = item.partition("\n")
        if sleutel:
            waarden[sleutel] = waarde
    return waarden


def _hook_toestand(pad: Path, instellingen: dict[str, str] | None = None) -> tuple[str, str, Path | None]:
    """(state, where, the hook file): 'geen' (no git), 'hookspad' (core.hooksPath: git looks
    elsewhere, leersteun writes nothing there), 'vreemd' (someone else's hook), 'ontbreekt',
    'oud' (leersteun's, but not what it would write now) or 'huidig'."""
    hooks = _git_pad(pad, "hooks")
    if isinstance(hooks, str):
        return "geen", hooks, None
    if instellingen is None:
        instellingen = _instellingen(pad)
    if instellingen.get("core.hookspath"):
        return "hookspad", instellingen["core.hookspath"], None
    hook = hooks / "pre-commit"
    if not (hook.exists() or hook.is_symlink()):
        return "ontbreekt", str(hook), hook
    try:
        tekst = hook.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "vreemd", str(hook), hook
    if hook.is_symlink() or tekst.splitlines()[1:2] != [HOOK_MERK]:
        return "vreemd", str(hook), hook
    if _is_huidige_hook(tekst, _deel(pad)) and os.access(hook, os.X_OK):
        return "huidig", str(hook), hook
    return "oud", str(hook), hook


def installeer_hook(pad: Path) -> str:
    """Install the check before every commit in this clone's .git/hooks (never a tracked
    file), or renew an older one of leersteun. Someone else's hook is never touched."""
    toestand, waar, hook = _hook_toestand(pad)
    if toestand == "geen":
        return f"{waar}: er is geen controle voor elke commit"
    if toestand == "hookspad":
        return f"git neemt hier de hooks uit {waar} (core.hooksPath); leersteun zet daar niets bij, dus het controleert je commits niet"
    if toestand == "vreemd":
        return f"er staat al een andere pre-commit hook ({waar}); die is niet aangeraakt, dus leersteun controleert je commits niet"
    if toestand == "huidig":
        return "controle voor elke commit: was al in orde"
    assert hook is not None
    reden = _niet_afgezonderd(_python())
    if reden:
        weg = ""
        if toestand == "oud":  # it would load code from the folder: no check beats that one
            hook.unlink()
            weg = " De oude controle is verwijderd, want die kon code uit de map uitvoeren."
        return f"de controle voor elke commit is niet geïnstalleerd: {_niet_afgezonderd_uitleg(reden)}.{weg}"
    hook.parent.mkdir(parents=True, exist_ok=True)
    from leersteun.files.schijf import schrijf_atomisch

    schrijf_atomisch(hook, hook_tekst(map_=_deel(pad)).encode("utf-8"))
    hook.chmod(0o755)
    gedaan = "vernieuwd" if toestand == "oud" else "geïnstalleerd"
    return f"controle voor elke commit {gedaan} (.git/hooks/pre-commit): een fout in een dossier houdt de commit tegen, een waarschuwing wordt alleen getoond"


def _attribuut_gezet(pad: Path) -> bool:
    """Does git, here, send case files to the driver (the folder's .gitattributes or
    .git/info/attributes, whichever wins)?"""
    from leersteun.files.git import uit

    regels = uit(pad, "check-attr", "merge", "--", f"{CASES}/DOSSIER.yaml", f"{CASES}/DOSSIER.yml").splitlines()
    return len(regels) == 2 and all(r.endswith(": merge: leersteun") for r in regels)


def _is_huidige_hook(tekst: str, map_: str = "") -> bool:
    import shlex

    regel = next((r for r in tekst.splitlines() if r.startswith("PY=")), "")
    try:
        python = _deze_python(shlex.split(regel[3:])[0]) if regel else None
    except (ValueError, IndexError):
        return False
    return python is not None and tekst == hook_tekst(python, map_)


def _driver_huidig(pad: Path, instellingen: dict[str, str]) -> bool:
    import shlex

    commando = instellingen.get("merge.leersteun.driver", "")
    try:
        python = _deze_python(shlex.split(commando.replace("%%", "%"))[0]) if commando else None
    except (ValueError, IndexError):
        return False
    return python is not None and commando == driver_commando(python) and instellingen.get("merge.leersteun.name") == DRIVER_NAAM and _attribuut_gezet(pad)


def installeer_driver(pad: Path) -> str:
    """Set up git's merge driver for case files in this clone: the driver in the clone's git
    config (never cloned), and the attribute that names it in `.git/info/attributes` unless
    the folder's `.gitattributes` already does (so no tracked file changes)."""
    info = _git_pad(pad, "info")
    if isinstance(info, str):
        return f"{info}: dossiers worden niet per veld samengevoegd"
    from leersteun.files.git import git

    instellingen = _instellingen(pad)
    if _driver_huidig(pad, instellingen):
        return "samenvoegen per veld: was al in orde"
    reden = _niet_afgezonderd(_python())
    if reden:
        if DRIVER_MODULE in instellingen.get("merge.leersteun.driver", ""):  # an older one would load code from the folder
            git(pad, "config", "--unset-all", "merge.leersteun.driver", check=False)
        return f"dossiers worden niet per veld samengevoegd: {_niet_afgezonderd_uitleg(reden)}"
    for sleutel, waarde in (("merge.leersteun.name", DRIVER_NAAM), ("merge.leersteun.driver", driver_commando())):
        if instellingen.get(sleutel) != waarde:
            gezet = git(pad, "config", sleutel, waarde, check=False)
            if gezet.returncode != 0:
                return f"samenvoegen per veld kon niet ingesteld worden: {(gezet.stderr or gezet.stdout).strip()}"
    if not _attribuut_gezet(pad):
        attributen = info / "attributes"
        tekst = attributen.read_text(encoding="utf-8", errors="replace") if attributen.is_file() else ""
        if ATTRIBUTEN_MERK not in tekst:
            from leersteun.files.schijf import schrijf_atomisch

            info.mkdir(parents=True, exist_ok=True)
            schrijf_atomisch(attributen, (tekst + ("" if tekst.endswith("\n") or not tekst else "\n") + ATTRIBUTEN).encode("utf-8"))
    return "samenvoegen per veld ingesteld: wat twee collega's aan hetzelfde dossier toevoegen, blijft allebei bewaard"


def driver_ingesteld(pad: Path) -> bool:
    """Is the merge driver set up as this leersteun would set it up now?"""
    try:
        return _driver_huidig(pad, _instellingen(pad))
    except Fout:
        return False


def _pull_ingesteld(instellingen: dict[str, str]) -> bool:
    return bool(instellingen.get("pull.rebase") or instellingen.get("pull.ff"))


def stel_pull_in(pad: Path) -> str:
    """Plain `git pull` merges (with the driver) instead of refusing when both sides have new
    commits (git 2.27 and later ask to choose first): `pull.rebase=false` in this clone's own
    config, unless the user chose pull.rebase or pull.ff themselves."""
    from leersteun.files.git import git

    instellingen = _instellingen(pad)
    eigen = [f"{k}={instellingen[k]}" for k in ("pull.rebase", "pull.ff") if instellingen.get(k)]
    if eigen == ["pull.rebase=false"]:
        return "git pull voegt samen (pull.rebase=false): was al in orde"
    if eigen:
        return f"git pull: je eigen instelling ({', '.join(eigen)}) is niet aangeraakt"
    gezet = git(pad, "config", "--local", "pull.rebase", "false", check=False)
    if gezet.returncode != 0:
        return f"pull.rebase kon niet ingesteld worden: {(gezet.stderr or gezet.stdout).strip()}"
    return "git pull voegt samen (pull.rebase=false in deze kloon): ook een gewone 'git pull' voegt dossiers per veld samen"


def kloon_ingericht(pad: Path) -> bool:
    """Is this clone set up as `richt_kloon_in` would set it up now: the hook and the merge
    driver present and pointing at this very interpreter with today's command line, the
    attribute in force, and git pull set (by leersteun or by the user)? Someone else's hook, or
    core.hooksPath, is the user's choice and counts as done. False outside a git repository.
    Cheap (a few calls to git, no Python started), so `delen` can ask every time."""
    from leersteun.files.git import is_repo

    try:
        if not is_repo(pad):
            return False
        instellingen = _instellingen(pad)
        return _hook_toestand(pad, instellingen)[0] in ("huidig", "vreemd", "hookspad") and _driver_huidig(pad, instellingen) and _pull_ingesteld(instellingen)
    except (Fout, OSError):
        return False


def richt_kloon_in(pad: Path) -> list[str]:
    """Set up what git does not clone, the same way in every clone and as often as asked: the
    check before every commit, the merge driver, and `pull.rebase=false` (unless the user set
    pull.rebase or pull.ff). Changes no tracked file. Returns Dutch lines, one per part, saying
    what was done (or that it was already in order, or why not)."""
    geen = _git_pad(pad, "hooks")
    if isinstance(geen, str):
        return [f"{geen}: er is geen controle voor elke commit en geen samenvoegen per veld"]
    return [installeer_hook(pad), installeer_driver(pad), stel_pull_in(pad)]


def maak_map(pad: Path, netwerk: str, coordinatie: str) -> list[str]:
    """Create a new case folder. Returns Dutch lines describing what was done."""
    from leersteun.files.schijf import schrijf_atomisch

    if (pad / INSTELLINGEN).exists():
        raise Fout(f"{pad / INSTELLINGEN} bestaat al: dit is al een dossiermap. Er is niets gewijzigd.")
    pad.mkdir(parents=True, exist_ok=True)
    gedaan = []
    for naam in (CASES, TEMPLATES):
        (pad / naam).mkdir(exist_ok=True)
        (pad / naam / ".gitkeep").touch()
    instellingen = INSTELLINGEN_SJABLOON.format(netwerk=_yaml_tekst(netwerk), coordinatie=_yaml_tekst(coordinatie))
    _controleer_instellingen(instellingen, pad / INSTELLINGEN)
    inhoud = {
        INSTELLINGEN: instellingen,
        ".gitignore": GITIGNORE,
        ".gitattributes": ATTRIBUTEN,
    }
    for naam, tekst in inhoud.items():
        doel = pad / naam
        if naam == ".gitignore" and doel.is_file():
            gedaan.append(_vul_gitignore_aan(doel))
            continue
        if doel.exists():
            gedaan.append(f"{naam} bestond al en is niet aangeraakt")
            continue
        schrijf_atomisch(doel, tekst.encode("utf-8"), nieuw=True)
        gedaan.append(f"{naam} gemaakt")
    git_init = _git_init(pad)
    gedaan.append(git_init)
    gedaan += richt_kloon_in(pad)
    if git_init == GIT_GEMAAKT:
        gedaan.append(_eerste_commit(pad))
    return gedaan


def _eerste_commit(pad: Path) -> str:
    """A new repository starts with the folder's own files committed, so that a colleague's
    clone has the settings; cases come with `leersteun delen`."""
    bestanden = [INSTELLINGEN, ".gitignore", ".gitattributes", f"{CASES}/.gitkeep", f"{TEMPLATES}/.gitkeep"]
    from leersteun.files.git import git, identiteit

    git(pad, "add", "--", *bestanden, check=False)
    uit = git(pad, *identiteit(pad, gebruiker()), "commit", "-q", "-m", "Nieuwe dossiermap", "--", *bestanden, check=False)
    if uit.returncode != 0:
        return f"eerste commit lukte niet: {(uit.stderr or uit.stdout).strip()}"
    return "eerste commit gemaakt (instellingen, .gitignore, .gitattributes): klaar om te delen"


def _controleer_instellingen(tekst: str, pad: Path) -> None:
    """init writes only settings that its own validation accepts."""
    from leersteun.files.store import YamlBestand, ontleed
    from leersteun.rules.checks import controleer_instellingen

    bestand = YamlBestand(pad, b"", tekst, ontleed(tekst, str(pad)))
    _, bevindingen = controleer_instellingen(bestand)
    fouten = [b for b in bevindingen if b.is_fout]
    if fouten:
        raise Fout("De instellingen zouden niet geldig zijn; er is niets gemaakt:\n" + "\n".join(f"  {b.boodschap}" for b in fouten))


def _vul_gitignore_aan(doel: Path) -> str:
    """An existing .gitignore gets the lines that keep pupils' data out of git."""
    from leersteun.files.schijf import schrijf_atomisch

    tekst = doel.read_text(encoding="utf-8", errors="replace")
    regels = {r.strip().rstrip("/") for r in tekst.splitlines()}
    nodig = [r for r in GITIGNORE.splitlines() if r and not r.startswith("#") and r.rstrip("/") not in regels]
    if not nodig:
        return ".gitignore bestond al en negeert out/ al"
    aanvulling = ("" if tekst.endswith("\n") or not tekst else "\n") + "\n".join([GITIGNORE.splitlines()[0], *nodig]) + "\n"
    schrijf_atomisch(doel, (tekst + aanvulling).encode("utf-8"))
    return f".gitignore aangevuld met {', '.join(nodig)}"


def _yaml_tekst(waarde: str) -> str:
    import json

    return json.dumps(waarde, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _git_init(pad: Path) -> str:
    from leersteun.files.git import git, is_repo

    try:
        if is_repo(pad):
            return _in_bestaande_repo(pad)
        uit = git(pad, "init", "-q", check=False)
    except Fout:
        return "git is niet geïnstalleerd: installeer git om de geschiedenis van de dossiers te bewaren"
    if uit.returncode != 0:
        return f"git init lukte niet: {uit.stderr.strip()}"
    return GIT_GEMAAKT


GIT_GEMAAKT = "git-repository gemaakt"


def _in_bestaande_repo(pad: Path) -> str:
    """What `init` did in a folder that already lies in a git repository: no repository of
    its own and no commit, and where the case folder is in that repository."""
    from leersteun.files.git import uit

    top = uit(pad, "rev-parse", "--show-toplevel")
    deel = _deel(pad)
    waar = f"als map {deel} in de git-repository {top}" if deel else f"bovenaan de git-repository {top}"
    delen = (
        "'leersteun delen' deelt alleen een dossiermap die bovenaan haar eigen repository staat: deel hier ook de dossiers met git"
        if deel
        else "de dossiers deel je daarna met 'leersteun delen'"
    )
    return (
        f"git: de dossiermap {pad.resolve()} ligt {waar}; leersteun gebruikt die repository, er is geen nieuwe "
        "gemaakt en niets gecommit. De controle voor elke commit en het samenvoegen per veld hieronder gelden "
        f"voor die repository, voor de dossiers in {deel}cases/. Commit de nieuwe bestanden (leersteun.yaml, "
        f".gitignore, .gitattributes) zelf met git; {delen}."
    )
