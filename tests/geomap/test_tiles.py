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


def _cell(z: int, x: int, y: int, px: float, py: float, n: int, kind: str) -> tuple:  # type: ignore[type-arg]
    """An aggregate cell of ``n`` features whose mean point is (px, py) in tile ``z/x/y``'s
    coordinates (y down), as (count, summed x, summed y, type) in Web Mercator metres."""
    minx, miny, maxx, maxy = tiles.mercator_bounds(z, x, y)
    mx = minx + px / tiles.EXTENT * (maxx - minx)
    my = maxy - py / tiles.EXTENT * (maxy - miny)
    return (n, mx * n, my * n, kind)


def test_clusters_are_drawn_at_their_cells_mean_points_with_count_and_type() -> None:
    z, x, y = 6, 52, 27
    cells = [
        _cell(z, x, y, 100.2, 200.7, 3, "protest"),
        _cell(z, x, y, 4000.0, 10.0, 1, ""),
        _cell(z, x, y, 0.0, 0.0, 0, "attack"),  # emptied cell: not drawn
        _cell(z, x, y, -64.0, 4160.0, 2, "arrest"),  # on the buffer's edge: drawn
        _cell(z, x, y, -70.0, 50.0, 5, "attack"),  # beyond the buffer: not drawn
        _cell(z, x, y, 300.0, 4160.4, 5, "attack"),  # beyond it before rounding: not drawn
    ]
    data = tiles.encode_clusters("incidents", cells, z, x, y)
    got = mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})["incidents"]
    drawn = [(*f["geometry"]["coordinates"], f["properties"]) for f in got["features"]]
    assert drawn == [
        (100, 201, {"count": 3, "event_type": "protest"}),
        (4000, 10, {"count": 1, "event_type": ""}),
        (-64, 4160, {"count": 2, "event_type": "arrest"}),
    ]
    # places carry the count alone; nothing in the tile is no tile
    data = tiles.encode_clusters("places", cells[:2], z, x, y)
    places = mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})["places"]
    assert [f["properties"] for f in places["features"]] == [{"count": 3}, {"count": 1}]
    assert tiles.encode_clusters("incidents", cells[2:3], z, x, y) == b""
    assert tiles.encode_clusters("incidents", iter([]), z, x, y) == b""


def test_a_cluster_halfway_between_two_tile_units_rounds_to_the_even_one() -> None:
    z, x, y = 3, 4, 2
    cells = [_cell(z, x, y, 10.5, 11.5, 1, "a"), _cell(z, x, y, 2047.5, 3.25, 1, "b")]
    data = tiles.encode_clusters("incidents", cells, z, x, y)
    got = mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})["incidents"]
    assert [f["geometry"]["coordinates"] for f in got["features"]] == [[10, 12], [2048, 3]]
