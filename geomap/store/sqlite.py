"""The embedded store: documents, their reports of features and the merged features, in one
SQLite file (WAL; safe with several processes).

Writers (:class:`SQLiteStore` opened normally: ingest, remove, migrate) merge at write time:
adding a document merges each of its features into the stored one of the same id (or starts
it), removing one merges what other documents report again, in the same transaction. Readers
(``readonly=True``: the server, export, map) keep a small pool of read-only connections and
answer a :class:`~geomap.store.base.Query` in SQL: the bbox through an R*Tree, dates through
another, filters through B-tree indexes, paging by keyset, counts from the same WHERE clause.
"""

from __future__ import annotations

import functools
import json
import queue
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from geomap.db import connect, connect_readonly, immediate
from geomap.errors import InvalidParameter, NotFound, StoreError
from geomap.features.corrections import Correction, correct_feature, place_ids
from geomap.features.features import LAYERS
from geomap.features.merge import merge_append, merge_group, merge_state
from geomap.model import Document
from geomap.store import cql2, migrations
from geomap.store.base import (
    Addition,
    Equals,
    LayerStats,
    Page,
    Query,
    Sampled,
    Store,
    boxes,
    check_layer,
    decode,
    fold,
    latest_reports,
)
from geomap.store.query import equal, time_span
from geomap.store.sql import (
    Bind,
    Compiler,
    LayerTotals,
    RecentCounts,
    Statement,
    document_row,
)

__all__ = ["SQLiteStore", "Store", "check_layer"]

assert set(migrations.LAYER_KEY) == set(LAYERS)

SCHEMA_VERSION = migrations.SCHEMA_VERSION
BATCH = 500  # rows fetched at a time by a stream
READER_CACHE_KIB = 2048  # page cache of each pooled reader connection (R*Tree nodes, pages)
STREAM_CACHE_KIB = 512  # page cache of a stream's own connection (it reads each page once)


class SQLiteCompiler(Compiler):
    """SQLite's spelling: R*Trees for bbox and time, JSON operators and geomap's SQL functions
    (registered on every connection) for properties without a column.

    The plan does not depend on the planner's statistics (a fresh store has none): a bbox or
    a date range drives the query through its R*Tree (rowids in order, no other index), else
    the first equality on an indexed column through its index, else the ingest-order index.
    Both R*Trees have the layer as a dimension, so they hand out only the queried layer's
    entries; a count of a bbox and/or dates alone is answered from the trees (see
    :meth:`count`).
    """

    def source(self, query: Query) -> str:
        if query.bbox is not None or query.timed:
            return "items i NOT INDEXED"  # rowids from the R*Tree's list, in order
        for predicate in query.where:
            if (
                isinstance(predicate, Equals)
                and predicate.name in migrations.INDEXED_BY
                and fold(predicate.value) not in ("", "null")
            ):
                return f"items i INDEXED BY {migrations.INDEXED_BY[predicate.name]}"
        if query.sortby:
            index = migrations.INDEXED_BY.get(query.sortby[0].name)
            if index:
                return f"items i INDEXED BY {index}"
        return "items i INDEXED BY items_layer"

    @staticmethod
    def _in_layer(table: str, query: Query, bind: Bind) -> str:
        return f"{table}.l0 = {bind(migrations.LAYER_KEY[query.layer])}"

    def _space(self, query: Query, bind: Bind) -> tuple[str, str]:
        """R*Tree conditions on ``items_space``: (its entries of the layer whose 32-bit
        bounds, rounded outwards, meet the box; those whose bounds lie inside the box, which
        therefore match without a look at the item)."""
        assert query.bbox is not None
        minx, miny, maxx, maxy = (bind(v) for v in query.bbox)
        s = "items_space"
        meets = (
            f"{s}.minx <= {maxx} AND {s}.maxx >= {minx} AND {s}.miny <= {maxy}"
            f" AND {s}.maxy >= {miny} AND {self._in_layer(s, query, bind)}"
        )
        inside = (
            f"{s}.minx >= {minx} AND {s}.maxx <= {maxx} AND {s}.miny >= {miny}"
            f" AND {s}.maxy <= {maxy}"
        )
        return meets, inside

    def _bbox_exact(self, query: Query, bind: Bind, item: str = "i") -> str:
        """Conditions on ``item`` true exactly when its geometry intersects the box: on its
        exact bounds, and on the geometry when it is not a point (or a line inside the box)."""
        assert query.bbox is not None
        return _bbox_exact(item, *(bind(v) for v in query.bbox))

    def _time(self, query: Query, bind: Bind) -> str:
        """R*Tree conditions on ``items_time``: its entries of the layer whose span overlaps
        the dates (exact: day numbers are exact in 32-bit floats, undated items have none)."""
        parts = [self._in_layer("items_time", query, bind)]
        if query.start is not None:
            parts.append(f"items_time.t1 >= {bind(query.start.toordinal())}")
        if query.end is not None:
            parts.append(f"items_time.t0 <= {bind(query.end.toordinal())}")
        return " AND ".join(parts)

    def _after(self, table: str, bind: Bind) -> str:
        # a keyset page: the tree hands out only the entries after the cursor
        return "" if bind.after is None else f" AND {table}.id > {bind(bind.after)}"

    def bbox_clause(self, query: Query, bind: Bind) -> list[str]:
        meets, _inside = self._space(query, bind)
        return [
            # candidates from the R*Tree, in rowid order ...
            f"i.seq IN (SELECT id FROM items_space WHERE {meets}"
            f"{self._after('items_space', bind)})",
            # ... checked on the item
            self._bbox_exact(query, bind),
        ]

    def time_clause(self, query: Query, bind: Bind) -> list[str]:
        exact = super().time_clause(query, bind)
        ids = f"SELECT id FROM items_time WHERE {self._time(query, bind)}"
        return [f"i.seq IN ({ids}{self._after('items_time', bind)})", *exact]

    def _path(self, name: str, bind: Bind) -> str:
        if '"' in name:
            raise InvalidParameter(f"property {name!r} cannot be filtered on", where=name)
        return bind(f'$.properties."{name}"')

    def property_equals(self, name: str, value: str, bind: Bind) -> str:
        raw = f"(i.feature -> {self._path(name, bind)})"
        if name == "id":
            raw = f"coalesce({raw}, json_quote(i.id))"
        return f"geomap_equal({raw}, {bind(value)})"

    def property_text(self, name: str, bind: Bind) -> str:
        return f"geomap_fold(i.feature ->> {self._path(name, bind)})"

    def contains(self, expr: str, needle: str, bind: Bind) -> str:
        return f"instr({expr}, {bind(needle)}) > 0"

    def queryable(self, q: cql2.Queryable, bind: Bind, layer: str = "") -> str:
        path = self._path(q.name, bind)
        types = "'integer', 'real'" if q.kind in ("integer", "number") else "'text'"
        return (
            f"(CASE WHEN json_type(i.feature, {path}) IN ({types})"
            f" THEN json_extract(i.feature, {path}) END)"
        )

    def spatial(self, op: str, shape: Any, bind: Bind) -> str:
        test = (
            f"geomap_spatial({bind(op)}, json_extract(i.feature, '$.geometry'), {bind(shape.wkb)})"
        )
        if op == "disjoint":
            return f"({test})"
        minx, miny, maxx, maxy = (bind(float(v)) for v in shape.bounds)
        return (
            f"(i.seq IN (SELECT id FROM items_space WHERE minx <= {maxx} AND maxx >= {minx}"
            f" AND miny <= {maxy} AND maxy >= {miny}) AND {test})"
        )

    def like(self, expr: str, pattern: str, negated: bool) -> str:
        return f"({'NOT ' if negated else ''}geomap_like({expr}, {pattern}))"

    def lower(self, expr: str) -> str:
        return f"geomap_lower({expr})"

    def sampled(self, zoom: int, bind: Bind) -> str:
        return f"geomap_level(i.id) <= {bind(int(zoom))}"

    @staticmethod
    def by_trees(query: Query) -> bool:
        """True when the R*Trees alone decide what ``query`` matches and in which order: a
        bbox and/or dates, no other filter, the default order."""
        return _trees_decide(query) and not query.sortby

    def _tree(self, query: Query, bind: Bind) -> tuple[str, list[str]]:
        """The R*Tree that drives a query of a bbox and/or dates alone, and disjoint sets of
        conditions on it that together hold exactly for the matching items.

        Dates are exact in the time tree: one set. A box gives five, each made only of
        comparisons the R*Tree module searches by itself: the entries whose bounds lie inside
        the box (they match: a point always does, bar the few within a 32-bit rounding of the
        box's edge), and those crossing each of its four edges, checked on their item."""
        if query.bbox is None:
            return "items_time", [self._time(query, bind)]
        minx, miny, maxx, maxy = (bind(v) for v in query.bbox)
        s = "items_space"
        layer = self._in_layer(s, query, bind)
        meets = (
            f"{s}.minx <= {maxx} AND {s}.maxx >= {minx} AND {s}.miny <= {maxy}"
            f" AND {s}.maxy >= {miny} AND {layer}"
        )
        inside = (
            f"{s}.minx >= {minx} AND {s}.maxx <= {maxx} AND {s}.miny >= {miny}"
            f" AND {s}.maxy <= {maxy} AND {layer}"
        )
        rim = (
            f" AND EXISTS (SELECT 1 FROM items e WHERE e.seq = {s}.id AND"
            f" {self._bbox_exact(query, bind, 'e')})"
        )
        edges = [
            f"{s}.minx < {minx}",
            f"{s}.maxx > {maxx} AND {s}.minx >= {minx}",
            f"{s}.miny < {miny} AND {s}.minx >= {minx} AND {s}.maxx <= {maxx}",
            f"{s}.maxy > {maxy} AND {s}.minx >= {minx} AND {s}.maxx <= {maxx}"
            f" AND {s}.miny >= {miny}",
        ]
        arms = [inside, *(f"{meets} AND {edge}{rim}" for edge in edges)]
        if query.timed:
            dated = f" AND {s}.id IN (SELECT id FROM items_time WHERE {self._time(query, bind)})"
            arms = [arm + dated for arm in arms]
        return s, arms

    def page(self, query: Query, columns: str = "i.seq, i.feature") -> Statement:
        """A query the R*Trees decide (:meth:`by_trees`) picks the page's rowids in the tree
        (sorted, cursor, offset and limit applied there) and reads only those items; any
        other goes through :meth:`Compiler.page`."""
        if not self.by_trees(query):
            return super().page(query, columns)
        bind = Bind(self)
        if query.after is not None:
            bind.after = query.after.seq
        table, arms = self._tree(query, bind)
        after = self._after(table, bind)
        ids = " UNION ALL ".join(f"SELECT id FROM {table} WHERE {arm}{after}" for arm in arms)
        ids += " ORDER BY id"
        if query.limit is not None:
            ids += f" LIMIT {bind(query.limit)}"
        if query.offset and query.after is None:
            if query.limit is None:
                ids += " LIMIT -1"
            ids += f" OFFSET {bind(query.offset)}"
        sql = f"SELECT {columns} FROM items i WHERE i.seq IN ({ids}) ORDER BY i.seq"
        return Statement(sql, bind.params)

    def grid_page(self, query: Query, columns: str = "i.seq, i.feature") -> Statement | None:
        """The page of a bbox alone (no dates, no other filter, the default order, a limit)
        through the grid (:data:`migrations.GRID`, which the caller knows to be in step):
        the ordered runs of the cells the box meets merged in ingest order, each entry
        that meets the box kept when it lies inside it or its item intersects it, until the
        page is full. None for any other query, or a box meeting too many cells."""
        if query.bbox is None or query.timed or query.limit is None or not self.by_trees(query):
            return None
        cells = migrations.grid_cells(migrations.LAYER_KEY[query.layer], query.bbox)
        if cells is None:
            return None
        # padded with an empty cell to one of a few lengths: a handful of statements (their
        # text made once), each prepared once per connection, serve every box
        size = next(n for n in GRID_RUNS if n >= len(cells))
        cells += [-1] * (size - len(cells))
        minx, miny, maxx, maxy = query.bbox
        params: dict[str, Any] = {"minx": minx, "miny": miny, "maxx": maxx, "maxy": maxy}
        params.update(zip(_CELL_NAMES, cells, strict=False))
        params["limit"] = query.limit
        after = query.after is not None
        if after:
            params["after"] = query.after.seq  # type: ignore[union-attr]
        offset = bool(query.offset) and not after
        if offset:
            params["offset"] = query.offset
        return Statement(_grid_sql(columns, size, after, offset), params)

    def count(self, query: Query) -> Statement:
        """A bbox and/or dates alone are counted in the R*Trees (see :meth:`_tree`): an item
        is read only for an entry on the box's rim. Any other filter is checked on the items
        (:meth:`Compiler.count`)."""
        if not _trees_decide(query):
            return super().count(query)
        bind = Bind(self)
        table, arms = self._tree(query, bind)
        if len(arms) == 1:
            return Statement(f"SELECT count(*) FROM {table} WHERE {arms[0]}", bind.params)
        counts = " + ".join(f"(SELECT count(*) FROM {table} WHERE {arm})" for arm in arms)
        return Statement(f"SELECT {counts}", bind.params)


def _trees_decide(query: Query) -> bool:
    """True when a bbox and/or dates are ``query``'s only filters and the R*Trees answer them
    in one search: one box (not across the antimeridian) and a selection that is not empty.
    Other queries go through :meth:`Compiler.where`, which splits and empties them."""
    one_box = query.bbox is None or len(boxes(query.bbox)) == 1
    filtered = query.bbox is not None or query.timed
    return filtered and not query.where and one_box and not query.empty


GRID_RUNS = (8, 16, 32, 48, 64, 96, 128, migrations.GRID_MAX_CELLS)

_CELL_NAMES = tuple(f"c{n}" for n in range(migrations.GRID_MAX_CELLS))


def _bbox_exact(i: str, minx: str, miny: str, maxx: str, maxy: str) -> str:
    """Conditions on the item aliased ``i`` true exactly when its geometry intersects the box
    whose bounds are the placeholders ``minx`` … ``maxy``."""
    return (
        f"{i}.minx <= {maxx} AND {i}.maxx >= {minx} AND {i}.miny <= {maxy}"
        f" AND {i}.maxy >= {miny}"
        f" AND ({i}.point OR ({i}.minx >= {minx} AND {i}.maxx <= {maxx}"
        f" AND {i}.miny >= {miny} AND {i}.maxy <= {maxy})"
        f" OR geomap_intersects({i}.feature, {minx}, {miny}, {maxx}, {maxy}))"
    )


@functools.lru_cache(maxsize=64)
def _grid_sql(columns: str, size: int, after: bool, offset: bool) -> str:
    """The text of :meth:`SQLiteCompiler.grid_page`'s statement over ``size`` cells (named
    ``:c0`` …), the box ``:minx`` … ``:maxy``, ``:limit`` and, when asked, ``:after`` (a
    keyset page) and ``:offset``."""
    box = ":minx", ":miny", ":maxx", ":maxy"
    minx, miny, maxx, maxy = box
    keyset = " AND seq > :after" if after else ""
    runs = " UNION ALL ".join(
        f"SELECT seq, minx, maxx, miny, maxy FROM items_grid WHERE cell = :{cell}"
        f" AND minx <= {maxx} AND maxx >= {minx} AND miny <= {maxy} AND maxy >= {miny}"
        f"{keyset}"
        for cell in _CELL_NAMES[:size]
    )
    inside = f"g.minx >= {minx} AND g.maxx <= {maxx} AND g.miny >= {miny} AND g.maxy <= {maxy}"
    exact = f"EXISTS (SELECT 1 FROM items e WHERE e.seq = g.seq AND {_bbox_exact('e', *box)})"
    ids = f"SELECT g.seq FROM ({runs} ORDER BY 1) g WHERE ({inside}) OR {exact} LIMIT :limit"
    if offset:
        ids += " OFFSET :offset"
    return f"SELECT {columns} FROM items i WHERE i.seq IN ({ids}) ORDER BY i.seq"


COMPILER = SQLiteCompiler()


def _sql_equal(raw: str | None, wanted: str) -> int:
    """geomap_equal(json, text): the Equals rule on a property read as JSON text."""
    value = None if raw is None else json.loads(raw)
    return int(equal(value, wanted))


def _sql_fold(value: Any) -> str | None:
    return fold(value) if isinstance(value, str) else None


def _sql_intersects(feature: str, minx: float, miny: float, maxx: float, maxy: float) -> int:
    """geomap_intersects(feature, box...): the feature's geometry intersects the box."""
    from shapely.geometry import box, shape

    geometry = json.loads(feature).get("geometry")
    return int(bool(geometry) and box(minx, miny, maxx, maxy).intersects(shape(geometry)))


@functools.lru_cache(maxsize=64)
def _prepared(wkb: bytes) -> Any:
    import shapely
    from shapely.prepared import prep

    shape = shapely.from_wkb(wkb)
    return shape, prep(shape)


def _sql_spatial(op: str, geometry: str | None, wkb: bytes) -> int | None:
    """geomap_spatial(op, geometry JSON, literal WKB): CQL2's S_<op>(geometry, literal)."""
    if geometry is None:
        return None
    from shapely.geometry import shape

    literal, prepared = _prepared(wkb)
    g = shape(json.loads(geometry))
    if op == "intersects":
        return int(prepared.intersects(g))
    if op == "disjoint":
        return int(prepared.disjoint(g))
    if op == "within":  # the feature lies within the literal
        return int(prepared.contains(g))
    if op == "contains":
        return int(g.contains(literal))
    return int(getattr(g, op)(literal))  # equals, touches, crosses, overlaps


@functools.lru_cache(maxsize=64)
def _like_pattern(pattern: str) -> Any:
    return cql2.like_regex(pattern)


def _sql_like(value: Any, pattern: str | None) -> int | None:
    """geomap_like(text, pattern): CQL2's case-sensitive LIKE."""
    if value is None or pattern is None:
        return None
    return int(_like_pattern(pattern).fullmatch(str(value)) is not None)


def _sql_level(feature_id: Any) -> int:
    from geomap.tiles import level

    return level(str(feature_id))


def _sql_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _functions(con: sqlite3.Connection) -> sqlite3.Connection:
    con.create_function("geomap_spatial", 3, _sql_spatial, deterministic=True)
    con.create_function("geomap_like", 2, _sql_like, deterministic=True)
    con.create_function("geomap_lower", 1, _sql_lower, deterministic=True)
    con.create_function("geomap_level", 1, _sql_level, deterministic=True)
    con.create_function("geomap_equal", 2, _sql_equal, deterministic=True)
    con.create_function("geomap_fold", 1, _sql_fold, deterministic=True)
    con.create_function("geomap_intersects", 5, _sql_intersects, deterministic=True)
    con.create_function("geomap_grid_cell", 5, migrations.grid_cell, deterministic=True)
    return con


def _dumps(value: Any) -> str:
    """Compact JSON text (UTF-8, not ASCII-escaped), as stored."""
    return orjson.dumps(value).decode()


def _bounds(geometry: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    if geometry and geometry.get("type") == "Point":
        x, y = geometry["coordinates"][:2]
        return (float(x), float(y), float(x), float(y))
    from geomap.store.query import _bounds as bounds

    return bounds(geometry)


@dataclass(slots=True)
class _Item:
    """The columns of one ``items`` row."""

    seq: int
    layer: str
    id: str
    feature: dict[str, Any]
    state: dict[str, Any]
    text: str | None = None  # the feature as stored text, when already encoded

    def columns(self) -> tuple[Any, ...]:
        """The row's columns up to ``country_code`` (the feature and its state not encoded)."""
        f = self.feature
        geometry = f.get("geometry")
        box = _bounds(geometry)
        props = f.get("properties") or {}
        t0, t1 = _days(props)
        actors = [
            fold(props[k]) if isinstance(props.get(k), str) else None
            for k in ("actor1", "actor2", "actor")
        ]
        return (
            self.seq,
            self.layer,
            self.id,
            int(isinstance(geometry, dict) and geometry.get("type") == "Point"),
            *(box or (None, None, None, None)),
            t0,
            t1,
            fold(props.get("event_type")),
            *actors,
            fold(props.get("country_code")),
        )

    def row(self, columns: tuple[Any, ...] | None = None) -> tuple[Any, ...]:
        """Every column (``columns``: those :meth:`columns` gave, when already known)."""
        return (
            *(columns or self.columns()),
            self.text or _dumps(self.feature),
            _dumps(self.state),
        )


def _days(props: dict[str, Any]) -> tuple[int | None, int | None]:
    start, end = time_span(props)
    if start is None or end is None:
        return None, None
    return start.toordinal(), end.toordinal()


_ITEM_COLUMNS = (
    "seq, layer, id, point, minx, miny, maxx, maxy, t0, t1, event_type, actor1, actor2, actor,"
    " country_code, feature, merge_state"
)
_INSERT_ITEM = f"INSERT OR REPLACE INTO items({_ITEM_COLUMNS}) VALUES ({','.join('?' * 17)})"
# what a read needs to know first: whether the grid may be read, and the data_version
_READ_STATE = f"SELECT {migrations.GRID_IN_STEP}, (SELECT data_version FROM pragma_data_version())"
# an item's grid entry (migrations.GRID), made from and found by its R*Tree entry
_GRID = (
    f"INSERT OR REPLACE INTO items_grid SELECT {migrations.GRID_CELL_OF_ENTRY}, id, minx, maxx,"
    " miny, maxy FROM items_space WHERE id=?"
)
_UNGRID = (
    f"DELETE FROM items_grid WHERE (cell, seq) IN (SELECT {migrations.GRID_CELL_OF_ENTRY}, id"
    " FROM items_space WHERE id=?)"
)


# what a zoomed-out tile asks first, in the snapshot it reads its cells in: the layer's size and
# whether the point aggregate is in step
_TILE_STATE = (
    f"SELECT coalesce((SELECT count FROM stats WHERE name=?), 0), {migrations.TILES_IN_STEP}"
)
# what the point aggregate counts of a stored item (migrations.tile_delta's arguments)
_AGGREGATED = (
    "SELECT layer, event_type, point, minx, miny, CASE WHEN point THEN NULL ELSE feature END"
    " FROM items WHERE seq=?"
)


def _decoded(value: str | bytes | dict[str, Any]) -> dict[str, Any]:
    """A stored JSON object, decoded unless it already is."""
    return value if isinstance(value, dict) else orjson.loads(value)


class _Write:
    """One write transaction: merges reports into ``items`` with the corrections that concern
    them applied (a hidden feature leaves ``items`` for ``hidden``), keeps ``stats`` in step and
    counts one more change in ``meta``."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.totals: dict[str, LayerTotals] = {}
        self.documents = 0
        self._fixes: bool | None = None
        # the items this transaction changed, written once by finish() however many of its
        # documents merged into them: (layer, id) -> (seq of the row as stored before, or
        # None; the item now, with its columns, or None when dropped)
        self._changed: dict[
            tuple[str, str], tuple[int | None, tuple[_Item, tuple[Any, ...]] | None]
        ] = {}
        # each item as the store held it when this transaction first read it: (layer, id) ->
        # (event_type, point, minx, miny, maxx, maxy, t0, t1)
        self._was: dict[tuple[str, str], tuple[Any, ...]] = {}

    @property
    def fixes(self) -> bool:
        """True when the store holds corrections (asked once per transaction, when needed)."""
        if self._fixes is None:
            row = self.con.execute("SELECT EXISTS(SELECT 1 FROM corrections)").fetchone()
            self._fixes = bool(row[0])
        return self._fixes

    def _concerning(self, layer: str, feature: dict[str, Any]) -> list[Correction]:
        """The stored corrections that may concern a merged ``feature`` of ``layer`` (a
        superset: :func:`correct_feature` decides), by the indexes of ``corrections``."""
        con = self.con
        p = feature.get("properties") or {}
        texts = dict(
            con.execute(
                "SELECT id, correction FROM corrections WHERE layer=? AND feature_id=?",
                (layer, str(feature.get("id"))),
            ).fetchall()
        )
        if p.get("document_id") is not None and p.get("quote_start") is not None:
            texts.update(
                con.execute(
                    "SELECT id, correction FROM corrections WHERE document_id=? AND"
                    " quote_start=? AND layer=?",
                    (p["document_id"], p["quote_start"], layer),
                ).fetchall()
            )
        places = place_ids(layer, feature)
        if places:
            texts.update(
                con.execute(
                    "SELECT id, correction FROM corrections WHERE layer='places' AND"
                    f" feature_id IN ({','.join('?' * len(places))}) AND action='move'",
                    places,
                ).fetchall()
            )
        return [Correction.from_dict(json.loads(t)) for t in texts.values()]

    def concerned(self, correction: Correction) -> set[tuple[str, str]]:
        """The (layer, id) of every feature ``correction`` may concern (a superset), found
        through the reports in ``features``: its own, the one of the sentence it names, and
        for a place move the incidents and movements located there."""
        con = self.con
        out = {(correction.layer, correction.feature_id)}
        c = correction
        if c.document_id is not None and c.quote_start is not None:
            out.update(
                con.execute(
                    "SELECT layer, id FROM features WHERE document_id=? AND layer=? AND"
                    " json_extract(feature, '$.properties.quote_start') = ?",
                    (c.document_id, c.layer, c.quote_start),
                ).fetchall()
            )
        if c.layer == "places" and c.action == "move":
            for layer, keys in migrations.PLACE_REFERENCES.items():
                for key in keys:
                    out.update(
                        con.execute(
                            f"SELECT layer, id FROM features WHERE layer = '{layer}' AND"
                            f" {migrations.place_reference(key)} = ?",
                            (c.feature_id,),
                        ).fetchall()
                    )
        return out

    def _store(
        self,
        layer: str,
        fid: str,
        seq: int,
        merged: dict[str, Any],
        state: dict[str, Any],
        old: tuple[Any, ...] | None,
        text: str | None = None,
    ) -> None:
        """Put the merged feature of ``(layer, fid)`` with its corrections applied, or hide
        it (out of ``items``, into ``hidden``) when one hides it."""
        feature: dict[str, Any] | None = merged
        if self.fixes:
            found = self._concerning(layer, merged)
            if found:
                feature = correct_feature(layer, merged, found)
        if feature is None:
            if old is not None:
                self._drop(layer, fid, old)
                totals = self.layer(layer)
                totals.count -= 1
                totals.shrink(tuple(old[3:9]))
            self.con.execute("INSERT OR IGNORE INTO hidden VALUES (?,?)", (layer, fid))
            return
        if feature is not merged:
            text = None
        self._put(_Item(seq, layer, fid, feature, state, text), old)

    def layer(self, name: str) -> LayerTotals:
        totals = self.totals.get(name)
        if totals is None:
            row = self.con.execute(
                "SELECT count, minx, miny, maxx, maxy, t0, t1, properties FROM stats WHERE name=?",
                (name,),
            ).fetchone()
            totals = self.totals[name] = LayerTotals(row)
        return totals

    def _old(self, layer: str, fid: str) -> tuple[Any, ...] | None:
        """The item of ``(layer, fid)`` as this transaction left it: ``(seq, feature,
        merge_state, minx, miny, maxx, maxy, t0, t1)``, the feature and state as stored text
        or, for an item changed here, as dicts; None when there is none."""
        changed = self._changed.get((layer, fid))
        if changed is not None:
            now = changed[1]
            if now is None:
                return None
            item, columns = now
            return (item.seq, item.feature, item.state, *columns[4:10])
        row = self.con.execute(
            "SELECT seq, feature, merge_state, minx, miny, maxx, maxy, t0, t1, event_type, point"
            " FROM items WHERE layer=? AND id=?",
            (layer, fid),
        ).fetchone()
        if row is None:
            return None
        self._was[(layer, fid)] = (row[9], row[10], *row[3:9])
        return row[:9]

    def _stored_seq(self, layer: str, fid: str, old: tuple[Any, ...] | None) -> int | None:
        """The seq of the row stored for ``(layer, fid)`` before this transaction (``old``:
        what :meth:`_old` gives for it now)."""
        changed = self._changed.get((layer, fid))
        if changed is not None:
            return changed[0]
        return None if old is None else int(old[0])

    def _drop(self, layer: str, fid: str, old: tuple[Any, ...]) -> None:
        self._changed[(layer, fid)] = (self._stored_seq(layer, fid, old), None)

    def _put(self, item: _Item, old: tuple[Any, ...] | None) -> None:
        columns = item.columns()
        totals = self.layer(item.layer)
        if old is not None:
            if tuple(old[3:9]) != tuple(columns[4:10]):
                totals.shrink(tuple(old[3:9]))
        else:
            totals.count += 1
        key = (item.layer, item.id)
        self._changed[key] = (self._stored_seq(item.layer, item.id, old), (item, columns))
        totals.grow(columns[4:10], item.feature.get("properties") or {})

    def _write_items(self) -> None:
        """Write every item this transaction changed, once each, and keep the point aggregate
        of the zoomed-out tiles (:data:`~geomap.store.migrations.TILES`) in step with them
        when it was before. An item that keeps its row, bounds, time span and type (a report
        merged into it that moves nothing) keeps its index entries and its count in the
        aggregate as they are."""
        con = self.con
        changed, self._changed = self._changed, {}
        was, self._was = self._was, {}
        deltas: migrations.TileDeltas | None = (
            {} if changed and migrations.tiles_in_step(con) else None
        )
        kept: list[tuple[bool, bool]] = []  # per item: (its place, its time span) unchanged
        for key, (stored, now) in changed.items():
            before = was.get(key) if stored is not None else None
            same_place = same_time = False
            if before is not None and now is not None and now[0].seq == stored:
                columns = now[1]
                same_place = before[2:6] == columns[4:8]
                same_time = before[6:8] == columns[8:10]
                # a point counted under the same type at the same place before and after
                type_and_point = (columns[10], columns[3])
                counted = same_place and bool(columns[3]) and before[:2] == type_and_point
            else:
                counted = False
            kept.append((same_place, same_time))
            if deltas is not None and not counted:
                if stored is not None:
                    old = con.execute(_AGGREGATED, (stored,)).fetchone()
                    if old is not None:
                        layer, event_type, point, x, y, text = old
                        migrations.tile_delta(deltas, layer, event_type, point, x, y, text, -1)
                if now is not None:
                    row = now[1]
                    migrations.tile_delta(
                        deltas, row[1], row[10], row[3], row[4], row[5], now[0].feature, 1
                    )
            if stored is not None and not same_place:
                # the grid entry goes first: its cell is found from the R*Tree's entry
                con.execute(_UNGRID, (stored,))
            if stored is not None and (now is None or now[0].seq != stored):
                con.execute("DELETE FROM items WHERE seq=?", (stored,))
                con.execute("DELETE FROM items_space WHERE id=?", (stored,))
                con.execute("DELETE FROM items_time WHERE id=?", (stored,))
        for (stored, now), (same_place, same_time) in zip(changed.values(), kept, strict=True):
            if now is None:
                continue
            item, columns = now
            row = item.row(columns)
            con.execute(_INSERT_ITEM, row)
            minx, miny, maxx, maxy, t0, t1 = row[4:10]
            k0 = migrations.LAYER_KEY[item.layer]
            k1 = k0 + migrations.LAYER_SPAN
            if same_place:
                pass  # its R*Tree and grid entries stand
            elif minx is not None:
                con.execute(
                    "INSERT OR REPLACE INTO items_space VALUES (?,?,?,?,?,?,?)",
                    (item.seq, minx, maxx, miny, maxy, k0, k1),
                )
                con.execute(_GRID, (item.seq,))  # with the R*Tree's (32-bit) bounds
            elif stored is not None:
                con.execute("DELETE FROM items_space WHERE id=?", (item.seq,))
            if same_time:
                pass
            elif t0 is not None:
                con.execute(
                    "INSERT OR REPLACE INTO items_time VALUES (?,?,?,?,?)",
                    (item.seq, t0, t1, k0, k1),
                )
            elif stored is not None:
                con.execute("DELETE FROM items_time WHERE id=?", (item.seq,))
        if deltas:
            migrations.write_tile_deltas(con, deltas)

    def append(
        self, layer: str, fid: str, seq: int, feature: dict[str, Any], text: str | None = None
    ) -> None:
        """Merge one more report (the newest; ``text`` its stored JSON) into the item of
        ``(layer, fid)``."""
        old = self._old(layer, fid)
        current = None if old is None else _decoded(old[1])
        if self.fixes:
            # a corrected or hidden item is merged again from its reports: what is stored
            # is not the merge of them
            if (
                current is None
                and self.con.execute(
                    "SELECT 1 FROM hidden WHERE layer=? AND id=?", (layer, fid)
                ).fetchone()
            ) or (current is not None and current["properties"].get("corrected") is True):
                self.remerge(layer, fid)
                return
        if old is None or current is None:
            self._store(layer, fid, seq, feature, merge_state([feature]), None, text)
            return
        merged, state = merge_append(current, _decoded(old[2]), feature)
        self._store(layer, fid, old[0], merged, state, old)

    def remerge(self, layer: str, fid: str) -> None:
        """Merge the item of ``(layer, fid)`` again from every report left (or drop it)."""
        rows = self.con.execute(
            "SELECT rowid, feature FROM features WHERE layer=? AND id=? ORDER BY rowid",
            (layer, fid),
        ).fetchall()
        old = self._old(layer, fid)
        self.con.execute("DELETE FROM hidden WHERE layer=? AND id=?", (layer, fid))
        if not rows:
            if old is not None:
                self._drop(layer, fid, old)
                totals = self.layer(layer)
                totals.count -= 1
                totals.shrink(tuple(old[3:9]))
            return
        reports = [orjson.loads(r[1]) for r in rows]
        self._store(layer, fid, rows[0][0], merge_group(reports), merge_state(reports), old)

    def finish(self) -> None:
        """Write the items, counts, extents and property names this transaction changed, and
        count one more change."""
        self._write_items()
        con = self.con
        con.execute("UPDATE meta SET value = value + 1 WHERE name='version'")
        # the grid and the point aggregate move with it when they were in step before this
        # transaction
        con.execute(
            "UPDATE meta SET value = value + 1 WHERE name IN ('grid', 'tiles')"
            " AND value = (SELECT value FROM meta WHERE name='version') - 1"
        )
        if self.documents:
            con.execute(
                "UPDATE stats SET count = count + ? WHERE name='documents'", (self.documents,)
            )
        for name, t in self.totals.items():
            if not t.changed:
                continue
            if t.stale:
                row = con.execute(
                    "SELECT min(minx), min(miny), max(maxx), max(maxy), min(t0), max(t1)"
                    " FROM items WHERE layer=?",
                    (name,),
                ).fetchone()
                t.box = list(row[:4]) if row[0] is not None else None
                t.span = list(row[4:6]) if row[4] is not None else None
            con.execute(
                "UPDATE stats SET count=?, minx=?, miny=?, maxx=?, maxy=?, t0=?, t1=?,"
                " properties=? WHERE name=?",
                (
                    t.count,
                    *(t.box or (None,) * 4),
                    *(t.span or (None, None)),
                    json.dumps(t.properties),
                    name,
                ),
            )


def rebuild_items(con: sqlite3.Connection) -> None:
    """Merge every stored report into ``items`` afresh and recount ``stats`` (migration to
    version 4; also repairs a store whose ``items`` were lost)."""
    con.execute("DELETE FROM items")
    con.execute("DELETE FROM items_space")
    con.execute("DELETE FROM items_time")
    con.execute("DELETE FROM items_grid")
    con.execute("DELETE FROM hidden")
    for statement in migrations.TILES:  # counted again from the items written below
        con.execute(statement)
    con.execute("DELETE FROM tile_cells")
    con.execute("DELETE FROM tile_points")
    con.execute("DELETE FROM stats")
    for name in ("documents", *LAYERS):
        con.execute("INSERT INTO stats(name) VALUES (?)", (name,))
    con.execute("UPDATE stats SET count=(SELECT count(*) FROM documents) WHERE name='documents'")
    write = _Write(con)
    for layer in LAYERS:
        write.layer(layer)
    groups: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
    for rowid, layer, fid, text in con.execute(
        "SELECT rowid, layer, id, feature FROM features ORDER BY rowid"
    ):
        groups.setdefault((layer, fid), []).append((rowid, json.loads(text)))
    for (layer, fid), rows in groups.items():
        reports = [f for _, f in rows]
        write._store(layer, fid, rows[0][0], merge_group(reports), merge_state(reports), None)
    write.finish()


_DOCUMENT_KEYS = ("id", "path", "title", "author", "publisher", "published", "url", "format")


class _Pool:
    """At most ``size`` read-only connections, made when first needed, shared by threads."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.size = size
        self._free: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._made: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def open(self, cache_kib: int = READER_CACHE_KIB) -> sqlite3.Connection:
        """A new read-only connection to the store, with geomap's SQL functions and a page
        cache of ``cache_kib`` (the file is read, not mapped: its pages stay out of the
        process's memory but for that cache)."""
        con = _functions(connect_readonly(self.path))
        con.execute(f"PRAGMA cache_size=-{cache_kib}")
        con.execute("PRAGMA mmap_size=0")
        con.execute("PRAGMA temp_store=MEMORY")
        return con

    @contextmanager
    def connection(self, wait: float = 30.0) -> Iterator[sqlite3.Connection]:
        con: sqlite3.Connection | None
        try:
            con = self._free.get_nowait()
        except queue.Empty:
            con = None
            with self._lock:
                grow = len(self._made) < self.size
                if grow:
                    con = self.open()
                    self._made.append(con)
            if con is None:
                try:
                    con = self._free.get(timeout=wait)
                except queue.Empty:
                    raise StoreError("the store is busy: no reader free; try again") from None
        assert con is not None
        try:
            yield con
        finally:
            if con.in_transaction:
                con.execute("ROLLBACK")
            self._free.put(con)

    def close(self) -> None:
        with self._lock:
            for con in self._made:
                con.close()
            self._made.clear()


class SQLiteStore:
    """A :class:`~geomap.store.base.Store` in a SQLite file.

    Opened normally it can write, and brings an older store up to date first (a store from a
    newer geomap is a StoreError). With ``readonly=True`` it never writes, never creates the
    file or its folder, and refuses a store of another schema version; ``readers`` bounds its
    pool of connections (one per concurrent reader thread).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, readers: int = 4) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._con: sqlite3.Connection | None = None
        self._pool: _Pool | None = None
        self._counted = RecentCounts()
        try:
            if readonly:
                if not self.path.is_file():
                    raise StoreError(
                        "no store here yet: run `geomap ingest` first", where=str(self.path)
                    )
                self._pool = _Pool(self.path, max(1, readers))
                with self._pool.connection() as con:
                    migrations.check_version(migrations.version(con))
            else:
                self._con = _functions(connect(self.path))
                self._con.execute("PRAGMA foreign_keys=ON")
                with immediate(self._con):
                    self.migrated_from = migrations.migrate(self._con, rebuild_items)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"cannot open the store ({exc})", where=str(self.path)) from exc
        except StoreError as exc:
            self.close()
            if exc.where is None:
                exc.where = str(self.path)
            raise

    # --- connections -----------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A connection to read from, in one read transaction (one consistent snapshot)."""
        try:
            if self._pool is not None:
                with self._pool.connection() as con:
                    with self._snapshot(con):
                        yield con
            else:
                assert self._con is not None
                with self._snapshot(self._con):
                    yield self._con
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot read the store ({exc})") from exc

    @staticmethod
    @contextmanager
    def _snapshot(con: sqlite3.Connection) -> Iterator[None]:
        if con.in_transaction:  # a writer reading inside its own transaction
            yield
            return
        con.execute("BEGIN")
        try:
            yield
        finally:
            if con.in_transaction:
                con.execute("COMMIT")

    def _writer(self) -> sqlite3.Connection:
        if self._con is None:
            raise StoreError("this store was opened read-only", where=str(self.path))
        return self._con

    # --- writes ----------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """True when a document with this content hash is stored."""
        with self._reading() as con:
            row = con.execute("SELECT 1 FROM documents WHERE id=?", (document_id,)).fetchone()
        return row is not None

    def extractor_of(self, document_id: str) -> str | None:
        """The extraction a stored document's features came from ('' when not recorded), or
        None when the document is not stored."""
        with self._reading() as con:
            row = con.execute(
                "SELECT extractor FROM documents WHERE id=?", (document_id,)
            ).fetchone()
        return None if row is None else str(row[0])

    def add(
        self,
        document: Document,
        features: dict[str, list[dict[str, Any]]],
        extractor: str = "",
        *,
        replace: bool = False,
    ) -> bool:
        """Store a document and its features, merged into what other documents report, in
        one transaction; False if it was already there. With ``replace``, a stored document's
        features are replaced by these (re-extraction)."""
        return self.add_many([Addition(document, features, extractor, replace)])[0]

    def add_many(self, additions: Sequence[Addition]) -> list[bool]:
        """:meth:`add` each of ``additions`` in turn, all in one transaction (each merged
        feature is written once, however many of them report it); for each, False if it was
        already there."""
        con = self._writer()
        with immediate(con):
            write = _Write(con)
            added = [self._add(con, write, *a) for a in additions]
            if any(added):
                write.finish()
        return added

    def _add(
        self,
        con: sqlite3.Connection,
        write: _Write,
        document: Document,
        features: dict[str, list[dict[str, Any]]],
        extractor: str,
        replace: bool,
    ) -> bool:
        """One document of :meth:`add_many`, inside its transaction and ``write``."""
        stored = con.execute("SELECT 1 FROM documents WHERE id=?", (document.id,)).fetchone()
        if stored and not replace:
            return False
        again: set[tuple[str, str]] = set()
        if stored:
            again = {
                (layer, fid)
                for layer, fid in con.execute(
                    "SELECT layer, id FROM features WHERE document_id=?", (document.id,)
                )
            }
            con.execute("DELETE FROM features WHERE document_id=?", (document.id,))
            con.execute(
                "UPDATE documents SET path=?, title=?, author=?, publisher=?, published=?,"
                " url=?, format=?, extractor=?, ingested=? WHERE id=?",
                (
                    *document_row(document)[1:6],
                    document.url,
                    document.format,
                    extractor,
                    time.time(),
                    document.id,
                ),
            )
            # merged again without the old reports first: their rowids may be given to
            # the new reports, which then merge in as the newest
            for layer, fid in sorted(again):
                write.remerge(layer, fid)
        else:
            con.execute(
                "INSERT INTO documents(id, path, title, author, publisher, published, text,"
                " ingested, extractor, url, format) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    *document_row(document),
                    time.time(),
                    extractor,
                    document.url,
                    document.format,
                ),
            )
            write.documents += 1
        reports = latest_reports(features)
        for (layer, fid), f in reports.items():
            text = _dumps(f)
            cur = con.execute(
                "INSERT INTO features VALUES (?,?,?,?)", (fid, layer, document.id, text)
            )
            assert cur.lastrowid is not None
            write.append(layer, fid, cur.lastrowid, f, text)
        return True

    def remove(self, document_id: str) -> bool:
        """Remove a document; what it reported is merged again from the other documents (or
        removed when it alone reported it), in the same transaction."""
        con = self._writer()
        with immediate(con):
            touched = sorted(
                (layer, fid)
                for layer, fid in con.execute(
                    "SELECT layer, id FROM features WHERE document_id=?", (document_id,)
                )
            )
            if not con.execute("DELETE FROM documents WHERE id=?", (document_id,)).rowcount:
                return False
            con.execute("DELETE FROM features WHERE document_id=?", (document_id,))
            write = _Write(con)
            write.documents -= 1
            for layer, fid in touched:
                write.remerge(layer, fid)
            write.finish()
        return True

    def add_corrections(self, corrections: Iterable[Correction]) -> int:
        """Store corrections (those already stored, by id, are skipped) and apply them to the
        merged features they concern, in one transaction; how many were new."""
        con = self._writer()
        added = 0
        with immediate(con):
            write = _Write(con)
            touched: set[tuple[str, str]] = set()
            for c in corrections:
                cur = con.execute(
                    "INSERT OR IGNORE INTO corrections(id, layer, feature_id, action,"
                    " document_id, quote_start, quote_end, created, correction)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        c.id,
                        c.layer,
                        c.feature_id,
                        c.action,
                        c.document_id,
                        c.quote_start,
                        c.quote_end,
                        c.created,
                        _dumps(c.to_dict()),
                    ),
                )
                if cur.rowcount:
                    added += 1
                    touched |= write.concerned(c)
            if not added:
                return 0
            for layer, fid in sorted(touched):
                write.remerge(layer, fid)
            write.finish()
        return added

    def remove_corrections(self, ids: Iterable[str]) -> int:
        """Remove the corrections with these ids; the features they concerned are merged
        again without them, in the same transaction. How many were removed."""
        con = self._writer()
        with immediate(con):
            write = _Write(con)
            touched: set[tuple[str, str]] = set()
            removed = 0
            for cid in dict.fromkeys(ids):
                row = con.execute(
                    "SELECT correction FROM corrections WHERE id=?", (cid,)
                ).fetchone()
                if row is None:
                    continue
                touched |= write.concerned(Correction.from_dict(json.loads(row[0])))
                con.execute("DELETE FROM corrections WHERE id=?", (cid,))
                removed += 1
            if not removed:
                return 0
            for layer, fid in sorted(touched):
                write.remerge(layer, fid)
            write.finish()
        return removed

    def migrate(self) -> int:
        """The version the store had when this writer opened it (it is current now)."""
        self._writer()
        return self.migrated_from

    def optimize(self) -> None:
        """Refresh the query planner's statistics (``ANALYZE``; after large ingests)."""
        self._writer().execute("ANALYZE")

    # --- reads -----------------------------------------------------------------------------

    def select(self, query: Query) -> Page:
        """One page of the features ``query`` matches, with the number matched."""
        check_layer(query.layer)
        grid = COMPILER.grid_page(query)
        with self._reading() as con:
            in_step, version = con.execute(_READ_STATE).fetchone()
            page = grid if grid is not None and in_step else COMPILER.page(query)
            # the page in one row: one step of SQLite (each step lets go of the GIL and
            # waits to take it back, a row at a time when other threads are busy)
            n, last, sizes, joined = con.execute(
                "SELECT count(*), max(seq), group_concat(length(CAST(feature AS BLOB))),"
                f" CAST(group_concat(feature, ',') AS BLOB) FROM ({page.sql})",
                page.params,
            ).fetchone()
            matched = self._count(con, query, version)
        if not n:
            return Page.from_features([], None, matched, query, b"")
        return Page.from_joined(joined, sizes, n, last, matched, query)

    def count(self, query: Query) -> int:
        """How many features ``query`` matches (its paging ignored)."""
        check_layer(query.layer)
        with self._reading() as con:
            return self._count(con, query)

    def _count(self, con: sqlite3.Connection, query: Query, version: int | None = None) -> int:
        """What ``query`` matches, counted in the read transaction open on ``con``
        (``version``: its ``data_version``, when already read in it).

        A reader remembers the count of a recent query for as long as the store is unchanged:
        the key holds the connection's ``data_version`` (which moves with every commit by any
        other connection, this process's or another's) as read in this snapshot. A writer's
        own commits do not move it, so a writer counts every time."""
        if query.bbox is None and not query.timed and not query.where:
            row = con.execute("SELECT count FROM stats WHERE name=?", (query.layer,)).fetchone()
            return int(row[0]) if row else 0
        key: tuple[Any, ...] | None = None
        if self._pool is not None:
            if version is None:
                version = con.execute("PRAGMA data_version").fetchone()[0]
            asked = replace(query, sortby=(), limit=None, offset=0, after=None)
            key = (id(con), version, asked)
            found = self._counted.get(key)
            if found is not None:
                return found
        statement = COMPILER.count(query)
        n = int(con.execute(statement.sql, statement.params).fetchone()[0])
        if key is not None:
            self._counted.put(key, n)
        return n

    def stream(self, query: Query) -> Iterator[str]:
        """Every feature ``query`` matches (offset and limit applied) as GeoJSON text, in
        order, fetched in batches from one snapshot on a connection of its own."""
        check_layer(query.layer)
        statement = COMPILER.page(query, columns="i.feature")
        return self._stream(statement.sql, statement.params)

    def _stream(self, sql: str, params: dict[str, Any]) -> Iterator[str]:
        for (text,) in self._rows(sql, params):
            yield text

    def _rows(self, sql: str, params: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql``, fetched in batches from one snapshot on a connection of their
        own (a reader's) or the writer's."""
        own = self._pool.open(STREAM_CACHE_KIB) if self._pool is not None else None
        con = own or self._writer()
        try:
            with self._snapshot(con):
                cursor = con.execute(sql, params)
                while batch := cursor.fetchmany(BATCH):
                    yield from batch
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot read the store ({exc})") from exc
        finally:
            if own is not None:
                own.close()

    def document(self, document_id: str) -> dict[str, Any]:
        """A stored document's metadata, ``ingested`` (Unix time) and ``text`` (the text every
        offset indexes); NotFound naming the id when there is none."""
        with self._reading() as con:
            row = con.execute(
                f"SELECT {', '.join(_DOCUMENT_KEYS)}, ingested, text FROM documents WHERE id=?",
                (document_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"no document {document_id!r}")
        return dict(zip((*_DOCUMENT_KEYS, "ingested", "text"), row, strict=True))

    def documents(self) -> Iterator[Document]:
        """Every stored document, first ingested first, as the Document it was ingested from;
        read in batches from one snapshot."""
        for r in self._rows(
            "SELECT id, path, text, title, author, publisher, published, url, format"
            " FROM documents ORDER BY rowid",
            {},
        ):
            yield Document(
                id=r[0],
                path=r[1],
                text=r[2],
                title=r[3],
                author=r[4],
                publisher=r[5],
                published=date.fromisoformat(r[6]) if r[6] else None,
                url=r[7],
                format=r[8] or "text",
            )

    def corrections(self) -> list[Correction]:
        """Every stored correction, oldest first."""
        with self._reading() as con:
            rows = con.execute(
                "SELECT correction FROM corrections ORDER BY created, rowid"
            ).fetchall()
        return [Correction.from_dict(json.loads(r[0])) for r in rows]

    def version(self) -> str:
        """The store's change counter as text (one more per write transaction readers can
        see); one indexed read."""
        with self._reading() as con:
            row = con.execute("SELECT value FROM meta WHERE name='version'").fetchone()
        return str(row[0] if row else 0)

    def feature(self, layer: str, feature_id: str) -> dict[str, Any]:
        """One merged feature of a layer by id; NotFound naming it when there is none."""
        check_layer(layer)
        with self._reading() as con:
            row = con.execute(
                "SELECT feature FROM items WHERE layer=? AND id=?", (layer, feature_id)
            ).fetchone()
        if row is None:
            raise NotFound(f"no feature {feature_id!r} in layer {layer!r}")
        return json.loads(row[0])  # type: ignore[no-any-return]

    def layer_stats(self, layer: str) -> LayerStats:
        """Count, extents and property names of a layer, from ``stats``."""
        check_layer(layer)
        with self._reading() as con:
            row = con.execute(
                "SELECT count, minx, miny, maxx, maxy, t0, t1, properties FROM stats WHERE name=?",
                (layer,),
            ).fetchone()
        if row is None:
            return LayerStats(layer, 0, None, (None, None))
        box = None if row[1] is None else (row[1], row[2], row[3], row[4])
        first = None if row[5] is None else date.fromordinal(row[5])
        last = None if row[6] is None else date.fromordinal(row[6])
        return LayerStats(layer, int(row[0]), box, (first, last), tuple(json.loads(row[7])))

    def counts(self) -> dict[str, int]:
        """Feature count per layer (merged features), plus ``documents``."""
        out = {name: 0 for name in LAYERS}
        out["documents"] = 0
        with self._reading() as con:
            for name, n in con.execute("SELECT name, count FROM stats"):
                out[name] = int(n)
        return out

    def health(self, *, check: bool = False) -> dict[str, Any]:
        """What ``geomap store stats`` prints: schema, file sizes, counts per layer and whether
        the indexes agree with the rows (with ``check``, SQLite's own checks of the file and
        of both R*Trees too, which read everything). ``problems`` lists what is wrong."""
        wal = self.path.with_name(self.path.name + "-wal")
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "bytes": self.path.stat().st_size,
            "wal_bytes": wal.stat().st_size if wal.exists() else 0,
            "layers": {},
            "problems": [],
        }
        problems: list[str] = out["problems"]
        with self._reading() as con:
            out["documents"] = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            out["reports"] = con.execute("SELECT count(*) FROM features").fetchone()[0]
            out["analyzed"] = bool(
                con.execute("SELECT 1 FROM sqlite_master WHERE name='sqlite_stat1'").fetchone()
            )
            stats = dict(con.execute("SELECT name, count FROM stats").fetchall())
            if stats.get("documents") != out["documents"]:
                problems.append(
                    f"documents: stats say {stats.get('documents')}, the table holds"
                    f" {out['documents']}"
                )
            space = con.execute("SELECT count(*) FROM items_space").fetchone()[0]
            timed = con.execute("SELECT count(*) FROM items_time").fetchone()[0]
            with_box = with_time = 0
            out["corrections"] = con.execute("SELECT count(*) FROM corrections").fetchone()[0]
            for layer in LAYERS:
                n, boxed, dated = con.execute(
                    "SELECT count(*), count(minx), count(t0) FROM items WHERE layer=?",
                    (layer,),
                ).fetchone()
                reported = con.execute(
                    "SELECT count(DISTINCT id) FROM features WHERE layer=?", (layer,)
                ).fetchone()[0]
                hidden = con.execute(
                    "SELECT count(*) FROM hidden WHERE layer=?", (layer,)
                ).fetchone()[0]
                out["layers"][layer] = {
                    "features": n,
                    "reported": reported,
                    "hidden": hidden,
                    "dated": dated,
                }
                with_box += boxed
                with_time += dated
                if stats.get(layer) != n:
                    problems.append(f"{layer}: stats say {stats.get(layer)}, items hold {n}")
                if reported != n + hidden:
                    problems.append(
                        f"{layer}: {reported} ids reported, {n} merged features and {hidden} hidden"
                    )
                key = migrations.LAYER_KEY[layer]
                for table, what, want in (
                    ("items_space", "spatial", boxed),
                    ("items_time", "time", dated),
                ):
                    got = con.execute(f"SELECT count(*) FROM {table} WHERE l0 = ?", (key,))
                    entries = got.fetchone()[0]
                    if entries != want:
                        problems.append(
                            f"{what} index: {entries} entries of {layer} for {want} items"
                        )
            if space != with_box:
                problems.append(f"spatial index: {space} entries for {with_box} geometries")
            if timed != with_time:
                problems.append(f"time index: {timed} entries for {with_time} dated features")
            out["spatial_index"], out["time_index"] = space, timed
            out["grid"] = con.execute("SELECT count(*) FROM items_grid").fetchone()[0]
            out["grid_in_step"] = migrations.grid_in_step(con)
            if out["grid_in_step"] and out["grid"] != space:
                problems.append(f"grid: {out['grid']} entries for {space} in the spatial index")
            if check:
                result = con.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    problems.append(f"quick_check: {result}")
                for table in ("items_space", "items_time"):
                    result = con.execute(f"SELECT rtreecheck('{table}')").fetchone()[0]
                    if result != "ok":
                        problems.append(f"{table}: {result}")
                if out["grid_in_step"]:
                    missing = con.execute(
                        "SELECT count(*) FROM items_space s WHERE NOT EXISTS (SELECT 1 FROM"
                        " items_grid g WHERE g.cell = geomap_grid_cell(CAST(s.l0 AS INTEGER),"
                        " s.minx, s.maxx, s.miny, s.maxy) AND"
                        " g.seq = s.id AND g.minx = s.minx AND g.maxx = s.maxx AND"
                        " g.miny = s.miny AND g.maxy = s.maxy)"
                    ).fetchone()[0]
                    if missing:
                        problems.append(f"grid: {missing} entries of the spatial index missing")
        return out

    def tile(self, query: Query, z: int, x: int, y: int) -> bytes:
        """The Mapbox Vector Tile of what ``query`` matches in tile ``z/x/y`` (see
        :meth:`Store.tile`), encoded by :func:`geomap.tiles.encode` (or, from the point
        aggregate, :func:`geomap.tiles.encode_clusters`)."""
        from dataclasses import replace

        from geomap import tiles

        check_layer(query.layer)
        kind = tiles.aggregate_kind(query, z)
        if kind is not None and len(kind) <= 1:  # several types: the features (none asks yet)
            with self._reading() as con:
                size, in_step = con.execute(_TILE_STATE, (query.layer,)).fetchone()
                cells = self._cells(con, query.layer, kind, size, z, x, y) if in_step else None
            if cells is not None:
                return tiles.encode_clusters(query.layer, cells, z, x, y)
        else:
            size = self.layer_stats(query.layer).count
        narrowed = tiles.tile_query(query, z, x, y, layer_size=size)
        if narrowed is None:
            return b""
        with self._reading() as con:
            levels: list[int] = []

            def count(q: Query) -> int:
                # every level's count from one pass over the tile (levels are a Python function)
                if not levels:
                    kept = tuple(p for p in q.where if not isinstance(p, Sampled))
                    plain = replace(q, where=kept)
                    bind = Bind(COMPILER)
                    where = COMPILER.where(plain, bind, keyset=False)
                    found = dict(
                        con.execute(
                            f"SELECT geomap_level(i.id), count(*) FROM {COMPILER.source(plain)}"
                            f" WHERE {where} GROUP BY 1",
                            bind.params,
                        ).fetchall()
                    )
                    levels.extend(found.get(k, 0) for k in range(tiles.FULL_ZOOM + 1))
                k = min(p.zoom for p in q.where if isinstance(p, Sampled))
                return sum(levels[: k + 1])

            thinned = tiles.thin(narrowed, size, count)
            statement = COMPILER.page(
                replace(thinned, limit=tiles.MAX_FEATURES), columns="i.seq, i.feature"
            )
            rows = con.execute(statement.sql, statement.params).fetchall()
        return tiles.encode(query.layer, (json.loads(r[1]) for r in rows), z, x, y)

    @staticmethod
    def _cells(
        con: sqlite3.Connection,
        layer: str,
        kind: tuple[str, ...],
        size: int,
        z: int,
        x: int,
        y: int,
    ) -> list[tuple[Any, ...]] | None:
        """The cells of the zoomed-out tile ``z/x/y`` of ``layer`` (the event type ``kind``,
        () every one) and of its edge, from the point aggregate (in step: the caller checked),
        as :func:`geomap.tiles.encode_clusters` draws them, as the PostGIS store draws them:
        for a layer of more than :data:`~geomap.tiles.CLUSTER_ABOVE` features, or where the
        tile holds more than :data:`~geomap.tiles.CLUSTER_TILE_ABOVE`; None when it is drawn
        from the features (a sparse tile of a smaller layer)."""
        from geomap import tiles

        grid = tiles.AGGREGATE_GRID
        own: dict[str, Any] = {
            "layer": layer, "z": z, "x0": x * grid, "x1": x * grid + grid - 1,
            "y0": y * grid, "y1": y * grid + grid - 1,
        }  # fmt: skip
        table, typed = ("tile_cells", " AND kind = :kind") if kind else ("tile_points", "")
        if kind:
            own["kind"] = kind[0]
        cells = (
            f"FROM {table} WHERE layer = :layer AND z = :z AND cx BETWEEN :x0 AND :x1"
            f" AND cy BETWEEN :y0 AND :y1 AND n > 0{typed}"
        )
        if size <= tiles.CLUSTER_ABOVE:
            dense = con.execute(f"SELECT coalesce(sum(n), 0) {cells}", own).fetchone()[0]
            if dense <= tiles.CLUSTER_TILE_ABOVE:
                return None
        # the tile's cells and one more on every side (its buffer is one cell wide)
        edge = {**own, "x0": own["x0"] - 1, "x1": own["x1"] + 1,
                "y0": own["y0"] - 1, "y1": own["y1"] + 1}  # fmt: skip
        pick = f"n, sx, sy, {':kind' if kind else 'kind'}"
        return con.execute(f"SELECT {pick} {cells} ORDER BY cy, cx", edge).fetchall()

    def layer(self, name: str) -> list[dict[str, Any]]:
        """Every feature of a layer, decoded, in order (small layers and tests)."""
        return list(decode(self.stream(Query(check_layer(name)))))

    def close(self) -> None:
        """Let go of every connection."""
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._pool is not None:
            self._pool.close()
