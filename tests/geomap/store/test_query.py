"""Query parameters (bbox, datetime, dates, limit, offset, filters) and selection."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.errors import InvalidParameter
from geomap.store.base import interval_is_empty
from geomap.store.query import (
    extent,
    format_datetime,
    parse_bbox,
    parse_date,
    parse_datetime,
    parse_limit,
    parse_offset,
    select,
    time_span,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, None),
        ("", None),
        ("1,2,3,4", (1.0, 2.0, 3.0, 4.0)),
        ("-180,-90,180,90", (-180.0, -90.0, 180.0, 90.0)),
        ("3,0,1,1", (3.0, 0.0, 1.0, 1.0)),  # minx > maxx: across the antimeridian
        ("170,0,190,1", (170.0, 0.0, -170.0, 1.0)),  # longitudes taken modulo 360
        ("-200,0,200,1", (-180.0, 0.0, 180.0, 1.0)),  # 360 degrees or more: the whole world
        ("0,5,1,1", (0.0, 5.0, 1.0, 1.0)),  # miny > maxy: a box nothing intersects
        ("0,-91,1,90.5", (0.0, -90.0, 1.0, 90.0)),  # latitudes clamped
        ("1.5,2e1,3.25,45", (1.5, 20.0, 3.25, 45.0)),
        ("1,2,-100,3,4,100", (1.0, 2.0, 3.0, 4.0)),  # 3D: z ignored
        ("5,5,5,5", (5.0, 5.0, 5.0, 5.0)),
    ],
)
def test_parse_bbox(text: str | None, expected: tuple[float, ...] | None) -> None:
    assert parse_bbox(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1,2,3", "has 3 numbers"),
        ("1,2,3,4,5", "has 5 numbers"),
        ("a,2,3,4", "'a' is not a number"),
        ("1,2,,4", "'' is not a number"),
        ("nan,2,3,4", "not a number"),
        ("inf,2,3,4", "not a number"),
        (" -180,-90,180,90", "' -180' is not a number"),  # no spaces
        ("١,2,3,4", "is not a number"),  # other scripts' digits
    ],
)
def test_bad_bbox_names_parameter_and_reason(text: str, why: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        parse_bbox(text)
    assert info.value.where == "bbox"
    assert repr(text) in info.value.message and why in info.value.message
    assert info.value.status == 400


D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, None),
        ("2019-02-21", (D(2019, 2, 21), D(2019, 2, 21))),
        ("2019-02-21T10:00:00Z", (D(2019, 2, 21), D(2019, 2, 21))),
        ("2019-02-21T10:00:00.123Z", (D(2019, 2, 21), D(2019, 2, 21))),
        ("2019-02-21T23:30:00-05:00", (D(2019, 2, 22), D(2019, 2, 22))),  # taken in UTC
        ("2019-02-21T01:00:00+02:00", (D(2019, 2, 20), D(2019, 2, 20))),
        ("2019-01-01/2019-12-31", (D(2019, 1, 1), D(2019, 12, 31))),
        ("2019-01-01T00:00:00Z/2019-12-31T00:00:00Z", (D(2019, 1, 1), D(2019, 12, 31))),
        ("../2019-12-31", (None, D(2019, 12, 31))),
        ("2019-01-01/..", (D(2019, 1, 1), None)),
        ("/2019-12-31", (None, D(2019, 12, 31))),
        ("2019-01-01/", (D(2019, 1, 1), None)),
        ("../..", (None, None)),
        # QGIS's dummy bounds for an open end
        ("0000-01-01T00:00:00Z/2019-12-31T00:00:00Z", (None, D(2019, 12, 31))),
        ("2019-05-15T00:00:00Z/9999-12-31T00:00:00Z", (D(2019, 5, 15), None)),
        ("0000-01-01T00:00:00Z/9999-12-31T00:00:00Z", (None, None)),
    ],
)
def test_parse_datetime(text: str | None, expected: tuple[date | None, date | None]) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("yesterday", "'yesterday' is not a date"),
        ("2019-13-01", "'2019-13-01' is not a date"),
        ("2019-02-30", "'2019-02-30' is not a date"),
        ("2019-02-21T10:00:00", "RFC 3339"),  # no time zone
        ("a/b/c", "an interval is start/end"),
        ("..", "only allowed in an interval"),
    ],
)
def test_bad_datetime_names_parameter_and_reason(text: str, why: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        parse_datetime(text)
    assert info.value.where == "datetime" and why in info.value.message
    assert repr(text) in info.value.message


def test_a_reversed_interval_holds_nothing() -> None:
    interval = parse_datetime("2019-12-31/2019-01-01")
    assert interval == (D(2019, 12, 31), D(2019, 1, 1))
    assert interval_is_empty(*interval)
    assert not interval_is_empty(D(2019, 1, 1), D(2019, 12, 31))


def test_parse_date_names_its_parameter() -> None:
    assert parse_date("2019-02-21", "start") == D(2019, 2, 21)
    assert parse_date("2019-02-21T00:00:00Z", "end") == D(2019, 2, 21)
    assert parse_date(None, "start") is None
    with pytest.raises(InvalidParameter) as info:
        parse_date("21/02/2019", "end")
    assert info.value.where == "end" and "'21/02/2019'" in info.value.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 100), ("1", 1), ("10000", 10000), (25, 25), ("10001", 10000), ("007", 7)],
)
def test_parse_limit(value: Any, expected: int) -> None:
    assert parse_limit(value) == expected


@pytest.mark.parametrize("value", ["", "0", "-1", "ten", "1.5", "1_0", "١٠"])
def test_bad_limit(value: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        parse_limit(value)
    assert info.value.where == "limit" and repr(value) in info.value.message


@pytest.mark.parametrize("value", ["-1", "x"])
def test_bad_offset(value: str) -> None:
    assert parse_offset(None) == 0 and parse_offset("7") == 7
    with pytest.raises(InvalidParameter) as info:
        parse_offset(value)
    assert info.value.where == "offset"


# --- round trips -----------------------------------------------------------------------------

lons = st.floats(min_value=-180, max_value=180, allow_nan=False, allow_infinity=False)
lats = st.floats(min_value=-90, max_value=90, allow_nan=False, allow_infinity=False)


@given(lons, lats, lons, lats)
def test_bbox_round_trip(x1: float, y1: float, x2: float, y2: float) -> None:
    box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    assert parse_bbox(",".join(repr(v) for v in box)) == box


dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 30))


@given(st.one_of(st.none(), dates), st.one_of(st.none(), dates))
def test_datetime_round_trip(a: date | None, b: date | None) -> None:
    if a and b and a > b:
        a, b = b, a
    assert parse_datetime(format_datetime(a, b)) == (a, b)


@given(dates, st.sampled_from(["Z", "+00:00", "-00:00"]))
def test_datetime_utc_forms_agree(d: date, zone: str) -> None:
    assert parse_datetime(f"{d.isoformat()}T12:00:00{zone}") == (d, d)


# --- selection --------------------------------------------------------------------------------


def point(fid: str, lon: float, lat: float, **props: Any) -> dict[str, Any]:
    base = {"id": fid, "event_type": "attack", "actor1": None, "actor2": None}
    base.update(props)
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": base,
    }


FEATURES = [
    point("a", 10, 10, date_start="2019-01-01", date_end="2019-01-05", actor1="Rebel Army"),
    point("b", 20, 20, date_start="2019-02-01", date_end="2019-02-01", event_type="Protest"),
    point("c", 30, 30, date_start=None, date_end=None, actor2="the Army of X"),
    point("d", -10, -10, date_start="2019-03-01", date_end="2019-03-31", geo_precision=1),
]
LINE = {
    "type": "Feature",
    "id": "m",
    "geometry": {"type": "LineString", "coordinates": [[0, 0], [10, 10]]},
    "properties": {"id": "m", "actor": "the Army", "date_start": "2019-01-01"},
}


def ids(features: list[dict[str, Any]]) -> list[str]:
    return [f["id"] for f in features]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["a", "b", "c", "d"]),
        ({"bbox": (5, 5, 25, 25)}, ["a", "b"]),
        ({"bbox": (10, 10, 10, 10)}, ["a"]),  # edges count
        ({"start": D(2019, 1, 5)}, ["a", "b", "d"]),  # undated c never matches a time bound
        ({"end": D(2019, 1, 31)}, ["a"]),
        ({"start": D(2019, 1, 2), "end": D(2019, 1, 3)}, ["a"]),  # inside a's span
        ({"start": D(2019, 3, 15), "end": D(2019, 3, 15)}, ["d"]),
        ({"filters": {"event_type": "PROTEST"}}, ["b"]),  # case-insensitive equality
        ({"filters": {"event_type": "prot"}}, []),  # not a substring match
        ({"filters": {"actor": "army"}}, ["a", "c"]),  # actor: substring of actor1/actor2
        ({"filters": {"geo_precision": "1"}}, ["d"]),
        ({"filters": {"actor1": "rebel army"}, "bbox": (0, 0, 15, 15)}, ["a"]),
    ],
)
def test_select(kwargs: dict[str, Any], expected: list[str]) -> None:
    assert ids(select(FEATURES, **kwargs)) == expected


def test_select_line_intersects_box_not_just_bounds() -> None:
    # the box touches the line's bounds but not the line itself
    assert select([LINE], bbox=(0, 8, 2, 10)) == []
    assert ids(select([LINE], bbox=(4, 4, 6, 6))) == ["m"]
    assert ids(select([LINE], filters={"actor": "ARMY"})) == ["m"]


def test_unknown_filter_property_names_it() -> None:
    with pytest.raises(InvalidParameter) as info:
        select(FEATURES, filters={"colour": "red"})
    assert info.value.where == "colour" and "'colour'" in info.value.message
    assert select([], filters={"colour": "red"}) == []  # nothing to check names against
    # a declared schema is used when given (so empty layers still check names)
    assert select([], filters={"event_type": "x"}, properties={"event_type"}) == []
    with pytest.raises(InvalidParameter):
        select([], filters={"colour": "x"}, properties={"event_type"})


def test_places_are_timed_by_publication() -> None:
    place = {
        "type": "Feature",
        "id": "p",
        "geometry": {"type": "Point", "coordinates": [0, 0]},
        "properties": {"name": "X", "published": "2019-04-16"},
    }
    assert time_span(place["properties"]) == (D(2019, 4, 16), D(2019, 4, 16))
    assert select([place], start=D(2019, 4, 1), end=D(2019, 4, 30)) == [place]
    assert select([place], end=D(2019, 3, 1)) == []


def test_extent() -> None:
    box, (start, end) = extent(FEATURES + [LINE])
    assert box == (-10.0, -10.0, 30.0, 30.0)
    assert (start, end) == (D(2019, 1, 1), D(2019, 3, 31))
    assert extent([]) == (None, (None, None))
