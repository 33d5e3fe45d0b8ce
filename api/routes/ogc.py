"""OGC API – Features (Part 1 Core, GeoJSON) over the store.

Paths follow the standard exactly (QGIS builds them itself): ``/``, ``/conformance``,
``/collections``, ``/collections/{collectionId}``, ``/collections/{collectionId}/items`` and
``/collections/{collectionId}/items/{featureId}``. Pages are built by :mod:`api.geojson`,
shared with ``/incidents`` and ``/layers``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from api import html as page
from api.deps import CRS84, FParam, LayerQueryDep, StoreDep
from api.geojson import (
    GEOJSON,
    JSON,
    TITLES,
    GeoJSONResponse,
    build_query,
    layer_response,
    page_links,
)
from api.geojson import url_for as _url
from api.schemas import Collection, Collections, Conformance, Error, FeatureCollection, LandingPage
from geomap.errors import InvalidParameter, NotFound
from geomap.export import FORMATS
from geomap.features.features import GEOMETRY_TYPES, LAYERS
from geomap.store import query
from geomap.store.base import Store

# No ``oas30``: the API document is OpenAPI 3.1 (FastAPI's), and OGC API – Features Part 1
# has no class for 3.1. ``html``: every resource below answers HTML too (f=html or a browser).
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
]
OPENAPI_TYPE = "application/vnd.oai.openapi+json;version=3.1"

DESCRIPTIONS = {
    "places": "Every distinct place the reports mention, geocoded from the embedded gazetteer "
    "(Points). Time: the publication date of the report.",
    "incidents": "What happened where and when, who did it, quoted from the source (Points). "
    "Time: date_start..date_end.",
    "movements": "Who went from where, through where, to where, drawn along great circles "
    "(MultiLineStrings, split at the antimeridian). Time: date_start..date_end.",
}
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error}, 404: {"model": Error}}
HTML = "text/html"


def wants_html(request: Request, formats: tuple[str, ...] = ("json", "html")) -> bool:
    """HTML for ``f=html``, or without ``f`` for an Accept header that names text/html (a
    browser); JSON otherwise. An ``f`` not in ``formats`` is InvalidParameter."""
    f = request.query_params.get("f")
    if f is not None:
        if f not in formats:
            raise InvalidParameter(
                f"f {f!r} is not a format here; use {' or '.join(formats)}", where="f"
            )
        return f == "html"
    return HTML in request.headers.get("accept", "")


def _alternate(request: Request, fmt: str, media_type: str, title: str) -> dict[str, Any]:
    return {
        "href": str(request.url.include_query_params(f=fmt)),
        "rel": "alternate",
        "type": media_type,
        "title": title,
    }


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
        {
            "href": _url(request, "ogc_collection", collectionId=layer) + "?f=html",
            "rel": "alternate",
            "type": HTML,
            "title": "this collection as HTML",
        },
        {"href": items, "rel": "items", "type": GEOJSON, "title": "the features"},
        {"href": items + "?f=html", "rel": "items", "type": HTML, "title": "the features as HTML"},
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
            _alternate(request, "html", HTML, "this document as HTML"),
            {
                "href": str(request.url_for("openapi")),
                "rel": "service-desc",
                "type": OPENAPI_TYPE,
                "title": "the API definition",
            },
            {
                "href": str(request.url_for("swagger_ui_html")),
                "rel": "service-doc",
                "type": HTML,
                "title": "the API documentation (Swagger UI)",
            },
            {
                "href": str(request.url_for("redoc_html")),
                "rel": "service-doc",
                "type": HTML,
                "title": "the API documentation (ReDoc)",
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


def _landing_html(doc: dict[str, Any], request: Request, store: Store) -> Response:
    layers = [
        (
            page.link(_url(request, "ogc_collection", collectionId=name) + "?f=html", TITLES[name]),
            page.esc(DESCRIPTIONS[name]),
            page.link(_url(request, "ogc_items", collectionId=name) + "?f=html", "features"),
        )
        for name in LAYERS
    ]
    body = (
        f"<p>{page.esc(doc['description'])}</p>"
        f"<p>{page.link(str(request.base_url) + 'map', 'The map')}</p>"
        "<h2>Collections</h2>"
        + page.table(["Collection", "Description", "Features"], layers)
        + "<h2>Links</h2>"
        + page.links_list(doc["links"], skip=("self", "alternate"))
        + "<p>In QGIS: Layer → Add Layer → Add WFS Layer… → New, with this page's URL as an "
        "OGC API – Features connection.</p>"
    )
    return page.page(
        request,
        doc["title"],
        body,
        alternates=[_alternate(request, "json", JSON, "JSON")],
    )


@router.get(
    "/",
    name="ogc_landing",
    response_model=LandingPage,
    responses={200: {"content": {HTML: {}}}, **ERRORS},
)
async def landing(request: Request, store: StoreDep, f: FParam = None) -> Response:
    """The landing page: JSON for ``Accept: application/json`` or ``f=json``, HTML for
    browsers and ``f=html``."""
    doc = _landing(request)
    if wants_html(request):
        return _landing_html(doc, request, store)
    return JSONResponse(LandingPage.model_validate(doc).model_dump(exclude_none=True))


@router.get(
    "/conformance",
    name="ogc_conformance",
    response_model=Conformance,
    responses={200: {"content": {HTML: {}}}, **ERRORS},
)
async def conformance(request: Request, f: FParam = None) -> Any:
    """The conformance classes this server implements."""
    from api.routes.tiles import TILES_CONFORMANCE
    from geomap.store.cql2 import CONFORMANCE as CQL2

    classes = [*CONFORMANCE, *CQL2, *TILES_CONFORMANCE]
    if wants_html(request):
        body = page.table(["Conformance class"], [(page.link(c, c),) for c in classes])
        return page.page(
            request,
            "Conformance",
            body,
            crumbs=[("conformance", _url(request, "ogc_conformance"))],
            alternates=[_alternate(request, "json", JSON, "JSON")],
        )
    return {"conformsTo": classes}


def _extent_cells(doc: dict[str, Any]) -> tuple[str, str]:
    box = doc["extent"]["spatial"]["bbox"][0]
    start, end = doc["extent"]["temporal"]["interval"][0]
    return page.esc(page.bbox_text(box)), page.esc(f"{start or '..'} / {end or '..'}")


def _collections_html(request: Request, store: Store, docs: list[dict[str, Any]]) -> Response:
    rows = []
    for doc in docs:
        name = doc["id"]
        where, when = _extent_cells(doc)
        rows.append(
            (
                page.link(
                    _url(request, "ogc_collection", collectionId=name) + "?f=html", doc["title"]
                ),
                page.esc(doc["description"]),
                page.esc(doc["geometryType"]),
                page.esc(f"{store.layer_stats(name).count:,}"),
                where,
                when,
                page.link(_url(request, "ogc_items", collectionId=name) + "?f=html", "browse")
                + " · "
                + page.link(_url(request, "ogc_items", collectionId=name), "GeoJSON"),
            )
        )
    headers = ["Collection", "Description", "Geometry", "Features", "Extent", "Time", "Items"]
    return page.page(
        request,
        "Collections",
        page.table(headers, rows),
        crumbs=[("collections", _url(request, "ogc_collections"))],
        alternates=[_alternate(request, "json", JSON, "JSON")],
        mapdata={"boxes": [d["extent"]["spatial"]["bbox"][0] for d in docs]},
    )


@router.get(
    "/collections",
    name="ogc_collections",
    response_model=Collections,
    responses={200: {"content": {HTML: {}}}, **ERRORS},
)
def collections(request: Request, store: StoreDep, f: FParam = None) -> Any:
    """The three collections: places and incidents (Points), movements (MultiLineStrings)."""
    docs = [collection_info(request, store, name) for name in LAYERS]
    if wants_html(request):
        return _collections_html(request, store, docs)
    return {
        "links": [
            {
                "href": _url(request, "ogc_collections"),
                "rel": "self",
                "type": JSON,
                "title": "this document",
            },
            {
                "href": _url(request, "ogc_collections") + "?f=html",
                "rel": "alternate",
                "type": HTML,
                "title": "this document as HTML",
            },
        ],
        "collections": docs,
    }


@router.get(
    "/collections/{collectionId}",
    name="ogc_collection",
    response_model=Collection,
    responses={200: {"content": {HTML: {}}}, **ERRORS},
)
def collection(collectionId: str, request: Request, store: StoreDep, f: FParam = None) -> Any:  # noqa: N803
    """One collection with its spatial and temporal extents."""
    layer = _collection(collectionId)
    doc = collection_info(request, store, layer)
    if not wants_html(request):
        return doc
    where, when = _extent_cells(doc)
    body = page.definitions(
        [
            ("Id", page.esc(layer)),
            ("Description", page.esc(doc["description"])),
            ("Geometry", page.esc(doc["geometryType"])),
            ("Features", page.esc(f"{store.layer_stats(layer).count:,}")),
            ("Extent (CRS84)", where),
            ("Time", when),
        ]
    )
    body += "<h2>Links</h2>" + page.links_list(doc["links"], skip=("self",))
    return page.page(
        request,
        doc["title"],
        body,
        crumbs=[
            ("collections", _url(request, "ogc_collections") + "?f=html"),
            (layer, _url(request, "ogc_collection", collectionId=layer)),
        ],
        alternates=[_alternate(request, "json", JSON, "JSON")],
        mapdata={"boxes": [doc["extent"]["spatial"]["bbox"][0]]},
    )


def _collection(name: str) -> str:
    if name not in LAYERS:
        raise NotFound(
            f"unknown collection {name!r}; collections are {', '.join(LAYERS)}",
            where="collectionId",
        )
    return name


def _item_href(request: Request, layer: str, fid: Any) -> str:
    return _url(request, "ogc_item", collectionId=layer, featureId=str(fid)) + "?f=html"


def _items_html(request: Request, layer: str, doc: dict[str, Any]) -> Response:
    features = doc["features"]
    offset = int(doc.get("offset", 0))
    for f in features:
        f["links"] = {"html": _item_href(request, layer, f.get("id", ""))}
    rows = [page.feature_cells(f, layer, f["links"]["html"]) for f in features]
    paging = [
        page.link(x["href"], "← previous page" if x["rel"] == "prev" else "next page →")
        for x in doc["links"]
        if x["rel"] in ("prev", "next")
    ]
    first = offset + 1 if features else offset
    summary = (
        f"<p>Features {first:,}–{offset + len(features):,} of {doc['numberMatched']:,} matched.</p>"
    )
    body = (
        summary
        + page.table(["id", *html_columns(layer)], rows, empty="No feature matches.")
        + f'<p class="paging">{" ".join(paging)}</p>'
    )
    json_links = [
        {"href": x["href"], "type": x["type"], "title": x["title"].replace("this page as ", "")}
        for x in doc["links"]
        if x["rel"] == "alternate"
    ]
    return page.page(
        request,
        TITLES[layer],
        body,
        crumbs=[
            ("collections", _url(request, "ogc_collections") + "?f=html"),
            (layer, _url(request, "ogc_collection", collectionId=layer) + "?f=html"),
            ("items", _url(request, "ogc_items", collectionId=layer)),
        ],
        alternates=[_alternate(request, "json", GEOJSON, "GeoJSON"), *json_links],
        mapdata={"features": {"type": "FeatureCollection", "features": features}},
    )


def html_columns(layer: str) -> list[str]:
    return page.COLUMNS[layer]


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
    links), filtered by ``bbox``, ``datetime`` and property values (``event_type=…``); HTML
    (a table and a map) for ``f=html`` or a browser."""
    layer = _collection(collectionId)
    if q.f == "html" or (q.f is None and HTML in request.headers.get("accept", "")):
        sq = build_query(store, layer, q, default_limit=query.DEFAULT_LIMIT)
        result = store.select(sq)
        doc = {
            "features": result.decoded(),
            "numberMatched": result.matched,
            "offset": sq.offset,
            "links": page_links(request, layer, result, sq.offset, sq.limit),
        }
        return _items_html(request, layer, doc)
    return layer_response(request, store, layer, q, default_limit=query.DEFAULT_LIMIT)


@router.get(
    "/collections/{collectionId}/items/{featureId}",
    name="ogc_item",
    response_class=GeoJSONResponse,
    response_model=None,
    responses={200: {"content": {GEOJSON: {}, HTML: {}}}, **ERRORS},
)
def item(
    collectionId: str,  # noqa: N803
    featureId: str,  # noqa: N803
    request: Request,
    store: StoreDep,
    f: FParam = None,
) -> Response:
    """One feature by id; 404 when there is none."""
    layer = _collection(collectionId)
    html_wanted = wants_html(request, ("json", "geojson", "html"))
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
    if not html_wanted:
        return GeoJSONResponse(body)
    props = body.get("properties") or {}
    rows = [(page.esc(k), page.esc(v)) for k, v in props.items()]
    shown = {k: v for k, v in body.items() if k != "links"}
    return page.page(
        request,
        f"{TITLES[layer]}: {featureId}",
        page.table(["Property", "Value"], rows),
        crumbs=[
            ("collections", _url(request, "ogc_collections") + "?f=html"),
            (layer, _url(request, "ogc_collection", collectionId=layer) + "?f=html"),
            ("items", _url(request, "ogc_items", collectionId=layer) + "?f=html"),
            (featureId, str(request.url)),
        ],
        alternates=[_alternate(request, "json", GEOJSON, "GeoJSON")],
        mapdata={"features": {"type": "FeatureCollection", "features": [shown]}},
    )
