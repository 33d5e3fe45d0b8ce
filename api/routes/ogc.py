"""OGC API – Features (Part 1 Core, GeoJSON) over the store, and file exports.

Paths follow the standard exactly (QGIS builds them itself): ``/``, ``/conformance``,
``/collections``, ``/collections/{collectionId}``, ``/collections/{collectionId}/items`` and
``/collections/{collectionId}/items/{featureId}``; plus ``/export/{layer}.{ext}``. Query
parsing and selection live in :mod:`geomap.store.query`, shared with ``/incidents``, ``/layers`` and
``/map``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import StoreDep
from api.schemas import Collection, Collections, Conformance, Error, FeatureCollection, LandingPage
from geomap.errors import InvalidParameter, NotFound
from geomap.export import FORMATS, check_format, check_layers, to_bytes
from geomap.features.features import GEOMETRY_TYPES, LAYERS
from geomap.store import query
from geomap.store.sqlite import Store, check_layer

GEOJSON = "application/geo+json"
JSON = "application/json"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
_CRS84_NAMES = {CRS84, CRS84.replace("http:", "https:"), "CRS84", "OGC:CRS84"}

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
]

TITLES = {
    "places": "Places",
    "incidents": "Incidents",
    "movements": "Movements",
}
DESCRIPTIONS = {
    "places": "Every distinct place the reports mention, geocoded from the embedded gazetteer "
    "(Points). Time: the publication date of the report.",
    "incidents": "What happened where and when, who did it, quoted from the source (Points). "
    "Time: date_start..date_end.",
    "movements": "Who went from where, through where, to where, drawn along great circles "
    "(MultiLineStrings, split at the antimeridian). Time: date_start..date_end.",
}

# query parameters that are not property filters
RESERVED = {"bbox", "datetime", "start", "end", "limit", "offset", "f", "crs", "bbox-crs"}
ITEM_FORMATS = {"json": None, "geojson": None, **{k: k for k in FORMATS if k != "geojson"}}
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error}, 404: {"model": Error}}


class GeoJSONResponse(JSONResponse):
    media_type = GEOJSON


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _url(request: Request, name: str, **params: Any) -> str:
    return str(request.url_for(name, **params))


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


def layer_query(
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
    f: Annotated[
        str | None,
        Query(description="format: json/geojson (default); items also csv, gpkg, fgb"),
    ] = None,
) -> LayerQuery:
    """The shared query parameters; any other parameter is a property filter
    (``event_type=…``, ``actor1=…``; ``actor=…`` matches a substring of actor/actor1/actor2)."""
    filters = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    for key in ("crs", "bbox-crs"):
        value = request.query_params.get(key)
        if value is not None and value not in _CRS84_NAMES:
            raise InvalidParameter(
                f"{key} {value!r} is not supported; only {CRS84} (lon/lat)", where=key
            )
    return LayerQuery(bbox, datetime_, limit, offset, f, filters, start, end)


LayerQueryDep = Annotated[LayerQuery, Depends(layer_query)]


def select_page(
    store: Store, layer: str, q: LayerQuery, *, default_limit: int | None
) -> query.Page:
    """The page of ``layer`` that ``q`` asks for (every feature when no limit applies)."""
    bbox = query.parse_bbox(q.bbox)
    interval = _narrowed(
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


def _narrowed(
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


def _page_links(request: Request, page: query.Page, layer: str) -> list[dict[str, Any]]:
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
            "href": _url(request, "ogc_collection", collectionId=layer),
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
        "timeStamp": _now(),
        "links": _page_links(request, page, layer),
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
    return _file_response({layer: page.features}, target, f"{layer}.{target}")


def _file_response(layers: dict[str, list[dict[str, Any]]], fmt: str, filename: str) -> Response:
    f = check_format(fmt)
    return Response(
        to_bytes(layers, f),
        media_type=f.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def wants_html(request: Request) -> bool:
    """HTML for ``f=html`` or a browser's Accept; JSON for ``f=json`` and everything else."""
    f = request.query_params.get("f")
    if f:
        if f.lower() not in ("json", "html"):
            raise InvalidParameter(f"f {f!r} is not a format here; use json or html", where="f")
        return f.lower() == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept


def _temporal(interval: tuple[date | None, date | None]) -> list[str | None]:
    start, end = interval
    return [
        f"{start.isoformat()}T00:00:00Z" if start else None,
        f"{end.isoformat()}T23:59:59Z" if end else None,
    ]


def collection_info(request: Request, store: Store, layer: str) -> dict[str, Any]:
    """The OGC collection document of a layer, with its spatial and temporal extents."""
    box, interval = query.extent(store.layer(layer))
    items = _url(request, "ogc_items", collectionId=layer)
    links = [
        {
            "href": _url(request, "ogc_collection", collectionId=layer),
            "rel": "self",
            "type": JSON,
            "title": "this collection",
        },
        {"href": items, "rel": "items", "type": GEOJSON, "title": "the features"},
    ]
    for fmt in FORMATS.values():
        links.append(
            {
                "href": _url(request, "export", filename=f"{layer}.{fmt.ext}"),
                "rel": "enclosure",
                "type": fmt.media_type,
                "title": f"every {layer[:-1]} as {fmt.ext}",
            }
        )
    return {
        "id": layer,
        "title": TITLES.get(layer, layer),
        "description": DESCRIPTIONS.get(layer, ""),
        "itemType": "feature",
        "geometryType": GEOMETRY_TYPES[layer],
        "crs": [CRS84],
        "extent": {
            "spatial": {"bbox": [list(box) if box else [-180.0, -90.0, 180.0, 90.0]], "crs": CRS84},
            "temporal": {
                "interval": [_temporal(interval)],
                "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
            },
        },
        "links": links,
    }


router = APIRouter(tags=["OGC API – Features"])


def _landing(request: Request) -> dict[str, Any]:
    return {
        "title": "geomap",
        "description": "Places, incidents and movements extracted from news reports, as OGC "
        "API – Features collections.",
        "links": [
            {"href": str(request.url), "rel": "self", "type": JSON, "title": "this document"},
            {
                "href": str(request.url.include_query_params(f="html")),
                "rel": "alternate",
                "type": "text/html",
                "title": "this document as HTML",
            },
            {
                "href": str(request.url_for("openapi")),
                "rel": "service-desc",
                "type": "application/vnd.oai.openapi+json;version=3.0",
                "title": "the API definition",
            },
            {
                "href": str(request.url_for("swagger_ui_html")),
                "rel": "service-doc",
                "type": "text/html",
                "title": "the API documentation",
            },
            {
                "href": _url(request, "ogc_conformance"),
                "rel": "conformance",
                "type": JSON,
                "title": "conformance classes implemented",
            },
            {
                "href": _url(request, "ogc_collections"),
                "rel": "data",
                "type": JSON,
                "title": "the collections",
            },
        ],
    }


def _landing_html(doc: dict[str, Any], request: Request) -> str:
    rows = "".join(
        f'<li><a href="{html.escape(link["href"])}">{html.escape(link["title"])}</a>'
        f" <small>({html.escape(link['rel'])})</small></li>"
        for link in doc["links"]
        if link["rel"] != "self"
    )
    layers = "".join(
        f'<li><a href="{html.escape(_url(request, "ogc_items", collectionId=name))}">'
        f"{html.escape(TITLES[name])}</a> — {html.escape(DESCRIPTIONS[name])}</li>"
        for name in LAYERS
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(doc['title'])}</title></head><body>"
        f"<h1>{html.escape(doc['title'])}</h1><p>{html.escape(doc['description'])}</p>"
        f"<p><a href='{html.escape(str(request.base_url))}map'>The map</a></p>"
        f"<h2>Collections</h2><ul>{layers}</ul><h2>Links</h2><ul>{rows}</ul>"
        "<p>In QGIS: Layer → Add Layer → Add WFS Layer… → New, with this page's URL as an "
        "OGC API – Features connection.</p></body></html>"
    )


@router.get(
    "/",
    name="ogc_landing",
    response_model=LandingPage,
    responses={200: {"content": {"text/html": {}}}, **ERRORS},
)
def landing(request: Request) -> Response:
    """The landing page: JSON for ``Accept: application/json`` or ``f=json``, HTML for
    browsers."""
    doc = _landing(request)
    if wants_html(request):
        return HTMLResponse(_landing_html(doc, request))
    return JSONResponse(LandingPage.model_validate(doc).model_dump(exclude_none=True))


@router.get("/conformance", name="ogc_conformance", response_model=Conformance)
def conformance() -> dict[str, Any]:
    """The conformance classes this server implements."""
    return {"conformsTo": CONFORMANCE}


@router.get("/collections", name="ogc_collections", response_model=Collections)
def collections(request: Request, store: StoreDep) -> dict[str, Any]:
    """The three collections: places and incidents (Points), movements (MultiLineStrings)."""
    return {
        "links": [
            {
                "href": _url(request, "ogc_collections"),
                "rel": "self",
                "type": JSON,
                "title": "this document",
            }
        ],
        "collections": [collection_info(request, store, name) for name in LAYERS],
    }


@router.get(
    "/collections/{collectionId}",
    name="ogc_collection",
    response_model=Collection,
    responses=ERRORS,
)
def collection(collectionId: str, request: Request, store: StoreDep) -> dict[str, Any]:  # noqa: N803
    """One collection with its spatial and temporal extents."""
    return collection_info(request, store, _collection(collectionId))


def _collection(name: str) -> str:
    if name not in LAYERS:
        raise NotFound(
            f"unknown collection {name!r}; collections are {', '.join(LAYERS)}",
            where="collectionId",
        )
    return name


@router.get(
    "/collections/{collectionId}/items",
    name="ogc_items",
    response_class=GeoJSONResponse,
    response_model=None,
    responses={200: {"model": FeatureCollection, "content": {GEOJSON: {}}}, **ERRORS},
)
def items(
    collectionId: str,  # noqa: N803
    request: Request,
    store: StoreDep,
    q: LayerQueryDep,
) -> Response:
    """The features of a collection, a page at a time (``limit``, ``offset``, ``rel=next``
    links), filtered by ``bbox``, ``datetime`` and property values (``event_type=…``)."""
    return layer_response(
        request, store, _collection(collectionId), q, default_limit=query.DEFAULT_LIMIT
    )


@router.get(
    "/collections/{collectionId}/items/{featureId}",
    name="ogc_item",
    response_class=GeoJSONResponse,
    response_model=None,
    responses={200: {"content": {GEOJSON: {}}}, **ERRORS},
)
def item(
    collectionId: str,  # noqa: N803
    featureId: str,  # noqa: N803
    request: Request,
    store: StoreDep,
) -> Response:
    """One feature by id; 404 when there is none."""
    layer = _collection(collectionId)
    for feature in store.layer(layer):
        if str(feature.get("id")) == featureId:
            body = dict(feature)
            body["links"] = [
                {"href": str(request.url), "rel": "self", "type": GEOJSON, "title": "this"},
                {
                    "href": _url(request, "ogc_collection", collectionId=layer),
                    "rel": "collection",
                    "type": JSON,
                    "title": TITLES[layer],
                },
            ]
            return GeoJSONResponse(body)
    raise NotFound(f"no feature {featureId!r} in {layer!r}", where="featureId")


@router.get(
    "/export/{filename}",
    name="export",
    tags=["exports"],
    response_class=Response,
    responses={
        200: {"content": {f.media_type: {} for f in FORMATS.values()}},
        **ERRORS,
    },
)
def export(filename: str, store: StoreDep) -> Response:
    """A layer as a file: ``/export/{layer}.{gpkg|geojson|fgb|csv}``; ``/export/all.gpkg`` is
    one GeoPackage with every layer."""
    stem, dot, ext = filename.rpartition(".")
    if not dot:
        raise InvalidParameter(
            f"export {filename!r} needs an extension: one of {', '.join(FORMATS)}",
            where="format",
        )
    fmt = check_format(ext)
    layers = check_layers(stem, fmt)
    return _file_response({name: store.layer(name) for name in layers}, ext, filename)


def install_openapi(app: FastAPI) -> None:
    """Add ``components.parameters.limit`` (default and maximum, which QGIS reads to size its
    pages) to the generated OpenAPI document and point the items path at it."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema and "limit" in app.openapi_schema.get("components", {}).get(
            "parameters", {}
        ):
            return app.openapi_schema
        schema = generate()
        params = schema.setdefault("components", {}).setdefault("parameters", {})
        params["limit"] = {
            "name": "limit",
            "in": "query",
            "required": False,
            "style": "form",
            "explode": False,
            "description": f"The number of features in a page: default {query.DEFAULT_LIMIT},"
            f" at most {query.MAX_LIMIT}.",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": query.MAX_LIMIT,
                "default": query.DEFAULT_LIMIT,
            },
        }
        path = schema.get("paths", {}).get("/collections/{collectionId}/items", {})
        get = path.get("get", {})
        get["parameters"] = [
            {"$ref": "#/components/parameters/limit"} if p.get("name") == "limit" else p
            for p in get.get("parameters", [])
        ]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
