"""The GIS clients (PyQGIS under Debian's python3, GDAL's ogrinfo) and one real server over a
store with the seed plus 2,500 synthetic incidents, 1,200 places and 300 movements, with the
exports `geomap export` wrote from it.

Without the clients these tests skip, naming what to install; with ``GEOMAP_REQUIRE_GIS=1``
(set by ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest

from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store.sqlite import SQLiteStore

from ..conftest import SEED, running_server
from ..synthetic import seed_synthetic

REQUIRED = os.environ.get("GEOMAP_REQUIRE_GIS") == "1"
QGIS_PYTHON = os.environ.get("GEOMAP_QGIS_PYTHON", "/usr/bin/python3")
SYNTHETIC = {"places": 1200, "incidents": 2500, "movements": 300}


def missing(what: str) -> NoReturn:
    message = f"{what} (Debian: apt-get install qgis python3-qgis gdal-bin)"
    if REQUIRED:
        pytest.fail(f"GEOMAP_REQUIRE_GIS=1 but {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def qgis_python() -> str:
    """An interpreter that imports PyQGIS."""
    try:
        out = subprocess.run(
            [QGIS_PYTHON, "-c", "import qgis.core; print(qgis.core.Qgis.QGIS_VERSION)"],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        missing(f"PyQGIS cannot run under {QGIS_PYTHON} ({exc})")
    if out.returncode != 0:
        missing(f"PyQGIS is not importable by {QGIS_PYTHON}: {out.stderr.strip()[-300:]}")
    return QGIS_PYTHON


@pytest.fixture(scope="session")
def ogrinfo() -> str:
    path = shutil.which("ogrinfo")
    if path is None:
        missing("GDAL's ogrinfo is not on PATH")
    return str(path)


@dataclass
class GisWorld:
    base: str  # the server's base URL
    features: dict[str, list[dict[str, Any]]]  # what the store holds, by layer
    gpkg: Path  # `geomap export --format gpkg`: every layer
    fgb: dict[str, Path]  # `geomap export --layer L -o L.fgb`
    log: Path  # the server's access log

    def requests(self) -> list[str]:
        """The request lines the server has logged so far."""
        return [line for line in self.log.read_text().splitlines() if '"GET ' in line]


@pytest.fixture(scope="session")
def gis_world(
    tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path, geomap_exe: str
) -> Iterator[GisWorld]:
    from geomap.pipeline import Pipeline

    tmp = tmp_path_factory.mktemp("gis")
    settings = Settings(
        data_dir=tmp, store=tmp / "store.sqlite", cache=tmp / "cache.sqlite",
        gazetteer=gazetteer_path,
    )  # fmt: skip
    store = SQLiteStore(settings.store_path)
    pipeline = Pipeline(settings)
    doc = read_document(SEED)
    store.add(doc, pipeline.features(doc))
    pipeline.close()
    templates = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, templates, SYNTHETIC)
    features = {name: store.layer(name) for name in LAYERS}
    store.close()

    env = dict(
        os.environ,
        GEOMAP_STORE=str(settings.store_path),
        GEOMAP_CACHE=str(settings.cache_path),
        GEOMAP_GAZETTEER=str(gazetteer_path),
    )

    def export(*args: str) -> None:
        out = subprocess.run(
            [geomap_exe, "export", *args], env=env, capture_output=True, text=True, timeout=600
        )
        assert out.returncode == 0, out.stderr

    gpkg = tmp / "geomap.gpkg"
    export("--format", "gpkg", "-o", str(gpkg))
    fgb = {}
    for name in LAYERS:
        fgb[name] = tmp / f"{name}.fgb"
        export("--layer", name, "-o", str(fgb[name]))
    log = tmp / "server.log"
    with running_server(geomap_exe, env, log=log) as base:
        yield GisWorld(base, features, gpkg, fgb, log)
