"""Vector tiles (OGC API – Tiles, Mapbox Vector Tile) on the WebMercatorQuad grid.

The tile grid comes from morecantile; a store that cannot build tiles itself (SQLite) selects
the features of a tile's box and :func:`encode` turns them into an MVT with mapbox-vector-tile;
PostGIS builds the same tile with ``ST_AsMVT`` (:data:`EXTENT`, :data:`BUFFER` and
:func:`tile_properties` are shared so both give the same layer). A tile carries few properties
per feature (:data:`TILE_PROPERTIES`): what the map draws and filters on, and the id a client
fetches the whole feature (quote, sources) with.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from geomap.errors import InvalidParameter, NotFound

TMS_ID = "WebMercatorQuad"
MVT_MEDIA_TYPE = "application/vnd.mapbox-vector-tile"
EXTENT = 4096  # tile coordinates per side
BUFFER = 64  # tile coordinates drawn beyond each edge (lines crossing it join up)
MAX_ZOOM = 22
MAX_FEATURES = 20_000  # features in one tile at most; the rest are left out (see the docs)
FULL_ZOOM = 6  # from this zoom on a tile holds every feature; below, a sample (see level)
SAMPLE_ABOVE = 100_000  # a layer with more features than this is sampled (see thin)
# a layer with more features than this is drawn zoomed out as clusters (a count per small
# cell) by a store that keeps a point aggregate (PostGIS), where the query lets it
CLUSTER_ABOVE = 100_000
TILE_BUDGET = 4_000  # features a tile of such a layer holds, about, where it is dense
# a zoomed-out tile of a smaller layer holding more features than this is drawn as clusters
# too, by a store that keeps a point aggregate of that layer, where the query lets it
CLUSTER_TILE_ABOVE = 1_000
# layers too small to be sampled everywhere (SAMPLE_ABOVE) whose tiles are thinned where dense
# all the same, to about LINE_BUDGET features: lines, which a browser draws far more slowly
# than points (a zoomed-out tile of 5,000 movements held 3,800 of them)
THIN_BY_TILE = ("movements",)
LINE_BUDGET = 1_000
# the point aggregate zoomed-out tiles are read from, where a store keeps one (PostGIS:
# ``tile_cells`` and ``tile_points``; SQLite: the same two tables): per zoom 0..AGGREGATE_ZOOM,
# a grid of AGGREGATE_GRID x AGGREGATE_GRID cells per tile, each cell's count, the sum of its
# features' points (Web Mercator) and its most frequent event type
AGGREGATE_LAYERS = ("incidents", "places")
AGGREGATE_ZOOM = 6
AGGREGATE_GRID = 64

# properties each layer's tiles carry (every one present in every feature, null when unknown)
TILE_PROPERTIES: dict[str, tuple[str, ...]] = {
    "places": ("id", "name", "feature_type", "country_code", "geo_precision", "published"),
    "incidents": (
        "id",
        "event_type",
        "place_name",
        "date_start",
        "date_end",
        "geo_precision",
        "n_sources",
    ),
    "movements": (
        "id",
        "movement_type",
        "origin",
        "destination",
        "date_start",
        "date_end",
        "geo_precision",
        "n_sources",
    ),
}

_R = 6378137.0  # the Web Mercator sphere's radius, metres
_MAX_LAT = 85.0511287798066


@cache
def tms() -> Any:
    """morecantile's WebMercatorQuad."""
    import morecantile

    return morecantile.tms.get(TMS_ID)


def check_tile(matrix_set: str, z: int, x: int, y: int) -> None:
    """NotFound for another tile matrix set or a column/row outside the zoom level's grid;
    InvalidParameter for a zoom level outside 0..MAX_ZOOM."""
    if matrix_set != TMS_ID:
        raise NotFound(f"unknown tile matrix set {matrix_set!r}; this server has {TMS_ID}")
    if not 0 <= z <= MAX_ZOOM:
        raise InvalidParameter(f"zoom {z} is outside 0..{MAX_ZOOM}", where="tileMatrix")
    n = 1 << z
    if not (0 <= x < n and 0 <= y < n):
        raise NotFound(f"no tile {z}/{x}/{y}: the grid is 0..{n - 1} at zoom {z}")


def lonlat_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """The tile's box in lon/lat (minx, miny, maxx, maxy)."""
    import morecantile

    b = tms().bounds(morecantile.Tile(x, y, z))
    return (b.left, b.bottom, b.right, b.top)


def mercator_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """The tile's box in Web Mercator metres (EPSG:3857)."""
    import morecantile

    b = tms().xy_bounds(morecantile.Tile(x, y, z))
    return (b.left, b.bottom, b.right, b.top)


def buffered_lonlat_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """The tile's box grown by :data:`BUFFER`, in lon/lat: what a store selects for a tile."""
    minx, miny, maxx, maxy = mercator_bounds(z, x, y)
    pad = (maxx - minx) * BUFFER / EXTENT
    w, s = to_lonlat(minx - pad, miny - pad)
    e, n = to_lonlat(maxx + pad, maxy + pad)
    return (max(-180.0, w), max(-90.0, s), min(180.0, e), min(90.0, n))


def to_mercator(lon: float, lat: float) -> tuple[float, float]:
    lat = max(-_MAX_LAT, min(_MAX_LAT, lat))
    x = math.radians(lon) * _R
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * _R
    return x, y


def to_lonlat(x: float, y: float) -> tuple[float, float]:
    lon = math.degrees(x / _R)
    lat = math.degrees(2 * math.atan(math.exp(y / _R)) - math.pi / 2)
    return lon, lat


def level(feature_id: str) -> int:
    """The lowest zoom (0..:data:`FULL_ZOOM`) whose tiles show this feature: zoomed out, tiles
    show a sample, the same for every client and backend (it depends on the id alone), a
    quarter as many features per zoom level out -- about as many per tile at every zoom."""
    h = int.from_bytes(hashlib.blake2b(feature_id.encode(), digest_size=8).digest()) / 2**64
    for k in range(FULL_ZOOM):
        if h < 4.0 ** (k - FULL_ZOOM):
            return k
    return FULL_ZOOM


def tile_properties(layer: str, properties: Mapping[str, Any]) -> dict[str, Any]:
    """The properties a tile carries for one feature."""
    out = {}
    for key in TILE_PROPERTIES[layer]:
        value = properties.get(key)
        if value is not None:
            out[key] = value if isinstance(value, int | float | str | bool) else str(value)
    return out


def encode(layer: str, features: Iterable[Mapping[str, Any]], z: int, x: int, y: int) -> bytes:
    """An MVT with one layer named ``layer`` holding ``features`` (GeoJSON in lon/lat), clipped
    to the tile and its buffer; empty bytes when no feature falls in it."""
    import mapbox_vector_tile
    from shapely.geometry import LineString, Point, shape
    from shapely.ops import clip_by_rect

    minx, miny, maxx, maxy = mercator_bounds(z, x, y)
    scale = EXTENT / (maxx - minx)

    def pixel(lon: float, lat: float) -> tuple[float, float]:
        mx, my = to_mercator(lon, lat)
        return ((mx - minx) * scale, (maxy - my) * scale)  # tile coordinates, y down

    low, high = -BUFFER, EXTENT + BUFFER
    out = []
    for f in features:
        geometry: Mapping[str, Any] = f.get("geometry") or {}
        kind = geometry.get("type")
        coords: Any = geometry.get("coordinates")
        if kind == "Point":
            px, py = pixel(*coords[:2])
            if not (low <= px <= high and low <= py <= high):
                continue
            geom: Any = Point(round(px), round(py))
        elif kind == "LineString":
            line = LineString([pixel(*c[:2]) for c in coords])
            geom = clip_by_rect(line, low, low, high, high)
            if geom.is_empty:
                continue
        else:
            from shapely import transform

            geom = clip_by_rect(
                transform(shape(geometry), lambda a: _pixels(a, pixel)), low, low, high, high
            )
            if geom.is_empty:
                continue
        props = tile_properties(layer, f.get("properties") or {})
        out.append({"geometry": geom, "properties": props})
        if len(out) >= MAX_FEATURES:
            break
    if not out:
        return b""
    data: bytes = mapbox_vector_tile.encode(
        [{"name": layer, "features": out}],
        default_options={"extents": EXTENT, "y_coord_down": True},
    )
    return data


def _pixels(array: Any, pixel: Any) -> Any:
    import numpy as np

    return np.array([pixel(lon, lat) for lon, lat in array])


def tile_url_template(base_url: str, layer: str) -> str:
    """The XYZ template of a layer's tiles (``{z}/{x}/{y}``; OGC's names are
    ``{tileMatrix}/{tileCol}/{tileRow}``)."""
    return f"{base_url}/collections/{layer}/tiles/{TMS_ID}/{{z}}/{{x}}/{{y}}"


def tilejson(
    layer: str,
    base_url: str,
    query: str,
    bounds: tuple[float, float, float, float] | None,
    description: str,
) -> dict[str, Any]:
    """A TileJSON 3.0 document for a layer's tiles; ``query`` (bbox, datetime, filters) is
    kept on the tile URL."""
    url = tile_url_template(base_url, layer) + (f"?{query}" if query else "")
    return {
        "tilejson": "3.0.0",
        "name": layer,
        "description": description,
        "scheme": "xyz",
        "tiles": [url],
        "minzoom": 0,
        "maxzoom": MAX_ZOOM,
        "bounds": list(bounds or (-180.0, -85.0511287798066, 180.0, 85.0511287798066)),
        "vector_layers": [
            {
                "id": layer,
                "fields": {k: "" for k in TILE_PROPERTIES[layer]},
                "minzoom": 0,
                "maxzoom": MAX_ZOOM,
            }
        ],
    }


def tilesets_document(layer: str, base_url: str, query: str) -> dict[str, Any]:
    """``/collections/{layer}/tiles``: the layer's one tileset (OGC API – Tiles)."""
    suffix = f"?{query}" if query else ""
    template = (
        f"{base_url}/collections/{layer}/tiles/{TMS_ID}/{{tileMatrix}}/{{tileCol}}/{{tileRow}}"
    )
    return {
        "tilesets": [
            {
                "title": f"{layer} (Mapbox Vector Tiles)",
                "dataType": "vector",
                "crs": "http://www.opengis.net/def/crs/EPSG/0/3857",
                "tileMatrixSetURI": "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad",
                "links": [
                    {
                        "rel": "self",
                        "type": "application/json",
                        "href": f"{base_url}/collections/{layer}/tiles/{TMS_ID}{suffix}",
                        "title": "this tileset",
                    },
                    {
                        "rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                        "type": "application/json",
                        "href": f"{base_url}/tileMatrixSets/{TMS_ID}",
                        "title": "the tiling scheme",
                    },
                    {
                        "rel": "item",
                        "type": MVT_MEDIA_TYPE,
                        "href": template + suffix,
                        "templated": True,
                        "title": "a tile",
                    },
                    {
                        "rel": "describedby",
                        "type": "application/json",
                        "href": f"{base_url}/collections/{layer}/tiles/{TMS_ID}/tilejson.json"
                        + suffix,
                        "title": "TileJSON",
                    },
                ],
            }
        ],
        "links": [
            {
                "rel": "self",
                "type": "application/json",
                "href": f"{base_url}/collections/{layer}/tiles{suffix}",
            }
        ],
    }


def tile_matrix_set() -> dict[str, Any]:
    """The WebMercatorQuad definition (``/tileMatrixSets/WebMercatorQuad``)."""
    data: dict[str, Any] = tms().model_dump(mode="json", exclude_none=True)
    return data


def tile_query(query: Any, z: int, x: int, y: int, *, layer_size: int = 0) -> Any:
    """``query`` (a :class:`~geomap.store.base.Query`) narrowed to the tile's buffered box and
    without paging -- and, below :data:`FULL_ZOOM` in a layer of more than
    :data:`SAMPLE_ABOVE` features (``layer_size``), to the sample :func:`level` picks; None when
    the tile lies outside the query's own bbox."""
    from dataclasses import replace

    from geomap.store.base import Sampled

    box = buffered_lonlat_bounds(z, x, y)
    if z < FULL_ZOOM and layer_size > SAMPLE_ABOVE:
        query = replace(query, where=(*query.where, Sampled(z)))
    if query.bbox is not None:
        a = query.bbox
        box = (max(a[0], box[0]), max(a[1], box[1]), min(a[2], box[2]), min(a[3], box[3]))
        if box[0] > box[2] or box[1] > box[3]:
            return None
    return replace(query, bbox=box, limit=None, offset=0, after=None, sortby=())


def thin(query: Any, layer_size: int, count: Callable[[Any], int]) -> Any:
    """``query`` (narrowed to one tile by :func:`tile_query`) thinned where the tile is dense:
    in a layer of more than :data:`SAMPLE_ABOVE` features, the tile shows the sample of the
    highest level ``k`` (:func:`level`; no higher than its zoom's, every feature from
    :data:`FULL_ZOOM` on) such that the sample of level ``k - 1`` holds at most a quarter of
    :data:`TILE_BUDGET` -- so about :data:`TILE_BUDGET` features at most, whatever the
    density, and a sparse tile keeps every feature its zoom shows. ``count(q)`` counts what a
    query matches; the levels are counted from the smallest sample up, so a request reads
    about ``2 * TILE_BUDGET`` features however many lie in the tile. The same for every
    client and backend; zooming in never hides a feature shown (a tile's quarter holds no
    more than the tile). A layer of :data:`THIN_BY_TILE` no larger than that is thinned the
    same way to about :data:`LINE_BUDGET` features, in a tile holding more than that."""
    from dataclasses import replace

    from geomap.store.base import Sampled

    if layer_size > SAMPLE_ABOVE:
        budget = TILE_BUDGET
    elif query.layer in THIN_BY_TILE:
        budget = LINE_BUDGET
    else:
        return query
    kept = tuple(p for p in query.where if not isinstance(p, Sampled))
    cap = min([FULL_ZOOM, *(p.zoom for p in query.where if isinstance(p, Sampled))])
    if (
        layer_size <= SAMPLE_ABOVE
        and count(replace(query, where=(*kept, Sampled(FULL_ZOOM)))) <= budget
    ):
        return query  # every level up to FULL_ZOOM: every feature in the tile
    for k in range(cap):
        sample = replace(query, where=(*kept, Sampled(k)))
        if count(sample) > budget // 4:
            return sample
    return query


def aggregate_kind(query: Any, z: int) -> tuple[str, ...] | None:
    """Whether the tile ``z`` of ``query`` (a :class:`~geomap.store.base.Query`) can be read
    from a point aggregate: None when it is built from the features instead, else the event
    types it keeps (() for all). The aggregate serves a zoomed-out tile (zoom up to
    :data:`AGGREGATE_ZOOM`) of a layer it keeps, with no filter but ``event_type``
    (incidents): a bbox, dates, any other property or a CQL2 filter need the features. A store
    reads it for a layer of more than :data:`CLUSTER_ABOVE` features, and for a smaller one
    where the tile holds more than :data:`CLUSTER_TILE_ABOVE`."""
    from geomap.store.base import Equals, fold

    if (
        query.layer not in AGGREGATE_LAYERS
        or z > AGGREGATE_ZOOM
        or query.bbox is not None
        or query.timed
        or query.empty
    ):
        return None
    if not query.where:
        return ()
    if query.layer != "incidents" or len(query.where) != 1:
        return None
    (p,) = query.where
    if not isinstance(p, Equals) or p.name != "event_type":
        return None
    wanted = fold(p.value) or ""
    if wanted == "null":  # matches 'null' and none, which kind '' does not tell from ''
        return None
    return (wanted,)  # '' matches none and '', both kept as kind ''


def aggregate_point(geometry: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """The Web Mercator point a feature counts at in the aggregate: its own point, or a point
    on a line or surface (GEOS's point on surface, as PostGIS's ``ST_PointOnSurface``); None
    without a geometry."""
    if not geometry or not geometry.get("type"):
        return None
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"][:2]
    else:
        from shapely.geometry import shape

        g = shape(geometry)
        if g.is_empty:
            return None
        p = g.representative_point()
        lon, lat = p.x, p.y
    lat = max(-_MAX_LAT, min(_MAX_LAT, lat))
    return math.radians(lon) * _R, _R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def aggregate_cells(mx: float, my: float) -> list[tuple[int, int, int]]:
    """(z, cx, cy): the aggregate's cell of the Web Mercator point at every zoom it keeps."""
    world = 2 * math.pi * _R
    fx, fy = mx / world + 0.5, 0.5 - my / world
    out = []
    for z in range(AGGREGATE_ZOOM + 1):
        side = AGGREGATE_GRID << z
        out.append(
            (
                z,
                min(max(math.floor(fx * side), 0), side - 1),
                min(max(math.floor(fy * side), 0), side - 1),
            )
        )
    return out


def encode_clusters(
    layer: str, cells: Iterable[tuple[int, float, float, str]], z: int, x: int, y: int
) -> bytes:
    """The zoomed-out tile ``z/x/y`` of ``layer`` drawn from a point aggregate: ``cells`` are
    ``(count, sum of x, sum of y, most frequent type)`` in Web Mercator, one per cell in the
    tile or on its edge, each drawn at its mean point (as ``ST_AsMVTGeom`` places it: the same
    affine transform, kept within the buffer, rounded half to even) with ``count`` and, for
    incidents, ``event_type``; empty bytes when none. The points reach mapbox-vector-tile in
    tile coordinates already, made in one call: it neither transforms nor checks them."""
    import mapbox_vector_tile
    import numpy as np
    import shapely

    rows = cells if isinstance(cells, list) else list(cells)
    if not rows:
        return b""
    counts, sxs, sys_, kinds = zip(*rows, strict=True)
    n = np.array(counts, dtype=np.int64)
    minx, miny, maxx, maxy = mercator_bounds(z, x, y)
    fx, fy = EXTENT / (maxx - minx), -(EXTENT / (maxy - miny))
    xoff, yoff = -minx * fx, -maxy * fy
    with np.errstate(divide="ignore", invalid="ignore"):
        px = np.array(sxs, dtype=np.float64) / n * fx + xoff
        py = np.array(sys_, dtype=np.float64) / n * fy + yoff
    low, high = -BUFFER, EXTENT + BUFFER
    keep = (n > 0) & (px >= low) & (px <= high) & (py >= low) & (py <= high)
    if not keep.any():
        return b""
    picked = np.flatnonzero(keep).tolist()
    points = shapely.points(np.rint(px[keep]), np.rint(py[keep]))
    counted = n[keep].tolist()
    if layer == "incidents":
        props = [{"count": c, "event_type": kinds[i]} for c, i in zip(counted, picked, strict=True)]
    else:
        props = [{"count": c} for c in counted]
    out = [{"geometry": g, "properties": p} for g, p in zip(points.tolist(), props, strict=True)]
    data: bytes = mapbox_vector_tile.encode(
        [{"name": layer, "features": out}],
        default_options=POINT_OPTIONS,
    )
    return data


# mapbox-vector-tile's options for points already in tile coordinates: no transform, no
# quantizing, no winding order to check (that is for polygons)
POINT_OPTIONS: dict[str, Any] = {
    "extents": EXTENT,
    "y_coord_down": True,
    "quantize_bounds": None,
    "transformer": None,
    "check_winding_order": False,
}
