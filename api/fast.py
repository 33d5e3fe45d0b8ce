"""A short way through for the requests a busy server answers most: ``/healthz`` of an
embedded store, a page of GeoJSON items (``/collections/{collectionId}/items``, JSON) and a
vector tile (``/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{x}/{y}``), from any
store (SQLite or PostGIS).

They are answered by the same functions as their routes (:func:`api.geojson.page_body`,
:func:`api.routes.tiles.tile_data`, :func:`api.deps.query_of`), without FastAPI's routing and
parameter machinery. ``/healthz`` (one small read) and a tile this process keeps are answered
in the event loop, and so is a tile of a database server's store to build (through its
asynchronous reader, :class:`~geomap.store.postgis.AsyncReader`); any other page or tile is
built in a worker thread, at most as many at a time as the store has readers, so the loop
stays free for other requests (``/healthz`` among them) while the store is read. Anything
else, or anything that goes wrong (a bad parameter, a store that cannot be opened, a read
that fails; ``/healthz`` of a database server's store, whose reads wait on the server), goes
on to the app's routes, which answer it as they always do; the security middleware around
both is the same."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, cast

import anyio.to_thread
import orjson
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from api.deps import query_of
from api.geojson import GEOJSON, build_query, page_body
from api.routes.tiles import (
    TILE_HEADERS,
    kept_tile,
    tile_data,
    tile_data_async,
    tile_position,
)
from geomap.errors import GeomapError
from geomap.features.features import LAYERS
from geomap.store import query
from geomap.store.base import Store
from geomap.tiles import MVT_MEDIA_TYPE

if TYPE_CHECKING:
    from api.deps import Stores

ITEMS = "/collections/", "/items"
JSON_FORMATS = (None, "json", "geojson")
JSON_TYPE = b"application/json"
GEOJSON_TYPE = GEOJSON.encode()
MVT_TYPE = MVT_MEDIA_TYPE.encode()
TILE_CACHE_CONTROL = (b"cache-control", TILE_HEADERS["Cache-Control"].encode())
Headers = list[tuple[bytes, bytes]]
Answer = tuple[int, Headers, bytes]  # status, headers, body: what the route's Response sends
IN_A_THREAD = object()  # what answer_async says of a request answer takes in a worker thread


class FastPaths:
    """ASGI middleware answering ``/healthz``, JSON item pages and vector tiles itself (see
    the module)."""

    def __init__(self, app: ASGIApp, *, stores: Stores) -> None:
        self.app = app
        self.stores = stores
        self._readers: ThreadPoolExecutor | None = None  # made at the first page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            answer: Answer | None = None
            path = _route_path(scope)
            if path == "/healthz":
                answer = self.answer(scope)
            elif path.startswith(ITEMS[0]):
                answer = self.kept(scope)  # a kept tile: no store, in the loop
                if answer is None and (path.endswith(ITEMS[1]) or _tile_path(path)):
                    found = await self.answer_async(scope)  # a tile of a database server
                    if found is IN_A_THREAD:
                        answer = await asyncio.get_running_loop().run_in_executor(
                            self._pool(), self.answer, scope
                        )
                    else:
                        answer = cast("Answer | None", found)
            if answer is not None:
                status, headers, body = answer
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    def _pool(self) -> ThreadPoolExecutor:
        """The worker threads answering pages and tiles (as many as the store has readers):
        their own pool, whose hand-over (a C queue) costs the loop less than anyio's."""
        if self._readers is None:
            self._readers = ThreadPoolExecutor(
                self.stores.settings.store_readers, thread_name_prefix="geomap-page"
            )
        return self._readers

    def answer(self, scope: Scope) -> Answer | None:
        """The answer (status, headers and body: what the route's ``Response`` sends) to a
        request this path answers, None for any other (or on an error, which the routes then
        answer)."""
        path = _route_path(scope)
        try:
            if path == "/healthz":
                return self._health()
            if path.startswith(ITEMS[0]) and path.endswith(ITEMS[1]):
                layer = path[len(ITEMS[0]) : -len(ITEMS[1])]
                if layer in LAYERS:
                    return self._items(Request(scope), layer)
            tile = _tile_path(path)
            if tile is not None:
                return self._tile(Request(scope), *tile)
        except GeomapError:
            return None
        return None

    async def answer_async(self, scope: Scope) -> Answer | None | object:
        """:meth:`answer` to a tile request, the tile built by the store's asynchronous
        reader in the event loop (a database server's): the same answer, None for a request
        the routes answer (or on an error), :data:`IN_A_THREAD` for one :meth:`answer` takes
        in a worker thread: a page (its ~100 KB read through an asynchronous connection
        took the loop longer than a thread's hop), a store with no such reader, a property
        filter (whose names are read from the store)."""
        tile = _tile_path(_route_path(scope))
        if tile is None:  # a page
            return IN_A_THREAD
        try:
            store = self.stores.opened()
            if store is None:  # opened in a thread: opening waits
                store = await anyio.to_thread.run_sync(self.stores.get)
            if not getattr(store, "reads_wait", False):
                return IN_A_THREAD
            request = Request(scope)
            layer, matrix_set, z, x, y = tile
            zoom, col, row = tile_position(matrix_set, z, x, y)
            q = query_of(request.query_params)
            if q.filters:
                return IN_A_THREAD
            reader = await self.stores.reader(store)
            if reader is None:
                return IN_A_THREAD
            data = await tile_data_async(request, reader, store, layer, zoom, col, row, q)
            return _tile_answer(data)
        except GeomapError:
            return None

    def kept(self, scope: Scope) -> Answer | None:
        """The answer to a request for a tile this process keeps, None for any other."""
        tile = _tile_path(_route_path(scope))
        if tile is None:
            return None
        layer, matrix_set, z, x, y = tile
        try:
            zoom, col, row = tile_position(matrix_set, z, x, y)
        except GeomapError:
            return None
        request = Request(scope)
        data = kept_tile(request, layer, zoom, col, row)
        return None if data is None else _tile_answer(data)

    def _local(self) -> Store | None:
        store = self.stores.get()
        return None if getattr(store, "reads_wait", False) else store

    def _health(self) -> Answer | None:
        store = self._local()
        if store is None:
            return None
        counts = store.counts()
        return _answer(JSON_TYPE, orjson.dumps({"status": "ok", "documents": counts["documents"]}))

    def _items(self, request: Request, layer: str) -> Answer | None:
        q = query_of(request.query_params)
        if q.f not in JSON_FORMATS or (q.f is None and "text/html" in _accept(request)):
            return None
        store = self.stores.get()  # in a worker thread: a database server's store too
        sq = build_query(store, layer, q, default_limit=query.DEFAULT_LIMIT)
        if sq.limit is None:
            return None
        return _answer(GEOJSON_TYPE, page_body(request, layer, store.select(sq)))

    def _tile(
        self, request: Request, layer: str, matrix_set: str, z: str, x: str, y: str
    ) -> Answer | None:
        zoom, col, row = tile_position(matrix_set, z, x, y)
        q = query_of(request.query_params)
        data = tile_data(request, self.stores.get(), layer, zoom, col, row, q)
        return _tile_answer(data)


def _answer(media_type: bytes, body: bytes) -> Answer:
    """200 with ``body`` (what a starlette ``Response`` of them sends)."""
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", media_type)]
    return 200, headers, body


def _tile_answer(data: bytes) -> Answer:
    """The tile route's answer: the tile (200), or 204 for an empty one, kept a minute."""
    if not data:
        return 204, [TILE_CACHE_CONTROL], b""
    length = (b"content-length", str(len(data)).encode())
    return 200, [TILE_CACHE_CONTROL, length, (b"content-type", MVT_TYPE)], data


def _tile_path(path: str) -> tuple[str, str, str, str, str] | None:
    """(layer, tile matrix set, z, x, y) of a tile's path
    (``/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{x}/{y}``), None for another."""
    parts = path.split("/")
    if len(parts) != 8 or parts[1] != "collections" or parts[3] != "tiles":
        return None
    if parts[2] not in LAYERS:
        return None
    return parts[2], parts[4], parts[5], parts[6], parts[7]


def _route_path(scope: Scope) -> str:
    """The request's path within the app (without the public URL's prefix)."""
    path: str = scope["path"]
    root = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def _accept(request: Request) -> str:
    return request.headers.get("accept", "")
