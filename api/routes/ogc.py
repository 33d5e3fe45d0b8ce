"""OGC API – Features (Part 1 Core, GeoJSON) over the store.

Paths follow the standard exactly (QGIS builds them itself): ``/``, ``/conformance``,
``/collections``, ``/collections/{collectionId}``, ``/collections/{collectionId}/items`` and
``/collections/{collectionId}/items/{featureId}``. Pages are built by :mod:`api.geojson`,
shared with ``/incidents`` and ``/layers``.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import CRS84, LayerQueryDep, StoreDep
from api.geojson import GEOJSON, JSON, TITLES, GeoJSONResponse, layer_response
from api.geojson import url_for as _url
from api.schemas import Collection, Collections, Conformance, Error, FeatureCollection, LandingPage
from geomap.errors import InvalidParameter, NotFound
from geomap.export import FORMATS
from geomap.features.features import GEOMETRY_TYPES, LAYERS
from geomap.store import query
from geomap.store.base import Store

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
]

DESCRIPTIONS = {
    "places": "Every distinct place the reports mention, geocoded from the embedded gazetteer "
    "(Points). Time: the publication date of the report.",
    "incidents": "What happened where and when, who did it, quoted from the source (Points). "
    "Time: date_start..date_end.",
    "movements": "Who went from where, through where, to where, drawn along great circles "
    "(MultiLineStrings, split at the antimeridian). Time: date_start..date_end.",
}
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error}, 404: {"model": Error}}


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
    stats = store.layer_stats(layer)
    box, interval = stats.bbox, stats.interval
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
async def landing(request: Request) -> Response:
    """The landing page: JSON for ``Accept: application/json`` or ``f=json``, HTML for
    browsers."""
    doc = _landing(request)
    if wants_html(request):
        return HTMLResponse(_landing_html(doc, request))
    return JSONResponse(LandingPage.model_validate(doc).model_dump(exclude_none=True))


@router.get("/conformance", name="ogc_conformance", response_model=Conformance)
async def conformance() -> dict[str, Any]:
    """The conformance classes this server implements."""
    from api.routes.tiles import TILES_CONFORMANCE
    from geomap.store.cql2 import CONFORMANCE as CQL2

    return {"conformsTo": [*CONFORMANCE, *CQL2, *TILES_CONFORMANCE]}


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
    try:
        body = store.feature(layer, featureId)
    except NotFound:
        raise NotFound(f"no feature {featureId!r} in {layer!r}", where="featureId") from None
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
