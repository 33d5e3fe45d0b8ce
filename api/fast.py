"""A short way through for the requests a busy server answers most: ``/healthz`` and a page
of GeoJSON items (``/collections/{collectionId}/items``, JSON) from an embedded store.

They are answered by the same functions as their routes (:func:`api.geojson.page_body`,
:func:`api.deps.query_of`), without FastAPI's routing and parameter machinery. ``/healthz``
(one small read) is answered in the event loop; a page is built in a worker thread, at most
as many at a time as the store has readers, so the loop stays free for other requests
(``/healthz`` among them) while pages are read. Anything else, or anything that goes wrong (a
bad parameter, a store that cannot be opened, a database server's store), goes on to the
app's routes, which answer it as they always do; the security middleware around both is the
same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio
import anyio.to_thread
import orjson
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from api.deps import query_of
from api.geojson import GEOJSON, build_query, page_body
from geomap.errors import GeomapError
from geomap.features.features import LAYERS
from geomap.store import query
from geomap.store.base import Store

if TYPE_CHECKING:
    from api.deps import Stores

ITEMS = "/collections/", "/items"
JSON_FORMATS = (None, "json", "geojson")
JSON_TYPE = b"application/json"
GEOJSON_TYPE = GEOJSON.encode()
Answer = tuple[bytes, bytes]  # the media type (as its Content-Type header) and the body


class FastPaths:
    """ASGI middleware answering ``/healthz`` and JSON item pages itself (see the module)."""

    def __init__(self, app: ASGIApp, *, stores: Stores) -> None:
        self.app = app
        self.stores = stores
        self._readers: anyio.CapacityLimiter | None = None  # made in the event loop

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            answer: Answer | None = None
            path = _route_path(scope)
            if path == "/healthz":
                answer = self.answer(scope)
            elif path.startswith(ITEMS[0]) and path.endswith(ITEMS[1]):
                if self._readers is None:
                    self._readers = anyio.CapacityLimiter(self.stores.settings.store_readers)
                answer = await anyio.to_thread.run_sync(self.answer, scope, limiter=self._readers)
            if answer is not None:
                media_type, body = answer
                headers = [
                    (b"content-length", str(len(body)).encode()),
                    (b"content-type", media_type),
                ]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    def answer(self, scope: Scope) -> Answer | None:
        """The answer (200, its media type and body: what a starlette ``Response`` of them
        sends) to a request this path answers, None for any other (or on an error, which the
        routes then answer)."""
        path = _route_path(scope)
        try:
            if path == "/healthz":
                return self._health()
            if path.startswith(ITEMS[0]) and path.endswith(ITEMS[1]):
                layer = path[len(ITEMS[0]) : -len(ITEMS[1])]
                if layer in LAYERS:
                    return self._items(Request(scope), layer)
        except GeomapError:
            return None
        return None

    def _local(self) -> Store | None:
        store = self.stores.get()
        return None if getattr(store, "reads_wait", False) else store

    def _health(self) -> Answer | None:
        store = self._local()
        if store is None:
            return None
        counts = store.counts()
        return JSON_TYPE, orjson.dumps({"status": "ok", "documents": counts["documents"]})

    def _items(self, request: Request, layer: str) -> Answer | None:
        q = query_of(request.query_params)
        if q.f not in JSON_FORMATS or (q.f is None and "text/html" in _accept(request)):
            return None
        store = self._local()
        if store is None:
            return None
        sq = build_query(store, layer, q, default_limit=query.DEFAULT_LIMIT)
        if sq.limit is None:
            return None
        return GEOJSON_TYPE, page_body(request, layer, store.select(sq))


def _route_path(scope: Scope) -> str:
    """The request's path within the app (without the public URL's prefix)."""
    path: str = scope["path"]
    root = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def _accept(request: Request) -> str:
    return request.headers.get("accept", "")
