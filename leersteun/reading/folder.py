"""The case folder (dossiermap): where it is, its settings, its case files, and "today"."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from leersteun.core.errors import Fout

INSTELLINGEN = "leersteun.yaml"
CASES = "cases"
TEMPLATES = "templates"
OUT = "out"


@dataclass(frozen=True)
class Dossiermap:
    pad: Path

    @property
    def instellingen_pad(self) -> Path:
        return self.pad / INSTELLINGEN

    @property
    def cases(self) -> Path:
        return self.pad / CASES

    @property
    def out(self) -> Path:
        return self.pad / OUT

    def case_pad(self, case_id: str) -> Path:
        return self.cases / f"{case_id}.yaml"

    def case_bestanden(self) -> list[Path]:
        """Every case file: *.yaml or *.yml, in any case (X.YAML counts too)."""
        if not self.cases.exists():
            return []
        if not self.cases.is_dir():
            raise Fout(f"{self.cases} is een bestand, geen map: de dossiers horen in de map {CASES}/. Hernoem of verplaats het bestand.")
        cases = self.cases
        with os.scandir(cases) as items:
            namen = sorted(e.name for e in items if is_dossiernaam(e.name) and e.is_file())
        return [cases / n for n in namen]


def is_dossiernaam(naam: str) -> bool:
    return naam.lower().endswith((".yaml", ".yml")) and not naam.startswith(".")


def dubbele_ids(paden: list[Path]) -> dict[Path, str]:
    """Files that name the same case: X.yaml beside X.yml, or names that differ only in
    capitals (on macOS and Windows they are one file). Every one of them gets a message."""
    groepen: dict[str, list[Path]] = {}
    for p in paden:
        stam = p.name.rsplit(".", 1)[0]
        groepen.setdefault(stam.casefold(), []).append(p)
    uit = {}
    for groep in groepen.values():
        if len(groep) > 1:
            for p in groep:
                anderen = ", ".join(x.name for x in groep if x != p)
                uit[p] = (
                    f"dit dossier heeft dezelfde id als {anderen}: één leerling zou dubbel tellen. "
                    "Voeg ze samen tot één bestand en verwijder het andere"
                )
    return uit


def vind_map(opgegeven: Path | None = None) -> Dossiermap:
    """The case folder: `--map`, else LEERSTEUN_MAP, else the nearest leersteun.yaml upwards."""
    bron = opgegeven or (Path(os.environ["LEERSTEUN_MAP"]) if os.environ.get("LEERSTEUN_MAP") else None)
    if bron is not None:
        if not (bron / INSTELLINGEN).is_file():
            raise Fout(
                f"{bron}: geen dossiermap, want er staat geen {INSTELLINGEN} in. "
                f"Geef de map op waar {INSTELLINGEN} staat, of maak er een met 'leersteun init {bron}'."
            )
        return Dossiermap(bron)
    hier = Path.cwd()
    for kandidaat in (hier, *hier.parents):
        if (kandidaat / INSTELLINGEN).is_file():
            return Dossiermap(kandidaat)
    raise Fout(
        f"Geen dossiermap gevonden: er staat geen {INSTELLINGEN} in {hier} of in een map erboven. "
        "Ga naar je dossiermap, geef ze op met --map PAD (of LEERSTEUN_MAP), "
        "of maak een nieuwe met 'leersteun init MAP'."
    )


def vandaag() -> dt.date:
    """Today, or the date in LEERSTEUN_VANDAAG (for tests and demos)."""
    waarde = os.environ.get("LEERSTEUN_VANDAAG", "").strip()
    if not waarde:
        return dt.date.today()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        try:
            dag = dt.date.fromisoformat(waarde)
        except ValueError:
            dag = None
        if dag is not None and 1990 <= dag.year <= 2100:
            return dag
    raise Fout(f"LEERSTEUN_VANDAAG='{waarde}' is geen datum; schrijf ze als JJJJ-MM-DD, zoals 2026-11-24.")


def gebruiker(opgegeven: str | None = None) -> str | None:
    """Who makes a change: --door, LEERSTEUN_GEBRUIKER, or git's user.name."""
    if opgegeven and opgegeven.strip():
        return opgegeven.strip()
    if os.environ.get("LEERSTEUN_GEBRUIKER", "").strip():
        return os.environ["LEERSTEUN_GEBRUIKER"].strip()
    from leersteun.files.git import config

    try:
        return config(Path.cwd(), "user.name") or None
    except (Fout, OSError):
        return None


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

HOOK_MERK = "# leersteun: controleert de gewijzigde dossiers voor elke commit"
HOOK = """\
#!/bin/sh
{merk}
# Gemaakt door 'leersteun init'; opnieuw maken: 'leersteun init' in deze map.
PY={python}
bestanden=$(git diff --cached --name-only --diff-filter=ACMR -- 'cases/*.yaml' 'cases/*.yml' 'cases/*.YAML' 'cases/*.YML' leersteun.yaml)
[ -z "$bestanden" ] && exit 0
if [ ! -x "$PY" ]; then
  echo "leersteun is niet gevonden ($PY). Voer 'leersteun init' opnieuw uit in deze map." >&2
  exit 1
fi
# shellcheck disable=SC2086
"$PY" -m leersteun valideer --streng $bestanden || {{
  echo "De commit is tegengehouden: verbeter de dossiers hierboven (of commit met --no-verify als het echt moet)." >&2
  exit 1
}}
"""


def _git_pad(pad: Path, naam: str) -> Path | str:
    """A path inside this clone's .git (hooks, info), or why there is none."""
    from leersteun.files.git import git_pad, is_repo

    try:
        if not is_repo(pad):
            return "geen git-repository"
        return git_pad(pad, naam)
    except Fout:
        return "git is niet geïnstalleerd"


def installeer_hook(pad: Path) -> str:
    """Install the validation hook in this clone's .git/hooks (never a tracked file). It runs
    this very leersteun, so it works without activating a virtual environment."""
    import shlex
    import sys

    hooks = _git_pad(pad, "hooks")
    if isinstance(hooks, str):
        return f"{hooks}: er is geen controle voor elke commit"
    hook = hooks / "pre-commit"
    if hook.exists() and HOOK_MERK not in hook.read_text(encoding="utf-8", errors="replace"):
        return f"er staat al een andere pre-commit hook ({hook}); die is niet aangeraakt"
    hooks.mkdir(parents=True, exist_ok=True)
    from leersteun.files.schijf import schrijf_atomisch

    schrijf_atomisch(hook, HOOK.format(merk=HOOK_MERK, python=shlex.quote(sys.executable)).encode("utf-8"))
    hook.chmod(0o755)
    return "controle voor elke commit geïnstalleerd (.git/hooks/pre-commit): een ongeldig dossier wordt niet gecommit"


ATTRIBUTEN_MERK = "# leersteun: dossiers samenvoegen per veld (leersteun conflict bij tegenspraak)"
ATTRIBUTEN = f"""\
{ATTRIBUTEN_MERK}
cases/*.yaml merge=leersteun
cases/*.yml merge=leersteun
"""


def installeer_driver(pad: Path) -> str:
    """Set up git's merge driver for case files in this clone: the driver in the clone's git
    config (never cloned), and the attribute that names it in `.git/info/attributes` unless
    the folder's `.gitattributes` already does (so no tracked file changes)."""
    import shlex
    import sys

    info = _git_pad(pad, "info")
    if isinstance(info, str):
        return f"{info}: dossiers worden niet per veld samengevoegd"
    commando = f"{shlex.quote(sys.executable)} -m leersteun.editing.merge %O %A %B %P"
    from leersteun.files.git import git

    for sleutel, waarde in (("merge.leersteun.name", "leersteun: dossiers per veld samenvoegen"), ("merge.leersteun.driver", commando)):
        git(pad, "config", sleutel, waarde, check=False)
    gedeeld = pad / ".gitattributes"
    if not (gedeeld.is_file() and "merge=leersteun" in gedeeld.read_text(encoding="utf-8", errors="replace")):
        attributen = info / "attributes"
        tekst = attributen.read_text(encoding="utf-8", errors="replace") if attributen.is_file() else ""
        if ATTRIBUTEN_MERK not in tekst:
            from leersteun.files.schijf import schrijf_atomisch

            info.mkdir(parents=True, exist_ok=True)
            schrijf_atomisch(attributen, (tekst + ("" if tekst.endswith("\n") or not tekst else "\n") + ATTRIBUTEN).encode("utf-8"))
    return "samenvoegen per veld ingesteld: wat twee collega's aan hetzelfde dossier toevoegen, blijft allebei bewaard"


def driver_ingesteld(pad: Path) -> bool:
    from leersteun.files.git import config

    try:
        return "leersteun.editing.merge" in config(pad, "merge.leersteun.driver")
    except Fout:
        return False


def richt_kloon_in(pad: Path) -> list[str]:
    """`leersteun init` inside an existing case folder (a colleague's fresh clone): set up what
    git does not clone, and change no tracked file."""
    return [installeer_hook(pad), installeer_driver(pad)]


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
    gedaan.append(installeer_hook(pad))
    gedaan.append(installeer_driver(pad))
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
    from leersteun.rules.checks import controleer_instellingen
    from leersteun.files.store import YamlBestand, ontleed

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
            return "git: de map zit al in een git-repository; er is geen nieuwe gemaakt"
        uit = git(pad, "init", "-q", check=False)
    except Fout:
        return "git is niet geïnstalleerd: installeer git om de geschiedenis van de dossiers te bewaren"
    if uit.returncode != 0:
        return f"git init lukte niet: {uit.stderr.strip()}"
    return GIT_GEMAAKT


GIT_GEMAAKT = "git-repository gemaakt"


# ---------------------------------------------------------------------------- output paths

BESCHERMD = (CASES, INSTELLINGEN, ".git", TEMPLATES, ".leersteun-cache")


def _binnen(pad: Path, map_: Path) -> bool:
    return pad == map_ or map_ in pad.parents


def uitvoer_pad(map_: Dossiermap, gevraagd: Path, buiten_out: bool = False, optie: str = "--uit") -> Path:
    """Check a path the user gave for generated output (`--uit`, `--ics`) before writing.

    Generated files hold pupils' data: they go into `out/` (git-ignored). Elsewhere only with
    `--buiten-out`; never into `cases/`, `templates/`, `.git/`, onto `leersteun.yaml`, and
    never onto something that is not a regular file (a folder, a device, a pipe).
    """
    from leersteun.core.errors import GebruikFout

    absoluut = Path(os.path.abspath(gevraagd))
    echt = absoluut.resolve()
    if absoluut.is_symlink():
        raise GebruikFout(f"{optie} {gevraagd} is een koppeling (symlink); geef een gewoon bestand op, bij voorkeur in out/.")
    if echt.exists() and not echt.is_file():
        soort = "een map" if echt.is_dir() else "geen gewoon bestand"
        raise GebruikFout(f"{optie} {gevraagd} is {soort}; geef een bestandsnaam op, zoals out/overzicht.md. Er is niets geschreven.")
    wortel = map_.pad.resolve()
    for naam in BESCHERMD:
        beschermd = wortel / naam
        if _binnen(echt, beschermd):
            raise GebruikFout(
                f"{optie} {gevraagd} ligt in {naam}: daar schrijft leersteun nooit gemaakte bestanden "
                "(het zou een dossier of de instellingen kunnen overschrijven). Kies een bestand in out/. Er is niets geschreven."
            )
    if not _binnen(echt, (wortel / OUT)) and not buiten_out:
        raise GebruikFout(
            f"{optie} {gevraagd} ligt buiten out/. Gemaakte bestanden bevatten persoonsgegevens en horen in out/ "
            "(niet in git). Wil je het toch daar, geef dan ook --buiten-out mee. Er is niets geschreven."
        )
    ouder = echt.parent
    if ouder.exists() and not ouder.is_dir():
        raise GebruikFout(f"{optie} {gevraagd}: {ouder} is een bestand, geen map. Er is niets geschreven.")
    return absoluut


def buiten_git_ignore_melding(map_: Dossiermap, pad: Path) -> str | None:
    """A warning when written output lies outside out/ (so git may pick it up)."""
    if _binnen(pad.resolve(), (map_.pad / OUT).resolve()):
        return None
    return f"Let op: {pad} ligt buiten out/ en wordt niet vanzelf door git genegeerd; commit het niet in een gedeelde repository."
