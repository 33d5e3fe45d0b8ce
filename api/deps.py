"""Dependencies injected into routes: the settings, the store and a layer query."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from geomap.errors import InvalidParameter
from geomap.settings import Settings
from geomap.store import query
from geomap.store.backends import open_store
from geomap.store.base import Store

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
CRS84_NAMES = {CRS84, CRS84.replace("http:", "https:"), "CRS84", "OGC:CRS84"}
# query parameters that are not property filters
RESERVED = {
    "bbox", "datetime", "start", "end", "limit", "offset", "cursor", "f", "crs", "bbox-crs",
    "filter", "filter-lang", "filter-crs", "sortby",
}  # fmt: skip


class Stores:
    """The app's stores: one read-only store, opened on first use and shared by every request
    of the process (its connections are a small pool; a failed open is tried again next
    time), and, for the write routes only, one writer store used one write at a time
    (:meth:`writing`). Reads never go through the writer."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None
        self._writer: Store | None = None
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None  # the async reader's
        self._async_lock: asyncio.Lock | None = None
        self._reader: Any = None

    def opened(self) -> Store | None:
        """The read-only store if it is open already, else None (opening it may wait)."""
        return self._store

    async def reader(self, store: Store) -> Any:
        """The asynchronous reader (:class:`~geomap.store.postgis.AsyncReader`) of ``store``
        (this process's read-only store) in the running event loop, opened on first use with
        at most as many connections as page readers; None for a store without one (SQLite). A reader
        belongs to one event loop: in another, another is opened."""
        make = getattr(store, "async_reader", None)
        if make is None:
            return None
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # first use, or another loop (the old one's is let go)
            self._loop, self._async_lock, self._reader = loop, asyncio.Lock(), None
        if self._reader is None:
            assert self._async_lock is not None
            async with self._async_lock:
                if self._reader is None:
                    self._reader = await make(self.settings.store_readers).open()
        return self._reader

    async def aclose(self) -> None:
        """Close the asynchronous reader (in the event loop that opened it)."""
        reader, self._reader = self._reader, None
        if reader is not None and self._loop is asyncio.get_running_loop():
            await reader.close()

    def get(self) -> Store:
        store = self._store
        if store is None:
            with self._lock:
                if self._store is None:
                    # one connection more than the threads reading pages at once: the event
                    # loop's own small reads (/healthz) never wait for one of theirs
                    readers = self.settings.store_readers + 1
                    self._store = open_store(self.settings, readonly=True, readers=readers)
                store = self._store
        return store

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The writer store, held by this thread until the block ends (writes run one at a
        time; each is one transaction, which readers see once committed)."""
        with self._write_lock:
            if self._writer is None:
                self._writer = open_store(self.settings)
            yield self._writer

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_store(request: Request) -> Store:
    """The process's read-only store."""
    return request.app.state.stores.get()  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(get_store)]


@dataclass(frozen=True, slots=True)
class LayerQuery:
    """The raw query of a layer request, parsed on demand so errors name the parameter."""

    bbox: str | None
    datetime: str | None
    limit: str | None
    offset: str | None
    f: str | None
    filters: dict[str, str]
    start: str | None = None  # /map's day bounds, narrowing ``datetime`` further
    end: str | None = None
    cursor: str | None = None
    filter: str | None = None  # CQL2 (OGC API – Features Part 3)
    filter_lang: str | None = None
    sortby: str | None = None


async def layer_query(
    request: Request,
    bbox: Annotated[
        str | None,
        Query(
            description="minx,miny,maxx,maxy (or 6 numbers with z) in CRS84 lon/lat; features "
            "whose geometry intersects it",
            examples=["120,30,130,45"],
        ),
    ] = None,
    datetime_: Annotated[
        str | None,
        Query(
            alias="datetime",
            description="an instant (2019-02-21 or 2019-02-21T00:00:00Z) or an interval a/b "
            "with open ends '..' or empty; features whose dates overlap it",
            examples=["2019-02-01/2019-03-31"],
        ),
    ] = None,
    limit: Annotated[
        str | None,
        Query(
            description=f"page size, 1..{query.MAX_LIMIT} (items: default {query.DEFAULT_LIMIT}"
            "; /incidents and /layers: all)"
        ),
    ] = None,
    start: Annotated[
        str | None,
        Query(description="features dated on or after this day (YYYY-MM-DD), as on /map"),
    ] = None,
    end: Annotated[
        str | None,
        Query(description="features dated on or before this day (YYYY-MM-DD), as on /map"),
    ] = None,
    offset: Annotated[str | None, Query(description="features to skip (default 0)")] = None,
    crs: Annotated[str | None, Query(description="CRS84 only")] = None,
    bbox_crs: Annotated[str | None, Query(alias="bbox-crs", description="CRS84 only")] = None,
    filter_crs: Annotated[
        str | None, Query(alias="filter-crs", description="CRS84 only (of filter's geometries)")
    ] = None,
    cursor: Annotated[
        str | None,
        Query(
            description="where the previous page ended, as a next link gives it (the page "
            "then starts after it, however deep)"
        ),
    ] = None,
    f: Annotated[
        str | None,
        Query(description="format: json/geojson (default); items also csv, gpkg, fgb"),
    ] = None,
    filter_: Annotated[
        str | None,
        Query(
            alias="filter",
            description="a CQL2 expression (OGC API – Features Part 3) over the collection's"
            " queryables, e.g. event_type = 'protest' AND n_sources > 1",
            examples=["event_type = 'protest' AND n_sources > 1"],
        ),
    ] = None,
    filter_lang: Annotated[
        str | None,
        Query(
            alias="filter-lang",
            description="the language of filter: cql2-text (default) or cql2-json",
        ),
    ] = None,
    sortby: Annotated[
        str | None,
        Query(
            description="comma-separated queryables, each optionally prefixed by + (ascending,"
            " the default) or - (descending), e.g. -date_start",
            examples=["-date_start"],
        ),
    ] = None,
) -> LayerQuery:
    """The shared query parameters; any other parameter is a property filter
    (``event_type=…``, ``actor1=…``; ``actor=…`` matches a substring of actor/actor1/actor2).
    The parameters above document them (their values are the query's, as
    :func:`query_of` reads them)."""
    return query_of(request.query_params)


def query_of(params: Mapping[str, str]) -> LayerQuery:
    """The layer query of a request's query parameters (the last value of a repeated one);
    InvalidParameter for a CRS other than CRS84."""
    get = params.get
    filters = {k: v for k, v in params.items() if k not in RESERVED}
    for key in ("crs", "bbox-crs", "filter-crs"):
        value = get(key)
        if value is not None and value not in CRS84_NAMES:
            raise InvalidParameter(
                f"{key} {value!r} is not supported; only {CRS84} (lon/lat)", where=key
            )
    return LayerQuery(
        get("bbox"), get("datetime"), get("limit"), get("offset"), get("f"), filters,
        get("start"), get("end"), get("cursor"), get("filter"), get("filter-lang"), get("sortby"),
    )  # fmt: skip


LayerQueryDep = Annotated[LayerQuery, Depends(layer_query)]

FParam = Annotated[
    str | None,
    Query(description="format: json or html (default: html for a browser, else json)"),
]
