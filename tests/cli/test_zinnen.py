"""Messages are full sentences: a capital (or a quoted name) first, a full stop last."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


def test_init_in_an_existing_repository_ends_with_a_full_stop(tmp_path: Path) -> None:
    from leersteun.editing.kloon import _in_bestaande_repo

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "team").mkdir()
    for pad in (tmp_path, tmp_path / "team"):
        assert _in_bestaande_repo(pad).endswith(".")


def test_a_role_typed_at_a_question_is_refused_in_a_sentence() -> None:
    from leersteun.cli.traject import _rollen
    from leersteun.core.errors import GebruikFout

    with pytest.raises(GebruikFout) as vraag:
        _rollen("leraar", "rol")
    assert vraag.value.boodschap.startswith("'leraar' is geen rol; kies uit klasleerkracht")
    with pytest.raises(GebruikFout) as optie:
        _rollen("leraar", "--met")
    assert optie.value.boodschap.startswith("--met: 'leraar' is geen rol")
