"""The PostGIS store: documents, their reports of features and the merged features in a
PostgreSQL database with PostGIS (``GEOMAP_STORE=postgresql://user:pass@host:5432/db``).

The same :class:`~geomap.store.base.Store` as :mod:`geomap.store.sqlite`, answering every query
the same way (the WHERE clauses come from :mod:`geomap.store.sql`; only the spelling differs):
the bbox through a GIST index on ``geometry(Geometry, 4326)``, dates and filters through
B-tree indexes, paging by keyset, counts from the same WHERE clause, one page and its count
from one snapshot. Tiles come from ``ST_AsMVT`` (:meth:`PostGISStore.tile`).

Writes merge at write time like SQLite's, one transaction per :meth:`PostGISStore.add_many`
(``geomap ingest`` writes a batch of documents at a time): a few statements per document and
one per batch for every merged item it touched, the arrays sent in binary. Concurrent writers
(several ``geomap ingest`` processes on one database) take a transaction-level advisory lock
first, so they merge one after the other and a feature is never merged twice or lost. Readers
(the server) use a pool of connections (psycopg_pool) whose sessions are read-only.

Everything lives in the schema ``geomap`` of the database; :mod:`geomap.store.pg_migrations`
creates and upgrades it (run by ingest, remove, ``geomap store migrate`` and the start of
``geomap serve``; a reader refuses a database of another schema version).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import orjson

from geomap.errors import InvalidParameter, NotFound, StoreError, Unsupported
from geomap.features.corrections import Correction
from geomap.features.features import LAYERS
from geomap.features.merge import merge_append, merge_group, merge_state
from geomap.model import Document
from geomap.store import cql2, pg_migrations
from geomap.store.base import (
    Addition,
    LayerStats,
    Page,
    Predicate,
    Query,
    Sampled,
    boxes,
    check_layer,
    decode,
    fold,
    latest_reports,
)
from geomap.store.query import _bounds, time_span
from geomap.store.sql import (
    Bind,
    Compiler,
    LayerTotals,
    RecentCounts,
    Statement,
    document_row,
)

SCHEMA = pg_migrations.SCHEMA
BATCH = 500  # rows fetched at a time by a stream
NO_CORRECTIONS = (
    "corrections are kept by the SQLite store only; the PostGIS store does not take them yet"
)
WRITE_LOCK = 0x67656F6D  # advisory lock key every writer takes ("geom")
READ_TIMEOUT_MS = 30_000  # a reader's statement taking longer is cancelled (a clear error)
# the store's version: every write updates stats, so the transaction ids of its rows move
_VERSION = f"SELECT string_agg(xmin::text, '.' ORDER BY name) FROM {SCHEMA}.stats"
READER_SESSION = {
    "autocommit": True,
    "options": "-c default_transaction_read_only=on"
    f" -c statement_timeout={READ_TIMEOUT_MS}"
    # a read is a few milliseconds: compiling it (JIT, on by default from PostgreSQL 12 for
    # plans costed above jit_above_cost) would cost more
    " -c jit=off",
}  # a reader's session (the server's pools, threaded and asynchronous)
ASYNC_READER_NAME = "geomap-async-reader"  # its sessions' application_name (pg_stat_activity)


def is_url(value: object) -> bool:
    """True when ``value`` names a PostgreSQL database (``postgresql://`` or ``postgres://``)."""
    text = str(value)
    return text.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password (for messages)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


class PostGISCompiler(Compiler):
    """PostgreSQL's spelling: psycopg placeholders, the GIST index for bbox, jsonb for
    properties without a column of their own."""

    table = f"{SCHEMA}.items"

    def placeholder(self, name: str) -> str:
        return f"%({name})s"

    def layer_clause(self, layer: str, bind: Bind) -> str:
        # a literal (one of the layers), so that every plan of a statement, a prepared one's
        # generic plan too, knows the layer: its size and its own spatial index
        # (pg_migrations.OWN_SPATIAL_INDEX)
        return f"i.layer = '{check_layer(layer)}'"

    def bbox_clause(self, query: Query, bind: Bind) -> list[str]:
        assert query.bbox is not None
        box = _box(query.bbox, bind)
        return [f"i.geom && {box}", f"ST_Intersects(i.geom, {box})"]

    def time_clause(self, query: Query, bind: Bind) -> list[str]:
        exact = super().time_clause(query, bind)
        low = None if query.start is None else query.start.toordinal()
        high = None if query.end is None else query.end.toordinal()
        span = f"int4range({bind(low)}::integer, {bind(high)}::integer, '[]')"  # null: open
        return [f"int4range(i.t0, i.t1, '[]') && {span}", *exact]

    def _value(self, name: str, bind: Bind) -> str:
        return f"((i.feature::jsonb) -> 'properties' -> {bind(name)})"

    def property_equals(self, name: str, value: str, bind: Bind) -> str:
        raw = self._value(name, bind)
        if name == "id":
            raw = f"coalesce({raw}, to_jsonb(i.id))"
        return f"{SCHEMA}.prop_equal({raw}, {bind(value)})"

    def property_text(self, name: str, bind: Bind) -> str:
        return f"{SCHEMA}.fold_text({self._value(name, bind)})"

    def contains(self, expr: str, needle: str, bind: Bind) -> str:
        return f"strpos({expr}, {bind(needle)}) > 0"

    def queryable(self, q: cql2.Queryable, bind: Bind, layer: str = "") -> str:
        from geomap.tiles import TILE_PROPERTIES

        if (
            q.name in pg_migrations.NUMBERS
            and q.kind in ("integer", "number")
            and q.name in TILE_PROPERTIES.get(layer, ())
        ):
            return f"i.{q.name}"  # the tile's number, typed (null when not a number)
        if q.name != "id" and q.name in TILE_PROPERTIES.get(layer, ()):
            # kept in the narrow jsonb column too (scalars as they are): no feature to parse
            value = f"(i.tile -> {bind(q.name)})"
        else:
            value = self._value(q.name, bind)
        if q.kind in ("integer", "number"):
            return (
                f"(CASE WHEN jsonb_typeof({value}) = 'number'"
                f" THEN ({value} #>> '{{}}')::float8 END)"
            )
        return f"(CASE WHEN jsonb_typeof({value}) = 'string' THEN {value} #>> '{{}}' END)"

    def spatial(self, op: str, shape: Any, bind: Bind) -> str:
        literal = f"ST_GeomFromWKB({bind(shape.wkb)}, 4326)"
        function = _SPATIAL[op]
        if op == "disjoint":
            return f"(i.geom IS NOT NULL AND {function}(i.geom, {literal}))"
        return f"(i.geom && {literal} AND {function}(i.geom, {literal}))"

    def like(self, expr: str, pattern: str, negated: bool) -> str:
        return f"({expr} {'NOT ' if negated else ''}LIKE {pattern} ESCAPE '\\')"

    def lower(self, expr: str) -> str:
        return f'lower(({expr}) COLLATE "und-x-icu")'

    def sampled(self, zoom: int, bind: Bind) -> str:
        # a literal, so that the partial index of that level serves it
        return f"i.lvl <= {int(zoom)}"

    def predicate(self, predicate: Predicate, bind: Bind, layer: str = "") -> str:
        if isinstance(predicate, Sampled) and layer in pg_migrations.OWN_SPATIAL_INDEX:
            # a smaller layer's sample: read through the layer's own spatial index, not the
            # level's (which holds every layer's rows of that level: 250,000 incidents at 1M)
            return f"(i.lvl + 0) <= {int(predicate.zoom)}"
        return super().predicate(predicate, bind, layer)

    def page(self, query: Query, columns: str = "i.seq, i.feature") -> Statement:
        """The page of ``query``; for a page of a small box in ingest order, read by place.

        The GIST index hands out every row in the box, which would all be read and sorted for
        the first ``limit`` in ingest order. ``items_cell`` orders the rows by grid cell
        (:data:`~geomap.store.pg_migrations.CELL_SIZE`), then by ``seq``: each cell the box
        touches is read in ingest order, lazily, and merged (``Merge Append``), so a page reads
        about as many rows as it returns, and each branch returns the ``columns`` of the rows
        it reads (no second lookup by ``seq``). Cells wholly inside the box need no geometry
        test; cells on its edge test each row they read; geometries spanning several cells
        (cell -1) are read and tested as one more cell. The same rows, in the same order, as
        the plain statement (which serves every other query)."""
        cells = _cells(query)
        if cells is None:
            return super().page(query, columns)
        inside, edge = cells
        assert query.limit is not None and query.bbox is not None
        bind = Bind(self)
        base = self.where(replace(query, bbox=None), bind)
        # _ST_Intersects: the exact test without its index condition, so that the planner reads
        # each cell by items_cell, in seq order, rather than the whole box by GIST
        hit = f"_ST_Intersects(i.geom, {_box(query.bbox, bind)})"
        n = bind(query.limit + (query.offset if query.after is None else 0))
        cell = f"{SCHEMA}.cell(i.geom)"
        # each branch reads its rows' columns as it reads them (the row is at hand: no second
        # lookup by seq); a text is only read (detoasted) for the rows the page keeps
        names = [c.strip().removeprefix("i.") for c in columns.split(",")]
        read = ", ".join(f"i.{name}" for name in dict.fromkeys(["seq", *names]))
        branches = [
            f"(SELECT {read} FROM {self.table} i WHERE {base} AND {cell} = {bind(c)}"
            f" ORDER BY i.seq LIMIT {n})"
            for c in inside
        ] + [
            f"(SELECT {read} FROM {self.table} i WHERE {base} AND {cell} = {bind(c)} AND {hit}"
            f" ORDER BY i.seq LIMIT {n})"
            for c in (*edge, -1)
        ]
        kept = ", ".join(f"u.{name}" for name in names)
        sql = f"SELECT {kept} FROM ({' UNION ALL '.join(branches)}) u ORDER BY u.seq"
        sql += f" LIMIT {bind(query.limit)}"
        if query.offset and query.after is None:
            sql += f" OFFSET {bind(query.offset)}"
        return Statement(sql, bind.params)


def _box(bbox: Any, bind: Bind) -> str:
    """``bbox`` as a geometry whose intersection is the query's: a box with no width or no
    height is a line or a point (PostGIS's box2d cast), which a point on it intersects, where
    a polygon with no area would not be intersected at all."""
    minx, miny, maxx, maxy = (bind(float(v)) for v in bbox)
    corners = f"ST_Point({minx}, {miny}), ST_Point({maxx}, {maxy})"
    return f"ST_SetSRID(ST_MakeBox2D({corners})::geometry, 4326)"


MAX_CELLS = 64  # a box touching more grid cells is paged through the GIST index


def _cells(query: Query) -> tuple[list[int], list[int]] | None:
    """The grid cells (``geomap.cell``) a page of ``query`` reads by place: (cells wholly
    inside its box, cells on its edge); None when the page is read another way (no box, a box
    across the antimeridian or touching more than :data:`MAX_CELLS` cells, a sort order, no
    limit)."""
    import math

    if query.bbox is None or query.limit is None or query.sortby or query.empty:
        return None
    if len(boxes(query.bbox)) != 1:
        return None
    minx, miny, maxx, maxy = query.bbox
    size, stride = pg_migrations.CELL_SIZE, pg_migrations.CELL_STRIDE
    # the same arithmetic as geomap.cell (IEEE doubles): a point in the box has its cell here
    x0, x1 = math.floor((minx + 180.0) / size), math.floor((maxx + 180.0) / size)
    y0, y1 = math.floor((miny + 90.0) / size), math.floor((maxy + 90.0) / size)
    if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS:
        return None
    margin = 1e-9  # far above the rounding of x + 180; a cell this close to an edge is tested
    inside: list[int] = []
    edge: list[int] = []
    for cy in range(y0, y1 + 1):
        for cx in range(x0, x1 + 1):
            within = (
                cx * size - 180.0 > minx + margin
                and (cx + 1) * size - 180.0 < maxx - margin
                and cy * size - 90.0 > miny + margin
                and (cy + 1) * size - 90.0 < maxy - margin
            )
            (inside if within else edge).append(cy * stride + cx)
    return inside, edge


_SPATIAL = {
    "intersects": "ST_Intersects",
    "disjoint": "ST_Disjoint",
    "within": "ST_Within",
    "contains": "ST_Contains",
    "equals": "ST_Equals",
    "touches": "ST_Touches",
    "crosses": "ST_Crosses",
    "overlaps": "ST_Overlaps",
}


COMPILER = PostGISCompiler()


def _dumps(value: Any) -> str:
    """Compact JSON text (UTF-8, not ASCII-escaped), as stored (as the SQLite store's)."""
    return orjson.dumps(value).decode()


def _decoded(value: str | dict[str, Any]) -> dict[str, Any]:
    """A stored JSON text as a dict (a dict, changed in this transaction, as it is)."""
    return value if isinstance(value, dict) else orjson.loads(value)


def _days(props: dict[str, Any]) -> tuple[int | None, int | None]:
    start, end = time_span(props)
    if start is None or end is None:
        return None, None
    return start.toordinal(), end.toordinal()


def _number(value: Any) -> float | None:
    """A tile property as its typed column holds it: numbers only (not booleans)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _item_row(seq: int, layer: str, fid: str, feature: dict[str, Any], state: Any) -> dict:  # type: ignore[type-arg]
    """The columns of one ``items`` row (:data:`_ITEM_COLUMNS`), its property names
    (``props``) and its bounds (``minx`` .. ``maxy``)."""
    from geomap.tiles import level, tile_properties

    geometry = feature.get("geometry")
    props = feature.get("properties") or {}
    t0, t1 = _days(props)
    box = _bounds(geometry)
    tile = tile_properties(layer, props)
    return {
        "seq": seq,
        "layer": layer,
        "id": fid,
        "geom": _dumps(geometry) if geometry else None,
        "minx": box[0] if box else None,
        "miny": box[1] if box else None,
        "maxx": box[2] if box else None,
        "maxy": box[3] if box else None,
        "t0": t0,
        "t1": t1,
        "event_type": fold(props.get("event_type")),
        "actor1": fold(props["actor1"]) if isinstance(props.get("actor1"), str) else None,
        "actor2": fold(props["actor2"]) if isinstance(props.get("actor2"), str) else None,
        "actor": fold(props["actor"]) if isinstance(props.get("actor"), str) else None,
        "country_code": fold(props.get("country_code")),
        "tile": _dumps(tile),
        **{name: _number(tile.get(name)) for name in pg_migrations.NUMBERS},
        "lvl": level(fid),
        "feature": _dumps(feature),
        "merge_state": _dumps(state),
        "props": list(props),
    }


# the columns of an ``items`` row as :func:`_item_row` gives them, with their SQL types
_ITEM_COLUMNS = (
    ("seq", "bigint"),
    ("layer", "text"),
    ("id", "text"),
    ("geom", "text"),
    ("t0", "integer"),
    ("t1", "integer"),
    ("event_type", "text"),
    ("actor1", "text"),
    ("actor2", "text"),
    ("actor", "text"),
    ("country_code", "text"),
    ("tile", "text"),
    ("feature", "text"),
    ("merge_state", "text"),
    ("lvl", "smallint"),
    ("n_sources", "double precision"),
    ("geo_precision", "double precision"),
)
_UPDATED = [c for c, _ in _ITEM_COLUMNS if c not in ("layer", "id", "lvl")]
# every changed item in one statement: a column per array (sent in binary, so that no JSON
# text is escaped on the way), one row per item
_UPSERT_ITEMS = f"""
INSERT INTO {SCHEMA}.items ({", ".join(c for c, _ in _ITEM_COLUMNS)})
SELECT u.seq, u.layer, u.id,
    CASE WHEN u.geom IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(u.geom), 4326) END,
    u.t0, u.t1, u.event_type, u.actor1, u.actor2, u.actor, u.country_code, u.tile::jsonb,
    u.feature, u.merge_state, u.lvl, u.n_sources, u.geo_precision
FROM unnest({", ".join(f"%b::{t}[]" for _, t in _ITEM_COLUMNS)})
    AS u({", ".join(c for c, _ in _ITEM_COLUMNS)})
ON CONFLICT (layer, id) DO UPDATE SET
    {", ".join(f"{c} = EXCLUDED.{c}" for c in _UPDATED)}
"""


class _Write:
    """One write transaction of one or more documents: merges reports into ``items`` and keeps
    ``stats`` in step with a few set-based statements (the items touched are read at once and
    written once, however many of the transaction's documents merge into them), not one round
    trip per feature. ``old`` holds each touched item as this transaction left it: ``(seq,
    feature, merge_state, minx, miny, maxx, maxy, t0, t1)``, the feature and state as stored
    text or, once changed here, as dicts; None when there is none."""

    def __init__(self, cur: Any) -> None:
        self.cur = cur
        self.totals: dict[str, LayerTotals] = {}
        for name, *row in cur.execute(
            f"SELECT name, count, minx, miny, maxx, maxy, t0, t1, properties FROM {SCHEMA}.stats"
        ).fetchall():
            self.totals[name] = LayerTotals(tuple(row))
        self.documents = 0
        self.old: dict[tuple[str, str], tuple[Any, ...] | None] = {}
        self.upserts: dict[tuple[str, str], dict[str, Any]] = {}
        self.deletes: list[int] = []

    def layer(self, name: str) -> LayerTotals:
        return self.totals.setdefault(name, LayerTotals(None))

    def prefetch(self, keys: list[tuple[str, str]]) -> None:
        """Read the items of ``keys`` (layer, id) in one statement."""
        keys = [k for k in keys if k not in self.old]
        if not keys:
            return
        rows = self.cur.execute(
            f"SELECT i.layer, i.id, i.seq, i.feature, i.merge_state, ST_XMin(i.geom),"
            f" ST_YMin(i.geom), ST_XMax(i.geom), ST_YMax(i.geom), i.t0, i.t1"
            f" FROM {SCHEMA}.items i JOIN unnest(%b::text[], %b::text[]) AS k(layer, id)"
            " ON i.layer = k.layer AND i.id = k.id",
            ([k[0] for k in keys], [k[1] for k in keys]),
        ).fetchall()
        found = {(r[0], r[1]): tuple(r[2:]) for r in rows}
        for key in keys:
            self.old[key] = found.get(key)

    def _put(
        self,
        seq: int,
        layer: str,
        fid: str,
        feature: dict[str, Any],
        state: Any,
        old: tuple[Any, ...] | None,
    ) -> None:
        row = _item_row(seq, layer, fid, feature, state)
        totals = self.layer(layer)
        if old is not None:
            new = (row["minx"], row["miny"], row["maxx"], row["maxy"], row["t0"], row["t1"])
            if tuple(old[3:9]) != new:
                totals.shrink(tuple(old[3:9]))
        else:
            totals.count += 1
        key = (layer, fid)
        self.upserts[key] = row
        bounds = (row["minx"], row["miny"], row["maxx"], row["maxy"], row["t0"], row["t1"])
        totals.grow(bounds, row["props"])
        if key in self.old:  # a later document of this transaction merges into it as it is now
            self.old[key] = (seq, feature, state, *bounds)

    def append(self, layer: str, fid: str, seq: int, feature: dict[str, Any]) -> None:
        """Merge one more report (the newest) into the item of ``(layer, fid)``."""
        self.prefetch([(layer, fid)])
        old = self.old[(layer, fid)]
        if old is None:
            self._put(seq, layer, fid, feature, merge_state([feature]), None)
            return
        merged, state = merge_append(_decoded(old[1]), _decoded(old[2]), feature)
        self._put(old[0], layer, fid, merged, state, old)

    def remerge(self, keys: list[tuple[str, str]]) -> None:
        """Merge the items of ``keys`` again from every report left (or drop them)."""
        if not keys:
            return
        self.prefetch(keys)
        reports: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        for seq, layer, fid, text in self.cur.execute(
            f"SELECT f.seq, f.layer, f.id, f.feature FROM {SCHEMA}.features f"
            " JOIN unnest(%b::text[], %b::text[]) AS k(layer, id)"
            " ON f.layer = k.layer AND f.id = k.id ORDER BY f.seq",
            ([k[0] for k in keys], [k[1] for k in keys]),
        ).fetchall():
            reports.setdefault((layer, fid), []).append((seq, orjson.loads(text)))
        for key in keys:
            layer, fid = key
            old = self.old[key]
            rows = reports.get(key)
            if not rows:
                if old is not None:
                    self.deletes.append(old[0])
                    self.upserts.pop(key, None)
                    self.old[key] = None
                    totals = self.layer(layer)
                    totals.count -= 1
                    totals.shrink(tuple(old[3:9]))
                continue
            group = [f for _, f in rows]
            self._put(rows[0][0], layer, fid, merge_group(group), merge_state(group), old)

    def flush_items(self) -> None:
        """Write the items changed so far (a long rebuild does it in batches)."""
        if self.deletes:
            self.cur.execute(f"DELETE FROM {SCHEMA}.items WHERE seq = ANY(%s)", (self.deletes,))
        if self.upserts:
            rows = list(self.upserts.values())
            self.cur.execute(_UPSERT_ITEMS, [[r[c] for r in rows] for c, _ in _ITEM_COLUMNS])
        self.deletes, self.upserts = [], {}

    def finish(self) -> None:
        """Write the items and the counts, extents and property names this write changed."""
        cur = self.cur
        self.flush_items()
        if self.documents:
            cur.execute(
                f"UPDATE {SCHEMA}.stats SET count = count + %s WHERE name = 'documents'",
                (self.documents,),
            )
        for name, t in self.totals.items():
            if not t.changed:
                continue
            if t.stale:
                row = cur.execute(
                    f"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), t0, t1 FROM"
                    f" (SELECT ST_Extent(geom) AS e, min(t0) AS t0, max(t1) AS t1"
                    f"  FROM {SCHEMA}.items WHERE layer = %s) s",
                    (name,),
                ).fetchone()
                t.box = list(row[:4]) if row[0] is not None else None
                t.span = list(row[4:6]) if row[4] is not None else None
            cur.execute(
                f"UPDATE {SCHEMA}.stats SET count = %s, minx = %s, miny = %s, maxx = %s,"
                " maxy = %s, t0 = %s, t1 = %s, properties = %s WHERE name = %s",
                (
                    t.count,
                    *(t.box or (None,) * 4),
                    *(t.span or (None, None)),
                    json.dumps(t.properties),
                    name,
                ),
            )


def rebuild_items(cur: Any, batch: int = 2000) -> None:
    """Merge every stored report into ``items`` afresh and recount ``stats`` (a migration's
    step, and a repair): reports are read in order of (layer, id) from a server-side cursor and
    items written in batches, so memory does not grow with the store."""
    cur.execute(f"DELETE FROM {SCHEMA}.items")
    cur.execute(f"DELETE FROM {SCHEMA}.stats")
    for name in ("documents", *LAYERS):
        cur.execute(f"INSERT INTO {SCHEMA}.stats(name) VALUES (%s)", (name,))
    cur.execute(
        f"UPDATE {SCHEMA}.stats SET count = (SELECT count(*) FROM {SCHEMA}.documents)"
        " WHERE name = 'documents'"
    )
    write = _Write(cur)
    key: tuple[str, str] | None = None
    group: list[tuple[int, dict[str, Any]]] = []

    def flush() -> None:
        if key is not None and group:
            reports = [f for _, f in group]
            write._put(
                group[0][0], key[0], key[1], merge_group(reports), merge_state(reports), None
            )
            if len(write.upserts) >= batch:
                write.flush_items()

    with cur.connection.cursor(name="geomap_rebuild") as source:
        source.itersize = batch
        source.execute(
            f"SELECT layer, id, seq, feature FROM {SCHEMA}.features ORDER BY layer, id, seq"
        )
        for layer, fid, seq, text in source:
            if (layer, fid) != key:
                flush()
                key, group = (layer, fid), []
            group.append((int(seq), orjson.loads(text)))
        flush()
    write.finish()


def _insert_reports(
    cur: Any, document_id: str, reports: dict[tuple[str, str], dict[str, Any]]
) -> dict[tuple[str, str], int]:
    """Insert a document's reports in one statement, in order; their seqs by (layer, id)."""
    if not reports:
        return {}
    keys = list(reports)
    rows = cur.execute(
        f"INSERT INTO {SCHEMA}.features (id, layer, document_id, feature)"
        " SELECT u.id, u.layer, %s, u.feature"
        " FROM unnest(%b::text[], %b::text[], %b::text[])"
        " WITH ORDINALITY AS u(layer, id, feature, n)"
        " ORDER BY u.n RETURNING layer, id, seq",
        (
            document_id,
            [k[0] for k in keys],
            [k[1] for k in keys],
            [_dumps(reports[k]) for k in keys],
        ),
    ).fetchall()
    return {(layer, fid): int(seq) for layer, fid, seq in rows}


class PostGISStore:
    """A :class:`~geomap.store.base.Store` in a PostgreSQL + PostGIS database.

    Its reads wait on a server (``reads_wait``): the API runs them in worker threads, never in
    its event loop, but for the tiles of its :meth:`async_reader`.

    Opened normally it can write and brings the database's ``geomap`` schema up to date first
    (creating it, and the PostGIS extension when allowed); with ``readonly=True`` it never
    writes (read-only sessions), refuses a schema of another version, and keeps a pool of at
    most ``readers`` connections.
    """

    reads_wait = True

    def __init__(self, url: str, *, readonly: bool = False, readers: int = 4) -> None:
        import psycopg

        self.url = url
        self.where = redact(url)
        self.readonly = readonly
        self._con: Any = None
        self._pool: Any = None
        self._counted = RecentCounts()
        self._sizes: dict[str, int] = {}  # each layer's size when last read (tile_once)
        self.migrated_from = pg_migrations.SCHEMA_VERSION
        try:
            if readonly:
                from psycopg_pool import ConnectionPool

                self._pool = ConnectionPool(
                    url,
                    min_size=1,
                    max_size=max(1, readers),
                    kwargs=READER_SESSION,
                    configure=self._configure,
                    open=False,
                    name="geomap-readers",
                )
                self._pool.open(wait=True, timeout=30)
                with self._pool.connection() as con:
                    pg_migrations.check_version(pg_migrations.version(con))
            else:
                self._con = psycopg.connect(url, autocommit=True, connect_timeout=30)
                self.migrated_from = pg_migrations.migrate(self._con, rebuild_items)
        except psycopg.Error as exc:
            self.close()
            raise StoreError(f"cannot open the store ({_reason(exc)})", where=self.where) from None
        except StoreError as exc:
            self.close()
            if exc.where is None:
                exc.where = self.where
            raise
        except Exception as exc:  # the pool's timeout (PoolTimeout) and the like
            self.close()
            raise StoreError(f"cannot open the store ({exc})", where=self.where) from None

    @staticmethod
    def _configure(con: Any) -> None:
        import psycopg

        con.prepare_threshold = 2
        # each read is one snapshot, begun in one statement
        con.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        con.read_only = True

    # --- connections -----------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """A cursor in one read-only, repeatable-read transaction (one snapshot)."""
        import psycopg

        try:
            if self._pool is not None:
                with self._pool.connection() as con:
                    with con.transaction():  # repeatable read, read only (_configure)
                        with con.cursor() as cur:
                            yield cur
            else:
                con = self._writer()
                with con.transaction(), con.cursor() as cur:
                    yield cur
        except psycopg.Error as exc:
            raise StoreError(f"cannot read the store ({_reason(exc)})") from None

    def _writer(self) -> Any:
        if self._con is None:
            raise StoreError("this store was opened read-only", where=self.where)
        return self._con

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        """A cursor in a write transaction holding the writers' lock."""
        import psycopg

        con = self._writer()
        try:
            with con.transaction(), con.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield cur
        except psycopg.Error as exc:
            raise StoreError(f"cannot write the store ({_reason(exc)})") from None

    # --- writes ----------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """True when a document with this content hash is stored."""
        with self._reading() as cur:
            row = cur.execute(
                f"SELECT 1 FROM {SCHEMA}.documents WHERE id = %s", (document_id,)
            ).fetchone()
        return row is not None

    def extractor_of(self, document_id: str) -> str | None:
        """The extraction a stored document's features came from ('' when not recorded), or
        None when the document is not stored."""
        with self._reading() as cur:
            row = cur.execute(
                f"SELECT extractor FROM {SCHEMA}.documents WHERE id = %s", (document_id,)
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
        """:meth:`add` each of ``additions`` in turn, all in one transaction under the writers'
        lock: the documents already stored are found in one statement, the items they touch
        read in one, each document and its reports inserted in two, and every merged item
        written once, however many of them report it; for each, False if it was already
        there (and not replaced)."""
        if not additions:
            return []
        with self._writing() as cur:
            ids = list({a.document.id for a in additions})
            stored = {
                r[0]
                for r in cur.execute(
                    f"SELECT id FROM {SCHEMA}.documents WHERE id = ANY(%s)", (ids,)
                ).fetchall()
            }
            write = _Write(cur)
            reports = [latest_reports(a.features) for a in additions]
            write.prefetch(list(dict.fromkeys(k for r in reports for k in r)))
            added = [
                self._add(cur, write, a, r, stored) for a, r in zip(additions, reports, strict=True)
            ]
            if any(added):
                write.finish()
        return added

    @staticmethod
    def _add(
        cur: Any,
        write: _Write,
        addition: Addition,
        reports: dict[tuple[str, str], dict[str, Any]],
        stored: set[str],
    ) -> bool:
        """One document of :meth:`add_many`, inside its transaction and ``write``; ``stored``:
        the ids of the documents stored now (this one is added to it)."""
        document, _, extractor, replace = addition
        if document.id in stored and not replace:
            return False
        again: set[tuple[str, str]] = set()
        if document.id in stored:
            again = {
                (layer, fid)
                for layer, fid in cur.execute(
                    f"DELETE FROM {SCHEMA}.features WHERE document_id = %s RETURNING layer, id",
                    (document.id,),
                ).fetchall()
            }
            cur.execute(
                f"UPDATE {SCHEMA}.documents SET extractor = %s, ingested = %s WHERE id = %s",
                (extractor, time.time(), document.id),
            )
        else:
            cur.execute(
                f"INSERT INTO {SCHEMA}.documents VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (*document_row(document), time.time(), extractor),
            )
            stored.add(document.id)
            write.documents += 1
        seqs = _insert_reports(cur, document.id, reports)
        for key, f in reports.items():
            if key not in again:
                write.append(key[0], key[1], seqs[key], f)
        write.remerge(sorted(again))
        return True

    def remove(self, document_id: str) -> bool:
        """Remove a document; what it reported is merged again from the other documents (or
        removed when it alone reported it), in the same transaction."""
        with self._writing() as cur:
            touched = sorted(
                cur.execute(
                    f"SELECT layer, id FROM {SCHEMA}.features WHERE document_id = %s",
                    (document_id,),
                ).fetchall()
            )
            deleted = cur.execute(
                f"DELETE FROM {SCHEMA}.documents WHERE id = %s", (document_id,)
            ).rowcount
            if not deleted:
                return False
            write = _Write(cur)
            write.documents -= 1
            write.remerge([(layer, fid) for layer, fid in touched])
            write.finish()
        return True

    def migrate(self) -> int:
        """The version the schema had when this writer opened it (it is current now)."""
        self._writer()
        return self.migrated_from

    def optimize(self) -> None:
        """Refresh the planner's statistics (after large ingests)."""
        self._writer().execute(f"ANALYZE {SCHEMA}.items")

    # --- corrections: kept by the SQLite store only, for now ------------------------------

    def corrections(self) -> list[Correction]:
        """None are kept here (see :meth:`add_corrections`)."""
        return []

    def add_corrections(self, corrections: Iterable[Correction]) -> int:
        """Unsupported: the PostGIS store does not keep corrections yet (one clear error)."""
        raise Unsupported(NO_CORRECTIONS, where=self.where)

    def remove_corrections(self, ids: Iterable[str]) -> int:
        """Unsupported, as :meth:`add_corrections`."""
        raise Unsupported(NO_CORRECTIONS, where=self.where)

    # --- reads -----------------------------------------------------------------------------

    def version(self) -> str:
        """A token that changes with every write readers can see: every write updates
        ``stats``, so the transaction ids of its rows (``xmin``) change with it."""
        with self._reading() as cur:
            row = cur.execute(_VERSION).fetchone()
        return str(row[0] if row and row[0] is not None else "0")

    def document(self, document_id: str) -> dict[str, Any]:
        """A stored document's metadata, ``ingested`` and ``text``; NotFound naming the id.
        This store keeps no ``url`` or ``format`` of its own (None, ``text``)."""
        keys = ("id", "path", "title", "author", "publisher", "published", "ingested", "text")
        with self._reading() as cur:
            row = cur.execute(
                f"SELECT {', '.join(keys)} FROM {SCHEMA}.documents WHERE id = %s",
                (document_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"no document {document_id!r}")
        return {**dict(zip(keys, row, strict=True)), "url": None, "format": "text"}

    def documents(self) -> Iterator[Document]:
        """Every stored document, first ingested first, as the Document it was ingested from."""
        with self._reading() as cur:
            cur.execute(
                f"SELECT id, path, text, title, author, publisher, published"
                f" FROM {SCHEMA}.documents ORDER BY ingested, id"
            )
            while batch := cur.fetchmany(BATCH):
                for r in batch:
                    yield Document(
                        id=r[0],
                        path=r[1],
                        text=r[2],
                        title=r[3],
                        author=r[4],
                        publisher=r[5],
                        published=date.fromisoformat(r[6]) if r[6] else None,
                    )

    def select(self, query: Query) -> Page:
        """One page of the features ``query`` matches, with the number matched.

        PostgreSQL builds the page as one text (the features joined by commas, UTF-8), with the
        store's version and the layer's size, in one statement: one snapshot. A reader (the
        server's pool) sends just that statement, outside any transaction, when it remembers
        the count of the query for the version it reads: one round trip. Otherwise the page
        and its count are read in one repeatable-read transaction."""
        check_layer(query.layer)
        statement = _joined_page(COMPILER.page(query), query.layer)
        prepare = _prepare(query)
        if self._pool is not None:
            row = self._read_once(statement, prepare)
            matched = self._remembered(query, row[0], row[1])
            if matched is not None:
                return _page_of(row, matched, query)
        with self._reading() as cur:
            return _drive(cur, self._page_steps(query, statement, prepare))

    def _page_steps(self, query: Query, statement: Statement, prepare: bool | None) -> Steps:
        """The page of ``query`` (``statement``: its :func:`_joined_page`) and its count, read
        in one transaction (steps for :func:`_drive`)."""
        row = yield _Step(statement.sql, statement.params, binary=True, prepare=prepare)
        matched = yield from self._count_steps(query, version=row[0], total=row[1])
        return _page_of(row, matched, query)

    def _read_once(self, statement: Statement, prepare: bool | None) -> Any:
        """The one row of ``statement``, run alone on a pooled connection (in autocommit: the
        statement is its own transaction, one snapshot), its results in binary."""
        import psycopg

        try:
            with self._pool.connection() as con:
                cur = con.execute(statement.sql, statement.params, binary=True, prepare=prepare)
                return cur.fetchone()
        except psycopg.Error as exc:
            raise StoreError(f"cannot read the store ({_reason(exc)})") from None

    def count(self, query: Query) -> int:
        """How many features ``query`` matches (its paging ignored)."""
        check_layer(query.layer)
        with self._reading() as cur:
            return _drive(cur, self._count_steps(query))

    @staticmethod
    def _whole_layer(query: Query) -> bool:
        """True when ``query`` matches the whole layer (its count is the layer's size)."""
        return query.bbox is None and not query.timed and not query.where

    def _remembered(self, query: Query, version: Any, total: Any) -> int | None:
        """The count of ``query`` known without counting at the store's ``version``: the
        layer's size ``total`` for a query of the whole layer, else a count kept for that
        version (None when there is none)."""
        if self._whole_layer(query):
            return int(total or 0)
        return self._counted.get(_count_key(version, query))

    def _count_steps(self, query: Query, *, version: Any = None, total: Any = None) -> Steps:
        """What ``query`` matches, counted in one read transaction (steps for :func:`_drive`;
        ``version`` and ``total``: the store's version and the layer's size when already read
        in it).

        A reader (the server's pool) remembers the count of a recent query for as long as the
        store is unchanged: the key holds the store's :meth:`version` as read in this
        snapshot, which every write moves (whichever process writes). A writer counts every
        time."""
        if self._whole_layer(query):
            if total is not None:
                return int(total)
            row = yield _Step(f"SELECT count FROM {SCHEMA}.stats WHERE name = %s", (query.layer,))
            return int(row[0]) if row else 0
        key: tuple[Any, ...] | None = None
        if self.readonly:
            if version is None:
                version = (yield _Step(_VERSION))[0]
            key = _count_key(version, query)
            found = self._counted.get(key)
            if found is not None:
                return found
        statement = COMPILER.count(query)
        n = int((yield _Step(statement.sql, statement.params, prepare=False))[0])
        if key is not None:
            self._counted.put(key, n)
        return n

    def stream(self, query: Query) -> Iterator[str]:
        """Every feature ``query`` matches (offset and limit applied) as GeoJSON text, in
        order, fetched in batches by a server-side cursor from one snapshot."""
        check_layer(query.layer)
        statement = COMPILER.page(query, columns="i.feature")
        return self._stream(statement.sql, statement.params)

    def _stream(self, sql: str, params: dict[str, Any]) -> Iterator[str]:
        import psycopg

        try:
            if self._pool is not None:
                with self._pool.connection() as con:
                    with con.transaction():
                        with con.cursor(name="geomap_stream") as cur:
                            cur.itersize = BATCH
                            cur.execute(sql, params)
                            while batch := cur.fetchmany(BATCH):
                                for (text,) in batch:
                                    yield text
            else:
                con = self._writer()
                with con.transaction(), con.cursor(name="geomap_stream") as cur:
                    cur.execute(sql, params)
                    while batch := cur.fetchmany(BATCH):
                        for (text,) in batch:
                            yield text
        except psycopg.Error as exc:
            raise StoreError(f"cannot read the store ({_reason(exc)})") from None

    def feature(self, layer: str, feature_id: str) -> dict[str, Any]:
        """One merged feature of a layer by id; NotFound naming it when there is none."""
        check_layer(layer)
        with self._reading() as cur:
            row = cur.execute(
                f"SELECT feature FROM {SCHEMA}.items WHERE layer = %s AND id = %s",
                (layer, feature_id),
            ).fetchone()
        if row is None:
            raise NotFound(f"no feature {feature_id!r} in layer {layer!r}")
        return json.loads(row[0])  # type: ignore[no-any-return]

    def layer_stats(self, layer: str) -> LayerStats:
        """Count, extents and property names of a layer, from ``stats``."""
        check_layer(layer)
        with self._reading() as cur:
            row = cur.execute(
                f"SELECT count, minx, miny, maxx, maxy, t0, t1, properties FROM {SCHEMA}.stats"
                " WHERE name = %s",
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
        with self._reading() as cur:
            for name, n in cur.execute(f"SELECT name, count FROM {SCHEMA}.stats").fetchall():
                out[name] = int(n)
        return out

    def health(self, *, check: bool = False) -> dict[str, Any]:
        """What ``geomap store stats`` prints (as SQLite's): schema, sizes, counts per layer,
        and whether ``stats`` agrees with the rows; ``problems`` lists what is wrong."""
        out: dict[str, Any] = {"schema": pg_migrations.SCHEMA_VERSION, "layers": {}, "problems": []}
        problems: list[str] = out["problems"]
        with self._reading() as cur:
            out["bytes"] = int(
                cur.execute(
                    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE n.nspname = %s AND c.relkind = 'r'",
                    (SCHEMA,),
                ).fetchone()[0]
            )
            out["wal_bytes"] = 0
            out["documents"] = cur.execute(f"SELECT count(*) FROM {SCHEMA}.documents").fetchone()[0]
            out["reports"] = cur.execute(f"SELECT count(*) FROM {SCHEMA}.features").fetchone()[0]
            stats = dict(cur.execute(f"SELECT name, count FROM {SCHEMA}.stats").fetchall())
            if stats.get("documents") != out["documents"]:
                problems.append(
                    f"documents: stats say {stats.get('documents')}, the table holds"
                    f" {out['documents']}"
                )
            spatial = timed = 0
            for layer in LAYERS:
                n, boxed, dated = cur.execute(
                    f"SELECT count(*), count(geom), count(t0) FROM {SCHEMA}.items WHERE layer = %s",
                    (layer,),
                ).fetchone()
                reported = cur.execute(
                    f"SELECT count(DISTINCT id) FROM {SCHEMA}.features WHERE layer = %s",
                    (layer,),
                ).fetchone()[0]
                out["layers"][layer] = {"features": n, "reported": reported, "dated": dated}
                spatial += boxed
                timed += dated
                if stats.get(layer) != n:
                    problems.append(f"{layer}: stats say {stats.get(layer)}, items hold {n}")
                if reported != n:
                    problems.append(f"{layer}: {reported} ids reported, {n} merged features")
            out["spatial_index"], out["time_index"] = spatial, timed
            out["analyzed"] = bool(
                cur.execute(
                    "SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL"
                    " FROM pg_stat_user_tables WHERE schemaname = %s AND relname = 'items'",
                    (SCHEMA,),
                ).fetchone()[0]
            )
            if check:
                invalid = cur.execute(
                    "SELECT count(*) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE n.nspname = %s AND NOT x.indisvalid",
                    (SCHEMA,),
                ).fetchone()[0]
                if invalid:
                    problems.append(f"{invalid} invalid indexes (REINDEX SCHEMA {SCHEMA})")
        return out

    def tile(self, query: Query, z: int, x: int, y: int) -> bytes:
        """The Mapbox Vector Tile of the features ``query`` matches in tile ``z/x/y`` of
        WebMercatorQuad (``ST_AsMVT``); empty bytes when none falls in it. A zoomed-out tile
        of a very large layer, or a dense one (more than
        :data:`~geomap.tiles.CLUSTER_TILE_ABOVE` features) of a smaller layer, is read from
        its point aggregate when that can answer the query
        (:func:`geomap.tiles.aggregate_kind`): one point per small cell, with a ``count``."""
        check_layer(query.layer)
        once = self._tile_once(query, z, x, y) if self._pool is not None else None
        if once is not None:
            data = self._tile_of(query.layer, self._read_once(once, None))
            if data is not None:
                return data
        with self._reading() as cur:  # one snapshot: the layer's size, then its tile
            return _drive(cur, self._tile_steps(query, z, x, y))

    def _tile_once(self, query: Query, z: int, x: int, y: int) -> Statement | None:
        """A tile of a large layer's point aggregate and the layer's size in one statement
        (its own snapshot: one round trip, no transaction to begin and end), or None when the
        tile is not read that way. Tried for a tile the aggregate can answer of a layer last
        seen larger than :data:`~geomap.tiles.CLUSTER_ABOVE` (or not seen yet);
        :meth:`_tile_of` tells whether it was."""
        from geomap import tiles

        kind = tiles.aggregate_kind(query, z)
        if kind is None or self._sizes.get(query.layer, tiles.CLUSTER_ABOVE + 1) <= (
            tiles.CLUSTER_ABOVE
        ):
            return None
        sql, params = self._cells_sql(query.layer, kind, z, x, y)
        size = f"SELECT count FROM {SCHEMA}.stats WHERE name = '{check_layer(query.layer)}'"
        return Statement(f"SELECT ({size}), ({sql})", params)

    def _tile_of(self, layer: str, row: Any) -> bytes | None:
        """The tile the row of :meth:`_tile_once` holds, None when the layer was no larger
        than :data:`~geomap.tiles.CLUSTER_ABOVE` (the tile is then read another way)."""
        from geomap import tiles

        size = int(row[0]) if row and row[0] is not None else 0
        self._sizes[layer] = size
        if size <= tiles.CLUSTER_ABOVE:
            return None
        return bytes(row[1]) if row[1] is not None else b""

    def _tile_steps(self, query: Query, z: int, x: int, y: int) -> Steps:
        """The tile of :meth:`tile`, read in one transaction (steps for :func:`_drive`)."""
        from geomap import tiles

        row = yield _Step(f"SELECT count FROM {SCHEMA}.stats WHERE name = %s", (query.layer,))
        size = self._sizes[query.layer] = int(row[0]) if row else 0
        kind = tiles.aggregate_kind(query, z)
        if kind is not None and size <= tiles.CLUSTER_ABOVE:
            # a smaller layer: clusters only where this tile is dense
            dense = int((yield self._cells_count(query.layer, kind, z, x, y))[0])
            kind = kind if dense > tiles.CLUSTER_TILE_ABOVE else None
        if kind is not None:
            sql, params = self._cells_sql(query.layer, kind, z, x, y)
        else:
            narrowed = tiles.tile_query(query, z, x, y, layer_size=size)
            if narrowed is None:
                return b""
            # tiles.thin asks for counts as it goes; each it asks is read here and thin run
            # again from the start, knowing it (what it decides depends on nothing else)
            known: dict[Any, Any] = {}
            while True:
                try:
                    thinned = tiles.thin(narrowed, size, _asked(known, self._level_step, size))
                    break
                except _Unknown as unknown:
                    found = yield unknown.step
                    known[unknown.key] = unknown.read(found)
            sql, params = self._tile_sql(thinned, z, x, y)
        row = yield _Step(sql, params)
        return bytes(row[0]) if row and row[0] is not None else b""

    @staticmethod
    def _level_step(q: Query, size: int) -> _Unknown:
        """What counting ``q`` (a tile's query with a :class:`Sampled` level) takes: in a
        layer of more than :data:`~geomap.tiles.SAMPLE_ABOVE` features, its own count (each
        sample counted, the smallest first); in a smaller one (thinned where dense), every
        level's count in one pass, of which the levels up to ``q``'s are summed."""
        from geomap import tiles

        if size > tiles.SAMPLE_ABOVE:
            statement = COMPILER.count(q)
            return _Unknown(q, _Step(statement.sql, statement.params), lambda row: int(row[0]))
        plain = replace(q, where=tuple(p for p in q.where if not isinstance(p, Sampled)))
        bind = Bind(COMPILER)
        where = COMPILER.where(plain, bind, keyset=False)
        step = _Step(
            f"SELECT i.lvl, count(*) FROM {COMPILER.table} i WHERE {where} GROUP BY 1",
            bind.params,
            many=True,
        )
        k = min(p.zoom for p in q.where if isinstance(p, Sampled))

        def levels(rows: list[tuple[int, int]]) -> list[int]:
            found = dict(rows)
            return [int(found.get(level, 0)) for level in range(tiles.FULL_ZOOM + 1)]

        return _Unknown(plain, step, levels, lambda counts: sum(counts[: k + 1]))

    @staticmethod
    def _cells_count(layer: str, kind: tuple[str, ...], z: int, x: int, y: int) -> _Step:
        """How many features of ``layer`` (of the event types ``kind``, () every one) lie in
        tile ``z/x/y``, from ``tile_points`` (``tile_cells`` for some types): the statement."""
        grid = pg_migrations.AGGREGATE_GRID
        table = "tile_cells" if kind else "tile_points"
        sql = (
            f"SELECT coalesce(sum(c.n), 0) FROM {SCHEMA}.{table} c WHERE c.layer = %s"
            " AND c.z = %s AND c.cx BETWEEN %s AND %s AND c.cy BETWEEN %s AND %s"
        )
        params: list[Any] = [layer, z, x * grid, x * grid + grid - 1, y * grid, y * grid + grid - 1]
        if kind:
            sql += " AND c.kind = ANY(%s)"
            params.append(list(kind))
        return _Step(sql, params)

    @staticmethod
    def _cells_sql(
        layer: str, kind: tuple[str, ...], z: int, x: int, y: int
    ) -> tuple[str, dict[str, Any]]:
        """The zoomed-out tile ``z/x/y`` of ``layer`` from the point aggregate: one point per
        grid cell with anything in it (the mean of its features' points) carrying ``count``,
        and for incidents the cell's most frequent ``event_type``; ``kind`` (event types)
        keeps only those, () every one. Every type together is one row per cell of
        ``tile_points``, one type one row of ``tile_cells``: nothing is sorted or grouped but
        the cells' order. The points are put in tile coordinates here, as ``ST_AsMVTGeom``
        would (the same affine transform, rounded to the nearest, kept within the buffer)."""
        from geomap import tiles

        grid = pg_migrations.AGGREGATE_GRID
        bind = Bind(COMPILER)
        minx, miny, maxx, maxy = tiles.mercator_bounds(z, x, y)
        # ST_AsMVTGeom's affine transform: x * fx + xoff, y * fy + yoff
        fx, fy = tiles.EXTENT / (maxx - minx), -(tiles.EXTENT / (maxy - miny))
        xoff, yoff = -minx * fx, -maxy * fy
        # the tile's cells and one more on every side (its buffer is one cell wide)
        where = (
            f"c.layer = {bind(layer)} AND c.z = {bind(z)}"
            f" AND c.cx BETWEEN {bind(x * grid - 1)} AND {bind(x * grid + grid)}"
            f" AND c.cy BETWEEN {bind(y * grid - 1)} AND {bind(y * grid + grid)} AND c.n > 0"
        )
        if len(kind) == 1:  # one type: its own rows
            source = f"{SCHEMA}.tile_cells c WHERE {where} AND c.kind = {bind(kind[0])}"
        elif kind:  # several types: summed per cell here
            source = (
                f"(SELECT c.cx, c.cy, sum(c.n)::integer AS n, sum(c.sx) AS sx, sum(c.sy) AS sy,"
                " (array_agg(c.kind ORDER BY c.n DESC, c.kind))[1] AS kind"
                f" FROM {SCHEMA}.tile_cells c WHERE {where} AND c.kind = ANY({bind(list(kind))})"
                " GROUP BY c.cx, c.cy) c"
            )
        else:
            source = f"{SCHEMA}.tile_points c WHERE {where}"
        label = ", t.kind AS event_type" if layer == "incidents" else ""
        low, high = -tiles.BUFFER, tiles.EXTENT + tiles.BUFFER
        sql = (
            f"SELECT ST_AsMVT(t, {bind(layer)}, {tiles.EXTENT}, 'geom') FROM ("
            f"SELECT ST_MakePoint(round(t.px), round(t.py)) AS geom, t.n AS count{label} FROM ("
            f"SELECT c.cx, c.cy, c.n, c.kind,"
            f" c.sx / c.n * {bind(fx)}::float8 + {bind(xoff)}::float8 AS px,"
            f" c.sy / c.n * {bind(fy)}::float8 + {bind(yoff)}::float8 AS py FROM {source}) t"
            f" WHERE t.px BETWEEN {low} AND {high} AND t.py BETWEEN {low} AND {high}"
            " ORDER BY t.cy, t.cx) t"
        )
        return sql, bind.params

    @staticmethod
    def _tile_sql(tile_query: Query, z: int, x: int, y: int) -> tuple[str, dict[str, Any]]:
        from geomap import tiles

        query = tile_query
        bind = Bind(COMPILER)
        where = COMPILER.where(tile_query, bind, keyset=False)
        minx, miny, maxx, maxy = tiles.mercator_bounds(z, x, y)
        env = f"ST_MakeEnvelope({bind(minx)}, {bind(miny)}, {bind(maxx)}, {bind(maxy)}, 3857)"
        columns = ", ".join(
            f"(i.tile ->> {bind(k)}){_PG_TYPE.get(k, '')} AS {k}"
            for k in tiles.TILE_PROPERTIES[query.layer]
        )
        sql = (
            f"SELECT ST_AsMVT(t, {bind(query.layer)}, {tiles.EXTENT}, 'geom') FROM ("
            f"SELECT ST_AsMVTGeom(ST_Transform(i.geom, 3857), {env}, {tiles.EXTENT},"
            f" {tiles.BUFFER}, true) AS geom, {columns}"
            f" FROM {COMPILER.table} i WHERE {where} ORDER BY i.seq"
            f" LIMIT {tiles.MAX_FEATURES}) t WHERE t.geom IS NOT NULL"
        )
        return sql, bind.params

    def async_reader(self, readers: int = 4) -> AsyncReader:
        """An :class:`AsyncReader` of this (read-only) store with at most ``readers``
        connections, to :meth:`~AsyncReader.open` in the event loop that will use it."""
        if not self.readonly:
            raise StoreError("an asynchronous reader reads a read-only store", where=self.where)
        return AsyncReader(self, readers)

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
            self._pool = None


class AsyncReader:
    """The tiles (:meth:`tile`) of a read-only :class:`PostGISStore`, read through psycopg's
    asynchronous connections in the event loop that opened it (:meth:`open`), with no worker
    thread: the same statements, snapshots and bytes as :meth:`PostGISStore.tile`. Errors
    are :class:`~geomap.errors.StoreError`. It belongs to one event loop; :meth:`close` it
    in that loop."""

    def __init__(self, store: PostGISStore, readers: int) -> None:
        from psycopg_pool import AsyncConnectionPool

        self.store = store
        self._pool = AsyncConnectionPool(
            store.url,
            # one connection until requests overlap: one backend kept busy (and its caches
            # warm) reads a lone client's requests faster than several taking turns
            min_size=1,
            max_size=max(1, readers),
            kwargs={**READER_SESSION, "application_name": ASYNC_READER_NAME},
            configure=self._configure,
            open=False,
            name=ASYNC_READER_NAME,
        )

    @staticmethod
    async def _configure(con: Any) -> None:
        import psycopg

        con.prepare_threshold = 2
        await con.set_isolation_level(psycopg.IsolationLevel.REPEATABLE_READ)
        await con.set_read_only(True)

    async def open(self) -> AsyncReader:
        """Open its connections (StoreError when the server does not answer)."""
        try:
            await self._pool.open(wait=True, timeout=30)
        except Exception as exc:  # psycopg's errors, the pool's timeout
            await self.close()
            raise StoreError(f"cannot open the store ({exc})", where=self.store.where) from None
        return self

    async def close(self) -> None:
        """Let go of its connections."""
        await self._pool.close()

    async def tile(self, query: Query, z: int, x: int, y: int) -> bytes:
        """:meth:`PostGISStore.tile`: one statement for a large layer's aggregate, else in
        one transaction."""
        import psycopg

        check_layer(query.layer)
        store = self.store
        try:
            once = store._tile_once(query, z, x, y)
            if once is not None:
                async with self._pool.connection() as con:
                    row = await (await con.execute(once.sql, once.params)).fetchone()
                data = store._tile_of(query.layer, row)
                if data is not None:
                    return data
            return await self._read(store._tile_steps(query, z, x, y))  # type: ignore[no-any-return]
        except psycopg.Error as exc:
            raise StoreError(f"cannot read the store ({_reason(exc)})") from None

    async def _read(self, steps: Steps) -> Any:
        """``steps`` run in one read-only, repeatable-read transaction (one snapshot)."""
        async with self._pool.connection() as con:
            async with con.transaction(), con.cursor() as cur:
                return await _adrive(cur, steps)


_PG_TYPE = {"geo_precision": "::int", "n_sources": "::int"}


@dataclass(frozen=True, slots=True)
class _Step:
    """One statement of a read, as :func:`_drive` runs it: its row (all rows with ``many``)
    is what the read is sent back."""

    sql: str
    params: Any = None
    binary: bool | None = None
    prepare: bool | None = None
    many: bool = False


Steps = Generator[_Step, Any, Any]
"""A read as the statements it runs one after the other in one transaction, each decided by
what the previous ones read: the same read for a threaded cursor (:func:`_drive`) and an
asynchronous one (:func:`_adrive`)."""


def _drive(cur: Any, steps: Steps) -> Any:
    """Run ``steps`` on ``cur`` (a psycopg cursor); what they return."""
    try:
        step = next(steps)
        while True:
            done = cur.execute(step.sql, step.params, binary=step.binary, prepare=step.prepare)
            step = steps.send(done.fetchall() if step.many else done.fetchone())
    except StopIteration as stop:
        return stop.value


async def _adrive(cur: Any, steps: Steps) -> Any:
    """:func:`_drive` on an asynchronous psycopg cursor."""
    try:
        step = next(steps)
        while True:
            done = await cur.execute(
                step.sql, step.params, binary=step.binary, prepare=step.prepare
            )
            step = steps.send(await done.fetchall() if step.many else await done.fetchone())
    except StopIteration as stop:
        return stop.value


class _Unknown(Exception):  # noqa: N818 - not an error: a count yet to be read
    """A count :func:`geomap.tiles.thin` asked for whose read is not made yet: ``key`` what
    the read is kept under, ``step`` the statement making it, ``read`` its result (the row,
    or rows) as kept, and ``pick`` the count asked from what is kept."""

    def __init__(
        self,
        key: Any,
        step: _Step,
        read: Callable[[Any], Any],
        pick: Callable[[Any], int] = int,
    ) -> None:
        super().__init__()
        self.key, self.step, self.read, self.pick = key, step, read, pick


def _asked(
    known: dict[Any, Any], unknown: Callable[[Query, int], _Unknown], size: int
) -> Callable[[Query], int]:
    """The ``count`` :func:`geomap.tiles.thin` takes: from a read already made, else
    :class:`_Unknown` (``unknown(q, size)``) naming the read to make."""

    def count(q: Query) -> int:
        need = unknown(q, size)
        if need.key in known:
            return need.pick(known[need.key])
        raise need

    return count


def _joined_page(page: Statement, layer: str) -> Statement:
    """``page`` (rows of ``seq, feature``) as one row: the store's version, the layer's size
    (``stats``), the number of features, the last ``seq``, the features' UTF-8 lengths joined
    by commas, and the features as UTF-8 joined by commas, in the page's order (to be read
    with ``binary=True``: the features come as bytes, not decoded)."""
    size = f"SELECT count FROM {SCHEMA}.stats WHERE name = '{check_layer(layer)}'"
    sql = (
        f"SELECT ({_VERSION}), ({size}), count(*), max(p.seq),"
        " string_agg(octet_length(p.b)::text, ','), string_agg(p.b, ','::bytea)"
        f" FROM (SELECT k.seq, convert_to(k.feature, 'UTF8') AS b FROM ({page.sql}) k) p"
    )
    return Statement(sql, page.params)


def _prepare(query: Query) -> bool | None:
    """psycopg's ``prepare`` for the page of ``query``: its default (prepared after two runs;
    PostgreSQL then keeps the generic plan once it is no dearer than planning each time) for a
    page of a small box read by cell, whose plan the statement's shape fixes; never for any
    other, whose best plan depends on the values (a month's page: 3–5 ms planned for its
    dates, 60–150 ms by the generic plan, at 1M)."""
    return None if _cells(query) is not None else False


def _page_of(row: Sequence[Any], matched: int, query: Query) -> Page:
    """The page of ``query`` from the row of :func:`_joined_page`."""
    _version, _total, n, last, sizes, joined = row
    if not n:
        return Page.from_features([], None, matched, query, b"")
    return Page.from_joined(bytes(joined), sizes, int(n), int(last), matched, query)


def _count_key(version: Any, query: Query) -> tuple[Any, ...]:
    """The key of ``query``'s count at the store's ``version`` (its paging and order aside)."""
    return (version, replace(query, sortby=(), limit=None, offset=0, after=None))


def _reason(exc: Exception) -> str:
    """One line of a database error, without the server's context lines."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


__all__ = ["AsyncReader", "PostGISStore", "InvalidParameter", "is_url", "redact"]
