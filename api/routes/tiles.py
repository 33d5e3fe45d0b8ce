"""OGC API – Tiles (vector tiles) and the queryables of OGC API – Features Part 3.

``/collections/{collectionId}/tiles`` lists a collection's one tileset (WebMercatorQuad, Mapbox
Vector Tiles); ``/collections/{collectionId}/tiles/WebMercatorQuad/{z}/{x}/{y}`` is one tile,
built by the store (``ST_AsMVT`` in PostGIS, mapbox-vector-tile over SQLite), with the same
``bbox``, ``datetime``, property and CQL2 ``filter`` parameters as the items. A tile with no
feature in it is ``204 No Content``. Each server process keeps the tiles it built for a minute
(as long as it lets clients keep them), so a map many people look at builds each tile once.
``.../tilejson.json`` is its TileJSON (the query kept on the tile URL), which MapLibre,
Leaflet.VectorGrid and QGIS read.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from api.deps import LayerQuery, LayerQueryDep, StoreDep
from api.geojson import build_query
from api.routes.ogc import DESCRIPTIONS, ERRORS, _collection
from geomap import tiles
from geomap.errors import NotFound
from geomap.store import cql2
from geomap.store.base import Store

router = APIRouter(tags=["tiles"])

TILES_CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
]
MAX_AGE = 60  # seconds a client (and this server) may keep a tile: an ingest shows within it
CACHE_BYTES = 64 << 20  # tiles this process keeps, at most


class TileCache:
    """Tiles this process built in the last :data:`MAX_AGE` seconds, by collection, tile and
    query, up to :data:`CACHE_BYTES` (least recently used first out). A request saying
    ``Cache-Control: no-cache`` builds its tile afresh."""

    def __init__(self, max_bytes: int = CACHE_BYTES, max_age: float = MAX_AGE) -> None:
        self.max_bytes = max_bytes
        self.max_age = max_age
        self._tiles: OrderedDict[tuple[Any, ...], tuple[float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            hit = self._tiles.get(key)
            if hit is None:
                return None
            if time.monotonic() - hit[0] > self.max_age:
                self._drop(key)
                return None
            self._tiles.move_to_end(key)
            return hit[1]

    def put(self, key: tuple[Any, ...], data: bytes) -> None:
        if len(data) > self.max_bytes // 8:
            return
        with self._lock:
            if key in self._tiles:
                self._drop(key)
            self._tiles[key] = (time.monotonic(), data)
            self._bytes += len(data)
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._tiles)))

    def _drop(self, key: tuple[Any, ...]) -> None:
        _, data = self._tiles.pop(key)
        self._bytes -= len(data)


def _cache(request: Request) -> TileCache:
    state = request.app.state
    if not hasattr(state, "tile_cache"):
        state.tile_cache = TileCache()
    return state.tile_cache  # type: ignore[no-any-return]


def _tile_number(text: str, path: str) -> int:
    """A tile path's number (ASCII digits); NotFound naming the path otherwise."""
    if not (0 < len(text) <= 12 and text.isascii() and text.isdigit()):
        raise NotFound(f"no tile {path[:80]!r}: zoom, column and row are whole numbers")
    return int(text)


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _query_string(request: Request) -> str:
    return str(request.url.query)


@router.get(
    "/collections/{collectionId}/queryables",
    name="ogc_queryables",
    response_class=JSONResponse,
    responses={
        200: {
            "content": {"application/schema+json": {"schema": {"type": "object"}}},
            "description": "the queryables as a JSON Schema",
        },
        **ERRORS,
    },
)
def queryables(collectionId: str, request: Request) -> JSONResponse:  # noqa: N803
    """What ``filter`` and ``sortby`` may name in this collection, as JSON Schema."""
    layer = _collection(collectionId)
    doc = cql2.queryables_document(
        layer, list(cql2.layer_queryables(layer).values()), _base(request)
    )
    return JSONResponse(doc, media_type="application/schema+json")


@router.get("/collections/{collectionId}/tiles", name="ogc_tilesets", responses=ERRORS)
def tilesets(collectionId: str, request: Request) -> dict[str, Any]:  # noqa: N803
    """The collection's tilesets: one, WebMercatorQuad, as Mapbox Vector Tiles."""
    layer = _collection(collectionId)
    return tiles.tilesets_document(layer, _base(request), _query_string(request))


@router.get(
    "/collections/{collectionId}/tiles/{tileMatrixSetId}",
    name="ogc_tileset",
    responses=ERRORS,
)
def tileset(collectionId: str, tileMatrixSetId: str, request: Request) -> dict[str, Any]:  # noqa: N803
    """The collection's tileset on one tile matrix set (WebMercatorQuad)."""
    layer = _collection(collectionId)
    tiles.check_tile(tileMatrixSetId, 0, 0, 0)
    doc = tiles.tilesets_document(layer, _base(request), _query_string(request))
    return dict(doc["tilesets"][0])


@router.get(
    "/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson.json",
    name="ogc_tilejson",
    responses=ERRORS,
)
def tilejson(
    collectionId: str,  # noqa: N803
    tileMatrixSetId: str,  # noqa: N803
    request: Request,
    store: StoreDep,
) -> dict[str, Any]:
    """TileJSON 3.0 for the collection's tiles, the request's query kept on the tile URL."""
    layer = _collection(collectionId)
    tiles.check_tile(tileMatrixSetId, 0, 0, 0)
    stats = store.layer_stats(layer)
    return tiles.tilejson(
        layer, _base(request), _query_string(request), stats.bbox, DESCRIPTIONS[layer]
    )


@router.get(
    "/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{x}/{y}",
    name="ogc_tile",
    response_class=Response,
    responses={
        200: {"content": {tiles.MVT_MEDIA_TYPE: {}}, "description": "a Mapbox Vector Tile"},
        204: {"description": "no feature in this tile"},
        **ERRORS,
    },
)
def tile(
    collectionId: str,  # noqa: N803
    tileMatrixSetId: str,  # noqa: N803
    z: Annotated[str, Path(description=f"the zoom level (tile matrix), 0..{tiles.MAX_ZOOM}")],
    x: Annotated[str, Path(description="the column (tile col), 0..2^z-1")],
    y: Annotated[str, Path(description="the row (tile row, from the top), 0..2^z-1")],
    request: Request,
    store: StoreDep,
    q: LayerQueryDep,
) -> Response:
    """One vector tile (``z``/``x``/``y`` on WebMercatorQuad, XYZ order) of the features the
    query matches; 204 when none is in it; 404 for a path naming no tile (a column or row
    outside the grid, or not a whole number). Built tiles are kept for a minute."""
    layer = _collection(collectionId)
    zoom, col, row = tile_position(tileMatrixSetId, z, x, y)
    data = tile_data(request, store, layer, zoom, col, row, q)
    if not data:
        return Response(status_code=204, headers=TILE_HEADERS)
    return Response(data, media_type=tiles.MVT_MEDIA_TYPE, headers=TILE_HEADERS)


TILE_HEADERS = {"Cache-Control": f"public, max-age={MAX_AGE}"}  # a tile's, and a 204's


def tile_position(matrix_set: str, z: str, x: str, y: str) -> tuple[int, int, int]:
    """The zoom, column and row a tile path names; NotFound (InvalidParameter for the zoom)
    when it names no tile of the matrix set."""
    zoom, col, row = (_tile_number(v, f"{z}/{x}/{y}") for v in (z, x, y))
    tiles.check_tile(matrix_set, zoom, col, row)
    return zoom, col, row


def kept_tile(request: Request, layer: str, zoom: int, col: int, row: int) -> bytes | None:
    """The tile this process keeps for the request (b"" for an empty one), None when it keeps
    none or the request asks for a fresh one (``Cache-Control: no-cache``). Reads no store."""
    if "no-cache" in request.headers.get("cache-control", "").lower():
        return None
    return _cache(request).get(_tile_key(request, layer, zoom, col, row))


def tile_data(
    request: Request, store: Store, layer: str, zoom: int, col: int, row: int, q: LayerQuery
) -> bytes:
    """The tile's bytes (b"" when no feature is in it): as this process keeps it, or built by
    the store (and kept); InvalidParameter naming a bad query parameter."""
    query = build_query(store, layer, q, default_limit=None)
    data = kept_tile(request, layer, zoom, col, row)
    if data is None:
        data = store.tile(query, zoom, col, row)
        _cache(request).put(_tile_key(request, layer, zoom, col, row), data)
    return data


async def tile_data_async(
    request: Request,
    reader: Any,
    store: Store,
    layer: str,
    zoom: int,
    col: int,
    row: int,
    q: LayerQuery,
) -> bytes:
    """:func:`tile_data`, the tile built by ``reader`` (the store's asynchronous reader, in
    the event loop) when this process keeps none; ``q`` without a property filter (whose
    names would be read from ``store``, waiting in the loop)."""
    query = build_query(store, layer, q, default_limit=None)
    data = kept_tile(request, layer, zoom, col, row)
    if data is None:
        data = await reader.tile(query, zoom, col, row)
        _cache(request).put(_tile_key(request, layer, zoom, col, row), data)
    return data  # type: ignore[no-any-return]


def _tile_key(request: Request, layer: str, zoom: int, col: int, row: int) -> tuple[Any, ...]:
    return (layer, zoom, col, row, tuple(sorted(request.query_params.multi_items())))


@router.get("/tileMatrixSets", name="ogc_tile_matrix_sets")
def tile_matrix_sets(request: Request) -> dict[str, Any]:
    """The tile matrix sets of this server: WebMercatorQuad."""
    href = f"{_base(request)}/tileMatrixSets/{tiles.TMS_ID}"
    return {
        "tileMatrixSets": [
            {
                "id": tiles.TMS_ID,
                "title": "Google Maps Compatible for the World",
                "links": [{"rel": "self", "type": "application/json", "href": href}],
            }
        ]
    }


@router.get("/tileMatrixSets/{tileMatrixSetId}", name="ogc_tile_matrix_set", responses=ERRORS)
def tile_matrix_set(tileMatrixSetId: str) -> dict[str, Any]:  # noqa: N803
    """The definition of a tile matrix set."""
    tiles.check_tile(tileMatrixSetId, 0, 0, 0)
    return tiles.tile_matrix_set()
