"""GeoJSON pages of a layer for a query, streamed when unbounded, and the same selection as a
GIS file: what the OGC items, ``/incidents`` and ``/layers/{name}`` answer.

Features leave the store as GeoJSON text and go into the body as they are: a page is never
decoded and encoded again, and a response without a limit is streamed in chunks, so memory
does not grow with the layer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote_plus, urlencode

import orjson
from fastapi import Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.datastructures import URLPath

from api.deps import LayerQuery
from geomap.errors import InvalidParameter
from geomap.export import COLUMNS, FORMATS, check_format, to_bytes
from geomap.store import cql2, query
from geomap.store.base import Cursor, Filter, Page, Query, SortKey, Store, check_layer

GEOJSON = "application/geo+json"
JSON = "application/json"
CHUNK = 256  # features per chunk of a streamed body

TITLES = {
    "places": "Places",
    "incidents": "Incidents",
    "movements": "Movements",
}
ITEM_FORMATS = {"json": None, "geojson": None, **{k: k for k in FORMATS if k != "geojson"}}


class GeoJSONResponse(JSONResponse):
    media_type = GEOJSON


_STAMP: list[tuple[int, str]] = [(-1, "")]  # the last second formatted, and its text


def now() -> str:
    """The current UTC time as OGC's ``timeStamp``."""
    second = int(time.time())
    last, text = _STAMP[0]
    if second != last:
        text = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        _STAMP[0] = second, text
    return text


def url_for(request: Request, name: str, **params: Any) -> str:
    """The absolute URL of the route ``name``."""
    return str(request.url_for(name, **params))


def build_query(store: Store, layer: str, q: LayerQuery, *, default_limit: int | None) -> Query:
    """The store query ``q`` asks of ``layer`` (every feature when no limit applies);
    InvalidParameter naming the first bad parameter."""
    bbox = query.parse_bbox(q.bbox)
    start, end = narrowed(
        query.parse_datetime(q.datetime) or (None, None),
        query.parse_date(q.start, "start"),
        query.parse_date(q.end, "end"),
    )
    limit = query.parse_limit(q.limit, default=default_limit)
    offset = query.parse_offset(q.offset)
    after = Cursor(query.parse_integer(q.cursor, "cursor")) if q.cursor else None
    where = query.predicates(q.filters, filterable(store, layer)) if q.filters else ()
    layer = check_layer(layer)
    node = cql2.parse(q.filter, q.filter_lang)
    if node is not None:
        where = (*where, Filter(node, q.filter or ""))
    else:
        cql2.check_lang(q.filter_lang)  # an unknown language is refused all the same
    queryables = cql2.layer_queryables(layer)
    sortby = tuple(
        SortKey(qb.name, descending) for qb, descending in cql2.parse_sortby(q.sortby, queryables)
    )
    if sortby:
        after = None  # a cursor pages the default order; a sorted page's next link has offset
    return Query(layer, bbox, start, end, where, sortby, limit, offset, after)


def narrowed(
    interval: tuple[date | None, date | None], start: date | None, end: date | None
) -> tuple[date | None, date | None]:
    """``interval`` narrowed by ``start``/``end`` (first after last when nothing is left: a
    query that matches nothing)."""
    first = max((d for d in (interval[0], start) if d), default=None)
    last = min((d for d in (interval[1], end) if d), default=None)
    return first, last


def filterable(store: Store, layer: str) -> list[str]:
    """Property names a filter may use: the documented ones and those the features carry."""
    names = dict.fromkeys(COLUMNS.get(layer, {}))
    names.update(dict.fromkeys(store.layer_stats(layer).properties))
    return list(names)


def _with(base: str, params: list[tuple[str, str]], **changes: Any) -> str:
    """``base`` with the query ``params`` (each pair as :func:`_encoded` gives it: the name,
    and the pair URL-encoded), each of ``changes`` replacing its name (None drops it, the
    others are appended in order)."""
    kept = [pair for k, pair in params if k not in changes]
    kept += [_pair(k, v) for k, v in changes.items() if v is not None]
    return f"{base}?{'&'.join(kept)}" if kept else base


def _pair(name: str, value: Any) -> str:
    """``name=value`` URL-encoded (a number and a plain name need none)."""
    if isinstance(value, int) and name.isalnum():
        return f"{name}={value}"
    return urlencode([(name, str(value))])


def _encoded(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, the pair URL-encoded, as ``urlencode`` encodes it) of each query parameter, for
    :func:`_with`."""
    return [(k, f"{quote_plus(k)}={quote_plus(v)}") for k, v in params]


def page_links(
    request: Request, layer: str, page: Page | None, offset: int, limit: int | None
) -> list[dict[str, Any]]:
    """self, alternate formats, collection, and next (keyset) / prev while there are more."""
    base, collection = _bases(request, layer)
    query_string = request.scope.get("query_string", b"")
    url = f"{base}?{query_string.decode()}" if query_string else base  # as request.url
    params = _encoded(request.query_params.multi_items())
    links: list[dict[str, Any]] = [
        {"href": url, "rel": "self", "type": GEOJSON, "title": "this document"},
    ]
    without_f = _with(base, params, f=None)  # the three alternates differ only in f
    joint = "&" if without_f != base else "?"
    for fmt in ("csv", "gpkg", "fgb"):
        links.append(
            {
                "href": f"{without_f}{joint}f={fmt}",
                "rel": "alternate",
                "type": FORMATS[fmt].media_type,
                "title": f"this page as {fmt}",
            }
        )
    links.append(
        {
            "href": collection,
            "rel": "collection",
            "type": JSON,
            "title": TITLES.get(layer, layer),
        }
    )
    if page is not None and page.next_offset is not None:
        cursor = page.next.seq if page.next is not None else None
        links.append(
            {
                "href": _with(
                    base, params, offset=page.next_offset, limit=page.limit, cursor=cursor
                ),
                "rel": "next",
                "type": GEOJSON,
                "title": "next page",
            }
        )
    if offset > 0:
        prev = max(0, offset - (limit or offset))
        links.append(
            {
                "href": _with(base, params, offset=prev, limit=limit, cursor=None),
                "rel": "prev",
                "type": GEOJSON,
                "title": "previous page",
            }
        )
    return links


_COLLECTION_PATHS: dict[tuple[int, str], URLPath] = {}
_BASES: dict[tuple[Any, ...], tuple[str, str]] = {}  # see _bases
BASES_KEPT = 256  # at most this many kept (the Host header is the client's)


def _bases(request: Request, layer: str) -> tuple[str, str]:
    """The page's absolute URL without its query (a page's path has no "?": its layer is a
    known name) and its collection's URL, as ``request.url`` and ``url_for`` give them; kept
    for what they are made of (scheme, server, Host header, root path and path), the query
    aside."""
    scope = request.scope
    host = next((v for k, v in scope["headers"] if k == b"host"), None)
    router = scope.get("router") or scope.get("app")
    server = scope.get("server")
    key: tuple[Any, ...] = (scope.get("scheme"), server and tuple(server), host, scope["path"])
    key += (scope.get("root_path"), scope.get("app_root_path"), id(router), layer)
    found = _BASES.get(key)
    if found is None:
        if len(_BASES) >= BASES_KEPT:
            _BASES.clear()
        base = str(request.url).partition("?")[0]
        found = _BASES[key] = base, _collection_url(request, layer)
    return found


def _collection_url(request: Request, layer: str) -> str:
    """The absolute URL of the layer's collection (as ``url_for`` builds it; the route's path
    is looked up once per app)."""
    router = request.scope.get("router") or request.scope["app"]
    key = (id(router), layer)
    path = _COLLECTION_PATHS.get(key)
    if path is None:
        path = _COLLECTION_PATHS[key] = router.url_path_for("ogc_collection", collectionId=layer)
    return str(path.make_absolute_url(base_url=request.base_url))


def _head(layer: str) -> bytes:
    return b'{"type":"FeatureCollection","name":' + orjson.dumps(layer) + b',"features":['


def page_body(request: Request, layer: str, page: Page) -> bytes:
    """A GeoJSON FeatureCollection named ``layer`` holding the page, with OGC paging members."""
    tail = {
        "numberMatched": page.matched,
        "numberReturned": page.returned,
        "timeStamp": now(),
        "links": page_links(request, layer, page, page.offset, page.limit),
    }
    joined = page.joined if page.joined is not None else ",".join(page.features).encode()
    # one copy of the (often 100 KB) features into the body, not one per concatenation
    return b"".join((_head(layer), joined, b"],", orjson.dumps(tail)[1:]))


def stream_body(request: Request, store: Store, layer: str, q: Query) -> Iterator[bytes]:
    """The FeatureCollection of every feature ``q`` matches, in chunks; ``numberMatched`` is
    counted first, ``numberReturned`` is what was sent."""
    matched = store.count(q)
    links = page_links(request, layer, None, q.offset, q.limit)
    stamp = now()

    def chunks() -> Iterator[bytes]:
        yield _head(layer)
        returned = 0
        batch: list[str] = []
        for text in store.stream(q):
            batch.append(text)
            if len(batch) == CHUNK:
                yield (b"," if returned else b"") + ",".join(batch).encode()
                returned += len(batch)
                batch = []
        if batch:
            yield (b"," if returned else b"") + ",".join(batch).encode()
            returned += len(batch)
        tail = {
            "numberMatched": matched,
            "numberReturned": returned,
            "timeStamp": stamp,
            "links": links,
        }
        yield b"]," + orjson.dumps(tail)[1:]

    return chunks()


def layer_response(
    request: Request, store: Store, layer: str, q: LayerQuery, *, default_limit: int | None
) -> Response:
    """The page as GeoJSON (streamed when no limit applies), or as a file when ``f`` names an
    export format."""
    fmt = q.f or "json"
    if fmt not in ITEM_FORMATS:
        raise InvalidParameter(
            f"f {q.f!r} is not a format here; formats are {', '.join(ITEM_FORMATS)}", where="f"
        )
    target = ITEM_FORMATS[fmt]
    sq = build_query(store, layer, q, default_limit=default_limit)
    if target is None:
        if sq.limit is None:
            return StreamingResponse(stream_body(request, store, layer, sq), media_type=GEOJSON)
        return Response(page_body(request, layer, store.select(sq)), media_type=GEOJSON)
    if sq.limit is None:
        from api.routes.exports import export_response

        return export_response(store, {layer: sq}, target, f"{layer}.{target}")
    page = store.select(sq)
    return file_response({layer: page.decoded()}, target, f"{layer}.{target}")


def file_response(layers: dict[str, list[dict[str, Any]]], fmt: str, filename: str) -> Response:
    """``layers`` as one file of format ``fmt``, sent as an attachment named ``filename``."""
    f = check_format(fmt)
    return Response(
        to_bytes(layers, f),
        media_type=f.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
