"""End to end: the real server under uvicorn on a free loopback port."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from ..conftest import SEED, running_server
from ..conftest import http_get as get


@pytest.fixture(scope="module")
def server(tmp_path_factory, gazetteer_path, geomap_exe):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("server")
    env = dict(
        os.environ,
        GEOMAP_STORE=str(tmp / "store.sqlite"),
        GEOMAP_CACHE=str(tmp / "cache.sqlite"),
        GEOMAP_GAZETTEER=str(gazetteer_path),
    )
    subprocess.run([geomap_exe, "ingest", str(SEED)], env=env, check=True, capture_output=True)
    with running_server(geomap_exe, env) as base:
        yield base


def test_incidents_geojson(server: str) -> None:
    status, headers, body = get(server + "/incidents")
    assert status == 200
    assert headers["content-type"] == "application/geo+json"
    fc = json.loads(body)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) >= 6
    assert all(f["geometry"]["type"] == "Point" for f in fc["features"])
    assert {"Shenyang", "Dandong"} <= {f["properties"]["place_name"] for f in fc["features"]}


def test_movements_layer(server: str) -> None:
    status, headers, body = get(server + "/layers/movements")
    assert status == 200 and headers["content-type"] == "application/geo+json"
    fc = json.loads(body)
    pairs = {(f["properties"]["origin"], f["properties"]["destination"]) for f in fc["features"]}
    assert {("Pyongyang", "Liaoning"), ("Pyongyang", "Dandong"), ("North Korea", "China")} <= pairs
    assert all(f["geometry"]["type"] == "MultiLineString" for f in fc["features"])
    # every feature carries every key, null when unknown
    assert len({tuple(sorted(f["properties"])) for f in fc["features"]}) == 1


def test_layers_listing_counts(server: str) -> None:
    listing = json.loads(get(server + "/layers")[2])["layers"]
    for layer in listing:
        fc = json.loads(get(layer["href"])[2])
        assert layer["count"] == len(fc["features"])
    assert [x["name"] for x in listing] == ["places", "incidents", "movements"]


def test_unknown_layer_is_json_404(server: str) -> None:
    status, headers, body = get(server + "/layers/roads", accept="application/json")
    assert status == 404 and headers["content-type"].startswith("application/json")
    assert "'roads'" in json.loads(body)["description"]


def test_map_page_uses_only_local_assets(server: str) -> None:
    status, headers, body = get(server + "/map")
    assert status == 200 and headers["content-type"].startswith("text/html")
    html = body.decode()
    assert "Pyongyang" in html and "L.polyline" in html
    for src in [s for s in html.split('src="')[1:]]:
        url = src.split('"')[0]
        assert url.startswith("/static/"), url
        assert get(server + url)[0] == 200


def test_health_and_docs(server: str) -> None:
    assert json.loads(get(server + "/healthz")[2]) == {"status": "ok", "documents": 1}
    assert get(server + "/docs")[0] == 200
    spec = json.loads(get(server + "/openapi.json")[2])
    assert "/layers/{name}" in spec["paths"]
