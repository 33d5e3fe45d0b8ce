"""The grid index (``migrations.GRID``) answers a page of a bbox with the same features, in the
same order and with the same ``numberMatched``, as the R*Tree and a brute-force scan; it stays
in step through every write and is read only while it is."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.features.features import LAYERS
from geomap.store import migrations, query
from geomap.store.base import Query
from geomap.store.sqlite import COMPILER, SQLiteStore

from ...synthetic import invented_document as document
from ...synthetic import invented_feature as feature

# positions on, just beside and between the lines of the grid's finest cells (0.25 degrees),
# closer than the R*Tree's 32-bit bounds tell apart
LINES = (0.0, 0.25, 0.5, 0.75, 1.0)
NUDGES = (-0.1, -1e-6, -1e-9, 0.0, 1e-12, 1e-7, 0.13)


def _geometry(n: int) -> dict[str, Any]:
    x = 10 + LINES[n % 5] + NUDGES[(n // 5) % 7]
    y = -5 + LINES[(n // 3) % 5] + NUDGES[(n // 7) % 7]
    if n % 9 == 4:  # a line across cell edges, bounds bigger than a cell
        return {"type": "LineString", "coordinates": [[x, y], [x + 0.6, y + 0.3]]}
    if n % 9 == 7:  # a line whose bounds meet boxes it misses
        return {"type": "LineString", "coordinates": [[x, y + 0.4], [x + 0.4, y]]}
    return {"type": "Point", "coordinates": [x, y]}


def _add(store: SQLiteStore, doc: str, numbers: range) -> None:
    feats: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYERS}
    for n in numbers:
        layer = LAYERS[n % 3]
        f = feature(layer, n % 400, doc)
        f["geometry"] = _geometry(n)
        feats[layer].append(f)
    store.add(document(doc), feats)


@pytest.fixture(scope="module")
def gridded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    """A store of 600 reports of 400 features on and beside the grid's lines (some reported
    again by a later document, which moves them)."""
    path = tmp_path_factory.mktemp("grid") / "store.sqlite"
    store = SQLiteStore(path)
    for d in range(6):
        _add(store, f"doc{d}", range(d * 100, d * 100 + 100))
    store.close()
    reader = SQLiteStore(path, readonly=True)
    yield reader
    reader.close()


def _grid_rows(con: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return con.execute("SELECT * FROM items_grid ORDER BY cell, seq").fetchall()


def _expected_grid_rows(con: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """The grid rebuilt by brute force from the R*Tree's entries."""
    rows = [
        (migrations.grid_cell(int(l0), minx, maxx, miny, maxy), seq, minx, maxx, miny, maxy)
        for seq, minx, maxx, miny, maxy, l0 in con.execute(
            "SELECT id, minx, maxx, miny, maxy, l0 FROM items_space"
        )
    ]
    return sorted(rows)


def _rtree_page(store: SQLiteStore, q: Query) -> list[str]:
    statement = COMPILER.page(q)
    with store._reading() as con:
        return [r[1] for r in con.execute(statement.sql, statement.params)]


EDGES = st.sampled_from([10 + a + b for a in (-0.25, *LINES, 1.25) for b in NUDGES[1:6]])
SIZES = st.sampled_from([0.0, 1e-9, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0, 1.7])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layer=st.sampled_from(LAYERS),
    x=EDGES,
    y=EDGES.map(lambda v: v - 15),
    w=SIZES,
    h=SIZES,
    limit=st.integers(1, 40),
    offset=st.sampled_from([0, 0, 1, 7, 30]),
)
def test_a_grid_page_is_the_brute_force_page(
    gridded: SQLiteStore,
    layer: str,
    x: float,
    y: float,
    w: float,
    h: float,
    limit: int,
    offset: int,
) -> None:
    box = (x, y, x + w, y + h)
    q = Query(layer, box, limit=limit, offset=offset)
    assert COMPILER.grid_page(q) is not None  # the page is read through the grid
    everything = gridded.layer(layer)
    expected = query.select(everything, bbox=box)
    page = gridded.select(q)
    assert page.decoded() == expected[offset : offset + limit]
    assert page.matched == len(expected)
    assert page.features == _rtree_page(gridded, q)


def test_keyset_pages_through_the_grid_visit_every_match_once(gridded: SQLiteStore) -> None:
    box = (9.9, -5.1, 11.2, -3.8)
    expected = query.select(gridded.layer("incidents"), bbox=box)
    seen: list[dict[str, Any]] = []
    q = Query("incidents", box, limit=7)
    while True:
        page = gridded.select(q)
        seen += page.decoded()
        if page.next is None:
            break
        q = Query("incidents", box, limit=7, after=page.next)
        assert "seq > " in COMPILER.grid_page(q).sql  # type: ignore[union-attr]
    assert seen == expected and len(expected) > 20


def test_a_grid_page_reads_the_grid_not_the_rtree(gridded: SQLiteStore) -> None:
    statement = COMPILER.grid_page(Query("incidents", (10.1, -4.9, 10.9, -4.1), limit=10))
    assert statement is not None
    with gridded._reading() as con:
        explained = con.execute(f"EXPLAIN QUERY PLAN {statement.sql}", statement.params)
        plan = "\n".join(r[3] for r in explained)
    assert "SEARCH items_grid USING PRIMARY KEY (cell=?)" in plan
    assert "MERGE (UNION ALL)" in plan
    assert "items_space" not in plan and "SCAN items" not in plan and "USE TEMP B-TREE" not in plan


def test_queries_the_grid_does_not_answer_go_through_the_rtree() -> None:
    assert COMPILER.grid_page(Query("incidents", (-180, -90, 180, 90), limit=10)) is None
    assert COMPILER.grid_page(Query("incidents", (0, 0, 1, 1))) is None  # no limit: a stream
    assert COMPILER.grid_page(Query("incidents", limit=10)) is None
    assert migrations.grid_cells(1, (0.1, 0.1, 2.1, 2.1)) is not None
    assert migrations.grid_cells(1, (0, 0, 5, 5)) is None  # more cells than GRID_MAX_CELLS


def _cells_by_level(layer_key: int, box: tuple[float, float, float, float]) -> list[int] | None:
    """The cells of :func:`migrations.grid_cells` spelt out level by level, column by column."""
    minx, miny, maxx, maxy = box
    out: list[int] = []
    for level in range(migrations.GRID_LEVELS - 1):
        size = 2.0 ** (migrations.GRID_FINEST + level)
        top_x, top_y = int(360 // size), int(180 // size)
        x0 = min(max(int((minx + 180) // size), 0), top_x)
        x1 = min(max(int((maxx + 180) // size), 0), top_x)
        y0 = min(max(int((miny + 90) // size), 0), top_y)
        y1 = min(max(int((maxy + 90) // size), 0), top_y)
        for ix in range(x0, x1 + 1):
            out += [migrations._grid_key(layer_key, level, ix, iy) for iy in range(y0, y1 + 1)]
        if len(out) > migrations.GRID_MAX_CELLS:
            return None
    return [*out, migrations._grid_key(layer_key, migrations.GRID_LEVELS - 1, 0, 0)]


SPAN = st.sampled_from([0.0, 1e-9, 0.01, 0.25, 0.3, 1.0, 1.7, 4.0, 90.0, 400.0])


@settings(max_examples=400, deadline=None)
@given(
    x=st.floats(-200, 200), y=st.floats(-100, 100), w=SPAN, h=SPAN,
    fx=st.floats(0, 1), fy=st.floats(0, 1), layer_key=st.integers(0, 2),
)  # fmt: skip
def test_a_box_meets_the_cell_of_every_entry_that_meets_it(
    x: float, y: float, w: float, h: float, fx: float, fy: float, layer_key: int
) -> None:
    box = (x, y, x + w, y + h)
    cells = migrations.grid_cells(layer_key, box)
    assert cells == _cells_by_level(layer_key, box)
    if cells is None:
        return
    # a point of the box inside the world lies in one of the box's cells
    px, py = x + fx * w, y + fy * h
    if -180 <= px <= 180 and -90 <= py <= 90:
        assert migrations.grid_cell(layer_key, px, px, py, py) in cells


@settings(max_examples=30, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.booleans(), st.integers(0, 5), st.integers(0, 60)), min_size=1, max_size=8
    )
)
def test_every_write_keeps_the_grid_in_step(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[bool, int, int]]
) -> None:
    path = tmp_path_factory.mktemp("steps") / "store.sqlite"
    store = SQLiteStore(path)
    for add, d, start in steps:
        if add:  # a new document, or the same one again with other features (replace)
            feats: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYERS}
            for n in range(start, start + 12):
                f = feature(LAYERS[n % 3], n % 20, f"d{d}")
                f["geometry"] = _geometry(n + d)
                feats[LAYERS[n % 3]].append(f)
            store.add(document(f"d{d}"), feats, replace=True)
        else:
            store.remove(f"d{d}")
        with store._reading() as con:
            assert migrations.grid_in_step(con)
            assert _grid_rows(con) == _expected_grid_rows(con)
    store.close()


def test_a_write_that_does_not_keep_the_grid_leaves_it_unread_until_a_writer_rebuilds_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite"
    store = SQLiteStore(path)
    _add(store, "a", range(0, 90))
    store.close()
    # a writer without the grid (an older geomap) drops the first incident, counting a change
    con = sqlite3.connect(path)
    seq = con.execute("SELECT seq FROM items WHERE layer='incidents' ORDER BY seq").fetchone()[0]
    for table, key in (("items", "seq"), ("items_space", "id"), ("items_time", "id")):
        con.execute(f"DELETE FROM {table} WHERE {key}=?", (seq,))
    con.execute("UPDATE meta SET value = value + 1 WHERE name='version'")
    con.commit()
    con.close()
    box = (9.8, -5.2, 11.0, -4.0)
    q = Query("incidents", box, limit=5)
    assert COMPILER.grid_page(q) is not None
    reader = SQLiteStore(path, readonly=True)
    with reader._reading() as rcon:
        assert not migrations.grid_in_step(rcon)
        assert seq in {row[1] for row in _grid_rows(rcon)}  # still there
    # read through the R*Tree meanwhile: a full page without the dropped item
    assert reader.select(q).decoded() == query.select(reader.layer("incidents"), bbox=box)[:5]
    writer = SQLiteStore(path)  # rebuilds it
    writer.close()
    with reader._reading() as rcon:
        assert migrations.grid_in_step(rcon)
        assert _grid_rows(rcon) == _expected_grid_rows(rcon)
    reader.close()


def test_a_store_without_a_grid_gets_one_from_the_next_writer(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store = SQLiteStore(path)
    _add(store, "a", range(0, 60))
    store.close()
    con = sqlite3.connect(path)  # a schema-6 store as an older geomap wrote it
    con.execute("DROP TABLE items_grid")
    con.execute("DELETE FROM meta WHERE name='grid'")
    con.commit()
    con.close()
    reader = SQLiteStore(path, readonly=True)
    box = (9.5, -5.5, 10.6, -4.4)
    want = query.select(reader.layer("places"), bbox=box)
    assert reader.select(Query("places", box, limit=50)).decoded() == want  # by the R*Tree
    writer = SQLiteStore(path)
    assert writer.migrate() == migrations.SCHEMA_VERSION
    assert writer.health(check=True)["problems"] == []
    writer.close()
    with reader._reading() as rcon:
        assert migrations.grid_in_step(rcon)
        assert _grid_rows(rcon) == _expected_grid_rows(rcon) != []
    assert reader.select(Query("places", box, limit=50)).decoded() == want
    reader.close()


def test_store_health_finds_a_grid_out_of_order(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store = SQLiteStore(path)
    _add(store, "a", range(0, 30))
    assert store.health(check=True)["problems"] == []
    con = store._writer()
    cell, seq = con.execute("SELECT cell, seq FROM items_grid LIMIT 1").fetchone()
    con.execute("UPDATE items_grid SET cell = cell + 1 WHERE cell = ? AND seq = ?", (cell, seq))
    health = store.health(check=True)
    assert health["grid_in_step"] and health["problems"] == [
        "grid: 1 entries of the spatial index missing"
    ]
    store.close()
