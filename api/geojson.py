"""GeoJSON pages of a layer for a query, and the same selection as a GIS file: what the OGC
items, ``/incidents`` and ``/layers/{name}`` answer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from api.deps import LayerQuery
from geomap.errors import InvalidParameter
from geomap.export import FORMATS, check_format, to_bytes
from geomap.store import query
from geomap.store.sqlite import Store, check_layer

GEOJSON = "application/geo+json"
JSON = "application/json"

TITLES = {
    "places": "Places",
    "incidents": "Incidents",
    "movements": "Movements",
}
ITEM_FORMATS = {"json": None, "geojson": None, **{k: k for k in FORMATS if k != "geojson"}}


class GeoJSONResponse(JSONResponse):
    media_type = GEOJSON


def now() -> str:
    """The current UTC time as OGC's ``timeStamp``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def url_for(request: Request, name: str, **params: Any) -> str:
    """The absolute URL of the route ``name``."""
    return str(request.url_for(name, **params))


def select_page(
    store: Store, layer: str, q: LayerQuery, *, default_limit: int | None
) -> query.Page:
    """The page of ``layer`` that ``q`` asks for (every feature when no limit applies)."""
    bbox = query.parse_bbox(q.bbox)
    interval = narrowed(
        query.parse_datetime(q.datetime) or (None, None),
        query.parse_date(q.start, "start"),
        query.parse_date(q.end, "end"),
    )
    limit = query.parse_limit(q.limit, default=default_limit)
    offset = query.parse_offset(q.offset)
    features = store.layer(check_layer(layer))
    known = set(filterable(layer, features))
    selected = query.select(
        features,
        bbox=bbox,
        start=interval[0],
        end=interval[1],
        filters=q.filters,
        properties=known,
    )
    return query.paginate(selected, limit, offset)


def narrowed(
    interval: tuple[date | None, date | None], start: date | None, end: date | None
) -> tuple[date | None, date | None]:
    """``interval`` narrowed by ``start``/``end``; InvalidParameter when nothing is left."""
    first = max((d for d in (interval[0], start) if d), default=None)
    last = min((d for d in (interval[1], end) if d), default=None)
    if first and last and first > last:
        raise InvalidParameter(
            f"the dates asked for leave no interval ({first.isoformat()} is after"
            f" {last.isoformat()})",
            where="end" if end else "datetime",
        )
    return first, last


def filterable(layer: str, features: list[dict[str, Any]]) -> list[str]:
    """Property names a filter may use: the documented ones and those the features carry."""
    from geomap.export import COLUMNS

    names = dict.fromkeys(COLUMNS.get(layer, {}))
    for f in features[:50]:
        names.update(dict.fromkeys(f.get("properties") or {}))
    return list(names)


def page_links(request: Request, page: query.Page, layer: str) -> list[dict[str, Any]]:
    """self, alternate formats, collection, and next/prev while there are more."""
    url = request.url
    links: list[dict[str, Any]] = [
        {"href": str(url), "rel": "self", "type": GEOJSON, "title": "this document"},
    ]
    for fmt in ("csv", "gpkg", "fgb"):
        links.append(
            {
                "href": str(url.include_query_params(f=fmt)),
                "rel": "alternate",
                "type": FORMATS[fmt].media_type,
                "title": f"this page as {fmt}",
            }
        )
    links.append(
        {
            "href": url_for(request, "ogc_collection", collectionId=layer),
            "rel": "collection",
            "type": JSON,
            "title": TITLES.get(layer, layer),
        }
    )
    if page.next_offset is not None:
        links.append(
            {
                "href": str(url.include_query_params(offset=page.next_offset, limit=page.limit)),
                "rel": "next",
                "type": GEOJSON,
                "title": "next page",
            }
        )
    if page.prev_offset is not None:
        links.append(
            {
                "href": str(url.include_query_params(offset=page.prev_offset, limit=page.limit)),
                "rel": "prev",
                "type": GEOJSON,
                "title": "previous page",
            }
        )
    return links


def feature_collection_page(
    request: Request, store: Store, layer: str, q: LayerQuery, *, default_limit: int | None
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection named ``layer`` for the query, with OGC paging members."""
    page = select_page(store, layer, q, default_limit=default_limit)
    return {
        "type": "FeatureCollection",
        "name": layer,
        "features": page.features,
        "numberMatched": page.matched,
        "numberReturned": page.returned,
        "timeStamp": now(),
        "links": page_links(request, page, layer),
    }


def layer_response(
    request: Request, store: Store, layer: str, q: LayerQuery, *, default_limit: int | None
) -> Response:
    """The page as GeoJSON, or as a file when ``f`` names an export format."""
    fmt = (q.f or "json").lower()
    if fmt not in ITEM_FORMATS:
        raise InvalidParameter(
            f"f {q.f!r} is not a format here; formats are {', '.join(ITEM_FORMATS)}", where="f"
        )
    target = ITEM_FORMATS[fmt]
    if target is None:
        body = feature_collection_page(request, store, layer, q, default_limit=default_limit)
        return GeoJSONResponse(body)
    page = select_page(store, layer, q, default_limit=default_limit)
    return file_response({layer: page.features}, target, f"{layer}.{target}")


def file_response(layers: dict[str, list[dict[str, Any]]], fmt: str, filename: str) -> Response:
    """``layers`` as one file of format ``fmt``, sent as an attachment named ``filename``."""
    f = check_format(fmt)
    return Response(
        to_bytes(layers, f),
        media_type=f.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
