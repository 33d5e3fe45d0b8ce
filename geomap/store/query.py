"""Query parameters shared by the API, the map and the CLI: bbox, datetime, dates, property
filters and paging, parsed with errors that name the parameter, then applied to features.

Rules (OGC API – Features Part 1 where it speaks). Every value the grammar (the ``*_PATTERN``
regular expressions, which the OpenAPI document carries) accepts has a meaning, and anything
else is refused naming the parameter and the value:

- ``bbox`` is ``minx,miny,maxx,maxy`` (or 6 numbers, ``minx,miny,minz,maxx,maxy,maxz``, z
  ignored) in CRS84 lon/lat. Latitudes are clamped to -90..90, longitudes taken modulo 360; a
  box whose minx exceeds its maxx crosses the antimeridian; miny > maxy is a box nothing
  intersects. A feature matches when its geometry intersects the box (edges included).
- ``datetime`` is an instant or an interval ``a/b`` with open ends ``..`` or empty; each end is
  a date or an RFC 3339 date-time (``Z`` or an offset, converted to UTC, then its calendar date
  is used, since features carry dates only). QGIS's dummy bounds ``0000-01-01T00:00:00Z`` and
  ``9999-12-31T00:00:00Z`` are open ends; an interval whose start is after its end has nothing
  in it.
- ``limit`` and ``offset`` are ASCII digits; a limit above the maximum is the maximum.
- A feature's time span is ``[date_start, date_end]`` (falling back to ``event_date``); it
  matches when the span overlaps the asked interval. Places carry no event dates: their time is
  the ``published`` date of the report that mentioned them. A feature without a date never
  matches once any time bound is given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from geomap.errors import InvalidParameter
from geomap.store.base import (
    ACTOR_KEYS,
    Contains,
    Equals,
    Predicate,
    boxes,
    interval_is_empty,
)

BBox = tuple[float, float, float, float]
Interval = tuple[date | None, date | None]

DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000
BIG_INTEGER = 2**62  # what a larger whole number in a parameter counts as (SQL's 64 bits)
MAX_OFFSET = BIG_INTEGER  # larger offsets skip everything anyway

# The grammar of the parameters, as regular expressions an OpenAPI document can carry too
# (ASCII only: no other script's digits, no "_" separators, no spaces).
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-9]))"
)
DATE = r"[0-9]{4}-" + _MONTH_DAY
TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?"
OFFSET = r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
MOMENT = DATE + r"(?:[Tt ]" + TIME + OFFSET + r")?"
BBOX_PATTERN = rf"^(?:{NUMBER}(?:,{NUMBER}){{3}}(?:,{NUMBER},{NUMBER})?)?$"
MOMENT_PATTERN = rf"^(?:{MOMENT})?$"
DATETIME_PATTERN = rf"^(?:{MOMENT}|(?:{MOMENT}|\.\.)?/(?:{MOMENT}|\.\.)?)?$"
INTEGER_PATTERN = r"^[0-9]+$"

_NUMBER = re.compile(rf"^{NUMBER}$", re.ASCII)
_INTEGER = re.compile(INTEGER_PATTERN, re.ASCII)
_MOMENT = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?$",
    re.ASCII,
)
_MOMENT_FULL = re.compile(rf"^{MOMENT}$", re.ASCII)


def parse_bbox(value: str | None) -> BBox | None:
    """``(minx, miny, maxx, maxy)`` from ``"minx,miny,maxx,maxy"`` (or 6 numbers with z,
    ignored), None when absent or empty. Every value :data:`BBOX_PATTERN` accepts has a
    meaning: latitudes are clamped to -90..90; longitudes are taken modulo 360, and a box
    whose minx is greater than its maxx crosses the antimeridian (OGC API – Features); a box
    360° wide or more is the whole world; miny > maxy is a box nothing intersects. Anything
    else is InvalidParameter naming ``bbox``."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) not in (4, 6):
        raise InvalidParameter(
            f"bbox {value!r} has {len(parts)} numbers; expected 4 (minx,miny,maxx,maxy)"
            " or 6 (minx,miny,minz,maxx,maxy,maxz)",
            where="bbox",
        )
    for part in parts:
        if not _NUMBER.match(part):
            raise InvalidParameter(
                f"bbox {value!r}: {part!r} is not a number (digits 0-9, '.', an exponent;"
                " no spaces)",
                where="bbox",
            )
    numbers = [float(p) for p in parts]
    if len(numbers) == 6:
        minx, miny, _minz, maxx, maxy, _maxz = numbers
    else:
        minx, miny, maxx, maxy = numbers
    minx, maxx = _longitudes(minx, maxx)
    return (minx, _clamp(miny, -90.0, 90.0), maxx, _clamp(maxy, -90.0, 90.0))


def _clamp(v: float, low: float, high: float) -> float:
    return low if v < low else high if v > high else v


def _longitudes(minx: float, maxx: float) -> tuple[float, float]:
    """``minx, maxx`` inside -180..180 (``minx > maxx``: across the antimeridian)."""
    if not (math.isfinite(minx) and math.isfinite(maxx)):
        return (-180.0, 180.0)
    width = maxx - minx if minx <= maxx else maxx - minx + 360.0
    if width >= 360.0:
        return (-180.0, 180.0)
    if -180.0 <= minx <= 180.0 and -180.0 <= maxx <= 180.0:
        return (minx, maxx)
    west = minx if -180.0 <= minx <= 180.0 else (minx + 180.0) % 360.0 - 180.0
    east = west + width
    return (west, east if east <= 180.0 else east - 360.0)


def _parse_moment(text: str, name: str, whole: str) -> date | None:
    """One end of a datetime: a date, or a date-time taken in UTC; None for the dummy bounds
    (year 0000, 9999-12-31). A 29 February outside a leap year is the 1st of March."""
    m = _MOMENT.match(text) if _MOMENT_FULL.match(text) else None
    if m is None:
        raise InvalidParameter(
            f"{name} {whole!r}: {text!r} is not a date (YYYY-MM-DD) or an RFC 3339 date-time"
            " (YYYY-MM-DDThh:mm:ssZ)",
            where=name,
        )
    g = m.groups()
    year, month, day = int(g[0]), int(g[1]), int(g[2])
    if year == 0 or (year, month, day) == (9999, 12, 31):
        return None  # QGIS's "no bound" dummies (Python has no year 0)
    d = date(year, month, min(day, 28)) + timedelta(days=max(0, day - 28))
    if g[3] is None:
        return d
    hh, mm, ss = int(g[3]), int(g[4]), int(g[5])
    tz_text = g[7]
    if tz_text in ("Z", "z"):
        return d
    sign = 1 if tz_text[0] == "+" else -1
    offset = timedelta(hours=int(tz_text[1:3]), minutes=int(tz_text[4:6]))
    moment = datetime(d.year, d.month, d.day, hh, mm, min(ss, 59))
    try:
        return (moment - sign * offset).date()  # in UTC
    except OverflowError:  # before 0001-01-01 or after 9999-12-31 in UTC: the open ends
        return None


def parse_datetime(value: str | None, name: str = "datetime") -> Interval | None:
    """``(start, end)`` dates from an OGC ``datetime`` (instant, or ``a/b`` with open ends as
    ``..`` or empty), None when absent or empty; an open end is None. A start after the end is
    an interval nothing is in (:func:`interval_is_empty`). InvalidParameter naming ``name``
    for text :data:`DATETIME_PATTERN` refuses."""
    if value is None or value == "":
        return None
    if "/" in value:
        pieces = value.split("/")
        if len(pieces) != 2:
            raise InvalidParameter(
                f"{name} {value!r} has {len(pieces) - 1} '/'; an interval is start/end",
                where=name,
            )
        start, end = (None if p in ("", "..") else _parse_moment(p, name, value) for p in pieces)
        return (start, end)
    if value == "..":
        raise InvalidParameter(f"{name} {value!r}: '..' is only allowed in an interval", where=name)
    moment = _parse_moment(value, name, value)
    return (moment, moment)


def parse_date(value: str | None, name: str) -> date | None:
    """One date (``YYYY-MM-DD`` or an RFC 3339 date-time) for a parameter such as ``start`` or
    ``end``; None when absent or empty; InvalidParameter naming ``name``."""
    if value is None or value == "":
        return None
    return _parse_moment(value, name, value)


def format_datetime(start: date | None, end: date | None) -> str:
    """The OGC ``datetime`` text for an interval (``..`` for an open end; one date if equal)."""
    if start is not None and start == end:
        return start.isoformat()
    return f"{start.isoformat() if start else '..'}/{end.isoformat() if end else '..'}"


def parse_integer(value: str | int, name: str) -> int:
    """A whole number written in ASCII digits (no sign, no ``_``, no spaces, no other
    script's digits), at most :data:`BIG_INTEGER`; InvalidParameter naming ``name`` and the
    value otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value)
    if not _INTEGER.match(text):
        raise InvalidParameter(
            f"{name} {text!r} is not a whole number written in the digits 0-9", where=name
        )
    digits = text.lstrip("0") or "0"
    # past every limit there is, and within what SQL engines store (64-bit integers)
    return min(int(digits), BIG_INTEGER) if len(digits) <= 19 else BIG_INTEGER


def parse_limit(
    value: str | int | None, *, default: int | None = DEFAULT_LIMIT, maximum: int = MAX_LIMIT
) -> int | None:
    """``limit`` as an int in 1..maximum, ``default`` when absent; a larger value is the
    maximum (OGC API – Features); InvalidParameter naming ``limit`` for 0 or anything but
    ASCII digits."""
    if value is None:
        return default
    n = parse_integer(value, "limit")
    if n < 1:
        raise InvalidParameter(f"limit {value!r} is below 1", where="limit")
    return min(n, maximum)


def parse_offset(value: str | int | None) -> int:
    """``offset`` as an int ≥ 0, 0 when absent; InvalidParameter naming ``offset`` for
    anything but ASCII digits."""
    if value is None:
        return 0
    n = parse_integer(value, "offset")
    if n < 0:
        raise InvalidParameter(f"offset {value!r} is negative", where="offset")
    return min(n, MAX_OFFSET)


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def time_span(props: Mapping[str, Any]) -> Interval:
    """A feature's ``[start, end]`` dates: date_start/date_end or event_date; for features with
    neither key (places), the ``published`` date; (None, None) when undated."""
    if "date_start" in props or "event_date" in props:
        start = _date(props.get("date_start")) or _date(props.get("event_date"))
        end = _date(props.get("date_end")) or start
        return (start, end)
    d = _date(props.get("published"))
    return (d, d)


def _bounds(geometry: Mapping[str, Any] | None) -> BBox | None:
    if not geometry:
        return None
    coords: list[tuple[float, float]] = []

    def walk(c: Any) -> None:
        if c and isinstance(c[0], int | float):
            coords.append((float(c[0]), float(c[1])))
        else:
            for x in c:
                walk(x)

    walk(geometry.get("coordinates") or [])
    if not coords:
        return None
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    return (min(xs), min(ys), max(xs), max(ys))


def _intersects(geometry: Mapping[str, Any] | None, bbox: BBox) -> bool:
    return any(_intersects_box(geometry, part) for part in boxes(bbox))


def _intersects_box(geometry: Mapping[str, Any] | None, bbox: BBox) -> bool:
    b = _bounds(geometry)
    if b is None:
        return False
    minx, miny, maxx, maxy = bbox
    if b[0] > maxx or b[2] < minx or b[1] > maxy or b[3] < miny:
        return False
    if geometry and geometry.get("type") == "Point":
        return True
    from shapely.geometry import box, shape

    return bool(box(*bbox).intersects(shape(geometry)))


def _norm(value: Any) -> str:
    return str(value).strip().lower()


def _equal(prop: Any, wanted: str) -> bool:
    if prop is None:
        return _norm(wanted) in ("", "null")
    if isinstance(prop, bool):
        return _norm(prop) == _norm(wanted) or (str(int(prop)) == wanted.strip())
    if isinstance(prop, int | float) and _NUMBER.match(wanted.strip()):
        return float(prop) == float(wanted)
    return _norm(prop) == _norm(wanted)


def check_filters(filters: Mapping[str, str] | None, known: Collection[str]) -> dict[str, str]:
    """``filters`` if every name is a property in ``known`` (or ``actor``); InvalidParameter
    naming the first unknown one otherwise."""
    out = dict(filters or {})
    for key, value in out.items():
        if key != "actor" and key not in known:
            raise InvalidParameter(
                f"unknown property {key!r} to filter on ({key}={value!r}); properties are"
                f" {', '.join(sorted(known))}",
                where=key,
            )
    return out


def predicates(filters: Mapping[str, str], known: Collection[str]) -> tuple[Predicate, ...]:
    """Property filters as query predicates: ``actor`` a substring of actor/actor1/actor2, any
    other name an equality; InvalidParameter naming the first name not in ``known``."""
    out: list[Predicate] = []
    for key, value in check_filters(filters, known).items():
        out.append(Contains(ACTOR_KEYS, value) if key == "actor" else Equals(key, value))
    return tuple(out)


def equal(prop: Any, wanted: str) -> bool:
    """The :class:`~geomap.store.base.Equals` rule for one property value."""
    return _equal(prop, wanted)


def select(
    features: Iterable[dict[str, Any]],
    *,
    bbox: BBox | None = None,
    start: date | None = None,
    end: date | None = None,
    filters: Mapping[str, str] | None = None,
    properties: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    """The features (in order) that intersect ``bbox``, whose time span overlaps
    ``[start, end]`` and whose properties equal ``filters`` (case-insensitive; ``actor`` is a
    substring of actor/actor1/actor2). Filter names are checked against ``properties`` (default:
    the keys of the features seen, so nothing is checked when there are none); an unknown name
    raises InvalidParameter."""
    items = list(features)
    if (not items and properties is None) or interval_is_empty(start, end):
        return []
    if filters:
        known = properties
        if known is None:
            known = {k for f in items for k in (f.get("properties") or {})}
            known |= {"id"}
        filters = check_filters(filters, known)
    out = []
    for f in items:
        props = f.get("properties") or {}
        if bbox is not None and not _intersects(f.get("geometry"), bbox):
            continue
        if start is not None or end is not None:
            s, e = time_span(props)
            if s is None or e is None:
                continue
            if start is not None and e < start:
                continue
            if end is not None and s > end:
                continue
        if filters and not _matches(f, props, filters):
            continue
        out.append(f)
    return out


def _matches(
    feature: Mapping[str, Any], props: Mapping[str, Any], filters: Mapping[str, str]
) -> bool:
    for key, wanted in filters.items():
        if key == "actor":
            needle = _norm(wanted)
            if not any(
                isinstance(props.get(k), str) and needle in _norm(props[k]) for k in ACTOR_KEYS
            ):
                return False
        elif key == "id" and "id" not in props:
            if _norm(feature.get("id")) != _norm(wanted):
                return False
        elif not _equal(props.get(key), wanted):
            return False
    return True


def extent(features: Iterable[dict[str, Any]]) -> tuple[BBox | None, Interval]:
    """The bounding box of the features' geometries and the span of their dates."""
    minx = miny = math.inf
    maxx = maxy = -math.inf
    first: date | None = None
    last: date | None = None
    for f in features:
        b = _bounds(f.get("geometry"))
        if b:
            minx, miny = min(minx, b[0]), min(miny, b[1])
            maxx, maxy = max(maxx, b[2]), max(maxy, b[3])
        s, e = time_span(f.get("properties") or {})
        if s is not None:
            first = s if first is None or s < first else first
        if e is not None:
            last = e if last is None or e > last else last
    box = None if minx == math.inf else (minx, miny, maxx, maxy)
    return box, (first, last)
