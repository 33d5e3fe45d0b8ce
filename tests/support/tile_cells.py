"""An independent oracle for the zoomed-out tiles' point aggregate, shared by the SQLite and
PostGIS tile tests: which cell of a zoom's grid a point falls in, worked out here in plain
Python rather than by the stores' own code."""

from __future__ import annotations

import math
from typing import Any

from geomap.tiles import AGGREGATE_GRID

_R = 6378137.0  # the Web Mercator sphere's radius, metres
_MAX_LAT = 85.0511287798066


def cell_of(point: tuple[float, float], z: int) -> tuple[int, int, float, float]:
    """The cell (column, row) of ``point`` (lon, lat) in zoom ``z``'s grid of
    ``AGGREGATE_GRID << z`` cells a side, and the point in Web Mercator metres."""
    lon, lat = point
    lat = max(-_MAX_LAT, min(_MAX_LAT, lat))
    mx = math.radians(lon) * _R
    my = _R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    side = AGGREGATE_GRID << z
    world = 2 * math.pi * _R
    cx = min(max(math.floor((mx / world + 0.5) * side), 0), side - 1)
    cy = min(max(math.floor((0.5 - my / world) * side), 0), side - 1)
    return cx, cy, mx, my


def representative(feature: dict[str, Any]) -> tuple[float, float]:
    """The point a feature counts at: itself, or a line's shapely representative point."""
    from shapely.geometry import shape

    g = shape(feature["geometry"])
    p = g if g.geom_type == "Point" else g.representative_point()
    return (p.x, p.y)
