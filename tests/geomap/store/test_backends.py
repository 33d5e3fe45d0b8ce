"""Both stores, SQLite and PostGIS, answer the same queries with the same features, in the same
order, checked against a reference written in Python over every feature of the layer.

The stores hold the real reports of tests/data (several report the same events, so merging
matters), the seed and synthetic features; one document is removed again so re-merging runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import mapbox_vector_tile
import pytest
from shapely.geometry import Polygon, box, shape

from geomap import tiles
from geomap.errors import InvalidParameter
from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store import cql2
from geomap.store import query as ref
from geomap.store.backends import open_store
from geomap.store.base import Contains, Cursor, Equals, Filter, Query, SortKey, Store

from ...conftest import ROOT, SEED, backend_store
from ...synthetic import seed_synthetic

REPORTS = [SEED, *sorted((ROOT / "tests" / "data").glob("*/*.txt"))]
SYNTHETIC = {"places": 60, "incidents": 400, "movements": 60}


@pytest.fixture(scope="module")
def reports(gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """(document, features) of every report, extracted once."""
    from geomap.pipeline import Pipeline

    tmp = tmp_path_factory.mktemp("extract")
    pipeline = Pipeline(Settings(cache=tmp / "cache.sqlite", gazetteer=gazetteer_path))
    try:
        out = []
        for path in REPORTS:
            doc = read_document(path)
            out.append((doc, pipeline.features(doc)))
        return out
    finally:
        pipeline.close()


def _fill(settings: Settings, reports: list[Any]) -> None:
    store = open_store(settings)
    try:
        for doc, features in reports:
            assert store.add(doc, features, "test")
        store.remove(reports[3][0].id)
        templates = {name: store.layer(name)[0] for name in LAYERS}
        seed_synthetic(store, templates, SYNTHETIC)
    finally:
        store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def store(
    request: pytest.FixtureRequest,
    reports: list[Any],
    gazetteer_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Any:  # type: ignore[misc]
    """A read-only store of each backend, filled the same way."""
    folder = tmp_path_factory.mktemp(request.param)
    settings = Settings(
        store=backend_store(request, request.param, folder), gazetteer=gazetteer_path
    )
    _fill(settings, reports)
    reader = open_store(settings, readonly=True)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def everything(store: Store) -> dict[str, list[dict[str, Any]]]:
    return {name: store.layer(name) for name in LAYERS}


def ids(features: list[Any]) -> list[str]:
    return [str(f["id"]) for f in features]


def test_the_stores_hold_merged_features(
    store: Store, everything: dict[str, list[dict[str, Any]]]
) -> None:
    counts = store.counts()
    for name in LAYERS:
        assert counts[name] == len(everything[name]) > 0
        assert len(set(ids(everything[name]))) == len(everything[name])  # merged: one per id
    assert any(f["properties"]["n_sources"] > 1 for f in everything["incidents"])


PLAIN_QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("incidents", {"bbox": (20.0, 0.0, 60.0, 60.0)}),
    ("incidents", {"bbox": (-10.0, -10.0, 10.0, 10.0), "start": date(2020, 3, 1)}),
    ("incidents", {"start": date(2020, 2, 1), "end": date(2020, 2, 29)}),
    ("incidents", {"where": (Equals("event_type", "ATTACK"),)}),
    ("incidents", {"where": (Equals("n_sources", "2"),)}),
    ("incidents", {"where": (Contains(("actor", "actor1", "actor2"), "police"),)}),
    ("movements", {"bbox": (20.0, 30.0, 50.0, 60.0)}),
    ("movements", {"where": (Equals("actor", "gamma militia"),)}),
    ("places", {"start": date(2020, 1, 10), "end": date(2020, 1, 20)}),
    ("places", {"where": (Equals("feature_type", "country"),)}),
    # harden16's boxes and intervals: across the antimeridian, nothing in them
    ("incidents", {"bbox": (50.0, -60.0, -100.0, 60.0)}),
    ("movements", {"bbox": (50.0, -60.0, -100.0, 60.0)}),
    ("incidents", {"bbox": (0.0, 10.0, 60.0, 5.0)}),
    ("incidents", {"start": date(2020, 3, 1), "end": date(2020, 2, 1)}),
]


def reference(features: list[dict[str, Any]], layer: str, spec: dict[str, Any]) -> list[str]:
    """What the query asks, computed in Python over every feature (geomap.store.query)."""
    filters = {}
    for p in spec.get("where", ()):
        if isinstance(p, Equals):
            filters[p.name] = p.value
        else:
            filters["actor"] = p.value
    known = {k for f in features for k in f["properties"]}
    return ids(
        ref.select(
            features,
            bbox=spec.get("bbox"),
            start=spec.get("start"),
            end=spec.get("end"),
            filters=filters,
            properties=known,
        )
    )


@pytest.mark.parametrize(("layer", "spec"), PLAIN_QUERIES)
def test_queries_match_the_reference(
    store: Store, everything: dict[str, list[dict[str, Any]]], layer: str, spec: dict[str, Any]
) -> None:
    expected = reference(everything[layer], layer, spec)
    page = store.select(Query(layer, **spec))
    assert ids(page.decoded()) == expected
    assert page.matched == len(expected) == store.count(Query(layer, **spec))
    # a page at a time through the keyset cursor gives the same, in the same order
    got: list[str] = []
    after: Cursor | None = None
    while True:
        page = store.select(Query(layer, **spec, limit=7, after=after))
        got += ids(page.decoded())
        if page.next is None:
            break
        after = page.next
    assert got == expected


def _props(f: dict[str, Any]) -> dict[str, Any]:
    return f["properties"]


CQL2: list[tuple[str, str, Callable[[dict[str, Any]], bool]]] = [
    ("incidents", "event_type = 'attack'", lambda f: _props(f)["event_type"] == "attack"),
    (
        "incidents",
        "n_sources > 1 OR geo_precision = 3 AND event_type <> 'protest'",
        lambda f: (
            _props(f)["n_sources"] > 1
            or (_props(f)["geo_precision"] == 3 and _props(f)["event_type"] != "protest")
        ),
    ),
    (
        "incidents",
        "CASEI(actor1) = casei('ALPHA brigade')",
        lambda f: (_props(f)["actor1"] or "").lower() == "alpha brigade",
    ),
    (
        "incidents",
        "actor1 LIKE 'Be_a %' OR actor1 LIKE '%militia'",
        lambda f: re.fullmatch(r"Be.a .*|.*militia", _props(f)["actor1"] or "", re.S) is not None,
    ),
    (
        "incidents",
        "event_type IN ('attack', 'protest') AND NOT actor1 IS NULL",
        lambda f: (
            _props(f)["event_type"] in ("attack", "protest") and _props(f)["actor1"] is not None
        ),
    ),
    (
        "incidents",
        "date_start BETWEEN DATE('2020-03-01') AND DATE('2020-06-30')",
        lambda f: "2020-03-01" <= (_props(f)["date_start"] or "") <= "2020-06-30",
    ),
    (
        "incidents",
        "S_INTERSECTS(geometry, BBOX(0, 0, 60, 60)) AND n_sources >= 1",
        lambda f: box(0, 0, 60, 60).intersects(shape(f["geometry"])),
    ),
    (
        "movements",
        "S_INTERSECTS(geometry, POLYGON((20 30, 50 30, 50 60, 20 60, 20 30)))",
        lambda f: Polygon([(20, 30), (50, 30), (50, 60), (20, 60)]).intersects(
            shape(f["geometry"])
        ),
    ),
    (
        "movements",
        "S_WITHIN(geometry, BBOX(-180, -10, 180, 70))",
        lambda f: box(-180, -10, 180, 70).contains(shape(f["geometry"])),
    ),
    (
        "places",
        "feature_type = 'country' OR population > 1000000",
        lambda f: _props(f)["feature_type"] == "country" or (_props(f)["population"] or 0) > 1e6,
    ),
    ("places", "geocoded_at IS NULL", lambda f: _props(f)["geocoded_at"] is None),
]


@pytest.mark.parametrize(("layer", "text", "expected"), CQL2)
def test_cql2_filters_match_the_reference(
    store: Store,
    everything: dict[str, list[dict[str, Any]]],
    layer: str,
    text: str,
    expected: Callable[[dict[str, Any]], bool],
) -> None:
    want = ids([f for f in everything[layer] if expected(f)])
    q = Query(layer, where=(Filter(cql2.parse(text), text),))
    page = store.select(q)
    assert ids(page.decoded()) == want
    assert page.matched == len(want)


def test_cql2_json_is_the_same_filter(store: Store) -> None:
    text = "event_type = 'attack' AND S_INTERSECTS(geometry, BBOX(0, 0, 60, 60))"
    as_json = (
        '{"op": "and", "args": [{"op": "=", "args": [{"property": "event_type"}, "attack"]},'
        ' {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [0, 0, 60, 60]}]}]}'
    )
    a = store.select(Query("incidents", where=(Filter(cql2.parse(text)),)))
    b = store.select(Query("incidents", where=(Filter(cql2.parse(as_json, "cql2-json")),)))
    assert a.features == b.features and a.matched > 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nonsense = 1", "unknown property 'nonsense'"),
        ("n_sources = 'two'", "n_sources is compared with 'two'"),
        ("T_AFTER(date_start, DATE('2020-01-01'))", "temporal functions (T_...) are not"),
    ],
)
def test_bad_filters_are_refused_naming_the_problem(
    store: Store, text: str, message: str | None
) -> None:
    with pytest.raises(InvalidParameter) as err:
        store.select(Query("incidents", where=(Filter(cql2.parse(text)),)))
    if message:
        assert message in str(err.value)


def test_sortby_any_queryable(store: Store, everything: dict[str, list[dict[str, Any]]]) -> None:
    page = store.select(
        Query(
            "incidents",
            sortby=(SortKey("n_sources", descending=True), SortKey("date_start")),
            limit=50,
        )
    )
    got = page.decoded()

    def key(f: dict[str, Any]) -> tuple[Any, ...]:
        p = f["properties"]
        return (-(p["n_sources"] or 0), p["date_start"] is None, p["date_start"] or "")

    order = sorted(everything["incidents"], key=key)  # stable: ties keep ingest order
    assert ids(got) == ids(order[:50])


@pytest.mark.parametrize(
    ("layer", "zxy", "spec"),
    [
        ("incidents", (0, 0, 0), {}),
        ("incidents", (2, 2, 1), {}),
        ("incidents", (3, 4, 3), {"where": (Equals("event_type", "attack"),)}),
        ("incidents", (1, 1, 0), {"start": date(2020, 2, 1), "end": date(2020, 5, 1)}),
        ("movements", (2, 2, 1), {}),
        ("places", (1, 1, 0), {}),
        ("incidents", (6, 0, 0), {}),  # the far north-west corner: nothing there
    ],
)
def test_tiles_hold_what_the_query_matches_in_the_tile(
    store: Store,
    layer: str,
    zxy: tuple[int, int, int],
    spec: dict[str, Any],
) -> None:
    from shapely.geometry import box, shape

    z, x, y = zxy
    query = Query(layer, **spec)
    narrowed = tiles.tile_query(query, z, x, y)
    assert narrowed is not None and narrowed.bbox is not None
    selected = store.select(replace(narrowed, limit=None)).decoded()
    expected = ids(selected)
    # a feature reaching into the tile's buffer by less than two tile units is a point or
    # nothing once quantised: the MVT encoders (ST_AsMVTGeom, ours) may drop it
    west, _, east, _ = tiles.lonlat_bounds(z, x, y)
    unit = (east - west) / tiles.EXTENT
    tiny = set()
    for f in selected:
        part = shape(f["geometry"]).intersection(box(*narrowed.bbox))
        minx, miny, maxx, maxy = part.bounds if not part.is_empty else (0, 0, 0, 0)
        if f["geometry"]["type"] != "Point" and max(maxx - minx, maxy - miny) < 2 * unit:
            tiny.add(str(f["id"]))
    data = store.tile(query, z, x, y)
    if not set(expected) - tiny:
        assert data == b"" or tiny
        return
    decoded = mapbox_vector_tile.decode(data)
    (name,) = decoded
    assert name == layer
    features = decoded[layer]["features"]
    if features and "id" not in features[0]["properties"]:
        # over tiles.CLUSTER_TILE_ABOVE matches, a zoomed-out tile is drawn as clusters from
        # the store's point aggregate: their counts add up to the points inside the tile
        assert len(expected) > tiles.CLUSTER_TILE_ABOVE and z < tiles.FULL_ZOOM
        west, south, east, north = tiles.lonlat_bounds(z, x, y)
        inside = [
            f
            for f in selected
            if west <= f["geometry"]["coordinates"][0] < east
            and south <= f["geometry"]["coordinates"][1] < north
        ]
        counted = sum(int(f["properties"]["count"]) for f in features)
        assert abs(counted - len(inside)) <= len(expected) - len(inside)
        return
    got = sorted(str(f["properties"]["id"]) for f in features)
    assert set(expected) - tiny <= set(got) <= set(expected) and len(got) == len(set(got))
    assert set().union(*(f["properties"] for f in features)) <= set(tiles.TILE_PROPERTIES[layer])


def test_zoomed_out_tiles_of_a_big_layer_hold_a_sample(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tiles, "SAMPLE_ABOVE", 10)  # as if the layer were big
    z, x, y = 3, 4, 3
    size = store.layer_stats("incidents").count
    every = ids(
        store.select(replace(tiles.tile_query(Query("incidents"), z, x, y), limit=None)).decoded()
    )
    sample = [i for i in every if tiles.level(i) <= z]
    assert 0 < len(sample) < len(every)
    narrowed = tiles.tile_query(Query("incidents"), z, x, y, layer_size=size)
    assert ids(store.select(replace(narrowed, limit=None)).decoded()) == sample
    decoded = mapbox_vector_tile.decode(store.tile(Query("incidents"), z, x, y))
    assert sorted(f["properties"]["id"] for f in decoded["incidents"]["features"]) == sorted(sample)
    # from FULL_ZOOM on, every feature
    assert tiles.tile_query(Query("incidents"), 6, 33, 22, layer_size=size).where == ()


def test_levels_depend_on_the_id_alone() -> None:
    levels = [tiles.level(f"feature-{i}") for i in range(40_000)]
    assert levels == [tiles.level(f"feature-{i}") for i in range(40_000)]
    share = sum(1 for v in levels if v <= 4) / len(levels)
    assert 0.04 < share < 0.09  # a quarter per zoom level: 1/16 at FULL_ZOOM - 2


def test_a_dense_tile_of_a_big_layer_is_thinned_to_a_sample(
    store: Store, everything: dict[str, list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import morecantile

    monkeypatch.setattr(tiles, "SAMPLE_ABOVE", 10)  # as if the layer were big
    monkeypatch.setattr(tiles, "TILE_BUDGET", 0)  # and every tile dense
    points = [
        f for f in everything["incidents"] if (f.get("geometry") or {}).get("type") == "Point"
    ]
    z = tiles.FULL_ZOOM + 1  # from FULL_ZOOM on, only density thins a tile
    where = [tiles.tms().tile(*f["geometry"]["coordinates"][:2], z) for f in points]
    t: morecantile.Tile = max(set(where), key=where.count)
    every = ids(
        store.select(
            replace(tiles.tile_query(Query("incidents"), z, t.x, t.y), limit=None)
        ).decoded()
    )
    # the first level whose sample holds more than a quarter of the budget (here: anything)
    first = next(
        (k for k in range(tiles.FULL_ZOOM) if any(tiles.level(i) <= k for i in every)), None
    )
    expected = every if first is None else [i for i in every if tiles.level(i) <= first]
    decoded = mapbox_vector_tile.decode(store.tile(Query("incidents"), z, t.x, t.y))
    assert sorted(f["properties"]["id"] for f in decoded["incidents"]["features"]) == sorted(
        expected
    )


def test_thinning_counts_from_the_smallest_sample_up() -> None:
    from geomap.store.base import Sampled

    asked: list[int] = []
    sizes = {0: 3, 1: 12, 2: 50, 3: 210, 4: 1200, 5: 4800}  # features of level <= k in a tile

    def count(q: Query) -> int:
        (s,) = [p for p in q.where if isinstance(p, Sampled)]
        asked.append(s.zoom)
        return sizes[s.zoom]

    big = tiles.SAMPLE_ABOVE + 1
    narrowed = Query("incidents", bbox=(0.0, 0.0, 1.0, 1.0))
    thinned = tiles.thin(narrowed, big, count)
    assert thinned.where == (Sampled(4),) and asked == [0, 1, 2, 3, 4]  # 1200 > 4000 / 4
    # below FULL_ZOOM no more than the zoom's own sample; a small layer is never thinned
    asked.clear()
    assert tiles.thin(replace(narrowed, where=(Sampled(2),)), big, count).where == (Sampled(2),)
    assert asked == [0, 1]
    assert tiles.thin(narrowed, tiles.SAMPLE_ABOVE, count) is narrowed
    # a sparse tile keeps every feature
    assert tiles.thin(narrowed, big, lambda q: 1) is narrowed


def test_a_dense_tile_of_movements_is_thinned_to_about_the_line_budget() -> None:
    from geomap.store.base import Sampled

    sizes = {0: 1, 1: 4, 2: 15, 3: 60, 4: 240, 5: 950, 6: 3800}  # lines of level <= k in a tile

    def count(q: Query) -> int:
        (s,) = [p for p in q.where if isinstance(p, Sampled)]
        return sizes[s.zoom]

    small = 5_000  # movements: far fewer than a layer sampled everywhere
    narrowed = Query("movements", bbox=(0.0, 0.0, 90.0, 67.0))
    # 3,800 lines in the tile: the first sample above a quarter of the budget (950 > 250)
    assert tiles.thin(narrowed, small, count).where == (Sampled(5),)
    # a tile within the budget keeps every line; a small layer of points is never thinned
    assert tiles.thin(narrowed, small, lambda q: tiles.LINE_BUDGET) is narrowed
    assert tiles.thin(replace(narrowed, layer="places"), small, count).layer == "places"
    assert tiles.thin(replace(narrowed, layer="places"), small, count).where == ()


def test_a_dense_tile_of_movements_holds_the_same_sample_on_every_backend(
    store: Store, everything: dict[str, list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import morecantile

    monkeypatch.setattr(tiles, "LINE_BUDGET", 8)  # as if these few lines were many
    z = 3
    from shapely.geometry import shape

    points = [shape(f["geometry"]).representative_point() for f in everything["movements"]]
    where = [tiles.tms().tile(p.x, p.y, z) for p in points if abs(p.y) < 85]
    t: morecantile.Tile = max(set(where), key=where.count)
    every = ids(
        store.select(
            replace(tiles.tile_query(Query("movements"), z, t.x, t.y), limit=None)
        ).decoded()
    )
    assert len(every) > tiles.LINE_BUDGET
    first = next(
        (k for k in range(tiles.FULL_ZOOM) if sum(tiles.level(i) <= k for i in every) > 2), None
    )
    expected = every if first is None else [i for i in every if tiles.level(i) <= first]
    assert len(expected) < len(every)
    data = store.tile(Query("movements"), z, t.x, t.y)
    got = sorted(
        f["properties"]["id"] for f in mapbox_vector_tile.decode(data)["movements"]["features"]
    )
    # (a line reaching into the tile's buffer by less than a unit may be dropped by the encoder)
    assert set(got) <= set(expected) and len(got) >= len(expected) - 2
