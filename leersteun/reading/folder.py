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
        geen_koppeling(self, CASES)
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
                uit[p] = f"dit dossier heeft dezelfde id als {anderen}: één leerling zou dubbel tellen. Voeg ze samen tot één bestand en verwijder het andere"
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
        return _echt(Dossiermap(bron))
    hier = Path.cwd()
    for kandidaat in (hier, *hier.parents):
        if (kandidaat / INSTELLINGEN).is_file():
            return _echt(Dossiermap(kandidaat))
    raise Fout(
        f"Geen dossiermap gevonden: er staat geen {INSTELLINGEN} in {hier} of in een map erboven. "
        "Ga naar je dossiermap, geef ze op met --map PAD (of LEERSTEUN_MAP), "
        "of maak een nieuwe met 'leersteun init MAP'."
    )


def _echt(map_: Dossiermap) -> Dossiermap:
    geen_koppeling(map_, INSTELLINGEN)
    geen_koppeling(map_, CASES)
    return map_


def geen_koppeling(map_: Dossiermap, naam: str) -> None:
    """leersteun.yaml, cases/ and out/ are themselves in the case folder, never a symbolic
    link (symlink) to somewhere else: git shares a link as a link (the team would get a path,
    not the cases), a write through it lands outside the folder, and one that replaces the
    file breaks the link. (The folder itself may be reached through a link: then all of it is
    there.) A message that says where the link points and what to do instead."""
    pad = map_.pad / naam
    if not pad.is_symlink():
        return
    try:
        doel = str(pad.resolve())
    except (OSError, RuntimeError):  # a loop of links
        doel = os.readlink(pad)
    wat, gewoon = {
        CASES: ("dossiers", "een gewone map cases/"),
        INSTELLINGEN: ("instellingen", "een gewoon bestand leersteun.yaml"),
        OUT: ("gemaakte bestanden", "een gewone map out/"),
    }[naam]
    raise Fout(
        f"{pad} is een koppeling (symlink) naar {doel}; leersteun leest en schrijft {wat} alleen in de dossiermap zelf "
        f"(git zou de koppeling delen en niet de {wat}, en wat leersteun schrijft kwam buiten de dossiermap). "
        f"Maak er {gewoon} van (verplaats de inhoud en verwijder de koppeling). Er is niets gelezen of geschreven."
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


# ---------------------------------------------------------------------------- output paths

BESCHERMD = (CASES, INSTELLINGEN, ".git", TEMPLATES, ".leersteun-cache")
GIT_BESTANDEN = (".gitignore", ".gitattributes", ".gitmodules")  # what tells git what to share, in any folder


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
    if _binnen(absoluut, Path(os.path.abspath(map_.pad / OUT))):
        geen_koppeling(map_, OUT)
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
    if echt.name.lower() in GIT_BESTANDEN:
        raise GebruikFout(
            f"{optie} {gevraagd}: {echt.name} is een instellingenbestand van git (zo staat in .gitignore dat out/ niet gedeeld wordt); "
            "daar schrijft leersteun nooit gemaakte bestanden. Kies een bestand in out/. Er is niets geschreven."
        )
    if echt.is_file() and _gevolgd(echt):
        raise GebruikFout(
            f"{optie} {gevraagd} is een bestand dat git bijhoudt: gemaakte bestanden bevatten persoonsgegevens en "
            "komen er niet ongemerkt in. Kies een nieuw bestand, bij voorkeur in out/, of verwijder dit bestand eerst "
            "als je het bewust opnieuw maakt (een gecommit weekoverzicht). Er is niets geschreven."
        )
    return absoluut


def _gevolgd(pad: Path) -> bool:
    """Does git track this file, in the team's repository or any other it lies in?"""
    from leersteun.files.git import ok

    try:
        return ok(pad.parent, "--literal-pathspecs", "ls-files", "--error-unmatch", "--", pad.name)
    except Fout:  # no git: nothing is tracked
        return False


def buiten_git_ignore_melding(map_: Dossiermap, pad: Path) -> str | None:
    """A warning when written output lies outside out/ (so git may pick it up)."""
    if _binnen(pad.resolve(), (map_.pad / OUT).resolve()):
        return None
    return f"Let op: {pad} ligt buiten out/ en wordt niet vanzelf door git genegeerd; commit het niet in een gedeelde repository."
