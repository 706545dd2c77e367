"""Issue 25, the stateful property: three colleagues, each with a clone of the team's folder,
do random things in a random order (hypothesis chooses), and nothing any of them recorded is
ever lost or doubled.

A step is one of:
- a colleague runs a command that adds something identifiable (a unique marker) to a case:
  a meeting, a person, a goal, a goal evaluation, a measure, a history line (closing the
  case); a refused command records nothing;
- a colleague edits a case by hand: a comment line with a marker before a top-level key, a
  changed municipality, two scalar keys swapped;
- a colleague runs `delen`, sometimes killed: the n-th git command leersteun starts raises
  (`Ploeg.kill_bij_git`: before or after that command ran, optionally leaving a stale
  `.git/index.lock` as a killed git would). After a refusal the colleague follows the advice:
  `conflict DOSSIER --kies mijn|hun` (chosen at random) for a contradiction, removing the
  lock only when the message names it; otherwise the next `delen` simply tries again.

At the end everyone shares until quiet; then the clones are identical, `valideer` passes in
each, and every marker is in its case exactly once.

The walk is small by default (two walks of a few steps, the first hypothesis's simplest: about
6 s of CPU); LEERSTEUN_GRONDIG=1 (see tests/hypothese.py) tries twenty, longer ones, and lets
hypothesis shrink a failure.
Derandomized and without a database, so CI runs the same walks every time.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import SLUIT
from tests.editing.ploeg import ARTHUR, JULIE, NAMEN, NOAH, Dood, Ploeg, top_blokken, zonder_traceback
from tests.hypothese import GRONDIG, voorbeelden

GEVALLEN = (NOAH, JULIE, ARTHUR)  # in ondersteuning, each with goal D1
STAPPEN = (6, 9) if not GRONDIG else (8, 24)
GEMEENTEN = ("Geel", "Mol", "Lier", "Herentals", "Olen")


class Wandeling:
    """One random walk of the team, with what each colleague recorded."""

    def __init__(self, ploeg: Ploeg, data: st.DataObject) -> None:
        self.ploeg, self.data = ploeg, data
        self.merken: dict[str, tuple[str, str]] = {}  # marker -> (case, what)
        self.stappen: list[str] = []
        self.teller = 0

    def kies(self, strategie: st.SearchStrategy, label: str = "") -> object:
        return self.data.draw(strategie, label=label or None)

    def zeg(self, stap: str) -> None:
        self.stappen.append(stap)

    def merk(self, soort: str) -> str:
        """A marker no other marker contains: P, three digits, two letters."""
        self.teller += 1
        return f"P{self.teller:03d}{soort}"

    # ------------------------------------------------------------------ the steps

    def opdracht(self, wie: str) -> None:
        dossier = str(self.kies(st.sampled_from(GEVALLEN)))
        soort = str(self.kies(st.sampled_from(["overleg", "overleg", "betrokkene", "doel", "evaluatie", "maatregel", "fase"])))
        dag = f"{self.kies(st.integers(10, 24)):02d}-11-2026"
        m = self.merk(soort[:2])
        args = {
            "overleg": ["overleg", dossier, "--soort", "andere", "--datum", dag, "--notitie", m],
            "betrokkene": ["betrokkene", dossier, "--rol", "andere", "--naam", m, "--contact", "0470 12 34 56"],
            "doel": [
                "doel", dossier, "--domein", "cognitief", "--omschrijving", m, "--specifiek", "8 op 10 keer juist.",
                "--meetbaar", "Turflijst, 2 weken.", "--acceptabel", "Met de klasleerkracht.", "--realistisch", "Lukt al half.",
                "--start", "2026-11-20", "--einde", "2027-03-01", "--maatregel", "Een stappenplan.", "--effect", "Start alleen.",
                "--periode", "tijdelijk", "--wie", "klasleerkracht", "--wanneer", "dagelijks", "--hoe", "Op de bank.",
                "--maatregel-evaluatie", "2027-01-15",
            ],
            "evaluatie": ["doel", dossier, "--doel", "D1", "--evalueer", "--bereikt", "deels", "--behouden", m, "--datum", dag],
            "maatregel": [
                "doel", dossier, "--doel", "D1", "--maatregel", m, "--effect", "Rust.", "--periode", "tijdelijk",
                "--wie", "klasleerkracht", "--wanneer", "dagelijks", "--hoe", "Samen.", "--maatregel-evaluatie", "2027-01-15",
            ],
            "fase": ["fase", dossier, "afgesloten", "--reden", "andere", "--notitie", m, *SLUIT],
        }[soort]  # fmt: skip
        uit = self.ploeg.doe(wie, *args)
        zonder_traceback(uit)
        if uit.exit_code == 0:
            self.merken[m] = (dossier, soort)
        self.zeg(f"{wie}: {' '.join(args[:2])} {soort} {m} -> {uit.exit_code}")

    def met_de_hand(self, wie: str) -> None:
        dossier = str(self.kies(st.sampled_from(GEVALLEN)))
        if "<<<<<<<" in self.ploeg.tekst(wie, dossier):
            return  # nobody edits a file with conflict markers this way
        soort = str(self.kies(st.sampled_from(["commentaar", "commentaar", "gemeente", "volgorde"])))
        tekst = self.ploeg.tekst(wie, dossier)
        if soort == "commentaar":
            sleutels = [n for n, _ in top_blokken(tekst) if n]
            voor = str(self.kies(st.sampled_from(sleutels)))
            m = self.merk("co")
            regels = tekst.splitlines(keepends=True)
            i = next(k for k, r in enumerate(regels) if r.startswith(f"{voor}:"))
            regels.insert(i, f"# {m}\n")
            self.ploeg.schrijf(wie, dossier, "".join(regels))
            self.merken[m] = (dossier, "commentaar")
            self.zeg(f"{wie}: # {m} voor {voor}: in {dossier}")
        elif soort == "gemeente":
            nieuw = str(self.kies(st.sampled_from(GEMEENTEN)))
            oud = next((r for r in tekst.splitlines() if r.startswith("  gemeente: ")), None)
            if oud is not None:
                self.ploeg.vervang(wie, dossier, oud + "\n", f"  gemeente: {nieuw}\n")
                self.zeg(f"{wie}: gemeente {nieuw} in {dossier}")
        else:
            namen = [n for n, _ in top_blokken(tekst)]
            if "ankerpersoon" in namen and "clb_medewerker" in namen:
                self.ploeg.wissel_sleutels(wie, dossier, "ankerpersoon", "clb_medewerker")
                self.zeg(f"{wie}: ankerpersoon en clb_medewerker gewisseld in {dossier}")

    def delen(self, wie: str) -> None:
        gedood = bool(self.kies(st.booleans(), "gedood"))
        if gedood:
            dood = Dood(n=int(self.kies(st.integers(1, 60))), na=bool(self.kies(st.booleans())), slot=bool(self.kies(st.booleans())))
            uit = self.ploeg.delen_gedood(wie, dood)
            if uit is None:
                self.zeg(f"{wie}: delen gedood bij git {' '.join((dood.gedood or [])[1:3])} ({'na' if dood.na else 'voor'}{', slot' if dood.slot else ''})")
                return
        else:
            uit = self.ploeg.delen(wie)
        self.zeg(f"{wie}: delen -> {uit.exit_code}")
        if uit.exit_code == 0:
            return
        for dossier in self.ploeg.met_tekens(wie):
            kant = self.kant(wie, dossier)
            keuze = self.ploeg.doe(wie, "conflict", dossier, "--kies", kant)
            self.zeg(f"{wie}: conflict {dossier} --kies {kant} -> {keuze.exit_code}")
            assert keuze.exit_code == 0, f"{keuze}\n(na {uit})"
        self.ploeg.herstel(wie, uit)

    def kant(self, wie: str, dossier: str) -> str:
        return str(self.kies(st.sampled_from(["mijn", "hun"]), f"{wie} kiest voor {dossier}"))

    # ------------------------------------------------------------------ the walk

    def loop(self) -> None:
        for _ in range(int(self.kies(st.integers(*STAPPEN), "stappen"))):
            wie = str(self.kies(st.sampled_from(NAMEN)))
            actie = str(self.kies(st.sampled_from(["opdracht", "opdracht", "met_de_hand", "delen"])))
            getattr(self, actie)(wie)
        self.ploeg.deel_tot_stil(kies=self.kant, geduld=2)
        self.ploeg.controleer_eind()
        fouten = []
        for m, (dossier, wat) in sorted(self.merken.items()):
            n = self.ploeg.tekst(NAMEN[0], dossier).count(m)
            if n != 1:
                fouten.append(f"{m} ({wat} in {dossier}): {n} keer")
        assert not fouten, "\n".join(fouten)


@settings(
    max_examples=voorbeelden(2),
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate, *([Phase.shrink] if GRONDIG else [])],
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_nothing_any_colleague_recorded_is_lost_or_doubled(sjabloon: Ploeg, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    ploeg = sjabloon.kopie(tmp_path_factory.mktemp("wandeling") / "ploeg")
    wandeling = Wandeling(ploeg, data)
    try:
        wandeling.loop()
    except AssertionError as e:
        raise AssertionError(f"{e}\n\nDe stappen:\n  " + "\n  ".join(wandeling.stappen)) from None
    finally:
        shutil.rmtree(ploeg.map, ignore_errors=True)
