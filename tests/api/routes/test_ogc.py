"""OGC API – Features Part 1 (Core, GeoJSON, OAS 3.0) conformance-style checks of the API, on a
real SQLite store holding the seed plus synthetic features; exports over HTTP."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store import query
from geomap.store.backends import open_store

from ...conftest import SEED, backend_store
from ...synthetic import seed_synthetic

GEOJSON = "application/geo+json"
COUNTS = {"places": 40, "incidents": 260, "movements": 30}


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def world(request, tmp_path_factory, gazetteer_path, pipeline_factory):  # type: ignore[no-untyped-def]
    """(client, features by layer) over a store of each backend with the seed and synthetic
    features."""
    tmp = tmp_path_factory.mktemp("ogc")
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


def get(client: TestClient, url: str, accept: str = "application/json", **params: Any) -> Any:
    return client.get(url, headers={"Accept": accept}, params=params or None)


def links(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for link in doc["links"]:
        out.setdefault(link["rel"], []).append(link)
    return out


# --- landing page, conformance, OpenAPI --------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "params"),
    [("application/json", {}), ("*/*", {}), ("text/html", {"f": "json"})],
)
def test_landing_page_json(world, accept: str, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    r = get(client, "/", accept=accept, **params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    rels = links(r.json())
    for rel in ("self", "service-desc", "service-doc", "conformance", "data"):
        assert rel in rels, rel
        href = rels[rel][0]["href"]
        assert href.startswith("http://"), href  # absolute
        assert client.get(href).status_code == 200, href
    assert rels["data"][0]["href"].endswith("/collections")
    assert rels["service-desc"][0]["href"].endswith("/openapi.json")


@pytest.mark.parametrize(
    ("accept", "params"),
    [("text/html,application/xhtml+xml,*/*;q=0.8", {}), ("application/json", {"f": "html"})],
)
def test_landing_page_html_for_browsers(world, accept: str, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    r = get(client, "/", accept=accept, **params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "/collections/incidents/items" in r.text and "/openapi.json" in r.text


def test_conformance_agrees_with_the_openapi_document(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    classes = get(client, "/conformance").json()["conformsTo"]
    base = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"
    for cls in ("core", "geojson", "html"):
        assert base + cls in classes
    version = get(client, "/openapi.json").json()["openapi"]
    # oas30 only for an OpenAPI 3.0 document (FastAPI writes 3.1, which Part 1 has no class for)
    assert (base + "oas30" in classes) == version.startswith("3.0.")
    landing = get(client, "/").json()
    (desc,) = [x for x in landing["links"] if x["rel"] == "service-desc"]
    assert desc["type"].endswith("version=" + ".".join(version.split(".")[:2]))


def test_openapi_documents_limit_default_and_maximum(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    spec = get(client, "/openapi.json").json()
    limit = spec["components"]["parameters"]["limit"]
    assert limit["name"] == "limit" and limit["in"] == "query"
    assert limit["schema"]["default"] == 100 and limit["schema"]["maximum"] == 10000
    assert limit["schema"]["minimum"] == 1
    params = spec["paths"]["/collections/{collectionId}/items"]["get"]["parameters"]
    assert {"$ref": "#/components/parameters/limit"} in params
    named = {p["name"]: p for p in map(lambda p: resolve(spec, p), params)}
    assert set(named) >= {"bbox", "datetime", "offset", "cursor", "collectionId", "f", "crs"}
    assert named["offset"]["schema"] == {"type": "integer", "minimum": 0, "default": 0}
    assert named["bbox"]["schema"]["pattern"] == query.BBOX_PATTERN
    assert named["datetime"]["schema"]["pattern"] == query.DATETIME_PATTERN
    assert named["collectionId"]["schema"]["enum"] == list(LAYERS)
    assert "html" in named["f"]["schema"]["enum"]
    paths = ["/", "/conformance", "/collections", "/collections/{collectionId}"]
    paths += ["/collections/{collectionId}/items/{featureId}", "/export/{filename}"]
    assert set(paths) <= set(spec["paths"])


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` (``#/a/b``) followed."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def test_openapi_errors_are_json_with_the_error_schema(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    spec = get(client, "/openapi.json").json()
    error = spec["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {"code", "description", "where"}
    assert set(error["required"]) == {"code", "description"}
    seen = 0
    for path, item in spec["paths"].items():
        for method, op in item.items():
            assert "422" not in op["responses"], (path, method)
            assert "400" in op["responses"], (path, method)
            for status, response in op["responses"].items():
                if int(status) >= 400:
                    seen += 1
                    expected = {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    }
                    if path == "/map":  # a page for people (tests/browser)
                        expected["text/html"] = {"schema": {"type": "string"}}
                    assert response["content"] == expected, (path, method, status)
    assert seen > 15
    # and what the server sends for an error is what the document says
    r = client.get("/collections/incidents/items", params={"limit": "x"})
    assert r.headers["content-type"] == "application/json"
    assert set(r.json()) <= set(error["properties"])


# --- collections -------------------------------------------------------------------------------


def test_collections(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    doc = get(client, "/collections").json()
    assert "self" in links(doc)
    by_id = {c["id"]: c for c in doc["collections"]}
    assert list(by_id) == list(LAYERS)
    expected_types = {"places": "Point", "incidents": "Point", "movements": "MultiLineString"}
    for name, c in by_id.items():
        assert c["itemType"] == "feature" and c["geometryType"] == expected_types[name]
        assert c["crs"] == ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"]
        (box,) = c["extent"]["spatial"]["bbox"]
        xs = [x for f in features[name] for x, _ in _coords(f)]
        ys = [y for f in features[name] for _, y in _coords(f)]
        assert box == [min(xs), min(ys), max(xs), max(ys)]
        ((start, end),) = c["extent"]["temporal"]["interval"]
        assert start <= end and start.endswith("Z")
        rels = links(c)
        assert rels["items"][0]["href"].endswith(f"/collections/{name}/items")
        assert {link["type"] for link in rels["enclosure"]} >= {"application/geopackage+sqlite3"}
        assert get(client, f"/collections/{name}").json() == c


def _coords(feature: dict[str, Any]) -> list[tuple[float, float]]:
    g = feature["geometry"]
    pts = (
        [g["coordinates"]]
        if g["type"] == "Point"
        else [p for part in g["coordinates"] for p in part]
        if g["type"] == "MultiLineString"
        else g["coordinates"]
    )
    return [(float(p[0]), float(p[1])) for p in pts]


def test_temporal_extent_spans_the_dates(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    c = get(client, "/collections/incidents").json()
    ((start, end),) = c["extent"]["temporal"]["interval"]
    starts = [f["properties"]["date_start"] for f in features["incidents"]]
    ends = [f["properties"]["date_end"] for f in features["incidents"]]
    assert start[:10] == min(s for s in starts if s) and end[:10] == max(e for e in ends if e)


@pytest.mark.parametrize("url", ["/collections/roads", "/collections/roads/items"])
def test_unknown_collection_is_json_404(world, url: str) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    r = get(client, url, accept="text/html")  # even a browser gets JSON for an error here
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["where"] == "collectionId" and "'roads'" in body["description"]


# --- items -------------------------------------------------------------------------------------


def test_items_first_page(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    r = get(client, "/collections/incidents/items", accept="application/geo+json")
    assert r.status_code == 200 and r.headers["content-type"] == GEOJSON
    doc = r.json()
    total = len(features["incidents"])
    assert doc["type"] == "FeatureCollection"
    assert doc["numberMatched"] == total and isinstance(doc["numberMatched"], int)
    assert doc["numberReturned"] == len(doc["features"]) == 100  # the documented default
    stamp = datetime.fromisoformat(doc["timeStamp"].replace("Z", "+00:00"))
    assert abs(datetime.now(UTC) - stamp) < timedelta(minutes=5)
    assert [f["id"] for f in doc["features"]] == [f["id"] for f in features["incidents"][:100]]
    rels = links(doc)
    assert rels["self"][0]["type"] == GEOJSON and "prev" not in rels
    assert "offset=100" in rels["next"][0]["href"] and rels["next"][0]["href"].startswith("http")
    assert {a["type"] for a in rels["alternate"]} == {
        "text/csv; charset=utf-8", "application/geopackage+sqlite3", "application/flatgeobuf",
    }  # fmt: skip
    assert rels["collection"][0]["href"].endswith("/collections/incidents")
    # every feature: a top-level id, one geometry type, the same property keys
    assert all(f["id"] and f["geometry"]["type"] == "Point" for f in doc["features"])
    assert len({tuple(sorted(f["properties"])) for f in doc["features"]}) == 1


@pytest.mark.parametrize(("layer", "limit"), [("incidents", 37), ("places", 10), ("movements", 7)])
def test_next_links_visit_every_feature_once(world, layer: str, limit: int) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    url: str | None = f"/collections/{layer}/items?limit={limit}"
    seen: list[str] = []
    pages = 0
    while url:
        doc = client.get(url).json()
        assert doc["numberMatched"] == len(features[layer])
        assert doc["numberReturned"] == len(doc["features"]) <= limit
        seen += [f["id"] for f in doc["features"]]
        nxt = links(doc).get("next")
        url = nxt[0]["href"] if nxt else None
        pages += 1
        assert pages < 100
    assert seen == [f["id"] for f in features[layer]]  # each once, in order
    assert pages == -(-len(features[layer]) // limit)


def test_prev_link_goes_back(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    first = get(client, "/collections/incidents/items", limit=20).json()
    second = client.get(links(first)["next"][0]["href"]).json()
    back = client.get(links(second)["prev"][0]["href"]).json()
    assert [f["id"] for f in back["features"]] == [f["id"] for f in first["features"]]
    beyond = get(client, "/collections/incidents/items", offset=10_000).json()
    assert (
        beyond["features"] == [] and beyond["numberReturned"] == 0 and "next" not in links(beyond)
    )


@pytest.mark.parametrize("limit", ["1", "10000", "010"])
def test_limit_within_bounds(world, limit: str) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    doc = get(client, "/collections/incidents/items", limit=limit).json()
    assert doc["numberReturned"] == min(int(limit), len(features["incidents"]))


@pytest.mark.parametrize("limit", ["10001", "99999999999999999999999999"])
def test_limit_above_the_maximum_is_the_maximum(world, limit: str) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    assert query.parse_limit(limit) == query.MAX_LIMIT
    doc = get(client, "/collections/incidents/items", limit=limit).json()
    assert doc["numberReturned"] == doc["numberMatched"] == len(features["incidents"])


def test_empty_selections_are_answers_not_errors(world) -> None:  # type: ignore[no-untyped-def]
    """Schema-valid values that select nothing: a start after the end, miny > maxy."""
    client, _ = world
    for params in (
        {"datetime": "2020-03-01/2020-01-01"},
        {"bbox": "0,10,10,0"},
        {"start": "2020-03-01", "end": "2020-01-01"},
        {"datetime": "2019-01-01/..", "end": "2018-01-01"},
    ):
        r = get(client, "/collections/incidents/items", **params)
        assert r.status_code == 200, params
        assert r.json()["numberMatched"] == 0 and r.json()["features"] == []


def test_bbox_values_are_normalised(world) -> None:  # type: ignore[no-untyped-def]
    """Latitudes past the poles are clamped, longitudes wrap, minx > maxx crosses the
    antimeridian (OGC), as the README says."""
    client, features = world

    def ids(**params: str) -> set[str]:
        doc = get(client, "/collections/incidents/items", limit="10000", **params).json()
        return {f["id"] for f in doc["features"]}

    every = {f["id"] for f in features["incidents"]}
    assert ids(bbox="-180,-1e9,180,1e400") == every
    assert ids(bbox="0,-90,360,90") == every
    assert ids(bbox="-540,-90,-180,90") == every
    east = ids(bbox="100,-90,180,90")
    west = ids(bbox="-180,-90,-100,90")
    assert ids(bbox="100,-90,-100,90") == east | west  # across the antimeridian
    assert ids(bbox="460,-90,620,90") == ids(bbox="100,-90,260,90") == ids(bbox="100,-90,-100,90")


@pytest.mark.parametrize(
    ("params", "where", "says"),
    [
        ({"limit": "0"}, "limit", "below 1"),
        ({"limit": "many"}, "limit", "not a whole number"),
        ({"limit": "1_0"}, "limit", "not a whole number written in the digits 0-9"),
        ({"limit": "\u0661\u0660"}, "limit", "digits 0-9"),  # Arabic-Indic 10
        ({"limit": "10.0"}, "limit", "not a whole number"),
        ({"limit": " 10"}, "limit", "not a whole number"),
        ({"limit": ""}, "limit", "not a whole number"),
        ({"offset": "-3"}, "offset", "not a whole number"),
        ({"offset": "\u0663"}, "offset", "digits 0-9"),
        ({"cursor": "abc"}, "cursor", "not a whole number"),
        ({"bbox": "1,2,3"}, "bbox", "has 3 numbers"),
        ({"bbox": "1,2,3,4,5"}, "bbox", "has 5 numbers"),
        ({"bbox": "1, 2,3,4"}, "bbox", "' 2' is not a number"),
        ({"bbox": "1,2,3,\u0664"}, "bbox", "is not a number"),
        ({"bbox": "nan,0,1,1"}, "bbox", "is not a number"),
        ({"datetime": "last week"}, "datetime", "is not a date"),
        ({"datetime": "2020-02-30"}, "datetime", "is not a date"),
        ({"datetime": "2020-04-31"}, "datetime", "is not a date"),
        ({"datetime": "\u0662\u0660\u0662\u0660-01-01"}, "datetime", "is not a date"),
        ({"datetime": "2020-01-01/2020-02-01/2020-03-01"}, "datetime", "has 2 '/'"),
        ({"colour": "red"}, "colour", "unknown property 'colour'"),
        ({"crs": "EPSG:3857"}, "crs", "not supported"),
        ({"f": "shp"}, "f", "'shp' is not a format"),
    ],
)
@pytest.mark.parametrize("accept", ["application/geo+json", "text/html"])
def test_bad_parameters_are_json_400_naming_them(  # type: ignore[no-untyped-def]
    world, params: dict[str, str], where: str, says: str, accept: str
) -> None:
    client, _ = world
    r = get(client, "/collections/incidents/items", accept=accept, **params)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["code"] == "invalid_parameter" and body["where"] == where
    assert says in body["description"]
    assert repr(next(iter(params.values()))) in body["description"]


@pytest.mark.parametrize(
    ("expression", "says"),
    [
        # a standard CQL2 call pygeofilter's grammar cannot read: what is not offered, not
        # "the expression ends too early"
        ("T_AFTER(date_start, DATE('2020-01-01'))", "temporal functions (T_...) are not supported"),
        ("A_CONTAINS(actor1, ('police'))", "array functions (A_...) are not supported"),
        # double quotes name a property in CQL2: the answer says how to write a text value
        ('event_type = "protest"', "unknown property 'protest' (a text value takes single quotes"),
    ],
)
def test_cql2_mistakes_are_400_saying_what_to_write(world, expression: str, says: str) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    r = get(client, "/collections/incidents/items", filter=expression)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["code"] == "invalid_parameter" and body["where"] == "filter"
    assert says in body["description"]


def _intersects_box(feature: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    from shapely.geometry import box as make_box
    from shapely.geometry import shape

    return bool(make_box(*box).intersects(shape(feature["geometry"])))


@pytest.mark.parametrize("layer", ["incidents", "movements"])
@pytest.mark.parametrize("box", [(-60.0, -40.0, 60.0, 40.0), (100.0, 20.0, 130.0, 45.0)])
def test_bbox(world, layer: str, box: tuple[float, ...]) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    doc = get(client, f"/collections/{layer}/items", bbox=",".join(map(str, box)), limit=10000)
    doc = doc.json()
    expected = [f["id"] for f in features[layer] if _intersects_box(f, box)]  # type: ignore[arg-type]
    assert 0 < len(expected) < len(features[layer])
    assert [f["id"] for f in doc["features"]] == expected
    assert doc["numberMatched"] == len(expected)


def _overlaps(f: dict[str, Any], start: date | None, end: date | None) -> bool:
    p = f["properties"]
    s, e = p["date_start"], p["date_end"] or p["date_start"]
    if s is None:
        return False
    return (start is None or e >= start.isoformat()) and (end is None or s <= end.isoformat())


D = date


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2020-03-01", D(2020, 3, 1), D(2020, 3, 1)),
        ("2020-03-01T12:00:00Z", D(2020, 3, 1), D(2020, 3, 1)),
        ("2020-02-01/2020-04-30", D(2020, 2, 1), D(2020, 4, 30)),
        ("2020-02-01T00:00:00Z/2020-04-30T00:00:00Z", D(2020, 2, 1), D(2020, 4, 30)),
        ("../2020-01-10", None, D(2020, 1, 10)),
        ("2020-08-01/..", D(2020, 8, 1), None),
        ("/2020-01-10", None, D(2020, 1, 10)),
        ("2020-08-01/", D(2020, 8, 1), None),
        # QGIS 3.22 sends these dummies for open ends
        ("0000-01-01T00:00:00Z/2020-01-10T00:00:00Z", None, D(2020, 1, 10)),
        ("2020-08-01T00:00:00Z/9999-12-31T00:00:00Z", D(2020, 8, 1), None),
    ],
)
def test_datetime(world, value: str, start: date | None, end: date | None) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    doc = get(client, "/collections/incidents/items", datetime=value, limit=10000).json()
    expected = [f["id"] for f in features["incidents"] if _overlaps(f, start, end)]
    assert 0 < len(expected) < len(features["incidents"])
    assert [f["id"] for f in doc["features"]] == expected
    assert doc["numberMatched"] == len(expected)


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"event_type": "PROTEST"}, lambda p: (p["event_type"] or "").lower() == "protest"),
        ({"actor1": "beta police"}, lambda p: (p["actor1"] or "").lower() == "beta police"),
        ({"actor": "militia"}, lambda p: "militia" in (p["actor1"] or "").lower()),
        (
            {"event_type": "attack", "datetime": "2020-01-01/2020-06-30"},
            lambda p: (
                p["event_type"] == "attack" and "2020-01-01" <= p["date_start"] <= "2020-06-30"
            ),
        ),
    ],
)
def test_property_filters(world, params: dict[str, str], keep) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    doc = get(client, "/collections/incidents/items", limit=10000, **params).json()
    expected = [f["id"] for f in features["incidents"] if keep(f["properties"])]
    assert expected and [f["id"] for f in doc["features"]] == expected
    # the next link keeps the filters
    paged = get(client, "/collections/incidents/items", limit=5, **params).json()
    if len(expected) > 5:
        nxt = links(paged)["next"][0]["href"]
        assert all(f"{k}=" in nxt for k in params)


def test_one_item(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    want = features["movements"][-1]
    r = get(client, f"/collections/movements/items/{want['id']}")
    assert r.status_code == 200 and r.headers["content-type"] == GEOJSON
    got = r.json()
    assert got["id"] == want["id"] and got["geometry"] == want["geometry"]
    assert got["properties"] == want["properties"]
    assert links(got)["collection"][0]["href"].endswith("/collections/movements")
    missing = get(client, "/collections/movements/items/nope")
    assert missing.status_code == 404 and missing.json()["where"] == "featureId"
    assert "'nope'" in missing.json()["description"]


def test_items_as_csv_page(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    r = get(client, "/collections/incidents/items", limit=15, f="csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [f["id"] for f in features["incidents"][:15]]


# --- the older endpoints share the query code ---------------------------------------------------


def test_incidents_and_layers_unchanged_without_parameters(world) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    for url, layer in (("/incidents", "incidents"), ("/layers/movements", "movements")):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] == GEOJSON
        doc = r.json()
        assert doc["name"] == layer and doc["features"] == features[layer]  # all, no paging
        assert "next" not in links(doc)


def test_incidents_and_layers_take_the_same_parameters(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    params = {"event_type": "protest", "bbox": "-180,-60,180,60", "datetime": "2020-01-01/.."}
    ogc = get(client, "/collections/incidents/items", limit=10000, **params).json()
    for url in ("/incidents", "/layers/incidents"):
        doc = get(client, url, **params).json()
        assert [f["id"] for f in doc["features"]] == [f["id"] for f in ogc["features"]]
    paged = get(client, "/layers/incidents", limit=3, offset=3).json()
    assert paged["numberReturned"] == 3 and "next" in links(paged) and "prev" in links(paged)
    bad = get(client, "/incidents", bbox="1,2,3")
    assert bad.status_code == 400 and bad.json()["where"] == "bbox"


def test_map_day_bounds_work_on_the_geojson_endpoints(world) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    by_interval = get(client, "/incidents", datetime="2019-03-01/2019-03-31").json()
    assert by_interval["features"]
    for url in ("/incidents", "/layers/incidents", "/collections/incidents/items"):
        doc = get(client, url, start="2019-03-01", end="2019-03-31", limit=10000).json()
        assert [f["id"] for f in doc["features"]] == [f["id"] for f in by_interval["features"]]
    # start/end narrow a datetime interval further
    narrowed = get(client, "/incidents", datetime="2019-01-01/2019-12-31", start="2019-03-01")
    wide_from_march = get(client, "/incidents", datetime="2019-03-01/2019-12-31")
    assert narrowed.json()["features"] == wide_from_march.json()["features"]
    none = get(client, "/incidents", start="2019-04-01", end="2019-03-01")  # nothing between
    assert none.status_code == 200 and none.json()["numberMatched"] == 0
    bad = get(client, "/incidents", start="2019-13-01")
    assert bad.status_code == 400 and bad.json()["where"] == "start"


# --- exports over HTTP -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "media_type", "magic"),
    [
        ("all.gpkg", "application/geopackage+sqlite3", b"SQLite format 3\x00"),
        ("incidents.gpkg", "application/geopackage+sqlite3", b"SQLite format 3\x00"),
        ("movements.fgb", "application/flatgeobuf", b"fgb"),
        ("places.csv", "text/csv; charset=utf-8", b"WKT,"),
        ("incidents.geojson", "application/geo+json", b'{"type": "FeatureCollection"'),
    ],
)
def test_export_endpoint(world, name: str, media_type: str, magic: bytes) -> None:  # type: ignore[no-untyped-def]
    client, features = world
    r = client.get(f"/export/{name}")
    assert r.status_code == 200 and r.headers["content-type"] == media_type
    assert r.content.startswith(magic)
    assert f'filename="{name}"' in r.headers["content-disposition"]
    if name.endswith(".gpkg"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(r.content)
            con = sqlite3.connect(path)
            tables = dict(con.execute("SELECT table_name, srs_id FROM gpkg_contents").fetchall())
            counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
            con.close()
        want = LAYERS if name == "all.gpkg" else ("incidents",)
        assert tables == {t: 4326 for t in want}
        assert counts == {t: len(features[t]) for t in want}
    if name.endswith(".geojson"):
        assert json.loads(r.content)["name"] == "incidents"


@pytest.mark.parametrize(
    ("name", "status", "where", "says"),
    [
        ("roads.gpkg", 404, None, "'roads'"),
        ("incidents.shp", 400, "format", "'shp'"),
        ("incidents", 400, "format", "'incidents'"),
        ("all.csv", 400, "layer", "'csv' holds one layer"),
    ],
)
def test_bad_export_names(world, name: str, status: int, where: str | None, says: str) -> None:  # type: ignore[no-untyped-def]
    client, _ = world
    r = client.get(f"/export/{name}")
    assert r.status_code == status and r.headers["content-type"].startswith("application/json")
    assert says in r.json()["description"] and r.json().get("where") == where
