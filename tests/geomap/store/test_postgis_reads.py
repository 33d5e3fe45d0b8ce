"""The PostGIS store's reads that go through an index or aggregate of their own answer exactly
what the rows say: a small box's page read by grid cell (``items_cell``) against the reference
selection in Python, and the zoomed-out tiles read from ``tile_cells`` (kept by triggers in
every writing transaction) against the clusters computed from every feature, after adds,
merges, re-extractions and removals. The features are invented."""

from __future__ import annotations

import json
import math
import random
import re
from typing import Any

import mapbox_vector_tile
import orjson
import pytest

from geomap import tiles
from geomap.errors import StoreError
from geomap.model import Document
from geomap.store import pg_migrations
from geomap.store import query as ref
from geomap.store.base import Cursor, Equals, Query
from geomap.store.postgis import COMPILER, PostGISStore, _cells

from ...support.tile_cells import cell_of, representative

KINDS = ("attack", "Protest", "arrest", None)
GRID = pg_migrations.CELL_SIZE


def _incident(fid: str, geometry: dict[str, Any], kind: str | None) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": fid,
        "geometry": geometry,
        "properties": {"id": fid, "event_type": kind, "n_sources": 1},
    }


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def _features(rng: random.Random, start: int, n: int) -> list[dict[str, Any]]:
    """Points in 10..12 E, 40..42 N (some on the grid's lines), a few lines inside one cell or
    across several."""
    out = []
    for i in range(start, start + n):
        if i % 5 == 0:  # on a line of the grid, or on a corner
            lon = 10 + GRID * rng.randint(0, int(2 / GRID))
            lat = 40 + GRID * rng.randint(0, int(2 / GRID)) if i % 10 == 0 else rng.uniform(40, 42)
        else:
            lon, lat = rng.uniform(10, 12), rng.uniform(40, 42)
        geometry = _point(round(lon, 6), round(lat, 6))
        if i % 23 == 0:  # a line: short (one cell) or long (several)
            length = 0.01 if i % 2 else 0.9
            geometry = {
                "type": "LineString",
                "coordinates": [[lon, lat], [lon + length, lat + length / 2]],
            }
        out.append(_incident(f"inc-{i:04d}", geometry, KINDS[i % len(KINDS)]))
    return out


def _document(name: str) -> Document:
    return Document(id=f"doc-{name}", path=f"{name}.txt", text=f"an invented report {name}")


@pytest.fixture
def filled(postgis_url: str) -> tuple[PostGISStore, PostGISStore]:  # type: ignore[misc]
    """(writer, reader) of a store of ~500 invented incidents, some reported twice (merged),
    one document re-extracted with moved points and other types, one removed."""
    rng = random.Random(14)
    writer = PostGISStore(postgis_url)
    writer.add(_document("a"), {"incidents": _features(rng, 0, 250)})
    writer.add(_document("b"), {"incidents": _features(rng, 200, 250)})  # 50 merged
    writer.add(_document("c"), {"incidents": _features(rng, 450, 80)})
    writer.add(_document("d"), {"incidents": _features(rng, 530, 40)})
    moved = _features(rng, 450, 80)
    for f in moved:
        f["properties"]["event_type"] = "evacuation"
    writer.add(_document("c"), {"incidents": moved}, replace=True)
    writer.remove(_document("d").id)
    reader = PostGISStore(postgis_url, readonly=True)
    yield writer, reader
    reader.close()
    writer.close()


def _boxes(rng: random.Random) -> list[tuple[float, float, float, float]]:
    """Small boxes: random ones, ones on the grid's lines, ones with a feature's point on an
    edge, a box of one point."""
    out = [
        (10.5, 40.5, 11.5, 41.5),
        (10.0, 40.0, 12.0, 42.0),
        (10.5, 40.5, 10.5, 40.5),
        (10.51, 40.51, 10.99, 40.99),
        (10.25, 40.25, 11.25, 41.25),
    ]
    for _ in range(40):
        w, h = rng.uniform(0.01, 1.5), rng.uniform(0.01, 1.5)
        x, y = rng.uniform(9.8, 12.2 - w), rng.uniform(39.8, 42.2 - h)
        out.append((round(x, 4), round(y, 4), round(x + w, 4), round(y + h, 4)))
    return out


def test_a_small_box_is_paged_by_cell_exactly_as_the_reference(
    filled: tuple[PostGISStore, PostGISStore],
) -> None:
    writer, reader = filled
    everything = reader.layer("incidents")
    rng = random.Random(7)
    for f in everything[::9]:  # boxes with a feature on their edge
        lon, lat = (
            f["geometry"]["coordinates"][0]
            if "Line" in f["geometry"]["type"]
            else (f["geometry"]["coordinates"])
        )
        rng_box = (
            (lon, lat, lon + 0.3, lat + 0.2)
            if rng.random() < 0.5
            else (lon - 0.3, lat - 0.2, lon, lat)
        )
        assert _check(reader, everything, rng_box, rng)
    for bbox in _boxes(rng):
        assert _check(reader, everything, bbox, rng)
    # a writer (no pool) reads the same way
    bbox = (10.25, 40.25, 11.25, 41.25)
    query = Query("incidents", bbox=bbox, limit=50)
    assert [f["id"] for f in writer.select(query).decoded()] == [
        f["id"] for f in reader.select(query).decoded()
    ]


def _check(
    store: PostGISStore,
    everything: list[dict[str, Any]],
    bbox: tuple[float, float, float, float],
    rng: random.Random,
) -> bool:
    expected = [f["id"] for f in ref.select(everything, bbox=bbox)]
    kind = KINDS[rng.randrange(3)]
    typed = [f["id"] for f in ref.select(everything, bbox=bbox, filters={"event_type": str(kind)})]
    for limit in (1, 7, 100):
        query = Query("incidents", bbox=bbox, limit=limit)
        assert _cells(query) is not None, bbox  # read by cell, not by the GIST index
        page = store.select(query)
        assert [f["id"] for f in page.decoded()] == expected[:limit], (bbox, limit)
        assert page.matched == len(expected)
        offset = rng.randrange(0, 20)
        page = store.select(Query("incidents", bbox=bbox, limit=limit, offset=offset))
        assert [f["id"] for f in page.decoded()] == expected[offset : offset + limit]
        page = store.select(
            Query("incidents", bbox=bbox, limit=limit, where=(Equals("event_type", str(kind)),))
        )
        assert [f["id"] for f in page.decoded()] == typed[:limit]
    # page after page by the keyset cursor
    got: list[str] = []
    after: Cursor | None = None
    while True:
        page = store.select(Query("incidents", bbox=bbox, limit=13, after=after))
        got += [f["id"] for f in page.decoded()]
        if page.next is None:
            break
        after = page.next
    assert got == expected
    return True


def test_a_page_read_by_cell_reads_each_row_once_and_streams_the_same_texts(
    filled: tuple[PostGISStore, PostGISStore],
) -> None:
    """Each cell's branch returns the texts of the rows it reads: the plan has no second
    lookup of the page's rows by ``seq``; the stored texts come out as they are, in the
    page's order, for a page, its offset and the stream of the same query."""
    import psycopg

    writer, reader = filled
    bbox = (10.25, 40.25, 11.25, 41.25)
    query = Query("incidents", bbox=bbox, limit=20, offset=3)
    assert _cells(query) is not None
    statement = COMPILER.page(query)
    with psycopg.connect(writer.url, autocommit=True) as con:
        plan = con.execute("EXPLAIN (FORMAT JSON) " + statement.sql, statement.params).fetchone()[0]
        stored = dict(
            con.execute(
                "SELECT seq, feature FROM geomap.items WHERE layer = 'incidents'"
            ).fetchall()
        )
    indexes = re.findall(r'"Index Name": "([a-z_0-9]+)"', json.dumps(plan))
    assert indexes and set(indexes) == {"items_cell"}, indexes  # no items_pkey: no join back
    texts = reader.select(query).features
    ordered = [stored[seq] for seq in sorted(stored)]
    wanted = [t for t in ordered if orjson.loads(t)["id"] in _ids_in(ordered, bbox)]
    assert texts == wanted[3:23]
    assert list(reader.stream(query)) == texts == list(writer.stream(query))


def _ids_in(texts: list[str], bbox: tuple[float, float, float, float]) -> set[str]:
    return {f["id"] for f in ref.select([orjson.loads(t) for t in texts], bbox=bbox)}


def test_a_large_box_or_a_sort_order_is_read_another_way() -> None:
    assert _cells(Query("incidents", bbox=(0.0, 0.0, 60.0, 60.0), limit=10)) is None
    assert _cells(Query("incidents", bbox=(170.0, 0.0, -170.0, 1.0), limit=10)) is None
    assert _cells(Query("incidents", bbox=(0.0, 0.0, 1.0, 1.0))) is None  # no limit
    assert GRID == 0.5
    inside, edge = _cells(Query("incidents", bbox=(0.1, 0.1, 1.9, 1.9), limit=1)) or ([], [])
    assert len(inside) == 4 and len(edge) == 12  # 4 x 4 cells of 0.5 degrees, 2 x 2 inside


# --- zoomed-out tiles from tile_cells -----------------------------------------------------


def _expected_tile(
    everything: list[dict[str, Any]], z: int, x: int, y: int, kinds: set[str] | None
) -> list[tuple[int, int, int, str]]:
    """(x, y in tile units, count, most frequent type) of each cell with features, computed
    from every feature."""
    grid = pg_migrations.AGGREGATE_GRID
    cells: dict[tuple[int, int], dict[str, list[float]]] = {}
    for f in everything:
        kind = (f["properties"].get("event_type") or "").strip().lower()
        if kinds is not None and kind not in kinds:
            continue
        cx, cy, mx, my = cell_of(representative(f), z)
        if not (x * grid - 1 <= cx <= x * grid + grid and y * grid - 1 <= cy <= y * grid + grid):
            continue
        entry = cells.setdefault((cx, cy), {}).setdefault(kind, [0, 0.0, 0.0])
        entry[0] += 1
        entry[1] += mx
        entry[2] += my
    minx, miny, maxx, maxy = tiles.mercator_bounds(z, x, y)
    scale = tiles.EXTENT / (maxx - minx)
    out = []
    for by_kind in cells.values():
        n = sum(v[0] for v in by_kind.values())
        sx = sum(v[1] for v in by_kind.values())
        sy = sum(v[2] for v in by_kind.values())
        top = sorted(by_kind.items(), key=lambda kv: (-kv[1][0], kv[0]))[0][0]
        px, py = (sx / n - minx) * scale, (maxy - sy / n) * scale
        if -tiles.BUFFER <= px <= tiles.EXTENT + tiles.BUFFER and (
            -tiles.BUFFER <= py <= tiles.EXTENT + tiles.BUFFER
        ):
            out.append((round(px), round(py), int(n), top))
    return sorted(out)


def _decoded(data: bytes) -> list[tuple[int, int, int, str]]:
    if not data:
        return []
    layer = mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})["incidents"]
    out = []
    for f in layer["features"]:
        x, y = f["geometry"]["coordinates"]
        out.append((int(x), int(y), int(f["properties"]["count"]), f["properties"]["event_type"]))
    return sorted(out)


def _close(got: list[tuple[int, int, int, str]], want: list[tuple[int, int, int, str]]) -> bool:
    return len(got) == len(want) and all(
        abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1 and a[2:] == b[2:]
        for a, b in zip(sorted(got, key=lambda t: t[2:] + t[:2]),
                        sorted(want, key=lambda t: t[2:] + t[:2]), strict=True)
    )  # fmt: skip


def test_zoomed_out_tiles_are_the_clusters_of_every_feature_after_every_write(
    filled: tuple[PostGISStore, PostGISStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, reader = filled
    monkeypatch.setattr(tiles, "CLUSTER_ABOVE", 100)  # the aggregate serves layers above this
    everything = reader.layer("incidents")
    assert len(everything) > 100
    for z in range(pg_migrations.AGGREGATE_ZOOM + 1):
        n = 1 << z
        hit = {(int(cell_of((11.0, 41.0), z)[0] // 64), int(cell_of((11.0, 41.0), z)[1] // 64))}
        for x, y in hit | {(min(n - 1, a + 1), b) for a, b in hit}:
            data = reader.tile(Query("incidents"), z, x, y)
            assert _close(_decoded(data), _expected_tile(everything, z, x, y, None)), (z, x, y)
            typed = Query("incidents", where=(Equals("event_type", "PROTEST"),))
            data = reader.tile(typed, z, x, y)
            assert _close(_decoded(data), _expected_tile(everything, z, x, y, {"protest"}))
    # the aggregate follows a write (a removal here) in the writer's own transaction
    writer.remove(_document("b").id)
    everything = reader.layer("incidents")
    z, (x, y) = 5, (lambda c: (c[0] // 64, c[1] // 64))(cell_of((11.0, 41.0), 5))
    assert _close(
        _decoded(reader.tile(Query("incidents"), z, x, y)),
        _expected_tile(everything, z, x, y, None),
    )
    total = sum(c[2] for c in _decoded(reader.tile(Query("incidents"), 0, 0, 0)))
    assert total == sum(1 for f in everything if f["geometry"])


def test_tiles_the_aggregate_cannot_answer_come_from_the_rows(
    filled: tuple[PostGISStore, PostGISStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    _, reader = filled
    monkeypatch.setattr(tiles, "CLUSTER_ABOVE", 100)
    cx, cy, _, _ = cell_of((11.0, 41.0), 6)
    x, y = cx // 64, cy // 64
    for query in (
        Query("incidents", bbox=(10.0, 40.0, 12.0, 42.0)),
        Query("incidents", start=date(2020, 1, 1)),
        Query("incidents", where=(Equals("n_sources", "1"),)),
        Query("incidents", where=(Equals("event_type", "null"),)),
    ):
        data = reader.tile(query, 6, x, y)
        if data:
            layer = mapbox_vector_tile.decode(data)["incidents"]
            assert all("id" in f["properties"] for f in layer["features"]), query
    # above zoom 6 every feature is its own point, with its id
    cx, cy, _, _ = cell_of((11.0, 41.0), 7)
    layer = mapbox_vector_tile.decode(reader.tile(Query("incidents"), 7, cx // 64, cy // 64))
    assert all("id" in f["properties"] for f in layer["incidents"]["features"])


def _places(n: int) -> list[dict[str, Any]]:
    """``n`` invented places in 10..12 E, 42..44 N (one tile at every zoom up to 6)."""
    rng = random.Random(5)
    return [
        {
            "type": "Feature",
            "id": f"place-{i:04d}",
            "geometry": _point(round(rng.uniform(10, 12), 6), round(rng.uniform(42, 44), 6)),
            "properties": {"id": f"place-{i:04d}", "name": f"Town {i}", "feature_type": "town"},
        }
        for i in range(n)
    ]


def test_a_dense_zoomed_out_tile_of_a_smaller_layer_is_clusters_a_sparse_one_features(
    postgis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PostGISStore(postgis_url)
    try:
        store.add(_document("p"), {"places": _places(150)})
        everything = store.layer("places")
        z = 4
        cx, cy, _, _ = cell_of((11.0, 43.0), z)
        x, y = cx // 64, cy // 64

        def decoded(query: Query) -> list[dict[str, Any]]:
            data = store.tile(query, z, x, y)
            return mapbox_vector_tile.decode(data)["places"]["features"] if data else []

        # 150 places, far fewer than a layer needs to be drawn as clusters everywhere
        assert len(everything) == 150 < tiles.CLUSTER_ABOVE
        monkeypatch.setattr(tiles, "CLUSTER_TILE_ABOVE", 200)  # this tile is not dense
        features = decoded(Query("places"))
        assert sorted(f["properties"]["id"] for f in features) == sorted(
            f["id"] for f in everything
        )
        monkeypatch.setattr(tiles, "CLUSTER_TILE_ABOVE", 100)  # now it is: one point per cell
        clusters = decoded(Query("places"))
        assert clusters and all("id" not in f["properties"] for f in clusters)
        assert sum(f["properties"]["count"] for f in clusters) == 150
        assert len(clusters) < 150
        # a query the aggregate cannot answer (a bbox) still gets every feature with its id
        boxed = decoded(Query("places", bbox=(9.0, 41.0, 13.0, 45.0)))
        assert len(boxed) == 150 and all("id" in f["properties"] for f in boxed)
        # above the aggregate's zooms, features
        monkeypatch.setattr(tiles, "CLUSTER_TILE_ABOVE", 0)
        z = pg_migrations.AGGREGATE_ZOOM + 1
        cx, cy, _, _ = cell_of((11.0, 43.0), z)
        x, y = cx // 64, cy // 64
        assert all("id" in f["properties"] for f in decoded(Query("places")))
    finally:
        store.close()


def test_the_smaller_layers_are_read_through_their_own_spatial_index(postgis_url: str) -> None:
    import psycopg

    from geomap.store.postgis import COMPILER

    store = PostGISStore(postgis_url)
    store.add(_document("q"), {"places": _places(20)})
    store.close()
    with psycopg.connect(postgis_url) as con:
        indexes = {
            r[0]
            for r in con.execute(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'geomap'"
                " AND tablename = 'items'"
            )
        }
        for layer in pg_migrations.OWN_SPATIAL_INDEX:
            assert f"items_geom_{layer}" in indexes
            # the layer is a literal in every statement (a generic plan knows it too)
            statement = COMPILER.page(Query(layer, bbox=(0.0, 0.0, 50.0, 50.0), limit=10))
            assert f"i.layer = '{layer}'" in statement.sql
            assert layer not in statement.params.values()
            # a zoomed-out tile's rows come through the layer's own index, not the shared one
            # (this table is tiny: only the choice among the bitmap scans is asked of the planner)
            con.execute("SET enable_seqscan = off")
            con.execute("SET enable_indexscan = off")
            sql, params = PostGISStore._tile_sql(
                tiles.tile_query(Query(layer), 2, 2, 1) or Query(layer), 2, 2, 1
            )
            plan = "\n".join(r[0] for r in con.execute("EXPLAIN " + sql, params))
            assert f"items_geom_{layer}" in plan, plan


# --- tile_points: each cell's count, point and most frequent type, kept at write time -----


def _points_from_features(everything: list[dict[str, Any]]) -> dict[tuple[int, int, int], Any]:
    """(z, cx, cy) -> (count, most frequent type, mean x, mean y) of every cell holding a
    feature, at every zoom of the aggregate, computed from every feature."""
    cells: dict[tuple[int, int, int], dict[str, list[float]]] = {}
    for f in everything:
        if not f["geometry"]:
            continue
        kind = (f["properties"].get("event_type") or "").strip().lower()
        for z in range(pg_migrations.AGGREGATE_ZOOM + 1):
            cx, cy, mx, my = cell_of(representative(f), z)
            entry = cells.setdefault((z, cx, cy), {}).setdefault(kind, [0, 0.0, 0.0])
            entry[0] += 1
            entry[1] += mx
            entry[2] += my
    out = {}
    for key, by_kind in cells.items():
        n = sum(v[0] for v in by_kind.values())
        top = sorted(by_kind.items(), key=lambda kv: (-kv[1][0], kv[0]))[0][0]
        sx = sum(v[1] for v in by_kind.values())
        sy = sum(v[2] for v in by_kind.values())
        out[key] = (int(n), top, sx / n, sy / n)
    return out


def _kept_points(url: str) -> dict[tuple[int, int, int], Any]:
    import psycopg

    with psycopg.connect(url) as con:
        rows = con.execute(
            "SELECT z, cx, cy, n, kind, sx / n, sy / n FROM geomap.tile_points"
            " WHERE layer = 'incidents' AND n > 0"
        ).fetchall()
        # an emptied cell keeps its row with nothing in it
        assert con.execute(
            "SELECT count(*) FROM geomap.tile_points WHERE n < 0"
            " OR (n = 0 AND (kind <> '' OR sx <> 0 OR sy <> 0))"
        ).fetchone() == (0,)
    return {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in rows}


def _same_points(got: dict[Any, Any], want: dict[Any, Any]) -> None:
    assert got.keys() == want.keys()
    for key, (n, kind, mx, my) in want.items():
        assert got[key][:2] == (n, kind), key
        assert math.isclose(got[key][2], mx, abs_tol=1e-3) and math.isclose(
            got[key][3], my, abs_tol=1e-3
        ), key


def test_tile_points_keep_each_cells_count_and_most_frequent_type_after_every_write(
    postgis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tiles, "CLUSTER_ABOVE", 10)  # the aggregate draws this small layer
    rng = random.Random(6)
    store = PostGISStore(postgis_url)
    cx, cy, _, _ = cell_of((30.001, 20.001), 6)
    key, tile = (6, cx, cy), (6, cx // 64, cy // 64)

    def check() -> dict[tuple[int, int, int], Any]:
        kept = _kept_points(postgis_url)
        _same_points(kept, _points_from_features(store.layer("incidents")))
        return kept

    def near(fid: str, kind: str | None, dx: float = 0.0) -> dict[str, Any]:
        # one spot, far from the others (one cell at every zoom up to 6)
        return _incident(fid, _point(30.001 + dx, 20.001), kind)

    def drawn() -> list[tuple[int, int, int, str]]:
        return _decoded(store.tile(Query("incidents"), *tile))

    try:
        store.add(_document("w"), {"incidents": _features(rng, 0, 60)})
        attacks = [near(f"x{i}", "attack") for i in range(3)]
        store.add(_document("x"), {"incidents": [*attacks, near("xp0", " Protest"),
                                                 near("xp1", "protest")]})  # fmt: skip
        assert check()[key][:2] == (5, "attack")
        assert [p[2:] for p in drawn()] == [(5, "attack")]
        # more protests in the cell: its type changes though no attack was touched
        store.add(_document("y"), {"incidents": [near(f"y{i}", "protest", 0.001 * i)
                                                 for i in range(2)]})  # fmt: skip
        assert check()[key][:2] == (7, "protest")
        assert [p[2:] for p in drawn()] == [(7, "protest")]
        # the most frequent type loses features: the cell's type is found again
        store.remove(_document("y").id)
        assert check()[key][:2] == (5, "attack")
        # re-extracted: other types, one feature fewer; a tie goes to the first in text order
        store.add(_document("x"), {"incidents": [near("x0", "arrest"), near("x1", "arrest"),
                                                 near("x2", "surveillance"),
                                                 near("xp0", "surveillance")]},
                  replace=True)  # fmt: skip
        assert check()[key][:2] == (4, "arrest")
        assert [p[2:] for p in drawn()] == [(4, "arrest")]
        # another report of one of them (merged): the cell counts it once
        store.add(_document("z"), {"incidents": [near("x2", "surveillance")]})
        assert check()[key][0] == 4
        # every feature of the cell gone: no point is drawn there
        store.remove(_document("z").id)
        store.remove(_document("x").id)
        assert key not in check()
        assert store.tile(Query("incidents"), *tile) == b""
        assert check()  # the others are still there
    finally:
        store.close()


def test_schema_4_gets_tile_points_from_its_tile_cells(postgis_url: str) -> None:
    import psycopg

    rng = random.Random(8)
    store = PostGISStore(postgis_url)
    store.add(_document("a"), {"incidents": _features(rng, 0, 120)})
    store.close()
    want = _kept_points(postgis_url)
    assert want
    # the database as schema 4 left it: no tile_points
    with psycopg.connect(postgis_url, autocommit=True) as con:
        con.execute("DROP TABLE geomap.tile_points")
        con.execute("UPDATE geomap.meta SET value = '4' WHERE key = 'schema'")
    writer = PostGISStore(postgis_url)
    assert writer.migrated_from == 4
    try:
        _same_points(_kept_points(postgis_url), want)
        # and the triggers keep it from then on
        writer.add(_document("b"), {"incidents": _features(rng, 120, 40)})
        _same_points(_kept_points(postgis_url), _points_from_features(writer.layer("incidents")))
    finally:
        writer.close()


def test_the_asynchronous_reader_reads_what_the_store_reads(
    filled: tuple[PostGISStore, PostGISStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tiles (from the aggregate in one statement or in steps, thinned by counts or not,
    filtered, empty) built in an event loop through :class:`AsyncReader` are the store's own
    bytes, before and after a write."""
    import asyncio

    writer, reader = filled
    cx, cy, _, _ = cell_of((11.0, 41.0), 6)
    calls = [
        (Query("incidents"), 6, cx // 64, cy // 64),
        (Query("incidents"), 3, (cx // 64) >> 3, (cy // 64) >> 3),
        (Query("incidents", where=(Equals("event_type", "protest"),)), 6, cx // 64, cy // 64),
        (Query("incidents", bbox=(10.0, 40.0, 12.0, 42.0)), 6, cx // 64, cy // 64),
        (Query("incidents"), 8, (cx // 64) << 2, (cy // 64) << 2),
        (Query("incidents"), 6, 0, 0),
    ]

    async def build_all() -> list[bytes]:
        async_reader = await reader.async_reader(2).open()
        try:
            return [await async_reader.tile(*call) for call in calls]
        finally:
            await async_reader.close()

    def same(kind: str) -> None:
        built = asyncio.run(build_all())
        for call, data in zip(calls, built, strict=True):
            assert data == reader.tile(*call), (kind, call)
        assert built[0] and built[3] and built[-1] == b""

    same("small layer: clusters where dense, thinned by tile")
    monkeypatch.setattr(tiles, "CLUSTER_ABOVE", 100)  # the aggregate in one statement
    monkeypatch.setattr(tiles, "SAMPLE_ABOVE", 100)  # and each sample level counted
    same("large layer")
    writer.remove(_document("b").id)
    same("after a write")
    with pytest.raises(StoreError):
        writer.async_reader(1)  # a writer has no asynchronous reader
