from __future__ import annotations

import pytest

from tests.editing.ploeg import Ploeg


@pytest.fixture(scope="session")
def sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Ploeg:
    """The team of tests/editing/ploeg.py, built once per test worker for the team scenarios and
    the team's random walk; each test works on its own copy (`sjabloon.kopie(...)`), so this one
    is never changed."""
    return Ploeg.bouw(tmp_path_factory.mktemp("team") / "sjabloon")
