"""Shared fixtures: the real gazetteer index, and per-test store and cache files."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from geomap.gazetteer import build_index
from geomap.settings import DEFAULT_DATA_DIR, Settings

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index `make` builds; built into a temporary folder when it is missing."""
    built = Path(os.environ.get("GEOMAP_DATA_DIR", DEFAULT_DATA_DIR)) / "gazetteer.sqlite"
    if built.exists():
        return built
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_index(path)
    return path


@pytest.fixture
def settings(tmp_path: Path, gazetteer_path: Path) -> Settings:
    """Settings with a fresh store and cache in this test's folder."""
    return Settings(
        data_dir=tmp_path,
        store=tmp_path / "store.sqlite",
        cache=tmp_path / "cache.sqlite",
        gazetteer=gazetteer_path,
    )


@pytest.fixture
def env(settings: Settings) -> dict[str, str]:
    """Environment for running the `geomap` entry point against this test's files."""
    out = dict(os.environ)
    out.update(
        GEOMAP_STORE=str(settings.store_path),
        GEOMAP_CACHE=str(settings.cache_path),
        GEOMAP_GAZETTEER=str(settings.gazetteer_path),
    )
    return out


@pytest.fixture(scope="session")
def geomap_exe() -> str:
    """The installed console script."""
    exe = BIN / "geomap"
    assert exe.exists(), f"console script missing at {exe}; run `make test`"
    return str(exe)


@pytest.fixture(scope="session")
def pipeline_factory(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    from geomap.pipeline import Pipeline

    made = []

    def make(settings: Settings) -> Pipeline:
        p = Pipeline(settings)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    target.mkdir()
    shutil.copy(SEED, target / SEED.name)
    return target / SEED.name
