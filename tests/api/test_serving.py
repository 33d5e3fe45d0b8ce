"""A server process as ``geomap serve`` makes it (:func:`api.main.serving_app`): what start-up
leaves out of the garbage collector, and which libraries it loads only when a route needs them
(each worker of ``--workers N`` pays for every module it imports)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
# libraries only the map, the GIS downloads or ingest use
HEAVY = ("folium", "branca", "jinja2", "numpy", "shapely", "pyogrio", "geopy", "requests")

# run in a fresh interpreter: the test process has imported everything long ago
PROBE = """
import gc, json, sys
from fastapi.testclient import TestClient
from api.main import serving_app

HEAVY = {heavy!r}
loaded = lambda: sorted(m for m in HEAVY if m in sys.modules)
out = {{"at_start": loaded(), "frozen": gc.get_freeze_count()}}
app = serving_app()
out["after_start"] = loaded()
out["frozen_after_start"] = gc.get_freeze_count()
statuses = {{}}
with TestClient(app, base_url="http://127.0.0.1:8000") as client:
    for url in {served!r}:
        statuses[url] = client.get(url, headers={{"Accept": "application/json"}}).status_code
    out["after_serving"] = loaded()
    statuses["/map"] = client.get("/map", headers={{"Accept": "text/html"}}).status_code
    out["after_map"] = loaded()
    statuses["csv"] = client.get("/collections/incidents/items?f=csv&limit=2").status_code
    out["after_csv"] = loaded()
out["statuses"] = statuses
print(json.dumps(out))
"""
SERVED = [
    "/healthz",
    "/collections/incidents/items?limit=5&bbox=-180,-90,180,90",
    "/collections/incidents/items?limit=2&f=html",
    "/collections",
    "/collections/incidents",
    "/",
    "/conformance",
    "/incidents",
    "/layers/movements",
    "/openapi.json",
]


@pytest.fixture(scope="module")
def probed(tmp_path_factory, gazetteer_path, seeded_store) -> dict:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("serving")
    settings = Settings(
        data_dir=tmp, store=str(tmp / "store.sqlite"), cache=tmp / "cache.sqlite",
        gazetteer=gazetteer_path,
    )  # fmt: skip
    store, doc = seeded_store(settings)
    store.close()
    env = {
        **os.environ,
        "GEOMAP_DATA_DIR": str(tmp),
        "GEOMAP_STORE": str(tmp / "store.sqlite"),
        "GEOMAP_CACHE": str(tmp / "cache.sqlite"),
        "GEOMAP_GAZETTEER": str(gazetteer_path),
        "PYTHONPATH": str(ROOT),
    }
    code = PROBE.format(heavy=HEAVY, served=SERVED)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_serving_process_loads_no_map_gis_or_geocoding_library(probed: dict) -> None:  # type: ignore[type-arg]
    assert probed["after_start"] == []
    # every route a busy server answers most, the JSON and HTML pages among them
    assert probed["after_serving"] == [], probed["after_serving"]
    assert all(probed["statuses"][url] == 200 for url in SERVED), probed["statuses"]


def test_the_map_and_a_download_load_their_libraries_when_asked(probed: dict) -> None:  # type: ignore[type-arg]
    assert probed["statuses"]["/map"] == 200
    assert {"folium", "branca", "jinja2"} <= set(probed["after_map"])
    assert probed["statuses"]["csv"] == 200
    assert {"numpy", "pyogrio"} <= set(probed["after_csv"])


def test_start_up_leaves_what_it_loaded_out_of_the_garbage_collector(probed: dict) -> None:  # type: ignore[type-arg]
    assert probed["frozen"] == 0
    assert probed["frozen_after_start"] > 10_000  # the app and every module it imported
