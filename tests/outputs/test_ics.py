"""The agenda file: SEQUENCE, DTSTAMP and LAST-MODIFIED change whenever an event's content
changes (also twice on one day) and stay when it does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from leersteun.outputs.agenda import Agendapunt
from leersteun.outputs.ics import agenda_ics
from leersteun.rules.deadlines import Deadline, Soort

D = dt.date
VANDAAG = D(2026, 12, 7)


def punt(omschrijving: str = "Gepland: observatie", datum: dt.date = D(2026, 12, 9), sleutel: str = "o1") -> Agendapunt:
    soort = next(iter(Soort))
    return Agendapunt(
        Deadline(datum, "JZF-2025-004", soort, sleutel, omschrijving, "Sofie Lambrechts"), "Finn Aerts", "Finn A.", "Vrije Basisschool Sint-Jozef"
    )


def gebeurtenissen(tekst: str) -> dict[str, tuple[int, dt.datetime, dt.datetime]]:
    uit = {}
    for e in Calendar.from_ical(tekst).walk("VEVENT"):
        uit[str(e["uid"]).split("@")[0].rsplit(".", 1)[1]] = (int(e["sequence"]), e["dtstamp"].dt, e["last-modified"].dt)
    return uit


def exporteer(pad: Path, punten: list[Agendapunt], uur: int, minuut: int = 0) -> dict:
    nu = dt.datetime(2026, 12, 7, uur, minuut, tzinfo=dt.UTC)
    pad.write_text(agenda_ics(punten, "Kempen", VANDAAG, vorige=pad, nu=nu), encoding="utf-8")
    return gebeurtenissen(pad.read_text(encoding="utf-8"))


def test_unchanged_events_keep_sequence_and_stamp_changed_ones_grow_the_same_day(tmp_path: Path) -> None:
    pad = tmp_path / "agenda.ics"
    eerst = exporteer(pad, [punt(), punt("Afgesproken evaluatiemoment", sleutel="e1")], 9)
    tekst = pad.read_bytes()
    # nothing changed: the same values, the same bytes
    assert exporteer(pad, [punt(), punt("Afgesproken evaluatiemoment", sleutel="e1")], 11) == eerst
    assert pad.read_bytes() == tekst
    # the observation moves, an hour later the same day: only that event is newer
    tweede = exporteer(pad, [punt(datum=D(2026, 12, 10)), punt("Afgesproken evaluatiemoment", sleutel="e1")], 12)
    assert tweede["e1"] == eerst["e1"]
    assert tweede["o1"][0] > eerst["o1"][0]
    assert tweede["o1"][1] == tweede["o1"][2] == dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
    # and again within the same second: still newer than the file it replaces
    derde = exporteer(pad, [punt("Gepland: observatie in de klas", datum=D(2026, 12, 10)), punt("Afgesproken evaluatiemoment", sleutel="e1")], 12)
    assert derde["o1"][0] == tweede["o1"][0] + 1
    # a new event is stamped now; one that is gone is simply not in the file
    vierde = exporteer(pad, [punt("Gepland: observatie in de klas", datum=D(2026, 12, 10)), punt("Nieuw", sleutel="n1")], 14)
    assert set(vierde) == {"o1", "n1"} and vierde["o1"] == derde["o1"]
    assert vierde["n1"][1] == dt.datetime(2026, 12, 7, 14, 0, tzinfo=dt.UTC)


def test_a_file_that_is_not_ours_or_missing_gives_fresh_values(tmp_path: Path) -> None:
    nu = dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC)
    zonder = gebeurtenissen(agenda_ics([punt()], "Kempen", VANDAAG, vorige=tmp_path / "weg.ics", nu=nu))
    (tmp_path / "rommel.ics").write_bytes(b"\xff\xfeBEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:nee\r\nEND:VEVENT")
    rommel = gebeurtenissen(agenda_ics([punt()], "Kempen", VANDAAG, vorige=tmp_path / "rommel.ics", nu=nu))
    assert zonder == rommel
    sequence, stempel, _ = zonder["o1"]
    assert stempel == nu and sequence == int((nu - dt.datetime(2020, 1, 1, tzinfo=dt.UTC)).total_seconds())
    # an older version's file (SEQUENCE counted in days, no hash): every event counts as changed and grows
    oud = agenda_ics([punt()], "Kempen", VANDAAG, nu=nu).replace(f"SEQUENCE:{sequence}", "SEQUENCE:2532")
    oud = "".join(r for r in oud.splitlines(keepends=True) if not r.startswith("X-LEERSTEUN"))
    (tmp_path / "oud.ics").write_text(oud, encoding="utf-8")
    assert gebeurtenissen(agenda_ics([punt()], "Kempen", VANDAAG, vorige=tmp_path / "oud.ics", nu=nu))["o1"][0] == sequence


def test_the_cli_keeps_the_file_when_nothing_changed(voorbeeld: Path, run) -> None:
    assert run("agenda", "--ics", "out/a.ics").exit_code == 0
    eerst = (voorbeeld / "out" / "a.ics").read_bytes()
    assert run("agenda", "--ics", "out/a.ics").exit_code == 0
    assert (voorbeeld / "out" / "a.ics").read_bytes() == eerst
