"""The OpenAPI document, made to say exactly what the server accepts and answers.

FastAPI generates the document (OpenAPI 3.1) from the routes; :func:`install` then rewrites it
in one place, so routes added anywhere get the same treatment:

- every query parameter named in :data:`PARAMETERS` (``bbox``, ``datetime``, ``limit``,
  ``offset``, ``cursor``, ``start``, ``end``, ``crs``, ``bbox-crs``, and CQL2's ``filter``,
  ``filter-lang``, ``filter-crs``, ``sortby``) becomes a reference to one
  shared definition under ``components.parameters``, typed so that every value the schema
  allows is one the server accepts (the grammar is :mod:`geomap.store.query`'s);
- ``f`` gets the formats of its operation, path parameters their closed sets or patterns;
- every error response is ``application/json`` with the :class:`~api.schemas.Error` schema
  (``code``, ``description``, ``where``), and every operation documents 400 (a bad parameter
  or Host); FastAPI's 422 is gone (validation errors are 400s here).

``components.parameters.limit`` has the ``default`` and ``maximum`` QGIS reads to size its
pages; a larger ``limit`` is served as the maximum, as OGC API – Features permits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from api.schemas import Error
from geomap import tiles
from geomap.export import FORMATS
from geomap.features.features import LAYERS
from geomap.store import cql2, query

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
CRS84_NAMES = [CRS84, CRS84.replace("http:", "https:"), "CRS84", "OGC:CRS84"]
ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_DESCRIPTIONS = {
    "400": "A parameter has a bad value (named in `where`), or the Host is not one this server"
    " answers to.",
    "404": "No such collection, layer, feature or file.",
}


# what sortby may name: the sortable queryables of any collection (each collection's own are
# at /collections/{collectionId}/queryables; another's is a 400 naming the property)
SORT_NAMES = sorted(
    {
        name
        for layer in LAYERS
        for name, q in cql2.layer_queryables(layer).items()
        if q.kind != "geometry"
    }
)
_SORT_KEY = "[-+ ]?(?:" + "|".join(SORT_NAMES) + ")"
SORTBY_PATTERN = rf"^(?:{_SORT_KEY}(?:,{_SORT_KEY})*)?$"
FILTER_LANG_PATTERN = r"^(?:[Cc][Qq][Ll]2-(?:[Tt][Ee][Xx][Tt]|[Jj][Ss][Oo][Nn]))?$"


def _query(name: str, description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "style": "form",
        "explode": False,
        "description": description,
        "schema": schema,
        **extra,
    }


PARAMETERS: dict[str, dict[str, Any]] = {
    "bbox": _query(
        "bbox",
        "Features whose geometry intersects this box: minx,miny,maxx,maxy (or six numbers with"
        " minz and maxz, which are ignored) in CRS84 longitude/latitude. Latitudes are clamped"
        " to -90..90; minx > maxx is a box across the antimeridian; miny > maxy is a box"
        " nothing intersects.",
        {"type": "string", "pattern": query.BBOX_PATTERN},
        examples={"box": {"value": "120,30,130,45"}},
    ),
    "datetime": _query(
        "datetime",
        "Features whose dates overlap this instant or interval: a date (2019-02-21), an RFC"
        " 3339 date-time (2019-02-21T10:00:00Z, taken in UTC), or start/end with either end"
        " open ('..' or empty). A start after the end is an interval nothing is in.",
        {"type": "string", "pattern": query.DATETIME_PATTERN},
        examples={"interval": {"value": "2019-02-01/2019-03-31"}},
    ),
    "limit": _query(
        "limit",
        f"The number of features in a page: default {query.DEFAULT_LIMIT}, at most"
        f" {query.MAX_LIMIT} (a larger value is served as {query.MAX_LIMIT}).",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": query.MAX_LIMIT,
            "default": query.DEFAULT_LIMIT,
        },
    ),
    "offset": _query(
        "offset",
        "Matched features to skip before the page starts.",
        {"type": "integer", "minimum": 0, "default": 0},
    ),
    "cursor": _query(
        "cursor",
        "Where the previous page ended, as its next link gives it: the page then starts after"
        " it, however deep (offset is ignored). It pages the default order only: with"
        " sortby it is ignored (a sorted page's next link carries offset).",
        {"type": "string", "pattern": r"^[0-9]*$"},
    ),
    "start": _query(
        "start",
        "Features dated on or after this day (a date or an RFC 3339 date-time).",
        {"type": "string", "pattern": query.MOMENT_PATTERN},
        examples={"day": {"value": "2019-02-01"}},
    ),
    "end": _query(
        "end",
        "Features dated on or before this day (a date or an RFC 3339 date-time).",
        {"type": "string", "pattern": query.MOMENT_PATTERN},
        examples={"day": {"value": "2019-03-31"}},
    ),
    "crs": _query(
        "crs",
        "The coordinate reference system of the answer: CRS84 (longitude/latitude) only.",
        {"type": "string", "enum": CRS84_NAMES},
    ),
    "bbox-crs": _query(
        "bbox-crs",
        "The coordinate reference system of bbox: CRS84 (longitude/latitude) only.",
        {"type": "string", "enum": CRS84_NAMES},
    ),
    "filter": _query(
        "filter",
        "A CQL2 expression (OGC API – Features Part 3) over the collection's queryables"
        " (/collections/{collectionId}/queryables), in filter-lang; an expression that does not"
        " parse, or names a property the collection does not have, is a 400 naming the"
        " problem. Empty: no filter.",
        {"type": "string", "maxLength": cql2.MAX_FILTER},
        examples={"text": {"value": "n_sources > 1 AND published >= DATE('2019-01-01')"}},
    ),
    "filter-lang": _query(
        "filter-lang",
        "The language of filter: cql2-text (the default) or cql2-json.",
        {"type": "string", "pattern": FILTER_LANG_PATTERN},
    ),
    "filter-crs": _query(
        "filter-crs",
        "The coordinate reference system of filter's geometries: CRS84 only.",
        {"type": "string", "enum": CRS84_NAMES},
    ),
    "sortby": _query(
        "sortby",
        "Comma-separated queryables of the collection, each prefixed by + (ascending, the"
        " default) or - (descending); undated features last either way.",
        {"type": "string", "pattern": SORTBY_PATTERN},
        examples={"newest": {"value": "-published"}},
    ),
}

ITEM_FORMATS = ["json", "geojson", *[k for k in FORMATS if k != "geojson"]]
# the values of ``f`` per path (operations not listed keep what their route declares)
F_VALUES: dict[str, list[str]] = {
    "/": ["json", "html"],
    "/conformance": ["json", "html"],
    "/collections": ["json", "html"],
    "/collections/{collectionId}": ["json", "html"],
    "/collections/{collectionId}/items": [*ITEM_FORMATS, "html"],
    "/collections/{collectionId}/items/{featureId}": ["json", "geojson", "html"],
    "/incidents": ITEM_FORMATS,
    "/layers/{name}": ITEM_FORMATS,
}
# what a 200 answer of an operation with these ``f`` values may be besides its JSON
F_MEDIA_TYPES = {
    "html": "text/html",
    **{k: fmt.media_type for k, fmt in FORMATS.items() if k != "geojson"},
}
EXPORT_PATTERN = "^(?:(?:" + "|".join(LAYERS) + r")\.(?:" + "|".join(FORMATS) + r")|all\.gpkg)$"
BEARER = {
    "type": "http",
    "scheme": "bearer",
    "description": "The write token (GEOMAP_API_TOKEN or GEOMAP_API_TOKEN_FILE); writes exist"
    " only when one is set.",
}
# paths whose errors are HTML pages for a browser (JSON for every other client)
HTML_ERRORS = ("/map",)
PATH_SCHEMAS: dict[str, dict[str, Any]] = {
    "collectionId": {"type": "string", "enum": list(LAYERS)},
    "name": {"type": "string", "enum": list(LAYERS)},
    "filename": {"type": "string", "pattern": EXPORT_PATTERN},
    "tileMatrixSetId": {"type": "string", "enum": [tiles.TMS_ID]},
    "z": {"type": "integer", "minimum": 0, "maximum": tiles.MAX_ZOOM},
    # a column or row outside the zoom level's grid is a 404 (no such tile)
    "x": {"type": "integer", "minimum": 0},
    "y": {"type": "integer", "minimum": 0},
}


def rewrite(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (FastAPI's document) as described in the module's docstring."""
    components = schema.setdefault("components", {})
    params = components.setdefault("parameters", {})
    schemas = components.setdefault("schemas", {})
    used: set[str] = set()
    for path, item in schema.get("paths", {}).items():
        for method, op in item.items():
            if method not in ("get", "put", "post", "delete", "patch", "head", "options"):
                continue
            new_params = []
            for p in op.get("parameters", []):
                name, where = p.get("name"), p.get("in")
                if where == "query" and name in PARAMETERS:
                    used.add(name)
                    new_params.append({"$ref": f"#/components/parameters/{name}"})
                    continue
                if where == "query" and name == "f" and path in F_VALUES:
                    p = {**p, "schema": {"type": "string", "enum": F_VALUES[path]}}
                    _f_media_types(op, F_VALUES[path])
                elif where == "path" and name in PATH_SCHEMAS:
                    p = {**p, "schema": PATH_SCHEMAS[name]}
                new_params.append(p)
            if new_params:
                op["parameters"] = new_params
            _error_responses(op, html=path in HTML_ERRORS)
            if "401" in op.get("responses", {}):  # a write: needs the bearer token
                op["security"] = [{"bearer": []}]
                components.setdefault("securitySchemes", {})["bearer"] = BEARER
    for name in sorted(used):
        params[name] = PARAMETERS[name]
    if "limit" not in params:  # QGIS reads it here to size its pages
        params["limit"] = PARAMETERS["limit"]
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    schemas["Error"] = Error.model_json_schema()
    return schema


def _f_media_types(op: dict[str, Any], values: list[str]) -> None:
    """The 200 answer of ``op`` in each format its ``f`` offers."""
    ok = op.setdefault("responses", {}).setdefault("200", {"description": "Successful Response"})
    content = ok.setdefault("content", {})
    for value in values:
        media_type = F_MEDIA_TYPES.get(value)
        if media_type and media_type not in content:
            content[media_type] = {}


def _error_responses(op: dict[str, Any], html: bool = False) -> None:
    responses = op.setdefault("responses", {})
    responses.pop("422", None)
    responses.setdefault("400", {})
    for status, response in responses.items():
        if status.isdigit() and int(status) >= 400:
            response["description"] = ERROR_DESCRIPTIONS.get(
                status, response.get("description") or "An error."
            )
            response["content"] = {"application/json": {"schema": ERROR_REF}}
            if html:  # a page for people (/map's bad parameters)
                response["content"]["text/html"] = {"schema": {"type": "string"}}


def install(app: FastAPI, extra: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Make ``app.openapi()`` return the rewritten document (built once)."""
    generate = app.openapi
    done: list[dict[str, Any]] = []  # the document rewritten last

    def openapi() -> dict[str, Any]:
        # FastAPI drops its cached document when it adds a server; build it again then
        if app.openapi_schema is None or not done or app.openapi_schema is not done[-1]:
            app.openapi_schema = None
            schema = rewrite(generate())
            if extra is not None:
                extra(schema)
            app.openapi_schema = schema
            done[:] = [schema]
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
