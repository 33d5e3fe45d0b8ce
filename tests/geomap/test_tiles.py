"""Tile grid, MVT encoding and tile documents (geomap/tiles.py)."""

from __future__ import annotations

import mapbox_vector_tile
import pytest

from geomap import tiles
from geomap.errors import InvalidParameter, NotFound

POINT = {
    "geometry": {"type": "Point", "coordinates": [8.5, 47.3]},
    "properties": {"id": "inc-1", "event_type": "protest", "n_sources": 2, "quote": "long"},
}
LINE = {
    "geometry": {"type": "LineString", "coordinates": [[0.0, 0.0], [10.0, 47.0]]},
    "properties": {"id": "mov-1", "movement_type": "fled"},
}


def decode(data: bytes) -> dict:  # type: ignore[type-arg]
    return mapbox_vector_tile.decode(data)  # type: ignore[no-any-return]


def test_a_point_lands_where_its_lon_lat_is_within_the_tile() -> None:
    z, x, y = 6, 33, 22  # 5.625..11.25 E, 45.09..48.92 N
    layer = decode(tiles.encode("incidents", [POINT], z, x, y))["incidents"]
    (feature,) = layer["features"]
    px, py = feature["geometry"]["coordinates"]
    assert round(px) == round((8.5 - 5.625) / 5.625 * tiles.EXTENT)
    assert 0 < py < tiles.EXTENT
    # only the tile's properties travel: not the quote
    assert feature["properties"] == {"id": "inc-1", "event_type": "protest", "n_sources": 2}


def test_lines_are_clipped_to_the_tile_and_its_buffer() -> None:
    layer = decode(tiles.encode("movements", [LINE], 6, 33, 22))["movements"]
    (feature,) = layer["features"]
    for px, py in feature["geometry"]["coordinates"]:
        assert -tiles.BUFFER - 1 <= px <= tiles.EXTENT + tiles.BUFFER + 1
        assert -tiles.BUFFER - 1 <= py <= tiles.EXTENT + tiles.BUFFER + 1


def test_a_tile_with_nothing_in_it_is_empty() -> None:
    assert tiles.encode("incidents", [POINT], 6, 0, 0) == b""


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("WorldCRS84Quad", 1, 0, 0), NotFound),
        (("WebMercatorQuad", 23, 0, 0), InvalidParameter),
        (("WebMercatorQuad", 2, 4, 0), NotFound),  # no such tile
        (("WebMercatorQuad", 2, 0, -1), NotFound),
    ],
)
def test_tiles_outside_the_grid_are_refused(args: tuple, error: type) -> None:  # type: ignore[type-arg]
    with pytest.raises(error):
        tiles.check_tile(*args)


def test_tilejson_keeps_the_query_on_the_tile_url() -> None:
    doc = tiles.tilejson("incidents", "http://h:1", "event_type=protest", None, "d")
    assert doc["tiles"] == [
        "http://h:1/collections/incidents/tiles/WebMercatorQuad/{z}/{x}/{y}?event_type=protest"
    ]
    assert set(doc["vector_layers"][0]["fields"]) == set(tiles.TILE_PROPERTIES["incidents"])
