"""Real QGIS (PyQGIS 3.22, headless) adds our vector tiles as a Vector Tile layer (XYZ URL of
``/collections/{id}/tiles/WebMercatorQuad/{z}/{x}/{y}``), from the SQLite store (tiles encoded
by mapbox-vector-tile) and from PostGIS (``ST_AsMVT``), and draws the features where they are;
a filter on the tile URL changes what it draws."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from geomap import tiles
from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store.backends import open_store

from ..conftest import SEED, running_server
from ..synthetic import seed_synthetic
from .conftest import SYNTHETIC, GisWorld

PROBE = Path(__file__).with_name("qgis_tiles_probe.py")
EXTENT = (0.0, 0.0, 30.0, 24.0)  # lon/lat: a part of the world with some of the features
WIDTH = 512
GRID = 8
MARGIN = 10  # pixels: how far a marker reaches from its point


@dataclass
class TileWorld:
    base: str
    features: dict[str, list[dict[str, Any]]]
    log: Path


@pytest.fixture(scope="module")
def postgis_world(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    gazetteer_path: Path,
    geomap_exe: str,
) -> Iterator[TileWorld]:
    """The GIS world's features in a PostGIS store, served."""
    from geomap.pipeline import Pipeline

    cluster = request.getfixturevalue("postgres")
    tmp = tmp_path_factory.mktemp("gis-postgis")
    settings = Settings(
        store=cluster.create_database(), cache=tmp / "cache.sqlite", gazetteer=gazetteer_path
    )
    store = open_store(settings)
    pipeline = Pipeline(settings)
    doc = read_document(SEED)
    store.add(doc, pipeline.features(doc))
    pipeline.close()
    seed_synthetic(store, {name: store.layer(name)[0] for name in LAYERS}, SYNTHETIC)
    features = {name: store.layer(name) for name in LAYERS}
    store.close()
    env = dict(os.environ, GEOMAP_STORE=str(settings.store), GEOMAP_GAZETTEER=str(gazetteer_path))
    log = tmp / "server.log"
    with running_server(geomap_exe, env, log=log) as base:
        yield TileWorld(base, features, log)


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def world(request: pytest.FixtureRequest) -> TileWorld:
    if request.param == "sqlite":
        gis: GisWorld = request.getfixturevalue("gis_world")
        return TileWorld(gis.base, gis.features, gis.log)
    return request.getfixturevalue("postgis_world")  # type: ignore[no-any-return]


def image_size() -> tuple[int, int]:
    minx, miny = tiles.to_mercator(EXTENT[0], EXTENT[1])
    maxx, maxy = tiles.to_mercator(EXTENT[2], EXTENT[3])
    return WIDTH, round(WIDTH * (maxy - miny) / (maxx - minx))


def expected_cells(
    features: list[dict[str, Any]],
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(cells that must be drawn in, cells that must stay empty) of the 8 x 8 grid over the
    image, for point features: a cell holding a point well inside it must have red pixels; a
    cell no point comes near must have none."""
    w, h = image_size()
    minx, miny = tiles.to_mercator(EXTENT[0], EXTENT[1])
    maxx, maxy = tiles.to_mercator(EXTENT[2], EXTENT[3])
    must, near = set(), set()
    for f in features:
        px, py = tiles.to_mercator(*f["geometry"]["coordinates"])
        x = (px - minx) / (maxx - minx) * w
        y = (maxy - py) / (maxy - miny) * h
        if not (-MARGIN <= x <= w + MARGIN and -MARGIN <= y <= h + MARGIN):
            continue
        cw, ch = w / GRID, h / GRID
        cx, cy = int(x // cw), int(y // ch)
        if MARGIN <= x - cx * cw <= cw - MARGIN and MARGIN <= y - cy * ch <= ch - MARGIN:
            must.add((cx, cy))
        for dx in (-MARGIN, 0, MARGIN):
            for dy in (-MARGIN, 0, MARGIN):
                near.add((int((x + dx) // cw), int((y + dy) // ch)))
    every = {(i, j) for i in range(GRID) for j in range(GRID)}
    return must, every - near


@pytest.fixture(scope="module")
def drawn(
    qgis_python: str, world: TileWorld, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """What QGIS drew for each tile layer, by key."""
    layers = [
        {"key": "incidents", "layer": "incidents", "query": ""},
        {"key": "protests", "layer": "incidents", "query": "?event_type=protest"},
        {"key": "cql2", "layer": "incidents", "query": "?filter=event_type%3D%27protest%27"},
        {"key": "none", "layer": "incidents", "query": "?event_type=nothing-of-the-kind"},
        {"key": "movements", "layer": "movements", "query": "", "geometry": "line"},
    ]
    for spec in layers:
        template = f"{world.base}/collections/{spec['layer']}/tiles/WebMercatorQuad/"
        spec["url"] = template + "{z}/{x}/{y}" + spec.pop("query")
    spec_file = tmp_path_factory.mktemp("qgis-tiles") / "spec.json"
    spec_file.write_text(json.dumps({"extent": EXTENT, "size": image_size(), "layers": layers}))
    out = subprocess.run(
        [qgis_python, str(PROBE), str(spec_file)],
        capture_output=True,
        text=True,
        timeout=900,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(spec_file.parent)),
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {layer["key"]: layer for layer in result["layers"]}


def test_qgis_draws_the_incidents_where_they_are(drawn: dict[str, Any], world: TileWorld) -> None:
    seen = drawn["incidents"]
    assert seen["valid"], seen.get("error")
    assert seen["source_type"] == "xyz" and seen["errors"] == []
    must, empty = expected_cells(world.features["incidents"])
    assert len(must) >= 5 and len(empty) >= 5  # the extent holds some features, and gaps
    cells = {tuple(c) for c in seen["cells"]}
    assert must <= cells
    assert not cells & empty
    # QGIS fetched the tiles from our server
    requests = [
        line
        for line in world.log.read_text().splitlines()
        if "/collections/incidents/tiles/" in line
    ]
    assert any(" 200" in line for line in requests), requests[:5]


def test_a_filter_on_the_tile_url_changes_what_qgis_draws(
    drawn: dict[str, Any], world: TileWorld
) -> None:
    protests = [
        f for f in world.features["incidents"] if f["properties"]["event_type"] == "protest"
    ]
    must, empty = expected_cells(protests)
    for key in ("protests", "cql2"):
        cells = {tuple(c) for c in drawn[key]["cells"]}
        assert must <= cells and not cells & empty, key
        assert 0 < drawn[key]["red_pixels"] < drawn["incidents"]["red_pixels"]
    assert drawn["none"]["valid"] and drawn["none"]["red_pixels"] == 0  # every tile a 204


def test_qgis_draws_movements_as_lines(drawn: dict[str, Any]) -> None:
    seen = drawn["movements"]
    assert seen["valid"] and seen["errors"] == [] and seen["red_pixels"] > 0
