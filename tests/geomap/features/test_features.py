"""GeoJSON geometry: great circles, continuity across the antimeridian, geodesic length."""

from __future__ import annotations

from geopy.distance import geodesic
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiLineString

from geomap.features.features import great_circle, movement_feature, split_antimeridian
from geomap.model import Document, Movement, Place, Span


def _place(lat: float, lon: float) -> Place:
    return Place("t:1", "t", "city", None, lat, lon)


def test_pacific_leg_crosses_the_antimeridian_without_jumping() -> None:
    tokyo, los_angeles = _place(35.68, 139.69), _place(34.05, -118.24)
    line = great_circle(tokyo, los_angeles)
    lons = [p[0] for p in line]
    assert all(abs(b - a) < 20 for a, b in zip(lons, lons[1:], strict=False))
    assert max(lons) > 180  # it went east over the Pacific, not west across Eurasia
    assert lons[-1] == 360 - 118.24


def test_great_circle_bulges_poleward() -> None:
    # London -> Vancouver: the great circle passes far north of both ends (over Greenland)
    line = great_circle(_place(51.5, -0.13), _place(49.28, -123.12))
    assert max(p[1] for p in line) > 65


@given(
    st.floats(-80, 80),
    st.floats(-180, 180),
    st.floats(-80, 80),
    st.floats(-180, 180),
)
def test_great_circle_ends_and_steps(lat1: float, lon1: float, lat2: float, lon2: float) -> None:
    a, b = _place(lat1, lon1), _place(lat2, lon2)
    line = great_circle(a, b, max_step_km=200)
    assert abs(line[0][0] - lon1) < 1e-5 and abs(line[0][1] - lat1) < 1e-5  # 6 decimals kept
    assert abs(line[-1][1] - lat2) < 1e-5
    assert abs((line[-1][0] - lon2 + 180) % 360 - 180) < 1e-5  # same meridian, maybe unwrapped
    km = geodesic((lat1, lon1), (lat2, lon2)).km
    for (x1, y1), (x2, y2) in zip(line, line[1:], strict=False):
        assert geodesic((y1, x1), (y2, x2)).km < 210
        assert abs(x2 - x1) < 180 or max(abs(y1), abs(y2)) > 89  # over a pole
    assert LineString(line).is_valid or km < 1e-3


def test_a_movement_across_the_antimeridian_is_split_there() -> None:
    # a deportation from the United States to Russia goes west over the Bering Strait
    usa = Place("geonames:6252001", "United States", "country", "US", 39.76, -98.5)
    russia = Place("geonames:2017370", "Russia", "country", "RU", 60.0, 100.0)
    doc = Document("d", "d.txt", "They were deported from the United States to Russia.")
    mv = Movement("m", "d", "deported", (usa, russia), Span(doc.text, 0, len(doc.text)))
    f = movement_feature(doc, mv)
    assert f["geometry"]["type"] == "MultiLineString"
    east, west = f["geometry"]["coordinates"]
    points = east + west
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
    assert east[0] == [-98.5, 39.76] and west[-1] == [100.0, 60.0]
    assert east[-1][0] == -180 and west[0][0] == 180 and east[-1][1] == west[0][1]
    assert MultiLineString(f["geometry"]["coordinates"]).is_valid
    assert 8000 < f["properties"]["length_km"] < 10000


@given(
    st.floats(-80, 80),
    st.floats(-180, 180),
    st.floats(-80, 80),
    st.floats(-180, 180),
)
def test_split_lines_stay_in_range_and_keep_their_ends(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    line = great_circle(_place(lat1, lon1), _place(lat2, lon2))
    parts = split_antimeridian(line)
    assert all(len(part) >= 2 for part in parts)
    assert all(-180 <= x <= 180 for part in parts for x, _ in part)
    assert parts[0][0][1] == round(lat1, 6)
    assert abs((parts[0][0][0] - lon1 + 180) % 360 - 180) < 1e-5  # (±180 are one meridian)
    assert abs((parts[-1][-1][0] - lon2 + 180) % 360 - 180) < 1e-5
    for a, b in zip(parts, parts[1:], strict=False):  # each cut is on the antimeridian
        assert abs(a[-1][0]) == 180 and b[0][0] == -a[-1][0] and a[-1][1] == b[0][1]
    for part in parts:
        for (x1, y1), (x2, y2) in zip(part, part[1:], strict=False):
            # no jump across the world within a part, but over a pole
            assert abs(x2 - x1) < 180 or max(abs(y1), abs(y2)) > 89


EXTRA_KEYS = {"layer", "document"}  # carried by every feature, not typed columns


def test_features_carry_exactly_the_documented_columns(settings) -> None:  # type: ignore[no-untyped-def]
    from geomap.export import COLUMNS
    from geomap.features.features import LAYERS, extraction_features
    from geomap.pipeline import Pipeline
    from geomap.reports.text import read_document

    from ...conftest import SEED

    pipeline = Pipeline(settings)
    features = extraction_features(pipeline.extract(read_document(SEED)))
    pipeline.close()
    for layer in LAYERS:
        assert features[layer], layer
        for f in features[layer]:
            assert set(f["properties"]) - EXTRA_KEYS == set(COLUMNS[layer]), layer
