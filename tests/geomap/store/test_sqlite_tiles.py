"""The SQLite store's zoomed-out tiles from its point aggregate (``tile_cells``, ``tile_points``;
:data:`geomap.store.migrations.TILES`), kept by the writer in every transaction: each cell's
count, point and most frequent type against what every feature says, after adds, merges,
re-extractions, corrections and removals; a store whose aggregate a writer did not keep draws
the features until the next writer rebuilds it. The features are invented."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import mapbox_vector_tile
import pytest

from geomap import tiles
from geomap.features.corrections import Correction
from geomap.model import Document
from geomap.store import migrations
from geomap.store.base import Equals, Query
from geomap.store.sqlite import SQLiteStore

from ...support.tile_cells import cell_of, representative

KINDS = ("attack", "Protest", "arrest", None)


def _incident(fid: str, lon: float, lat: float, kind: str | None) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"id": fid, "event_type": kind, "n_sources": 1},
    }


def _line(fid: str, lon: float, lat: float, kind: str | None) -> dict[str, Any]:
    f = _incident(fid, lon, lat, kind)
    f["geometry"] = {"type": "LineString", "coordinates": [[lon, lat], [lon + 0.4, lat + 0.2]]}
    return f


def _features(rng: random.Random, start: int, n: int) -> list[dict[str, Any]]:
    """Points (and every 23rd a line) in 10..12 E, 40..42 N."""
    out = []
    for i in range(start, start + n):
        lon, lat = round(rng.uniform(10, 12), 6), round(rng.uniform(40, 42), 6)
        make = _line if i % 23 == 0 else _incident
        out.append(make(f"inc-{i:04d}", lon, lat, KINDS[i % len(KINDS)]))
    return out


def _document(name: str) -> Document:
    return Document(id=f"doc-{name}", path=f"{name}.txt", text=f"an invented report {name}")


def _expected(
    everything: list[dict[str, Any]], z: int, x: int, y: int, kinds: set[str] | None = None
) -> list[tuple[int, int, int, str]]:
    """(x, y in tile units, count, most frequent type) of each cell of the tile and its edge
    holding features, from every feature."""
    cells: dict[tuple[int, int], dict[str, list[float]]] = {}
    for f in everything:
        kind = (f["properties"].get("event_type") or "").strip().lower()
        if kinds is not None and kind not in kinds:
            continue
        cx, cy, mx, my = cell_of(representative(f), z)
        if x * 64 - 1 <= cx <= x * 64 + 64 and y * 64 - 1 <= cy <= y * 64 + 64:
            entry = cells.setdefault((cx, cy), {}).setdefault(kind, [0, 0.0, 0.0])
            entry[0] += 1
            entry[1] += mx
            entry[2] += my
    minx, _, maxx, maxy = tiles.mercator_bounds(z, x, y)
    scale = tiles.EXTENT / (maxx - minx)
    out = []
    for by_kind in cells.values():
        n = sum(v[0] for v in by_kind.values())
        top = sorted(by_kind.items(), key=lambda kv: (-kv[1][0], kv[0]))[0][0]
        px = (sum(v[1] for v in by_kind.values()) / n - minx) * scale
        py = (maxy - sum(v[2] for v in by_kind.values()) / n) * scale
        if -64 <= px <= 4160 and -64 <= py <= 4160:
            out.append((round(px), round(py), int(n), top))
    return sorted(out)


def _drawn(store: SQLiteStore, query: Query, z: int, x: int, y: int) -> list[Any]:
    data = store.tile(query, z, x, y)
    if not data:
        return []
    layer = mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})["incidents"]
    out = []
    for f in layer["features"]:
        if "count" not in f["properties"]:
            return ["features, not clusters"]
        px, py = f["geometry"]["coordinates"]
        out.append((int(px), int(py), int(f["properties"]["count"]), f["properties"]["event_type"]))
    return sorted(out)


def _close(got: list[Any], want: list[Any]) -> bool:
    key = lambda t: (*t[2:], *t[:2])  # noqa: E731
    return len(got) == len(want) and all(
        abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1 and a[2:] == b[2:]
        for a, b in zip(sorted(got, key=key), sorted(want, key=key), strict=True)
    )


def _every_tile_right(store: SQLiteStore) -> None:
    everything = store.layer("incidents")
    assert everything
    for z in range(tiles.AGGREGATE_ZOOM + 1):
        cx, cy, _, _ = cell_of((11.0, 41.0), z)
        for x, y in {(cx // 64, cy // 64), (min((1 << z) - 1, cx // 64 + 1), cy // 64)}:
            want = _expected(everything, z, x, y)
            assert _close(_drawn(store, Query("incidents"), z, x, y), want), (z, x, y)
            typed = Query("incidents", where=(Equals("event_type", "PROTEST"),))
            want = _expected(everything, z, x, y, {"protest"})
            assert _close(_drawn(store, typed, z, x, y), want), (z, x, y)


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tiles, "CLUSTER_ABOVE", 50)  # as if the layer were huge


def test_zoomed_out_tiles_are_every_features_clusters_after_every_write(
    tmp_path: Path, big: None
) -> None:
    rng = random.Random(14)
    store = SQLiteStore(tmp_path / "s.sqlite")
    try:
        store.add(_document("a"), {"incidents": _features(rng, 0, 200)})
        _every_tile_right(store)
        store.add(_document("b"), {"incidents": _features(rng, 150, 200)})  # 50 merged
        _every_tile_right(store)
        moved = _features(rng, 150, 60)
        for f in moved:
            f["properties"]["event_type"] = "evacuation"
        store.add(_document("b"), {"incidents": moved}, replace=True)  # re-extracted
        _every_tile_right(store)
        first, second = store.layer("incidents")[:2]
        fixes = [
            Correction("incidents", first["id"], "set", new={"event_type": "protest"}),
            Correction("incidents", second["id"], "hide"),
        ]
        store.add_corrections(fixes)
        _every_tile_right(store)
        store.remove_corrections([c.id for c in fixes])
        _every_tile_right(store)
        store.remove(_document("b").id)
        _every_tile_right(store)
    finally:
        store.close()


def test_a_cells_most_frequent_type_follows_its_features(tmp_path: Path, big: None) -> None:
    rng = random.Random(3)
    store = SQLiteStore(tmp_path / "s.sqlite")
    cx, cy, _, _ = cell_of((30.001, 20.001), 6)
    tile = (6, cx // 64, cy // 64)

    def here() -> list[tuple[int, str]]:
        return [(p[2], p[3]) for p in _drawn(store, Query("incidents"), *tile)]

    try:
        store.add(_document("w"), {"incidents": _features(rng, 0, 60)})  # elsewhere
        spot = [_incident(f"x{i}", 30.001, 20.001, "attack") for i in range(3)]
        spot += [_incident(f"xp{i}", 30.001, 20.001, " Protest") for i in range(2)]
        store.add(_document("x"), {"incidents": spot})
        assert here() == [(5, "attack")]
        more = [_incident(f"y{i}", 30.001 + 0.001 * i, 20.001, "protest") for i in range(2)]
        store.add(_document("y"), {"incidents": more})
        assert here() == [(7, "protest")]
        store.remove(_document("y").id)
        assert here() == [(5, "attack")]
        # a tie goes to the first type in text order
        fix = Correction("incidents", "x0", "set", new={"event_type": "protest"})
        store.add_corrections([fix])
        assert here() == [(5, "protest")]
        store.add_corrections([Correction("incidents", "x1", "hide")])
        assert here() == [(4, "protest")]
        store.remove(_document("x").id)
        assert here() == []
    finally:
        store.close()


def test_an_aggregate_out_of_step_draws_features_until_a_writer_rebuilds_it(
    tmp_path: Path, big: None
) -> None:
    path = tmp_path / "s.sqlite"
    store = SQLiteStore(path)
    store.add(_document("a"), {"incidents": _features(random.Random(2), 0, 120)})
    store.close()
    cx, cy, _, _ = cell_of((11.0, 41.0), 5)
    tile = (5, cx // 64, cy // 64)
    # a write by a geomap that does not keep the aggregate: the change counter moves alone
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = value + 1 WHERE name = 'version'")
        con.execute("DELETE FROM tile_points")
    reader = SQLiteStore(path, readonly=True)
    try:
        data = reader.tile(Query("incidents"), *tile)
        features = mapbox_vector_tile.decode(data)["incidents"]["features"]
        assert features and all("id" in f["properties"] for f in features)
    finally:
        reader.close()
    writer = SQLiteStore(path)  # a writer opening it rebuilds it
    try:
        with sqlite3.connect(path) as con:
            assert migrations.tiles_in_step(con)
        everything = writer.layer("incidents")
        assert _close(_drawn(writer, Query("incidents"), *tile), _expected(everything, *tile))
        _every_tile_right(writer)
    finally:
        writer.close()
