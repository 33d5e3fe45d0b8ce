"""OGC API – Tiles (vector tiles, TileJSON), CQL2 filters and sortby on the items, and the
queryables, over HTTP on both backends."""

from __future__ import annotations

import json
from typing import Any

import mapbox_vector_tile
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geomap import tiles
from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store.backends import open_store

from ...conftest import SEED, backend_store
from ...synthetic import seed_synthetic

COUNTS = {"places": 30, "incidents": 300, "movements": 40}
MVT = "application/vnd.mapbox-vector-tile"


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def world(request, tmp_path_factory, gazetteer_path, pipeline_factory):  # type: ignore[no-untyped-def]
    """(client, features by layer) over a store of each backend."""
    tmp = tmp_path_factory.mktemp("tiles")
    settings = Settings(
        data_dir=tmp, store=backend_store(request, request.param, tmp),
        cache=tmp / "cache.sqlite", gazetteer=gazetteer_path,
    )  # fmt: skip
    store = open_store(settings)
    doc = read_document(SEED)
    store.add(doc, pipeline_factory(settings).features(doc))
    templates = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, templates, COUNTS)
    features = {name: store.layer(name) for name in LAYERS}
    store.close()
    with TestClient(create_app(settings)) as client:
        yield client, features


def tile_ids(response: Any, layer: str) -> list[str]:
    if response.status_code == 204:
        return []
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MVT
    decoded = mapbox_vector_tile.decode(response.content)
    return sorted(f["properties"]["id"] for f in decoded[layer]["features"])


def in_tile(features: list[dict[str, Any]], z: int, x: int, y: int) -> list[str]:
    """Ids of the points inside the tile's buffered box (computed here, not by the store)."""
    minx, miny, maxx, maxy = tiles.buffered_lonlat_bounds(z, x, y)
    out = []
    for f in features:
        lon, lat = f["geometry"]["coordinates"]
        if minx <= lon <= maxx and miny <= lat <= maxy:
            out.append(str(f["id"]))
    return sorted(out)


def test_the_tilesets_list_and_tilejson(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    doc = client.get("/collections/incidents/tiles").json()
    (tileset,) = doc["tilesets"]
    assert tileset["dataType"] == "vector"
    rels = {link["rel"]: link for link in tileset["links"]}
    assert rels["item"]["type"] == MVT and rels["item"]["templated"]
    assert rels["item"]["href"].endswith(
        "/collections/incidents/tiles/WebMercatorQuad/{tileMatrix}/{tileCol}/{tileRow}"
    )
    tj = client.get(
        "/collections/incidents/tiles/WebMercatorQuad/tilejson.json?event_type=protest"
    ).json()
    assert tj["tilejson"] == "3.0.0"
    (url,) = tj["tiles"]
    assert url.endswith(
        "/collections/incidents/tiles/WebMercatorQuad/{z}/{x}/{y}?event_type=protest"
    )
    assert tj["vector_layers"][0]["id"] == "incidents"
    tms = client.get("/tileMatrixSets/WebMercatorQuad").json()
    assert tms["id"] == "WebMercatorQuad" and len(tms["tileMatrices"]) > 20
    conformance = client.get("/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt" in conformance
    assert "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text" in conformance


@pytest.mark.parametrize(("z", "x", "y"), [(0, 0, 0), (1, 1, 0), (2, 2, 1), (3, 1, 3)])
def test_a_tile_holds_the_features_inside_it(world, z: int, x: int, y: int) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    response = client.get(f"/collections/incidents/tiles/WebMercatorQuad/{z}/{x}/{y}")
    assert tile_ids(response, "incidents") == in_tile(features["incidents"], z, x, y)


def test_filters_apply_to_tiles(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    url = "/collections/incidents/tiles/WebMercatorQuad/0/0/0"
    protests = [f for f in features["incidents"] if f["properties"]["event_type"] == "protest"]
    assert tile_ids(client.get(url, params={"event_type": "protest"}), "incidents") == in_tile(
        protests, 0, 0, 0
    )
    cql = "event_type = 'protest' AND n_sources >= 1"
    assert tile_ids(client.get(url, params={"filter": cql}), "incidents") == in_tile(
        protests, 0, 0, 0
    )
    dated = [
        f
        for f in features["incidents"]
        if f["properties"]["date_start"]
        and "2020-02-01" <= f["properties"]["date_start"] <= "2020-02-29"
        or f["properties"]["date_end"]
        and "2020-02-01" <= f["properties"]["date_end"] <= "2020-02-29"
    ]
    got = tile_ids(client.get(url, params={"datetime": "2020-02-01/2020-02-29"}), "incidents")
    assert got == in_tile(dated, 0, 0, 0) and got
    west = [f for f in features["incidents"] if f["geometry"]["coordinates"][0] <= 0]
    got = tile_ids(client.get(url, params={"bbox": "-180,-90,0,90"}), "incidents")
    assert got == sorted(str(f["id"]) for f in west)


def test_an_empty_tile_is_204_however_it_is_empty(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    base = "/collections/incidents/tiles/WebMercatorQuad"
    for url, params in [
        (f"{base}/8/0/0", {}),  # nothing there
        (f"{base}/0/0/0", {"event_type": "no such type"}),  # filtered out
        (f"{base}/1/0/0", {"bbox": "100,-80,170,-10"}),  # the query's bbox is elsewhere
    ]:
        response = client.get(url, params=params)
        assert response.status_code == 204, (url, params)
        assert response.content == b""


@pytest.mark.parametrize(
    ("url", "status", "where"),
    [
        ("/collections/nothing/tiles/WebMercatorQuad/0/0/0", 404, "collectionId"),
        ("/collections/incidents/tiles/WorldCRS84Quad/0/0/0", 404, None),
        ("/collections/incidents/tiles/WebMercatorQuad/1/2/0", 404, None),  # outside the grid
        ("/collections/incidents/tiles/WebMercatorQuad/23/0/0", 400, "tileMatrix"),
        ("/collections/incidents/tiles/WebMercatorQuad/0/0/0?filter=nope%20%3D%201", 400, "filter"),
    ],
)
def test_bad_tile_requests(world, url: str, status: int, where: str | None) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["description"]
    if where:
        assert body["where"] == where


def test_cql2_filter_and_sortby_on_items(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    want = [
        str(f["id"])
        for f in features["incidents"]
        if f["properties"]["event_type"] in ("protest", "arrest")
        and (f["properties"]["actor1"] or "").lower().startswith("beta")
    ]
    params = {
        "filter": "event_type IN ('protest','arrest') AND CASEI(actor1) LIKE casei('BETA%')",
        "limit": "1000",
    }
    page = client.get("/collections/incidents/items", params=params).json()
    assert [str(f["id"]) for f in page["features"]] == want and want
    assert page["numberMatched"] == len(want)
    as_json = {
        "op": "and",
        "args": [
            {"op": "in", "args": [{"property": "event_type"}, ["protest", "arrest"]]},
            {
                "op": "like",
                "args": [
                    {"op": "casei", "args": [{"property": "actor1"}]},
                    {"op": "casei", "args": ["BETA%"]},
                ],
            },
        ],
    }
    page = client.get(
        "/collections/incidents/items",
        params={"filter": json.dumps(as_json), "filter-lang": "cql2-json", "limit": "1000"},
    ).json()
    assert [str(f["id"]) for f in page["features"]] == want
    page = client.get(
        "/collections/incidents/items", params={"sortby": "-date_start", "limit": "20"}
    ).json()
    days = [f["properties"]["date_start"] for f in page["features"]]
    assert days == sorted(days, reverse=True) and len(days) == 20
    # "+" left unencoded in a query string arrives as a space: ascending
    page = client.get("/collections/incidents/items?sortby=+date_start&limit=20").json()
    days = [f["properties"]["date_start"] for f in page["features"]]
    assert days == sorted(days) and len(days) == 20


@pytest.mark.parametrize(
    ("params", "where", "words"),
    [
        ({"filter": "event_type = "}, "filter", "ends too early"),
        ({"filter": "colour = 'red'"}, "filter", "unknown property 'colour'"),
        ({"filter": "n_sources > 'many'"}, "filter", "n_sources is compared with 'many'"),
        ({"filter": "x", "filter-lang": "ecql"}, "filter-lang", "not supported"),
        ({"filter": "{", "filter-lang": "cql2-json"}, "filter", "not JSON"),
        ({"sortby": "colour"}, "sortby", "not a queryable"),
        ({"sortby": "+-date_start"}, "sortby", "optional + or -"),
        ({"sortby": "date_start,,id"}, "sortby", "optional + or -"),
        ({"filter-lang": " cql2-text"}, "filter-lang", "not supported"),
        ({"filter-crs": "EPSG:3857"}, "filter-crs", "not supported"),
    ],
)
def test_a_bad_filter_is_a_400_naming_the_problem(world, params, where, words) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    response = client.get("/collections/incidents/items", params=params)
    assert response.status_code == 400
    body = response.json()
    assert body["where"] == where and words in body["description"]
    assert "Traceback" not in response.text


def test_queryables(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    response = client.get("/collections/incidents/queryables")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/schema+json")
    doc = response.json()
    props = doc["properties"]
    assert props["event_type"] == {"type": "string"}
    assert props["n_sources"]["type"] == "integer"
    assert props["date_start"] == {"type": "string", "format": "date"}
    assert props["geometry"]["x-ogc-role"] == "primary-geometry"
    assert client.get("/collections/nothing/queryables").status_code == 404


def test_tiles_are_kept_a_minute_unless_asked_afresh(world) -> None:  # type: ignore[no-untyped-def]
    from api.routes.tiles import TileCache

    client, _ = world
    url = "/collections/incidents/tiles/WebMercatorQuad/0/0/0?event_type=attack"
    first = client.get(url)
    assert first.headers["cache-control"] == "public, max-age=60"
    cache = client.app.state.tile_cache
    assert (
        isinstance(cache, TileCache)
        and cache.get(("incidents", 0, 0, 0, (("event_type", "attack"),))) == first.content
    )
    assert client.get(url).content == first.content
    assert client.get(url, headers={"Cache-Control": "no-cache"}).content == first.content
    small = TileCache(max_bytes=80, max_age=60)
    for i in range(9):  # 90 bytes in all: the least recently used goes
        small.put((i,), bytes(10))
    assert small.get((0,)) is None and small.get((8,)) == bytes(10)
    small.put(("big",), bytes(11))  # more than an eighth of the cache: not kept
    assert small.get(("big",)) is None
    expired = TileCache(max_bytes=100, max_age=0)
    expired.put(("a",), b"x")
    assert expired.get(("a",)) is None
