"""The SQLite store answers queries in SQL exactly as the reference selection in Python does,
through its indexes, and merges at write time exactly as the old read-time merge did."""

from __future__ import annotations

import copy
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap.features.features import LAYERS
from geomap.features.merge import merge_features
from geomap.store import query
from geomap.store.base import Contains, Cursor, Equals, Query, SortKey
from geomap.store.sql import Bind
from geomap.store.sqlite import COMPILER, SQLiteStore

from ...synthetic import FIRST_INVENTED as FIRST
from ...synthetic import invented_document as document
from ...synthetic import invented_feature as feature


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    """A store of 40 documents reporting 300 features, many reported by several documents."""
    path = tmp_path_factory.mktemp("queries") / "store.sqlite"
    store = SQLiteStore(path)
    for d in range(40):
        doc = f"doc{d:02d}"
        feats: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYERS}
        for i in range(d * 6, d * 6 + 12):  # half of them reported again by the next document
            layer = LAYERS[i % 3]
            feats[layer].append(feature(layer, i % 250, doc, confidence=(i * 7 + d) % 100))
        store.add(document(doc), feats)
    store.close()
    reader = SQLiteStore(path, readonly=True)
    yield reader
    reader.close()


def reports(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every document's own reports, merged the way the store once did on each read."""
    con = sqlite3.connect(path)
    out = {}
    for layer in LAYERS:
        rows = con.execute(
            "SELECT feature FROM features WHERE layer=? ORDER BY rowid", (layer,)
        ).fetchall()
        out[layer] = merge_features(json.loads(r[0]) for r in rows)
    con.close()
    return out


def test_merged_at_write_time_as_the_read_time_merge_did(filled: SQLiteStore) -> None:
    expected = reports(filled.path)
    for layer in LAYERS:
        assert filled.layer(layer) == expected[layer]
        assert filled.counts()[layer] == len(expected[layer])
    assert any(f["properties"]["n_sources"] > 1 for f in expected["incidents"])


BOXES = st.tuples(
    st.floats(-180, 170), st.floats(-90, 80), st.floats(0.1, 120), st.floats(0.1, 60)
).map(lambda t: (t[0], t[1], min(180.0, t[0] + t[2]), min(90.0, t[1] + t[3])))
# boxes across the antimeridian (minx > maxx) and boxes nothing intersects (miny > maxy)
ODD_BOXES = st.one_of(
    st.tuples(st.floats(0, 180), st.floats(-90, 80), st.floats(-180, -0.1), st.floats(0.1, 90)).map(
        lambda t: (t[0], t[1], t[2], min(90.0, t[1] + t[3]))
    ),
    st.tuples(st.floats(-180, 170), st.floats(-80, 90), st.floats(-170, 180), st.floats(-90, -80)),
)
DAYS = st.one_of(st.none(), st.integers(-30, 430).map(lambda n: FIRST + timedelta(days=n)))
FILTER_NAMES = ["event_type", "actor", "actor1", "country_code", "geo_precision", "id"]
FILTERS = st.dictionaries(
    st.sampled_from(FILTER_NAMES),
    st.sampled_from(["attack", "PROTEST", "null", "beta police", "militia", "kp", "2", "x"]),
    max_size=2,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layer=st.sampled_from(LAYERS),
    box=st.one_of(st.none(), BOXES, ODD_BOXES),
    start=DAYS,
    end=DAYS,
    filters=FILTERS,
    limit=st.one_of(st.none(), st.integers(1, 40)),
    offset=st.integers(0, 120),
)
def test_sql_selection_is_the_reference_selection(
    filled: SQLiteStore,
    layer: str,
    box: tuple[float, float, float, float] | None,
    start: date | None,
    end: date | None,
    filters: dict[str, str],
    limit: int | None,
    offset: int,
) -> None:
    # a box whose minx > maxx crosses the antimeridian, miny > maxy and start > end select
    # nothing: in SQL as in the reference
    known = [*filled.layer_stats(layer).properties, *FILTER_NAMES]  # absent ones: null
    everything = filled.layer(layer)
    expected = query.select(
        everything, bbox=box, start=start, end=end, filters=filters, properties=known
    )
    where = query.predicates(filters, known)
    q = Query(layer, box, start, end, where, limit=limit, offset=offset)
    page = filled.select(q)
    want = expected[offset:] if limit is None else expected[offset : offset + limit]
    assert page.decoded() == want
    assert page.matched == len(expected) == filled.count(q)
    assert [json.loads(t) for t in filled.stream(q)] == want


def test_keyset_pages_visit_every_feature_once_while_the_store_changes(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.sqlite")
    for d in range(10):
        store.add(document(f"d{d}"), {"incidents": [feature("incidents", d * 10 + i, f"d{d}")
                                                    for i in range(10)]})  # fmt: skip
    before = [f["id"] for f in store.layer("incidents")]
    seen: list[str] = []
    q = Query("incidents", limit=7)
    page = store.select(q)
    seen += [json.loads(t)["id"] for t in page.features]
    # a feature already seen leaves and another arrives: offsets would now skip one
    assert store.remove("d0")
    store.add(document("late"), {"incidents": [feature("incidents", 999, "late")]})
    while page.next is not None:
        page = store.select(Query("incidents", limit=7, after=page.next))
        seen += [json.loads(t)["id"] for t in page.features]
    assert len(seen) == len(set(seen))
    gone = {f"incidents-{i}" for i in range(10)}  # d0 alone reported them
    assert seen[:7] == before[:7] and set(before) - gone <= set(seen)
    assert seen[-1] == "incidents-999"  # arrivals come last, in ingest order
    store.close()


def test_cursor_tokens_round_trip_and_bad_ones_name_the_parameter() -> None:
    for seq in (0, 1, 12345678901):
        token = Cursor(seq).token()
        assert Cursor.parse(token) == Cursor(seq)
    for bad in ("xyz", "WzEsMl0", "bnVsbA", "!!"):
        with pytest.raises(query.InvalidParameter) as info:
            Cursor.parse(bad)
        assert info.value.where == "cursor" and repr(bad) in info.value.message


def test_newest_first_orders_by_end_of_time_span_then_ingest(filled: SQLiteStore) -> None:
    q = Query("incidents", sortby=(SortKey("time_end", descending=True),), limit=500)
    got = filled.select(q).decoded()
    ends = [query.time_span(f["properties"])[1] for f in got]
    dated = [e for e in ends if e is not None]
    assert dated == sorted(dated, reverse=True)
    assert all(e is None for e in ends[len(dated) :])  # undated last


def plan(store: SQLiteStore, q: Query, *, count: bool = False, top: bool = False) -> str:
    """The query plan of ``q``'s page (or count) statement, one step a line; with ``top``,
    only the steps of the outer query (not those of its subqueries)."""
    statement = COMPILER.count(q) if count else COMPILER.page(q)
    with store._reading() as con:
        rows = con.execute("EXPLAIN QUERY PLAN " + statement.sql, statement.params).fetchall()
    return "\n".join(str(r[-1]) for r in rows if not top or r[1] == 0)


@pytest.mark.parametrize("count", [False, True])
def test_query_plans_use_the_indexes(filled: SQLiteStore, count: bool) -> None:
    box = plan(filled, Query("incidents", bbox=(0, 0, 1, 1), limit=100), count=count)
    assert "items_space VIRTUAL TABLE INDEX" in box and "SCAN i\n" not in box + "\n"
    assert "INTEGER PRIMARY KEY (rowid=?)" in box
    # the page's rows are read in order; only the rowids the R*Tree gives may be sorted
    outer = plan(filled, Query("incidents", bbox=(0, 0, 1, 1), limit=100), top=True)
    assert count or "TEMP B-TREE" not in outer
    month = plan(
        filled,
        Query("incidents", start=date(2021, 3, 1), end=date(2021, 3, 31), limit=100),
        count=count,
    )
    assert "items_time VIRTUAL TABLE INDEX" in month
    kind = plan(filled, Query("incidents", where=(Equals("event_type", "attack"),), limit=100))
    assert "USING INDEX items_event_type" in kind or "USING COVERING INDEX items_event_type" in kind
    deep = plan(filled, Query("incidents", limit=100, after=Cursor(1000)))
    assert "USING INDEX items_layer (layer=? AND rowid>?)" in deep and "TEMP B-TREE" not in deep
    first = plan(filled, Query("places", limit=100))
    assert "USING INDEX items_layer (layer=?)" in first and "TEMP B-TREE" not in first


def test_one_feature_by_id_uses_the_unique_index(filled: SQLiteStore) -> None:
    with filled._reading() as con:
        rows = con.execute(
            "EXPLAIN QUERY PLAN SELECT feature FROM items WHERE layer=? AND id=?",
            ("incidents", "incidents-4"),
        ).fetchall()
    assert "USING INDEX items_id" in str(rows)


def test_contains_and_equals_compile_to_named_parameters() -> None:
    bind = Bind(COMPILER)
    sql = COMPILER.where(
        Query("incidents", where=(Contains(("actor1",), " Beta "), Equals("note", "x'; --"))),
        bind,
    )
    assert "x'; --" not in sql and "beta" not in sql  # values are bound, never spliced
    assert bind.params["p1"] == "beta"


def test_removal_merges_again_in_the_same_transaction(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from geomap.store import sqlite as module

    store = SQLiteStore(tmp_path / "store.sqlite")
    shared = feature("incidents", 1, "a", confidence=40)
    other = copy.deepcopy(shared)
    other["properties"].update(document_id="b", document_ids="b", sources="Source b")
    store.add(document("a"), {"incidents": [shared]})
    store.add(document("b"), {"incidents": [other]})
    merged = store.feature("incidents", "incidents-1")
    assert merged["properties"]["n_sources"] == 2

    def broken(self, layer, fid):  # type: ignore[no-untyped-def]
        raise RuntimeError("fails half way")

    monkeypatch.setattr(module._Write, "remerge", broken)
    with pytest.raises(RuntimeError):
        store.remove("a")
    assert store.has_document("a")  # nothing of the removal happened
    assert store.feature("incidents", "incidents-1") == merged
    monkeypatch.undo()
    assert store.remove("a")
    left = store.feature("incidents", "incidents-1")["properties"]
    assert (left["n_sources"], left["document_ids"]) == (1, "b")
    assert store.health()["problems"] == []
    store.close()


@settings(max_examples=40, deadline=None)
@example(steps=[(True, 1, [(0, 0)]), (True, 1, [(1, 0)])])  # re-extraction reuses rowids
@given(
    st.lists(
        st.tuples(
            st.booleans(),  # add (True) or remove (False)
            st.integers(0, 5),  # which document
            st.lists(st.tuples(st.integers(0, 6), st.integers(0, 100)), max_size=5),
        ),
        max_size=14,
    )
)
def test_any_history_of_adds_and_removals_equals_merging_what_is_left(
    steps: list[tuple[bool, int, list[tuple[int, int]]]],
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        store = SQLiteStore(path)
        for add, d, items in steps:
            doc = f"d{d}"
            if add:
                feats = {
                    "places": [feature("places", i, doc, c) for i, c in items],
                    "incidents": [feature("incidents", i, doc, c) for i, c in items],
                }
                store.add(document(doc), feats, replace=bool(d % 2))
            else:
                store.remove(doc)
        expected = reports(path)
        for layer in ("places", "incidents"):
            assert store.layer(layer) == expected[layer]
            stats = store.layer_stats(layer)
            box, span = query.extent(expected[layer])
            assert (stats.count, stats.bbox, stats.interval) == (len(expected[layer]), box, span)
        assert store.health()["problems"] == []
        store.close()


def _edge_store(path: Path) -> SQLiteStore:
    """Points of every layer on the edges of the box (0.1, 0.1, 0.3, 0.3) and closer beside
    them than the R*Tree's 32-bit bounds tell apart, lines meeting the box or only its
    corner's bounds, and dated and undated incidents."""
    near = (0.1 - 1e-9, 0.1, 0.1 + 1e-12, 0.2, 0.3 - 1e-12, 0.3, 0.3 + 1e-9)
    feats: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYERS}
    n = 0
    for x in near:
        for y in (0.1 - 1e-9, 0.1, 0.2, 0.3 + 1e-12):
            for layer in ("places", "incidents"):
                f = feature(layer, n, "edges")
                f["geometry"] = {"type": "Point", "coordinates": [x, y]}
                feats[layer].append(f)
                n += 1
    for coords in (
        [[0.0, 0.2], [0.4, 0.2]],  # crosses the box, no vertex inside
        [[0.0, 0.35], [0.35, 0.0]],  # bounds meet the box, the line misses it
        [[0.3 + 1e-9, 0.0], [0.3 + 1e-9, 0.4]],  # just beside the right edge
        [[0.3, 0.0], [0.3, 0.4]],  # on the right edge
    ):
        f = feature("movements", n, "edges")
        f["geometry"] = {"type": "LineString", "coordinates": coords}
        feats["movements"].append(f)
        n += 1
    store = SQLiteStore(path)
    store.add(document("edges"), feats)
    store.close()
    return SQLiteStore(path, readonly=True)


def test_counts_from_the_trees_are_exact_on_and_beside_the_box_edges(tmp_path: Path) -> None:
    store = _edge_store(tmp_path / "edges.sqlite")
    boxes = [
        (0.1, 0.1, 0.3, 0.3),
        (0.1 + 1e-12, 0.1 + 1e-12, 0.3 - 1e-12, 0.3 - 1e-12),
        (0.1 - 1e-9, 0.1 - 1e-9, 0.3 + 1e-9, 0.3 + 1e-9),
        (0.2, 0.2, 0.2, 0.2),
    ]
    days = [(None, None), (FIRST, FIRST + timedelta(days=200)), (None, FIRST)]
    seen = set()
    for box in boxes:
        for start, end in days:
            for layer in LAYERS:
                everything = store.layer(layer)
                expected = query.select(everything, bbox=box, start=start, end=end)
                q = Query(layer, box, start, end, limit=5)
                assert store.count(q) == len(expected), (layer, box, start, end)
                page = store.select(q)
                assert (page.matched, page.decoded()) == (len(expected), expected[:5])
                seen.add(len(expected))
    assert len(seen) > 4  # the edges decide: the boxes do not all count the same
    store.close()


def test_a_bbox_or_dates_alone_are_counted_in_the_trees(filled: SQLiteStore) -> None:
    box = plan(filled, Query("incidents", bbox=(0, 0, 1, 1)), count=True)
    # the R*Tree drives (inside the box, and across each edge); an item is looked at only
    # for an entry across an edge
    scans = [line for line in box.splitlines() if line.startswith("SCAN")]
    assert scans[0] == "SCAN CONSTANT ROW"
    assert len(scans) == 6
    assert all(s.startswith("SCAN items_space VIRTUAL TABLE") for s in scans[1:])
    assert box.count("SEARCH e USING INTEGER PRIMARY KEY") == 4
    assert "CORRELATED SCALAR SUBQUERY" in box and "SEARCH e USING INTEGER PRIMARY KEY" in box
    assert "SCAN i\n" not in box + "\n" and "SCAN e" not in box
    both = plan(filled, Query("incidents", bbox=(0, 0, 1, 1), start=date(2021, 3, 1)), count=True)
    assert "items_time VIRTUAL TABLE INDEX" in both and "SCAN i\n" not in both + "\n"
    month = plan(filled, Query("incidents", end=date(2021, 3, 1)), count=True)
    assert month.split("\n") == [month.split("\n")[0]]  # one step: the time R*Tree alone
    assert "items_time VIRTUAL TABLE INDEX" in month


def test_a_keyset_page_starts_in_the_tree(filled: SQLiteStore) -> None:
    everything = filled.layer("incidents")
    box = (-180.0, -90.0, 180.0, 90.0)
    first = filled.select(Query("incidents", box, limit=10))
    assert first.next is not None
    q = Query("incidents", box, limit=10, after=first.next)
    statement = COMPILER.page(q)
    assert "items_space.id > " in statement.sql
    rest = filled.select(q).decoded()
    dated = Query("incidents", start=date(2000, 1, 1), limit=10, after=first.next)
    assert "items_time.id > " in COMPILER.page(dated).sql
    assert rest == everything[10:20]
    assert filled.count(q) == len(everything) == filled.select(q).matched


def test_a_version_4_store_is_migrated_without_reading_its_items(tmp_path: Path) -> None:
    from geomap.store import migrations

    path = tmp_path / "v4.sqlite"
    store = _edge_store(path)
    expected = {layer: store.layer(layer) for layer in LAYERS}
    store.close()
    con = sqlite3.connect(path)  # the trees as version 4 had them: every layer together
    con.executescript(
        """
        CREATE VIRTUAL TABLE old_space USING rtree(id, minx, maxx, miny, maxy);
        INSERT INTO old_space SELECT id, minx, maxx, miny, maxy FROM items_space;
        CREATE VIRTUAL TABLE old_time USING rtree(id, t0, t1);
        INSERT INTO old_time SELECT id, t0, t1 FROM items_time;
        DROP TABLE items_space; DROP TABLE items_time;
        ALTER TABLE old_space RENAME TO items_space; ALTER TABLE old_time RENAME TO items_time;
        PRAGMA user_version=4;
        """
    )
    con.close()
    writer = SQLiteStore(path)
    assert writer.migrate() == 4
    assert writer.health(check=True)["problems"] == []
    writer.close()
    reader = SQLiteStore(path, readonly=True)
    box = (0.1, 0.1, 0.3, 0.3)
    for layer in LAYERS:
        assert reader.layer(layer) == expected[layer]
        want = query.select(expected[layer], bbox=box)
        assert reader.select(Query(layer, box)).decoded() == want
    with reader._reading() as con:
        assert migrations.version(con) == migrations.SCHEMA_VERSION
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert not any(name.endswith("_v4") or name.startswith("old_") for name in tables)
    reader.close()


def test_counts_are_remembered_until_the_store_changes(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    writer = SQLiteStore(path)
    writer.add(document("a"), {"incidents": [feature("incidents", i, "a") for i in range(6)]})
    reader = SQLiteStore(path, readonly=True, readers=1)
    q = Query("incidents", where=(Equals("geo_precision", "1"),), limit=1)
    before = reader.count(q)
    assert reader.select(q).matched == before > 0
    # another connection commits: the remembered count must not be served again
    writer.add(document("b"), {"incidents": [feature("incidents", 30 + i, "b") for i in range(6)]})
    after = reader.count(q)
    expected = query.select(writer.layer("incidents"), filters={"geo_precision": "1"})
    assert after == len(expected) > before
    assert reader.select(q).matched == after
    writer.remove("b")
    assert reader.count(q) == before
    reader.close()
    writer.close()
