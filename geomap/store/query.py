"""Query parameters shared by the API, the map and the CLI: bbox, datetime, dates, property
filters and paging, parsed with errors that name the parameter, then applied to features.

Rules (OGC API – Features Part 1 where it speaks):

- ``bbox`` is ``minx,miny,maxx,maxy`` (or 6 numbers, ``minx,miny,minz,maxx,maxy,maxz``, z
  ignored) in CRS84 lon/lat. A box whose min exceeds its max is refused (boxes crossing the
  antimeridian are not supported: ask for the two halves). A feature matches when its geometry
  intersects the box (edges included).
- ``datetime`` is an instant or an interval ``a/b`` with open ends ``..`` or empty; each end is
  a date or an RFC 3339 date-time (``Z`` or an offset, converted to UTC, then its calendar date
  is used, since features carry dates only). QGIS's dummy bounds ``0000-01-01T00:00:00Z`` and
  ``9999-12-31T00:00:00Z`` are open ends.
- A feature's time span is ``[date_start, date_end]`` (falling back to ``event_date``); it
  matches when the span overlaps the asked interval. Places carry no event dates: their time is
  the ``published`` date of the report that mentioned them. A feature without a date never
  matches once any time bound is given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from geomap.errors import InvalidParameter
from geomap.store.base import ACTOR_KEYS, Contains, Equals, Predicate

BBox = tuple[float, float, float, float]
Interval = tuple[date | None, date | None]

DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def parse_bbox(value: str | None) -> BBox | None:
    """``(minx, miny, maxx, maxy)`` from ``"minx,miny,maxx,maxy"`` (or 6 numbers with z), None
    when absent; InvalidParameter naming ``bbox`` and why otherwise."""
    if value is None or value.strip() == "":
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) not in (4, 6):
        raise InvalidParameter(
            f"bbox {value!r} has {len(parts)} numbers; expected 4 (minx,miny,maxx,maxy)"
            " or 6 (minx,miny,minz,maxx,maxy,maxz)",
            where="bbox",
        )
    numbers: list[float] = []
    for p in parts:
        if not _NUMBER.match(p):
            raise InvalidParameter(f"bbox {value!r}: {p!r} is not a number", where="bbox")
        numbers.append(float(p))
    if not all(math.isfinite(n) for n in numbers):
        raise InvalidParameter(f"bbox {value!r} has a non-finite number", where="bbox")
    if len(numbers) == 6:
        minx, miny, _minz, maxx, maxy, _maxz = numbers
    else:
        minx, miny, maxx, maxy = numbers
    for name, lat in (("miny", miny), ("maxy", maxy)):
        if not -90.0 <= lat <= 90.0:
            raise InvalidParameter(
                f"bbox {value!r}: latitude {name}={lat:g} is outside -90..90", where="bbox"
            )
    if minx > maxx:
        raise InvalidParameter(
            f"bbox {value!r}: minx {minx:g} > maxx {maxx:g} (boxes across the antimeridian are"
            " not supported; ask for each side)",
            where="bbox",
        )
    if miny > maxy:
        raise InvalidParameter(f"bbox {value!r}: miny {miny:g} > maxy {maxy:g}", where="bbox")
    return (minx, miny, maxx, maxy)


def _parse_moment(text: str, name: str, whole: str) -> date | None:
    """One end of a datetime: a date, or a date-time taken in UTC; None for the dummy bounds."""
    m = _DATE.match(text)
    dt_m = None if m else _DATETIME.match(text)
    if not m and not dt_m:
        raise InvalidParameter(
            f"{name} {whole!r}: {text!r} is not a date (YYYY-MM-DD) or an RFC 3339 date-time"
            " (YYYY-MM-DDThh:mm:ssZ)",
            where=name,
        )
    g = (m or dt_m).groups()  # type: ignore[union-attr]
    year, month, day = int(g[0]), int(g[1]), int(g[2])
    if year == 0 or (year, month, day) == (9999, 12, 31):
        return None  # QGIS's "no bound" dummies (Python has no year 0)
    try:
        d = date(year, month, day)
        if dt_m is None:
            return d
        hh, mm, ss = int(g[3]), int(g[4]), int(g[5])
        tz_text = g[7]
        if tz_text in ("Z", "z"):
            tz = UTC
        else:
            sign = 1 if tz_text[0] == "+" else -1
            tz = timezone(sign * timedelta(hours=int(tz_text[1:3]), minutes=int(tz_text[4:6])))
        moment = datetime(year, month, day, hh, mm, min(ss, 59), tzinfo=tz)
        return moment.astimezone(UTC).date()
    except (ValueError, OverflowError) as exc:
        raise InvalidParameter(
            f"{name} {whole!r}: {text!r} is not a valid date ({exc})", where=name
        ) from exc


def parse_datetime(value: str | None, name: str = "datetime") -> Interval | None:
    """``(start, end)`` dates from an OGC ``datetime`` (instant, or ``a/b`` with open ends as
    ``..`` or empty), None when absent; an open end is None. InvalidParameter naming ``name``."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    if "/" in text:
        pieces = text.split("/")
        if len(pieces) != 2:
            raise InvalidParameter(
                f"{name} {value!r} has {len(pieces) - 1} '/'; an interval is start/end",
                where=name,
            )
        ends = [
            None if p.strip() in ("", "..") else _parse_moment(p.strip(), name, value)
            for p in pieces
        ]
        start, end = ends[0], ends[1]
    else:
        if text == "..":
            raise InvalidParameter(
                f"{name} {value!r}: '..' is only allowed in an interval", where=name
            )
        start = end = _parse_moment(text, name, value)
    if start is not None and end is not None and start > end:
        raise InvalidParameter(f"{name} {value!r}: start {start} is after end {end}", where=name)
    return (start, end)


def parse_date(value: str | None, name: str) -> date | None:
    """One date (``YYYY-MM-DD`` or an RFC 3339 date-time) for a parameter such as ``start`` or
    ``end``; None when absent; InvalidParameter naming ``name``."""
    if value is None or value.strip() == "":
        return None
    return _parse_moment(value.strip(), name, value)


def format_datetime(start: date | None, end: date | None) -> str:
    """The OGC ``datetime`` text for an interval (``..`` for an open end; one date if equal)."""
    if start is not None and start == end:
        return start.isoformat()
    return f"{start.isoformat() if start else '..'}/{end.isoformat() if end else '..'}"


def parse_limit(
    value: str | int | None, *, default: int | None = DEFAULT_LIMIT, maximum: int = MAX_LIMIT
) -> int | None:
    """``limit`` as an int in 1..maximum, ``default`` when absent; InvalidParameter naming
    ``limit`` otherwise."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return default
    try:
        n = int(value)
    except ValueError:
        raise InvalidParameter(f"limit {value!r} is not an integer", where="limit") from None
    if not 1 <= n <= maximum:
        raise InvalidParameter(f"limit {value!r} is outside 1..{maximum}", where="limit")
    return n


def parse_offset(value: str | int | None) -> int:
    """``offset`` as an int ≥ 0, 0 when absent; InvalidParameter naming ``offset``."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return 0
    try:
        n = int(value)
    except ValueError:
        raise InvalidParameter(f"offset {value!r} is not an integer", where="offset") from None
    if n < 0:
        raise InvalidParameter(f"offset {value!r} is negative", where="offset")
    return n


@dataclass(frozen=True, slots=True)
class Page:
    """A slice of the matched features and where it sits."""

    features: list[dict[str, Any]]
    matched: int
    offset: int
    limit: int | None

    @property
    def returned(self) -> int:
        return len(self.features)

    @property
    def next_offset(self) -> int | None:
        """Offset of the next page, None when this is the last."""
        end = self.offset + self.returned
        return end if self.limit is not None and end < self.matched else None

    @property
    def prev_offset(self) -> int | None:
        """Offset of the previous page, None on the first."""
        if self.offset <= 0:
            return None
        return max(0, self.offset - (self.limit or self.offset))


def paginate(features: Sequence[dict[str, Any]], limit: int | None, offset: int = 0) -> Page:
    """The page of ``features`` from ``offset``, at most ``limit`` long (all when None)."""
    chunk = features[offset:] if limit is None else features[offset : offset + limit]
    return Page(list(chunk), len(features), offset, limit)


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
    if not items and properties is None:
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
