"""What SQL backends share: the ``items`` table's columns and the translation of a
:class:`~geomap.store.base.Query` into a WHERE clause, an ORDER BY and paging.

A backend subclasses :class:`Compiler` and says how its engine spells the parts that differ:
placeholders, the bbox and time-overlap tests (an R*Tree in SQLite, GIST/B-tree in PostGIS), a
property read from the stored GeoJSON, and a substring test. Everything else (which column a
filter uses, how null and case are handled, the keyset condition, the order with its ties) is
decided here once, so every backend answers a query the same way.

Every merged feature is one row of ``items``:

=============  ==========================================================================
``seq``        integer, unique: the ingest position of the feature's first report (order)
``layer``      ``places`` / ``incidents`` / ``movements``
``id``         the feature's id (unique within a layer)
``t0``, ``t1`` the time span as day numbers (``date.toordinal``), null when undated
``event_type``, ``actor1``, ``actor2``, ``actor``, ``country_code``
               those properties folded (:func:`~geomap.store.base.fold`), for filters
``feature``    the merged GeoJSON Feature as text
=============  ==========================================================================
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from geomap.errors import InvalidParameter
from geomap.model import Document
from geomap.store import cql2
from geomap.store.base import (
    INDEXED,
    SORTABLE,
    Contains,
    Equals,
    Filter,
    Predicate,
    Query,
    Sampled,
    box_is_empty,
    boxes,
    fold,
)

# sort names -> columns
SORT_COLUMNS = {"time_start": "t0", "time_end": "t1"}
assert set(SORT_COLUMNS) == set(SORTABLE)


@dataclass
class Statement:
    """SQL text and its named parameters."""

    sql: str
    params: dict[str, Any] = field(default_factory=dict)


class Bind:
    """Collects parameters under generated names, spelled by the backend's placeholder.

    ``after`` is the ingest position a keyset page starts after (None when the statement does
    not page by cursor, counts included): a backend may push it into the index scan that
    drives the query, besides the condition :meth:`Compiler.where` adds on ``i.seq``.
    """

    def __init__(self, compiler: Compiler) -> None:
        self.params: dict[str, Any] = {}
        self.after: int | None = None
        self._compiler = compiler

    def __call__(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return self._compiler.placeholder(name)


class Compiler:
    """Turns queries into statements over ``items`` (aliased ``i``); see the module doc."""

    table = "items"

    # --- what a backend spells its own way -----------------------------------------------

    def source(self, query: Query) -> str:
        """The FROM item: ``items`` aliased ``i`` (a backend may add planner hints)."""
        return f"{self.table} i"

    def placeholder(self, name: str) -> str:
        """The placeholder of a named parameter (``:name``; psycopg: ``%(name)s``)."""
        return f":{name}"

    def bbox_clause(self, query: Query, bind: Bind) -> list[str]:
        """Conditions on ``i`` true exactly when the geometry intersects ``query.bbox``."""
        raise NotImplementedError

    def time_clause(self, query: Query, bind: Bind) -> list[str]:
        """Conditions on ``i`` true exactly when ``[t0, t1]`` overlaps the query's dates
        (which the caller has turned into ordinals); undated rows never match."""
        start = None if query.start is None else query.start.toordinal()
        end = None if query.end is None else query.end.toordinal()
        out = ["i.t0 IS NOT NULL"]
        if start is not None:
            out.append(f"i.t1 >= {bind(start)}")
        if end is not None:
            out.append(f"i.t0 <= {bind(end)}")
        return out

    def property_equals(self, name: str, value: str, bind: Bind) -> str:
        """A condition true when the stored feature's property ``name`` :class:`Equals`
        ``value`` (properties without a column of their own; ``id`` falls back to the
        feature's id when no property is so named)."""
        raise NotImplementedError

    def contains(self, expr: str, needle: str, bind: Bind) -> str:
        """A condition true when text ``expr`` contains ``needle`` (both folded)."""
        raise NotImplementedError

    def property_text(self, name: str, bind: Bind) -> str:
        """The folded text of a property read from the stored feature (null when missing)."""
        raise NotImplementedError

    def queryable(self, q: cql2.Queryable, bind: Bind, layer: str = "") -> str:
        """The value of a queryable property of ``layer``'s features, as CQL2 compares it:
        text, a number, or ISO date/time text; null when missing or of another type."""
        raise NotImplementedError

    def spatial(self, op: str, shape: Any, bind: Bind) -> str:
        """A condition true when ``op`` (``intersects``, ``within``...) holds between the
        feature's geometry and the shapely ``shape`` (lon/lat)."""
        raise NotImplementedError

    def like(self, expr: str, pattern: str, negated: bool) -> str:
        """A case-sensitive CQL2 ``LIKE`` (``%``, ``_``, ``\\`` escapes) of ``expr``."""
        raise NotImplementedError

    def sampled(self, zoom: int, bind: Bind) -> str:
        """A condition true for the features :func:`geomap.tiles.level` puts at ``zoom`` or
        below."""
        raise NotImplementedError

    def lower(self, expr: str) -> str:
        """``expr`` lower-cased as Python's ``str.lower`` does (CQL2's CASEI)."""
        return f"lower({expr})"

    def dialect(self, bind: Bind, layer: str = "") -> cql2.Dialect:
        """What the CQL2 compiler needs from this backend for ``layer``'s features, binding
        through ``bind``."""
        return cql2.Dialect(
            bind=bind,
            column=lambda q: self.queryable(q, bind, layer),
            spatial=lambda op, shape: self.spatial(op, shape, bind),
            like=self.like,
            lower=self.lower,
            indexed=lambda name: f"i.{name}" if name in INDEXED else None,
        )

    # --- shared ----------------------------------------------------------------------------

    def layer_clause(self, layer: str, bind: Bind) -> str:
        """The condition selecting ``layer``'s rows."""
        return f"i.layer = {bind(layer)}"

    def where(self, query: Query, bind: Bind, *, keyset: bool = True) -> str:
        """The WHERE clause (without the keyword) of ``query``'s filters and cursor."""
        if keyset and query.after is not None:
            if query.sortby:
                raise InvalidParameter("a cursor pages only in the default order", where="cursor")
            bind.after = query.after.seq
        parts = [self.layer_clause(query.layer, bind)]
        if query.empty:
            parts.append("1 = 0")
        if query.bbox is not None and not box_is_empty(query.bbox):
            halves = boxes(query.bbox)
            if len(halves) == 1:
                parts += self.bbox_clause(query, bind)
            else:  # across the antimeridian: either side
                sides = [
                    " AND ".join(self.bbox_clause(replace(query, bbox=half), bind))
                    for half in halves
                ]
                parts.append("((" + ") OR (".join(sides) + "))")
        if query.timed:
            parts += self.time_clause(query, bind)
        for predicate in query.where:
            parts.append(self.predicate(predicate, bind, query.layer))
        if keyset and query.after is not None:
            if query.sortby:
                raise InvalidParameter("a cursor pages only in the default order", where="cursor")
            parts.append(f"i.seq > {bind(query.after.seq)}")
        return " AND ".join(parts)

    def predicate(self, predicate: Predicate, bind: Bind, layer: str = "") -> str:
        """One predicate as a condition."""
        if isinstance(predicate, Equals):
            return self.equals(predicate, bind)
        if isinstance(predicate, Sampled):
            return self.sampled(predicate.zoom, bind)
        if isinstance(predicate, Filter):
            return cql2.compile_filter(
                predicate.node, cql2.layer_queryables(layer), self.dialect(bind, layer)
            )
        if isinstance(predicate, Contains):
            needle = fold(predicate.value) or ""
            tests = [
                self.contains(
                    f"i.{n}" if n in INDEXED else self.property_text(n, bind), needle, bind
                )
                for n in predicate.names
            ]
            return "(" + " OR ".join(tests) + ")"
        raise TypeError(f"no SQL for predicate {predicate!r}")

    def equals(self, predicate: Equals, bind: Bind) -> str:
        name, value = predicate.name, predicate.value
        if name in INDEXED:
            wanted = fold(value)
            test = f"i.{name} = {bind(wanted)}"
            if wanted in ("", "null"):
                return f"(i.{name} IS NULL OR {test})"
            return test
        return self.property_equals(name, value, bind)

    def order_by(self, query: Query, bind: Bind) -> str:
        """ORDER BY (without the keyword): the sort keys, undated or missing last, then
        ingest order."""
        if not query.sortby:
            return "i.seq"
        parts = []
        queryables = cql2.layer_queryables(query.layer)
        for key in query.sortby:
            column = SORT_COLUMNS.get(key.name)
            q = queryables.get(key.name)
            if column is not None:
                expr = f"i.{column}"
            elif q is not None and q.kind != "geometry":
                expr = self.queryable(q, bind, query.layer)
            else:
                names = sorted(
                    [*SORTABLE, *(k for k, v in queryables.items() if v.kind != "geometry")]
                )
                raise InvalidParameter(
                    f"cannot sort by {key.name!r}; sortable: {', '.join(names)}",
                    where="sortby",
                )
            direction = "DESC" if key.descending else "ASC"
            parts.append(f"{expr} {direction} NULLS LAST")
        parts.append("i.seq DESC" if query.sortby[-1].descending else "i.seq")
        return ", ".join(parts)

    def page(self, query: Query, columns: str = "i.seq, i.feature") -> Statement:
        """The statement returning ``columns`` of the page ``query`` asks for."""
        bind = Bind(self)
        sql = (
            f"SELECT {columns} FROM {self.source(query)} WHERE {self.where(query, bind)}"
            f" ORDER BY {self.order_by(query, bind)}"
        )
        if query.limit is not None:
            sql += f" LIMIT {bind(query.limit)}"
        if query.offset and query.after is None:
            if query.limit is None:
                sql += " LIMIT -1" if self.placeholder("x") == ":x" else " LIMIT ALL"
            sql += f" OFFSET {bind(query.offset)}"
        return Statement(sql, bind.params)

    def count(self, query: Query) -> Statement:
        """The statement counting what ``query`` matches (cursor and paging ignored)."""
        bind = Bind(self)
        where = self.where(query, bind, keyset=False)
        sql = f"SELECT count(*) FROM {self.source(query)} WHERE {where}"
        return Statement(sql, bind.params)


class LayerTotals:
    """A layer's row of ``stats`` as a write changes it, for both SQL backends: the count, the
    extents (recomputed when an item on their edge changes) and the property names. ``row``
    is ``(count, minx, miny, maxx, maxy, t0, t1, properties JSON)`` or None for a new layer."""

    def __init__(self, row: tuple[Any, ...] | None) -> None:
        self.count = int(row[0]) if row else 0
        self.box: list[float] | None = list(row[1:5]) if row and row[1] is not None else None
        self.span: list[int] | None = list(row[5:7]) if row and row[5] is not None else None
        self.properties: list[str] = json.loads(row[7]) if row else []
        self._known = set(self.properties)
        self.stale = False
        self.changed = False

    def grow(self, bounds: Sequence[Any], props: Iterable[str]) -> None:
        """An item with bounds and span ``bounds`` (minx..maxy, t0, t1) and property names
        ``props`` was written."""
        minx, miny, maxx, maxy, t0, t1 = bounds
        if minx is not None:
            b = self.box
            self.box = (
                [minx, miny, maxx, maxy]
                if b is None
                else [min(b[0], minx), min(b[1], miny), max(b[2], maxx), max(b[3], maxy)]
            )
        if t0 is not None:
            s = self.span
            self.span = [t0, t1] if s is None else [min(s[0], t0), max(s[1], t1)]
        if not self._known.issuperset(props):
            for key in props:
                if key not in self._known:
                    self._known.add(key)
                    self.properties.append(key)
        self.changed = True

    def shrink(self, old: tuple[Any, ...]) -> None:
        """An item with bounds and span ``old`` (minx..maxy, t0, t1) left or changed."""
        minx, miny, maxx, maxy, t0, t1 = old
        b, s = self.box, self.span
        if (
            b is not None
            and minx is not None
            and (minx <= b[0] or miny <= b[1] or maxx >= b[2] or maxy >= b[3])
        ):
            self.stale = True
        if s is not None and t0 is not None and (t0 <= s[0] or t1 >= s[1]):
            self.stale = True
        self.changed = True


class RecentCounts:
    """``numberMatched`` of the most recently asked queries, for both SQL backends: at most
    ``kept`` of them, the least recently used forgotten first; safe across threads. Keys carry
    the store version, so a write makes every older count unreachable."""

    def __init__(self, kept: int = 1024) -> None:
        self._kept = kept
        self._counts: OrderedDict[tuple[Any, ...], int] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> int | None:
        """The count kept for ``key``, None when there is none."""
        with self._lock:
            found = self._counts.get(key)
            if found is not None:
                self._counts.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], n: int) -> None:
        """Keep ``n`` for ``key``, forgetting the least recently used beyond the limit."""
        with self._lock:
            self._counts[key] = n
            self._counts.move_to_end(key)
            while len(self._counts) > self._kept:
                self._counts.popitem(last=False)


def document_row(document: Document) -> tuple[Any, ...]:
    """id, path, title, author, publisher, published and text, as both SQL backends'
    ``documents`` tables hold them (their first seven columns, in this order)."""
    return (
        document.id,
        document.path,
        document.title,
        document.author,
        document.publisher,
        document.published.isoformat() if document.published else None,
        document.text,
    )
