"""The :class:`Store` protocol and the query model every backend answers the same way.

A backend (SQLite in :mod:`geomap.store.sqlite`, PostGIS next) keeps documents, each document's
own reports of features, and the **merged** features readers get: merging happens when a
document is added or removed, never on a read. Readers ask with a :class:`Query` and get
GeoJSON text back, so a page costs what the answer costs, not what the layer holds.

Query semantics (the same on every backend; :mod:`geomap.store.query` holds the reference
implementation in Python, which the tests compare each backend with):

- ``bbox`` (CRS84 ``minx, miny, maxx, maxy``): features whose geometry intersects the box,
  edges included; minx > maxx is a box across the antimeridian (``minx..180`` and
  ``-180..maxx``), miny > maxy a box nothing intersects.
- ``start``/``end`` (dates, either open): features whose time span ``[t0, t1]`` overlaps them
  (none when start is after end);
  the span is ``date_start``..``date_end`` (``event_date`` when those are missing), or the
  report's ``published`` day for features without event dates (places). Undated features never
  match once a bound is given.
- ``where``: every predicate holds (:class:`Equals`, :class:`Contains`).
- Order: ``sortby`` keys, then ingest order (the first report of a feature decides its place);
  without ``sortby``, ingest order alone. Ties never reorder between calls.
- ``offset`` skips matched features; ``after`` (a :class:`Cursor` from an earlier page of the
  same query, default order only) starts after that feature instead, at a cost that does not
  grow with the depth of the page; ``limit`` caps the page (None: no cap).

Corrections (:mod:`geomap.features.corrections`) are stored apart from the extractions and are
applied at write time too: whenever a merged feature is written (a document added, re-extracted
or removed) and whenever corrections are added or removed, the backend stores
:func:`~geomap.features.corrections.correct_feature` of each merged feature concerned, in the
same transaction. So a hidden feature is not among the merged features at all (not counted,
not in any extent, index or page), a moved place and the events located there are indexed at
their new point, and a corrected feature's stored GeoJSON says ``corrected: true``. The
features a correction concerns: the feature of its layer and id; the feature of its layer whose
``document_id``/``quote_start``/``quote_end`` are the correction's (re-extraction may change
ids); for a place move, every incident whose ``gazetteer_id`` and every movement whose
``origin_id`` or ``destination_id`` is the place's id (in any report of the feature).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, Protocol

from geomap.errors import InvalidParameter, NotFound
from geomap.features.corrections import Correction
from geomap.features.features import LAYERS
from geomap.model import Document

BBox = tuple[float, float, float, float]
Interval = tuple[date | None, date | None]

# properties a backend keeps in columns of their own (B-tree indexed where they are filtered)
INDEXED = ("event_type", "actor1", "actor2", "actor", "country_code")
# the properties the ``actor`` filter looks in
ACTOR_KEYS = ("actor", "actor1", "actor2")


def check_layer(name: str) -> str:
    """``name`` if it is a layer, else NotFound naming it."""
    if name not in LAYERS:
        raise NotFound(f"unknown layer {name!r}; layers are {', '.join(LAYERS)}")
    return name


def latest_reports(
    features: Mapping[str, Iterable[dict[str, Any]]],
) -> dict[tuple[str, str], dict[str, Any]]:
    """One report per ``(layer, id)`` of a document's features, in the order of their last
    report (a later one from the same document replaces an earlier); NotFound for an unknown
    layer."""
    reports: dict[tuple[str, str], dict[str, Any]] = {}
    for layer, items in features.items():
        check_layer(layer)
        for f in items:
            key = (layer, str(f["id"]))
            reports.pop(key, None)
            reports[key] = f
    return reports


def fold(value: Any) -> str | None:
    """How filters compare text: trimmed and lower-cased (Unicode), None stays None."""
    return None if value is None else str(value).strip().lower()


@dataclass(frozen=True, slots=True)
class Equals:
    """``name`` equals ``value``, case-insensitively after trimming both.

    A number equals a value that reads as the same number; a missing or null property equals
    ``""`` and ``"null"``. ``id`` compares the feature's id when no property is so named.
    """

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Contains:
    """``value`` is part of one of ``names`` (case-insensitive, trimmed): the ``actor`` filter."""

    names: tuple[str, ...]
    value: str


@dataclass(frozen=True, slots=True)
class Filter:
    """A CQL2 filter (``filter=``; parsed by :func:`geomap.store.cql2.parse`): the condition a
    backend compiles to SQL (:mod:`geomap.store.cql2` says what it supports)."""

    node: Any = field(compare=False, hash=False)
    text: str = ""


@dataclass(frozen=True, slots=True)
class Sampled:
    """Features whose :func:`geomap.tiles.level` is at most ``zoom``: the sample a tile
    shows zoomed out."""

    zoom: int


Predicate = Equals | Contains | Filter | Sampled


def box_is_empty(bbox: BBox | None) -> bool:
    """True for a box nothing intersects (miny > maxy)."""
    return bbox is not None and bbox[1] > bbox[3]


def interval_is_empty(start: date | None, end: date | None) -> bool:
    """True for an interval no date is in (start after end)."""
    return start is not None and end is not None and start > end


def boxes(bbox: BBox) -> list[BBox]:
    """``bbox`` as boxes with minx <= maxx: two for a box across the antimeridian, none for a
    box nothing intersects."""
    minx, miny, maxx, maxy = bbox
    if miny > maxy:
        return []
    if minx > maxx:
        return [(minx, miny, 180.0, maxy), (-180.0, miny, maxx, maxy)]
    return [bbox]


@dataclass(frozen=True, slots=True)
class SortKey:
    """Order by ``name`` (one of :data:`SORTABLE`, or a queryable property of the layer:
    :func:`geomap.store.cql2.layer_queryables`), undated or missing values last either way."""

    name: str
    descending: bool = False


# what a query may be sorted by: the start and end of a feature's time span (see above)
SORTABLE = ("time_start", "time_end")


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page ended, in the default order: the ingest position of its last feature.

    Its text form (:meth:`token`) is opaque to clients and goes in ``next`` links.
    """

    seq: int

    def token(self) -> str:
        """The URL-safe text of this cursor."""
        raw = json.dumps([self.seq], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def parse(cls, token: str | None, name: str = "cursor") -> Cursor | None:
        """The cursor a :meth:`token` came from; None when absent; InvalidParameter naming
        ``name`` when the text is not one this server made."""
        if token is None or token.strip() == "":
            return None
        try:
            raw = base64.urlsafe_b64decode(token.strip() + "=" * (-len(token.strip()) % 4))
            values = json.loads(raw)
            if (
                isinstance(values, list)
                and len(values) == 1
                and isinstance(values[0], int)
                and not isinstance(values[0], bool)
            ):
                return cls(values[0])
        except (ValueError, binascii.Error, UnicodeDecodeError):
            pass
        raise InvalidParameter(
            f"{name} {token!r} is not a cursor this server gave (take it from a next link)",
            where=name,
        )


@dataclass(frozen=True, slots=True)
class Query:
    """What a reader asks of one layer; see the module's docstring for the semantics."""

    layer: str
    bbox: BBox | None = None
    start: date | None = None
    end: date | None = None
    where: tuple[Predicate, ...] = ()
    sortby: tuple[SortKey, ...] = ()
    limit: int | None = None
    offset: int = 0
    after: Cursor | None = None

    @property
    def timed(self) -> bool:
        """True when a time bound is given."""
        return self.start is not None or self.end is not None

    @property
    def empty(self) -> bool:
        """True when nothing can match: a box with miny > maxy or a start after the end."""
        return box_is_empty(self.bbox) or interval_is_empty(self.start, self.end)


@dataclass(frozen=True, slots=True, eq=False)
class Page:
    """The features of one page as GeoJSON text, in order, and where the page sits.

    ``matched`` counts every feature the query matches (paging ignored); ``next`` is the
    cursor that continues after this page, None on the last page or when not in the default
    order. A store that reads a page as one UTF-8 text (``joined``: the features joined by
    commas, sent as they are) gives the features' byte lengths instead of the features: they
    are cut out of it when first asked for. Pages are equal when their features and places
    are.
    """

    returned: int
    matched: int
    offset: int
    limit: int | None
    next: Cursor | None = None
    joined: bytes | None = field(default=None, repr=False)
    texts: list[str] | None = field(default=None, repr=False)  # the features, once known
    sizes: str | None = field(default=None, repr=False)  # their lengths in joined: "12,40,…"

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]], matched: int, query: Query) -> Page:
        """The page of ``query`` from its ``(position, geojson)`` rows, with a cursor after the
        last row when more follow in the default order (no ``sortby``)."""
        last = int(rows[-1][0]) if rows else None
        return cls.from_features([r[1] for r in rows], last, matched, query)

    @classmethod
    def from_features(
        cls,
        features: list[str],
        last: int | None,
        matched: int,
        query: Query,
        joined: bytes | None = None,
    ) -> Page:
        """The page of ``query`` holding ``features`` (``last``: the position of the last;
        ``joined``: them as UTF-8 joined by commas, when read so), with a cursor after the
        last when more follow in the default order (no ``sortby``)."""
        cursor = _cursor(len(features), last, matched, query)
        return cls(len(features), matched, query.offset, query.limit, cursor, joined, features)

    @classmethod
    def from_joined(
        cls, joined: bytes, sizes: str, returned: int, last: int | None, matched: int, query: Query
    ) -> Page:
        """The page of ``query`` holding the ``returned`` features of ``joined`` (UTF-8, joined
        by commas; ``sizes``: their lengths in bytes, joined by commas; ``last``: the position
        of the last), with a cursor as :meth:`from_features` gives it."""
        cursor = _cursor(returned, last, matched, query)
        return cls(returned, matched, query.offset, query.limit, cursor, joined, None, sizes)

    @property
    def features(self) -> list[str]:
        """The features as GeoJSON text, in order."""
        texts = self.texts
        if texts is None:
            texts, at, joined = [], 0, self.joined or b""
            for size in map(int, (self.sizes or "").split(",") if self.returned else ()):
                texts.append(joined[at : at + size].decode())
                at += size + 1
            object.__setattr__(self, "texts", texts)  # the same list from any thread
        return texts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        mine = (self.matched, self.offset, self.limit, self.next, self.features)
        return mine == (other.matched, other.offset, other.limit, other.next, other.features)

    __hash__ = None  # type: ignore[assignment]

    @property
    def next_offset(self) -> int | None:
        """Offset of the next page, None when this is the last."""
        end = self.offset + self.returned
        return end if self.limit is not None and end < self.matched else None

    @property
    def prev_offset(self) -> int | None:
        """Offset of the previous page, None on the first."""
        if self.offset <= 0:
            return None
        return max(0, self.offset - (self.limit or self.offset))

    def decoded(self) -> list[dict[str, Any]]:
        """The features as dicts."""
        return [json.loads(f) for f in self.features]


def _cursor(returned: int, last: int | None, matched: int, query: Query) -> Cursor | None:
    """The cursor after a page of ``returned`` features of ``query`` ending at position
    ``last``, when more follow in the default order (no ``sortby``); else None."""
    if (
        not query.sortby
        and query.limit is not None
        and last is not None
        and returned == query.limit
        and query.offset + returned < matched
    ):
        return Cursor(last)
    return None


@dataclass(frozen=True, slots=True)
class LayerStats:
    """What a collection document says of a layer, kept up to date by every write."""

    name: str
    count: int
    bbox: BBox | None
    interval: Interval
    properties: tuple[str, ...] = field(default=())


class Addition(NamedTuple):
    """One document to :meth:`Store.add`: its features by layer, the extraction they came
    from, and whether they replace those of a stored copy (re-extraction)."""

    document: Document
    features: dict[str, list[dict[str, Any]]]
    extractor: str = ""
    replace: bool = False


class Store(Protocol):
    """What geomap needs from a store of documents and their merged features.

    Writes (``add``, ``remove``) are atomic and leave every merged feature they touch up to
    date in the same transaction; reads never write and never merge.
    """

    def has_document(self, document_id: str) -> bool:
        """True when a document with this content hash is stored."""
        ...

    def extractor_of(self, document_id: str) -> str | None:
        """The extraction a stored document's features came from ('' when not recorded), or
        None when the document is not stored."""
        ...

    def add(
        self,
        document: Document,
        features: dict[str, list[dict[str, Any]]],
        extractor: str = "",
        *,
        replace: bool = False,
    ) -> bool:
        """Store a document and its features (layer -> GeoJSON features) and merge them into
        the features other documents report, in one transaction; False (and nothing changed)
        if the document was already stored. With ``replace``, a stored document's features
        are replaced by these (re-extraction)."""
        ...

    def add_many(self, additions: Sequence[Addition]) -> list[bool]:
        """:meth:`add` each of ``additions`` in turn, in one transaction: the store ends as
        after adding them one by one (each merged feature is written once). For each, False
        if the document was already stored (and not replaced)."""
        ...

    def remove(self, document_id: str) -> bool:
        """Remove a document; every feature it reported is merged again from the documents
        left (or removed when none is), in the same transaction. False if not stored."""
        ...

    def document(self, document_id: str) -> dict[str, Any]:
        """A stored document's metadata (``id``, ``path``, ``title``, ``author``,
        ``publisher``, ``published``, ``url``, ``format``, ``ingested``) and its ``text``: the
        text every offset in its features indexes. NotFound naming the id when not stored."""
        ...

    def documents(self) -> Iterator[Document]:
        """Every stored document, first ingested first, as the Document it was ingested from
        (read in batches: memory does not grow with the number of documents)."""
        ...

    def add_corrections(self, corrections: Iterable[Correction]) -> int:
        """Store corrections and apply them to the merged features they concern (see the
        module's docstring), in one transaction; those already stored (same id) are skipped.
        Returns how many were new."""
        ...

    def remove_corrections(self, ids: Iterable[str]) -> int:
        """Remove the corrections with these ids and merge the features they concerned again
        without them, in one transaction. Returns how many were removed."""
        ...

    def corrections(self) -> list[Correction]:
        """Every stored correction, oldest first."""
        ...

    def version(self) -> str:
        """A short token that changes with every write readers can see (documents added,
        re-extracted or removed, corrections added or removed): a counter the store keeps, so
        polling it costs one indexed read."""
        ...

    def select(self, query: Query) -> Page:
        """One page of the features ``query`` matches, with the number matched."""
        ...

    def count(self, query: Query) -> int:
        """How many features ``query`` matches (its paging ignored)."""
        ...

    def stream(self, query: Query) -> Iterator[str]:
        """Every feature ``query`` matches (its offset and limit applied), as GeoJSON text, in
        order, read in batches from one consistent snapshot: memory does not grow with the
        number of features."""
        ...

    def feature(self, layer: str, feature_id: str) -> dict[str, Any]:
        """One merged feature by id; NotFound naming it when there is none."""
        ...

    def layer_stats(self, layer: str) -> LayerStats:
        """Count, extents and property names of a layer, without reading its features."""
        ...

    def counts(self) -> dict[str, int]:
        """Feature count per layer (merged features), plus ``documents``."""
        ...

    def layer(self, name: str) -> list[dict[str, Any]]:
        """Every feature of a layer, decoded, in order (for small layers and tests; readers
        of big layers use :meth:`stream`)."""
        ...

    def tile(self, query: Query, z: int, x: int, y: int) -> bytes:
        """The Mapbox Vector Tile (one layer named after ``query.layer``, the properties of
        :data:`geomap.tiles.TILE_PROPERTIES`) of what ``query`` matches in tile ``z/x/y`` of
        WebMercatorQuad (paging ignored; at most :data:`geomap.tiles.MAX_FEATURES`, the first
        ingested); empty bytes when nothing falls in it."""
        ...

    def close(self) -> None:
        """Let go of every connection."""
        ...


def decode(features: Iterator[str] | list[str]) -> Iterator[dict[str, Any]]:
    """GeoJSON texts as dicts, one at a time."""
    for text in features:
        yield json.loads(text)
