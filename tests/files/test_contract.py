"""The file formats are a contract (tests/files/contract/, copies of the team's agreed examples):
"add keys freely, rename nothing", listed values too. Every key and listed value of the examples
is still read, into the same place; what leersteun writes uses the contract's keys, with new keys
only beside them, never instead of them."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from leersteun.rules.model import Dossier, Instellingen

CONTRACT = Path(__file__).parent / "contract"
DOSSIER = CONTRACT / "voorbeeld-dossier.yaml"
INSTELLINGEN = CONTRACT / "voorbeeld-leersteun.yaml"

# The listed values, as the examples' comments list them (path: `a.b`, `[]` for every item).
WAARDEN_DOSSIER: dict[str, list[str]] = {
    "leerling.niveau": ["kleuter", "lager", "secundair"],
    "verslag.soort": ["GC", "IAC", "OV4"],
    "fase": ["aanmelding", "opstart", "ondersteuning", "afgesloten", "heropstart"],
    "trajecten[].vorm": ["regulier", "light", "medium", "nieuw"],
    "evaluaties[].beslissing": ["verderzetten", "afsluiten"],
    "evaluaties[].reden": [
        "doelen_bereikt",
        "opname",
        "geen_leersteun_gewenst",
        "andere_school",
        "stopt_met_school",
        "overgang_secundair",
        "andere_typologie",
        "andere",
    ],
    "doelen[].domein": ["socio-emotioneel", "motorisch", "cognitief"],
    "doelen[].maatregelen[].periode": ["tijdelijk", "blijvend"],
    "doelen[].evaluaties[].bereikt": ["ja", "deels", "nee"],
    "heropstarts[].analyse_met": ["ondersteuner", "clb"],
    "heropstarts[].checklist.vraag_van[]": ["leerkracht", "zorg", "ouders", "clb", "directie", "andere"],
    "heropstarts[].checklist.succesfactoren_toegepast.antwoord": ["ja", "deels", "nee"],
    "heropstarts[].checklist.andere_partner.antwoord": ["ja", "deels", "nee"],
    "heropstarts[].checklist.andere_partner.partner": ["PBD", "CLB", "CGGZ", "andere"],
    "heropstarts[].uitkomst": ["heropstart", "geen_heropstart"],
}
# The keys the comments name without showing them (mail, toewijzing), with a value each.
IN_COMMENTAAR = {
    "heropstarts[].mail": {"aangemaakt": "2026-10-20", "bestand": "out/KLM-2024-017-heropstart-2026-10-20.eml", "verstuurd": None},
    "heropstarts[].toewijzing": {"datum": "2026-10-25", "ondersteuner": "Els Maes", "zelfde_als_vorige": True, "overdracht_van": None},
}
# Keys that leersteun reads but never writes: a wording that was never the contract's.
NOOIT_GESCHREVEN = {"binnen_opdracht"}  # question 4 in the seed's wording, as 85eedc4 wrote it; the file has andere_partner


def laad(pad: Path) -> Any:
    return YAML(typ="safe").load(pad.read_text(encoding="utf-8"))


def paden(data: Any, pad: str = "") -> set[str]:
    """Every key path in `data`: `a.b`, `a[].c`."""
    uit: set[str] = set()
    if isinstance(data, dict):
        for k, w in data.items():
            sub = f"{pad}.{k}" if pad else str(k)
            uit |= {sub} | paden(w, sub)
    elif isinstance(data, list):
        for w in data:
            uit |= paden(w, f"{pad}[]")
    return uit


def knopen(data: Any, pad: str) -> list[tuple[Any, Any]]:
    """(holder, key) of every place `pad` names in `data`."""
    delen = re.findall(r"[^.\[\]]+|\[\]", pad)
    houders: list[tuple[Any, Any]] = [({"": data}, "")]
    for deel in delen:
        volgende = []
        for houder, sleutel in houders:
            waarde = houder[sleutel]
            if deel == "[]":
                volgende += [(waarde, i) for i in range(len(waarde))] if isinstance(waarde, list) else []
            elif isinstance(waarde, dict) and deel in waarde:
                volgende.append((waarde, deel))
        houders = volgende
    return houders


def vergelijkbaar(waarde: Any) -> Any:
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {k: vergelijkbaar(w) for k, w in waarde.items()}
    if isinstance(waarde, list):
        return [vergelijkbaar(w) for w in waarde]
    return waarde


def bevat(groot: Any, klein: Any, pad: str, fouten: list[str]) -> None:
    """Every key of `klein` is in `groot`, with the same value."""
    if isinstance(klein, dict):
        if not isinstance(groot, dict):
            fouten.append(f"{pad}: gelezen als {groot!r}")
            return
        for k, w in klein.items():
            if k not in groot:
                fouten.append(f"{pad}.{k}: niet meer gelezen onder die naam")
            else:
                bevat(groot[k], w, f"{pad}.{k}", fouten)
    elif isinstance(klein, list):
        if not isinstance(groot, list) or len(groot) != len(klein):
            fouten.append(f"{pad}: gelezen als {groot!r}")
            return
        for i, (g, k) in enumerate(zip(groot, klein, strict=True)):
            bevat(g, k, f"{pad}[{i}]", fouten)
    elif groot != klein:
        fouten.append(f"{pad}: {klein!r} gelezen als {groot!r}")


# ---------------------------------------------------------------------------- reading


@pytest.mark.parametrize("pad,model", [(DOSSIER, Dossier), (INSTELLINGEN, Instellingen)], ids=["dossier", "leersteun.yaml"])
def test_every_key_of_the_contract_is_read_into_its_own_place(pad: Path, model: Any) -> None:
    """No key of the example is read under another name (or turned into another value): the
    model holds each one where the file has it."""
    data = vergelijkbaar(laad(pad))
    fouten: list[str] = []
    bevat(model.model_validate(data).model_dump(mode="json"), data, "", fouten)
    assert not fouten, "\n".join(fouten)


def test_every_listed_value_of_the_contract_is_accepted() -> None:
    """Each value a comment of the example lists, in its place (other values stay as the
    example has them); only the model's own check of that place counts."""
    from pydantic import ValidationError

    basis = laad(DOSSIER)
    fouten: list[str] = []
    for pad, waarden in WAARDEN_DOSSIER.items():
        assert knopen(basis, pad), f"{pad} staat niet in het voorbeeld"
        for waarde in waarden:
            data = copy.deepcopy(basis)
            for houder, sleutel in knopen(data, pad):
                houder[sleutel] = waarde
            try:
                Dossier.model_validate(data)
            except ValidationError as fout:
                plaats = re.sub(r"\.\d+", "[]", pad.replace("[]", ".0"))
                for e in fout.errors():
                    waar = ".".join(str(x) for x in e["loc"])
                    if re.sub(r"\.\d+", "[]", waar).replace(".[]", "[]") in (pad, plaats):
                        fouten.append(f"{pad}: {waarde!r} niet aanvaard ({e['msg']})")
    for pad, velden in IN_COMMENTAAR.items():
        data = copy.deepcopy(basis)
        for houder, sleutel in knopen(data, pad):
            houder[sleutel] = velden
        data["heropstarts"][-1]["uitkomst"] = "heropstart"
        gelezen = Dossier.model_validate(data).model_dump(mode="json")
        bevat(gelezen["heropstarts"][-1][pad.rsplit(".", 1)[1]], velden, pad, fouten)
    assert not fouten, "\n".join(fouten)


def test_every_list_in_a_comment_of_the_contract_is_checked() -> None:
    """The table above follows the example: a comment that lists values ('a | b | c') belongs
    to a key the table checks."""
    sleutels = {p.rsplit(".", 1)[-1].removesuffix("[]") for p in WAARDEN_DOSSIER}
    vorige = None
    for regel in DOSSIER.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(?:- )?([a-z_0-9]+):", regel)
        if m:
            vorige = m.group(1)
        if "#" in regel and re.search(r"\w \| \w", regel.split("#", 1)[1]) and "{" not in regel.split("#", 1)[1]:
            if regel.strip().startswith("#") and "vorm" in regel:  # the toewijzing's note on the new traject's vorm
                continue
            assert vorige in sleutels, f"de waarden van '{vorige}' worden niet getest: {regel.strip()}"


# ---------------------------------------------------------------------------- writing


def _scenario(run, voorbeeld: Path) -> None:
    """What a team writes in a week, every command once: nieuw, fase, overleg, doel, evaluatie,
    overgang, heropstart with its checklist, mail, toewijzen."""
    (voorbeeld / "antwoorden.yaml").write_text(
        "analyse_met: ondersteuner\n"
        "checklist:\n"
        "  vraag_van: [leerkracht]\n"
        "  factoren: {leerling: [Blokkeert bij rekenen.], leerkracht: [], school: []}\n"
        "  succesfactoren_toegepast: {antwoord: deels}\n"
        "  binnen_opdracht: {antwoord: ja, andere_partners: [CLB]}\n"
        "  werkbare_leervraag: {antwoord: ja, leervraag: Hoe?}\n"
        "  doelen_concreet: {antwoord: ja}\n"
        "  doelen_context: {antwoord: ja}\n"
        "  gedragen: {antwoord: ja}\n"
        "  zorgcontinuum_fase_2_3: {antwoord: ja}\n"
        "uitkomst: heropstart\n"
        "motivatie: Korte begeleiding volstaat.\n",
        encoding="utf-8",
    )
    opdrachten = [
        ["nieuw", "--voornaam", "Mats", "--naam", "Claes", "--klas", "2B", "--niveau", "lager", "--geboortedatum", "11-02-2019",
         "--school", "Basisschool De Klimop", "--verslag", "GC", "--verslagdatum", "15-10-2026", "--typologie", "basisaanbod",
         "--niet-in-diplon", "--leervraag", "Hoe help ik Mats?", "--vraag-van", "leerkracht", "--al-geprobeerd", "Beurtkaartje"],
        ["overleg", "mats", "--soort", "opstartgesprek", "--met", "klasleerkracht,zorgcoordinator,ouders,ankerpersoon", "--notitie", "Afspraken."],
        ["fase", "ella", "opstart", "--verslag-zichtbaar", "--notitie", "Verslag opgeladen door de school."],
        ["fase", "noah", "afgesloten", "--reden", "andere", "--met", "klasleerkracht,ouders,clb", "--wat-neemt-school-mee", "Het leesvenster.",
         "--kansen", "Lezen thuis."],
        ["evaluatie", "arthur", "--beslissing", "afsluiten", "--reden", "doelen_bereikt", "--met", "klasleerkracht,ouders,clb",
         "--wat-neemt-school-mee", "Weekplanning.", "--kansen", "Overgang voorbereiden."],
        ["doel", "arthur", "--doel", "D1", "--maatregel", "Toetsen in rood in de planning.", "--wie", "klasleerkracht", "--maatregel-evaluatie", "11-01-2027"],
        ["doel", "arthur", "--doel", "D1", "--evalueer", "--bereikt", "deels", "--behouden", "Weekplanning op maandag."],
        ["overgang", "julie", "andere-school", "--met", "zorgcoordinator,ouders,clb", "--wat-neemt-school-mee", "Het dagschema.", "--kansen", "Informeren.", "--ja"],
        ["heropstart", "lena", "--overleg-school-clb", "20-11-2026", "--antwoorden", "antwoorden.yaml"],
        ["mail", "lotte"],
        ["toewijzen", "lotte", "Els Maes"],
        ["fase", "lotte", "ondersteuning", "--vorm", "light", "--start", "01-12-2026", "--frequentie", "wekelijks"],
    ]  # fmt: skip
    for opdracht in opdrachten:
        uit = run(*opdracht, input="n\n")
        assert uit.exit_code == 0, f"leersteun {' '.join(opdracht)}:\n{uit.output}"


def test_what_leersteun_writes_keeps_the_contracts_keys(voorbeeld: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """In every mapping leersteun writes where the contract has one, a key the contract does not
    know never stands instead of one it knows: the contract's keys stay, new keys come beside
    them; a wording that was never the contract's is never written."""
    monkeypatch.setattr("leersteun.outputs.render.html_naar_pdf", lambda *a, **k: b"%PDF-1.7\n")  # the mail's case keys, not its PDF
    voor = {p.name: laad(p) for p in (voorbeeld / "cases").glob("*.yaml")}
    _scenario(run, voorbeeld)
    contract = laad(DOSSIER)
    contract_paden = paden(contract) | {f"{p}.{k}" for p, velden in IN_COMMENTAAR.items() for k in velden}
    fouten: list[str] = []
    sleutels: dict[str, set[str]] = {}  # per mapping of the contract: the keys of every mapping leersteun wrote or changed there
    ouders = {q.rsplit(".", 1)[0] for q in contract_paden if "." in q} | {""}  # "": the case itself
    for pad in sorted((voorbeeld / "cases").glob("*.yaml")):
        na, eerder = laad(pad), voor.get(pad.name)
        if na == eerder:
            continue
        nieuw = paden(na) - (paden(eerder) if eerder is not None else set())
        fouten += [f"{pad.name}: {p} geschreven (het contract heeft een andere naam)" for p in nieuw if p.rsplit(".", 1)[-1] in NOOIT_GESCHREVEN]
        for p in ouders:
            oud = [houder[sleutel] for houder, sleutel in knopen(eerder, p)] if eerder is not None else []
            for houder, sleutel in knopen(na, p):
                if isinstance(houder[sleutel], dict) and houder[sleutel] not in oud:
                    sleutels.setdefault(p, set()).update(houder[sleutel])
    for p, gezet in sorted(sleutels.items()):
        kinderen = {q.rsplit(".", 1)[-1] for q in contract_paden if (q.rsplit(".", 1)[0] if "." in q else "") == p}
        onbekend, ontbreekt = gezet - kinderen, kinderen - gezet - WEGGELATEN_ALS_LEEG
        if onbekend and ontbreekt:
            fouten.append(f"in {p} schrijft leersteun {sorted(onbekend)}, maar nooit {sorted(ontbreekt)} van het contract")
    assert not fouten, "\n".join(sorted(set(fouten)))
    for p in ("heropstarts[].checklist.andere_partner.antwoord", "heropstarts[].mail.aangemaakt", "heropstarts[].toewijzing.ondersteuner",
              "evaluaties[].beslissing", "doelen[].evaluaties[].bereikt", "trajecten[].vorm", "geschiedenis[].fase"):  # fmt: skip
        ouder, sleutel = p.rsplit(".", 1)
        assert sleutel in sleutels.get(ouder, set()), f"het scenario schrijft {p} niet"


# Keys the tool leaves out of a mapping when they have no value (the contract shows them filled).
WEGGELATEN_ALS_LEEG = {"toelichting", "notitie", "einde", "evaluatie_op", "bijsturen", "bannen", "wanneer", "hoe", "beoogd_effect", "periode", "wie"}
