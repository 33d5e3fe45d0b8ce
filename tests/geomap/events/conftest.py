"""The events tests' shared pipeline: one per test module, over the test gazetteer, with its
own geocode cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from geomap.pipeline import Pipeline
from geomap.settings import Settings


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path) -> Iterator[Pipeline]:
    p = Pipeline(
        Settings(gazetteer=gazetteer_path, cache=tmp_path_factory.mktemp("ev") / "cache.sqlite")
    )
    yield p
    p.close()
